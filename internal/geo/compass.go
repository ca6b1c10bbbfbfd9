package geo

import (
	"math"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
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

// Offset is the point km kilometres from (lat, lon) the way compass word dir
// (from CompassDirection) points: "100 miles north of Islamabad". ok is
// false for "central" or an unknown word.
func Offset(lat, lon float64, dir string, km float64) (float64, float64, bool) {
	v, known := compassVectors[dir]
	if !known || v == [2]float64{} || km <= 0 {
		return 0, 0, false
	}
	bearing := math.Atan2(v[0], v[1]) * 180 / math.Pi
	p := orbgeo.PointAtBearingAndDistance(orb.Point{lon, lat}, bearing, km*1000)
	return p.Lat(), p.Lon(), true
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
	parts := mainLand(c.Geom)
	var centre orb.Point
	var total float64
	for _, p := range parts {
		cp, a := planar.CentroidArea(p)
		centre = orb.Point{centre[0] + cp[0]*a, centre[1] + cp[1]*a}
		total += a
	}
	centre = orb.Point{centre[0] / total, centre[1] / total}
	if dir == "central" && len(parts) == 1 {
		return centre[1], centre[0], true
	}
	var ring []orb.Point
	for _, p := range parts {
		ring = append(ring, p[0]...)
	}
	k := math.Cos(centre[1] * math.Pi / 180) // a degree of longitude is shorter
	proj := make([]float64, len(ring))
	for i, p := range ring {
		proj[i] = (p[0]-centre[0])*k*v[0] + (p[1]-centre[1])*v[1]
	}
	sorted := append([]float64(nil), proj...)
	sort.Float64s(sorted)
	cut := sorted[int(float64(len(sorted)-1)*(1-compassShare))]
	if dir == "central" {
		// The middle of an archipelago is often sea: the land nearest
		// its centre stands for it.
		cut = math.Inf(-1)
	}
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
	// The centre of a curved coast, or of a spread of islands, can fall in
	// the sea: walk towards the country's centre until the point is on
	// land, else take the nearest land.
	for i := 0; i < 10 && !onLand(parts, pt); i++ {
		pt = orb.Point{pt[0] + (centre[0]-pt[0])*0.2, pt[1] + (centre[1]-pt[1])*0.2}
	}
	if !onLand(parts, pt) {
		pt = nearestVertex(ring, pt)
	}
	return pt[1], pt[0], true
}

// archipelagoShare: a country whose largest landmass is less than this
// share of its land is an archipelago (the Philippines, Indonesia), whose
// parts are told of across its main islands, not on the largest alone.
const archipelagoShare = 0.5

// mainLand is the landmasses "the north of" a country is looked for on:
// its largest, or for an archipelago every island of at least a
// twentieth of the largest's area.
func mainLand(mp orb.MultiPolygon) []orb.Polygon {
	main, total := mp[0], 0.0
	for _, p := range mp {
		total += planar.Area(p)
		if planar.Area(p) > planar.Area(main) {
			main = p
		}
	}
	if planar.Area(main) >= archipelagoShare*total {
		return []orb.Polygon{main}
	}
	var out []orb.Polygon
	for _, p := range mp {
		if planar.Area(p) >= 0.05*planar.Area(main) {
			out = append(out, p)
		}
	}
	return out
}

func onLand(parts []orb.Polygon, pt orb.Point) bool {
	for _, p := range parts {
		if planar.PolygonContains(p, pt) {
			return true
		}
	}
	return false
}

// nearestVertex is the point of ring nearest pt, a little inland being
// beyond what a vertex list can tell.
func nearestVertex(ring []orb.Point, pt orb.Point) orb.Point {
	best, bestD := ring[0], math.Inf(1)
	for _, p := range ring {
		if d := DistanceKm(pt[1], pt[0], p[1], p[0]); d < bestD {
			best, bestD = p, d
		}
	}
	return best
}
