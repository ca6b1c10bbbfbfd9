package mapview

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/palette"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// sampleMarkers are the sample corpus's places.
func sampleMarkers() []Marker {
	return []Marker{
		{PlaceID: 1, Name: "Geneva", Lat: 46.202, Lon: 6.146, Count: 6, Kind: model.KindTalks, First: day("2012-06-30"), Last: day("2016-02-22")},
		{PlaceID: 2, Name: "Moscow", Lat: 55.751, Lon: 37.618, Count: 4, Kind: model.KindMeeting, First: day("2015-12-15"), Last: day("2016-07-15")},
		{PlaceID: 3, Name: "Crimea", Lat: 45.3, Lon: 34.4, Count: 1, Kind: model.KindAnnexation, First: day("2014-03-18"), Extent: Region},
		{PlaceID: 4, Name: "Amman", Lat: 31.955, Lon: 35.945, Count: 2, Kind: model.KindAgreement, First: day("2016-05-09"), Last: day("2016-05-10")},
		{PlaceID: 5, Name: "Palmyra", Lat: 34.561, Lon: 38.281, Count: 3, Kind: model.KindMilitary, First: day("2016-03-24"), Last: day("2016-03-27")},
		// Events placed at the whole of Syria: the gazetteer puts the
		// country's point a few pixels from Palmyra.
		{PlaceID: 6, Name: "Syria", Lat: 35.0, Lon: 38.0, Count: 4, Kind: model.KindCeasefire, First: day("2015-09-30"), Last: day("2016-03-14"),
			Extent: Country, Country: "SY"},
	}
}

func newSampleMap(t *testing.T, w, h float32) *Map {
	t.Helper()
	test.NewTempApp(t)
	m := New()
	m.Resize(fyne.NewSize(w, h))
	m.SetMarkers(sampleMarkers())
	return m
}

// forcedVariant is the default theme pinned to one variant.
type forcedVariant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (f forcedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.v)
}

func TestGolden(t *testing.T) {
	tests := []struct {
		golden  string
		variant fyne.ThemeVariant
	}{
		{"sample_light.png", theme.VariantLight},
		{"sample_dark.png", theme.VariantDark},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			m := newSampleMap(t, 900, 560)
			fyne.CurrentApp().Settings().SetTheme(forcedVariant{theme.DefaultTheme(), tt.variant})
			m.SetSelected([]int64{5})
			test.AssertObjectRendersToImage(t, tt.golden, m)
		})
	}
}

func TestGoldenTooltip(t *testing.T) {
	m := newSampleMap(t, 640, 400)
	fyne.CurrentApp().Settings().SetTheme(forcedVariant{theme.DefaultTheme(), theme.VariantLight})
	v := m.View()
	x, y := v.Project(46.202, 6.146) // Geneva
	m.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(x), float32(y))}})
	test.AssertObjectRendersToImage(t, "tooltip.png", m)
}

func TestDefaultViewFitsMarkers(t *testing.T) {
	m := newSampleMap(t, 900, 560)
	v := m.View()
	for _, mk := range sampleMarkers() {
		// The whole disc shows, with room for a selection ring.
		if !v.Contains(mk.Lat, mk.Lon, geo.DiscRadius(float64(mk.Count))+5) {
			x, y := v.Project(mk.Lat, mk.Lon)
			t.Errorf("%s at (%.0f, %.0f) is not inside the %vx%v view with a margin", mk.Name, x, y, v.Width, v.Height)
		}
	}
	if v.Zoom < 2.5 || v.Zoom > 5 {
		t.Errorf("zoom %.2f, want a regional view", v.Zoom)
	}
}

func TestInteraction(t *testing.T) {
	tests := []struct {
		name  string
		act   func(m *Map)
		check func(t *testing.T, before, after geo.View)
	}{
		{"drag right moves the map east", func(m *Map) {
			m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 120, DY: 0}})
			m.DragEnd()
		}, func(t *testing.T, b, a geo.View) {
			if !(a.Center[0] < b.Center[0]-1) || math.Abs(a.Center[1]-b.Center[1]) > 1e-6 || a.Zoom != b.Zoom {
				t.Errorf("centre %v → %v, want further west at the same latitude and zoom", b.Center, a.Center)
			}
			// The place that was under x=300 is now under x=420.
			lat, lon := b.Unproject(300, 200)
			if x, _ := a.Project(lat, lon); math.Abs(x-420) > 0.5 {
				t.Errorf("dragged point at x=%.1f, want 420", x)
			}
		}},
		{"drag down moves the map south", func(m *Map) {
			m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 0, DY: 80}})
		}, func(t *testing.T, b, a geo.View) {
			if !(a.Center[1] > b.Center[1]) {
				t.Errorf("latitude %v → %v, want north", b.Center[1], a.Center[1])
			}
		}},
		{"scroll up zooms in at the cursor", func(m *Map) {
			m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(200, 150)}, Scrolled: fyne.Delta{DY: 25}})
		}, func(t *testing.T, b, a geo.View) {
			if math.Abs(a.Zoom-b.Zoom-0.5) > 1e-9 {
				t.Errorf("zoom %v → %v, want +0.5", b.Zoom, a.Zoom)
			}
			lat, lon := b.Unproject(200, 150)
			if x, y := a.Project(lat, lon); math.Abs(x-200) > 0.5 || math.Abs(y-150) > 0.5 {
				t.Errorf("point under the cursor moved to (%.1f, %.1f)", x, y)
			}
		}},
		{"scroll down zooms out", func(m *Map) {
			m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(450, 280)}, Scrolled: fyne.Delta{DY: -50}})
		}, func(t *testing.T, b, a geo.View) {
			if math.Abs(a.Zoom-(b.Zoom-1)) > 1e-9 {
				t.Errorf("zoom %v → %v, want -1", b.Zoom, a.Zoom)
			}
		}},
		{"double tap zooms in", func(m *Map) {
			m.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(450, 280)})
		}, func(t *testing.T, b, a geo.View) {
			if math.Abs(a.Zoom-b.Zoom-1) > 1e-9 {
				t.Errorf("zoom %v → %v, want +1", b.Zoom, a.Zoom)
			}
		}},
		{"plus key zooms in", func(m *Map) { m.TypedRune('+') }, func(t *testing.T, b, a geo.View) {
			if math.Abs(a.Zoom-b.Zoom-1) > 1e-9 {
				t.Errorf("zoom %v → %v, want +1", b.Zoom, a.Zoom)
			}
		}},
		{"minus key zooms out", func(m *Map) { m.TypedRune('-') }, func(t *testing.T, b, a geo.View) {
			if math.Abs(a.Zoom-b.Zoom+1) > 1e-9 {
				t.Errorf("zoom %v → %v, want -1", b.Zoom, a.Zoom)
			}
		}},
		{"left arrow pans west", func(m *Map) { m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) }, func(t *testing.T, b, a geo.View) {
			if !(a.Center[0] < b.Center[0]) {
				t.Errorf("longitude %v → %v, want west", b.Center[0], a.Center[0])
			}
		}},
		{"up arrow pans north", func(m *Map) { m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp}) }, func(t *testing.T, b, a geo.View) {
			if !(a.Center[1] > b.Center[1]) {
				t.Errorf("latitude %v → %v, want north", b.Center[1], a.Center[1])
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newSampleMap(t, 900, 560)
			before := m.View()
			tt.act(m)
			tt.check(t, before, m.View())
		})
	}
}

func TestFitMarkersAfterPanning(t *testing.T) {
	m := newSampleMap(t, 900, 560)
	fitted := m.View()
	m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 400, DY: -300}})
	m.ZoomIn()
	m.FitMarkers()
	if got := m.View(); math.Abs(got.Zoom-fitted.Zoom) > 1e-9 || got.Center.Equal(fitted.Center) == false {
		t.Errorf("FitMarkers gave %v, want the initial fit %v", got, fitted)
	}
}

func TestPanToOffscreenPlace(t *testing.T) {
	m := newSampleMap(t, 900, 560)
	before := m.View()
	m.PanTo(46.2, 6.15) // Geneva is in view: nothing moves
	if m.View() != before {
		t.Errorf("PanTo a visible place moved the view")
	}
	m.PanTo(38.9, -77.04) // Washington is not
	if v := m.View(); !v.Contains(38.9, -77.04, 40) {
		t.Errorf("PanTo(Washington) left it off-screen: centre %v", v.Center)
	}
}

func TestTapReportsPlace(t *testing.T) {
	m := newSampleMap(t, 900, 560)
	var got int64
	m.OnPlaceTapped = func(id int64) { got = id }
	v := m.View()
	x, y := v.Project(55.751, 37.618) // Moscow
	m.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32(x), float32(y))})
	if got != 2 {
		t.Errorf("tap on Moscow reported place %d, want 2", got)
	}
	got = 0
	m.Tapped(&fyne.PointEvent{Position: fyne.NewPos(5, 5)})
	if got != 0 {
		t.Errorf("tap on empty map reported place %d", got)
	}
}

func TestHoverTooltip(t *testing.T) {
	m := newSampleMap(t, 900, 560)
	v := m.View()
	x, y := v.Project(34.561, 38.281) // Palmyra
	m.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(x+2), float32(y))}})
	tip := m.Tooltip()
	for _, want := range []string{"Palmyra", "3 events", "24 Mar 2016 – 27 Mar 2016"} {
		if !strings.Contains(tip, want) {
			t.Errorf("tooltip %q lacks %q", tip, want)
		}
	}
	if m.Cursor() != desktop.PointerCursor {
		t.Error("cursor over a marker is not a pointer")
	}
	m.MouseOut()
	if m.Tooltip() != "" {
		t.Error("tooltip still shown after the mouse left")
	}
}

func TestClustersAtWorldZoom(t *testing.T) {
	m := newSampleMap(t, 900, 560)
	m.SetView(geo.NewView(30, 20, 1, 900, 560))
	v := m.View()
	x, y := v.Project(33.2, 37.1) // between Amman and Palmyra
	m.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(x), float32(y))}})
	tip := m.Tooltip()
	if !strings.Contains(tip, "more place") || !strings.Contains(tip, "events") {
		t.Errorf("tooltip over the Levant at world zoom = %q, want a cluster", tip)
	}
	// Tapping a cluster zooms in rather than reporting one place.
	var got int64
	m.OnPlaceTapped = func(id int64) { got = id }
	m.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32(x), float32(y))})
	if got != 0 || m.View().Zoom <= v.Zoom {
		t.Errorf("tap on cluster: reported %d, zoom %v → %v; want a zoom in", got, v.Zoom, m.View().Zoom)
	}
	// … far enough that Amman and Palmyra show as discs of their own.
	names := map[string]bool{}
	for _, d := range m.Discs() {
		if d.Places == 1 {
			names[d.Name] = true
		}
	}
	if !names["Amman"] || !names["Palmyra"] {
		t.Errorf("after the tap the view shows single discs %v, want Amman and Palmyra apart", names)
	}
}

func TestCountText(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{7, "7"}, {999, "999"}, {1000, "1.0k"}, {1234, "1.2k"}, {9949, "9.9k"}, {9950, "10k"}, {175_400, "175k"},
		{999_499, "999k"}, {999_500, "1.0M"}, {1_000_000, "1.0M"},
	}
	for _, tt := range tests {
		if got := CountText(tt.n); got != tt.want {
			t.Errorf("CountText(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestRenderImageAtDeviceScale(t *testing.T) {
	m := newSampleMap(t, 900, 560)
	v := m.View()
	x, y := v.Project(46.202, 6.146) // Geneva, a "talks" marker
	for _, scale := range []int{1, 2} {
		img := m.RenderImage(900*scale, 560*scale)
		if b := img.Bounds(); b.Dx() != 900*scale || b.Dy() != 560*scale {
			t.Fatalf("scale %d: image %v", scale, b)
		}
		// The marker's disc spans the same logical radius at every scale:
		// its colour shows 5 logical pixels left of the centre.
		r, g, b, _ := img.At(int((x-5)*float64(scale)), int(y*float64(scale))).RGBA()
		want := palette.KindRGBA(model.KindTalks)
		if r>>8 != uint32(want.R) || g>>8 != uint32(want.G) || b>>8 != uint32(want.B) {
			t.Errorf("scale %d: pixel left of Geneva's centre is %d,%d,%d, want the talks colour %v", scale, r>>8, g>>8, b>>8, want)
		}
	}
}

// TestSampleDefaultViewKeepsPlacesApart checks the sample at the sizes the
// map panel has in the main window: each of the five places is drawn on its
// own (no cluster), labelled, with no label over another or over a disc,
// and Syria is an area named with its count, not a disc.
func TestSampleDefaultViewKeepsPlacesApart(t *testing.T) {
	tests := []struct {
		name string
		w, h float32
	}{
		{"1280x800 window", 594, 278},
		{"1024x700 window", 478, 236},
		{"golden size", 900, 560},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newSampleMap(t, tt.w, tt.h)
			m.RenderImage(int(tt.w), int(tt.h))
			m.mu.Lock()
			defer m.mu.Unlock()
			drawn := map[string]bool{}
			for _, c := range m.clusters {
				if len(c.members) != 1 {
					var names []string
					for _, i := range c.members {
						names = append(names, m.markers[i].Name)
					}
					t.Errorf("cluster of %v at the default view", names)
					continue
				}
				drawn[m.markers[c.members[0]].Name] = true
			}
			for _, i := range m.areas {
				drawn[m.markers[i].Name] = true
				if m.markers[i].Name == "Syria" && m.markers[i].Extent != Country {
					t.Errorf("Syria drawn as %v, want a country area", m.markers[i].Extent)
				}
			}
			labelled := map[string]geo.Label{}
			for _, l := range m.labels {
				labelled[l.Text] = l
			}
			for _, name := range []string{"Geneva", "Moscow", "Crimea", "Amman", "Palmyra", "Syria"} {
				if !drawn[name] {
					t.Errorf("%s is not drawn on its own", name)
				}
				if _, ok := labelled[name]; !ok {
					t.Errorf("%s has no label", name)
				}
			}
			if l := labelled["Syria"]; l.Kind != geo.LabelArea || l.Badge != "4" {
				t.Errorf("Syria's label is kind %v badge %q, want an area label with badge 4", l.Kind, l.Badge)
			}
			for i, a := range m.labels {
				for _, b := range m.labels[i+1:] {
					if a.Box.Overlaps(b.Box) {
						t.Errorf("labels %q and %q overlap", a.Text, b.Text)
					}
				}
				for _, c := range m.clusters {
					disc := geo.Rect{X0: c.x - c.r, Y0: c.y - c.r, X1: c.x + c.r, Y1: c.y + c.r}
					if a.Box.Overlaps(disc) {
						t.Errorf("label %q lies over the disc of %s", a.Text, m.markers[c.members[0]].Name)
					}
				}
			}
		})
	}
}

func TestHoverReportsPlace(t *testing.T) {
	m := newSampleMap(t, 900, 560)
	var got []int64
	m.OnPlaceHovered = func(id int64) { got = append(got, id) }
	v := m.View()
	move := func(lat, lon, dx float64) {
		x, y := v.Project(lat, lon)
		m.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(x+dx), float32(y))}})
	}
	move(34.561, 38.281, 0) // Palmyra
	move(34.561, 38.281, 2) // still Palmyra: no second call
	move(40.0, -20.0, 0)    // the Atlantic
	move(45.3, 34.4, 0)     // Crimea's ring
	move(36.5, 40.0, 0)     // north-eastern Syria, off every disc
	m.MouseOut()
	want := []int64{5, 0, 3, 6, 0}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("OnPlaceHovered calls %v, want %v", got, want)
	}
	if tip := m.Tooltip(); tip != "" {
		t.Errorf("tooltip after leaving: %q", tip)
	}
}

func TestTapOnArea(t *testing.T) {
	tests := []struct {
		name     string
		lat, lon float64
		want     int64
	}{
		{"inside Syria, off the discs", 36.5, 40.0, 6},
		{"on Palmyra inside Syria", 34.561, 38.281, 5},
		{"on Crimea's ring", 45.3, 34.4, 3},
		{"in Iraq", 33.0, 43.5, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newSampleMap(t, 900, 560)
			var got int64
			m.OnPlaceTapped = func(id int64) { got = id }
			x, y := m.View().Project(tt.lat, tt.lon)
			m.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32(x), float32(y))})
			if got != tt.want {
				t.Errorf("tap reported %d, want %d", got, tt.want)
			}
		})
	}
}

func TestExtentOf(t *testing.T) {
	tests := []struct {
		p    model.Place
		want Extent
	}{
		{model.Place{Key: "gn:170654", Feature: "PPLC"}, Point},
		{model.Place{Key: "ne:SY", Feature: "country"}, Country},
		{model.Place{Key: "gn:163843", Feature: "PCLI"}, Country},
		{model.Place{Key: "x:crimea", Feature: "region"}, Region},
		{model.Place{Key: "x:golan", Feature: "feature"}, Region},
		{model.Place{Key: "x:some-town", Feature: "PPL"}, Point},
	}
	for _, tt := range tests {
		if got := ExtentOf(tt.p); got != tt.want {
			t.Errorf("ExtentOf(%s %s) = %v, want %v", tt.p.Key, tt.p.Feature, got, tt.want)
		}
	}
}

// TestCachedRedrawMatchesFresh checks that a frame updated in place for a
// new selection, highlight or pan has the pixels of a map drawn afresh in
// the same state: the cached marker layer and clusters kept across pans
// must not leave stale discs behind.
func TestCachedRedrawMatchesFresh(t *testing.T) {
	type state struct {
		selected, highlighted []int64
		pan                   float32 // logical pixels dragged left
	}
	tests := []struct {
		name  string
		steps []state
	}{
		{"select Amman", []state{{selected: []int64{4}}}},
		{"select then select another", []state{{selected: []int64{4}}, {selected: []int64{5}}}},
		{"highlight Geneva and Palmyra", []state{{highlighted: []int64{1, 5}}}},
		{"select, then clear", []state{{selected: []int64{2}, highlighted: []int64{2}}, {}}},
		{"select, then pan", []state{{selected: []int64{5}}, {selected: []int64{5}, pan: 40}}},
	}
	const w, h = 900, 560
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newSampleMap(t, w, h)
			m.RenderImage(w, h) // the first frame, drawn in full
			var total float32
			for _, st := range tt.steps {
				m.SetSelected(st.selected)
				m.SetHighlighted(st.highlighted)
				if st.pan != 0 {
					m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: -st.pan}})
					total += st.pan
				}
			}
			got := m.RenderImage(w, h).(*image.RGBA)
			last := tt.steps[len(tt.steps)-1]
			fresh := newSampleMap(t, w, h)
			if total != 0 {
				fresh.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: -total}})
			}
			fresh.SetSelected(last.selected)
			fresh.SetHighlighted(last.highlighted)
			want := fresh.RenderImage(w, h).(*image.RGBA)
			if !bytes.Equal(got.Pix, want.Pix) {
				t.Fatal("the updated frame differs from one drawn afresh")
			}
		})
	}
}
