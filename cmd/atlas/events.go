package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
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
	db := storeFlag(fs)
	from := fs.String("from", "", "first day: YYYY-MM-DD, YYYY-MM or YYYY")
	to := fs.String("to", "", "last day (inclusive): YYYY-MM-DD, YYYY-MM or YYYY")
	place := fs.String("place", "", "only events at the place with this name or inside it: a country or first-level division takes every place in it (Syria includes Palmyra)")
	hidden := fs.Bool("hidden", false, "also events the user hid or merged away")
	search := fs.String("search", "", `only events whose source sentences, title, place or actors match: words (all required), "a phrase", prefix*, AND, OR, NOT, (...); best match first`)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: atlas events [--db PATH] [--from DATE] [--to DATE] [--place NAME] [--search QUERY]")
		fmt.Fprintln(stderr, "\nPrints one JSON object per line, in the format ../shared/eval/score reads.")
		fmt.Fprintln(stderr, "Undated events follow the dated ones when neither --from nor --to is given;")
		fmt.Fprintln(stderr, "with --search the best matches come first.")
		fs.PrintDefaults()
	}
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "atlas events: unexpected argument %q\n", rest[0])
		fs.Usage()
		return 2
	}
	fromT, err := parseDay(*from, false)
	if err != nil {
		fmt.Fprintf(stderr, "atlas events: --from: %v\n", err)
		return 2
	}
	toT, err := parseDay(*to, true)
	if err != nil {
		fmt.Fprintf(stderr, "atlas events: --to: %v\n", err)
		return 2
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

	filters, _, err := placeFilters(st, *place, *hidden)
	if err != nil {
		fmt.Fprintf(stderr, "atlas events: %v\n", err)
		return 1
	}
	var evs []model.Event
	if *search != "" {
		evs, err = searchedEvents(context.Background(), st, *search, fromT, toT, filters)
	} else {
		evs, err = selectedEvents(st, fromT, toT, filters)
	}
	if err != nil {
		fmt.Fprintf(stderr, "atlas events: %v\n", err)
		return 1
	}
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for i := range evs {
		if err := enc.Encode(model.NewRecord(&evs[i])); err != nil {
			fmt.Fprintf(stderr, "atlas events: write: %v\n", err)
			return 1
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "atlas events: write: %v\n", err)
		return 1
	}
	return 0
}

// placeFilters returns one filter per place called name (several places can
// share a name, as Paris in France and in Texas) and the stored spelling of
// the name, or a single filter for every place when name is empty. A
// country or division takes the places inside it, also when no event names
// it itself (Jordan, when the events say Amman).
func placeFilters(st *store.Store, name string, hidden bool) ([]store.Filter, string, error) {
	if name == "" {
		return []store.Filter{{IncludeHidden: hidden}}, "", nil
	}
	places, err := st.PlacesNamed(name)
	if err != nil {
		return nil, "", err
	}
	if len(places) == 0 {
		r, spelled, err := st.RegionNamed(name)
		if errors.Is(err, store.ErrNotFound) {
			return nil, "", fmt.Errorf("no place named %q in %s", name, st.Path())
		}
		if err != nil {
			return nil, "", err
		}
		return []store.Filter{{Region: r, IncludeHidden: hidden}}, spelled, nil
	}
	filters := make([]store.Filter, 0, len(places))
	for _, p := range places {
		filters = append(filters, store.Filter{PlaceID: p.ID, IncludeHidden: hidden})
	}
	return filters, places[0].Name, nil
}

// selectedEvents returns the events passing any of filters from..to (zero
// ends are open), each once: per filter the dated ones by date, then, when
// there is no date range, the undated ones, which cannot lie in a range but
// belong without one.
func selectedEvents(st *store.Store, from, to time.Time, filters []store.Filter) ([]model.Event, error) {
	seen := map[int64]bool{}
	var out []model.Event
	add := func(evs []model.Event) {
		for _, e := range evs {
			if !seen[e.ID] {
				seen[e.ID] = true
				out = append(out, e)
			}
		}
	}
	for _, f := range filters {
		evs, err := st.EventsBetween(from, to, f)
		if err != nil {
			return nil, err
		}
		add(evs)
		if from.IsZero() && to.IsZero() {
			if evs, err = st.Undated(f); err != nil {
				return nil, err
			}
			add(evs)
		}
	}
	return out, nil
}

// searchedEvents returns the events passing any of filters from..to that
// match query, each once, best match first (BM25, as the app's search box
// ranks them). Undated events take part when there is no date range, as in
// selectedEvents.
func searchedEvents(ctx context.Context, st *store.Store, query string, from, to time.Time, filters []store.Filter) ([]model.Event, error) {
	seen := map[int64]bool{}
	var hits []store.EventHit
	for _, f := range filters {
		f.Text, f.From, f.To = query, from, to
		hs, err := st.EventsMatchingWithin(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, h := range hs {
			if !seen[h.Event.ID] {
				seen[h.Event.ID] = true
				hits = append(hits, h)
			}
		}
	}
	// Several places of one name each gave their own ranking.
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score < hits[j].Score })
	out := make([]model.Event, len(hits))
	for i, h := range hits {
		out[i] = h.Event
	}
	return out, nil
}
