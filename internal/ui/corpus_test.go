package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"github.com/briefingatlas/atlas/internal/sharedtest"
	"github.com/briefingatlas/atlas/internal/store"
)

// corpusStore imports the sample corpus with the real extractor into a new
// store in a temporary folder.
func corpusStore(t testing.TB) *store.Store {
	t.Helper()
	dir := sharedtest.Corpus(t)
	path := filepath.Join(t.TempDir(), "atlas.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m, err := ingest.LoadManifest(filepath.Join(dir, "sources.csv"))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := pipeline.Import(context.Background(), st, extract.New(g), []string{dir}, pipeline.Options{Manifest: m, SameEvent: extract.SameEvent}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported == 0 {
		t.Fatalf("imported nothing from %s: %+v", dir, sum)
	}
	return st
}

// TestBuildDevStore writes the corpus store to ATLAS_DEV_DB, for looking at
// the app by hand before the command-line import is available.
func TestBuildDevStore(t *testing.T) {
	out := os.Getenv("ATLAS_DEV_DB")
	if out == "" {
		t.Skip("set ATLAS_DEV_DB=path to write a store of the sample corpus")
	}
	st := corpusStore(t)
	s, err := st.Stats()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stats %+v", s)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
