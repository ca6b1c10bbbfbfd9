package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/briefingatlas/atlas/internal/timex"
)

func init() {
	register("timex", "print the time expressions of a file as JSON Lines", runTimex)
}

// timexLine is one line of `atlas timex` output; offsets are bytes into the file.
type timexLine struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod"`
}

// runTimex implements `atlas timex [--dct YYYY-MM-DD] FILE...`; flags may
// also follow the files, as in extract and import. Without --dct relative
// expressions come out unresolved, as in the app for an article whose
// publication date is unknown.
func runTimex(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("timex", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dctFlag := fs.String("dct", "", "publication date `YYYY-MM-DD` that relative expressions are resolved against")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: atlas timex [--dct YYYY-MM-DD] FILE...\n\nPrints one JSON object per time expression: {start, end, text, type, value, mod}.")
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(paths) == 0 {
		fs.Usage()
		return 2
	}
	var dct time.Time
	if *dctFlag != "" {
		d, err := time.Parse("2006-01-02", *dctFlag)
		if err != nil {
			fmt.Fprintf(stderr, "atlas timex: --dct %q: want YYYY-MM-DD: %v\n", *dctFlag, err)
			return 2
		}
		dct = d
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	code := 0
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "atlas timex: read %s: %v\n", path, err)
			code = 1
			continue
		}
		for _, x := range timex.Tag(string(b), dct) {
			line := timexLine{Start: x.Span.Start, End: x.Span.End, Text: x.Text, Type: x.Type, Value: x.Value, Mod: x.Mod}
			if err := enc.Encode(line); err != nil {
				fmt.Fprintf(stderr, "atlas timex: write: %v\n", err)
				return 1
			}
		}
	}
	return code
}
