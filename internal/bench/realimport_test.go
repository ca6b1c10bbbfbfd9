package bench

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealCopiesAreDistinct checks what the real-text import relies on:
// every copy has its own text and URL (else the store would skip it or take
// it for a newer version of the first), keeps the rest of its manifest row,
// and there are as many copies as it takes to reach the size asked for.
func TestRealCopiesAreDistinct(t *testing.T) {
	src := t.TempDir()
	manifest := "file,title,publisher,url,published\n" +
		"a.txt,A,Pub,https://example.org/a,2011-05-02\n" +
		"b.txt,,Other,,2011-05-03\n"
	for name, body := range map[string]string{"sources.csv": manifest, "a.txt": strings.Repeat("a", 600), "b.txt": strings.Repeat("b", 400)} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		minBytes, files int
	}{
		{1, 2},    // one round at least
		{1000, 2}, // one round is 1,000 bytes and a bit
		{3000, 6}, // three rounds
		{3100, 8}, // a fourth begun is finished
	}
	for _, tt := range tests {
		dst := filepath.Join(t.TempDir(), "copies")
		files, size, err := realCopies(src, dst, tt.minBytes)
		if err != nil {
			t.Fatal(err)
		}
		if files != tt.files || size < tt.minBytes {
			t.Fatalf("minBytes %d: %d files, %d bytes; want %d files", tt.minBytes, files, size, tt.files)
		}
		f, err := os.Open(filepath.Join(dst, "sources.csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) != files+1 {
			t.Fatalf("manifest: %d rows, %v", len(rows), err)
		}
		texts, urls := map[string]bool{}, map[string]bool{}
		for _, r := range rows[1:] {
			b, err := os.ReadFile(filepath.Join(dst, r[0]))
			if err != nil {
				t.Fatal(err)
			}
			if texts[string(b)] {
				t.Fatalf("%s repeats an earlier copy's text", r[0])
			}
			texts[string(b)] = true
			if r[3] != "" {
				if urls[r[3]] || !strings.HasPrefix(r[3], "https://example.org/a#copy-") {
					t.Fatalf("%s: URL %q", r[0], r[3])
				}
				urls[r[3]] = true
			}
			if want := map[byte]string{'a': "2011-05-02", 'b': "2011-05-03"}[b[0]]; r[4] != want {
				t.Fatalf("%s: published %q, want %q", r[0], r[4], want)
			}
		}
	}
}
