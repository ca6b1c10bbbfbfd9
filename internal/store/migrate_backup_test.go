package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// olderStore makes a store at schema version 1 holding one article, the
// oldest store a user can have, through a connection left open so that the
// article is still in the WAL (not checkpointed) when the caller opens it.
func olderStore(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	for _, q := range []string{
		`PRAGMA wal_autocheckpoint = 0`,
		migrations[0],
		`PRAGMA user_version = 1`,
		`INSERT INTO articles(path, sha256, format, text, imported_at) VALUES ('old.txt', 'abc', 'txt', 'Old text.', 0)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%.40s: %v", q, err)
		}
	}
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("the article should still be in the WAL: %v", err)
	}
	return db
}

func schemaAndArticles(t *testing.T, path string) (int, int) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v, n int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v, n
}

func TestBackupBeforeMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atlas.db")
	olderStore(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, n := schemaAndArticles(t, BackupPath(path)); v != 1 || n != 1 {
		t.Errorf("backup: schema %d with %d articles, want the store as it was: schema 1, 1 article", v, n)
	}
	if _, err := os.Stat(BackupPath(path) + "-wal"); err == nil {
		t.Error("the backup has a -wal beside it: it is not one self-contained file")
	}
	if v, n := schemaAndArticles(t, path); v != len(migrations) || n != 1 {
		t.Errorf("store: schema %d with %d articles, want %d and 1", v, n, len(migrations))
	}
	left, _ := filepath.Glob(BackupPath(path) + ".tmp-*")
	if len(left) > 0 {
		t.Errorf("temporary copies left: %q", left)
	}
}

// No backup is made of a fresh store, nor of one already current.
func TestNoBackupWithoutMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atlas.db")
	for i := 0; i < 2; i++ {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	if _, err := os.Stat(BackupPath(path)); err == nil {
		t.Error("a backup of a store that needed no upgrade")
	}
}

// When the copy cannot be made, the upgrade does not run.
func TestNoMigrationWithoutBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atlas.db")
	olderStore(t, path).Close()
	blocker := fmt.Sprintf("%s.tmp-%d", BackupPath(path), os.Getpid())
	os.MkdirAll(filepath.Join(blocker, "x"), 0o755) // not a file VACUUM INTO can write
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "back up") || !strings.Contains(err.Error(), "not changed") {
		t.Fatalf("got %v, want a failed backup that stops the upgrade", err)
	}
	t.Log(err)
	if v, _ := schemaAndArticles(t, path); v != 1 {
		t.Errorf("schema %d after a failed backup, want 1 (not upgraded)", v)
	}
}
