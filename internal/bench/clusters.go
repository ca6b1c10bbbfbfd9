package bench

import (
	"fmt"
	"math"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/store"
	"github.com/paulmach/orb"
)

// The cluster metrics take the 1M store's places as the map gets them
// (PlacesIn over the world, each weighted by its events) and time what
// mapview does with them: NewClusterIndex once when the markers are set,
// and for every frame Query and a marker per disc (layout).

// storePoints reads the million-event store's places as weighted points.
func storePoints(env *Env) ([]geo.WeightedPoint, int, error) {
	full, _, closeAll, err := stores(env)
	if err != nil {
		return nil, 0, err
	}
	defer closeAll()
	pcs, err := full.PlacesIn(orb.Bound{}, store.Filter{})
	if err != nil {
		return nil, 0, err
	}
	pts := make([]geo.WeightedPoint, len(pcs))
	events := 0
	for i, pc := range pcs {
		pts[i] = geo.WeightedPoint{Lat: pc.Place.Lat, Lon: pc.Place.Lon, Weight: float64(max(pc.Count, 1))}
		events += pc.Count
	}
	return pts, events, nil
}

func runClusterBuild(env *Env) (Result, func(), error) {
	pts, events, err := storePoints(env)
	if err != nil {
		return Result{}, nil, err
	}
	ds, ref, err := timedOnCPU(7, func() error {
		geo.NewClusterIndex(pts, clusterGap)
		return nil
	})
	if err != nil {
		return Result{}, nil, err
	}
	return Result{Value: median(ds), Ref: ref, RefUnit: "ms", RefWhat: cpuRefWhat,
			Note: fmt.Sprintf("median of %d builds over %d places holding %d events, %d levels a quarter zoom apart",
				len(ds), len(pts), events, geo.LevelOf(geo.MaxZoom)+1)},
		func() { geo.NewClusterIndex(pts, clusterGap) }, nil
}

// clusterViews are the frames the query metric draws: the world, each
// continent, and cities, each panned a little, at zooms that fall between
// the index's levels as well as on them.
func clusterViews() []geo.View {
	world := math.Log2(mapW / float64(geo.TileSize))
	centres := []struct{ lat, lon, zoom float64 }{
		{20, 10, world}, {10, 0, world + 0.4},
		{50, 10, 4}, {35, 100, 4.1}, {40, -95, 3.6}, {-15, -60, 3.8}, {5, 20, 3.7},
		{34, 38, 5.3}, {48.85, 2.35, 8}, {51.5, -0.12, 7.5}, {40.7, -74, 9.2}, {35.7, 139.7, 10}, {28.6, 77.2, 6.6},
	}
	var out []geo.View
	for _, c := range centres {
		for i := range 4 {
			out = append(out, geo.NewView(c.lat+0.3*float64(i), c.lon-0.4*float64(i), c.zoom, mapW, mapH))
		}
	}
	return out
}

func runClusterQuery(env *Env) (Result, func(), error) {
	pts, _, err := storePoints(env)
	if err != nil {
		return Result{}, nil, err
	}
	ix := geo.NewClusterIndex(pts, clusterGap)
	vs := clusterViews()
	i, most := 0, 0
	frame := func() error {
		most = max(most, len(layout(ix, vs[i%len(vs)])))
		i++
		return nil
	}
	for range vs {
		_ = frame()
	}
	ds, ref, err := timedOnCPU(len(vs)*5, frame)
	if err != nil {
		return Result{}, nil, err
	}
	return Result{Value: p95(ds), Ref: ref, RefUnit: "ms", RefWhat: cpuRefWhat,
			Note: fmt.Sprintf("p95 of %d queries over %d views (world, continents, cities; 1280×800), %d places, up to %d discs a view",
				len(ds), len(vs), len(pts), most)},
		func() {
			for range vs {
				_ = frame()
			}
		}, nil
}
