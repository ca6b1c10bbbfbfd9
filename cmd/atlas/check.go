package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/briefingatlas/atlas/internal/store"
)

func init() {
	register("check", "check that the store is sound (SQLite's checks and the store's own rules)", runCheck)
}

// runCheck opens the store read-only, so that checking a damaged store
// never changes it, and says in one sentence whether it is sound: exit 0
// when it is, 1 when something is wrong or it cannot be opened, 2 on a
// usage error.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := storeFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: atlas check [--db PATH]")
		fmt.Fprintln(stderr, "\nRuns SQLite's integrity and foreign-key checks and the store's own rules (every event has a")
		fmt.Fprintln(stderr, "source, every source lies inside its article, every place named exists, the counts agree).")
		fmt.Fprintln(stderr, "Exit status: 0 sound, 1 something is wrong, 2 usage error.")
		fs.PrintDefaults()
	}
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "atlas check: unexpected argument %q (name the store with --db)\n", rest[0])
		fs.Usage()
		return 2
	}
	path, err := resolveStorePath(*db)
	if err != nil {
		fmt.Fprintf(stderr, "atlas check: %v\n", err)
		return 2
	}
	st, err := openExistingStoreReadOnly(path)
	if err != nil {
		fmt.Fprintf(stdout, "The store %s cannot be opened: %v.\n", path, strings.TrimSuffix(err.Error(), "."))
		return 1
	}
	defer st.Close()
	h, err := st.Check(context.Background())
	if err != nil {
		fmt.Fprintf(stdout, "The store %s could not be checked: %v.\n", path, err)
		return 1
	}
	if !h.Sound() {
		fmt.Fprintf(stdout, "The store %s is damaged: %s.\n", path, strings.Join(h.Problems, "; "))
		return 1
	}
	fmt.Fprintf(stdout, "The store %s is sound: %d articles, %d events, %d source sentences and %d places pass SQLite's integrity and foreign-key checks and agree with each other.\n",
		path, h.Articles, h.Events, h.Sources, h.Places)
	return 0
}

// openExistingStoreReadOnly opens a store that must exist, for reading
// only: a mistyped --db is reported rather than created.
func openExistingStoreReadOnly(path string) (*store.Store, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("there is no file %s", path)
	}
	return store.OpenReadOnly(path)
}
