package extract

// Who a title says acted: the subject phrase before a trigger, the person
// "he" stands for, the sentence subject a gerund clause shares, and
// whether the subject is a count or a plural.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
)

// sentenceSubject is the name that opens sentence s, before token i, when
// a verb follows it: "Russia would get …"; "" otherwise.
func (d *doc) sentenceSubject(s sent, i int) string {
	k := s.t0
	if k < i && d.toks[k].low == "the" {
		k++
	}
	en := d.tokEnt[k]
	if en < 0 || d.ents[en].t0 != k || d.ents[en].kind == entNone || d.ents[en].kind == entPlace || d.ents[en].dateline || d.ents[en].t1 >= i {
		return ""
	}
	e := d.ents[en]
	return d.text[d.toks[e.t0].s:d.toks[e.t1-1].e]
}

// countWord reports a number written in digits or as a small number word.
func countWord(t tok) bool {
	if t.num {
		// Not "25-year-old", nor a measure ("magnitude 7.8").
		return digitsOnly(t.text)
	}
	n, ok := smallNumbers[t.low]
	return ok && n > 1
}

// digitsOnly reports a whole number written in digits, with thousands
// separators ("30,000"): not an age ("25-year-old") nor a measure ("7.8").
func digitsOnly(s string) bool {
	return s != "" && strings.Trim(s, "0123456789,") == "" && s[0] >= '0' && s[0] <= '9'
}

// countPhrase reports a phrase that counts ("77 people", "three police
// officers", "more than 100 people").
func countPhrase(p string) bool {
	for _, w := range strings.Fields(strings.ToLower(p)) {
		if countHedges[w] || w == "more" || w == "than" || w == "at" || w == "least" {
			continue
		}
		n, ok := smallNumbers[w]
		return hasDigit(w) || ok && n > 1
	}
	return false
}

// plural reports a plural subject phrase ("militants", "Smith and Jones").
// commonPlural reports a common noun in a plural form ("authorities",
// "officials"): one of its lemmas is another word.
func commonPlural(w string) bool {
	for _, lemma := range lexicon.NounLemmas(w) {
		if lemma != w {
			return true
		}
	}
	return false
}

func plural(subj string) bool {
	f := strings.Fields(strings.ToLower(subj))
	if len(f) > 1 && len(f[0]) == 4 && digitsOnly(f[0]) && f[0] >= "1000" && f[0] <= "2099" {
		f = f[1:] // "1999 quake": a year, not a count
	}
	if len(f) == 0 {
		return false
	}
	for _, w := range f {
		if w == "and" {
			return true
		}
	}
	if n := f[0]; n != "1" && n != "one" && digitsOnly(n) || smallNumbers[n] > 1 || len(f) > 1 && countHedges[n] || len(f) > 2 && quantityHedges[n+" "+f[1]] {
		return true // "73,000 Rohingya", "the two", "about 500 villagers", "more than 100 people"
	}
	h := f[len(f)-1]
	for k := 1; k < len(f); k++ {
		if f[k] == "of" || f[k] == "in" || f[k] == "from" {
			h = f[k-1] // "residents of Mandera", "the mayor of Lyon", "shares in the carmaker", "villagers from Syria"
			break
		}
	}
	switch h {
	case "many", "some", "others", "several", "few", "both", "most", "all", // "Many fled into the lake"
		"people", "police", "children", "men", "women", "troops", "forces", "crowds", "dozens", "hundreds", "thousands",
		"sales", "shares", "stocks", "markets", "prices", "exports", "imports", "earnings", "profits":
		return true
	}
	if titleCased(subj) && !(len(f) == 1 && commonPlural(h)) {
		// A name is one ("Reuters"); a common noun opening the sentence
		// ("Authorities evacuated …") is counted as any other.
		return false
	}
	if commonPlural(h) {
		return true // "authorities", "gunmen"
	}
	// A noun that is its own lemma is singular ("chaos", "news"); one
	// whose lemma differs is plural ("gunmen", "militants").
	if lemma, ok := lexicon.NounLemma(h); ok {
		if lemma == h && strings.HasSuffix(h, "s") {
			// "rates", "sales": a lemma of its own, and a plural too.
			_, singular := lexicon.NounLemma(strings.TrimSuffix(h, "s"))
			return singular
		}
		return lemma != h
	}
	return strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && !strings.HasSuffix(h, "us") && !strings.HasSuffix(h, "is")
}

// demonymPlural reports a nation's people named in the plural ("South
// Koreans", "New Zealanders"), which plural, reading a name of several
// words as one, takes for a singular; a country's own name ("United
// States") is one.
func (d *doc) demonymPlural(subj string) bool {
	subj = strings.TrimPrefix(subj, "The ")
	if !strings.HasSuffix(subj, "s") || !titleCased(subj) {
		return false
	}
	cc, ok := d.countryByName(subj)
	return ok && !strings.EqualFold(cc.Name, subj)
}

// titleCased reports a name of several words ("Boko Haram", "United
// Nations"), which takes a singular verb whatever its last letter.
func titleCased(s string) bool {
	if len(strings.Fields(s)) < 2 {
		return false
	}
	for _, w := range strings.Fields(s) {
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return true
}

// timeLead reports a word that leads into a time expression before token
// i ("late on Sunday", "early on Monday"), passed over with it.
func (d *doc) timeLead(k, i int) bool {
	for ; k+1 < i; k++ {
		switch d.toks[k].low {
		case "on", "late", "early", "at", "in":
		default:
			return false
		}
		if d.tokTime[k+1] >= 0 {
			return true
		}
	}
	return false
}

// pastRelative steps back over a relative clause that ends at token k and
// stands between a subject and its verb: in "A wildfire that swept through
// the town killed 36 people" and "The storm, which made landfall on Sunday,
// killed 12" the subject of "killed" is the noun before "that" or the
// comma. It returns the token before the relative pronoun (or its comma),
// or k when no such clause ends there: the clause must have a verb of its
// own, follow a noun, and hold no other clause boundary.
func (d *doc) pastRelative(k int, s sent) int {
	end := k
	if k > s.t0 && d.toks[k].low == "," {
		end = k - 1 // the comma that closes ", which …,"
	}
	verb := false
	participle := false // "a landmark built in 1832": the apposition's verb describes
	for j := end; j > s.t0 && j >= end-15; j-- {
		w := d.toks[j].low
		switch {
		case w == "that" || relativePronouns[w] && w != "whose" && w != "whom":
			if !verb || j == end {
				return k
			}
			at := j - 1
			if d.toks[k].low == "," {
				// A non-restrictive clause is set off on both sides.
				if d.toks[at].low != "," || at <= s.t0 {
					return k
				}
				at--
			} else if d.toks[at].low == "," {
				return k
			}
			h := d.toks[at]
			if !h.word || h.num || pronouns[h.low] || d.tokTime[at] >= 0 {
				return k
			}
			if _, isVerb := verbForms[h.low]; (isVerb || isVerbForm(h.low)) && !nounForm(h.low) {
				return k // "said that …": a verb's object clause, not a noun's
			}
			for g := at - 1; g > s.t0 && g >= at-3 && d.toks[g].word; g-- {
				// "a bus carrying pilgrims that plunged …": the
				// participle and its object describe the noun before.
				if w := d.toks[g].low; strings.HasSuffix(w, "ing") && !d.toks[g].cap && d.toks[g-1].word && !d.toks[g-1].cap && !titleDeterminers[d.toks[g-1].low] {
					return g - 1
				}
			}
			return at
		case w == "to" && j+1 <= end && lexicon.IsVerb(d.toks[j+1].low) && !d.toks[j+1].cap && j-1 >= s.t0 && nounForm(d.toks[j-1].low) && d.toks[k].low != ",":
			// "an election to choose a new president would be held":
			// the noun the infinitive describes.
			return j - 1
		case w == "," && d.toks[k].low == "," && j+1 <= end && ((!verb || participle && titleDeterminers[d.toks[j+1].low]) && (titleDeterminers[d.toks[j+1].low] || d.toks[j+1].num || d.toks[j+1].low == "of") || d.describingParticiple(j+1) || d.movingParticiple(j+1)) && j-1 >= s.t0 && d.toks[j-1].word && (nounForm(d.toks[j-1].low) || d.toks[j-1].num || d.toks[j-1].cap && (d.movingParticiple(j+1) || titleDeterminers[d.toks[j+1].low] || d.toks[j+1].num && j+2 <= k && d.toks[j+2].low == ",")):
			// "The victim, a 30-year-old man, died", "the quake, of
			// magnitude 7.5, hit", "the Ever Given, operated by
			// Evergreen Marine, ran aground", "the Boeing 777, flying
			// from Amsterdam, crashed", "Mugabe, 93, resigned": an
			// apposition names the subject again or describes it.
			return j - 1
		case subordinators[w] && w != "that" && !verb && j+1 <= end && titleDeterminers[d.toks[j+1].low] && k+1 < s.t1 && (auxiliaries[d.toks[k+1].low] || verbAdverbs[d.toks[k+1].low]):
			// "a fire that broke out … after the quake was still
			// burning": "after" heads a phrase, not a clause, inside the
			// relative clause; in "calm before the Americans withdrew"
			// the noun right before the verb is its subject.
		case w == "," || w == ";" || w == ":" || w == `"` || w == "(" || w == ")" || subordinators[w] && w != "that":
			return k
		case d.toks[j].word && !d.toks[j].cap && isVerbForm(w) && d.tokTime[j] < 0:
			verb = true
			if !finite(w) {
				participle = true
			}
		}
	}
	return k
}

// pastRouteModifier steps back over a participle of route and the place
// after it that end at token k ("a Boeing 737 bound for Nairobi crashed",
// "a ferry heading to Sumatra sank"): the noun before the participle is
// what acted. It returns k when no such modifier ends there.
func (d *doc) pastRouteModifier(k int, s sent) int {
	for j := k; j > s.t0+1 && j >= k-5; j-- {
		w := d.toks[j].low
		if (w == "for" || w == "to" || w == "in" || w == "from") && routeParticiples[d.toks[j-1].low] && j < k {
			return j - 2
		}
		if !d.toks[j].word && w != "-" {
			return k
		}
	}
	return k
}

// carryingModifier steps back over a present participle and its object
// that end at token k ("a ferry carrying 40 passengers capsized", "a
// convoy transporting aid was hit", "officials attending the meeting
// said"): the noun before the participle is the subject. It returns k
// when no such modifier ends there.
func (d *doc) carryingModifier(k int, s sent) int {
	for j := k; j > s.t0 && j >= k-4; j-- {
		t := d.toks[j]
		if !t.word || d.tokTime[j] >= 0 {
			return k
		}
		if j == k || t.cap || !strings.HasSuffix(t.low, "ing") || nounForm(t.low) || !lexicon.IsVerb(t.low) {
			continue
		}
		p := d.toks[j-1]
		if !p.word || titleDeterminers[p.low] || prepositions[p.low] || auxiliaries[p.low] || subordinators[p.low] || p.low == "and" || p.low == "or" || isVerbForm(p.low) && !nounForm(p.low) {
			return k
		}
		return j - 1
	}
	return k
}

// finite reports a verb form that is not a past participle: "built",
// "called", "taken" describe a noun; "collapsed" may be either, and only
// a participle ending in -ed or -en, or listed, counts as one.
func finite(w string) bool {
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") {
		return false
	}
	lemma, ok := lexicon.VerbLemma(w)
	return !(ok && lemma != w && (pastParticiple[lemma] == w || pastForm(w)))
}

// verbAdverbs stand between a subject and its verb without "-ly": "was
// still burning", "had already fled", "has now seized".
var verbAdverbs = map[string]bool{"still": true, "already": true, "also": true, "now": true, "again": true, "then": true, "just": true, "reportedly": true}

// prospectiveWords stand between "is" and the "to" of what is planned:
// "is due to meet", "is expected to vote".
var prospectiveWords = map[string]bool{"due": true, "expected": true, "set": true, "scheduled": true, "likely": true, "poised": true, "slated": true, "going": true, "planned": true, "supposed": true}

// relativeParticles end a participle that describes a noun: "holed up",
// "locked inside", "hidden away". "In", "off" and "out" are left out:
// "police cordoned off the area" is a verb's.
var relativeParticles = map[string]bool{"up": true, "down": true, "inside": true, "away": true}

// movingParticiple reports a present participle of motion or carriage at
// token k ("flying from Amsterdam", "carrying 40 passengers", "heading
// for Sumatra"): set off by commas after a noun, it describes it.
func (d *doc) movingParticiple(k int) bool {
	return k < len(d.toks) && !d.toks[k].cap && strings.HasSuffix(d.toks[k].low, "ing") && routeParticiples[d.toks[k].low]
}

// eventHeadBefore steps back from token k, the last word of a subject, to
// an event noun that heads it before prepositional phrases: in "talks
// between the two sides on the Belarus border ended" the subject is the
// talks, not the border; in "the attack on the embassy in Kabul killed"
// the attack. "Of" is passed over ("the rescue of 33 workers trapped" is
// the workers'; "the bombing of Dresden" keeps its name). It returns k
// when the subject has no such head.
func (d *doc) eventHeadBefore(k int, s sent) int {
	if k <= s.t0 || !d.toks[k].word || d.tokEnt[k] >= 0 && d.ents[d.tokEnt[k]].kind == entPerson {
		return k
	}
	prep := false
	for j := k - 1; j >= s.t0 && j >= k-10; j-- {
		w := d.toks[j].low
		switch {
		case w == "between" || w == "on" || w == "over" || w == "in" || w == "at" || w == "near" || w == "with" || w == "against" || w == "from" || w == "off":
			// Not "of": "the rescue of 33 workers trapped" is the workers'.
			prep = true
		case prep && locatingParticiples[w]:
			// "a 1999 earthquake centred near the city of Izmit", "a storm
			// centered off the coast": the participle and its place
			// describe the noun before them.
		case w == "'s" || w == "’s":
			// "an explosion in Beirut's port area": a possessive inside
			// the phrase.
		case !d.toks[j].word || d.tokTime[j] >= 0 || subordinators[w] || auxiliaries[w] || isVerbForm(w) && !nounForm(w):
			return k
		case prep && tollNouns[w] && !d.toks[j].cap:
			// "the death toll in Turkey and Syria rose": a compound's head.
			return j
		case prep && (!d.toks[j].cap || j == s.t0 || d.opensAfterDateline(j, s)) && nouns[w] != "" && (j == s.t0 || !d.toks[j-1].word || d.toks[j-1].num || titleDeterminers[d.toks[j-1].low] || d.tokTime[j-1] >= 0 || !d.toks[j-1].cap && lexicon.IsAdjective(d.toks[j-1].low) && !lexicon.IsVerb(d.toks[j-1].low) || compoundHead(d, j, s)):
			return j
		}
	}
	return k
}

// compoundHead reports an event noun at j that ends a compound after a
// determiner ("a bomb blast", "the car bombing"): the noun before it
// qualifies it.
func compoundHead(d *doc, j int, s sent) bool {
	return j-2 >= s.t0 && !d.toks[j-1].cap && nounForm(d.toks[j-1].low) && titleDeterminers[d.toks[j-2].low]
}

// subjectPhrase is the noun phrase before the verb at i, skipping
// auxiliaries and adverbs; passive reports "was killed", "were taken".
func (d *doc) subjectPhrase(i int, s sent) (string, bool) {
	k := i - 1
	passive := false
	beTo := false
	if j := i - 1; j-1 > s.t0 && d.toks[j].low == "be" && d.toks[j-1].low == "to" {
		// "is to be sworn in": a passive of what is planned.
		i, beTo = j, true
	}
	if j := i - 1; j-1 > s.t0 && d.toks[j].low == "to" {
		// "Parliament is to meet", "the council is due to meet", "is
		// expected to vote": the subject of the planning "is".
		k := j - 1
		if prospectiveWords[d.toks[k].low] {
			k--
		}
		if k > s.t0 && (d.toks[k].low == "is" || d.toks[k].low == "are" || d.toks[k].low == "was" || d.toks[k].low == "were") {
			subj, _ := d.subjectPhrase(k, s)
			return subj, beTo
		}
	}
	if i-4 >= s.t0 && d.toks[i-1].low == "have" && d.toks[i-2].low == "to" && hedgeParticiples[d.toks[i-3].low] && auxiliaries[d.toks[i-4].low] {
		// "the gunman is believed to have fled": the hedge and its
		// auxiliary stand between the subject and an active verb.
		k = i - 5
		for k > s.t0 && (auxiliaries[d.toks[k].low] || strings.HasSuffix(d.toks[k].low, "ly") || d.toks[k].low == "now") {
			k--
		}
		return d.subjectPhrase(k+1, s)
	}
	for k >= s.t0 && (auxiliaries[d.toks[k].low] || verbAdverbs[d.toks[k].low] || modals[d.toks[k].low] && !(d.toks[k].cap && !d.toks[k].first) && (k == i-1 || auxiliaries[d.toks[k+1].low]) || hedgeParticiples[d.toks[k].low] && k == i-1 || becomeWords[d.toks[k].low] || strings.HasSuffix(d.toks[k].low, "ly") && !d.toks[k].cap || d.tokTime[k] >= 0 && k > s.t0 || k > s.t0 && d.timeLead(k, i) || k > s.t0 && k == i-1 && d.toks[k].low == "there") {
		// "refugees yesterday walked": a time between the subject and
		// its verb is passed over, as an adverb is.
		switch d.toks[k].low {
		case "was", "were", "been", "being", "is", "are", "be", "became", "become", "becomes", "got", "get", "gets":
			passive = true
		}
		k--
	}
	k = d.pastRelative(k, s)
	k = d.pastRouteModifier(k, s)
	k = d.carryingModifier(k, s)
	for j := k - 1; j > s.t0 && j >= k-8 && d.toks[j].word; j-- {
		// "gunmen armed with automatic rifles and grenades attacked":
		// what the participle says describes the noun before it.
		if d.describingParticiple(j) && d.toks[j+1].low != "by" && (!d.clauseBetween(j, k) || allegianceWords[d.toks[j].low]) {
			k = j - 1
			break
		}
	}
	k = d.eventHeadBefore(k, s)
	if k > s.t0+1 && d.toks[k].word && !d.toks[k].cap && strings.HasSuffix(d.toks[k].low, "ed") && (d.toks[k-1].low == "ever" || strings.HasSuffix(d.toks[k-1].low, "ly")) {
		// "the worst storm ever recorded hit …": the participle and its
		// adverb describe the noun before them.
		k -= 2
	}
	if k > s.t0 && d.toks[k].low == "and" {
		// "Taliban fighters entered Kabul and took control of the
		// palace": the first verb's subject does the second too.
		for j := k - 1; j > s.t0; j-- {
			w := d.toks[j]
			if w.low == "," || w.low == ";" || subordinators[w.low] {
				break
			}
			if w.word && !w.cap && isVerbForm(w.low) && !determiners[d.toks[j-1].low] && !prepositions[d.toks[j-1].low] && d.toks[j-1].low != "-" {
				// Not a noun after a preposition ("broke apart in
				// mid-air and fell", "lost contact with controllers").
				// "faced trial and was acquitted": the second verb's own
				// passive.
				subj, p := d.subjectPhrase(j, s)
				return subj, p || passive
			}
		}
	}
	if c := d.prepositionAside(k, s); c >= 0 {
		// "Thousands of protesters, despite police use of tear gas,
		// occupied the roads": the subject stands before the aside.
		k = c - 1
	}
	if k > s.t0 && d.toks[k].low == "," {
		if a0, a1 := d.aside(k-1, d.tokSent[k]); a1 == k && a0-2 >= s.t0 && d.toks[a0-1].low == "," && pastVerbForm(d.toks[a0].low) {
			// "The tower, built in 1832, collapsed": the noun the
			// participle describes.
			subj, p := d.subjectPhrase(a0-1, s)
			return subj, p || passive
		}
		// "his rival, Anna Koval, a key figure in the protests, was
		// freed": the person the appositions describe.
		// A relative clause about the person ("Mwangi, who denied the
		// charges, was convicted") is passed over.
		if e := d.apposedAt(k, s); e != nil {
			return d.text[d.toks[e.t0].s:d.toks[e.t1-1].e], passive
		}
	}
	if k > s.t0 && (d.toks[k].low == "that" || d.toks[k].low == "which" || d.toks[k].low == "who") {
		// "the tsunami that hit the coast": the relative pronoun stands
		// for the noun before it, also past the comma of ", which".
		k--
		if d.toks[k+1].low != "that" && k > s.t0 && d.toks[k].low == "," {
			k--
		}
	}
	if k > s.t0+2 && placeHeads[d.toks[k].low] {
		// "80 schools in Borno state were closed": the division locates
		// the noun before it, which is what the verb tells of.
		if en := d.tokEnt[k-1]; en >= 0 && d.ents[en].kind == entPlace {
			if at := d.ents[en].t0; at-2 >= s.t0 {
				switch d.toks[at-1].low {
				case "in", "of", "at", "across":
					k = at - 2
					// "schools with 100,000 students": what they have
					// describes the noun before "with".
					for j := k - 1; j > s.t0 && j >= k-3; j-- {
						if d.toks[j].low == "with" && d.toks[j-1].word {
							k = j - 1
							break
						}
					}
				}
			}
		}
	}
	for j := k - 1; j > s.t0 && j >= k-4 && d.toks[j].word; j-- {
		// "demonstrators from the northern towns gathered", "police in
		// riot gear fired": the crowd the words after it place, or the
		// force they dress, is what acted; "troops in Chechnya" keep
		// their place.
		if w := d.toks[j].low; (w == "from" || w == "in" || w == "at" || w == "across") && (crowdNouns[d.toks[j-1].low] || (policeNouns[d.toks[j-1].low] || forceNouns[d.toks[j-1].low]) && d.tokEnt[k] < 0) {
			k = j - 1
			break
		}
	}
	if k < s.t0 || !d.toks[k].word || d.tokTime[k] >= 0 {
		return "", passive
	}
	if pronouns[d.toks[k].low] {
		// "told reporters she would resign": a pronoun is the whole
		// subject, whatever stands before it.
		return d.toks[k].low, passive
	}
	// An entity name is the best subject; "the mayor of Lyon" keeps its
	// head noun.
	if en := d.tokEnt[k]; en >= 0 {
		e := d.ents[en]
		start := e.t0
		// "a refinery in Chile exploded": the place locates the subject's
		// head noun, which is what acted.
		at := start
		if d.prevWord(at) == "the" && at-1 > s.t0 {
			at-- // "markets in the United States"
		}
		if prep := d.prevWord(at); at-2 >= s.t0 && (prep == "of" || (e.kind == entPlace || e.kind == entGov) && (prep == "in" || prep == "at" || prep == "near" || prep == "from")) &&
			d.toks[at-2].word && !titleDeterminers[d.toks[at-2].low] && d.tokEnt[at-2] < 0 {
			start = at - 2
		}
		if start == e.t0 && start-2 >= s.t0 && d.toks[start-1].low == "and" {
			// "Israel and Hamas agreed", "Armenia and Azerbaijan
			// signed": two named parties are the subject.
			if o := d.tokEnt[start-2]; o >= 0 && d.ents[o].t1 == start-1 && d.ents[o].kind != entNone {
				if p := d.ents[o].t0; !prepositions[d.prevWord(p)] {
					start = p
				} else if p-2 >= s.t0 && (d.prevWord(p) == "in" || d.prevWord(p) == "from") && d.toks[p-2].word && d.tokEnt[p-2] < 0 && !titleDeterminers[d.toks[p-2].low] {
					// "police in Paris and Lyon arrested": the noun the
					// towns place.
					return d.text[d.toks[p-2].s:d.toks[e.t1-1].e], passive
				}
			}
		}
		return d.text[d.toks[start].s:d.toks[e.t1-1].e], passive
	}
	end := k
	start := k
	for n := 0; start-1 >= s.t0 && (n < 1 || n < 5 && d.toks[start].cap && d.toks[start-1].cap && !d.toks[start-1].first && !titleHeads[d.toks[start-1].low]); n++ {
		// One word before the head, or the whole of a name the
		// recogniser missed ("Dow Jones Industrial Average").
		w := d.toks[start-1]
		if !w.word || phraseStops[w.low] || titleDeterminers[w.low] || d.tokTime[start-1] >= 0 || w.num {
			break
		}
		if _, isVerb := verbForms[w.low]; isVerb {
			break
		}
		if en := d.tokEnt[start-1]; en >= 0 && en != d.tokEnt[end] {
			if n == 0 && groupNouns[d.toks[end].low] && d.ents[en].t1 == start && d.ents[en].kind != entPlace {
				// "the Islamic State group", "the Boko Haram militia":
				// the name says which group.
				start = d.ents[en].t0
			}
			// "told RTL radio several people had been arrested": a name
			// before the noun phrase belongs to another clause.
			break
		}
		start--
	}
	if start-1 >= s.t0 && d.toks[start-1].num && (d.toks[start].low == "magnitude" || d.toks[start].low == "magnitude-") {
		start-- // "The 7.8 magnitude quake": the measure keeps its number
	}
	// "Dozens of students killed": take "X of Y" when X is a quantity;
	// "Shares in the carmaker fell": "X in Y" when X is what moved.
	if start-1 >= s.t0 && titleDeterminers[d.toks[start-1].low] && start-3 >= s.t0 && (d.toks[start-2].low == "of" || d.toks[start-2].low == "in") && d.toks[start-3].word && !phraseStops[d.toks[start-3].low] {
		start -= 3
	} else if start-2 >= s.t0 && d.toks[start-1].low == "of" && d.toks[start-2].word {
		start -= 2
	}
	if phraseStops[d.toks[end].low] || titleDeterminers[d.toks[end].low] {
		return "", passive
	}
	if d.toks[end].num && end > s.t0 && (d.toks[end-1].cap && !countHedges[d.toks[end-1].low] || craftNouns[d.toks[end-1].low]) {
		// "An Ethiopian Airlines Boeing 737 Max 8 crashed", "Air France
		// flight 447, which crashed": a number in a name is part of the
		// name, and so is the craft it numbers.
		start = end
		if craftNouns[d.toks[end-1].low] {
			start--
		}
		for start-1 >= s.t0 && (d.toks[start-1].cap || d.toks[start-1].num) && !d.toks[start-1].first && !titleDeterminers[d.toks[start-1].low] {
			start--
		}
		if start-1 >= s.t0 && d.toks[start-1].first && d.toks[start-1].cap && !titleDeterminers[d.toks[start-1].low] {
			start--
		}
		return d.text[d.toks[start].s:d.toks[end].e], passive
	}
	if start-2 >= s.t0 && d.toks[start-1].num && labelWords[d.toks[start-2].low] {
		// "A magnitude 7 earthquake", "a Category 5 hurricane": the
		// number labels the noun; it counts nothing.
		return d.text[d.toks[start-2].s:d.toks[end].e], passive
	}
	if d.toks[end].num || start-1 >= s.t0 && countWord(d.toks[start-1]) {
		// "At least 49 killed", "over 1,400 wounded", "more than 100
		// people died", "three police officers killed": a count stays
		// with its noun and keeps its hedge.
		if !d.toks[end].num {
			start--
		} else {
			start = end
		}
		if start-2 >= s.t0 && quantityHedges[d.toks[start-2].low+" "+d.toks[start-1].low] {
			start -= 2
		} else if start-1 >= s.t0 && countHedges[d.toks[start-1].low] {
			start--
		}
	}
	return d.text[d.toks[start].s:d.toks[end].e], passive
}
