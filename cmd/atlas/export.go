package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/briefing"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

func init() {
	register("export", "write a briefing as PDF, Markdown, CSV, GeoJSON or KML", runExport)
}

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := storeFlag(fs)
	out := fs.String("out", "", "file to write; its extension gives the format unless --format is set")
	format := fs.String("format", "", "pdf, md, csv, geojson or kml")
	from := fs.String("from", "", "first day: YYYY-MM-DD, YYYY-MM or YYYY")
	to := fs.String("to", "", "last day: YYYY-MM-DD, YYYY-MM or YYYY")
	place := fs.String("place", "", "only events at the place with this name")
	starred := fs.Bool("starred", false, "only the events starred for the briefing")
	title := fs.String("title", "", "title on the cover (default: Briefing, with the place when given)")
	author := fs.String("author", "", "author on the cover")
	paper := fs.String("paper", "a4", "PDF paper size: a4 or letter")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: atlas export [--db PATH] --out FILE [--format pdf|md|csv|geojson|kml] [--from DATE] [--to DATE]")
		fmt.Fprintln(stderr, "                    [--place NAME] [--starred] [--title TEXT] [--author TEXT] [--paper a4|letter]")
		fmt.Fprintln(stderr, "\nThe briefing holds the starred events if any event is starred, else the events the filters select;")
		fmt.Fprintln(stderr, "hidden events stay out. Markdown writes its figures as PNG files beside FILE.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "atlas export: "+format+"\n", a...)
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	var opt briefing.Options
	var err error
	if *format != "" {
		opt.Format, err = briefing.ParseFormat(*format)
	} else {
		opt.Format, err = briefing.FormatFromPath(*out)
	}
	if err != nil {
		return usageErr("%v", err)
	}
	if opt.Paper, err = briefing.ParsePaper(*paper); err != nil {
		return usageErr("%v", err)
	}
	fromDay, err := parseDay(*from, false)
	if err != nil {
		return usageErr("--from: %v", err)
	}
	toDay, err := parseDay(*to, true)
	if err != nil {
		return usageErr("--to: %v", err)
	}
	if !fromDay.IsZero() && !toDay.IsZero() && toDay.Before(fromDay) {
		return usageErr("--to %s is before --from %s", *to, *from)
	}

	path, err := resolveStorePath(*db)
	if err != nil {
		fmt.Fprintf(stderr, "atlas export: %v\n", err)
		return 1
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(stderr, "atlas export: no store at %s (import articles first: atlas import --db %s FILES...)\n", path, path)
		return 1
	}
	// Read-only: an export never changes the store, and may run while the app
	// has it open; a store from an older version is opened for writing once,
	// so that its schema is upgraded as any other command would.
	st, err := store.OpenReadOnly(path)
	if errors.Is(err, store.ErrReadOnly) {
		st, err = openExistingStore(path)
	}
	if err != nil {
		fmt.Fprintf(stderr, "atlas export: %v\n", err)
		return 1
	}
	defer st.Close()

	b, err := gatherForExport(st, fromDay, toDay, *place, *starred)
	if err != nil {
		fmt.Fprintf(stderr, "atlas export: %v\n", err)
		return 1
	}
	b.Title, b.Author, b.Prepared = *title, *author, time.Now()
	if b.Title == "" {
		b.Title = "Briefing"
		if *place != "" {
			b.Title = "Briefing: " + *place
		}
	}
	files, err := briefing.Export(*out, b, opt)
	if err != nil {
		fmt.Fprintf(stderr, "atlas export: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (%s: %d events)\n", files[0], b.Scope, len(b.Events))
	for _, f := range files[1:] {
		fmt.Fprintf(stdout, "wrote %s\n", f)
	}
	return 0
}

// gatherForExport queries the store for the events the flags select and
// applies the briefing rule to them.
func gatherForExport(st *store.Store, from, to time.Time, place string, onlyStarred bool) (briefing.Briefing, error) {
	filters, placeName, err := placeFilters(st, place, false)
	if err != nil {
		return briefing.Briefing{}, err
	}
	var words []string
	if placeName != "" {
		words = append(words, "place "+placeName)
	}
	if !from.IsZero() {
		words = append(words, "from "+from.Format(time.DateOnly))
	}
	if !to.IsZero() {
		words = append(words, "to "+to.Format(time.DateOnly))
	}
	shown := func() ([]model.Event, error) { return selectedEvents(st, from, to, filters) }
	if onlyStarred && (place != "" || !from.IsZero() || !to.IsZero()) {
		// Starred and filtered: the starred events that also pass the filters.
		evs, err := shown()
		if err != nil {
			return briefing.Briefing{}, err
		}
		var keep []model.Event
		for _, e := range evs {
			if e.InBriefing {
				keep = append(keep, e)
			}
		}
		b, err := briefing.Gather(filteredLibrary{st}, func() ([]model.Event, error) { return keep, nil }, strings.Join(words, ", "), false)
		if err == nil {
			b.Scope = "Starred events, " + strings.Join(words, ", ")
		}
		return b, err
	}
	return briefing.Gather(st, shown, strings.Join(words, ", "), onlyStarred)
}

// filteredLibrary hides the store's own starred list, so that Gather takes
// the events it is given.
type filteredLibrary struct{ *store.Store }

func (filteredLibrary) Starred() ([]model.Event, error) { return nil, nil }

// parseDay reads YYYY-MM-DD, YYYY-MM or YYYY; a month or year stands for its
// first day, or its last when end is set, so --to 2016 includes December.
func parseDay(s string, end bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, f := range []struct {
		layout string
		y, m   int
	}{{"2006-01-02", 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		t, err := time.Parse(f.layout, s)
		if err != nil {
			continue
		}
		if end {
			t = t.AddDate(f.y, f.m, 0)
			if f.y != 0 || f.m != 0 {
				t = t.AddDate(0, 0, -1)
			}
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
}
