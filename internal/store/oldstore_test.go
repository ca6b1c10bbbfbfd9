package store

import (
	"database/sql"
	"fmt"
	"testing"
)

// writeOldStore writes at path a store as schema version left it, with
// rows (SQL statements) in it, for the upgrade tests: Open then migrates
// it the way it migrates a user's file.
func writeOldStore(t *testing.T, path string, version int, rows ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := append(append([]string{}, migrations[:version]...), fmt.Sprintf(`PRAGMA user_version = %d`, version))
	for _, q := range append(stmts, rows...) {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
}
