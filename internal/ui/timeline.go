package ui

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timeline"
)

// Geometry of the timeline, in Fyne units.
const (
	tlPad           = 26  // room above the first and below the last day
	tlAxisX         = 84  // x of the axis line; tick labels end left of it
	tlCardH         = 46  // card height
	tlCardHTight    = 28  // one-line card, when full cards would not fit
	tlCardGap       = 6   // space between stacked cards
	tlCardMinW      = 230 // a lane is added when this much room is free
	tlCardMinWTight = 165 // the same for one-line cards
	tlMaxLanes      = 3
	tlOverviewW     = 16  // the density strip on the right edge
	tlMaxEvents     = 160 // above this many events in view, clusters are drawn
	tlMaxPxDay      = 600 // deepest zoom: a day takes this many units
)

// Timeline is the vertical timeline: a proportional time axis, earliest at
// the top, with a card per event, spans for vague dates, clusters when zoomed
// out, and an overview strip whose brush shows (and moves) the visible window.
// It reads events through a timeline.Source so that only what is visible is
// ever loaded.
type Timeline struct {
	widget.BaseWidget

	// OnSelected is called when the user picks an event (tap or keys).
	OnSelected func(e model.Event)
	// OnHover is called with the event under the pointer, or nil.
	OnHover func(e *model.Event)
	// OnEscape is called when Esc is pressed while the timeline has focus.
	OnEscape func()
	// OnError reports a failed read from the store.
	OnError func(err error)
	// OnViewChanged is called after the visible window moves or zooms.
	OnViewChanged func(from, to time.Time)

	src       timeline.Source
	from, to  time.Time
	gaps      []timeline.Gap
	compact   bool
	scale     timeline.Scale
	fitPPD    float64
	offset    float64
	needFit   bool
	densityC  []timeline.Count
	view      timeline.View
	selected  *model.Event
	highlight map[int64]bool
	hlPlace   int64 // highlight the events at this place (0: none)
	hover     int64
	focused   bool
	dragBrush bool
	dragging  bool
	frame     tlFrame
	pending   *time.Time // a GoTo asked for before the first layout
	reveal    bool       // bring the selection into view at the next layout

	// queried is the last window read from src and what it held: a
	// repaint for hover, focus or selection reads nothing again.
	queried      viewQuery
	queriedView  timeline.View
	queriedValid bool

	// sums are the summaries of stretches read from src; sumGen counts
	// sources, so that a summary read for an earlier one is dropped.
	sums   map[sumKey]*sumEntry
	sumGen int
	// reads counts the summaries still being read off the UI goroutine.
	reads sumReads
}

// tlFrame is the laid-out content for one size: what the renderer draws and
// what taps are tested against.
type tlFrame struct {
	size  fyne.Size
	ticks []timeline.Tick
	marks []tlMark
	lanes int
	cardX float32
	cardW float32
	cardH float32 // an event card's height; summary cards are taller (tlMark.h)
	tight bool    // one-line cards
}

// viewQuery is what a window's read from the source depends on. Sources
// are compared by identity, and SetSource forgets the last read, so that
// new data always comes through SetSource.
type viewQuery struct {
	src      timeline.Source
	from, to time.Time
	ppd      float64
	compact  bool
	y0, y1   float64
}

type tlMark struct {
	timeline.Mark
	anchor  float32 // screen y of the dot
	y0, y1  float32 // screen extent of a span
	spanCol int
	card    fyne.Position
	h       float32 // the card's height
	visible bool
	// A summary card stands for a cluster of the store's counts (Event
	// nil) or for a dense stretch of the events in view (stretch, whose
	// members are marks first..last, each grouped and without a card).
	stretch     bool
	first, last int
	grouped     bool
	headlines   int               // titles the summary card has room for
	sum         *timeline.Summary // nil until it is read
}

// NewTimeline returns an empty timeline; call SetSource to fill it.
func NewTimeline() *Timeline {
	t := &Timeline{compact: true}
	t.ExtendBaseWidget(t)
	return t
}

// SetSource shows the events of src between from and to, zoomed out to the
// whole range. The overview's counts and compact mode's gaps are read from
// src once here.
func (t *Timeline) SetSource(src timeline.Source, from, to time.Time) error {
	t.src = src
	t.queriedValid = false // the same source may hold new data
	t.sums = nil
	t.sumGen++
	t.from = timeline.Month.Floor(from)
	t.to = timeline.Month.Next(timeline.Month.Floor(to))
	t.selected = nil
	t.highlight = nil
	t.hlPlace = 0
	err := t.loadOverview()
	t.needFit = true
	t.Refresh()
	return err
}

func (t *Timeline) loadOverview() error {
	t.densityC, t.gaps = nil, nil
	if t.src == nil {
		return nil
	}
	unit := timeline.Month
	if t.to.Sub(t.from) < 120*24*time.Hour {
		unit = timeline.Day
	}
	counts, err := t.src.Counts(t.from, t.to, unit)
	if err != nil {
		return fmt.Errorf("timeline overview: %w", err)
	}
	t.densityC = counts
	minGap := math.Max(100, t.to.Sub(t.from).Hours()/24*0.06)
	t.gaps = timeline.FindGaps(counts, unit, t.from, t.to, minGap)
	ppd := t.scale.PxPerDay
	t.scale = timeline.NewScale(t.from, t.to, ppd, t.gaps, t.compact)
	return nil
}

// Compact reports whether empty stretches are closed into breaks.
func (t *Timeline) Compact() bool { return t.compact }

// SetCompact switches compact mode and zooms out to the whole range.
func (t *Timeline) SetCompact(on bool) {
	t.compact = on
	t.scale = t.scale.WithCompact(on)
	t.needFit = true
	t.Refresh()
}

// FitAll zooms out to show the whole range.
func (t *Timeline) FitAll() {
	t.needFit = true
	t.Refresh()
}

func (t *Timeline) viewH() float64 {
	return math.Max(40, float64(t.Size().Height)-2*tlPad)
}

func (t *Timeline) fit() {
	if t.Size().Height <= 0 || t.src == nil {
		return
	}
	t.fitPPD = t.scale.Fit(t.viewH())
	t.scale = t.scale.WithZoom(t.fitPPD)
	t.offset = 0
	t.needFit = false
}

// ZoomAt multiplies the zoom by factor keeping the time under y (a widget
// coordinate) where it is, as ctrl+wheel does.
func (t *Timeline) ZoomAt(y float32, factor float64) {
	if t.src == nil {
		return
	}
	at := t.scale.T(t.offset + float64(y) - tlPad)
	ppd := math.Min(tlMaxPxDay, math.Max(t.fitPPD*0.9, t.scale.PxPerDay*factor))
	t.scale = t.scale.WithZoom(ppd)
	t.offset = t.scale.Y(at) - (float64(y) - tlPad)
	t.clamp()
	t.changed()
}

// GoTo centres the view on a day, zooming in to about a month per screen
// when the whole range is shown.
func (t *Timeline) GoTo(day time.Time) {
	if t.src == nil {
		return
	}
	if t.Size().Height <= 0 || t.needFit {
		t.pending = &day
		t.Refresh()
		return
	}
	t.goTo(day)
	t.changed()
}

func (t *Timeline) goTo(day time.Time) {
	if t.scale.PxPerDay < t.viewH()/120 {
		t.scale = t.scale.WithZoom(t.viewH() / 60)
	}
	// Noon: where the day's events are drawn.
	t.offset = t.scale.Y(model.Day(day).Add(12*time.Hour)) - t.viewH()/2
	t.clamp()
}

// VisibleRange returns the first and last day in view.
func (t *Timeline) VisibleRange() (time.Time, time.Time) {
	return model.Day(t.scale.T(t.offset)), model.Day(t.scale.T(t.offset + t.viewH()))
}

func (t *Timeline) clamp() {
	h := t.scale.Height()
	vh := t.viewH()
	maxOff := math.Max(0, h-vh) + vh*0.25
	minOff := -vh * 0.25
	if h <= vh {
		maxOff = math.Max(0, h-vh)
		minOff = math.Min(0, h-vh)
	}
	t.offset = math.Min(maxOff, math.Max(minOff, t.offset))
}

func (t *Timeline) changed() {
	t.Refresh()
	if t.OnViewChanged != nil {
		f, l := t.VisibleRange()
		t.OnViewChanged(f, l)
	}
}

// Select marks an event as selected and scrolls it into view when it is
// outside. It does not call OnSelected.
func (t *Timeline) Select(e model.Event) {
	t.selected = &e
	// The next layout scrolls to it, or zooms in when it is hidden in a cluster.
	t.reveal = true
	if t.Size().Height <= 0 || t.needFit {
		t.Refresh()
		return
	}
	t.changed()
}

// crowded reports whether the events in view need more room than two lanes
// of one-line cards give, so that the selected one might get no card.
func (t *Timeline) crowded(v timeline.View) bool {
	n := 0
	for _, m := range v.Marks {
		if m.Event != nil && !m.Span {
			n++
		}
	}
	return float64(n)*(tlCardHTight+3)/2 > t.viewH()
}

// revealSelection scrolls to the selected event when it is out of view,
// zooming in when the view draws clusters, and reports whether it moved.
func (t *Timeline) revealSelection(clustered bool) bool {
	e := t.selected
	if e == nil || !e.Dated() || t.src == nil {
		return false
	}
	y := t.scale.Y(e.Start.Add(12 * time.Hour))
	if !clustered && y >= t.offset+20 && y <= t.offset+t.viewH()-20 {
		return false
	}
	if clustered {
		// About two weeks per screen: few enough events to draw one by one.
		t.scale = t.scale.WithZoom(math.Max(t.scale.PxPerDay, t.viewH()/14))
	}
	t.goTo(e.Start)
	return true
}

// ClearSelection forgets the selected event.
func (t *Timeline) ClearSelection() {
	t.selected = nil
	t.Refresh()
}

// Selected returns the selected event.
func (t *Timeline) Selected() (model.Event, bool) {
	if t.selected == nil {
		return model.Event{}, false
	}
	return *t.selected, true
}

// SetHighlight emphasises the events whose IDs are in ids and dims the
// others, as when a place is picked on the map; nil shows all alike.
func (t *Timeline) SetHighlight(ids map[int64]bool) {
	t.highlight = ids
	t.hlPlace = 0
	t.Refresh()
}

// SetHighlightPlace emphasises the events at a place and dims the others,
// as when its marker is tapped; 0 shows all alike. Unlike SetHighlight it
// needs no list of events, so a busy place in a large store costs nothing.
func (t *Timeline) SetHighlightPlace(placeID int64) {
	t.highlight = nil
	t.hlPlace = placeID
	t.Refresh()
}

// Highlighted reports whether an event is emphasised by the current
// highlight, and whether there is a highlight at all.
func (t *Timeline) Highlighted(e *model.Event) (on, active bool) {
	switch {
	case t.hlPlace != 0:
		return e.Place != nil && e.Place.ID == t.hlPlace, true
	case t.highlight != nil:
		return t.highlight[e.ID], true
	}
	return false, false
}

// VisibleEvents returns the events drawn as cards in the current view.
func (t *Timeline) VisibleEvents() []model.Event {
	var out []model.Event
	for _, m := range t.frame.marks {
		if m.Event != nil && m.visible {
			out = append(out, *m.Event)
		}
	}
	return out
}

// CardPosition returns the centre of an event's card in widget
// coordinates, for tests and for keyboard focus rings.
func (t *Timeline) CardPosition(id int64) (fyne.Position, bool) {
	for _, m := range t.frame.marks {
		if m.Event != nil && m.Event.ID == id && m.visible {
			return m.card.Add(fyne.NewPos(t.frame.cardW/2, m.h/2)), true
		}
	}
	return fyne.Position{}, false
}

// Step selects the next (dir > 0) or previous event in time order.
func (t *Timeline) Step(dir int) {
	if t.src == nil {
		return
	}
	var cur model.Event
	if t.selected != nil && t.selected.Dated() {
		cur = *t.selected
	} else {
		// Start from the edge of the visible window.
		f, l := t.VisibleRange()
		cur = model.Event{Start: f.AddDate(0, 0, -1), ID: -1}
		if dir < 0 {
			cur = model.Event{Start: l.AddDate(0, 0, 1), ID: math.MaxInt64}
		}
	}
	t.stepFrom(cur, dir)
}

// First selects the earliest event.
func (t *Timeline) First() { t.stepFrom(model.Event{Start: t.from.AddDate(0, 0, -1), ID: -1}, 1) }

// Last selects the latest event.
func (t *Timeline) Last() {
	t.stepFrom(model.Event{Start: t.to.AddDate(0, 0, 1), ID: math.MaxInt64}, -1)
}

func (t *Timeline) stepFrom(cur model.Event, dir int) {
	if t.src == nil {
		return
	}
	e, ok, err := timeline.Adjacent(t.src, &cur, dir, t.from, t.to)
	if err != nil {
		t.fail(err)
		return
	}
	if !ok {
		return
	}
	t.Select(e)
	if t.OnSelected != nil {
		t.OnSelected(e)
	}
}

// Page scrolls by most of a screen, down for dir > 0.
func (t *Timeline) Page(dir int) {
	t.offset += float64(dir) * t.viewH() * 0.85
	t.clamp()
	t.changed()
}

func (t *Timeline) fail(err error) {
	if t.OnError != nil {
		t.OnError(err)
	} else {
		fyne.LogError("timeline", err)
	}
}

// computeFrame lays out ticks, marks and cards for a size.
func (t *Timeline) computeFrame(size fyne.Size) tlFrame {
	f := tlFrame{size: size}
	if t.src == nil || size.Height <= 0 {
		return f
	}
	if t.needFit {
		t.fit()
	}
	if t.pending != nil && !t.needFit {
		t.goTo(*t.pending)
		t.pending = nil
	}
	vh := t.viewH()
	query := func() timeline.View {
		q := viewQuery{t.src, t.scale.From, t.scale.To, t.scale.PxPerDay, t.scale.Compact, t.offset - 40, t.offset + vh + 40}
		if t.queriedValid && q == t.queried {
			return t.queriedView
		}
		v, err := timeline.Query(t.src, t.scale, q.y0, q.y1, tlMaxEvents)
		if err != nil {
			t.fail(err)
			return v
		}
		t.queried, t.queriedView, t.queriedValid = q, v, true
		return v
	}
	v := query()
	if t.reveal && !t.needFit {
		t.reveal = false
		if t.revealSelection(v.Clustered) {
			v = query()
			// Busy stores need more zoom before events are drawn one by one.
			for i := 0; (v.Clustered || t.crowded(v)) && i < 12 && t.scale.PxPerDay < tlMaxPxDay; i++ {
				t.scale = t.scale.WithZoom(math.Min(tlMaxPxDay, t.scale.PxPerDay*2))
				t.goTo(t.selected.Start)
				v = query()
			}
		}
	}
	t.view = v
	toScreen := func(y float64) float32 { return float32(y - t.offset + tlPad) }
	f.ticks = timeline.Ticks(t.scale, t.offset-tlPad, t.offset+vh+tlPad, 22)

	// Span columns: vague dates stack side by side next to the axis.
	var colEnd []float64
	spanCols := 0
	for _, m := range v.Marks {
		tm := tlMark{Mark: m, anchor: toScreen(m.Anchor()), y0: toScreen(m.Y0), y1: toScreen(m.Y1)}
		if m.Span {
			col := -1
			for c, end := range colEnd {
				if end <= m.Y0 {
					col = c
					break
				}
			}
			if col < 0 {
				col = len(colEnd)
				colEnd = append(colEnd, 0)
			}
			colEnd[col] = m.Y1 + 2
			tm.spanCol = min(col, 3)
			spanCols = max(spanCols, tm.spanCol+1)
		}
		f.marks = append(f.marks, tm)
	}

	f.cardX = tlAxisX + 14 + float32(spanCols)*8 + 18
	avail := size.Width - f.cardX - tlOverviewW - 12
	maxLanes := int(max(1, min(tlMaxLanes, avail/tlCardMinW)))
	// Only marks anchored in view get a card: a long span that began far
	// above shows as its bar, and leaves the room to the events in view.
	var carded []int
	for i, m := range f.marks {
		if m.anchor >= -tlCardH/2 && m.anchor <= size.Height+tlCardH/2 {
			carded = append(carded, i)
		}
	}
	t.layoutCards(&f, carded, avail, maxLanes, size)
	return f
}

// covered reports whether a visible card overlaps the rectangle at p of size s.
func (f *tlFrame) covered(p fyne.Position, s fyne.Size) bool {
	for _, m := range f.marks {
		if m.visible && p.X < m.card.X+f.cardW && m.card.X < p.X+s.Width && p.Y < m.card.Y+m.h && m.card.Y < p.Y+s.Height {
			return true
		}
	}
	return false
}

// overflows reports whether a card whose mark is in view was pushed out of
// it; card i is hs[i] tall.
func overflows(ps []timeline.Placement, ys, hs []float64, h float32) bool {
	for i, p := range ps {
		if ys[i] >= 0 && ys[i] <= float64(h) && (p.Y+hs[i] > float64(h) || p.Y < 0) {
			return true
		}
	}
	return false
}

// CreateRenderer implements fyne.Widget.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	return &tlRenderer{t: t}
}

// MinSize keeps the timeline usable in a narrow split.
func (t *Timeline) MinSize() fyne.Size { return fyne.NewSize(300, 200) }

// Resize refits the whole range the first time the timeline gets a size.
func (t *Timeline) Resize(s fyne.Size) {
	if s == t.Size() {
		return
	}
	old := t.Size()
	t.BaseWidget.Resize(s)
	if old.Height <= 0 || t.offset == 0 && t.scale.PxPerDay == t.fitPPD {
		t.needFit = true
	}
	t.Refresh()
}

// Tapped selects the event under the pointer, zooms into a cluster, or moves
// the brush when the overview strip is tapped.
func (t *Timeline) Tapped(ev *fyne.PointEvent) {
	t.requestFocus()
	if t.inOverview(ev.Position) {
		t.moveBrush(ev.Position.Y)
		return
	}
	m := t.markAt(ev.Position)
	if m == nil {
		return
	}
	if m.Event == nil {
		t.zoomInto(m.Mark)
		return
	}
	e := *m.Event
	t.selected = &e
	t.Refresh()
	if t.OnSelected != nil {
		t.OnSelected(e)
	}
}

func (t *Timeline) zoomInto(m timeline.Mark) {
	days := math.Max(1, m.To.Sub(m.From).Hours()/24)
	ppd := math.Min(tlMaxPxDay, t.viewH()/(days*1.6))
	t.scale = t.scale.WithZoom(math.Max(ppd, t.scale.PxPerDay*1.5))
	mid := m.From.Add(m.To.Sub(m.From) / 2)
	t.offset = t.scale.Y(mid) - t.viewH()/2
	t.clamp()
	t.changed()
}

func (t *Timeline) markAt(p fyne.Position) *tlMark {
	for i := len(t.frame.marks) - 1; i >= 0; i-- {
		m := &t.frame.marks[i]
		if !m.visible {
			continue
		}
		c := m.card
		if p.X >= c.X && p.X <= c.X+t.frame.cardW && p.Y >= c.Y && p.Y <= c.Y+m.h {
			return m
		}
	}
	for i := range t.frame.marks {
		m := &t.frame.marks[i]
		if !m.stretch && math.Abs(float64(p.X-tlAxisX)) < 9 && math.Abs(float64(p.Y-m.anchor)) < 9 {
			return m
		}
	}
	for i := range t.frame.marks {
		m := &t.frame.marks[i]
		x := tlAxisX + 8 + float32(m.spanCol)*8
		if m.Span && p.X >= x-2 && p.X <= x+8 && p.Y >= m.y0 && p.Y <= m.y1 {
			return m
		}
	}
	return nil
}

func (t *Timeline) inOverview(p fyne.Position) bool {
	return p.X >= t.Size().Width-tlOverviewW-4
}

func (t *Timeline) overviewScale() (timeline.Scale, float32) {
	h := t.Size().Height - 2*tlPad
	s := t.scale.WithZoom(t.scale.Fit(float64(h)))
	return s, h
}

func (t *Timeline) moveBrush(y float32) {
	if t.src == nil {
		return
	}
	os, h := t.overviewScale()
	if h <= 0 {
		return
	}
	at := os.T(float64(y - tlPad))
	t.offset = t.scale.Y(at) - t.viewH()/2
	t.clamp()
	t.changed()
}

// Scrolled pans with the wheel and zooms at the pointer with ctrl+wheel.
func (t *Timeline) Scrolled(ev *fyne.ScrollEvent) {
	if ctrlHeld() {
		t.ZoomAt(ev.Position.Y, math.Pow(1.25, float64(ev.Scrolled.DY)/20))
		return
	}
	t.offset -= float64(ev.Scrolled.DY) * 2
	t.clamp()
	t.changed()
}

func ctrlHeld() bool {
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	if d, ok := app.Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	}
	return false
}

// Dragged pans the view, or moves the brush when the drag began on the
// overview strip.
func (t *Timeline) Dragged(ev *fyne.DragEvent) {
	if !t.dragging {
		t.dragging = true
		start := ev.Position.Subtract(fyne.NewDelta(ev.Dragged.DX, ev.Dragged.DY))
		t.dragBrush = t.inOverview(start)
	}
	if t.dragBrush {
		t.moveBrush(ev.Position.Y)
		return
	}
	t.offset -= float64(ev.Dragged.DY)
	t.clamp()
	t.changed()
}

// DragEnd ends a pan or a brush drag.
func (t *Timeline) DragEnd() { t.dragging = false }

// MouseIn implements desktop.Hoverable.
func (t *Timeline) MouseIn(ev *desktop.MouseEvent) { t.MouseMoved(ev) }

// MouseMoved reports the event under the pointer to the map.
func (t *Timeline) MouseMoved(ev *desktop.MouseEvent) {
	var id int64
	var e *model.Event
	if m := t.markAt(ev.Position); m != nil && m.Event != nil {
		id, e = m.Event.ID, m.Event
	}
	if id == t.hover {
		return
	}
	t.hover = id
	t.Refresh()
	if t.OnHover != nil {
		t.OnHover(e)
	}
}

// MouseOut implements desktop.Hoverable.
func (t *Timeline) MouseOut() {
	if t.hover != 0 {
		t.hover = 0
		t.Refresh()
		if t.OnHover != nil {
			t.OnHover(nil)
		}
	}
}

func (t *Timeline) requestFocus() {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(t); c != nil {
			c.Focus(t)
		}
	}
}

// FocusGained implements fyne.Focusable.
func (t *Timeline) FocusGained() { t.focused = true; t.Refresh() }

// FocusLost implements fyne.Focusable.
func (t *Timeline) FocusLost() { t.focused = false; t.Refresh() }

// TypedRune zooms with + and -.
func (t *Timeline) TypedRune(r rune) {
	mid := float32(t.viewH()/2 + tlPad)
	switch r {
	case '+', '=':
		t.ZoomAt(mid, 1.5)
	case '-':
		t.ZoomAt(mid, 1/1.5)
	case '0':
		t.FitAll()
	}
}

// TypedKey steps through events with ↑ ↓, jumps with Home End PgUp PgDn,
// and clears with Esc.
func (t *Timeline) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		t.Step(1)
	case fyne.KeyUp:
		t.Step(-1)
	case fyne.KeyHome:
		t.First()
	case fyne.KeyEnd:
		t.Last()
	case fyne.KeyPageDown:
		t.Page(1)
	case fyne.KeyPageUp:
		t.Page(-1)
	case fyne.KeyEscape:
		if t.OnEscape != nil {
			t.OnEscape()
		}
	}
}

type tlRenderer struct {
	t       *Timeline
	objects []fyne.CanvasObject
}

func (r *tlRenderer) Destroy() {}

func (r *tlRenderer) Layout(s fyne.Size) { r.rebuild(s) }

func (r *tlRenderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *tlRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *tlRenderer) Refresh() {
	r.rebuild(r.t.Size())
	canvas.Refresh(r.t)
}

func text(s string, size float32, c color.Color, style fyne.TextStyle) *canvas.Text {
	tx := canvas.NewText(s, c)
	tx.TextSize = size
	tx.TextStyle = style
	return tx
}

// cardTitle is what an event's card says on its title line: its title, or
// its kind without one; a full card's first line names the place, so the
// title leaves it out where it can.
func cardTitle(e *model.Event, tight bool) string {
	t := e.Title
	if t == "" {
		t = string(e.Kind)
	}
	if !tight && e.Place != nil {
		t = timeline.CardTitle(t, e.Place.Name)
	}
	return t
}

// cardTextWidth is the width a full card's title has in a lane w wide.
func cardTextWidth(e *model.Event, w float32) float32 {
	tw := w - 26
	if e.InBriefing {
		tw -= 14 // the star
	}
	return tw
}

// wrapTitle parts a title too wide for w at the last space that lets its
// first line fit; the rest is the second line (which may still need
// cutting). A title with no such space is all first line.
func wrapTitle(s string, w, size float32, style fyne.TextStyle) (string, string) {
	cut := -1
	for i, r := range s {
		if r == ' ' && fyne.MeasureText(s[:i], size, style).Width <= w {
			cut = i
		} else if r == ' ' {
			break
		}
	}
	if cut < 0 {
		return s, ""
	}
	return s[:cut], s[cut+1:]
}

// ellipsize cuts s to fit width w at the given size.
func ellipsize(s string, w float32, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(s, size, style).Width <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

func (r *tlRenderer) rebuild(size fyne.Size) {
	t := r.t
	f := t.computeFrame(size)
	t.frame = f
	objs := r.objects[:0]
	add := func(o fyne.CanvasObject) { objs = append(objs, o) }

	fg := themeColor(theme.ColorNameForeground)
	muted := themeColor(ColorNameMuted)
	axis := themeColor(ColorNameAxis)
	primary := themeColor(theme.ColorNamePrimary)
	bg := themeColor(theme.ColorNameBackground)
	cardBG := themeColor(ColorNameCard)
	sep := themeColor(theme.ColorNameSeparator)
	small := theme.CaptionTextSize()
	body := theme.TextSize()

	if t.src == nil {
		r.objects = objs
		return
	}
	viewTop, viewBottom := float32(0), size.Height
	rightEdge := size.Width - tlOverviewW - 8

	// Year bands and tick labels.
	for _, tk := range f.ticks {
		y := float32(tk.Y - t.offset + tlPad)
		if y < viewTop+6 || y > viewBottom-6 {
			continue // a label cut by the edge reads as a glitch
		}
		if tk.Major {
			grid := canvas.NewLine(withAlpha(sep, 0.9))
			grid.StrokeWidth = 1
			grid.Position1 = fyne.NewPos(tlAxisX-8, y)
			grid.Position2 = fyne.NewPos(rightEdge, y)
			add(grid)
		}
		tickLine := canvas.NewLine(axis)
		tickLine.StrokeWidth = 1
		tickLine.Position1 = fyne.NewPos(tlAxisX-6, y)
		tickLine.Position2 = fyne.NewPos(tlAxisX, y)
		add(tickLine)
		style := fyne.TextStyle{Bold: tk.Major}
		c := muted
		sz := small
		if tk.Major {
			c, sz = fg, body
		}
		lbl := text(tk.Label, sz, c, style)
		ts := fyne.MeasureText(tk.Label, sz, style)
		lbl.Move(fyne.NewPos(tlAxisX-10-ts.Width, y-ts.Height/2))
		add(lbl)
	}

	// The axis, interrupted at breaks.
	axTop := float32(math.Max(0, -t.offset+tlPad-6))
	axBottom := float32(math.Min(float64(size.Height), t.scale.Height()-t.offset+tlPad+6))
	if axBottom > axTop {
		al := canvas.NewLine(axis)
		al.StrokeWidth = 2
		al.Position1 = fyne.NewPos(tlAxisX, axTop)
		al.Position2 = fyne.NewPos(tlAxisX, axBottom)
		add(al)
	}
	for _, b := range t.scale.Breaks() {
		y0 := float32(t.scale.Y(b.From) - t.offset + tlPad)
		y1 := float32(t.scale.Y(b.To) - t.offset + tlPad)
		if y1 < viewTop || y0 > viewBottom {
			continue
		}
		gapRect := canvas.NewRectangle(bg)
		gapRect.Move(fyne.NewPos(tlAxisX-3, y0+5))
		gapRect.Resize(fyne.NewSize(6, y1-y0-10))
		add(gapRect)
		for _, yy := range []float32{y0 + 5, y1 - 5} {
			zz := canvas.NewLine(axis)
			zz.StrokeWidth = 1.5
			zz.Position1 = fyne.NewPos(tlAxisX-7, yy+3)
			zz.Position2 = fyne.NewPos(tlAxisX+7, yy-3)
			add(zz)
		}
		lbl := text(timeline.BreakLabel(b)+"  ·  no events", small, muted, fyne.TextStyle{Italic: true})
		ls := fyne.MeasureText(lbl.Text, small, lbl.TextStyle)
		lp := fyne.NewPos(f.cardX+6, (y0+y1)/2-ls.Height/2)
		if !f.covered(lp, ls) {
			lbl.Move(lp)
			add(lbl)
		} else if y1-y0 >= 14 {
			// No room beside the cards: say how long the gap is, left of the axis.
			short := text(gapLength(b), small, muted, fyne.TextStyle{Italic: true})
			ss := fyne.MeasureText(short.Text, small, short.TextStyle)
			short.Move(fyne.NewPos(tlAxisX-12-ss.Width, (y0+y1)/2-ss.Height/2))
			add(short)
		}
	}

	dim := func(m *tlMark) bool {
		if m.Event == nil {
			return t.highlight != nil || t.hlPlace != 0
		}
		on, active := t.Highlighted(m.Event)
		return active && !on
	}
	// fade is a mark's opacity: low when another place or search is
	// highlighted, and lower again for an event the user hid, shown only
	// so that it can be brought back.
	fade := func(m *tlMark, dimmed float64) float64 {
		a := 1.0
		if dim(m) {
			a = dimmed
		}
		if m.Event != nil && m.Event.Hidden {
			a *= 0.45
		}
		return a
	}
	// strike draws a line through a hidden event's title: canvas text has
	// no strikethrough style.
	strike := func(m *tlMark, l *canvas.Text, a float64) {
		if m.Event == nil || !m.Event.Hidden {
			return
		}
		ts := fyne.MeasureText(l.Text, l.TextSize, l.TextStyle)
		y := l.Position().Y + ts.Height/2
		line := canvas.NewLine(withAlpha(fg, a))
		line.StrokeWidth = 1
		line.Position1 = fyne.NewPos(l.Position().X, y)
		line.Position2 = fyne.NewPos(l.Position().X+ts.Width, y)
		add(line)
	}
	isSel := func(m *tlMark) bool {
		return m.Event != nil && t.selected != nil && m.Event.ID == t.selected.ID
	}

	// Spans, leader lines, dots.
	for i := range f.marks {
		m := &f.marks[i]
		a := fade(m, 0.25)
		kc := color.Color(primary)
		if m.Event != nil {
			kc = kindColor(m.Event.Kind)
		}
		if m.Span && m.Event != nil {
			x := tlAxisX + 8 + float32(m.spanCol)*8
			y0 := max(m.y0, -4)
			y1 := min(m.y1, size.Height+4)
			bar := canvas.NewRectangle(withAlpha(kc, 0.55*a))
			if m.Event.Planned {
				bar.FillColor = color.Transparent
				bar.StrokeColor = withAlpha(kc, a)
				bar.StrokeWidth = 1.5
			}
			bar.CornerRadius = 3
			bar.Move(fyne.NewPos(x, y0))
			bar.Resize(fyne.NewSize(6, max(4, y1-y0)))
			add(bar)
		}
		if m.stretch {
			r.stretchBracket(add, f, m, withAlpha(axis, 0.8*a))
		}
		if m.visible {
			lx := float32(tlAxisX + 6)
			switch {
			case m.stretch:
				lx = tlAxisX + stretchX
			case m.Span:
				lx = tlAxisX + 14 + float32(m.spanCol)*8
			}
			leader := canvas.NewLine(withAlpha(axis, 0.6*a))
			leader.StrokeWidth = 1
			leader.Position1 = fyne.NewPos(lx, m.anchor)
			leader.Position2 = fyne.NewPos(m.card.X, m.card.Y+m.h/2)
			add(leader)
		}
		if m.stretch || m.anchor < -8 || m.anchor > size.Height+8 {
			continue
		}
		rad := float32(5)
		if m.Event == nil {
			rad = float32(math.Min(6, 3+math.Log10(float64(m.Count))))
			kc = withAlpha(primary, 0.75)
		}
		if isSel(m) {
			rad = 7
			ring := canvas.NewCircle(color.Transparent)
			ring.StrokeColor = primary
			ring.StrokeWidth = 2
			ring.Move(fyne.NewPos(tlAxisX-rad-4, m.anchor-rad-4))
			ring.Resize(fyne.NewSize(2*rad+8, 2*rad+8))
			add(ring)
		}
		dot := canvas.NewCircle(withAlpha(kc, a))
		if m.Event != nil && m.Event.Planned {
			dot.FillColor = bg
			dot.StrokeColor = withAlpha(kc, a)
			dot.StrokeWidth = 2
		}
		dot.Move(fyne.NewPos(tlAxisX-rad, m.anchor-rad))
		dot.Resize(fyne.NewSize(2*rad, 2*rad))
		add(dot)
	}

	// Cards.
	for i := range f.marks {
		m := &f.marks[i]
		if !m.visible {
			continue
		}
		a := fade(m, 0.35)
		sel := isSel(m)
		hov := m.Event != nil && m.Event.ID == t.hover
		card := canvas.NewRectangle(withAlpha(cardBG, a))
		card.CornerRadius = 6
		card.StrokeColor = withAlpha(sep, a)
		card.StrokeWidth = 1
		if hov {
			card.StrokeColor = withAlpha(primary, 0.6)
			card.StrokeWidth = 1.5
		}
		if sel {
			card.StrokeColor = primary
			card.StrokeWidth = 2
			card.FillColor = blend(cardBG, primary, 0.12)
		}
		card.Move(m.card)
		card.Resize(fyne.NewSize(f.cardW, m.h))
		add(card)
		if m.Event == nil && m.sum != nil {
			r.summaryCard(add, f, m, a)
			continue
		}

		kc := color.Color(axis)
		var line1, line2 string
		style2 := fyne.TextStyle{Bold: true}
		if m.Event != nil {
			e := m.Event
			kc = kindColor(e.Kind)
			line1 = timeline.FormatDate(e)
			if e.Place != nil && e.Place.Name != "" {
				line1 += "  ·  " + e.Place.Name
			}
			if e.Planned {
				line1 += "  ·  planned"
			}
			if e.Hidden {
				line1 += "  ·  hidden"
			}
			line2 = cardTitle(e, f.tight)
		} else {
			line1 = t.stretchLabel(m)
			line2 = timeline.Thousands(m.Count) + " events"
			if !f.tight {
				line2 += " — click to zoom in"
			}
			style2 = fyne.TextStyle{}
		}
		stripe := canvas.NewRectangle(withAlpha(kc, a))
		stripe.CornerRadius = 2
		stripe.Move(m.card.Add(fyne.NewPos(5, 5)))
		stripe.Resize(fyne.NewSize(4, m.h-10))
		add(stripe)

		tw := f.cardW - 26
		if m.Event != nil && m.Event.InBriefing {
			tw -= 14
			star := text("★", body, withAlpha(themeColor(ColorNameActor), a), fyne.TextStyle{})
			star.Move(m.card.Add(fyne.NewPos(f.cardW-18, 4)))
			add(star)
		}
		if f.tight {
			// One line: a short date, then the title.
			short := line1
			if m.Event != nil {
				short = timeline.FormatDate(m.Event)
			}
			dw := fyne.MeasureText(short, small, fyne.TextStyle{}).Width
			l1 := text(short, small, withAlpha(muted, a), fyne.TextStyle{})
			l1.Move(m.card.Add(fyne.NewPos(16, (m.h-fyne.MeasureText(short, small, fyne.TextStyle{}).Height)/2)))
			add(l1)
			th := fyne.MeasureText("Ag", body, style2).Height
			l2 := text(ellipsize(line2, tw-dw-8, body, style2), body, withAlpha(fg, a), style2)
			l2.Move(m.card.Add(fyne.NewPos(16+dw+8, (m.h-th)/2)))
			add(l2)
			strike(m, l2, a)
			continue
		}
		l1 := text(ellipsize(line1, tw, small, fyne.TextStyle{}), small, withAlpha(muted, a), fyne.TextStyle{})
		l1.Move(m.card.Add(fyne.NewPos(16, 5)))
		add(l1)
		if m.Event != nil && m.h > f.cardH+1 {
			// A two-line card (layoutCards gave it the room): the title
			// wraps rather than being cut.
			first, rest := wrapTitle(line2, tw, body, style2)
			lh := fyne.MeasureText("Ag", body, style2).Height
			for k, ln := range []string{first, rest} {
				l := text(ellipsize(ln, tw, body, style2), body, withAlpha(fg, a), style2)
				l.Move(m.card.Add(fyne.NewPos(16, 5+small+4+float32(k)*lh)))
				add(l)
				strike(m, l, a)
			}
			continue
		}
		l2 := text(ellipsize(line2, tw, body, style2), body, withAlpha(fg, a), style2)
		l2.Move(m.card.Add(fyne.NewPos(16, 5+small+4)))
		add(l2)
		strike(m, l2, a)
	}

	// Overview strip with density and brush.
	ox := size.Width - tlOverviewW
	oh := size.Height - 2*tlPad
	if oh > 10 {
		strip := canvas.NewRectangle(themeColor(theme.ColorNameInputBackground))
		strip.CornerRadius = 3
		strip.Move(fyne.NewPos(ox, tlPad))
		strip.Resize(fyne.NewSize(tlOverviewW-2, oh))
		add(strip)
		os, _ := t.overviewScale()
		unit := timeline.Month
		if t.to.Sub(t.from) < 120*24*time.Hour {
			unit = timeline.Day
		}
		bins := int(oh / 3)
		dens := timeline.Density(os, t.densityC, unit, bins)
		bh := oh / float32(max(1, bins))
		for i, v := range dens {
			if v <= 0 {
				continue
			}
			w := float32(3 + v*(tlOverviewW-7))
			bar := canvas.NewRectangle(withAlpha(primary, 0.35+0.5*v))
			bar.Move(fyne.NewPos(ox+(tlOverviewW-2-w)/2, tlPad+float32(i)*bh))
			bar.Resize(fyne.NewSize(w, max(2, bh-0.5)))
			add(bar)
		}
		f0, f1 := t.VisibleRange()
		by0 := float32(os.Y(f0)) + tlPad
		by1 := float32(os.Y(f1.AddDate(0, 0, 1))) + tlPad
		by0 = max(tlPad, by0)
		by1 = min(tlPad+oh, max(by1, by0+6))
		brush := canvas.NewRectangle(withAlpha(primary, 0.12))
		brush.StrokeColor = primary
		brush.StrokeWidth = 1.5
		brush.CornerRadius = 3
		brush.Move(fyne.NewPos(ox-2, by0))
		brush.Resize(fyne.NewSize(tlOverviewW+2, by1-by0))
		add(brush)
	}
	if t.focused {
		// Four one-pixel edges, not one stroked rectangle: the software
		// painter rasterises a stroked rectangle over its whole area, the
		// widget's, every frame; plain fills it copies.
		c := withAlpha(primary, 0.5)
		for _, e := range [][4]float32{{0, 0, size.Width, 1}, {0, size.Height - 1, size.Width, 1}, {0, 0, 1, size.Height}, {size.Width - 1, 0, 1, size.Height}} {
			edge := canvas.NewRectangle(c)
			edge.Move(fyne.NewPos(e[0], e[1]))
			edge.Resize(fyne.NewSize(e[2], e[3]))
			add(edge)
		}
	}
	r.objects = objs
}

// gapLength says how long a break is: "7 mo gap", "2 yr gap".
func gapLength(g timeline.Gap) string {
	months := int(math.Round(g.Days() / 30.44))
	if months < 12 {
		return fmt.Sprintf("%d mo gap", max(1, months))
	}
	return fmt.Sprintf("%.0f yr gap", math.Round(float64(months)/12))
}

func clusterLabel(m timeline.Mark, u timeline.Unit) string {
	switch u {
	case timeline.Day:
		return m.From.Format("2 Jan 2006")
	case timeline.Week:
		return "week of " + m.From.Format("2 Jan 2006")
	case timeline.Month:
		return m.From.Format("Jan 2006")
	case timeline.Quarter:
		return fmt.Sprintf("Q%d %d", (int(m.From.Month())-1)/3+1, m.From.Year())
	case timeline.Year:
		return m.From.Format("2006")
	}
	return m.From.Format("2006") + "s"
}

// blend mixes b into a by f, for tinted selections that work in both themes.
func blend(a, b color.Color, f float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	mix := func(x, y uint32) uint8 { return uint8((float64(x)*(1-f) + float64(y)*f) / 257) }
	return color.NRGBA{mix(ar, br), mix(ag, bg), mix(ab, bb), 0xff}
}
