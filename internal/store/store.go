// Package store keeps Briefing Atlas's articles, events and the user's edits
// in one SQLite file (WAL, foreign keys, FTS5, R*Tree). Callers reach it only
// through methods named in the user's words; no SQL leaves this package.
//
// Every event returned has its Place and Actors filled and the user's edits
// applied. Methods returning full events (EventsBetween, Undated, Event,
// EventsAt, Search, Starred) also fill Sources; Marks returns the light form
// the timeline needs when it draws many events at once.
//
// Build with -tags sqlite_fts5: without it go-sqlite3 has no FTS5 and Open
// fails with a message saying so.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// BusyTimeoutMS is how long a write waits for another program holding the
// store before giving up with ErrLocked; short enough that a user sees a
// clear message within seconds instead of a hang.
const BusyTimeoutMS = 3000

// cacheKiB is each connection's page cache. The window's reads of a big
// store (the world's places, the timeline's summaries, two at a time) touch
// few pages more than once, and the operating system keeps the file's
// pages anyway: a bigger cache per connection only stayed resident
// (issue 16: 4 connections × 32 MB). A bulk load raises its own
// connection's to bulkCacheKiB for the load.
const (
	cacheKiB     = 8 << 10
	bulkCacheKiB = 32 << 10
)

// Errors callers can test for with errors.Is.
var (
	// ErrNotStore is returned when the file is not an SQLite database or is
	// corrupt; the file is left untouched.
	ErrNotStore = errors.New("not a Briefing Atlas store")
	// ErrNewer is returned when the store was written by a newer version.
	ErrNewer = errors.New("store was written by a newer version of Briefing Atlas")
	// ErrLocked is returned when another program holds the store's write lock.
	ErrLocked = errors.New("store is locked by another program")
	// ErrReadOnly is returned when writing to a store that cannot be written.
	ErrReadOnly = errors.New("store is read-only")
	// ErrNotFound is returned when an event or article id does not exist.
	ErrNotFound = errors.New("not found")
)

// Store is an open store file. It is safe for concurrent use.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	places   placeCache
}

// Open opens the store at path, creating it (and its folder) when it does not
// exist, and upgrades its schema. A file that is not an SQLite database, is
// corrupt, or comes from a newer version is refused and never modified.
func Open(path string) (*Store, error) {
	return open(path, false)
}

// OpenReadOnly opens an existing store for reading only; every write returns
// ErrReadOnly.
func OpenReadOnly(path string) (*Store, error) {
	return open(path, true)
}

var sqliteMagic = []byte("SQLite format 3\x00")

func open(path string, readOnly bool) (*Store, error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	fi, err := os.Stat(path)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("open store %s: %w", path, err)
	case exists && fi.IsDir():
		return nil, fmt.Errorf("open store %s: it is a folder, not a store file", path)
	case exists && fi.Size() > 0:
		// Check the header ourselves: SQLite would happily turn a non-empty
		// foreign file into garbage once we set WAL mode on it.
		if err := checkHeader(path); err != nil {
			return nil, err
		}
	case !exists && readOnly:
		return nil, fmt.Errorf("open store %s: %w", path, err)
	case !exists:
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("open store %s: create folder: %w", path, err)
		}
	}
	if exists && !readOnly && syscall.Access(path, 2 /* W_OK */) != nil {
		// A file the user may not write is opened for reading: the app can
		// still show it, and every write says why it cannot happen.
		readOnly = true
	}
	if exists && fi.Size() > 0 {
		// Look before writing anything: a corrupt file must stay as it is,
		// and so must its folder.
		if err := probeClean(path); err != nil {
			return nil, err
		}
	}
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(BusyTimeoutMS))
	q.Set("_foreign_keys", "on")
	q.Set("_txlock", "immediate")
	// Keep prepared statements per connection: the same few queries run
	// for every article and every map frame.
	q.Set("_stmt_cache_size", "128")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
		q.Set("_cache_size", fmt.Sprint(-cacheKiB))
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// A few connections serve the UI's parallel reads; each holds its own
	// page cache, so more would only cost memory.
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	s := &Store{db: db, path: path, readOnly: readOnly}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.rewordAll(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteMagic) {
		return fmt.Errorf("open store %s: %w: the file is not an SQLite database; it was left untouched (choose another file with --db)", path, ErrNotStore)
	}
	return nil
}

// probeClean probes the file and, when it is refused, removes the empty
// -wal and -shm files the probe itself made beside it.
func probeClean(path string) error {
	had := map[string]bool{}
	for _, suf := range []string{"-wal", "-shm"} {
		if _, err := os.Lstat(path + suf); err == nil {
			had[suf] = true
		}
	}
	err := probe(path)
	if err != nil {
		for _, suf := range []string{"-wal", "-shm"} {
			if had[suf] {
				continue
			}
			if fi, e := os.Lstat(path + suf); e == nil && fi.Mode().IsRegular() && (suf == "-shm" || fi.Size() == 0) {
				os.Remove(path + suf)
			}
		}
	}
	return err
}

// probe reads the schema through a read-only connection so that a damaged
// file is reported before anything could write to it.
func probe(path string) error {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro&_busy_timeout=" + fmt.Sprint(BusyTimeoutMS)
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
		return wrapOpenErr(path, err)
	}
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return wrapOpenErr(path, err)
	}
	if v > len(migrations) {
		return fmt.Errorf("open store %s: %w (schema %d, this build knows %d); it was left untouched", path, ErrNewer, v, len(migrations))
	}
	if v == 0 && n > 0 {
		return fmt.Errorf("open store %s: %w: it is an SQLite database of another program; it was left untouched", path, ErrNotStore)
	}
	return nil
}

func wrapOpenErr(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
			return fmt.Errorf("open store %s: %w: the file is corrupt (%v); it was left untouched", path, ErrNotStore, err)
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return fmt.Errorf("open store %s: %w; close the other Briefing Atlas window or import and try again", path, ErrLocked)
		case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen:
			return fmt.Errorf("open store %s: %w (%v); check the file's and its folder's permissions or choose another file with --db", path, ErrReadOnly, err)
		}
	}
	return fmt.Errorf("open store %s: %w", path, err)
}

func (s *Store) migrate() error {
	var v int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return wrapOpenErr(s.path, err)
	}
	if v > len(migrations) {
		return fmt.Errorf("open store %s: %w (schema %d, this build knows %d)", s.path, ErrNewer, v, len(migrations))
	}
	if v == len(migrations) {
		return s.checkFTS()
	}
	if s.readOnly {
		return fmt.Errorf("open store %s: %w: its schema needs an upgrade (%d → %d)", s.path, ErrReadOnly, v, len(migrations))
	}
	if v > 0 {
		// A fresh file (version 0) has nothing to lose; a store with data
		// is copied first, so that a failed or regretted upgrade can be
		// undone by hand.
		if err := s.backupBeforeMigrate(v); err != nil {
			return err
		}
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.db.Begin()
		if err != nil {
			return s.wrapWrite("upgrade schema", err)
		}
		if _, err := tx.Exec(migrations[i]); err != nil {
			tx.Rollback()
			if strings.Contains(err.Error(), "no such module: fts5") {
				return fmt.Errorf("open store %s: this build has no FTS5; build with -tags sqlite_fts5", s.path)
			}
			return s.wrapWrite(fmt.Sprintf("upgrade schema to %d", i+1), err)
		}
		if step := migrationSteps[i+1]; step != nil {
			if err := step(context.Background(), tx); err != nil {
				tx.Rollback()
				return s.wrapWrite(fmt.Sprintf("upgrade schema to %d", i+1), err)
			}
		}
		if _, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, i+1)); err != nil {
			tx.Rollback()
			return s.wrapWrite("upgrade schema", err)
		}
		if err := tx.Commit(); err != nil {
			return s.wrapWrite("upgrade schema", err)
		}
	}
	return nil
}

func (s *Store) checkFTS() error {
	if _, err := s.db.Exec(`SELECT rowid FROM events_fts LIMIT 0`); err != nil {
		if strings.Contains(err.Error(), "no such module") {
			return fmt.Errorf("open store %s: this build has no FTS5; build with -tags sqlite_fts5", s.path)
		}
		return wrapOpenErr(s.path, err)
	}
	return nil
}

// wrapWrite turns SQLite's terse lock and permission errors into messages a
// user can act on.
func (s *Store) wrapWrite(what string, err error) error {
	if err == nil {
		return nil
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return fmt.Errorf("%s in %s: %w (waited %d ms); close the other Briefing Atlas window or import and try again", what, s.path, ErrLocked, BusyTimeoutMS)
		case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen:
			return fmt.Errorf("%s in %s: %w (%v); check the file's and folder's permissions or choose another file with --db", what, s.path, ErrReadOnly, err)
		case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
			return fmt.Errorf("%s in %s: %w: the file is corrupt (%v)", what, s.path, ErrNotStore, err)
		case sqlite3.ErrFull:
			return fmt.Errorf("%s in %s: the disk is full: %w", what, s.path, err)
		}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w", what, err)
	}
	return fmt.Errorf("%s in %s: %w", what, s.path, err)
}

// Path returns the store's file name.
func (s *Store) Path() string { return s.path }

// Close checkpoints the write-ahead log and closes the file.
func (s *Store) Close() error {
	if !s.readOnly {
		// Best effort: fresh planner statistics, and folding the WAL back
		// keeps the store one file when the user copies it. A busy
		// checkpoint is harmless.
		// Without waiting: a store held by another program closes at once.
		if conn, err := s.db.Conn(context.Background()); err == nil {
			conn.ExecContext(context.Background(), `PRAGMA busy_timeout = 0`)
			conn.ExecContext(context.Background(), `PRAGMA optimize`)
			conn.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`)
			conn.Close()
		}
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// IntegrityCheck runs SQLite's integrity check and returns its verdict, "ok"
// when the file is sound.
func (s *Store) IntegrityCheck() (string, error) {
	rows, err := s.db.Query(`PRAGMA integrity_check`)
	if err != nil {
		return "", fmt.Errorf("integrity check %s: %w", s.path, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", fmt.Errorf("integrity check %s: %w", s.path, err)
		}
		out = append(out, line)
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("integrity check %s: %w", s.path, err)
	}
	return strings.Join(out, "\n"), nil
}

// writeTx runs fn in one immediate transaction: all of it lands or none.
func (s *Store) writeTx(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	if s.readOnly {
		return fmt.Errorf("%s in %s: %w (opened read-only)", what, s.path, ErrReadOnly)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrapWrite(what, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.wrapWrite(what, err)
	}
	if err := tx.Commit(); err != nil {
		return s.wrapWrite(what, err)
	}
	return nil
}
