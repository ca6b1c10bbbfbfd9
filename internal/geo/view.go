package geo

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
)

// TileSize is the width in logical pixels of the whole world at zoom 0, as
// on web maps, so that zoom levels mean what users expect.
const TileSize = 256

// Zoom limits: below MinZoom the world is smaller than a thumbnail, above
// MaxZoom the 1:10m data is coarser than a pixel.
const (
	MinZoom = 0.5
	MaxZoom = 10
	maxLat  = 85.05112878 // the square Web Mercator world
)

// View is what a map shows: a centre, a zoom and a size in logical pixels,
// drawn at Scale device pixels per logical pixel (2 on HiDPI screens).
type View struct {
	Center orb.Point // lon, lat in degrees
	Zoom   float64   // the world is TileSize·2^Zoom logical pixels wide
	Width  float64   // logical pixels
	Height float64
	Scale  float64 // device pixels per logical pixel; 0 means 1
}

// NewView returns a view of the given size centred on lat, lon.
func NewView(lat, lon, zoom, width, height float64) View {
	v := View{Center: orb.Point{lon, lat}, Zoom: zoom, Width: width, Height: height, Scale: 1}
	return v.Clamp()
}

// mercator maps degrees to the unit square: x from 0 (180°W) to 1, y from 0
// (85°N) to 1 (85°S), through orb's Web Mercator projection.
func mercator(lon, lat float64) (x, y float64) {
	p := project.WGS84.ToMercator(orb.Point{lon, math.Max(-maxLat, math.Min(maxLat, lat))})
	const half = orb.EarthRadius * math.Pi
	return (p[0] + half) / (2 * half), (half - p[1]) / (2 * half)
}

func unmercator(x, y float64) (lon, lat float64) {
	const half = orb.EarthRadius * math.Pi
	p := project.Mercator.ToWGS84(orb.Point{x*2*half - half, half - y*2*half})
	return p[0], p[1]
}

// worldSize is the width of the world in logical pixels.
func (v View) worldSize() float64 { return TileSize * math.Exp2(v.Zoom) }

func (v View) scale() float64 {
	if v.Scale <= 0 {
		return 1
	}
	return v.Scale
}

// Project returns the logical pixel position of a point in the view, with
// the origin at the top left.
func (v View) Project(lat, lon float64) (x, y float64) {
	mx, my := mercator(lon, lat)
	cx, cy := mercator(v.Center[0], v.Center[1])
	s := v.worldSize()
	return (mx-cx)*s + v.Width/2, (my-cy)*s + v.Height/2
}

// projector returns Project with the view's constants computed once, for
// loops over many points.
func (v View) projector() func(lat, lon float64) (x, y float64) {
	cx, cy := mercator(v.Center[0], v.Center[1])
	s := v.worldSize()
	w2, h2 := v.Width/2, v.Height/2
	return func(lat, lon float64) (float64, float64) {
		mx, my := mercator(lon, lat)
		return (mx-cx)*s + w2, (my-cy)*s + h2
	}
}

// Unproject returns the latitude and longitude at a logical pixel position.
func (v View) Unproject(x, y float64) (lat, lon float64) {
	cx, cy := mercator(v.Center[0], v.Center[1])
	s := v.worldSize()
	lon, lat = unmercator(cx+(x-v.Width/2)/s, cy+(y-v.Height/2)/s)
	return lat, lon
}

// Clamp keeps the zoom within limits and the centre on the world, so that a
// drag cannot lose the map off-screen.
func (v View) Clamp() View {
	v.Zoom = math.Max(MinZoom, math.Min(MaxZoom, v.Zoom))
	v.Center[1] = math.Max(-maxLat, math.Min(maxLat, v.Center[1]))
	v.Center[0] = math.Max(-180, math.Min(180, v.Center[0]))
	// Keep the poles from scrolling into the middle of the view when the
	// world is taller than the view.
	s := v.worldSize()
	_, cy := mercator(v.Center[0], v.Center[1])
	if half := v.Height / 2 / s; half < 0.5 {
		cy = math.Max(half, math.Min(1-half, cy))
	} else {
		cy = 0.5
	}
	_, v.Center[1] = unmercator(0.5, cy)
	return v
}

// Pan moves the view by dx, dy logical pixels, as when the map is dragged
// by -dx, -dy.
func (v View) Pan(dx, dy float64) View {
	lat, lon := v.Unproject(v.Width/2+dx, v.Height/2+dy)
	v.Center = orb.Point{lon, lat}
	return v.Clamp()
}

// ZoomAt changes the zoom by dz while keeping the point under the logical
// pixel x, y where it is, as scroll-to-zoom should.
func (v View) ZoomAt(dz, x, y float64) View {
	lat, lon := v.Unproject(x, y)
	v.Zoom = math.Max(MinZoom, math.Min(MaxZoom, v.Zoom+dz))
	// Put the remembered point back under the cursor.
	mx, my := mercator(lon, lat)
	s := v.worldSize()
	cx, cy := mx-(x-v.Width/2)/s, my-(y-v.Height/2)/s
	v.Center[0], v.Center[1] = unmercator(cx, cy)
	return v.Clamp()
}

// Contains reports whether a point lies in the view, marginPx inside its edges.
func (v View) Contains(lat, lon, marginPx float64) bool {
	x, y := v.Project(lat, lon)
	return x >= marginPx && y >= marginPx && x <= v.Width-marginPx && y <= v.Height-marginPx
}

// Bound returns the view's extent in degrees.
func (v View) Bound() orb.Bound {
	lat0, lon0 := v.Unproject(0, v.Height)
	lat1, lon1 := v.Unproject(v.Width, 0)
	return orb.Bound{Min: orb.Point{lon0, lat0}, Max: orb.Point{lon1, lat1}}
}

// FitPoints returns the view of size w×h that shows every point (lon, lat)
// with marginPx to spare, zoomed in no further than maxFitZoom so that a
// single place still shows its surroundings.
func FitPoints(points []orb.Point, w, h, marginPx float64) View {
	const maxFitZoom = 7
	if len(points) == 0 {
		return NewView(30, 15, math.Log2(math.Max(w, 1)/TileSize), w, h)
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range points {
		x, y := mercator(p[0], p[1])
		minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	aw, ah := math.Max(w-2*marginPx, 1), math.Max(h-2*marginPx, 1)
	zoom := float64(maxFitZoom)
	if dx, dy := maxX-minX, maxY-minY; dx > 0 || dy > 0 {
		zx := math.Log2(aw / TileSize / math.Max(dx, 1e-12))
		zy := math.Log2(ah / TileSize / math.Max(dy, 1e-12))
		zoom = math.Min(zoom, math.Min(zx, zy))
	}
	lon, lat := unmercator((minX+maxX)/2, (minY+maxY)/2)
	v := View{Center: orb.Point{lon, lat}, Zoom: zoom, Width: w, Height: h, Scale: 1}
	return v.Clamp()
}
