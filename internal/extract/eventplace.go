package extract

import (
	"math"
	"sort"
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// maxPlaceCost is the farthest a place may be from the event word it locates.
const maxPlaceCost = 14

// fillPlaceActors sets the event's place and actors from its sentence.
func (d *doc) fillPlaceActors(e *evt) {
	s := d.sents[e.sentence]
	allQuoted := len(e.trigs) > 0
	for _, ti := range e.trigs {
		if !d.triggers[ti].quoted {
			allQuoted = false
		}
	}
	// Place: the nearest locative place.
	type cand struct {
		p       model.Place
		cost    int
		country bool
		gov     bool // a government named for the country ("China's foreign ministry")
	}
	var cands []cand
	for ei := range d.ents {
		en := &d.ents[ei]
		if en.sentence != e.sentence {
			continue
		}
		if d.describesSomeone(en, e) {
			continue
		}
		if en.kind == entGov {
			// "Japan's worst earthquake": the government the name was
			// taken for still owns the event as a place.
			for _, ti := range e.trigs {
				if p, ok := d.govPlace(en); ok && (d.ownerPlace(en, ti) || d.ownerOfSubject(en, ti)) {
					cands = append(cands, cand{p, 1, true, true})
					break
				}
			}
			// "Paris erupted in protest", "Kabul was shaken by blasts": a
			// capital that undergoes what happens is where it happened.
			if p, ok := d.capitalUndergoes(en, e); ok {
				cands = append(cands, cand{p, 1, false, false})
			}
			if p, ok := d.govPlace(en); ok && d.measureAtHome(en, e) {
				// "Italy extended its lockdown", "Japan declared a state
				// of emergency": a government's measure at home.
				cands = append(cands, cand{p, 1, true, true})
			}
			continue
		}
		if en.kind != entPlace || !en.hasPlace {
			continue
		}
		agent := false
		for _, ti := range e.trigs {
			// "A Marseille prosecutor said the co-pilot crashed the
			// plane": the speaker's town is not where the crash was.
			if k := d.triggers[ti].kind; k == model.KindStatement && e.Kind != k {
				continue
			}
			agent = agent || d.agentPlace(en, ti) || d.ownerPlace(en, ti) || d.deployedTo(en, ti) || d.visitedPlace(en, ti)
		}
		// "Italy extended its lockdown": a country's measure at home.
		agent = agent || en.country && d.measureAtHome(en, e)
		place := en.place
		if d.distanceReference(en) {
			// "a city about 100 miles north of Islamabad": the point the
			// measure names, when it names a direction; a place named
			// only to measure from is not where anything happened.
			off, from, ok := d.offsetPlace(en)
			if !ok {
				continue
			}
			// Near the event word is where the measure starts, not the
			// town it measures from.
			measure := *en
			measure.t0 = from
			place, en = off, &measure
		} else if !en.locative && !en.modifier && !agent && !(d.whereClause(en) && d.toldAfter(e, en)) {
			// "after travelling from Mubende district, where the outbreak
			// was declared": whatever the preposition, the clause's
			// events are there.
			continue
		}
		if en.t0 < s.t0 || en.t0 >= s.t1 || en.dateline {
			// The dateline says where the story was filed; it places only
			// events of the publication day, below.
			continue
		}
		if d.placeOfCharge(e, en) {
			// "accused Syrian forces of shelling a hospital in Idlib": the
			// deed's place, not the accusers'.
			continue
		}

		// The place belongs to the event word nearest to it, which may be
		// another event's ("agreed to hold a conference in Kyiv").
		own := math.MaxInt
		for _, ti := range e.trigs {
			own = min(own, d.placeCost(en, ti))
		}
		relief := d.reliefFor(e, en)
		if relief {
			// "Floods in western Germany have killed 103 …, as rescuers
			// searched for hundreds still missing": the search is where
			// the disaster it answers is.
			own = 0
		}
		if own > maxPlaceCost {
			continue
		}
		if len(e.trigs) > 0 && !relief && !d.whereClause(en) && !d.placeInClause(en, e.trigs) {
			// "Cook announced that the company would open a store in
			// Paris": the place of what was said, not of the saying.
			continue
		}
		nearest := true
		for _, ti := range d.sentTrigs[e.sentence] {
			if d.triggers[ti].inEvent && d.placeCost(en, ti) < own && !containsInt(e.trigs, ti) && !relief {
				nearest = false
				break
			}
		}
		if !nearest {
			continue
		}
		cands = append(cands, cand{place, own, en.country || place.Feature == "country" || areaFeature(place.Feature), false})
	}
	if e.Kind == model.KindAccident && len(cands) == 0 {
		if ei := d.takeOffPlace(e.sentence); ei >= 0 {
			// "crashed shortly after take-off from Addis Ababa": near
			// the airport it left, the closest the text comes.
			en := &d.ents[ei]
			cands = append(cands, cand{en.place, 1, en.country || areaFeature(en.place.Feature), false})
		}
	}
	if e.Kind == model.KindDisaster {
		if ei := d.epicentrePlace(e.sentence); ei >= 0 {
			// "The quake struck at 4:17 a.m. and was centered near
			// Pazarcık": the epicentre is where the quake was, whatever
			// clause names it.
			en := &d.ents[ei]
			cands = append(cands, cand{en.place, -1, en.country || areaFeature(en.place.Feature), false})
		}
	}
	appos := false
	for _, ti := range e.trigs {
		if ei := d.appositionPlace(ti); ei >= 0 {
			// "Benghazi, the eastern city that spearheaded the uprising"
			en := &d.ents[ei]
			cands = append(cands, cand{en.place, 0, en.country || areaFeature(en.place.Feature), false})
			appos = true
		}
	}
	// The nearest place wins; a city beats a country a little farther away
	// ("agreed … a ceasefire in Syria, after talks in Moscow").
	score := func(c cand) int {
		if c.country {
			return c.cost + 3
		}
		return c.cost
	}
	sort.SliceStable(cands, func(i, j int) bool { return score(cands[i]) < score(cands[j]) })
	// Each place is copied: events of one article must not share a
	// pointer that a later merge could change under another.
	at := func(p *model.Place, how string) {
		c := *p
		d.spellAsArticle(&c)
		e.Place, e.placeHow = &c, how
	}
	// The fallbacks below that look further than the sentence's places,
	// worked out once.
	var learned, country *model.Place
	if len(cands) == 0 {
		learned = d.learnedPlace(e)
		switch {
		case e.Kind == model.KindElection && d.nationalVote(e):
			// "the Oct. 20 election" in a story set in La Paz that names
			// Mexico, which granted asylum, more often: Bolivia's.
			if country = d.votersCountry(e); country == nil {
				country = d.storyCountry()
			}
			if country == nil {
				country = d.mainCountry()
			}
		case d.nationalUpheaval(e):
			country = d.seatOfPower()
		}
	}
	// What refines the nearest place, worked out once too.
	var thisTown, paired, capital, apposed *model.Place
	pairedText := ""
	if len(cands) > 0 {
		first := &cands[0]
		thisTown = d.thisTownIn(e.sentence, &first.p)
		if !appos {
			paired, pairedText = d.pairedTowns(e.sentence, &first.p)
		}
		if first.gov && e.Kind == model.KindStatement {
			capital = d.capitalCity(first.p.Country)
		}
		if first.p.Feature == "country" {
			apposed = d.apposedOffset(e.sentence, &first.p)
		}
	}
	var scene, abroad, there *model.Place
	if len(cands) == 0 {
		scene = d.soleScene(e)
		there = d.thereRefersTo(e.sentence)
		if there == nil {
			there = d.townNounRefersTo(e.sentence)
		}
		if d.storyWindow(e) && !fieldKind(e.Kind) {
			abroad = d.foreignGovernment(e)
		}
		if abroad != nil && e.Kind == model.KindStatement {
			// "KUALA LUMPUR — China's foreign ministry said it was very
			// worried": a government abroad speaks from its capital.
			if c := d.capitalCity(abroad.Country); c != nil {
				abroad = c
			}
		}
	}
	switch {
	case thisTown != nil:
		// "derailed in the centre of this small lakeside town in eastern
		// Quebec": the town the story was filed from, which the province
		// only locates.
		at(thisTown, "sentence")
	case paired != nil:
		// "Crowds took to the streets of Tripoli and Benghazi": both, the
		// country; but "Benghazi, the city that spearheaded the uprising"
		// is Benghazi's.
		at(paired, "sentence")
		e.placeText = pairedText
	case capital != nil:
		// "China's foreign ministry said it was very worried": a
		// government speaks from its capital, not the country's middle.
		at(capital, "sentence")
	case apposed != nil:
		// "discovered a compound in Pakistan, a bustling city about 100
		// miles north of the capital of Islamabad": where in the country.
		at(apposed, "sentence")
	case len(cands) > 0:
		at(&cands[0].p, "sentence")
	case scene != nil:
		// "cooled reactors at the Fukushima No. 1 plant … a day after one
		// of its reactors melted": the one place the sentence is set in,
		// which no other event of it takes.
		at(scene, "sentence")
	case there != nil:
		// "… northern Vietnam, where the typhoon made landfall.
		// Authorities there evacuated hundreds of thousands": the place
		// the sentence before named.
		at(there, "sentence")
	case learned != nil:
		// "stranded in Tham Luang cave" where the article also says
		// "Tham Luang cave in Mae Sai".
		at(learned, "learned")
	case d.unknownLocative(e) && d.localPlace() != nil:
		// "stranded in Tham Luang cave", "in Causeway Bay": somewhere the
		// gazetteer does not know, named as where it happened; the
		// article's own town (its focus, else its dateline) is the closest
		// the map can show.
		at(d.localPlace(), "article")
	case country != nil && !d.namesOtherPlace(e):
		// "an early presidential election": the country's, which the
		// article is about, not the town it was filed from.
		at(country, "article")
	case d.spreadAcross(e.sentence) && d.mainCountry() != nil && !d.namesOtherPlace(e):
		// "marched in half a dozen cities", "celebrations started across
		// the country": no one town, the country.
		at(d.mainCountry(), "article")
	case d.namesOtherPlace(e):
		// "Greece agreed to return soldiers who landed in Greece": the
		// sentence is about somewhere; if no place could be tied to the
		// event, the dateline's city is a guess too far.
	case abroad != nil:
		// "ADDIS ABABA — … China ordered its airlines to ground their
		// jets": a government abroad acts at home, not at the dateline.
		at(abroad, "sentence")
	case d.storyWindow(e) && fieldKind(e.Kind) && d.filedFromAfar() != nil:
		// "NEW DELHI: … leaders were put under house arrest" in a story
		// about Kashmir that never names Delhi again: the story's place,
		// not the desk's.
		at(d.filedFromAfar(), "article")
	case d.storyWindow(e) && d.inParliament(e) != nil:
		// "ISTANBUL — all four parties in parliament met to issue a
		// joint declaration": the parliament sits in the capital, not
		// in the town the story was filed from.
		at(d.inParliament(e), "article")
	case d.storyWindow(e) && d.dateline() != nil:
		at(d.dateline(), "dateline")
	case d.storyWindow(e) && d.focusPlace() != nil:
		at(d.focusPlace(), "article")
	case e.Kind == model.KindPolitical && d.storyWeek(e) && d.focusPlace() != nil:
		// "Mugabe resigned on Tuesday in a letter" in a story of Friday
		// set in Harare: the story's week, and its town.
		at(d.focusPlace(), "article")
	case d.background(e) && d.dateline() != nil && !d.namesAnyPlace(e.sentence):
		// "the 2003 invasion", "it was firebombed in 2011" in a story
		// filed from Baghdad or Paris: the story's past, told with no
		// place, is most likely the story's place.
		at(d.dateline(), "dateline")
	case d.background(e) && d.dateline() == nil && fieldKind(e.Kind) && !d.namesAnyPlace(e.sentence) && d.storyCountry() != nil:
		// "the 2003 invasion", "before the Americans withdrew" in a story
		// about Iraq that has no dateline: the country the story is set in.
		at(d.storyCountry(), "article")
	}
	d.fillActors(e, s, allQuoted)
	if e.Place != nil && d.speaksFromElsewhere(e) {
		e.Place, e.placeHow = nil, ""
	}
}

// speaksFromElsewhere reports a statement or a decision placed by the
// story (its dateline, its focus) whose people are not where the story was
// filed: officials of another country ("TACLOBAN — U.S. Secretary of State
// John Kerry said on Sunday aid was on the way"), who speak from home or
// from anywhere, or heads of state or government away from the capital
// ("ALLEN, Texas — President Joe Biden ordered flags flown at half-staff";
// in a story about Tacloban, "Obama said in a statement Sunday").
// The dateline's town is a guess too far for either.
func (d *doc) speaksFromElsewhere(e *evt) bool {
	if (e.placeHow == "dateline" || e.placeHow == "article") && e.Kind == model.KindStatement &&
		d.everyPerson(e, func(a *actorRec) bool { return a.country != "" && a.country != e.Place.Country }) {
		return true
	}
	return (e.placeHow == "dateline" || e.placeHow == "article" && strings.HasPrefix(e.Place.Feature, "PPL")) && (e.Kind == model.KindStatement || e.Kind == model.KindPolitical) && !strings.HasPrefix(e.Place.Feature, "PPLC") &&
		d.everyPerson(e, func(a *actorRec) bool { return leaderTitle(a.Title) })
}

// everyPerson reports an event with people, each of whom pred holds for.
func (d *doc) everyPerson(e *evt, pred func(a *actorRec) bool) bool {
	for p := range e.persons {
		if !pred(&d.actors[p]) {
			return false
		}
	}
	return len(e.persons) > 0
}

// leaderTitle reports the title of a head of state or government
// ("President", "Prime Minister"), not a deputy's.
func leaderTitle(title string) bool {
	t := strings.ToLower(title)
	return !strings.Contains(t, "vice") && (strings.Contains(t, "president") || strings.Contains(t, "prime minister") || strings.Contains(t, "chancellor") || strings.Contains(t, "premier"))
}

// spellAsArticle names p as the article first spells it, when the article
// names it at all: an event placed at the capital the gazetteer calls
// "Kyiv" reads "Kiev" in an article that writes "Kiev", as its other events
// there do, and one in the country the gazetteer calls "Türkiye" reads
// "Turkey" in an article that writes "Turkey".
func (d *doc) spellAsArticle(p *model.Place) {
	for ei := range d.ents {
		en := &d.ents[ei]
		if en.kind != entPlace || !en.hasPlace || en.place.Key != p.Key {
			continue
		}
		if p.Feature == "country" {
			if name := d.countryAsWritten(en); name != "" {
				p.Name = name
				return
			}
			continue
		}
		if areaFeature(p.Feature) || p.Feature == "ADM1" || p.Feature == "ADM2" {
			// "the Donetsk region" for Natural Earth's "Donets'k": the
			// same letters, as the article writes them.
			t1 := en.t1
			if t1-1 > en.t0 && divisionWords[d.toks[t1-1].text] {
				t1-- // "the Donetsk region": the name without its division
			}
			if w := d.span(en.t0, t1); squashName(w) == squashName(p.Name) {
				p.Name = w
			}
			return
		}
		asSpelled(p, en.place.Name)
		return
	}
}

// countryAsWritten is the name the article gives a country at entity en
// when it is a name a headline can show: not a demonym ("Turks"), an
// abbreviation ("U.S.", "UK") or a dateline in capitals; "" otherwise.
func (d *doc) countryAsWritten(en *ent) string {
	name := d.text[d.toks[en.t0].s:d.toks[en.t1-1].e]
	if en.dateline || len(name) < 4 || strings.ContainsAny(name, ".()") || strings.ToUpper(name) == name {
		return ""
	}
	c, ok := d.g.CountryByName(name)
	if !ok || c.Code != en.place.Country {
		return ""
	}
	for _, dem := range c.Demonyms {
		if fold(dem) == fold(name) || fold(dem)+"s" == fold(name) {
			return ""
		}
	}
	return name
}

// unknownLocative reports a capitalised name after "in", "at", "near" or
// "inside" close to one of the event's words that is none of the names
// the article recognised: a place too small or too new for the gazetteer.
func (d *doc) unknownLocative(e *evt) bool {
	s := d.sents[e.sentence]
	for k := s.t0; k+1 < s.t1; k++ {
		w := d.toks[k].low
		if w != "in" && w != "at" && w != "near" && w != "inside" {
			continue
		}
		j := k + 1
		if d.toks[j].low == "the" && j+1 < s.t1 {
			j++
		}
		t := d.toks[j]
		if !t.cap || t.upper || d.tokTime[j] >= 0 || commonCaps[t.low] {
			continue
		}
		if en := d.tokEnt[j]; en >= 0 && d.ents[en].kind != entNone {
			continue
		}
		for _, ti := range e.trigs {
			if c := d.cost(min(j, d.triggers[ti].i), max(j, d.triggers[ti].i)); c <= maxPlaceCost {
				return true
			}
		}
	}
	return false
}

// namesOtherPlace reports a sentence that names a place other than the
// article's own town (its dateline, else its focus) or an area holding it:
// "New Zealand was placed on alert … four people were taken into custody"
// in a Christchurch story is still about Christchurch.
func (d *doc) namesOtherPlace(e *evt) bool {
	si := e.sentence
	local := d.dateline()
	if local == nil {
		local = d.focusPlace()
	}
	for ei := range d.ents {
		en := &d.ents[ei]
		if en.sentence != si || en.kind != entPlace || !en.hasPlace || en.dateline {
			continue
		}
		if local != nil && holds(en.place, *local) {
			continue
		}
		if d.prevWord(en.t0) == "from" {
			// "villagers from Burma forced their way into Bangladesh":
			// where people came from is not where it happened.
			continue
		}
		if d.toks[en.t0].quoted || d.nationalityOf(en) {
			// "committed to \"denuclearization of the Korean Peninsula\"",
			// "North Korean leader Kim Jong Un": words quoted, and whose
			// someone is, say nothing of where the deed was done.
			continue
		}
		if d.ownedByOther(en, e) {
			// "… after police posts were attacked in Burma's Rakhine
			// state last week": another event's place.
			continue
		}
		if d.describesSomeone(en, e) {
			continue
		}
		if !en.locative && !en.modifier && !en.country && !d.objectOfEvent(en) {
			// "to pressure Beijing into granting …": a town named as a
			// party, not as where anything happened (but "fled Mosul" is
			// about Mosul).
			continue
		}
		return true
	}
	return false
}

// holds reports whether area a is place p itself, or the country or
// first-level division p lies in.
func holds(a, p model.Place) bool {
	if a.Key == p.Key {
		return true
	}
	if a.Country == "" || a.Country != p.Country {
		return false
	}
	return a.Feature == "country" || a.Feature == "ADM1" && a.Admin1 != "" && a.Admin1 == p.Admin1
}

// fillActors sets the event's actors: the participants of its event
// words (see participants.go).
func (d *doc) fillActors(e *evt, s sent, allQuoted bool) {
	e.persons = map[int]bool{}
	e.govs = map[string]bool{}
	for _, ai := range d.participants(e, s, allQuoted) {
		e.Actors = append(e.Actors, d.actors[ai].Actor)
		if d.actors[ai].Type == model.ActorPerson {
			e.persons[ai] = true
		}
		if c := d.actors[ai].country; c != "" {
			e.govs[c] = true
		}
	}
}

// namesAnyPlace reports a sentence that names a place apart from the
// dateline; a country named as a party ("the 2003 invasion by U.S.-led
// forces") does not say where.
func (d *doc) namesAnyPlace(si int) bool {
	for ei := range d.ents {
		if en := &d.ents[ei]; en.sentence == si && !en.dateline && en.kind == entPlace {
			return true
		}
	}
	return false
}

// soleScene is the one locative place of e's sentence when the sentence
// has no event word but e's to claim it, or nil. What is planned, said or
// proposed is not placed by where the saying was.
func (d *doc) soleScene(e *evt) *model.Place {
	if e.Planned || len(e.trigs) == 0 {
		return nil
	}
	switch e.Kind {
	case model.KindStatement, model.KindDeadline, model.KindProposal, model.KindPublication:
		return nil
	}
	for _, ti := range d.sentTrigs[e.sentence] {
		if t := &d.triggers[ti]; !containsInt(e.trigs, ti) && (t.inEvent || t.form != formNoun) {
			return nil // "arrived in Moscow after Russia announced …"
		}
	}
	quoted := d.triggers[e.trigs[0]].quoted
	var found *model.Place
	for ei := range d.ents {
		en := &d.ents[ei]
		if en.sentence != e.sentence || en.kind != entPlace || !en.hasPlace || en.dateline {
			continue
		}
		if !en.locative || d.distanceReference(en) || d.toks[en.t0].quoted != quoted || d.describesSomeone(en, e) {
			continue
		}
		if found != nil && found.Key != en.place.Key {
			return nil
		}
		found = &en.place
	}
	return found
}
