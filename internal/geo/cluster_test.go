package geo

import (
	"math"
	"math/rand"
	"slices"
	"testing"
)

// testPoints are n points spread over the world, half of them crowded in
// the Levant, a few stacked on one spot, with weights from 1 to 2,000.
func testPoints(seed int64, n int) []WeightedPoint {
	r := rand.New(rand.NewSource(seed))
	pts := make([]WeightedPoint, n)
	for i := range pts {
		lat, lon := r.Float64()*140-60, r.Float64()*360-180
		switch {
		case i%2 == 0:
			lat, lon = 30+r.Float64()*8, 33+r.Float64()*10
		case i%97 == 1:
			lat, lon = 48.85, 2.35 // places at the same spot never separate
		}
		pts[i] = WeightedPoint{Lat: lat, Lon: lon, Weight: 1 + math.Floor(2000*math.Pow(r.Float64(), 8))}
	}
	return pts
}

// TestClusterIndexNoOverlap checks, by comparing every pair, that no two
// discs of a level come closer than the gap at any zoom (whole, fractional
// and between levels), and that the clusters shown account for every point
// exactly once with the right weight, each sitting on its heaviest place.
func TestClusterIndexNoOverlap(t *testing.T) {
	const gap = 2.0
	pts := testPoints(7, 4000)
	ix := NewClusterIndex(pts, gap)
	world := 0
	for _, z := range []float64{MinZoom, 1, 2.32, 2.4, 3.1, 4, 5, 5.6, 7, 8.9, MaxZoom} {
		v := View{Center: [2]float64{0, 0}, Zoom: z, Width: 1e7, Height: 1e7, Scale: 1}
		cs := ix.Query(v, 0, nil)
		seen := make([]bool, len(pts))
		for _, c := range cs {
			w := 0.0
			for _, i := range c.Members {
				if seen[i] {
					t.Fatalf("zoom %v: point %d in two clusters", z, i)
				}
				seen[i] = true
				w += pts[i].Weight
				if pts[i].Weight > pts[c.Seed].Weight {
					t.Fatalf("zoom %v: cluster sits on a place of weight %v, not its heaviest (%v)", z, pts[c.Seed].Weight, pts[i].Weight)
				}
			}
			if math.Abs(w-c.Weight) > 1e-6 {
				t.Errorf("zoom %v: cluster weight %v, members weigh %v", z, c.Weight, w)
			}
			if !slices.Contains(c.Members, c.Seed) {
				t.Errorf("zoom %v: seed %d not among its members", z, c.Seed)
			}
		}
		for i, ok := range seen {
			if !ok {
				t.Fatalf("zoom %v: point %d in no cluster", z, i)
			}
		}
		for a := range cs {
			ax, ay := v.Project(cs[a].Lat, cs[a].Lon)
			for b := a + 1; b < len(cs); b++ {
				bx, by := v.Project(cs[b].Lat, cs[b].Lon)
				if d := math.Hypot(ax-bx, ay-by); d < cs[a].Radius()+cs[b].Radius()+gap-1e-6 {
					t.Fatalf("zoom %v: discs of %v and %v events %.1f px apart, radii %.1f and %.1f",
						z, cs[a].Weight, cs[b].Weight, d, cs[a].Radius(), cs[b].Radius())
				}
			}
		}
		if z == 2.32 {
			world = len(cs)
		}
	}
	if world >= len(pts)/4 {
		t.Errorf("%d discs at the world view for %d points: the test proves little", world, len(pts))
	}
}

// TestClusterIndexSplits checks that a cluster tapped at its SplitZoom
// shows as several clusters there, and that a view shows the same clusters
// wherever it is centred.
func TestClusterIndexSplits(t *testing.T) {
	pts := testPoints(3, 3000)
	ix := NewClusterIndex(pts, 2)
	huge := func(z float64) View {
		return View{Center: [2]float64{0, 0}, Zoom: z, Width: 1e7, Height: 1e7, Scale: 1}
	}
	cs := ix.Query(huge(2.32), 0, nil)
	split := 0
	for _, c := range cs {
		if len(c.Members) < 2 || math.IsInf(c.SplitZoom, 1) {
			continue
		}
		if c.SplitZoom <= 2.32 || c.SplitZoom > MaxZoom {
			t.Fatalf("cluster of %d splits at zoom %v", len(c.Members), c.SplitZoom)
		}
		n := 0
		for _, d := range ix.Query(huge(c.SplitZoom), 0, nil) {
			if slices.Contains(c.Members, d.Seed) {
				n++
			}
		}
		if n < 2 {
			t.Errorf("cluster of %d members is still one disc at its split zoom %v", len(c.Members), c.SplitZoom)
		}
		split++
	}
	if split == 0 {
		t.Fatal("no cluster to split at the world view")
	}
	// A small view sees the same discs as the whole world, only fewer.
	all := map[int]float64{}
	for _, c := range ix.Query(huge(5), 0, nil) {
		all[c.Seed] = c.Weight
	}
	small := ix.Query(NewView(34, 38, 5, 640, 400), 0, nil)
	if len(small) == 0 || len(small) >= len(all) {
		t.Fatalf("%d discs in a regional view, %d in the world", len(small), len(all))
	}
	for _, c := range small {
		if all[c.Seed] != c.Weight {
			t.Errorf("disc at point %d weighs %v in the region, %v in the world", c.Seed, c.Weight, all[c.Seed])
		}
	}
}

// TestClusterIndexAmmanPalmyra keeps markers that merely sit near each
// other apart: Amman and Palmyra are two discs at a regional view, one at
// the world view.
func TestClusterIndexAmmanPalmyra(t *testing.T) {
	pts := []WeightedPoint{
		{Lat: 31.955, Lon: 35.945, Weight: 2},
		{Lat: 34.561, Lon: 38.281, Weight: 3},
		{Lat: 46.202, Lon: 6.146, Weight: 6},
	}
	ix := NewClusterIndex(pts, 2)
	tests := []struct {
		name     string
		lat, lon float64
		zoom     float64
		want     int
	}{
		{"world view merges the Levant", 42, 22, 1, 2},
		{"regional view keeps Amman and Palmyra apart", 42, 22, 4, 3},
		{"zoomed in on the Levant", 33, 37, 6, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := ix.Query(NewView(tt.lat, tt.lon, tt.zoom, 1280, 800), 0, nil)
			if len(cs) != tt.want {
				t.Fatalf("%d clusters %+v, want %d", len(cs), cs, tt.want)
			}
			for _, c := range cs {
				if len(c.Members) == 2 && c.Seed != 1 {
					t.Errorf("Levant cluster %+v: want it on Palmyra, the heavier", c)
				}
			}
		})
	}
}

func TestDiscRadiusGrowsWithLog(t *testing.T) {
	tests := []struct {
		count, want float64
	}{
		{1, 7}, {10, 11.25}, {100, 15.5}, {10000, 24}, {1e6, 32.5},
	}
	for _, tt := range tests {
		if got := DiscRadius(tt.count); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("DiscRadius(%v) = %v, want %v", tt.count, got, tt.want)
		}
	}
}

func BenchmarkClusterIndexBuild50k(b *testing.B) {
	pts := testPoints(1, 50000)
	for i := 0; i < b.N; i++ {
		NewClusterIndex(pts, 2)
	}
}

func BenchmarkClusterIndexQueryWorld50k(b *testing.B) {
	ix := NewClusterIndex(testPoints(1, 50000), 2)
	v := worldView()
	var dst []Cluster
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dst = ix.Query(v, 0, dst[:0])
	}
}

func TestClusterIndexEdgeCases(t *testing.T) {
	paris := WeightedPoint{Lat: 48.85, Lon: 2.35, Weight: 3}
	tests := []struct {
		name    string
		pts     []WeightedPoint
		discs   int
		members int // of the first disc
		splits  bool
	}{
		{"no points", nil, 0, 0, false},
		{"one point", []WeightedPoint{paris}, 1, 1, false},
		{"two at one spot never split", []WeightedPoint{paris, paris}, 1, 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewClusterIndex(tt.pts, 2)
			for _, z := range []float64{MinZoom, 4, MaxZoom} {
				cs := ix.Query(NewView(48.85, 2.35, z, 800, 600), 0, nil)
				if len(cs) != tt.discs {
					t.Fatalf("zoom %v: %d discs, want %d", z, len(cs), tt.discs)
				}
				if len(cs) == 0 {
					continue
				}
				if len(cs[0].Members) != tt.members || math.IsInf(cs[0].SplitZoom, 1) == tt.splits {
					t.Errorf("zoom %v: %d members, split at %v", z, len(cs[0].Members), cs[0].SplitZoom)
				}
			}
		})
	}
}
