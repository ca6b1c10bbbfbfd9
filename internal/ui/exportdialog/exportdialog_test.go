package exportdialog

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/briefingatlas/atlas/internal/briefing"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// testStore is a real store file with three events from two made-up
// articles; starred marks the Geneva one for the briefing.
func testStore(t *testing.T, starred bool) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	places := map[string]*model.Place{
		"Moscow": {Key: "gn:524901", Name: "Moscow", Country: "RU", Lat: 55.75, Lon: 37.62, Feature: "PPLC"},
		"Geneva": {Key: "gn:2660646", Name: "Geneva", Country: "CH", Lat: 46.20, Lon: 6.14, Feature: "PPLA"},
	}
	for i, spec := range []struct{ title, place, date, sentence string }{
		{"Envoys meet in Moscow", "Moscow", "2013-05-07", "The envoys met in Moscow on Tuesday."},
		{"Talks resume in Geneva", "Geneva", "2016-03-24", "Talks resumed in Geneva on Thursday."},
		{"Second round in Moscow", "Moscow", "2016-07-15", "A second round opened in Moscow on Friday."},
	} {
		day, _ := time.Parse(time.DateOnly, spec.date)
		name := "art" + string(rune('a'+i)) + ".txt"
		a := &model.Article{Path: "/corpus/" + name, Format: "txt", Title: spec.title, Publisher: "Wire Service",
			Published: day, DateSource: model.DateManifest, SHA256: "sha-" + name, Text: spec.sentence}
		x := &model.Extraction{Events: []model.Event{{Key: name, Kind: model.KindTalks, Title: spec.title, Start: day, End: day,
			Precision: model.PrecisionDay, Place: places[spec.place], Confidence: 0.9,
			Sources: []model.Source{{File: name, Span: model.Span{End: len(spec.sentence)}, Text: spec.sentence}}}}}
		if _, err := st.SaveArticle(context.Background(), a, x, nil); err != nil {
			t.Fatal(err)
		}
	}
	if starred {
		evs, err := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			if strings.Contains(e.Title, "Geneva") {
				if err := st.SetInBriefing(e.ID, true); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	return st
}

type outcome struct {
	path string
	err  error
}

// run opens the dialog, waits for it to read the store, lets fill set the
// fields, taps Export and waits for the export to end.
func run(t *testing.T, st *store.Store, fill func(d *Dialog)) (*Dialog, outcome, []string) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("Briefing Atlas")
	w.Resize(fyne.NewSize(900, 700))
	done := make(chan outcome, 1)
	var opened []string
	d := Show(w, st, func() ([]model.Event, error) {
		return st.EventsBetween(time.Time{}, time.Time{}, store.Filter{})
	}, Options{
		Folder: t.TempDir(),
		Open:   func(p string) error { opened = append(opened, p); return nil },
		OnDone: func(p string, err error) { done <- outcome{p, err} },
	})
	<-d.ready
	fill(d)
	test.Tap(d.export)
	select {
	case o := <-done:
		return d, o, opened
	case <-time.After(2 * time.Minute): // a guard against a hung export, not a speed check
		t.Fatal("export did not finish")
	}
	return nil, outcome{}, nil
}

func TestDialogExportsStarredEventsAsLetterPDF(t *testing.T) {
	st := testStore(t, true)
	d, o, opened := run(t, st, func(d *Dialog) {
		if !strings.Contains(d.summary.Text, "the 1 event you starred") {
			t.Errorf("summary %q", d.summary.Text)
		}
		test.Type(d.title, "Syria talks")
		test.Type(d.author, "A. Analyst")
		d.paper.SetSelected("US Letter")
	})
	if o.err != nil {
		t.Fatalf("export: %v", o.err)
	}
	if filepath.Base(o.path) != "Syria-talks.pdf" {
		t.Errorf("file %s, want the title as its name", o.path)
	}
	if len(opened) != 1 || opened[0] != o.path {
		t.Errorf("opened %v, want %s", opened, o.path)
	}
	if d.bar.Value != 1 {
		t.Errorf("progress %.2f at the end", d.bar.Value)
	}
	if got := fyne.CurrentApp().Preferences().String(authorPref); got != "A. Analyst" {
		t.Errorf("author remembered as %q", got)
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	info, err := exec.Command("pdfinfo", o.path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(info), "612 x 792 pts (letter)") || !strings.Contains(string(info), "Syria talks") {
		t.Errorf("pdfinfo:\n%s", info)
	}
	text, err := exec.Command("pdftotext", o.path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "Talks resume in Geneva") || strings.Contains(string(text), "Envoys meet in Moscow") {
		t.Errorf("the PDF should hold the starred event only:\n%s", text)
	}
}

func TestDialogExportsFilteredEventsAsCSV(t *testing.T) {
	st := testStore(t, false)
	d, o, _ := run(t, st, func(d *Dialog) {
		if !strings.Contains(d.summary.Text, "No event is starred: exports the 3 events") {
			t.Errorf("summary %q", d.summary.Text)
		}
		d.format.SetSelected(briefing.CSV.Label())
		if !d.paper.Disabled() {
			t.Error("paper size is enabled for CSV")
		}
	})
	if o.err != nil {
		t.Fatalf("export: %v", o.err)
	}
	if filepath.Ext(o.path) != ".csv" {
		t.Errorf("path %s, want .csv after choosing CSV", o.path)
	}
	f, err := os.Open(o.path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("%d rows, %v; want a header and 3 events", len(rows), err)
	}
	_ = d
}

func TestDialogReportsAMissingFolder(t *testing.T) {
	st := testStore(t, false)
	a := test.NewTempApp(t)
	w := a.NewWindow("Briefing Atlas")
	d := Show(w, st, func() ([]model.Event, error) {
		return st.EventsBetween(time.Time{}, time.Time{}, store.Filter{})
	}, Options{Folder: t.TempDir()})
	<-d.ready
	d.path.SetText(filepath.Join(t.TempDir(), "no", "such", "folder", "b.pdf"))
	test.Tap(d.export)
	if d.running || !strings.Contains(d.status.Text, "does not exist") {
		t.Errorf("status %q, running %v", d.status.Text, d.running)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"US–Russia talks on Syria, 2012–2016", "US-Russia-talks-on-Syria-2012-2016"},
		{"  ", "briefing"},
		{"Переговоры в Женеве", "Переговоры-в-Женеве"},
		{"a/b\\c:d", "a-b-c-d"},
	}
	for _, tt := range tests {
		if got := fileName(tt.in); got != tt.want {
			t.Errorf("fileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDialogWithoutAStore(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("Briefing Atlas")
	var none *store.Store // the app before a store is opened
	d := Show(w, none, nil, Options{Folder: t.TempDir()})
	<-d.ready
	if !d.export.Disabled() || !strings.Contains(d.summary.Text, "no store is open") {
		t.Errorf("export enabled %v, summary %q", !d.export.Disabled(), d.summary.Text)
	}
}
