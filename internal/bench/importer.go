package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"github.com/briefingatlas/atlas/internal/store"
)

// runImport imports the generated corpus into a fresh store with the real
// pipeline (ingest, extraction, cross-article merge, one transaction per
// article), as `atlas import` and the app's import do.
func runImport(env *Env) (Result, func(), error) {
	files, err := articleFiles(env.Corpus)
	if err != nil || len(files) == 0 {
		return Result{}, nil, fmt.Errorf("%w: no generated corpus in %s (run atlas gen --articles)", ErrNotBuilt, env.Corpus)
	}
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return Result{}, nil, err
	}
	x := extract.New(g)
	m, err := ingest.LoadManifest(filepath.Join(env.Corpus, "sources.csv"))
	if err != nil {
		return Result{}, nil, err
	}
	sum, best, once, err := importBest(env, x, env.Corpus, m, "import.db")
	if err != nil {
		return Result{}, nil, err
	}
	gz, n, err := gzipFiles(files)
	if err != nil {
		return Result{}, nil, err
	}
	r := Result{Value: float64(sum.Imported) / best.Seconds(), Ref: float64(n) / gz.Seconds(), RefUnit: "art/s",
		RefWhat: "gzip -6 of the same files",
		Note: fmt.Sprintf("%d articles (%s), %d events (+%d merged), fresh store, best of 2",
			sum.Imported, formatMix(files), sum.Events, sum.Merged)}
	return r, once, nil
}

// importBest imports dir into a fresh store named db under the cache folder
// with the real pipeline, twice, and returns the summary and the faster
// time (the first run also warms the page cache and the extractor's lazily
// built tables), with the import alone for a profile.
func importBest(env *Env, x *extract.Extractor, dir string, m *ingest.Manifest, db string) (pipeline.Summary, time.Duration, func(), error) {
	dbPath := filepath.Join(env.Cache, db)
	once := func() (pipeline.Summary, time.Duration, error) {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(dbPath + suffix)
		}
		st, err := store.Open(dbPath)
		if err != nil {
			return pipeline.Summary{}, 0, err
		}
		defer st.Close()
		t := time.Now()
		sum, err := pipeline.Import(context.Background(), st, x, []string{dir},
			pipeline.Options{Manifest: m, SameEvent: extract.SameEvent, Match: extract.Match, Screen: extract.MaySameEvent}, nil)
		return sum, time.Since(t), err
	}
	var sum pipeline.Summary
	best := time.Duration(1<<63 - 1)
	for i := 0; i < 2; i++ {
		s, d, err := once()
		if err != nil {
			return sum, 0, nil, err
		}
		if len(s.Failed) > 0 {
			return sum, 0, nil, fmt.Errorf("import: %d files failed, first: %s", len(s.Failed), s.Failed[0].Reason)
		}
		sum = s
		best = min(best, d)
	}
	return sum, best, func() { _, _, _ = once() }, nil
}

// formatMix describes how many files of each format there are.
func formatMix(files []string) string {
	n := map[string]int{}
	for _, f := range files {
		n[strings.TrimPrefix(filepath.Ext(f), ".")]++
	}
	return fmt.Sprintf("%d txt, %d html, %d md", n["txt"], n["html"], n["md"])
}

// gzipFiles is gzipRate over the files at paths, the reference of the
// import figures: how long compressing them took, and how many they are.
func gzipFiles(paths []string) (time.Duration, int, error) {
	bufs := make([][]byte, 0, len(paths))
	for _, f := range paths {
		b, err := os.ReadFile(f)
		if err != nil {
			return 0, 0, err
		}
		bufs = append(bufs, b)
	}
	gz, err := gzipRate(bufs)
	return gz, len(bufs), err
}
