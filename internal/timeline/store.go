package timeline

import (
	"fmt"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// StoreSource is the Source over the store, read through the user's filter:
// counts per day, month or year from the store's count tables, and the light
// marks of the events in view, with their places looked up once and cached.
type StoreSource struct {
	st     *store.Store
	filter store.Filter
	places map[int64]*model.Place
}

// NewStoreSource returns a Source over st narrowed by f. places caches the
// places of events between calls and may be shared by sources over the
// same store; nil starts an empty cache.
func NewStoreSource(st *store.Store, f store.Filter, places map[int64]*model.Place) *StoreSource {
	if places == nil {
		places = map[int64]*model.Place{}
	}
	return &StoreSource{st: st, filter: f, places: places}
}

// Counts implements Source. Weeks are summed from days, quarters
// from months and decades from years, the three sizes the store counts.
func (s *StoreSource) Counts(from, to time.Time, unit Unit) ([]Count, error) {
	g := store.Day
	switch unit {
	case Month, Quarter:
		g = store.Month
	case Year, Decade:
		g = store.Year
	}
	cs, err := s.st.EventCounts(g, from, to, s.filter)
	if err != nil {
		return nil, fmt.Errorf("count events by %s: %w", unit, err)
	}
	var out []Count
	for _, c := range cs {
		b := unit.Floor(c.Start)
		if n := len(out); n > 0 && out[n-1].Start.Equal(b) {
			out[n-1].N += c.N
			continue
		}
		out = append(out, Count{Start: b, N: c.N})
	}
	return out, nil
}

// Events implements Source with the store's light marks of the events
// starting in the window.
func (s *StoreSource) Events(from, to time.Time, limit int) ([]model.Event, error) {
	f := s.filter
	f.Limit = limit
	ms, err := s.st.MarksStartingBetween(from, to, f)
	if err != nil {
		return nil, fmt.Errorf("timeline marks: %w", err)
	}
	return s.events(ms)
}

// SpansCovering implements Source with the store's light marks.
func (s *StoreSource) SpansCovering(day time.Time, limit int) ([]model.Event, error) {
	f := s.filter
	f.Limit = limit
	ms, err := s.st.SpansCovering(day, f)
	if err != nil {
		return nil, fmt.Errorf("timeline spans: %w", err)
	}
	return s.events(ms)
}

// events turns marks into events with their places, each place read once.
func (s *StoreSource) events(ms []store.Mark) ([]model.Event, error) {
	out := make([]model.Event, 0, len(ms))
	for _, m := range ms {
		e := model.Event{ID: m.ID, Kind: m.Kind, Title: m.Title, Start: m.Start, End: m.End, Precision: m.Precision,
			Planned: m.Planned, Confidence: m.Confidence, InBriefing: m.InBriefing, Edited: m.Edited, Hidden: m.Hidden}
		if m.PlaceID != 0 {
			p, ok := s.places[m.PlaceID]
			if !ok {
				var err error
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

// SummaryKept implements KeptSummarizer: without a narrowing filter or
// dates the store reads a stretch's headlines and kinds from kept counts.
func (s *StoreSource) SummaryKept() bool { return s.filter.SummaryKept() }

// Summary implements Summarizer with the store's most reported events and
// its counts by kind.
func (s *StoreSource) Summary(from, to time.Time, top int) (Summary, error) {
	sum := Summary{From: from, To: to}
	last := to.AddDate(0, 0, -1)
	ms, err := s.st.MostReportedBetween(from, last, top, s.filter)
	if err != nil {
		return sum, fmt.Errorf("timeline summary: %w", err)
	}
	for _, m := range ms {
		sum.Top = append(sum.Top, Headline{ID: m.ID, Title: m.Title, Kind: m.Kind, Start: m.Start, Sources: m.Sources})
	}
	ks, err := s.st.KindsBetween(from, last, s.filter)
	if err != nil {
		return sum, fmt.Errorf("timeline summary: %w", err)
	}
	for _, k := range ks {
		sum.Kinds = append(sum.Kinds, KindCount{Kind: k.Kind, N: k.N})
		sum.Total += k.N
	}
	RankKinds(sum.Kinds)
	return sum, nil
}
