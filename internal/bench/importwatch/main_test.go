package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/gen"
	"github.com/briefingatlas/atlas/internal/geo"
)

// TestCancelLeavesWholeArticles imports a generated corpus from the window
// twice, once to the end and once cancelled in the middle, and checks that
// the cancelled store holds exactly the articles done before Cancel, each
// with every mention the finished import gave it: Cancel never leaves half
// an article. It also checks what the bench relies on: frames were painted
// while the import ran and the progress bar was seen moving (the import
// waits at one file for a frame, so that a quick one cannot end between
// two frames).
func TestCancelLeavesWholeArticles(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	const articles, cancelAt, holdAt = 40, 15, 20
	if _, err := gen.WriteCorpus(corpus, articles, gen.Options{Seed: 3, HTMLShare: 0.25}); err != nil {
		t.Fatal(err)
	}
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	a := test.NewTempApp(t)
	extractor := func() (*extract.Extractor, error) { return x, nil }

	full, whole, err := watch(a, extractor, watchOpts{corpus: corpus, db: filepath.Join(dir, "full.db"), holdAtFile: holdAt})
	if err != nil {
		t.Fatal(err)
	}
	if full.Imported != articles || len(whole) != articles || full.Err != "" {
		t.Fatalf("full import: %d imported, %d stored, error %q; want %d", full.Imported, len(whole), full.Err, articles)
	}
	if len(full.Idle) == 0 || len(full.Frames) == 0 || full.Callbacks != articles {
		t.Fatalf("full import: %d idle frames, %d frames during it, %d progress calls", len(full.Idle), len(full.Frames), full.Callbacks)
	}
	moved := false
	for _, f := range full.Frames {
		moved = moved || (f.Shown && f.Progress >= float64(holdAt)/articles && f.Progress < 1)
	}
	if !moved {
		t.Fatalf("no frame showed the progress bar at %d of %d or past it while the import ran", holdAt, articles)
	}

	cut, _, err := watch(a, extractor, watchOpts{corpus: corpus, db: filepath.Join(dir, "cut.db"), cancelAtFile: cancelAt, whole: whole})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cut.Err, context.Canceled.Error()) {
		t.Fatalf("cancelled import's error %q, want it to say %q", cut.Err, context.Canceled)
	}
	if cut.StoredArticles != cancelAt || cut.Imported != cancelAt {
		t.Fatalf("cancelled after %d files: %d articles stored, %d reported imported", cancelAt, cut.StoredArticles, cut.Imported)
	}
	if cut.Partial != 0 {
		t.Fatalf("%d of %d stored articles are not whole", cut.Partial, cut.StoredArticles)
	}
}

func TestMaxGap(t *testing.T) {
	tests := []struct {
		name string
		fs   []Frame
		want float64
	}{
		{"moves every frame", []Frame{{AtMS: 0, MS: 10, Progress: 0.1}, {AtMS: 10, MS: 10, Progress: 0.2}, {AtMS: 20, MS: 10, Progress: 0.3}}, 10},
		{"stalls in the middle", []Frame{{AtMS: 0, MS: 10, Progress: 0.1}, {AtMS: 10, MS: 10, Progress: 0.1}, {AtMS: 1500, MS: 10, Progress: 0.5}}, 1500},
		{"never moves", []Frame{{AtMS: 0, MS: 10}, {AtMS: 800, MS: 10}}, 810},
		{"moves less than a pixel", []Frame{{AtMS: 0, MS: 10, Progress: 0.001}, {AtMS: 700, MS: 10, Progress: 0.02}}, 710},
		{"the count on the bar moves though its fill does not", []Frame{{AtMS: 0, MS: 10, Progress: 0.0001, Label: "1 of 20,000"}, {AtMS: 400, MS: 10, Progress: 0.0002, Label: "2 of 20,000"}, {AtMS: 900, MS: 10, Progress: 0.0003, Label: "3 of 20,000"}}, 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := maxGap(tt.fs, 160); got != tt.want {
				t.Fatalf("maxGap = %v, want %v", got, tt.want)
			}
		})
	}
}
