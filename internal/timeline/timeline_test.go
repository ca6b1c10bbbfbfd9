package timeline

import (
	"math"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func ev(id int64, start, end string, p model.Precision) model.Event {
	e := model.Event{ID: id, Key: start, Title: "event " + start, Kind: model.KindMeeting, Start: d(start), Precision: p}
	if end != "" {
		e.End = d(end)
	} else {
		e.End = e.Start
	}
	return e
}

// sample mirrors the shape of the sample corpus: one 2012 year-precision
// event, a cluster in May 2013, and a busy March 2016.
func sample() []model.Event {
	return []model.Event{
		ev(1, "2012-01-01", "2012-12-31", model.PrecisionYear),
		ev(2, "2013-05-07", "", model.PrecisionDay),
		ev(3, "2013-05-07", "", model.PrecisionDay),
		ev(4, "2015-09-01", "2015-09-30", model.PrecisionMonth),
		ev(5, "2016-02-27", "", model.PrecisionDay),
		ev(6, "2016-03-14", "", model.PrecisionDay),
		ev(7, "2016-03-24", "", model.PrecisionDay),
		ev(8, "2016-03-24", "", model.PrecisionDay),
		ev(9, "2016-07-15", "", model.PrecisionDay),
	}
}

func TestUnitFloorNext(t *testing.T) {
	tests := []struct {
		u         Unit
		in        string
		floor, nx string
	}{
		{Day, "2016-03-24", "2016-03-24", "2016-03-25"},
		{Week, "2016-03-24", "2016-03-21", "2016-03-28"},
		{Month, "2016-03-24", "2016-03-01", "2016-04-01"},
		{Quarter, "2016-08-24", "2016-07-01", "2016-10-01"},
		{Year, "2016-03-24", "2016-01-01", "2017-01-01"},
		{Decade, "2016-03-24", "2010-01-01", "2020-01-01"},
	}
	for _, tt := range tests {
		f := tt.u.Floor(d(tt.in))
		if got := f.Format(time.DateOnly); got != tt.floor {
			t.Errorf("%v.Floor(%s) = %s, want %s", tt.u, tt.in, got, tt.floor)
		}
		if got := tt.u.Next(f).Format(time.DateOnly); got != tt.nx {
			t.Errorf("%v.Next(%s) = %s, want %s", tt.u, tt.floor, got, tt.nx)
		}
	}
}

func TestScaleRoundTrip(t *testing.T) {
	gaps := []Gap{{From: d("2013-07-01"), To: d("2015-08-01")}}
	for _, compact := range []bool{false, true} {
		s := NewScale(d("2012-01-01"), d("2016-09-01"), 0.5, gaps, compact)
		prev := -1.0
		for _, day := range []string{"2012-01-01", "2013-05-07", "2013-07-01", "2014-06-01", "2015-08-01", "2016-03-24", "2016-09-01"} {
			y := s.Y(d(day))
			if y < prev {
				t.Errorf("compact=%v: Y(%s)=%.1f not after previous %.1f", compact, day, y, prev)
			}
			prev = y
			back := s.T(y)
			if diff := math.Abs(back.Sub(d(day)).Hours()); diff > 1 {
				t.Errorf("compact=%v: T(Y(%s)) = %s", compact, day, back)
			}
		}
	}
}

func TestCompactClosesGaps(t *testing.T) {
	evs := sample()
	src := NewSliceSource(evs)
	from, to, _ := Range(evs)
	counts, _ := src.Counts(from, to, Month)
	gaps := FindGaps(counts, Month, from, to, 90)
	if len(gaps) == 0 {
		t.Fatal("no gaps found in a corpus with a two-year hole")
	}
	full := NewScale(from, to, 1, gaps, false)
	compact := NewScale(from, to, 1, gaps, true)
	if len(compact.Breaks()) == 0 {
		t.Fatalf("compact scale has no breaks, gaps %v", gaps)
	}
	if compact.Height() >= full.Height()/2 {
		t.Errorf("compact height %.0f, proportional %.0f: want under half", compact.Height(), full.Height())
	}
	for _, g := range gaps {
		for _, e := range evs {
			if !e.Start.Before(g.From) && e.Start.Before(g.To) {
				t.Errorf("gap %v..%v contains event on %s", g.From, g.To, e.Start)
			}
		}
	}
	// Fit must make the whole range fill the height, breaks included.
	ppd := compact.Fit(700)
	if h := compact.WithZoom(ppd).Height(); h > 700 || h < 690 {
		t.Errorf("fitted height = %.1f, want about 700", h)
	}
}

func TestTickUnitsAdapt(t *testing.T) {
	tests := []struct {
		ppd  float64
		want Unit
	}{
		{0.15, Year},
		{0.05, Decade},
		{0.5, Quarter},
		{2, Month},
		{10, Week},
		{60, Day},
	}
	for _, tt := range tests {
		if got := TickUnit(tt.ppd, 40); got != tt.want {
			t.Errorf("TickUnit(%v) = %v, want %v", tt.ppd, got, tt.want)
		}
	}
	s := NewScale(d("2012-01-01"), d("2016-09-01"), 0.1, nil, false)
	ticks := Ticks(s, 0, s.Height(), 30)
	var labels []string
	for _, tk := range ticks {
		labels = append(labels, tk.Label)
	}
	if len(ticks) < 4 || ticks[0].Label != "2012" || !ticks[0].Major {
		t.Errorf("year ticks = %v", labels)
	}
	for i := 1; i < len(ticks); i++ {
		if ticks[i].Y-ticks[i-1].Y < 18 {
			t.Errorf("ticks %q and %q only %.1fpx apart", ticks[i-1].Label, ticks[i].Label, ticks[i].Y-ticks[i-1].Y)
		}
	}
}

func TestPlaceCardsNeverOverlap(t *testing.T) {
	tests := []struct {
		name  string
		ys    []float64
		lanes int
	}{
		{"same day, one lane", []float64{100, 100, 100, 100}, 1},
		{"same day, two lanes", []float64{100, 100, 100, 100, 100}, 2},
		{"spread", []float64{0, 10, 200, 205, 400}, 2},
	}
	const h, gap = 40, 4
	for _, tt := range tests {
		ps := PlaceCards(tt.ys, tt.lanes, h, gap)
		for i := range ps {
			if ps[i].Lane >= tt.lanes {
				t.Errorf("%s: card %d in lane %d of %d", tt.name, i, ps[i].Lane, tt.lanes)
			}
			for j := range i {
				if ps[i].Lane == ps[j].Lane && ps[i].Y < ps[j].Y+h+gap && ps[j].Y < ps[i].Y+h+gap {
					t.Errorf("%s: cards %d (%.0f) and %d (%.0f) overlap in lane %d", tt.name, j, ps[j].Y, i, ps[i].Y, ps[i].Lane)
				}
			}
		}
	}
	if ps := PlaceCards([]float64{100, 100}, 2, h, gap); ps[1].Lane != 1 || ps[1].Y != ps[0].Y {
		t.Errorf("second card on the same day should take the next lane level with the first, got %+v", ps)
	}
}

func TestQueryClustersWhenCrowded(t *testing.T) {
	evs := sample()
	src := NewSliceSource(evs)
	from, to, _ := Range(evs)
	s := NewScale(from.AddDate(0, -1, 0), to.AddDate(0, 1, 0), 0.3, nil, false)
	tests := []struct {
		max       int
		clustered bool
	}{
		{100, false},
		{3, true},
	}
	for _, tt := range tests {
		v, err := Query(src, s, 0, s.Height(), tt.max)
		if err != nil {
			t.Fatal(err)
		}
		if v.Total != len(evs) {
			t.Errorf("max=%d: total %d, want %d", tt.max, v.Total, len(evs))
		}
		if v.Clustered != tt.clustered {
			t.Errorf("max=%d: clustered=%v, want %v", tt.max, v.Clustered, tt.clustered)
		}
		n := 0
		for _, m := range v.Marks {
			n += m.Count
		}
		if n != len(evs) {
			t.Errorf("max=%d: marks carry %d events, want %d", tt.max, n, len(evs))
		}
	}
	// A window on March 2016 holds only that month's events, and the year-precision 2012 event is a span.
	y0, y1 := s.Y(d("2016-03-01")), s.Y(d("2016-03-31"))
	v, _ := Query(src, s, y0, y1, 100)
	if len(v.Marks) != 3 {
		t.Errorf("March 2016 window has %d marks, want 3", len(v.Marks))
	}
	if m := EventMark(s, &evs[0]); !m.Span || m.Y1-m.Y0 < 100 {
		t.Errorf("2012 year event mark = %+v, want a year-long span", m)
	}
}

func TestAdjacentSteps(t *testing.T) {
	evs := sample()
	src := NewSliceSource(evs)
	lo, hi, _ := Range(evs)
	cur := evs[1] // 2013-05-07, ID 2
	var order []int64
	for {
		n, ok, err := Adjacent(src, &cur, 1, lo, hi)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		order = append(order, n.ID)
		cur = n
	}
	want := []int64{3, 4, 5, 6, 7, 8, 9}
	if len(order) != len(want) {
		t.Fatalf("stepping forward visited %v, want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("stepping forward visited %v, want %v", order, want)
		}
	}
	back, ok, _ := Adjacent(src, &evs[1], -1, lo, hi)
	if !ok || back.ID != 1 {
		t.Errorf("step back from 2013-05-07 = %d (ok %v), want the 2012 event", back.ID, ok)
	}
}

func TestFormatDate(t *testing.T) {
	tests := []struct {
		e    model.Event
		want string
	}{
		{ev(1, "2016-03-24", "", model.PrecisionDay), "24 Mar 2016"},
		{ev(1, "2015-09-01", "2015-09-30", model.PrecisionMonth), "Sep 2015"},
		{ev(1, "2014-01-01", "2014-12-31", model.PrecisionYear), "2014"},
		{ev(1, "2022-05-21", "2022-05-31", model.PrecisionMonth), "late May 2022"},
		{ev(1, "2022-03-11", "2022-03-20", model.PrecisionMonth), "mid-Mar 2022"},
		{ev(1, "2022-03-01", "2022-03-10", model.PrecisionMonth), "early Mar 2022"},
		{ev(1, "2011-01-01", "2011-04-30", model.PrecisionYear), "early 2011"},
		{ev(1, "2011-09-01", "2011-12-31", model.PrecisionYear), "late 2011"},
		{ev(1, "2016-03-24", "2016-03-26", model.PrecisionRange), "24–26 Mar 2016"},
		{model.Event{}, "undated"},
	}
	for _, tt := range tests {
		if got := FormatDate(&tt.e); got != tt.want {
			t.Errorf("FormatDate(%s) = %q, want %q", tt.e.Start.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestDensity(t *testing.T) {
	evs := sample()
	src := NewSliceSource(evs)
	from, to, _ := Range(evs)
	s := NewScale(from, to.AddDate(0, 0, 1), 0.2, nil, false)
	counts, _ := src.Counts(from, to, Month)
	bins := Density(s, counts, Month, 20)
	peak, zero := 0, 0
	for _, b := range bins {
		if b == 1 {
			peak++
		}
		if b == 0 {
			zero++
		}
	}
	if peak == 0 || zero == 0 {
		t.Errorf("density %v: want a peak and empty bins", bins)
	}
}

func TestPlaceCardsWithinKeepsCardsInView(t *testing.T) {
	tests := []struct {
		name     string
		ys       []float64
		lanes    int
		wantFits bool
	}{
		{"crowd near the bottom", []float64{100, 380, 380, 380, 380, 390}, 1, true},
		{"crowd near the top", []float64{0, 0, 0, 0, 200}, 1, true},
		{"too many", []float64{200, 200, 200, 200, 200, 200, 200, 200, 200, 200}, 1, false},
		{"two lanes", []float64{380, 380, 380, 380, 380, 380}, 2, true},
	}
	const h, gap, top, bottom = 40, 4, 0, 400
	for _, tt := range tests {
		ps := PlaceCardsWithin(tt.ys, tt.lanes, h, gap, top, bottom)
		fits := true
		for i, p := range ps {
			if p.Y < top || p.Y+h > bottom {
				fits = false
			}
			for j := range i {
				if ps[j].Lane == p.Lane && p.Y < ps[j].Y+h+gap && ps[j].Y < p.Y+h+gap {
					t.Errorf("%s: cards %d and %d overlap", tt.name, j, i)
				}
			}
		}
		if fits != tt.wantFits {
			t.Errorf("%s: all in view = %v, want %v (%+v)", tt.name, fits, tt.wantFits, ps)
		}
	}
}

func TestCardTitle(t *testing.T) {
	tests := []struct{ title, place, want string }{
		{"Kerry meets Lavrov in Moscow", "Moscow", "Kerry meets Lavrov"},
		{"Proposal involving Russia and United States (Amman)", "Amman", "Proposal involving Russia and United States"},
		{"Attack in Paris", "Paris", "Attack in Paris"},
		{"Russia withdraws from Syria", "Syria", "Russia withdraws from Syria"},
		{"Tear gas in Hong Kong", "Hong Kong", "Tear gas"},
		{"Kerry meets Lavrov in Moscow", "", "Kerry meets Lavrov in Moscow"},
		{"Floods in Moscow region", "Moscow", "Floods in Moscow region"},
	}
	for _, tc := range tests {
		if got := CardTitle(tc.title, tc.place); got != tc.want {
			t.Errorf("CardTitle(%q, %q) = %q, want %q", tc.title, tc.place, got, tc.want)
		}
	}
}
