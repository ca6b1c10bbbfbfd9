package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

func init() {
	register("events", "print the stored events as JSON Lines (user edits applied)", runEvents)
}

func runEvents(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "store file (default: data/atlas.db in the repository, else the user's data folder)")
	from := fs.String("from", "", "first day: YYYY-MM-DD, YYYY-MM or YYYY")
	to := fs.String("to", "", "last day (inclusive): YYYY-MM-DD, YYYY-MM or YYYY")
	place := fs.String("place", "", "only events at the place with this name")
	hidden := fs.Bool("hidden", false, "also events the user hid or merged away")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: atlas events [--db PATH] [--from DATE] [--to DATE] [--place NAME]")
		fmt.Fprintln(stderr, "\nPrints one JSON object per line, in the format ../shared/eval/score reads.")
		fmt.Fprintln(stderr, "Undated events follow the dated ones when neither --from nor --to is given.")
		fs.PrintDefaults()
	}
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "atlas events: unexpected argument %q\n", rest[0])
		fs.Usage()
		return 2
	}
	var fromT, toT time.Time
	if *from != "" {
		if fromT, err = eventsDayArg(*from, false); err != nil {
			fmt.Fprintf(stderr, "atlas events: --from: %v\n", err)
			return 2
		}
	}
	if *to != "" {
		if toT, err = eventsDayArg(*to, true); err != nil {
			fmt.Fprintf(stderr, "atlas events: --to: %v\n", err)
			return 2
		}
	}
	if !fromT.IsZero() && !toT.IsZero() && toT.Before(fromT) {
		fmt.Fprintf(stderr, "atlas events: --to %s is before --from %s\n", *to, *from)
		return 2
	}
	path, err := resolveStorePath(*db)
	if err != nil {
		fmt.Fprintf(stderr, "atlas events: %v\n", err)
		return 2
	}
	st, err := openExistingStore(path)
	if err != nil {
		fmt.Fprintf(stderr, "atlas events: %v\n", err)
		return 1
	}
	defer st.Close()

	filters := []store.Filter{{IncludeHidden: *hidden}}
	if *place != "" {
		places, err := st.PlacesNamed(*place)
		if err != nil {
			fmt.Fprintf(stderr, "atlas events: %v\n", err)
			return 1
		}
		if len(places) == 0 {
			fmt.Fprintf(stderr, "atlas events: no place named %q in %s\n", *place, path)
			return 1
		}
		filters = filters[:0]
		for _, p := range places {
			filters = append(filters, store.Filter{PlaceID: p.ID, IncludeHidden: *hidden})
		}
	}
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	write := func(evs []model.Event) error {
		for i := range evs {
			if err := enc.Encode(model.NewRecord(&evs[i])); err != nil {
				return err
			}
		}
		return nil
	}
	for _, f := range filters {
		evs, err := st.EventsBetween(fromT, toT, f)
		if err == nil {
			err = write(evs)
		}
		if err == nil && fromT.IsZero() && toT.IsZero() {
			if evs, err = st.Undated(f); err == nil {
				err = write(evs)
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "atlas events: %v\n", err)
			return 1
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "atlas events: write: %v\n", err)
		return 1
	}
	return 0
}

// eventsDayArg reads YYYY-MM-DD, YYYY-MM or YYYY; end picks the last day of a
// month or year so that --to 2016 includes December.
func eventsDayArg(s string, end bool) (time.Time, error) {
	for _, l := range []struct {
		layout string
		years  int
		months int
	}{{"2006-01-02", 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if end && (l.years > 0 || l.months > 0) {
			t = t.AddDate(l.years, l.months, -1)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
}
