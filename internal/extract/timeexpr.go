package extract

import (
	"regexp"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timex"
)

// This file maps the temporal tagger's expressions onto an article's
// tokens and settles what the tagger alone cannot: "since" phrases, two
// days joined by "and", bare clock times, and dates that modify a noun.

// tagTimes runs the temporal tagger over the whole text once and maps its
// expressions onto tokens.
func (d *doc) tagTimes() {
	exprs := timex.Tag(d.text, d.dct)
	ti := 0
	for _, e := range exprs {
		// Find the tokens covering e.
		for ti < len(d.toks) && d.toks[ti].e <= e.Span.Start {
			ti++
		}
		if ti >= len(d.toks) {
			break
		}
		t0 := ti
		if d.toks[t0].s >= e.Span.End {
			continue // inside noise or between sentences
		}
		t1 := t0
		for t1 < len(d.toks) && d.toks[t1].s < e.Span.End && d.tokSent[t1] == d.tokSent[t0] {
			t1++
		}
		if e.Future && e.Anchored && !d.dct.IsZero() && !e.End.IsZero() && !e.End.After(d.dct) {
			// A date that ends by publication is not in the future, whatever
			// words stand near it ("proposed a plan … on December 8").
			e.Future = false
		}
		x := texpr{Expr: e, t0: t0, t1: t1, sentence: d.tokSent[t0], quoted: d.toks[t0].quoted, bound: -1}
		narrowToPart(&x.Expr)
		d.narrowToNow(&x.Expr)
		x.usable = (e.Type == timex.TypeDate || e.Type == timex.TypeTime) && !strings.HasSuffix(e.Value, "_REF") && e.Value != "" && (e.Anchored || d.dct.IsZero())
		if x.usable && e.Anchored && e.Start.IsZero() {
			x.usable = false
		}
		// "after 2011", "since 2011": an open interval does not date an event
		// inside it.
		if e.Mod == "AFTER" || e.Mod == "ON_OR_AFTER" || e.Signal == "since" || e.Signal == "after" {
			x.usable = x.usable && e.Signal == "since" && d.stateBegun(t0)
		}
		if x.usable && d.baseline(t0, t1) {
			// "an increase of 54 points from March 12", "rose 5% compared
			// with last year": the point a change is measured from.
			x.usable = false
		}
		if x.usable && e.Precision != model.PrecisionDay && d.superlativeScope(t0) {
			// "the second-deadliest mass shooting in the U.S. this year",
			// "the worst floods in a decade": the span a record is set
			// in, not the event's date.
			x.usable = false
		}
		if end := d.whenClauseAfter(t1); end > 0 && !x.usable && e.Anchored && !e.Start.IsZero() && !x.quoted && (e.Type == timex.TypeDate || e.Type == timex.TypeTime) {
			// "the worst disaster since 1939, when an earthquake killed
			// 30,000": a year that dates no event of the main clause
			// still dates what the when-clause tells, and only that.
			x.usable, x.only0, x.only1 = true, t1+2, end
		}
		d.bindPrenominal(&x)
		d.bindPostnominal(&x)
		if x.usable && x.only1 == 0 && d.sinceBefore(t0) && !x.prenominal && !d.stateBegun(t0) {
			if n := d.sinceNoun(t0); n >= 0 {
				// "since the Concorde disaster just outside Paris nearly
				// 15 years ago": the date is the disaster's, and only its.
				x.prenominal, x.bound = true, n
			} else {
				x.usable = false
			}
		}
		idx := len(d.times)
		d.times = append(d.times, x)
		for i := t0; i < t1; i++ {
			d.tokTime[i] = idx
		}
	}
	d.joinDayPairs()
	d.anchorClocks()
}

// narrowToPart narrows a month or a year that "early", "mid" or "late"
// qualifies to that part of it ("late last month" is its last ten days,
// "early this year" its first four months), so that an event it dates
// claims no more than the text says.
func narrowToPart(e *timex.Expr) {
	if !e.Anchored || e.Start.IsZero() {
		return
	}
	part := map[string]string{"START": "early", "MID": "mid", "END": "late"}[e.Mod]
	if from, to, ok := model.PeriodPart(e.Start, e.Precision, part); ok {
		e.Start, e.End = from, to
	}
}

// narrowToNow cuts a period of the publication day that "earlier" or
// "later" qualifies to its part before or after that day: "earlier this
// month" in an article of 10 June is 1–9 June, "later this year" from 11
// June to December.
func (d *doc) narrowToNow(e *timex.Expr) {
	if d.dct.IsZero() || !e.Anchored || e.Start.IsZero() || e.Start.After(d.dct) || e.End.Before(d.dct) {
		return
	}
	low := strings.ToLower(e.Text)
	switch {
	case strings.HasPrefix(low, "earlier this ") && e.Start.Before(d.dct):
		e.End = d.dct.AddDate(0, 0, -1)
	case strings.HasPrefix(low, "later this ") && e.End.After(d.dct):
		e.Start = d.dct.AddDate(0, 0, 1)
	}
}

// superlativeScope reports a superlative within the noun phrase before the
// time expression at t0 ("the deadliest attack in the country this
// year", "its biggest protest of 2019"), with no verb or clause between.
func (d *doc) superlativeScope(t0 int) bool {
	s := d.sents[d.tokSent[t0]]
	for k := t0 - 1; k >= s.t0 && k >= t0-9; k-- {
		t := d.toks[k]
		if !t.word || subordinators[t.low] || d.tokTime[k] >= 0 {
			return false
		}
		w := t.low
		if i := strings.LastIndexByte(w, '-'); i >= 0 {
			w = w[i+1:] // "second-deadliest"
		}
		if w == "most" || w == "worst" || w == "best" || len(w) > 5 && strings.HasSuffix(w, "est") && lexicon.IsAdjective(w) {
			return true
		}
		if _, ok := verbForms[t.low]; ok && !nounForm(t.low) || isVerbForm(t.low) && !nounForm(t.low) {
			return false
		}
	}
	return false
}

// joinDayPairs makes one span of two days joined by "and" alone ("on
// Monday and Tuesday", "June 9 and 10") or by "from … to" ("from Monday to
// Wednesday"): what took both days took the span, not either day.
func (d *doc) joinDayPairs() {
	for i := 0; i+1 < len(d.times); i++ {
		a, b := &d.times[i], &d.times[i+1]
		if !a.usable || !b.usable || a.sentence != b.sentence || a.quoted != b.quoted || a.prenominal || b.prenominal ||
			a.Precision != model.PrecisionDay || b.Precision != model.PrecisionDay || b.t0 != a.t1+1 {
			continue
		}
		switch w := d.toks[a.t1].low; {
		case w == "and":
		case (w == "to" || w == "until" || w == "through" || w == "till") && a.t0 > 0 && (d.toks[a.t0-1].low == "from" || d.toks[a.t0-1].low == "between"):
			// "held from Monday to Wednesday": one span.
		default:
			continue
		}
		if !b.Start.After(a.Start) || b.Start.Sub(a.Start) > 6*24*time.Hour {
			continue
		}
		a.End, a.Precision, a.Text = b.End, model.PrecisionRange, d.text[d.toks[a.t0].s:d.toks[b.t1-1].e]
		a.Span.End = d.toks[b.t1-1].e
		for k := a.t1; k < b.t1; k++ {
			d.tokTime[k] = i
		}
		a.t1 = b.t1
		b.usable = false
	}
}

// stateBegun reports "since" before the time expression at t0 right after
// a passive perfect ("had been suspended since July 24, 2003", "has been
// detained since Monday", "has been jailed since 2013"): the time names
// when what the participle tells was done, the state it left lasting
// since; left undated, the deed would take the story's day.
func (d *doc) stateBegun(t0 int) bool {
	k := t0 - 1
	if k < 0 || d.toks[k].low != "since" {
		return false
	}
	p := k - 1
	if p-1 < 0 || d.tokSent[p-1] != d.tokSent[t0] || d.toks[p-1].low != "been" {
		return false
	}
	v, ok := verbForms[d.toks[p].low]
	return ok && v.form == formPast && v.kind != model.KindEconomic
}

// sinceBefore reports a time expression inside a "since …" phrase that
// measures something against it ("the worst fall since the September 11
// attacks", "the biggest floods since 2011"): it dates the comparison, not
// the event of the sentence.
func (d *doc) sinceBefore(t0 int) bool {
	si := d.tokSent[t0]
	for k, n := t0-1, 0; k >= d.sents[si].t0 && n < 10; k, n = k-1, n+1 {
		w := d.toks[k].low
		if w == "since" {
			return true
		}
		if w == "," || w == ";" {
			return false
		}
		if v, ok := verbForms[w]; ok && v.form != formNoun {
			return false
		}
	}
	return false
}

// baseline reports a time expression [t0, t1) that a change is measured
// from: after "from", "than", "over", "versus" or "compared with/to", with
// an amount or a word of change before it, and not the start of a range
// ("from Monday to Friday").
func (d *doc) baseline(t0, t1 int) bool {
	si := d.tokSent[t0]
	s := d.sents[si]
	if t1 < s.t1 && (d.toks[t1].low == "to" || d.toks[t1].low == "until" || d.toks[t1].low == "through") {
		return false
	}
	if t1 < s.t1 && d.toks[t1].low == "'s" || strings.HasSuffix(d.toks[t1-1].low, "'s") {
		// "the death toll from Saturday's earthquake": the day names the
		// noun after it, not a point a change is measured from.
		return false
	}
	k := t0 - 1
	if k >= s.t0 && d.toks[k].low == "the" {
		k--
	}
	if k < s.t0 {
		return false
	}
	switch w := d.toks[k].low; {
	case w == "than" && k > s.t0 && hedgeComparatives[d.toks[k-1].low]:
		return false // "less than three years ago": a hedge, not a baseline
	case w == "from" || w == "than" || w == "over" || w == "versus" || w == "vs":
	case (w == "with" || w == "to") && k > s.t0 && d.toks[k-1].low == "compared":
		return true
	default:
		return false
	}
	for j := k - 1; j >= s.t0 && j >= k-8; j-- {
		t := d.toks[j]
		if d.tokTime[j] >= 0 {
			continue // "KATHMANDU, April 26 (UPI) --": a date is no amount
		}
		if t.num || t.text == "%" || changeWords[t.low] {
			return true
		}
		if t.low == "," || t.low == ";" || t.low == "--" || t.low == "—" || t.low == ":" || t.low == ")" {
			return false
		}
	}
	return false
}

// sinceNoun is the event noun between "since" and the time expression at
// t0 ("since the Concorde disaster … 15 years ago"), or -1.
func (d *doc) sinceNoun(t0 int) int {
	si := d.tokSent[t0]
	k := t0 - 1
	for n := 0; k >= d.sents[si].t0 && n < 10 && d.toks[k].low != "since"; k, n = k-1, n+1 {
	}
	if k < d.sents[si].t0 || d.toks[k].low != "since" {
		return -1
	}
	for j := k + 1; j < t0; j++ {
		if _, ok := nouns[d.toks[j].low]; ok {
			return j
		}
		if ph := d.phraseAt(j); ph != nil && ph.form == formNoun {
			return j
		}
	}
	return -1
}

// clockOnly matches a time of day with no day of its own: "2pm", "at
// about 10:30 a.m.", "noon", "04:17 local time".
var clockOnly = regexp.MustCompile(`(?i)^(?:at |about |around |shortly after |just after |just before )*(?:\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|h|gmt|utc)?|\d{4}\s*(?:gmt|utc|hrs|h)|noon|midday|midnight)(?:\s+local(?: time)?)?$`)

// anchorClocks puts each bare time of day on its day: a day its own
// sentence names ("at around 8.30am (0300 GMT) Sunday": the clock gives
// way to "Sunday"), else the last day named before it ("on Sunday … at
// about 2pm" is Sunday's 2pm), where the tagger can only guess the
// publication day.
func (d *doc) anchorClocks() {
	for i := range d.times {
		x := &d.times[i]
		if x.Type != timex.TypeTime || !clockOnly.MatchString(strings.TrimSpace(x.Text)) {
			continue
		}
		for j := range d.times {
			y := &d.times[j]
			if j != i && y.sentence == x.sentence && y.usable && y.Precision == model.PrecisionDay && !clockOnly.MatchString(strings.TrimSpace(y.Text)) {
				x.usable = false
				break
			}
		}
		if x.usable {
			d.anchorClock(i)
		}
	}
}

// anchorClock puts the bare time of day d.times[xi] on the last day named
// in the four sentences before it.
func (d *doc) anchorClock(xi int) {
	x := &d.times[xi]
	for i := xi - 1; i >= 0; i-- {
		p := &d.times[i]
		if p.sentence < x.sentence-4 {
			return
		}
		if !p.usable || !p.Anchored || p.quoted || p.Precision != model.PrecisionDay || p.Start.IsZero() || clockOnly.MatchString(strings.TrimSpace(p.Text)) {
			continue
		}
		day := model.Day(p.Start)
		x.Start, x.End = day, day
		x.Value = day.Format("2006-01-02") + x.Value[strings.IndexByte(x.Value+"T", 'T'):]
		x.Future = p.Future
		return
	}
}

// bindPrenominal marks expressions that modify the noun after them ("last
// year's conference", "the month-old ceasefire", "Thursday's news
// conference", "the March 14 announcement").
func (d *doc) bindPrenominal(x *texpr) {
	s := d.sents[x.sentence]
	k := x.t1
	possessive := strings.HasSuffix(x.Text, "'s") || strings.HasSuffix(x.Text, "’s") || strings.HasSuffix(x.Text, "-old")
	if !possessive && k < s.t1 && d.toks[k].low == "'s" {
		possessive = true
		k++
	}
	if !possessive && x.Signal != "" {
		return
	}
	// Skip capitalised modifiers and adjectives: "last year's Geneva convention".
	for n := 0; k < s.t1 && n < 3; n++ {
		w := d.toks[k].low
		if _, ok := nouns[w]; ok {
			x.prenominal = true
			x.bound = k
			return
		}
		if ph := d.phraseAt(k); ph != nil && ph.form == formNoun {
			x.prenominal = true
			x.bound = k
			return
		}
		if !d.toks[k].word {
			return
		}
		if !possessive && !d.toks[k].cap {
			return
		}
		k++
	}
}

// bindPostnominal marks a time that dates the event noun before it through
// "of" ("the Madrid train bombings of 2004", "the floods of 2011", "the
// attacks of September 11"): it dates that noun, as a prenominal time
// does, and the verb whose subject the noun is (subjectNounTime), not the
// sentence.
func (d *doc) bindPostnominal(x *texpr) {
	if x.prenominal || x.Signal != "" && x.Signal != "of" {
		return
	}
	k := x.t0 - 1
	if d.toks[x.t0].low == "of" {
		k = x.t0 // the expression holds its "of"
	}
	if k-1 < d.sents[x.sentence].t0 || d.toks[k].low != "of" {
		return
	}
	n := k - 1
	if _, ok := nouns[d.toks[n].low]; !ok {
		if ph := d.phraseAt(n); ph == nil || ph.form != formNoun {
			return
		}
	}
	x.prenominal, x.bound = true, n
}

// whenClauseAfter is the end of a clause ", when …" that opens right after
// token t1 (a time expression's end), up to the next comma or the end of
// the sentence; 0 when no such clause follows.
func (d *doc) whenClauseAfter(t1 int) int {
	if t1+2 >= len(d.toks) || d.toks[t1].low != "," || d.toks[t1+1].low != "when" || d.tokSent[t1+2] != d.tokSent[t1] {
		return 0
	}
	s := d.sents[d.tokSent[t1]]
	end := t1 + 2
	for end < s.t1 && d.toks[end].low != "," && d.toks[end].low != ";" {
		end++
	}
	return end
}
