package timeline

import (
	"strings"
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
		return e.PartOfPeriod() + s.Format("Jan 2006")
	case model.PrecisionSeason:
		return season(s) + " " + s.Format("2006")
	case model.PrecisionYear:
		return e.PartOfPeriod() + s.Format("2006")
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

// CardTitle is an event's title for a card whose first line already names
// its place: "Kerry meets Lavrov", not "Kerry meets Lavrov in Moscow"
// under "14 Jul 2016 · Moscow", so that what happened fits the card. A
// title that is only its place ("Attack in Paris") keeps it, and so does
// one whose place does something else than locate it ("Russia withdraws
// from Syria").
func CardTitle(title, place string) string {
	if place == "" {
		return title
	}
	for _, suffix := range []string{" in " + place, " (" + place + ")"} {
		rest, ok := strings.CutSuffix(title, suffix)
		if ok && strings.Contains(rest, " ") {
			return rest
		}
	}
	return title
}
