package extract

import (
	"github.com/briefingatlas/atlas/internal/model"
)

// evt is an event under construction within one article.
type evt struct {
	model.Event
	sentence int
	trigs    []int
	timeIdx  int
	persons  map[int]bool
	// govs are the countries whose governments take part, named as such
	// ("Russia agreed") or through an official's title ("Russian Foreign
	// Minister Sergei Lavrov"): two reports of one encounter may name the
	// states in one and their envoys in the other.
	govs     map[string]bool
	verb     string // for "other" events: the verb that names them ("resigns")
	placeHow string // "sentence", "dateline" or ""
	// placeText is how the sentence names the place when the place is a
	// country standing for towns named together ("Lyon and Marseille").
	placeText string
	merged    bool
	sequel    bool // told as another happening after those before it (sequel)
	// side is who acted in a street confrontation, the crowd or the
	// forces facing it (actingSide): of the event's first sentence, or of
	// the first of its merged sentences that says.
	side string
	// anchor is the byte offset of the word that made the event (its first
	// trigger, else its time expression); with several events from one
	// sentence it tells them apart in the key.
	anchor int
}

// buildEvents groups triggers into events: one per time expression they
// share, and one per sentence for untimed triggers dated by the story.
func (d *doc) buildEvents() {
	d.attachTimes()
	// Which triggers end up in an event decides who may claim a nearby
	// place, so settle it before building any event.
	for si := range d.sentTrigs {
		anchored := false
		for _, ti := range d.sentTrigs[si] {
			t := &d.triggers[ti]
			if t.timeRejected && t.time < 0 {
				t.inherits = false
			}
			if t.time < 0 && t.inherits {
				anchored = true
			}
		}
		for _, ti := range d.sentTrigs[si] {
			t := &d.triggers[ti]
			t.inEvent = t.time >= 0 || anchored && !t.quoted
		}
	}
	for si, tis := range d.sentTrigs {
		if len(tis) == 0 && !d.hasDeadline(si) {
			continue
		}
		groups := map[int][]int{}
		var timeOrder []int
		var untimed []int
		negatedAt := map[int]bool{}
		for _, ti := range tis {
			tr := d.triggers[ti]
			if tr.negated && !tr.irrealis && tr.form != formNoun {
				// "The army did not withdraw on Monday", "No one was
				// arrested": what did not happen is no event of the day.
				if tr.time >= 0 {
					negatedAt[tr.time] = true
				}
				continue
			}
			if tr.time >= 0 {
				if _, ok := groups[tr.time]; !ok {
					timeOrder = append(timeOrder, tr.time)
				}
				groups[tr.time] = append(groups[tr.time], ti)
			} else if !tr.quoted {
				untimed = append(untimed, ti)
			}
		}
		// "four on Sunday and four on Monday": a second date coordinated
		// with a dated one makes its own event of the same words, instead
		// of being lost, moving the first, or dating only a "police said".
		for _, xi := range append([]int(nil), timeOrder...) {
			for xj := range d.times {
				if xj == xi || !d.coordinated(xi, xj) || !d.onlyStatements(groups[xj]) {
					continue
				}
				if _, ok := groups[xj]; !ok {
					timeOrder = append(timeOrder, xj)
				}
				groups[xj] = append(append([]int(nil), groups[xi]...), groups[xj]...)
			}
		}
		for _, xi := range timeOrder {
			if d.demandedDeadline(si, xi, groups[xi]) {
				continue
			}
			if negatedAt[xi] && d.allNouns(groups[xi]) {
				// "Talks did not resume on Wednesday": the talks the
				// negated verb is about did not take place either.
				continue
			}
			// "The raid took place on the same day as the bombing in
			// Abuja": two events, both of that day; "… days after the
			// bombing": the bombing is not of that day.
			head, tail, same := d.relationSplit(groups[xi])
			d.timedEvent(si, xi, head)
			if same && d.tellsEvent(tail) {
				d.timedEvent(si, xi, tail)
			} else if d.tellsEvent(tail) {
				// "… days after the bombing": the bombing was before, on a
				// day only another report may give.
				d.retoldEvent(si, tail)
			}
		}
		// A deadline is an event of its own even when no event word governs
		// it: "X said Y had until December 4 to settle the dispute".
		for xi := range d.times {
			x := &d.times[xi]
			if x.sentence != si || !d.deadlineAt(x) {
				continue
			}
			if _, taken := groups[xi]; !taken {
				d.timedEvent(si, xi, nil)
			}
		}
		head, tail, same := d.relationSplit(untimed)
		for _, part := range d.splitByPlace(head) {
			d.untimedEvent(si, part)
		}
		if same && d.tellsEvent(tail) {
			// "… said at a news conference, after they had met for ten
			// hours": the other event, of the same day.
			d.untimedEvent(si, tail)
		} else if d.tellsEvent(tail) {
			d.retoldEvent(si, tail)
		}
	}
	d.embeddedPosts()
	d.speakersApart()
	d.mergeLocal()
	d.collectRetold()
}

// deadlineAt reports a time expression that sets a deadline of its own,
// something due by it (see somethingDue).
func (d *doc) deadlineAt(x *texpr) bool {
	return x.usable && x.Future && deadlineSignal(x) && !x.prenominal && d.somethingDue(x)
}

// hasDeadline reports a sentence with a deadline of its own, which is an
// event though the sentence has no event word: "Rebels were given until
// Friday to leave."
func (d *doc) hasDeadline(si int) bool {
	for xi := range d.times {
		if x := &d.times[xi]; x.sentence == si && d.deadlineAt(x) {
			return true
		}
	}
	return false
}

// splitByPlace parts a sentence's untimed event words by the town each
// names right after it: "took over Mosul … and have now seized portions of
// Baiji" tells two seizures. Words naming no town of their own go with
// the first part.
func (d *doc) splitByPlace(tis []int) [][]int {
	if len(tis) < 2 {
		if len(tis) == 0 {
			return nil
		}
		return [][]int{tis}
	}
	var keys []string
	parts := map[string][]int{}
	var rest []int
	for n, ti := range tis {
		k := ""
		if p := d.ownTown(ti, tis[n+1:]); p != nil {
			k = p.Key
		}
		if k == "" {
			rest = append(rest, ti)
			continue
		}
		if _, ok := parts[k]; !ok {
			keys = append(keys, k)
		}
		parts[k] = append(parts[k], ti)
	}
	if len(keys) < 2 {
		return [][]int{tis}
	}
	out := make([][]int, 0, len(keys))
	for i, k := range keys {
		if i == 0 {
			out = append(out, append(parts[k], rest...))
			continue
		}
		out = append(out, parts[k])
	}
	return out
}

// ownTown is the town (no country or region) named as a place within a
// few words after event word ti, before any of the later event words.
func (d *doc) ownTown(ti int, later []int) *model.Place {
	t := d.triggers[ti]
	stop := d.sents[t.sentence].t1
	for _, o := range later {
		stop = min(stop, d.triggers[o].i)
	}
	for k := t.i + t.words; k < stop && k < t.i+t.words+6; k++ {
		en := d.tokEnt[k]
		if en < 0 || d.ents[en].t0 != k {
			continue
		}
		e := &d.ents[en]
		if e.kind == entPlace && e.hasPlace && (e.locative || d.isObjectPlace(k)) && !e.country && !isArea(&e.place) {
			return &e.place
		}
	}
	return nil
}

// onlyStatements reports a group of triggers that are all reporting verbs
// (or none at all).
func (d *doc) onlyStatements(tis []int) bool {
	for _, ti := range tis {
		if t := d.triggers[ti]; !t.statement && t.kind != model.KindStatement {
			return false
		}
	}
	return true
}

// coordinated reports a usable date xj that follows date xi in its
// sentence, joined by "and" or a comma with at most three words between
// ("on Sunday and four on Monday", "on March 3, and on March 5").
func (d *doc) coordinated(xi, xj int) bool {
	a, b := &d.times[xi], &d.times[xj]
	if a.sentence != b.sentence || !b.usable || b.t0 <= a.t1 || b.prenominal || b.Future != a.Future || b.only1 > b.only0 {
		// "On 2 July, nine days after they went missing": a day counted
		// for a clause of its own is no second date of the same words.
		return false
	}
	if a.Precision != b.Precision || a.Start.Equal(b.Start) {
		return false
	}
	joined := false
	for k := a.t1; k < b.t0; k++ {
		w := d.toks[k].low
		switch {
		case w == "and" || w == ",":
			joined = true
		case k-a.t1 > 4 || d.tokTime[k] >= 0 || !d.toks[k].word:
			return false
		}
	}
	return joined
}

// timedEvent makes the event dated by time expression xi.
func (d *doc) timedEvent(si, xi int, tis []int) {
	if len(tis) > 0 && d.allAdjectival(tis) {
		// "rescued on Tuesday from a flooded cave": a participle that
		// describes a noun tells no event of that day.
		return
	}
	x := &d.times[xi]
	// "toured the devastated district and urged leaders to agree": a
	// participle that describes a noun does not give the event its kind
	// when a verb of the sentence tells what happened.
	kind, ok := d.groupKind(d.withoutAdjectival(tis), x)
	if !ok {
		return
	}
	e := evt{sentence: si, trigs: tis, timeIdx: xi, anchor: x.Span.Start}
	for _, ti := range tis {
		e.anchor = min(e.anchor, d.toks[d.triggers[ti].i].s)
	}
	e.Kind = kind
	e.verb = d.otherVerb(tis, kind)
	// "today" can be flagged future by a nearby modal; an event is planned
	// only when it lies after publication, or its words are not yet real.
	e.Planned = !d.dct.IsZero() && x.Anchored && x.Start.After(d.dct) && !x.Ahead || x.Future && (kind == model.KindDeadline || d.allIrrealis(tis))
	e.Sources = []model.Source{d.dateBy(&e, si, x)}
	d.fillPlaceActors(&e)
	e.Confidence = d.confidence(&e)
	d.events = append(d.events, e)
}

// dateBy dates e by time expression x of sentence si and returns that
// sentence as its source, with the time as written and how it was found.
func (d *doc) dateBy(e *evt, si int, x *texpr) model.Source {
	src := d.source(si)
	if !x.Assumed {
		// "The raid took place on the same day as …" with no day named
		// before: the date is the story's, not one the text gives, and a
		// report that names the day must win a merge against it.
		src.TimeText = x.Text
		src.TimeSpan = x.Span
	}
	if !x.Anchored || x.Start.IsZero() {
		src.DateHow = "undated"
		return src
	}
	e.Start, e.End = model.Day(x.Start), model.Day(x.End)
	if e.End.IsZero() {
		e.End = e.Start
	}
	e.Precision = x.Precision
	if e.Precision == model.PrecisionNone {
		e.Precision = model.PrecisionDay
	}
	if x.Relative {
		src.DateHow = "relative to publication"
	} else {
		src.DateHow = "explicit"
	}
	return src
}

// allNouns reports event words that are all nouns.
func (d *doc) allNouns(tis []int) bool {
	for _, ti := range tis {
		if d.triggers[ti].form != formNoun {
			return false
		}
	}
	return true
}

// withoutAdjectival is tis without the event words that describe nouns,
// or tis itself when all of them do.
func (d *doc) withoutAdjectival(tis []int) []int {
	var out []int
	for _, ti := range tis {
		if !d.triggers[ti].adjectival {
			out = append(out, ti)
		}
	}
	if len(out) == 0 || len(out) == len(tis) {
		return tis
	}
	return out
}

// allAdjectival reports event words that all describe nouns ("a flooded
// cave", "the agreed steps").
func (d *doc) allAdjectival(tis []int) bool {
	for _, ti := range tis {
		if !d.triggers[ti].adjectival {
			return false
		}
	}
	return true
}

// allIrrealis reports event words that are all unrealised (under a modal,
// "to", "whether").
func (d *doc) allIrrealis(tis []int) bool {
	for _, ti := range tis {
		if !d.triggers[ti].irrealis {
			return false
		}
	}
	return len(tis) > 0
}

// untimedEvent makes the event of a sentence's triggers that have no time
// expression of their own, dated by the story's day when a past-tense event
// verb says it happened then.
func (d *doc) untimedEvent(si int, tis []int) {
	var anchors []int
	for _, ti := range tis {
		if d.triggers[ti].inherits {
			anchors = append(anchors, ti)
		}
	}
	if len(anchors) == 0 {
		return
	}
	kind := model.KindOther
	best := -1
	for _, ti := range anchors {
		k := d.triggers[ti].kind
		if best < 0 || kindRank[k] > kindRank[kind] {
			kind, best = k, ti
		}
	}
	if k, ok := d.causeKind(tis); ok {
		kind = k
	} else if k, ok := d.frameKind(tis); ok {
		kind = k
	}
	e := evt{sentence: si, trigs: tis, timeIdx: -1, anchor: d.toks[d.triggers[tis[0]].i].s}
	e.Kind = kind
	e.verb = d.otherVerb(anchors, kind)
	src := d.source(si)
	nowDone := !d.dct.IsZero()
	for _, ti := range anchors {
		nowDone = nowDone && d.perfectNow(&d.triggers[ti])
	}
	prev := d.continuesTime(si, anchors)
	switch {
	case d.sents[si].courseOf:
		// "The botched coup … ended hours later when loyal forces
		// regained control": how the coup went, on its day, which only
		// another report of the coup may give.
		if k, ok := d.eventNounAt(d.subjectNoun(si)); ok {
			e.Kind = k
		}
		d.keepRetold(e, src)
		return
	case prev >= 0 && !nowDone:
		// "The disaster began shortly after 1 a.m. on Saturday, when the
		// train rolled down the slope. It picked up speed, derailed and
		// exploded": the story goes on from the day the sentence before
		// gave, not the day the article reports on.
		x := &d.times[prev]
		e.Start, e.End, e.Precision = model.Day(x.Start), model.Day(x.End), model.PrecisionDay
		src.DateHow = "the sentence before"
	case nowDone:
		// "have now seized": done by the time of writing.
		e.Start, e.End, e.Precision = d.dct, d.dct, model.PrecisionDay
		src.DateHow = "publication day"
	case !d.story.IsZero():
		e.Start, e.End, e.Precision = d.story, d.story, model.PrecisionDay
		if d.story.Equal(d.dct) {
			src.DateHow = "publication day"
		} else {
			src.DateHow = "relative to publication"
		}
	case d.dct.IsZero():
		src.DateHow = "undated"
	case d.leadSentence(si) && (d.presentPerfect(anchors) || d.presentProgressive(anchors)):
		// "Airbus has signed a contract", "Smith is stepping down": the
		// news of the day it is published.
		e.Start, e.End, e.Precision = d.dct, d.dct, model.PrecisionDay
		src.DateHow = "publication day"
	case d.leadSentence(si):
		// The lead of a news story tells what has just happened ("Osama bin
		// Laden was killed by U.S. forces"): on the publication day or the
		// day before, which is all the text says.
		e.Start, e.End, e.Precision = d.dct.AddDate(0, 0, -1), d.dct, model.PrecisionRange
		src.DateHow = "publication day or the day before"
	default:
		// A dated article without a day it reports on: an untimed event
		// further down cannot be dated honestly; another outlet's report
		// of it may date it (Extraction.Retold).
		d.keepRetold(e, src)
		return
	}
	e.Sources = []model.Source{src}
	d.fillPlaceActors(&e)
	e.Confidence = d.confidence(&e)
	d.events = append(d.events, e)
}

// presentPerfect reports triggers told with "has"/"have" ("has
// collapsed", "have signed"), which news uses for what just happened.
func (d *doc) presentPerfect(tis []int) bool {
	for _, ti := range tis {
		t := d.triggers[ti]
		s := d.sents[t.sentence]
		for k, n := t.i-1, 0; k >= s.t0 && n < 3; k, n = k-1, n+1 {
			switch d.toks[k].low {
			case "has", "have", "'ve":
				return true
			case "had":
				return false
			}
			if !d.toks[k].word {
				break
			}
		}
	}
	return false
}

// presentProgressive reports an event word of tis told as under way now
// ("is stepping down", "are resigning").
func (d *doc) presentProgressive(tis []int) bool {
	for _, ti := range tis {
		t := d.triggers[ti]
		if t.form == formGerund && t.i > d.sents[t.sentence].t0 {
			if w := d.toks[t.i-1].low; w == "is" || w == "are" || w == "am" {
				return true
			}
		}
	}
	return false
}

// leadSentences is how many prose sentences open a story with its news.
const leadSentences = 2

// leadSentence reports whether sentence si is among the first prose
// sentences of the article (headlines, bylines and date lines do not count).
func (d *doc) leadSentence(si int) bool {
	n := 0
	for i := 0; i < si && i < len(d.sents); i++ {
		if !d.sents[i].headline {
			n++
		}
	}
	return n < leadSentences && !d.sents[si].headline
}

// groupKind chooses the kind of an event from its triggers.
func (d *doc) groupKind(tis []int, x *texpr) (model.Kind, bool) {
	if x.Future || deadlineSignal(x) && d.timeGiver(x) >= 0 && d.dueInfinitive(x) {
		// (A deadline given and passed by publication is one too: "on
		// Sunday … gave the president until noon on Monday to resign".)
		if x.Signal == "for" {
			// "an early presidential election set for May 25": the
			// election is what is planned for that day, not a deadline.
			for _, ti := range tis {
				switch k := d.triggers[ti].kind; k {
				case model.KindElection, model.KindMeeting, model.KindTalks, model.KindConference, model.KindLegal,
					model.KindProtest, model.KindPolitical, model.KindMilitary:
					// "called a larger rally for Sunday", "a vote set for
					// Monday", "an offensive planned for spring".
					return k, true
				}
			}
		}
		if deadlineSignal(x) {
			return model.KindDeadline, true
		}
		for _, ti := range tis {
			switch d.triggers[ti].kind {
			case model.KindDeadline, model.KindProposal:
				return model.KindDeadline, true
			}
		}
	}
	pick := func(filter func(t trig) bool) (model.Kind, bool) {
		var k model.Kind
		found := false
		for _, ti := range tis {
			t := d.triggers[ti]
			if !filter(t) {
				continue
			}
			if !found || kindRank[t.kind] > kindRank[k] {
				k, found = t.kind, true
			}
		}
		return k, found
	}
	if d.directive(tis) >= 0 {
		return model.KindStatement, true
	}
	if k, ok := d.causeKind(tis); ok {
		return k, true
	}
	if k, ok := d.frameKind(tis); ok {
		return k, true
	}
	// "appeared on television to say he would not resign": what someone
	// says will not happen gives no kind while another word tells what did.
	if k, ok := pick(func(t trig) bool {
		return t.form != formNoun && !t.statement && t.kind != model.KindStatement && !t.weak && !t.adjectival && !t.negated
	}); ok {
		return k, true
	}
	// "More than 70 people died in bombings": a weak verb (died, wounded,
	// destroyed) tells the toll; the event noun tells what happened.
	if k, ok := pick(func(t trig) bool {
		return t.form == formNoun && !t.weak && t.kind != model.KindStatement && t.kind != model.KindOther && (!d.inPP(t) || d.causeOfToll(t))
	}); ok {
		return k, true
	}
	// "visited wounded soldiers": a participle describing a noun gives
	// no kind while a verb of the clause does.
	if k, ok := pick(func(t trig) bool {
		return t.form != formNoun && !t.statement && t.kind != model.KindStatement && !t.adjectival && !t.negated
	}); ok {
		return k, true
	}
	if k, ok := pick(func(t trig) bool {
		return t.form != formNoun && !t.statement && t.kind != model.KindStatement && !t.negated
	}); ok {
		return k, true
	}
	if k, ok := pick(func(t trig) bool { return t.form == formNoun && t.kind != model.KindStatement && !d.inPP(t) }); ok {
		return k, true
	}
	// "On Sunday, the group at the talks complained…": a noun in a
	// prepositional phrase is the setting; the statement is the event.
	if k, ok := pick(func(t trig) bool { return t.form != formNoun && !t.negated }); ok {
		return k, true
	}
	return pick(func(t trig) bool { return true })
}

// inPP reports an event noun inside a prepositional phrase ("at the
// talks", "after the meeting"): the setting of what is told, not the news.
func (d *doc) inPP(t trig) bool {
	s := d.sents[t.sentence]
	k := t.i - 1
	for n := 0; k >= s.t0 && n < 3; n++ {
		w := d.toks[k].low
		switch w {
		case "at", "in", "on", "to", "from", "during", "before", "after", "for", "into", "about", "over":
			return true
		}
		if !(determiners[w] || d.tokEnt[k] >= 0) {
			return false
		}
		k--
	}
	return false
}

// otherVerb names an event of kind other by its verb ("resigns").
func (d *doc) otherVerb(tis []int, kind model.Kind) string {
	if kind != model.KindOther {
		return ""
	}
	for _, ti := range tis {
		if t := d.triggers[ti]; t.kind == model.KindOther && t.pres != "" {
			return t.pres
		}
	}
	return ""
}

// source is the excerpt of sentence si.
func (d *doc) source(si int) model.Source {
	s := d.sents[si]
	return model.Source{ArticleID: d.a.ID, File: baseName(d.a.Path), Span: s.Span, Text: d.text[s.Start:s.End]}
}
