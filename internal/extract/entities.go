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

// travelVerbs make "to X" the place of what follows ("flew to Paris for talks");
// so do verbs of sinking ("sank to the bottom of the Gulf of Mexico").
var travelVerbs = map[string]bool{
	"travelled": true, "traveled": true, "travelling": true, "traveling": true, "flew": true,
	"went": true, "came": true, "headed": true, "returned": true, "dispatched": true, "sent": true,
	"arrived": true, "travel": true, "fly": true, "go": true, "come": true, "visit": true,
	"return": true, "returns": true, "returning": true, "rushed": true, "rush": true,
	"sank": true, "sunk": true, "sinks": true, "plunged": true, "plummeted": true,
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

// numberParticles are name particles that are also numbers ("ten"): in
// "In Gaza ten Palestinians died" the number joins no name.
var numberParticles = map[string]bool{"ten": true}

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
					if (u.low == "no" || u.low == "no.") && j > i && j+1 < s.t1 && (toks[j+1].num || toks[j+1].low == "." && j+2 < s.t1 && toks[j+2].num) {
						// "Fukushima No. 1 nuclear power plant": the number
						// is the unit's, the name before it a place's.
						break
					}
					j++
					continue
				}
				if m := j; u.word && nameParticles[u.low] && !numberParticles[u.low] && m+2 < s.t1 && nameParticles[toks[m+1].low] && toks[m+2].word && toks[m+2].cap {
					// "Ursula von der Leyen", "Antoine de la Tour": two
					// particles before the surname.
					j += 3
					continue
				}
				// Connectors inside names: "Secretary of State", "Bashar al-Assad",
				// "Organisation for the Prohibition of Chemical Weapons",
				// "Isola del Giglio", "Reggio di Calabria".
				if u.word && (u.low == "of" || nameParticles[u.low] && !numberParticles[u.low] || u.low == "for" || u.low == "and" || u.low == "on" || u.low == "the" || strings.HasPrefix(u.low, "al-") || strings.HasPrefix(u.low, "el-") || strings.HasPrefix(u.low, "ad-")) && j+1 < s.t1 && (toks[j+1].word && (toks[j+1].cap || strings.HasPrefix(u.low, "al-") || strings.HasPrefix(u.low, "el-"))) {
					if u.low == "and" && d.areaNamed(i, j+2) {
						// "Jammu and Kashmir", "Bosnia and Herzegovina":
						// one area's name.
						j += 2
						continue
					}
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
	// "Residents of Mosul", "Supporters of Erdogan" opening a sentence: a
	// plain noun for people, capitalised only by its place, and "of".
	if t0+2 < t1 && t0 == d.sents[d.tokSent[t0]].t0 && toks[t0+1].low == "of" && !isTitleToken(toks[t0].low) && firstNounClass(toks[t0].low) == "noun.person" {
		t0 += 2
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
	// "at Manchester Town Hall", "Kabul International Airport": a
	// structure named after its town stands there; the town places it.
	if t1-t0 >= 2 && facilityHeads[last] {
		n := t1 - 1
		for n > t0 && facilityModifiers[toks[n-1].low] {
			n--
		}
		if n > t0 && d.knownTown(t0, n) && d.placeOrGov(t0, n) {
			// A town well known enough to name its structures ("Notre
			// Dame Cathedral" is not in the village of Notre-Dame).
			d.ents = append(d.ents, ent{t0: n, t1: t1, kind: entNone, actor: -1, sentence: d.tokSent[n]})
			d.markEnt(n, t1)
			return true
		}
	}

	// "Ban Khao gorge", "the Santa Rosa mine": the name of a natural
	// feature or a structure, not of a person.
	if t1-t0 >= 2 && !d.surnameKnown(toks[t1-1].text) && d.featureNounAt(t1) {
		d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entNone, actor: -1, sentence: d.tokSent[t0]})
		d.markEnt(t0, t1)
		return true
	}

	// Multi-word names of people.
	if t1-t0 >= 2 && t1-t0 <= 4 && !personStop[last] && !toks[t1-1].upper {
		allName := true
		for i := t0; i < t1; i++ {
			// "Theresa May", "Brian May": after a given name, a common
			// capitalised word ("May") is a surname.
			common := commonCaps[toks[i].low] && !(i > t0 && firstNames[toks[t0].low] && !toks[i].first)
			if common || toks[i].num || toks[i].upper {
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
	// "Typhoon Haiyan", "Hurricane Katrina": a storm's name, which is an
	// event's, not an actor's.
	if t1-t0 >= 2 && stormWords[toks[t0].low] {
		d.ents = append(d.ents, ent{t0: t0, t1: t1, kind: entNone, actor: -1, sentence: d.tokSent[t0]})
		d.markEnt(t0, t1)
		return true
	}
	// Unknown multi-word names that act (say, announce) or recur are
	// organisations more often than not: "Northrop Grumman said".
	if t1-t0 >= 2 && t1-t0 <= 4 && !d.headlineLike(t0) && !personStop[last] && !hasDigit(d.span(t0, t1)) {
		if d.speaksNext(t1) || d.chunkCount[d.lowSpan(t0, t1)] >= 2 {
			if t1-t0 <= 3 && !orgHeads[strings.TrimSuffix(toks[t1-1].low, ".")] && d.chunkCount[toks[t1-1].low] > 0 {
				// "Muammar Gaddafi has been killed" and, elsewhere,
				// "Gaddafi's rule": a name whose last word stands alone
				// is a person's (an organisation is not called by its
				// last word).
				return d.person(t0, t1, "")
			}
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

// knownTown reports tokens [t0, t1) that name a town of 50,000 people or
// more, or a capital, in a country the article names: well known enough
// to name its structures ("Saint Jean Cathedral" in a story about France
// is not in St. John's, Canada).
func (d *doc) knownTown(t0, t1 int) bool {
	p, ok := d.resolve(d.span(t0, t1))
	return ok && (p.Population >= 50000 || strings.HasPrefix(p.Feature, "PPLC")) && d.inContext(p.Country)
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
	if strings.HasSuffix(strings.ToLower(title), " of") && d.g != nil && len(d.x.cache.lookup(d.g, d.span(t0, t1))) > 0 && d.placeOrGov(t0, t1) {
		// "the mayor of Lyon", "the governor of Borno": the office's
		// place, not the holder's name.
		return true
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

// areaNamed reports whether tokens t0..t1 name a country or an area of the
// gazetteer as a whole.
func (d *doc) areaNamed(t0, t1 int) bool {
	if d.g == nil {
		return false
	}
	name := d.span(t0, t1)
	if _, ok := d.countryByName(name); ok {
		return true
	}
	cands := d.x.cache.lookup(d.g, name)
	return len(cands) > 0 && cands[0].Class != geo.ClassCity && fold(cands[0].Name) == fold(name)
}
