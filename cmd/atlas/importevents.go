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
	"github.com/briefingatlas/atlas/internal/shards"
	"github.com/briefingatlas/atlas/internal/store"
)

// import-events is a subcommand of its own rather than an `import --events`
// flag: import's flags and summary live in one function that another change
// owns, and a load has no manifest, extractor or folder walk to share with it.
func init() {
	register("import-events", "load the article and event shards of the Beam pipeline (beam/) into the store", runImportEvents)
}

// runImportEvents reads the articles-*.jsonl shards written by
// beam/cmd/atlas-beam and saves each article with its extraction as
// `atlas import` would (same merging, same order, one savepoint per article),
// so the store ends as an import of the same files leaves it; running it
// again changes nothing.
func runImportEvents(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import-events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := storeFlag(fs)
	quiet := fs.Bool("q", false, "no progress bar")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: atlas import-events [--db PATH] [-q] DIR")
		fmt.Fprintln(stderr, "\nLoads the output folder of the Beam pipeline (articles-*.jsonl, failures-*.jsonl) into the")
		fmt.Fprintln(stderr, "store. Exit status: 0 all loaded or already present, 1 some articles or files failed, 2 usage error.")
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
	if fi, err := os.Stat(rest[0]); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "atlas import-events: %s is not a folder\n", rest[0])
		return 2
	}
	path, err := resolveStorePath(*db)
	if err != nil {
		fmt.Fprintf(stderr, "atlas import-events: %v\n", err)
		return 2
	}
	st, err := store.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "atlas import-events: %v\n", err)
		return 1
	}
	defer st.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	bar := newProgressBar(stderr, *quiet)
	sum, err := shards.Load(ctx, st, rest[0], shards.Options{SameEvent: extract.SameEvent, Match: extract.Match, Merge: extract.Merge}, bar.update)
	bar.done()
	printSummary(stdout, path, sum)
	if err != nil {
		fmt.Fprintf(stderr, "atlas import-events: %v\n", err)
		fmt.Fprintln(stderr, "The articles loaded before this stay in the store; run the same command again to load the rest.")
		return 1
	}
	if len(sum.Failed) > 0 {
		return 1
	}
	return 0
}
