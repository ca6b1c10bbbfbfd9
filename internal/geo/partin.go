package geo

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/paulmach/orb"
)

// partInland is how far inside its border a country's part of a feature
// is put when no division is named after the feature: far enough to be
// on the country's side, near enough to stay in the feature.
const partInland = 40.0 // km

// PartIn returns a country's part of a feature that spans several
// countries: "the French Alps", "the Swiss Alps", "the Turkish Aegean".
// Natural Earth gives a range one label point, which may lie hundreds of
// kilometres from the country's side of it. The part is placed at the
// country's divisions named after the feature (Hautes-Alpes,
// Alpes-Maritimes…), else just inside the country's border where it is
// nearest the feature's point, else at the feature's point when that lies
// in the country already. ok is false for places that are not features or
// countries the gazetteer does not know.
func (g *Gazetteer) PartIn(p model.Place, cc string) (model.Place, bool) {
	t, err := g.tables()
	if err != nil || cc == "" {
		return p, false
	}
	i, ok := t.keys[p.Key]
	if !ok || t.ents[i].class != ClassFeature {
		return p, false
	}
	c, ok := g.Country(cc)
	if !ok {
		return p, false
	}
	part := p
	part.Key = p.Key + "@" + c.Code
	part.Country = c.Code
	part.Name = partName(c, p.Name)
	if CountryContains(c.Code, p.Lat, p.Lon) {
		return part, true
	}
	if lat, lon, n := g.namesakeDivisions(i, c.Code); n > 0 {
		part.Lat, part.Lon = lat, lon
		return part, true
	}
	if lat, lon, ok := insideNearest(c, p.Lat, p.Lon); ok {
		part.Lat, part.Lon = lat, lon
		return part, true
	}
	return p, false
}

// partName is "French Alps": the country's first demonym before the
// feature's name, or the country's name after it.
func partName(c Country, name string) string {
	name = titleWords(name)
	if len(c.Demonyms) > 0 && c.Demonyms[0] != "" {
		return c.Demonyms[0] + " " + name
	}
	return name + " (" + c.Name + ")"
}

// titleWords turns Natural Earth's upper-case labels ("ALPS") into the
// form prose writes.
func titleWords(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	w := strings.Fields(strings.ToLower(s))
	for k := range w {
		r, n := utf8.DecodeRuneInString(w[k])
		w[k] = string(unicode.ToUpper(r)) + w[k][n:]
	}
	return strings.Join(w, " ")
}

// namesakeDivisions averages the points of country cc's first-level
// divisions with a word of their name that names feature i in some
// language ("Hautes-Alpes" is of the Alps through the French "Alpes").
func (g *Gazetteer) namesakeDivisions(i int32, cc string) (lat, lon float64, n int) {
	t := g.tab
	var in []int32
	for key, a := range t.admin1s {
		if !strings.HasPrefix(key, cc+".") {
			continue
		}
		for _, w := range strings.Fields(Fold(t.ents[a].name)) {
			if len(w) >= 4 && t.index.holds(w, i) {
				in = append(in, a)
				break
			}
		}
	}
	// Summed in one order: a map's order would change the last digits of
	// the point from one run to the next.
	slices.Sort(in)
	for _, a := range in {
		lat += t.ents[a].lat
		lon += t.ents[a].lon
		n++
	}
	if n > 0 {
		lat, lon = lat/float64(n), lon/float64(n)
	}
	return lat, lon, n
}

// insideNearest is the point partInland km inside the country's border
// from the border point nearest lat, lon.
func insideNearest(c Country, lat, lon float64) (float64, float64, bool) {
	s := CountryShapeOf(c.Code)
	if s == nil {
		return 0, 0, false
	}
	best, bestD := orb.Point{}, math.Inf(1)
	for _, poly := range s.Geom {
		for _, pt := range poly[0] {
			if d := DistanceKm(lat, lon, pt[1], pt[0]); d < bestD {
				best, bestD = pt, d
			}
		}
	}
	if math.IsInf(bestD, 1) {
		return 0, 0, false
	}
	// Step towards the country's own point until partInland km in, or
	// halfway there for a small country.
	toCentre := DistanceKm(best[1], best[0], c.Lat, c.Lon)
	f := math.Min(0.5, partInland/math.Max(toCentre, 1))
	return best[1] + (c.Lat-best[1])*f, best[0] + (c.Lon-best[0])*f, true
}
