package geo

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"golang.org/x/image/vector"
)

// Area is a place with events that is a whole country or region rather than
// a point. A country is drawn as a soft tint of its outline with a count
// badge at its name; a region the basemap has no outline for (Crimea, a
// governorate) as a hollow dashed ring. Either way it stays out of marker
// clustering and under the city markers, so that "Syria" never swallows or
// hides Palmyra.
type Area struct {
	Code        string // ISO2 of the country whose outline is tinted; "" draws a ring at Lat, Lon
	Lat, Lon    float64
	Radius      float64    // the ring's radius in logical pixels; see MarkerRadius
	Fill        color.RGBA // the dominant kind's colour
	Text        string     // the count in the badge or ring
	Name        string     // labelled beside the ring or badge
	Selected    bool
	Highlighted bool
}

// Outlined reports whether the area is drawn as a country outline.
func (a Area) Outlined() bool { return a.Code != "" && CountryShapeOf(a.Code) != nil }

// Box returns a ring area's extent in logical pixels of v, as Marker.Box
// does for discs.
func (a Area) Box(v View) Rect { return discBox(v, a.Lat, a.Lon, a.Radius) }

// Badge sizes, in logical pixels.
const (
	badgeTextSize = 10.5
	badgePadX     = 4.5
	badgeGap      = 4
)

// badgeSize is the size of the pill drawn after an area's name.
func badgeSize(text string) (w, h float64) {
	if text == "" {
		return 0, 0
	}
	tw, th := TextSize(text, Bold, badgeTextSize)
	return tw + 2*badgePadX, th + 2
}

// CountryShapeOf returns the 1:50m outline of the country with ISO2 code,
// or nil when the basemap has none. 1:50m is fine enough for a tint at any
// zoom the app opens at, and is decoded once for labels anyway.
func CountryShapeOf(code string) *CountryShape {
	if code == "" {
		return nil
	}
	shapesByCode.once.Do(func() {
		shapesByCode.m = map[string]*CountryShape{}
		b, err := LoadBasemap(LOD50m)
		if err != nil {
			return // no basemap, no outlines: areas fall back to rings
		}
		for i := range b.Countries {
			if c := &b.Countries[i]; c.Code != "" && shapesByCode.m[c.Code] == nil {
				shapesByCode.m[c.Code] = c
			}
		}
	})
	return shapesByCode.m[code]
}

// shapesByCode indexes the 1:50m outlines by ISO2 code: hit-testing asks
// for them at every pointer move.
var shapesByCode struct {
	once sync.Once
	m    map[string]*CountryShape
}

// CountryContains reports whether the point lies inside the outline of the
// country with ISO2 code, for hit-testing a tinted area under the pointer.
func CountryContains(code string, lat, lon float64) bool {
	c := CountryShapeOf(code)
	return c != nil && c.contains(orb.Point{lon, lat})
}

// drawAreaTints fills and outlines the outlined areas of o, under every
// label and marker.
func drawAreaTints(img *image.RGBA, v View, s Style, areas []Area) {
	sc := v.scale()
	b := img.Bounds()
	vb := v.Bound()
	// Clip a little outside the view so that the outline's stroke does not
	// show along the image's edges.
	pad := 8 / (v.worldSize() / 360)
	vb = orb.Bound{Min: orb.Point{vb.Min[0] - pad, vb.Min[1] - pad}, Max: orb.Point{vb.Max[0] + pad, vb.Max[1] + pad}}
	proj := v.projector()
	// The frame-sized rasterizer and mask are made only when an outline is
	// in view.
	var z *vector.Rasterizer
	var mask *image.Alpha
	for _, a := range areas {
		c := CountryShapeOf(a.Code)
		if c == nil || !c.Bound.Intersects(vb) {
			continue
		}
		var rings []orb.Ring
		for _, poly := range c.Geom {
			if !poly.Bound().Intersects(vb) {
				continue
			}
			for _, r := range clip.Polygon(vb, orb.Polygon{append(orb.Ring(nil), poly[0]...)}) {
				if len(r) >= 3 {
					rings = append(rings, r)
				}
			}
		}
		if len(rings) == 0 {
			continue
		}
		if z == nil {
			z, mask = vector.NewRasterizer(b.Dx(), b.Dy()), image.NewAlpha(b)
		}
		// A dark land needs more of the colour for the same contrast.
		alpha, strong := uint8(0x2c), uint8(0x50)
		if luma(s.Land) < 0x80 {
			alpha, strong = 0x48, 0x70
		}
		if a.Highlighted || a.Selected {
			alpha = strong
		}
		z.Reset(b.Dx(), b.Dy())
		for _, r := range rings {
			x, y := proj(r[0][1], r[0][0])
			z.MoveTo(float32(x*sc), float32(y*sc))
			for _, q := range r[1:] {
				x, y := proj(q[1], q[0])
				z.LineTo(float32(x*sc), float32(y*sc))
			}
			z.ClosePath()
		}
		paintMask(z, mask, img, premul(a.Fill, alpha))
		// A dashed outline in the kind's colour says "the whole country"
		// without reading as a border of its own.
		z.Reset(b.Dx(), b.Dy())
		w := 1.3 * sc
		line := premul(a.Fill, 0xc0)
		if a.Selected {
			w, line = 2.2*sc, s.Selected
		}
		for _, r := range rings {
			pts := make([][2]float64, len(r))
			for i, q := range r {
				x, y := proj(q[1], q[0])
				pts[i] = [2]float64{x * sc, y * sc}
			}
			dashPath(z, pts, 5*sc, 3.5*sc, w)
		}
		paintMask(z, mask, img, line)
	}
}

// paintMask composites c through the coverage of the paths added to z
// since its last Reset, using mask, of img's size, as scratch.
func paintMask(z *vector.Rasterizer, mask *image.Alpha, img *image.RGBA, c color.RGBA) {
	z.DrawOp = draw.Src // Reset sets Over; Src overwrites the last pass's mask, uncovered pixels too
	z.Draw(mask, mask.Rect, image.Opaque, image.Point{})
	blend(img, mask, c)
}

// dashPath adds a dashed polyline of width w (device pixels) to z: dashes
// of length on, gaps of length off, continued across vertices.
func dashPath(z *vector.Rasterizer, pts [][2]float64, on, off, w float64) {
	drawing, left := true, on
	for i := 1; i < len(pts); i++ {
		ax, ay := pts[i-1][0], pts[i-1][1]
		bx, by := pts[i][0], pts[i][1]
		seg := math.Hypot(bx-ax, by-ay)
		pos := 0.0
		for pos < seg {
			step := math.Min(left, seg-pos)
			if drawing {
				t0, t1 := pos/seg, (pos+step)/seg
				strokeSegment(z, float32(ax+(bx-ax)*t0), float32(ay+(by-ay)*t0),
					float32(ax+(bx-ax)*t1), float32(ay+(by-ay)*t1), float32(w))
			}
			pos += step
			left -= step
			if left <= 1e-9 {
				drawing = !drawing
				left = off
				if drawing {
					left = on
				}
			}
		}
	}
}

// drawAreaRings draws the areas without an outline as hollow dashed rings
// with a pale fill, under the markers.
func drawAreaRings(img *image.RGBA, v View, s Style, areas []Area) error {
	sc := v.scale()
	var z vector.Rasterizer
	for _, a := range areas {
		if a.Outlined() {
			continue
		}
		x, y := v.Project(a.Lat, a.Lon)
		r := a.Radius
		if x < -r*2 || y < -r*2 || x > v.Width+r*2 || y > v.Height+r*2 {
			continue
		}
		cx, cy := x*sc, y*sc
		if a.Highlighted {
			fillCircle(&z, img, cx, cy, (r+7)*sc, premul(a.Fill, 0x60))
		}
		if a.Selected {
			fillCircle(&z, img, cx, cy, (r+5)*sc, s.Selected)
			fillCircle(&z, img, cx, cy, (r+3)*sc, s.MarkerOutline)
		}
		fillCircle(&z, img, cx, cy, r*sc, premul(s.MarkerOutline, 0xb0))
		fillCircle(&z, img, cx, cy, r*sc, premul(a.Fill, 0x48))
		// The dashes: short arcs as chords, an even number so that the
		// pattern closes on itself.
		n := max(8, 2*int(math.Round(math.Pi*r/4)))
		rr := (r - 1.2) * sc
		rect := image.Rect(int(cx-rr-4), int(cy-rr-4), int(cx+rr+5), int(cy+rr+5)).Intersect(img.Bounds())
		if rect.Empty() {
			continue
		}
		z.Reset(rect.Dx(), rect.Dy())
		ox, oy := cx-float64(rect.Min.X), cy-float64(rect.Min.Y)
		const steps = 4
		for k := 0; k < n; k += 2 {
			for j := 0; j < steps; j++ {
				t0 := 2 * math.Pi * (float64(k) + float64(j)/steps) / float64(n)
				t1 := 2 * math.Pi * (float64(k) + float64(j+1)/steps) / float64(n)
				strokeSegment(&z, float32(ox+rr*math.Cos(t0)), float32(oy+rr*math.Sin(t0)),
					float32(ox+rr*math.Cos(t1)), float32(oy+rr*math.Sin(t1)), float32(2.2*sc))
			}
		}
		z.Draw(img, rect, image.NewUniform(a.Fill), image.Point{})
		if a.Text != "" {
			size := math.Max(9, math.Min(13, r*0.95))
			w, h := TextSize(a.Text, Bold, size)
			if w < r*2-4 {
				if err := DrawText(img, a.Text, Bold, size, x-w/2, y-h/2, sc, darker(a.Fill), color.RGBA{}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// luma is a colour's approximate brightness, 0 to 255.
func luma(c color.RGBA) float64 {
	return 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
}

// darker returns c at two thirds of its brightness, for text over its own
// pale tint.
func darker(c color.RGBA) color.RGBA {
	return color.RGBA{uint8(uint16(c.R) * 2 / 3), uint8(uint16(c.G) * 2 / 3), uint8(uint16(c.B) * 2 / 3), 0xff}
}

// fillPill draws a rounded box of height h (logical pixels) at x, y,
// changing img only inside clip.
func fillPill(img *image.RGBA, clip image.Rectangle, x, y, w, h, sc float64, c color.RGBA) {
	r := h / 2
	rect := image.Rect(int(math.Floor(x*sc))-1, int(math.Floor(y*sc))-1, int(math.Ceil((x+w)*sc))+1, int(math.Ceil((y+h)*sc))+1).Intersect(img.Bounds())
	if rect.Empty() {
		return
	}
	drawClipped(img, clip, rect, func(dst *image.RGBA) {
		var z vector.Rasterizer
		z.Reset(rect.Dx(), rect.Dy())
		ox, oy := float32(x*sc-float64(rect.Min.X)), float32(y*sc-float64(rect.Min.Y))
		rs, ws, hs := float32(r*sc), float32(w*sc), float32(h*sc)
		addCircle(&z, ox+rs, oy+rs, rs)
		addCircle(&z, ox+ws-rs, oy+rs, rs)
		z.MoveTo(ox+rs, oy)
		z.LineTo(ox+ws-rs, oy)
		z.LineTo(ox+ws-rs, oy+hs)
		z.LineTo(ox+rs, oy+hs)
		z.ClosePath()
		z.Draw(dst, rect, image.NewUniform(c), image.Point{})
	})
}
