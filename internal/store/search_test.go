package store_test

import (
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"github.com/briefingatlas/atlas/internal/sharedtest"
	"github.com/briefingatlas/atlas/internal/store"
)

// corpusStore imports the sample corpus with its manifest and the real
// extractor into a new store in a temporary folder.
func corpusStore(t *testing.T) (*store.Store, func() pipeline.Summary) {
	t.Helper()
	dir := sharedtest.Corpus(t)
	m, err := ingest.LoadManifest(sharedtest.Manifest(t))
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	imp := func() pipeline.Summary {
		t.Helper()
		sum, err := pipeline.Import(context.Background(), st, x, []string{dir}, pipeline.Options{Manifest: m, SameEvent: extract.SameEvent}, nil)
		if err != nil {
			t.Fatalf("import the sample corpus: %v", err)
		}
		return sum
	}
	if sum := imp(); sum.Imported != 5 {
		t.Fatalf("imported %+v", sum)
	}
	return st, imp
}

// allEvents returns every visible event, dated and undated, with sources.
func allEvents(t *testing.T, st *store.Store) []model.Event {
	t.Helper()
	evs, err := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	und, err := st.Undated(store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return append(evs, und...)
}

// said reports whether one of e's source sentences matches re.
func said(e model.Event, re *regexp.Regexp) bool {
	for _, s := range e.Sources {
		if re.MatchString(s.Text) {
			return true
		}
	}
	return false
}

func matching(t *testing.T, st *store.Store, q string) []store.EventHit {
	t.Helper()
	hits, err := st.EventsMatching(context.Background(), q, 0)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return hits
}

func ids(hits []store.EventHit) []int64 {
	var out []int64
	for _, h := range hits {
		out = append(out, h.Event.ID)
	}
	slices.Sort(out)
	return out
}

// TestSearchFindsEventsByTheirSentences checks a phrase and a prefix
// against the source text itself: every event found says it, and every
// event that says it is found.
func TestSearchFindsEventsByTheirSentences(t *testing.T) {
	st, _ := corpusStore(t)
	all := allEvents(t, st)
	tests := []struct {
		query string
		says  *regexp.Regexp
		bold  *regexp.Regexp // what the snippet marks
	}{
		{`"chemical weapons"`, regexp.MustCompile(`(?i)\bchemical weapons\b`), regexp.MustCompile(`(?i)^chemical weapons$`)},
		{`negotiat*`, regexp.MustCompile(`(?i)\bnegotiat`), regexp.MustCompile(`(?i)^negotiat\w*$`)},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits := matching(t, st, tt.query)
			if len(hits) == 0 {
				t.Fatal("no event found")
			}
			found := map[int64]bool{}
			for _, h := range hits {
				found[h.Event.ID] = true
				if !said(h.Event, tt.says) && !tt.says.MatchString(h.Event.Title) {
					t.Errorf("%q found, but neither its title nor its sentences say it: %+v", h.Event.Title, h.Event.Sources)
				}
				var bold []string
				for _, p := range h.Snippet {
					if p.Match {
						bold = append(bold, p.Text)
						if !tt.bold.MatchString(p.Text) {
							t.Errorf("snippet of %q marks %q", h.Event.Title, p.Text)
						}
					}
				}
				if len(bold) == 0 {
					t.Errorf("snippet of %q marks nothing: %s", h.Event.Title, store.SnippetText(h.Snippet))
				}
			}
			for _, e := range all {
				if said(e, tt.says) && !found[e.ID] {
					t.Errorf("%q says it in %q but was not found", e.Title, e.Sources[0].Text)
				}
			}
			// Best first: scores never get better down the list.
			for i := 1; i < len(hits); i++ {
				if hits[i].Score < hits[i-1].Score {
					t.Errorf("hit %d scores %.3f after %.3f", i, hits[i].Score, hits[i-1].Score)
				}
			}
			t.Logf("%s: %d events; best %q: %s", tt.query, len(hits), hits[0].Event.Title, store.SnippetText(hits[0].Snippet))
		})
	}
}

func TestSearchOperators(t *testing.T) {
	st, _ := corpusStore(t)
	set := func(q string) map[int64]bool {
		m := map[int64]bool{}
		for _, h := range matching(t, st, q) {
			m[h.Event.ID] = true
		}
		return m
	}
	sorted := func(m map[int64]bool, keep func(int64) bool) []int64 {
		var out []int64
		for id := range m {
			if keep(id) {
				out = append(out, id)
			}
		}
		slices.Sort(out)
		return out
	}
	neg, putin, chem, ceasefire := set(`negotiat*`), set(`Putin`), set(`"chemical weapons"`), set(`ceasefire`)
	both := sorted(neg, func(id int64) bool { return putin[id] })
	negOnly := sorted(neg, func(id int64) bool { return !putin[id] })
	if len(both) == 0 || len(negOnly) == 0 || len(chem) == 0 {
		t.Fatalf("the corpus should have negotiations with and without Putin, and chemical weapons: %v, %v, %d", both, negOnly, len(chem))
	}
	union := map[int64]bool{}
	for id := range chem {
		union[id] = true
	}
	for id := range ceasefire {
		union[id] = true
	}
	all := func(int64) bool { return true }
	tests := []struct {
		query string
		want  []int64
	}{
		{`negotiat* AND Putin`, both},
		{`negotiat* Putin`, both}, // side by side is AND
		{`negotiat* NOT Putin`, negOnly},
		{`"chemical weapons" OR ceasefire`, sorted(union, all)},
		{`("chemical weapons" OR ceasefire) AND negotiat*`, sorted(union, func(id int64) bool { return neg[id] })},
		{`negotiat* NOT (Putin OR ceasefire)`, sorted(neg, func(id int64) bool { return !putin[id] && !ceasefire[id] })},
	}
	for _, tt := range tests {
		if got := ids(matching(t, st, tt.query)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: events %v, want %v", tt.query, got, tt.want)
		}
	}
	// Lower-case operators are words, as in the text.
	if got := ids(matching(t, st, `negotiat* not Putin`)); slices.Equal(got, negOnly) && len(got) > 0 {
		t.Errorf("lower-case not was read as an operator: %v", got)
	}
}

func TestSearchMalformedQueriesDoNotFail(t *testing.T) {
	st, _ := corpusStore(t)
	ctx := context.Background()
	plain := ids(matching(t, st, `chemical weapons`))
	if len(plain) == 0 {
		t.Fatal("chemical weapons found nothing")
	}
	for _, q := range []string{
		`"chemical weapons`, `chemical weapons"`, `chemical AND weapons OR`, `AND chemical weapons`,
		`NOT chemical weapons`, `chemical NOT NOT weapons`, `(chemical weapons`, `chemical) weapons(`,
		`chemical () weapons`, `chemical: weapons^`, `chemical* weapons**`, `-chemical +weapons`,
		`chemical' weapons'`, `chemical OR OR weapons`, `chemical {weapons}`, `weapons chemical,`,
	} {
		hits, err := st.EventsMatching(ctx, q, 10)
		if err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		if len(hits) == 0 {
			t.Errorf("%s: found nothing, want the plain words' events", q)
		}
		if _, err := st.ArticlesMatching(ctx, q, 10); err != nil {
			t.Errorf("articles %s: %v", q, err)
		}
		if _, err := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{Text: q}); err != nil {
			t.Errorf("filter %s: %v", q, err)
		}
	}
	// An unclosed quote searches the words it holds, all of them.
	if got := ids(matching(t, st, `"chemical weapons`)); !slices.Equal(got, plain) {
		t.Errorf("unclosed quote: %v, want the plain words' %v", got, plain)
	}
	// FTS5's own syntax is words here, and no error either.
	for _, q := range []string{`NEAR(chemical weapons)`, `title:chemical`, `{title}: x`, `chemical + weapons`, `^chemical`} {
		if _, err := st.EventsMatching(ctx, q, 10); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
	// Nothing to search for is no search, not an error.
	for _, q := range []string{``, `"`, `""`, `()`, `AND`, `*`, `?!`, `NOT`} {
		hits, err := st.EventsMatching(ctx, q, 10)
		if err != nil || len(hits) != 0 {
			t.Errorf("%q: %d hits, %v", q, len(hits), err)
		}
	}
}

// TestSearchArticlesWithoutEvents finds words of an article that no event's
// sentence holds.
func TestSearchArticlesWithoutEvents(t *testing.T) {
	st, _ := corpusStore(t)
	ctx := context.Background()
	// "bipartisan" is in the 2013 ABC article; find out whether an event
	// carries it, and pick a word that only the article has.
	word := ""
	for _, w := range []string{"bipartisan", "Kremlin", "unacceptable", "seriously", "sanctions", "humanitarian"} {
		evs := matching(t, st, w)
		arts, err := st.ArticlesMatching(ctx, w, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 && len(arts) > 0 {
			word = w
			a := arts[0]
			full, err := st.Article(a.Article.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got := full.Text[a.First.Start:a.First.End]; !strings.EqualFold(got, w) {
				t.Errorf("first match of %q at %v reads %q", w, a.First, got)
			}
			if len(a.Snippet) == 0 || a.Article.Title == "" && a.Article.Path == "" {
				t.Errorf("article hit %+v", a)
			}
			break
		}
		// An article whose events match is not listed.
		for _, a := range arts {
			for _, e := range evs {
				for _, s := range e.Event.Sources {
					if s.ArticleID == a.Article.ID {
						t.Errorf("%s: article %d listed though its event %q matches", w, a.Article.ID, e.Event.Title)
					}
				}
			}
		}
	}
	if word == "" {
		t.Fatal("no word found only in an article's text")
	}
}

// TestSearchIndexFollowsReimport imports, re-imports, re-extracts, deletes
// and imports again, checking after each that the index holds exactly the
// stored events with their current sentences.
func TestSearchIndexFollowsReimport(t *testing.T) {
	st, imp := corpusStore(t)
	ctx := context.Background()
	check := func(when string) {
		t.Helper()
		stale, missing, differ, err := st.SearchIndexProblems()
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		if stale+missing+differ != 0 {
			t.Errorf("%s: %d stale entries, %d events missing, %d entries out of date", when, stale, missing, differ)
		}
	}
	check("after import")
	before := ids(matching(t, st, `"chemical weapons"`))

	if sum := imp(); sum.Imported != 0 {
		t.Fatalf("re-import imported %d", sum.Imported)
	}
	check("after re-import")
	if got := ids(matching(t, st, `"chemical weapons"`)); !slices.Equal(got, before) {
		t.Errorf("re-import: %v, want %v", got, before)
	}

	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	if err := pipeline.Reextract(ctx, st, extract.New(g), extract.SameEvent, nil); err != nil {
		t.Fatal(err)
	}
	check("after re-extraction")
	if got := matching(t, st, `"chemical weapons"`); len(got) != len(before) {
		t.Errorf("re-extraction: %d events, want %d", len(got), len(before))
	}

	// Deleting the article that says it leaves no event, and no entry, with it.
	hits := matching(t, st, `"chemical weapons"`)
	art := hits[0].Event.Sources[0].ArticleID
	if err := st.DeleteArticle(ctx, art); err != nil {
		t.Fatal(err)
	}
	check("after deleting an article")
	for _, h := range matching(t, st, `"chemical weapons"`) {
		for _, s := range h.Event.Sources {
			if s.ArticleID == art {
				t.Errorf("deleted article's sentence still found: %q", s.Text)
			}
		}
		if !said(h.Event, regexp.MustCompile(`(?i)chemical weapons`)) {
			t.Errorf("%q found by a sentence no longer stored", h.Event.Title)
		}
	}
	arts, err := st.ArticlesMatching(ctx, `"chemical weapons"`, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if a.Article.ID == art {
			t.Error("deleted article still found")
		}
	}

	if sum := imp(); sum.Imported != 1 {
		t.Fatalf("import after delete imported %d", sum.Imported)
	}
	check("after importing it again")
	if got := matching(t, st, `"chemical weapons"`); len(got) != len(before) {
		t.Errorf("after importing again: %d events, want %d", len(got), len(before))
	}
}

// TestSearchFindsMergedSentences: an event the user merged another into is
// found by the other's sentences, and no longer once they are unmerged.
func TestSearchFindsMergedSentences(t *testing.T) {
	st, _ := corpusStore(t)
	chem := matching(t, st, `"chemical weapons"`)
	var other model.Event
	for _, e := range allEvents(t, st) {
		if !said(e, regexp.MustCompile(`(?i)chemical`)) && !strings.Contains(strings.ToLower(e.Title), "chemical") {
			other = e
			break
		}
	}
	if other.ID == 0 || len(chem) == 0 {
		t.Fatal("no events to merge")
	}
	if err := st.MergeEvents(other.ID, chem[0].Event.ID); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range matching(t, st, `"chemical weapons"`) {
		found = found || h.Event.ID == other.ID
		if h.Event.ID == chem[0].Event.ID {
			t.Error("the event merged away is still listed")
		}
	}
	if !found {
		t.Errorf("%q does not carry the sentences merged into it", other.Title)
	}
	if stale, missing, differ, err := st.SearchIndexProblems(); err != nil || stale+missing+differ != 0 {
		t.Errorf("after merging: %d stale, %d missing, %d out of date, %v", stale, missing, differ, err)
	}
	if err := st.UnmergeEvent(chem[0].Event.ID); err != nil {
		t.Fatal(err)
	}
	for _, h := range matching(t, st, `"chemical weapons"`) {
		if h.Event.ID == other.ID {
			t.Errorf("%q still found by sentences unmerged from it", other.Title)
		}
	}
	if stale, missing, differ, err := st.SearchIndexProblems(); err != nil || stale+missing+differ != 0 {
		t.Errorf("after unmerging: %d stale, %d missing, %d out of date, %v", stale, missing, differ, err)
	}
}

func TestPrefixLastWord(t *testing.T) {
	for in, want := range map[string]string{
		"chemical weap":      "chemical weap*",
		"chemical weap ":     "chemical weap ",
		`"chemical weap`:     `"chemical weap`,
		`"chemical weapons"`: `"chemical weapons"`,
		"talks OR":           "talks OR",
		"negotiat*":          "negotiat*",
		"Syria?":             "Syria?",
		"(Kerry OR Lavrov)":  "(Kerry OR Lavrov)",
		"Kerry OR Lavr":      "Kerry OR Lavr*",
		"":                   "",
		"Genève":             "Genève*",
	} {
		if got := store.PrefixLastWord(in); got != want {
			t.Errorf("PrefixLastWord(%q) = %q, want %q", in, got, want)
		}
	}
}
