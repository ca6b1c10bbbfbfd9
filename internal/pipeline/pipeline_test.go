package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/store"
)

// goodArticle writes a small article of our own with unique text.
func goodArticle(t *testing.T, dir, name string) string {
	t.Helper()
	body := fmt.Sprintf("Ministers Meet Again in Oslo\n\nOSLO - Foreign ministers met on Monday in Oslo to discuss a truce (%s), officials said.\n\nThey will meet again in August.\n", name)
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// seededStore is a store that already holds one article, so that each bad
// input case can show nothing stored before is lost.
func seededStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "atlas.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	seed := goodArticle(t, dir, "seed.txt")
	sum, err := Import(context.Background(), st, nil, []string{seed}, Options{}, nil)
	if err != nil || sum.Imported != 1 {
		t.Fatalf("seed import: %+v %v", sum, err)
	}
	return st, path
}

func checkIntact(t *testing.T, st *store.Store, wantArticles int) {
	t.Helper()
	if ok, err := st.IntegrityCheck(); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	list, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != wantArticles {
		t.Fatalf("store holds %d articles, want %d", len(list), wantArticles)
	}
	if filepath.Base(list[0].Path) != "seed.txt" {
		t.Fatalf("the article stored before is gone: %+v", list[0])
	}
}

func TestBadInput(t *testing.T) {
	type setup func(t *testing.T, dir string) ([]string, *ingest.Manifest)
	tests := []struct {
		name     string
		setup    setup
		imported int
		present  int
		failed   []string // substrings, one per failure
		warnings []string
	}{
		{"empty file", func(t *testing.T, dir string) ([]string, *ingest.Manifest) {
			os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
			return []string{dir}, nil
		}, 1, 0, []string{"empty.txt: the file is empty"}, nil},
		{"binary file (image, NUL bytes)", func(t *testing.T, dir string) ([]string, *ingest.Manifest) {
			os.WriteFile(filepath.Join(dir, "photo.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 0o644)
			os.WriteFile(filepath.Join(dir, "nul.md"), []byte("text\x00\x00\x00more"), 0o644)
			return []string{dir}, nil
		}, 1, 0, []string{"nul.md: the file is binary", "photo.txt: the file is binary"}, nil},
		{"invalid UTF-8", func(t *testing.T, dir string) ([]string, *ingest.Manifest) {
			os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("Talks \x81\x8d\x90 ended \xff"), 0o644)
			return []string{dir}, nil
		}, 1, 0, []string{"bad.txt: the text is neither UTF-8"}, nil},
		{"50 MB text file", func(t *testing.T, dir string) ([]string, *ingest.Manifest) {
			f, _ := os.Create(filepath.Join(dir, "huge.txt"))
			f.Truncate(50 << 20) // sparse, so the test stays light
			f.Close()
			return []string{dir}, nil
		}, 1, 0, []string{"huge.txt: the file is larger than the 20 MB limit"}, nil},
		{"unreadable file", func(t *testing.T, dir string) ([]string, *ingest.Manifest) {
			p := filepath.Join(dir, "locked.txt")
			if os.Geteuid() == 0 {
				// Root reads any file whatever its mode; a FIFO named
				// like an article fails to read in another way.
				if err := syscall.Mkfifo(p, 0o644); err != nil {
					t.Skipf("running as root and cannot make a FIFO: %v", err)
				}
			} else {
				os.WriteFile(p, []byte("secret"), 0o000)
			}
			return []string{dir}, nil
		}, 1, 0, []string{"locked.txt: "}, nil},
		{"broken symlink", func(t *testing.T, dir string) ([]string, *ingest.Manifest) {
			os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "link.txt"))
			return []string{dir}, nil
		}, 1, 0, []string{"link.txt: broken symbolic link"}, nil},
		{"symlink loop", func(t *testing.T, dir string) ([]string, *ingest.Manifest) {
			os.Mkdir(filepath.Join(dir, "sub"), 0o755)
			os.Symlink("..", filepath.Join(dir, "sub", "back"))
			os.Symlink("me.txt", filepath.Join(dir, "me.txt"))
			return []string{dir}, nil
		}, 1, 0, []string{"me.txt: symbolic link loop", "back: symbolic link loop"}, nil},
		{"manifest with missing columns, bad dates, unknown files", func(t *testing.T, dir string) ([]string, *ingest.Manifest) {
			mp := filepath.Join(dir, "sources.csv")
			os.WriteFile(mp, []byte("file,published\ngood.txt,2016-13-45\nnot-here.txt,2016-01-01\n"), 0o644)
			m, err := ingest.LoadManifest(mp)
			if err != nil {
				t.Fatal(err)
			}
			return []string{dir}, m
		}, 1, 0, nil, []string{"no title, publisher, url column", `bad published date "2016-13-45" for good.txt`, "lists not-here.txt, which was not among the files imported"}},
		{"HTML full of scripts", func(t *testing.T, dir string) ([]string, *ingest.Manifest) {
			var b strings.Builder
			b.WriteString("<html><head>")
			for i := 0; i < 200; i++ {
				fmt.Fprintf(&b, "<script>document.write('INJECTED %d'); window.location='http://example.invalid'</script>", i)
			}
			b.WriteString("</head><body><script>alert(1)</script></body></html>")
			os.WriteFile(filepath.Join(dir, "scripts.html"), []byte(b.String()), 0o644)
			return []string{dir}, nil
		}, 1, 0, []string{"scripts.html: the page has no readable text"}, nil},
		{"duplicates", func(t *testing.T, dir string) ([]string, *ingest.Manifest) {
			good := filepath.Join(dir, "good.txt")
			copyFile(t, filepath.Join(filepath.Dir(dir), "seed.txt"), filepath.Join(dir, "copy-of-seed.txt"))
			// The same text with a byte-order mark: other bytes, same article.
			b, _ := os.ReadFile(good)
			os.WriteFile(filepath.Join(dir, "good-bom.txt"), append([]byte("\xEF\xBB\xBF"), b...), 0o644)
			return []string{dir, good, good}, nil
		}, 1, 2, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, storePath := seededStore(t)
			dir := filepath.Join(filepath.Dir(storePath), "in")
			os.Mkdir(dir, 0o755)
			goodArticle(t, dir, "good.txt")
			paths, m := tc.setup(t, dir)
			start := time.Now()
			sum, err := Import(context.Background(), st, nil, paths, Options{Manifest: m}, nil)
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			if time.Since(start) > 30*time.Second {
				t.Errorf("import took %s", time.Since(start)) // a hang, not a timing assertion
			}
			for _, f := range sum.Failed {
				t.Logf("failed: %s", f.Reason)
			}
			for _, w := range sum.Warnings {
				t.Logf("warning: %s", w)
			}
			if sum.Imported != tc.imported || sum.AlreadyPresent != tc.present {
				t.Errorf("imported %d, present %d; want %d, %d", sum.Imported, sum.AlreadyPresent, tc.imported, tc.present)
			}
			if len(sum.Failed) != len(tc.failed) {
				t.Errorf("%d failures, want %d", len(sum.Failed), len(tc.failed))
			}
			for _, want := range tc.failed {
				found := false
				for _, f := range sum.Failed {
					found = found || strings.Contains(f.Reason, want)
				}
				if !found {
					t.Errorf("no failure says %q", want)
				}
			}
			warns := strings.Join(sum.Warnings, "\n")
			for _, want := range tc.warnings {
				if !strings.Contains(warns, want) {
					t.Errorf("no warning says %q", want)
				}
			}
			checkIntact(t, st, 1+tc.imported)
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestImportTwiceChangesNothing(t *testing.T) {
	st, storePath := seededStore(t)
	dir := filepath.Join(filepath.Dir(storePath), "in")
	for i := 0; i < 4; i++ {
		goodArticle(t, dir, fmt.Sprintf("a%d.txt", i))
	}
	var seen []Progress
	first, err := Import(context.Background(), st, nil, []string{dir}, Options{}, func(p Progress) { seen = append(seen, p) })
	if err != nil || first.Imported != 4 || len(first.Articles) != 4 {
		t.Fatalf("first: %+v %v", first, err)
	}
	// First the files found, before any is read; then one report a file.
	if len(seen) != 5 || seen[0].Done != 0 || seen[0].Total != 4 || seen[0].Path != "" || seen[4].Done != 4 || seen[4].Total != 4 || seen[4].Imported != 4 {
		t.Errorf("progress %+v", seen)
	}
	before, _ := st.Stats()
	second, err := Import(context.Background(), st, nil, []string{dir}, Options{}, nil)
	if err != nil || second.Imported != 0 || second.AlreadyPresent != 4 {
		t.Fatalf("second: %+v %v", second, err)
	}
	after, _ := st.Stats()
	if before != after {
		t.Errorf("stats changed: %+v → %+v", before, after)
	}
	checkIntact(t, st, 5)
}

func TestStoreProblemsStopTheImport(t *testing.T) {
	st, storePath := seededStore(t)
	dir := filepath.Join(filepath.Dir(storePath), "in")
	goodArticle(t, dir, "one.txt")
	goodArticle(t, dir, "two.txt")
	st.Close()
	ro, err := store.OpenReadOnly(storePath)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	sum, err := Import(context.Background(), ro, nil, []string{dir}, Options{}, nil)
	if !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), "one.txt") {
		t.Fatalf("read-only store: %v", err)
	}
	if sum.Imported != 0 || len(sum.Failed) != 0 {
		t.Errorf("summary %+v", sum)
	}
	t.Log(err)
	checkIntact(t, ro, 1)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rw, err := store.Open(storePath)
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if _, err := Import(ctx, rw, nil, []string{dir}, Options{}, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import: %v", err)
	}
	checkIntact(t, rw, 1)
}

// The next files are read and extracted while the store saves the current
// one; what is saved, skipped and reported must stay as if one file were
// handled at a time.
func TestReadingAheadKeepsOrderAndStops(t *testing.T) {
	tests := []struct {
		name         string
		files        int
		copies       int // extra files with the same bytes as the first
		cancelAfter  int // cancel in the progress callback after this many files; 0 never
		wantImported int
		wantPresent  int
		wantErr      error
	}{
		{"all new", 6, 0, 0, 6, 0, nil},
		{"same text in two files", 3, 2, 0, 3, 2, nil},
		{"cancelled midway", 6, 0, 2, 2, 0, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, storePath := seededStore(t)
			dir := filepath.Join(filepath.Dir(storePath), "in")
			var first string
			for i := 0; i < tt.files; i++ {
				p := goodArticle(t, dir, fmt.Sprintf("a%d.txt", i))
				if first == "" {
					first = p
				}
			}
			raw, err := os.ReadFile(first)
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < tt.copies; i++ {
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("b%d.txt", i)), raw, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var done []int
			sum, err := Import(ctx, st, nil, []string{dir}, Options{}, func(p Progress) {
				done = append(done, p.Done)
				if tt.cancelAfter > 0 && p.Done == tt.cancelAfter {
					cancel()
				}
			})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if sum.Imported != tt.wantImported || sum.AlreadyPresent != tt.wantPresent || len(sum.Failed) != 0 {
				t.Errorf("summary %+v, want %d imported, %d present", sum, tt.wantImported, tt.wantPresent)
			}
			for i, d := range done {
				if d != i { // 0 first: the files are found
					t.Fatalf("progress out of order: %v", done)
				}
			}
			checkIntact(t, st, 1+tt.wantImported)
			if tt.wantErr != nil {
				return
			}
			// Every file, copies included, is now known by its bytes.
			again, err := Import(context.Background(), st, nil, []string{dir}, Options{}, nil)
			if err != nil || again.Imported != 0 || again.AlreadyPresent != tt.files+tt.copies {
				t.Errorf("second import %+v %v", again, err)
			}
		})
	}
}
