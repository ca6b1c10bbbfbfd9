// Package timeline computes what the timeline widget draws: a vertical,
// proportional time scale (optionally compact, with long empty stretches
// closed into breaks), adaptive ticks, card lanes that never overlap, and the
// marks visible in a window. It knows nothing of Fyne so that it can be tested
// and benchmarked on its own, and it asks its Source only for what is visible:
// counts per day, month or year when zoomed out, events when zoomed in.
package timeline

import (
	"fmt"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// Unit is a calendar step, used for ticks and for density buckets.
type Unit int

// The calendar units, finest first.
const (
	Day Unit = iota
	Week
	Month
	Quarter
	Year
	Decade
)

// Units lists every unit, finest first.
var Units = []Unit{Day, Week, Month, Quarter, Year, Decade}

// String names the unit as the store's counting methods and logs spell it.
func (u Unit) String() string {
	switch u {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Quarter:
		return "quarter"
	case Year:
		return "year"
	case Decade:
		return "decade"
	}
	return fmt.Sprintf("unit(%d)", int(u))
}

// ApproxDays is the unit's mean length, used to choose a unit for a zoom level.
func (u Unit) ApproxDays() float64 {
	switch u {
	case Day:
		return 1
	case Week:
		return 7
	case Month:
		return 30.44
	case Quarter:
		return 91.31
	case Year:
		return 365.25
	default:
		return 3652.5
	}
}

// Floor returns the start of the unit containing t (UTC days; weeks start on Monday).
func (u Unit) Floor(t time.Time) time.Time {
	t = model.Day(t)
	y, m, _ := t.Date()
	switch u {
	case Day:
		return t
	case Week:
		wd := (int(t.Weekday()) + 6) % 7
		return t.AddDate(0, 0, -wd)
	case Month:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case Quarter:
		return time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, time.UTC)
	case Year:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	default:
		return time.Date(y-((y%10)+10)%10, 1, 1, 0, 0, 0, 0, time.UTC)
	}
}

// Next returns the start of the unit after the one starting at t.
func (u Unit) Next(t time.Time) time.Time {
	switch u {
	case Day:
		return t.AddDate(0, 0, 1)
	case Week:
		return t.AddDate(0, 0, 7)
	case Month:
		return t.AddDate(0, 1, 0)
	case Quarter:
		return t.AddDate(0, 3, 0)
	case Year:
		return t.AddDate(1, 0, 0)
	default:
		return t.AddDate(10, 0, 0)
	}
}

// Label formats a tick at t for this unit. Year ticks read "2016", month ticks
// "Mar 2016" (or "Mar" when short), day ticks "24 Mar".
func (u Unit) Label(t time.Time, short bool) string {
	switch u {
	case Day, Week:
		if !short || (t.Day() == 1 && t.Month() == time.January) {
			return t.Format("2 Jan 2006")
		}
		return t.Format("2 Jan")
	case Month, Quarter:
		if short && t.Month() != time.January {
			return t.Format("Jan")
		}
		return t.Format("Jan 2006")
	default:
		return t.Format("2006")
	}
}

// days converts a time to fractional days since the Unix epoch, the scale's
// native coordinate.
func days(t time.Time) float64 { return float64(t.Unix()) / 86400 }

// fromDays is the inverse of days.
func fromDays(d float64) time.Time {
	return time.Unix(int64(d*86400), 0).UTC()
}
