package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/store"
)

func TestGenCommand(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		wantCode int
		check    func(t *testing.T)
	}{
		{"no mode", []string{}, 2, nil},
		{"both modes", []string{"--articles", "3", "--out", dir, "--store", filepath.Join(dir, "x.db")}, 2, nil},
		{"bad date", []string{"--articles", "3", "--out", dir, "--from", "2020-13-01"}, 2, nil},
		{"shares over 1", []string{"--articles", "3", "--out", dir, "--html", "0.7", "--md", "0.5"}, 2, nil},
		{"corpus", []string{"--articles", "12", "--out", filepath.Join(dir, "c"), "--seed", "5", "--html", "0.5"}, 0, func(t *testing.T) {
			txt, _ := filepath.Glob(filepath.Join(dir, "c", "*.txt"))
			htm, _ := filepath.Glob(filepath.Join(dir, "c", "*.html"))
			if len(txt)+len(htm) != 12 || len(htm) == 0 {
				t.Fatalf("%d text and %d HTML articles written, want 12 with some HTML", len(txt), len(htm))
			}
			if _, err := os.Stat(filepath.Join(dir, "c", "sources.csv")); err != nil {
				t.Fatal(err)
			}
		}},
		{"store", []string{"--store", filepath.Join(dir, "s.db"), "--events", "300", "--places", "120", "--years", "3", "--seed", "5"}, 0, func(t *testing.T) {
			st, err := store.OpenReadOnly(filepath.Join(dir, "s.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			s, err := st.Stats()
			if err != nil {
				t.Fatal(err)
			}
			// 300 events in batches of 8 make 38 synthetic articles.
			if s.Events != 300 || s.Articles != 38 || s.Places == 0 || s.Places > 120 {
				t.Fatalf("store holds %+v, want 300 events from 38 articles at ≤ 120 places", s)
			}
			evs, err := st.Search("talks", 5)
			if err != nil || len(evs) == 0 {
				t.Fatalf("search for a templated word found %d events (err %v)", len(evs), err)
			}
			src := evs[0].Sources[0]
			if src.Text == "" || !strings.HasSuffix(src.Text, ".") {
				t.Fatalf("source sentence %q is not a whole sentence", src.Text)
			}
		}},
		{"store again", []string{"--store", filepath.Join(dir, "s.db"), "--events", "10", "--places", "5"}, 1, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := runMain(append([]string{"gen"}, tc.args...), &out, &errb); code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.wantCode, errb.String())
			}
			if tc.check != nil {
				tc.check(t)
			}
		})
	}
}
