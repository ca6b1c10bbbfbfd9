package bench

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
)

// articleFiles lists the generated articles of every format in dir.
func articleFiles(dir string) ([]string, error) {
	var out []string
	for _, ext := range []string{"*.txt", "*.md", "*.html"} {
		fs, err := filepath.Glob(filepath.Join(dir, ext))
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	sort.Strings(out)
	return out, nil
}

// loadCorpus reads the generated articles through the importer's reader
// (not timed), so that extraction sees what it sees in the app: datelines,
// manifest dates, noise spans.
func loadCorpus(dir string) ([]*model.Article, [][]byte, error) {
	files, err := articleFiles(dir)
	if err != nil || len(files) == 0 {
		return nil, nil, fmt.Errorf("%w: no generated corpus in %s (run atlas gen --articles)", ErrNotBuilt, dir)
	}
	m, err := ingest.LoadManifest(filepath.Join(dir, "sources.csv"))
	if err != nil {
		return nil, nil, err
	}
	arts := make([]*model.Article, 0, len(files))
	bufs := make([][]byte, 0, len(files))
	for _, f := range files {
		a, err := ingest.ReadFile(f, m)
		if err != nil {
			return nil, nil, err
		}
		arts = append(arts, a)
		bufs = append(bufs, []byte(a.Text))
	}
	return arts, bufs, nil
}

func runExtract(env *Env) (Result, func(), error) {
	arts, bufs, err := loadCorpus(env.Corpus)
	if err != nil {
		return Result{}, nil, err
	}
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return Result{}, nil, err
	}
	x := extract.New(g)
	var size int
	for _, b := range bufs {
		size += len(b)
	}
	// One core: the figure is per core, whatever the machine has.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	pass := func() {
		for _, a := range arts {
			x.Extract(a)
		}
	}
	for _, a := range arts[:min(50, len(arts))] { // warm up lazily built tables
		x.Extract(a)
	}
	best := time.Duration(1<<63 - 1)
	events := 0
	for i := 0; i < 3; i++ {
		t := time.Now()
		pass()
		if d := time.Since(t); d < best {
			best = d
		}
	}
	for _, a := range arts {
		events += len(x.Extract(a).Events)
	}
	gz, err := gzipRate(bufs)
	if err != nil {
		return Result{}, nil, err
	}
	mb := float64(size) / 1e6
	r := Result{Value: mb / best.Seconds(), Ref: mb / gz.Seconds(), RefUnit: "MB/s", RefWhat: "gzip -6 of the same bytes, one core",
		Note: fmt.Sprintf("%d articles, %.2f MB of article text (HTML pages as their main text), %d events found; best of 3 passes", len(arts), mb, events)}
	return r, pass, nil
}
