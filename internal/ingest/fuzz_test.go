package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the reader as each format: HTML main
// text, encodings, date lines and datelines, PDF, Word, mail (with its
// attachments), MHTML and web archives must never panic, and what is read is
// valid UTF-8 whose noise spans lie inside it. Seeds: testdata/fuzz/FuzzParse
// (among them small PDF, Word, mail, MHTML and web archive files, whole and
// damaged).
func FuzzParse(f *testing.F) {
	f.Add([]byte("<html><head><meta property=\"article:published_time\" content=\"2016-03-24\"><title>T</title></head><body><p>BEIRUT (Reuters) - Talks ended on Thursday.</p><script>x()</script></body></html>"), "html")
	f.Add([]byte("\xff\xfeH\x00i\x00"), "txt")
	f.Add([]byte("Updated May 2, 2017 06:31:58\nKIEV, Ukraine \u2013 Parliament voted on Saturday.\n"), "md")
	f.Fuzz(func(t *testing.T, raw []byte, format string) {
		switch format {
		case "txt", "md", "html", "pdf", "docx", "eml", "mhtml", "webarchive":
		default:
			format = "txt"
		}
		// A clear refusal is fine; a panic is not. ParseAll recovers from
		// panics in the binary readers, so look for its message too.
		as, err := ParseAll("fuzz."+format, format, raw, nil)
		if err != nil && strings.Contains(err.Error(), "reader failed on this file") {
			t.Fatalf("reader panicked: %v", err)
		}
		for _, a := range as {
			if !utf8.ValidString(a.Text) {
				t.Fatalf("text is not UTF-8")
			}
			for _, n := range a.Noise {
				if n.Start < 0 || n.End > len(a.Text) || n.Start > n.End {
					t.Fatalf("noise span %v outside text of %d bytes", n, len(a.Text))
				}
			}
		}
	})
}

// FuzzManifest feeds arbitrary bytes to the manifest reader as CSV and as
// JSON: a bad manifest is a message, never a panic. Seeds:
// testdata/fuzz/FuzzManifest.
func FuzzManifest(f *testing.F) {
	f.Add([]byte("file,title,publisher,url,published\na.txt,T,P,http://x,2016-03-24\n"), true)
	f.Add([]byte("\ufefffile;published\n\"a.txt;2016-13-45\n"), true)
	f.Add([]byte(`[{"file":"a.txt","published":"2016-03-24"},{"file":`), false)
	f.Fuzz(func(t *testing.T, raw []byte, csv bool) {
		name := "sources.json"
		if csv {
			name = "sources.csv"
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := LoadManifest(path)
		if err != nil || m == nil {
			return
		}
		m.Lookup("a.txt")
		m.Unused()
	})
}
