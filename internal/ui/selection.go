package ui

import (
	"errors"
	"fmt"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timeline"
)

// Selection: the event or place the user picked, shown in every view at
// once and read in the excerpt pane.

// placeListMax bounds the events listed for a place in the excerpt pane.
const placeListMax = 300

// SelectPlace selects a place as a tapped marker does: its events are
// highlighted on the timeline, the others dimmed, and listed in the excerpt pane.
func (m *MainWindow) SelectPlace(p model.Place) {
	m.placeSelect = p.ID
	m.Map.SetSelectedPlace(p.ID)
	m.Timeline.SetHighlightPlace(p.ID)
	f := m.filter
	f.Limit = placeListMax
	evs, err := m.Store.EventsAt(p.ID, f)
	if err != nil {
		m.showError(err)
		return
	}
	m.Excerpt.ShowPlace(p, evs)
}

// SelectEvent selects an event in every view.
func (m *MainWindow) SelectEvent(e model.Event) {
	m.Timeline.Select(e)
	m.showEvent(e)
}

// SelectDay selects the first event of a day, as `--select` does; it
// reports whether there was one.
func (m *MainWindow) SelectDay(day time.Time) bool {
	evs, err := timeline.NewStoreSource(m.Store, m.filter, m.places).Events(day, day, 1000)
	if err != nil {
		m.showError(err)
		return false
	}
	for _, e := range evs {
		if model.Day(e.Start).Equal(model.Day(day)) {
			m.SelectEvent(e)
			return true
		}
	}
	return false
}

// ClearSelection clears the selected event and place (Esc).
func (m *MainWindow) ClearSelection() {
	m.placeSelect = 0
	m.Map.SetSelectedPlace(0)
	m.Timeline.ClearSelection()
	m.Timeline.SetHighlightPlace(0)
	m.Excerpt.ShowHint("Select an event on the timeline, or a place on the map, to read the sentences it came from.")
}

// showEvent fills the excerpt pane and points the map at the event's place.
func (m *MainWindow) showEvent(e model.Event) {
	full, err := m.Store.Event(e.ID)
	if err != nil {
		m.showError(err)
		return
	}
	srcs, err := m.sourceDetails(full)
	if err != nil {
		m.showError(err)
	}
	if full.Place != nil {
		m.Map.SetSelectedPlace(full.Place.ID)
	} else {
		m.Map.SetSelectedPlace(0)
	}
	m.Excerpt.ShowEvent(*full, srcs)
}

func (m *MainWindow) sourceDetails(e *model.Event) ([]SourceDetail, error) {
	srcs, err := m.Store.SourcesOf(e.ID)
	if err != nil {
		return nil, fmt.Errorf("sources of %q: %w", e.Title, err)
	}
	articles := map[int64]*model.Article{}
	mentions := map[int64][]model.Mention{}
	var out []SourceDetail
	var errs []error
	seen := map[[3]int64]bool{}
	for _, s := range srcs {
		// Merged events can bring the same sentence twice; show it once.
		k := [3]int64{s.ArticleID, int64(s.Start), int64(s.End)}
		if seen[k] {
			continue
		}
		seen[k] = true
		a, ok := articles[s.ArticleID]
		if !ok {
			a, err = m.Store.Article(s.ArticleID)
			if err != nil {
				errs = append(errs, err)
			}
			articles[s.ArticleID] = a
			ms, err := m.Store.MentionsIn(s.ArticleID)
			if err != nil {
				errs = append(errs, err)
			}
			mentions[s.ArticleID] = ms
		}
		out = append(out, SourceDetail{Source: s, Article: a, Mentions: mentions[s.ArticleID]})
	}
	return out, errors.Join(errs...)
}

func (m *MainWindow) openArticle(s SourceDetail) {
	if s.Article == nil {
		m.showError(fmt.Errorf("the article of %s could not be read", s.Source.File))
		return
	}
	ShowReader(m.App, s.Article, s.Mentions, s.Source.Span, func(id int64, d time.Time) error {
		var err error
		if m.opts.SetArticleDate != nil {
			err = m.opts.SetArticleDate(m.Store, id, d)
		} else {
			err = m.Store.SetArticleDate(id, d)
		}
		if err != nil {
			return fmt.Errorf("set the publication date: %w", err)
		}
		m.Reload()
		return nil
	})
}
