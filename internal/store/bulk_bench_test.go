package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// BenchmarkBulkLoad measures the bulk writer on a fresh store, per event.
func BenchmarkBulkLoad(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	places := make([]*model.Place, 5000)
	for i := range places {
		places[i] = &model.Place{Key: fmt.Sprintf("gn:%d", i), Name: fmt.Sprintf("Town %d", i), Lat: float64(i%170) - 85, Lon: float64(i%360) - 180}
	}
	bw, err := s.NewBulkWriter(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	a := &model.Article{Path: "/a.txt", SHA256: "x", Format: "txt", Text: "Envoys met in Town 1 on Monday for talks."}
	if err := bw.AddArticle(a); err != nil {
		b.Fatal(err)
	}
	start := day("2000-01-01")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := model.Event{Key: fmt.Sprintf("k%d", i), Kind: model.Kinds[i%len(model.Kinds)], Title: fmt.Sprintf("Envoys meet in Town %d", i%5000),
			Start: start.AddDate(0, 0, i%7300), Precision: model.PrecisionDay, Place: places[i%len(places)], Confidence: 0.7,
			Actors:  []model.Actor{{Name: fmt.Sprintf("Person %d", i%3000), Type: model.ActorPerson}, {Name: "United Nations", Type: model.ActorOrg}},
			Sources: []model.Source{{ArticleID: a.ID, Span: model.Span{Start: 0, End: 41}}}}
		e.End = e.Start
		if err := bw.AddEvent(&e); err != nil {
			b.Fatal(err)
		}
	}
	if err := bw.Commit(); err != nil {
		b.Fatal(err)
	}
}
