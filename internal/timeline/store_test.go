package timeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// syntheticStore loads n day-precision events, spread over six years from
// 2010, into a new store.
func syntheticStore(t testing.TB, n int) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	evs := make([]model.Event, n)
	start := d("2010-01-01")
	for i := range evs {
		day := start.AddDate(0, 0, (i*7)%(6*365))
		evs[i] = model.Event{Key: fmt.Sprintf("ev-%d", i), Kind: model.KindMeeting, Title: fmt.Sprintf("event %d", i),
			Start: day, End: day, Precision: model.PrecisionDay, Confidence: 0.5}
	}
	if err := st.BulkLoad(context.Background(), evs); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestStoreSourceQueriesOnlyWhatIsVisible(t *testing.T) {
	st := syntheticStore(t, 5000)
	src := NewStoreSource(st, store.Filter{}, nil)
	from, to := d("2010-01-01"), d("2016-01-01")
	s := NewScale(from, to, 0.3, nil, false)
	tests := []struct {
		name      string
		y0, y1    float64
		clustered bool
		total     int
	}{
		{"whole range", 0, s.Height(), true, 5000},
		{"one week", s.Y(d("2012-06-04")), s.Y(d("2012-06-10")), false, -1},
	}
	for _, tt := range tests {
		v, err := Query(src, s, tt.y0, tt.y1, 160)
		if err != nil {
			t.Fatal(err)
		}
		if v.Clustered != tt.clustered {
			t.Errorf("%s: clustered %v, want %v", tt.name, v.Clustered, tt.clustered)
		}
		if tt.total >= 0 && v.Total != tt.total {
			t.Errorf("%s: total %d, want %d", tt.name, v.Total, tt.total)
		}
		n := 0
		for _, m := range v.Marks {
			n += m.Count
			if !tt.clustered && (m.Event == nil || m.Event.Title == "") {
				t.Errorf("%s: mark without its event: %+v", tt.name, m)
			}
		}
		if n != v.Total {
			t.Errorf("%s: marks carry %d events, total %d", tt.name, n, v.Total)
		}
	}
	// Weeks and quarters are summed from the store's days and months.
	for _, u := range []Unit{Week, Quarter, Decade} {
		cs, err := src.Counts(from, to, u)
		if err != nil {
			t.Fatal(err)
		}
		sum := 0
		for i, c := range cs {
			sum += c.N
			if !c.Start.Equal(u.Floor(c.Start)) || (i > 0 && !c.Start.After(cs[i-1].Start)) {
				t.Errorf("%v bucket %s out of order or not aligned", u, c.Start.Format(time.DateOnly))
			}
		}
		if sum != 5000 {
			t.Errorf("%v counts sum to %d, want 5000", u, sum)
		}
	}
}

// BenchmarkQueryStore measures one timeline frame over a store: set
// ATLAS_BENCH_DB to a big store (atlas gen --store) to measure it there.
func BenchmarkQueryStore(b *testing.B) {
	var st *store.Store
	if path := os.Getenv("ATLAS_BENCH_DB"); path != "" {
		var err error
		if st, err = store.OpenReadOnly(path); err != nil {
			b.Fatal(err)
		}
		defer st.Close()
	} else {
		st = syntheticStore(b, 20000)
	}
	first, last, ok, err := st.DateRange()
	if err != nil || !ok {
		b.Fatalf("date range: %v %v", ok, err)
	}
	src := NewStoreSource(st, store.Filter{}, nil)
	s := NewScale(first, last, 1, nil, false)
	s = s.WithZoom(s.Fit(700))
	zoomed := s.WithZoom(40)
	y := zoomed.Y(first.Add(last.Sub(first) / 2))
	b.Run("full range", func(b *testing.B) {
		for b.Loop() {
			if _, err := Query(src, s, 0, s.Height(), 160); err != nil {
				b.Fatal(err)
			}
		}
	})
	deep := s.WithZoom(300)
	yd := deep.Y(first.Add(last.Sub(first) / 2))
	b.Run("two days", func(b *testing.B) {
		for b.Loop() {
			if _, err := Query(src, deep, yd, yd+600, 160); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("two weeks", func(b *testing.B) {
		for b.Loop() {
			if _, err := Query(src, zoomed, y, y+600, 160); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// spansStore loads, with a bulk writer, spans month-long reports of March
// 2016 (month precision, so they start on the 1st) and own day-precision
// events on 15 March 2016, into a new store.
func spansStore(t *testing.T, spans, own int) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	bw, err := st.NewBulkWriter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	add := func(e model.Event) {
		t.Helper()
		if err := bw.AddEvent(&e); err != nil {
			bw.Rollback()
			t.Fatal(err)
		}
	}
	for i := range spans {
		add(model.Event{Key: fmt.Sprintf("span-%d", i), Kind: model.KindTalks, Title: fmt.Sprintf("talks in March %d", i),
			Start: d("2016-03-01"), End: d("2016-03-31"), Precision: model.PrecisionMonth, Confidence: 0.5})
	}
	for i := range own {
		add(model.Event{Key: fmt.Sprintf("own-%d", i), Kind: model.KindMeeting, Title: fmt.Sprintf("meeting %d", i),
			Start: d("2016-03-15"), End: d("2016-03-15"), Precision: model.PrecisionDay, Confidence: 0.5})
	}
	if err := bw.Commit(); err != nil {
		t.Fatal(err)
	}
	return st
}

// A zoomed-in window draws all of its own events even when more month-long
// spans that began before it reach into it than the window can draw; those
// spans are capped to a share of the budget and the view says so.
func TestZoomedWindowShowsItsOwnEventsDespiteEarlierSpans(t *testing.T) {
	const maxEvents = 40
	st := spansStore(t, 300, 12)
	src := NewStoreSource(st, store.Filter{}, nil)
	s := NewScale(d("2015-01-01"), d("2017-12-31"), 200, nil, false)
	tests := []struct {
		name      string
		day       string
		own       int // day-precision events expected among the marks
		clustered bool
		spansCut  bool
	}{
		{"the busy day", "2016-03-15", 12, false, true},
		{"a quiet day inside the spans", "2016-03-20", 0, false, true},
		{"a day after the spans", "2016-04-02", 0, false, false},
		{"the day the spans start", "2016-03-01", 0, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day := d(tt.day)
			v, err := Query(src, s, s.Y(day)+1, s.Y(day.AddDate(0, 0, 1))-1, maxEvents)
			if err != nil {
				t.Fatal(err)
			}
			if v.Clustered != tt.clustered {
				t.Fatalf("clustered %v, want %v (total %d)", v.Clustered, tt.clustered, v.Total)
			}
			if v.SpansCut != tt.spansCut {
				t.Errorf("spans cut %v, want %v", v.SpansCut, tt.spansCut)
			}
			if tt.clustered {
				return
			}
			own, spans := 0, 0
			for _, m := range v.Marks {
				switch {
				case m.Event == nil:
					t.Errorf("cluster mark %+v in a per-event view", m)
				case m.Span:
					spans++
				case model.Day(m.Event.Start).Equal(day):
					own++
				}
			}
			if own != tt.own {
				t.Errorf("%d of the day's own events drawn, want %d (%d marks)", own, tt.own, len(v.Marks))
			}
			if max := maxEvents / SpanShare; spans > max {
				t.Errorf("%d spans drawn, want at most %d", spans, max)
			}
			if tt.spansCut && spans == 0 {
				t.Errorf("no span from before the window drawn")
			}
		})
	}
}

func TestStoreSourceMarksHiddenEventsOnlyWhenAskedFor(t *testing.T) {
	st := syntheticStore(t, 3)
	from, to := d("2010-01-01"), d("2010-12-31")
	all, err := NewStoreSource(st, store.Filter{}, nil).Events(from, to, 10)
	if err != nil || len(all) != 3 {
		t.Fatalf("%d events before hiding, %v", len(all), err)
	}
	hidden := all[1].ID
	if err := st.HideEvent(hidden); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		filter     store.Filter
		n          int
		wantHidden bool // the hidden event is listed and marked Hidden
	}{
		{"visible only", store.Filter{}, 2, false},
		{"hidden too", store.Filter{IncludeHidden: true}, 3, true},
	}
	for _, tt := range tests {
		evs, err := NewStoreSource(st, tt.filter, nil).Events(from, to, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != tt.n {
			t.Errorf("%s: %d events, want %d", tt.name, len(evs), tt.n)
		}
		listed := false
		for _, e := range evs {
			if e.ID == hidden {
				listed = e.Hidden
			} else if e.Hidden {
				t.Errorf("%s: %q marked hidden", tt.name, e.Title)
			}
		}
		if listed != tt.wantHidden {
			t.Errorf("%s: hidden event listed as hidden %v, want %v", tt.name, listed, tt.wantHidden)
		}
	}
}
