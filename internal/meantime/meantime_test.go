package meantime

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpus loads MEANTIME or skips the test when the shared data is absent.
func corpus(t testing.TB) []*Doc {
	t.Helper()
	dir, ok := FindDir(".")
	if !ok {
		t.Skip("MEANTIME corpus not found: expected shared/eval/meantime/intra-doc_annotation above the repository")
	}
	docs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestLoadDir(t *testing.T) {
	docs := corpus(t)
	if len(docs) != 120 {
		t.Fatalf("loaded %d documents, want 120", len(docs))
	}
	corpora := map[string]int{}
	withDCT := 0
	types := map[string]int{}
	for _, d := range docs {
		corpora[d.Corpus]++
		if !d.DCT.IsZero() {
			withDCT++
		}
		for _, tk := range d.Tokens {
			if d.Text[tk.Span.Start:tk.Span.End] != tk.Text {
				t.Fatalf("%s: token %d at %v is %q in text, want %q", d.Name, tk.ID, tk.Span, d.Text[tk.Span.Start:tk.Span.End], tk.Text)
			}
		}
		for _, x := range d.Timexes {
			if x.Span.End > d.AnnotatedEnd {
				t.Errorf("%s: timex %q ends after the annotated region", d.Name, x.Text)
			}
		}
		for _, m := range d.Mentions {
			types[m.EntityType]++
			if m.Text != d.Text[m.Span.Start:m.Span.End] || m.Text == "" {
				t.Fatalf("%s: mention %s text %q does not match its span", d.Name, m.ID, m.Text)
			}
		}
	}
	if len(corpora) != 4 {
		t.Errorf("sub-corpora %v, want 4", corpora)
	}
	if withDCT < 115 {
		t.Errorf("only %d documents have a creation time", withDCT)
	}
	for _, typ := range []string{"PER", "ORG", "LOC"} {
		if types[typ] < 50 {
			t.Errorf("only %d %s mentions: entity types are not linked", types[typ], typ)
		}
	}
	t.Logf("%d docs, %d with creation time, mentions by entity type %v", len(docs), withDCT, types)
}

// TestRebuiltText checks the joining rule on a known date line: no space
// before the comma.
func TestRebuiltText(t *testing.T) {
	docs := corpus(t)
	var d *Doc
	for _, x := range docs {
		if x.ID == "100911" {
			d = x
		}
	}
	if d == nil {
		t.Fatal("document 100911 not found")
	}
	var ct *Timex
	for i := range d.Timexes {
		if d.Timexes[i].CreationTime() {
			ct = &d.Timexes[i]
		}
	}
	if ct == nil || ct.Text != "March 01, 2008" || ct.Value != "2008-03-01" {
		t.Fatalf("creation time %+v, want the date line March 01, 2008", ct)
	}
	if got := d.DCT.Format("2006-01-02"); got != "2008-03-01" {
		t.Errorf("DCT %s", got)
	}
	if lines := strings.Split(d.Text, "\n"); len(lines) < 3 || lines[1] != "March 01, 2008" {
		t.Errorf("date line is not on a line of its own")
	}
}

// TestLoadNumbers checks that token numbers are read as written and that a
// malformed one fails the load instead of becoming sentence 0.
func TestLoadNumbers(t *testing.T) {
	tests := []struct {
		name, sentence string
		wantErr        bool
		wantText       string
	}{
		{"well formed", "1", false, "Airbus\nsells"},
		{"malformed sentence", "one", true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := `<Document doc_id="1" doc_name="x.txt"><token t_id="1" sentence="0" number="0">Airbus</token>` +
				`<token t_id="2" sentence="` + tc.sentence + `" number="1">sells</token></Document>`
			p := filepath.Join(t.TempDir(), "x.xml")
			if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := Load(p)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("loaded %q, want an error for sentence=%q", d.Text, tc.sentence)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tc.wantText || d.Tokens[1].Sentence != 1 {
				t.Errorf("text %q, second token in sentence %d; want %q in sentence 1", d.Text, d.Tokens[1].Sentence, tc.wantText)
			}
		})
	}
}
