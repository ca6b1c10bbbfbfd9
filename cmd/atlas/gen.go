package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/briefingatlas/atlas/internal/gen"
)

func init() {
	register("gen", "generate a news-like corpus or a synthetic store for benchmarks", runGen)
}

func runGen(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	articles := fs.Int("articles", 0, "number of articles to write into --out")
	out := fs.String("out", "", "folder for the articles and their sources.csv")
	storePath := fs.String("store", "", "write a synthetic store here instead of articles")
	events := fs.Int("events", 1_000_000, "events in the synthetic store")
	places := fs.Int("places", 50_000, "places in the synthetic store")
	years := fs.Int("years", 20, "years the dates span")
	from := fs.String("from", "2006-01-01", "first day the dates span")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same bytes")
	htmlShare := fs.Float64("html", 0, "share of the articles written as HTML pages (0..1)")
	mdShare := fs.Float64("md", 0, "share of the articles written as Markdown (0..1)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: atlas gen --articles N --out DIR [--seed S] [--years Y] [--from DATE] [--html SHARE] [--md SHARE]")
		fmt.Fprintln(stderr, "       atlas gen --store PATH [--events N] [--places N] [--years Y] [--seed S]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	start, err := time.Parse(time.DateOnly, *from)
	if err != nil {
		fmt.Fprintf(stderr, "atlas gen: --from %q: want YYYY-MM-DD\n", *from)
		return 2
	}
	switch {
	case *storePath != "" && *out == "":
		if *events <= 0 || *places <= 0 {
			fmt.Fprintln(stderr, "atlas gen: --events and --places must be positive")
			return 2
		}
		t := time.Now()
		st, err := genStore(*storePath, gen.StoreOptions{Seed: *seed, Events: *events, From: start, Years: *years}, *places, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "atlas gen: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %d events at %d places from %d articles into %s in %s\n",
			st.events, st.places, st.articles, *storePath, time.Since(t).Round(time.Millisecond))
		return 0
	case *out != "" && *storePath == "":
		if *articles <= 0 {
			fmt.Fprintln(stderr, "atlas gen: --articles must be positive")
			return 2
		}
		if *htmlShare < 0 || *mdShare < 0 || *htmlShare+*mdShare > 1 {
			fmt.Fprintln(stderr, "atlas gen: --html and --md are shares between 0 and 1 that add up to at most 1")
			return 2
		}
		t := time.Now()
		st, err := gen.WriteCorpus(*out, *articles, gen.Options{Seed: *seed, From: start, Years: *years,
			HTMLShare: *htmlShare, MarkdownShare: *mdShare})
		if err != nil {
			fmt.Fprintf(stderr, "atlas gen: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %d articles (%.1f MB, %d planted events) into %s in %s\n",
			st.Articles, float64(st.Bytes)/1e6, st.Events, *out, time.Since(t).Round(time.Millisecond))
		return 0
	default:
		fs.Usage()
		return 2
	}
}

type storeStats struct{ articles, events, places int }
