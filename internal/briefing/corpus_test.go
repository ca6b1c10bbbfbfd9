package briefing

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/sharedtest"
)

// corpusBriefing reads the sample corpus with its manifest and runs the real
// extractor over it, merging events reported by several articles.
func corpusBriefing(t *testing.T) Briefing {
	t.Helper()
	dir := sharedtest.Corpus(t)
	man, err := ingest.LoadManifest(filepath.Join(dir, "sources.csv"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus articles in %s: %v", dir, err)
	}
	sort.Strings(files)
	b := Briefing{Title: "US–Russia talks on Syria", Author: "Test Analyst", Prepared: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC),
		Scope: "All events", Articles: map[int64]*model.Article{}}
	var events []model.Event
	for i, f := range files {
		a, err := ingest.ReadFile(f, man)
		if err != nil {
			t.Fatal(err)
		}
		a.ID = int64(i + 1)
		b.Articles[a.ID] = a
		events = append(events, x.Extract(a).Events...)
	}
	b.Events = extract.MergeAll(events)
	if len(b.Events) == 0 {
		t.Skip("the extractor found no events in the corpus")
	}
	return b
}

// TestCorpusPDF exports the sample corpus as the acceptance check
// does: every event's title, place and source publisher is in the text, and
// the four places of the talks are on the map.
func TestCorpusPDF(t *testing.T) {
	b := corpusBriefing(t)
	for _, paper := range []Paper{A4, Letter} {
		t.Run(string(paper), func(t *testing.T) {
			text := pdfText(t, export(t, b, PDF, paper))
			d := prepare(b)
			if !strings.Contains(text, squash(d.sum.overview)) {
				t.Errorf("PDF lacks the summary's overview %q", d.sum.overview)
			}
			for _, en := range d.entries {
				if !strings.Contains(text, squash(en.E.Title)) {
					t.Errorf("PDF lacks event %d %q", en.N, en.E.Title)
				}
				if en.E.Place != nil && !strings.Contains(text, en.E.Place.Name) {
					t.Errorf("PDF lacks place %q of event %d", en.E.Place.Name, en.N)
				}
				for i := range en.E.Sources {
					if c := d.cite(en.Cites[i]); !strings.Contains(text, squash(c.short())) {
						t.Errorf("PDF lacks citation %q of event %d", c.short(), en.N)
					}
				}
			}
			for _, place := range []string{"Geneva", "Moscow", "Amman", "Palmyra"} {
				found := false
				for _, g := range d.groups {
					found = found || g.place.Name == place
				}
				if !found {
					t.Errorf("no event at %s on the map", place)
				}
			}
		})
	}
}
