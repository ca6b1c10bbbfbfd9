package gen

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestArticleDeterministic(t *testing.T) {
	tests := []struct {
		name      string
		seedA     uint64
		seedB     uint64
		wantEqual bool
	}{
		{"same seed", 42, 42, true},
		{"other seed", 42, 43, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := New(Options{Seed: tc.seedA}), New(Options{Seed: tc.seedB})
			for i := 0; i < 50; i++ {
				x, y := a.Article(i), b.Article(i)
				eq := x.Text == y.Text && x.File == y.File && x.Published.Equal(y.Published)
				if tc.wantEqual && !eq {
					t.Fatalf("article %d differs for the same seed", i)
				}
				if !tc.wantEqual && x.Text == y.Text {
					t.Fatalf("article %d is identical for seeds %d and %d", i, tc.seedA, tc.seedB)
				}
			}
		})
	}
}

func TestPlantedEventsPointAtTheirSentences(t *testing.T) {
	c := New(Options{Seed: 7})
	from := time.Date(2006, 1, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(20, 0, 0)
	for i := 0; i < 300; i++ {
		a := c.Article(i)
		if len(a.Events) < 3 {
			t.Fatalf("article %d: %d events, want at least 3", i, len(a.Events))
		}
		if a.Published.Before(from) || !a.Published.Before(to) {
			t.Fatalf("article %d published %s, outside the 20-year span", i, a.Published)
		}
		for _, p := range a.Events {
			s := a.Text[p.Sentence.Start:p.Sentence.End]
			if !strings.Contains(s, p.Place) {
				t.Errorf("article %d: sentence %q does not name place %q", i, s, p.Place)
			}
			if !strings.HasSuffix(s, ".") {
				t.Errorf("article %d: span %v is not a whole sentence: %q", i, p.Sentence, s)
			}
			if p.Planned != p.Start.After(a.Published) {
				t.Errorf("article %d: planned=%v but %s vs published %s: %q", i, p.Planned, p.Start, a.Published, s)
			}
			if strings.Contains(s, "{") || strings.Contains(s, "until on") {
				t.Errorf("article %d: badly filled template: %q", i, s)
			}
		}
	}
}

func TestWriteCorpus(t *testing.T) {
	tests := []struct{ n int }{{1}, {40}}
	for _, tc := range tests {
		dir := t.TempDir()
		st, err := WriteCorpus(dir, tc.n, Options{Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles != tc.n || st.Events < 3*tc.n || st.Bytes == 0 {
			t.Fatalf("stats %+v for %d articles", st, tc.n)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(files) != tc.n {
			t.Fatalf("%d article files, want %d", len(files), tc.n)
		}
		f, err := os.Open(filepath.Join(dir, "sources.csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != tc.n+1 || strings.Join(rows[0], ",") != "file,title,publisher,url,published" {
			t.Fatalf("manifest has %d rows, header %v", len(rows), rows[0])
		}
		// The manifest's file names and dates match the generated articles.
		c := New(Options{Seed: 3})
		for i, row := range rows[1:] {
			a := c.Article(i)
			if row[0] != a.File || row[4] != a.Published.Format("2006-01-02") {
				t.Fatalf("row %d = %v, want file %s published %s", i, row, a.File, a.Published.Format("2006-01-02"))
			}
			b, err := os.ReadFile(filepath.Join(dir, row[0]))
			if err != nil || !bytes.Equal(b, []byte(a.Text)) {
				t.Fatalf("file %s does not hold article %d (err %v)", row[0], i, err)
			}
		}
	}
}

func TestPlaces(t *testing.T) {
	tests := []struct{ n int }{{10}, {len(Cities())}, {5000}}
	for _, tc := range tests {
		ps := Places(1, tc.n, nil)
		if len(ps) != tc.n {
			t.Fatalf("Places(%d) gave %d", tc.n, len(ps))
		}
		keys := map[string]bool{}
		for _, p := range ps {
			if keys[p.Key] {
				t.Fatalf("duplicate key %s", p.Key)
			}
			keys[p.Key] = true
			if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 || p.Name == "" || p.Country == "" {
				t.Fatalf("bad place %+v", p)
			}
		}
		again := Places(1, tc.n, nil)
		if again[len(again)-1] != ps[len(ps)-1] {
			t.Fatalf("Places is not deterministic")
		}
	}
}

func TestStoreBatches(t *testing.T) {
	tests := []struct{ events, per, wantBatches int }{{100, 8, 13}, {16, 8, 2}, {5, 0, 1}}
	for _, tc := range tests {
		opt := StoreOptions{Seed: 9, Events: tc.events, PerArticle: tc.per, Places: Places(9, 500, nil)}
		if got := opt.Batches(); got != tc.wantBatches {
			t.Fatalf("Batches() = %d, want %d", got, tc.wantBatches)
		}
		g := NewStore(opt)
		total := 0
		keys := map[string]bool{}
		for i := 0; i < opt.Batches(); i++ {
			b := g.Batch(i)
			if b2 := g.Batch(i); b2.Article.Text != b.Article.Text {
				t.Fatalf("batch %d not deterministic", i)
			}
			for _, e := range b.Events {
				total++
				if keys[e.Key] {
					t.Fatalf("duplicate event key %s", e.Key)
				}
				keys[e.Key] = true
				src := e.Sources[0]
				if b.Article.Text[src.Start:src.End] != src.Text {
					t.Fatalf("source span %v does not hold its text", src.Span)
				}
				if e.Place == nil || !strings.Contains(src.Text, e.Place.Name) || !e.Dated() {
					t.Fatalf("event %+v lacks a place named in its sentence or a date", e)
				}
			}
		}
		if total != tc.events {
			t.Fatalf("%d events, want %d", total, tc.events)
		}
	}
}
