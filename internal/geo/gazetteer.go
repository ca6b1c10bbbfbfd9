package geo

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
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
	Class string // city, country, region or feature
}

// Context helps Resolve choose between places that share a name.
type Context struct {
	Countries []string // ISO2 codes, most talked-about first
	Dateline  string   // place named in the article's dateline, "" if none
}

// Country is one country of the world-countries table.
type Country struct {
	Code, Name, Capital string
	Lat, Lon            float64
	Names, Demonyms     []string
}

// Gazetteer finds places by name. It is read-only after loading and safe
// for concurrent use.
type Gazetteer struct {
	cands     []Candidate
	index     map[string][]int32 // folded name → candidate indexes
	altIndex  map[string][]int32 // folded alternate name → candidate indexes
	countries map[string]*Country
	byName    map[string]*Country // folded names and demonyms
	basemap   func() (*Basemap, error)

	keysOnce sync.Once
	keys     map[string]int32

	majorOnce sync.Once
	major     []int32 // cities worth showing as context, most important first
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// DefaultGazetteer returns the gazetteer built from the embedded assets,
// loading it on first use only.
func DefaultGazetteer() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = loadGazetteer()
	})
	return defaultGaz, defaultErr
}

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

// Base scores keep countries and hand-made regions above any city of the
// same name ("Jordan", "Crimea"); cities rank by weighted population.
const (
	countryScore = 1e11
	regionScore  = 1e10
	altPenalty   = 0.8 // an alternate name is slightly weaker evidence than the main one
)

func (g *Gazetteer) score(i int32) float64 {
	c := &g.cands[i]
	switch c.Class {
	case "country":
		return countryScore
	case "region", "feature":
		return regionScore
	}
	// Cities, including the hand-made table's.
	return (float64(c.Population) + 1) * featureWeight(c.Feature)
}

func loadGazetteer() (*Gazetteer, error) {
	g := &Gazetteer{
		index:     make(map[string][]int32, 180000),
		altIndex:  make(map[string][]int32, 300000),
		countries: map[string]*Country{},
		byName:    map[string]*Country{},
	}
	g.basemap = func() (*Basemap, error) { return LoadBasemap(LOD50m) }
	if err := g.loadPlaces(); err != nil {
		return nil, err
	}
	if err := g.loadCountries(); err != nil {
		return nil, err
	}
	for _, r := range regions {
		feature := r.class
		if r.class == "city" {
			feature = "PPL"
		}
		i := g.add(Candidate{Class: r.class, Place: model.Place{Key: r.key, Name: r.name, Country: r.country,
			Lat: r.lat, Lon: r.lon, Feature: feature, Population: r.pop}})
		for _, n := range r.names {
			g.addName(g.index, n, i)
		}
	}
	for name, key := range aliases {
		i, ok := g.keyIndex(key)
		if !ok {
			return nil, fmt.Errorf("gazetteer alias %q: no place %s", name, key)
		}
		g.addName(g.index, name, i)
	}
	return g, nil
}

// keyIndex finds a candidate by its stable key.
func (g *Gazetteer) keyIndex(key string) (int32, bool) {
	g.keysOnce.Do(func() {
		g.keys = make(map[string]int32, len(g.cands))
		for i := range g.cands {
			g.keys[g.cands[i].Key] = int32(i)
		}
	})
	i, ok := g.keys[key]
	return i, ok
}

// Place returns the entry with a stable key ("gn:170654", "ne:SY",
// "x:crimea"), for example to show a place chosen earlier.
func (g *Gazetteer) Place(key string) (Candidate, bool) {
	i, ok := g.keyIndex(key)
	if !ok {
		return Candidate{}, false
	}
	return g.cands[i], true
}

func (g *Gazetteer) add(c Candidate) int32 {
	i := int32(len(g.cands))
	g.cands = append(g.cands, c)
	g.addName(g.index, c.Name, i)
	return i
}

func (g *Gazetteer) addName(m map[string][]int32, name string, i int32) {
	f := Fold(name)
	if f == "" {
		return
	}
	for _, j := range m[f] {
		if j == i {
			return
		}
	}
	m[f] = append(m[f], i)
}

// loadPlaces reads places.tsv.gz: id, name, ASCII name, alternates (|),
// lat, lon, feature code, country, admin1, population.
func (g *Gazetteer) loadPlaces() error {
	data, err := readAsset("places.tsv.gz")
	if err != nil {
		return err
	}
	text := string(data)
	g.cands = make([]Candidate, 0, 140000)
	var col [10]string
	for line := 0; len(text) > 0; line++ {
		nl := strings.IndexByte(text, '\n')
		row := text
		if nl >= 0 {
			row, text = text[:nl], text[nl+1:]
		} else {
			text = ""
		}
		n := 0
		for n < 9 {
			t := strings.IndexByte(row, '\t')
			if t < 0 {
				break
			}
			col[n], row = row[:t], row[t+1:]
			n++
		}
		col[n] = row
		if n != 9 {
			return fmt.Errorf("places.tsv.gz line %d: %d columns, want 10", line+1, n+1)
		}
		lat, err1 := strconv.ParseFloat(col[4], 64)
		lon, err2 := strconv.ParseFloat(col[5], 64)
		pop, _ := strconv.ParseInt(col[9], 10, 64) // empty means unknown
		if err1 != nil || err2 != nil {
			return fmt.Errorf("places.tsv.gz line %d: bad coordinates %q %q", line+1, col[4], col[5])
		}
		i := g.add(Candidate{Class: "city", Place: model.Place{Key: "gn:" + col[0], Name: displayName(col[1], col[2]),
			Country: col[7], Admin1: col[8], Lat: lat, Lon: lon, Feature: col[6], Population: pop}})
		g.addName(g.index, col[1], i)
		if col[2] != "" {
			g.addName(g.index, col[2], i)
		}
		for alts := col[3]; alts != ""; {
			a := alts
			if p := strings.IndexByte(alts, '|'); p >= 0 {
				a, alts = alts[:p], alts[p+1:]
			} else {
				alts = ""
			}
			g.addName(g.altIndex, a, i)
		}
	}
	return nil
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
		i := g.add(Candidate{Class: "country", Place: model.Place{Key: "ne:" + c.Code, Name: c.Name,
			Country: c.Code, Lat: lat, Lon: lon, Feature: "country"}})
		for _, name := range c.Names {
			g.addName(g.index, name, i)
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

// Lookup returns every entry named name (by main, ASCII or alternate name,
// accents and case ignored), best first: countries, then regions, then
// cities by population weighted by administrative rank.
func (g *Gazetteer) Lookup(name string) []Candidate {
	scored := g.lookup(name)
	out := make([]Candidate, len(scored))
	for i, s := range scored {
		out[i] = g.cands[s.i]
	}
	return out
}

type scoredCand struct {
	i     int32
	score float64
}

func (g *Gazetteer) lookup(name string) []scoredCand {
	f := Fold(name)
	if f == "" {
		return nil
	}
	var out []scoredCand
	seen := map[int32]bool{}
	for _, i := range g.index[f] {
		seen[i] = true
		out = append(out, scoredCand{i, g.score(i)})
	}
	for _, i := range g.altIndex[f] {
		if !seen[i] {
			out = append(out, scoredCand{i, g.score(i) * altPenalty})
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].score != out[b].score {
			return out[a].score > out[b].score
		}
		return out[a].i < out[b].i
	})
	return out
}

// ambiguityRatio is how much the best candidate must outscore the next one
// elsewhere for the choice to count as clear-cut.
const ambiguityRatio = 10

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

// Resolve picks the place a name most likely means. Places in the countries
// the article talks about, or in the dateline's country, are preferred. The
// result is flagged Ambiguous when another candidate more than 50 km away
// was nearly as likely, unless the name alone already made a clear choice
// that the context confirmed.
func (g *Gazetteer) Resolve(name string, c Context) (model.Place, bool) {
	cands := g.lookup(name)
	if len(cands) == 0 {
		return model.Place{}, false
	}
	clear0 := !g.closeCall(cands)
	winner0 := cands[0].i
	boost := map[string]float64{}
	for i, code := range c.Countries {
		if _, ok := boost[code]; !ok {
			boost[code] = contextBoost(i)
		}
	}
	if c.Dateline != "" && Fold(c.Dateline) != Fold(name) {
		if d := g.lookup(c.Dateline); len(d) > 0 {
			if cc := g.cands[d[0].i].Country; cc != "" {
				boost[cc] = math.Max(boost[cc], 1) * 5
			}
		}
	}
	for k := range cands {
		if b, ok := boost[g.cands[cands[k].i].Country]; ok && g.cands[cands[k].i].Class != "country" {
			cands[k].score *= b
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	p := g.cands[cands[0].i].Place
	if !(clear0 && cands[0].i == winner0) {
		p.Ambiguous = g.closeCall(cands)
	}
	return p, true
}

// closeCall reports whether a candidate more than 50 km from the best one
// scores within ambiguityRatio of it; cands are sorted best first.
func (g *Gazetteer) closeCall(cands []scoredCand) bool {
	best := g.cands[cands[0].i]
	for _, o := range cands[1:] {
		if o.score*ambiguityRatio < cands[0].score {
			return false
		}
		oc := g.cands[o.i]
		if DistanceKm(best.Lat, best.Lon, oc.Lat, oc.Lon) > 50 {
			return true
		}
	}
	return false
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
		for i := range g.cands {
			c := &g.cands[i]
			if c.Class == "city" && (c.Population >= 100000 || c.Feature == "PPLC") {
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
		out[k] = g.cands[i]
	}
	return out
}

// displayName prefers the ASCII name when GeoNames spells a place with
// transliteration marks ("Tehrān", "Al Başrah", "İzmir") that English text
// never uses, and keeps the native spelling otherwise ("Genève", "Zürich").
func displayName(name, ascii string) string {
	if ascii == "" || !strings.ContainsAny(name, translitMarks) {
		return name
	}
	return ascii
}

// translitMarks are letters of romanisation schemes for Arabic, Persian,
// Turkish, Sanskrit and others, as opposed to the accents of Latin-script
// languages.
const translitMarks = "āēīōūĀĒĪŌŪḩḨḑḐţŢşŞṣṢḍḌṭṬẓẒḥḤİıʿʾ‘’ġĠẖ"
