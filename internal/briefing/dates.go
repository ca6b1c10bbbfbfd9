package briefing

import (
	"fmt"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// DateLabel writes an event's date as precisely as it is known and no more:
// "24 Mar 2016", "24–26 Mar 2016", "week of 21 Mar 2016", "Sep 2015",
// "Summer 2016", "2014", "2010s" or "undated". A briefing that printed
// "1 Jan 2014" for "in 2014" would claim knowledge the sources do not give.
func DateLabel(e *model.Event) string {
	if !e.Dated() {
		return "undated"
	}
	s, end := e.Start, endOf(e)
	switch e.Precision {
	case model.PrecisionMonth:
		if sameMonth(s, end) {
			return e.PartOfPeriod() + s.Format("Jan 2006")
		}
		return monthRange(s, end)
	case model.PrecisionYear:
		if s.Year() == end.Year() {
			return e.PartOfPeriod() + s.Format("2006")
		}
		return fmt.Sprintf("%d–%d", s.Year(), end.Year())
	case model.PrecisionDecade:
		return fmt.Sprintf("%ds", s.Year()/10*10)
	case model.PrecisionSeason:
		return season(s)
	case model.PrecisionWeek:
		return "week of " + dayLabel(s)
	}
	return dayRange(s, end)
}

// dayLabel is the house style for a single day.
func dayLabel(t time.Time) string { return t.Format("2 Jan 2006") }

func sameMonth(a, b time.Time) bool { return a.Year() == b.Year() && a.Month() == b.Month() }

func dayRange(s, e time.Time) string {
	switch {
	case !e.After(s):
		return dayLabel(s)
	case sameMonth(s, e):
		return fmt.Sprintf("%d–%s", s.Day(), dayLabel(e))
	case s.Year() == e.Year():
		return s.Format("2 Jan") + " – " + dayLabel(e)
	}
	return dayLabel(s) + " – " + dayLabel(e)
}

func monthRange(s, e time.Time) string {
	if s.Year() == e.Year() {
		return s.Format("Jan") + "–" + e.Format("Jan 2006")
	}
	return s.Format("Jan 2006") + " – " + e.Format("Jan 2006")
}

// season names the season of the northern hemisphere, where every place in
// the sample corpus is; December belongs to the winter of the next year.
func season(t time.Time) string {
	y := t.Year()
	switch t.Month() {
	case time.March, time.April, time.May:
		return fmt.Sprintf("Spring %d", y)
	case time.June, time.July, time.August:
		return fmt.Sprintf("Summer %d", y)
	case time.September, time.October, time.November:
		return fmt.Sprintf("Autumn %d", y)
	case time.December:
		return fmt.Sprintf("Winter %d–%02d", y, (y+1)%100)
	}
	return fmt.Sprintf("Winter %d", y)
}

// edgeLabel writes one end of the covered period at the precision of the
// event that sets it.
func edgeLabel(t time.Time, p model.Precision) string {
	switch p {
	case model.PrecisionMonth, model.PrecisionSeason:
		return t.Format("Jan 2006")
	case model.PrecisionYear, model.PrecisionDecade:
		return t.Format("2006")
	}
	return dayLabel(t)
}

// isoDate is the machine form for data formats; empty for a zero time.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
