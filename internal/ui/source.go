package ui

import (
	"fmt"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/timeline"
)

// storeSource lets the timeline read the store through the user's filter:
// counts per day, month or year from the store's count tables, and the light
// marks of the events in view, with their places looked up once and cached.
type storeSource struct {
	st     *store.Store
	filter store.Filter
	places map[int64]*model.Place
}

func newStoreSource(st *store.Store, f store.Filter, places map[int64]*model.Place) *storeSource {
	if places == nil {
		places = map[int64]*model.Place{}
	}
	return &storeSource{st: st, filter: f, places: places}
}

// Counts implements timeline.Source. Weeks are summed from days, quarters
// from months and decades from years, the three sizes the store counts.
func (s *storeSource) Counts(from, to time.Time, unit timeline.Unit) ([]timeline.Count, error) {
	g := store.Day
	switch unit {
	case timeline.Month, timeline.Quarter:
		g = store.Month
	case timeline.Year, timeline.Decade:
		g = store.Year
	}
	cs, err := s.st.EventCounts(g, from, to, s.filter)
	if err != nil {
		return nil, fmt.Errorf("count events by %s: %w", unit, err)
	}
	var out []timeline.Count
	for _, c := range cs {
		b := unit.Floor(c.Start)
		if n := len(out); n > 0 && out[n-1].Start.Equal(b) {
			out[n-1].N += c.N
			continue
		}
		out = append(out, timeline.Count{Start: b, N: c.N})
	}
	return out, nil
}

// Events implements timeline.Source with the store's light marks.
func (s *storeSource) Events(from, to time.Time, limit int) ([]model.Event, error) {
	f := s.filter
	f.Limit = limit
	ms, err := s.st.Marks(from, to, f)
	if err != nil {
		return nil, fmt.Errorf("timeline marks: %w", err)
	}
	out := make([]model.Event, 0, len(ms))
	for _, m := range ms {
		e := model.Event{ID: m.ID, Kind: m.Kind, Title: m.Title, Start: m.Start, End: m.End, Precision: m.Precision,
			Planned: m.Planned, Confidence: m.Confidence, InBriefing: m.InBriefing, Edited: m.Edited}
		if m.PlaceID != 0 {
			p, ok := s.places[m.PlaceID]
			if !ok {
				p, err = s.st.Place(m.PlaceID)
				if err != nil {
					return nil, fmt.Errorf("place of event %d: %w", m.ID, err)
				}
				s.places[m.PlaceID] = p
			}
			e.Place = p
		}
		out = append(out, e)
	}
	return out, nil
}
