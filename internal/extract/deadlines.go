package extract

// Deadlines: a date a thing is due by ("had until Friday to accept the
// offer"), told apart from the end of a state ("director until July") and
// from the date a demand names for what it asks ("insisted that the union
// agree to cut wages by next year"), and titled by what is due.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// somethingDue reports a deadline that names what is due by it: an
// infinitive after it ("until December 4 to settle the dispute") or a
// time given ("had until Friday", "were given until noon"). A state's end
// ("CIA director until July", "the curfew would run until 4am") or a date
// a demand names for its goal ("agree to cut wages by next year") is no
// event of its own.
func (d *doc) somethingDue(x *texpr) bool {
	return d.dueInfinitive(x) && !d.toks[x.t1+1].cap || d.timeGiver(x) >= 0
}

// dueInfinitive reports an infinitive right after time expression x
// ("until December 4 to settle").
func (d *doc) dueInfinitive(x *texpr) bool {
	s := d.sents[x.sentence]
	return x.t1+1 < s.t1 && d.toks[x.t1].low == "to" && d.toks[x.t1+1].word
}

// timeGiver is the token of the word within six before time expression
// x that gives the time ("had until Friday", "were given until noon"), or
// -1.
func (d *doc) timeGiver(x *texpr) int {
	s := d.sents[x.sentence]
	for k := x.t0 - 1; k >= s.t0 && k >= x.t0-6; k-- { // "gave the president until noon on Monday"
		if timeGivers[d.toks[k].low] {
			return k
		}
	}
	return -1
}

// deadlineTitle titles a deadline by what is due ("Deadline for union to
// accept the offer") when its time expression is given to someone ("had
// until Friday to …") or only a reporting verb governs it; else "".
func (d *doc) deadlineTitle(e *evt) string {
	if e.Kind != model.KindDeadline || e.timeIdx < 0 || e.timeIdx >= len(d.times) {
		return ""
	}
	x := &d.times[e.timeIdx]
	s := d.sents[x.sentence]
	if !d.dueInfinitive(x) {
		return ""
	}
	giver := d.timeGiver(x)
	if giver < 0 && !d.onlyStatements(e.trigs) {
		return ""
	}
	end := x.t1 + 1
	for end < s.t1 && end < x.t1+8 && d.toks[end].word {
		end++
	}
	due := d.text[d.toks[x.t1].s:d.toks[end-1].e]
	subj := ""
	if giver >= 0 {
		subj, _ = d.subjectPhrase(giver, s)
		subj = strings.TrimPrefix(strings.TrimPrefix(subj, "the "), "The ")
	}
	t := "Deadline " + due
	if subj != "" && !pronouns[strings.ToLower(subj)] {
		t = "Deadline for " + subj + " " + due
	}
	if len(t) > maxTitle {
		return ""
	}
	return t
}

// demandedDeadline reports a deadline (xi, "by next year") that only
// unrealised event words take ("insisted that the union agree to cut
// wages by next year") in a sentence that tells a deed done ("the bill
// was rejected"): the sentence's news is the deed; the date is a detail of
// what was asked, not a happening to come.
func (d *doc) demandedDeadline(si, xi int, tis []int) bool {
	x := &d.times[xi]
	if !x.Future || !deadlineSignal(x) || !d.allIrrealis(tis) {
		return false
	}
	for _, ti := range d.sentTrigs[si] {
		t := d.triggers[ti]
		if t.form == formPast && !t.irrealis && !t.adjectival && !t.quoted && !t.statement && t.kind != model.KindStatement {
			return true
		}
	}
	return false
}
