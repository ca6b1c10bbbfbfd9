package ui

import (
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timeline"
)

// newStoryTimeline shows storyEvents in a timeline in a test window.
func newStoryTimeline(t *testing.T, size fyne.Size) (*Timeline, fyne.Window) {
	t.Helper()
	return newEventsTimeline(t, storyEvents(), size)
}

// newEventsTimeline shows evs in a timeline in a test window of the given
// size, in the light theme, unpadded.
func newEventsTimeline(t *testing.T, evs []model.Event, size fyne.Size) (*Timeline, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(&Theme{Mode: ThemeLight})
	tl := NewTimeline()
	from, to, _ := timeline.Range(evs)
	if err := tl.SetSource(timeline.NewSliceSource(evs), from, to); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(tl)
	w.SetPadded(false)
	w.Resize(size)
	t.Cleanup(w.Close)
	return tl, w
}

func TestTimelineGolden(t *testing.T) {
	tests := []struct {
		name string
		size fyne.Size
		sel  int
		mode ThemeMode
	}{
		{"timeline_story_light.png", fyne.NewSize(560, 760), 6, ThemeLight},
		{"timeline_story_dark.png", fyne.NewSize(560, 760), 6, ThemeDark},
		{"timeline_story_narrow.png", fyne.NewSize(340, 520), -1, ThemeLight},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, w := newStoryTimeline(t, tt.size)
			fyne.CurrentApp().Settings().SetTheme(&Theme{Mode: tt.mode})
			if tt.sel >= 0 {
				tl.Select(storyEvents()[tt.sel])
			}
			tl.Refresh()
			test.AssertImageMatches(t, tt.name, w.Canvas().Capture())
		})
	}
}

func TestTimelineOpensOnFullRange(t *testing.T) {
	tl, _ := newStoryTimeline(t, fyne.NewSize(560, 760))
	from, to := tl.VisibleRange()
	if from.Year() != 2012 || to.Year() != 2016 {
		t.Errorf("visible range %s..%s, want 2012..2016", from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	if got := len(tl.VisibleEvents()); got != len(storyEvents()) {
		t.Errorf("%d cards visible at full range, want all %d", got, len(storyEvents()))
	}
	if len(tl.scale.Breaks()) == 0 {
		t.Error("compact mode shows no break for the empty 2013–2015 stretch")
	}
}

func TestTimelineCardsNeverOverlap(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(560, 760), fyne.NewSize(340, 420), fyne.NewSize(900, 300)} {
		tl, _ := newStoryTimeline(t, size)
		f := tl.frame
		for i, a := range f.marks {
			for j, b := range f.marks {
				if j <= i || !a.visible || !b.visible {
					continue
				}
				if a.card.X < b.card.X+f.cardW && b.card.X < a.card.X+f.cardW &&
					a.card.Y < b.card.Y+f.cardH && b.card.Y < a.card.Y+f.cardH {
					t.Errorf("size %v: cards %q and %q overlap", size, a.Event.Title, b.Event.Title)
				}
			}
		}
	}
}

func TestTimelineTapSelects(t *testing.T) {
	tl, _ := newStoryTimeline(t, fyne.NewSize(560, 760))
	var got model.Event
	tl.OnSelected = func(e model.Event) { got = e }
	pos, ok := tl.CardPosition(7)
	if !ok {
		t.Fatal("no card for event 7")
	}
	test.TapAt(tl, pos)
	if got.ID != 7 {
		t.Fatalf("tapping the card of event 7 selected %d", got.ID)
	}
	if sel, ok := tl.Selected(); !ok || sel.ID != 7 {
		t.Errorf("Selected() = %d, %v", sel.ID, ok)
	}
}

func TestTimelineKeys(t *testing.T) {
	tests := []struct {
		name string
		keys []fyne.KeyName
		want int64
	}{
		{"home", []fyne.KeyName{fyne.KeyHome}, 1},
		{"end", []fyne.KeyName{fyne.KeyEnd}, 11},
		{"home then down twice", []fyne.KeyName{fyne.KeyHome, fyne.KeyDown, fyne.KeyDown}, 2},
		{"end then up", []fyne.KeyName{fyne.KeyEnd, fyne.KeyUp}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, _ := newStoryTimeline(t, fyne.NewSize(560, 760))
			var got int64
			tl.OnSelected = func(e model.Event) { got = e.ID }
			for _, k := range tt.keys {
				tl.TypedKey(&fyne.KeyEvent{Name: k})
			}
			if got != tt.want {
				t.Errorf("after %v selected %d, want %d", tt.keys, got, tt.want)
			}
		})
	}
}

func TestTimelineZoomPanAndBrush(t *testing.T) {
	tl, w := newStoryTimeline(t, fyne.NewSize(560, 760))
	f0, l0 := tl.VisibleRange()
	full := l0.Sub(f0)

	// Zoom in at the pointer: the day under it stays put.
	y := float32(400)
	at := tl.scale.T(tl.offset + float64(y) - tlPad)
	tl.ZoomAt(y, 4)
	f1, l1 := tl.VisibleRange()
	if l1.Sub(f1) >= full/2 {
		t.Errorf("zooming in ×4 shows %v, was %v", l1.Sub(f1), full)
	}
	if after := tl.scale.T(tl.offset + float64(y) - tlPad); after.Sub(at).Abs() > 48*time.Hour {
		t.Errorf("zoom moved the day under the pointer from %s to %s", at, after)
	}

	// Drag pans: dragging up shows later days.
	test.Drag(w.Canvas(), fyne.NewPos(300, 400), 0, -200)
	f2, _ := tl.VisibleRange()
	if !f2.After(f1) {
		t.Errorf("dragging up did not move to later days: %s then %s", f1, f2)
	}

	// Page down moves on; the brush in the overview strip jumps back to the top.
	tl.Page(1)
	f3, _ := tl.VisibleRange()
	if !f3.After(f2) {
		t.Errorf("PgDn did not move on: %s then %s", f2, f3)
	}
	test.TapAt(tl, fyne.NewPos(tl.Size().Width-6, tlPad+2))
	f4, _ := tl.VisibleRange()
	if !f4.Before(f3) {
		t.Errorf("tapping the top of the overview did not scroll back: %s", f4)
	}

	// GoTo centres a day; fit shows everything again.
	tl.GoTo(day("2016-03-24"))
	f5, l5 := tl.VisibleRange()
	if day("2016-03-24").Before(f5) || day("2016-03-24").After(l5) {
		t.Errorf("GoTo 2016-03-24 shows %s..%s", f5, l5)
	}
	tl.FitAll()
	tl.Refresh()
	if got := len(tl.VisibleEvents()); got != len(storyEvents()) {
		t.Errorf("after FitAll %d cards visible, want %d", got, len(storyEvents()))
	}
}

func TestTimelineHighlightDims(t *testing.T) {
	tl, w := newStoryTimeline(t, fyne.NewSize(560, 760))
	before := w.Canvas().Capture()
	tl.SetHighlight(map[int64]bool{2: true, 7: true, 10: true})
	after := w.Canvas().Capture()
	if imagesEqual(before, after) {
		t.Error("highlighting a place's events changed nothing on screen")
	}
}

func TestTimelineClustersWhenCrowded(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(&Theme{Mode: ThemeLight})
	var evs []model.Event
	start := day("2010-01-01")
	for i := range 2000 {
		d := start.AddDate(0, 0, i%1500)
		evs = append(evs, model.Event{ID: int64(i + 1), Title: "event", Kind: model.KindMeeting, Start: d, End: d, Precision: model.PrecisionDay})
	}
	tl := NewTimeline()
	if err := tl.SetSource(timeline.NewSliceSource(evs), start, start.AddDate(0, 0, 1500)); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(tl)
	w.Resize(fyne.NewSize(560, 760))
	defer w.Close()
	if !tl.view.Clustered {
		t.Fatal("2000 events at full range are drawn one by one")
	}
	n := 0
	for _, m := range tl.frame.marks {
		n += m.Count
	}
	if n != 2000 {
		t.Errorf("clusters hold %d events, want 2000", n)
	}
	// Tapping a cluster zooms into it.
	_, l0 := tl.VisibleRange()
	f0, _ := tl.VisibleRange()
	for _, m := range tl.frame.marks {
		if m.visible {
			test.TapAt(tl, m.card.Add(fyne.NewPos(10, 10)))
			break
		}
	}
	f1, l1 := tl.VisibleRange()
	if l1.Sub(f1) >= l0.Sub(f0) {
		t.Errorf("tapping a cluster did not zoom in: %v then %v", l0.Sub(f0), l1.Sub(f1))
	}
}

// countingSource counts the reads of the events in a window, over a real
// in-memory source.
type countingSource struct {
	*timeline.SliceSource
	reads int
}

func (c *countingSource) Events(from, to time.Time, limit int) ([]model.Event, error) {
	c.reads++
	return c.SliceSource.Events(from, to, limit)
}

func TestTimelineRepaintReadsNothingAgain(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(&Theme{Mode: ThemeLight})
	evs := storyEvents()
	src := &countingSource{SliceSource: timeline.NewSliceSource(evs)}
	tl := NewTimeline()
	from, to, _ := timeline.Range(evs)
	if err := tl.SetSource(src, from, to); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(tl)
	w.Resize(fyne.NewSize(560, 760))
	t.Cleanup(w.Close)
	vis := tl.VisibleEvents()
	if len(vis) == 0 {
		t.Fatal("no card drawn")
	}
	pos, _ := tl.CardPosition(vis[0].ID)

	tests := []struct {
		name  string
		do    func()
		reads bool
	}{
		{"hover a card", func() { tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}}) }, false},
		{"select it", func() { test.TapAt(tl, pos) }, false},
		{"focus", func() { tl.FocusGained() }, false},
		{"zoom in", func() { tl.TypedRune('+') }, true},
		{"scroll", func() { tl.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -60)}) }, true},
		{"new source", func() { tl.SetSource(src, from, to) }, true},
	}
	for _, tt := range tests {
		before := src.reads
		tt.do()
		tl.Refresh()
		if read := src.reads > before; read != tt.reads {
			t.Errorf("%s: read the source %d times, want reads %v", tt.name, src.reads-before, tt.reads)
		}
	}
}

func TestWithAlphaKeepsTheHue(t *testing.T) {
	red := color.NRGBA{R: 200, G: 40, B: 20, A: 255}
	tests := []struct {
		name string
		c    color.Color
		want color.NRGBA
	}{
		{"opaque", withAlpha(red, 0.5), color.NRGBA{R: 200, G: 40, B: 20, A: 127}},
		{"faded twice", withAlpha(withAlpha(red, 0.5), 0.5), color.NRGBA{R: 200, G: 40, B: 20, A: 63}},
	}
	for _, tt := range tests {
		got := color.NRGBAModel.Convert(tt.c).(color.NRGBA)
		// One step of rounding either way in the channels is fine.
		near := func(a, b uint8) bool { return a-b <= 2 || b-a <= 2 }
		if !near(got.R, tt.want.R) || !near(got.G, tt.want.G) || !near(got.B, tt.want.B) || !near(got.A, tt.want.A) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestTimelineFocusFrame checks that the focused timeline is framed on all
// four edges, with plain one-pixel fills the software painter copies, and
// that the frame goes with the focus.
func TestTimelineFocusFrame(t *testing.T) {
	tl, _ := newStoryTimeline(t, fyne.NewSize(600, 500))
	edges := func() int {
		n := 0
		size := tl.Size()
		for _, o := range test.WidgetRenderer(tl).Objects() {
			r, ok := o.(*canvas.Rectangle)
			if !ok || r.StrokeWidth != 0 {
				continue
			}
			p, s := r.Position(), r.Size()
			switch {
			case s.Width == size.Width && s.Height == 1 && (p.Y == 0 || p.Y == size.Height-1),
				s.Height == size.Height && s.Width == 1 && (p.X == 0 || p.X == size.Width-1):
				n++
			}
		}
		return n
	}
	if n := edges(); n != 0 {
		t.Fatalf("%d frame edges before the focus", n)
	}
	tl.FocusGained()
	if n := edges(); n != 4 {
		t.Errorf("%d frame edges with the focus, want 4", n)
	}
	tl.FocusLost()
	if n := edges(); n != 0 {
		t.Errorf("%d frame edges after the focus left", n)
	}
}
