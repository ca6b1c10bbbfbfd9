package main

import (
	"bufio"
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/sharedtest"
)

// records reads `atlas events` output.
func records(t *testing.T, out string) []model.Record {
	t.Helper()
	var rs []model.Record
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r model.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		rs = append(rs, r)
	}
	return rs
}

func recordIDs(rs []model.Record) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	slices.Sort(out)
	return out
}

func TestEventsSearch(t *testing.T) {
	corpus := sharedtest.Corpus(t)
	db := filepath.Join(t.TempDir(), "x.db")
	if code, out, errs := run("import", "--db", db, "--manifest", filepath.Join(corpus, "sources.csv"), "-q", corpus); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	search := func(args ...string) []model.Record {
		t.Helper()
		code, out, errs := run(append([]string{"events", "--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("events %q: exit %d: %s", args, code, errs)
		}
		return records(t, out)
	}
	_, allOut, _ := run("events", "--db", db)
	all := records(t, allOut)
	says := func(r model.Record, re *regexp.Regexp) bool {
		for _, s := range r.Sources {
			if re.MatchString(s.Text) {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct {
		query string
		re    *regexp.Regexp
	}{
		{`"chemical weapons"`, regexp.MustCompile(`(?i)\bchemical weapons\b`)},
		{`negotiat*`, regexp.MustCompile(`(?i)\bnegotiat`)},
	} {
		got := search("--search", tt.query)
		if len(got) == 0 {
			t.Errorf("%s: no event", tt.query)
		}
		for _, r := range got {
			if !says(r, tt.re) && !tt.re.MatchString(r.Title) {
				t.Errorf("%s: %q found but does not say it", tt.query, r.Title)
			}
		}
		var want []model.Record
		for _, r := range all {
			if says(r, tt.re) {
				want = append(want, r)
			}
		}
		if g, w := recordIDs(got), recordIDs(want); !slices.Equal(g, w) {
			t.Errorf("%s: events %v, want those saying it %v", tt.query, g, w)
		}
	}
	// Operators, and the other filters still apply.
	neg := search("--search", "negotiat*")
	not := search("--search", "negotiat* NOT Putin")
	if len(not) == 0 || len(not) >= len(neg) {
		t.Errorf("negotiat* NOT Putin: %d events of negotiat*'s %d", len(not), len(neg))
	}
	for _, r := range search("--search", "negotiat*", "--from", "2016") {
		if r.Start < "2016" {
			t.Errorf("--from 2016 printed %q of %s", r.Title, r.Start)
		}
	}
	// A malformed query searches its plain words.
	if g, w := recordIDs(search("--search", `"negotiations committee`)), recordIDs(search("--search", `negotiations committee`)); !slices.Equal(g, w) || len(g) == 0 {
		t.Errorf("unclosed quote: %v, want %v", g, w)
	}
	if got := search("--search", `AND ( "`); len(got) != 0 {
		t.Errorf("a query of operators printed %d events", len(got))
	}
}

// --place takes the places inside a country or division: Syria includes
// Palmyra, and a country no event names itself is found by its places.
func TestEventsPlaceIncludesPlacesInside(t *testing.T) {
	corpus := sharedtest.Corpus(t)
	db := filepath.Join(t.TempDir(), "x.db")
	if code, out, errs := run("import", "--db", db, "--manifest", filepath.Join(corpus, "sources.csv"), "-q", corpus); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	for _, tt := range []struct {
		place string
		want  []string
	}{
		{"Syria", []string{"Palmyra", "Syria"}},
		{"palmyra", []string{"Palmyra"}},
		{"Jordan", []string{"Amman"}},
		{"Homs", []string{"Palmyra"}},
	} {
		code, out, errs := run("events", "--db", db, "--place", tt.place)
		if code != 0 {
			t.Fatalf("--place %s: exit %d: %s", tt.place, code, errs)
		}
		var got []string
		for _, r := range records(t, out) {
			if r.Place != nil && !slices.Contains(got, r.Place.Name) {
				got = append(got, r.Place.Name)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("--place %s: events at %v, want %v", tt.place, got, tt.want)
		}
	}
	if code, _, _ := run("events", "--db", db, "--place", "Atlantis"); code == 0 {
		t.Error("--place Atlantis succeeded")
	}
}
