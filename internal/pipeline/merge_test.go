package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/gen"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/sharedtest"
	"github.com/briefingatlas/atlas/internal/store"
)

// grouping describes merged events by what a reader sees of a merge: its
// source sentences, dates and place, one line per event, sorted.
func grouping(evs []model.Event) []string {
	var out []string
	for i := range evs {
		r := model.NewRecord(&evs[i])
		var srcs []string
		for _, s := range r.Sources {
			srcs = append(srcs, fmt.Sprintf("%s:%d-%d", s.File, s.Start, s.End))
		}
		sort.Strings(srcs)
		place := ""
		if r.Place != nil {
			place = fmt.Sprintf("%s@%.3f,%.3f", r.Place.Name, r.Place.Lat, r.Place.Lon)
		}
		out = append(out, fmt.Sprintf("%s..%s %s %s [%s]", r.Start, r.End, r.Precision, place, strings.Join(srcs, " ")))
	}
	sort.Strings(out)
	return out
}

// storedEvents are every visible event of st, the dated ones first.
func storedEvents(t *testing.T, st *store.Store) []model.Event {
	t.Helper()
	dated, err := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	und, err := st.Undated(store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return append(dated, und...)
}

// TestImportGroupsAsExtract: an import merges a generated corpus's events
// exactly as `atlas extract` (extract.MergeAll over the same files) does:
// same groups of source sentences, dates and places. The store used to
// take the first stored event a report matched, in its own order, where
// MergeAll takes the best: about one event in a hundred came out grouped
// otherwise on a year of dense generated news. The same holds for an
// import in the background, as the app runs it.
func TestImportGroupsAsExtract(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := gen.WriteCorpus(dir, 300, gen.Options{Seed: 7, Years: 1}); err != nil {
		t.Fatal(err)
	}
	importGroupsAsExtract(t, dir, 20)
}

// TestDevSetImportGroupsAsExtract: the same on real news, the dev set's
// forty articles, whose datelines and story towns give guessed places: a
// report merged into a stored event takes a named place over a guessed one
// ("the hospital in Kharkiv" over the Kiev dateline), and two reports whose
// places differ only by a guess merge, in the store as in MergeAll. The
// store kept no mark of a guess, and an import placed such events at the
// dateline where `atlas extract` named the town.
func TestDevSetImportGroupsAsExtract(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "devset")
	if _, err := os.Stat(filepath.Join(dir, "sources.csv")); err != nil {
		t.Skip("../shared/devset not found beside the repository")
	}
	importGroupsAsExtract(t, dir, 20)
}

// importGroupsAsExtract imports the articles of dir (with its sources.csv)
// and checks that the store groups their events as extract.MergeAll does,
// with the same dates and places; at least minMerged reports must merge
// for the check to mean anything.
func importGroupsAsExtract(t *testing.T, dir string, minMerged int) {
	t.Helper()
	m, err := ingest.LoadManifest(filepath.Join(dir, "sources.csv"))
	if err != nil {
		t.Fatal(err)
	}
	x := realExtractor(t)
	var arts []*model.Article
	for i, f := range ingest.Walk([]string{dir}) {
		if f.Err != nil || f.Skipped != "" {
			continue
		}
		a, err := ingest.ReadFile(f.Path, m)
		if err != nil {
			t.Fatal(err)
		}
		a.ID = int64(i + 1)
		arts = append(arts, a)
	}
	// As `atlas extract` does: the events articles retell are dated from
	// other articles' reports.
	all, _ := x.ExtractArticles(arts)
	merged := extract.MergeAll(all)
	if len(all)-len(merged) < minMerged {
		t.Fatalf("only %d of %d events merged: too few to test anything", len(all)-len(merged), len(all))
	}

	// The app's import runs in the background (lowered threads): it must
	// group alike.
	for _, background := range []bool{false, true} {
		t.Run(fmt.Sprintf("background=%v", background), func(t *testing.T) {
			st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, err := Import(context.Background(), st, x, []string{dir}, Options{Manifest: m, SameEvent: extract.SameEvent, Match: extract.Match, Screen: extract.MaySameEvent, Background: background}, nil); err != nil {
				t.Fatal(err)
			}
			want, got := grouping(merged), grouping(storedEvents(t, st))
			if strings.Join(want, "\n") != strings.Join(got, "\n") {
				w := map[string]bool{}
				for _, l := range want {
					w[l] = true
				}
				g := map[string]bool{}
				for _, l := range got {
					g[l] = true
					if !w[l] {
						t.Errorf("import only: %s", l)
					}
				}
				for _, l := range want {
					if !g[l] {
						t.Errorf("extract only: %s", l)
					}
				}
			}
		})
	}
	t.Logf("%d events, %d after merging", len(all), len(merged))
}
