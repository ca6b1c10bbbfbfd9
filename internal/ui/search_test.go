package ui

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// selectSpy is the map panel, noting the place selected.
type selectSpy struct {
	MapPanel
	selected int64
}

func (s *selectSpy) SetSelectedPlace(id int64) {
	s.selected = id
	s.MapPanel.SetSelectedPlace(id)
}

// boldTexts returns the bold segments of the search panel's rows.
func boldTexts(p *searchPanel) []string {
	var out []string
	for _, rt := range richTexts(p.list) {
		for _, s := range rt.Segments {
			if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold && ts.Style != searchTitleStyle {
				out = append(out, ts.Text)
			}
		}
	}
	return out
}

// TestWindowSearchNarrowsAndRestores types a search as a user does: the
// timeline and the map narrow to the events whose sentences say it, the
// result list shows them with the words in bold, a pick selects the event
// everywhere, and clearing the box brings everything back.
func TestWindowSearchNarrowsAndRestores(t *testing.T) {
	st := corpusStore(t)
	spy := &selectSpy{MapPanel: NewMapPanel()}
	m := newWindow(t, st, Options{Map: spy})
	mp := spy.MapPanel.(*mapPanel)
	m.Timeline.FitAll()
	m.Timeline.Refresh()
	all := m.Timeline.VisibleEvents()
	markers := len(mp.m.Markers())
	statusAll := m.status.Text
	if len(all) < 3 || m.searchP.box.Visible() {
		t.Fatalf("%d events before searching, result list shown %v", len(all), m.searchP.box.Visible())
	}

	test.Type(m.Search, "negotiat")
	m.WaitLoaded()
	m.Timeline.FitAll()
	m.Timeline.Refresh()
	want, err := st.EventsMatching(context.Background(), "negotiat*", 0)
	if err != nil || len(want) == 0 {
		t.Fatalf("store finds %d events for negotiat*: %v", len(want), err)
	}
	match := map[int64]bool{}
	for _, h := range want {
		match[h.Event.ID] = true
	}
	got := m.Timeline.VisibleEvents()
	if len(got) == 0 || len(got) >= len(all) {
		t.Fatalf("typing narrowed the timeline to %d of %d events", len(got), len(all))
	}
	for _, e := range got {
		if !match[e.ID] {
			t.Errorf("timeline shows %q, which does not match", e.Title)
		}
	}
	if n := len(mp.m.Markers()); n > markers || n == 0 {
		t.Errorf("map shows %d markers while searching, %d before", n, markers)
	}
	if !regexp.MustCompile(`^\d+ of \d+ events match`).MatchString(m.status.Text) {
		t.Errorf("status bar %q", m.status.Text)
	}
	if !m.searchP.box.Visible() || len(m.searchP.hits) != len(want) {
		t.Fatalf("result list shown %v with %d hits, want %d", m.searchP.box.Visible(), len(m.searchP.hits), len(want))
	}
	// The app's canvas lays out again when a size changes; the test
	// driver's waits to be told.
	m.Win.Content().Refresh()
	bold := boldTexts(m.searchP)
	if len(bold) == 0 {
		t.Error("no word in bold in the result list")
	}
	for _, b := range bold {
		if !strings.HasPrefix(strings.ToLower(b), "negotiat") {
			t.Errorf("result list marks %q", b)
		}
	}

	// Picking a result selects it in every view.
	pick := m.searchP.hits[len(m.searchP.hits)-1].Event
	m.searchP.list.Select(len(m.searchP.hits) - 1)
	if e, ok := m.Excerpt.Event(); !ok || e.ID != pick.ID {
		t.Errorf("excerpt pane shows %d, want %d", e.ID, pick.ID)
	}
	if sel, ok := m.Timeline.Selected(); !ok || sel.ID != pick.ID {
		t.Errorf("timeline selection %d, want %d", sel.ID, pick.ID)
	}
	if pick.Place != nil && spy.selected != pick.Place.ID {
		t.Errorf("map selects place %d, want %d", spy.selected, pick.Place.ID)
	}

	// Clearing the box restores everything.
	m.Search.SetText("")
	m.WaitLoaded()
	m.Win.Content().Refresh() // the result list is gone: lay out again, as the app does
	m.Timeline.FitAll()
	m.Timeline.Refresh()
	if n := len(m.Timeline.VisibleEvents()); n != len(all) {
		t.Errorf("clearing the search shows %d events, want %d", n, len(all))
	}
	if n := len(mp.m.Markers()); n != markers {
		t.Errorf("clearing the search shows %d markers, want %d", n, markers)
	}
	if m.searchP.box.Visible() || m.status.Text != statusAll {
		t.Errorf("after clearing: result list shown %v, status %q (was %q)", m.searchP.box.Visible(), m.status.Text, statusAll)
	}
}

// TestWindowSearchOffersArticles: words in an article but in no event's
// sentence say so and open the article in the reader.
func TestWindowSearchOffersArticles(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	m.Search.SetText("bipartisan ") // a finished word: no prefix
	m.WaitLoaded()
	p := m.searchP
	if len(p.hits) != 0 || len(p.articles) == 0 {
		t.Fatalf("%d event hits and %d articles for bipartisan", len(p.hits), len(p.articles))
	}
	if !strings.HasPrefix(p.head.Text, "No event matches") {
		t.Errorf("heading %q", p.head.Text)
	}
	before := len(m.App.Driver().AllWindows())
	p.list.Select(0)
	wins := m.App.Driver().AllWindows()
	if len(wins) != before+1 || !strings.HasPrefix(wins[len(wins)-1].Title(), "Article — ") {
		t.Fatalf("picking the article opened %d windows", len(wins)-before)
	}
	wins[len(wins)-1].Close()

	// A malformed query is no error: its words are searched.
	m.Search.SetText(`"chemical weapons`)
	m.WaitLoaded()
	if len(m.searchP.hits) == 0 {
		t.Error("an unclosed quote found nothing")
	}
}

func TestSearchHeading(t *testing.T) {
	for _, tt := range []struct {
		listed, matched, articles int
		want                      string
	}{
		{0, 0, 0, "Nothing matches “q”."},
		{0, 0, 1, "No event matches “q”, but 1 article has the words: pick it below to read them."},
		{3, 3, 0, "3 events match “q”, best first:"},
		{1, 1, 2, "1 event matches “q”, best first:  (and 2 articles with no matching event, below)"},
		{200, 1500, 0, "1,500 events match “q”; the best 200, best first:"},
	} {
		if got := searchHeading("q", tt.listed, tt.matched, tt.articles); !strings.HasPrefix(got, tt.want) {
			t.Errorf("searchHeading(%d, %d, %d) = %q, want %q…", tt.listed, tt.matched, tt.articles, got, tt.want)
		}
	}
}

// TestPreviewSearch writes the window with a search active to
// ATLAS_PREVIEW, for looking at it by hand.
func TestPreviewSearch(t *testing.T) {
	out := os.Getenv("ATLAS_PREVIEW")
	if out == "" {
		t.Skip("set ATLAS_PREVIEW=dir to write preview PNGs")
	}
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	m.Search.SetText(`negotiat* OR "chemical weapons"`)
	m.WaitLoaded()
	m.Win.Content().Refresh()
	m.searchP.list.Select(0)
	savePNG(t, out+"/win_search_sentences.png", m.Win.Canvas().Capture())
	m.Search.SetText("bipartisan ")
	m.WaitLoaded()
	m.Win.Content().Refresh()
	savePNG(t, out+"/win_search_article.png", m.Win.Canvas().Capture())
}
