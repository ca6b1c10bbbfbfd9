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
	st, err := store.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "atlas import: %v\n", err)
		return 1
	}
	defer st.Close()
	if ifEmpty {
		if rc, filled := alreadyFilled(st, path, stdout, stderr); filled {
			return rc
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	bar := newProgressBar(stderr, quiet)
	sum, err := shards.Load(ctx, st, dir, shards.Options{SameEvent: extract.SameEvent, Match: extract.Match, Merge: extract.Merge}, bar.update)
	bar.done()
	printSummary(stdout, path, sum)
	if err != nil {
		fmt.Fprintf(stderr, "atlas import: %v\n", err)
		fmt.Fprintln(stderr, "The articles loaded before this stay in the store; run the same command again to load the rest.")
		return 1
	}
	if len(sum.Failed) > 0 {
		return 1
	}
	return 0
}

// alreadyFilled reports, for --if-empty, a store that already holds
// articles (and says so), with the exit status to return; a store it
// cannot read counts as filled, with status 1.
func alreadyFilled(st *store.Store, path string, stdout, stderr io.Writer) (rc int, filled bool) {
	stats, err := st.Stats()
	if err != nil {
		fmt.Fprintf(stderr, "atlas import: %v\n", err)
		return 1, true
	}
	if stats.Articles > 0 {
		fmt.Fprintf(stdout, "The store %s already holds %d articles and %d events: nothing imported.\n", path, stats.Articles, stats.Events)
		return 0, true
	}
	return 0, false
}
