package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestManifestProblemsAreLines checks that each problem in a manifest is
// one warning line "PATH:LINE: …" and that the rows around it are still
// read. cmd/atlas's TestBadManifests runs the same kinds of file through
// atlas import.
func TestManifestProblemsAreLines(t *testing.T) {
	tests := []struct {
		name, file, body string
		want             string // a warning holding this
		titleOfB         string // the entry for b.txt still read
	}{
		{"bad date", "sources.csv", "file,title,published\na.txt,A,2016-13-45\nb.txt,B,2016-03-02\n",
			`sources.csv:2: bad published date "2016-13-45" for a.txt: not a date (YYYY-MM-DD); the row's other fields are used`, "B"},
		{"unterminated quote", "sources.csv", "file,title,published\na.txt,\"A,2016-03-01\nb.txt,B,2016-03-02\n",
			"sources.csv:2: a quoted field opened in this row is not closed", "B"},
		{"quote closing rows later", "sources.csv", "file,title\na.txt,\"A\nc.txt,C\"\nb.txt,B\n",
			"sources.csv:2: a quote opened in this row closes only on a later line", "B"},
		{"bare quote", "sources.csv", "file,title\na.txt,A \"x\" y\nb.txt,B\n", `sources.csv:2: a quote (") inside an unquoted field`, "B"},
		{"semicolons", "sources.csv", "file;title;published\na.txt;A;2016-03-01\nb.txt;B;2016-03-02\n",
			"sources.csv:1: the fields are separated by semicolons", "B"},
		{"tabs", "sources.csv", "file\ttitle\na.txt\tA, with a comma\nb.txt\tB\n", "sources.csv:1: the fields are separated by tabs", "B"},
		{"json entry of the wrong type", "sources.json", "[\n {\"file\": \"a.txt\", \"published\": 2016},\n {\"file\": \"b.txt\", \"title\": \"B\"}\n]\n",
			"sources.json:2: published is 2016, not a string", "B"},
		{"json unknown field", "sources.json", "{\"articles\": [\n{\"file\": \"b.txt\", \"title\": \"B\", \"author\": \"X\"}]}", `sources.json:2: unknown field "author"`, "B"},
		{"huge title", "sources.csv", "file,title\na.txt," + strings.Repeat("x", 100000) + "\nb.txt,B\n", "sources.csv:2: title is 100000 bytes long", "B"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), tc.file)
			os.WriteFile(p, []byte(tc.body), 0o644)
			m, err := LoadManifest(p)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, w := range m.Warnings {
				if strings.Contains(w, "\n") {
					t.Errorf("warning spans lines: %q", w)
				}
				found = found || strings.Contains(w, tc.want)
			}
			if !found {
				t.Errorf("warnings %q\nwant one holding %q", m.Warnings, tc.want)
			}
			if e, ok := m.Lookup("b.txt"); !ok || e.Title != tc.titleOfB {
				t.Errorf("b.txt: %+v %v, want title %q", e, ok, tc.titleOfB)
			}
		})
	}
}

// FuzzLoadManifest: no manifest, however broken, panics or hangs.
func FuzzLoadManifest(f *testing.F) {
	for _, s := range []string{
		"file,title\n\"a.txt", "file,published\n\"a.txt,2016-13-45\n", "file;title\na;b\n", "[{\"file\":1}]",
		"{\"articles\":{}}", "\ufefffile\ta\n", "file,title\na.txt,\"x\"\"\n\"", "file\n\n\n,,,\n",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, body string) {
		for _, name := range []string{"m.csv", "m.json"} {
			p := filepath.Join(dir, name)
			os.WriteFile(p, []byte(body), 0o644)
			m, err := LoadManifest(p)
			if err == nil && m == nil {
				t.Fatal("nil manifest without an error")
			}
		}
	})
}
