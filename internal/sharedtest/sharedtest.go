// Package sharedtest finds, for tests, the material that lives beside the
// repository in ../shared: the sample corpus and the evaluation scripts. They
// are third-party text, read from there and never copied into the repository,
// so a test that needs them skips with a clear reason when they are absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder, found by walking up from the test's working
// directory, or skips the test when there is none.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("working directory: %v", err)
	}
	for {
		p := filepath.Join(dir, "shared")
		if fi, err := os.Stat(filepath.Join(p, "corpus")); err == nil && fi.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared/corpus not found above the test's folder; the sample corpus tests need ../shared beside the repository")
		}
		dir = parent
	}
}

// Corpus returns the sample corpus folder (shared/corpus).
func Corpus(t testing.TB) string {
	t.Helper()
	return filepath.Join(Dir(t), "corpus")
}

// Manifest returns the sample corpus's sources.csv.
func Manifest(t testing.TB) string {
	t.Helper()
	return filepath.Join(Corpus(t), "sources.csv")
}

// Scorer returns the event scorer script (shared/eval/score), or skips the
// test when it or python3 is missing.
func Scorer(t testing.TB) string {
	t.Helper()
	s := filepath.Join(Dir(t), "eval", "score")
	if _, err := os.Stat(s); err != nil {
		t.Skipf("the scorer %s is missing", s)
	}
	return s
}
