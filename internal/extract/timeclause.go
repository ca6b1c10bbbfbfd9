package extract

// How a clause dates an event word that its own words leave undated: a
// time that opens the sentence, an after-, when- or as-clause, a verb
// joined by "and" to a dated one, the one time a sentence has
// (attachTimes, in timeattach.go, asks these in turn); and the times a
// word may not take: a relation's "weeks after", the day of an accusation
// for the deed it charges, a day that is what "declared" names.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// afterClauseBetween reports a plain "after", "before" or "since" between
// tokens a and b of one sentence that opens a clause with a verb of its
// own ("after an earthquake struck") and hangs on a verb between a and it
// ("reeled"): b's event is told as before or after a's time, not at it.
// "Hours after", "shortly after" keep the day (relationAt), and "after
// talks" with no verb is a phrase, not a clause.
func (d *doc) afterClauseBetween(a, b int) bool {
	for k := a; k < b; k++ {
		switch d.toks[k].low {
		case "after", "before", "since":
		default:
			continue
		}
		if ok, _ := d.relationAt(k); ok {
			return false
		}
		// "descended into chaos last night after police fired": the
		// clause tells what led to that night's chaos, of the same night
		// for all the sentence says. Only one that hangs on another verb
		// between ("on Saturday as Japan reeled after …") is told apart.
		verbBetween := false
		for j := a; j < k; j++ {
			verbBetween = verbBetween || d.finiteVerbAt(j)
		}
		if !verbBetween {
			continue
		}
		if k > 0 && d.toks[k-1].low == "immediately" {
			return false // relationAt knows "hours after", "shortly after"
		}
		if d.clauseOpens(k) {
			return true
		}
	}
	return false
}

// distantRelationBetween reports a relation between tokens a and b that
// puts days or more between its two events ("weeks after", "two days
// before", "36 hours after"): what stands after it is not of the time of
// what stands before.
func (d *doc) distantRelationBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if ok, same := d.relationAt(k); ok && !same {
			return true
		}
	}
	return false
}

// subordinateBetween reports a clause boundary word between a trigger and
// a time expression ("seized Tikrit after fighters converged on Monday").
func (d *doc) subordinateBetween(tr *trig, x *texpr) bool {
	a, b := tr.i+tr.words, x.t0
	if x.t1 <= tr.i {
		a, b = x.t1, tr.i
	}
	for k := a; k < b; k++ {
		if subordinators[d.toks[k].low] || d.toks[k].low == ";" || d.toks[k].low == `"` {
			return true
		}
	}
	return false
}

// otherTimeClause reports a clause opened between tokens a and b by a
// word that names another time than the main clause's: "after",
// "before", "since", "until", "following". A "when", "as" or "while"
// clause happens with the main clause, and shares its time.
func (d *doc) otherTimeClause(a, b int) bool {
	for k := a; k < b; k++ {
		switch d.toks[k].low {
		case "after", "before", "since", "until", "following":
			return true
		}
	}
	return false
}

// onlyTimeFor reports a sentence with one time expression that trigger tr
// may take: those of an aside it stands outside of ("Flight JT610, a
// Boeing delivered in August, came down … on Monday") do not count.
func (d *doc) onlyTimeFor(tr *trig, times []int) bool {
	n := 0
	for _, xi := range times {
		x := &d.times[xi]
		if x.aside0 >= 0 && (tr.i < x.aside0 || tr.i >= x.aside1) {
			continue
		}
		n++
	}
	return n == 1
}

// coordinatedTime is the time of the dated verb that trigger ti's verb is
// joined to by "and" ("stormed President's House … and later set fire"),
// with no clause boundary between them, or -1.
func (d *doc) coordinatedTime(ti int) int {
	tr := &d.triggers[ti]
	if tr.form != formPast && tr.form != formPres {
		return -1
	}
	s := d.sents[tr.sentence]
	k := tr.i - 1
	for k > s.t0 && (d.toks[k].low == "later" || d.toks[k].low == "then" || d.toks[k].low == "also" || strings.HasSuffix(d.toks[k].low, "ly") && !d.toks[k].cap) {
		k--
	}
	if k <= s.t0 || d.toks[k].low != "and" {
		return -1
	}
	for j := ti - 1; j >= 0; j-- {
		p := &d.triggers[j]
		if p.sentence != tr.sentence {
			return -1
		}
		if p.i >= k || p.form != formPast && p.form != formPres || p.adjectival {
			continue
		}
		for m := p.i + p.words; m < k; m++ {
			if w := d.toks[m].low; w == ";" || w == `"` || subordinators[w] {
				return -1
			}
		}
		return p.time
	}
	return -1
}

// whenClauseTime reports a time after trigger tr inside a "when" clause
// that follows it, with no other clause boundary between ("were killed
// when an avalanche swept through the camp on Saturday"): what the clause
// tells happened at the main clause's time, so its day dates both.
func (d *doc) whenClauseTime(tr *trig, x *texpr) bool {
	if x.t0 < tr.i+tr.words {
		return false
	}
	when := false
	for k := tr.i + tr.words; k < x.t0; k++ {
		w := d.toks[k].low
		switch {
		case w == "when" && !when:
			when = true
		case subordinators[w] || w == ";" || w == `"`:
			return false
		}
	}
	return when
}

// simultaneousTime is the day of an "as" or "while" clause right after
// trigger ti, a past-tense event verb, when that clause has no event word
// of its own to take it ("took the city as fighters converged on it on
// Monday and Tuesday"), or -1. "after", "before" and "since" clauses
// name another time, and keep it.
func (d *doc) simultaneousTime(ti int) int {
	tr := &d.triggers[ti]
	if tr.form != formPast || tr.statement || tr.kind == model.KindStatement || tr.irrealis || tr.quoted {
		return -1
	}
	s := d.sents[tr.sentence]
	k := tr.i + tr.words
	for n := 0; k < s.t1 && n < 8 && d.toks[k].low != "as" && d.toks[k].low != "while"; k, n = k+1, n+1 {
		if subordinators[d.toks[k].low] || d.toks[k].low == ";" || d.tokTime[k] >= 0 {
			return -1
		}
	}
	if k >= s.t1 || d.toks[k].low != "as" && d.toks[k].low != "while" {
		return -1
	}
	for j := k + 1; j < s.t1 && j < k+15; j++ {
		w := d.toks[j].low
		if w == ";" || w == "," || subordinators[w] {
			return -1
		}
		if xi := d.tokTime[j]; xi >= 0 {
			x := &d.times[xi]
			if !x.usable || x.Future || x.prenominal || x.Precision != model.PrecisionDay && x.Precision != model.PrecisionRange {
				return -1
			}
			return xi
		}
		for _, tj := range d.sentTrigs[tr.sentence] {
			if d.triggers[tj].i == j {
				return -1 // the clause's own event word takes the day
			}
		}
	}
	return -1
}

// asClauseTime is the day of the main clause a past verb at ti hangs on
// through "as" or "while" ("resigned on Tuesday in a letter …, as MPs and
// senators met"): the one day-precision time named before the "as", with
// no other time or clause opener between; -1 when there is none.
func (d *doc) asClauseTime(ti int) int {
	tr := &d.triggers[ti]
	if tr.form != formPast || tr.statement || tr.kind == model.KindStatement || tr.irrealis || tr.quoted {
		return -1
	}
	s := d.sents[tr.sentence]
	k := tr.i - 1
	for n := 0; k > s.t0 && n < 6 && d.toks[k].low != "as" && d.toks[k].low != "while"; k, n = k-1, n+1 {
		if !d.toks[k].word || subordinators[d.toks[k].low] || d.tokTime[k] >= 0 {
			return -1
		}
	}
	if k <= s.t0 || d.toks[k].low != "as" && d.toks[k].low != "while" {
		return -1
	}
	found := -1
	for j := k - 1; j >= s.t0; j-- {
		xi := d.tokTime[j]
		if xi < 0 {
			continue
		}
		x := &d.times[xi]
		if !x.usable || x.Future || x.prenominal || x.quoted || x.Precision != model.PrecisionDay {
			return -1
		}
		if found >= 0 && found != xi {
			return -1 // two days before: which one is not told
		}
		found = xi
	}
	return found
}

// preposed reports a time expression that opens its sentence ("On Sunday,
// …", "In Moscow on Thursday, …"), which dates the main verb after it.
func (d *doc) preposed(x *texpr) bool {
	s := d.sents[x.sentence]
	for k := s.t0; k < x.t0; k++ {
		t := d.toks[k]
		if d.tokEnt[k] >= 0 || t.low == "in" || t.low == "on" || t.low == "at" || t.low == "the" || t.low == "late" || t.low == "early" || t.low == "—" || t.low == "--" {
			continue
		}
		return false
	}
	return true
}

// firstVerbAfter returns the first finite-verb trigger after token k in
// sentence si, or -1.
func (d *doc) firstVerbAfter(k, si int) int {
	for _, ti := range d.sentTrigs[si] {
		tr := d.triggers[ti]
		if tr.i >= k && (tr.form == formPast || tr.form == formPres) && !tr.adjectival {
			// Not "the devastated district": a participle describing a
			// noun is no verb.
			return tr.i
		}
	}
	return -1
}

// continuesTime is the time expression of the sentence before si that si
// goes on from, or -1: si opens with a pronoun for what that sentence told
// ("It picked up speed", "He then fled") and tells it in the past tense,
// in the same paragraph, and the first day the sentence before names is
// not the one the article reports on.
func (d *doc) continuesTime(si int, anchors []int) int {
	if si == 0 || d.dct.IsZero() || len(anchors) == 0 {
		return -1
	}
	s, p := d.sents[si], d.sents[si-1]
	if p.headline || strings.Contains(d.text[p.End:s.Start], "\n\n") {
		return -1
	}
	switch d.toks[s.t0].low {
	case "it", "he", "she", "they":
	default:
		return -1
	}
	for _, ti := range anchors {
		if d.triggers[ti].form != formPast {
			return -1
		}
	}
	for xi := range d.times {
		x := &d.times[xi]
		if x.sentence != si-1 {
			continue
		}
		if !x.usable || !x.Anchored || x.Future || x.prenominal || x.quoted || x.Precision != model.PrecisionDay || x.sayer >= 0 {
			continue
		}
		// The first day named is the main clause's ("began on Saturday,
		// when the train … where it had been parked on Friday").
		if day := model.Day(x.Start); day.Equal(d.story) || day.After(d.dct) {
			return -1
		}
		return xi
	}
	return -1
}

// designatedDay reports a day that a verb names as something ("declared
// Thursday a day of national mourning", "named Monday a public holiday"):
// the verb's object, right after it and before an article.
func (d *doc) designatedDay(x *texpr) bool {
	if x.t0 == 0 || x.t1 >= len(d.toks) || d.tokSent[x.t1] != x.sentence {
		return false
	}
	switch d.toks[x.t1].low {
	case "a", "an", "as":
	default:
		return false
	}
	lemma, ok := lexicon.VerbLemma(d.toks[x.t0-1].low)
	return ok && designateVerbs[lemma]
}

// accusedOf reports an event word that is what someone is accused, charged
// or suspected of ("accused Russian forces of killing civilians", "charged
// with murder", "blamed for the attack"): a deed told as the charge,
// before the day the charge was made.
func (d *doc) accusedOf(tr *trig) bool {
	if tr.form != formNoun && tr.form != formGerund || tr.i < 2 {
		return false
	}
	s := d.sents[tr.sentence]
	prep := d.toks[tr.i-1].low
	if prep != "of" && prep != "with" && prep != "for" {
		return false
	}
	for k := tr.i - 2; k >= s.t0 && k >= tr.i-9; k-- {
		if lemma, ok := lexicon.VerbLemma(d.toks[k].low); ok && accusingVerbs[lemma] {
			return true
		}
		if w := d.toks[k].low; subordinators[w] || w == ";" {
			return false
		}
	}
	return false
}

// futureTimeAfter reports a time to come after trigger tr in its sentence
// ("will resign as party leader on June 7").
func (d *doc) futureTimeAfter(tr *trig) bool {
	for i := range d.times {
		if y := &d.times[i]; y.sentence == tr.sentence && y.t0 > tr.i && y.usable && y.Future {
			return true
		}
	}
	return false
}

// designateVerbs name a day as something.
var designateVerbs = map[string]bool{"declare": true, "name": true, "designate": true, "proclaim": true, "make": true}

// accusingVerbs name a deed as a charge ("accused of", "charged with",
// "blamed for", "suspected of", "convicted of").
var accusingVerbs = map[string]bool{"accuse": true, "charge": true, "blame": true, "suspect": true, "convict": true, "indict": true}
