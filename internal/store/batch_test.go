package store

import (
	"database/sql"
	"fmt"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// An import batch keeps each article whole: one that fails leaves nothing
// behind, the others land at Commit, and the counts agree with the events.
func TestImportBatchKeepsArticlesWhole(t *testing.T) {
	s := openTemp(t)
	b, err := s.NewImportBatch(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	good1, x1 := article("good1.txt", "2016-03-10", ev(model.KindMeeting, "Ministers meet", "2016-03-10", "", geneva))
	bad, xb := article("bad.txt", "2016-03-11", ev(model.KindTalks, "Talks open", "2016-03-11", "", moscow),
		ev(model.KindMeeting, "Envoys meet", "2016-03-11", "", moscow))
	xb.Events[1].Key = "" // an event with no key cannot be stored: the whole article fails
	good2, x2 := article("good2.txt", "2016-03-12", ev(model.KindStatement, "Minister says", "2016-03-12", "", moscow))
	again := *good1
	tests := []struct {
		name    string
		a       *model.Article
		x       *model.Extraction
		wantErr bool
		present bool
	}{
		{"first article", good1, x1, false, false},
		{"article with a bad event", bad, xb, true, false},
		{"next article", good2, x2, false, false},
		{"first text again", &again, x1, false, true},
	}
	for _, tt := range tests {
		res, err := b.SaveArticle(tt.a, tt.x, Merging{})
		if (err != nil) != tt.wantErr || res.AlreadyPresent != tt.present {
			t.Errorf("%s: result %+v, error %v", tt.name, res, err)
		}
	}
	if b.Saved() != 2 {
		t.Errorf("saved %d, want 2", b.Saved())
	}
	if st, err := s.Stats(); err != nil || st.Articles != 0 {
		t.Errorf("before commit others see %+v, %v", st, err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Events != 2 || st.Places != 2 {
		t.Errorf("stats %+v, want 2 articles, 2 events at 2 places", st)
	}
	evs, err := s.EventsBetween(day("2016-03-01"), day("2016-03-31"), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.Title == "Talks open" || e.Title == "Envoys meet" {
			t.Errorf("event of the failed article stored: %+v", e)
		}
	}
	if len(evs) != 2 {
		t.Errorf("%d events stored, want 2", len(evs))
	}
	if ok, err := s.IntegrityCheck(); err != nil || ok != "ok" {
		t.Errorf("integrity %q %v", ok, err)
	}
}

// A merge screen that rejects a candidate keeps it from being merged, even
// when Same would join the two: the candidate's sentences are never loaded.
func TestMergeScreen(t *testing.T) {
	always := func(a, b *model.Event) bool { return true }
	never := func(a, b *model.Event) bool { return false }
	tests := []struct {
		name       string
		screen     SameFunc
		wantMerged int
	}{
		{"no screen", nil, 1},
		{"screen lets it through", always, 1},
		{"screen rejects it", never, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			b, err := s.NewImportBatch(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			a1, x1 := article("one.txt", "2016-03-10", ev(model.KindMeeting, "Ministers meet", "2016-03-10", "", geneva))
			a2, x2 := article("two.txt", "2016-03-10", ev(model.KindMeeting, "Ministers met", "2016-03-10", "", geneva))
			m := Merging{Same: always, Screen: tt.screen}
			if _, err := b.SaveArticle(a1, x1, m); err != nil {
				t.Fatal(err)
			}
			res, err := b.SaveArticle(a2, x2, m)
			if err != nil {
				t.Fatal(err)
			}
			if res.Merged != tt.wantMerged {
				t.Errorf("merged %d, want %d", res.Merged, tt.wantMerged)
			}
			if err := b.Commit(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// A batch holds a connection of its own, with its journal in memory, for
// its length only: more batches than the pool has connections, committed
// or rolled back, leave none in use and each with temporary storage in
// files again.
func TestImportBatchesGiveTheirConnectionBack(t *testing.T) {
	s := openTemp(t)
	for i := range 10 {
		b, err := s.NewImportBatch(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		a, x := article(fmt.Sprintf("a%d.txt", i), "2016-03-10", ev(model.KindMeeting, "Ministers meet", "2016-03-10", "", geneva))
		if _, err := b.SaveArticle(a, x, Merging{}); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			err = b.Commit()
		} else {
			err = b.Rollback()
		}
		if err != nil {
			t.Fatal(err)
		}
		if n := s.db.Stats().InUse; n != 0 {
			t.Fatalf("after batch %d: %d connections in use", i, n)
		}
	}
	// Every connection of the pool at once, so that each is asked.
	var conns []*sql.Conn
	for range s.db.Stats().MaxOpenConnections {
		c, err := s.db.Conn(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var store int
		if err := c.QueryRowContext(t.Context(), `PRAGMA temp_store`).Scan(&store); err != nil {
			t.Fatal(err)
		}
		if store != 0 {
			t.Errorf("a connection kept temp_store %d", store)
		}
	}
	for _, c := range conns {
		c.Close()
	}
	if st, err := s.Stats(); err != nil || st.Articles != 5 {
		t.Errorf("stats %+v, %v; want the 5 committed articles", st, err)
	}
}
