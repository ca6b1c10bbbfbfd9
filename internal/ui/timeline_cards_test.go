package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/briefingatlas/atlas/internal/model"
)

// busyWeekEvents are a few events over a year and forty in one week of
// March 2016, where events 103, 117 and 131 have the most sources.
func busyWeekEvents() []model.Event {
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	var evs []model.Event
	add := func(id int64, start time.Time, kind model.Kind, sources int) {
		e := model.Event{ID: id, Kind: kind, Title: fmt.Sprintf("Event number %d", id), Start: start, End: start,
			Precision: model.PrecisionDay, Confidence: 0.8}
		for i := range sources {
			e.Sources = append(e.Sources, model.Source{ArticleID: int64(i + 1)})
		}
		evs = append(evs, e)
	}
	for i := range 6 {
		add(int64(i+1), day("2014-06-01").AddDate(0, 2*i, 0), model.KindStatement, 1)
	}
	kinds := []model.Kind{model.KindTalks, model.KindMilitary, model.KindMeeting, model.KindTalks}
	for i := range 40 {
		id := int64(100 + i)
		sources := 1 + i%2
		switch id {
		case 103:
			sources = 7
		case 117:
			sources = 6
		case 131:
			sources = 5
		}
		add(id, day("2016-03-14").AddDate(0, 0, i%6), kinds[i%len(kinds)], sources)
	}
	return evs
}

// TestTimelineSummarisesBusyWeek draws a week too dense for a card per
// event: it gets one summary card listing its three most reported events
// and what the rest are, and tapping that card zooms in to the week.
func TestTimelineSummarisesBusyWeek(t *testing.T) {
	tl, _ := newEventsTimeline(t, busyWeekEvents(), fyne.NewSize(560, 700))

	var card *tlMark
	for i := range tl.frame.marks {
		m := &tl.frame.marks[i]
		if m.stretch && m.visible {
			if card != nil {
				t.Fatalf("two summary cards, %v and %v, for one busy week", card.From, m.From)
			}
			card = m
		}
	}
	if card == nil {
		t.Fatal("no summary card for the busy week")
	}
	if card.sum == nil {
		t.Fatal("the summary card has no summary")
	}
	var top []int64
	for _, h := range card.sum.Top {
		top = append(top, h.ID)
	}
	if fmt.Sprint(top) != "[103 117 131]" || card.sum.Total != 40 {
		t.Errorf("summary lists %v of %d events, want [103 117 131] of 40", top, card.sum.Total)
	}
	if more := card.sum.MoreLine(3); !strings.HasPrefix(more, "+37 more · talks 20, ") {
		t.Errorf("more line %q", more)
	}
	// The week's events have no cards of their own, the others do.
	for _, e := range tl.VisibleEvents() {
		if e.ID >= 100 {
			t.Errorf("event %d of the busy week has a card beside the summary", e.ID)
		}
	}
	if len(tl.VisibleEvents()) == 0 {
		t.Error("the events outside the busy week lost their cards")
	}

	f0, l0 := tl.VisibleRange()
	test.TapAt(tl, card.card.Add(fyne.NewPos(20, 20)))
	f1, l1 := tl.VisibleRange()
	week0, week1 := time.Date(2016, 3, 14, 0, 0, 0, 0, time.UTC), time.Date(2016, 3, 19, 0, 0, 0, 0, time.UTC)
	if l1.Sub(f1) >= l0.Sub(f0)/4 {
		t.Errorf("tapping the summary did not zoom in: %v shown, then %v", l0.Sub(f0), l1.Sub(f1))
	}
	if f1.After(week0) || l1.Before(week1) {
		t.Errorf("after the tap the view shows %s..%s, want the week %s..%s", f1.Format(time.DateOnly), l1.Format(time.DateOnly),
			week0.Format(time.DateOnly), week1.Format(time.DateOnly))
	}
}

// The timeline redraws for the last summary read, whenever the others
// landed, and WaitSummaries returns only after that redraw. (The test
// driver runs fyne.Do on the calling goroutine, so a timeline reading
// summaries on goroutines cannot be driven here; the count is tested
// alone.)
func TestSummaryReadsCountToTheLast(t *testing.T) {
	for _, tt := range []struct {
		name   string
		landed []bool // each read's end, in order: whether its summary came in
		last   []bool // whether each end was the last
		redraw bool   // whether the last end has summaries to draw
	}{
		{"one", []bool{true}, []bool{true}, true},
		{"three", []bool{true, true, true}, []bool{false, false, true}, true},
		{"the last one failed", []bool{true, false}, []bool{false, true}, true},
		{"all stale", []bool{false, false}, []bool{false, true}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var r sumReads
			for range tt.landed {
				r.start()
			}
			var unshown bool
			for i, landed := range tt.landed {
				var last bool
				last, unshown = r.end(landed)
				if last != tt.last[i] {
					t.Errorf("end %d: last %v, want %v", i, last, tt.last[i])
				}
				if !last {
					r.release()
				}
			}
			if unshown != tt.redraw {
				t.Errorf("summaries to draw at the last end: %v, want %v", unshown, tt.redraw)
			}
			idle := r.idle
			if idle == nil {
				t.Fatal("WaitSummaries would return before the last read's redraw")
			}
			select {
			case <-idle:
				t.Fatal("WaitSummaries returns before the last read's redraw")
			default:
			}
			r.shown()
			r.release()
			r.wait() // returns now
			if _, open := <-idle; open {
				t.Error("WaitSummaries still waits after the redraw")
			}
		})
	}
}

// TestLongTitleWrapsOnItsCard checks that a title too long for its card's
// lane gets a second line, its card taller, rather than being cut; a short
// title keeps a one-line card.
func TestLongTitleWrapsOnItsCard(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2020, 5, d, 0, 0, 0, 0, time.UTC) }
	evs := []model.Event{
		{ID: 1, Kind: model.KindMeeting, Title: "Envoys meet", Start: day(2), End: day(2), Precision: model.PrecisionDay},
		{ID: 2, Kind: model.KindProposal, Title: "Foreign ministers of both countries publish a joint proposal for a regional ceasefire", Start: day(20), End: day(20), Precision: model.PrecisionDay},
	}
	tl, _ := newEventsTimeline(t, evs, fyne.NewSize(420, 500))
	f := tl.frame
	heights := map[int64]float32{}
	for _, m := range f.marks {
		if m.Event != nil && m.visible {
			heights[m.Event.ID] = m.h
		}
	}
	if len(heights) != 2 {
		t.Fatalf("cards for %v, want both events", heights)
	}
	if heights[1] != f.cardH {
		t.Errorf("short title's card is %v tall, want the one-line %v", heights[1], f.cardH)
	}
	if heights[2] <= f.cardH {
		t.Errorf("long title's card is %v tall, want more than %v", heights[2], f.cardH)
	}
	first, rest := wrapTitle(evs[1].Title, cardTextWidth(&evs[1], f.cardW), theme.TextSize(), fyne.TextStyle{Bold: true})
	if rest == "" || first+" "+rest != evs[1].Title {
		t.Errorf("wrapped as %q + %q", first, rest)
	}
}

// TestHeadlineSuffixGivesWayToTheTitle checks that a summary card's count
// of sources shortens, then goes, before its headline would be cut.
func TestHeadlineSuffixGivesWayToTheTitle(t *testing.T) {
	test.NewTempApp(t)
	small, body := theme.CaptionTextSize(), theme.TextSize()
	title := "Muammar Gaddafi killed in Sirte"
	w := fyne.MeasureText(title, body, fyne.TextStyle{}).Width
	full := fyne.MeasureText("  ·  4 sources", small, fyne.TextStyle{}).Width
	short := fyne.MeasureText("  ·  4", small, fyne.TextStyle{}).Width
	tests := []struct {
		name    string
		sources int
		width   float32
		want    string
	}{
		{"room for all", 4, w + full + 10, "  ·  4 sources"},
		{"room for the number", 4, w + short + 1, "  ·  4"},
		{"room for the title alone", 4, w + 1, ""},
		{"one source has no count", 1, w + full + 10, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := headlineSuffix(title, tc.sources, tc.width, body, small); got != tc.want {
				t.Errorf("suffix %q, want %q", got, tc.want)
			}
		})
	}
}
