package gen

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// CorpusStats sums up a written corpus.
type CorpusStats struct {
	Articles int
	Bytes    int64 // file bytes
	Events   int   // planted events
}

// WriteCorpus writes n articles into dir, as plain text or, in the shares
// opt asks, as HTML pages and Markdown, plus a sources.csv manifest in the
// sample corpus's format (file, title, publisher, url, published). Articles
// are generated on all cores; the output is the same whatever the number of
// cores.
func WriteCorpus(dir string, n int, opt Options) (CorpusStats, error) {
	var st CorpusStats
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, fmt.Errorf("gen: create %s: %w", dir, err)
	}
	c := New(opt)
	arts := make([]Article, n)
	errs := make([]error, n)
	sizes, counts := make([]int, n), make([]int, n)
	var wg sync.WaitGroup
	next := make(chan int, 256)
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a := c.Article(i)
				name, data := Render(a, c.FormatOf(i))
				a.File = name
				errs[i] = os.WriteFile(filepath.Join(dir, name), data, 0o644)
				sizes[i], counts[i] = len(data), len(a.Events)
				a.Text, a.Events = "", nil // only the manifest fields are kept
				arts[i] = a
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return st, fmt.Errorf("gen: write article %d: %w", i, err)
		}
	}

	f, err := os.Create(filepath.Join(dir, "sources.csv"))
	if err != nil {
		return st, fmt.Errorf("gen: create manifest: %w", err)
	}
	bw := bufio.NewWriter(f)
	cw := csv.NewWriter(bw)
	_ = cw.Write([]string{"file", "title", "publisher", "url", "published"})
	for _, a := range arts {
		_ = cw.Write([]string{a.File, a.Title, a.Publisher, a.URL, a.Published.Format("2006-01-02")})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		f.Close()
		return st, fmt.Errorf("gen: write manifest: %w", err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return st, fmt.Errorf("gen: write manifest: %w", err)
	}
	if err := f.Close(); err != nil {
		return st, fmt.Errorf("gen: close manifest: %w", err)
	}
	st.Articles = n
	for i := range arts {
		st.Bytes += int64(sizes[i])
		st.Events += counts[i]
	}
	return st, nil
}
