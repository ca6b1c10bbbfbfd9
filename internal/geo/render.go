package geo

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/simplify"
	"golang.org/x/image/vector"
)

// Style is a map's colour scheme and line widths (in logical pixels).
type Style struct {
	Sea, Land, Coast, Border, Graticule color.RGBA
	CountryLabel, CityLabel, Halo       color.RGBA
	MarkerOutline, Selected             color.RGBA
	CoastWidth, BorderWidth             float64
	ShowGraticule                       bool
}

// LightStyle is the map on a light theme: pale water, warm paper land.
var LightStyle = Style{
	Sea:           color.RGBA{0xcf, 0xe0, 0xec, 0xff},
	Land:          color.RGBA{0xf5, 0xf2, 0xea, 0xff},
	Coast:         color.RGBA{0x86, 0xa3, 0xba, 0xff},
	Border:        color.RGBA{0xa8, 0x9c, 0xa8, 0xff},
	Graticule:     color.RGBA{0xb8, 0xcc, 0xdb, 0xff},
	CountryLabel:  color.RGBA{0x6b, 0x66, 0x70, 0xff},
	CityLabel:     color.RGBA{0x26, 0x26, 0x2b, 0xff},
	Halo:          color.RGBA{0xd8, 0xd8, 0xd8, 0xd8}, // premultiplied white
	MarkerOutline: color.RGBA{0xff, 0xff, 0xff, 0xff},
	Selected:      color.RGBA{0x1a, 0x1a, 0x1a, 0xff},
	CoastWidth:    0.9,
	BorderWidth:   0.8,
	ShowGraticule: true,
}

// DarkStyle is the map on a dark theme: deep water, slate land.
var DarkStyle = Style{
	Sea:           color.RGBA{0x15, 0x1d, 0x27, 0xff},
	Land:          color.RGBA{0x2b, 0x30, 0x37, 0xff},
	Coast:         color.RGBA{0x4f, 0x6a, 0x80, 0xff},
	Border:        color.RGBA{0x6b, 0x6f, 0x7a, 0xff},
	Graticule:     color.RGBA{0x22, 0x2d, 0x3a, 0xff},
	CountryLabel:  color.RGBA{0x9c, 0xa3, 0xad, 0xff},
	CityLabel:     color.RGBA{0xe8, 0xe8, 0xea, 0xff},
	Halo:          color.RGBA{0x0d, 0x10, 0x15, 0xd0}, // premultiplied near-black
	MarkerOutline: color.RGBA{0x10, 0x14, 0x1a, 0xff},
	Selected:      color.RGBA{0xff, 0xff, 0xff, 0xff},
	CoastWidth:    0.9,
	BorderWidth:   0.8,
	ShowGraticule: true,
}

// LODFor picks the coarsest scale that still looks smooth at the view's
// device resolution: the world is drawn from 1:110m, a region from 1:50m,
// a country from 1:10m.
func LODFor(v View) LOD {
	px := v.worldSize() * v.scale()
	switch {
	case px <= 2600:
		return LOD110m
	case px <= 26000:
		return LOD50m
	}
	return LOD10m
}

// feature is a projected ring or line in unit Mercator coordinates.
type feature struct {
	pts   []orb.Point
	bound orb.Bound
}

// layer is one scale's geometry projected and simplified for one zoom
// bucket: projection and simplification happen once, not at every frame.
type layer struct {
	land, coasts, borders []feature
}

type layerKey struct {
	lod    LOD
	bucket int
}

// Renderer draws basemaps, caching projected geometry between frames. It is
// safe for concurrent use.
type Renderer struct {
	mu     sync.Mutex
	layers map[layerKey]*layer
	pool   sync.Pool // *canvasBuf
}

// canvasBuf is a rasterizer with its coverage mask, reused across frames
// because both are as large as the image.
type canvasBuf struct {
	z    *vector.Rasterizer
	mask *image.Alpha
}

// NewRenderer returns a renderer with empty caches.
func NewRenderer() *Renderer {
	return &Renderer{layers: map[layerKey]*layer{}}
}

var defaultRenderer = NewRenderer()

// Render draws the basemap of view v with the default renderer.
func Render(v View, s Style) (*image.RGBA, error) {
	return defaultRenderer.Render(v, s)
}

// bucketOf is the integer zoom, in device pixels, that geometry is
// simplified for.
func bucketOf(v View) int {
	return int(math.Floor(v.Zoom + math.Log2(v.scale())))
}

func (r *Renderer) layer(l LOD, bucket int) (*layer, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := layerKey{l, bucket}
	if ly := r.layers[k]; ly != nil {
		return ly, nil
	}
	b, err := LoadBasemap(l)
	if err != nil {
		return nil, err
	}
	// A third of a device pixel at this zoom: invisible, yet it drops most
	// points of a 1:10m coast seen from afar.
	tol := 0.35 / (TileSize * math.Exp2(float64(bucket)))
	dp := simplify.DouglasPeucker(tol)
	ly := &layer{}
	proj := func(pts []orb.Point, ring bool) (feature, bool) {
		ls := make(orb.LineString, len(pts))
		for i, p := range pts {
			x, y := mercator(p[0], p[1])
			ls[i] = orb.Point{x, y}
		}
		if ring {
			ls = orb.LineString(dp.Ring(orb.Ring(ls)))
			if len(ls) < 4 {
				return feature{}, false
			}
		} else {
			ls = dp.LineString(ls)
			if len(ls) < 2 {
				return feature{}, false
			}
		}
		return feature{pts: ls, bound: ls.Bound()}, true
	}
	for _, poly := range b.Land {
		for _, ring := range poly {
			if f, ok := proj(ring, true); ok {
				ly.land = append(ly.land, f)
			}
		}
	}
	for _, ls := range b.Coasts {
		if f, ok := proj(ls, false); ok {
			ly.coasts = append(ly.coasts, f)
		}
	}
	for _, ls := range b.Borders {
		if f, ok := proj(ls, false); ok {
			ly.borders = append(ly.borders, f)
		}
	}
	r.layers[k] = ly
	return ly, nil
}

// pixels maps unit Mercator coordinates to device pixels of a view.
type pixels struct {
	cx, cy, s, w2, h2 float64
	box               orb.Bound // the unit-square area worth drawing
}

func newPixels(v View) pixels {
	cx, cy := mercator(v.Center[0], v.Center[1])
	sc := v.scale()
	s := v.worldSize() * sc
	w, h := v.Width*sc, v.Height*sc
	const pad = 8 // device pixels, so that strokes at the edge are whole
	return pixels{cx: cx, cy: cy, s: s, w2: w / 2, h2: h / 2,
		box: orb.Bound{Min: orb.Point{cx - (w/2+pad)/s, cy - (h/2+pad)/s}, Max: orb.Point{cx + (w/2+pad)/s, cy + (h/2+pad)/s}}}
}

func (p pixels) xy(q orb.Point) (float32, float32) {
	return float32((q[0]-p.cx)*p.s + p.w2), float32((q[1]-p.cy)*p.s + p.h2)
}

// Render draws the basemap of view v: sea, land, graticule, coasts and
// borders, anti-aliased, at v.Scale device pixels per logical pixel.
func (r *Renderer) Render(v View, s Style) (*image.RGBA, error) {
	sc := v.scale()
	w, h := int(math.Round(v.Width*sc)), int(math.Round(v.Height*sc))
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	if err := r.RenderInto(img, v, s); err != nil {
		return nil, err
	}
	return img, nil
}

// RenderInto draws the basemap of v into img, which should be v's size in
// device pixels; reusing img saves an allocation per frame.
func (r *Renderer) RenderInto(img *image.RGBA, v View, s Style) error {
	ly, err := r.layer(LODFor(v), bucketOf(v))
	if err != nil {
		return err
	}
	draw.Draw(img, img.Bounds(), image.NewUniform(s.Sea), image.Point{}, draw.Src)
	px := newPixels(v)
	cb := r.canvas(img.Bounds().Dx(), img.Bounds().Dy())
	defer r.pool.Put(cb)
	// The grid goes under the land: it helps reading the sea, and on land
	// the borders are reference enough.
	if s.ShowGraticule {
		r.graticule(img, v, px, s)
	}
	z := cb.z
	z.Reset(img.Bounds().Dx(), img.Bounds().Dy())

	// Land: one pass for every ring, so that holes cancel and shared edges
	// leave no seams.
	var scratch orb.Ring
	for _, f := range ly.land {
		if !f.bound.Intersects(px.box) {
			continue
		}
		ring := orb.Ring(f.pts)
		if !boundWithin(f.bound, px.box) {
			scratch = append(scratch[:0], f.pts...)
			ring = clip.Ring(px.box, scratch)
			if len(ring) < 3 {
				continue
			}
		}
		x, y := px.xy(ring[0])
		z.MoveTo(x, y)
		for _, q := range ring[1:] {
			x, y := px.xy(q)
			z.LineTo(x, y)
		}
		z.ClosePath()
	}
	cb.paint(img, s.Land)
	r.strokeAll(cb, img, ly.borders, px, s.BorderWidth*v.scale(), s.Border)
	r.strokeAll(cb, img, ly.coasts, px, s.CoastWidth*v.scale(), s.Coast)
	return nil
}

func (r *Renderer) canvas(w, h int) *canvasBuf {
	cb, _ := r.pool.Get().(*canvasBuf)
	if cb == nil {
		cb = &canvasBuf{z: vector.NewRasterizer(w, h)}
	}
	cb.z.Reset(w, h)
	if cb.mask == nil || cb.mask.Rect.Dx() != w || cb.mask.Rect.Dy() != h {
		cb.mask = image.NewAlpha(image.Rect(0, 0, w, h))
	}
	return cb
}

// paint composites c through the coverage of the paths added since the
// last Reset. It skips uncovered pixels, which are most of them for lines,
// and so is several times faster than drawing through the rasterizer.
func (cb *canvasBuf) paint(img *image.RGBA, c color.RGBA) { paintMask(cb.z, cb.mask, img, c) }

// blend draws premultiplied colour c over img through mask, both of the
// same size with tight strides.
func blend(img *image.RGBA, mask *image.Alpha, c color.RGBA) {
	pix := img.Pix
	cr, cg, cb, ca := uint32(c.R), uint32(c.G), uint32(c.B), uint32(c.A)
	mp := mask.Pix
	for i := 0; i < len(mp); i++ {
		// Skip uncovered runs eight pixels at a time.
		if i&7 == 0 && i+8 <= len(mp) && binary.LittleEndian.Uint64(mp[i:]) == 0 {
			i += 7
			continue
		}
		m := mp[i]
		if m == 0 {
			continue
		}
		j := i * 4
		if m == 0xff && ca == 0xff {
			pix[j], pix[j+1], pix[j+2], pix[j+3] = c.R, c.G, c.B, 0xff
			continue
		}
		mm := uint32(m)
		inv := 255 - div255(ca*mm)
		pix[j] = uint8(div255(cr*mm + uint32(pix[j])*inv))
		pix[j+1] = uint8(div255(cg*mm + uint32(pix[j+1])*inv))
		pix[j+2] = uint8(div255(cb*mm + uint32(pix[j+2])*inv))
		pix[j+3] = uint8(div255(ca*mm + uint32(pix[j+3])*inv))
	}
}

// div255 divides by 255 with rounding, without a division.
func div255(x uint32) uint32 {
	x += 128
	return (x + x>>8) >> 8
}

func boundWithin(inner, outer orb.Bound) bool {
	return inner.Min[0] >= outer.Min[0] && inner.Min[1] >= outer.Min[1] &&
		inner.Max[0] <= outer.Max[0] && inner.Max[1] <= outer.Max[1]
}

// strokeAll draws lines of width w device pixels in one rasterizer pass.
func (r *Renderer) strokeAll(cb *canvasBuf, img *image.RGBA, fs []feature, px pixels, w float64, c color.RGBA) {
	b := img.Bounds()
	z := cb.z
	z.Reset(b.Dx(), b.Dy())
	for _, f := range fs {
		if !f.bound.Intersects(px.box) {
			continue
		}
		if boundWithin(f.bound, px.box) {
			strokeLine(z, f.pts, px, w)
			continue
		}
		for _, part := range clip.LineString(px.box, orb.LineString(f.pts)) {
			strokeLine(z, part, px, w)
		}
	}
	cb.paint(img, c)
}

// strokeLine adds a polyline as a chain of rectangles with square caps; the
// rasterizer's coverage saturates where they overlap, so joins show no seams.
func strokeLine(z *vector.Rasterizer, pts []orb.Point, px pixels, w float64) {
	if len(pts) < 2 {
		return
	}
	ax, ay := px.xy(pts[0])
	for _, q := range pts[1:] {
		bx, by := px.xy(q)
		strokeSegment(z, ax, ay, bx, by, float32(w))
		ax, ay = bx, by
	}
}

func strokeSegment(z *vector.Rasterizer, ax, ay, bx, by, w float32) {
	dx, dy := bx-ax, by-ay
	l := float32(math.Hypot(float64(dx), float64(dy)))
	if l < 1e-3 {
		return
	}
	h := w / 2
	ux, uy := dx/l*h, dy/l*h // along the segment, half the width long
	nx, ny := -uy, ux        // across it
	ax, ay, bx, by = ax-ux, ay-uy, bx+ux, by+uy
	z.MoveTo(ax+nx, ay+ny)
	z.LineTo(bx+nx, by+ny)
	z.LineTo(bx-nx, by-ny)
	z.LineTo(ax-nx, ay-ny)
	z.ClosePath()
}

// graticule draws meridians and parallels every 10°, 20° or 30° depending
// on zoom, as a faint reference grid. In Web Mercator they are straight
// vertical and horizontal lines, so they are blended in directly, without a
// rasterizer pass.
func (r *Renderer) graticule(img *image.RGBA, v View, px pixels, s Style) {
	step := 30.0
	switch {
	case v.Zoom >= 4:
		step = 10
	case v.Zoom >= 2.5:
		step = 20
	}
	w := 0.6 * v.scale()
	b := img.Bounds()
	// Lines stop at the edges of the world when it is smaller than the view.
	xw0, yw0 := px.xy(orb.Point{0, 0})
	xw1, yw1 := px.xy(orb.Point{1, 1})
	y0, y1 := max(0, int(yw0)), min(b.Dy(), int(math.Ceil(float64(yw1))))
	x0, x1 := max(0, int(xw0)), min(b.Dx(), int(math.Ceil(float64(xw1))))
	for lon := -180.0; lon <= 180; lon += step {
		mx, _ := mercator(lon, 0)
		x, _ := px.xy(orb.Point{mx, 0})
		lineAA(img, float64(x)-w/2, float64(x)+w/2, y0, y1, true, s.Graticule)
	}
	for lat := -80.0; lat <= 80; lat += step {
		_, my := mercator(0, lat)
		_, y := px.xy(orb.Point{0, my})
		lineAA(img, float64(y)-w/2, float64(y)+w/2, x0, x1, false, s.Graticule)
	}
}

// lineAA blends an axis-aligned band from a to b (device pixels, across the
// line) and from lo to hi along it, with partial coverage at its edges.
func lineAA(img *image.RGBA, a, b float64, lo, hi int, vertical bool, c color.RGBA) {
	bd := img.Bounds()
	across := bd.Dy()
	if vertical {
		across = bd.Dx()
	}
	for k := int(math.Floor(a)); k < int(math.Ceil(b)); k++ {
		if k < 0 || k >= across {
			continue
		}
		cov := math.Min(b, float64(k+1)) - math.Max(a, float64(k))
		if cov <= 0 {
			continue
		}
		m := uint32(cov*255 + 0.5)
		for t := max(lo, 0); t < hi; t++ {
			var i int
			if vertical {
				i = t*img.Stride + k*4
			} else {
				i = k*img.Stride + t*4
			}
			if i < 0 || i+3 >= len(img.Pix) {
				continue
			}
			inv := 255 - div255(uint32(c.A)*m)
			img.Pix[i] = uint8(div255(uint32(c.R)*m + uint32(img.Pix[i])*inv))
			img.Pix[i+1] = uint8(div255(uint32(c.G)*m + uint32(img.Pix[i+1])*inv))
			img.Pix[i+2] = uint8(div255(uint32(c.B)*m + uint32(img.Pix[i+2])*inv))
			img.Pix[i+3] = uint8(div255(uint32(c.A)*m + uint32(img.Pix[i+3])*inv))
		}
	}
}
