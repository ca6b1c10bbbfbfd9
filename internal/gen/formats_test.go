package gen

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/ingest"
)

// TestFormatsReadBackThroughIngest checks that every format WriteCorpus
// writes comes back through the real importer with the story's sentences,
// title and date: the import benchmark then measures HTML main-text
// extraction too.
func TestFormatsReadBackThroughIngest(t *testing.T) {
	dir := t.TempDir()
	opt := Options{Seed: 11, HTMLShare: 0.3, MarkdownShare: 0.3}
	const n = 30
	if _, err := WriteCorpus(dir, n, opt); err != nil {
		t.Fatal(err)
	}
	m, err := ingest.LoadManifest(filepath.Join(dir, "sources.csv"))
	if err != nil {
		t.Fatal(err)
	}
	c := New(opt)
	seen := map[Format]int{}
	for i := 0; i < n; i++ {
		a := c.Article(i)
		f := c.FormatOf(i)
		seen[f]++
		name, _ := Render(a, f)
		got, err := ingest.ReadFile(filepath.Join(dir, name), m)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.Format != string(f) {
			t.Errorf("%s read as %q, want %q", name, got.Format, f)
		}
		if !got.Published.Equal(a.Published) {
			t.Errorf("%s published %s, want %s", name, got.Published, a.Published)
		}
		for _, p := range a.Events {
			if s := a.Text[p.Sentence.Start:p.Sentence.End]; !strings.Contains(got.Text, s) {
				t.Errorf("%s (%s): sentence %q lost on import", name, f, s)
			}
		}
	}
	for _, f := range []Format{FormatText, FormatHTML, FormatMarkdown} {
		if seen[f] == 0 {
			t.Errorf("no %s article among %d with shares %+v", f, n, opt)
		}
	}
}
