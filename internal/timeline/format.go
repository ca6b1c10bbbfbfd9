package timeline

import (
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// FormatDate writes an event's date as precisely as it is known:
// "24 Mar 2016", "week of 14 Mar 2016", "Sep 2015", "summer 2016", "2014",
// "2010s", "24–26 Mar 2016", or "undated".
func FormatDate(e *model.Event) string {
	if !e.Dated() {
		return "undated"
	}
	s := model.Day(e.Start)
	end := model.Day(e.End)
	if end.Before(s) {
		end = s
	}
	switch e.Precision {
	case model.PrecisionWeek:
		return "week of " + s.Format("2 Jan 2006")
	case model.PrecisionMonth:
		return s.Format("Jan 2006")
	case model.PrecisionSeason:
		return season(s) + " " + s.Format("2006")
	case model.PrecisionYear:
		return s.Format("2006")
	case model.PrecisionDecade:
		return s.Format("2006")[:3] + "0s"
	}
	if end.After(s) {
		switch {
		case s.Year() != end.Year():
			return s.Format("2 Jan 2006") + " – " + end.Format("2 Jan 2006")
		case s.Month() != end.Month():
			return s.Format("2 Jan") + " – " + end.Format("2 Jan 2006")
		default:
			return s.Format("2") + "–" + end.Format("2 Jan 2006")
		}
	}
	return s.Format("2 Jan 2006")
}

func season(t time.Time) string {
	switch t.Month() {
	case time.December, time.January, time.February:
		return "winter"
	case time.March, time.April, time.May:
		return "spring"
	case time.June, time.July, time.August:
		return "summer"
	}
	return "autumn"
}
