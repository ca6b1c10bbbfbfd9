package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"golang.org/x/term"
)

func init() {
	register("import", "import article files and folders (.txt, .md, .html) into the store", runImport)
}

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := storeFlag(fs)
	manifestPath := fs.String("manifest", "", "sources.csv (file,title,publisher,url,published) or the same fields as JSON")
	quiet := fs.Bool("q", false, "no progress bar")
	ifEmpty := fs.Bool("if-empty", false, "import only when the store holds no article yet (for first runs)")
	events := fs.String("events", "", "load the output folder of the Beam pipeline (beam/cmd/atlas-beam) instead of article files")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: atlas import [--db PATH] [--manifest FILE] [--if-empty] [-q] PATH...")
		fmt.Fprintln(stderr, "       atlas import [--db PATH] [--if-empty] [-q] --events DIR")
		fmt.Fprintln(stderr, "\nImports files and folders (recursively), or the articles-*.jsonl shards of the Beam pipeline")
		fmt.Fprintln(stderr, "with their extraction (--events). Exit status: 0 all imported or already present,")
		fmt.Fprintln(stderr, "1 some files failed (the others are imported), 2 usage error.")
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if *events != "" {
		if len(paths) > 0 || *manifestPath != "" {
			fmt.Fprintln(stderr, "atlas import: --events takes the pipeline's output folder alone (its articles already carry their metadata)")
			fs.Usage()
			return 2
		}
		return loadShards(*events, *db, *quiet, *ifEmpty, stdout, stderr)
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "atlas import: name at least one file or folder to import")
		fs.Usage()
		return 2
	}
	path, err := resolveStorePath(*db)
	if err != nil {
		fmt.Fprintf(stderr, "atlas import: %v\n", err)
		return 2
	}
	var m *ingest.Manifest
	manifestFailed := false
	if *manifestPath != "" {
		if m, err = ingest.LoadManifest(*manifestPath); err != nil {
			// The articles are worth importing without their metadata; the
			// exit status still says that a file named on the command line
			// could not be used.
			fmt.Fprintf(stderr, "atlas import: %v; importing the articles without it\n", err)
			manifestFailed = true
		}
	}
	x, same, err := newExtractor()
	if err != nil {
		fmt.Fprintf(stderr, "atlas import: %v\n", err)
		return 1
	}
	st, rc, ok := openForImport(path, *ifEmpty, stdout, stderr)
	if !ok {
		return rc
	}
	defer st.Close()

	// Ctrl-C stops between articles: what was imported stays, whole.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	bar := newProgressBar(stderr, *quiet)
	sum, err := pipeline.Import(ctx, st, x, paths, pipeline.Options{Manifest: m, SameEvent: same, Match: extract.Match, Screen: extract.MaySameEvent, NoFolderManifest: manifestFailed}, bar.update)
	bar.done()
	return importStatus(stdout, stderr, path, sum, err, "imported", "import", manifestFailed)
}

func printSummary(w io.Writer, path string, s pipeline.Summary) {
	plural := func(n int, one string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	switch {
	case s.Imported > 0 && s.Updated > 0:
		fmt.Fprintf(w, "Imported %s (%d new, %d updated; %s, %d merged with events already stored) into %s in %s.\n",
			plural(s.Imported, "article"), s.Imported-s.Updated, s.Updated, plural(s.Events, "new event"), s.Merged, path, s.Elapsed.Round(time.Millisecond))
		// A changed version replaces the stored one: say what became of
		// the events the user may have worked on.
		fmt.Fprintf(w, "Updated: %s changed since the last import; %s found again (ids and edits kept), %d removed",
			plural(s.Updated, "article"), plural(s.Kept, "event"), s.Removed)
		if s.Orphaned > 0 {
			fmt.Fprintf(w, ", %d no longer in the source but kept for your edits (marked so)", s.Orphaned)
		}
		fmt.Fprintln(w, ".")
	case s.Imported > 0:
		fmt.Fprintf(w, "Imported %s (%s, %d merged with events already stored) into %s in %s.\n",
			plural(s.Imported, "article"), plural(s.Events, "new event"), s.Merged, path, s.Elapsed.Round(time.Millisecond))
	default:
		fmt.Fprintf(w, "No new articles imported into %s.\n", path)
	}
	if s.Manifest != "" {
		fmt.Fprintf(w, "Titles, publishers and dates from %s.\n", s.Manifest)
	}
	if len(s.Dated) > 0 {
		fmt.Fprintf(w, "Dated from other articles' reports of the same events (they give no date of their own): %s:\n", plural(len(s.Dated), "article"))
		for _, d := range s.Dated {
			fmt.Fprintf(w, "  %s: %s\n", d.Path, d.Date.Format("2 Jan 2006"))
		}
	}
	if s.AlreadyPresent > 0 {
		fmt.Fprintf(w, "Already present: %s (the same text is in the store; nothing changed).\n", plural(s.AlreadyPresent, "article"))
	}
	if len(s.Failed) > 0 {
		fmt.Fprintf(w, "Failed: %s:\n", plural(len(s.Failed), "file"))
		for _, f := range s.Failed {
			fmt.Fprintf(w, "  %s\n", f.Reason)
		}
	}
	if len(s.Skipped) > 0 {
		// Grouped by reason, a few examples each: a big folder can skip
		// thousands of files and the list would bury the failures.
		fmt.Fprintf(w, "Skipped: %s:\n", plural(len(s.Skipped), "file"))
		var reasons []string
		byReason := map[string][]string{}
		for _, f := range s.Skipped {
			if _, ok := byReason[f.Skipped]; !ok {
				reasons = append(reasons, f.Skipped)
			}
			byReason[f.Skipped] = append(byReason[f.Skipped], f.Path)
		}
		for _, r := range reasons {
			paths := byReason[r]
			if len(paths) == 1 {
				fmt.Fprintf(w, "  %s: %s\n", paths[0], r)
				continue
			}
			shown := paths[:min(3, len(paths))]
			more := ""
			if len(paths) > len(shown) {
				more = fmt.Sprintf(" and %d more", len(paths)-len(shown))
			}
			fmt.Fprintf(w, "  %d files, %s: %s%s\n", len(paths), r, strings.Join(shown, ", "), more)
		}
	}
	for _, warn := range s.Warnings {
		fmt.Fprintf(w, "Warning: %s\n", warn)
	}
}

// progressBar draws on a terminal once the work has taken over a second;
// elsewhere (pipes, logs, tests) it stays silent.
type progressBar struct {
	w     io.Writer
	on    bool
	start time.Time
	drawn bool
}

func newProgressBar(w io.Writer, quiet bool) *progressBar {
	on := false
	if f, ok := w.(*os.File); ok && !quiet {
		on = term.IsTerminal(int(f.Fd()))
	}
	return &progressBar{w: w, on: on, start: time.Now()}
}

func (b *progressBar) update(p pipeline.Progress) {
	if !b.on || time.Since(b.start) < time.Second || p.Total == 0 {
		return
	}
	const width = 30
	fill := width * p.Done / p.Total
	// Cut by characters, as fmt pads by them: a cut byte would print half
	// a character.
	name := ""
	if p.Path != "" {
		name = filepath.Base(p.Path)
	}
	if r := []rune(name); len(r) > 30 {
		name = string(r[:27]) + "..."
	}
	fmt.Fprintf(b.w, "\r[%s%s] %d/%d %-30s", strings.Repeat("#", fill), strings.Repeat(" ", width-fill), p.Done, p.Total, name)
	b.drawn = true
}

func (b *progressBar) done() {
	if b.drawn {
		fmt.Fprintf(b.w, "\r%s\r", strings.Repeat(" ", 75))
	}
}

// newExtractor returns the real extractor over the embedded gazetteer and
// the rule that merges one event reported by several articles.
func newExtractor() (pipeline.Extractor, func(a, b *model.Event) bool, error) {
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return nil, nil, fmt.Errorf("load gazetteer: %w", err)
	}
	return extract.New(g), extract.SameEvent, nil
}
