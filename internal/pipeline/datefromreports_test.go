package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// TestImportDatesArticlesFromReports: files dropped without a manifest,
// one with a date line and one without, telling the same fire. The import
// dates the second from the first's report (and says so), stores its
// events with that date merged into the first's, and groups them as
// `atlas extract` does. The undated article comes first: it is dated once
// every file is stored.
func TestImportDatesArticlesFromReports(t *testing.T) {
	dir, x, st, sum := importDropped(t, map[string]string{
		"a-undated.txt": "Residents return home\n\nAbout 2,000 residents were evacuated on Monday after a chemical fire broke out at a fertiliser plant near Tarragona. " +
			"The regional fire service said the blaze was under control after nine hours.\n",
		"b-dated.txt": "Published 14 September 2021\n\nA chemical fire broke out at a fertiliser plant near Tarragona on Monday, forcing the evacuation of about 2,000 residents. " +
			"Firefighters fought the blaze at the fertiliser plant through the night, the regional fire service said.\n",
		"c-other.txt": "Published 2 March 2020\n\nThe city council of Lyon approved a new tram line on Tuesday.\n",
	})
	if len(sum.Dated) != 1 || filepath.Base(sum.Dated[0].Path) != "a-undated.txt" || !sum.Dated[0].Date.Equal(time.Date(2021, 9, 13, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("dated %+v; want a-undated.txt on 13 Sep 2021", sum.Dated)
	}
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		want := model.DateInText
		if strings.HasSuffix(a.Path, "a-undated.txt") {
			want = model.DateFromReports
		}
		if a.DateSource != want {
			t.Errorf("%s: date source %q, want %q", filepath.Base(a.Path), a.DateSource, want)
		}
	}

	all := storedEvents(t, st)
	fire, undated := 0, 0
	for _, e := range all {
		if !e.Dated() {
			undated++
			continue
		}
		srcs, err := st.SourcesOf(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(srcs[0].Text, "fire") {
			fire++
			if len(srcs) != 2 || e.Start.Format("2006-01-02") != "2021-09-13" {
				t.Errorf("fire event %q on %s with %d sources; want one event of 13 Sep 2021 told by both articles", e.Title, e.Start.Format("2006-01-02"), len(srcs))
			}
		}
	}
	if fire != 1 || undated != 0 {
		t.Errorf("%d fire events and %d undated events; want one and none", fire, undated)
	}

	// `atlas extract` over the same files groups alike.
	extracted := extractDropped(t, x, dir)
	want, got := grouping(extract.MergeAll(extracted)), grouping(all)
	if strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Errorf("import grouped\n%s\nwhere extract grouped\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestImportKeepsTheDatelineDay: an article whose dateline gives its day
// without the year ("TARRAGONA, Sept 15 (Reuters) -") takes the year from
// another outlet's report of the same fire, and keeps its own day: the
// store does not keep the dateline's day, so the import carries it.
func TestImportKeepsTheDatelineDay(t *testing.T) {
	_, _, _, sum := importDropped(t, map[string]string{
		"a-yearless.txt": "TARRAGONA, Sept 15 (Reuters) - About 2,000 residents were evacuated on Monday after a chemical fire broke out at a fertiliser plant near Tarragona. " +
			"The regional fire service said the blaze was under control after nine hours.\n",
		"b-dated.txt": "Published 14 September 2021\n\nA chemical fire broke out at a fertiliser plant near Tarragona on Monday, forcing the evacuation of about 2,000 residents. " +
			"Firefighters fought the blaze at the fertiliser plant through the night, the regional fire service said.\n",
	})
	if len(sum.Dated) != 1 || filepath.Base(sum.Dated[0].Path) != "a-yearless.txt" || !sum.Dated[0].Date.Equal(time.Date(2021, 9, 15, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("dated %+v; want a-yearless.txt on 15 Sep 2021", sum.Dated)
	}
}

// TestImportDatesRetoldEvents: a dated article retells, without a date, a
// crash that another outlet's dated report tells. The import dates the
// retelling from the report once every file is stored (the retelling
// comes first), stores it merged into the report's event with its date
// said to come from that report, and groups the events as `atlas extract`
// does.
func TestImportDatesRetoldEvents(t *testing.T) {
	dir, x, st, _ := importDropped(t, map[string]string{
		"a-retelling.txt": "Published 13 May 2022\n\nInvestigators said on Thursday that they had recovered the flight recorders. " +
			"The captain of the Alpine Air jet that crashed near Grenoble, killing 80 people, had flown the route for a decade.\n",
		"b-report.txt": "Published 11 May 2022\n\nAn Alpine Air passenger jet crashed in the mountains near Grenoble on Tuesday, killing all 80 people on board, " +
			"the regional prefecture said.\n",
	})
	all := storedEvents(t, st)
	crashes := 0
	for _, e := range all {
		if e.Kind != model.KindAccident {
			continue
		}
		crashes++
		srcs, err := st.SourcesOf(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(srcs) != 2 || e.Start.Format("2006-01-02") != "2022-05-10" {
			t.Fatalf("crash %q on %s with %d sources; want one event of 10 May 2022 told by both articles", e.Title, e.Start.Format("2006-01-02"), len(srcs))
		}
		for _, s := range srcs {
			if strings.Contains(s.Text, "captain") && s.DateHow != model.DateHowRetold {
				t.Errorf("the retelling is dated %q; want %q", s.DateHow, model.DateHowRetold)
			}
		}
	}
	if crashes != 1 {
		t.Errorf("%d crash events; want one", crashes)
	}

	// `atlas extract` over the same files groups alike.
	extracted := extractDropped(t, x, dir)
	merged := extract.MergeAll(extracted)
	want, got := grouping(merged), grouping(all)
	if strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Errorf("import grouped\n%s\nwhere extract grouped\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The retelling gives way to the report, whichever is merged into
	// which: the import stores the report first, extract reads the
	// retelling's file first.
	for _, e := range all {
		if e.Kind != model.KindAccident {
			continue
		}
		for _, m := range merged {
			if m.Kind == model.KindAccident && m.Title != e.Title {
				t.Errorf("the import titles the crash %q, extract %q", e.Title, m.Title)
			}
		}
	}
}

// importDropped writes files (name → text) to a folder, as a user drops
// them on the window without a manifest, and imports them into a new
// store with the app's merge rules.
func importDropped(t *testing.T, files map[string]string) (string, *extract.Extractor, *store.Store, Summary) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	x := realExtractor(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sum, err := Import(context.Background(), st, x, []string{dir}, Options{SameEvent: extract.SameEvent, Match: extract.Match, NoFolderManifest: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return dir, x, st, sum
}

// extractDropped extracts the files of dir as `atlas extract` does,
// before merging.
func extractDropped(t *testing.T, x *extract.Extractor, dir string) []model.Event {
	t.Helper()
	var read []*model.Article
	for i, f := range ingest.Walk([]string{dir}) {
		a, err := ingest.ReadFile(f.Path, nil)
		if err != nil {
			t.Fatal(err)
		}
		a.ID = int64(i + 1)
		read = append(read, a)
	}
	extracted, _ := x.ExtractArticles(read)
	return extracted
}
