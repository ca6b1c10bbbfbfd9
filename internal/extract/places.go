package extract

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// addLandmark records "the Kremlin": a government when it acts, the city
// when something happens at it; nothing without a gazetteer to say which.
func (d *doc) addLandmark(t0, t1 int, city, code string) {
	if d.g == nil {
		return
	}
	if d.isLocative(t0) {
		if p, ok := d.resolvePlace(city, code); ok {
			d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entPlace, actor: -1, place: p, hasPlace: true, locative: true, sentence: d.tokSent[t0]})
			d.markEnt(t0, t1)
			return
		}
	}
	if cc, ok := d.g.Country(code); ok {
		d.addGov(t0, t1, cc)
	}
}

// isCountryWord reports whether s names a country or its people ("Russian").
func (d *doc) isCountryWord(s string) bool {
	if d.g == nil {
		return false
	}
	_, ok := d.countryByName(s)
	return ok
}

// countryWordLen is the number of tokens from k that name a country
// ("United States" → 2), 0 if none.
func (d *doc) countryWordLen(k, t1 int) int {
	for n := min(3, t1-k); n >= 1; n-- {
		if _, ok := d.countryByName(d.span(k, k+n)); ok {
			return n
		}
	}
	return 0
}

// placeOrGov handles names found in the gazetteer: countries and capitals
// acting ("Moscow and Washington agreed") are governments; names after "in",
// "at", "near"… are where things happen.
func (d *doc) placeOrGov(t0, t1 int) bool {
	if d.g == nil {
		return false
	}
	toks := d.toks
	name := d.span(t0, t1)
	loc := d.isLocative(t0)
	if d.afterHonorific(t0) {
		return false // "Mr. Paris", "Dr. Jordan": a person
	}
	if cc, ok := d.countryByName(name); ok {
		if fold(name) != fold(cc.Name) && !d.isCountryName(cc, name) {
			// A demonym ("Russian"): not a place by itself, except before a
			// place noun ("the Crimean peninsula" is handled by the region lookup).
			return d.regionAdjective(t0, t1)
		}
		if dir, c0 := d.compassBefore(t0); dir != "" {
			// "northern Vietnam", "the south of France": a part of the
			// country, placed in that part rather than at its centre.
			if lat, lon, ok := geo.CompassPoint(cc.Code, dir); ok {
				country := cc.Name
				if written := d.span(t0, t1); len(written) >= 4 && !strings.ContainsAny(written, ".()") && strings.ToUpper(written) != written {
					country = written // "eastern Turkey", as the article writes it
				}
				name := capitalise(strings.TrimPrefix(d.span(c0, t0), "the ")) + " " + country
				if w := d.toks[c0].low; w == "the" && strings.HasSuffix(d.toks[c0+1].low, "ern") || strings.HasSuffix(w, "ern") {
					// "the eastern seaboard of the Philippines": the
					// Eastern Philippines.
					adj := c0
					if w == "the" {
						adj++
					}
					name = capitalise(d.toks[adj].low) + " " + country
				}
				p := model.Place{Key: "cmp:" + cc.Code + ":" + dir, Name: name, Country: cc.Code, Lat: lat, Lon: lon, Feature: "region"}
				loc = loc || d.isLocative(c0) || d.isObjectPlace(c0)
				poss := t1 < len(toks) && toks[t1].low == "'s"
				e := ent{t0: t0, t1: t1, kind: entPlace, actor: -1, place: p, hasPlace: true, sentence: d.tokSent[t0]}
				e.locative = (loc || d.whereClause(&e)) && !poss
				d.ents = append(d.ents, e)
				d.markEnt(t0, t1)
				return true
			}
		}
		if !loc && d.actsAsGov(t0, t1) {
			d.addGov(t0, t1, cc)
			return true
		}
		p := d.countryPlace(cc, name)
		poss := t1 < len(toks) && toks[t1].low == "'s"
		if poss {
			// "at Belgium's Zaventem Airport", not "in Ukraine's revolution".
			loc = (loc || d.prevWord(t0) == "on") && d.possessedIsPlace(t1+1)
		}
		d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entPlace, actor: -1, place: p, hasPlace: true, locative: loc || !poss && d.isObjectPlace(t0), country: true, sentence: d.tokSent[t0]})
		d.markEnt(t0, t1)
		return true
	}
	if toks[t0].upper {
		// Upper case is a dateline ("MOSCOW -") or an acronym, never a place otherwise.
		if !d.isDatelineAt(t0, t1) {
			if t0 == 0 || toks[t0-1].text != "THE" || !d.isDatelineAt(t0-1, t1) {
				return false
			}
			// "THE HAGUE, Netherlands (AP) —": the article is the name's.
			t0--
			name = d.span(t0, t1)
		}
		name = titleCase(name)
		loc = true
		defer func() {
			if n := len(d.ents); n > 0 && d.ents[n-1].t0 == t0 {
				d.ents[n-1].dateline = true
			}
		}()
	}
	cands := d.x.cache.lookup(d.g, name)
	if len(cands) == 0 {
		return d.regionAdjective(t0, t1)
	}
	if d.opensCompanyName(t1) {
		// "the Montreal, Maine & Atlantic Railway": the first of the
		// places a company is named after, no place of the event.
		d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entNone, actor: -1, sentence: d.tokSent[t0]})
		d.markEnt(t0, t1)
		return true
	}
	if !strings.Contains(name, " ") && !strings.EqualFold(cands[0].Name, name) && lexicon.IsAdjective(strings.ToLower(name)) && !d.adjectiveAsName(t0, t1) {
		// "a besieged Jewish centre": an adjective the gazetteer holds
		// only as another name of a region (the Jewish Autonomous
		// Oblast) names no place.
		return d.regionAdjective(t0, t1)
	}
	if geo.CompassDirection(strings.ToLower(strings.ReplaceAll(name, "-", ""))) != "" && !d.inContext(cands[0].Country) {
		// "poll stations in the Northeast": a part of the story's
		// country, not a district of that name abroad.
		return false
	}
	// Without a locative cue a capitalised word is a place only on strong
	// evidence, since many words are towns somewhere ("Post", "Reading",
	// "Independence"): a capital, a city of a million, a region, or a city
	// of the countries the article talks about.
	div, isDiv := d.divisionNamed(name, t0, t1)
	// "Rakhine state" needs no locative cue to be a place.
	weak := !loc && !isDiv && !d.isModifierPlace(t1) && !d.isAppositive(t0) && !d.officeOf(t0) && !d.isObjectPlace(t0)
	if weak {
		best := cands[0]
		if best.Population < 100000 && !areaClass(best.Class) && !(best.Class == "admin1" && d.inContext(best.Country)) && !d.localTown(name, best.Country) {
			return false
		}
	}
	p, ok := d.resolve(name)
	if isDiv {
		// "Kunduz province" is the province, not its capital city.
		p, ok = div, true
	}
	if !ok {
		return false
	}
	if d.foreignNamesake(p, t1) {
		// The name of a mine or a cave: no place the gazetteer knows, and
		// no person either.
		d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entNone, actor: -1, sentence: d.tokSent[t0]})
		d.markEnt(t0, t1)
		return true
	}
	if weak && !d.strongPlace(p) && !(!loc && d.actsAsGov(t0, t1) && d.isCapitalName(t0, t1)) {
		return false
	}
	town, partOf := d.partOfTown(p, t1)
	if partOf {
		// "a house in the Antioch area of Nashville": a neighbourhood of
		// the town named after it, not the namesake far away the
		// gazetteer knows; the town is the closest the map can show.
		p = town
	}
	if d.riverLike(p, t0, t1) {
		// "ditched in the Hudson", "sailed up the Thames": a town's name
		// after "the" is the river or the ship it also names.
		d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entNone, actor: -1, sentence: d.tokSent[t0]})
		d.markEnt(t0, t1)
		return true
	}
	// A capital acting is its government.
	if !loc && p.Country != "" && d.actsAsGov(t0, t1) {
		if cc, ok := d.g.Country(p.Country); ok && capitalIs(cc.Capital, fold(name)) {
			d.addGov(t0, t1, cc)
			return true
		}
	}
	if toks[t0].upper {
		// A name in capitals ("BASRA -") is spelled as the body spells it.
		name = titleCase(name)
	}
	if !partOf {
		asSpelled(&p, name)
	}
	if p.Feature == "feature" {
		p = d.countrysPart(p, t0, t1)
	}
	e := ent{t0: t0, t1: t1, kind: entPlace, actor: -1, place: p, hasPlace: true, sentence: d.tokSent[t0]}
	// "on Everest", "on Crete": a mountain or an island is where things
	// happen on, not in; "crashed into the Java Sea": a sea or a river
	// is where what fell into it lies.
	e.locative = loc || d.isAppositive(t0) || d.isObjectPlace(t0) || d.streetsOf(t0) && d.inContext(p.Country) || p.Feature == "feature" && (d.prepBefore(t0) == "on" || d.prepBefore(t0) == "into") || d.containsNamed(t0)
	if t1 < len(toks) && toks[t1].low == "'s" {
		// "in Syria's war": the place qualifies a noun, it does not locate
		// an event; "on Istanbul's Bosporus Bridge": it holds the thing
		// named, which does.
		e.locative = (loc || d.prevWord(t0) == "on") && d.possessedIsPlace(t1+1)
	}
	e.modifier = d.isModifierPlace(t1)
	e.country = p.Feature == "country"
	d.ents = append(d.ents, e)
	d.markEnt(t0, t1)
	return true
}

// adjectiveAsName reports an adjective used as a name: after "the" with no
// noun after it ("crashed into the Atlantic", "sank in the
// Mediterranean"), where "the Atlantic coast" is the adjective's.
func (d *doc) adjectiveAsName(t0, t1 int) bool {
	if d.prevWord(t0) != "the" {
		return false
	}
	if t1 < len(d.toks) && d.tokSent[t1] == d.tokSent[t0] {
		n := d.toks[t1]
		return !n.word || prepositions[n.low] || subordinators[n.low] || n.low == "and" || n.low == "or"
	}
	return true
}

// riverLike reports a one-word town name after "the" that no noun follows
// ("in the Hudson", "the Thames at Westminster"): towns take no article,
// so the name is a river's, a ship's or a region's the gazetteer lacks.
// "The Hague" (whose name has the article), "the Paris attacks" (a
// modifier) and a town's possessive are left alone.
func (d *doc) riverLike(p model.Place, t0, t1 int) bool {
	if t1-t0 != 1 || p.Feature == "country" || areaFeature(p.Feature) || p.Feature == "ADM1" || strings.HasPrefix(fold(p.Name), "the ") {
		return false
	}
	if d.prevWord(t0) != "the" {
		return false
	}
	if t1 < len(d.toks) && d.tokSent[t1] == d.tokSent[t0] {
		next := d.toks[t1]
		if next.low == "'s" || next.word && (next.cap || lexicon.IsNoun(next.low) && !prepositions[next.low]) {
			return false
		}
	}
	return true
}

// areaClass reports gazetteer classes of areas, which need no locative cue
// to be believed: regions, physical features and disputed areas. A
// first-level division needs the article to be about its country (see
// strongPlace): too many are also surnames ("Kerry", "Jackson").
func areaClass(c string) bool {
	switch c {
	case "region", "feature", "disputed":
		return true
	}
	return false
}

// areaFeature is areaClass for a resolved place's feature code.
func areaFeature(f string) bool {
	switch f {
	case "region", "feature", "disputed":
		return true
	}
	return false
}

// compassBefore finds a compass word before the country name at t0:
// "northern Vietnam", "north-eastern Japan", "the south of France". It
// returns the direction (geo.CompassDirection) and the first token of the
// phrase, or "" when there is none.
func (d *doc) compassBefore(t0 int) (string, int) {
	s := d.sents[d.tokSent[t0]]
	k := t0 - 1
	if k < s.t0 {
		return "", t0
	}
	if d.toks[k].low == "the" && k-1 >= s.t0 && d.toks[k-1].low == "of" {
		k-- // "of the Philippines"
	}
	if d.toks[k].low == "of" && k-1 >= s.t0 {
		// "the south of France", "the north-east of England"
		if dir := geo.CompassDirection(d.toks[k-1].low); dir != "" && dir != "central" {
			c0 := k - 1
			if c0-1 >= s.t0 && d.toks[c0-1].low == "the" {
				c0--
			}
			return dir, c0
		}
		// "the eastern seaboard of the Philippines", "the northern part
		// of Vietnam": a part named by a compass adjective.
		if k-2 >= s.t0 && countryParts[d.toks[k-1].low] {
			if w := d.toks[k-2].low; strings.HasSuffix(w, "ern") {
				if dir := geo.CompassDirection(w); dir != "" {
					c0 := k - 2
					if c0-1 >= s.t0 && d.toks[c0-1].low == "the" {
						c0--
					}
					return dir, c0
				}
			}
		}
		return "", t0
	}
	w := d.toks[k].low
	if strings.HasSuffix(w, "ern") || w == "central" {
		if k-1 >= s.t0 && (d.toks[k-1].low == "north" || d.toks[k-1].low == "south") && (strings.HasPrefix(w, "east") || strings.HasPrefix(w, "west")) {
			// "north eastern"
			return geo.CompassDirection(d.toks[k-1].low + w), k - 1
		}
		return geo.CompassDirection(w), k
	}
	return "", t0
}

// containsNamed reports a place at t0 that names where the place before
// it lies: "in North Kensington, west London", "at Lakanal House,
// Camberwell": the town after the comma holds the locative's place, which
// the gazetteer may not know.
func (d *doc) containsNamed(t0 int) bool {
	s := d.sents[d.tokSent[t0]]
	k := t0 - 1
	if k >= s.t0 && geo.CompassDirection(d.toks[k].low) != "" {
		k--
	}
	if k < s.t0 || d.toks[k].low != "," {
		return false
	}
	k--
	n := 0
	for k >= s.t0 && d.toks[k].word && d.toks[k].cap && n < 4 {
		k--
		n++
	}
	return n > 0 && k >= s.t0 && locatives[d.toks[k].low]
}

// opensCompanyName reports a name at ..t1 that opens a company's name of
// several places: ", Maine & Atlantic Railway", ", Topeka and Santa Fe
// Railway" — a comma, then capitalised words joined by "&" or "and" that
// end on an organisation's head word.
func (d *doc) opensCompanyName(t1 int) bool {
	toks := d.toks
	if t1+3 >= len(toks) || toks[t1].low != "," {
		return false
	}
	s := d.sents[d.tokSent[t1]]
	joined := false
	for k := t1 + 1; k < s.t1 && k <= t1+7; k++ {
		w := toks[k]
		switch {
		case w.low == "&" || w.low == "and":
			joined = true
		case w.word && w.cap:
			if joined && orgHeads[strings.TrimSuffix(w.low, ".")] {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// partOfTown is the town q that the words after a place name t1 say it is
// a part of ("the Antioch area of Nashville", "the Shuafat district of
// Jerusalem", "the Antioch area southeast of downtown Nashville"), when p lies farther from q than a town's part can: the
// gazetteer gave a namesake elsewhere. ok is false otherwise.
func (d *doc) partOfTown(p model.Place, t1 int) (model.Place, bool) {
	toks := d.toks
	s := d.sents[d.tokSent[t1-1]]
	if t1+2 >= s.t1 || !townParts[toks[t1].low] {
		return model.Place{}, false
	}
	k := t1 + 1
	if geo.CompassDirection(toks[k].low) != "" {
		k++ // "the Antioch area southeast of downtown Nashville"
	}
	if k >= s.t1 || toks[k].low != "of" {
		return model.Place{}, false
	}
	k++
	for k < s.t1 && !toks[k].cap && placeModifier(toks[k].low) {
		k++
	}
	end := k
	for end < s.t1 && end < k+4 && toks[end].word && toks[end].cap {
		end++
	}
	if end == k {
		return model.Place{}, false
	}
	q, ok := d.resolve(d.span(k, end))
	if !ok || isArea(&q) || geo.DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon) <= 2*samePlaceKm {
		return model.Place{}, false
	}
	return q, true
}

// townParts are the nouns that name a part of a town: "the Antioch area of
// Nashville".
var townParts = map[string]bool{
	"area": true, "district": true, "neighborhood": true, "neighbourhood": true, "suburb": true,
	"section": true, "quarter": true,
}

// localTown reports a town of a country the article is about whose name
// is no English word ("Tikrit", "Maungdaw"; not "Reading", "Post"): the
// article's subject makes it believable without "in" before it.
func (d *doc) localTown(name, country string) bool {
	if !d.inContext(country) {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if lexicon.IsNoun(w) || lexicon.IsVerb(w) || lexicon.IsAdjective(w) || lexicon.IsAdverb(w) {
			return false
		}
	}
	return true
}

// honorifics before a name make it a person's ("Mr. Paris").
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "dame": true,
	"lord": true, "lady": true, "mister": true, "madam": true, "madame": true, "monsieur": true,
}

// afterHonorific reports a name right after "Mr.", "Mrs.", "Dr."….
func (d *doc) afterHonorific(t0 int) bool {
	k := t0 - 1
	if k >= 0 && d.toks[k].low == "." {
		k--
	}
	return k >= 0 && d.tokSent[k] == d.tokSent[t0] && honorifics[strings.TrimSuffix(d.toks[k].low, ".")]
}

// strongPlace reports a gazetteer match that needs no locative cue to be
// believed: a country or region, a national capital, a city of a million
// people, or a city in one of the countries the article names or its
// dateline's.
func (d *doc) strongPlace(p model.Place) bool {
	switch {
	case p.Feature == "country" || p.Feature == "region" || p.Feature == "PPLC" || areaFeature(p.Feature):
		return true
	case p.Population >= 1000000:
		return true
	}
	return d.inContext(p.Country)
}

// inContext reports a country the article talks about, or its dateline's.
func (d *doc) inContext(cc string) bool {
	for _, c := range d.geoContext().Countries {
		if c == cc {
			return true
		}
	}
	return cc != "" && cc == d.datelineCountry()
}

func (d *doc) isCountryName(cc geo.Country, s string) bool {
	f := fold(s)
	if f == fold(cc.Name) || "the "+f == fold(cc.Name) {
		return true
	}
	for _, n := range cc.Names {
		if fold(n) == f {
			return true
		}
	}
	return false
}

// regionAdjective handles "the Crimean peninsula": an adjective before a
// place noun that names a region ("Crimean" → "Crimea").
func (d *doc) regionAdjective(t0, t1 int) bool {
	toks := d.toks
	if t1 >= len(toks) || t1-t0 != 1 {
		return false
	}
	head := toks[t1].low
	if head != "peninsula" && head != "region" && head != "coast" && head != "province" && head != "island" && head != "islands" {
		return false
	}
	w := toks[t0].text
	var tries []string
	switch {
	case strings.HasSuffix(w, "ian"):
		tries = append(tries, w[:len(w)-1], w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "an"):
		tries = append(tries, w[:len(w)-1], w[:len(w)-2])
	case strings.HasSuffix(w, "ese"):
		tries = append(tries, w[:len(w)-3])
	}
	for _, n := range tries {
		if p, ok := d.resolve(n); ok && (p.Feature == "region" || p.Population > 0 || p.Feature == "country" || areaFeature(p.Feature)) {
			d.ents = append(d.ents, ent{t0: t0, t1: t1 + 1, kind: entPlace, actor: -1, place: p, hasPlace: true, locative: true, sentence: d.tokSent[t0]})
			d.markEnt(t0, t1+1)
			return true
		}
	}
	return false
}

// isDatelineAt reports an upper-case place name opening a sentence and
// followed by a dash: "MOSCOW -", "—MOSCOW --".
func (d *doc) isDatelineAt(t0, t1 int) bool {
	s := d.sents[d.tokSent[t0]]
	for k := s.t0; k < t0; k++ {
		if d.toks[k].word {
			return false
		}
	}
	if t1 >= s.t1 {
		return false
	}
	w := d.toks[t1].low
	return w == "-" || w == "--" || w == ","
}

// seizureKinds are the kinds whose verb takes the place it acts on as its
// object: forces seize a town, a storm hits a coast, gunmen attack a city.
var seizureKinds = map[model.Kind]bool{
	model.KindMilitary: true, model.KindAttack: true, model.KindAnnexation: true,
	model.KindDisaster: true, model.KindProtest: true,
}

// objectOfSeizure reports a place at the end of the object of such a verb,
// reached through "of" and modifiers: "conquering the dictator's hometown
// of Tikrit", "took control of much of the city of Mosul", "hit the
// eastern coast of Leyte".
func (d *doc) objectOfSeizure(t0 int) bool {
	toks := d.toks
	s := d.sents[d.tokSent[t0]]
	sawOf, sawNoun := false, false
	for k, n := t0-1, 0; k >= s.t0 && n < 9; k, n = k-1, n+1 {
		w := toks[k].low
		tr, ok := verbForms[w]
		if takeForms[w] {
			tr, ok = trigger{kind: model.KindMilitary, form: formPast}, true // "had taken Mosul"
		}
		if !ok && k > s.t0 {
			// A verb the table lacks but WordNet knows ("conquering").
			tr, ok = wordnetTrigger(w, toks[k-1].low)
		}
		if ok && tr.form != formNoun && seizureKinds[tr.kind] {
			// "seized Tikrit", "hit northeastern Japan", "seized most of
			// the city of Mosul" — not "seized weapons Tikrit had".
			return sawOf || !sawNoun
		}
		if ph := d.phraseAt(k); ph != nil && ph.form != formNoun && seizureKinds[ph.kind] {
			return true
		}
		switch {
		case w == "of" || w == "into" || w == "onto":
			sawOf = true
		case w == "'s" || w == "the" || w == "much" || w == "most" || w == "parts" || w == "part" || w == "portions" || w == "all" || placeModifier(w):
		case w == "and" && (placeModifier(toks[k+1].low) || k > s.t0 && placeModifier(toks[k-1].low)):
			// "hit northeastern and eastern Japan"
		case !toks[k].word, subordinators[w], locatives[w], phraseStops[w] && w != "of":
			return false
		default:
			sawNoun = true
		}
	}
	return false
}

// isModifierPlace reports a place name right before an event noun: "the
// Geneva talks", "the Minsk agreement".
func (d *doc) isModifierPlace(t1 int) bool {
	if t1 >= len(d.toks) {
		return false
	}
	w := d.toks[t1].low
	if k, ok := nouns[w]; ok && k != model.KindStatement {
		return true
	}
	for n := t1 + 1; n <= t1+2 && n < len(d.toks) && d.tokSent[n] == d.tokSent[t1]; n++ {
		// "the Madrid train bombings", "the Brussels metro station
		// attack": nouns that qualify the event word.
		if k, ok := nouns[d.toks[n].low]; ok && k != model.KindStatement && d.qualifyingNouns(t1, n) {
			return true
		}
	}
	if w == "peace" && t1+1 < len(d.toks) {
		_, ok := nouns[d.toks[t1+1].low]
		return ok
	}
	return false
}

// actsAsGov reports whether a country or capital name is used as an agent:
// subject of a verb ("Moscow and Washington agreed", "Washington is wary"),
// agent of a passive ("brokered by Moscow"), partner ("with Moscow"), or
// possessor of an act ("Moscow's invasion").
func (d *doc) actsAsGov(t0, t1 int) bool {
	toks := d.toks
	s := d.sents[d.tokSent[t0]]
	if t0-1 >= s.t0 {
		switch toks[t0-1].low {
		case "by", "with", "between", "against", "and":
			return true
		}
		if toks[t0-1].low == "the" && t0-2 >= s.t0 && (toks[t0-2].low == "by" || toks[t0-2].low == "with" || toks[t0-2].low == "between" || toks[t0-2].low == "and") {
			return true
		}
	}
	k := t1
	for k < s.t1 {
		t := toks[k]
		if t.low == "'s" {
			if k == t1 && d.isCapitalName(t0, t1) {
				// "Tokyo's decision", "Moscow's campaign": a capital's acts are its government's.
				return true
			}
			k++
			if k < s.t1 {
				if _, ok := nouns[toks[k].low]; ok || militaryNouns[toks[k].low] || govNouns[toks[k].low] {
					return true
				}
				// "Moscow's campaign", "Russia's position": skip adjectives.
				if k+1 < s.t1 {
					if _, ok := nouns[toks[k+1].low]; ok {
						return true
					}
				}
			}
			return false
		}
		if t.low == "and" || t.low == "," || t.low == "the" || t.low == "along" || t.low == "with" {
			k++
			continue
		}
		if t.word && t.cap {
			k++
			continue
		}
		break
	}
	if k >= s.t1 {
		return false
	}
	w := toks[k].low
	if agentFollowers[w] {
		return true
	}
	if tr, ok := verbForms[w]; ok && tr.form != formNoun && tr.form != formGerund {
		return true
	}
	return false
}

// isCapitalName reports whether tokens [t0,t1) name a national capital.
func (d *doc) isCapitalName(t0, t1 int) bool {
	if d.g == nil {
		return false
	}
	name := fold(d.span(t0, t1))
	for _, c := range d.x.cache.lookup(d.g, d.span(t0, t1)) {
		if c.Feature != "PPLC" {
			continue
		}
		if cc, ok := d.g.Country(c.Country); ok && capitalIs(cc.Capital, name) {
			return true
		}
	}
	return false
}

// capitalIs compares a country's capital with a folded name, allowing the
// short form ("Washington" for "Washington D.C.").
func capitalIs(capital, folded string) bool {
	fc := fold(capital)
	return fc == folded || strings.HasPrefix(fc, folded+" ")
}

// prevWord is the lower-cased token before t0 in its sentence, or "".
func (d *doc) prevWord(t0 int) string {
	if t0 == 0 || d.tokSent[t0-1] != d.tokSent[t0] {
		return ""
	}
	return d.toks[t0-1].low
}

// prepBefore is the word before token t0, past a "the" ("into the Java
// Sea"), or "".
func (d *doc) prepBefore(t0 int) string {
	if w := d.prevWord(t0); w != "the" {
		return w
	}
	return d.prevWord(t0 - 1)
}

// countryPlace is country cc as a place: the gazetteer's entry found by
// the name written (which carries the country's area), else the country
// table's point.
func (d *doc) countryPlace(cc geo.Country, written string) model.Place {
	if cands := d.x.cache.lookup(d.g, written); len(cands) > 0 && cands[0].Class == "country" {
		return cands[0].Place
	}
	return model.Place{Key: "ne:" + cc.Code, Name: cc.Name, Country: cc.Code, Lat: cc.Lat, Lon: cc.Lon, Feature: "country"}
}

// asSpelled shows a town or a feature as the article spells it
// ("Palmyra", "Geneva", "the Atacama Desert" for Natural Earth's "Desierto
// de Atacama", "Basra" for the gazetteer's "Basrah"), so that the same
// place reads alike whether a dateline or a sentence named it; the key
// still identifies the gazetteer entry. Countries and areas keep their
// own names.
func asSpelled(p *model.Place, name string) {
	if own := fold(p.Name); strings.HasPrefix(own, "the ") && own[4:] == fold(name) {
		return // "in The Hague": the name's article is its own, not the sentence's
	}
	if (p.Feature == "feature" || p.Feature != "country" && !areaFeature(p.Feature)) && fold(name) != fold(p.Name) {
		p.Name = name
	}
}
