// Command briefing-atlas is the desktop app: a timeline of the events found
// in imported news articles next to a map, each event linked to the
// sentences it came from.
//
//	briefing-atlas [--db PATH] [--select YYYY-MM-DD] [--place NAME] [--actor NAME] [--show DIALOG]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/briefingatlas/atlas/assets"
	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/ui"
)

// appID matches FyneApp.toml; preferences are stored under it.
const appID = "io.github.briefingatlas.atlas"

// startGCPercent is the garbage collector's target while the first window
// fills (the default is 100): on a million-event store the start's
// collections were a tenth of its work, and its heap stays under 200 MB.
const startGCPercent = 400

// version is set at link time by scripts/package.sh from FyneApp.toml
// (-ldflags "-X main.version=…"). Fyne's own metadata is not used: a plain
// go build reports a placeholder version there.
var version = "dev"

func main() {
	// GLFW panics when it cannot reach the display; a user deserves a
	// sentence, not a Go stack trace. Other panics are bugs and go on.
	defer func() {
		if r := recover(); r != nil {
			if !strings.Contains(fmt.Sprint(r), "GLFW") {
				panic(r)
			}
			fmt.Fprintln(os.Stderr, "briefing-atlas:", noDisplay(r))
			os.Exit(1)
		}
	}()
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "briefing-atlas:", err)
		os.Exit(1)
	}
}

// noDisplay explains why no window can open; cause is what the toolkit said.
func noDisplay(cause any) string {
	msg := fmt.Sprintf("cannot open a window on display %q", os.Getenv("DISPLAY"))
	if cause != nil {
		msg += fmt.Sprintf(" (%v)", cause)
	}
	return msg + ". Start it from a desktop session; on a machine without one, 'make screenshot' runs it under Xvfb."
}

// shows are what --show opens once the window is loaded.
var shows = map[string]func(*ui.MainWindow){
	"":             nil,
	"actors":       (*ui.MainWindow).ShowActorList,
	"merge-actors": (*ui.MainWindow).ShowMergeActors,
	"split-alias":  (*ui.MainWindow).ShowSplitAlias,
}

func run(args []string) error {
	fs := flag.NewFlagSet("briefing-atlas", flag.ContinueOnError)
	db := fs.String("db", "", "store file (default: data/atlas.db in the repository, else the user's data folder)")
	sel := fs.String("select", "", "select the first event of this day (YYYY-MM-DD) at start")
	placeFlag := fs.String("place", "", "filter on this place, country or division at start (Syria includes Palmyra)")
	actorFlag := fs.String("actor", "", "filter on this actor (its canonical name) at start")
	showFlag := fs.String("show", "", "open this at start, for screenshots: actors (the actor list), merge-actors or split-alias")
	size := fs.String("size", "", "window size WIDTHxHEIGHT for this run (default: as last time, else 1280x800)")
	themeFlag := fs.String("theme", "", "light, dark or system for this run (default: as chosen in View → Theme)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	path := *db
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return err
		}
		path = p
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create the store's folder: %w", err)
	}
	var day time.Time
	if *sel != "" {
		var err error
		if day, err = time.Parse(time.DateOnly, *sel); err != nil {
			return fmt.Errorf("--select %q: use YYYY-MM-DD", *sel)
		}
	}
	show, ok := shows[*showFlag]
	if !ok {
		return fmt.Errorf("--show %q: use actors, merge-actors or split-alias", *showFlag)
	}
	mode := ui.ThemeMode(*themeFlag)
	if mode != "" && mode != ui.ThemeLight && mode != ui.ThemeDark && mode != ui.ThemeSystem {
		return fmt.Errorf("--theme %q: use light, dark or system", *themeFlag)
	}
	var w, h float32
	if *size != "" {
		if _, err := fmt.Sscanf(*size, "%fx%f", &w, &h); err != nil || w < 200 || h < 200 {
			return fmt.Errorf("--size %q: use WIDTHxHEIGHT, e.g. 1280x800", *size)
		}
	}

	// A big store's start allocates several times what stays live (the
	// world's places read and indexed, the first frames), on a machine
	// whose cores the window's first paint needs too: collect less often
	// until it has settled, then collect and hand the freed heap back at
	// once rather than keep it resident until the scavenger gets to it.
	gcPercent := debug.SetGCPercent(startGCPercent)
	st, openErr := store.Open(path)
	if openErr != nil {
		// Said on the terminal too, for whoever started the app from one.
		fmt.Fprintln(os.Stderr, "briefing-atlas:", openErr)
	}
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		if openErr != nil {
			return openErr
		}
		st.Close()
		return errors.New(noDisplay(nil))
	}
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	x := newExtractor()
	var current *store.Store
	defer func() {
		if current != nil {
			current.Close()
		}
	}()
	start := func(st *store.Store) {
		current = st
		mw := ui.NewMainWindow(a, st, ui.Options{
			Import:         ui.PipelineImporter(st, x),
			SetArticleDate: setArticleDate(x),
			About:          geo.Attribution,
			Version:        version,
			Theme:          mode,
			MarkerCache:    markerCache(),
		})
		if w > 0 {
			mw.Win.Resize(fyne.NewSize(w, h))
		}
		mw.Win.SetMaster()
		mw.Win.Show()
		// The start's garbage collected and handed back at once, with the
		// collector's usual target (see startGCPercent).
		go func() {
			mw.WaitSettled()
			debug.SetGCPercent(gcPercent)
			debug.FreeOSMemory()
		}()
		if paths := fs.Args(); len(paths) > 0 {
			// "briefing-atlas FILE…" (or files opened with the app):
			// imported into the store once the window is in.
			go func() {
				mw.WaitLoaded()
				fyne.Do(func() { mw.StartImport(paths) })
			}()
		}
		if !day.IsZero() || *placeFlag != "" || *actorFlag != "" || show != nil {
			// The window reads its data after it shows; filter and select
			// once it is in.
			go func() {
				mw.WaitLoaded()
				if *placeFlag != "" {
					fyne.Do(func() { mw.FilterPlace(*placeFlag) })
					mw.WaitLoaded()
				}
				if *actorFlag != "" {
					fyne.Do(func() { mw.FilterActor(*actorFlag) })
					mw.WaitLoaded()
				}
				if show != nil {
					defer fyne.Do(func() { show(mw) })
				}
				if day.IsZero() {
					return
				}
				fyne.Do(func() {
					if !mw.SelectDay(day) {
						fmt.Fprintf(os.Stderr, "briefing-atlas: no event on %s to select\n", day.Format(time.DateOnly))
					}
				})
			}()
		}
	}
	if openErr != nil {
		// A damaged, locked or foreign store is explained in a window,
		// which offers another store, a new one, or quitting.
		if mode != "" {
			a.Settings().SetTheme(&ui.Theme{Mode: mode})
		}
		p := ui.ShowStoreProblem(a, path, openErr, start)
		if w > 0 {
			p.Win.Resize(fyne.NewSize(w, h))
		}
		// Not the master window: it closes once the main window is up.
		// Closing it before that quits (its close intercept).
		p.Win.Show()
	} else {
		start(st)
	}
	a.Run()
	return nil
}

// lazyExtractor returns the extractor, loading the gazetteer on first use
// so that the window opens at once; imports wait for it instead.
type lazyExtractor func() (*extract.Extractor, error)

// newExtractor returns a lazyExtractor. An import's goroutine and the
// reader's dating on the UI goroutine may both ask first, hence the Once.
func newExtractor() lazyExtractor {
	return sync.OnceValues(func() (*extract.Extractor, error) {
		g, err := geo.DefaultGazetteer()
		if err != nil {
			return nil, fmt.Errorf("load the gazetteer: %w", err)
		}
		return extract.New(g), nil
	})
}

func setArticleDate(extractor lazyExtractor) func(st *store.Store, id int64, d time.Time) error {
	return func(st *store.Store, id int64, d time.Time) error {
		x, err := extractor()
		if err != nil {
			return err
		}
		_, err = pipeline.SetArticleDate(context.Background(), st, x, id, d, extract.SameEvent)
		return err
	}
}

// markerCache is where the map keeps the cluster index of a big store's
// markers between runs, in the user's cache folder; "" (none) when there
// is no such folder.
func markerCache() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, appID, "markers")
}
