package bench

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
)

// The real-text import figures import real news, not the generator's
// sentences: the sample corpus (../shared/corpus) and the dev set
// (../shared/devset), each repeated into distinct articles. A copy that
// were the same text, or had the same URL, would be skipped as already
// stored or taken for a newer version of the first, so each copy gets a
// last line of its own ("(copy 3)", where the extractor finds nothing) and
// its URL a fragment; every copy's events then merge with the first copy's,
// as a story reported by many outlets does.

// sharedDir finds ../shared/NAME beside the checkout, where make bench runs
// from.
func sharedDir(name string) (string, error) {
	for _, d := range []string{"../shared/", "../../shared/", "../../../shared/"} {
		if fi, err := os.Stat(filepath.Join(d+name, "sources.csv")); err == nil && !fi.IsDir() {
			return d + name, nil
		}
	}
	return "", fmt.Errorf("%w: ../shared/%s not found beside the checkout", ErrNotBuilt, name)
}

// realCopies writes the articles that src's sources.csv lists into dst, as
// many times over as it takes to reach minBytes of text, with a
// sources.csv for the copies, and returns the number of files and bytes.
func realCopies(src, dst string, minBytes int) (int, int, error) {
	f, err := os.Open(filepath.Join(src, "sources.csv"))
	if err != nil {
		return 0, 0, err
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		return 0, 0, fmt.Errorf("read %s: %w", filepath.Join(src, "sources.csv"), err)
	}
	if len(rows) < 2 || len(rows[0]) < 4 || rows[0][0] != "file" || rows[0][3] != "url" {
		return 0, 0, fmt.Errorf("%s: want a header file,title,publisher,url,…", filepath.Join(src, "sources.csv"))
	}
	texts := map[string][]byte{}
	for _, r := range rows[1:] {
		b, err := os.ReadFile(filepath.Join(src, r[0]))
		if err != nil {
			return 0, 0, err
		}
		texts[r[0]] = b
	}
	if err := os.RemoveAll(dst); err != nil {
		return 0, 0, err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return 0, 0, err
	}
	out := [][]string{rows[0]}
	files, size := 0, 0
	for c := 1; size < minBytes || c == 1; c++ {
		for _, r := range rows[1:] {
			name := fmt.Sprintf("c%03d-%s", c, r[0])
			text := append(append([]byte{}, texts[r[0]]...), fmt.Sprintf("\n\n(copy %d)\n", c)...)
			if err := os.WriteFile(filepath.Join(dst, name), text, 0o644); err != nil {
				return 0, 0, err
			}
			row := append([]string{name}, r[1:]...)
			if row[3] != "" {
				row[3] += fmt.Sprintf("#copy-%d", c)
			}
			out = append(out, row)
			files++
			size += len(text)
		}
	}
	mf, err := os.Create(filepath.Join(dst, "sources.csv"))
	if err != nil {
		return 0, 0, err
	}
	w := csv.NewWriter(mf)
	if err := w.WriteAll(out); err != nil {
		mf.Close()
		return 0, 0, fmt.Errorf("write the copies' manifest: %w", err)
	}
	return files, size, mf.Close()
}

// importReal imports the copies of ../shared/name (minBytes of text) into a
// fresh store with the real pipeline, best of two.
func importReal(env *Env, name string, minBytes int) (Result, func(), error) {
	src, err := sharedDir(name)
	if err != nil {
		return Result{}, nil, err
	}
	dir := filepath.Join(env.Cache, "real-"+name)
	files, size, err := realCopies(src, dir, minBytes)
	if err != nil {
		return Result{}, nil, err
	}
	env.deferClose(func() { os.RemoveAll(dir) })
	originals := 0
	if fs, err := filepath.Glob(filepath.Join(src, "*.txt")); err == nil {
		originals = len(fs)
	}
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return Result{}, nil, err
	}
	x := extract.New(g)
	m, err := ingest.LoadManifest(filepath.Join(dir, "sources.csv"))
	if err != nil {
		return Result{}, nil, err
	}
	sum, best, once, err := importBest(env, x, dir, m, "import-"+name+".db")
	if err != nil {
		return Result{}, nil, err
	}
	if sum.Imported != files {
		return Result{}, nil, fmt.Errorf("import of %d copies of %s stored %d articles (%d already there): the copies are not distinct", files, src, sum.Imported, sum.AlreadyPresent)
	}
	gz, n, err := gzipFiles(mustGlob(dir, "c*"))
	if err != nil {
		return Result{}, nil, err
	}
	return Result{Value: float64(sum.Imported) / best.Seconds(), Ref: float64(n) / gz.Seconds(), RefUnit: "art/s", RefWhat: "gzip -6 of the same files",
		Note: fmt.Sprintf("%d real articles (%s's %d, each copy distinct by a last line and its URL), %.2f MB, %d events (+%d merged: the copies' events join the first copy's), fresh store, best of 2",
			sum.Imported, strings.TrimPrefix(src, "../"), originals, float64(size)/1e6, sum.Events, sum.Merged)}, once, nil
}

func mustGlob(dir, pattern string) []string {
	fs, _ := filepath.Glob(filepath.Join(dir, pattern))
	return fs
}

// runImportDevset imports the dev set repeated to realTextMB.
func runImportDevset(env *Env) (Result, func(), error) {
	return importReal(env, "devset", realTextMB*1e6)
}

// runImportSample imports the sample corpus repeated to 1 MB: its five
// articles alone would take a few milliseconds, too little to time.
func runImportSample(env *Env) (Result, func(), error) {
	return importReal(env, "corpus", 1e6)
}
