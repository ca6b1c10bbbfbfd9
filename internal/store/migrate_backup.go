package store

import (
	"fmt"
	"os"
)

// BackupPath is where Open copies a store before upgrading its schema:
// the store's name with ".bak" added (atlas.db → atlas.db.bak).
func BackupPath(path string) string { return path + ".bak" }

// backupBeforeMigrate copies the store, as it is at schema version v, to
// BackupPath. VACUUM INTO writes one consistent, self-contained file
// through SQLite itself, so the pages still in the WAL are included
// without a checkpoint and the copy has no -wal beside it. It writes to a
// temporary name and renames it over the backup only when complete, so an
// earlier backup survives a failed copy (a full disk). When the copy
// cannot be made the upgrade does not run: the store is left as it was.
func (s *Store) backupBeforeMigrate(v int) error {
	bak := BackupPath(s.path)
	tmp := fmt.Sprintf("%s.tmp-%d", bak, os.Getpid())
	os.Remove(tmp) // ours from a crashed run; VACUUM INTO refuses an existing file
	fail := func(err error) error {
		os.Remove(tmp)
		return fmt.Errorf("open store %s: back up to %s before upgrading its schema (%d → %d): %w; the store was not changed",
			s.path, bak, v, len(migrations), err)
	}
	if _, err := s.db.Exec(`VACUUM INTO ?`, tmp); err != nil {
		return fail(err)
	}
	f, err := os.Open(tmp)
	if err != nil {
		return fail(err)
	}
	// The rename must not land before the data does.
	err = f.Sync()
	f.Close()
	if err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, bak); err != nil {
		return fail(err)
	}
	return nil
}
