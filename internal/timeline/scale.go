package timeline

import (
	"math"
	"sort"
	"time"
)

// Gap is an empty stretch of the corpus's range, [From, To), that compact
// mode may close into a break.
type Gap struct {
	From, To time.Time
}

// Days is the gap's length in days.
func (g Gap) Days() float64 { return days(g.To) - days(g.From) }

// Scale maps times to vertical positions in pixels, earliest at the top
// (y = 0 at From). It is proportional except inside breaks: in compact mode
// every gap that would take more than BreakPx at this zoom is drawn BreakPx
// tall instead, so that a sparse corpus stays readable.
type Scale struct {
	From, To time.Time
	PxPerDay float64
	BreakPx  float64
	Compact  bool

	gaps   []Gap // candidate gaps, sorted and disjoint
	active []Gap // gaps closed at this zoom
}

// NewScale builds a scale over [from, to] at pxPerDay. gaps are the empty
// stretches compact mode may close (see FindGaps); they are ignored when
// compact is false.
func NewScale(from, to time.Time, pxPerDay float64, gaps []Gap, compact bool) Scale {
	if !to.After(from) {
		to = from.AddDate(0, 0, 1)
	}
	if pxPerDay <= 0 || math.IsNaN(pxPerDay) {
		pxPerDay = 1
	}
	s := Scale{From: from, To: to, PxPerDay: pxPerDay, BreakPx: 28, Compact: compact}
	s.gaps = append([]Gap(nil), gaps...)
	sort.Slice(s.gaps, func(i, j int) bool { return s.gaps[i].From.Before(s.gaps[j].From) })
	s.activate()
	return s
}

// WithZoom returns the same scale at another pixels-per-day.
func (s Scale) WithZoom(pxPerDay float64) Scale {
	return NewScale(s.From, s.To, pxPerDay, s.gaps, s.Compact)
}

// WithCompact returns the same scale with compact mode switched on or off.
func (s Scale) WithCompact(on bool) Scale {
	return NewScale(s.From, s.To, s.PxPerDay, s.gaps, on)
}

func (s *Scale) activate() {
	s.active = s.active[:0]
	if !s.Compact {
		return
	}
	for _, g := range s.gaps {
		if g.From.Before(s.From) || g.To.After(s.To) {
			continue
		}
		if g.Days()*s.PxPerDay > s.BreakPx*1.5 {
			s.active = append(s.active, g)
		}
	}
}

// Breaks returns the gaps closed into breaks at this zoom.
func (s Scale) Breaks() []Gap { return s.active }

// Y returns the vertical position of t.
func (s Scale) Y(t time.Time) float64 {
	d := days(t)
	cur := days(s.From)
	y := 0.0
	for _, b := range s.active {
		bf, bt := days(b.From), days(b.To)
		if d <= bf {
			break
		}
		y += (bf - cur) * s.PxPerDay
		if d < bt {
			return y + s.BreakPx*(d-bf)/(bt-bf)
		}
		y += s.BreakPx
		cur = bt
	}
	return y + (d-cur)*s.PxPerDay
}

// T returns the time at vertical position y, the inverse of Y.
func (s Scale) T(y float64) time.Time {
	cur := days(s.From)
	acc := 0.0
	for _, b := range s.active {
		bf, bt := days(b.From), days(b.To)
		top := acc + (bf-cur)*s.PxPerDay
		if y <= top {
			break
		}
		if y < top+s.BreakPx {
			return fromDays(bf + (bt-bf)*(y-top)/s.BreakPx)
		}
		acc = top + s.BreakPx
		cur = bt
	}
	return fromDays(cur + (y-acc)/s.PxPerDay)
}

// Height is the height of the whole range in pixels.
func (s Scale) Height() float64 { return s.Y(s.To) }

// InBreak reports whether t falls inside a closed gap.
func (s Scale) InBreak(t time.Time) bool {
	for _, b := range s.active {
		if !t.Before(b.From) && t.Before(b.To) {
			return true
		}
	}
	return false
}

// Fit returns the pixels-per-day at which the whole range fills height h,
// taking the breaks that zoom implies into account.
func (s Scale) Fit(h float64) float64 {
	if h <= 0 {
		return s.PxPerDay
	}
	lo, hi := 1e-6, 1e4
	for range 60 {
		mid := math.Sqrt(lo * hi)
		if s.WithZoom(mid).Height() > h {
			hi = mid
		} else {
			lo = mid
		}
	}
	return lo
}

// FindGaps returns the runs of empty buckets in counts that last at least
// minDays: the stretches compact mode may close. counts must be sorted and use
// one unit; buckets absent from counts are empty.
func FindGaps(counts []Count, unit Unit, from, to time.Time, minDays float64) []Gap {
	var gaps []Gap
	cur := unit.Floor(from)
	flush := func(end time.Time) {
		if days(end)-days(cur) >= minDays {
			gaps = append(gaps, Gap{From: cur, To: end})
		}
	}
	for _, c := range counts {
		if c.N == 0 {
			continue
		}
		start := unit.Floor(c.Start)
		if start.After(cur) {
			flush(start)
		}
		if n := unit.Next(start); n.After(cur) {
			cur = n
		}
	}
	if end := unit.Next(unit.Floor(to)); end.After(cur) {
		flush(end)
	}
	// Keep a little air around the events on either side of each gap.
	out := gaps[:0]
	for _, g := range gaps {
		g.From = g.From.AddDate(0, 0, 7)
		g.To = g.To.AddDate(0, 0, -7)
		if g.Days() >= minDays/2 {
			out = append(out, g)
		}
	}
	return out
}
