package extract

// Where a sentence says an event happened beyond its locative phrases: a
// quake's epicentre, the airport a crashed craft took off from; and which
// names say nothing of where (a leader's nationality), or how the article
// spells a province.

import (
	"strings"
	"unicode"
)

// epicentreWords name where a quake was centred.
var epicentreWords = map[string]bool{"epicentre": true, "epicenter": true, "epicentred": true, "epicentered": true, "centred": true, "centered": true, "hypocentre": true, "hypocenter": true}

// epicentrePlace is the place the sentence gives as a quake's centre
// ("centered near the town of Pazarcık", "with its epicentre in Gorkha
// district"): the first place within six words after an epicentre word;
// -1 when none.
func (d *doc) epicentrePlace(si int) int {
	s := d.sents[si]
	for k := s.t0; k < s.t1; k++ {
		if !epicentreWords[d.toks[k].low] {
			continue
		}
		for j := k + 1; j < s.t1 && j <= k+6; j++ {
			if en := d.tokEnt[j]; en >= 0 && d.ents[en].kind == entPlace && d.ents[en].hasPlace && !d.ents[en].dateline {
				return en
			}
			if d.toks[j].low == "," || d.toks[j].low == ";" {
				break
			}
		}
	}
	return -1
}

// takeOffPlace is the place a craft took off from, named in sentence si
// after "after take-off from", "after taking off from", "minutes after
// leaving": -1 when none is.
func (d *doc) takeOffPlace(si int) int {
	s := d.sents[si]
	for k := s.t0 + 1; k < s.t1; k++ {
		w := d.toks[k].low
		from := w == "from" && (d.toks[k-1].low == "take-off" || d.toks[k-1].low == "takeoff" || d.toks[k-1].low == "off" && k-2 >= s.t0 && (d.toks[k-2].low == "taking" || d.toks[k-2].low == "took"))
		left := (w == "leaving" || w == "departing") && k-1 >= s.t0 && d.toks[k-1].low == "after"
		if !from && !left {
			continue
		}
		if en := d.tokEnt[k+1]; k+1 < s.t1 && en >= 0 && d.ents[en].kind == entPlace && d.ents[en].hasPlace {
			return en
		}
	}
	return -1
}

// nationalityOf reports a place name that says whose a person is: right
// before a word for a person ("North Korean leader", "Turkish officials").
func (d *doc) nationalityOf(en *ent) bool {
	if en.t1 >= len(d.toks) || d.tokSent[en.t1] != en.sentence {
		return false
	}
	next := d.toks[en.t1]
	return next.word && !next.cap && personNoun(next.low)
}

// squashName folds a name and keeps its letters and digits only, so that
// spellings that differ in apostrophes, hyphens and spaces meet.
func squashName(s string) string {
	var b strings.Builder
	for _, r := range fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
