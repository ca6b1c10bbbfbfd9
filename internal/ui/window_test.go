package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"github.com/briefingatlas/atlas/internal/sharedtest"
	"github.com/briefingatlas/atlas/internal/store"
)

// newWindow opens the main window over st in the test driver at 1280×800.
func newWindow(t *testing.T, st *store.Store, opts Options) *MainWindow {
	t.Helper()
	a := test.NewTempApp(t)
	if opts.Theme == "" {
		opts.Theme = ThemeLight
	}
	opts.syncReads = true
	m := NewMainWindow(a, st, opts)
	m.WaitLoaded()
	m.Win.Resize(fyne.NewSize(1280, 800))
	m.Timeline.Refresh()
	t.Cleanup(m.Win.Close)
	return m
}

// under returns the objects of type T under o, looking through containers
// and widgets' renderers but not inside a T.
func under[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if v, ok := o.(T); ok {
			out = append(out, v)
			return
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// richTexts returns the RichText widgets under o.
func richTexts(o fyne.CanvasObject) []*widget.RichText { return under[*widget.RichText](o) }

// highlighted returns the bold words of a colour in rts, leaving out the
// legend, which is in caption size.
func highlighted(rts []*widget.RichText, c fyne.ThemeColorName) []string {
	var out []string
	for _, rt := range rts {
		for _, s := range rt.Segments {
			if ts, ok := s.(*widget.TextSegment); ok && ts.Style.ColorName == c && ts.Style.TextStyle.Bold && ts.Style.SizeName != theme.SizeNameCaptionText {
				out = append(out, strings.TrimSpace(ts.Text))
			}
		}
	}
	return out
}

func TestWindowSelectDayShowsSentence(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	if !m.SelectDay(day("2016-03-24")) {
		t.Fatal("no event on 2016-03-24 in the sample corpus")
	}
	e, ok := m.Excerpt.Event()
	if !ok || !model.Day(e.Start).Equal(day("2016-03-24")) {
		t.Fatalf("excerpt pane shows %q on %s, want an event of 2016-03-24", e.Title, e.Start)
	}
	if sel, ok := m.Timeline.Selected(); !ok || sel.ID != e.ID {
		t.Errorf("timeline selection %d, excerpt %d", sel.ID, e.ID)
	}
	srcs := m.Excerpt.Sources()
	if len(srcs) == 0 {
		t.Fatal("no source sentence shown")
	}
	for _, s := range srcs {
		if s.Article == nil {
			t.Fatalf("source in %s without its article", s.Source.File)
		}
		if got := s.Article.Text[s.Source.Start:s.Source.End]; got != s.Source.Text {
			t.Errorf("source text is not the article's bytes [%d:%d]", s.Source.Start, s.Source.End)
		}
	}
	rts := richTexts(m.Excerpt.Object())
	if len(highlighted(rts, ColorNameTime)) == 0 {
		t.Error("no time word highlighted in the excerpt pane")
	}
	if len(highlighted(rts, ColorNameActor))+len(highlighted(rts, ColorNamePlace)) == 0 {
		t.Error("no actor or place word highlighted in the excerpt pane")
	}
}

func TestWindowTapTimelineEventShowsItsSentence(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	evs := m.Timeline.VisibleEvents()
	if len(evs) < 2 {
		t.Fatalf("%d events on the timeline at full range", len(evs))
	}
	for _, e := range []model.Event{evs[0], evs[len(evs)-1]} {
		pos, ok := m.Timeline.CardPosition(e.ID)
		if !ok {
			t.Fatalf("no card for %q", e.Title)
		}
		test.TapAt(m.Timeline, pos)
		shown, ok := m.Excerpt.Event()
		if !ok || shown.ID != e.ID {
			t.Fatalf("tapped %q, excerpt pane shows %q", e.Title, shown.Title)
		}
		srcs, err := st.SourcesOf(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		var quoted []string
		for _, rt := range richTexts(m.Excerpt.Object()) {
			quoted = append(quoted, rt.String())
		}
		all := strings.Join(quoted, "\n")
		for _, s := range srcs {
			if !strings.Contains(all, s.Text) {
				t.Errorf("tapped %q: its sentence in %s is not in the excerpt pane", e.Title, s.File)
			}
		}
	}
	// Esc clears the selection and the pane.
	m.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if _, ok := m.Excerpt.Event(); ok {
		t.Error("Esc left the event in the excerpt pane")
	}
	if _, ok := m.Timeline.Selected(); ok {
		t.Error("Esc left the timeline selection")
	}
}

func TestWindowMarkerTapHighlightsPlaceEvents(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	pcs, err := st.PlacesIn(orb.Bound{}, store.Filter{})
	if err != nil || len(pcs) == 0 {
		t.Fatalf("places: %v, %v", pcs, err)
	}
	pc := pcs[0] // the busiest place
	mp, ok := m.Map.(*mapPanel)
	if !ok {
		t.Fatalf("map panel is %T", m.Map)
	}
	mp.m.OnPlaceTapped(pc.Place.ID) // what the map widget calls when its marker is tapped
	evs, _ := st.EventsAt(pc.Place.ID, store.Filter{})
	at := map[int64]bool{}
	for _, e := range evs {
		at[e.ID] = true
	}
	lit, dimmed := 0, 0
	for _, e := range m.Timeline.VisibleEvents() {
		on, active := m.Timeline.Highlighted(&e)
		if !active {
			t.Fatal("tapping a marker set no highlight")
		}
		if on != at[e.ID] {
			t.Errorf("%s: event %q highlighted %v, at the place %v", pc.Place.Name, e.Title, on, at[e.ID])
		}
		if on {
			lit++
		} else {
			dimmed++
		}
	}
	if lit != pc.Count || dimmed == 0 {
		t.Errorf("%s: %d events highlighted (want %d), %d dimmed", pc.Place.Name, lit, pc.Count, dimmed)
	}
	if _, ok := m.Excerpt.Event(); ok {
		t.Error("excerpt pane shows one event, want the place's list")
	}
	m.ClearSelection()
	if _, active := m.Timeline.Highlighted(&evs[0]); active {
		t.Error("clearing the selection left the highlight")
	}
}

func TestWindowSearchAndFiltersNarrowAllViews(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	all := len(m.Timeline.VisibleEvents())
	markers := len(m.Map.(*mapPanel).m.Markers())
	tests := []struct {
		name  string
		apply func()
		check func(e model.Event) bool
	}{
		{"search Moscow", func() { m.Search.SetText("Moscow"); m.Search.OnSubmitted("Moscow") }, nil},
		{"kind meeting", func() { m.kindSel.SetSelected(kindTitle(model.KindMeeting)) }, func(e model.Event) bool { return e.Kind == model.KindMeeting }},
		{"2016 only", func() { m.SetDateRange(day("2016-01-01"), day("2016-12-31")) }, func(e model.Event) bool { return e.Start.Year() == 2016 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m.ClearFilters()
			m.WaitLoaded()
			tt.apply()
			m.WaitLoaded()
			m.Timeline.Refresh()
			got := m.Timeline.VisibleEvents()
			if len(got) == 0 || len(got) >= all {
				t.Fatalf("%d of %d events shown", len(got), all)
			}
			for _, e := range got {
				if tt.check != nil && !tt.check(e) {
					t.Errorf("event %q (%s, %s) passes the filter", e.Title, e.Kind, e.Start.Format(time.DateOnly))
				}
			}
			if n := len(m.Map.(*mapPanel).m.Markers()); n > markers {
				t.Errorf("map shows %d markers after filtering, %d before", n, markers)
			}
			if !strings.Contains(m.status.Text, " of ") {
				t.Errorf("status bar %q", m.status.Text)
			}
		})
	}
	m.ClearFilters()
	m.WaitLoaded()
	m.Timeline.Refresh()
	if got := len(m.Timeline.VisibleEvents()); got != all {
		t.Errorf("clearing filters shows %d events, want %d", got, all)
	}
}

func TestWindowKeyboardStepsThroughEvents(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	press := func(k fyne.KeyName) { m.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	press(fyne.KeyHome)
	first, ok := m.Excerpt.Event()
	if !ok {
		t.Fatal("Home selected nothing")
	}
	press(fyne.KeyDown)
	second, _ := m.Excerpt.Event()
	if second.ID == first.ID || second.Start.Before(first.Start) {
		t.Errorf("↓ from %q (%s) went to %q (%s)", first.Title, first.Start, second.Title, second.Start)
	}
	press(fyne.KeyUp)
	if back, _ := m.Excerpt.Event(); back.ID != first.ID {
		t.Errorf("↑ went to %q, want %q", back.Title, first.Title)
	}
	press(fyne.KeyEnd)
	last, _ := m.Excerpt.Event()
	if !last.Start.After(first.Start) {
		t.Errorf("End selected %q on %s, not after the first", last.Title, last.Start)
	}
}

func TestWindowEditsAreSaved(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	m.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyHome})
	e, _ := m.Excerpt.Event()

	m.act(ActionStar, e)
	m.WaitLoaded()
	got, err := st.Event(e.ID)
	if err != nil || !got.InBriefing {
		t.Fatalf("star: in briefing %v, %v", got.InBriefing, err)
	}
	m.briefing.SetChecked(true)
	m.WaitLoaded()
	m.Timeline.Refresh()
	if vis := m.Timeline.VisibleEvents(); len(vis) != 1 || vis[0].ID != e.ID {
		t.Errorf("the in-briefing filter shows %d events", len(vis))
	}
	m.briefing.SetChecked(false)
	m.WaitLoaded()

	if err := m.saveEventEdits(e, "Corrected title", "2013-06", ""); err != nil {
		t.Fatal(err)
	}
	got, _ = st.Event(e.ID)
	if got.Title != "Corrected title" || got.Precision != model.PrecisionMonth || got.Start.Format("2006-01") != "2013-06" || got.Place != nil {
		t.Errorf("after edit: %q %s %s place %v", got.Title, got.Start.Format(time.DateOnly), got.Precision, got.Place)
	}
	if !got.Edited {
		t.Error("edited event is not marked Edited")
	}
}

func TestWindowEmptyStateThenImport(t *testing.T) {
	dir := sharedtest.Corpus(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	var progressed int
	imp := func(ctx context.Context, paths []string, progress func(int, int, string)) (ImportSummary, error) {
		man, err := ingest.LoadManifest(filepath.Join(dir, "sources.csv"))
		if err != nil {
			return ImportSummary{}, err
		}
		sum, err := pipeline.Import(ctx, st, extract.New(g), paths, pipeline.Options{Manifest: man, SameEvent: extract.SameEvent}, func(p pipeline.Progress) {
			progressed++
			progress(p.Done, p.Total, p.Path)
		})
		return ImportSummary{Imported: sum.Imported, Events: sum.Events}, err
	}
	m := newWindow(t, st, Options{Import: imp})
	if m.timelineArea.Objects[0] != m.emptyState {
		t.Fatal("an empty store does not show the empty state")
	}
	done := make(chan ImportSummary, 1)
	m.StartImport([]string{dir}, func(s ImportSummary, err error) {
		if err != nil {
			t.Error(err)
		}
		done <- s
	})
	select {
	case s := <-done:
		m.WaitLoaded()
		if s.Imported != 5 {
			t.Errorf("imported %d articles, want 5", s.Imported)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("import did not finish")
	}
	if progressed == 0 {
		t.Error("no progress reported")
	}
	if m.timelineArea.Objects[0] != m.Timeline {
		t.Error("the timeline did not replace the empty state after import")
	}
	if m.progress.Visible() {
		t.Error("progress bar still showing after the import")
	}
	if !strings.Contains(m.status.Text, "5 articles") {
		t.Errorf("status bar %q", m.status.Text)
	}
}

func TestWindowRemembersPreferences(t *testing.T) {
	st := corpusStore(t)
	a := test.NewTempApp(t)
	m := NewMainWindow(a, st, Options{syncReads: true})
	m.WaitLoaded()
	m.Win.Resize(fyne.NewSize(1100, 720))
	m.kindSel.SetSelected(kindTitle(model.KindTalks))
	m.WaitLoaded()
	m.compactC.SetChecked(false)
	m.hsplit.SetOffset(0.6)
	m.vsplit.SetOffset(0.3)
	m.SetTheme(ThemeDark)
	m.Win.Close() // runs the close intercept, which saves
	m.savePrefs()

	again := NewMainWindow(a, st, Options{syncReads: true})
	again.WaitLoaded()
	defer again.Win.Close()
	tests := []struct {
		name      string
		got, want any
	}{
		{"kind filter", again.kindSel.Selected, kindTitle(model.KindTalks)},
		{"compact", again.Timeline.Compact(), false},
		{"main split", again.hsplit.Offset, 0.6},
		{"right split", again.vsplit.Offset, 0.3},
		{"theme", again.theme.Mode, ThemeDark},
		{"filter applied", len(again.Filter().Kinds), 1},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if w := a.Preferences().Float(prefWidth); w < 1000 {
		t.Errorf("window width saved as %v", w)
	}
}

func TestWindowUndatedTray(t *testing.T) {
	st := corpusStore(t)
	text := "Officials said talks would resume soon."
	a := &model.Article{Path: "undated.txt", SHA256: "undated-test-article", Format: "txt", Title: "Undated note",
		DateSource: model.DateUnknown, Text: text}
	x := &model.Extraction{
		Sentences: []model.Span{{Start: 0, End: len(text)}},
		Events: []model.Event{{Key: "undated-1", Kind: model.KindTalks, Title: "Talks to resume", Confidence: 0.5,
			Sources: []model.Source{{File: "undated.txt", Span: model.Span{Start: 0, End: len(text)}, Text: text, DateHow: "undated"}}}},
	}
	if _, err := st.SaveArticle(context.Background(), a, x, nil); err != nil {
		t.Fatal(err)
	}
	m := newWindow(t, st, Options{})
	if len(m.undated) != 1 || !m.accordion.Visible() {
		t.Fatalf("undated tray holds %d events (visible %v), want 1", len(m.undated), m.accordion.Visible())
	}
	if !strings.Contains(m.undatedAc.Title, "(1)") {
		t.Errorf("tray title %q", m.undatedAc.Title)
	}
	m.undatedL.Select(0)
	e, ok := m.Excerpt.Event()
	if !ok || e.Title != "Talks to resume" {
		t.Fatalf("selecting the undated event shows %q", e.Title)
	}
	if srcs := m.Excerpt.Sources(); len(srcs) != 1 || srcs[0].Source.Text != text {
		t.Errorf("undated event's sources: %+v", srcs)
	}
}

func TestWindowEditsSurviveReextraction(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	m.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEnd})
	e, ok := m.Excerpt.Event()
	if !ok {
		t.Fatal("End selected nothing")
	}
	if err := m.saveEventEdits(e, "My own title", "", placeName(e)); err != nil {
		t.Fatal(err)
	}
	m.act(ActionStar, e)
	m.WaitLoaded()
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	if err := pipeline.Reextract(context.Background(), st, extract.New(g), extract.SameEvent, nil); err != nil {
		t.Fatal(err)
	}
	m.Reload()
	m.WaitLoaded()
	m.Timeline.Refresh()
	var found bool
	for _, v := range m.Timeline.VisibleEvents() {
		if v.Title == "My own title" {
			found = true
			if !v.InBriefing {
				t.Error("the star was lost on re-extraction")
			}
		}
	}
	if !found {
		t.Error("the corrected title was lost on re-extraction")
	}
}

func placeName(e model.Event) string {
	if e.Place == nil {
		return ""
	}
	return e.Place.Name
}

// The place filter's drop-down files places under their country and
// division, busiest first, indented, with counts; a division of one place
// is left out, and the list is capped.
func TestPlaceOptions(t *testing.T) {
	pc := func(id int64, name, cc, cname, a1, a1name, feature string, n int) store.PlaceCount {
		return store.PlaceCount{Place: model.Place{ID: id, Name: name, Country: cc, CountryName: cname, Admin1: a1, Admin1Name: a1name, Feature: feature}, Count: n}
	}
	in := []store.PlaceCount{
		pc(1, "Syria", "SY", "Syria", "", "", "country", 3),
		pc(2, "Palmyra", "SY", "Syria", "11", "Homs", "PPLA2", 1),
		pc(3, "Aleppo", "SY", "Syria", "09", "Aleppo", "PPLA", 4),
		pc(4, "Aleppo", "SY", "Syria", "09", "Aleppo", "ADM1", 1),
		pc(5, "Crimea", "", "", "", "", "disputed", 2),
		pc(6, "Moscow", "RU", "Russia", "48", "Moskva", "PPLC", 5),
	}
	regions := store.GroupByRegion(in)
	const sp = "\u2003\u2003"
	tests := []struct {
		name string
		max  int
		want []string
	}{
		{"all", 20, []string{anyPlace, "Syria  ·  9", sp + "Aleppo  ·  5", sp + sp + "Aleppo (SY)  ·  4", sp + "Palmyra  ·  1",
			"Russia  ·  5", sp + "Moscow  ·  5", "Crimea  ·  2"}},
		{"capped", 3, []string{anyPlace, "Syria  ·  9", sp + "Aleppo  ·  5", sp + sp + "Aleppo (SY)  ·  4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, by := placeOptions(regions, tt.max)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("options\n%q\nwant\n%q", got, tt.want)
			}
			for _, line := range got[1:] {
				if _, ok := by[line]; !ok {
					t.Errorf("line %q narrows to nothing", line)
				}
			}
		})
	}
	_, by := placeOptions(regions, 20)
	for _, tt := range []struct {
		key  string
		want placeChoice
	}{
		{"Syria", placeChoice{name: "Syria", id: 1, region: store.Region{Country: "SY"}}},
		{"Palmyra", placeChoice{name: "Palmyra", id: 2}},
		{"Aleppo", placeChoice{name: "Aleppo", id: 4, region: store.Region{Country: "SY", Admin1: "09"}}},
		{"Aleppo (SY)", placeChoice{name: "Aleppo (SY)", id: 3}},
		{"Crimea", placeChoice{name: "Crimea", id: 5}},
	} {
		if got := by[tt.key]; got != tt.want {
			t.Errorf("%q narrows to %+v, want %+v", tt.key, got, tt.want)
		}
	}
}

// The first frame is read after NewMainWindow returns; once WaitLoaded
// returns every view has it, and the place filter offers the busiest places
// of the same world read the map got.
func TestWindowFirstFrameArrivesAfterTheWindow(t *testing.T) {
	st := corpusStore(t)
	a := test.NewTempApp(t)
	m := NewMainWindow(a, st, Options{Theme: ThemeLight})
	t.Cleanup(m.Win.Close)
	m.WaitLoaded()
	if !m.Loaded() {
		t.Fatal("Loaded is false after WaitLoaded")
	}
	want, err := st.PlacesIn(orb.Bound{}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	markers := m.Map.(*mapPanel).m.Markers()
	wantOpts, _ := placeOptions(store.GroupByRegion(want), placeChoicesMax)
	syria := slices.IndexFunc(m.placeChoices, func(o string) bool { return strings.HasPrefix(o, "Syria  ·") })
	tests := []struct {
		name      string
		got, want any
	}{
		{"timeline replaces the loading state", m.timelineArea.Objects[0] == m.Timeline, true},
		{"map markers", len(markers), len(want)},
		{"place choices", strings.Join(m.placeChoices, "|"), strings.Join(wantOpts, "|")},
		{"Palmyra indented under Syria", syria >= 0 && syria+1 < len(m.placeChoices) && strings.HasPrefix(m.placeChoices[syria+1], indent+"Palmyra"), true},
		{"status counts events", strings.Contains(m.status.Text, "events shown"), true},
		{"actors offered", len(m.actorSel.Actors()) > 0, true},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if m.loading != nil {
		t.Error("the loading indicator is still running")
	}
}

// A place typed in the place filter and submitted is found by name, in any
// case, though the drop-down lists only the busiest places.
func TestWindowPlaceFilterFindsTypedPlace(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	tests := []struct {
		name, typed, want string
		narrowed          bool
	}{
		{"other case", "palmyra", "Palmyra", true},
		{"cleared", "", "", false},
		{"unknown name keeps the views", "Atlantis", "Atlantis", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m.placeSel.SetText(tt.typed)
			m.placeSel.OnSubmitted(tt.typed)
			m.WaitLoaded()
			if m.placeSel.Text != tt.want {
				t.Errorf("place filter shows %q, want %q", m.placeSel.Text, tt.want)
			}
			if got := m.Filter().PlaceID != 0; got != tt.narrowed {
				t.Fatalf("filtered by place: %v, want %v", got, tt.narrowed)
			}
			if tt.narrowed {
				m.Timeline.Refresh()
				if len(m.Timeline.VisibleEvents()) == 0 {
					t.Fatal("no events shown")
				}
				for _, e := range m.Timeline.VisibleEvents() {
					if e.Place == nil || e.Place.Name != tt.want {
						t.Errorf("event %q at %v shown", e.Title, e.Place)
					}
				}
			}
		})
	}
}

func TestStatusTextGroupsThousands(t *testing.T) {
	tests := []struct {
		shown, events, articles, places int
		want                            string
	}{
		{15, 15, 5, 6, "15 of 15 events shown  ·  5 articles  ·  6 places"},
		{1000000, 1000000, 125000, 49935, "1,000,000 of 1,000,000 events shown  ·  125,000 articles  ·  49,935 places"},
		{1, 1, 1, 1, "1 of 1 event shown  ·  1 article  ·  1 place"},
	}
	for _, tc := range tests {
		if got := statusText(tc.shown, tc.events, tc.articles, tc.places); got != tc.want {
			t.Errorf("statusText = %q, want %q", got, tc.want)
		}
	}
}

// menuItem returns the item labelled label in the window's main menu.
func menuItem(t *testing.T, m *MainWindow, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, mu := range m.Win.MainMenu().Items {
		if mu.Label != menu {
			continue
		}
		for _, it := range mu.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no %s → %s in the main menu", menu, label)
	return nil
}

// button returns the button labelled label under o, or nil.
func button(o fyne.CanvasObject, label string) *widget.Button {
	for _, b := range under[*widget.Button](o) {
		if b.Text == label {
			return b
		}
	}
	return nil
}

// onTimeline returns the event of that ID among the timeline's cards.
func onTimeline(m *MainWindow, id int64) (model.Event, bool) {
	m.WaitLoaded()
	m.Timeline.Refresh()
	for _, e := range m.Timeline.VisibleEvents() {
		if e.ID == id {
			return e, true
		}
	}
	return model.Event{}, false
}

func TestWindowShowHiddenEventsBringsOneBack(t *testing.T) {
	st := corpusStore(t)
	a := test.NewTempApp(t)
	m := NewMainWindow(a, st, Options{Theme: ThemeLight, syncReads: true})
	m.WaitLoaded()
	m.Win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(m.Win.Close)
	m.Timeline.Refresh()
	evs := m.Timeline.VisibleEvents()
	if len(evs) == 0 {
		t.Fatal("no event on the timeline")
	}
	e := evs[0]
	if err := st.HideEvent(e.ID); err != nil {
		t.Fatal(err)
	}
	m.Reload()
	if _, ok := onTimeline(m, e.ID); ok {
		t.Fatalf("hidden %q is still on the timeline", e.Title)
	}

	menuItem(t, m, "View", "Show hidden events").Action()
	if !menuItem(t, m, "View", "Show hidden events").Checked {
		t.Error("View → Show hidden events is not checked once on")
	}
	got, ok := onTimeline(m, e.ID)
	if !ok || !got.Hidden {
		t.Fatalf("with hidden events shown, %q on the timeline %v, marked hidden %v", e.Title, ok, got.Hidden)
	}
	if !strings.Contains(m.status.Text, "and 1 hidden") {
		t.Errorf("status bar %q does not count the hidden event apart", m.status.Text)
	}

	briefing, err := m.filteredEvents()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range briefing {
		if b.ID == e.ID {
			t.Errorf("the briefing's events include hidden %q", e.Title)
		}
	}

	m.SelectEvent(got)
	if b := button(m.Excerpt.Object(), "Hide"); b != nil {
		t.Error("the excerpt pane offers to hide an event that is hidden")
	}
	again := button(m.Excerpt.Object(), "Show again")
	if again == nil {
		t.Fatal("the excerpt pane has no Show again for a hidden event")
	}
	test.Tap(again)
	if stored, err := st.Event(e.ID); err != nil || stored.Hidden {
		t.Fatalf("after Show again the store says hidden %v, %v", stored.Hidden, err)
	}
	if got, ok := onTimeline(m, e.ID); !ok || got.Hidden {
		t.Errorf("after Show again on the timeline %v, marked hidden %v", ok, got.Hidden)
	}

	// The choice is remembered by the next window.
	next := NewMainWindow(a, st, Options{Theme: ThemeLight, syncReads: true})
	next.WaitLoaded()
	defer next.Win.Close()
	if !next.Filter().IncludeHidden || !menuItem(t, next, "View", "Show hidden events").Checked {
		t.Error("Show hidden events is not remembered")
	}
	menuItem(t, next, "View", "Show hidden events").Action()
	if next.Filter().IncludeHidden {
		t.Error("Show hidden events does not turn off")
	}
}

func TestWindowDroppedFilesAreImported(t *testing.T) {
	dir := t.TempDir()
	// An invented article: one dated meeting at a known place.
	article := "Norway and Chile hold fisheries talks\n\n" +
		"On 12 May 2015 the foreign ministers of Norway and Chile met in Santiago to discuss fishing quotas in the South Pacific.\n"
	path := filepath.Join(dir, "fisheries.txt")
	if err := os.WriteFile(path, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	imp := func(ctx context.Context, paths []string, progress func(int, int, string)) (ImportSummary, error) {
		sum, err := pipeline.Import(ctx, st, extract.New(g), paths, pipeline.Options{SameEvent: extract.SameEvent}, func(p pipeline.Progress) {
			progress(p.Done, p.Total, p.Path)
		})
		return ImportSummary{Imported: sum.Imported, Events: sum.Events}, err
	}
	done := make(chan ImportSummary, 1)
	m := newWindow(t, st, Options{Import: imp, importDone: func(s ImportSummary, err error) {
		if err != nil {
			t.Error(err)
		}
		done <- s
	}})

	m.dropped(fyne.NewPos(300, 300), []fyne.URI{storage.NewFileURI(path)})
	var sum ImportSummary
	select {
	case sum = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("the dropped file's import did not finish")
	}
	if sum.Imported != 1 || sum.Events == 0 {
		t.Fatalf("dropped file: %d imported, %d events", sum.Imported, sum.Events)
	}
	m.WaitLoaded()
	m.Timeline.Refresh()
	var titles []string
	found := false
	for _, e := range m.Timeline.VisibleEvents() {
		titles = append(titles, e.Title)
		found = found || model.Day(e.Start).Equal(day("2015-05-12"))
	}
	if !found {
		t.Errorf("no event of 12 May 2015 on the timeline after the drop: %q", titles)
	}
	if !strings.Contains(m.status.Text, "1 article ") {
		t.Errorf("status bar %q after the drop", m.status.Text)
	}
}

func TestWindowMenuShortcutsWork(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	m.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyHome}) // select the first event
	if _, ok := m.Excerpt.Event(); !ok {
		t.Fatal("Home selected no event")
	}
	tests := []struct {
		key    fyne.KeyName
		dialog string // the title of the dialog it opens
	}{
		{fyne.KeyN, "Note"},
		{fyne.KeyD, "Edit event"},
		{fyne.KeyG, "Go to date"},
	}
	c := m.Win.Canvas()
	for _, tt := range tests {
		c.(fyne.Shortcutable).TypedShortcut(ctrl(tt.key))
		top := c.Overlays().Top()
		if top == nil {
			t.Errorf("Ctrl+%s opened nothing", tt.key)
			continue
		}
		found := false
		for _, l := range under[*widget.Label](top) {
			found = found || l.Text == tt.dialog
		}
		if !found {
			t.Errorf("Ctrl+%s did not open the %q dialog", tt.key, tt.dialog)
		}
		c.Overlays().Remove(top)
	}
}
