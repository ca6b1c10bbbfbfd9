package atlasbeam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/sharedtest"
)

// The tests run the pipeline on Prism, Beam's local runner (ptest's
// default here), and compare it with the real `atlas` binary, built once.
func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

var (
	atlasOnce sync.Once
	atlasBin  string
	atlasErr  error
)

// atlasCmd builds cmd/atlas of the main module (once) and returns its path.
func atlasCmd(t *testing.T) string {
	t.Helper()
	atlasOnce.Do(func() {
		dir, err := os.MkdirTemp("", "atlas-bin")
		if err != nil {
			atlasErr = err
			return
		}
		atlasBin = filepath.Join(dir, "atlas")
		cmd := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", atlasBin, "./cmd/atlas")
		cmd.Dir = filepath.Join("..", "..")
		if out, err := cmd.CombinedOutput(); err != nil {
			atlasErr = fmt.Errorf("build atlas: %v\n%s", err, out)
		}
	})
	if atlasErr != nil {
		t.Fatal(atlasErr)
	}
	return atlasBin
}

// atlas runs the atlas binary and returns its standard output.
func atlas(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(atlasCmd(t), args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("atlas %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String()
}

// runPipeline runs the pipeline on the local runner into a new folder.
func runPipeline(t *testing.T, o Options) {
	t.Helper()
	if err := PrepareOutput(o.Output); err != nil {
		t.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		t.Fatal(err)
	}
	if _, err := ptest.RunWithMetrics(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
}

// canonical sorts JSON Lines after re-encoding each with sorted keys, so
// that two outputs compare as multisets of records.
func canonical(t *testing.T, text string) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if line == "" {
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		b, _ := json.Marshal(v) // maps encode with sorted keys
		out = append(out, string(b))
	}
	sort.Strings(out)
	return out
}

// readShards concatenates the shards with a prefix.
func readShards(t *testing.T, dir, prefix string) string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, prefix+"-*.jsonl"))
	var b strings.Builder
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(raw)
	}
	return b.String()
}

func diffLines(want, got []string) string {
	w := map[string]int{}
	for _, l := range want {
		w[l]++
	}
	var b strings.Builder
	for _, l := range got {
		if w[l] > 0 {
			w[l]--
			continue
		}
		fmt.Fprintf(&b, "+ %s\n", l)
	}
	for l, n := range w {
		for ; n > 0; n-- {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	return b.String()
}

// TestPipelineMatchesExtract: the pipeline's merged events on the sample
// corpus are `atlas extract`'s, record for record (ids, dates, places,
// merges, sources with their offsets).
func TestPipelineMatchesExtract(t *testing.T) {
	corpus := sharedtest.Corpus(t)
	manifest := filepath.Join(corpus, "sources.csv")
	out := t.TempDir()
	runPipeline(t, Options{Inputs: []string{corpus}, Manifest: manifest, Output: out, Shards: 3})

	want := canonical(t, atlas(t, "extract", "--manifest", manifest, corpus))
	got := canonical(t, readShards(t, out, "events"))
	if len(want) == 0 {
		t.Fatal("atlas extract found no events")
	}
	if d := diffLines(want, got); d != "" {
		t.Fatalf("pipeline events differ from atlas extract (- extract, + pipeline):\n%s", d)
	}
	arts := canonical(t, readShards(t, out, "articles"))
	if len(arts) != 5 {
		t.Fatalf("%d article lines, want 5", len(arts))
	}
	for _, l := range arts {
		for _, field := range []string{`"path":"/`, `"sha256":`, `"title":`, `"publisher":`, `"url":`, `"dateline":`, `"text":`, `"extraction":`} {
			if !strings.Contains(l, field) {
				t.Errorf("article line lacks %s: %.200s", field, l)
			}
		}
	}
	if f := readShards(t, out, "failures"); f != "" {
		t.Errorf("failures: %s", f)
	}
}

// TestReadBackMatchesImport: the pipeline's shards loaded into a store
// (`atlas import --events`) give the events `atlas import` gives on the same
// files, and loading them again changes nothing.
func TestReadBackMatchesImport(t *testing.T) {
	corpus := sharedtest.Corpus(t)
	tmp := t.TempDir()
	out := filepath.Join(tmp, "out")
	// No manifest named: the pipeline takes the folder's, as import does.
	runPipeline(t, Options{Inputs: []string{corpus}, Output: out, Shards: 2})

	imported := filepath.Join(tmp, "import.db")
	atlas(t, "import", "-q", "--db", imported, corpus)
	loaded := filepath.Join(tmp, "loaded.db")
	sum := atlas(t, "import", "-q", "--db", loaded, "--events", out)
	if !strings.Contains(sum, "Imported 5 articles") {
		t.Fatalf("import --events said:\n%s", sum)
	}
	want := atlas(t, "events", "--db", imported)
	got := atlas(t, "events", "--db", loaded)
	if d := diffLines(canonical(t, want), canonical(t, got)); d != "" || want == "" {
		t.Fatalf("events differ (- import, + pipeline and import --events):\n%s", d)
	}
	if want != got {
		t.Error("same events, in another order")
	}
	sum = atlas(t, "import", "-q", "--db", loaded, "--events", out)
	if !strings.Contains(sum, "Already present: 5 articles") {
		t.Errorf("second import --events said:\n%s", sum)
	}
	if again := atlas(t, "events", "--db", loaded); again != got {
		t.Error("the second import --events changed the events")
	}
}

// merges reads event records as what a merge shows a reader: each event's
// dates, kind, place and source sentences, one line per event, sorted.
func merges(t *testing.T, jsonl string) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		if line == "" {
			continue
		}
		var r model.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad event line %q: %v", line, err)
		}
		var srcs []string
		for _, s := range r.Sources {
			srcs = append(srcs, fmt.Sprintf("%s:%d-%d", s.File, s.Start, s.End))
		}
		sort.Strings(srcs)
		place := ""
		if r.Place != nil {
			place = fmt.Sprintf("%s@%.3f,%.3f", r.Place.Name, r.Place.Lat, r.Place.Lon)
		}
		out = append(out, fmt.Sprintf("%s..%s %s %s %s [%s]", r.Start, r.End, r.Precision, r.Kind, place, strings.Join(srcs, " ")))
	}
	sort.Strings(out)
	return out
}

// TestPipelineMatchesDesktopGenerated: on a year of generated news, dense
// enough that many reports merge and merges chain over days, the
// pipeline's events are record for record those of `atlas extract`, their
// merges (dates, places, source sentences) those of `atlas import`, and
// `atlas import --events` of its shards stores exactly what `atlas import`
// stores.
func TestPipelineMatchesDesktopGenerated(t *testing.T) {
	tmp := t.TempDir()
	corpus := filepath.Join(tmp, "corpus")
	atlas(t, "gen", "--articles", "600", "--years", "1", "--seed", "7", "--out", corpus)
	out := filepath.Join(tmp, "out")
	runPipeline(t, Options{Inputs: []string{corpus}, Output: out, Shards: 4})

	extracted := atlas(t, "extract", "--manifest", filepath.Join(corpus, "sources.csv"), corpus)
	piped := readShards(t, out, "events")
	want, got := canonical(t, extracted), canonical(t, piped)
	if d := diffLines(want, got); d != "" {
		t.Fatalf("pipeline events differ from atlas extract (- extract, + pipeline):\n%s", d)
	}
	arts := len(canonical(t, readShards(t, out, "articles")))
	if arts != 600 {
		t.Fatalf("%d articles in the shards, want 600", arts)
	}
	var reports int
	for _, l := range got {
		reports += strings.Count(l, `"file":`)
	}
	if reports-len(got) < 100 {
		t.Fatalf("only %d reports merged into others: too few to test the merge", reports-len(got))
	}

	imported := filepath.Join(tmp, "import.db")
	atlas(t, "import", "-q", "--db", imported, corpus)
	stored := atlas(t, "events", "--db", imported)
	if d := diffLines(merges(t, stored), merges(t, piped)); d != "" {
		t.Fatalf("pipeline merges differ from atlas import's (- import, + pipeline):\n%s", d)
	}
	loaded := filepath.Join(tmp, "loaded.db")
	atlas(t, "import", "-q", "--db", loaded, "--events", out)
	if again := atlas(t, "events", "--db", loaded); again != stored {
		t.Errorf("import --events of the shards stored other events than atlas import:\n%s", diffLines(canonical(t, stored), canonical(t, again)))
	}
	t.Logf("%d articles, %d events, %d reports merged into others", arts, len(got), reports-len(got))
}

// TestPipelineFailures: a file that cannot be read is listed in the
// failures shard with the import's reason, and the others still go through.
func TestPipelineFailures(t *testing.T) {
	in := t.TempDir()
	if err := os.WriteFile(filepath.Join(in, "a.txt"), []byte("GENEVA (Reuters) - Talks opened in Geneva on Monday, officials said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	runPipeline(t, Options{Inputs: []string{filepath.Join(in, "*.txt")}, Output: out, Shards: 1})
	if n := len(canonical(t, readShards(t, out, "articles"))); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
	f := readShards(t, out, "failures")
	if !strings.Contains(f, "empty.txt") || !strings.Contains(f, "empty") {
		t.Errorf("failures shard: %q", f)
	}
}
