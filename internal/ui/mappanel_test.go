package ui

import (
	"context"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/gen"
	"github.com/briefingatlas/atlas/internal/geo"
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

// generatedStore writes a synthetic store of n events at places real
// cities (as `atlas gen --store` does) into a temporary folder.
func generatedStore(t *testing.T, events, places int) *store.Store {
	t.Helper()
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	opt := gen.StoreOptions{Seed: 1, Events: events, Years: 10, Places: gen.Places(1, places, g.LargestCities(places))}
	st, err := store.Open(filepath.Join(t.TempDir(), "gen.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	bw, err := st.NewBulkWriter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	sg := gen.NewStore(opt)
	for i := 0; i < opt.Batches(); i++ {
		b := sg.Batch(i)
		if err := bw.AddArticle(&b.Article); err != nil {
			t.Fatal(err)
		}
		for j := range b.Events {
			e := &b.Events[j]
			for k := range e.Sources {
				e.Sources[k].ArticleID = b.Article.ID
			}
			if err := bw.AddEvent(e); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := bw.Commit(); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestMapOf10kEventsKeepsDiscsApart draws a 10,000-event store's places
// at world, continent and city zoom, as a screenshot would, and checks the
// layout that was drawn: no two marker discs overlap, every place is in
// exactly one disc at the world view, and no label overlaps another label
// or a disc. Set ATLAS_MAP_SHOTS to a folder to keep the PNGs.
func TestMapOf10kEventsKeepsDiscsApart(t *testing.T) {
	st := generatedStore(t, 10_000, 3_000)
	pcs, err := st.PlacesIn(orb.Bound{}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	mp := NewMapPanel().(*mapPanel)
	w := test.NewWindow(mp.Object())
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	mp.SetPlaces(pcs)
	mp.WaitMarkers()
	points, events := 0, 0
	for _, mk := range mp.m.Markers() {
		if mk.Extent == mapview.Point {
			points++
			events += mk.Count
		}
	}
	size := mp.m.Size()
	views := []struct {
		name string
		v    geo.View
	}{
		{"world", geo.NewView(20, 10, math.Log2(float64(size.Width)/geo.TileSize), float64(size.Width), float64(size.Height))},
		{"continent", geo.NewView(48, 12, 4, float64(size.Width), float64(size.Height))},
		{"city", geo.NewView(51.5, -0.12, 8, float64(size.Width), float64(size.Height))},
	}
	for _, tt := range views {
		t.Run(tt.name, func(t *testing.T) {
			mp.m.SetView(tt.v)
			img := w.Canvas().Capture() // draws the frame, as a screenshot
			if dir := os.Getenv("ATLAS_MAP_SHOTS"); dir != "" {
				f, err := os.Create(filepath.Join(dir, "map-10k-"+tt.name+".png"))
				if err != nil {
					t.Fatal(err)
				}
				if err := png.Encode(f, img); err != nil {
					t.Fatal(err)
				}
				f.Close()
			}
			discs := mp.m.Discs()
			if len(discs) == 0 {
				t.Fatal("no discs drawn")
			}
			for i, a := range discs {
				for _, b := range discs[i+1:] {
					if d := math.Hypot(a.X-b.X, a.Y-b.Y); d < a.R+b.R {
						t.Fatalf("discs of %s (%d events) and %s (%d events) overlap: %.1f px apart, radii %.1f and %.1f",
							a.Name, a.Count, b.Name, b.Count, d, a.R, b.R)
					}
				}
			}
			if tt.name == "world" {
				n, places := 0, 0
				for _, d := range discs {
					n += d.Count
					places += d.Places
				}
				if n != events || places != points {
					t.Errorf("world discs hold %d events at %d places, want %d at %d", n, places, events, points)
				}
				if len(discs) > points/4 {
					t.Errorf("%d discs for %d places at the world view: not clustered", len(discs), points)
				}
			}
			labels := mp.m.Labels()
			btns := buttonsBox(mp)
			for i, a := range labels {
				if a.Box.Overlaps(btns) {
					t.Errorf("label %q lies under the map's buttons", a.Text)
				}
				for _, b := range labels[i+1:] {
					if a.Box.Overlaps(b.Box) {
						t.Errorf("labels %q and %q overlap", a.Text, b.Text)
					}
				}
				for _, d := range discs {
					if a.Box.Overlaps(geo.Rect{X0: d.X - d.R, Y0: d.Y - d.R, X1: d.X + d.R, Y1: d.Y + d.R}) {
						t.Errorf("label %q overlaps the disc of %s", a.Text, d.Name)
					}
				}
			}
			t.Logf("%s: %d discs, %d labels", tt.name, len(discs), len(labels))
		})
	}
}

// buttonsBox is where the zoom, fit and area buttons lie over the map, in
// the map's logical pixels.
func buttonsBox(mp *mapPanel) geo.Rect {
	p, s := mp.buttons.Position(), mp.buttons.Size()
	return geo.Rect{X0: float64(p.X), Y0: float64(p.Y), X1: float64(p.X + s.Width), Y1: float64(p.Y + s.Height)}
}

// A place just left of the map's buttons is named on its left: a name on
// its right, where names go first, would lie under the buttons.
func TestMapLabelsAvoidButtons(t *testing.T) {
	test.NewTempApp(t)
	mp := NewMapPanel().(*mapPanel)
	w := test.NewWindow(mp.Object())
	defer w.Close()
	w.Resize(fyne.NewSize(800, 500))
	size := mp.m.Size()
	mp.m.SetView(geo.NewView(20, 10, 3, float64(size.Width), float64(size.Height)))
	v := mp.m.View()
	btns := buttonsBox(mp)
	if btns.X1 <= btns.X0 || btns.X1 < float64(size.Width)-40 {
		t.Fatalf("buttons at %+v in a map %v wide", btns, size.Width)
	}
	var pcs []store.PlaceCount
	names := []string{"Aden", "Bam", "Kut", "Sur"} // short: on the right they would end under the buttons, not past the edge
	for i, name := range names {
		// Beside the buttons' left edge, one per button height.
		x, y := btns.X0-24, btns.Y0+12+float64(i)*(btns.Y1-btns.Y0-24)/float64(len(names)-1)
		lat, lon := v.Unproject(x, y)
		pcs = append(pcs, store.PlaceCount{Place: model.Place{ID: int64(i + 1), Name: name, Lat: lat, Lon: lon}, Count: 1, Kind: model.KindMeeting})
	}
	mp.SetPlaces(pcs)
	mp.WaitMarkers()
	w.Canvas().Capture()
	placed := 0
	for _, l := range mp.m.Labels() {
		if l.Box.Overlaps(btns) {
			t.Errorf("label %q at %+v lies under the buttons at %+v", l.Text, l.Box, btns)
		}
		if slices.Contains(names, l.Text) {
			placed++
		}
	}
	if placed < len(names)/2 {
		t.Errorf("%d of %d places beside the buttons are named: the labels should go to their left", placed, len(names))
	}
}

// After a filter change on a store big enough for the map to build its
// cluster index on a goroutine, the old discs stay drawn until the new
// index is in, and then the discs hold exactly the filtered places' events
// without overlapping. The panel is driven as the window drives it (its
// timeline would read summaries on goroutines of its own here).
func TestMapDiscsFollowFilterWhileIndexBuilds(t *testing.T) {
	st := generatedStore(t, 10_000, 3_000)
	test.NewTempApp(t)
	mp := NewMapPanel().(*mapPanel)
	w := test.NewWindow(mp.Object())
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	mp.asyncFrom = 1 // whatever the filter leaves, build on a goroutine
	size := mp.m.Size()
	mp.m.SetView(geo.NewView(20, 10, math.Log2(float64(size.Width)/geo.TileSize), float64(size.Width), float64(size.Height)))
	// places reads the places under f, as the window's frame does, and
	// the events at points among them, which the discs must hold.
	places := func(f store.Filter) ([]store.PlaceCount, int) {
		pcs, err := st.PlacesIn(orb.Bound{}, f)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, pc := range pcs {
			if mapview.ExtentOf(pc.Place) == mapview.Point {
				n += max(pc.Count, 1)
			}
		}
		return pcs, n
	}
	discEvents := func() (n int, discs []mapview.Disc) {
		discs = mp.m.Discs()
		for _, d := range discs {
			n += d.Count
		}
		return n, discs
	}
	pcs, all := places(store.Filter{})
	mp.SetPlaces(pcs)
	mp.WaitMarkers()
	if n, _ := discEvents(); n != all || all == 0 {
		t.Fatalf("the world's discs hold %d events, want %d", n, all)
	}
	_, before := discEvents()

	first, last, ok, err := st.DateRange()
	if err != nil || !ok {
		t.Fatalf("no date range: %v", err)
	}
	f := store.Filter{From: first, To: first.Add(last.Sub(first) / 3)}
	pcs, want := places(f)
	if want == 0 || want >= all {
		t.Fatalf("the date filter leaves %d of %d events at points", want, all)
	}
	release := make(chan struct{})
	mp.beforeSwap = func() { <-release }
	mp.SetPlaces(pcs)
	if n, discs := discEvents(); n != all || len(discs) != len(before) {
		t.Errorf("while the index builds the map shows %d discs of %d events, want the old %d of %d", len(discs), n, len(before), all)
	}
	if !mp.hint.Visible() || !strings.Contains(mp.hint.Text, "Placing") {
		t.Errorf("while the index builds the map says %q (visible %v), want that it is placing the places", mp.hint.Text, mp.hint.Visible())
	}
	close(release)
	mp.WaitMarkers()
	mp.beforeSwap = nil
	if mp.hint.Visible() {
		t.Error("the placing hint stays after the index is in")
	}

	n, discs := discEvents()
	if n != want {
		t.Errorf("after the filter the discs hold %d events, want %d", n, want)
	}
	for i, a := range discs {
		for _, b := range discs[i+1:] {
			if d := math.Hypot(a.X-b.X, a.Y-b.Y); d < a.R+b.R {
				t.Fatalf("discs of %s and %s overlap after the filter", a.Name, b.Name)
			}
		}
	}
	if got := len(mp.m.Markers()); got != len(pcs) {
		t.Errorf("the map has %d markers after the filter, want %d", got, len(pcs))
	}
}

// Markers prepared while the frame is still being read are the ones shown
// when the same places come; a build started for other places (a frame
// dropped for a newer filter) is never shown in their stead.
func TestMapMarkersPreparedEarly(t *testing.T) {
	st := generatedStore(t, 10_000, 3_000)
	test.NewTempApp(t)
	world, err := st.PlacesIn(orb.Bound{}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	first, last, ok, err := st.DateRange()
	if err != nil || !ok {
		t.Fatalf("no date range: %v", err)
	}
	some, err := st.PlacesIn(orb.Bound{}, store.Filter{From: first, To: first.Add(last.Sub(first) / 3)})
	if err != nil {
		t.Fatal(err)
	}
	if len(some) == 0 || len(some) == len(world) {
		t.Fatalf("the date filter leaves %d of %d places", len(some), len(world))
	}
	for _, tt := range []struct {
		name          string
		prepared, set []store.PlaceCount
		// built waits for the early build before the places come: they
		// are then shown by SetPlaces itself, with the frame that brought
		// them.
		built bool
	}{
		{"the same places", world, world, false},
		{"the same places, built before they come", world, world, true},
		{"other places", world, some, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mp := NewMapPanel().(*mapPanel)
			w := test.NewWindow(mp.Object())
			defer w.Close()
			w.Resize(fyne.NewSize(1280, 800))
			mp.asyncFrom = 1
			mp.PrepareMarkers(tt.prepared)
			if tt.built {
				mp.idleMu.Lock()
				e := mp.early
				mp.idleMu.Unlock()
				<-e.done
			}
			mp.SetPlaces(tt.set)
			if got := len(mp.m.Markers()); tt.built && (got != len(tt.set) || mp.hint.Visible()) {
				t.Errorf("SetPlaces returned with %d markers shown (hint shown: %v), want %d", got, mp.hint.Visible(), len(tt.set))
			}
			mp.WaitMarkers()
			if got := len(mp.m.Markers()); got != len(tt.set) {
				t.Errorf("the map shows %d markers, want %d", got, len(tt.set))
			}
			want := 0
			for _, pc := range tt.set {
				if mapview.ExtentOf(pc.Place) == mapview.Point {
					want += max(pc.Count, 1)
				}
			}
			n := 0
			for _, d := range mp.m.Discs() {
				n += d.Count
			}
			if n != want {
				t.Errorf("the discs hold %d events, want %d", n, want)
			}
		})
	}
}

// Only the first big set of markers keeps its cluster index between runs
// (the start's, which the next start asks for again); the sets of later
// filters are built without writing, so that they never push it out.
func TestMapKeepsTheFirstIndexOnly(t *testing.T) {
	st := generatedStore(t, 10_000, 3_000)
	test.NewTempApp(t)
	world, err := st.PlacesIn(orb.Bound{}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	some := world[:len(world)/2]
	dir := t.TempDir()
	mp := NewMapPanel().(*mapPanel)
	w := test.NewWindow(mp.Object())
	defer w.Close()
	mp.asyncFrom = 1
	mp.cacheDir = dir
	kept := func() []string {
		m, err := filepath.Glob(filepath.Join(dir, "*.idx"))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	for i, pcs := range [][]store.PlaceCount{world, some, world[:len(world)/3]} {
		mp.PrepareMarkers(pcs)
		mp.SetPlaces(pcs)
		mp.WaitMarkers()
		if i == 0 {
			// Written on a goroutine of its own after the build.
			for deadline := time.Now().Add(10 * time.Second); len(kept()) == 0 && time.Now().Before(deadline); {
				time.Sleep(10 * time.Millisecond)
			}
		}
		if got := kept(); len(got) != 1 {
			t.Fatalf("after set %d: %d index files kept, want 1: %v", i+1, len(got), got)
		}
	}
	// The next start finds the first set's index.
	ms := markersOf(world)
	if _, ok := mapview.ReadPrepared(ms, dir); !ok {
		t.Error("the first set's index is not the one kept")
	}
}
