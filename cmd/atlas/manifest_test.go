package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/store"
)

// TestBadManifests runs atlas import over two articles with a broken
// manifest of each kind the issue lists: every problem is one line naming
// the manifest, the line and the problem, nothing panics, both articles are
// imported with what the manifest could give, and the exit status is 0, or
// 1 when the manifest as a whole could not be used.
func TestBadManifests(t *testing.T) {
	const header = "file,title,publisher,url,published\n"
	tests := []struct {
		name, manifest, body string
		code                 int
		message              string
		titleA               string // a.txt's stored title ("" when the manifest gave none)
	}{
		{"bad date", "sources.csv", header + "a.txt,Alpha,P,,2016-13-45\nb.txt,Beta,P,,2016-03-02\n", 0,
			`sources.csv:2: bad published date "2016-13-45" for a.txt: not a date (YYYY-MM-DD); the row's other fields are used`, "Alpha"},
		{"date out of range", "sources.csv", header + "a.txt,Alpha,P,,1016-03-01\n", 0,
			`sources.csv:2: bad published date "1016-03-01" for a.txt: before 1800 or over a year ahead`, "Alpha"},
		{"row naming a missing file", "sources.csv", header + "a.txt,Alpha,P,,2016-03-01\ngone.txt,G,P,,2016-03-01\n", 0,
			"sources.csv lists gone.txt, which was not among the files imported", "Alpha"},
		{"duplicate row", "sources.csv", header + "a.txt,Alpha,P,,2016-03-01\na.txt,Alpha,P,,2016-03-01\n", 0,
			"sources.csv:3: a.txt repeats line 2; it is ignored", "Alpha"},
		{"row listed twice, differently", "sources.csv", header + "a.txt,Old,P,,2016-03-01\nb.txt,Beta,P,,\na.txt,Alpha,P,,2016-03-01\n", 0,
			"sources.csv:4: a.txt is listed again (first on line 2) with other fields; this later row is used", "Alpha"},
		{"unknown column", "sources.csv", "file,title,author\na.txt,Alpha,Ann\n", 0,
			`sources.csv:1: unknown column "author" is ignored`, "Alpha"},
		{"semicolons", "sources.csv", "file;title;publisher;url;published\na.txt;Alpha;P;;2016-03-01\n", 0,
			"sources.csv:1: the fields are separated by semicolons, not commas; they are read that way", "Alpha"},
		{"tabs", "sources.csv", "file\ttitle\tpublisher\turl\tpublished\na.txt\tAlpha\tP\t\t2016-03-01\n", 0,
			"sources.csv:1: the fields are separated by tabs, not commas", "Alpha"},
		{"byte-order mark", "sources.csv", "\ufeff" + header + "a.txt,Alpha,P,,2016-03-01\n", 0, "", "Alpha"},
		{"unterminated quote", "sources.csv", header + "b.txt,\"Beta,P,,2016-03-02\na.txt,Alpha,P,,2016-03-01\n", 0,
			"sources.csv:2: a quoted field opened in this row is not closed (the file reads on to line 3); the row is skipped", "Alpha"},
		{"unterminated quote on the last row", "sources.csv", header + "a.txt,Alpha,P,,2016-03-01\n\"b.txt,Beta", 0,
			"sources.csv:3: a quoted field", "Alpha"},
		{"quote closed rows later", "sources.csv", header + "b.txt,\"Beta,P,,2016-03-02\nc.txt,Gamma\",P,,\na.txt,Alpha,P,,2016-03-01\n", 0,
			"sources.csv:2: a quote opened in this row closes only on a later line; the row is skipped", "Alpha"},
		{"huge field", "sources.csv", header + "a.txt,Alpha,P," + strings.Repeat("u", 1<<20) + ",2016-03-01\n", 0,
			"sources.csv:2: url is 1048576 bytes long", "Alpha"},
		{"JSON that is not JSON", "sources.json", "title: Alpha\nfile: a.txt\n", 1,
			"sources.json:1: bad JSON", ""},
		{"JSON broken part-way", "sources.json", "[\n{\"file\": \"a.txt\", \"title\": \"Alpha\"},\n{\"file\": \"b.txt\",,}\n]\n", 1,
			"sources.json:3: bad JSON", ""},
		{"JSON entry with a bad date", "sources.json", "[\n{\"file\": \"b.txt\"},\n{\"file\": \"a.txt\", \"title\": \"Alpha\", \"published\": \"2016-13-45\"}\n]\n", 0,
			`sources.json:3: bad published date "2016-13-45" for a.txt`, "Alpha"},
		{"empty file", "sources.csv", "", 1, "sources.csv: the file is empty; nothing in it can be used", ""},
		{"blank file", "sources.csv", "\n  \n", 1, "sources.csv: the file is empty", ""},
		{"no file column", "sources.csv", "name,title\na.txt,Alpha\n", 1, `sources.csv:1: no "file" column in the header`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "in")
			os.Mkdir(in, 0o755)
			os.WriteFile(filepath.Join(in, "a.txt"), []byte("Envoys Meet in Oslo\n\nOSLO - Envoys met on Monday for talks, officials said.\n"), 0o644)
			os.WriteFile(filepath.Join(in, "b.txt"), []byte("Ministers Meet in Rome\n\nROME - Ministers met on Tuesday for talks on trade, aides said.\n"), 0o644)
			mp := filepath.Join(in, tc.manifest)
			os.WriteFile(mp, []byte(tc.body), 0o644)
			t.Run("--manifest", func(t *testing.T) {
				checkBadManifest(t, filepath.Join(dir, "given.db"), mp, tc.code, tc.message, tc.titleA, "--manifest", mp, in)
			})
			// Found in the folder, the manifest is read by the pipeline;
			// one the import cannot use at all is then only a warning.
			t.Run("in the folder", func(t *testing.T) {
				checkBadManifest(t, filepath.Join(dir, "found.db"), mp, 0, tc.message, tc.titleA, in)
			})
		})
	}
}

func checkBadManifest(t *testing.T, db, mp string, wantCode int, message, titleA string, args ...string) {
	code, out, errs := run(append([]string{"import", "-q", "--db", db}, args...)...)
	all := out + errs
	if strings.Contains(all, "panic") || strings.Contains(all, "goroutine ") {
		t.Fatalf("a stack trace:\n%s", all)
	}
	if code != wantCode {
		t.Errorf("exit %d, want %d\n%s", code, wantCode, all)
	}
	lines := 0
	for _, l := range strings.Split(all, "\n") {
		if message != "" && strings.Contains(l, message) {
			lines++
			if !strings.Contains(l, mp) {
				t.Errorf("the message does not name the manifest %s: %q", mp, l)
			}
		}
	}
	if message != "" && lines != 1 {
		t.Errorf("%d lines say %q, want one; output:\n%s", lines, message, all)
	}
	if message == "" && strings.Contains(all, "Warning") {
		t.Errorf("unexpected warnings:\n%s", all)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 {
		t.Fatalf("%d articles imported, want both; output:\n%s", len(arts), all)
	}
	for _, a := range arts {
		if filepath.Base(a.Path) != "a.txt" {
			continue
		}
		if titleA != "" && a.Title != titleA {
			t.Errorf("a.txt's title %q, want the manifest's %q", a.Title, titleA)
		}
		if titleA == "" && a.Title == "Alpha" {
			t.Error("a.txt took its title from a manifest that could not be read")
		}
	}
	t.Logf("exit %d\n%s", code, all)
}
