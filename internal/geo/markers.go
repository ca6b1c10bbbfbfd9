package geo

import (
	"cmp"
	"image"
	"image/color"
	"math"
	"slices"
	"sort"

	"golang.org/x/image/vector"
)

// Marker is a disc drawn on the map for a place with events.
type Marker struct {
	Lat, Lon    float64
	Radius      float64    // logical pixels; see MarkerRadius
	Fill        color.RGBA // the dominant kind's colour
	Text        string     // drawn inside: a count or a figure's number
	Name        string     // the place's name, labelled beside the disc
	Selected    bool       // ringed in the style's Selected colour
	Highlighted bool       // haloed, e.g. while its event is hovered elsewhere
}

// MarkerRadius grows with the square root of the number of events, so that
// a disc's area, which the eye compares, is proportional to the count.
func MarkerRadius(count int) float64 {
	if count < 1 {
		count = 1
	}
	return math.Min(7+2.6*math.Sqrt(float64(count-1)), 24)
}

// Box returns the marker's extent in logical pixels of v.
func (m Marker) Box(v View) Rect {
	x, y := v.Project(m.Lat, m.Lon)
	r := m.Radius + 2
	return Rect{x - r, y - r, x + r, y + r}
}

// fillCircle draws a disc in device pixels through a rasterizer just large
// enough for it: drawing through a full-frame one costs a pass over every
// pixel per disc.
func fillCircle(z *vector.Rasterizer, img *image.RGBA, cx, cy, r float64, c color.RGBA) {
	rect := image.Rect(int(math.Floor(cx-r-1)), int(math.Floor(cy-r-1)), int(math.Ceil(cx+r+1)), int(math.Ceil(cy+r+1))).Intersect(img.Bounds())
	if rect.Empty() {
		return
	}
	z.Reset(rect.Dx(), rect.Dy())
	addCircle(z, float32(cx-float64(rect.Min.X)), float32(cy-float64(rect.Min.Y)), float32(r))
	z.Draw(img, rect, image.NewUniform(c), image.Point{})
}

// addCircle adds a circle path (four cubic Béziers) in device pixels.
func addCircle(z *vector.Rasterizer, cx, cy, r float32) {
	const k = 0.5522847498 // control distance for a quarter circle
	kr := k * r
	z.MoveTo(cx+r, cy)
	z.CubeTo(cx+r, cy+kr, cx+kr, cy+r, cx, cy+r)
	z.CubeTo(cx-kr, cy+r, cx-r, cy+kr, cx-r, cy)
	z.CubeTo(cx-r, cy-kr, cx-kr, cy-r, cx, cy-r)
	z.CubeTo(cx+kr, cy-r, cx+r, cy-kr, cx+r, cy)
	z.ClosePath()
}

// DrawMarkers draws markers onto img, a rendering of v: a highlight halo,
// an outline that separates the disc from the map, the disc, a selection
// ring, and the text inside. Larger discs are drawn first so that small
// ones on top stay visible.
func DrawMarkers(img *image.RGBA, v View, s Style, ms []Marker) {
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := ms[order[a]], ms[order[b]]
		if ma.Selected != mb.Selected {
			return mb.Selected // selected markers last, on top
		}
		return ma.Radius > mb.Radius
	})
	sc := v.scale()
	var z vector.Rasterizer
	disc := func(x, y, r float64, c color.RGBA) {
		fillCircle(&z, img, x*sc, y*sc, r*sc, c)
	}
	for _, i := range order {
		m := ms[i]
		x, y := v.Project(m.Lat, m.Lon)
		if x < -m.Radius*2 || y < -m.Radius*2 || x > v.Width+m.Radius*2 || y > v.Height+m.Radius*2 {
			continue
		}
		if m.Highlighted {
			disc(x, y, m.Radius+7, premul(m.Fill, 0x60))
		}
		if m.Selected {
			disc(x, y, m.Radius+5, s.Selected)
			disc(x, y, m.Radius+3, s.MarkerOutline)
		} else {
			disc(x, y, m.Radius+1.5, s.MarkerOutline)
		}
		disc(x, y, m.Radius, m.Fill)
		if m.Text != "" {
			size := math.Max(9, math.Min(13, m.Radius*0.95))
			w, h := TextSize(m.Text, Bold, size)
			if w < m.Radius*2-2 {
				DrawText(img, m.Text, Bold, size, x-w/2, y-h/2, sc, textOn(m.Fill), color.RGBA{})
			}
		}
	}
}

// premul returns c at alpha a, premultiplied.
func premul(c color.RGBA, a uint8) color.RGBA {
	f := func(v uint8) uint8 { return uint8(uint32(v) * uint32(a) / 255) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), a}
}

// textOn picks black or white text for a fill, by its relative luminance.
func textOn(c color.RGBA) color.RGBA {
	l := 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
	if l > 150 {
		return color.RGBA{0x10, 0x10, 0x10, 0xff}
	}
	return color.RGBA{0xff, 0xff, 0xff, 0xff}
}

// WeightedPoint is a place to cluster, weighted by its number of events.
type WeightedPoint struct {
	Lat, Lon float64
	Weight   float64
	Radius   float64 // the drawn disc's radius in logical pixels, for ClusterOverlapping
}

// Cluster is a group of points that would overlap on screen.
type Cluster struct {
	Lat, Lon float64 // the heaviest member's position, so a cluster sits on a real place
	Weight   float64 // sum of the members' weights
	Members  []int   // indexes into the points, heaviest first
}

// ClusterMarkers groups points closer than radiusPx on screen. Points are
// taken heaviest first; each joins the first cluster within radiusPx found
// in the 3×3 grid cells around it, or starts a new one. The grid makes it
// linear in the number of points (50,000 places cluster in milliseconds).
func ClusterMarkers(pts []WeightedPoint, v View, radiusPx float64) []Cluster {
	if radiusPx <= 0 {
		radiusPx = 1
	}
	order := make([]int, len(pts))
	for i := range order {
		order[i] = i
	}
	// Heaviest first; ties by index keep the result deterministic.
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(pts[b].Weight, pts[a].Weight); c != 0 {
			return c
		}
		return a - b
	})
	type centre struct{ x, y float64 }
	var cs []Cluster
	var cxy []centre
	// A dense grid over the view (plus a ring of cells) holds the cluster
	// centres; points off-screen fall back to a map.
	gw, gh := int(math.Ceil(v.Width/radiusPx))+4, int(math.Ceil(v.Height/radiusPx))+4
	dense := make([][]int32, gw*gh)
	sparse := map[[2]int]([]int32){}
	cell := func(gx, gy int) *[]int32 {
		if gx >= -2 && gy >= -2 && gx < gw-2 && gy < gh-2 {
			return &dense[(gy+2)*gw+gx+2]
		}
		k := [2]int{gx, gy}
		l := sparse[k]
		return &l
	}
	r2 := radiusPx * radiusPx
	proj := v.projector()
	for _, i := range order {
		p := pts[i]
		x, y := proj(p.Lat, p.Lon)
		gx, gy := int(math.Floor(x/radiusPx)), int(math.Floor(y/radiusPx))
		found := -1
		best := r2
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				for _, ci := range *cell(gx+dx, gy+dy) {
					c := cxy[ci]
					if d := (c.x-x)*(c.x-x) + (c.y-y)*(c.y-y); d <= best {
						found, best = int(ci), d
					}
				}
			}
		}
		if found >= 0 {
			cs[found].Weight += p.Weight
			cs[found].Members = append(cs[found].Members, i)
			continue
		}
		l := cell(gx, gy)
		*l = append(*l, int32(len(cs)))
		if gx < -2 || gy < -2 || gx >= gw-2 || gy >= gh-2 {
			sparse[[2]int{gx, gy}] = *l
		}
		cs = append(cs, Cluster{Lat: p.Lat, Lon: p.Lon, Weight: p.Weight, Members: []int{i}})
		cxy = append(cxy, centre{x, y})
	}
	return cs
}

// ClusterOverlapping groups only points whose discs would overlap on
// screen: a point joins a cluster when the distance between them is less
// than the sum of their radii (WeightedPoint.Radius; a cluster has its
// heaviest member's) plus gapPx. Markers that merely sit near each other
// stay apart, so that Amman and Palmyra both show at a regional view. Like
// ClusterMarkers it takes points heaviest first and is linear through a
// grid.
func ClusterOverlapping(pts []WeightedPoint, v View, gapPx float64) []Cluster {
	maxR := 0.0
	for _, p := range pts {
		maxR = math.Max(maxR, p.Radius)
	}
	cellPx := math.Max(2*maxR+gapPx, 1)
	order := make([]int, len(pts))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(pts[b].Weight, pts[a].Weight); c != 0 {
			return c
		}
		return a - b
	})
	type centre struct{ x, y, r float64 }
	var cs []Cluster
	var cxy []centre
	grid := map[[2]int][]int32{}
	proj := v.projector()
	for _, i := range order {
		p := pts[i]
		x, y := proj(p.Lat, p.Lon)
		gx, gy := int(math.Floor(x/cellPx)), int(math.Floor(y/cellPx))
		found, best := -1, math.Inf(1)
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				for _, ci := range grid[[2]int{gx + dx, gy + dy}] {
					c := cxy[ci]
					d := math.Hypot(c.x-x, c.y-y)
					if d < c.r+p.Radius+gapPx && d < best {
						found, best = int(ci), d
					}
				}
			}
		}
		if found >= 0 {
			cs[found].Weight += p.Weight
			cs[found].Members = append(cs[found].Members, i)
			continue
		}
		k := [2]int{gx, gy}
		grid[k] = append(grid[k], int32(len(cs)))
		cs = append(cs, Cluster{Lat: p.Lat, Lon: p.Lon, Weight: p.Weight, Members: []int{i}})
		cxy = append(cxy, centre{x, y, p.Radius})
	}
	return cs
}
