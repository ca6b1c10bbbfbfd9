package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"github.com/briefingatlas/atlas/internal/shards"
	"github.com/briefingatlas/atlas/internal/store"
)

// import-events is the earlier name of `atlas import --events`, kept so
// that scripts written for it go on working.
func init() {
	register("import-events", "the same as import --events DIR: load the Beam pipeline's shards (beam/) into the store", runImportEvents)
}

func runImportEvents(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import-events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := storeFlag(fs)
	quiet := fs.Bool("q", false, "no progress bar")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: atlas import-events [--db PATH] [-q] DIR   (the same as atlas import --events DIR)")
		fs.PrintDefaults()
	}
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) != 1 {
		fmt.Fprintln(stderr, "atlas import-events: name the pipeline's output folder, once")
		fs.Usage()
		return 2
	}
	return loadShards(rest[0], *db, *quiet, false, stdout, stderr)
}

// loadShards reads the articles-*.jsonl shards written by
// beam/cmd/atlas-beam in dir and saves each article with its extraction as
// `atlas import` would (the same merging, in the files' order, one
// savepoint per article), so the store ends as an import of the same files
// leaves it and running it again changes nothing. The pipeline's merged
// events (events-*.jsonl) are not read: the store merges the articles' own
// events with what it already holds, user edits included, exactly as they
// were merged in the pipeline when the store started empty.
func loadShards(dir, db string, quiet, ifEmpty bool, stdout, stderr io.Writer) int {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "atlas import: --events %s is not a folder\n", dir)
		return 2
	}
	path, err := resolveStorePath(db)
	if err != nil {
		fmt.Fprintf(stderr, "atlas import: %v\n", err)
		return 2
	}
	st, rc, ok := openForImport(path, ifEmpty, stdout, stderr)
	if !ok {
		return rc
	}
	defer st.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	bar := newProgressBar(stderr, quiet)
	sum, err := shards.Load(ctx, st, dir, pipeline.Options{SameEvent: extract.SameEvent, Match: extract.Match, Screen: extract.MaySameEvent}, bar.update)
	bar.done()
	return importStatus(stdout, stderr, path, sum, err, "loaded", "load", false)
}

// openForImport opens the store at path for an import; with --if-empty, a
// store that already holds articles is said so and left alone. ok is false
// when the import must not go on, rc then being the exit status.
func openForImport(path string, ifEmpty bool, stdout, stderr io.Writer) (st *store.Store, rc int, ok bool) {
	st, err := store.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "atlas import: %v\n", err)
		return nil, 1, false
	}
	if !ifEmpty {
		return st, 0, true
	}
	stats, err := st.Stats()
	if err != nil {
		st.Close()
		fmt.Fprintf(stderr, "atlas import: %v\n", err)
		return nil, 1, false
	}
	if stats.Articles > 0 {
		st.Close()
		fmt.Fprintf(stdout, "The store %s already holds %d articles and %d events: nothing imported.\n", path, stats.Articles, stats.Events)
		return nil, 0, false
	}
	return st, 0, true
}

// importStatus prints an import's summary and what stopped it, if
// anything, and returns the exit status: 1 when it stopped, when a file
// failed, or when failed says something else did (an unusable manifest).
// done and verb name the command's work ("imported", "import").
func importStatus(stdout, stderr io.Writer, path string, sum pipeline.Summary, err error, done, verb string, failed bool) int {
	printSummary(stdout, path, sum)
	if err != nil {
		fmt.Fprintf(stderr, "atlas import: %v\n", err)
		fmt.Fprintf(stderr, "The articles %s before this stay in the store; run the same command again to %s the rest.\n", done, verb)
		return 1
	}
	if len(sum.Failed) > 0 || failed {
		return 1
	}
	return 0
}
