package gen

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

// TestRealExtractorFindsPlantedEvents runs the real extractor over
// generated articles: the benchmarks only mean something if generated news
// yields events like real news does.
func TestRealExtractorFindsPlantedEvents(t *testing.T) {
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	tests := []struct {
		name       string
		seed       uint64
		minRecall  float64 // planted events whose sentence an extracted event cites, same start day
		minPerArts float64 // dated events found per article
	}{
		{"seed 1", 1, 0.8, 3},
		{"seed 99, 1990s", 99, 0.8, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := Options{Seed: tc.seed}
			if tc.seed == 99 {
				opt.From, opt.Years = time.Date(1991, 1, 1, 0, 0, 0, 0, time.UTC), 10
			}
			c := New(opt)
			planted, found, dated := 0, 0, 0
			const n = 80
			for i := 0; i < n; i++ {
				a := c.Article(i)
				h := sha256.Sum256([]byte(a.Text))
				ex := x.Extract(&model.Article{ID: int64(i + 1), Path: a.File, SHA256: hex.EncodeToString(h[:]), Title: a.Title,
					Published: a.Published, DateSource: model.DateManifest, Dateline: a.Dateline, Text: a.Text})
				for _, e := range ex.Events {
					if e.Dated() {
						dated++
					}
				}
				for _, p := range a.Events {
					planted++
					for _, e := range ex.Events {
						if cites(&e, p.Sentence) && model.Day(e.Start).Equal(p.Start) {
							found++
							break
						}
					}
				}
			}
			recall := float64(found) / float64(planted)
			t.Logf("%d planted, %d found on the right day (recall %.2f), %d dated events in %d articles", planted, found, recall, dated, n)
			if recall < tc.minRecall {
				t.Errorf("recall %.2f, want ≥ %.2f", recall, tc.minRecall)
			}
			if float64(dated)/n < tc.minPerArts {
				t.Errorf("%.1f dated events per article, want ≥ %.1f", float64(dated)/n, tc.minPerArts)
			}
		})
	}
}

func cites(e *model.Event, s model.Span) bool {
	for _, src := range e.Sources {
		if src.Start < s.End && s.Start < src.End {
			return true
		}
	}
	return false
}
