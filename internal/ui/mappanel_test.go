package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/ui/mapview"
)

// TestMapPanelMarkersFromStore checks that the map's markers take their
// colour kind from store.PlaceCount and that the sample's country and
// region are drawn as areas.
func TestMapPanelMarkersFromStore(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	mp, ok := m.Map.(*mapPanel)
	if !ok {
		t.Fatalf("map panel is %T", m.Map)
	}
	pcs, err := st.PlacesIn(orb.Bound{}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[int64]model.Kind{}
	for _, pc := range pcs {
		kinds[pc.Place.ID] = pc.Kind
	}
	extents := map[string]mapview.Extent{}
	for _, mk := range mp.m.Markers() {
		extents[mk.Name] = mk.Extent
		if mk.Kind != kinds[mk.PlaceID] || mk.Kind == "" {
			t.Errorf("%s: marker kind %q, store's dominant kind %q", mk.Name, mk.Kind, kinds[mk.PlaceID])
		}
	}
	tests := []struct {
		name string
		want mapview.Extent
	}{
		{"Moscow", mapview.Point},
		{"Geneva", mapview.Point},
		{"Palmyra", mapview.Point},
		{"Amman", mapview.Point},
		{"Crimea", mapview.Region},
		{"Syria", mapview.Country},
	}
	for _, tt := range tests {
		got, ok := extents[tt.name]
		if !ok {
			t.Errorf("no marker for %s among %v", tt.name, extents)
			continue
		}
		if got != tt.want {
			t.Errorf("%s drawn as extent %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestMapHoverHighlightsTimeline moves the pointer over a marker of the
// real map widget: the timeline highlights that place's events, and stops
// when the pointer leaves.
func TestMapHoverHighlightsTimeline(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	mp := m.Map.(*mapPanel)
	var palmyra *model.Place
	for _, mk := range mp.m.Markers() {
		if mk.Name == "Palmyra" {
			if p, ok := mp.place(mk.PlaceID); ok {
				palmyra = &p
			}
		}
	}
	if palmyra == nil {
		t.Fatal("no Palmyra marker")
	}
	x, y := mp.m.View().Project(palmyra.Lat, palmyra.Lon)
	mp.m.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(x), float32(y))}})
	lit := 0
	for _, e := range m.Timeline.VisibleEvents() {
		on, active := m.Timeline.Highlighted(&e)
		if !active {
			t.Fatal("hovering Palmyra's marker set no highlight on the timeline")
		}
		atPalmyra := e.Place != nil && e.Place.ID == palmyra.ID
		if on != atPalmyra {
			t.Errorf("event %q highlighted %v, at Palmyra %v", e.Title, on, atPalmyra)
		}
		if on {
			lit++
		}
	}
	if lit == 0 {
		t.Error("no event highlighted while hovering Palmyra")
	}
	mp.m.MouseOut()
	evs := m.Timeline.VisibleEvents()
	if _, active := m.Timeline.Highlighted(&evs[0]); active {
		t.Error("the highlight stayed after the pointer left the marker")
	}
}
