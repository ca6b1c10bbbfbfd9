package extract

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

// entKind classifies a recognised name in the text.
type entKind uint8

const (
	entNone   entKind = iota
	entPerson         // a person
	entOrg            // an organisation
	entGov            // a government named by its country, capital or seat
	entPlace          // a place
)

// ent is one recognised name: tokens [t0, t1) of the article's token list.
type ent struct {
	t0, t1   int
	kind     entKind
	actor    int // index into doc.actors for people, organisations and governments; -1 otherwise
	place    model.Place
	hasPlace bool
	locative bool // introduced by "in/at/near…": where something happens
	country  bool // the place is a whole country
	modifier bool // place name right before an event noun ("the Geneva talks")
	dateline bool // the dateline ("MOSCOW -"): where the story was filed
	sentence int
}

// actorRec is an actor being built up across an article.
type actorRec struct {
	model.Actor
	country string // ISO2 of the government it is or serves ("Russian Foreign Minister"), "" if unknown
	tokens  int    // length of the longest name form seen
}

// chunk is a run of capitalised tokens that may be a name.
type chunk struct{ t0, t1 int }

// personStop are last words that make a capitalised phrase something other
// than a person ("Cold War", "Red Square").
var personStop = map[string]bool{
	"war": true, "revolution": true, "crisis": true, "act": true, "law": true, "bill": true,
	"games": true, "cup": true, "day": true, "street": true, "square": true, "avenue": true,
	"road": true, "river": true, "sea": true, "ocean": true, "mountains": true, "peninsula": true,
	"island": true, "islands": true, "airport": true, "station": true, "hospital": true, "palace": true,
	"stadium": true, "bridge": true, "hotel": true, "summit": true, "conference": true, "talks": true,
	"agreement": true, "treaty": true, "accord": true, "communique": true, "convention": true,
	"plan": true, "program": true, "programme": true, "project": true, "award": true, "prize": true,
	"index": true, "market": true, "exchange": true, "festival": true, "week": true, "month": true,
	"year": true, "century": true, "era": true, "age": true, "empire": true, "kingdom": true,
	"republic": true, "province": true, "region": true, "county": true, "city": true, "valley": true,
	"desert": true, "gulf": true, "bay": true, "coast": true, "lake": true, "park": true, "east": true,
	"west": true, "north": true, "south": true, "affairs": true, "policy": true, "doctrine": true,
	"photo": true, "photos": true, "images": true, "topics": true, "news": true, "group": true,
	"center": true, "centre": true, "building": true, "tower": true, "church": true, "mosque": true,
	"cathedral": true, "museum": true, "library": true, "school": true, "college": true, "prison": true,
	"base": true, "camp": true, "zone": true, "front": true, "line": true, "border": true, "pass": true,
	"series": true, "league": true, "championship": true, "olympics": true, "model": true, "motors": true,
	"reserve": true, "bank": true, "fund": true, "trust": true, "dollar": true, "dollars": true, "euro": true,
	"protocol": true, "strategy": true, "initiative": true, "sunday": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "district": true,
	"mission": true, "operation": true, "minister": true, "president": true, "secretary": true,
}

// travelVerbs make "to X" the place of what follows ("flew to Paris for talks").
var travelVerbs = map[string]bool{
	"travelled": true, "traveled": true, "travelling": true, "traveling": true, "flew": true,
	"went": true, "came": true, "headed": true, "returned": true, "dispatched": true, "sent": true,
	"arrived": true, "travel": true, "fly": true, "go": true, "come": true, "visit": true,
}

// newspaperHeads end newspaper names that are then used alone ("the Post").
var newspaperHeads = map[string]bool{
	"post": true, "times": true, "journal": true, "herald": true, "tribune": true, "guardian": true,
	"telegraph": true, "gazette": true, "globe": true, "independent": true, "observer": true,
}

// militaryNouns after a demonym name the government acting through its forces.
var militaryNouns = map[string]bool{
	"forces": true, "troops": true, "aircraft": true, "planes": true, "jets": true, "warplanes": true,
	"military": true, "army": true, "navy": true, "warships": true, "soldiers": true, "bombers": true,
	"helicopters": true, "drones": true, "artillery": true, "officials": true, "government": true,
	"authorities": true, "diplomats": true, "delegation": true,
}

// agentFollowers after a country or capital show it acting as a government.
var agentFollowers = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "could": true, "can": true, "should": true, "must": true, "may": true,
	"might": true, "wants": true, "wanted": true, "believes": true, "believed": true, "hopes": true,
	"fears": true, "rejected": true, "rejects": true, "blocked": true, "blocks": true, "supports": true,
	"supported": true, "backs": true, "backed": true, "refused": true, "refuses": true, "sees": true,
	"saw": true, "also": true, "long": true, "reached": true, "demanded": true, "demands": true,
	"responded": true, "expelled": true, "recalled": true, "imposed": true, "offered": true,
	"threatened": true, "intends": true, "plans": true, "sent": true, "sends": true, "began": true,
}

// recognise finds people, organisations, governments and places in the
// article's sentences and fills d.ents, d.actors and d.tokEnt.
func (d *doc) recognise() {
	chunks := d.chunks()
	// Pass 1: names introduced by a title, known organisations, acronyms,
	// countries and multi-word names.
	pending := make([]chunk, 0, len(chunks))
	for _, c := range chunks {
		if !d.classify(c, false) {
			pending = append(pending, c)
		}
	}
	// Pass 2: bare names that refer back (or forward) to people seen in
	// pass 1 ("Kerry"), then places by gazetteer.
	for _, c := range pending {
		d.classify(c, true)
	}
	d.demonymActors()
}

// chunks returns runs of capitalised words, skipping time expressions,
// and counts how often each is written.
func (d *doc) chunks() []chunk {
	var out []chunk
	toks := d.toks
	for si := range d.sents {
		s := &d.sents[si]
		i := s.t0
		for i < s.t1 {
			t := &toks[i]
			if !t.word || !(t.cap || (t.upper && len(t.text) >= 2)) || d.tokTime[i] >= 0 {
				i++
				continue
			}
			j := i + 1
			for j < s.t1 {
				u := &toks[j]
				if d.tokTime[j] >= 0 {
					break
				}
				if u.word && u.cap {
					j++
					continue
				}
				// Connectors inside names: "Secretary of State", "Bashar al-Assad",
				// "Organisation for the Prohibition of Chemical Weapons".
				if u.word && (u.low == "of" || u.low == "al" || u.low == "bin" || u.low == "de" || u.low == "von" || u.low == "van" || u.low == "for" || u.low == "and" || u.low == "on" || u.low == "the" || strings.HasPrefix(u.low, "al-") || strings.HasPrefix(u.low, "el-") || strings.HasPrefix(u.low, "ad-")) && j+1 < s.t1 && (toks[j+1].word && (toks[j+1].cap || strings.HasPrefix(u.low, "al-") || strings.HasPrefix(u.low, "el-"))) {
					if u.low == "and" || u.low == "on" || u.low == "the" || u.low == "for" {
						// Only inside an organisation-like name, decided later; here
						// keep "and" out so that "Kerry and Lavrov" stays two names.
						break
					}
					j++
					continue
				}
				if u.word && (strings.HasPrefix(u.low, "al-") || strings.HasPrefix(u.low, "el-")) {
					j++
					continue
				}
				break
			}
			out = append(out, chunk{i, j})
			i = j
		}
	}
	d.chunkCount = make(map[string]int, len(out))
	for _, c := range out {
		d.chunkCount[d.lowSpan(c.t0, c.t1)]++
	}
	return out
}

// classify decides what the capitalised run c is. In the first pass
// (late=false) only confident decisions are made; it returns false to ask
// for a second look once all people of the article are known.
func (d *doc) classify(c chunk, late bool) bool {
	toks := d.toks
	t0, t1 := c.t0, c.t1
	// Trim sentence-initial common words ("The", "But", "Speaking").
	for t0 < t1 && commonCaps[toks[t0].low] {
		t0++
	}
	// Trim a trailing connector.
	for t1 > t0 && (toks[t1-1].low == "of" || toks[t1-1].low == "al") {
		t1--
	}
	if t0 >= t1 {
		return true
	}
	name := d.span(t0, t1)
	low := d.lowSpan(t0, t1)

	// Landmarks first, also where an organisation of that name is known
	// ("the Kremlin"): they stand for a city or a government by context.
	if lm, ok := landmarks[low]; ok {
		d.addLandmark(t0, t1, lm.city, lm.country)
		return true
	}
	// Known organisations, whole or after a leading "The".
	if canon, ok := knownOrgs[low]; ok {
		d.addOrg(t0, t1, canon, "")
		return true
	}

	// "Justice Ministry", "Defence Council": an organisation even when its
	// first word could be a title.
	if lastLow := strings.TrimSuffix(toks[t1-1].low, "."); t1-t0 >= 2 && orgHeads[lastLow] && !titleHeads[lastLow] && isTitleToken(toks[t0].low) {
		d.addOrg(t0, t1, name, "")
		return true
	}

	// Title + name: "U.S. Secretary of State John Kerry", "Russian President
	// Vladimir Putin", "President Obama", "Sen. John McCain".
	k := t0
	titleStart := -1
	hasHead := false
	for k < t1 {
		lw := strings.TrimSuffix(toks[k].low, ".")
		if isTitleToken(lw) {
			if titleStart < 0 {
				titleStart = k
			}
			if titleHeads[lw] {
				hasHead = true
			}
			k++
			continue
		}
		if titleStart < 0 {
			// Country or demonym before a title: "Russian", "U.S.", "United States".
			if n := d.countryWordLen(k, t1); n > 0 && k+n < t1 && isTitleToken(toks[k+n].low) {
				k += n
				continue
			}
		}
		break
	}
	if hasHead && k < t1 && k > t0 {
		if toks[k-1].low == "of" && t1-k == 1 {
			// "Secretary of Defense", "Minister of Finance": part of the title.
			return true
		}
		title := d.span(titleStart, k)
		return d.person(k, t1, title)
	}
	if hasHead && k == t1 {
		// Only a title ("Secretary of State"): the name may follow after a comma.
		return true
	}
	// A title inside the run: "Apple CEO Steve Jobs", "Chrysler Chief
	// Executive Robert Nardelli": the organisation, then the person.
	if !hasHead {
		for h := t0 + 1; h < t1-1; h++ {
			if !titleHeads[strings.TrimSuffix(toks[h].low, ".")] {
				continue
			}
			k := h
			for k < t1 && isTitleToken(toks[k].low) {
				k++
			}
			if k < t1 && t1-k <= 4 && toks[k].cap {
				for k > h && toks[k-1].low == "of" {
					k--
				}
				title := d.span(h, k)
				d.classify(chunk{t0, h}, late)
				return d.person(k, t1, title)
			}
			break
		}
	}
	// A lower-case title just before: "foreign minister, Sergei Lavrov",
	// "president Bashar al-Assad".
	if title := d.titleBefore(t0); title != "" {
		return d.person(t0, t1, title)
	}

	// Acronym in parentheses right after: "High Negotiations Committee (HNC)".
	acr := ""
	if t1+2 < len(toks) && toks[t1].low == "(" && toks[t1+1].upper && toks[t1+2].low == ")" {
		acr = toks[t1+1].text
	}

	last := strings.TrimSuffix(toks[t1-1].low, ".")
	// Organisations by their head word.
	if t1-t0 >= 2 && orgHeads[last] {
		if last == "administration" || last == "government" || last == "regime" || last == "cabinet" {
			if cc, ok := d.countryByName(d.span(t0, t1-1)); ok {
				d.addGov(t0, t1, cc)
				return true
			}
		}
		if d.isCountryWord(toks[t0].text) && t1-t0 == 2 && (last == "forces" || last == "army" || last == "government") {
			if cc, ok := d.countryByName(toks[t0].text); ok {
				d.addGov(t0, t1, cc)
				return true
			}
		}
		d.addOrg(t0, t1, name, acr)
		return true
	}
	if acr != "" && t1-t0 >= 2 {
		d.addOrg(t0, t1, name, acr)
		return true
	}

	// Aliases already known (acronyms, surnames).
	if ai, ok := d.alias[low]; ok {
		a := d.actors[ai]
		d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entKindOf(a.Type), actor: ai, sentence: d.tokSent[t0]})
		d.markEnt(t0, t1)
		return true
	}

	// Countries, capitals and other places.
	if d.placeOrGov(t0, t1) {
		return true
	}

	// Multi-word names of people.
	if t1-t0 >= 2 && t1-t0 <= 4 && !personStop[last] && !toks[t1-1].upper {
		allName := true
		for i := t0; i < t1; i++ {
			if commonCaps[toks[i].low] || toks[i].num || toks[i].upper {
				allName = false
				break
			}
		}
		// Capitals alone do not make a person ("Apple Computer", "Dow
		// Jones"): ask for a given name, a known surname or a speech verb.
		if allName && !d.headlineLike(t0) && (firstNames[toks[t0].low] || d.surnameKnown(toks[t1-1].text) || d.speaksNext(t1)) {
			return d.person(t0, t1, "")
		}
	}
	if !late {
		return false
	}
	// Unknown multi-word names that act (say, announce) or recur are
	// organisations more often than not: "Northrop Grumman said".
	if t1-t0 >= 2 && t1-t0 <= 4 && !d.headlineLike(t0) && !personStop[last] && !hasDigit(d.span(t0, t1)) {
		if d.speaksNext(t1) || d.chunkCount[d.lowSpan(t0, t1)] >= 2 {
			d.addOrg(t0, t1, name, "")
			return true
		}
	}
	// Second pass: bare surnames and acronyms.
	if t1-t0 == 1 {
		w := toks[t0]
		sn := surnameKey(w.text)
		if ai, ok := d.surnames[sn]; ok {
			d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entPerson, actor: ai, sentence: d.tokSent[t0]})
			d.markEnt(t0, t1)
			return true
		}
		if w.upper && len(w.text) >= 2 && len(w.text) <= 6 && !strings.Contains(w.text, ".") && !d.isCountryWord(w.text) && !hasDigit(w.text) && !notOrgAcronyms[w.text] {
			d.addOrg(t0, t1, w.text, "")
			return true
		}
	}
	return true
}

// lowSpan is the lower-cased text of tokens [t0,t1) (ASCII letters only,
// which is what the lexicons hold), without allocating.
func (d *doc) lowSpan(t0, t1 int) string {
	return d.low[d.toks[t0].s:d.toks[t1-1].e]
}

// surnameKnown reports a last name already seen for a person.
func (d *doc) surnameKnown(s string) bool {
	_, ok := d.surnames[surnameKey(s)]
	return ok
}

// speaksNext reports a reporting verb right after a name ("X said", "X, who").
func (d *doc) speaksNext(t1 int) bool {
	if t1 >= len(d.toks) || d.tokSent[t1] != d.tokSent[t1-1] {
		return false
	}
	switch d.toks[t1].low {
	case "said", "says", "told", "added", "announced", "stated", "explained", "wrote", "argued":
		return true
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// notOrgAcronyms are upper-case words that are units, currencies or roles.
var notOrgAcronyms = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "JPY": true, "GDP": true, "CEO": true, "CFO": true, "COO": true,
	"SDK": true, "GB": true, "MB": true, "TB": true, "TV": true, "PC": true, "AM": true, "PM": true,
	"OK": true, "PS": true, "PR": true, "HQ": true, "ID": true, "IT": true, "AI": true, "VAT": true,
	"CO2": true, "DNA": true, "HIV": true, "AIDS": true, "GMT": true, "UTC": true, "EST": true, "PST": true,
}

// headlineLike reports whether the token sits in a line written in title
// case, where capitals say nothing about names.
func (d *doc) headlineLike(t int) bool {
	return d.sents[d.tokSent[t]].headline
}

// titleBefore returns a lower-case title ending right before token t
// ("foreign minister, " or "president "), or "".
func (d *doc) titleBefore(t int) string {
	toks := d.toks
	s := d.sents[d.tokSent[t]]
	k := t - 1
	if k >= s.t0 && toks[k].low == "," {
		k--
	}
	end := k + 1
	head := false
	for k >= s.t0 && toks[k].word && isTitleToken(toks[k].low) && !toks[k].cap {
		if titleHeads[strings.TrimSuffix(toks[k].low, ".")] {
			head = true
		}
		k--
	}
	if !head || k+1 >= end {
		return ""
	}
	// Keep a possessive country before it: "Russia's foreign minister".
	return d.span(k+1, end)
}

// person records a person named by tokens [t0,t1), introduced by title.
func (d *doc) person(t0, t1 int, title string) bool {
	toks := d.toks
	// A name never includes a trailing possessive or a country word alone.
	if t1-t0 == 1 && d.isCountryWord(toks[t0].text) {
		return d.placeOrGov(t0, t1)
	}
	name := d.span(t0, t1)
	sn := surnameKey(toks[t1-1].text)
	if ai, ok := d.surnames[sn]; ok {
		a := &d.actors[ai]
		if t1-t0 > a.tokens {
			a.Aliases = appendUnique(a.Aliases, a.Name)
			a.Name = name
			a.tokens = t1 - t0
		} else if name != a.Name {
			a.Aliases = appendUnique(a.Aliases, name)
		}
		if a.Title == "" {
			a.Title = title
		}
		if a.country == "" {
			a.country = d.titleCountry(t0)
		}
		d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entPerson, actor: ai, sentence: d.tokSent[t0]})
		d.markEnt(t0, t1)
		return true
	}
	d.actors = append(d.actors, actorRec{Actor: model.Actor{Name: name, Type: model.ActorPerson, Title: title}, tokens: t1 - t0, country: d.titleCountry(t0)})
	ai := len(d.actors) - 1
	d.surnames[sn] = ai
	d.alias[strings.ToLower(name)] = ai
	d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entPerson, actor: ai, sentence: d.tokSent[t0]})
	d.markEnt(t0, t1)
	return true
}

// titleCountry is the country named in the title before the name at
// token t0 ("U.S. Secretary of State", "Russia's foreign minister,"), ""
// if none.
func (d *doc) titleCountry(t0 int) string {
	s := d.sents[d.tokSent[t0]]
	k := t0 - 1
	if k >= s.t0 && d.toks[k].low == "," {
		k--
	}
	for n := 0; k >= s.t0 && n < 6; n, k = n+1, k-1 {
		t := &d.toks[k]
		if t.cap {
			if c, ok := d.countryByName(t.text); ok {
				return c.Code
			}
		}
		if t.low == "'s" || t.low == "of" || isTitleToken(t.low) {
			continue
		}
		break
	}
	return ""
}

// surnameKey folds a last name so that "al-Assad", "Al-Assad" and "Assad" meet.
func surnameKey(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "ar-"} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// addOrg records an organisation mention, and acr, when given, as its
// acronym: an alias later mentions resolve through. Governments go
// through addGov.
func (d *doc) addOrg(t0, t1 int, name, acr string) {
	key := strings.ToLower(name)
	ai, ok := d.alias[key]
	if !ok {
		d.actors = append(d.actors, actorRec{Actor: model.Actor{Name: name, Type: model.ActorOrg}, tokens: t1 - t0})
		ai = len(d.actors) - 1
		d.alias[key] = ai
	}
	if acr != "" {
		d.actors[ai].Aliases = appendUnique(d.actors[ai].Aliases, acr)
		d.alias[strings.ToLower(acr)] = ai
	}
	// "The Washington Post" is then "the Post".
	if t1-t0 >= 2 && newspaperHeads[d.toks[t1-1].low] {
		if _, taken := d.alias[d.toks[t1-1].low]; !taken {
			d.alias[d.toks[t1-1].low] = ai
		}
	}
	d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entOrg, actor: ai, sentence: d.tokSent[t0]})
	d.markEnt(t0, t1)
}

// addGov records a government actor for country cc.
func (d *doc) addGov(t0, t1 int, cc geo.Country) {
	ai := d.govActor(cc)
	written := d.span(t0, t1)
	if written != d.actors[ai].Name {
		d.actors[ai].Aliases = appendUnique(d.actors[ai].Aliases, written)
	}
	d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entGov, actor: ai, sentence: d.tokSent[t0]})
	d.markEnt(t0, t1)
}

func (d *doc) govActor(cc geo.Country) int {
	key := "gov:" + cc.Code
	if ai, ok := d.alias[key]; ok {
		return ai
	}
	d.actors = append(d.actors, actorRec{Actor: model.Actor{Name: cc.Name, Type: model.ActorGov}, country: cc.Code})
	ai := len(d.actors) - 1
	d.alias[key] = ai
	return ai
}

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
				p := model.Place{Key: "cmp:" + cc.Code + ":" + dir, Name: capitalise(strings.TrimPrefix(d.span(c0, t0), "the ")) + " " + cc.Name, Country: cc.Code, Lat: lat, Lon: lon, Feature: "region"}
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
		p := model.Place{Key: "ne:" + cc.Code, Name: cc.Name, Country: cc.Code, Lat: cc.Lat, Lon: cc.Lon, Feature: "country"}
		if cands := d.x.cache.lookup(d.g, name); len(cands) > 0 && cands[0].Class == "country" {
			p = cands[0].Place
		}
		poss := t1 < len(toks) && toks[t1].low == "'s"
		d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entPlace, actor: -1, place: p, hasPlace: true, locative: (loc || d.isObjectPlace(t0)) && !poss, country: true, sentence: d.tokSent[t0]})
		d.markEnt(t0, t1)
		return true
	}
	if toks[t0].upper {
		// Upper case is a dateline ("MOSCOW -") or an acronym, never a place otherwise.
		if !d.isDatelineAt(t0, t1) {
			return false
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
	// Without a locative cue a capitalised word is a place only on strong
	// evidence, since many words are towns somewhere ("Post", "Reading",
	// "Independence"): a capital, a city of a million, a region, or a city
	// of the countries the article talks about.
	weak := !loc && !d.isModifierPlace(t1) && !d.isAppositive(t0)
	if weak {
		best := cands[0]
		if best.Population < 100000 && !areaClass(best.Class) && !(best.Class == "admin1" && d.inContext(best.Country)) {
			return false
		}
	}
	p, ok := d.resolve(name)
	if !ok {
		return false
	}
	if weak && !d.strongPlace(p) && !(!loc && d.actsAsGov(t0, t1) && d.isCapitalName(t0, t1)) {
		return false
	}
	// A capital acting is its government.
	if !loc && p.Country != "" && d.actsAsGov(t0, t1) {
		if cc, ok := d.g.Country(p.Country); ok && capitalIs(cc.Capital, fold(name)) {
			d.addGov(t0, t1, cc)
			return true
		}
	}
	if p.Feature != "country" && !areaFeature(p.Feature) && !toks[t0].upper && fold(name) != fold(p.Name) {
		// Show the place as the article spells it ("Palmyra", "Geneva"); the
		// key still identifies the gazetteer entry.
		p.Name = name
	}
	e := ent{t0: t0, t1: t1, kind: entPlace, actor: -1, place: p, hasPlace: true, sentence: d.tokSent[t0]}
	e.locative = loc || d.isAppositive(t0) || d.isObjectPlace(t0)
	if t1 < len(toks) && toks[t1].low == "'s" {
		// "in Syria's war": the place qualifies a noun, it does not locate an event.
		e.locative = false
	}
	e.modifier = d.isModifierPlace(t1)
	e.country = p.Feature == "country"
	d.ents = append(d.ents, e)
	d.markEnt(t0, t1)
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
	if d.toks[k].low == "of" && k-1 >= s.t0 {
		// "the south of France", "the north-east of England"
		if dir := geo.CompassDirection(d.toks[k-1].low); dir != "" && dir != "central" {
			c0 := k - 1
			if c0-1 >= s.t0 && d.toks[c0-1].low == "the" {
				c0--
			}
			return dir, c0
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
// people, or a city in one of the countries the article names.
func (d *doc) strongPlace(p model.Place) bool {
	switch {
	case p.Feature == "country" || p.Feature == "region" || p.Feature == "PPLC" || areaFeature(p.Feature):
		return true
	case p.Population >= 1000000:
		return true
	}
	for _, c := range d.geoContext().Countries {
		if c == p.Country {
			return true
		}
	}
	return false
}

// inContext reports a country the article talks about.
func (d *doc) inContext(cc string) bool {
	for _, c := range d.geoContext().Countries {
		if c == cc {
			return true
		}
	}
	return false
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
	steps := 0
	for k >= s.t0 && steps < 5 {
		t := toks[k]
		if !t.word {
			return false
		}
		if locatives[t.low] || t.low == "based" {
			return true
		}
		if t.low == "to" && k > s.t0 && travelVerbs[toks[k-1].low] {
			// "travelled to Paris for talks": the destination is where it happens.
			return true
		}
		if t.low == "from" || t.low == "to" || t.low == "of" || t.low == "into" {
			return false
		}
		if t.low == "the" || t.low == "a" || t.low == "an" || placeHeads[t.low] || placeModifier(t.low) || t.cap && d.isCountryWord(t.text) {
			k--
			steps++
			continue
		}
		return false
	}
	return false
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

// isAppositive reports "the ancient city, Palmyra" or "the city of Aleppo".
func (d *doc) isAppositive(t0 int) bool {
	toks := d.toks
	k := t0 - 1
	if k > 0 && (toks[k].low == "," || toks[k].low == "of") {
		k--
	}
	return k >= 0 && placeHeads[toks[k].low]
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
			if toks[k].low == "from" {
				for j := k - 1; j >= 0 && j >= k-4; j-- {
					if tr, ok := verbForms[toks[j].low]; ok && tr.kind == model.KindWithdrawal {
						return true
					}
				}
			}
		}
		return false
	}
	if tr, ok := verbForms[toks[k].low]; ok && (tr.kind == model.KindAnnexation || tr.kind == model.KindMilitary) {
		return true
	}
	return d.objectOfSeizure(t0)
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
		if tr, ok := verbForms[w]; ok && tr.form != formNoun && seizureKinds[tr.kind] {
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

// demonymActors adds governments acting through their forces: "Russian
// aircraft", "Syrian government troops".
func (d *doc) demonymActors() {
	toks := d.toks
	for i := 0; i+1 < len(toks); i++ {
		if !toks[i].cap || d.tokEnt[i] >= 0 || !militaryNouns[toks[i+1].low] {
			continue
		}
		if cc, ok := d.countryByName(toks[i].text); ok {
			d.addGov(i, i+1, cc)
		}
	}
}

func entKindOf(t model.ActorType) entKind {
	switch t {
	case model.ActorPerson:
		return entPerson
	case model.ActorGov:
		return entGov
	}
	return entOrg
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
