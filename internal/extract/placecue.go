package extract

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// This file holds the cues that tie a place to an event beyond a locative
// preposition right before the name: a possessive naming something in the
// place ("on Istanbul's Bosporus Bridge"), a place qualifying the event's
// agent ("the Miyagi police chief said"), an apposed town's relative clause
// ("Benghazi, the city that spearheaded the uprising"), names the article
// itself locates ("Tham Luang cave in Mae Sai", "the hospital in
// Kharkiv"); and the cues that untie one: a foreign town's name before a
// structure ("the San José mine"), a place named to measure from ("800 km
// from the capital").

// firstNounClass is the lexicographer class of the most frequent sense of
// the noun w (inflected forms allowed), or "".
func firstNounClass(w string) string {
	lemma, ok := lexicon.NounLemma(w)
	if !ok {
		return ""
	}
	if cs := lexicon.NounClasses(lemma); len(cs) > 0 {
		return cs[0]
	}
	return ""
}

// possessedIsPlace reports whether the phrase starting at token j, after a
// place's "'s", names a location, a structure or a physical thing ("'s
// Bosporus Bridge", "'s northeast", "'s main airport") rather than an act,
// an event or a person ("'s war", "'s 2004 Orange Revolution", "'s
// president"). Its head is the last word of the phrase.
func (d *doc) possessedIsPlace(j int) bool {
	s := d.sents[d.tokSent[j-1]]
	head, end := "", j
	for k := j; k < s.t1 && k < j+5; k++ {
		t := d.toks[k]
		if !t.word || prepositions[t.low] || determiners[t.low] || subordinators[t.low] || t.low == "and" || t.low == "or" {
			break // "at Bali's airport and landed": the noun ends at "and"
		}
		if !t.cap && lexicon.OnlyVerb(t.low) {
			break
		}
		head, end = t.low, k+1
	}
	if head == "" {
		return false
	}
	if placeHeads[head] {
		// "in Ukraine's second-largest city, Kharkiv": the town the
		// apposition names is the place, the country only qualifies it.
		return !(end+1 < s.t1 && d.toks[end].low == "," && d.toks[end+1].cap)
	}
	switch firstNounClass(head) {
	case "noun.location", "noun.artifact", "noun.object":
		return true
	}
	return false
}

// agentNoun reports a noun that heads an agent phrase a place can
// qualify: a person ("prosecutor", "chief") or a group ("police",
// "authorities").
func agentNoun(w string) bool {
	switch firstNounClass(w) {
	case "noun.person", "noun.group":
		return true
	}
	return false
}

// agentPlace reports a place name that qualifies the agent of event word
// ti: "the Miyagi police chief said", "Hong Kong police fired", "a
// Marseille prosecutor said", "the mayor of Lyon resigned". Officials
// named by their town usually act there. After the place come one to
// three lower-case agent nouns (or before it, with "of"), at most two
// auxiliaries or adverbs, then the verb the event word is or follows
// closely.
func (d *doc) agentPlace(en *ent, ti int) bool {
	if en.locative || en.dateline {
		return false
	}
	// The place opens the agent phrase ("the Miyagi police", "Hong Kong
	// police" at a sentence's start); after "of" or "and" it ends a
	// longer name ("the Islamic State of Iraq and the Levant militant
	// group").
	t := d.triggers[ti]
	k := en.t1
	switch w := d.prevWord(en.t0); {
	case d.officeOf(en.t0):
		// "the mayor of Lyon resigned", "the governor of Borno said": the
		// office's town, the agent's noun before it.
	case w == "the" || w == "a" || w == "an":
		if w2 := d.prevWord(en.t0 - 1); w2 == "of" || w2 == "and" {
			return false
		}
		fallthrough
	case w == "" || !d.toks[en.t0-1].word:
		nouns := 0
		for k < t.i && nouns < 3 && !d.toks[k].cap && d.toks[k].word && agentNoun(d.toks[k].low) {
			k++
			nouns++
		}
		if nouns == 0 {
			return false
		}
	default:
		return false
	}
	for skip := 0; k < t.i && skip < 2; skip++ {
		w := d.toks[k].low
		if !auxWords[w] && !strings.HasSuffix(w, "ly") {
			break
		}
		k++
	}
	// The event word is the agent's verb or close after it ("police fired
	// tear gas"), but not what a reporting verb reports ("police said a
	// fire broke out").
	if t.i != k && d.reportingAt(k) {
		return false
	}
	return t.i >= k && t.i <= k+3 && d.noClauseStop(k, t.i, false)
}

// reportingAt reports a statement event word at token k ("said", "told").
func (d *doc) reportingAt(k int) bool {
	for _, ti := range d.sentTrigs[d.tokSent[k]] {
		if d.triggers[ti].i == k && d.triggers[ti].kind == model.KindStatement {
			return true
		}
	}
	return false
}

// foreignNamesake reports a town named before a structure or a natural
// feature ("the San José mine", "Tham Luang cave") in a country the article
// never names: the name is the mine's or the cave's, and the town of that
// name abroad (the Costa Rican capital) is not where anything happened.
func (d *doc) foreignNamesake(p model.Place, t1 int) bool {
	if p.Feature == "country" || areaFeature(p.Feature) || strings.HasPrefix(p.Feature, "ADM") || t1 >= len(d.toks) {
		return false
	}
	if len(d.geoContext().Countries) == 0 || d.inContext(p.Country) {
		return false
	}
	// "the Madrid train bombings": the structure qualifies an event word
	// the town's name places (isModifierPlace).
	return d.featureNounAt(t1) && !d.isModifierPlace(t1)
}

// featureNounAt reports a lower-case noun at token k, in the sentence of
// the token before, that names a natural feature or a structure ("gorge",
// "cave", "mine", "church").
func (d *doc) featureNounAt(k int) bool {
	if k >= len(d.toks) || d.tokSent[k] != d.tokSent[k-1] {
		return false
	}
	t := d.toks[k]
	if t.cap || !t.word || placeHeads[t.low] {
		return false
	}
	switch firstNounClass(t.low) {
	case "noun.artifact", "noun.object":
		return true
	}
	return false
}

// learnLocalNames records the names the gazetteer does not know that the
// article itself locates: "Tham Luang cave in Mae Sai", "the Zion Church
// in the east-coast town of Batticaloa". Another sentence's "stranded in
// Tham Luang cave" is then placed in Mae Sai.
func (d *doc) learnLocalNames() {
	for si := range d.sents {
		s := d.sents[si]
		for k := s.t0; k < s.t1; k++ {
			if d.toks[k].low == "the" && k+2 < s.t1 && d.featureNounAt(k+1) && (d.toks[k+2].low == "in" || d.toks[k+2].low == "near") {
				// "the hospital in the northeastern city of Kharkiv": a
				// later "the hospital" is there.
				if p := d.placeAfter(k+3, s.t1); p != nil && !isArea(p) {
					if d.localNames == nil {
						d.localNames = map[string]*model.Place{}
					}
					if _, ok := d.localNames["the "+d.toks[k+1].low]; !ok {
						d.localNames["the "+d.toks[k+1].low] = p
					}
				}
				continue
			}
			if !d.unknownName(k) || k > s.t0 && d.unknownName(k-1) {
				continue
			}
			j := k
			for j < s.t1 && d.unknownName(j) {
				j++
			}
			name := d.span(k, j)
			// The feature's own noun: "cave", "mine", "church"; "the cave"
			// then refers back to it.
			noun := ""
			for n := 0; n < 2 && j < s.t1 && !d.toks[j].cap && d.toks[j].word && firstNounClass(d.toks[j].low) != "" && !locatives[d.toks[j].low]; n++ {
				noun = d.toks[j].low
				j++
			}
			if j >= s.t1 || (d.toks[j].low != "in" && d.toks[j].low != "near" && d.toks[j].low != "outside") {
				continue
			}
			if p := d.placeAfter(j+1, s.t1); p != nil {
				if d.localNames == nil {
					d.localNames = map[string]*model.Place{}
				}
				if _, ok := d.localNames[fold(name)]; !ok {
					d.localNames[fold(name)] = p
				}
				if _, ok := d.localNames["the "+noun]; !ok && noun != "" && d.featureNounAt(j-1) {
					d.localNames["the "+noun] = p
				}
			}
		}
	}
}

// unknownName reports a capitalised word that is part of no place,
// person or government name and of no time expression; it may be part of
// an organisation's ("the Zion Church").
func (d *doc) unknownName(k int) bool {
	t := d.toks[k]
	if !t.word || !t.cap || t.upper || d.tokTime[k] >= 0 || commonCaps[t.low] {
		return false
	}
	en := d.tokEnt[k]
	return en < 0 || d.ents[en].kind == entNone || d.ents[en].kind == entOrg
}

// learnedPlace is the place the article gave elsewhere to a name after
// "in", "at", "near" or "inside" close to one of the event's words, or
// nil.
func (d *doc) learnedPlace(e *evt) *model.Place {
	if len(d.localNames) == 0 {
		return nil
	}
	s := d.sents[e.sentence]
	for k := s.t0; k+1 < s.t1; k++ {
		switch d.toks[k].low {
		case "in", "at", "near", "inside", "from":
		default:
			continue
		}
		j := k + 1
		var p *model.Place
		if d.toks[j].low == "the" && j+1 < s.t1 && !d.toks[j+1].cap {
			// "from the cave entrance": the cave the article located.
			p = d.localNames["the "+d.toks[j+1].low]
		} else {
			if d.toks[j].low == "the" && j+1 < s.t1 {
				j++
			}
			end := j
			for end < s.t1 && d.unknownName(end) {
				end++
			}
			if end == j {
				continue
			}
			p = d.localNames[fold(d.span(j, end))]
		}
		if p == nil {
			continue
		}
		for _, ti := range e.trigs {
			a, b := min(j, d.triggers[ti].i), max(j, d.triggers[ti].i)
			if d.cost(a, b) <= maxPlaceCost || d.noClauseStop(a, b, false) {
				return p
			}
		}
	}
	return nil
}

// placeAfter is the town or area named from token k on, after at most a
// few determiners, adjectives and place nouns ("the east-coast town of").
func (d *doc) placeAfter(k, end int) *model.Place {
	for n := 0; k < end && n < 6; k, n = k+1, n+1 {
		if en := d.tokEnt[k]; en >= 0 && d.ents[en].kind == entPlace && d.ents[en].hasPlace && d.ents[en].t0 == k {
			p := d.ents[en].place
			return &p
		}
		w := d.toks[k]
		if w.cap || !w.word {
			return nil
		}
		if !determiners[w.low] && w.low != "of" && !placeHeads[w.low] && !placeModifier(w.low) && !strings.Contains(w.low, "-") && !lexicon.IsAdjective(w.low) {
			return nil
		}
	}
	return nil
}

// appositionPlace is the place a relative clause holding event word ti
// describes through an apposition: "Benghazi, the eastern city that
// spearheaded the uprising", "Sirte, the town which fell last". It returns
// -1 when there is none, else the place's index in d.ents.
func (d *doc) appositionPlace(ti int) int {
	t := d.triggers[ti]
	s := d.sents[t.sentence]
	// The relative pronoun, at most three words before the event word.
	k := t.i - 1
	for ; k > s.t0 && k >= t.i-4; k-- {
		if w := d.toks[k].low; w == "that" || w == "which" {
			break
		}
	}
	if k <= s.t0 || (d.toks[k].low != "that" && d.toks[k].low != "which") {
		return -1
	}
	// The place noun and its modifiers, back to the comma.
	j := k - 1
	if j <= s.t0 || !placeHeads[d.toks[j].low] {
		return -1
	}
	for j--; j > s.t0 && j >= k-6; j-- {
		w := d.toks[j]
		if w.low == "the" || w.low == "a" {
			j--
			break
		}
		if w.cap || !w.word {
			return -1
		}
	}
	if j < s.t0 || d.toks[j].low != "," {
		return -1
	}
	if en := d.tokEnt[j-1]; en >= 0 && d.ents[en].kind == entPlace && d.ents[en].hasPlace && d.ents[en].t1 == j {
		return en
	}
	return -1
}

// displacementLemmas are the verbs of people on the move, whose place is
// where they went ("into Bangladesh").
var displacementLemmas = map[string]bool{"cross": true, "walk": true, "trek": true, "pour": true, "flee": true}

// deployedTo reports the place troops are sent to by trigger ti, or people
// on the move go into: "sent 5,000 troops to Kabul", "refugees crossed
// into Bangladesh" happened where they went.
func (d *doc) deployedTo(en *ent, ti int) bool {
	t := d.triggers[ti]
	if en.t0 <= t.i || en.sentence != t.sentence {
		return false
	}
	switch t.lemma {
	case "send", "dispatch", "deploy":
		return d.prevWord(en.t0) == "to" && en.t0 <= t.i+8
	default:
		if !displacementLemmas[t.lemma] {
			return false
		}
		// "walked through padi fields from the Naf River … into
		// Bangladesh": the destination, however far after the verb.
		return d.prevWord(en.t0) == "into" && en.t0 <= t.i+20
	}
}

// visitedPlace reports the place a visit is to: "will visit Beirut",
// "toured the flooded town of Derna".
func (d *doc) visitedPlace(en *ent, ti int) bool {
	t := d.triggers[ti]
	if t.lemma != "visit" && t.lemma != "tour" || t.form == formNoun || en.sentence != t.sentence {
		return false
	}
	k := t.i + t.words
	for k < en.t0 && (titleDeterminers[d.toks[k].low] || d.toks[k].low == "of" || placeHeads[d.toks[k].low] || lexicon.IsAdjective(d.toks[k].low)) {
		k++
	}
	return k == en.t0
}

// countrysPart narrows a feature that spans several countries to the side
// a country's adjective names: "the French Alps", "the Swiss Alps", "the
// Spanish Pyrenees". The adjective opens the name or stands just before it.
func (d *doc) countrysPart(p model.Place, t0, t1 int) model.Place {
	k := t0 - 1
	if t1-t0 > 1 {
		k = t0
	}
	if k < 0 || d.tokSent[k] != d.tokSent[t0] || !d.toks[k].cap {
		return p
	}
	adj := d.toks[k].text
	cc, ok := d.countryByName(adj)
	if !ok || fold(adj) == fold(cc.Name) {
		return p
	}
	part, ok := d.g.PartIn(p, cc.Code)
	if !ok {
		return p
	}
	if k < t0 {
		part.Name = adj + " " + d.span(t0, t1)
	} else {
		part.Name = d.span(t0, t1)
	}
	return part
}

// ownerPlace reports a place that owns the event noun ti: "Ukraine's 2004
// revolution", "Nigeria's general election", "Japan's worst earthquake".
// What befalls a country or a town, or what its people do together, as
// its own, happened there; a deed it does to another is not placed by it.
func (d *doc) ownerPlace(en *ent, ti int) bool {
	t := d.triggers[ti]
	if t.form != formNoun || en.t1 >= t.i || d.toks[en.t1].low != "'s" || !happening[t.kind] && !d.ownWar(t) {
		return false
	}
	if t.kind == model.KindProtest && (en.kind == entGov || en.country) {
		// "Ukraine's revolution", "Egypt's uprising" filled a capital's
		// squares; the whole country would say less than nothing.
		return false
	}
	// "Russia's annexation of Crimea", "Israel's strike on Gaza": the
	// owner of a deed done to something is its agent.
	if k := t.i + t.words; k+1 < len(d.toks) && agentObjectWords[d.toks[k].low] && d.tokTime[k+1] < 0 {
		return false
	}
	// Only modifiers between: a year, an adjective, a noun ("snap",
	// "general"), a name ("Orange").
	for k := en.t1 + 1; k < t.i; k++ {
		if w := d.toks[k]; k-en.t1 > 4 || !w.word && !yearToken(w.text) {
			return false
		}
	}
	return true
}

// ownWar reports a war that a country's name before it owns ("Syria's
// war", "Yemen's civil war", "Colombia's long conflict"): fought in it,
// unless what follows names where or with whom ("Russia's war in
// Ukraine", "Iraq's war with Iran"; agentObjectWords are checked by
// ownerPlace).
func (d *doc) ownWar(t trig) bool {
	if t.kind != model.KindMilitary || !ownWarNouns[d.toks[t.i+t.words-1].low] {
		return false
	}
	if k := t.i + t.words; k < len(d.toks) && d.tokSent[k] == t.sentence {
		switch w := d.toks[k]; {
		case w.low == "in" || w.low == "with" || w.low == "inside" || w.low == "across":
			return false
		case w.word && !w.cap && nounForm(w.low) && !isVerbForm(w.low) && !auxiliaries[w.low] && !phraseStops[w.low]:
			// "Serbia's war crimes court": the war qualifies a noun.
			return false
		}
	}
	return true
}

// yearToken reports a token that is a year of news ("2004").
func yearToken(s string) bool {
	if len(s) != 4 {
		return false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n >= 1000 && n <= 2100
}

// govPlace is the country of a government named by its country ("Japan"),
// as a place.
func (d *doc) govPlace(en *ent) (model.Place, bool) {
	if en.actor < 0 || d.actors[en.actor].country == "" || fold(d.span(en.t0, en.t1)) != fold(d.actors[en.actor].Name) && !d.isCountryWord(d.span(en.t0, en.t1)) {
		return model.Place{}, false
	}
	cc, ok := d.g.Country(d.actors[en.actor].country)
	if !ok {
		return model.Place{}, false
	}
	return d.countryPlace(cc, cc.Name), true
}

// happening kinds are those whose possessor is where they happen, not who
// did them.
var happening = map[model.Kind]bool{
	model.KindDisaster: true, model.KindAccident: true, model.KindElection: true, model.KindProtest: true,
}

// agentObjectWords after an event noun name what the deed was done to.
var agentObjectWords = map[string]bool{"of": true, "on": true, "against": true, "into": true, "over": true}

// officeOf reports a name after a lower-case noun for people and "of":
// "the mayor of Lyon", "the governor of Borno", "residents of Mandera".
// Such a name is a place, whatever its size.
func (d *doc) officeOf(t0 int) bool {
	if t0 < 2 || d.prevWord(t0) != "of" || d.tokSent[t0-2] != d.tokSent[t0] {
		return false
	}
	opens := t0-2 == d.sents[d.tokSent[t0]].t0 // "Residents of Mosul fled"
	return (!d.toks[t0-2].cap || opens) && agentNoun(d.toks[t0-2].low)
}
