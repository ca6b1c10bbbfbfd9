package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/briefingatlas/atlas/internal/model"
)

// BulkWriter inserts many articles and events in one transaction, for the
// benchmark generator. Count tables and search
// indexes are kept as usual. Events are inserted as given: no merging.
// Nothing is visible to others until Commit.
type BulkWriter struct {
	s    *Store
	conn *sql.Conn // the load's own, with a bigger page cache until it ends
	tx   *sql.Tx
	w    *writer
	n    int
	// deferCounts is set when the count trigger is off for this load;
	// events with ids above lastID are counted at Commit.
	deferCounts bool
	lastID      int64
}

// NewBulkWriter starts a bulk load. Call Commit to keep it or Rollback to
// drop it. User edits already in the store still apply to events whose keys
// they name.
func (s *Store) NewBulkWriter(ctx context.Context) (*BulkWriter, error) {
	if s.readOnly {
		return nil, fmt.Errorf("bulk load into %s: %w (opened read-only)", s.path, ErrReadOnly)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, s.wrapWrite("bulk load", err)
	}
	// A million events' indexes: keep their hot pages for the load.
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, -bulkCacheKiB)); err != nil {
		conn.Close()
		return nil, s.wrapWrite("bulk load", err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		releaseBulkConn(conn)
		return nil, s.wrapWrite("bulk load", err)
	}
	w := newWriter(ctx, tx)
	b := &BulkWriter{s: s, conn: conn, tx: tx, w: w}
	var edits int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM edits`).Scan(&edits); err != nil {
		b.Rollback()
		return nil, s.wrapWrite("bulk load", err)
	}
	w.noEdits = edits == 0
	// With no edits, nothing recomputes effective values during the load,
	// so counting once at commit gives the same tables as the trigger.
	if w.noEdits {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM events`).Scan(&b.lastID); err != nil {
			b.Rollback()
			return nil, s.wrapWrite("bulk load", err)
		}
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER events_count_ai; DROP TRIGGER place_kinds_ai; DROP TRIGGER event_sources_ai; DROP TRIGGER counts_kind_month_ai`); err != nil {
			b.Rollback()
			return nil, s.wrapWrite("bulk load", err)
		}
		b.deferCounts = true
	}
	return b, nil
}

// AddArticle inserts an article (a.ID is set) without extraction results.
// An article whose SHA256 is already stored is an error.
func (b *BulkWriter) AddArticle(a *model.Article) error {
	id, err := insertArticle(b.w.ctx, b.tx, a)
	if err != nil {
		return b.s.wrapWrite("bulk load article "+a.Path, err)
	}
	a.ID = id
	return nil
}

// AddMentions inserts the mentions found in a stored article.
func (b *BulkWriter) AddMentions(articleID int64, ms []model.Mention) error {
	return b.s.wrapWrite("bulk load mentions", b.w.addMentions(articleID, ms))
}

// AddEvent inserts one event with its place, actors and sources (sources
// must name articles added before, by ArticleID; those with ArticleID 0 are
// skipped). e.ID is set.
func (b *BulkWriter) AddEvent(e *model.Event) error {
	if _, err := b.w.insertEvent(e); err != nil {
		return b.s.wrapWrite("bulk load event", err)
	}
	b.n++
	return nil
}

// Added returns how many events were added so far.
func (b *BulkWriter) Added() int { return b.n }

// Commit makes everything added visible at once.
func (b *BulkWriter) Commit() error {
	if err := b.w.flushActors(); err != nil {
		b.Rollback()
		return b.s.wrapWrite("bulk load actors", err)
	}
	if b.deferCounts {
		if err := b.addCounts(); err != nil {
			b.Rollback()
			return b.s.wrapWrite("bulk load counts", err)
		}
	}
	err := b.tx.Commit()
	releaseBulkConn(b.conn)
	if err != nil {
		return b.s.wrapWrite("bulk load commit", err)
	}
	// Fresh statistics let the planner pick the indexes on a big store.
	if _, err := b.s.db.Exec(`PRAGMA optimize`); err != nil {
		return b.s.wrapWrite("bulk load optimize", err)
	}
	return nil
}

// Rollback drops everything added.
func (b *BulkWriter) Rollback() error {
	err := b.tx.Rollback()
	releaseBulkConn(b.conn)
	if err != nil && err != sql.ErrTxDone {
		return fmt.Errorf("bulk load rollback: %w", err)
	}
	return nil
}

// releaseBulkConn gives a bulk load's connection back to the pool with the
// page cache of the others; a connection that cannot be reset is closed
// for good instead of keeping its big cache.
func releaseBulkConn(conn *sql.Conn) {
	_, err := conn.ExecContext(context.Background(), fmt.Sprintf(`PRAGMA cache_size = %d`, -cacheKiB))
	if err != nil && !errors.Is(err, sql.ErrConnDone) {
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	conn.Close()
}

// BulkLoad inserts events in one transaction (see BulkWriter).
func (s *Store) BulkLoad(ctx context.Context, events []model.Event) error {
	b, err := s.NewBulkWriter(ctx)
	if err != nil {
		return err
	}
	for i := range events {
		if err := b.AddEvent(&events[i]); err != nil {
			b.Rollback()
			return err
		}
	}
	return b.Commit()
}

// addCounts counts the events this load added into the count tables, and
// their sources on their rows, and puts the insert triggers back, inside the
// load's transaction.
func (b *BulkWriter) addCounts() error {
	const visible = `id > ? AND hidden = 0 AND merged_into IS NULL`
	month := monthOfSQL("start_day")
	year := `CAST(strftime('%Y', start_day * 86400, 'unixepoch') AS INTEGER)`
	stmts := []string{
		`INSERT INTO counts_day(day, n) SELECT start_day, count(*) FROM events WHERE ` + visible + ` AND start_day IS NOT NULL GROUP BY start_day
			ON CONFLICT(day) DO UPDATE SET n = n + excluded.n`,
		`INSERT INTO counts_month(month, n) SELECT ` + month + ` AS m, count(*) FROM events WHERE ` + visible + ` AND start_day IS NOT NULL GROUP BY m
			ON CONFLICT(month) DO UPDATE SET n = n + excluded.n`,
		`INSERT INTO counts_kind_month(month, kind, n) SELECT ` + month + ` AS m, kind, count(*) FROM events WHERE ` + visible + ` AND start_day IS NOT NULL GROUP BY m, kind
			ON CONFLICT(month, kind) DO UPDATE SET n = n + excluded.n`,
		`INSERT INTO counts_year(year, n) SELECT ` + year + ` AS y, count(*) FROM events WHERE ` + visible + ` AND start_day IS NOT NULL GROUP BY y
			ON CONFLICT(year) DO UPDATE SET n = n + excluded.n`,
		`INSERT INTO place_stats(place_id, n, first_day, last_day)
			SELECT place_id, count(*), min(start_day), max(coalesce(end_day, start_day)) FROM events WHERE ` + visible + ` AND place_id IS NOT NULL GROUP BY place_id
			ON CONFLICT(place_id) DO UPDATE SET n = n + excluded.n,
				first_day = min(coalesce(first_day, excluded.first_day), coalesce(excluded.first_day, first_day)),
				last_day = max(coalesce(last_day, excluded.last_day), coalesce(excluded.last_day, last_day))`,
	}
	stmts = append(stmts, `INSERT INTO place_kinds(place_id, kind, n)
			SELECT place_id, kind, count(*) FROM events WHERE `+visible+` AND place_id IS NOT NULL GROUP BY place_id, kind
			ON CONFLICT(place_id, kind) DO UPDATE SET n = n + excluded.n`,
		placeTopFrom(`SELECT place_id FROM events WHERE id > ?`),
		// A load links sources only to the events it adds.
		`UPDATE events SET n_sources = (SELECT count(*) FROM event_sources s WHERE s.event_id = events.id) WHERE id > ?`)
	for _, q := range stmts {
		if _, err := b.tx.ExecContext(b.w.ctx, q, b.lastID); err != nil {
			return err
		}
	}
	_, err := b.tx.ExecContext(b.w.ctx, countInsertTrigger+placeKindsInsertTrigger+sourcesInsertTrigger+kindMonthInsertTrigger)
	return err
}
