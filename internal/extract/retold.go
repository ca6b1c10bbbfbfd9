package extract

import (
	"slices"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// News retells what earlier reports told without dating it again: "the
// co-pilot of the jet that went down in the Alps, killing 150", "days
// after the typhoon struck". Such an event is the same happening as
// another outlet's dated report of it, and takes that report's date, so
// that it joins that report's event instead of being lost.

// DateRetold dates the events an article published on published tells
// without a date (Extraction.Retold) from the reports: each takes the
// date of the report it plainly retells (Reports.sameAs) among those
// dated no later than the article, unless the article's own events (own)
// tell that event already, the one sharing most salient words,
// and its sentence is marked as dated so (model.DateHowRetold). The
// report must use one of the words that tell it (model.Retold.Told). Events no
// report retells are left out.
func (p *Reports) DateRetold(retold []model.Retold, own []model.Event, published time.Time) []model.Event {
	if p == nil || len(p.events) == 0 || published.IsZero() {
		return nil
	}
	day := model.Day(published)
	var out []model.Event
	for i := range retold {
		uw := withWords(&retold[i].Event)
		u := &uw
		best, bestN := -1, 0
		seen := map[string]bool{}
		for _, j := range p.alike(u, minReportWords-1) {
			r := &p.events[j]
			if r.Start.After(day) || !usesAny(r.Words, retold[i].Told) {
				continue
			}
			// Copies of one report (an outlet's story syndicated, an
			// article imported twice) answer alike: weigh one.
			if sig := p.signature(j); seen[sig] {
				continue
			} else {
				seen[sig] = true
			}
			if !p.sameAs(u, j, true) && !p.samePlaceAndKind(u, r) {
				continue
			}
			d := *u
			d.Start, d.End, d.Precision = r.Start, r.End, r.Precision
			if !SameEvent(r, &d) || tellsAlready(own, &d) || tellsAlready(own, r) {
				// Dated so, it would not join the report, but be an event
				// of its own on a date its article does not give; or its
				// article tells that event already, dated.
				continue
			}
			n := p.salientShared(u, r)
			if n > bestN || n == bestN && best >= 0 && len(r.Sources) > len(p.events[best].Sources) {
				best, bestN = j, n
			}
		}
		if best < 0 {
			continue
		}
		r := &p.events[best]
		e := retold[i].Event
		e.Start, e.End, e.Precision = r.Start, r.End, r.Precision
		out = append(out, e)
	}
	return out
}

// samePlaceAndKind reports a retelling of r's kind in r's place that
// shares two salient words with it ("the botched coup" in Ankara and a
// report of the coup in Ankara): with the word that tells it in common,
// what sameAs asks of any two events is more than a retelling needs.
func (p *Reports) samePlaceAndKind(u, r *model.Event) bool {
	if u.Kind != r.Kind || u.Planned != r.Planned || sharesArticle(u, r) {
		return false
	}
	if _, same := placesCompatible(u.Place, r.Place); !same {
		return false
	}
	return p.salientShared(u, r) >= minReportWords-1
}

// signature is what report j says that DateRetold weighs: its dates,
// kind, place and words, worked out once.
func (p *Reports) signature(j int) string {
	if p.sigs == nil {
		p.sigs = make([]string, len(p.events))
	}
	if p.sigs[j] == "" {
		r := &p.events[j]
		var b strings.Builder
		b.WriteString(r.Start.Format("20060102"))
		b.WriteString(eventEnd(r).Format("20060102"))
		b.WriteString(string(r.Kind))
		if r.Place != nil {
			b.WriteString(r.Place.Key)
		}
		for _, w := range r.Words {
			b.WriteByte('|')
			b.WriteString(w)
		}
		p.sigs[j] = b.String()
	}
	return p.sigs[j]
}

// usesAny reports whether words, sorted, hold one of told: a report of
// the same happening tells it with one of the same words ("crashed" and
// "crash", "attacks" and "attacked"), where a sentence on the rescue does
// not retell a death.
func usesAny(words, told []string) bool {
	for _, w := range told {
		if _, ok := slices.BinarySearch(words, w); ok {
			return true
		}
	}
	return false
}

// tellsAlready reports whether one of own, an article's events, is the
// same event as e.
func tellsAlready(own []model.Event, e *model.Event) bool {
	for i := range own {
		if SameEvent(&own[i], e) {
			return true
		}
	}
	return false
}

// salientShared counts the salient content words u and r share.
func (p *Reports) salientShared(u, r *model.Event) int {
	n := 0
	forSharedWords(u, r, func(w string) {
		if p.df[w] <= p.common {
			n++
		}
	})
	return n
}

// collectRetold keeps, for other reports to date, the happenings a dated
// article's sentences tell that made no event of the article: background
// told without a date ("the jet that went down, killing 150", "the botched
// coup"), quoted or not. What is not real (under a modal, negated) is left
// out.
func (d *doc) collectRetold() {
	if d.dct.IsZero() {
		return
	}
	told := map[int]bool{} // sentences that tell an event already
	for _, e := range d.events {
		// "…, a Marseille prosecutor said on Thursday": the saying is
		// of its day; what it retells may be of another.
		if e.Kind != model.KindStatement {
			told[e.sentence] = true
		}
	}
	for _, e := range d.retold {
		told[e.sentence] = true
	}
	for si, tis := range d.sentTrigs {
		if told[si] {
			continue
		}
		var rest []int
		for _, ti := range tis {
			if d.toldAsDone(ti) {
				rest = append(rest, ti)
			}
		}
		if len(rest) > 0 {
			d.retoldEvent(si, rest)
		}
	}
}

// toldAsDone reports a trigger that tells a real happening as done and
// known: a past form ("went down"), a participle after a comma (", killing
// 150") or a noun made definite ("the crash", "Friday's quake", "whose
// attacks"); not "is conducting", "to attack", "a possible strike",
// "talks" in general, a modal, a negation or a statement.
func (d *doc) toldAsDone(ti int) bool {
	t := d.triggers[ti]
	if t.irrealis || t.negated || t.adjectival || t.kind == model.KindStatement || t.kind == model.KindDeadline {
		return false
	}
	switch t.form {
	case formPast:
		return true
	case formGerund:
		return d.prevWord(t.i) == ","
	case formNoun:
		return d.definite(t.i)
	}
	return false
}

// definite reports a noun at token i with a definite word before it,
// across at most two modifiers ("the devastating earthquake", "the
// Germanwings crash").
func (d *doc) definite(i int) bool {
	s := d.tokSent[i]
	for k, n := i-1, 0; k >= 0 && d.tokSent[k] == s && n < 3; k, n = k-1, n+1 {
		w := d.toks[k]
		if definiteWords[w.low] {
			return true
		}
		if !w.word {
			return false
		}
	}
	return false
}

// retoldEvent keeps the event of a sentence's triggers that happened
// before the time the sentence gives ("… days after the storm killed
// thousands"), undated, for another report to date.
func (d *doc) retoldEvent(si int, tis []int) {
	if d.dct.IsZero() || d.allIrrealis(tis) {
		return
	}
	kind := d.triggers[tis[0]].kind
	for _, ti := range tis[1:] {
		if k := d.triggers[ti].kind; kindRank[k] > kindRank[kind] {
			kind = k
		}
	}
	if k, ok := d.causeKind(tis); ok {
		kind = k
	}
	e := evt{sentence: si, trigs: tis, timeIdx: -1, anchor: d.toks[d.triggers[tis[0]].i].s}
	e.Kind = kind
	e.verb = d.otherVerb(tis, kind)
	d.keepRetold(e, d.source(si))
}

// retoldKinds are the kinds of happening that take place once, so that a
// retelling is the one a report dates: an attack, a quake, a crash, a
// battle, an arrest, a protest, a coup or a resignation, a ruling.
var retoldKinds = map[model.Kind]bool{
	model.KindAttack: true, model.KindDisaster: true, model.KindAccident: true,
	model.KindMilitary: true, model.KindArrest: true, model.KindProtest: true,
	model.KindPolitical: true, model.KindLegal: true, model.KindAnnexation: true,
	model.KindWithdrawal: true,
}

// keepRetold completes e, an event of a dated article told without a
// date, and keeps it apart from the article's events (d.retold).
func (d *doc) keepRetold(e evt, src model.Source) {
	if !retoldKinds[e.Kind] {
		// What someone said is news of its own day; talks, votes and
		// disputes recur, and "the talks" need not be the ones another
		// report dates.
		return
	}
	src.DateHow = model.DateHowRetold
	e.Sources = []model.Source{src}
	d.fillPlaceActors(&e)
	e.Confidence = d.confidence(&e)
	d.retold = append(d.retold, e)
}

// finishRetold titles the events told without a date (d.retold) as finish
// titles the article's events, with keys of their own: one may become an
// event of the article beside another of its sentence and kind.
func (d *doc) finishRetold() []model.Retold {
	if len(d.retold) == 0 {
		return nil
	}
	retold := d.retold
	events := d.events
	d.events = retold
	out, _ := d.finish()
	d.events = events
	told := make([]model.Retold, len(out))
	for i := range out {
		s := out[i].Sources[0].Start
		out[i].Key = eventKey(d.a.SHA256, s, retold[i].anchor-s, out[i].Kind+"#retold")
		told[i] = model.Retold{Event: out[i], Told: d.toldWords(retold[i].trigs)}
	}
	return told
}

// toldWords are the words of triggers tis ("crashed", "air crash"),
// folded as match words are, each once.
func (d *doc) toldWords(tis []int) []string {
	// "died during the rescue operations": the rescue is when the death
	// happened, not what happened; a report of the rescue does not tell it.
	var heads []int
	for _, ti := range tis {
		if t := d.triggers[ti]; t.form != formNoun || !d.inPP(t) {
			heads = append(heads, ti)
		}
	}
	if len(heads) > 0 {
		tis = heads
	}
	var out []string
	for _, ti := range tis {
		t := d.triggers[ti]
		for k := t.i; k < t.i+max(1, t.words); k++ {
			if w := stemWord(d.toks[k].low); !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}
