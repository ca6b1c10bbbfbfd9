package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/sharedtest"
)

// timexLines runs `atlas timex` and decodes its JSON Lines.
func timexLines(t *testing.T, args ...string) (int, []timexLine, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runMain(append([]string{"timex"}, args...), &out, &errb)
	var lines []timexLine
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var l timexLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		lines = append(lines, l)
	}
	return code, lines, errb.String()
}

func TestTimexCommand(t *testing.T) {
	text := "MOSCOW - Kerry met Putin on Thursday and said on March 24, 2016 that a draft is due by August.\n"
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want map[string]string // text → value
		mod  map[string]string // text → mod
	}{
		{"with dct", []string{"--dct", "2016-03-24", path},
			map[string]string{"Thursday": "2016-03-24", "March 24, 2016": "2016-03-24", "August": "2016-08"},
			map[string]string{"August": "ON_OR_BEFORE"}},
		{"dct after the file, as in extract and import", []string{path, "--dct", "2016-03-24"},
			map[string]string{"Thursday": "2016-03-24", "August": "2016-08"},
			nil},
		{"without dct", []string{path},
			map[string]string{"Thursday": "XXXX-WXX-4", "March 24, 2016": "2016-03-24", "August": "XXXX-08"},
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, lines, stderr := timexLines(t, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := map[string]timexLine{}
			for _, l := range lines {
				if text[l.Start:l.End] != l.Text {
					t.Errorf("offsets %d..%d give %q, line says %q", l.Start, l.End, text[l.Start:l.End], l.Text)
				}
				got[l.Text] = l
			}
			for expr, v := range tc.want {
				if got[expr].Value != v || got[expr].Type != "DATE" {
					t.Errorf("%q: got %+v, want DATE %s", expr, got[expr], v)
				}
			}
			for expr, m := range tc.mod {
				if got[expr].Mod != m {
					t.Errorf("%q: mod %q, want %q", expr, got[expr].Mod, m)
				}
			}
		})
	}
}

func TestTimexCommandUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no file", nil, 2, "usage"},
		{"bad date", []string{"--dct", "24/03/2016", "x.txt"}, 2, "YYYY-MM-DD"},
		{"missing file", []string{filepath.Join(t.TempDir(), "none.txt")}, 1, "read"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := timexLines(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.msg) {
				t.Errorf("exit %d stderr %q, want %d containing %q", code, stderr, tc.code, tc.msg)
			}
		})
	}
}

// TestTimexCommandCorpus runs the command on the sample articles and checks
// that every offset points at the bytes it reports.
func TestTimexCommandCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedtest.Corpus(t), "*.txt"))
	if len(files) == 0 {
		t.Skip("no .txt articles in shared/corpus")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		code, lines, stderr := timexLines(t, "--dct", "2016-03-24", f)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, stderr)
		}
		if len(lines) == 0 {
			t.Errorf("%s: no time expressions", filepath.Base(f))
		}
		for _, l := range lines {
			if string(b[l.Start:l.End]) != l.Text {
				t.Errorf("%s: %d..%d is %q, reported %q", filepath.Base(f), l.Start, l.End, b[l.Start:l.End], l.Text)
			}
		}
	}
}
