package extract

// Whether a word is an event word here, and whether what it tells
// happened, from the words around it: a subjunctive ("insisted that he
// resign"), a condition to come ("until they got arrested"), a term served,
// people evacuated, a blow in a figure ("hard hit"), a business called an
// operation, shooting and dismissal, a word after a verb that is its
// object, a label in scare quotes, a disaster's toll.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// mandated reports a verb at token i in the base form inside a clause
// that a verb of demanding introduces ("insisted that the union agree",
// "demanded that he resign"): a subjunctive, what is asked for.
func (d *doc) mandated(i int, s sent) bool {
	for k := i - 1; k > s.t0 && k >= i-10; k-- {
		w := d.toks[k].low
		if w == "that" {
			return mandativeVerbs[d.toks[k-1].low]
		}
		if !d.toks[k].word && w != "(" && w != ")" || subordinators[w] {
			return false
		}
	}
	return false
}

// untilUnrealised reports a verb at token i in an until-clause (within
// four words after "until" or "till") whose main clause is unrealised: a
// modal ("would", "will") comes before the "until".
func (d *doc) untilUnrealised(i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-4; k-- {
		w := d.toks[k].low
		if w != "until" && w != "till" {
			if !d.toks[k].word {
				return false
			}
			continue
		}
		for j := k - 1; j >= s.t0; j-- {
			if m := d.toks[j].low; m == "would" || m == "will" || m == "'ll" || m == "could" || m == "might" {
				return true
			}
		}
		return false
	}
	return false
}

// served reports a word at token i that is what someone serves ("serving
// a seven-year sentence", "served a life term"): "serve" and an article
// come before it, with at most three numbers, hyphens or lower-case words
// between.
func (d *doc) served(i int, s sent) bool {
	k := i - 1
	for k >= s.t0 && k >= i-4 {
		w := d.toks[k]
		if w.num || w.low == "-" || w.word && !w.cap && !articleWords[w.low] {
			k--
			continue
		}
		break
	}
	if k-1 < s.t0 {
		return false
	}
	if !articleWords[d.toks[k].low] {
		return false
	}
	lemma, ok := lexicon.VerbLemma(d.toks[k-1].low)
	return ok && lemma == "serve"
}

// articleWords open a noun phrase ("a", "the", "his").
var articleWords = map[string]bool{"a": true, "an": true, "the": true, "his": true, "her": true, "their": true, "its": true}

// civiliansNear reports people, homes or places to live named within
// eight words after token i ("evacuated 5,000 residents", "evacuation
// orders for people living near the plant").
func (d *doc) civiliansNear(i int, s sent) bool {
	for k := i + 1; k < s.t1 && k <= i+8; k++ {
		if civilianNouns[d.toks[k].low] {
			return true
		}
	}
	return false
}

// civiliansMoved reports people or homes as the subject of a passive verb
// at token i ("hundreds of people were evacuated by boat").
func (d *doc) civiliansMoved(i int, s sent) bool {
	k := i - 1
	for k > s.t0 && (auxiliaries[d.toks[k].low] || strings.HasSuffix(d.toks[k].low, "ly")) {
		k--
	}
	if k == i-1 {
		return false // no "was", "were", "have been": not a passive
	}
	for j := k; j >= s.t0 && j > k-6 && d.toks[j].word; j-- {
		if civilianNouns[d.toks[j].low] {
			return true
		}
	}
	return false
}

// armedAfter reports armed men named within four words from token k
// ("from Burmese soldiers", "from the army", "from gunmen").
func (d *doc) armedAfter(k int, s sent) bool {
	for j := k; j < s.t1 && j < k+4; j++ {
		w := d.toks[j].low
		if forceNouns[w] || armedNouns[w] {
			return true
		}
		if !d.toks[j].word {
			return false
		}
	}
	return false
}

// hardHit reports "hit" with "hard" or "badly" right before or after it
// ("hard hit", "hit hard"), as what befalls a trade or a people is told.
func (d *doc) hardHit(i int, s sent) bool {
	prev, next := "", d.nextLow(i, s)
	if i > s.t0 {
		prev = d.toks[i-1].low
	}
	return prev == "hard" || prev == "badly" || next == "hard" || next == "badly"
}

// operationSense: an operation is an action taken when a word before it
// says it is a rescue, a search or an armed one ("the rescue operation",
// "a military operation"), or when it is launched, begins or ends ("the
// operation began Tuesday night"); "the company's operation in Asia" is a
// business.
func operationSense(d *doc, t *trigger, i int, s sent) bool {
	if i > s.t0 && operationKinds[d.toks[i-1].low] {
		return true
	}
	for k := max(s.t0, i-3); k < min(s.t1, i+4); k++ {
		if k == i {
			continue
		}
		if v, ok := verbForms[d.toks[k].low]; ok && v.aspectual || lightVerbs[d.toks[k].low] {
			return true
		}
	}
	return false
}

// evacuationSense: people evacuated ("evacuated hundreds of thousands of
// people", "evacuation orders for residents") are moved out of harm's way,
// a disaster's response; troops evacuated are a withdrawal.
func evacuationSense(d *doc, t *trigger, i int, s sent) bool {
	if t.kind == model.KindWithdrawal && (d.civiliansNear(i, s) || d.civiliansMoved(i, s)) {
		t.kind = model.KindDisaster
	}
	return true
}

// fireSense: "came under fire from critics" is criticism, no event;
// "came under fire from soldiers" is gunfire.
func fireSense(d *doc, t *trigger, i int, s sent) bool {
	if i > s.t0 && gunfireModifiers[d.toks[i-1].low] {
		// "hit by live fire", "came under heavy fire", "sniper fire":
		// shooting, no blaze.
		t.kind = model.KindAttack
		return true
	}
	return !(i > s.t0 && d.toks[i-1].low == "under" && d.nextLow(i, s) == "from" && !d.armedAfter(i+2, s))
}

// gunfireModifiers before "fire" make it shooting.
var gunfireModifiers = map[string]bool{"live": true, "sniper": true, "machine-gun": true, "machinegun": true, "artillery": true, "mortar": true, "rocket": true, "tank": true, "gun": true}

// hitSense: "carmakers have been hard hit by the downturn", "sales were
// hit hard" are a blow in a figure, no strike; a storm that hit a coast
// hard is still the storm's.
func hitSense(d *doc, t *trigger, i int, s sent) bool {
	return !d.hardHit(i, s) || d.disasterBefore(i, s)
}

// rulingSense: "the court's ruling on Monday" is a decision; "the ruling
// party", "the ruling AKP", "the ruling military council" name who rules.
func rulingSense(d *doc, t *trigger, i int, s sent) bool {
	if i+1 >= s.t1 || d.tokTime[i+1] >= 0 {
		return true
	}
	next := d.toks[i+1]
	return !(next.word && (next.cap || lexicon.IsNoun(next.low) && !prepositions[next.low] && !subordinators[next.low]))
}

// retreatSense: "the army's retreat from the city" is a withdrawal; "his
// holiday retreat at Sharm el-Sheikh" is a place to stay.
func retreatSense(d *doc, t *trigger, i int, s sent) bool {
	return i == s.t0 || !retreatPlaces[d.toks[i-1].low]
}

// crashSense: stocks that crash and a stock market crash are a market's
// fall, economic news; a plane or a car that crashes is an accident. A
// market word elsewhere in the sentence ("stocks plunged in their worst
// day since the 1987 crash") counts when no craft is named.
func crashSense(d *doc, t *trigger, i int, s sent) bool {
	market := false
	for k := s.t0; k < s.t1; k++ {
		w := d.toks[k].low
		if craftNouns[w] || vehicleNouns[w] {
			return true
		}
		market = market || marketNouns[w]
	}
	if market {
		t.kind = model.KindEconomic
	}
	return true
}

// voteSense: a legislature that votes decides ("Parliament voted to
// impeach the president"), a political act; voters vote in an election.
func voteSense(d *doc, t *trigger, i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-5; k-- {
		w := d.toks[k].low
		if legislatureNouns[w] {
			t.kind = model.KindPolitical
			return true
		}
		if !d.toks[k].word || subordinators[w] {
			break
		}
	}
	return true
}

// blockSense: protesters who block roads protest; regulators or a court
// that block a deal or a law decide, when they block an event or a
// proposal ("blocked the deal", "blocked the merger"); "blocked access" is
// neither.
func blockSense(d *doc, t *trigger, i int, s sent) bool {
	if d.crowdSubject(i, s) {
		t.kind, t.weak = model.KindProtest, false
		return true
	}
	for k := i + 1; k < s.t1 && k <= i+3; k++ {
		if _, ok := d.eventNounAt(k); ok {
			t.weak = false
			return true
		}
		if !d.toks[k].word || phraseStops[d.toks[k].low] {
			break
		}
	}
	return false
}

// targetWords are the prepositions that name what is fired at.
var targetWords = map[string]bool{"at": true, "on": true, "into": true, "upon": true}

// fireVerbSense: "fired shots", "fired rockets at the town", "tear gas was
// fired" tell shooting, and fired at a crowd or with the weapons of crowd
// control ("fired tear gas at protesters", "fired rubber bullets") the
// policing of a protest; "fired his chief of staff" is a dismissal, and
// "fire" with no weapon near it is the noun of a blaze.
func fireVerbSense(d *doc, t *trigger, i int, s sent) bool {
	munition, riot := false, false
	for k := max(s.t0, i-4); k < min(s.t1, i+8); k++ {
		w := d.toks[k].low
		if k > i && (!d.toks[k].word || subordinators[w]) {
			break
		}
		if munitionNouns[w] {
			munition = true
			riot = riot || riotMunitions[w]
		}
	}
	if !munition && !d.firedAt(i, s) {
		if nt, ok := nounTriggers[d.toks[i].low]; ok {
			*t = nt // the blaze: the noun's sense decides
			return true
		}
		if d.dismissed(i, s) {
			t.kind = model.KindPolitical
			return true
		}
		return false
	}
	t.weak = false
	crowd, air := d.firedTarget(i, s)
	switch {
	case (riot || crowd) && !d.attackerFires(i, s):
		t.kind = model.KindProtest
	case air:
		// "fired guns in the air" to celebrate or to warn: no attack.
		return false
	}
	return true
}

// openFireSense: troops who open fire on a crowd police a protest
// ("opened fire on demonstrators"); on a convoy or a town they attack.
func openFireSense(d *doc, t *trigger, i int, s sent) bool {
	if crowd, _ := d.firedTarget(i, s); crowd && !d.attackerFires(i, s) {
		t.kind = model.KindProtest
	}
	return true
}

// attackerFires reports a gunman, attackers or militants before the verb
// at i: they fire on a crowd to kill ("a gunman fired into the crowd"), an
// attack, where police or troops firing on a crowd police a protest.
func (d *doc) attackerFires(i int, s sent) bool {
	return d.wordBefore(i, s, 8, attackerNouns)
}

// wordBefore reports a word of set among the n tokens before token i of
// sentence s.
func (d *doc) wordBefore(i int, s sent, n int, set map[string]bool) bool {
	for k := i - 1; k >= s.t0 && k >= i-n; k-- {
		if set[d.toks[k].low] {
			return true
		}
	}
	return false
}

// firedTarget looks at what is fired at after token i, up to the clause's
// end: a crowd ("at protesters", "on thousands of demonstrators") or the
// air ("into the air").
func (d *doc) firedTarget(i int, s sent) (crowd, air bool) {
	target := false
	for k := i + 1; k < min(s.t1, i+8); k++ {
		w := d.toks[k].low
		if !d.toks[k].word || subordinators[w] {
			break
		}
		switch {
		case targetWords[w] || w == "in":
			target = true
		case target && crowdNouns[w]:
			crowd = true
		case target && w == "air":
			air = true
		}
	}
	return crowd, air
}

// dismissed reports "fired" that dismisses someone: a person or a post as
// its object ("fired his deputy", "fired Vice President Mnangagwa") or as
// the subject of a passive ("the coach was fired").
func (d *doc) dismissed(i int, s sent) bool {
	if i > s.t0 && passiveAux[d.toks[i-1].low] {
		return true
	}
	for k := i + 1; k < s.t1 && k <= i+3; k++ {
		w := d.toks[k]
		switch {
		case d.tokEnt[k] >= 0 && d.ents[d.tokEnt[k]].kind == entPerson:
			return true
		case !w.cap && personNoun(w.low):
			return true
		case !w.word || !(titleDeterminers[w.low] || w.cap || lexicon.IsAdjective(w.low)):
			return false
		}
	}
	return false
}

// passiveAux are the forms of "be" before a passive participle.
var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "be": true, "being": true, "is": true, "are": true}

// firedAt reports "fired at", "fired on", "fired into" right after token
// i: a shooting at someone, with the weapon left unsaid.
func (d *doc) firedAt(i int, s sent) bool {
	// "was fired on Monday" is a day, not a target.
	return targetWords[d.nextLow(i, s)] && d.toks[i].low != "fire" && i+2 < s.t1 && d.tokTime[i+2] < 0
}

// courtRuleSense: a court rules on a case ("the court ruled that", "judges
// ruled against the ban"), a legal decision; "the military ruled Myanmar
// for half a century", "Mugabe has ruled since 1980" tell who governs, a
// state of affairs, no event.
func courtRuleSense(d *doc, t *trigger, i int, s sent) bool {
	switch d.nextLow(i, s) {
	case "that", "on", "in", "against", "for", "out", "unconstitutional", "illegal", "unlawful":
		return true
	}
	if i+1 < s.t1 && d.toks[i+1].low == "," {
		return true // "the court ruled, after a week of hearings, that …"
	}
	return i+1 >= s.t1 || !d.toks[i+1].word
}

// ditchSense: an aircraft ditches, or a pilot ditches it, in water ("the
// jet ditched in the Hudson"); people who ditch their cars or a plan do
// no such thing.
func ditchSense(d *doc, t *trigger, i int, s sent) bool {
	if d.craftSubject(i, s) {
		return true
	}
	for k, n := i+1, 0; k < s.t1 && n < 3; k++ {
		if craftNouns[d.toks[k].low] || aircraftMakers[d.toks[k].low] {
			return true // "ditched the US Airways Airbus A320"
		}
		if !d.toks[k].cap || !d.toks[k].word {
			n++ // a name ("US Airways") counts as one word
		}
	}
	return false
}

// tollSense: a death toll that rises or climbs is a new count of a
// disaster's or an attack's dead ("the combined death toll in Turkey and
// Syria rose above 5,000"), no market's move and no new happening: the
// count belongs to the event the article tells, so the verb makes none.
func tollSense(d *doc, t *trigger, i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-10; k-- {
		w := d.toks[k].low
		if w == ";" || w == ":" || subordinators[w] && w != "that" && w != "which" {
			return true
		}
		if tollNouns[w] {
			return false
		}
	}
	return true
}

// climbSense: prices and markets that climb are economic news, as a toll
// is not (tollSense); people who climb onto the wings or up a hill move.
func climbSense(d *doc, t *trigger, i int, s sent) bool {
	if i+1 < s.t1 {
		switch d.toks[i+1].low {
		case "onto", "into", "up", "over", "aboard", "out", "through", "down", "off", "inside":
			return false
		}
	}
	return tollSense(d, t, i, s)
}

// blastSense: an explosion at a rig, a plant or a mine is an accident, no
// attack, unless the sentence names a bomb or those who set it ("a blast at
// a chemical plant", "an explosion tore through an offshore drilling rig";
// "a bomb blast at the plant gates" stays an attack).
func blastSense(d *doc, t *trigger, i int, s sent) bool {
	if t.kind != model.KindAttack {
		return true
	}
	site := false
	for k := s.t0; k < s.t1; k++ {
		w := d.toks[k].low
		if bombNouns[w] || munitionNouns[w] {
			return true
		}
		site = site || industrialNouns[w]
	}
	if site {
		t.kind = model.KindAccident
	}
	return true
}

// overturnSense: a court overturns a ruling, a legal act; a bus, a boat
// or a lorry that overturns, with no object, has an accident.
func overturnSense(d *doc, t *trigger, i int, s sent) bool {
	if d.craftSubject(i, s) {
		t.kind = model.KindAccident
		return true
	}
	if k := i + 1; k >= s.t1 || !d.toks[k].word || d.tokTime[k] >= 0 || prepositions[d.toks[k].low] || subordinators[d.toks[k].low] || d.toks[k].low == "and" {
		// "the lorry overturned on a bend", "a minibus overturned,
		// killing 12": nothing overturned, something did.
		t.kind = model.KindAccident
	}
	return true
}

// freeSense: people freed from custody are released (an arrest's end);
// a ship pulled free or a car freed from the mud is no one's release but
// a salvage, and people freed from rubble are rescued.
func freeSense(d *doc, t *trigger, i int, s sent) bool {
	if d.toks[i].low == "free" && i > s.t0 && copulas[d.toks[i-1].low] {
		// "Today we are free", "the vote was free and fair": the
		// adjective, no release.
		return false
	}
	if d.custodyNear(i, s) {
		return true
	}
	for k := max(s.t0, i-6); k < min(s.t1, i+6); k++ {
		w := d.toks[k].low
		if craftNouns[w] || vehicleNouns[w] || w == "rubble" || w == "debris" || w == "wreckage" || w == "ruins" {
			t.kind = model.KindOther
			return true
		}
	}
	return true
}

// copulas are the forms of "be" before an adjective.
var copulas = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "'re": true, "'s": true}

// uprisingSense: an uprising or a revolt by fighters, troops or
// mercenaries is armed, a military event; one of crowds is a protest.
func uprisingSense(d *doc, t *trigger, i int, s sent) bool {
	for k := s.t0; k < s.t1; k++ {
		if w := d.toks[k].low; armedNouns[w] || forceNouns[w] || w == "mercenaries" || w == "mercenary" {
			t.kind = model.KindMilitary
			break
		}
	}
	return true
}

// afterVerb reports a word right after a verb's inflected form ("fired
// guns", "said strikes would go on"): a word in -s there is the verb's
// object, a noun.
func (d *doc) afterVerb(i int, s sent) bool {
	return i > s.t0 && !auxiliaries[d.toks[i-1].low] && d.finiteVerbAt(i-1)
}

// objectNoun is the noun use of a word in -s that a verb takes as its
// object: an event when the table lists it or its first WordNet senses
// name a happening ("said strikes would go on", "ordered raids"), nothing
// when they name a thing ("fired guns").
func (d *doc) objectNoun(vt trigger, w string) (trigger, bool) {
	if _, ok := nounTriggers[strings.TrimSuffix(w, "s")]; !ok {
		if lemma, ok := lexicon.NounLemma(w); ok && !newsTagged(lexicon.Noun(lemma)) {
			return trigger{}, false
		}
	}
	return d.asNoun(vt, w)
}

// newsTagged reports a lexicon noun whose first senses carry a news tag.
func newsTagged(e lexicon.Entry, ok bool) bool {
	for _, tag := range leadingTags(e, ok) {
		if _, ok := wnNounKinds[tag]; ok {
			return true
		}
	}
	return false
}

// labelQuoted reports a word inside scare quotes that a naming verb puts
// on something ("called it “a stab in the back”", "branded the raid a
// “massacre”"): the opening mark within five words before it, a naming
// word within eight words before that mark.
func (d *doc) labelQuoted(i int, s sent) bool {
	open := -1
	for k := i - 1; k >= s.t0 && k >= i-5; k-- {
		if d.toks[k].scare {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := open - 1; k >= s.t0 && k >= open-8; k-- {
		if namingVerbs[d.toks[k].low] {
			return true
		}
		if d.toks[k].scare {
			return false // the mark closes another quote
		}
	}
	return false
}

// disasterToll reports people killed or hurt, told in the passive, in a
// sentence that names a disaster and no one armed: the disaster's toll.
func (d *doc) disasterToll(i int, s sent) bool {
	if i == s.t0 || !passiveAux[d.toks[i-1].low] {
		return false
	}
	disaster := false
	for k := s.t0; k < s.t1; k++ {
		w := d.toks[k].low
		if armedNouns[w] || forceNouns[w] || munitionNouns[w] || w == "bomb" || w == "bombs" || w == "attack" || w == "attacks" {
			return false
		}
		disaster = disaster || isDisasterNoun(w)
	}
	return disaster
}

// fallingLemmas are the verbs of a market's fall that a craft does when
// it crashes ("the jet plunged into the sea").
var fallingLemmas = map[string]bool{"fall": true, "plunge": true, "drop": true, "tumble": true, "slide": true}

// loseSense: a company or a currency loses money or value, economic news;
// a country or an army that lost 32 citizens or 40 soldiers counts its
// dead, the toll of another event, no market's move.
func loseSense(d *doc, t *trigger, i int, s sent) bool {
	if i+1 < s.t1 && d.toks[i+1].low == "contact" {
		// "a Boeing 777 lost contact with air traffic controllers": a
		// craft's disappearance, a mishap; people who lose contact with
		// a relative make no news.
		if d.craftSubject(i, s) {
			t.kind, t.weak = model.KindAccident, false
			return true
		}
		return false
	}
	for k := i + 1; k < s.t1 && k <= i+4; k++ {
		w := d.toks[k].low
		if w == "lives" || w == "life" || crowdNouns[w] || civilianNouns[w] || !d.toks[k].cap && personNoun(w) {
			return false
		}
		if !d.toks[k].word && !d.toks[k].num {
			break
		}
	}
	return true
}
