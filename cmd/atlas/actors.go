package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"
)

func init() {
	register("actors", "list the stored actors with the spellings sources gave them", runActors)
}

// runActors prints one actor a line: id, type, canonical name, then every
// spelling with the number of articles that wrote it, most frequent first,
// so that a user can see which names were taken for one actor (and undo it
// in the app) without opening it.
func runActors(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("actors", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := storeFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: atlas actors [--db PATH]")
		fmt.Fprintln(stderr, "\nPrints id, type, name and the spellings seen (with their numbers of articles), tab-separated.")
		fs.PrintDefaults()
	}
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "atlas actors: unexpected argument %q\n", rest[0])
		fs.Usage()
		return 2
	}
	path, err := resolveStorePath(*db)
	if err != nil {
		fmt.Fprintf(stderr, "atlas actors: %v\n", err)
		return 2
	}
	st, err := openExistingStore(path)
	if err != nil {
		fmt.Fprintf(stderr, "atlas actors: %v\n", err)
		return 1
	}
	defer st.Close()
	actors, err := st.Actors()
	if err != nil {
		fmt.Fprintf(stderr, "atlas actors: %v\n", err)
		return 1
	}
	out := bufio.NewWriter(stdout)
	for _, a := range actors {
		forms, err := st.ActorForms(a.ID)
		if err != nil {
			fmt.Fprintf(stderr, "atlas actors: %v\n", err)
			return 1
		}
		var fs []string
		for _, f := range forms {
			fs = append(fs, fmt.Sprintf("%s (%d)", f.Text, f.Articles))
		}
		fmt.Fprintf(out, "%d\t%s\t%s\t%s\n", a.ID, a.Type, a.Name, strings.Join(fs, "; "))
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "atlas actors: %v\n", err)
		return 1
	}
	return 0
}
