package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/timeline"
	"github.com/paulmach/orb"
)

// frameMaxEvents is the main window's limit above which the timeline draws
// clusters (tlMaxEvents in internal/ui, which this package must not import:
// the CLI never links Fyne).
const frameMaxEvents = 160

// frameH is the timeline's visible height in pixels in a 1280×800 window.
const frameH = 800.0

// stores opens the million-event store and an empty one made for the
// reference queries. Both are closed by the returned function.
func stores(env *Env) (full, empty *store.Store, closeAll func(), err error) {
	if _, err := os.Stat(env.Store1M); err != nil {
		return nil, nil, nil, fmt.Errorf("%w: no generated store at %s (run atlas gen --store)", ErrNotBuilt, env.Store1M)
	}
	full, err = store.OpenReadOnly(env.Store1M)
	if err != nil {
		return nil, nil, nil, err
	}
	emptyPath := filepath.Join(env.Cache, "empty.db")
	empty, err = store.Open(emptyPath)
	if err != nil {
		full.Close()
		return nil, nil, nil, err
	}
	return full, empty, func() { full.Close(); empty.Close() }, nil
}

// span returns the store's date range, or the generator's default twenty
// years for an empty store, so that reference queries cover the same days.
func span(s *store.Store) (time.Time, time.Time, error) {
	first, last, ok, err := s.DateRange()
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	if !ok {
		return time.Date(2006, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), nil
	}
	return first, last, nil
}

// firstFrame reads what the main window needs before drawing: the date
// range, the overview's month counts, the fully zoomed-out timeline marks
// and the places on the world map.
func firstFrame(s *store.Store) error {
	from, to, err := span(s)
	if err != nil {
		return err
	}
	src := timeline.NewStoreSource(s, store.Filter{}, nil)
	from, to = timeline.Month.Floor(from), timeline.Month.Next(timeline.Month.Floor(to))
	counts, err := src.Counts(from, to, timeline.Month)
	if err != nil {
		return err
	}
	gaps := timeline.FindGaps(counts, timeline.Month, from, to, 100)
	sc := timeline.NewScale(from, to, 1, gaps, false)
	sc = sc.WithZoom(sc.Fit(frameH))
	if _, err := timeline.Query(src, sc, -40, frameH+40, frameMaxEvents); err != nil {
		return err
	}
	_, err = s.PlacesIn(orb.Bound{}, store.Filter{})
	return err
}

func runOpen(env *Env) (Result, func(), error) {
	if _, err := os.Stat(env.Store1M); err != nil {
		return Result{}, nil, fmt.Errorf("%w: no generated store at %s", ErrNotBuilt, env.Store1M)
	}
	emptyPath := filepath.Join(env.Cache, "empty.db")
	once := func(path string) func() error {
		return func() error {
			s, err := store.OpenReadOnly(path)
			if err != nil {
				return err
			}
			defer s.Close()
			return firstFrame(s)
		}
	}
	// Make sure the empty store exists and is migrated.
	if s, err := store.Open(emptyPath); err != nil {
		return Result{}, nil, err
	} else {
		s.Close()
	}
	full, err := durations(7, once(env.Store1M))
	if err != nil {
		return Result{}, nil, err
	}
	ref, err := durations(7, once(emptyPath))
	if err != nil {
		return Result{}, nil, err
	}
	r := Result{Value: median(full), Ref: median(ref), RefUnit: "ms", RefWhat: "same on an empty store",
		Note: fmt.Sprintf("median of %d: open, month counts, zoomed-out marks, world places", len(full))}
	return r, func() { _ = once(env.Store1M)() }, nil
}

// timelineAt measures timeline.Query, ticks and card lanes for a window of frameH
// pixels starting at day at, with pxPerDay zoom (0 = fit the whole range).
func timelineAt(env *Env, at func(from, to time.Time) time.Time, days float64, note string) (Result, func(), error) {
	full, empty, closeAll, err := stores(env)
	if err != nil {
		return Result{}, nil, err
	}
	frame := func(s *store.Store) (func() error, error) {
		from, to, err := span(s)
		if err != nil {
			return nil, err
		}
		from, to = timeline.Month.Floor(from), timeline.Month.Next(timeline.Month.Floor(to))
		src := timeline.NewStoreSource(s, store.Filter{}, nil)
		sc := timeline.NewScale(from, to, 1, nil, false)
		if days > 0 {
			sc = sc.WithZoom(frameH / days)
		} else {
			sc = sc.WithZoom(sc.Fit(frameH))
		}
		y0 := sc.Y(at(from, to))
		return func() error {
			v, err := timeline.Query(src, sc, y0-40, y0+frameH+40, frameMaxEvents)
			if err != nil {
				return err
			}
			timeline.Ticks(sc, y0, y0+frameH, 22)
			// Cards for the marks in view, in as few lanes as fit, as
			// the widget lays them out (card height 44, gap 6).
			var ys []float64
			for _, m := range v.Marks {
				if a := m.Anchor() - y0; a >= 0 && a <= frameH {
					ys = append(ys, a)
				}
			}
			for lanes := 1; lanes <= 3; lanes++ {
				timeline.PlaceCardsWithin(ys, lanes, 44, 6, 4, frameH-4)
			}
			return nil
		}, nil
	}
	fFull, err := frame(full)
	if err != nil {
		closeAll()
		return Result{}, nil, err
	}
	fEmpty, err := frame(empty)
	if err != nil {
		closeAll()
		return Result{}, nil, err
	}
	_ = fFull() // warm the page cache: the app has the store open already
	ds, err := durations(30, fFull)
	if err != nil {
		closeAll()
		return Result{}, nil, err
	}
	rs, err := durations(30, fEmpty)
	if err != nil {
		closeAll()
		return Result{}, nil, err
	}
	r := Result{Value: median(ds), Ref: median(rs), RefUnit: "ms", RefWhat: "same query on an empty store",
		Note: fmt.Sprintf("median of %d: %s", len(ds), note)}
	// The stores stay open for a profile run and are closed after it.
	env.deferClose(closeAll)
	return r, func() { _ = fFull() }, nil
}

func runTimelineFrame(env *Env) (Result, func(), error) {
	return timelineAt(env, func(from, _ time.Time) time.Time { return from }, 0,
		"marks, ticks and card lanes, whole range in 800 px")
}

func runTimelineZoomed(env *Env) (Result, func(), error) {
	// A month in a busy year of the synthetic store: March 2016.
	month := time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)
	r, work, err := timelineAt(env, func(time.Time, time.Time) time.Time { return month }, 31,
		"marks, ticks and card lanes, one month (Mar 2016) in 800 px")
	if err != nil {
		return r, work, err
	}
	// A month holds thousands of events, so it is drawn as day clusters; a
	// one-day window takes the per-event path. Its figures go in the note
	// so that a regression there shows too.
	// A failure there is told in the note rather than failing the metric,
	// which measures the month.
	if d, marks, onDay, total, err := dayWindow(env, month); err != nil {
		r.Note += "; one-day window not measured: " + err.Error()
	} else {
		r.Note += fmt.Sprintf("; one-day window (per-event path): %.2f ms, %d marks, %d of the day's %d events among them",
			d, marks, onDay, total)
	}
	return r, work, nil
}

// dayWindow times the timeline over a one-day window, on the first day from
// start that has between 20 and 150 events (few enough to be drawn one by
// one), and reports how many marks it drew and how many of them are events
// of that day, out of how many.
func dayWindow(env *Env, start time.Time) (took float64, marks, onDay, total int, err error) {
	s, err := store.OpenReadOnly(env.Store1M)
	if err != nil {
		return 0, 0, 0, 0, err
	}
	defer s.Close()
	cs, err := s.EventCounts(store.Day, start, start.AddDate(1, 0, 0), store.Filter{})
	if err != nil {
		return 0, 0, 0, 0, err
	}
	day := time.Time{}
	for _, c := range cs {
		if c.N >= 20 && c.N <= 150 {
			day = c.Start
			break
		}
	}
	if day.IsZero() {
		return 0, 0, 0, 0, fmt.Errorf("no day with 20 to 150 events")
	}
	from, to, err := span(s)
	if err != nil {
		return 0, 0, 0, 0, err
	}
	from, to = timeline.Month.Floor(from), timeline.Month.Next(timeline.Month.Floor(to))
	src := timeline.NewStoreSource(s, store.Filter{}, nil)
	sc := timeline.NewScale(from, to, frameH, nil, false)
	y0 := sc.Y(day)
	var v timeline.View
	ds, err := durations(15, func() error {
		v, err = timeline.Query(src, sc, y0, y0+frameH-1, frameMaxEvents)
		return err
	})
	if err != nil {
		return 0, 0, 0, 0, err
	}
	for _, m := range v.Marks {
		if m.Event != nil && m.From.Equal(day) {
			onDay++
		}
	}
	return median(ds), len(v.Marks), onDay, v.Total, nil
}

// searchQueries are what a user types: places, topics, surnames, a prefix
// being typed (the search box adds the star), two words. They run through
// Store.Search, which searches the events' source sentences too.
var searchQueries = []string{"Moscow", "Geneva", "ceasefire", "grain exports", "talks", "Morozov",
	"Haddad", "agreement Tokyo", "negot*", "conf*", "refugee returns", "Damascus", "offensive",
	"Lagos", "prisoner", "Nakamura", "Berlin talks", "sanctions", "withdrawal", "report"}

func runSearch(env *Env) (Result, func(), error) {
	full, empty, closeAll, err := stores(env)
	if err != nil {
		return Result{}, nil, err
	}
	env.deferClose(closeAll)
	const limit = 100
	all := func(s *store.Store) ([]time.Duration, error) {
		var ds []time.Duration
		for rep := 0; rep < 5; rep++ {
			for _, q := range searchQueries {
				t := time.Now()
				if _, err := s.Search(q, limit); err != nil {
					return nil, err
				}
				ds = append(ds, time.Since(t))
			}
		}
		sortDurations(ds)
		return ds, nil
	}
	for _, q := range searchQueries { // warm the page cache once
		if _, err := full.Search(q, limit); err != nil {
			return Result{}, nil, err
		}
	}
	ds, err := all(full)
	if err != nil {
		return Result{}, nil, err
	}
	rs, err := all(empty)
	if err != nil {
		return Result{}, nil, err
	}
	r := Result{Value: p95(ds), Ref: p95(rs), RefUnit: "ms", RefWhat: "same queries on an empty store",
		Note: fmt.Sprintf("%d queries × 5, limit %d, median %.1f ms", len(searchQueries), limit, median(ds))}
	work := func() {
		for _, q := range searchQueries {
			_, _ = full.Search(q, limit)
		}
	}
	return r, work, nil
}
