package geo

import (
	"fmt"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// LOD is a Natural Earth scale: the coarser, the faster to draw.
type LOD int

// The scales embedded in the app.
const (
	LOD110m LOD = iota // world views
	LOD50m             // regional views
	LOD10m             // country and city views
)

// String returns the Natural Earth name of the scale.
func (l LOD) String() string {
	switch l {
	case LOD110m:
		return "110m"
	case LOD50m:
		return "50m"
	case LOD10m:
		return "10m"
	}
	return fmt.Sprintf("LOD(%d)", int(l))
}

// CountryShape is one country's outline in degrees.
type CountryShape struct {
	Code  string // ISO2; empty for the few shapes without one
	Name  string // Natural Earth short name ("Bosnia and Herz.")
	Geom  orb.MultiPolygon
	Bound orb.Bound
}

// Basemap is the world at one scale, in degrees (lon, lat).
type Basemap struct {
	LOD       LOD
	Land      orb.MultiPolygon    // all land, for the fill
	Countries []CountryShape      // for country lookup and labels
	Borders   orb.MultiLineString // land borders between countries
	Coasts    orb.MultiLineString // coastlines
}

var basemaps [3]struct {
	once sync.Once
	b    *Basemap
	err  error
}

// LoadBasemap decodes the embedded basemap at one scale on first use and
// returns the same value afterwards; callers must not modify it.
func LoadBasemap(l LOD) (*Basemap, error) {
	if l < LOD110m || l > LOD10m {
		return nil, fmt.Errorf("load basemap: unknown scale %d", int(l))
	}
	s := &basemaps[l]
	s.once.Do(func() {
		s.b, s.err = loadBasemap(l)
	})
	return s.b, s.err
}

func loadBasemap(l LOD) (*Basemap, error) {
	data, err := readAsset("countries-" + l.String() + ".json.gz")
	if err != nil {
		return nil, err
	}
	t, err := DecodeTopology(data)
	if err != nil {
		return nil, fmt.Errorf("basemap %s: %w", l, err)
	}
	return NewBasemap(l, t)
}

// NewBasemap builds a basemap from a world-atlas topology with "countries"
// and "land" objects.
func NewBasemap(l LOD, t *Topology) (*Basemap, error) {
	if len(t.Objects["countries"]) == 0 || len(t.Objects["land"]) == 0 {
		return nil, fmt.Errorf("basemap %s: topology lacks countries or land", l)
	}
	b := &Basemap{LOD: l}
	for _, g := range t.Objects["land"] {
		b.Land = append(b.Land, fixPolygons(t.MultiPolygon(g))...)
	}
	for _, g := range t.Objects["countries"] {
		mp := fixPolygons(t.MultiPolygon(g))
		b.Countries = append(b.Countries, CountryShape{Code: g.ID, Name: g.Name, Geom: mp, Bound: mp.Bound()})
	}
	b.Borders = splitLines(t.Mesh("countries", func(n int) bool { return n >= 2 }))
	b.Coasts = splitLines(t.Mesh("land", func(n int) bool { return n >= 1 }))
	return b, nil
}

// contains reports whether the outline holds p (lon, lat), testing the
// bound first since most countries are far from any one point.
func (c *CountryShape) contains(p orb.Point) bool {
	return c.Bound.Contains(p) && planar.MultiPolygonContains(c.Geom, p)
}

// CountryAt returns the ISO2 code of the country containing the point, or
// "" at sea.
func (b *Basemap) CountryAt(lat, lon float64) string {
	p := orb.Point{lon, lat}
	for i := range b.Countries {
		if c := &b.Countries[i]; c.contains(p) {
			return c.Code
		}
	}
	return ""
}
