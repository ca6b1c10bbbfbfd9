package briefing

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// tlMark is one dated event on the timeline figure.
type tlMark struct {
	en     entry
	cx     float64 // badge centre
	b0, b1 float64 // the band of a date known only roughly, or b0 == b1
	lane   int
}

// tlTick is a labelled mark on the axis.
type tlTick struct {
	x     float64
	label string
}

// tlLayout is the timeline figure measured for a given width.
type tlLayout struct {
	w, h    float64
	r       float64 // badge radius; small numberless dots when dense
	dense   bool
	axisY   float64
	marks   []tlMark
	ticks   []tlTick
	legend  []legendItem
	legendY float64
	undated int
	lanes   int
	t0, t1  time.Time

	detail       *tlLayout // the busiest year again, wider; nil when not needed
	detailYear   int
	detailY      float64 // top of the detail strip
	zoom0, zoom1 float64 // the detail's year on the overview axis
}

type legendItem struct {
	kind    model.Kind // zero for the non-kind items
	text    string
	order   int
	planned bool
	band    bool
	x, y    float64
}

const (
	tlR        = 1.9 // badge radius on the timeline
	tlDenseR   = 0.75
	tlPad      = 3.5 // keeps edge badges inside the figure
	tlMaxLanes = 9   // more numbered lanes than this and the figure turns to dots
	tlMaxDense = 28  // dots stack no higher than this; the rest overlap
)

// laneH is the height of one lane of badges.
func (l *tlLayout) laneH() float64 {
	if l.dense {
		return 2*l.r + 0.45
	}
	return 2*l.r + 1.3
}

var (
	tickStyle   = textStyle{size: 6.5}
	legendStyle = textStyle{size: 6.5}
)

// layoutTimeline places every dated event on a time axis across the width,
// stacking badges that would touch into lanes above the axis; events known
// only to the month or year get a pale band over their whole interval, so the
// figure shows how uncertain each date is.
func layoutTimeline(c canvas, d *doc, w float64) *tlLayout {
	l := layoutTimelineR(c, d.entries, w, tlR, time.Time{}, time.Time{})
	if l.lanes > tlMaxLanes {
		// Hundreds of events: numbers would not fit, dots still show the rhythm.
		l = layoutTimelineR(c, d.entries, w, tlDenseR, time.Time{}, time.Time{})
	}
	l.addDetail(c, d)
	l.layoutLegend(c, d)
	return l
}

// addDetail adds a second axis for the busiest calendar year when most
// events crowd into it, as a briefing on years of talks usually does: the
// overview shows the whole period and the detail lets the numbers breathe.
func (l *tlLayout) addDetail(c canvas, d *doc) {
	if l.dense || l.lanes < 3 || len(l.marks) < 6 {
		return
	}
	count := map[int]int{}
	for _, m := range l.marks {
		e := m.en.E
		for y := e.Start.Year(); y <= endOf(e).Year(); y++ {
			count[y]++
		}
	}
	best := 0
	for y, n := range count {
		if n > count[best] || (n == count[best] && y < best) {
			best = y
		}
	}
	first, last := l.marks[0].en.E.Start, l.marks[0].en.E.Start
	for _, m := range l.marks {
		if m.en.E.Start.Before(first) {
			first = m.en.E.Start
		}
		if e := endOf(m.en.E); e.After(last) {
			last = e
		}
	}
	if count[best]*2 < len(l.marks) || count[best] < 5 || last.Sub(first) < 2*365*24*time.Hour {
		return // no crowd, or the whole period is short enough already
	}
	from := time.Date(best, 1, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(1, 0, 0)
	var in []entry
	for _, m := range l.marks {
		if e := m.en.E; e.Start.Before(to) && !endOf(e).Before(from) {
			in = append(in, m.en)
		}
	}
	det := layoutTimelineR(c, in, l.w, tlR, from, to)
	if det.lanes > tlMaxLanes {
		return
	}
	l.detail, l.detailYear = det, best
	l.zoom0, l.zoom1 = l.xOf(from), l.xOf(to)
	l.detailY = l.axisY + 12 // below the overview's tick labels and the detail's title
}

// layoutTimelineR lays out entries with badges of radius r, over the
// domain from..to when given (bands are cut at its edges), else over the
// entries' own span with a margin.
func layoutTimelineR(c canvas, entries []entry, w, r float64, from, to time.Time) *tlLayout {
	l := &tlLayout{w: w, r: r, dense: r < tlR}
	var t0, t1 time.Time
	for _, en := range entries {
		if !en.E.Dated() {
			l.undated++
			continue
		}
		if t0.IsZero() || en.E.Start.Before(t0) {
			t0 = en.E.Start
		}
		if e := endOf(en.E).AddDate(0, 0, 1); e.After(t1) {
			t1 = e
		}
	}
	if t0.IsZero() {
		return l
	}
	span := t1.Sub(t0)
	pad := span/25 + 10*24*time.Hour
	t0, t1 = t0.Add(-pad), t1.Add(pad)
	if !from.IsZero() {
		t0, t1 = from.Add(-6*24*time.Hour), to.Add(6*24*time.Hour)
	}
	l.t0, l.t1 = t0, t1
	x0, x1 := tlPad, w-tlPad
	xOf := l.xOf
	for _, en := range entries {
		e := en.E
		if !e.Dated() {
			continue
		}
		s, t := e.Start, endOf(e).AddDate(0, 0, 1)
		if !from.IsZero() {
			s, t = maxTime(s, from), minTime(t, to)
		}
		a, b := xOf(s), xOf(t)
		m := tlMark{en: en, cx: (a + b) / 2}
		if b-a > l.r { // wider than half a badge: worth showing as a band
			m.b0, m.b1 = a, b
		}
		l.marks = append(l.marks, m)
	}
	// Greedy lane packing in order of position: each badge takes the lowest
	// lane whose last occupant ends before it starts.
	idx := make([]int, len(l.marks))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, _ := l.marks[idx[i]].extent(l.r)
		b, _ := l.marks[idx[j]].extent(l.r)
		return a < b
	})
	var laneEnd []float64
	for _, i := range idx {
		m := &l.marks[i]
		lo, hi := m.extent(l.r)
		lane := -1
		for k, end := range laneEnd {
			if end+0.6 <= lo {
				lane = k
				break
			}
		}
		if lane < 0 && l.dense && len(laneEnd) >= tlMaxDense {
			lane = len(laneEnd) - 1 // the top lane takes the overflow
		}
		if lane < 0 {
			lane = len(laneEnd)
			laneEnd = append(laneEnd, 0)
		}
		laneEnd[lane] = hi
		m.lane = lane
	}
	l.lanes = len(laneEnd)
	l.axisY = 1.5 + float64(max(l.lanes, 1))*l.laneH() + 1.2
	l.ticks = ticksFor(t0, t1, xOf, x1-x0)
	l.h = l.axisY + 5.5
	return l
}

// xOf places a time on the axis.
func (l *tlLayout) xOf(t time.Time) float64 {
	x0, x1 := tlPad, l.w-tlPad
	return x0 + float64(t.Sub(l.t0))/float64(l.t1.Sub(l.t0))*(x1-x0)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func (m *tlMark) extent(r float64) (float64, float64) {
	lo, hi := m.cx-r, m.cx+r
	if m.b1 > m.b0 {
		lo, hi = math.Min(lo, m.b0), math.Max(hi, m.b1)
	}
	return lo, hi
}

func (m *tlMark) cy(l *tlLayout) float64 {
	return l.axisY - 1.2 - l.r - float64(m.lane)*l.laneH()
}

// ticksFor picks the finest calendar step (years, months or days) that
// leaves room for every label.
func ticksFor(t0, t1 time.Time, xOf func(time.Time) float64, width float64) []tlTick {
	maxTicks := int(width / 24) // room for "Sep 2016" with air around it
	type step struct {
		y, m, d int
	}
	steps := []step{{0, 0, 1}, {0, 0, 7}, {0, 1, 0}, {0, 3, 0}, {0, 6, 0}, {1, 0, 0}, {2, 0, 0}, {5, 0, 0}, {10, 0, 0}, {25, 0, 0}}
	for _, s := range steps {
		start := time.Date(t0.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		switch {
		case s.y > 0:
			start = time.Date(t0.Year()/s.y*s.y, 1, 1, 0, 0, 0, 0, time.UTC)
		case s.m > 0: // months aligned on January, so that a year's start is a tick
			start = time.Date(t0.Year(), time.Month((int(t0.Month())-1)/s.m*s.m+1), 1, 0, 0, 0, 0, time.UTC)
		case s.d > 0:
			start = model.Day(t0)
		}
		var ts []time.Time
		for t := start; !t.After(t1); t = t.AddDate(s.y, s.m, s.d) {
			if !t.Before(t0) {
				ts = append(ts, t)
			}
		}
		if len(ts) > maxTicks {
			continue
		}
		var out []tlTick
		for i, t := range ts {
			var label string
			switch {
			case s.y > 0:
				label = t.Format("2006")
			case s.m > 0 && t.Month() == time.January:
				label = t.Format("2006")
			case s.m > 0 && i == 0:
				label = t.Format("Jan 2006")
			case s.m > 0:
				label = t.Format("Jan")
			default:
				label = t.Format("2 Jan")
			}
			out = append(out, tlTick{x: xOf(t), label: label})
		}
		return out
	}
	return nil
}

// layoutLegend lists the colours in use and the two conventions (ring for
// planned, band for a rough date), wrapping across lines.
func (l *tlLayout) layoutLegend(c canvas, _ *doc) {
	seen := map[string]bool{}
	var items []legendItem
	planned, band := false, false
	for _, m := range l.marks {
		g, order := kindGroup(m.en.E.Kind)
		if !seen[g] {
			seen[g] = true
			items = append(items, legendItem{kind: m.en.E.Kind, text: g, order: order})
		}
		planned = planned || m.en.E.Planned
		band = band || m.b1 > m.b0
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].order < items[j].order })
	if planned {
		items = append(items, legendItem{text: "Planned or expected", planned: true})
	}
	if band {
		items = append(items, legendItem{text: "Date known only roughly", band: true})
	}
	if l.undated > 0 {
		items = append(items, legendItem{text: fmt.Sprintf("%s not shown", plural(l.undated, "undated event"))})
	}
	if l.dense {
		items = append(items, legendItem{text: "Too many events to number: one dot per event"})
	}
	y := l.axisY + 9
	if l.detail != nil {
		y = l.detailY + 4.5 + l.detail.h + 3
	}
	l.legendY = y
	x := 0.0
	for i := range items {
		sw := 0.0
		if items[i].kind != "" || items[i].planned || items[i].band {
			sw = 3.2
		}
		iw := sw + c.textWidth(items[i].text, legendStyle) + 4.5
		if x > 0 && x+iw > l.w {
			x, y = 0, y+4.2
		}
		items[i].x, items[i].y = x, y
		x += iw
	}
	l.legend = items
	l.h = y + 1.5
}

func (l *tlLayout) paint(c canvas) {
	if len(l.marks) == 0 {
		return
	}
	l.paintMarks(c)
	if det := l.detail; det != nil {
		// Zoom lines from the year on the overview to the detail's axis ends.
		top := l.detailY + 4.5
		z0, z1 := math.Max(0, l.zoom0), math.Min(l.w, l.zoom1)
		// A bracket under the overview's axis, unlike the bands of rough dates.
		c.line(z0, l.axisY+1.6, z1, l.axisY+1.6, 0.5, colAccent)
		c.line(z0, l.axisY+0.4, z0, l.axisY+1.85, 0.5, colAccent)
		c.line(z1, l.axisY+0.4, z1, l.axisY+1.85, 0.5, colAccent)
		c.line(z0, l.axisY+1.85, 0, top, 0.2, colFaint)
		c.line(z1, l.axisY+1.85, l.w, top, 0.2, colFaint)
		c.text(0, top+3, fmt.Sprintf("Detail: %d", l.detailYear), textStyle{size: 7, bold: true}, colMuted)
		det.paintMarks(&offsetCanvas{canvas: c, dy: top})
	}
	l.paintLegend(c)
}

// paintMarks draws the axis, its ticks, the bands and the badges.
func (l *tlLayout) paintMarks(c canvas) {
	c.line(0, l.axisY, l.w, l.axisY, 0.35, colMuted)
	for _, t := range l.ticks {
		c.line(t.x, l.axisY, t.x, l.axisY+1.3, 0.3, colMuted)
		tw := c.textWidth(t.label, tickStyle)
		x := math.Max(0, math.Min(l.w-tw, t.x-tw/2))
		c.text(x, l.axisY+4.2, t.label, tickStyle, colMuted)
	}
	for i := range l.marks {
		m := &l.marks[i]
		cy := m.cy(l)
		if !l.dense {
			c.line(m.cx, cy+l.r, m.cx, l.axisY, 0.2, colFaint)
		}
		if m.b1 > m.b0 {
			bh := math.Min(1.6, 2*l.r)
			c.rect(m.b0, cy-bh/2, m.b1-m.b0, bh, tint(kindColour(m.en.E.Kind), 0.6))
		}
	}
	for i := range l.marks {
		m := &l.marks[i]
		if l.dense {
			col := kindColour(m.en.E.Kind)
			fill := col
			if m.en.E.Planned {
				fill = colWhite
			}
			c.circle(m.cx, m.cy(l), l.r, fill, col, 0.25)
			continue
		}
		drawBadge(c, m.cx, m.cy(l), l.r, m.en.N, m.en.E.Kind, m.en.E.Planned)
	}
}

func (l *tlLayout) paintLegend(c canvas) {
	for _, it := range l.legend {
		cy := it.y - 0.85
		x := it.x
		switch {
		case it.planned:
			c.circle(x+1.2, cy, 1.2, colWhite, colMuted, 0.35)
			x += 3.2
		case it.band:
			c.rect(x, cy-0.6, 2.6, 1.2, tint(colMuted, 0.55))
			x += 3.2
		case it.kind != "":
			c.circle(x+1.2, cy, 1.2, kindColour(it.kind), kindColour(it.kind), 0)
			x += 3.2
		}
		c.text(x, it.y, it.text, legendStyle, colMuted)
	}
}
