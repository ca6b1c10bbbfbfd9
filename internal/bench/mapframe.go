package bench

import (
	"fmt"
	"image"
	"math"
	"math/rand/v2"
	"time"

	"github.com/briefingatlas/atlas/internal/gen"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

// The map metrics call internal/geo the way the map widget
// (internal/ui/mapview, which the CLI cannot import because it links Fyne)
// does: RenderInto for the basemap; a ClusterIndex built when the markers
// are set and queried per view for the markers; and an OverlayFrame,
// which redraws only the markers whose state changed, for a frame after a
// selection change.

// mapW and mapH are the map's size in a 1280×800 window shown full size.
const mapW, mapH = 1280, 800

// clusterGap is mapview's: discs closer than their radii plus this merge.
const clusterGap = 2

// clusterPx is how far off-screen a cluster may sit and still be drawn.
const clusterPx = 26

// regional is the view the map metrics draw: the eastern Mediterranean and
// the Middle East, where the sample corpus's events are, at zoom 5.
func regional() geo.View { return geo.NewView(34, 38, 5, mapW, mapH) }

// cpuRef is the machine-speed reference for figures with no store: gzip
// level 6 of 256 KB of generated article text, best of five, in ms.
func cpuRef() (float64, error) {
	c := gen.New(gen.Options{Seed: 1})
	var buf []byte
	for i := 0; len(buf) < 256<<10; i++ {
		buf = append(buf, c.Article(i).Text...)
	}
	best, err := gzipBest([][]byte{buf[:256<<10]}, 5)
	if err != nil {
		return 0, err
	}
	return ms(best), nil
}

const cpuRefWhat = "gzip -6 of 256 KB of text (machine speed)"

// timedOnCPU runs f n times (see durations) and measures the machine-speed
// reference beside it, for figures with no store.
func timedOnCPU(n int, f func() error) ([]time.Duration, float64, error) {
	ds, err := durations(n, f)
	if err != nil {
		return nil, 0, err
	}
	ref, err := cpuRef()
	if err != nil {
		return nil, 0, err
	}
	return ds, ref, nil
}

// pans are small moves of the regional view, so that every frame is a true
// re-render of a view never drawn before.
func pans(n int) []geo.View {
	out := make([]geo.View, n)
	for i := range out {
		v := regional()
		v.Center[0] += 0.37 * float64(i%7-3)
		v.Center[1] += 0.23 * float64(i%5-2)
		out[i] = v.Clamp()
	}
	return out
}

func runMapFrame(env *Env) (Result, func(), error) {
	r := geo.NewRenderer()
	img := image.NewRGBA(image.Rect(0, 0, mapW, mapH))
	vs := pans(25)
	// The first frame at a zoom level projects and simplifies the
	// geometry once; re-renders reuse it, as in the app.
	if err := r.RenderInto(img, vs[0], geo.LightStyle); err != nil {
		return Result{}, nil, err
	}
	i := 0
	ds, ref, err := timedOnCPU(len(vs), func() error {
		i++
		return r.RenderInto(img, vs[i%len(vs)], geo.LightStyle)
	})
	if err != nil {
		return Result{}, nil, err
	}
	work := func() {
		for _, v := range vs {
			_ = r.RenderInto(img, v, geo.LightStyle)
		}
	}
	return Result{Value: median(ds), Ref: ref, RefUnit: "ms", RefWhat: cpuRefWhat,
		Note: fmt.Sprintf("median of %d panned re-renders, 1280×800, zoom 5, 1:%s", len(ds), geo.LODFor(vs[0]))}, work, nil
}

// markerPoints returns 50,000 weighted places as the map gets them: real
// gazetteer cities (the same as the generated store's), weights with the
// store's heavy head.
func markerPoints() ([]geo.WeightedPoint, []model.Place, error) {
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return nil, nil, err
	}
	places := gen.Places(1, 50_000, g.LargestCities(50_000))
	r := rand.New(rand.NewPCG(1, 2))
	pts := make([]geo.WeightedPoint, len(places))
	for i, p := range places {
		w := 1 + math.Floor(2000*math.Pow(r.Float64(), 8)*(1-float64(i)/float64(len(places))))
		pts[i] = geo.WeightedPoint{Lat: p.Lat, Lon: p.Lon, Weight: w}
	}
	return pts, places, nil
}

// layout is mapview's marker layout for a view: the clusters of the index
// built when the markers were set that reach into the view, each placed.
func layout(ix *geo.ClusterIndex, v geo.View) []geo.Marker {
	cs := ix.Query(v, clusterPx, nil)
	out := make([]geo.Marker, 0, len(cs))
	for _, c := range cs {
		out = append(out, geo.Marker{Lat: c.Lat, Lon: c.Lon, Radius: c.Radius()})
	}
	return out
}

func runMarkers(env *Env) (Result, func(), error) {
	pts, _, err := markerPoints()
	if err != nil {
		return Result{}, nil, err
	}
	// The world fitted to the map: every place is in view.
	world := geo.NewView(20, 10, math.Log2(mapW/float64(geo.TileSize)), mapW, mapH)
	// The index is built once, when the map gets its markers; that cost
	// goes in the note.
	var ix *geo.ClusterIndex
	prep, err := durations(3, func() error {
		ix = geo.NewClusterIndex(pts, clusterGap)
		return nil
	})
	if err != nil {
		return Result{}, nil, err
	}
	var n int
	ds, ref, err := timedOnCPU(15, func() error {
		n = len(layout(ix, world))
		return nil
	})
	if err != nil {
		return Result{}, nil, err
	}
	return Result{Value: median(ds), Ref: ref, RefUnit: "ms", RefWhat: cpuRefWhat,
			Note: fmt.Sprintf("median of %d, %d places → %d markers, world view 1280×800; building the cluster index when markers change: %.1f ms",
				len(ds), len(pts), n, median(prep))},
		func() { layout(ix, world) }, nil
}

func runMapCached(env *Env) (Result, func(), error) {
	pts, places, err := markerPoints()
	if err != nil {
		return Result{}, nil, err
	}
	cities, err := geo.MajorCities()
	if err != nil {
		return Result{}, nil, err
	}
	v := regional()
	base := image.NewRGBA(image.Rect(0, 0, mapW, mapH))
	if err := geo.NewRenderer().RenderInto(base, v, geo.LightStyle); err != nil {
		return Result{}, nil, err
	}
	// Markers, names and context cities are laid out and drawn once per
	// view; a cached frame is one after a change of selection, as when the
	// user picks an event, which redraws only the affected markers.
	cs := geo.NewClusterIndex(pts, clusterGap).Query(v, clusterPx, nil)
	var o geo.Overlay
	o.CountryLabels = true
	for _, c := range cs {
		first := places[c.Seed]
		name := first.Name
		if len(c.Members) > 1 {
			name = fmt.Sprintf("%s +%d", first.Name, len(c.Members)-1)
		}
		o.Markers = append(o.Markers, geo.Marker{Lat: c.Lat, Lon: c.Lon, Radius: c.Radius(),
			Fill: geo.LightStyle.Land, Text: fmt.Sprint(int(c.Weight)), Name: name})
	}
	o.Cities = cities.ContextCities(v, 45)
	var f geo.OverlayFrame
	if _, _, err := f.Draw(base, v, geo.LightStyle, o); err != nil {
		return Result{}, nil, err
	}
	if len(o.Markers) == 0 {
		return Result{}, nil, fmt.Errorf("map_cached_ms: no markers in the regional view")
	}
	// Each frame selects the next marker, deselecting the previous one,
	// as mapview's SetSelected does when the user picks another event.
	sel := 0
	draw1 := func() error {
		o.Markers[sel].Selected = false
		sel = (sel + 1) % len(o.Markers)
		o.Markers[sel].Selected = true
		_, _, err := f.Draw(base, v, geo.LightStyle, o)
		return err
	}
	if err := draw1(); err != nil {
		return Result{}, nil, err
	}
	ds, ref, err := timedOnCPU(25, draw1)
	if err != nil {
		return Result{}, nil, err
	}
	return Result{Value: median(ds), Ref: ref, RefUnit: "ms", RefWhat: cpuRefWhat,
			Note: fmt.Sprintf("median of %d selection changes over %d markers with labels, regional view: redraw the changed markers' surroundings", len(ds), len(o.Markers))},
		func() { _ = draw1() }, nil
}
