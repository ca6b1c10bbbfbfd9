package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/shards"
	"github.com/briefingatlas/atlas/internal/sharedtest"
	"github.com/briefingatlas/atlas/internal/store"
)

// writeCorpusShards writes the first n articles of the sample corpus as
// the Beam pipeline would (one article line each, with its own extraction),
// spread over two shards in reverse order, so that the load has to sort
// them back.
func writeCorpusShards(t *testing.T, corpus, manifest, dir string, n int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
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
		if f.Err != nil || f.Skipped != "" || len(lines) == n {
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

// merges reads `atlas events` output as what a merge shows a reader: each
// event's dates, place and source sentences, one line per event, sorted;
// titles, notes and stars left out.
func merges(t *testing.T, jsonl string) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		if line == "" {
			continue
		}
		var r model.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad event line %q: %v", line, err)
		}
		var srcs []string
		for _, s := range r.Sources {
			srcs = append(srcs, fmt.Sprintf("%s:%d-%d", s.File, s.Start, s.End))
		}
		sort.Strings(srcs)
		place := ""
		if r.Place != nil {
			place = fmt.Sprintf("%s@%.3f,%.3f", r.Place.Name, r.Place.Lat, r.Place.Lon)
		}
		out = append(out, fmt.Sprintf("%s..%s %s %s %s [%s]", r.Start, r.End, r.Precision, r.Kind, place, strings.Join(srcs, " ")))
	}
	sort.Strings(out)
	return out
}

// TestImportEventsMatchesImport: `atlas import --events` of the corpus's
// shards gives the events `atlas import` gives on the same files, a second
// load changes nothing, and import-events is the same command.
func TestImportEventsMatchesImport(t *testing.T) {
	corpus := sharedtest.Corpus(t)
	manifest := filepath.Join(corpus, "sources.csv")
	tmp := t.TempDir()
	out := filepath.Join(tmp, "shards")
	writeCorpusShards(t, corpus, manifest, out, 5)

	imported := filepath.Join(tmp, "import.db")
	if code, o, e := run("import", "-q", "--db", imported, "--manifest", manifest, corpus); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, o, e)
	}
	_, want, _ := run("events", "--db", imported)
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"import --events", []string{"import", "-q", "--events", out}},
		{"import-events", []string{"import-events", "-q", out}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			loaded := filepath.Join(t.TempDir(), "loaded.db")
			args := append(tt.args, "--db", loaded)
			code, o, e := run(args...)
			if code != 0 || !strings.Contains(o, "Imported 5 articles") {
				t.Fatalf("%s: exit %d\n%s%s", tt.name, code, o, e)
			}
			_, got, _ := run("events", "--db", loaded)
			if want == "" || got != want {
				t.Fatalf("events after %s differ from import's:\n--- import\n%s--- %s\n%s", tt.name, want, tt.name, got)
			}
			code, o, e = run(args...)
			if code != 0 || !strings.Contains(o, "Already present: 5 articles") || !strings.Contains(o, "No new articles") {
				t.Fatalf("second %s: exit %d\n%s%s", tt.name, code, o, e)
			}
			if _, again, _ := run("events", "--db", loaded); again != got {
				t.Errorf("the second %s changed the events", tt.name)
			}
		})
	}
}

// TestImportEventsKeepsEdits: events starred, annotated and retitled after
// loading the shards of some articles keep those edits when the shards of
// all of them are loaded (the new articles' reports merge into them, the
// others are already present), and the merges are those of `atlas import`.
func TestImportEventsKeepsEdits(t *testing.T) {
	corpus := sharedtest.Corpus(t)
	manifest := filepath.Join(corpus, "sources.csv")
	tmp := t.TempDir()
	some, all := filepath.Join(tmp, "some"), filepath.Join(tmp, "all")
	writeCorpusShards(t, corpus, manifest, some, 3)
	writeCorpusShards(t, corpus, manifest, all, 5)
	db := filepath.Join(tmp, "loaded.db")
	if code, o, e := run("import", "-q", "--db", db, "--events", some); code != 0 || !strings.Contains(o, "Imported 3 articles") {
		t.Fatalf("first load: exit %d\n%s%s", code, o, e)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{})
	if err != nil || len(evs) == 0 {
		st.Close()
		t.Fatalf("stored events: %d, %v", len(evs), err)
	}
	for _, e := range evs {
		for _, edit := range []error{
			st.SetInBriefing(e.ID, true),
			st.SetNote(e.ID, fmt.Sprintf("note %d", e.ID)),
			st.SetEventTitle(e.ID, fmt.Sprintf("Title %d", e.ID)),
		} {
			if edit != nil {
				st.Close()
				t.Fatal(edit)
			}
		}
	}
	st.Close()
	code, o, e := run("import", "-q", "--db", db, "--events", all)
	if code != 0 || !strings.Contains(o, "Imported 2 articles") || !strings.Contains(o, "Already present: 3 articles") {
		t.Fatalf("second load: exit %d\n%s%s", code, o, e)
	}
	if !strings.Contains(o, "merged with events already stored") || strings.Contains(o, ", 0 merged with events already stored") {
		t.Errorf("the new articles merged nothing into the edited events, so the test shows little:\n%s", o)
	}
	st, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, before := range evs {
		after, err := st.Event(before.ID)
		if err != nil {
			t.Fatalf("event %d: %v", before.ID, err)
		}
		if !after.InBriefing || after.Note != fmt.Sprintf("note %d", before.ID) || after.Title != fmt.Sprintf("Title %d", before.ID) {
			t.Errorf("event %d lost its edits: starred %v, note %q, title %q", before.ID, after.InBriefing, after.Note, after.Title)
		}
	}
	imported := filepath.Join(tmp, "import.db")
	if code, o, e := run("import", "-q", "--db", imported, "--manifest", manifest, corpus); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, o, e)
	}
	_, want, _ := run("events", "--db", imported)
	_, got, _ := run("events", "--db", db)
	if w, g := merges(t, want), merges(t, got); strings.Join(w, "\n") != strings.Join(g, "\n") {
		t.Errorf("merges differ from atlas import's:\n--- import\n%s\n--- loaded in two steps, edited\n%s", strings.Join(w, "\n"), strings.Join(g, "\n"))
	}
}

// TestImportEventsUsage: no folder, or not a folder, is a usage error; a
// folder without shards fails and says why; --events takes no other paths.
func TestImportEventsUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"alias without folder", []string{"import-events", "--db", db}, 2, "name the pipeline's output folder"},
		{"missing folder", []string{"import", "--db", db, "--events", filepath.Join(dir, "missing")}, 2, "is not a folder"},
		{"files besides", []string{"import", "--db", db, "--events", dir, dir}, 2, "alone"},
		{"manifest besides", []string{"import", "--db", db, "--events", dir, "--manifest", "x.csv"}, 2, "alone"},
		{"no shards", []string{"import", "--db", db, "--events", dir}, 1, "no articles-*.jsonl shards"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, e := run(tt.args...)
			if code != tt.code || !strings.Contains(e, tt.err) {
				t.Errorf("exit %d, want %d; stderr %q, want %q in it", code, tt.code, e, tt.err)
			}
		})
	}
}
