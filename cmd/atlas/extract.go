package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
)

func init() {
	register("extract", "print the events of article files as JSON Lines, merged across them (no store)", runExtract)
}

// runExtract reads articles the way import does (so dateline, title,
// publication date and noise come from one place), extracts their events,
// merges the same event reported by several articles and prints one
// model.Record per line, the format ../shared/eval/score reads.
func runExtract(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	manifestPath := fs.String("manifest", "", "sources.csv (file,title,publisher,url,published) or the same fields as JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: atlas extract [--manifest FILE] PATH...")
		fmt.Fprintln(stderr, "\nPrints the events found in the files (folders are walked) as JSON Lines, merged across")
		fmt.Fprintln(stderr, "articles, without touching a store. Exit status: 0 ok, 1 a file failed, 2 usage error.")
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "atlas extract: name at least one article file or folder")
		fs.Usage()
		return 2
	}
	var m *ingest.Manifest
	if *manifestPath != "" {
		if m, err = ingest.LoadManifest(*manifestPath); err != nil {
			fmt.Fprintf(stderr, "atlas extract: %v\n", err)
			return 1
		}
	}
	g, err := geo.DefaultGazetteer()
	if err != nil {
		fmt.Fprintf(stderr, "atlas extract: load gazetteer: %v\n", err)
		return 1
	}
	x := extract.New(g)
	status := 0
	var arts []*model.Article
	for i, f := range ingest.Walk(paths) {
		if f.Err != nil {
			fmt.Fprintf(stderr, "atlas extract: %s: %v\n", f.Path, f.Err)
			status = 1
			continue
		}
		if f.Skipped != "" {
			continue
		}
		a, err := ingest.ReadFile(f.Path, m)
		if err != nil {
			fmt.Fprintf(stderr, "atlas extract: %v\n", err)
			status = 1
			continue
		}
		a.ID = int64(i + 1)
		arts = append(arts, a)
	}
	// Articles without a date of their own take it from other articles'
	// reports of the same events, as an import does.
	all, dated := x.ExtractArticles(arts)
	for i := range arts {
		if d, ok := dated[i]; ok {
			fmt.Fprintf(stderr, "atlas extract: %s gives no date; dated %s from other articles' reports of the same events\n", d.Path, d.Published.Format("2 Jan 2006"))
		}
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, e := range extract.MergeAll(all) {
		if err := enc.Encode(model.NewRecord(&e)); err != nil {
			fmt.Fprintf(stderr, "atlas extract: write: %v\n", err)
			return 1
		}
	}
	return status
}
