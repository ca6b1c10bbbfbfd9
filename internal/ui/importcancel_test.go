package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/sharedtest"
	"github.com/briefingatlas/atlas/internal/store"
)

// TestImportCancelFromTheWindow imports many articles through the app's own
// importer, taps the status bar's Cancel once a few are stored, and checks
// that the bar counts the articles, that the import stops early, says it
// was cancelled, keeps exactly the articles it counts, and puts the bar and
// the button away.
func TestImportCancelFromTheWindow(t *testing.T) {
	corpus := sharedtest.Corpus(t)
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample articles in %s: %v", corpus, err)
	}
	// Distinct copies of the sample's articles (an identical text would be
	// skipped as already stored).
	const copies = 40
	for i := 0; i < copies; i++ {
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, fmt.Sprintf("\nCopy %d of this article.\n", i)...)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d_%s", i, filepath.Base(f))), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	total := copies * len(files)
	st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	app := PipelineImporter(st, func() (*extract.Extractor, error) { return x, nil })
	var m *MainWindow
	tapped := false
	imp := func(ctx context.Context, paths []string, progress func(int, int, string)) (ImportSummary, error) {
		return app(ctx, paths, func(done, n int, file string) {
			progress(done, n, file)
			if done >= 5 && !tapped {
				tapped = true
				fyne.Do(func() {
					if !m.cancelImport.Visible() {
						t.Error("no Cancel button while importing")
					}
					// The bar counts articles, so that it moves with each
					// one however many there are.
					if got, want := m.progress.TextFormatter(), counts.Sprintf("%d of %d", done, n); got != want {
						t.Errorf("progress bar says %q, want %q", got, want)
					}
					test.Tap(m.cancelImport)
				})
			}
		})
	}
	done := make(chan ImportSummary, 1)
	m = newWindow(t, st, Options{Import: imp})
	m.StartImport([]string{dir}, func(s ImportSummary, err error) {
		if err != nil {
			t.Errorf("a cancelled import reports an error: %v", err)
		}
		done <- s
	})
	var sum ImportSummary
	select {
	case sum = <-done:
	case <-time.After(3 * time.Minute):
		t.Fatal("the cancelled import did not stop")
	}
	if !sum.Cancelled {
		t.Error("the summary does not say the import was cancelled")
	}
	if sum.Imported == 0 || sum.Imported >= total {
		t.Errorf("%d of %d articles imported: want some, not all", sum.Imported, total)
	}
	stats, err := st.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != sum.Imported {
		t.Errorf("the store holds %d articles, the summary says %d", stats.Articles, sum.Imported)
	}
	if m.cancelImport.Visible() || m.progress.Visible() {
		t.Error("Cancel or the progress bar still showing after the import stopped")
	}
}
