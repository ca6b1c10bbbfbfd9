package mapview

import (
	"math/rand"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

func benchMap(b *testing.B, ms []Marker) *Map {
	test.NewTempApp(b)
	m := New()
	m.Resize(fyne.NewSize(1280, 800))
	m.SetMarkers(ms)
	m.RenderImage(1280, 800) // warm the caches
	return m
}

// BenchmarkCachedRedraw is a frame after a selection change: the basemap is
// reused, markers and labels are drawn again.
func BenchmarkCachedRedraw(b *testing.B) {
	m := benchMap(b, sampleMarkers())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.SetSelected([]int64{int64(i%5 + 1)})
		m.RenderImage(1280, 800)
	}
}

// BenchmarkUnchangedRedraw is a repaint with nothing changed: a cache hit.
func BenchmarkUnchangedRedraw(b *testing.B) {
	m := benchMap(b, sampleMarkers())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.RenderImage(1280, 800)
	}
}

// BenchmarkPanFrame is a frame while dragging: basemap and overlay both
// redrawn for a new view.
func BenchmarkPanFrame(b *testing.B) {
	m := benchMap(b, sampleMarkers())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dx := float32(3)
		if i%2 == 1 {
			dx = -3
		}
		m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: dx}})
		m.RenderImage(1280, 800)
	}
}

// BenchmarkMarkers50k is a world-view frame with 50,000 event places,
// clustered.
func BenchmarkMarkers50k(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	ms := make([]Marker, 50000)
	for i := range ms {
		ms[i] = Marker{PlaceID: int64(i + 1), Name: "P", Lat: r.Float64()*140 - 60, Lon: r.Float64()*360 - 180,
			Count: 1 + r.Intn(20), Kind: model.Kinds[r.Intn(len(model.Kinds))]}
	}
	m := benchMap(b, ms)
	m.SetView(geo.NewView(20, 10, 2.3, 1280, 800))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.SetSelected([]int64{int64(i + 1)})
		m.RenderImage(1280, 800)
	}
}
