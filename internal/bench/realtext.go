package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
)

// realTextMB is how much real news text the real-text extraction figure
// runs over: the dev set's forty articles repeated until there is this much.
const realTextMB = 5

// devsetDir finds ../shared/devset beside the checkout, where make bench
// runs from.
func devsetDir() (string, error) {
	for _, d := range []string{"../shared/devset", "../../shared/devset", "../../../shared/devset"} {
		if fi, err := os.Stat(filepath.Join(d, "sources.csv")); err == nil && !fi.IsDir() {
			return d, nil
		}
	}
	return "", fmt.Errorf("%w: ../shared/devset not found beside the checkout", ErrNotBuilt)
}

// runExtractReal is extraction throughput on one core over real news: the
// dev set's articles (forty outlets' prose, not the generator's sentences)
// repeated to realTextMB, read the way import reads them.
func runExtractReal(env *Env) (Result, func(), error) {
	dir, err := devsetDir()
	if err != nil {
		return Result{}, nil, err
	}
	m, err := ingest.LoadManifest(filepath.Join(dir, "sources.csv"))
	if err != nil {
		return Result{}, nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return Result{}, nil, fmt.Errorf("%w: no articles in %s", ErrNotBuilt, dir)
	}
	var arts []*model.Article
	var bufs [][]byte
	size := 0
	for size < realTextMB*1e6 {
		for _, f := range files {
			a, err := ingest.ReadFile(f, m)
			if err != nil {
				return Result{}, nil, err
			}
			arts = append(arts, a)
			bufs = append(bufs, []byte(a.Text))
			size += len(a.Text)
		}
	}
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return Result{}, nil, err
	}
	x := extract.New(g)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, a := range arts[:len(files)] { // warm up the lazily loaded tables
		x.Extract(a)
	}
	pass := func() {
		for _, a := range arts {
			x.Extract(a)
		}
	}
	best := time.Duration(1<<63 - 1)
	for i := 0; i < 3; i++ {
		t := time.Now()
		pass()
		if d := time.Since(t); d < best {
			best = d
		}
	}
	gz, err := gzipRate(bufs)
	if err != nil {
		return Result{}, nil, err
	}
	// Where the time goes, stage by stage, reading included (one pass over
	// the dev set's articles, read from disk as import reads them).
	stages := map[string]time.Duration{}
	for _, f := range files {
		t := time.Now()
		a, err := ingest.ReadFile(f, m)
		if err != nil {
			return Result{}, nil, err
		}
		stages["reading"] += time.Since(t)
		x.ExtractTimed(a, func(stage string, d time.Duration) { stages[stage] += d })
	}
	var total time.Duration
	for _, d := range stages {
		total += d
	}
	split := ""
	for _, st := range append([]string{"reading"}, extract.Stages...) {
		split += fmt.Sprintf(", %s %.0f%%", st, 100*float64(stages[st])/float64(total))
	}
	mb := float64(size) / 1e6
	return Result{Value: mb / best.Seconds(), Ref: mb / gz.Seconds(), RefUnit: "MB/s", RefWhat: "gzip -6 of the same bytes, one core",
		Note: fmt.Sprintf("%d real articles (the dev set's %d repeated), %.2f MB; best of 3 passes; time by stage%s", len(arts), len(files), mb, split)}, pass, nil
}

// runGazetteerLoad is the cost of the world gazetteer that extraction
// loads on first use (never on the way to the first window): the time to
// load its place tables and the heap they keep.
func runGazetteerLoad(env *Env) (Result, func(), error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	t := time.Now()
	g, err := geo.NewGazetteer() // a fresh one: the default may be loaded already
	if err != nil {
		return Result{}, nil, err
	}
	if err := g.Load(); err != nil {
		return Result{}, nil, err
	}
	d := time.Since(t)
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := float64(after.HeapAlloc-before.HeapAlloc) / 1e6
	runtime.KeepAlive(g)
	return Result{Value: float64(d.Microseconds()) / 1000,
		Note: fmt.Sprintf("world gazetteer (GeoNames cities500, admin-1, features, regions): %.0f MB of heap once loaded", heap)}, nil, nil
}
