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

// wordsFixture is a store with the sample corpus imported as `atlas
// import` does, from a copy whose files can change, and the checks that
// its events' match words and search entries are what their sentences make.
type wordsFixture struct {
	t    *testing.T
	st   *store.Store
	path string // the store's file
	dir  string // the corpus's copy
	m    *ingest.Manifest
	x    *extract.Extractor
}

func newWordsFixture(t *testing.T) *wordsFixture {
	t.Helper()
	f := &wordsFixture{t: t, dir: t.TempDir(), path: filepath.Join(t.TempDir(), "atlas.db")}
	files, err := filepath.Glob(filepath.Join(sharedtest.Corpus(t), "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(f.dir, filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if f.m, err = ingest.LoadManifest(filepath.Join(f.dir, "sources.csv")); err != nil {
		t.Fatal(err)
	}
	if f.st, err = store.Open(f.path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.st.Close() })
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	f.x = extract.New(g)
	if sum := f.imp(f.m, f.dir); sum.Imported != 5 {
		t.Fatalf("imported %+v", sum)
	}
	return f
}

// imp imports paths with manifest m, merging as `atlas import` and the app do.
func (f *wordsFixture) imp(m *ingest.Manifest, paths ...string) pipeline.Summary {
	f.t.Helper()
	opts := pipeline.Options{Manifest: m, SameEvent: extract.SameEvent, Match: extract.Match, Screen: extract.MaySameEvent}
	sum, err := pipeline.Import(context.Background(), f.st, f.x, paths, opts, nil)
	if err != nil {
		f.t.Fatal(err)
	}
	return sum
}

// check fails the test when an event's stored words are not those of its
// sentences, or a search entry not what the store would write now; it
// returns every event's stored words by key.
func (f *wordsFixture) check(when string) map[string][]string {
	f.t.Helper()
	wrong, stored, err := f.st.WordsProblems()
	if err != nil {
		f.t.Fatalf("%s: %v", when, err)
	}
	if len(wrong) > 0 {
		f.t.Errorf("%s: %d of %d events keep words other than their sentences' (%s)", when, len(wrong), len(stored), strings.Join(wrong, ", "))
	}
	// The search entries too, which a merge may leave as they are.
	stale, missing, differ, err := f.st.SearchIndexProblems()
	if err != nil {
		f.t.Fatalf("%s: %v", when, err)
	}
	if stale+missing+differ != 0 {
		f.t.Errorf("%s: %d stale search entries, %d events missing, %d entries out of date", when, stale, missing, differ)
	}
	if keys, err := f.st.EntriesNotRewritten(); err != nil || len(keys) > 0 {
		f.t.Errorf("%s: search entries of events %s not as they would be written now (%v)", when, strings.Join(keys, ", "), err)
	}
	return stored
}

// merged returns the events that hold reports of two articles or more.
func (f *wordsFixture) merged() []model.Event {
	f.t.Helper()
	var out []model.Event
	for _, e := range allEvents(f.t, f.st) {
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

// TestStoredWordsFollowTheSentences: the match words the store keeps with
// each event (what a new report is compared with instead of its sentences)
// are those of the sentences the event cites, after an import whose
// reports merge, a changed version of an article of a merged event, a
// re-extraction, the deletion of an article and its import again, after
// the upgrade that works them out for a store written before, and when
// they were made by another rule.
func TestStoredWordsFollowTheSentences(t *testing.T) {
	f := newWordsFixture(t)
	st, dir, x := f.st, f.dir, f.x
	ctx := context.Background()
	imp := func(paths ...string) pipeline.Summary { t.Helper(); return f.imp(f.m, paths...) }
	check, merged := f.check, f.merged
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

	// A store of schema 16 had no words (nor the mark of a guessed place,
	// added by 18): the upgrade works them out.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", f.path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TABLE event_words`, `ALTER TABLE events DROP COLUMN x_place_guessed`, `PRAGMA user_version = 16`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if f.st, err = store.Open(f.path); err != nil {
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

	// Words made by another rule (an older extractor's stop words) are
	// worked out again when the store is opened.
	if err := f.st.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = sql.Open("sqlite3", f.path); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE event_words SET words = 'stale'`, `UPDATE meta SET value = 'rOlder' WHERE name = 'match_words'`} {
		if r, err := db.Exec(q); err != nil {
			t.Fatal(err)
		} else if n, _ := r.RowsAffected(); n == 0 {
			t.Fatalf("%s: no row", q)
		}
	}
	db.Close()
	if f.st, err = store.Open(f.path); err != nil {
		t.Fatal(err)
	}
	check("after opening words of another rule")
}

// TestCopiesLeaveSearchEntriesRight: reports that add no sentence to an
// event leave its search entry as it is (entryHolds), which must then be
// exactly what the store would write: two copies of the corpus's first
// article, one of whose events its extraction cites in another order than
// the store's, so that its first copy must rewrite that entry.
func TestCopiesLeaveSearchEntriesRight(t *testing.T) {
	f := newWordsFixture(t)
	st, dir := f.st, f.dir
	f.check("after import")
	// Each copy has a last line of its own and is listed in the manifest.
	orig, err := st.Article(1)
	if err != nil {
		t.Fatal(err)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "sources.csv"))
	if err != nil {
		t.Fatal(err)
	}
	row := ""
	for _, l := range strings.Split(string(csv), "\n") {
		if strings.HasPrefix(l, filepath.Base(orig.Path)+",") {
			row = strings.TrimPrefix(l, filepath.Base(orig.Path))
		}
	}
	if row == "" {
		t.Fatalf("%s is not in the manifest", orig.Path)
	}
	copies := t.TempDir()
	var rows strings.Builder
	rows.WriteString(strings.Split(string(csv), "\n")[0] + "\n")
	for _, n := range []string{"1", "2"} {
		name := "copy" + n + ".txt"
		if err := os.WriteFile(filepath.Join(copies, name), []byte(orig.Text+"\n\nCopy "+n+".\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		rows.WriteString(name + strings.Replace(row, "http", "copy"+n+"+http", 1) + "\n")
	}
	if err := os.WriteFile(filepath.Join(copies, "sources.csv"), []byte(rows.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cm, err := ingest.LoadManifest(filepath.Join(copies, "sources.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if sum := f.imp(cm, copies); sum.Imported != 2 || sum.Merged == 0 {
		t.Fatalf("the copies: %+v, want 2 imported, their events merged", sum)
	}
	f.check("after two copies")
}
