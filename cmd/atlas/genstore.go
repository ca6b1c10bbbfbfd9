package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/briefingatlas/atlas/internal/gen"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/store"
)

// chunkEvents bounds one bulk transaction, so that the WAL stays small and
// an interrupted run keeps what it committed.
const chunkEvents = 100_000

// genStore writes a synthetic store: events spread over real gazetteer
// cities (most populous first, topped up with made-up towns when there are
// too few), loaded through the store's bulk writer.
func genStore(path string, opt gen.StoreOptions, places int, log io.Writer) (storeStats, error) {
	var st storeStats
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return st, fmt.Errorf("synthetic store: %w", err)
	}
	opt.Places = gen.Places(opt.Seed, places, g.LargestCities(places))
	s, err := store.Open(path)
	if err != nil {
		return st, fmt.Errorf("synthetic store: %w", err)
	}
	defer s.Close()
	// Generated keys would collide with a previous run's; a synthetic store
	// is always written from scratch.
	if have, err := s.Stats(); err != nil {
		return st, fmt.Errorf("synthetic store: %w", err)
	} else if have.Events > 0 || have.Articles > 0 {
		return st, fmt.Errorf("synthetic store: %s already holds %d events; remove it first", path, have.Events)
	}

	sg := gen.NewStore(opt)
	n := opt.Batches()
	// Batches are built on another goroutine while this one writes.
	batches := make(chan gen.Batch, 64)
	go func() {
		for i := 0; i < n; i++ {
			batches <- sg.Batch(i)
		}
		close(batches)
	}()
	ctx := context.Background()
	var bw *store.BulkWriter
	t := time.Now()
	for b := range batches {
		if bw == nil {
			if bw, err = s.NewBulkWriter(ctx); err != nil {
				return st, fmt.Errorf("synthetic store: %w", err)
			}
		}
		if err := bw.AddArticle(&b.Article); err != nil {
			bw.Rollback()
			return st, fmt.Errorf("synthetic store: %w", err)
		}
		st.articles++
		for i := range b.Events {
			e := &b.Events[i]
			for j := range e.Sources {
				e.Sources[j].ArticleID = b.Article.ID
			}
			if err := bw.AddEvent(e); err != nil {
				bw.Rollback()
				return st, fmt.Errorf("synthetic store: %w", err)
			}
		}
		if bw.Added() >= chunkEvents {
			st.events += bw.Added()
			if err := bw.Commit(); err != nil {
				return st, fmt.Errorf("synthetic store: %w", err)
			}
			bw = nil
			fmt.Fprintf(log, "gen: %d/%d events (%.0f/s)\n", st.events, opt.Events, float64(st.events)/time.Since(t).Seconds())
		}
	}
	if bw != nil {
		st.events += bw.Added()
		if err := bw.Commit(); err != nil {
			return st, fmt.Errorf("synthetic store: %w", err)
		}
	}
	st.places = len(opt.Places)
	return st, nil
}
