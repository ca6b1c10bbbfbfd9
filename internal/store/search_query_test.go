package store

import (
	"math/rand/v2"
	"testing"
)

func TestParseQuery(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`chemical weapons`, `("chemical" AND "weapons")`},
		{`"chemical weapons"`, `"chemical weapons"`},
		{`negotiat*`, `"negotiat"*`},
		{`"peace talk"*`, `"peace talk"*`},
		{`a OR b c`, `("a" OR ("b" AND "c"))`},
		{`a NOT b OR c`, `(("a" NOT "b") OR "c")`},
		{`(a OR b) AND c`, `(("a" OR "b") AND "c")`},
		{`al-Assad's`, `"al Assad s"`},
		{`Kerry and Lavrov`, `("Kerry" AND "and" AND "Lavrov")`},
		// Malformed: the plain words, all required.
		{`"chemical weapons`, `"chemical" AND "weapons"`},
		{`NOT syria`, `"syria"`},
		{`syria AND`, `"syria"`},
		{`(syria`, `"syria"`},
		{`syria)`, `"syria"`},
		{`a OR OR b`, `"a" AND "b"`},
		// Punctuation alone is nothing to search.
		{`?`, ``},
		{`"" *`, ``},
		{`title:x`, `"title x"`},
	} {
		if got := parseQuery(tt.in); got != tt.want {
			t.Errorf("parseQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestParseQueryNeverFailsInSQLite runs random strings of query characters
// through MATCH: none may be an FTS5 syntax error.
func TestParseQueryNeverFailsInSQLite(t *testing.T) {
	s := openTemp(t)
	alphabet := []string{`"`, `(`, `)`, `*`, ` `, `AND`, `OR`, `NOT`, `NEAR`, `:`, `^`, `+`, `-`, `'`, `a`, `b`, `é`, `東京`, `x1`, `{`, `}`, `,`, `.`, "\t", "\x00"}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 3000; i++ {
		var q string
		for n := r.IntN(9); n >= 0; n-- {
			q += alphabet[r.IntN(len(alphabet))]
			if r.IntN(3) == 0 {
				q += " "
			}
		}
		expr := parseQuery(q)
		if expr == "" {
			continue
		}
		rows, err := s.db.Query(`SELECT rowid FROM events_fts WHERE events_fts MATCH ?`, expr)
		if err != nil {
			t.Fatalf("query %q → %s: %v", q, expr, err)
		}
		rows.Close()
	}
}
