package geo

import (
	"runtime"
	"testing"
	"time"
)

// TestGazetteerLoadCost logs what loading the whole gazetteer costs, in time
// and live heap; run with -v to see it.
func TestGazetteerLoadCost(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole gazetteer")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	g, err := loadGazetteer()
	if err == nil {
		err = g.Load()
	}
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("gazetteer load %d ms, heap %.1f MB", elapsed.Milliseconds(), float64(after.HeapAlloc-before.HeapAlloc)/(1<<20))
	runtime.KeepAlive(g)
}

// benchNames are words extraction asks about: places, and words that are
// no place at all.
var benchNames = []string{"Paris", "Aleppo", "Borno state", "the French Alps", "Tuesday", "Minister", "Rakhine State", "Gulf of Aden", "Springfield", "Kurdistan"}

func BenchmarkResolveNews(b *testing.B) {
	g := gaz(b)
	ctx := Context{Countries: []string{"SY", "US"}, Dateline: "DAMASCUS"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Resolve(benchNames[i%len(benchNames)], ctx)
	}
}

// TestDefaultGazetteerIsCheap checks that making the gazetteer reads the
// country table only, and that the place tables wait for the first lookup.
func TestDefaultGazetteerIsCheap(t *testing.T) {
	start := time.Now()
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 200*time.Millisecond {
		t.Errorf("loadGazetteer took %v, want the country table only", d)
	}
	if g.tab != nil {
		t.Error("place tables loaded before any lookup")
	}
	if c, ok := g.CountryByName("Syrian"); !ok || c.Code != "SY" || g.tab != nil {
		t.Errorf("CountryByName(Syrian) = %v, %v, or it loaded the place tables", c.Code, ok)
	}
	if err := g.Load(); err != nil {
		t.Fatal(err)
	}
	if g.tab == nil || len(g.tab.ents) < 200000 {
		t.Error("Load did not load the place tables")
	}
}
