package geo

import (
	"cmp"
	"math"
	"math/rand"
	"slices"
	"testing"
)

// bruteClusters is the clustering rule without a grid: heaviest first,
// each point joins the nearest cluster centre that accepts it, comparing
// every centre. join reports whether a point at distance² d2 joins a
// cluster whose first point has radius r.
func bruteClusters(pts []WeightedPoint, zoom float64, join func(d2, r, pr float64) bool) [][]int {
	order := make([]int, len(pts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(pts[b].Weight, pts[a].Weight) })
	s := TileSize * math.Exp2(zoom)
	type centre struct{ x, y, r float64 }
	var cs []centre
	var out [][]int
	for _, i := range order {
		x, y := mercator(pts[i].Lon, pts[i].Lat)
		x, y = x*s, y*s
		found, best := -1, math.Inf(1)
		for k, c := range cs {
			d2 := (c.x-x)*(c.x-x) + (c.y-y)*(c.y-y)
			if join(d2, c.r, pts[i].Radius) && d2 < best {
				found, best = k, d2
			}
		}
		if found >= 0 {
			out[found] = append(out[found], i)
			continue
		}
		cs = append(cs, centre{x, y, pts[i].Radius})
		out = append(out, []int{i})
	}
	return out
}

// TestPointSetMatchesBruteForce checks the grid against comparing every
// pair, at zooms from the world (dense grid) to a city (sparse grid), with
// points spread over the world and crowded in one region.
func TestPointSetMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	pts := make([]WeightedPoint, 3000)
	for i := range pts {
		lat, lon := r.Float64()*140-60, r.Float64()*360-180
		if i%2 == 0 { // half of them in the Levant
			lat, lon = 30+r.Float64()*8, 33+r.Float64()*10
		}
		w := float64(1 + r.Intn(50))
		pts[i] = WeightedPoint{Lat: lat, Lon: lon, Weight: w + float64(i)*1e-6, Radius: MarkerRadius(int(w))}
	}
	ps := NewPointSet(pts)
	tests := []struct {
		name string
		zoom float64
	}{
		{"world", 2.32},
		{"regional", 5},
		{"city, sparse grid", 9.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const gap = 2.0
			checks := []struct {
				name string
				got  []Cluster
				want [][]int
			}{
				{"ClusterOverlapping", ps.ClusterOverlapping(tt.zoom, gap),
					bruteClusters(pts, tt.zoom, func(d2, r, pr float64) bool { return d2 < (r+pr+gap)*(r+pr+gap) })},
			}
			for _, c := range checks {
				if len(c.got) != len(c.want) {
					t.Fatalf("%s: %d clusters, want %d", c.name, len(c.got), len(c.want))
				}
				merged := 0
				for k := range c.got {
					if !slices.Equal(c.got[k].Members, c.want[k]) {
						t.Fatalf("%s: cluster %d members %v, want %v", c.name, k, c.got[k].Members, c.want[k])
					}
					w := 0.0
					for _, i := range c.want[k] {
						w += pts[i].Weight
					}
					if math.Abs(c.got[k].Weight-w) > 1e-6 {
						t.Errorf("%s: cluster %d weight %v, want %v", c.name, k, c.got[k].Weight, w)
					}
					if len(c.want[k]) > 1 {
						merged++
					}
				}
				if tt.zoom < 3 && merged == 0 {
					t.Errorf("%s: nothing merged at the world view; the test proves little", c.name)
				}
			}
		})
	}
}

// TestClusterIgnoresCentre checks that clusters depend on the zoom only,
// which is what lets the map keep them while the user pans.
func TestClusterIgnoresCentre(t *testing.T) {
	pts := []WeightedPoint{
		{Lat: 31.955, Lon: 35.945, Weight: 2, Radius: MarkerRadius(2)},
		{Lat: 34.561, Lon: 38.281, Weight: 3, Radius: MarkerRadius(3)},
		{Lat: 46.202, Lon: 6.146, Weight: 6, Radius: MarkerRadius(6)},
	}
	a := ClusterOverlapping(pts, NewView(42, 22, 1, 1280, 800), 2)
	b := ClusterOverlapping(pts, NewView(-30, -100, 1, 1280, 800), 2)
	if len(a) != 2 || len(a) != len(b) {
		t.Fatalf("%d and %d clusters, want 2 for both centres", len(a), len(b))
	}
	for k := range a {
		if !slices.Equal(a[k].Members, b[k].Members) {
			t.Errorf("cluster %d: %v with one centre, %v with another", k, a[k].Members, b[k].Members)
		}
	}
}

func BenchmarkPointSetClusterOverlapping50k(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	pts := make([]WeightedPoint, 50000)
	for i := range pts {
		w := 1 + r.Intn(20)
		pts[i] = WeightedPoint{Lat: r.Float64()*140 - 60, Lon: r.Float64()*360 - 180, Weight: float64(w), Radius: MarkerRadius(w)}
	}
	ps := NewPointSet(pts)
	v := worldView()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ps.ClusterOverlapping(v.Zoom, 2)
	}
}
