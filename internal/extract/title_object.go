package extract

// The object a headline names: the noun phrase after the verb, the name
// it holds, the modifier of an event noun.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/timex"
)

// objectPhrase is what the verb acts on: a name just after it, else its
// noun phrase of up to four words (without determiners), else "".
func (d *doc) objectPhrase(k int, s sent, place string) string {
	// A name within the next few words ("seized most of the city of
	// Tikrit") is what the headline wants.
	for j := k; j < s.t1 && j < k+8; j++ {
		w := d.toks[j]
		if w.low == "'s" || w.low == "and" && j+1 < s.t1 && placeModifier(d.toks[j+1].low) {
			continue // "Saddam Hussein's hometown of Tikrit", "northeastern and eastern Japan"
		}
		if d.tokTime[j] >= 0 {
			continue // "announced that night"
		}
		if w.low == "that" && j+1 < s.t1 && (d.toks[j+1].cap || titleDeterminers[d.toks[j+1].low] || pronouns[d.toks[j+1].low]) {
			break // "announced that Rajapaksa would step down": a clause, not the object
		}
		if !w.word || phraseStops[w.low] && w.low != "of" || j > k && d.clauseBegins(j) {
			// "leaked a proposal document outlining what Kerry would
			// offer": another clause begins; its names are not the object.
			break
		}
		if d.tokTime[j] >= 0 {
			continue
		}
		if en := d.tokEnt[j]; en >= 0 && d.ents[en].kind != entNone {
			e := d.ents[en]
			if e.t1 < s.t1 && d.toks[e.t1].low == "'s" {
				// "Saddam Hussein's hometown of Tikrit": the possessor is
				// not the object.
				j = e.t1
				continue
			}
			if e.kind == entPlace && (d.distanceReference(&e) || d.streetsOf(e.t0)) {
				// "a village 20 km east of Aleppo": not Aleppo; "took to
				// the streets of Lagos": where, which the title's place says.
				break
			}
			if e.kind == entPlace && e.hasPlace && strings.HasPrefix(e.place.Key, "cmp:") {
				return e.place.Name // "north-eastern Japan", as the map names it
			}
			// "the Kabul Serena Hotel": the name goes on past the place
			// that opens it.
			name := d.text[d.toks[e.t0].s:d.toks[max(e.t1, d.capitalRun(e.t0, s))-1].e]
			if e.kind == entGov && e.t1 < s.t1 && (forceNouns[d.toks[e.t1].low] || policeNouns[d.toks[e.t1].low]) {
				// "accused Russian forces": the forces, not the state.
				name += " " + d.toks[e.t1].text
			}
			at := e.t0
			for at-1 > k && d.toks[at-1].cap && isTitleToken(d.toks[at-1].low) {
				at-- // "the body of Archbishop Joseph Miot"
			}
			if at-2 >= k && d.toks[at-1].low == "of" {
				if w := d.toks[at-2].low; w == "body" || w == "bodies" || w == "remains" {
					// "pulled the body of Archbishop Miot from the
					// wreckage": his body, not the man.
					return "body of " + d.text[d.toks[at].s:d.toks[e.t1-1].e]
				}
			}
			if at := e.t0; at-2 >= k && d.toks[at-1].low == "of" {
				if _, ok := nouns[d.toks[at-2].low]; ok {
					// "ordered a lockdown of Mubende": the event the
					// name is the place of.
					return d.toks[at-2].text + " of " + name
				}
			}
			return name
		}
	}
	j := k
	for j < s.t1 && (titleDeterminers[d.toks[j].low] || d.tokTime[j] >= 0 && !d.countOf(j) || d.toks[j].low == "on" && j+1 < s.t1 && d.tokTime[j+1] >= 0) {
		j++ // "announced on Tuesday the first generation": past the day
	}
	if en := d.tokEnt[min(j, s.t1-1)]; j < s.t1 && en >= 0 && d.ents[en].t0 == j && d.ents[en].t1 < s.t1 && d.toks[d.ents[en].t1].low == "'s" {
		// "won Turkey's presidential runoff": what is possessed.
		j = d.ents[en].t1 + 1
	}
	// "more than 100 female students", "at least 49 people": the hedge
	// does not count among the words the object may have.
	limit := 4
	if j+2 < s.t1 && quantityHedges[d.toks[j].low+" "+d.toks[j+1].low] && d.toks[j+2].num {
		limit = 6
	}
	start := j
	if start < s.t1 && d.toks[start].cap {
		// A name the extractor did not classify ("the Jammu and Kashmir
		// Instrument of Accession"): all of it, connectors included.
		end := d.capitalRun(start, s)
		return d.text[d.toks[start].s:d.toks[end-1].e]
	}
	for j < s.t1 && j-start < limit {
		w := d.toks[j]
		hedge := limit > 4 && j-start < 2
		if w.text == "%" && j > start && d.toks[j-1].num {
			j++ // "fell 12%"
			continue
		}
		if ph := d.phraseAt(j); ph != nil && ph.form == formNoun && ph.words > 1 {
			j += ph.words // "a state of emergency": the event's name is whole
			continue
		}
		if j == start && measureNouns[w.low] && j+2 < s.t1 && d.toks[j+1].low == "of" {
			// "fired volleys of tear gas": what was fired, not its measure.
			j += 2
			start = j
			continue
		}
		if j == start && isCurrency(w.text) && j+1 < s.t1 && d.toks[j+1].num {
			j += 2 // "a $13 billion contract": the sum stays with its noun
			limit += 2
			continue
		}
		if w.low == "of" && j > start && quantityNouns[d.toks[j-1].low] {
			j++ // "hundreds of thousands of people": one count
			limit += 2
			continue
		}
		if !w.word || phraseStops[w.low] && !hedge || d.tokTime[j] >= 0 && !d.countOf(j) || titleDeterminers[w.low] || j > start && d.clauseBegins(j) {
			break
		}
		if j > start && w.num && j+1 < s.t1 && distanceUnits[d.toks[j+1].low] {
			break // "a village 20 km east of Aleppo": the measure is the place's
		}
		if j > start && !w.cap && strings.HasSuffix(w.low, "ed") && isVerbForm(w.low) && nounForm(d.toks[j-1].low) && !strings.HasSuffix(d.toks[j-1].low, "ly") {
			// "residents who fled the flames described scenes", "the
			// men suspected of": the object ends at the noun; the verb
			// after it is another clause's.
			break
		}
		if j > start && w.low == "born" {
			break // "arrested a man born in Kuwait": where he was born describes him
		}
		if strings.HasSuffix(w.low, "ly") && lexicon.IsAdverb(w.low) && !lexicon.IsAdjective(w.low) && !countHedges[w.low] {
			break // "retook the town quickly": the manner is not the object
		}
		j++
	}
	if j == start {
		return ""
	}
	// "the upper reaches of Notre-Dame", "parts of Kowloon": a part is
	// nothing without the name it is part of.
	if k := j + 1; j < s.t1 && d.toks[j].low == "of" && countryParts[d.toks[j-1].low] {
		if k < s.t1 && d.toks[k].low == "the" {
			k++
		}
		n := k
		for n < s.t1 && n < k+3 && d.toks[n].word && d.toks[n].cap {
			n++
		}
		if n > k && n < s.t1 && (d.toks[n].low == "'s" || d.toks[n].low == "'" || d.toks[n].low == "’") {
			// "the upper reaches of Paris' soaring Notre Dame Cathedral":
			// the possessed name, past its adjectives.
			k = n + 1
			for k < s.t1 && k < n+3 && d.toks[k].word && !d.toks[k].cap {
				k++
			}
			n = k
			for n < s.t1 && n < k+4 && d.toks[n].word && d.toks[n].cap {
				n++
			}
		}
		if n > k {
			return d.text[d.toks[start].s:d.toks[j-1].e] + " of " + d.span(k, n)
		}
	}
	return d.text[d.toks[start].s:d.toks[j-1].e]
}

// nounModifier is the name or adjective right before an event noun:
// "Typhoon Haiyan", "suicide bombings", "massive fire".
func (d *doc) nounModifier(i int, s sent) string {
	k := i - 1
	if k < s.t0 || !d.toks[k].word || titleDeterminers[d.toks[k].low] || phraseStops[d.toks[k].low] || d.tokTime[k] >= 0 || d.toks[k].num {
		return ""
	}
	if en := d.tokEnt[k]; en >= 0 {
		e := d.ents[en]
		if e.kind == entPlace {
			return ""
		}
		return d.text[d.toks[e.t0].s:d.toks[e.t1-1].e]
	}
	if w := d.toks[k].low; w == "'s" || lexicon.IsAdverb(w) && !lexicon.IsAdjective(w) {
		return "" // "the deadliest ever attack": no "Ever attack"
	}
	return d.toks[k].text
}

// withoutDateline drops from a subject a dateline word in capitals that
// opens the sentence and runs into it ("COX'S BAZAR, BANGLADESH/YANGON
// Myanmar urged": Myanmar).
func (d *doc) withoutDateline(subj string, s sent) string {
	for k := s.t0; k+1 < s.t1 && k < s.t0+10; k++ {
		t := d.toks[k]
		if t.word && !t.upper {
			return subj // past the capitals that open the sentence
		}
		if !t.word || len(t.text) < 4 || !strings.HasPrefix(subj, t.text+" ") {
			continue
		}
		if next := d.toks[k+1]; next.cap && !next.upper {
			return subj[len(t.text)+1:]
		}
	}
	return subj
}

// countOf reports a token of a duration that counts the noun after its
// "of" ("declared three days of national mourning", "after two weeks of
// talks"): the object's words, not a time to pass over.
func (d *doc) countOf(j int) bool {
	xi := d.tokTime[j]
	if xi < 0 || d.times[xi].Type != timex.TypeDuration {
		return false
	}
	end := d.times[xi].t1
	return end < len(d.toks) && d.toks[end].low == "of" && d.tokSent[end] == d.tokSent[j]
}
