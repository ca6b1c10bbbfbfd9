package geo

import (
	"image"
	"image/color"
	"image/draw"
	"math"
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
func (m Marker) Box(v View) Rect { return discBox(v, m.Lat, m.Lon, m.Radius) }

// discBox is the box a label keeps clear of around a disc or ring of
// radius r: its outline and two pixels more.
func discBox(v View, lat, lon, r float64) Rect {
	x, y := v.Project(lat, lon)
	r += 2
	return Rect{x - r, y - r, x + r, y + r}
}

// fillCircle draws a disc in device pixels through a rasterizer just large
// enough for it: drawing through a full-frame one costs a pass over every
// pixel per disc.
func fillCircle(z *vector.Rasterizer, img *image.RGBA, cx, cy, r float64, c color.RGBA) {
	fillCircleClip(z, img, img.Bounds(), cx, cy, r, c)
}

// fillCircleClip is fillCircle changing img only inside clip, with the
// same pixels there as an unclipped draw.
func fillCircleClip(z *vector.Rasterizer, img *image.RGBA, clip image.Rectangle, cx, cy, r float64, c color.RGBA) {
	rect := image.Rect(int(math.Floor(cx-r-1)), int(math.Floor(cy-r-1)), int(math.Ceil(cx+r+1)), int(math.Ceil(cy+r+1))).Intersect(img.Bounds())
	if rect.Empty() {
		return
	}
	drawClipped(img, clip, rect, func(dst *image.RGBA) {
		z.Reset(rect.Dx(), rect.Dy())
		addCircle(z, float32(cx-float64(rect.Min.X)), float32(cy-float64(rect.Min.Y)), float32(r))
		z.Draw(dst, rect, image.NewUniform(c), image.Point{})
	})
}

// drawClipped runs paint, which writes to its argument only inside rect,
// so that img changes only inside clip. Where rect crosses clip's edge it
// paints a copy of rect and keeps the part inside clip: the rasterizer's
// origin stays where a full redraw puts it, so anti-aliased edges come out
// the same to the bit.
func drawClipped(img *image.RGBA, clip, rect image.Rectangle, paint func(dst *image.RGBA)) {
	in := rect.Intersect(clip)
	switch {
	case in.Empty():
		return
	case in == rect:
		paint(img)
		return
	}
	scratch := image.NewRGBA(rect)
	draw.Draw(scratch, rect, img, rect.Min, draw.Src)
	paint(scratch)
	draw.Draw(img, in, scratch, in.Min, draw.Src)
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

// markerReach is how far beyond its radius a marker may paint, in logical
// pixels: the highlight halo's 7 and a pixel of anti-aliasing.
const markerReach = 8

// deviceBox returns the device pixels a marker may paint in view v.
func (m Marker) deviceBox(v View) image.Rectangle {
	x, y := v.Project(m.Lat, m.Lon)
	return deviceRect(Rect{x, y, x, y}, m.Radius+markerReach, v.scale())
}

// drawMarkers draws markers onto img, a rendering of v, changing it only
// inside clip: a highlight halo, an outline that separates the disc from
// the map, the disc, a selection ring, and the text inside. Larger discs
// are drawn first so that small ones on top stay visible, and selected ones
// last.
func drawMarkers(img *image.RGBA, clip image.Rectangle, v View, s Style, ms []Marker) error {
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
		fillCircleClip(&z, img, clip, x*sc, y*sc, r*sc, c)
	}
	sub := img.SubImage(clip).(*image.RGBA)
	full := clip == img.Bounds()
	for _, i := range order {
		m := ms[i]
		x, y := v.Project(m.Lat, m.Lon)
		if x < -m.Radius*2 || y < -m.Radius*2 || x > v.Width+m.Radius*2 || y > v.Height+m.Radius*2 {
			continue
		}
		if !full && !m.deviceBox(v).Overlaps(clip) {
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
				if err := DrawText(sub, m.Text, Bold, size, x-w/2, y-h/2, sc, textOn(m.Fill), color.RGBA{}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// premul returns c at alpha a, premultiplied.
func premul(c color.RGBA, a uint8) color.RGBA {
	f := func(v uint8) uint8 { return uint8(uint32(v) * uint32(a) / 255) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), a}
}

// textOn picks black or white text for a fill, by its relative luminance.
func textOn(c color.RGBA) color.RGBA {
	if luma(c) > 150 {
		return color.RGBA{0x10, 0x10, 0x10, 0xff}
	}
	return color.RGBA{0xff, 0xff, 0xff, 0xff}
}
