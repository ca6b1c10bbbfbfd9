package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// exportStore builds a real store file with two articles and four events:
// one at Moscow, one at Geneva, one undated and one the user hid. The
// sentences are made up for the test.
func exportStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "atlas.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	moscow := &model.Place{Key: "gn:524901", Name: "Moscow", Country: "RU", Lat: 55.75, Lon: 37.62, Feature: "PPLC"}
	geneva := &model.Place{Key: "gn:2660646", Name: "Geneva", Country: "CH", Lat: 46.20, Lon: 6.14, Feature: "PPLA"}
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	type spec struct {
		title, date, sentence string
		place                 *model.Place
	}
	save := func(name, title, publisher, url, published string, specs ...spec) {
		a := &model.Article{Path: "/corpus/" + name, Format: "txt", Title: title, Publisher: publisher, URL: url,
			Published: d(published), DateSource: model.DateManifest, SHA256: "sha-" + name}
		x := &model.Extraction{}
		var text strings.Builder
		for _, s := range specs {
			start := text.Len()
			text.WriteString(s.sentence + " ")
			e := model.Event{Key: name + "#" + s.title, Kind: model.KindMeeting, Title: s.title, Place: s.place, Confidence: 0.9,
				Sources: []model.Source{{File: name, Span: model.Span{Start: start, End: start + len(s.sentence)}, Text: s.sentence, DateHow: "explicit"}}}
			if s.date != "" {
				e.Start, e.End, e.Precision = d(s.date), d(s.date), model.PrecisionDay
			}
			x.Events = append(x.Events, e)
		}
		a.Text = text.String()
		if _, err := st.SaveArticle(context.Background(), a, x, nil); err != nil {
			t.Fatalf("save %s: %v", name, err)
		}
	}
	save("a.txt", "Envoys meet in Moscow", "Wire Service", "https://example.org/a", "2013-05-07",
		spec{"Envoys meet in Moscow", "2013-05-07", "The envoys met in Moscow on Tuesday.", moscow},
		spec{"Hidden meeting", "2013-05-08", "A second meeting took place the next day.", moscow})
	save("b.txt", "", "Daily Ledger", "", "2016-03-24",
		spec{"Talks resume in Geneva", "2016-03-24", "Talks resumed in Geneva on Thursday.", geneva},
		spec{"Contacts continue", "", "Contacts between the sides continue.", nil})
	evs, err := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.Title == "Hidden meeting" {
			if err := st.HideEvent(e.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	return st, path
}

func TestExportCommand(t *testing.T) {
	st, db := exportStore(t)
	dir := t.TempDir()
	tests := []struct {
		name  string
		args  []string
		file  string
		check func(t *testing.T, data []byte)
	}{
		{"csv from extension, hidden left out", []string{"--out", "b.csv"}, "b.csv", func(t *testing.T, data []byte) {
			rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, r := range rows[1:] {
				titles = append(titles, r[8])
			}
			if got := strings.Join(titles, "|"); got != "Envoys meet in Moscow|Talks resume in Geneva|Contacts continue" {
				t.Errorf("titles %q", got)
			}
		}},
		{"place filter", []string{"--out", "m.geojson", "--place", "moscow"}, "m.geojson", func(t *testing.T, data []byte) {
			var fc struct {
				Features []struct{ Properties map[string]any }
			}
			if err := json.Unmarshal(data, &fc); err != nil {
				t.Fatal(err)
			}
			if len(fc.Features) != 1 || fc.Features[0].Properties["title"] != "Envoys meet in Moscow" {
				t.Errorf("features %+v", fc.Features)
			}
		}},
		{"date filter and explicit format", []string{"--out", "y.txt", "--format", "kml", "--from", "2016", "--to", "2016-12"}, "y.txt", func(t *testing.T, data []byte) {
			if n := strings.Count(string(data), "<Placemark"); n != 1 || !strings.Contains(string(data), "Talks resume in Geneva") {
				t.Errorf("%d placemarks in\n%s", n, data)
			}
		}},
		{"markdown with title and author", []string{"--out", "brief.md", "--title", "Syria talks", "--author", "A. Analyst"}, "brief.md", func(t *testing.T, data []byte) {
			md := string(data)
			for _, want := range []string{"# Syria talks", "A. Analyst", "Envoys meet in Moscow", "(brief-map.png)", "(brief-timeline.png)", "Daily Ledger"} {
				if !strings.Contains(md, want) {
					t.Errorf("Markdown lacks %q", want)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "brief-map.png")); err != nil {
				t.Error(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"export", "--db", db}, tt.args...)
			for i, a := range args {
				if i > 0 && args[i-1] == "--out" {
					args[i] = filepath.Join(dir, a)
				}
			}
			var out, errb bytes.Buffer
			if code := runMain(args, &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			data, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, data)
		})
	}

	// Once an event is starred, the briefing holds the starred events only.
	evs, err := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.Title == "Talks resume in Geneva" {
			if err := st.SetInBriefing(e.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	pdf := filepath.Join(dir, "starred.pdf")
	var out, errb bytes.Buffer
	if code := runMain([]string{"export", "--db", db, "--out", pdf, "--paper", "letter"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "starred") {
		t.Errorf("output %q does not say the starred events were taken", out.String())
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "Talks resume in Geneva") || strings.Contains(string(text), "Envoys meet in Moscow") {
		t.Errorf("starred PDF text:\n%s", text)
	}
}

func TestExportUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"export"}, "usage"},
		{[]string{"export", "--out", "x.docx"}, "unknown export format"},
		{[]string{"export", "--out", "x.pdf", "--paper", "a3"}, "paper"},
		{[]string{"export", "--out", "x.pdf", "--from", "May 2016"}, "not a date"},
		{[]string{"export", "--out", "x.pdf", "--from", "2016", "--to", "2015"}, "before"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		if code := runMain(tt.args, &out, &errb); code != 2 || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errb.String(), tt.want)
		}
	}
}

func TestParseDay(t *testing.T) {
	tests := []struct {
		in   string
		end  bool
		want string
	}{
		{"2016-03-24", false, "2016-03-24"},
		{"2016-03", false, "2016-03-01"},
		{"2016-02", true, "2016-02-29"},
		{"2016", false, "2016-01-01"},
		{"2016", true, "2016-12-31"},
	}
	for _, tt := range tests {
		got, err := parseDay(tt.in, tt.end)
		if err != nil || got.Format(time.DateOnly) != tt.want {
			t.Errorf("parseDay(%q, %v) = %v, %v; want %s", tt.in, tt.end, got, err, tt.want)
		}
	}
}
