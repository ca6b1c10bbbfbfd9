package store_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"github.com/briefingatlas/atlas/internal/sharedtest"
	"github.com/briefingatlas/atlas/internal/store"
)

// TestStoredWordsFollowTheSentences: the match words the store keeps with
// each event (what a new report is compared with instead of its sentences)
// are those of the sentences the event cites, after an import whose
// reports merge, a changed version of an article of a merged event, a
// re-extraction, the deletion of an article and its import again, and
// after the upgrade that works them out for a store written before.
func TestStoredWordsFollowTheSentences(t *testing.T) {
	ctx := context.Background()
	// A copy of the sample corpus, whose files can change.
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(sharedtest.Corpus(t), "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := ingest.LoadManifest(filepath.Join(dir, "sources.csv"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "atlas.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { st.Close() }()
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	// As `atlas import` and the app merge.
	opts := pipeline.Options{Manifest: m, SameEvent: extract.SameEvent, Match: extract.Match, Screen: extract.MaySameEvent}
	imp := func(paths ...string) pipeline.Summary {
		t.Helper()
		sum, err := pipeline.Import(ctx, st, x, paths, opts, nil)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	check := func(when string) map[string][]string {
		t.Helper()
		wrong, stored, err := st.WordsProblems()
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		if len(wrong) > 0 {
			t.Errorf("%s: %d of %d events keep words other than their sentences' (%s)", when, len(wrong), len(stored), strings.Join(wrong, ", "))
		}
		return stored
	}
	// The events that hold reports of two articles or more.
	merged := func() []model.Event {
		t.Helper()
		var out []model.Event
		for _, e := range allEvents(t, st) {
			arts := map[int64]bool{}
			for _, s := range e.Sources {
				arts[s.ArticleID] = true
			}
			if len(arts) > 1 {
				out = append(out, e)
			}
		}
		return out
	}

	if sum := imp(dir); sum.Imported != 5 {
		t.Fatalf("imported %+v", sum)
	}
	first := check("after import")
	ms := merged()
	if len(ms) == 0 {
		t.Fatal("no event merged from two articles: the test needs one")
	}
	ev := ms[0]

	// A changed version of one of its articles (same file, so the store
	// updates it in place) with a word of its sentence that no other
	// sentence of the event has replaced by another: the event's words
	// lose the one and gain the other.
	src := ev.Sources[len(ev.Sources)-1]
	rest := ev
	rest.Sources = ev.Sources[:len(ev.Sources)-1]
	restWords := extract.MatchWords(&rest)
	wordOf := func(s string) string {
		w := extract.MatchWords(&model.Event{Sources: []model.Source{{Text: s}}})
		if len(w) != 1 {
			return ""
		}
		return w[0]
	}
	var dropped string
	at := -1
	for _, f := range strings.Fields(src.Text) {
		if w := wordOf(f); w != "" && !slices.Contains(restWords, w) {
			dropped, at = f, src.Start+strings.Index(src.Text, f)
			break
		}
	}
	if at < 0 {
		t.Fatalf("no word of %q is its own", src.Text)
	}
	a, err := st.Article(src.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	text := a.Text[:at] + "unannounced" + a.Text[at+len(dropped):]
	if err := os.WriteFile(a.Path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum := imp(dir); sum.Updated != 1 {
		t.Fatalf("the changed version: %+v, want one article updated", sum)
	}
	after := check("after a changed version")
	if w := after[ev.Key]; !slices.Contains(w, wordOf("unannounced")) || slices.Contains(w, wordOf(dropped)) {
		t.Errorf("event %q: words %q, want %q for %q", ev.Title, w, wordOf("unannounced"), wordOf(dropped))
	}

	if err := pipeline.Reextract(ctx, st, x, extract.SameEvent, nil); err != nil {
		t.Fatal(err)
	}
	check("after re-extraction")

	// Deleting the other article of the merged event leaves it with the
	// changed article's words alone.
	other := ev.Sources[0].ArticleID
	if other == src.ArticleID {
		t.Fatal("the merged event's first and last sources are of one article")
	}
	if err := st.DeleteArticle(ctx, other); err != nil {
		t.Fatal(err)
	}
	gone := check("after deleting an article")
	if w, ok := gone[ev.Key]; ok && slices.Equal(w, after[ev.Key]) {
		t.Errorf("event %q kept the words %q of the deleted article's sentences", ev.Title, w)
	}
	if sum := imp(dir); sum.Imported != 1 {
		t.Fatalf("import after delete: %+v", sum)
	}
	again := check("after importing it again")

	// A store of schema 16 had no words: the upgrade works them out.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TABLE event_words`, `PRAGMA user_version = 16`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if st, err = store.Open(path); err != nil {
		t.Fatal(err)
	}
	upgraded := check("after the upgrade from schema 16")
	for k, w := range again {
		if !slices.Equal(upgraded[k], w) {
			t.Errorf("event %s: words %q after the upgrade, %q before", k, upgraded[k], w)
		}
	}
	if len(first) == 0 || len(upgraded) != len(again) {
		t.Errorf("%d events after the upgrade, %d before; %d after the first import", len(upgraded), len(again), len(first))
	}
}
