package geo

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/briefingatlas/atlas/internal/model"
)

// Entry classes, as Candidate.Class spells them.
const (
	ClassCity     = "city"     // a populated place (GeoNames) or a site
	ClassCountry  = "country"  // a country of the world-countries table
	ClassAdmin1   = "admin1"   // a first-level division (Natural Earth admin-1)
	ClassFeature  = "feature"  // a sea, range, mountain, island… (Natural Earth), or a named site
	ClassDisputed = "disputed" // a disputed or breakaway area (Natural Earth), or a region made of them
	ClassRegion   = "region"   // an informal region made of countries and divisions (regions.tsv)
)

// gentry is one gazetteer place as held in memory: Candidate without the
// fields that only areas have, which live in ext.
type gentry struct {
	key, name, country, admin1, feature string
	lat, lon                            float64
	pop                                 int64
	class                               string
	rank                                int16 // Natural Earth scalerank of features and disputed areas (-1 for every row of the project's regions.tsv); min_label×10 of divisions
	ext                                 int32 // index in tables.ext, -1 for none
}

// entryExt holds what only areas have.
type entryExt struct {
	kind, note, admin, wikidata string
	members                     []int32 // regions: countries, divisions and areas they are made of
}

// tables is everything the gazetteer loads on first lookup.
type tables struct {
	ents    []gentry
	ext     []entryExt
	index   nameIndex
	keys    map[string]int32
	admin1s map[string]int32 // "NG.27": country and GeoNames admin1 code → admin-1 entry
}

// loadTables reads the place, admin-1, feature and region assets and
// builds the name index. The two big files (places and their names) are
// read in parallel.
func (g *Gazetteer) loadTables() (*tables, error) {
	var (
		wg        sync.WaitGroup
		names     string
		namesErr  error
		placesRaw string
		placesErr error
	)
	wg.Add(2)
	go func() {
		defer wg.Done()
		b, err := readAsset("placenames.tsv.gz")
		names, namesErr = string(b), err
	}()
	go func() {
		defer wg.Done()
		b, err := readAsset("places.tsv.gz")
		placesRaw, placesErr = string(b), err
	}()
	t := &tables{keys: map[string]int32{}, admin1s: map[string]int32{}}
	wg.Wait()
	if placesErr != nil {
		return nil, placesErr
	}
	if namesErr != nil {
		return nil, namesErr
	}
	nPlaces := strings.Count(placesRaw, "\n")
	t.ents = make([]gentry, 0, nPlaces+10000)
	ps := make([]posting, 0, nPlaces*6)
	// Names are parsed beside the places: they only need the line number.
	var psNames []posting
	wg.Add(1)
	go func() {
		defer wg.Done()
		psNames, namesErr = namePostings(names, 0, make([]posting, 0, nPlaces*5))
	}()
	if err := t.loadPlaces(placesRaw); err != nil {
		return nil, err
	}
	if err := t.loadAdmin1(&ps); err != nil {
		return nil, err
	}
	if err := t.loadFeatures(&ps); err != nil {
		return nil, err
	}
	for _, code := range g.countryOrder {
		c := g.countries[code]
		i := t.add(gentry{key: "ne:" + c.Code, name: c.Name, country: c.Code, lat: c.Lat, lon: c.Lon, feature: "country", class: ClassCountry, ext: -1})
		for _, n := range c.Names {
			ps = addName(ps, Fold(n), i, false)
		}
	}
	if err := t.loadRegions(&ps); err != nil {
		return nil, err
	}
	wg.Wait()
	if namesErr != nil {
		return nil, namesErr
	}
	t.index = buildIndex(append(psNames, ps...))
	return t, nil
}

// addName adds a posting for a folded name.
func addName(ps []posting, folded string, i int32, alt bool) []posting {
	if folded == "" {
		return ps
	}
	p := uint32(i)
	if alt {
		p |= altBit
	}
	return append(ps, posting{hashName(folded), p})
}

// addKeys adds the postings of a keys column: folded names, |-separated.
func addKeys(ps []posting, col string, i int32, alt bool) []posting {
	for col != "" {
		k := col
		if p := strings.IndexByte(col, '|'); p >= 0 {
			k, col = col[:p], col[p+1:]
		} else {
			col = ""
		}
		ps = addName(ps, k, i, alt)
	}
	return ps
}

// namePostings reads placenames.tsv.gz: for the place on line n (from
// first), main keys, a tab, alternate keys.
func namePostings(text string, first int32, ps []posting) ([]posting, error) {
	for i := first; text != ""; i++ {
		row := text
		if nl := strings.IndexByte(text, '\n'); nl >= 0 {
			row, text = text[:nl], text[nl+1:]
		} else {
			text = ""
		}
		main, alt, ok := strings.Cut(row, "\t")
		if !ok {
			return nil, fmt.Errorf("placenames.tsv.gz line %d: no tab", i+1)
		}
		ps = addKeys(ps, main, i, false)
		ps = addKeys(ps, alt, i, true)
	}
	return ps, nil
}

// eachRow calls f with the tab-separated columns of each line of text,
// which must have n columns.
func eachRow(asset, text string, n int, f func(line int, col []string) error) error {
	col := make([]string, n)
	for line := 1; text != ""; line++ {
		row := text
		if nl := strings.IndexByte(text, '\n'); nl >= 0 {
			row, text = text[:nl], text[nl+1:]
		} else {
			text = ""
		}
		k := 0
		for k < n-1 {
			t := strings.IndexByte(row, '\t')
			if t < 0 {
				break
			}
			col[k], row = row[:t], row[t+1:]
			k++
		}
		col[k] = row
		if k != n-1 || strings.IndexByte(row, '\t') >= 0 {
			return fmt.Errorf("%s line %d: want %d columns", asset, line, n)
		}
		if err := f(line, col); err != nil {
			return err
		}
	}
	return nil
}

func parseLatLon(asset string, line int, lat, lon string) (float64, float64, error) {
	la, err1 := strconv.ParseFloat(lat, 64)
	lo, err2 := strconv.ParseFloat(lon, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("%s line %d: bad coordinates %q %q", asset, line, lat, lon)
	}
	return la, lo, nil
}

// add appends an entry and registers its key.
func (t *tables) add(e gentry) int32 {
	i := int32(len(t.ents))
	t.ents = append(t.ents, e)
	t.keys[e.key] = i
	return i
}

// loadPlaces reads places.tsv.gz: key, name, lat, lon, feature code,
// country, admin1 code, population (empty when unknown).
func (t *tables) loadPlaces(text string) error {
	return eachRow("places.tsv.gz", text, 8, func(line int, c []string) error {
		lat, lon, err := parseLatLon("places.tsv.gz", line, c[2], c[3])
		if err != nil {
			return err
		}
		pop, _ := strconv.ParseInt(c[7], 10, 64) // empty means unknown
		t.add(gentry{key: c[0], name: c[1], lat: lat, lon: lon, feature: c[4], country: c[5], admin1: c[6],
			pop: pop, class: ClassCity, ext: -1})
		return nil
	})
}

// loadAdmin1 reads admin1.tsv.gz: key, name, country, GeoNames admin1
// code, type, lat, lon, GeoNames id, Wikidata id, Natural Earth min_label,
// main keys, alternate keys.
func (t *tables) loadAdmin1(ps *[]posting) error {
	data, err := readAsset("admin1.tsv.gz")
	if err != nil {
		return err
	}
	return eachRow("admin1.tsv.gz", string(data), 12, func(line int, c []string) error {
		lat, lon, err := parseLatLon("admin1.tsv.gz", line, c[5], c[6])
		if err != nil {
			return err
		}
		minLabel, err := strconv.ParseFloat(c[9], 64)
		if err != nil {
			return fmt.Errorf("admin1.tsv.gz line %d: bad min_label %q", line, c[9])
		}
		t.ext = append(t.ext, entryExt{kind: c[4], wikidata: c[8]})
		i := t.add(gentry{key: c[0], name: c[1], country: c[2], admin1: c[3], lat: lat, lon: lon,
			feature: "ADM1", class: ClassAdmin1, rank: int16(math.Round(minLabel * 10)), ext: int32(len(t.ext) - 1)})
		if c[3] != "" {
			if _, dup := t.admin1s[c[2]+"."+c[3]]; !dup {
				t.admin1s[c[2]+"."+c[3]] = i
			}
		}
		*ps = addKeys(*ps, c[10], i, false)
		*ps = addKeys(*ps, c[11], i, true)
		return nil
	})
}

// loadFeatures reads features.tsv.gz: key, name, class (feature or
// disputed), Natural Earth class, lat, lon, scalerank, administering
// country, status note, Wikidata id, main keys, alternate keys.
func (t *tables) loadFeatures(ps *[]posting) error {
	data, err := readAsset("features.tsv.gz")
	if err != nil {
		return err
	}
	return eachRow("features.tsv.gz", string(data), 12, func(line int, c []string) error {
		lat, lon, err := parseLatLon("features.tsv.gz", line, c[4], c[5])
		if err != nil {
			return err
		}
		rank, _ := strconv.Atoi(c[6])
		t.ext = append(t.ext, entryExt{kind: c[3], admin: c[7], note: c[8], wikidata: c[9]})
		feature := "feature"
		if c[2] == ClassDisputed {
			feature = "disputed"
		}
		i := t.add(gentry{key: c[0], name: c[1], lat: lat, lon: lon, feature: feature, class: c[2],
			rank: int16(rank), ext: int32(len(t.ext) - 1)})
		*ps = addKeys(*ps, c[10], i, false)
		*ps = addKeys(*ps, c[11], i, true)
		return nil
	})
}

// candidate turns entry i into the Candidate that Lookup returns.
func (t *tables) candidate(i int32) Candidate {
	e := &t.ents[i]
	c := Candidate{Class: e.class, Place: placeOf(e)}
	if e.ext >= 0 {
		x := &t.ext[e.ext]
		c.Kind, c.Note, c.Administered, c.Wikidata = x.kind, x.note, x.admin, x.wikidata
	}
	return c
}

func placeOf(e *gentry) model.Place {
	return model.Place{Key: e.key, Name: e.name, Country: e.country, Admin1: e.admin1, Lat: e.lat, Lon: e.lon,
		Feature: e.feature, Population: e.pop}
}
