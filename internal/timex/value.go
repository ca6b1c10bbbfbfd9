package timex

import (
	"strconv"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// gran is the granularity of a calendar value.
type gran int

const (
	gNone gran = iota
	gDay
	gWeek
	gWeekend
	gMonth
	gQuarter
	gSeason
	gYear
	gDecade
)

// cal is a calendar value at some granularity. Fields finer than g are
// ignored; y == 0 means the year is unknown (value printed with XXXX).
type cal struct {
	g      gran
	y      int
	m      int    // 1..12 for gMonth and gDay
	d      int    // 1..31 for gDay
	w      int    // ISO week for gWeek, gWeekend
	q      int    // 1..4 for gQuarter
	season string // SP, SU, FA, WI for gSeason
	pod    string // part of day for TIME values: MO, AF, EV, NI, or a clock time 18:00
	wd     int    // weekday 1=Monday..7=Sunday when only the weekday is known
}

func day(t time.Time) cal {
	y, m, d := t.Date()
	return cal{g: gDay, y: y, m: int(m), d: d}
}

func (c cal) date() time.Time { return time.Date(c.y, time.Month(c.m), c.d, 0, 0, 0, 0, time.UTC) }

// value renders the TIMEX3 value.
func (c cal) value() string {
	yy := "XXXX"
	if c.y != 0 {
		yy = pad(c.y, 4)
	}
	switch c.g {
	case gDay:
		if c.y == 0 && c.m == 0 && c.wd != 0 {
			return "XXXX-WXX-" + strconv.Itoa(c.wd) + podSuffix(c.pod)
		}
		mm, dd := "XX", "XX"
		if c.m != 0 {
			mm = pad(c.m, 2)
		}
		if c.d != 0 {
			dd = pad(c.d, 2)
		}
		return yy + "-" + mm + "-" + dd + podSuffix(c.pod)
	case gWeek, gWeekend:
		ww := "XX"
		if c.w != 0 {
			ww = pad(c.w, 2)
		}
		if c.g == gWeekend {
			return yy + "-W" + ww + "-WE"
		}
		return yy + "-W" + ww
	case gMonth:
		if c.m == 0 {
			return yy + "-XX"
		}
		return yy + "-" + pad(c.m, 2)
	case gQuarter:
		if c.q == 0 {
			return yy + "-QX"
		}
		return yy + "-Q" + strconv.Itoa(c.q)
	case gSeason:
		return yy + "-" + c.season
	case gYear:
		return yy
	case gDecade:
		if c.y == 0 {
			return "XXXX"
		}
		return pad(c.y/10, 3) + "X"
	}
	return ""
}

// pad formats a non-negative n with at least width digits.
func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func podSuffix(p string) string {
	if p == "" {
		return ""
	}
	return "T" + p
}

// interval returns the inclusive first and last UTC days of the value.
func (c cal) interval() (time.Time, time.Time) {
	if c.y == 0 {
		return time.Time{}, time.Time{}
	}
	switch c.g {
	case gDay:
		t := c.date()
		return t, t
	case gWeek, gWeekend:
		mon := isoWeekMonday(c.y, c.w)
		if c.g == gWeekend {
			return mon.AddDate(0, 0, 5), mon.AddDate(0, 0, 6)
		}
		return mon, mon.AddDate(0, 0, 6)
	case gMonth:
		s := time.Date(c.y, time.Month(c.m), 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, 1, -1)
	case gQuarter:
		s := time.Date(c.y, time.Month(3*c.q-2), 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, 3, -1)
	case gSeason:
		first := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[c.season]
		s := time.Date(c.y, time.Month(first), 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, 3, -1)
	case gYear:
		return time.Date(c.y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(c.y, 12, 31, 0, 0, 0, 0, time.UTC)
	case gDecade:
		d := c.y / 10 * 10
		return time.Date(d, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(d+9, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}, time.Time{}
}

func (c cal) precision() model.Precision {
	switch c.g {
	case gDay:
		return model.PrecisionDay
	case gWeek, gWeekend:
		return model.PrecisionWeek
	case gMonth:
		return model.PrecisionMonth
	case gQuarter:
		return model.PrecisionRange
	case gSeason:
		return model.PrecisionSeason
	case gYear:
		return model.PrecisionYear
	case gDecade:
		return model.PrecisionDecade
	}
	return model.PrecisionNone
}

// isoWeekMonday returns the Monday of ISO week w of year y.
func isoWeekMonday(y, w int) time.Time {
	// January 4th is always in week 1.
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	off := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -off+7*(w-1))
}

// shift moves a complete value by n units of its own granularity.
func (c cal) shift(n int) cal {
	switch c.g {
	case gDay:
		r := day(c.date().AddDate(0, 0, n))
		r.pod = c.pod
		return r
	case gWeek, gWeekend:
		t := isoWeekMonday(c.y, c.w).AddDate(0, 0, 7*n)
		y, w := t.ISOWeek()
		return cal{g: c.g, y: y, w: w}
	case gMonth:
		t := time.Date(c.y, time.Month(c.m)+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return cal{g: gMonth, y: t.Year(), m: int(t.Month())}
	case gQuarter:
		k := c.y*4 + c.q - 1 + n
		return cal{g: gQuarter, y: k / 4, q: k%4 + 1}
	case gSeason:
		order := []string{"WI", "SP", "SU", "FA"}
		idx := 0
		for i, s := range order {
			if s == c.season {
				idx = i
			}
		}
		k := c.y*4 + idx + n
		return cal{g: gSeason, y: k / 4, season: order[k%4]}
	case gYear:
		c.y += n
		return c
	case gDecade:
		c.y += 10 * n
		return c
	}
	return c
}

// current returns the value of granularity g that contains the day t.
func current(g gran, t time.Time) cal {
	y, m, d := t.Date()
	switch g {
	case gDay:
		return cal{g: gDay, y: y, m: int(m), d: d}
	case gWeek, gWeekend:
		wy, w := t.ISOWeek()
		return cal{g: g, y: wy, w: w}
	case gMonth:
		return cal{g: gMonth, y: y, m: int(m)}
	case gQuarter:
		return cal{g: gQuarter, y: y, q: (int(m)-1)/3 + 1}
	case gSeason:
		s := seasonOf(int(m))
		if m <= 2 {
			y-- // January and February belong to the winter that began in December
		}
		return cal{g: gSeason, y: y, season: s}
	case gYear:
		return cal{g: gYear, y: y}
	case gDecade:
		return cal{g: gDecade, y: y / 10 * 10}
	}
	return cal{}
}

func seasonOf(m int) string {
	switch {
	case m >= 3 && m <= 5:
		return "SP"
	case m >= 6 && m <= 8:
		return "SU"
	case m >= 9 && m <= 11:
		return "FA"
	}
	return "WI"
}

// Tense directions for values that lack a year or a week.
const (
	dirNearest = 0
	dirPast    = -1 // most recent on or before the reference
	dirFuture  = 1  // earliest on or after the reference
	dirBefore  = -2 // strictly before ("last September", "last Tuesday")
	dirAfter   = 2  // strictly after ("next Tuesday")
	dirRecent  = 3  // no tense cue: the past one if it is recent enough, else the nearest
)

// recentDays is how far back a yearless date without a tense cue may lie
// before the next occurrence is preferred: news mostly reports the past,
// but "in January" in a December article is the coming January.
const recentDays = 250

// fillYear chooses the year of a yearless value (month, day, quarter,
// season) so that it lies in the direction dir from dct.
func fillYear(c cal, dct time.Time, dir int) cal {
	if dir == dirRecent {
		p := fillYear(c, dct, dirPast)
		if s, _ := p.interval(); p.y != 0 && daysBetween(s, dct) <= recentDays {
			return p
		}
		dir = dirNearest
	}
	ref := day(dct)
	best := c
	bestSet := false
	bestDist := 0
	for y := ref.y - 1; y <= ref.y+1; y++ {
		cand := c
		cand.y = y
		if cand.g == gDay && (cand.d > daysIn(y, cand.m)) {
			continue
		}
		s, e := cand.interval()
		var ok bool
		var dist int
		switch dir {
		case dirPast:
			ok, dist = !s.After(dct), daysBetween(s, dct)
		case dirBefore:
			ok, dist = e.Before(dct), daysBetween(e, dct)
		case dirFuture:
			ok, dist = !e.Before(dct), daysBetween(dct, e)
		case dirAfter:
			ok, dist = s.After(dct), daysBetween(dct, s)
		default:
			ok = true
			switch {
			case dct.Before(s):
				dist = daysBetween(dct, s) + 1 // ties go to the past
			case dct.After(e):
				dist = daysBetween(e, dct)
			}
		}
		if ok && (!bestSet || dist < bestDist) {
			best, bestSet, bestDist = cand, true, dist
		}
	}
	return best
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func daysBetween(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

// weekdayNear returns the day with ISO weekday wd (1=Monday) nearest dct in
// direction dir.
func weekdayNear(wd int, dct time.Time, dir int) time.Time {
	cur := (int(dct.Weekday())+6)%7 + 1
	switch dir {
	case dirFuture, dirAfter:
		delta := (wd - cur + 7) % 7
		if delta == 0 && dir == dirAfter {
			delta = 7
		}
		return dct.AddDate(0, 0, delta)
	default:
		delta := (cur - wd + 7) % 7
		if delta == 0 && dir == dirBefore {
			delta = 7
		}
		return dct.AddDate(0, 0, -delta)
	}
}
