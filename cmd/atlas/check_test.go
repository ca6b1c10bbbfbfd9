package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck runs atlas check on a sound store, then on copies of it
// damaged on purpose, one way each.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	os.WriteFile(filepath.Join(in, "a.txt"), []byte("Envoys Meet in Oslo\n\nOSLO - Envoys met on Monday for talks in Oslo, officials said.\n"), 0o644)
	os.WriteFile(filepath.Join(in, "b.txt"), []byte("Ministers Meet in Rome\n\nROME - Ministers met on Tuesday for talks on trade, aides said.\n"), 0o644)
	sound := filepath.Join(dir, "sound.db")
	if code, out, errs := run("import", "-q", "--db", sound, in); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs := run("check", "--db", sound)
	if code != 0 || !strings.HasPrefix(out, "The store "+sound+" is sound: 2 articles") || strings.Count(out, "\n") != 1 {
		t.Fatalf("sound store: exit %d\n%s%s", code, out, errs)
	}
	t.Log(out)
	raw, _ := os.ReadFile(sound)

	// damage copies the sound store and runs sql on it with foreign keys
	// off, as a buggy program or a hand edit would.
	damage := func(t *testing.T, sqlText string) string {
		p := filepath.Join(t.TempDir(), "damaged.db")
		os.WriteFile(p, raw, 0o644)
		db, err := sql.Open("sqlite3", "file:"+p+"?_foreign_keys=off")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(sqlText); err != nil {
			t.Fatalf("damage: %v", err)
		}
		return p
	}
	tests := []struct {
		name, sql, want string
	}{
		{"event without a source", `DELETE FROM event_sources WHERE event_id = (SELECT min(id) FROM events)`, "1 event has no source sentence"},
		{"source outside its article", `UPDATE event_sources SET end = end + 100000 WHERE event_id = (SELECT min(id) FROM events)`, "1 source sentence lies outside its article's text"},
		{"mention changed", `UPDATE mentions SET text = text || 'x' WHERE id = (SELECT min(id) FROM mentions)`, "1 highlighted mention does not match its article's text"},
		{"missing place", `UPDATE events SET place_id = 999999 WHERE id = (SELECT min(id) FROM events)`, "1 row of events points at missing places"},
		{"missing article", `DELETE FROM articles WHERE id = (SELECT min(id) FROM articles)`, "point at missing articles"},
		{"counts off", `INSERT INTO counts_day(day, n) VALUES (16884, 3)`, "the timeline's day counts disagree with the events on 1 day."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := damage(t, tc.sql)
			code, out, errs := run("check", "--db", p)
			if code != 1 || !strings.Contains(out, "is damaged") || !strings.Contains(out, tc.want) || strings.Count(out, "\n") != 1 {
				t.Fatalf("exit %d (want 1), output:\n%s%s\nwant one sentence saying %q", code, out, errs, tc.want)
			}
			t.Log(out)
		})
	}

	t.Run("corrupt pages", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "corrupt.db")
		bad := append([]byte(nil), raw...)
		// Keep the header and the schema page; scribble over the rest.
		for i := 4096; i < len(bad); i += 7 {
			bad[i] ^= 0x5a
		}
		os.WriteFile(p, bad, 0o644)
		code, out, errs := run("check", "--db", p)
		if code != 1 || !strings.Contains(out, p) || strings.Count(out, "\n") != 1 {
			t.Fatalf("exit %d (want 1), output:\n%s%s", code, out, errs)
		}
		if after, _ := os.ReadFile(p); string(after) != string(bad) {
			t.Error("atlas check changed the damaged file")
		}
		t.Log(out)
	})
	// A damaged page deep in the file opens but fails SQLite's own check.
	t.Run("corrupt last page", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "corrupt.db")
		bad := append([]byte(nil), raw...)
		for i := len(bad) - 4096 + 8; i < len(bad); i += 3 {
			bad[i] ^= 0xff
		}
		os.WriteFile(p, bad, 0o644)
		code, out, errs := run("check", "--db", p)
		if code != 1 || !strings.Contains(out, p) || strings.Count(out, "\n") != 1 {
			t.Fatalf("exit %d (want 1), output:\n%s%s", code, out, errs)
		}
		t.Log(out)
	})
	t.Run("not a store", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "notes.db")
		os.WriteFile(p, []byte("my notes\n"), 0o644)
		if code, out, _ := run("check", "--db", p); code != 1 || !strings.Contains(out, "cannot be opened") {
			t.Fatalf("exit %d, %s", code, out)
		}
	})
	t.Run("no store", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "nope.db")
		if code, out, _ := run("check", "--db", p); code != 1 || !strings.Contains(out, "no file") {
			t.Fatalf("exit %d, %s", code, out)
		}
		if _, err := os.Stat(p); err == nil {
			t.Error("atlas check created a store")
		}
	})
	t.Run("usage", func(t *testing.T) {
		if code, _, _ := run("check", "--db", sound, "extra"); code != 2 {
			t.Fatalf("exit %d, want 2", code)
		}
	})
}
