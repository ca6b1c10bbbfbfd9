package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/shards"
	"github.com/briefingatlas/atlas/internal/sharedtest"
)

// writeCorpusShards writes the sample corpus as the Beam pipeline would
// (one article line each, with its own extraction), spread over two shards
// in reverse order, so that the load has to sort them back.
func writeCorpusShards(t *testing.T, corpus, manifest, dir string) {
	t.Helper()
	m, err := ingest.LoadManifest(manifest)
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	var lines []string
	for i, f := range ingest.Walk([]string{corpus}) {
		if f.Err != nil || f.Skipped != "" {
			continue
		}
		a, err := ingest.ReadFile(f.Path, m)
		if err != nil {
			t.Fatal(err)
		}
		if abs, err := filepath.Abs(a.Path); err == nil {
			a.Path = abs
		}
		b, err := json.Marshal(shards.NewArticle(fmt.Sprintf("0000/%09d", i), a, x.Extract(a)))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	var s0, s1 strings.Builder
	for i := len(lines) - 1; i >= 0; i-- {
		w := &s0
		if i%2 == 1 {
			w = &s1
		}
		w.WriteString(lines[i] + "\n")
	}
	for i, s := range []string{s0.String(), s1.String()} {
		if err := os.WriteFile(filepath.Join(dir, shards.ShardName(shards.ArticlesPrefix, i, 2)), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestImportEventsMatchesImport: loading the corpus's shards gives the
// events `atlas import` gives on the same files, and a second load changes
// nothing.
func TestImportEventsMatchesImport(t *testing.T) {
	corpus := sharedtest.Corpus(t)
	manifest := filepath.Join(corpus, "sources.csv")
	tmp := t.TempDir()
	out := filepath.Join(tmp, "shards")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	writeCorpusShards(t, corpus, manifest, out)

	imported := filepath.Join(tmp, "import.db")
	if code, o, e := run("import", "-q", "--db", imported, "--manifest", manifest, corpus); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, o, e)
	}
	loaded := filepath.Join(tmp, "loaded.db")
	code, o, e := run("import-events", "-q", "--db", loaded, out)
	if code != 0 || !strings.Contains(o, "Imported 5 articles") {
		t.Fatalf("import-events: exit %d\n%s%s", code, o, e)
	}
	_, want, _ := run("events", "--db", imported)
	_, got, _ := run("events", "--db", loaded)
	if want == "" || got != want {
		t.Fatalf("events after import-events differ from import's:\n--- import\n%s--- import-events\n%s", want, got)
	}
	code, o, e = run("import-events", "-q", "--db", loaded, out)
	if code != 0 || !strings.Contains(o, "Already present: 5 articles") || !strings.Contains(o, "No new articles") {
		t.Fatalf("second import-events: exit %d\n%s%s", code, o, e)
	}
	if _, again, _ := run("events", "--db", loaded); again != got {
		t.Error("the second import-events changed the events")
	}
}

// TestImportEventsUsage: no folder, or not a folder, is a usage error; a
// folder without shards fails and says why.
func TestImportEventsUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, _ := run("import-events", "--db", db); code != 2 {
		t.Errorf("no folder: exit %d, want 2", code)
	}
	if code, _, _ := run("import-events", "--db", db, filepath.Join(t.TempDir(), "missing")); code != 2 {
		t.Errorf("missing folder: exit %d, want 2", code)
	}
	code, _, e := run("import-events", "--db", db, t.TempDir())
	if code != 1 || !strings.Contains(e, "no articles-*.jsonl shards") {
		t.Errorf("empty folder: exit %d, %q", code, e)
	}
}
