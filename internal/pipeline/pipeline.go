// Package pipeline imports article files into the store: ingest reads them,
// the extractor finds events, and the store saves each article with its
// events whole (a savepoint in a batch of up to 32 articles or a quarter
// second), merging events reported by several articles (extract.SameEvent
// decides, extract.Merge folds them together).
// A crash or kill mid-import leaves whole articles only; running the import
// again skips what is stored (by content hash) and completes the rest.
// A changed version of a stored article (same URL, else same path) updates
// it in place: its events found again keep their ids and the user's edits
// (store.SaveResult.Updated).
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// Extractor finds events in an article; *extract.Extractor satisfies it.
type Extractor interface {
	Extract(a *model.Article) model.Extraction
}

// Options tune an import.
type Options struct {
	// Manifest gives titles, publishers, URLs and dates by file name; nil
	// means the metadata comes from the articles' text.
	Manifest *ingest.Manifest
	// SameEvent says whether two events are one real-world event reported
	// twice (pass extract.SameEvent); nil means events are never merged.
	SameEvent func(a, b *model.Event) bool
	// Match, when set, is used instead of SameEvent: a new report joins
	// the stored event it matches best, the earliest stored on a tie, as
	// extract.MergeAll does, so that an import groups reports as `atlas
	// extract` does. Pass extract.Match (only its kinds are read as
	// candidates: extract.CompatibleKinds).
	Match func(stored, report *model.Event) (int, bool)
	// Merge folds a new report into a stored event; nil means extract.Merge.
	Merge func(dst, src *model.Event)
	// Screen is a necessary condition for SameEvent that needs no source
	// sentences (pass extract.MaySameEvent with extract.SameEvent): the
	// store loads only the candidates it lets through with their sentences.
	// Nil screens candidates by their dates alone.
	Screen func(a, b *model.Event) bool
	// NoFolderManifest stops Import from using a sources.csv or sources.json
	// found in a folder being imported when Manifest is nil.
	NoFolderManifest bool
	// Background says a window is in use beside the import: its two
	// goroutines (extraction and the store's writer) run on threads of
	// lower priority where the system allows it (Linux), so that the
	// window's painting comes first and the import takes the rest of the
	// CPU. Go has no goroutine priorities; on two cores the import's
	// threads otherwise share them evenly with the painter.
	Background bool
}

// Merging is the store's merge rules these options ask for, with the
// defaults filled in; shards.Load uses them too.
func (o Options) Merging() store.Merging {
	m := store.Merging{Same: o.SameEvent, Score: o.Match, Merge: o.Merge, Screen: o.Screen}
	if m.Score != nil {
		m.Kinds = extract.CompatibleKinds
	}
	if m.Merge == nil {
		m.Merge = extract.Merge
	}
	return m
}

// Progress is reported once the files are found (Done 0, no Path), then
// after each file.
type Progress struct {
	Done, Total int    // files handled so far, files found
	Path        string // the file just handled
	// Imported counts the articles saved so far, some of them in a batch not
	// committed yet (Summary counts only committed ones), Updated those of
	// them that replaced a stored version; Present those stored before;
	// Failed the files that could not be imported.
	Imported int
	Updated  int
	Present  int
	Failed   int
}

// Failure is a file that could not be imported and why.
type Failure struct {
	Path   string
	Reason string // a sentence for the user, naming the file
	Err    error
}

// Summary says what an import did.
type Summary struct {
	Imported       int            // articles saved: added, or updated in place
	Updated        int            // of those, changed versions of stored articles (same URL, else path)
	AlreadyPresent int            // articles whose text was stored before
	Failed         []Failure      // files that could not be imported
	Skipped        []ingest.Found // files left out on purpose (type, documentation), with why
	Events         int            // events added
	Merged         int            // events merged into events already stored
	Kept           int            // events of updated articles found again (ids and edits kept)
	Removed        int            // events of updated articles gone with their previous text
	Orphaned       int            // such events kept, marked "no longer in the source", for the user's edits
	Warnings       []string       // manifest problems, manifest rows matching no file
	Articles       []int64        // ids of the articles added or updated
	Dated          []DatedArticle // articles without a date, dated from other articles' reports
	Manifest       string         // the manifest used, given or found in a folder; "" when none
	Elapsed        time.Duration
}

// Import reads paths (files and folders, recursively) into st. Files that
// cannot be read, decoded or extracted are listed in Summary.Failed and the
// others still imported. The error is for what stops the whole import: the
// store locked, read-only or broken, or ctx cancelled; the summary then tells
// what was done before.
func Import(ctx context.Context, st *store.Store, x Extractor, paths []string, opts Options, progress func(Progress)) (Summary, error) {
	if !opts.Background {
		return importPaths(ctx, st, x, paths, opts, progress)
	}
	// The scheduler's slots for goroutines running Go code (its Ps) are
	// as many as the cores: with the import's two goroutines in two of
	// them the window's painting waited for one, however low their
	// threads' priority. Two more let the system's scheduler decide, by
	// priority, while the import runs.
	procs := runtime.GOMAXPROCS(0)
	runtime.GOMAXPROCS(procs + 2)
	defer runtime.GOMAXPROCS(procs)
	// The saving runs on a goroutine of its own, whose thread ends with it
	// (lowerPriority, once the files are found), so that the caller's
	// keeps its priority.
	var sum Summary
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		sum, err = importPaths(ctx, st, x, paths, opts, progress)
	}()
	<-done
	return sum, err
}

// importPaths is Import on the calling goroutine, which it lowers to the
// background's priority (opts.Background) once it has found the files: the
// walk of a big folder comes before the first article moves the progress
// bar, and the user waits for it.
func importPaths(ctx context.Context, st *store.Store, x Extractor, paths []string, opts Options, progress func(Progress)) (Summary, error) {
	start := time.Now()
	var sum Summary
	if opts.Manifest == nil && !opts.NoFolderManifest {
		// A clipping tool leaves its metadata beside the articles; a user who
		// imports the folder expects it to be read without being asked.
		if path := ingest.FolderManifest(paths); path != "" {
			m, err := ingest.LoadManifest(path)
			if err != nil {
				sum.Warnings = append(sum.Warnings, fmt.Sprintf("%v; importing without it", err))
			} else {
				opts.Manifest = m
			}
		}
	}
	if opts.Manifest != nil {
		sum.Manifest = opts.Manifest.Path
		sum.Warnings = append(sum.Warnings, opts.Manifest.Warnings...)
	}
	found := ingest.Walk(paths)
	var files []string
	for _, f := range found {
		switch {
		case f.Skipped != "" && opts.Manifest != nil && samePath(f.Path, opts.Manifest.Path):
			// The manifest beside the articles is not worth a mention.
		case f.Err != nil:
			sum.Failed = append(sum.Failed, Failure{Path: f.Path, Reason: f.Err.Error(), Err: f.Err})
		case f.Skipped != "":
			sum.Skipped = append(sum.Skipped, f)
		default:
			files = append(files, f.Path)
		}
	}
	if opts.Background {
		lowerPriority()
	}
	p := Progress{Total: len(files), Failed: len(sum.Failed)}
	if progress != nil {
		// The files are found: the user sees how many before the first is
		// read, which waits for the extractor's gazetteer on a first import.
		progress(p)
	}
	// Reading, parsing and extracting the next articles runs beside the
	// store's writes (a few files ahead, in order), so an import keeps both
	// cores busy: the saves are more than half of its work.
	work := make(chan prepared, 4)
	stop := make(chan struct{})
	go func() {
		defer close(work)
		if opts.Background {
			lowerPriority()
		}
		for _, path := range files {
			if ctx.Err() != nil {
				return
			}
			select {
			case work <- prepare(st, x, path, opts):
			case <-stop:
				return
			}
		}
	}()
	// On an early return the reader stops before Import does, so it never
	// touches the store after its caller closed it.
	defer func() {
		close(stop)
		for range work {
		}
	}()
	// Articles are saved in batches, each article under its own savepoint:
	// one commit per batch instead of one per article. A batch stays short
	// in time, so that the app shows new articles soon and a user's edit
	// waits little for the write lock.
	bt := batcher{st: st, sum: &sum}
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			err = errors.Join(fmt.Errorf("import stopped before %s: %w", path, err), bt.commit())
			sum.Elapsed = time.Since(start)
			return sum, err
		}
		next, ok := <-work
		if !ok {
			// The reader stops early only when ctx is done.
			err := errors.Join(fmt.Errorf("import stopped before %s: %w", path, context.Cause(ctx)), bt.commit())
			sum.Elapsed = time.Since(start)
			return sum, err
		}
		res, err := bt.save(ctx, path, next, opts)
		if err == nil {
			for _, part := range next.parts {
				pres, perr := bt.save(ctx, partPath(part, path), part, opts)
				switch {
				case perr != nil && fatal(perr):
					err = perr
				case perr != nil:
					sum.Failed = append(sum.Failed, Failure{Path: partPath(part, path), Reason: perr.Error(), Err: perr})
				case pres.AlreadyPresent:
					sum.AlreadyPresent++
				}
				if err != nil {
					break
				}
			}
			if next.partsErr != nil {
				sum.Failed = append(sum.Failed, Failure{Path: path, Reason: next.partsErr.Error(), Err: next.partsErr})
			}
		}
		switch {
		case err != nil && fatal(err):
			err = errors.Join(fmt.Errorf("import %s: %w", path, err), bt.commit())
			sum.Elapsed = time.Since(start)
			return sum, err
		case err != nil:
			sum.Failed = append(sum.Failed, Failure{Path: path, Reason: err.Error(), Err: err})
			p.Failed++
		case res.AlreadyPresent:
			sum.AlreadyPresent++
			p.Present++
		default:
			p.Imported++
			if res.Updated {
				p.Updated++
			}
		}
		p.Done++
		p.Path = path
		if progress != nil {
			progress(p)
		}
		if bt.full() {
			if err := bt.commit(); err != nil && fatal(err) {
				sum.Elapsed = time.Since(start)
				return sum, fmt.Errorf("import up to %s: %w", path, err)
			}
		}
	}
	if err := bt.commit(); err != nil && fatal(err) {
		sum.Elapsed = time.Since(start)
		return sum, fmt.Errorf("import: %w", err)
	}
	if err := bt.dating.dateUndated(ctx, st, x, sum.Articles, opts, &sum); err != nil {
		sum.Elapsed = time.Since(start)
		return sum, fmt.Errorf("import: %w", err)
	}
	if err := bt.dating.dateRetold(ctx, st, sum.Articles, opts, &sum); err != nil {
		sum.Elapsed = time.Since(start)
		return sum, fmt.Errorf("import: %w", err)
	}
	if opts.Manifest != nil {
		for _, f := range opts.Manifest.Unused() {
			sum.Warnings = append(sum.Warnings, fmt.Sprintf("manifest %s lists %s, which was not among the files imported", opts.Manifest.Path, f))
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// partPath names a further article of a file ("mail.eml#report.pdf").
func partPath(p prepared, file string) string {
	if p.a != nil {
		return p.a.Path
	}
	return file
}

// fatal reports errors that would fail every following file too.
func fatal(err error) bool {
	return errors.Is(err, store.ErrLocked) || errors.Is(err, store.ErrReadOnly) || errors.Is(err, store.ErrNotStore) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// prepared is one file read, parsed and extracted, waiting to be saved.
type prepared struct {
	a    *model.Article
	ext  *model.Extraction
	skip bool // the file or its text is stored already
	// remember asks to record the file's hash for a text stored before
	// without it; the saving side does it, in its own write transaction.
	remember bool
	err      error
	// parts are the further articles of the same file (a mail's
	// attachments), saved after it; partsErr names those that failed.
	parts    []prepared
	partsErr error
}

// prepare reads, parses and extracts one file, unless the store holds it.
func prepare(st *store.Store, x Extractor, path string, opts Options) prepared {
	format := ingest.Format(path)
	if format == "" {
		return prepared{err: fmt.Errorf("%s: %w", path, ingest.ErrUnsupported)}
	}
	raw, err := ingest.ReadRaw(path)
	if err != nil {
		return prepared{err: err}
	}
	// An unchanged file is skipped before parsing: re-running an import
	// over a big folder costs a hash per file.
	if has, err := st.HasFile(ingest.FileHash(raw)); err != nil {
		return prepared{err: err}
	} else if has {
		opts.Manifest.Lookup(path) // the manifest row was used
		return prepared{skip: true}
	}
	as, err := ingest.ParseAll(path, format, raw, opts.Manifest)
	if len(as) == 0 {
		return prepared{err: fmt.Errorf("%s: %w", path, err)}
	}
	// A mail's attachments follow it as articles of their own; an
	// attachment that could not be read is the file's partial failure.
	first := prepareArticle(st, x, path, as[0])
	for _, a := range as[1:] {
		first.parts = append(first.parts, prepareArticle(st, x, a.Path, a))
	}
	if err != nil {
		first.partsErr = fmt.Errorf("%s: %w", path, err)
	}
	return first
}

// prepareArticle extracts one parsed article, unless the store holds its
// text already.
func prepareArticle(st *store.Store, x Extractor, path string, a *model.Article) prepared {
	// Skip extraction for text already stored: a re-run is quick.
	has, err := st.HasArticle(a.SHA256)
	if err != nil {
		return prepared{err: err}
	}
	if has {
		return prepared{a: a, skip: true, remember: a.FileSHA256 != ""}
	}
	// The path is part of an article's identity: stored absolute, it is
	// recognised whatever folder the next import runs from.
	if abs, err := filepath.Abs(a.Path); err == nil {
		a.Path = abs
	}
	if err := keepUserDate(st, a); err != nil {
		return prepared{err: err}
	}
	ext, err := runExtractor(x, a)
	if err != nil {
		return prepared{err: fmt.Errorf("%s: %w", path, err)}
	}
	return prepared{a: a, ext: ext}
}

// keepUserDate gives a changed version of a stored article the publication
// date the user set on the stored one, unless the new text brings a date of
// its own (manifest, date line): the user gave it because the article had
// none, and the events are extracted against it.
func keepUserDate(st *store.Store, a *model.Article) error {
	if a.DateSource != model.DateUnknown && a.DateSource != model.DateInferred && a.DateSource != "" {
		return nil
	}
	prev, ok, err := st.FindArticle(a)
	if err != nil {
		return fmt.Errorf("%s: %w", a.Path, err)
	}
	if ok && prev.DateSource == model.DateUser {
		a.Published, a.DateSource = prev.Published, model.DateUser
	}
	return nil
}

// Batch limits: a commit per batchArticles articles or batchTime, whichever
// comes first. Past a few dozen articles a bigger batch saves little.
const (
	batchArticles = 32
	batchTime     = 250 * time.Millisecond
)

// batcher saves prepared articles into store batches and counts them in the
// summary once their batch is committed.
type batcher struct {
	st      *store.Store
	sum     *Summary
	b       *store.ImportBatch
	started time.Time
	pending []pendingSave
	// saved maps the articles saved by this import to their files: two
	// files of one import that are one article (same URL) are worth a word.
	saved map[int64]string
	// dating keeps what dates the articles without a date at the end.
	dating reportDating
}

// pendingSave is an article saved in the open batch.
type pendingSave struct {
	path string
	res  store.SaveResult
}

// save stores a prepared article, with its events, whole or not at all.
func (bt *batcher) save(ctx context.Context, path string, p prepared, opts Options) (store.SaveResult, error) {
	if p.err != nil {
		return store.SaveResult{}, p.err
	}
	if p.skip && !p.remember {
		return store.SaveResult{AlreadyPresent: true}, nil
	}
	if bt.b == nil {
		b, err := bt.st.NewImportBatch(ctx)
		if err != nil {
			return store.SaveResult{}, err
		}
		bt.b, bt.started = b, time.Now()
	}
	if p.skip {
		return store.SaveResult{AlreadyPresent: true}, bt.b.RememberFile(p.a.SHA256, p.a.FileSHA256)
	}
	res, err := bt.b.SaveArticle(p.a, p.ext, opts.Merging())
	switch {
	case err != nil:
		return res, err
	case res.AlreadyPresent:
		// The same text came earlier in this import, in another file:
		// remember this file too, as a later re-run would.
		return res, bt.b.RememberFile(p.a.SHA256, p.a.FileSHA256)
	}
	bt.pending = append(bt.pending, pendingSave{path: path, res: res})
	if first, ok := bt.saved[res.ArticleID]; ok && res.Updated {
		bt.sum.Warnings = append(bt.sum.Warnings, fmt.Sprintf("%s and %s are one article (the same URL, or the same path): the second was kept as its newer version", first, path))
	}
	if bt.saved == nil {
		bt.saved = map[int64]string{}
	}
	bt.saved[res.ArticleID] = path
	bt.dating.add(res.ArticleID, path, p.a, p.ext)
	return res, nil
}

// full reports whether the open batch should be committed now.
func (bt *batcher) full() bool {
	return bt.b != nil && (len(bt.pending) >= batchArticles || time.Since(bt.started) >= batchTime)
}

// commit commits the open batch and counts its articles as imported; if
// the commit fails they are listed as failed with its reason.
func (bt *batcher) commit() error {
	if bt.b == nil {
		return nil
	}
	err := bt.b.Commit()
	bt.b = nil
	for _, ps := range bt.pending {
		if err != nil {
			bt.sum.Failed = append(bt.sum.Failed, Failure{Path: ps.path, Reason: err.Error(), Err: err})
			continue
		}
		bt.sum.Imported++
		if ps.res.Updated {
			bt.sum.Updated++
		}
		bt.sum.Events += ps.res.Inserted
		bt.sum.Merged += ps.res.Merged
		bt.sum.Kept += ps.res.Kept
		bt.sum.Removed += ps.res.Removed
		bt.sum.Orphaned += ps.res.Orphaned
		bt.sum.Articles = append(bt.sum.Articles, ps.res.ArticleID)
	}
	bt.pending = nil
	return err
}

// runExtractor runs the extractor, turning a panic on one odd article into that
// article's failure instead of the end of the import.
func runExtractor(x Extractor, a *model.Article) (ext *model.Extraction, err error) {
	if x == nil {
		return &model.Extraction{}, nil
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the extractor failed on this article: %v", r)
		}
	}()
	e := x.Extract(a)
	return &e, nil
}

// SetArticleDate records the publication date the user gave an article
// (DateSource user) and re-extracts it with that date, in one transaction.
// User edits of its events survive (they are keyed by event key).
func SetArticleDate(ctx context.Context, st *store.Store, x Extractor, id int64, date time.Time, same func(a, b *model.Event) bool) (store.SaveResult, error) {
	a, err := st.Article(id)
	if err != nil {
		return store.SaveResult{}, fmt.Errorf("set article date: %w", err)
	}
	a.Published = date
	a.DateSource = model.DateUser
	if date.IsZero() {
		a.DateSource = model.DateUnknown
	}
	ext, err := runExtractor(x, a)
	if err != nil {
		return store.SaveResult{}, fmt.Errorf("set date of %s: %w", a.Path, err)
	}
	res, err := st.RedateArticle(ctx, id, date, model.DateUser, ext, Options{SameEvent: same}.Merging())
	if err != nil {
		return res, fmt.Errorf("set date of %s: %w", a.Path, err)
	}
	return res, nil
}

// Reextract runs the extractor again over every stored article (after an
// extractor upgrade), one transaction per article. User edits survive.
func Reextract(ctx context.Context, st *store.Store, x Extractor, same func(a, b *model.Event) bool, progress func(Progress)) error {
	list, err := st.Articles()
	if err != nil {
		return fmt.Errorf("re-extract: %w", err)
	}
	p := Progress{Total: len(list)}
	for _, meta := range list {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("re-extract: %w", err)
		}
		a, err := st.Article(meta.ID)
		if err != nil {
			return fmt.Errorf("re-extract: %w", err)
		}
		ext, err := runExtractor(x, a)
		if err != nil {
			return fmt.Errorf("re-extract %s: %w", a.Path, err)
		}
		if _, err := st.ReplaceExtractionWith(ctx, a.ID, ext, Options{SameEvent: same}.Merging()); err != nil {
			return fmt.Errorf("re-extract %s: %w", a.Path, err)
		}
		p.Done++
		p.Path = a.Path
		if progress != nil {
			progress(p)
		}
	}
	return nil
}

func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}
