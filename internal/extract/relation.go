package extract

import (
	"strconv"
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
)

// relationSplit parts a sentence's event words at a phrase that relates
// two events in time: "took place on the same day as", "hours after",
// "days before", "following". The words before it tell one event (head),
// those after it another (tail): the bombing in "the raid took place on
// the same day as the bombing in Abuja" is not the raid, and its town is
// not the raid's. same reports a relation that puts both on one day
// ("the same day as", "hours after", "shortly before"), so that the
// tail may share the head's date; otherwise the tail has a time of its
// own, or none this sentence can give. Without such a phrase between two
// of the words, head is tis and tail is nil.
func (d *doc) relationSplit(tis []int) (head, tail []int, same bool) {
	if len(tis) < 2 {
		return tis, nil, false
	}
	first, last := d.triggers[tis[0]].i, d.triggers[tis[0]].i
	for _, ti := range tis[1:] {
		first, last = min(first, d.triggers[ti].i), max(last, d.triggers[ti].i)
	}
	cut := -1
	for k := first + 1; k < last; k++ {
		if ok, sameDay := d.relationAt(k); ok {
			cut, same = k, sameDay
			break
		}
	}
	if cut < 0 {
		// "Trump wrote on Twitter after the fire broke out Monday", written
		// that Monday: one time for both, as afterToday has it, but two
		// events, the saying and the fire.
		for k := first + 1; k < last; k++ {
			if d.toks[k].low == "after" && d.clauseOpens(k) && d.headsClauseBefore(tis, k) && d.todayAfter(tis, k) {
				cut, same = k, true
				break
			}
		}
	}
	if cut < 0 {
		// "Hours after parliament voted, his rival was freed": the
		// relation opens the sentence, and its clause ends at a comma.
		open, comma, sameDay := d.preposedRelation(first)
		if open < 0 {
			return tis, nil, false
		}
		for _, ti := range tis {
			if i := d.triggers[ti].i; i > open && i < comma {
				tail = append(tail, ti)
			} else {
				head = append(head, ti)
			}
		}
		same = sameDay
	} else {
		for _, ti := range tis {
			t := d.triggers[ti]
			// "crashed shortly after takeoff, killing all 157": a
			// participle set off by a comma tells the main clause's toll.
			if t.i < cut || (t.form == formGerund || strings.HasSuffix(d.toks[t.i].low, "ing")) && t.i > 0 && d.toks[t.i-1].low == "," {
				head = append(head, ti)
			} else {
				tail = append(tail, ti)
			}
		}
	}
	if len(head) == 0 || len(tail) == 0 || !d.tellsEvent(head) {
		// "hugs rescued miner Avalos after Avalos was rescued": a
		// participle before its noun tells no event to part from.
		return tis, nil, false
	}
	return head, tail, same
}

// relationAt reports a word at token k that relates the event before it
// to the event after it in time, and whether the two share a day.
func (d *doc) relationAt(k int) (ok, sameDay bool) {
	w := d.toks[k].low
	prev := func(n int) string {
		if k-n < d.sents[d.tokSent[k]].t0 {
			return ""
		}
		return d.toks[k-n].low
	}
	switch w {
	case "as":
		// "on the same day as", "at the same time as", not "the same as"
		if prev(2) == "same" && sameSpans[prev(1)] {
			return true, true
		}
		// "the police chief said Sunday as the country grapples with
		// the damage": a clause of its own, at the same time.
		if prev(1) == "," || d.tokTime[k-1] >= 0 {
			return true, true
		}
	case "after", "before", "following":
		switch prev(1) {
		case "hours":
			// "about 36 hours after the blast": a day or more apart.
			if n, err := strconv.Atoi(prev(2)); err == nil && n >= 24 {
				return true, false
			}
			return true, true
		case "minutes", "moments", "shortly", "just", "soon", "hour":
			return true, true
		case "days", "weeks", "months", "years", "day", "week", "month", "year", "long", "decades":
			return true, false
		}
	}
	return false, false
}

// preposedRelation finds a relation that opens the sentence of token t
// ("Just a few hours after …,", "Days before …,"): the relation word and
// the comma that closes its clause, or -1.
func (d *doc) preposedRelation(t int) (open, comma int, same bool) {
	s := d.sents[d.tokSent[t]]
	for k := s.t0; k < s.t1 && k < s.t0+6; k++ {
		ok, sameDay := d.relationAt(k)
		if !ok {
			continue
		}
		for c := k + 1; c < s.t1; c++ {
			if d.toks[c].low == "," {
				return k, c, sameDay
			}
		}
		return -1, -1, false
	}
	return -1, -1, false
}

// sameSpans are the spans of time "the same … as" may share.
var sameSpans = map[string]bool{
	"day": true, "night": true, "morning": true, "evening": true, "afternoon": true, "time": true,
	"week": true, "weekend": true, "hour": true, "moment": true, "date": true,
}

// tellsEvent reports event words that make an event of the time they
// share with the words before the relation: one of them not describing a
// noun ("as rising prices worried traders" tells no event).
func (d *doc) tellsEvent(tis []int) bool {
	for _, ti := range tis {
		t := &d.triggers[ti]
		if t.adjectival {
			continue
		}
		if k := t.i + t.words; t.form == formGerund && k < len(d.toks) && d.tokSent[k] == t.sentence && !d.toks[k].cap && lexicon.IsNoun(d.toks[k].low) {
			continue // "rising prices": a participle before its noun
		}
		return true
	}
	return false
}

// clauseOpens reports a subordinator at token k whose clause has a finite
// verb of its own within seven words, before any comma: "after the fire
// broke out", not "after talks".
func (d *doc) clauseOpens(k int) bool {
	for j := k + 1; j < len(d.toks) && d.tokSent[j] == d.tokSent[k] && j < k+8; j++ {
		if d.toks[j].low == "," || d.toks[j].low == ";" {
			return false
		}
		if d.finiteVerbAt(j) && !d.toks[j].first {
			return true
		}
	}
	return false
}

// headsClauseBefore reports a finite event verb among tis before token k that
// heads its clause: not a participle before its noun ("hugs rescued miner
// Avalos after Avalos was rescued" tells one rescue).
func (d *doc) headsClauseBefore(tis []int, k int) bool {
	for _, ti := range tis {
		t := &d.triggers[ti]
		if t.i >= k || t.adjectival || t.form != formPast && t.form != formPres {
			continue
		}
		if n := t.i + t.words; n < k && d.toks[n].word && !d.toks[n].cap && lexicon.IsNoun(d.toks[n].low) && !lexicon.IsVerb(d.toks[n].low) {
			continue
		}
		return true
	}
	return false
}

// todayAfter reports triggers tis dated by a day in the clause after token
// k that is the publication day: what the main clause tells after it
// happened that day too (see afterToday).
func (d *doc) todayAfter(tis []int, k int) bool {
	xi := d.triggers[tis[0]].time
	return xi >= 0 && d.times[xi].t0 > k && d.publicationDay(&d.times[xi])
}
