package geo

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/briefingatlas/atlas/assets"
	"github.com/briefingatlas/atlas/internal/model"
)

// Candidate is one gazetteer entry that matches a name.
type Candidate struct {
	model.Place
	// Class is city, country, admin1, feature, disputed or region (see the
	// Class constants). Place.Feature says the same for the map and the
	// store: a GeoNames code for cities, "country", "ADM1", "feature",
	// "disputed" or "region".
	Class string
	// Kind is the finer class of an area: Natural Earth's ("sea",
	// "range/mtn", "island", "admin-0 claim area"…), the division's type
	// ("State", "Governorate"…), or "region" / "site" for the project's own
	// table; empty for cities and countries.
	Kind string
	// Note is Natural Earth's status of a disputed area ("Admin. by Russia;
	// Claimed by Ukraine"). Disputed areas have no Country: the gazetteer
	// does not assign them to either side.
	Note string
	// Administered is the ISO2 code of the state that administers a
	// disputed area, when Natural Earth's note names one.
	Administered string
	// Wikidata is the entry's Wikidata id ("Q130626"), when the data has one.
	Wikidata string
}

// Context helps Resolve choose between places that share a name.
type Context struct {
	Countries []string // ISO2 codes, most talked-about first
	// Dateline is the place named in the article's dateline, "" if none:
	// "CITY", "CITY, Country" or "CITY, State".
	Dateline string
}

// Country is one country of the world-countries table.
type Country struct {
	Code, Name, Capital string
	Lat, Lon            float64
	Names, Demonyms     []string
}

// Gazetteer finds places by name. It is read-only after loading and safe
// for concurrent use. The country table is read when the gazetteer is
// made; the place tables (200,000 places, divisions, features, regions)
// the first time a lookup needs them, so that asking for a country costs
// nothing.
type Gazetteer struct {
	countries    map[string]*Country
	countryOrder []string            // ISO2 codes in the table's order
	byName       map[string]*Country // folded names and demonyms
	byCapital    map[string]*Country // folded capitals ("london", "kuala lumpur")
	basemap      func() (*Basemap, error)

	tablesOnce sync.Once
	tab        *tables
	tabErr     error

	majorOnce sync.Once
	major     []int32 // cities worth showing as context, most important first

	completeOnce sync.Once
	byPrefix     []prefixEntry // main names folded and sorted, for Complete
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// DefaultGazetteer returns the gazetteer built from the embedded assets.
// Its first call reads the country table only (a millisecond); the place
// tables load on the first Lookup, Resolve or Place, or on Load.
func DefaultGazetteer() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = loadGazetteer()
	})
	return defaultGaz, defaultErr
}

// NewGazetteer returns a gazetteer of its own, not the shared default:
// for measuring what loading one costs.
func NewGazetteer() (*Gazetteer, error) { return loadGazetteer() }

func readAsset(name string) ([]byte, error) {
	raw, err := assets.Geo.ReadFile("geo/" + name)
	if err != nil {
		return nil, fmt.Errorf("read asset %s: %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("unzip asset %s: %w", name, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("unzip asset %s: %w", name, err)
	}
	return out, nil
}

// Class weights rank places of equal name: a capital beats a provincial
// capital of the same size, which beats a village, because news writes
// about seats of government far more often.
func featureWeight(code string) float64 {
	switch code {
	case "PPLC":
		return 10
	case "PPLA", "PPLG":
		return 4
	case "PPLA2":
		return 1.5
	case "PPLX", "PPLL", "PPLH", "PPLQ", "PPLW":
		return 0.3
	}
	return 1
}

// Base scores keep countries, informal regions and disputed areas above
// any city of the same name ("Jordan", "Crimea", "Kurdistan"). A division
// scores like a city of a million people (Texas) down to a hamlet (Palmyra
// Atoll) by how soon Natural Earth labels it, so that a well-known city
// beats the province named after it ("Aleppo", "Kano") while a village
// does not ("Borno"); a natural feature scores by its Natural Earth rank, from a
// city of 100 million (the Alps, rank 1, are 25 million) down to a hamlet.
const (
	countryScore  = 1e11
	regionScore   = 1e10
	admin1Score0  = 1e6 // min_label 3.5; each zoom level more halves it
	featureScore0 = 1e8 // rank 0; each rank divides it by 4
	altPenalty    = 0.5 // an alternate name (any language, any age) is weaker evidence than the main one
	capitalByName = 2   // see exact
)

func (g *Gazetteer) score(i int32) float64 {
	e := &g.tab.ents[i]
	if e.rank < 0 {
		return 2 * regionScore // a row of the project's own table, which news names by that name
	}
	switch e.class {
	case ClassCountry:
		return countryScore
	case ClassRegion, ClassDisputed:
		return regionScore
	case ClassAdmin1:
		return admin1Score0 / math.Pow(2, float64(e.rank)/10-3.5)
	case ClassFeature:
		return featureScore0 / math.Pow(4, float64(e.rank))
	}
	return (float64(e.pop) + 1) * featureWeight(e.feature)
}

func loadGazetteer() (*Gazetteer, error) {
	g := &Gazetteer{
		countries: map[string]*Country{},
		byName:    map[string]*Country{},
		byCapital: map[string]*Country{},
	}
	g.basemap = func() (*Basemap, error) { return LoadBasemap(LOD50m) }
	if err := g.loadCountries(); err != nil {
		return nil, err
	}
	return g, nil
}

// Load reads the place tables if they are not loaded yet and reports
// whether they could be. Lookup and Resolve load them on first use and,
// should the embedded assets be broken, find nothing; Load tells why.
func (g *Gazetteer) Load() error {
	_, err := g.tables()
	return err
}

func (g *Gazetteer) tables() (*tables, error) {
	g.tablesOnce.Do(func() {
		g.tab, g.tabErr = g.loadTables()
		if g.tabErr != nil {
			g.tabErr = fmt.Errorf("load the gazetteer: %w", g.tabErr)
			g.tab = &tables{keys: map[string]int32{}}
		}
	})
	return g.tab, g.tabErr
}

// Place returns the entry with a stable key ("gn:170654", "ne:SY",
// "a1:NG-BO", "x:crimea"), for example to show a place chosen earlier.
func (g *Gazetteer) Place(key string) (Candidate, bool) {
	t, _ := g.tables()
	i, ok := t.keys[key]
	if !ok {
		return Candidate{}, false
	}
	return t.candidate(i), true
}

// loadCountries reads countries.tsv.gz: ISO2, numeric, ISO3, name, official
// name, capital, lat, lon, other names (|), demonyms (|).
func (g *Gazetteer) loadCountries() error {
	data, err := readAsset("countries.tsv.gz")
	if err != nil {
		return err
	}
	for n, row := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		col := strings.Split(row, "\t")
		if len(col) != 10 {
			return fmt.Errorf("countries.tsv.gz line %d: %d columns, want 10", n+1, len(col))
		}
		lat, err1 := strconv.ParseFloat(col[6], 64)
		lon, err2 := strconv.ParseFloat(col[7], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("countries.tsv.gz line %d: bad coordinates", n+1)
		}
		c := &Country{Code: col[0], Name: col[3], Capital: col[5], Lat: lat, Lon: lon,
			Names: append(append([]string{col[3]}, splitBar(col[8])...), englishNames[col[0]]...), Demonyms: splitBar(col[9])}
		g.countries[c.Code] = c
		g.countries[col[2]] = c // ISO3 too; not a name, since "CAN" or "AND" would match words
		g.countryOrder = append(g.countryOrder, c.Code)
		if f := Fold(c.Capital); f != "" && g.byCapital[f] == nil {
			g.byCapital[f] = c
		}
		for _, name := range c.Names {
			f := Fold(name)
			g.byName[f] = c
			if strings.HasPrefix(f, "the ") {
				g.byName[f[4:]] = c
			}
		}
		for _, d := range c.Demonyms {
			if f := Fold(d); g.byName[f] == nil {
				g.byName[f] = c
			}
		}
	}
	return nil
}

// englishNames are the names English-language news still uses for
// countries whose short name in the data has changed ("Türkiye").
var englishNames = map[string][]string{
	"TR": {"Turkey"},
	"VA": {"Holy See"},
}

func splitBar(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// Lookup returns every entry named name (by main, ASCII or alternate name
// in any script, accents and case ignored), best first: countries, then
// informal regions and disputed areas, then cities, divisions and features
// by population, rank and class. It understands the forms news writes
// around a name: "Borno state", "Salaheddin province", "the X region",
// "Mount X", "X Mountains", "the X Sea", "Gulf of X", "the French Alps",
// "northern X".
func (g *Gazetteer) Lookup(name string) []Candidate {
	t, _ := g.tables()
	scored := g.lookup(name)
	out := make([]Candidate, len(scored))
	for i, s := range scored {
		out[i] = t.candidate(s.i)
	}
	return out
}

type scoredCand struct {
	i     int32
	score float64
}

// exact scores the entries indexed under folded name f, times mult.
func (g *Gazetteer) exact(f string, mult float64, out []scoredCand) []scoredCand {
	for _, p := range g.tab.index.find(f) {
		i, s := int32(p&^altBit), mult*g.score(int32(p&^altBit))
		if p&altBit != 0 {
			s *= altPenalty
		} else if g.tab.ents[i].feature == "PPLC" {
			// A capital by its own name is what the news means, more
			// than a bigger city that once bore that name: Islamabad,
			// not Chattogram (formerly Islamabad).
			s *= capitalByName
		}
		out = addScored(out, i, s)
	}
	return out
}

// addScored adds a candidate, keeping the better score of one entry found
// twice.
func addScored(out []scoredCand, i int32, s float64) []scoredCand {
	for k := range out {
		if out[k].i == i {
			out[k].score = math.Max(out[k].score, s)
			return out
		}
	}
	return append(out, scoredCand{i, s})
}

func (g *Gazetteer) lookup(name string) []scoredCand {
	if _, err := g.tables(); err != nil {
		return nil
	}
	f := Fold(name)
	f = strings.TrimPrefix(f, "the ")
	if f == "" {
		return nil
	}
	out := g.exact(f, 1, nil)
	out = g.forms(f, out)
	sortScored(out)
	return out
}

// sortScored sorts candidates best first, ties by entry order.
func sortScored(out []scoredCand) {
	slices.SortFunc(out, func(a, b scoredCand) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return int(a.i) - int(b.i)
	})
}

// ambiguityRatio is how much the best candidate must outscore the next one
// elsewhere for the choice to count as clear-cut; areaRatio is the same
// when a city wins over a division or feature of its name, which news
// names with a word ("Washington state", "Kano state") when it means it.
const (
	ambiguityRatio = 10
	areaRatio      = 3
)

// contextBoost is how much more likely a place is when its country is the
// i-th most talked-about one. The boosts are moderate so that context
// decides between comparable places (Palmyra, Syria against Palmyra, New
// Jersey) without dragging a world city to a namesake town (Geneva to
// Geneva, Illinois, in an American article).
func contextBoost(i int) float64 {
	switch i {
	case 0:
		return 8
	case 1:
		return 5
	}
	return 3
}

// Dateline weights: the dateline's country makes its places five times as
// likely; its state or province, three times more again.
const (
	datelineBoost       = 5
	datelineAdmin1Boost = 3
)

// dateline is what an article's dateline says about where it was written.
type dateline struct {
	city            string // folded
	country, admin1 string // ISO2 and GeoNames admin1 code, "" if unknown
	explicit        bool   // the dateline named its country or state
}

// parseDateline reads "CITY", "CITY, Country" or "CITY, State".
func (g *Gazetteer) parseDateline(s string, ctx []string) dateline {
	city, qual, _ := strings.Cut(s, ",")
	d := dateline{city: strings.TrimPrefix(Fold(city), "the ")}
	qual = strings.TrimSpace(qual)
	if qual != "" {
		if c, ok := g.CountryByName(qual); ok {
			d.country, d.explicit = c.Code, true
			return d
		}
		// A state or province: the division best placed by the context.
		best, bestScore := int32(-1), 0.0
		for _, p := range g.tab.index.find(strings.TrimPrefix(Fold(qual), "the ")) {
			i := int32(p &^ altBit)
			e := &g.tab.ents[i]
			if e.class != ClassAdmin1 {
				continue
			}
			sc := 1.0
			if p&altBit == 0 {
				sc = 2
			}
			for k, c := range ctx {
				if c == e.country {
					sc *= contextBoost(k)
					break
				}
			}
			if sc > bestScore {
				best, bestScore = i, sc
			}
		}
		if best >= 0 {
			e := &g.tab.ents[best]
			d.country, d.admin1, d.explicit = e.country, e.admin1, true
			return d
		}
	}
	if cands := g.lookup(city); len(cands) > 0 {
		d.country = g.countryOf(cands[0].i)
	}
	return d
}

// countryOf is the country an entry counts for in context: its own, or
// for a disputed area the administering state's.
func (g *Gazetteer) countryOf(i int32) string {
	e := &g.tab.ents[i]
	if e.country == "" && e.ext >= 0 {
		return g.tab.ext[e.ext].admin
	}
	return e.country
}

// Resolve picks the place a name most likely means. Places in the countries
// the article talks about, or in the dateline's country (and state, when
// the dateline names one), are preferred; a dateline that names its
// country or state decides outright for the dateline's own city. The
// result is flagged Ambiguous when another candidate more than 50 km away,
// and not containing or inside the choice, was nearly as likely, unless
// the name alone already made a clear choice that the context confirmed.
func (g *Gazetteer) Resolve(name string, c Context) (model.Place, bool) {
	cands := g.lookup(name)
	if len(cands) == 0 {
		return model.Place{}, false
	}
	t := g.tab
	clear0 := !g.closeCall(cands)
	winner0 := cands[0].i
	boost := map[string]float64{}
	for i, code := range c.Countries {
		if _, ok := boost[code]; !ok {
			boost[code] = contextBoost(i)
		}
	}
	var d dateline
	if c.Dateline != "" {
		d = g.parseDateline(c.Dateline, c.Countries)
		self := d.city == strings.TrimPrefix(Fold(name), "the ")
		if d.country != "" && (!self || d.explicit) {
			boost[d.country] = math.Max(boost[d.country], 1) * datelineBoost
		}
		if self && d.explicit {
			// "PARIS, Texas": the dateline says which Paris.
			var in []scoredCand
			for _, s := range cands {
				e := &t.ents[s.i]
				if e.country == d.country && (d.admin1 == "" || e.admin1 == d.admin1) {
					in = append(in, s)
				}
			}
			if len(in) > 0 {
				cands = in
			}
		}
	}
	for k := range cands {
		e := &t.ents[cands[k].i]
		if e.class == ClassCountry {
			continue
		}
		if b, ok := boost[g.countryOf(cands[k].i)]; ok {
			cands[k].score *= b
		}
		if d.admin1 != "" && e.country == d.country && e.admin1 == d.admin1 {
			cands[k].score *= datelineAdmin1Boost
		}
	}
	sortScored(cands)
	p := placeOf(&t.ents[cands[0].i])
	if p.Country == "" && t.ents[cands[0].i].class == ClassFeature && ownedKinds[t.kindOf(cands[0].i)] {
		// Natural Earth's islands carry no country: the one their label
		// point lies in says whose they are, so that "off Crete" is in
		// Greece. A range, a desert or a sea that spans borders is no
		// one country's.
		p.Country = g.CountryAt(p.Lat, p.Lon)
	}
	if !(clear0 && cands[0].i == winner0) {
		p.Ambiguous = g.closeCall(cands)
	}
	return p, true
}

// ownedKinds are the Natural Earth feature classes that lie within one
// country as a rule: islands. Peaks sit on borders as often as not
// (Everest, K2).
var ownedKinds = map[string]bool{"island": true, "island group": true}

// closeCall reports whether a candidate more than 50 km from the best one,
// and neither containing it nor inside it, scores within ambiguityRatio of
// it; cands are sorted best first.
func (g *Gazetteer) closeCall(cands []scoredCand) bool {
	t := g.tab
	best := &t.ents[cands[0].i]
	for _, o := range cands[1:] {
		if o.score*ambiguityRatio < cands[0].score {
			return false
		}
		oc := &t.ents[o.i]
		if best.class == ClassCity && (oc.class == ClassAdmin1 || oc.class == ClassFeature) && o.score*areaRatio < cands[0].score {
			continue
		}
		if DistanceKm(best.lat, best.lon, oc.lat, oc.lon) <= 50 || g.nested(cands[0].i, o.i) {
			continue
		}
		return true
	}
	return false
}

// nested reports whether one of two entries contains the other: a
// division and a place in it, a region and a member.
func (g *Gazetteer) nested(a, b int32) bool {
	ea, eb := &g.tab.ents[a], &g.tab.ents[b]
	return g.contains(a, eb.country, eb.admin1) || g.contains(b, ea.country, ea.admin1) ||
		g.isMember(a, b) || g.isMember(b, a)
}

// isMember reports whether entry m is one of region r's members.
func (g *Gazetteer) isMember(r, m int32) bool {
	e := &g.tab.ents[r]
	if e.ext < 0 {
		return false
	}
	for _, x := range g.tab.ext[e.ext].members {
		if x == m {
			return true
		}
	}
	return false
}

// contains reports whether entry i (a country, division or region) holds
// places of country cc and GeoNames admin1 code admin1.
func (g *Gazetteer) contains(i int32, cc, admin1 string) bool {
	if cc == "" {
		return false
	}
	e := &g.tab.ents[i]
	switch e.class {
	case ClassCountry:
		return e.country == cc
	case ClassAdmin1:
		return e.country == cc && e.admin1 != "" && e.admin1 == admin1
	case ClassRegion, ClassDisputed:
		if e.ext < 0 {
			return false
		}
		for _, m := range g.tab.ext[e.ext].members {
			if m != i && g.contains(m, cc, admin1) {
				return true
			}
		}
	}
	return false
}

// Contains reports whether the area with key areaKey (a country "ne:SY", a
// division "a1:NG-BO" or an informal region "x:kurdistan") holds places of
// country cc (ISO2) and, for divisions, of GeoNames admin1 code admin1
// (Place.Admin1). Cities and features contain nothing.
func (g *Gazetteer) Contains(areaKey, cc, admin1 string) bool {
	t, _ := g.tables()
	i, ok := t.keys[areaKey]
	return ok && g.contains(i, cc, admin1)
}

// Admin1Name returns the name of the first-level division with GeoNames
// admin1 code code (Place.Admin1) in country cc, "" if the gazetteer has
// none: Admin1Name("NG", "27") is "Borno".
func (g *Gazetteer) Admin1Name(cc, code string) string {
	t, _ := g.tables()
	if i, ok := t.admin1s[cc+"."+code]; ok {
		return t.ents[i].name
	}
	return ""
}

// CountryByName finds a country by its common or official name, another
// spelling or demonym: "Syria", "Syrian", "Russian", "U.S.".
func (g *Gazetteer) CountryByName(s string) (Country, bool) {
	f := Fold(s)
	c := g.byName[f]
	if c == nil && strings.HasPrefix(f, "the ") {
		c = g.byName[f[4:]]
	}
	if c == nil {
		return Country{}, false
	}
	return *c, true
}

// CountryOfCapital finds the country whose capital is named s ("London",
// "Kuala Lumpur"): a story set in a capital is set in its country, whether
// or not it names the country.
func (g *Gazetteer) CountryOfCapital(s string) (Country, bool) {
	c := g.byCapital[Fold(s)]
	if c == nil {
		return Country{}, false
	}
	return *c, true
}

// Country returns the country with ISO 3166-1 alpha-2 (or alpha-3) code code.
func (g *Gazetteer) Country(code string) (Country, bool) {
	c := g.countries[strings.ToUpper(code)]
	if c == nil {
		return Country{}, false
	}
	return *c, true
}

// CountryAt returns the ISO2 code of the country at a point, or "" at sea or
// if the basemap cannot be loaded. It uses the 1:50m borders.
func (g *Gazetteer) CountryAt(lat, lon float64) string {
	b, err := g.basemap()
	if err != nil {
		return ""
	}
	return b.CountryAt(lat, lon)
}

// DistanceKm is the great-circle (haversine) distance in kilometres between
// two points given in degrees, on a sphere of the Earth's mean radius.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// majorCities lists capitals and cities of 100,000 people or more, by
// weighted population, computed once.
func (g *Gazetteer) majorCities() []int32 {
	g.majorOnce.Do(func() {
		if _, err := g.tables(); err != nil {
			return
		}
		for i := range g.tab.ents {
			c := &g.tab.ents[i]
			if c.class == ClassCity && (c.pop >= 100000 || c.feature == "PPLC") {
				g.major = append(g.major, int32(i))
			}
		}
		sort.SliceStable(g.major, func(a, b int) bool { return g.score(g.major[a]) > g.score(g.major[b]) })
	})
	return g.major
}

// majorCandidates returns the candidates majorCities lists, in its order,
// from which the embedded major-cities table is made.
func (g *Gazetteer) majorCandidates() []Candidate {
	idx := g.majorCities()
	out := make([]Candidate, len(idx))
	for k, i := range idx {
		out[k] = g.tab.candidate(i)
	}
	return out
}
