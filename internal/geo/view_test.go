package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

func TestProjectRoundTrip(t *testing.T) {
	views := []View{
		NewView(0, 0, 1, 800, 600),
		NewView(45, 20, 4.3, 1280, 800),
		NewView(-33.9, 151.2, 9, 640, 480),
		{Center: orb.Point{37.6, 55.75}, Zoom: 6, Width: 1000, Height: 700, Scale: 2},
	}
	points := []struct{ lat, lon float64 }{
		{46.202, 6.146}, {55.751, 37.618}, {-33.87, 151.21}, {0, 0}, {80, -170}, {-60, 179.9},
	}
	for _, v := range views {
		for _, p := range points {
			x, y := v.Project(p.lat, p.lon)
			lat, lon := v.Unproject(x, y)
			if math.Abs(lat-p.lat) > 1e-9 || math.Abs(lon-p.lon) > 1e-9 {
				t.Errorf("view %+v: (%v, %v) → (%v, %v) → (%v, %v)", v, p.lat, p.lon, x, y, lat, lon)
			}
		}
		// The centre projects to the middle of the view.
		x, y := v.Project(v.Center[1], v.Center[0])
		if math.Abs(x-v.Width/2) > 1e-6 || math.Abs(y-v.Height/2) > 1e-6 {
			t.Errorf("centre of %+v projects to (%v, %v)", v, x, y)
		}
	}
}

func TestProjectMatchesWebMercator(t *testing.T) {
	// At zoom 0 the world is 256 px wide: known tile-pixel positions.
	v := View{Center: orb.Point{0, 0}, Zoom: 0, Width: 256, Height: 256, Scale: 1}
	tests := []struct{ lat, lon, x, y float64 }{
		{0, 0, 128, 128},
		{0, -180, 0, 128},
		{0, 180, 256, 128},
		{85.0511287798, 0, 128, 0},
		{-85.0511287798, 0, 128, 256},
	}
	for _, tt := range tests {
		x, y := v.Project(tt.lat, tt.lon)
		if math.Abs(x-tt.x) > 1e-6 || math.Abs(y-tt.y) > 1e-6 {
			t.Errorf("Project(%v, %v) = (%v, %v), want (%v, %v)", tt.lat, tt.lon, x, y, tt.x, tt.y)
		}
	}
}

func TestZoomAtKeepsPointFixed(t *testing.T) {
	v := NewView(45, 20, 4, 1280, 800)
	for _, dz := range []float64{1, -1, 0.5, 2.25} {
		lat, lon := v.Unproject(300, 200)
		z := v.ZoomAt(dz, 300, 200)
		x, y := z.Project(lat, lon)
		if math.Abs(x-300) > 1e-6 || math.Abs(y-200) > 1e-6 || math.Abs(z.Zoom-v.Zoom-dz) > 1e-9 {
			t.Errorf("ZoomAt(%v): point moved to (%v, %v), zoom %v", dz, x, y, z.Zoom)
		}
	}
	if z := v.ZoomAt(100, 0, 0); z.Zoom != MaxZoom {
		t.Errorf("zoom not clamped: %v", z.Zoom)
	}
}

func TestClampKeepsWorldInView(t *testing.T) {
	v := NewView(84, 0, 3, 1280, 800).Pan(0, -5000)
	_, y := v.Project(maxLat, 0)
	if y > 0.5 {
		t.Errorf("north edge of the world at y=%v after panning past it, want ≤ 0", y)
	}
	w := NewView(60, 0, 0.5, 1280, 800) // world smaller than the view: centred
	if math.Abs(w.Center[1]) > 1e-6 {
		t.Errorf("tiny world centred at latitude %v, want 0", w.Center[1])
	}
}

func TestFitPoints(t *testing.T) {
	tests := []struct {
		name   string
		pts    []orb.Point
		w, h   float64
		margin float64
	}{
		{"sample", sample, 1280, 800, 60},
		{"tall window", sample, 500, 900, 40},
		{"two close places", []orb.Point{{35.945, 31.955}, {38.281, 34.561}}, 800, 600, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := FitPoints(tt.pts, tt.w, tt.h, tt.margin)
			touches := false
			for _, p := range tt.pts {
				x, y := v.Project(p[1], p[0])
				if x < tt.margin-1e-6 || y < tt.margin-1e-6 || x > tt.w-tt.margin+1e-6 || y > tt.h-tt.margin+1e-6 {
					t.Errorf("%v at (%.1f, %.1f) outside the margin", p, x, y)
				}
				if math.Abs(x-tt.margin) < 1 || math.Abs(y-tt.margin) < 1 || math.Abs(x-(tt.w-tt.margin)) < 1 || math.Abs(y-(tt.h-tt.margin)) < 1 {
					touches = true
				}
			}
			if !touches && v.Zoom < 7 {
				t.Errorf("fit is not tight: zoom %v leaves every point inside the margin", v.Zoom)
			}
		})
	}
	single := FitPoints([]orb.Point{{6.146, 46.202}}, 800, 600, 50)
	if single.Zoom != 7 {
		t.Errorf("single point zoom %v, want the cap 7", single.Zoom)
	}
}

func TestLODFor(t *testing.T) {
	tests := []struct {
		zoom, scale float64
		want        LOD
	}{
		{1, 1, LOD110m}, {2.3, 1, LOD110m}, {4, 1, LOD50m}, {4, 2, LOD50m}, {6.5, 1, LOD50m}, {7, 1, LOD10m}, {6, 2, LOD10m},
	}
	for _, tt := range tests {
		v := NewView(45, 20, tt.zoom, 1280, 800)
		v.Scale = tt.scale
		if got := LODFor(v); got != tt.want {
			t.Errorf("LODFor(zoom %v, scale %v) = %v, want %v", tt.zoom, tt.scale, got, tt.want)
		}
	}
}
