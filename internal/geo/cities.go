package geo

import (
	"bytes"
	"compress/gzip"
	_ "embed" // the major-cities table
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/briefingatlas/atlas/internal/model"
)

// majorCitiesTSV is the gazetteer's capitals and cities of 100,000 people
// or more, most important first, as the gazetteer ranks them: key, name,
// country, admin1, lat, lon, feature, population. It is derived from the
// embedded places asset and the hand-made regions table;
// TestMajorCitiesTable checks that it is current and regenerates it with
// -update.
//
//go:embed majorcities.tsv.gz
var majorCitiesTSV []byte

// CityTable is the small table of major cities the map names for context.
// Loading it costs a few milliseconds and a few hundred kilobytes, where
// the full gazetteer costs a second of CPU and 80 MB; the map needs no
// more. It is read-only and safe for concurrent use.
type CityTable struct {
	cities []Candidate
	mx, my []float64 // unit Web Mercator of cities[i], so that views need no projection
}

var (
	majorOnce  sync.Once
	majorTable *CityTable
	majorErr   error
)

// MajorCities returns the table of major cities, loading it on first use.
func MajorCities() (*CityTable, error) {
	majorOnce.Do(func() {
		majorTable, majorErr = loadCityTable(majorCitiesTSV)
	})
	return majorTable, majorErr
}

func loadCityTable(gz []byte) (*CityTable, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("major cities: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("major cities: %w", err)
	}
	rows := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	t := &CityTable{cities: make([]Candidate, 0, len(rows)), mx: make([]float64, 0, len(rows)), my: make([]float64, 0, len(rows))}
	for n, row := range rows {
		col := strings.Split(row, "\t")
		if len(col) != 8 {
			return nil, fmt.Errorf("major cities line %d: %d columns, want 8", n+1, len(col))
		}
		lat, err1 := strconv.ParseFloat(col[4], 64)
		lon, err2 := strconv.ParseFloat(col[5], 64)
		pop, err3 := strconv.ParseInt(col[7], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("major cities line %d: bad number in %q", n+1, row)
		}
		t.add(Candidate{Class: "city", Place: model.Place{Key: col[0], Name: col[1], Country: col[2], Admin1: col[3],
			Lat: lat, Lon: lon, Feature: col[6], Population: pop}})
	}
	return t, nil
}

func (t *CityTable) add(c Candidate) {
	x, y := mercator(c.Lon, c.Lat)
	t.cities = append(t.cities, c)
	t.mx, t.my = append(t.mx, x), append(t.my, y)
}

// Len returns the number of cities in the table.
func (t *CityTable) Len() int { return len(t.cities) }

// formatCityTable writes cities in the embedded table's format.
func formatCityTable(cities []Candidate) []byte {
	var b bytes.Buffer
	for _, c := range cities {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", c.Key, c.Name, c.Country, c.Admin1,
			strconv.FormatFloat(c.Lat, 'g', -1, 64), strconv.FormatFloat(c.Lon, 'g', -1, 64), c.Feature, c.Population)
	}
	return b.Bytes()
}

// ContextCities returns up to max cities inside the view, most important
// first: capitals and large cities that help a reader find their way. The
// population threshold falls as the view zooms in.
func (t *CityTable) ContextCities(v View, max int) []Candidate {
	minPop := int64(5_000_000)
	switch {
	case v.Zoom >= 7:
		minPop = 100_000
	case v.Zoom >= 5.5:
		minPop = 300_000
	case v.Zoom >= 4:
		minPop = 700_000
	case v.Zoom >= 3:
		minPop = 2_000_000
	}
	cx, cy := mercator(v.Center[0], v.Center[1])
	s := v.worldSize()
	var out []Candidate
	for i := range t.cities {
		c := &t.cities[i]
		if c.Population < minPop && !(c.Feature == "PPLC" && c.Population >= minPop/4) {
			continue
		}
		// View.Contains with margin 0, from the stored projection.
		x, y := (t.mx[i]-cx)*s+v.Width/2, (t.my[i]-cy)*s+v.Height/2
		if x < 0 || y < 0 || x > v.Width || y > v.Height {
			continue
		}
		near := false
		for _, o := range out {
			if DistanceKm(o.Lat, o.Lon, c.Lat, c.Lon) < 40 {
				near = true // "City of London" beside London
				break
			}
		}
		if near {
			continue
		}
		out = append(out, *c)
		if len(out) >= max {
			break
		}
	}
	return out
}
