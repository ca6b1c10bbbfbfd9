package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/briefingatlas/atlas/internal/model"
)

// BulkWriter inserts many articles and events in one transaction with
// prepared statements, for the benchmark generator. Count tables and search
// indexes are kept as usual. Events are inserted as given: no merging.
// Nothing is visible to others until Commit.
type BulkWriter struct {
	s  *Store
	tx *sql.Tx
	w  *writer
	n  int
}

// NewBulkWriter starts a bulk load. Call Commit to keep it or Rollback to
// drop it. User edits already in the store still apply to events whose keys
// they name.
func (s *Store) NewBulkWriter(ctx context.Context) (*BulkWriter, error) {
	if s.readOnly {
		return nil, fmt.Errorf("bulk load into %s: %w (opened read-only)", s.path, ErrReadOnly)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.wrapWrite("bulk load", err)
	}
	w := newWriter(ctx, tx)
	var edits int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM edits`).Scan(&edits); err != nil {
		tx.Rollback()
		return nil, s.wrapWrite("bulk load", err)
	}
	w.noEdits = edits == 0
	return &BulkWriter{s: s, tx: tx, w: w}, nil
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
	b.w.close()
	if err := b.tx.Commit(); err != nil {
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
	b.w.close()
	if err := b.tx.Rollback(); err != nil && err != sql.ErrTxDone {
		return fmt.Errorf("bulk load rollback: %w", err)
	}
	return nil
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
