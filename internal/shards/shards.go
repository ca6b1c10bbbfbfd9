// Package shards is the exchange format between the newsroom-scale
// extraction pipeline (the beam/ module, Apache Beam) and the desktop store:
// sharded JSON Lines of articles, each with everything extraction found in
// it, and the loader that reads them back into a store.
//
// The loader saves each article with its own extraction through the store's
// import batch, exactly as `atlas import` does (one savepoint per article,
// commits grouped, store-side merging with extract.SameEvent and
// extract.Merge, in the order the files were listed), so a store filled from
// the pipeline's shards holds the same events as one filled by `atlas import`
// on the same files, and loading the same shards twice changes nothing.
//
// This package never imports Beam: the app's build stays as it is.
package shards

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"github.com/briefingatlas/atlas/internal/store"
)

// File name prefixes of the pipeline's outputs in its output folder:
// ArticlesPrefix-00003-of-00016.jsonl and so on.
const (
	ArticlesPrefix = "articles"
	EventsPrefix   = "events"
	FailuresPrefix = "failures"
)

// Article is one line of an articles shard: the article as ingest read it
// and the extraction of it alone (before any cross-article merge), which is
// what the store needs to save it as an import would.
type Article struct {
	// Order sorts the articles in the order `atlas import` would meet
	// their files (input index, then walk order); the store's merging is
	// order-dependent, so the loader saves in this order.
	Order      string           `json:"order"`
	Path       string           `json:"path"`
	SHA256     string           `json:"sha256"`
	FileSHA256 string           `json:"file_sha256,omitempty"`
	Format     string           `json:"format"`
	Title      string           `json:"title"`
	Publisher  string           `json:"publisher"`
	URL        string           `json:"url"`
	Published  time.Time        `json:"published,omitzero"`
	DateSource model.DateSource `json:"date_source"`
	Dateline   string           `json:"dateline"`
	Text       string           `json:"text"`
	Noise      []model.Span     `json:"noise,omitempty"`
	Extraction model.Extraction `json:"extraction"`
}

// Failure is one line of a failures shard: a file the pipeline could not
// read or extract, and why, in the words an import would use.
type Failure struct {
	Order  string `json:"order"`
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// NewArticle makes the shard line of an article and its extraction.
func NewArticle(order string, a *model.Article, x model.Extraction) Article {
	return Article{
		Order: order, Path: a.Path, SHA256: a.SHA256, FileSHA256: a.FileSHA256, Format: a.Format,
		Title: a.Title, Publisher: a.Publisher, URL: a.URL, Published: a.Published, DateSource: a.DateSource,
		Dateline: a.Dateline, Text: a.Text, Noise: a.Noise, Extraction: x,
	}
}

// Model returns the article as the store saves it (no id yet).
func (r *Article) Model() *model.Article {
	return &model.Article{
		Path: r.Path, SHA256: r.SHA256, FileSHA256: r.FileSHA256, Format: r.Format, Title: r.Title,
		Publisher: r.Publisher, URL: r.URL, Published: r.Published, DateSource: r.DateSource,
		Dateline: r.Dateline, Text: r.Text, Noise: r.Noise,
	}
}

// ShardName is the name of shard i of n with the given prefix.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// Batch limits, the ordinary import's: a commit per batchArticles articles
// or batchTime, whichever comes first, each article under its own savepoint.
const (
	batchArticles = 32
	batchTime     = 250 * time.Millisecond
)

// loc is where one article line lies, so that a load holds an index of the
// shards in memory and not their texts.
type loc struct {
	order string
	file  string
	off   int64
	n     int
}

// Load saves the articles of the shards in dir into st, in their Order,
// and reports progress after each article and a summary as an import does;
// opts gives the merge rules (pipeline.Options.Merging), the rest of it is
// not read.
// Failures listed by the pipeline are reported as failed files. The error is
// for what stops the whole load (the store locked or read-only, ctx done,
// the folder unreadable); the summary then tells what was done before.
func Load(ctx context.Context, st *store.Store, dir string, opts pipeline.Options, progress func(pipeline.Progress)) (pipeline.Summary, error) {
	start := time.Now()
	var sum pipeline.Summary
	idx, failed, err := index(dir)
	if err != nil {
		return sum, err
	}
	sum.Failed = append(sum.Failed, failed...)
	p := pipeline.Progress{Total: len(idx), Failed: len(failed)}
	m := opts.Merging()
	files := map[string]*os.File{}
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	var (
		batch   *store.ImportBatch
		started time.Time
		pending []store.SaveResult
		paths   []string
	)
	commit := func() error {
		if batch == nil {
			return nil
		}
		err := batch.Commit()
		batch = nil
		for i, res := range pending {
			if err != nil {
				sum.Failed = append(sum.Failed, pipeline.Failure{Path: paths[i], Reason: err.Error(), Err: err})
				continue
			}
			sum.Imported++
			sum.Events += res.Inserted
			sum.Merged += res.Merged
			sum.Articles = append(sum.Articles, res.ArticleID)
		}
		pending, paths = nil, nil
		return err
	}
	stop := func(err error) (pipeline.Summary, error) {
		err = errors.Join(err, commit())
		sum.Elapsed = time.Since(start)
		return sum, err
	}
	for _, l := range idx {
		if err := ctx.Err(); err != nil {
			return stop(fmt.Errorf("load stopped before %s: %w", l.file, err))
		}
		rec, err := readAt(files, l)
		if err != nil {
			return stop(err)
		}
		if rec == nil {
			reason := fmt.Sprintf("%s at byte %d: not an article line", l.file, l.off)
			sum.Failed = append(sum.Failed, pipeline.Failure{Path: l.file, Reason: reason, Err: errors.New(reason)})
			p.Failed++
			continue
		}
		if batch == nil {
			if batch, err = st.NewImportBatch(ctx); err != nil {
				return stop(fmt.Errorf("load %s: %w", rec.Path, err))
			}
			started = time.Now()
		}
		a := rec.Model()
		x := rec.Extraction
		res, err := batch.SaveArticle(a, &x, m)
		switch {
		case err != nil && fatal(err):
			return stop(fmt.Errorf("load %s: %w", rec.Path, err))
		case err != nil:
			sum.Failed = append(sum.Failed, pipeline.Failure{Path: rec.Path, Reason: err.Error(), Err: err})
			p.Failed++
		case res.AlreadyPresent:
			// As an import does: the file's hash is remembered for a text
			// stored before without it, so that a later import skips it.
			if err := batch.RememberFile(a.SHA256, a.FileSHA256); err != nil {
				return stop(fmt.Errorf("load %s: %w", rec.Path, err))
			}
			sum.AlreadyPresent++
			p.Present++
		default:
			pending = append(pending, res)
			paths = append(paths, rec.Path)
			p.Imported++
		}
		p.Done++
		p.Path = rec.Path
		if progress != nil {
			progress(p)
		}
		if len(pending) >= batchArticles || time.Since(started) >= batchTime {
			if err := commit(); err != nil && fatal(err) {
				sum.Elapsed = time.Since(start)
				return sum, fmt.Errorf("load up to %s: %w", rec.Path, err)
			}
		}
	}
	if err := commit(); err != nil && fatal(err) {
		sum.Elapsed = time.Since(start)
		return sum, fmt.Errorf("load: %w", err)
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// fatal reports errors that would fail every following article too.
func fatal(err error) bool {
	return errors.Is(err, store.ErrLocked) || errors.Is(err, store.ErrReadOnly) || errors.Is(err, store.ErrNotStore) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// index lists the article lines of the shards in dir in their Order, and
// reads the failures shards.
func index(dir string) ([]loc, []pipeline.Failure, error) {
	names, err := filepath.Glob(filepath.Join(dir, ArticlesPrefix+"-*.jsonl"))
	if err != nil {
		return nil, nil, fmt.Errorf("list shards in %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("%s: no %s-*.jsonl shards (is it the pipeline's output folder?)", dir, ArticlesPrefix)
	}
	var idx []loc
	for _, name := range names {
		if err := scan(name, func(off int64, line []byte) {
			// Only the order is decoded here: the rest of the line is
			// read again when its turn comes.
			var head struct {
				Order string `json:"order"`
			}
			_ = json.Unmarshal(line, &head) // a bad line sorts first and is reported then
			idx = append(idx, loc{order: head.Order, file: name, off: off, n: len(line)})
		}); err != nil {
			return nil, nil, err
		}
	}
	sort.SliceStable(idx, func(i, j int) bool { return idx[i].order < idx[j].order })
	var failed []pipeline.Failure
	fnames, _ := filepath.Glob(filepath.Join(dir, FailuresPrefix+"-*.jsonl"))
	var fs []Failure
	for _, name := range fnames {
		if err := scan(name, func(_ int64, line []byte) {
			var f Failure
			if json.Unmarshal(line, &f) == nil {
				fs = append(fs, f)
			}
		}); err != nil {
			return nil, nil, err
		}
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].Order < fs[j].Order })
	for _, f := range fs {
		failed = append(failed, pipeline.Failure{Path: f.Path, Reason: f.Reason, Err: errors.New(f.Reason)})
	}
	return idx, failed, nil
}

// scan calls fn with each non-empty line of a file and its byte offset.
func scan(name string, fn func(off int64, line []byte)) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("read shard: %w", err)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	var off int64
	for {
		line, err := r.ReadBytes('\n')
		n := len(line)
		if t := strings.TrimRight(string(line), "\r\n"); t != "" {
			fn(off, []byte(t))
		}
		off += int64(n)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read shard %s: %w", name, err)
		}
	}
}

// readAt reads and decodes the article line at l; nil when it is not one.
func readAt(files map[string]*os.File, l loc) (*Article, error) {
	f, ok := files[l.file]
	if !ok {
		var err error
		if f, err = os.Open(l.file); err != nil {
			return nil, fmt.Errorf("read shard: %w", err)
		}
		files[l.file] = f
	}
	buf := make([]byte, l.n)
	if _, err := f.ReadAt(buf, l.off); err != nil {
		return nil, fmt.Errorf("read shard %s at byte %d: %w", l.file, l.off, err)
	}
	var rec Article
	if err := json.Unmarshal(buf, &rec); err != nil || rec.SHA256 == "" {
		return nil, nil
	}
	return &rec, nil
}
