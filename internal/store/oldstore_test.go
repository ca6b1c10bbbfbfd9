package store

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
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

// articleSaver saves articles into s for tests that step through a
// store's writes: save returns the step that saves an article of events;
// saving a name again saves a second version (another text, so another
// hash) in its place. ids holds each name's article id.
type articleSaver struct {
	s   *Store
	ids map[string]int64
}

func newArticleSaver(s *Store) *articleSaver { return &articleSaver{s: s, ids: map[string]int64{}} }

func (v *articleSaver) save(name string, evs ...model.Event) func() error {
	return func() error {
		a, x := article(name, "2016-03-25", evs...)
		if v.ids[name] != 0 {
			a.SHA256 += "-v2"
		}
		_, err := v.s.SaveArticle(context.Background(), a, x, sameTitle)
		v.ids[name] = a.ID
		return err
	}
}
