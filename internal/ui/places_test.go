package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/store"
)

// shownPlaces lists the distinct places of the events the timeline and the
// undated tray show, sorted.
func shownPlaces(m *MainWindow) []string {
	m.Timeline.Refresh()
	var out []string
	for _, e := range append(m.Timeline.VisibleEvents(), m.undated...) {
		if e.Place != nil && !slices.Contains(out, e.Place.Name) {
			out = append(out, e.Place.Name)
		}
	}
	slices.Sort(out)
	return out
}

// Picking a country in the place filter shows every event inside it
// (Syria includes Palmyra); a typed country no event names, and a
// rectangle dragged on the map, narrow the views the same way.
func TestWindowFiltersByRegionAndArea(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	m.WaitLoaded()
	line := ""
	for _, o := range m.placeChoices {
		if c := m.placeBy[o]; c.name == "Syria" && o != "Syria" {
			line = o
		}
	}
	if line == "" {
		t.Fatalf("no line for Syria among %q", m.placeChoices)
	}
	tests := []struct {
		name string
		do   func()
		text string // the place filter's text after
		want []string
	}{
		{"country from the drop-down", func() { m.placeSel.SetText(line) }, "Syria", []string{"Palmyra", "Syria"}},
		{"typed country without a place of its own", func() { m.placeSel.SetText("jordan"); m.placeSel.OnSubmitted("jordan") }, "Jordan", []string{"Amman"}},
		{"map area over the Levant", func() {
			m.placeSel.SetText("")
			m.SetArea(orb.Bound{Min: orb.Point{35, 29}, Max: orb.Point{43, 38}})
		}, "", []string{"Amman", "Palmyra", "Syria"}},
		{"area and country together", func() { m.placeSel.SetText(line) }, "Syria", []string{"Palmyra", "Syria"}},
		{"cleared", m.ClearFilters, "", []string{"Amman", "Crimea", "Geneva", "Moscow", "Palmyra", "Syria"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.do()
			m.WaitLoaded()
			if m.placeSel.Text != tt.text {
				t.Errorf("place filter reads %q, want %q", m.placeSel.Text, tt.text)
			}
			if got := shownPlaces(m); !slices.Equal(got, tt.want) {
				t.Errorf("events shown at %v, want %v", got, tt.want)
			}
		})
	}
	if m.areaBtn.Visible() {
		t.Error("the map area button shows after Clear filters")
	}
}

// The map's area button lays an overlay over the map, and a drag on it
// filters to the events in the dragged rectangle.
func TestMapAreaDragFilters(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	m.WaitLoaded()
	mp := m.Map.(*mapPanel)
	test.Tap(mp.areaBtn)
	if !mp.area.Visible() {
		t.Fatal("the area button did not lay the overlay")
	}
	v := mp.m.View()
	x0, y0 := v.Project(37, 36.5) // north-west of Palmyra and Syria's centre, east of Amman
	x1, y1 := v.Project(33, 40)
	from, to := fyne.NewPos(float32(x0), float32(y0)), fyne.NewPos(float32(x1), float32(y1))
	// As the desktop driver reports a drag: the pointer's position and
	// the move since the last event, in steps. (test.Drag reports the
	// start position instead.)
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	mp.area.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	mp.area.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	mp.area.DragEnd()
	m.WaitLoaded()
	if mp.area.Visible() {
		t.Error("the overlay stays after the drag")
	}
	if m.Filter().Rect == (orb.Bound{}) {
		t.Fatal("the drag set no area")
	}
	if got, want := shownPlaces(m), []string{"Palmyra", "Syria"}; !slices.Equal(got, want) {
		t.Errorf("events shown at %v, want %v", got, want)
	}
}

// Editing an event's place offers the gazetteer's places, not only the
// stored ones, with country and population; the one picked is saved.
func TestEditPlaceOffersTheGazetteer(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	m.WaitLoaded()
	evs := m.Timeline.VisibleEvents()
	if len(evs) == 0 {
		m.Timeline.Refresh()
		evs = m.Timeline.VisibleEvents()
	}
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	e := evs[0]
	m.SelectEvent(e)
	m.act(ActionEdit, e)
	ed := m.editor
	if ed == nil {
		t.Fatal("no edit dialog")
	}
	ed.place.SetText("")
	test.Type(ed.place, "Alepp")
	if len(ed.suggestions) == 0 || !ed.listBox.Visible() {
		t.Fatal("no places offered for Alepp")
	}
	i := slices.IndexFunc(ed.suggestions, func(s placeSuggestion) bool { return s.place.Name == "Aleppo" && s.place.Feature != "ADM1" })
	if i < 0 {
		t.Fatalf("Aleppo not offered: %v", ed.suggestions)
	}
	if l := ed.suggestions[i].label; l != "Aleppo — Aleppo, Syria · 1,602,264 people" {
		t.Errorf("Aleppo offered as %q", l)
	}
	ed.list.Select(i)
	if ed.place.Text != "Aleppo" || ed.picked == nil || ed.listBox.Visible() {
		t.Fatalf("after the pick: text %q, picked %v", ed.place.Text, ed.picked)
	}
	if err := ed.save(); err != nil {
		t.Fatal(err)
	}
	got, err := st.Event(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Place == nil || got.Place.Name != "Aleppo" || got.Place.Country != "SY" || got.Place.CountryName != "Syria" {
		t.Errorf("place after the edit: %+v", got.Place)
	}
	// The new place is filed under Syria like any other.
	ps, err := st.PlacesWithin(store.Region{Country: "SY"}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(ps, func(pc store.PlaceCount) bool { return pc.Place.Name == "Aleppo" }) {
		t.Errorf("Aleppo is not among the places within Syria: %v", ps)
	}
}
