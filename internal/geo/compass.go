package geo

import (
	"math"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// compassVectors point each compass word's way, {east, north}.
var compassVectors = map[string][2]float64{
	"north": {0, 1}, "south": {0, -1}, "east": {1, 0}, "west": {-1, 0},
	"northeast": {0.7071, 0.7071}, "northwest": {-0.7071, 0.7071},
	"southeast": {0.7071, -0.7071}, "southwest": {-0.7071, -0.7071},
	"central": {0, 0},
}

// compassShare is the share of a country's outline, furthest that way,
// whose centre stands for "the north of" it.
const compassShare = 0.3

// CompassDirection folds a compass word as news writes it ("northern",
// "north-eastern", "Northeast") to its key in CompassPoint, or "".
func CompassDirection(word string) string {
	w := strings.ToLower(strings.NewReplacer("-", "", " ", "").Replace(word))
	w = strings.TrimSuffix(w, "ern")
	if w == "centr" || w == "centre" || w == "center" {
		w = "central"
	}
	if _, ok := compassVectors[w]; ok {
		return w
	}
	return ""
}

// CompassPoint is a point for "the north of" a country (dir from
// CompassDirection) inside its largest landmass: the centre of the part of
// its outline furthest that way. It is a better guess at where "northern
// Vietnam", "north-eastern Japan" or "the south of France" is than the
// country's centre, when nothing finer is named. ok is false without an
// outline.
func CompassPoint(code, dir string) (lat, lon float64, ok bool) {
	v, known := compassVectors[dir]
	c := CountryShapeOf(code)
	if !known || c == nil || len(c.Geom) == 0 {
		return 0, 0, false
	}
	main := c.Geom[0]
	for _, p := range c.Geom[1:] {
		if planar.Area(p) > planar.Area(main) {
			main = p
		}
	}
	centre, _ := planar.CentroidArea(main)
	if dir == "central" {
		return centre[1], centre[0], true
	}
	ring := main[0]
	k := math.Cos(centre[1] * math.Pi / 180) // a degree of longitude is shorter
	proj := make([]float64, len(ring))
	for i, p := range ring {
		proj[i] = (p[0]-centre[0])*k*v[0] + (p[1]-centre[1])*v[1]
	}
	sorted := append([]float64(nil), proj...)
	sort.Float64s(sorted)
	cut := sorted[int(float64(len(sorted)-1)*(1-compassShare))]
	var sx, sy float64
	n := 0
	for i, p := range ring {
		if proj[i] >= cut {
			sx += p[0]
			sy += p[1]
			n++
		}
	}
	pt := orb.Point{sx / float64(n), sy / float64(n)}
	// The centre of a curved coast can fall in its bay: walk towards the
	// country's centre until the point is on land.
	for i := 0; i < 10 && !planar.PolygonContains(main, pt); i++ {
		pt = orb.Point{pt[0] + (centre[0]-pt[0])*0.2, pt[1] + (centre[1]-pt[1])*0.2}
	}
	return pt[1], pt[0], true
}
