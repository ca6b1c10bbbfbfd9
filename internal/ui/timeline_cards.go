package ui

import (
	"image/color"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timeline"
)

// The timeline's cards: laid out in lanes beside the axis, one per event
// when there is room, and otherwise a summary card for each dense stretch,
// which lists its most reported events and what kinds it holds.

// cardStyle is one way of laying out a frame's cards. The styles are tried
// in turn until every card whose mark is in view fits: full cards, then
// one-line cards in as many lanes, then dense runs of events summarised,
// then summaries of one title, and last one-line cards in narrower lanes,
// whose titles are cut short.
type cardStyle struct {
	group     bool // summarise dense runs of events
	headlines int  // titles a summary card lists
	tight     bool // one-line cards
	narrow    bool // with tight: more lanes than full cards get
}

var cardStyles = []cardStyle{
	{headlines: timeline.SummaryTop},
	{headlines: timeline.SummaryTop, tight: true},
	{group: true, headlines: timeline.SummaryTop},
	{group: true, headlines: 1},
	{group: true, headlines: 1, tight: true, narrow: true},
}

// tlCardMinWTitle is the width a one-line card needs to show most of a
// title beside its date; narrower, a summary card says more.
const tlCardMinWTitle = 400

// stretchX is where a stretch's bracket runs, right of the axis's dots.
const stretchX = 9

// syncSummaryEvents is how many events a frame may summarise while it is
// laid out; bigger stretches (years of a million-event store under a
// narrowing filter) are read on a goroutine and drawn when they arrive.
// Summaries the store reads from kept counts (timeline.KeptSummarizer,
// ~0.3 ms a year of the 1M store) are read at once whatever their size,
// so that a start shows its year cards with its first frame rather than
// redrawing for them.
const syncSummaryEvents = 2000

// summarySlots bounds the summaries read at once off the UI goroutine:
// a zoomed-out million-event store asks for a score of them together.
var summarySlots = make(chan struct{}, 2)

// cardSlot is a card to place: a mark's own, or a stretch's.
type cardSlot struct {
	y, h    float64
	mark    int // index into the frame's marks, -1 for a stretch
	stretch timeline.Stretch
}

// layoutCards gives the marks anchored in view (carded, indexes into
// f.marks in order) their cards, in the first style that fits.
func (t *Timeline) layoutCards(f *tlFrame, carded []int, avail float32, maxLanes int, size fyne.Size) {
	lineS := float64(fyne.MeasureText("Ag", theme.CaptionTextSize(), fyne.TextStyle{}).Height)
	lineB := float64(fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height)
	summaryH := func(st cardStyle, count int) float64 {
		if st.tight {
			return tlCardHTight
		}
		n := min(st.headlines, count)
		h := 5 + lineS + 3 + float64(n)*lineB + 6
		if count > n {
			h += 3 + lineS // "+N more" and the kinds
		}
		return h
	}
	// The events that may be grouped: not the selected one, which keeps
	// its card.
	var events []int
	for _, i := range carded {
		if e := f.marks[i].Event; e != nil {
			events = append(events, i)
		}
	}
	var slots []cardSlot
	var places []timeline.Placement
	var hs []float64 // the slots' heights in the lanes found
	var style cardStyle
	found := false
	for _, st := range cardStyles {
		cardH, gap := float64(tlCardH), float64(tlCardGap)
		most := maxLanes
		if st.tight {
			cardH, gap = tlCardHTight, 3
		}
		switch {
		case st.narrow:
			// One-line cards can be narrower: a second lane beats a lost card.
			most = int(max(float32(maxLanes), min(tlMaxLanes, avail/tlCardMinWTight)))
		case st.tight:
			// Before summaries, only lanes wide enough for a title.
			most = int(min(float32(maxLanes), avail/tlCardMinWTitle))
		}
		slots = slots[:0]
		grouped := map[int]bool{}
		if st.group {
			for _, s := range t.stretches(f, events, cardH+gap, most) {
				ms := events[s.First : s.Last+1]
				for _, i := range ms {
					grouped[i] = true
				}
				y := float64(f.marks[ms[0]].anchor+f.marks[ms[len(ms)-1]].anchor) / 2
				slots = append(slots, cardSlot{y: y, h: summaryH(st, len(ms)), mark: -1,
					stretch: timeline.Stretch{First: ms[0], Last: ms[len(ms)-1]}})
			}
		}
		for _, i := range carded {
			if grouped[i] {
				continue
			}
			h := cardH
			if f.marks[i].Event == nil {
				h = summaryH(st, f.marks[i].Count)
			}
			slots = append(slots, cardSlot{y: float64(f.marks[i].anchor), h: h, mark: i})
		}
		slices.SortStableFunc(slots, func(a, b cardSlot) int {
			switch {
			case a.y < b.y:
				return -1
			case a.y > b.y:
				return 1
			}
			return 0
		})
		ys := make([]float64, len(slots))
		hs = make([]float64, len(slots))
		for k, sl := range slots {
			ys[k], hs[k] = sl.y, sl.h
		}
		for lanes := 1; lanes <= most; lanes++ {
			if !st.tight {
				// A title too long for its lane gets a second line rather
				// than being cut; lanes are narrower the more there are.
				cw := (avail - float32(lanes-1)*8) / float32(lanes)
				for k, sl := range slots {
					if sl.mark >= 0 && f.marks[sl.mark].Event != nil {
						e := f.marks[sl.mark].Event
						hs[k] = sl.h
						if fyne.MeasureText(cardTitle(e, false), theme.TextSize(), fyne.TextStyle{Bold: true}).Width > cardTextWidth(e, cw) {
							hs[k] += lineB
						}
					}
				}
			}
			places = timeline.PlaceSizedWithin(ys, hs, lanes, gap, 4, float64(size.Height)-4)
			f.lanes, f.cardH, f.tight, style = lanes, float32(cardH), st.tight, st
			if !overflows(places, ys, hs, size.Height) {
				found = true
				break
			}
		}
		if found {
			break
		}
	}
	f.cardW = (avail - float32(f.lanes-1)*8) / float32(f.lanes)
	budget := syncSummaryEvents
	for k, sl := range slots {
		p := places[k]
		i := sl.mark
		if i < 0 {
			// A stretch: a mark of its own, after the events'.
			first, last := &f.marks[sl.stretch.First], &f.marks[sl.stretch.Last]
			m := tlMark{Mark: timeline.Mark{Count: sl.stretch.Last - sl.stretch.First + 1, From: first.From, To: first.To},
				anchor: float32(sl.y), stretch: true, first: sl.stretch.First, last: sl.stretch.Last}
			for j := sl.stretch.First; j <= sl.stretch.Last; j++ {
				f.marks[j].grouped = true
				if f.marks[j].To.After(m.To) {
					m.To = f.marks[j].To
				}
			}
			m.Y0, m.Y1 = first.Y0, last.Y1
			f.marks = append(f.marks, m)
			i = len(f.marks) - 1
		}
		m := &f.marks[i]
		m.card = fyne.NewPos(f.cardX+float32(p.Lane)*(f.cardW+8), float32(p.Y))
		m.h = float32(hs[k])
		m.visible = p.Y >= -2 && p.Y+sl.h <= float64(size.Height)+2
		if m.Event == nil {
			m.headlines = min(style.headlines, m.Count)
			if m.visible {
				m.sum = t.summaryFor(m.From, m.To, m.Count, &budget)
			}
		}
	}
}

// stretches finds the dense runs among the events (indexes into f.marks)
// for cards of window pixels with lanes side by side, leaving out the
// selected event so that it keeps its card.
func (t *Timeline) stretches(f *tlFrame, events []int, window float64, lanes int) []timeline.Stretch {
	ys := make([]float64, len(events))
	sel := -1
	for k, i := range events {
		ys[k] = float64(f.marks[i].anchor)
		if t.selected != nil && f.marks[i].Event.ID == t.selected.ID {
			sel = k
		}
	}
	var out []timeline.Stretch
	for _, s := range timeline.DenseStretches(ys, window, lanes) {
		if sel < s.First || sel > s.Last {
			out = append(out, s)
			continue
		}
		for _, part := range []timeline.Stretch{{First: s.First, Last: sel - 1}, {First: sel + 1, Last: s.Last}} {
			if part.Last > part.First {
				out = append(out, part)
			}
		}
	}
	return out
}

// sumKey names a summarised stretch by its days.
type sumKey struct{ from, to int64 }

// sumEntry is a summary read or being read.
type sumEntry struct {
	s    timeline.Summary
	done bool
}

// summaryFor returns the summary of the days from..to (to exclusive) of
// about count events, nil while it is being read or when the source
// cannot summarise. Stretches within the frame's budget are read at once;
// bigger ones on a goroutine, the timeline redrawn when they arrive.
func (t *Timeline) summaryFor(from, to time.Time, count int, budget *int) *timeline.Summary {
	sm, ok := t.src.(timeline.Summarizer)
	if !ok {
		return nil
	}
	k := sumKey{from.Unix(), to.Unix()}
	if e := t.sums[k]; e != nil {
		if e.done {
			return &e.s
		}
		return nil
	}
	if t.sums == nil {
		t.sums = map[sumKey]*sumEntry{}
	}
	e := &sumEntry{}
	t.sums[k] = e
	if ks, ok := sm.(timeline.KeptSummarizer); (ok && ks.SummaryKept()) || count <= *budget {
		if count <= *budget {
			*budget -= count
		}
		s, err := sm.Summary(from, to, timeline.SummaryTop)
		if err != nil {
			t.fail(err)
			return nil
		}
		e.s, e.done = s, true
		return &e.s
	}
	gen := t.sumGen
	t.reads.start()
	go func() {
		summarySlots <- struct{}{}
		s, err := sm.Summary(from, to, timeline.SummaryTop)
		<-summarySlots
		fyne.Do(func() {
			current := t.sumGen == gen // else the source changed meanwhile
			if current && err == nil {
				e.s, e.done = s, true
			}
			// Counted after the summary is in, so that the last read's
			// redraw shows every one before it.
			last, unshown := t.reads.end(current && err == nil)
			defer t.reads.release()
			switch {
			case current && err != nil:
				delete(t.sums, k)
				t.fail(err)
			case last && unshown, current && time.Since(t.reads.shownAt()) >= summaryRedraw:
				t.showSummaries()
			}
		})
	}()
	return nil
}

// summaryRedraw is how often the timeline redraws while summaries land:
// a zoomed-out start reads a score of them, and a redraw for each kept the
// window busy (and the screen changing) well after the last had landed.
const summaryRedraw = 250 * time.Millisecond

// showSummaries redraws the timeline with the summaries landed so far.
func (t *Timeline) showSummaries() {
	t.reads.shown()
	t.Refresh()
}

// WaitSummaries blocks until the summaries of stretches being read off the
// UI goroutine have landed and been drawn: the end of a start's work, after
// which the app may hand its start-up memory back. Do not call it on the UI
// goroutine.
func (t *Timeline) WaitSummaries() { t.reads.wait() }

// sumReads counts the summaries being read, so that the timeline redraws
// for the last of them and WaitSummaries can wait for it.
type sumReads struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n is 0 after the last read's redraw; nil then
	// unshown is set while summaries landed since the last redraw, at is
	// when that was.
	unshown bool
	at      time.Time
}

// start counts a read; UI goroutine.
func (r *sumReads) start() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.idle == nil {
		r.idle = make(chan struct{})
	}
	r.n++
}

// end counts a read's end, landed tells whether its summary is in, and
// reports whether it was the last and whether any summary waits for a
// redraw.
func (r *sumReads) end(landed bool) (last, unshown bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n--
	r.unshown = r.unshown || landed
	return r.n == 0, r.unshown
}

// shown records a redraw.
func (r *sumReads) shown() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.unshown, r.at = false, time.Now()
}

func (r *sumReads) shownAt() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.at
}

// release lets WaitSummaries return once no read is left, after the last
// one's redraw.
func (r *sumReads) release() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.n == 0 && r.idle != nil {
		close(r.idle)
		r.idle = nil
	}
}

func (r *sumReads) wait() {
	r.mu.Lock()
	idle := r.idle
	r.mu.Unlock()
	if idle != nil {
		<-idle
	}
}

// stretchBracket draws the line beside the axis that spans a stretch's
// events.
func (r *tlRenderer) stretchBracket(add func(fyne.CanvasObject), f tlFrame, m *tlMark, c color.Color) {
	y0, y1 := f.marks[m.first].anchor, f.marks[m.last].anchor
	x := float32(tlAxisX + stretchX)
	for _, seg := range [][4]float32{{x, y0 - 3, x, y1 + 3}, {x - 3, y0 - 3, x, y0 - 3}, {x - 3, y1 + 3, x, y1 + 3}} {
		l := canvas.NewLine(c)
		l.StrokeWidth = 1.5
		l.Position1 = fyne.NewPos(seg[0], seg[1])
		l.Position2 = fyne.NewPos(seg[2], seg[3])
		add(l)
	}
}

// summaryCard draws the inside of a summary card (its background is
// drawn): a bar of its kinds' colours, the stretch's dates and size, its
// most reported titles and what they leave out; or, in one line, the dates,
// the size and the first title.
func (r *tlRenderer) summaryCard(add func(fyne.CanvasObject), f tlFrame, m *tlMark, a float64) {
	s := m.sum
	fg := withAlpha(themeColor(theme.ColorNameForeground), a)
	muted := withAlpha(themeColor(ColorNameMuted), a)
	small, body := theme.CaptionTextSize(), theme.TextSize()
	// The stripe: each kind's share of the stretch, most frequent on top.
	stripeH := m.h - 10
	y := m.card.Y + 5
	for _, k := range s.Kinds {
		h := stripeH * float32(k.N) / float32(max(1, s.Total))
		if h < 0.5 {
			continue
		}
		seg := canvas.NewRectangle(withAlpha(kindColor(k.Kind), a))
		seg.Move(fyne.NewPos(m.card.X+5, y))
		seg.Resize(fyne.NewSize(4, h))
		add(seg)
		y += h
	}
	label := r.t.stretchLabel(m)
	size := timeline.Thousands(max(s.Total, m.Count)) + " events"
	tw := f.cardW - 26
	if f.tight {
		head := label + " · " + size
		hw := fyne.MeasureText(head, small, fyne.TextStyle{}).Width
		l1 := text(head, small, muted, fyne.TextStyle{})
		l1.Move(m.card.Add(fyne.NewPos(16, (m.h-fyne.MeasureText(head, small, fyne.TextStyle{}).Height)/2)))
		add(l1)
		if len(s.Top) > 0 {
			th := fyne.MeasureText("Ag", body, fyne.TextStyle{}).Height
			l2 := text(ellipsize(s.Top[0].Title, tw-hw-8, body, fyne.TextStyle{}), body, fg, fyne.TextStyle{})
			l2.Move(m.card.Add(fyne.NewPos(16+hw+8, (m.h-th)/2)))
			add(l2)
		}
		return
	}
	lineS := fyne.MeasureText("Ag", small, fyne.TextStyle{}).Height
	lineB := fyne.MeasureText("Ag", body, fyne.TextStyle{}).Height
	yy := float32(5)
	head := text(ellipsize(label+" · "+size, tw, small, fyne.TextStyle{}), small, muted, fyne.TextStyle{})
	head.Move(m.card.Add(fyne.NewPos(16, yy)))
	add(head)
	yy += lineS + 3
	for i, h := range s.Top {
		if i >= m.headlines {
			break
		}
		title := h.Title
		if title == "" {
			title = string(h.Kind)
		}
		suffix := headlineSuffix(title, h.Sources, tw, body, small)
		sw := fyne.MeasureText(suffix, small, fyne.TextStyle{}).Width
		l := text(ellipsize(title, tw-sw, body, fyne.TextStyle{}), body, fg, fyne.TextStyle{})
		l.Move(m.card.Add(fyne.NewPos(16, yy)))
		add(l)
		if suffix != "" {
			lw := fyne.MeasureText(l.Text, body, fyne.TextStyle{}).Width
			sl := text(suffix, small, muted, fyne.TextStyle{})
			sl.Move(m.card.Add(fyne.NewPos(16+lw, yy+(lineB-lineS)/2)))
			add(sl)
		}
		yy += lineB
	}
	if s.More() == 0 {
		return // every event is listed; its kinds show in the stripe
	}
	yy = m.h - 6 - lineS
	more := s.MoreLine(3)
	ml := text(ellipsize(more, tw, small, fyne.TextStyle{Italic: true}), small, muted, fyne.TextStyle{Italic: true})
	ml.Move(m.card.Add(fyne.NewPos(16, yy)))
	add(ml)
}

// headlineSuffix is what follows a summary card's headline in a line tw
// wide: how many sources told it ("  ·  7 sources"), shortened to the
// number, then left out, when the title would otherwise be cut. In a
// narrow lane the title says what happened; the count only how often.
func headlineSuffix(title string, sources int, tw, body, small float32) string {
	if sources < 2 {
		return ""
	}
	n := timeline.Thousands(sources)
	tw0 := fyne.MeasureText(title, body, fyne.TextStyle{}).Width
	for _, suffix := range []string{"  ·  " + n + " sources", "  ·  " + n} {
		if tw0 <= tw-fyne.MeasureText(suffix, small, fyne.TextStyle{}).Width {
			return suffix
		}
	}
	return ""
}

// stretchLabel names a summary card's days: the bucket of a cluster
// ("Mar 2016", "Q1 2016"), or a stretch's dates ("14–18 Mar 2016").
func (t *Timeline) stretchLabel(m *tlMark) string {
	if !m.stretch {
		return clusterLabel(m.Mark, t.view.Unit)
	}
	e := model.Event{Start: m.From, End: m.To.AddDate(0, 0, -1), Precision: model.PrecisionDay}
	return timeline.FormatDate(&e)
}
