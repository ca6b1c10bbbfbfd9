package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/briefingatlas/atlas/internal/store"
)

// storeFlag declares the --db flag every command that opens a store shares,
// so its help reads the same everywhere.
func storeFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "store file (default: data/atlas.db in the repository, else the user's data folder)")
}

// resolveStorePath returns the store file a command works on: --db when
// given, else store.DefaultPath (data/atlas.db inside the repository, the
// user's data folder elsewhere).
func resolveStorePath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return store.DefaultPath()
}

// openExistingStore opens a store that must already exist, so that a
// mistyped --db is reported instead of creating an empty store.
func openExistingStore(path string) (*store.Store, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no store at %s (import articles first: atlas import --db %s FILES...)", path, path)
	}
	return store.Open(path)
}

// parseInterleaved parses flags that may come before, between or after the
// positional arguments ("atlas import ../corpus --db x.db").
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
