package geo

import (
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
	Halo:          color.RGBA{0xff, 0xff, 0xff, 0xd0},
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
	Halo:          color.RGBA{0x10, 0x14, 0x1a, 0xd0},
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
	pool   sync.Pool // *vector.Rasterizer
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
	z := r.rasterizer(img.Bounds().Dx(), img.Bounds().Dy())
	defer r.pool.Put(z)
	// The grid goes under the land: it helps reading the sea, and on land
	// the borders are reference enough.
	if s.ShowGraticule {
		r.graticule(z, img, v, px, s)
		z.Reset(img.Bounds().Dx(), img.Bounds().Dy())
	}

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
	z.Draw(img, img.Bounds(), image.NewUniform(s.Land), image.Point{})
	r.strokeAll(z, img, ly.borders, px, s.BorderWidth*v.scale(), s.Border)
	r.strokeAll(z, img, ly.coasts, px, s.CoastWidth*v.scale(), s.Coast)
	return nil
}

func (r *Renderer) rasterizer(w, h int) *vector.Rasterizer {
	if z, ok := r.pool.Get().(*vector.Rasterizer); ok {
		z.Reset(w, h)
		return z
	}
	return vector.NewRasterizer(w, h)
}

func boundWithin(inner, outer orb.Bound) bool {
	return inner.Min[0] >= outer.Min[0] && inner.Min[1] >= outer.Min[1] &&
		inner.Max[0] <= outer.Max[0] && inner.Max[1] <= outer.Max[1]
}

// strokeAll draws lines of width w device pixels in one rasterizer pass.
func (r *Renderer) strokeAll(z *vector.Rasterizer, img *image.RGBA, fs []feature, px pixels, w float64, c color.RGBA) {
	b := img.Bounds()
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
	z.Draw(img, b, image.NewUniform(c), image.Point{})
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
// on zoom, as a faint reference grid over land and sea.
func (r *Renderer) graticule(z *vector.Rasterizer, img *image.RGBA, v View, px pixels, s Style) {
	step := 30.0
	switch {
	case v.Zoom >= 4:
		step = 10
	case v.Zoom >= 2.5:
		step = 20
	}
	var lines [][]orb.Point
	for lon := -180.0; lon <= 180; lon += step {
		x, _ := mercator(lon, 0)
		lines = append(lines, []orb.Point{{x, 0}, {x, 1}})
	}
	for lat := -80.0; lat <= 80; lat += step {
		_, y := mercator(0, lat)
		lines = append(lines, []orb.Point{{0, y}, {1, y}})
	}
	fs := make([]feature, len(lines))
	for i, l := range lines {
		fs[i] = feature{pts: l, bound: orb.LineString(l).Bound()}
	}
	r.strokeAll(z, img, fs, px, 0.6*v.scale(), s.Graticule)
}
