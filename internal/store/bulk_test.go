package store

import (
	"context"
	"database/sql"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// A bulk load's bigger page cache ends with it: every connection the
// window reads through keeps the small one.
func TestBulkLoadGivesCacheBack(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	e := ev(model.KindMeeting, "Meeting", "2016-03-24", "", moscow)
	e.Key = "bulk-meeting"
	if err := s.BulkLoad(ctx, []model.Event{e}); err != nil {
		t.Fatal(err)
	}
	// The pool holds at most 4: taking 4 at once sees each of them.
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := 0; i < 4; i++ {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var kib int
		if err := c.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&kib); err != nil {
			t.Fatal(err)
		}
		if kib != -cacheKiB {
			t.Errorf("connection %d: cache_size %d, want %d", i, kib, -cacheKiB)
		}
	}
}
