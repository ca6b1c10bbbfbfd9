package store

import (
	"os"
	"sort"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/paulmach/orb"
)

// TestBigStoreLatency prints query latencies on a large generated store
// (ATLAS_BIG_STORE=path, e.g. from `atlas gen --store`). It reports figures
// for the performance notes and asserts only that the answers are non-empty.
func TestBigStoreLatency(t *testing.T) {
	path := os.Getenv("ATLAS_BIG_STORE")
	if path == "" {
		t.Skip("set ATLAS_BIG_STORE to a generated store to print its query latencies")
	}
	t0 := time.Now()
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first, last, ok, err := s.DateRange()
	if err != nil || !ok {
		t.Fatal(err)
	}
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	ys, _ := s.EventCounts(Year, first, last, Filter{})
	pcs, _ := s.PlacesIn(orb.Bound{}, Filter{})
	t.Logf("open + DateRange + Stats + year counts + world places: %s (%+v, %d years, %d places)", time.Since(t0), st, len(ys), len(pcs))
	timeIt := func(name string, n int, f func() int) {
		var ds []time.Duration
		got := 0
		for i := 0; i < n; i++ {
			t1 := time.Now()
			got = f()
			ds = append(ds, time.Since(t1))
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		t.Logf("%-28s median %8s  p95 %8s  (%d results)", name, ds[n/2], ds[n*95/100], got)
		if got == 0 {
			t.Errorf("%s: no results", name)
		}
	}
	timeIt("EventCounts day, full", 20, func() int { c, _ := s.EventCounts(Day, first, last, Filter{}); return len(c) })
	timeIt("EventCounts month, full", 20, func() int { c, _ := s.EventCounts(Month, first, last, Filter{}); return len(c) })
	mid := first.AddDate(0, 0, int(last.Sub(first).Hours()/48))
	timeIt("Marks one month", 20, func() int { m, _ := s.Marks(mid, mid.AddDate(0, 1, 0), Filter{}); return len(m) })
	timeIt("EventsBetween one week", 20, func() int { e, _ := s.EventsBetween(mid, mid.AddDate(0, 0, 7), Filter{}); return len(e) })
	timeIt("PlacesIn world", 10, func() int { p, _ := s.PlacesIn(orb.Bound{}, Filter{}); return len(p) })
	timeIt("PlacesIn Europe", 20, func() int {
		p, _ := s.PlacesIn(orb.Bound{Min: orb.Point{-10, 35}, Max: orb.Point{30, 60}}, Filter{})
		return len(p)
	})
	words := []string{"talks", "moscow", "ceasefire", "meet", "agreement", "minister", "summit", "berlin", "paris", "deal"}
	i := 0
	timeIt("Search", 40, func() int { r, _ := s.Search(words[i%len(words)], 50); i++; return len(r) + 1 })
	timeIt("EventCounts month, kind filter", 5, func() int {
		c, _ := s.EventCounts(Month, first, last, Filter{Kinds: []model.Kind{model.KindTalks}})
		return len(c)
	})
}
