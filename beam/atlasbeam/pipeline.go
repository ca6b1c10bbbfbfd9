// Package atlasbeam is Briefing Atlas's extraction at newsroom scale as an
// Apache Beam pipeline: the same ingest and extraction as `atlas import`,
// run on many workers, with the cross-article merge of `atlas extract` done
// per merge class (see merge.go). It runs locally on the Prism runner and
// unchanged on Flink, Spark or Dataflow; its output folder is read back into
// a desktop store by `atlas import --events`.
//
// Elements cross stages as JSON strings: model types hold time.Time and
// pointers, which Beam's schema coders do not take, and JSON is the shards'
// format anyway.
package atlasbeam

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	// The workers read and write through these: local paths, gs://.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/shards"
)

// Metric names (namespace Namespace) the pipeline reports, for the bench.
const (
	Namespace       = "atlas"
	MetricArticles  = "articles"
	MetricFailures  = "failures"
	MetricEventsIn  = "events_extracted"
	MetricEventsOut = "events_merged"
	MetricExtractNS = "extract_ns" // ingest + extraction, summed over workers
	MetricMergeNS   = "merge_ns"   // MergeAll over each merge class, summed over workers
)

// here counts the same figures in this process: on the local runners the
// workers run in the launching process (loopback), and Prism's metrics
// were seen to miss some bundles' counts, so the bench reads these.
var here struct {
	articles, failures, eventsIn, eventsOut, extractNS, mergeNS atomic.Int64
}

var (
	articlesCount  = beam.NewCounter(Namespace, MetricArticles)
	failuresCount  = beam.NewCounter(Namespace, MetricFailures)
	eventsInCount  = beam.NewCounter(Namespace, MetricEventsIn)
	eventsOutCount = beam.NewCounter(Namespace, MetricEventsOut)
	extractNS      = beam.NewCounter(Namespace, MetricExtractNS)
	mergeNS        = beam.NewCounter(Namespace, MetricMergeNS)
)

// Options say what the pipeline reads and where it writes.
type Options struct {
	// Inputs are folders (walked as `atlas import` walks them), files or
	// globs; local paths, or any scheme a Beam filesystem is registered
	// for (gs://, s3://) for globs and files.
	Inputs []string
	// Manifest is a sources.csv or sources.json; "" means the one lying
	// in the first local input folder, if any, as `atlas import` does.
	Manifest string
	// Output is the folder the shards are written to.
	Output string
	// Shards is the number of files of each kind (default 8).
	Shards int
}

// Build adds the pipeline to s.
func Build(s beam.Scope, o Options) error {
	if len(o.Inputs) == 0 {
		return fmt.Errorf("atlas-beam: no input")
	}
	if o.Output == "" {
		return fmt.Errorf("atlas-beam: no output folder")
	}
	if o.Shards <= 0 {
		o.Shards = 8
	}
	if o.Manifest == "" {
		var local []string
		for _, in := range o.Inputs {
			if !strings.Contains(in, "://") {
				local = append(local, in)
			}
		}
		o.Manifest = ingest.FolderManifest(local)
	}
	specs := make([]string, len(o.Inputs))
	for i, in := range o.Inputs {
		specs[i] = fmt.Sprintf("%04d\t%s", i, in)
	}
	files, fails1 := beam.ParDo2(s.Scope("List"), &listFn{Manifest: o.Manifest}, beam.CreateList(s, specs))
	// Listing is one element per input: the reshuffle spreads the files
	// over the workers before the expensive step.
	files = beam.Reshuffle(s, files)
	articles, members, undated, fails2 := beam.ParDo4(s.Scope("Extract"), &extractFn{Manifest: o.Manifest}, files)

	merged := beam.ParDo(s.Scope("MergeClasses"), &mergeClassFn{}, beam.GroupByKey(s, members))
	events := beam.Flatten(s, merged, undated)

	writeShards(s.Scope("WriteArticles"), o.Output, shards.ArticlesPrefix, o.Shards, articles)
	writeShards(s.Scope("WriteEvents"), o.Output, shards.EventsPrefix, o.Shards, events)
	writeShards(s.Scope("WriteFailures"), o.Output, shards.FailuresPrefix, 1, beam.Flatten(s, fails1, fails2))
	return nil
}

// listFn turns one input (folder, file or glob) into its article files,
// each with its order key: input index, then position in the walk.
type listFn struct {
	Manifest string
}

// ProcessElement lists one input.
func (f *listFn) ProcessElement(ctx context.Context, spec string, emit func(string, string), fail func(string)) error {
	idx, in, ok := strings.Cut(spec, "\t")
	if !ok {
		return fmt.Errorf("list: bad input spec %q", spec)
	}
	manifest := f.Manifest
	if manifest != "" && !strings.Contains(manifest, "://") {
		if abs, err := filepath.Abs(manifest); err == nil {
			manifest = abs
		}
	}
	n := 0
	add := func(p string) {
		emit(fmt.Sprintf("%s/%09d", idx, n), p)
		n++
	}
	if strings.Contains(in, "://") {
		fs, err := filesystem.New(ctx, in)
		if err != nil {
			return fmt.Errorf("list %s: %w", in, err)
		}
		defer fs.Close()
		glob := in
		if strings.HasSuffix(glob, "/") {
			glob += "*"
		}
		names, err := fs.List(ctx, glob)
		if err != nil {
			return fmt.Errorf("list %s: %w", in, err)
		}
		sort.Strings(names)
		for _, name := range names {
			if ingest.Format(name) != "" && name != f.Manifest {
				add(name)
			}
		}
		return nil
	}
	paths := []string{in}
	if _, err := os.Stat(in); err != nil && strings.ContainsAny(in, "*?[") {
		if paths, err = filepath.Glob(in); err != nil {
			return fmt.Errorf("list %s: %w", in, err)
		}
	}
	// ingest.Walk is the import's own walk: the same files are taken and
	// skipped, in the same order.
	for _, found := range ingest.Walk(paths) {
		switch {
		case found.Err != nil:
			fail(failureLine(fmt.Sprintf("%s/%09d", idx, n), found.Path, found.Err.Error()))
			n++
		case found.Skipped != "":
		default:
			abs, err := filepath.Abs(found.Path)
			if err != nil {
				abs = found.Path
			}
			if abs != manifest {
				add(abs)
			}
		}
	}
	return nil
}

// extractFn reads and extracts one article file. The gazetteer and the
// manifest are loaded once per worker, in Setup: the gazetteer alone takes
// about 0.3 s.
type extractFn struct {
	Manifest string

	x *extract.Extractor
	m *ingest.Manifest
}

// Setup loads the gazetteer and the manifest.
func (f *extractFn) Setup(ctx context.Context) error {
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return fmt.Errorf("load gazetteer: %w", err)
	}
	f.x = extract.New(g)
	if f.Manifest != "" {
		if f.m, err = loadManifest(ctx, f.Manifest); err != nil {
			return err
		}
	}
	return nil
}

// ProcessElement emits the article line, each dated event keyed by its
// merge class, undated events as final records (they never merge), and
// failures.
func (f *extractFn) ProcessElement(ctx context.Context, order, p string, emitArticle func(string), emitMember func(string, string), emitUndated func(string), fail func(string)) error {
	start := time.Now()
	defer func() {
		d := int64(time.Since(start))
		extractNS.Inc(ctx, d)
		here.extractNS.Add(d)
	}()
	format := ingest.Format(p)
	if format == "" {
		fail(failureLine(order, p, fmt.Sprintf("%s: %v", p, ingest.ErrUnsupported)))
		failuresCount.Inc(ctx, 1)
		here.failures.Add(1)
		return nil
	}
	raw, err := readRaw(ctx, p)
	if err != nil {
		fail(failureLine(order, p, err.Error()))
		failuresCount.Inc(ctx, 1)
		here.failures.Add(1)
		return nil
	}
	// A mail's attachments follow it as articles of their own.
	as, err := ingest.ParseAll(p, format, raw, f.m)
	if err != nil {
		fail(failureLine(order, p, fmt.Sprintf("%s: %v", p, err)))
		failuresCount.Inc(ctx, 1)
		here.failures.Add(1)
	}
	for ai, a := range as {
		aorder := order
		if ai > 0 {
			aorder = fmt.Sprintf("%s.%03d", order, ai)
		}
		x, err := runExtract(f.x, a)
		if err != nil {
			fail(failureLine(aorder, a.Path, fmt.Sprintf("%s: %v", a.Path, err)))
			failuresCount.Inc(ctx, 1)
			here.failures.Add(1)
			continue
		}
		line, err := json.Marshal(shards.NewArticle(aorder, a, x))
		if err != nil {
			return fmt.Errorf("encode article %s: %w", a.Path, err)
		}
		emitArticle(string(line))
		articlesCount.Inc(ctx, 1)
		here.articles.Add(1)
		eventsInCount.Inc(ctx, int64(len(x.Events)))
		here.eventsIn.Add(int64(len(x.Events)))
		// MergeAll and Merge tell one article's sources from another's by
		// file name and article id: any number unique to the article does.
		id := articleID(aorder)
		for i := range x.Events {
			e := x.Events[i]
			e.Sources = append([]model.Source(nil), e.Sources...)
			for j := range e.Sources {
				e.Sources[j].ArticleID = id
			}
			class := extract.MergeClass(&e)
			if class == "" {
				rec, err := json.Marshal(model.NewRecord(&e))
				if err != nil {
					return fmt.Errorf("encode event of %s: %w", a.Path, err)
				}
				emitUndated(string(rec))
				eventsOutCount.Inc(ctx, 1)
				here.eventsOut.Add(1)
				continue
			}
			m, err := json.Marshal(member{ID: fmt.Sprintf("%s#%05d", aorder, i), Event: e})
			if err != nil {
				return fmt.Errorf("encode event of %s: %w", a.Path, err)
			}
			emitMember(class, string(m))
		}
	}
	return nil
}

// runExtract runs the extractor as the import does: with no article id yet
// (the store gives it), a panic on one odd article failing that article.
func runExtract(x *extract.Extractor, a *model.Article) (ext model.Extraction, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the extractor failed on this article: %v", r)
		}
	}()
	a.ID = 0
	return x.Extract(a), nil
}

// articleID is a positive number standing for one article while merging.
func articleID(order string) int64 {
	h := fnv.New64a()
	h.Write([]byte(order))
	return int64(h.Sum64()>>1) | 1
}

// mergeClassFn merges the events of one merge class.
type mergeClassFn struct{}

// ProcessElement merges one class and emits its events as records.
func (f *mergeClassFn) ProcessElement(ctx context.Context, class string, values func(*string) bool, emit func(string)) error {
	var ms []member
	var v string
	for values(&v) {
		var m member
		if err := json.Unmarshal([]byte(v), &m); err != nil {
			return fmt.Errorf("merge class %s: decode event: %w", class, err)
		}
		ms = append(ms, m)
	}
	start := time.Now()
	evs := mergeClass(ms)
	d := int64(time.Since(start))
	mergeNS.Inc(ctx, d)
	here.mergeNS.Add(d)
	for i := range evs {
		rec, err := json.Marshal(model.NewRecord(&evs[i]))
		if err != nil {
			return fmt.Errorf("merge class %s: encode: %w", class, err)
		}
		emit(string(rec))
		eventsOutCount.Inc(ctx, 1)
		here.eventsOut.Add(1)
	}
	return nil
}

// failureLine is a failures shard line.
func failureLine(order, p, reason string) string {
	b, _ := json.Marshal(shards.Failure{Order: order, Path: p, Reason: reason})
	return string(b)
}

// readRaw reads an article file: local files through ingest (its size
// limit and its errors), others through Beam's filesystems.
func readRaw(ctx context.Context, p string) ([]byte, error) {
	if !strings.Contains(p, "://") {
		return ingest.ReadRaw(p)
	}
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	defer fs.Close()
	if n, err := fs.Size(ctx, p); err == nil && n > ingest.MaxFileSize {
		return nil, fmt.Errorf("%s: %w", p, ingest.ErrTooLarge)
	}
	raw, err := filesystem.Read(ctx, fs, p)
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", p, err)
	}
	return raw, nil
}

// loadManifest loads a manifest, copying a remote one to a local file first
// (ingest reads manifests by path).
func loadManifest(ctx context.Context, p string) (*ingest.Manifest, error) {
	if !strings.Contains(p, "://") {
		m, err := ingest.LoadManifest(p)
		if err != nil {
			return nil, fmt.Errorf("load %w", err)
		}
		return m, nil
	}
	raw, err := readRaw(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("load manifest: %w", err)
	}
	dir, err := os.MkdirTemp("", "atlas-manifest")
	if err != nil {
		return nil, fmt.Errorf("load manifest %s: %w", p, err)
	}
	local := filepath.Join(dir, path.Base(p))
	if err := os.WriteFile(local, raw, 0o600); err != nil {
		return nil, fmt.Errorf("load manifest %s: %w", p, err)
	}
	m, err := ingest.LoadManifest(local)
	if err != nil {
		return nil, fmt.Errorf("load %w", err)
	}
	return m, nil
}

// writeShards writes lines into n files prefix-i-of-n.jsonl in dir, each
// sorted, so that a re-run over the same input writes the same bytes.
func writeShards(s beam.Scope, dir, prefix string, n int, lines beam.PCollection) {
	keyed := beam.ParDo(s, &shardKeyFn{N: n}, lines)
	beam.ParDo0(s, &writeShardFn{Dir: dir, Prefix: prefix, N: n}, beam.GroupByKey(s, keyed))
}

// shardKeyFn picks a line's shard by its hash.
type shardKeyFn struct {
	N int
}

// ProcessElement keys one line.
func (f *shardKeyFn) ProcessElement(line string) (int64, string) {
	h := fnv.New32a()
	h.Write([]byte(line))
	return int64(h.Sum32() % uint32(f.N)), line
}

// writeShardFn writes one shard.
type writeShardFn struct {
	Dir    string
	Prefix string
	N      int
}

// ProcessElement writes the lines of shard i, replacing the file whole: a
// retried bundle writes it again.
func (f *writeShardFn) ProcessElement(ctx context.Context, i int64, values func(*string) bool) error {
	var lines []string
	var v string
	for values(&v) {
		lines = append(lines, v)
	}
	sort.Strings(lines)
	name := joinPath(f.Dir, shards.ShardName(f.Prefix, int(i), f.N))
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer fs.Close()
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	if err := filesystem.Write(ctx, fs, name, []byte(b.String())); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// joinPath joins a folder and a name, local or URL-like.
func joinPath(dir, name string) string {
	if strings.Contains(dir, "://") {
		return strings.TrimSuffix(dir, "/") + "/" + name
	}
	return filepath.Join(dir, name)
}

// PrepareOutput empties a local output folder of earlier shards, so that a
// run writing fewer shards leaves no stale ones for the loader to read.
func PrepareOutput(dir string) error {
	if strings.Contains(dir, "://") {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	for _, prefix := range []string{shards.ArticlesPrefix, shards.EventsPrefix, shards.FailuresPrefix} {
		old, _ := filepath.Glob(filepath.Join(dir, prefix+"-*-of-*.jsonl"))
		for _, f := range old {
			if err := os.Remove(f); err != nil {
				return fmt.Errorf("output folder: %w", err)
			}
		}
	}
	return nil
}

func init() {
	register.DoFn4x1[context.Context, string, func(string, string), func(string), error](&listFn{})
	register.DoFn7x1[context.Context, string, string, func(string), func(string, string), func(string), func(string), error](&extractFn{})
	register.DoFn4x1[context.Context, string, func(*string) bool, func(string), error](&mergeClassFn{})
	register.DoFn1x2[string, int64, string](&shardKeyFn{})
	register.DoFn3x1[context.Context, int64, func(*string) bool, error](&writeShardFn{})
	register.Emitter1[string]()
	register.Emitter2[string, string]()
	register.Iter1[string]()
}

// Metrics are the pipeline's counters after a run.
type Metrics struct {
	Articles, Failures, EventsIn, EventsOut int64
	Extract, Merge                          time.Duration // summed over workers
	Known                                   bool          // the runner reported metrics
}

// ReadMetrics reads the pipeline's counters: those counted in this process
// when its workers ran here (the local runners), else the runner's.
func ReadMetrics(res beam.PipelineResult) Metrics {
	var m Metrics
	if n := here.articles.Load() + here.failures.Load(); n > 0 {
		return Metrics{Articles: here.articles.Load(), Failures: here.failures.Load(),
			EventsIn: here.eventsIn.Load(), EventsOut: here.eventsOut.Load(),
			Extract: time.Duration(here.extractNS.Load()), Merge: time.Duration(here.mergeNS.Load()), Known: true}
	}
	if res == nil {
		return m
	}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() != Namespace {
			continue
		}
		m.Known = true
		v := c.Result()
		switch c.Name() {
		case MetricArticles:
			m.Articles += v
		case MetricFailures:
			m.Failures += v
		case MetricEventsIn:
			m.EventsIn += v
		case MetricEventsOut:
			m.EventsOut += v
		case MetricExtractNS:
			m.Extract += time.Duration(v)
		case MetricMergeNS:
			m.Merge += time.Duration(v)
		}
	}
	return m
}

// Summary is the line the command prints after a run.
func (m Metrics) Summary(elapsed time.Duration, out string) string {
	if !m.Known {
		return fmt.Sprintf("Wrote the shards to %s in %s (the runner reported no metrics).", out, elapsed.Round(time.Millisecond))
	}
	rate := float64(m.Articles) / elapsed.Seconds()
	share := 0.0
	if work := m.Extract + m.Merge; work > 0 {
		share = 100 * float64(m.Merge) / float64(work)
	}
	return fmt.Sprintf("Extracted %d articles (%d failed): %d events, %d after merging, to %s in %s (%.1f articles/s; worker time: extract %s, merge %s = %.1f%%).",
		m.Articles, m.Failures, m.EventsIn, m.EventsOut, out, elapsed.Round(time.Millisecond), rate,
		m.Extract.Round(time.Millisecond), m.Merge.Round(time.Millisecond), share)
}
