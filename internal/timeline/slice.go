package timeline

import (
	"sort"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// SliceSource is a Source over events held in memory: for previews, tests
// and small selections that never touch the store.
type SliceSource struct {
	events []model.Event
}

// NewSliceSource returns a Source over a copy of events, sorted by date.
func NewSliceSource(events []model.Event) *SliceSource {
	s := &SliceSource{events: append([]model.Event(nil), events...)}
	sort.SliceStable(s.events, func(i, j int) bool { return Before(&s.events[i], &s.events[j]) })
	return s
}

// Counts implements Source.
func (s *SliceSource) Counts(from, to time.Time, unit Unit) ([]Count, error) {
	var out []Count
	for i := range s.events {
		e := &s.events[i]
		if !e.Dated() || e.Start.Before(from) || e.Start.After(to) {
			continue
		}
		b := unit.Floor(e.Start)
		if n := len(out); n > 0 && out[n-1].Start.Equal(b) {
			out[n-1].N++
			continue
		}
		out = append(out, Count{Start: b, N: 1})
	}
	return out, nil
}

// Events implements Source.
func (s *SliceSource) Events(from, to time.Time, limit int) ([]model.Event, error) {
	var out []model.Event
	for i := range s.events {
		e := s.events[i]
		if !e.Dated() || e.Start.Before(from) || e.Start.After(to) {
			continue
		}
		out = append(out, e)
		if len(out) >= limit {
			break
		}
	}
	return out, nil
}

// SpansCovering implements Source.
func (s *SliceSource) SpansCovering(day time.Time, limit int) ([]model.Event, error) {
	var out []model.Event
	for i := len(s.events) - 1; i >= 0 && len(out) < limit; i-- {
		e := s.events[i]
		end := e.End
		if end.Before(e.Start) {
			end = e.Start
		}
		if !e.Dated() || !model.Day(e.Start).Before(model.Day(day)) || model.Day(end).Before(model.Day(day)) {
			continue
		}
		out = append(out, e)
	}
	return out, nil
}

// Range returns the first and last day covered by the dated events; ok is
// false when there are none.
func Range(events []model.Event) (from, to time.Time, ok bool) {
	for i := range events {
		e := &events[i]
		if !e.Dated() {
			continue
		}
		end := e.End
		if end.Before(e.Start) {
			end = e.Start
		}
		if !ok || e.Start.Before(from) {
			from = e.Start
		}
		if !ok || end.After(to) {
			to = end
		}
		ok = true
	}
	return from, to, ok
}

// Summary implements Summarizer over the events in memory.
func (s *SliceSource) Summary(from, to time.Time, top int) (Summary, error) {
	return Summarize(from, to, s.events, top), nil
}
