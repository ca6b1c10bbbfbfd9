package geo

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
)

// sample is the sample corpus's places: Geneva, Moscow, Crimea, Amman, Palmyra.
var sample = []orb.Point{{6.146, 46.202}, {37.618, 55.751}, {34.4, 45.3}, {35.945, 31.955}, {38.281, 34.561}}

func regionalView() View {
	return FitPoints(sample, 1280, 800, 60)
}

func worldView() View {
	return NewView(20, 10, 2.32, 1280, 800)
}

// savePNG writes img under $GEO_PNG_DIR so that a person can look at it.
func savePNG(t *testing.T, name string, img image.Image) {
	dir := os.Getenv("GEO_PNG_DIR")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

func colorAt(img *image.RGBA, v View, lat, lon float64) color.RGBA {
	x, y := v.Project(lat, lon)
	s := v.scale()
	return img.RGBAAt(int(x*s), int(y*s))
}

func TestRenderLandAndSea(t *testing.T) {
	tests := []struct {
		name  string
		view  View
		style Style
	}{
		{"regional-light", regionalView(), LightStyle},
		{"world-light", worldView(), LightStyle},
		{"regional-dark-hidpi", func() View { v := regionalView(); v.Scale = 2; return v }(), DarkStyle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Render(tt.view, tt.style)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := img.Bounds().Dx(), int(tt.view.Width*tt.view.scale()); got != want {
				t.Fatalf("width %d, want %d", got, want)
			}
			savePNG(t, tt.name+".png", img)
			land := []struct{ lat, lon float64 }{{48.8, 2.3}, {50.45, 30.52}, {39.9, 32.85}}
			sea := []struct{ lat, lon float64 }{{43.4, 34.3}, {35.0, 18.0}, {34.0, 33.0}}
			for _, p := range land {
				if c := colorAt(img, tt.view, p.lat, p.lon); c != tt.style.Land {
					t.Errorf("(%v, %v) = %v, want land %v", p.lat, p.lon, c, tt.style.Land)
				}
			}
			for _, p := range sea {
				if c := colorAt(img, tt.view, p.lat, p.lon); c != tt.style.Sea {
					t.Errorf("(%v, %v) = %v, want sea %v", p.lat, p.lon, c, tt.style.Sea)
				}
			}
		})
	}
}

func BenchmarkRenderWorld(b *testing.B) {
	v := worldView()
	if _, err := Render(v, LightStyle); err != nil { // fill the caches
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Render(v, LightStyle)
	}
}

func BenchmarkRenderRegional(b *testing.B) {
	v := regionalView()
	if _, err := Render(v, LightStyle); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Render(v, LightStyle)
	}
}

func TestRenderFigure(t *testing.T) {
	names := []string{"Geneva", "Moscow", "Crimea", "Amman", "Palmyra"}
	var ms []FigureMarker
	for i, p := range sample {
		ms = append(ms, FigureMarker{Lat: p[1], Lon: p[0], Number: i + 1, Name: names[i], Count: i + 1,
			Color: color.RGBA{0xd5, 0x5e, 0x00, 0xff}})
	}
	v := regionalView()
	img, err := RenderFigure(v, LightStyle, ms)
	if err != nil {
		t.Fatal(err)
	}
	savePNG(t, "figure.png", img)
	for _, p := range sample {
		if c := colorAt(img, v, p[1], p[0]); c == LightStyle.Land || c == LightStyle.Sea {
			t.Errorf("no marker drawn at %v: %v", p, c)
		}
	}
}
