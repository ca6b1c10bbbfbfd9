package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/briefingatlas/atlas/internal/bench"
)

func init() {
	register("bench", "measure speed figures; prints a table and writes bench-results.json", runBench)
}

func runBench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cache := fs.String("cache", ".cache/bench", "folder with generated data; profiles are written here")
	corpus := fs.String("corpus", "", "generated articles (default CACHE/corpus-1k)")
	corpus20k := fs.String("corpus-20k", "", "20,000 generated articles for the import-at-scale metrics (default CACHE/corpus-20k)")
	store := fs.String("store", "", "generated million-event store (default CACHE/store-1m.db)")
	app := fs.String("app", "bin/briefing-atlas", "desktop binary for the window metrics")
	out := fs.String("json", "bench-results.json", "where to write the results")
	only := fs.String("only", "", "comma-separated metric names to run (default all)")
	peer := fs.String("peer", "", "instead of the metrics: our app and timeline on DIR/events-N.db beside TimelineJS's figures in DIR/theirs.json (make bench-peer)")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	env := &bench.Env{Cache: *cache, Corpus: *corpus, Store1M: *store, App: *app, Log: stderr}
	if env.Corpus == "" {
		env.Corpus = filepath.Join(*cache, "corpus-1k")
	}
	if *corpus20k == "" {
		*corpus20k = filepath.Join(*cache, "corpus-20k")
	}
	env.Corpus20K = *corpus20k
	if env.Store1M == "" {
		env.Store1M = filepath.Join(*cache, "store-1m.db")
	}
	if *peer != "" {
		rep, err := bench.Peer(env, *peer)
		if err != nil {
			fmt.Fprintf(stderr, "atlas bench: %v\n", err)
			return 1
		}
		bench.PeerTable(stdout, rep)
		if err := bench.WritePeerJSON(*out, rep); err != nil {
			fmt.Fprintf(stderr, "atlas bench: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "\nwrote %s\n", *out)
		return 0
	}
	var names []string
	if *only != "" {
		names = strings.Split(*only, ",")
	}
	rs := bench.Run(env, bench.All(), names)
	bench.Table(stdout, rs)
	if err := bench.WriteJSON(*out, rs); err != nil {
		fmt.Fprintf(stderr, "atlas bench: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "\nwrote %s\n", *out)
	for _, r := range rs {
		if r.Status == bench.StatusError {
			return 1
		}
	}
	return 0
}
