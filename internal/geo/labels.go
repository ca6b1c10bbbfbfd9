package geo

import (
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"
)

// Rect is an axis-aligned box in logical pixels.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Overlaps reports whether two boxes share any area.
func (r Rect) Overlaps(o Rect) bool {
	return r.X0 < o.X1 && o.X0 < r.X1 && r.Y0 < o.Y1 && o.Y0 < r.Y1
}

// LabelKind says how a label sits relative to its point.
type LabelKind int

// Label kinds: country names centred on the country, city names beside the
// city's dot or marker.
const (
	LabelCountry LabelKind = iota
	LabelCity
	// LabelArea names a country with events, followed by its count badge:
	// centred on the country if there is room, else moved off the markers.
	LabelArea
)

// LabelCandidate is a label that may be placed if there is room.
type LabelCandidate struct {
	Text     string
	Lat, Lon float64
	Kind     LabelKind
	Priority float64 // higher is placed first
	Size     float64 // font size in logical pixels
	Typeface Typeface
	Offset   float64 // clearance from the point, e.g. the marker's radius
	Dot      bool    // a context city: draw a small dot at the point
	ID       int     // caller's reference, returned in Label
	Code     string  // the country's ISO2 code, for country labels
	Badge    string  // drawn in a pill after the text (area labels)
}

// Label is a placed label: its text box in logical pixels.
type Label struct {
	LabelCandidate
	Box Rect
}

// PlaceLabels places candidates greedily by priority, each at the first of
// its positions (right, left, above, below the point for cities; centred
// for countries) that overlaps neither the view's edge, a label already
// placed, nor an obstacle (markers). Dropping what does not fit keeps the
// map legible at every zoom.
func PlaceLabels(cands []LabelCandidate, v View, obstacles []Rect) []Label {
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return cands[order[a]].Priority > cands[order[b]].Priority })
	placed := make([]Label, 0, len(cands))
	var boxes []Rect
	// A coarse grid of accepted boxes keeps the collision test cheap when
	// thousands of candidates compete.
	const cell = 64.0
	grid := map[[2]int][]int{}
	cellsOf := func(r Rect) (x0, y0, x1, y1 int) {
		return int(math.Floor(r.X0 / cell)), int(math.Floor(r.Y0 / cell)), int(math.Floor(r.X1 / cell)), int(math.Floor(r.Y1 / cell))
	}
	free := func(r Rect) bool {
		if r.X0 < 2 || r.Y0 < 2 || r.X1 > v.Width-2 || r.Y1 > v.Height-2 {
			return false
		}
		x0, y0, x1, y1 := cellsOf(r)
		for gx := x0; gx <= x1; gx++ {
			for gy := y0; gy <= y1; gy++ {
				for _, i := range grid[[2]int{gx, gy}] {
					if r.Overlaps(boxes[i]) {
						return false
					}
				}
			}
		}
		return true
	}
	add := func(r Rect) {
		boxes = append(boxes, r)
		x0, y0, x1, y1 := cellsOf(r)
		for gx := x0; gx <= x1; gx++ {
			for gy := y0; gy <= y1; gy++ {
				k := [2]int{gx, gy}
				grid[k] = append(grid[k], len(boxes)-1)
			}
		}
	}
	// Markers go in the grid like placed labels: a map of thousands of
	// discs would otherwise cost a comparison with each per try.
	for _, o := range obstacles {
		if o.X1 >= 0 && o.Y1 >= 0 && o.X0 <= v.Width && o.Y0 <= v.Height {
			add(o)
		}
	}
	for _, i := range order {
		c := cands[i]
		if c.Text == "" {
			continue
		}
		x, y := v.Project(c.Lat, c.Lon)
		w, h := TextSize(c.Text, c.Typeface, c.Size)
		if bw, bh := badgeSize(c.Badge); bw > 0 {
			w, h = w+badgeGap+bw, math.Max(h, bh)
		}
		var tries []Rect
		switch c.Kind {
		case LabelCountry:
			tries = []Rect{{x - w/2, y - h/2, x + w/2, y + h/2}}
		case LabelArea:
			// Centred, then nudged away from whatever sits on the centre
			// (a capital's marker, usually) by one and two label heights.
			for _, d := range [][2]float64{{0, 0}, {0, -1.4}, {0, 1.4}, {0, -2.8}, {0, 2.8}, {-0.6, -1.4}, {0.6, 1.4}, {0, -4.2}, {0, 4.2}} {
				cx, cy := x+d[0]*w, y+d[1]*h
				tries = append(tries, Rect{cx - w/2, cy - h/2, cx + w/2, cy + h/2})
			}
		default:
			g := c.Offset + 3
			tries = []Rect{
				{x + g, y - h/2, x + g + w, y + h/2},                 // right
				{x - g - w, y - h/2, x - g, y + h/2},                 // left
				{x - w/2, y - g - h, x + w/2, y - g},                 // above
				{x - w/2, y + g, x + w/2, y + g + h},                 // below
				{x + g*0.7, y - g*0.7 - h, x + g*0.7 + w, y - g*0.7}, // above right
			}
		}
		// A context city's dot must not sit on a label either, nor a later
		// label on the dot.
		dot := Rect{x - 3.5, y - 3.5, x + 3.5, y + 3.5}
		if c.Dot && !free(dot) {
			continue
		}
		for n, r := range tries {
			pad := Rect{r.X0 - 2, r.Y0 - 1, r.X1 + 2, r.Y1 + 1}
			if !free(pad) {
				continue
			}
			if c.Kind == LabelArea && c.Code != "" && n > 2 {
				// A country's name and count nudged farther than a
				// label's height off its centre must stay on the
				// country: Egypt's badge pushed down past Sudan read as
				// an event in central Africa. A small country's label
				// just above or below it still names it.
				if lat, lon := v.Unproject((r.X0+r.X1)/2, (r.Y0+r.Y1)/2); !CountryContains(c.Code, lat, lon) {
					continue
				}
			}
			add(pad)
			if c.Dot {
				add(dot)
			}
			placed = append(placed, Label{LabelCandidate: c, Box: r})
			break
		}
	}
	return placed
}

// CountryLabelCandidates proposes a label for each country visible in v,
// set at the centre of its part in view so that Russia is named near Moscow
// when the view shows only its west. Priority is the visible area.
func CountryLabelCandidates(v View, size float64) ([]LabelCandidate, error) {
	v.Scale = 1 // label positions do not depend on the device scale
	k := countryLabelKey{v, size}
	countryLabelCache.mu.Lock()
	if countryLabelCache.key == k && countryLabelCache.labels != nil {
		out := append([]LabelCandidate(nil), countryLabelCache.labels...)
		countryLabelCache.mu.Unlock()
		return out, nil
	}
	countryLabelCache.mu.Unlock()
	out, err := countryLabelCandidates(v, size)
	if err != nil {
		return nil, err
	}
	countryLabelCache.mu.Lock()
	countryLabelCache.key, countryLabelCache.labels = k, out
	countryLabelCache.mu.Unlock()
	return append([]LabelCandidate(nil), out...), nil
}

type countryLabelKey struct {
	v    View
	size float64
}

// countryLabelCache remembers the last view's country labels: a change of
// selection or markers redraws the overlay without moving the map.
var countryLabelCache struct {
	mu     sync.Mutex
	key    countryLabelKey
	labels []LabelCandidate
}

func countryLabelCandidates(v View, size float64) ([]LabelCandidate, error) {
	l := LODFor(v)
	if l == LOD10m {
		l = LOD50m // label positions need no finer outlines
	}
	b, err := LoadBasemap(l)
	if err != nil {
		return nil, err
	}
	vb := v.Bound()
	var out []LabelCandidate
	for i := range b.Countries {
		c := &b.Countries[i]
		if !c.Bound.Intersects(vb) {
			continue
		}
		var best orb.Polygon
		bestArea := 0.0
		for _, poly := range c.Geom {
			if !poly.Bound().Intersects(vb) {
				continue
			}
			cp := clip.Polygon(vb, orb.Polygon{append(orb.Ring(nil), poly[0]...)})
			if len(cp) == 0 {
				continue
			}
			if a := math.Abs(planar.Area(projectPolygon(v, cp))); a > bestArea {
				best, bestArea = cp, a
			}
		}
		if best == nil {
			continue
		}
		text := c.Name
		if short, ok := shortNames[text]; ok {
			text = short
		}
		if text == "" {
			continue
		}
		text = strings.ToUpper(text)
		w, h := TextSize(text, Regular, size)
		if bestArea < w*h*2.5 {
			continue // too small to hold its name
		}
		pc, _ := planar.CentroidArea(projectPolygon(v, best))
		lat, lon := v.Unproject(pc[0], pc[1])
		if !planar.PolygonContains(best, orb.Point{lon, lat}) {
			continue
		}
		out = append(out, LabelCandidate{Text: text, Lat: lat, Lon: lon, Kind: LabelCountry,
			Priority: bestArea, Size: size, Typeface: Regular, Code: c.Code})
	}
	return out, nil
}

// projectPolygon maps a polygon in degrees to the view's logical pixels.
func projectPolygon(v View, p orb.Polygon) orb.Polygon {
	proj := v.projector()
	out := make(orb.Polygon, len(p))
	for i, r := range p {
		pr := make(orb.Ring, len(r))
		for j, q := range r {
			x, y := proj(q[1], q[0])
			pr[j] = orb.Point{x, y}
		}
		out[i] = pr
	}
	return out
}

// shortNames shortens the few Natural Earth names that crowd a map.
var shortNames = map[string]string{
	"United States of America": "United States",
	"Falkland Is.":             "Falklands",
	"Fr. S. Antarctic Lands":   "",
}
