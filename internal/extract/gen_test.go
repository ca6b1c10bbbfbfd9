package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/gen"
	"github.com/briefingatlas/atlas/internal/model"
)

// genArticle turns a generated article into what ingest would make of it.
func genArticle(a gen.Article, id int) *model.Article {
	h := sha256.Sum256([]byte(a.Text))
	return &model.Article{ID: int64(id), Path: a.File, SHA256: hex.EncodeToString(h[:]), Title: a.Title,
		Published: a.Published, DateSource: model.DateManifest, Dateline: a.Dateline, Text: a.Text}
}

// TestGeneratedCorpus measures the extractor on articles it was not built
// on: other countries, cities, people and years, from the corpus
// generator's own templates. A planted event is found when an extracted
// event cites its sentence, lies inside its date and names its place.
func TestGeneratedCorpus(t *testing.T) {
	x := testExtractor(t)
	c := gen.New(gen.Options{Seed: 42})
	planted, found, dated, good := 0, 0, 0, 0
	kindOK := 0
	for i := 0; i < 300; i++ {
		ga := c.Article(i)
		ex := x.Extract(genArticle(ga, i))
		used := map[int]bool{}
		for _, p := range ga.Events {
			planted++
			for j := range ex.Events {
				e := &ex.Events[j]
				if !e.Dated() || !citesSentence(e, p.Sentence) || e.Start.After(p.Start) || eventEnd(e).Before(p.Start) {
					continue
				}
				if p.Place != "" && (e.Place == nil || fold(e.Place.Name) != fold(p.Place)) {
					continue
				}
				found++
				if e.Kind == p.Kind {
					kindOK++
				}
				used[j] = true
				break
			}
		}
		for j := range ex.Events {
			if ex.Events[j].Dated() {
				dated++
				if used[j] {
					good++
				}
			}
		}
	}
	recall := float64(found) / float64(planted)
	precision := float64(good) / float64(dated)
	t.Logf("generated corpus: %d planted events, recall %.2f (kind right for %d), %d dated events, precision %.2f", planted, recall, kindOK, dated, precision)
	if recall < 0.8 {
		t.Errorf("recall %.2f on generated news, want ≥ 0.80", recall)
	}
	if precision < 0.7 {
		t.Errorf("precision %.2f on generated news, want ≥ 0.70", precision)
	}
}

func citesSentence(e *model.Event, s model.Span) bool {
	for _, src := range e.Sources {
		if src.Start < s.End && s.Start < src.End {
			return true
		}
	}
	return false
}

// BenchmarkExtract measures extraction throughput (bytes of article text
// per second, one goroutine) on generated news.
func BenchmarkExtract(b *testing.B) {
	x := testExtractor(b)
	c := gen.New(gen.Options{Seed: 7})
	var arts []*model.Article
	size := 0
	for i := 0; i < 200; i++ {
		a := genArticle(c.Article(i), i)
		arts = append(arts, a)
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, a := range arts {
			x.Extract(a)
		}
	}
}

// TestConcurrentExtract: one Extractor serves several goroutines (the
// importer's workers) and gives each article the same events as alone.
func TestConcurrentExtract(t *testing.T) {
	x := testExtractor(t)
	c := gen.New(gen.Options{Seed: 3})
	var arts []*model.Article
	for i := 0; i < 40; i++ {
		arts = append(arts, genArticle(c.Article(i), i))
	}
	want := make([][]string, len(arts))
	for i, a := range arts {
		for _, e := range New(x.g).Extract(a).Events {
			want[i] = append(want[i], e.Key+e.Title)
		}
	}
	got := make([][]string, len(arts))
	done := make(chan int)
	for w := 0; w < 4; w++ {
		go func(w int) {
			for i := w; i < len(arts); i += 4 {
				for _, e := range x.Extract(arts[i]).Events {
					got[i] = append(got[i], e.Key+e.Title)
				}
			}
			done <- w
		}(w)
	}
	for w := 0; w < 4; w++ {
		<-done
	}
	for i := range arts {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("article %d: concurrent events %v, alone %v", i, got[i], want[i])
		}
	}
}
