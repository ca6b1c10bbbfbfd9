package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/briefingatlas/atlas/internal/model"
)

// ImportBatch saves several articles in one write transaction, each under
// its own savepoint, for an import. An article that fails leaves nothing
// behind and the others stay; a crash leaves whole articles only. One commit
// for several small articles writes the indexes' hot pages to the log once
// instead of once per article, which was a third of an import's work.
// Nothing is visible to others until Commit. Not safe for concurrent use.
type ImportBatch struct {
	s    *Store
	conn *sql.Conn // the batch's own, its journals in memory until it ends
	tx   *sql.Tx
	n    int
}

// NewImportBatch starts a batch; call Commit to keep what it saved or
// Rollback to drop it. The transaction does not end with ctx: a cancelled
// import commits the whole articles it saved, so its summary stays true.
func (s *Store) NewImportBatch(ctx context.Context) (*ImportBatch, error) {
	if s.readOnly {
		return nil, fmt.Errorf("import into %s: %w (opened read-only)", s.path, ErrReadOnly)
	}
	ctx = context.WithoutCancel(ctx)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, s.wrapWrite("import", err)
	}
	// Each article's savepoint keeps the first content of every page the
	// article changes in a sub-journal, so that a failed article can be
	// undone; SQLite writes that journal to a temporary file, page by
	// page, unless temporary storage is in memory. At 20,000 articles
	// those writes were 17 GB, a third of the import's system time. The
	// journal is emptied at each article's release, so memory stays
	// bounded by one article's pages. The setting cannot change inside a
	// transaction, hence a connection of the batch's own.
	if _, err := conn.ExecContext(ctx, `PRAGMA temp_store = MEMORY`); err != nil {
		conn.Close()
		return nil, s.wrapWrite("import", err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		releaseBatchConn(conn)
		return nil, s.wrapWrite("import", err)
	}
	return &ImportBatch{s: s, conn: conn, tx: tx}, nil
}

// releaseBatchConn gives a batch's connection back to the pool with the
// others' temporary storage (files: a big sort of the UI's stays out of
// memory); one that cannot be reset is closed for good.
func releaseBatchConn(conn *sql.Conn) {
	_, err := conn.ExecContext(context.Background(), `PRAGMA temp_store = DEFAULT`)
	if err != nil && !errors.Is(err, sql.ErrConnDone) {
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	conn.Close()
}

// SaveArticle is Store.SaveArticle inside the batch, with a merge rule: the
// article with its mentions and events lands whole or not at all. An article
// whose text is stored already, or was saved earlier in the batch, is
// AlreadyPresent.
func (b *ImportBatch) SaveArticle(a *model.Article, x *model.Extraction, m Merging) (SaveResult, error) {
	if a == nil {
		return SaveResult{}, errors.New("save article: nil article")
	}
	var res SaveResult
	err := b.savepoint("save article "+a.Path, func(ctx context.Context) error {
		var err error
		res, err = saveArticle(ctx, b.tx, a, x, m)
		return err
	})
	if err != nil {
		return SaveResult{}, err
	}
	if !res.AlreadyPresent {
		b.n++
	}
	return res, nil
}

// RememberFile records the file hash of a stored article that has none yet
// (imported before file hashes were kept, or the same text met in another
// file), so the next import skips the file before parsing it.
func (b *ImportBatch) RememberFile(textSHA, fileSHA string) error {
	if fileSHA == "" {
		return nil
	}
	return b.savepoint("remember file hash", func(ctx context.Context) error {
		_, err := b.tx.ExecContext(ctx, `UPDATE articles SET file_sha256 = ? WHERE sha256 = ? AND file_sha256 IS NULL`, fileSHA, textSHA)
		return err
	})
}

// Saved returns how many articles the batch added.
func (b *ImportBatch) Saved() int { return b.n }

// Commit keeps everything the batch saved.
func (b *ImportBatch) Commit() error {
	err := b.tx.Commit()
	releaseBatchConn(b.conn)
	if err != nil {
		return b.s.wrapWrite(fmt.Sprintf("commit %d imported articles", b.n), err)
	}
	return nil
}

// Rollback drops everything the batch saved.
func (b *ImportBatch) Rollback() error {
	err := b.tx.Rollback()
	releaseBatchConn(b.conn)
	if err != nil && !errors.Is(err, sql.ErrTxDone) {
		return b.s.wrapWrite("roll back import", err)
	}
	return nil
}

// savepoint runs fn so that on error the batch is as it was before.
func (b *ImportBatch) savepoint(what string, fn func(ctx context.Context) error) error {
	ctx := context.Background()
	if _, err := b.tx.ExecContext(ctx, `SAVEPOINT article`); err != nil {
		return b.s.wrapWrite(what, err)
	}
	if err := fn(ctx); err != nil {
		if _, rerr := b.tx.ExecContext(ctx, `ROLLBACK TO article; RELEASE article`); rerr != nil {
			return b.s.wrapWrite(what, fmt.Errorf("%w (and undoing it: %v)", err, rerr))
		}
		return b.s.wrapWrite(what, err)
	}
	if _, err := b.tx.ExecContext(ctx, `RELEASE article`); err != nil {
		return b.s.wrapWrite(what, err)
	}
	return nil
}
