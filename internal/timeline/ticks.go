package timeline

import "time"

// Tick is one labelled mark on the time axis.
type Tick struct {
	T     time.Time
	Y     float64
	Label string
	Major bool // the start of a year (or decade): drawn stronger
}

// TickUnit picks the finest unit whose ticks stay at least minPx apart at the
// scale's zoom, so labels never collide: years when zoomed out, then quarters,
// months, weeks and days.
func TickUnit(pxPerDay, minPx float64) Unit {
	for _, u := range []Unit{Day, Week, Month, Quarter, Year} {
		if u.ApproxDays()*pxPerDay >= minPx {
			return u
		}
	}
	return Decade
}

// Ticks returns the ticks between y0 and y1 (pixels). Ticks inside breaks are
// dropped; a break shows its own label instead.
func Ticks(s Scale, y0, y1, minPx float64) []Tick {
	u := TickUnit(s.PxPerDay, minPx)
	from := s.T(y0)
	to := s.T(y1)
	if from.Before(s.From) {
		from = s.From
	}
	var ticks []Tick
	lastY := -1e9
	full := true // the first tick, and the first after a break, name the year
	for t := u.Floor(from); !t.After(to); t = u.Next(t) {
		if t.Before(s.From) || s.InBreak(t) {
			full = true
			continue
		}
		y := s.Y(t)
		if y-lastY < minPx*0.6 {
			// Right after a break two ticks can crowd together; keep the first.
			continue
		}
		major := t.Month() == time.January && t.Day() == 1
		if u == Year || u == Decade {
			major = true
		}
		ticks = append(ticks, Tick{T: t, Y: y, Label: u.Label(t, !major && !full), Major: major})
		lastY = y
		full = false
		if len(ticks) > 2000 {
			break
		}
	}
	return ticks
}

// BreakLabel describes a closed gap for the axis, e.g. "Jul 2013 – Aug 2015".
func BreakLabel(g Gap) string {
	end := g.To.AddDate(0, 0, -1)
	if g.From.Year() == end.Year() {
		return g.From.Format("Jan") + " – " + end.Format("Jan 2006")
	}
	return g.From.Format("Jan 2006") + " – " + end.Format("Jan 2006")
}
