package timeline

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// Count is the number of dated events starting in the bucket that begins at Start.
type Count struct {
	Start time.Time
	N     int
}

// Source is what the timeline asks of the store, with the user's filters
// already bound. Both methods take inclusive calendar days.
type Source interface {
	// Counts returns the number of dated events per bucket of unit whose
	// start falls in [from, to]; empty buckets may be left out. Sorted by Start.
	Counts(from, to time.Time, unit Unit) ([]Count, error)
	// Events returns at most limit dated events that start in [from, to],
	// ordered by start date. Spans that began earlier are left to
	// SpansCovering, so that they never crowd out a window's own events.
	Events(from, to time.Time, limit int) ([]model.Event, error)
	// SpansCovering returns at most limit dated events that began before
	// day and last into it, latest start first.
	SpansCovering(day time.Time, limit int) ([]model.Event, error)
}

// Mark is one thing drawn on the axis: an event, or a cluster of events when
// the window holds too many to show one by one.
type Mark struct {
	Event    *model.Event // nil for a cluster
	Count    int          // events in a cluster; 1 for an event
	From, To time.Time    // the days covered, To exclusive
	Y0, Y1   float64      // extent on the axis in pixels
	Span     bool         // month-, season- or year-precision: drawn as a bar
}

// Anchor is where the mark's card points to.
func (m Mark) Anchor() float64 {
	if m.Span {
		return m.Y0
	}
	return (m.Y0 + m.Y1) / 2
}

// View is what is visible in a window of the timeline.
type View struct {
	Y0, Y1    float64
	Unit      Unit // the bucket unit used for counting
	Total     int  // dated events starting in the window (spans from before it are not counted)
	Clustered bool // Marks are clusters, not events
	Marks     []Mark
	// SpansCut says that more spans began before the window and last into
	// it than the window draws (at most SpanShare of maxEvents).
	SpansCut bool
}

// SpanShare is the part of a window's event budget left to spans that began
// before it: they are context, and the window's own events always come first.
const SpanShare = 4 // one quarter

// Query returns the marks visible between y0 and y1. It first counts the
// events in the window per bucket, then fetches them one by one only when
// there are at most maxEvents; otherwise the marks are the non-empty buckets,
// so that a million-event store is never read whole.
func Query(src Source, s Scale, y0, y1 float64, maxEvents int) (View, error) {
	v := View{Y0: y0, Y1: y1}
	from := model.Day(s.T(y0))
	to := model.Day(s.T(y1))
	if from.Before(s.From) {
		from = model.Day(s.From)
	}
	if to.After(s.To) {
		to = model.Day(s.To)
	}
	v.Unit = TickUnit(s.PxPerDay, 22)
	counts, err := src.Counts(v.Unit.Floor(from), to, v.Unit)
	if err != nil {
		return v, fmt.Errorf("count events %s..%s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), err)
	}
	for _, c := range counts {
		v.Total += c.N
	}
	if days := to.Sub(from).Hours() / 24; days < 3*v.Unit.ApproxDays() && v.Unit != Day {
		// The buckets reach well past a short window: count its days instead,
		// or a quiet week in a busy quarter would be drawn as a cluster.
		dc, err := src.Counts(from, to, Day)
		if err != nil {
			return v, fmt.Errorf("count events %s..%s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), err)
		}
		v.Total = 0
		for _, c := range dc {
			v.Total += c.N
		}
	}
	if v.Total <= maxEvents {
		// The window's own events first, all of them (Total counted them);
		// then, capped, the spans that began before it and reach into it.
		evs, err := src.Events(from, to, maxEvents+1)
		if err != nil {
			return v, fmt.Errorf("events %s..%s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), err)
		}
		spanCap := max(maxEvents/SpanShare, 1)
		spans, err := src.SpansCovering(from, spanCap+1)
		if err != nil {
			return v, fmt.Errorf("spans into %s: %w", from.Format(time.DateOnly), err)
		}
		if len(spans) > spanCap {
			spans, v.SpansCut = spans[:spanCap], true
		}
		for _, list := range [][]model.Event{evs, spans} {
			for i := range list {
				e := &list[i]
				if !e.Dated() {
					continue
				}
				m := EventMark(s, e)
				if !m.To.After(from) || m.From.After(to) {
					continue // by whole days, as the window's events were counted
				}
				v.Marks = append(v.Marks, m)
			}
		}
		SortMarks(v.Marks)
		return v, nil
	}
	v.Clustered = true
	for _, c := range counts {
		if c.N == 0 {
			continue
		}
		end := v.Unit.Next(v.Unit.Floor(c.Start))
		v.Marks = append(v.Marks, Mark{Count: c.N, From: c.Start, To: end, Y0: s.Y(c.Start), Y1: s.Y(end)})
	}
	return v, nil
}

// EventMark places one event on the scale.
func EventMark(s Scale, e *model.Event) Mark {
	start := model.Day(e.Start)
	end := model.Day(e.End)
	if end.Before(start) {
		end = start
	}
	end = end.AddDate(0, 0, 1)
	m := Mark{Event: e, Count: 1, From: start, To: end}
	m.Span = IsSpan(e)
	if m.Span {
		m.Y0, m.Y1 = s.Y(start), s.Y(end)
	} else {
		y := s.Y(start.Add(12 * time.Hour))
		m.Y0, m.Y1 = y, y
	}
	return m
}

// IsSpan reports whether an event is drawn as a bar rather than a dot: its
// date is only known to the week, month, season, year or decade, or it lasts
// more than a day.
func IsSpan(e *model.Event) bool {
	switch e.Precision {
	case model.PrecisionWeek, model.PrecisionMonth, model.PrecisionSeason, model.PrecisionYear,
		model.PrecisionDecade, model.PrecisionRange:
		return true
	}
	return !e.End.IsZero() && model.Day(e.End).After(model.Day(e.Start))
}

// SortMarks orders marks by anchor, then by event ID, so that keyboard
// stepping and card placement are stable.
func SortMarks(ms []Mark) {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if !a.From.Equal(b.From) {
			return a.From.Before(b.From)
		}
		if a.Span != b.Span {
			return b.Span // points before spans starting the same day
		}
		if a.Event != nil && b.Event != nil {
			return a.Event.ID < b.Event.ID
		}
		return false
	})
}

// Before reports whether event a comes before b in timeline order.
func Before(a, b *model.Event) bool {
	if !a.Start.Equal(b.Start) {
		return a.Start.Before(b.Start)
	}
	sa, sb := IsSpan(a), IsSpan(b)
	if sa != sb {
		return sb
	}
	return a.ID < b.ID
}

// Adjacent returns the event just after (dir > 0) or just before (dir < 0)
// cur in timeline order, searching outwards in growing windows so that only a
// few events are read; ok is false at either end. lo and hi bound the search.
func Adjacent(src Source, cur *model.Event, dir int, lo, hi time.Time) (model.Event, bool, error) {
	for w := 7; ; w *= 4 {
		var from, to time.Time
		if dir > 0 {
			from, to = model.Day(cur.Start), model.Day(cur.Start).AddDate(0, 0, w)
		} else {
			from, to = model.Day(cur.Start).AddDate(0, 0, -w), model.Day(cur.Start)
		}
		evs, err := src.Events(from, to, 100000)
		if err != nil {
			return model.Event{}, false, fmt.Errorf("events near %s: %w", cur.Start.Format(time.DateOnly), err)
		}
		var best *model.Event
		for i := range evs {
			e := &evs[i]
			if !e.Dated() || e.ID == cur.ID {
				continue
			}
			if dir > 0 && Before(cur, e) && (best == nil || Before(e, best)) {
				best = e
			}
			if dir < 0 && Before(e, cur) && (best == nil || Before(best, e)) {
				best = e
			}
		}
		if best != nil {
			return *best, true, nil
		}
		if (dir > 0 && to.After(hi)) || (dir < 0 && from.Before(lo)) {
			return model.Event{}, false, nil
		}
	}
}

// Density spreads counts over bins of equal height along the scale, for the
// overview strip, and returns each bin's weight in [0, 1]. The square root
// keeps lone events visible next to busy days.
func Density(s Scale, counts []Count, unit Unit, bins int) []float64 {
	if bins < 1 {
		return nil
	}
	out := make([]float64, bins)
	h := s.Height()
	if h <= 0 {
		return out
	}
	for _, c := range counts {
		mid := c.Start.Add(unit.Next(c.Start).Sub(c.Start) / 2)
		i := int(s.Y(mid) / h * float64(bins))
		if i < 0 {
			i = 0
		}
		if i >= bins {
			i = bins - 1
		}
		out[i] += float64(c.N)
	}
	peak := 0.0
	for _, v := range out {
		peak = math.Max(peak, v)
	}
	if peak > 0 {
		for i := range out {
			out[i] = math.Sqrt(out[i] / peak)
		}
	}
	return out
}
