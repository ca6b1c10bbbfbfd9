package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/sharedtest"
)

// scoreFigures are the scorer's summary line.
type scoreFigures struct {
	recall, precision     float64
	merged, mergeAll      int
	offsetsOK, offsetsAll int
	unmatched, duplicates int
}

var (
	figureRe = regexp.MustCompile(`recall=([\d.]+) precision=([\d.]+) f1=[\d.]+ merged=(\d+)/(\d+) offsets_ok=(\d+)/(\d+)`)
	countRe  = regexp.MustCompile(`unmatched=(\d+) duplicates=(\d+)`)
)

// runScorer pipes JSON Lines into ../shared/eval/score and returns its exit
// status and figures.
func runScorer(t *testing.T, scorer string, jsonl []byte, args ...string) (int, scoreFigures, string) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found; the scorer is a Python script")
	}
	cmd := exec.Command(py, append([]string{scorer}, args...)...)
	cmd.Stdin = bytes.NewReader(jsonl)
	out, err := cmd.CombinedOutput()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run scorer: %v", err)
	}
	m := figureRe.FindStringSubmatch(string(out))
	c := countRe.FindStringSubmatch(string(out))
	if m == nil || c == nil {
		t.Fatalf("scorer printed no figures:\n%s", out)
	}
	var f scoreFigures
	f.recall, _ = strconv.ParseFloat(m[1], 64)
	f.precision, _ = strconv.ParseFloat(m[2], 64)
	f.merged, _ = strconv.Atoi(m[3])
	f.mergeAll, _ = strconv.Atoi(m[4])
	f.offsetsOK, _ = strconv.Atoi(m[5])
	f.offsetsAll, _ = strconv.Atoi(m[6])
	f.unmatched, _ = strconv.Atoi(c[1])
	f.duplicates, _ = strconv.Atoi(c[2])
	return code, f, string(out)
}

func corpusFiles(t *testing.T, corpus string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no articles in %s", corpus)
	}
	return files
}

// TestExtractScoresOnSampleCorpus is the extraction quality bar: the real
// extractor over the sample corpus, scored by ../shared/eval/score.
func TestExtractScoresOnSampleCorpus(t *testing.T) {
	corpus, scorer := sharedtest.Corpus(t), sharedtest.Scorer(t)
	files := corpusFiles(t, corpus)
	tests := []struct {
		name          string
		manifest      bool
		minRecall     float64
		minPrecision  float64
		wantMergedAll bool
	}{
		{"with manifest", true, 0.95, 0.85, true},
		{"without manifest", false, 0.6, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"extract"}
			if tc.manifest {
				args = append(args, "--manifest", filepath.Join(corpus, "sources.csv"))
			}
			var stdout, stderr bytes.Buffer
			if code := runMain(append(args, files...), &stdout, &stderr); code != 0 {
				t.Fatalf("atlas extract exit %d: %s", code, stderr.String())
			}
			code, f, out := runScorer(t, scorer, stdout.Bytes(),
				"--min-recall", strconv.FormatFloat(tc.minRecall, 'f', 2, 64),
				"--min-precision", strconv.FormatFloat(tc.minPrecision, 'f', 2, 64))
			t.Logf("scorer:\n%s", out)
			if code != 0 {
				t.Errorf("scorer exit status %d, want 0", code)
			}
			if f.recall < tc.minRecall || f.precision < tc.minPrecision {
				t.Errorf("recall %.2f precision %.2f, want ≥ %.2f and ≥ %.2f", f.recall, f.precision, tc.minRecall, tc.minPrecision)
			}
			if f.offsetsOK != f.offsetsAll || f.offsetsAll == 0 {
				t.Errorf("offsets ok %d/%d, want all", f.offsetsOK, f.offsetsAll)
			}
			if tc.wantMergedAll && (f.merged != f.mergeAll || f.mergeAll == 0) {
				t.Errorf("merged %d/%d, want all", f.merged, f.mergeAll)
			}
			if !tc.manifest && f.unmatched+f.duplicates != 0 {
				// Without publication dates, a dated event that matches no gold
				// event is an event with a wrong (guessed) date.
				t.Errorf("%d unmatched and %d duplicate dated events without a manifest; want none", f.unmatched, f.duplicates)
			}
			if !tc.manifest {
				checkUndatedArticlesGiveUndatedEvents(t, files, stdout.Bytes(), stderr.String())
			}
		})
	}
}

// checkUndatedArticlesGiveUndatedEvents: an event whose every source is an
// article without a known publication date must be undated, unless its
// sentence carries a full date ("March 14, 2016") or the command said it
// dated the article from other articles' reports of the same events
// (those dates are checked by the scorer: no dated event without a gold
// event).
func checkUndatedArticlesGiveUndatedEvents(t *testing.T, files []string, jsonl []byte, stderr string) {
	t.Helper()
	undated := map[string]bool{}
	for _, f := range files {
		a, err := ingest.ReadFile(f, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !a.HasDate() && !strings.Contains(stderr, f+" gives no date; dated ") {
			undated[filepath.Base(f)] = true
		}
	}
	if len(undated) == 0 {
		t.Fatal("expected some corpus articles without an in-text date")
	}
	yearRe := regexp.MustCompile(`\b(1[89]|20)\d\d\b`)
	sc := bufio.NewScanner(bytes.NewReader(jsonl))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var r model.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		all := true
		for _, s := range r.Sources {
			if !undated[s.File] {
				all = false
			}
		}
		if !all || r.Start == "" {
			continue
		}
		n++
		for _, s := range r.Sources {
			if !yearRe.MatchString(s.TimeText) {
				t.Errorf("event %q from undated %s is dated %s from %q", r.Title, s.File, r.Start, s.TimeText)
			}
		}
	}
	t.Logf("%d dated events from undated articles, all from explicit full dates", n)
}

// TestExtractUsage checks the command's usage errors.
func TestExtractUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"extract"}, 2, "name at least one"},
		{[]string{"extract", "--bogus", "x.txt"}, 2, "flag provided but not defined"},
		{[]string{"extract", "--manifest", filepath.Join(t.TempDir(), "none.csv"), "x.txt"}, 1, "none.csv"},
		{[]string{"extract", filepath.Join(t.TempDir(), "missing.txt")}, 1, "missing.txt"},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := runMain(tc.args, &stdout, &stderr)
		if code != tc.code || !strings.Contains(stderr.String(), tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, stderr.String(), tc.code, tc.msg)
		}
	}
}
