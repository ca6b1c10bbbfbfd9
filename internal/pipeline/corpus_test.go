package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/sharedtest"
	"github.com/briefingatlas/atlas/internal/store"
)

func realExtractor(t *testing.T) *extract.Extractor {
	t.Helper()
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return extract.New(g)
}

// importCorpus imports the sample corpus with its manifest and the real
// extractor into a fresh store, closed when the test ends.
func importCorpus(t *testing.T) (*store.Store, *extract.Extractor, Summary) {
	t.Helper()
	corpus := sharedtest.Corpus(t)
	m, err := ingest.LoadManifest(sharedtest.Manifest(t))
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	x := realExtractor(t)
	sum, err := Import(context.Background(), st, x, []string{corpus}, Options{Manifest: m, SameEvent: extract.SameEvent}, nil)
	if err != nil {
		t.Fatalf("import the sample corpus: %v", err)
	}
	return st, x, sum
}

// TestCorpusThroughTheStore imports the sample corpus with the real
// extractor and scores the events read back from the store.
func TestCorpusThroughTheStore(t *testing.T) {
	st, _, sum := importCorpus(t)
	if sum.Imported != 5 || len(sum.Failed) != 0 || sum.Events == 0 || sum.Merged == 0 {
		t.Fatalf("import: %+v", sum)
	}
	if len(sum.Warnings) != 0 {
		t.Errorf("warnings: %q", sum.Warnings)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	evs, err := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	und, _ := st.Undated(store.Filter{})
	for _, e := range append(evs, und...) {
		enc.Encode(model.NewRecord(&e))
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found: cannot run the scorer")
	}
	cmd := exec.Command("python3", sharedtest.Scorer(t), "--min-recall", "0.95", "--min-precision", "0.85", "-")
	cmd.Stdin = &buf
	out, err := cmd.CombinedOutput()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	last := lines[len(lines)-1]
	t.Log(last)
	if err != nil {
		t.Fatalf("scorer failed: %v\n%s", err, out)
	}
	mm := regexp.MustCompile(`merged=(\d+)/(\d+) offsets_ok=(\d+)/(\d+)`).FindStringSubmatch(last)
	if mm == nil || mm[1] != mm[2] || mm[3] != mm[4] {
		t.Errorf("want every merge and every offset right: %s", last)
	}
	if n, _ := strconv.Atoi(mm[3]); n == 0 {
		t.Error("no sources scored")
	}
}

// TestSetArticleDateKeepsEdits imports an article without its date, edits
// one of its events, then gives the article a date: its relative dates
// resolve and the edit is still there.
func TestSetArticleDateKeepsEdits(t *testing.T) {
	sh := sharedtest.Dir(t)
	path := filepath.Join(sh, "corpus", "003_93804a6fc8622d24.txt")
	st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x := realExtractor(t)
	sum, err := Import(context.Background(), st, x, []string{path}, Options{SameEvent: extract.SameEvent}, nil)
	if err != nil || sum.Imported != 1 {
		t.Fatalf("import: %+v %v", sum, err)
	}
	id := sum.Articles[0]
	a, _ := st.Article(id)
	if a.HasDate() {
		t.Fatalf("the article has a date without a manifest: %v (%s)", a.Published, a.DateSource)
	}
	undatedBefore, _ := st.Undated(store.Filter{})
	if len(undatedBefore) == 0 {
		t.Fatal("no undated events in an undated article that says \"Friday\"")
	}
	target := undatedBefore[0]
	if err := st.SetNote(target.ID, "check with the wire copy"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetInBriefing(target.ID, true); err != nil {
		t.Fatal(err)
	}

	res, err := SetArticleDate(context.Background(), st, x, id, time.Date(2016, 7, 16, 0, 0, 0, 0, time.UTC), extract.SameEvent)
	if err != nil {
		t.Fatal(err)
	}
	a, _ = st.Article(id)
	if a.DateSource != model.DateUser || a.Published.Format("2006-01-02") != "2016-07-16" {
		t.Errorf("article date %v (%s)", a.Published, a.DateSource)
	}
	dated, _ := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{})
	if len(dated) == 0 {
		t.Fatalf("no dated events after setting the date (%+v)", res)
	}
	starred, _ := st.Starred()
	if len(starred) != 1 || starred[0].Key != target.Key || starred[0].Note != "check with the wire copy" {
		t.Errorf("the edit did not survive re-extraction: %+v", starred)
	}
	if ok, err := st.IntegrityCheck(); ok != "ok" || err != nil {
		t.Errorf("integrity %q %v", ok, err)
	}
}

// TestReextractKeepsEventsAndEdits runs the extractor again over a stored
// corpus (as after an extractor upgrade): the same events come back and the
// user's edits stay on them.
func TestReextractKeepsEventsAndEdits(t *testing.T) {
	st, x, _ := importCorpus(t)
	before, _ := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{})
	if len(before) == 0 {
		t.Fatal("no events")
	}
	if err := st.SetEventTitle(before[0].ID, "My own title"); err != nil {
		t.Fatal(err)
	}
	if err := st.HideEvent(before[1].ID); err != nil {
		t.Fatal(err)
	}
	var progress []Progress
	if err := Reextract(context.Background(), st, x, extract.SameEvent, func(p Progress) { progress = append(progress, p) }); err != nil {
		t.Fatal(err)
	}
	if len(progress) != 5 || progress[4].Done != 5 {
		t.Errorf("progress %+v", progress)
	}
	after, _ := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{IncludeHidden: true})
	if len(after) != len(before) {
		t.Errorf("%d events before, %d after", len(before), len(after))
	}
	byKey := map[string]model.Event{}
	for _, e := range after {
		byKey[e.Key] = e
	}
	if e := byKey[before[0].Key]; e.Title != "My own title" || !e.Edited {
		t.Errorf("title edit lost: %+v", e)
	}
	if e := byKey[before[1].Key]; !e.Hidden {
		t.Errorf("hidden event shown again: %+v", e)
	}
	if ok, err := st.IntegrityCheck(); ok != "ok" || err != nil {
		t.Errorf("integrity %q %v", ok, err)
	}
}

// TestFolderManifestIsUsed imports the corpus folder without naming its
// sources.csv: the manifest beside the articles still gives their dates and
// publishers, and NoFolderManifest turns that off.
func TestFolderManifestIsUsed(t *testing.T) {
	corpus := filepath.Join(sharedtest.Dir(t), "corpus")
	tests := []struct {
		name      string
		opts      Options
		wantDated int
	}{
		{"found beside the articles", Options{SameEvent: extract.SameEvent}, 5},
		{"turned off", Options{SameEvent: extract.SameEvent, NoFolderManifest: true}, 2},
	}
	x := realExtractor(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			sum, err := Import(context.Background(), st, x, []string{corpus}, tc.opts, nil)
			if err != nil || sum.Imported != 5 {
				t.Fatalf("import: %+v %v", sum, err)
			}
			arts, err := st.Articles()
			if err != nil {
				t.Fatal(err)
			}
			dated := 0
			for _, a := range arts {
				if a.HasDate() {
					dated++
				}
			}
			if dated != tc.wantDated {
				t.Errorf("dated articles = %d, want %d (manifest %q)", dated, tc.wantDated, sum.Manifest)
			}
			if (sum.Manifest != "") != !tc.opts.NoFolderManifest {
				t.Errorf("Summary.Manifest = %q", sum.Manifest)
			}
		})
	}
}
