package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Natural Earth cuts shapes at the antimeridian, and world-atlas keeps such
// a shape as one ring that jumps from 180° to -180°. Drawn flat, each jump
// becomes a stripe across the whole map, so rings and lines are repaired
// once at load time.

// fixRing returns planar rings equivalent to r. A ring that jumps an even
// number of times (Chukotka, Fiji) is unwrapped into one continuous ring
// past ±180° plus a copy shifted by 360° so that both sides of the map show
// it; a ring that jumps an odd number of times encloses a pole (Antarctica)
// and gets a detour along the map's edge instead.
func fixRing(r orb.Ring) []orb.Ring {
	jumps := 0
	for i := 1; i < len(r); i++ {
		if math.Abs(r[i][0]-r[i-1][0]) > 180 {
			jumps++
		}
	}
	if jumps == 0 {
		return []orb.Ring{r}
	}
	if jumps%2 == 1 {
		out := make(orb.Ring, 0, len(r)+4)
		out = append(out, r[0])
		for i := 1; i < len(r); i++ {
			a, b := r[i-1], r[i]
			if math.Abs(b[0]-a[0]) > 180 {
				pole := -90.0
				if a[1]+b[1] > 0 {
					pole = 90
				}
				ea, eb := math.Copysign(180, a[0]), math.Copysign(180, b[0])
				out = append(out, orb.Point{ea, a[1]}, orb.Point{ea, pole}, orb.Point{eb, pole}, orb.Point{eb, b[1]})
			}
			out = append(out, b)
		}
		return []orb.Ring{out}
	}
	out := make(orb.Ring, len(r))
	shift := 0.0
	out[0] = r[0]
	minLon, maxLon := r[0][0], r[0][0]
	for i := 1; i < len(r); i++ {
		if d := r[i][0] - r[i-1][0]; d > 180 {
			shift -= 360
		} else if d < -180 {
			shift += 360
		}
		out[i] = orb.Point{r[i][0] + shift, r[i][1]}
		minLon, maxLon = math.Min(minLon, out[i][0]), math.Max(maxLon, out[i][0])
	}
	offset := 0.0
	switch {
	case maxLon > 180:
		offset = -360
	case minLon < -180:
		offset = 360
	default:
		return []orb.Ring{out}
	}
	copied := make(orb.Ring, len(out))
	for i, p := range out {
		copied[i] = orb.Point{p[0] + offset, p[1]}
	}
	return []orb.Ring{out, copied}
}

// fixPolygons applies fixRing to every ring; an outer ring that splits in
// two takes its holes along to the first copy only, which is enough for the
// few small shapes concerned.
func fixPolygons(mp orb.MultiPolygon) orb.MultiPolygon {
	var out orb.MultiPolygon
	for _, poly := range mp {
		if len(poly) == 0 {
			continue
		}
		outer := fixRing(poly[0])
		first := orb.Polygon{outer[0]}
		for _, hole := range poly[1:] {
			first = append(first, fixRing(hole)[0])
		}
		out = append(out, first)
		for _, r := range outer[1:] {
			out = append(out, orb.Polygon{r})
		}
	}
	return out
}

// onCut reports whether a segment runs along the antimeridian cut, which is
// an artefact of the data, not a coast.
func onCut(a, b orb.Point) bool {
	return math.Abs(a[0]) > 179.99 && math.Abs(b[0]) > 179.99
}

// splitLines cuts lines where they jump across the antimeridian and drops
// their stretches along the cut.
func splitLines(mls orb.MultiLineString) orb.MultiLineString {
	var out orb.MultiLineString
	for _, ls := range mls {
		start := 0
		for i := 1; i < len(ls); i++ {
			if math.Abs(ls[i][0]-ls[i-1][0]) > 180 || onCut(ls[i-1], ls[i]) {
				if i-start >= 2 {
					out = append(out, ls[start:i])
				}
				start = i
			}
		}
		if len(ls)-start >= 2 {
			out = append(out, ls[start:])
		}
	}
	return out
}
