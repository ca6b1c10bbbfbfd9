package extract

// Whether a place name says where something happened: the preposition or
// the noun before it ("in Moscow", "the streets of Cairo", "the bombing of
// Dresden", "entered Kabul").

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// isLocative reports whether the name at t0 is introduced by a locative
// preposition, possibly with an article and a few modifiers in between
// ("in Moscow", "at the Kremlin", "around the ancient Syrian city, Palmyra").
func (d *doc) isLocative(t0 int) bool {
	toks := d.toks
	s := d.sents[d.tokSent[t0]]
	k := t0 - 1
	if k >= s.t0 && toks[k].low == "," {
		k--
	}
	if k == t0-1 && k-1 >= s.t0 && toks[k].num && locatives[toks[k-1].low] {
		return true // "outside 10 Downing Street": a house number
	}
	if j := t0 - 1; j-1 >= s.t0 && listJoins[toks[j].low] {
		// "marched in Lyon and Marseille": a place joined to one the
		// preposition introduced. Not after a comma alone: "talks in
		// Paris, Kerry said" names a man.
		if ei := d.tokEnt[j-1]; ei >= 0 && d.ents[ei].kind == entPlace && d.ents[ei].locative && !d.ents[ei].dateline {
			return true
		}
	}
	steps := 0
	for k >= s.t0 && steps < 7 {
		t := toks[k]
		if t.low == "'s" && k-1 >= s.t0 && toks[k-1].cap && d.isCountryWord(toks[k-1].text) {
			// "in Burma's western Rakhine state": the country qualifies the
			// place the preposition introduces.
			k--
			steps++
			continue
		}
		if !t.word {
			return false
		}
		if locatives[t.low] || t.low == "based" {
			return true
		}
		if (t.low == "to" || t.low == "into") && k > s.t0 && travelVerbs[toks[k-1].low] {
			// "travelled to Paris for talks", "flew into La Paz on Monday
			// and said": the destination is where it happens.
			return true
		}
		if t.low == "of" && k-1 > s.t0 && !toks[k-1].cap && (placeHeads[toks[k-1].low] || countryParts[toks[k-1].low] || firstNounClass(toks[k-1].low) == "noun.location") {
			// "in a remote area of the French Alps", "in the northern part
			// of Quebec": a part of the place.
			k -= 2
			steps++
			continue
		}
		if t.low == "of" && k-2 >= s.t0 && electedOffices[toks[k-1].low] && (toks[k-2].low == "elected" || toks[k-2].low == "re-elected") {
			// "was elected governor of Minas Gerais state": the office's
			// place is where the vote was.
			return true
		}
		if t.low == "from" || t.low == "to" || t.low == "of" || t.low == "into" {
			return false
		}
		if t.low == "on" && k+2 < t0 && toks[k+1].low == "the" && !toks[k+2].cap && (placeHeads[toks[k+2].low] || firstNounClass(toks[k+2].low) == "noun.location") {
			// "on the outskirts of Damascus"
			return true
		}
		if t.low == "the" || t.low == "a" || t.low == "an" || placeHeads[t.low] || placeModifier(t.low) || geo.CompassDirection(t.low) != "" || t.cap && d.isCountryWord(t.text) || !t.cap && (lexicon.IsAdjective(t.low) && !lexicon.IsVerb(t.low) || strings.Count(t.low, "-") == 1 && len(t.low) > 4) {
			k--
			steps++
			continue
		}
		return false
	}
	return false
}

// listJoins join two names of a list: "Lyon and Marseille".
var listJoins = map[string]bool{"and": true, "or": true}

// electedOffices are the offices a place's vote fills: "elected governor
// of", "elected mayor of".
var electedOffices = map[string]bool{"governor": true, "mayor": true, "premier": true, "president": true}

// streetsOf reports a name after "the streets of" or another part of a
// town ("poured into the streets of Sao Paulo"): what fills a town's
// streets is there, whatever verb moved it. The caller asks that the town
// be in a country the article is about: "Central" in "the streets of
// Central" is Hong Kong's, not a namesake elsewhere.
func (d *doc) streetsOf(t0 int) bool {
	s := d.sents[d.tokSent[t0]]
	k := t0 - 1
	return k-1 > s.t0 && d.toks[k].low == "of" && cityParts[d.toks[k-1].low]
}

// placeModifier reports adjectives that may stand between a locative
// preposition and a place name: "in the ancient city", "in rebel-held Idlib".
func placeModifier(w string) bool {
	switch w {
	case "ancient", "old", "historic", "nearby", "central", "besieged", "embattled", "war-torn",
		"war-ravaged", "capital", "coastal", "northern", "southern", "eastern", "western",
		"northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
		"north", "south", "east", "west", "downtown", "suburban", "disputed", "occupied":
		return true
	}
	return strings.HasSuffix(w, "-held") || strings.HasSuffix(w, "-controlled") || strings.HasSuffix(w, "ern")
}

// isObjectPlace reports a place that is the object of an event word:
// "invasion of Crimea", "withdrawing from Syria", "annexed Crimea".
func (d *doc) isObjectPlace(t0 int) bool {
	toks := d.toks
	k := t0 - 1
	if k < 0 {
		return false
	}
	if toks[k].low == "the" && k > 0 {
		k--
	}
	if toks[k].low == "of" && k > 0 && toks[k-1].low == "out" {
		// "pull its forces out of X"
		return true
	}
	if toks[k].low == "of" || toks[k].low == "from" {
		if k > 0 {
			if n, ok := nouns[toks[k-1].low]; ok && (n == model.KindMilitary || n == model.KindAnnexation || n == model.KindWithdrawal) {
				return true
			}
			if n, ok := nouns[toks[k-1].low]; ok && toks[k].low == "of" && placeOfNoun(n) && !d.nameModifies(t0) {
				// "the lockdown of Mubende", "the bombing of Dresden",
				// "the flooding of New Orleans": where it happened.
				return true
			}
			if toks[k].low == "from" {
				for j := k - 1; j >= 0 && j >= k-4; j-- {
					if tr, ok := verbForms[toks[j].low]; ok && tr.kind == model.KindWithdrawal {
						return true
					}
				}
				return false
			}
		}
		return toks[k].low == "of" && d.objectOfSeizure(t0)
	}
	if entryVerbs[toks[k].low] {
		return true // "fighters entered Kabul": where they are now
	}
	// "an explosion shook downtown Nashville", "the typhoon battered the
	// central Philippines": what a blast or a storm strikes is where it
	// happened, past the words that say which part.
	j := k
	for j > 0 && (placeModifier(toks[j].low) || toks[j].low == "the") && j > t0-4 {
		j--
	}
	if impactVerbs[toks[j].low] {
		return true
	}
	if tr, ok := verbForms[toks[k].low]; ok && (tr.kind == model.KindAnnexation || tr.kind == model.KindMilitary) {
		return true
	}
	return d.objectOfSeizure(t0)
}

// nameModifies reports a capitalised name at t0 followed by a lower-case
// noun it qualifies ("the arrest of Paris suspect Salah Abdeslam").
func (d *doc) nameModifies(t0 int) bool {
	k := t0
	for k < len(d.toks) && d.toks[k].cap && d.tokSent[k] == d.tokSent[t0] {
		k++
	}
	return k < len(d.toks) && d.tokSent[k] == d.tokSent[t0] && d.toks[k].word && !d.toks[k].cap && nounForm(d.toks[k].low) && !phraseStops[d.toks[k].low] && !isVerbForm(d.toks[k].low)
}

// placeOfNoun reports kinds of event nouns whose "of" names where they
// happened ("the bombing of Dresden", "the flooding of New Orleans"); the
// "of" of an arrest, a resignation, a vote or a statement names whom or
// what it was about ("the arrest of Jackson", "the recognition of
// Kosovo").
func placeOfNoun(k model.Kind) bool {
	switch k {
	case model.KindAttack, model.KindDisaster, model.KindAccident, model.KindProtest:
		return true
	}
	return false
}

// isAppositive reports "the ancient city, Palmyra" or "the city of Aleppo".
func (d *doc) isAppositive(t0 int) bool {
	toks := d.toks
	k := t0 - 1
	if k > 0 && (toks[k].low == "," || toks[k].low == "of") {
		k--
	}
	if k < 0 || !placeHeads[toks[k].low] {
		return false
	}
	// "between the capital and the lakeside city of Pokhara", "from the
	// port city of Durres": a point the place is reckoned from, not where
	// it happened.
	s := d.sents[d.tokSent[t0]]
	for j := k - 1; j >= s.t0 && j >= k-6; j-- {
		switch w := toks[j].low; {
		case w == "between" || w == "from":
			return false
		case locatives[w] || !toks[j].word:
			return true
		}
	}
	return true
}
