package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"github.com/briefingatlas/atlas/internal/sharedtest"
	"github.com/briefingatlas/atlas/internal/store"
)

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := runMain(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestImportCorpusTwice is the "done when": the second import of the
// sample corpus reports all five as already present and changes nothing.
func TestImportCorpusTwice(t *testing.T) {
	corpus := sharedtest.Corpus(t)
	db := filepath.Join(t.TempDir(), "x.db")
	args := []string{"import", "--db", db, "--manifest", filepath.Join(corpus, "sources.csv"), corpus}
	code, out, errs := run(args...)
	if code != 0 || !strings.Contains(out, "Imported 5 articles") {
		t.Fatalf("first import: exit %d\n%s%s", code, out, errs)
	}
	_, events1, _ := run("events", "--db", db)
	code, out, errs = run(args...)
	if code != 0 || !strings.Contains(out, "Already present: 5 articles") || !strings.Contains(out, "No new articles") {
		t.Fatalf("second import: exit %d\n%s%s", code, out, errs)
	}
	_, events2, _ := run("events", "--db", db)
	if events1 != events2 {
		t.Error("the second import changed the events")
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, _ := st.Articles()
	if len(list) != 5 {
		t.Fatalf("%d articles stored", len(list))
	}
	for _, a := range list {
		if a.DateSource != model.DateManifest || a.Published.IsZero() {
			t.Errorf("%s: date %v from %s, want the manifest's", a.Path, a.Published, a.DateSource)
		}
	}
	// Every event line is a score-format record whose sources point at the
	// article files' bytes.
	sc := bufio.NewScanner(strings.NewReader(events1))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r model.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		for _, s := range r.Sources {
			raw, err := os.ReadFile(filepath.Join(corpus, s.File))
			if err != nil || s.End > len(raw) || string(raw[s.Start:s.End]) != s.Text {
				t.Errorf("event %s: source %s %d-%d does not point at its text", r.ID, s.File, s.Start, s.End)
			}
		}
	}
}

func TestExitCodesAndMessages(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "in", "good.txt")
	os.MkdirAll(filepath.Dir(good), 0o755)
	os.WriteFile(good, []byte("Envoys Meet in Oslo\n\nOSLO - Envoys met on Monday for talks, officials said.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "in", "empty.txt"), nil, 0o644)
	notes := filepath.Join(dir, "notes.db")
	os.WriteFile(notes, []byte("my notes, not a database\n"), 0o644)
	badManifest := filepath.Join(dir, "m.csv")
	os.WriteFile(badManifest, []byte("name,date\nx,y\n"), 0o644)
	db := filepath.Join(dir, "atlas.db")

	tests := []struct {
		name    string
		args    []string
		code    int
		message string
	}{
		{"no paths", []string{"import", "--db", db}, 2, "name at least one file"},
		{"unknown flag", []string{"import", "--nope", good}, 2, "flag provided but not defined"},
		{"some files failed", []string{"import", "--db", db, filepath.Join(dir, "in")}, 1, "empty.txt: the file is empty"},
		{"flags after paths", []string{"import", good, "--db", db}, 0, "Already present: 1 article"},
		{"manifest without file column", []string{"import", "--db", db, "--manifest", badManifest, good}, 1, `no "file" column`},
		{"store that is not SQLite", []string{"import", "--db", notes, good}, 1, "not an SQLite database; it was left untouched"},
		{"events: bad date", []string{"events", "--db", db, "--from", "24/03/2016"}, 2, "is not a date"},
		{"events: to before from", []string{"events", "--db", db, "--from", "2016-03", "--to", "2015"}, 2, "is before"},
		{"events: no such store", []string{"events", "--db", filepath.Join(dir, "nope.db")}, 1, "no store at"},
		{"events: unknown place", []string{"events", "--db", db, "--place", "Atlantis"}, 1, `no place named "Atlantis"`},
		{"events: fine", []string{"events", "--db", db, "--from", "2016", "--to", "2016"}, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(tc.args...)
			if code != tc.code || !strings.Contains(out+errs, tc.message) {
				t.Fatalf("exit %d (want %d); output:\n%s%s\nwant it to say %q", code, tc.code, out, errs, tc.message)
			}
		})
	}
	if b, _ := os.ReadFile(notes); string(b) != "my notes, not a database\n" {
		t.Error("the foreign file given as --db was modified")
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(notes + suffix); err == nil {
			t.Errorf("%s%s was created", notes, suffix)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "nope.db")); err == nil {
		t.Error("atlas events created a store")
	}
}

// TestKillMidImport kills `atlas import` with SIGKILL part-way and checks the
// store holds whole articles only and that running it again completes.
func TestKillMidImport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the atlas binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "atlas")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	const n = 3000
	para := strings.Repeat("Delegations met for several hours to discuss a ceasefire and a timetable for further talks, officials said. ", 30)
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Talks Resume in Round %d\n\nOSLO - Envoys met on Monday for round %d of the talks.\n\n%s\n", i, i, para)
		os.WriteFile(filepath.Join(in, fmt.Sprintf("a%05d.txt", i)), []byte(text), 0o644)
	}
	db := filepath.Join(dir, "atlas.db")

	cmd := exec.Command(bin, "import", "--db", db, in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some articles are in, then kill without warning.
	deadline := time.Now().Add(60 * time.Second)
	killed := false
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if count := countArticles(db); count >= 20 {
			cmd.Process.Signal(syscall.SIGKILL)
			killed = true
			break
		}
	}
	err := cmd.Wait()
	if !killed {
		t.Fatalf("the import never stored 20 articles: %v", err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Skipf("the import finished before it could be killed (%v); nothing to check", err)
	}

	st, err := store.Open(db)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	if ok, err := st.IntegrityCheck(); ok != "ok" || err != nil {
		t.Fatalf("integrity after kill: %q %v", ok, err)
	}
	list, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) == 0 || len(list) >= n {
		t.Fatalf("after the kill %d of %d articles are stored; want some but not all", len(list), n)
	}
	for _, meta := range list {
		a, err := st.Article(meta.ID)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := os.ReadFile(a.Path)
		sum := sha256.Sum256([]byte(a.Text))
		if a.Text != string(raw) || hex.EncodeToString(sum[:]) != a.SHA256 {
			t.Fatalf("%s is stored partly", a.Path)
		}
	}
	before := len(list)
	st.Close()
	t.Logf("killed after %d of %d articles", before, n)

	out, err := exec.Command(bin, "import", "--db", db, in).CombinedOutput()
	if err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("Imported %d articles", n-before)) || !strings.Contains(string(out), fmt.Sprintf("Already present: %d articles", before)) {
		t.Fatalf("rerun summary:\n%s", out)
	}
	st, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, _ := st.Stats()
	if stats.Articles != n {
		t.Fatalf("%d articles after the rerun, want %d", stats.Articles, n)
	}
}

func countArticles(db string) int {
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	st, err := store.OpenReadOnly(db)
	if err != nil {
		return 0
	}
	defer st.Close()
	s, err := st.Stats()
	if err != nil {
		return 0
	}
	return s.Articles
}

// TestProgressBarName checks that a long file name is cut on a character
// boundary: cutting bytes would print half a character to the terminal.
func TestProgressBarName(t *testing.T) {
	tests := []struct {
		name, path, want string
	}{
		{"short", "/c/001_wire.txt", "001_wire.txt "},
		{"long ascii", "/c/" + strings.Repeat("a", 40) + ".txt", strings.Repeat("a", 27) + "..."},
		{"long accented", "/c/" + strings.Repeat("é", 40) + ".txt", strings.Repeat("é", 27) + "..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			b := &progressBar{w: &buf, on: true, start: time.Now().Add(-time.Minute)}
			b.update(pipeline.Progress{Done: 1, Total: 2, Path: tt.path})
			out := buf.String()
			if !utf8.ValidString(out) || !strings.Contains(out, tt.want) {
				t.Errorf("bar %q, want it to hold %q and be valid UTF-8", out, tt.want)
			}
		})
	}
}

// TestImportChangedArticle: a corrected version of an imported file is
// counted as updated, and the summary says what became of its events.
func TestImportChangedArticle(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	art := filepath.Join(dir, "clip.txt")
	v1 := "Ministers Meet in Oslo\n\nOSLO, March 3, 2016 - Foreign ministers met in Oslo on Tuesday to discuss a truce, officials said.\n\nA car bomb killed twelve people in Baghdad on Monday, police said.\n"
	v2 := "Ministers Meet in Oslo\n\nOSLO, March 3, 2016 - Foreign ministers met in Oslo on Tuesday to discuss a truce, officials said.\n\nRebels seized the town of Idlib on Thursday after heavy fighting.\n"
	other := filepath.Join(dir, "other.txt")
	os.WriteFile(art, []byte(v1), 0o644)
	if code, out, errs := run("import", "--db", db, art); code != 0 || !strings.Contains(out, "Imported 1 article (") {
		t.Fatalf("first import: exit %d\n%s%s", code, out, errs)
	}
	os.WriteFile(art, []byte(v2), 0o644)
	os.WriteFile(other, []byte("Envoys Meet\n\nEnvoys met in Geneva on March 2, 2016, a spokesman said.\n"), 0o644)
	code, out, errs := run("import", "--db", db, art, other)
	if code != 0 || !strings.Contains(out, "Imported 2 articles (1 new, 1 updated; ") ||
		!strings.Contains(out, "Updated: 1 article changed since the last import; ") || !strings.Contains(out, "found again (ids and edits kept), 1 removed.") {
		t.Fatalf("import of a changed version: exit %d\n%s%s", code, out, errs)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if list, _ := st.Articles(); len(list) != 2 {
		t.Fatalf("%d articles stored, want 2", len(list))
	}
}
