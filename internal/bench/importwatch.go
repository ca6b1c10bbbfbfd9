package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"
)

// The import-at-scale metrics watch an import of 20,000 generated articles
// into a new store from the app's window, as a person would: how fast it
// goes, how long the progress bar ever stands still, how the window's frames
// fare meanwhile against the same frames before the import, and how soon
// Cancel stops a second import. The window runs in Fyne's test driver, so a
// separate command (internal/bench/importwatch) does it, as uiframe does the
// rendered frames.

// watchSource is the import watcher's package, relative to the module root.
const watchSource = "internal/bench/importwatch"

// watchCancelAfter is when Cancel comes in the second import.
const watchCancelAfter = 3 * time.Second

// watchFrameEvery is how often the watcher drags the map: a user panning
// it while waiting. Frames back to back would spend a core on the test
// canvas's software painting (40 ms for a blank 1280×800 capture), which
// the GL app does not, and starve the import of it.
const watchFrameEvery = 200 * time.Millisecond

// watchFrame and watchRun mirror what importwatch prints.
type watchFrame struct {
	AtMS     float64 `json:"at_ms"`
	MS       float64 `json:"ms"`
	QueuedMS float64 `json:"queued_ms"`
	Queued   int     `json:"queued"`
	Progress float64 `json:"progress"`
	Shown    bool    `json:"shown"`
}

type watchRun struct {
	Files          int          `json:"files"`
	Imported       int          `json:"imported"`
	Events         int          `json:"events"`
	Failed         int          `json:"failed"`
	Seconds        float64      `json:"seconds"`
	Err            string       `json:"error"`
	Idle           []watchFrame `json:"idle"`
	Frames         []watchFrame `json:"frames"`
	Callbacks      int          `json:"callbacks"`
	MaxGapMS       float64      `json:"max_gap_ms"`
	MaxStatusGapMS float64      `json:"max_status_gap_ms"`
	BarPx          float64      `json:"bar_px"`
	EveryMS        float64      `json:"every_ms"`
	CancelAtMS     float64      `json:"cancel_at_ms"`
	CancelStopMS   float64      `json:"cancel_stop_ms"`
	CancelShownMS  float64      `json:"cancel_shown_ms"`
	StoredArticles int          `json:"stored_articles"`
	CancelledAfter int          `json:"cancelled_after"`
	Partial        int          `json:"partial_articles"`
}

type watchReport struct {
	Full   watchRun `json:"full"`
	Cancel watchRun `json:"cancel"`
	About  string   `json:"about"`
}

// watchCache keeps the one run the four metrics share.
type watchCache struct {
	rep     watchReport
	err     error
	profile string
	gzip    time.Duration // gzip -6 of the same files
	files   int
}

// importWatch runs the import watcher once per bench run.
func importWatch(env *Env) (*watchCache, error) {
	if env.watch != nil {
		return env.watch, env.watch.err
	}
	c := &watchCache{}
	env.watch = c
	c.err = func() error {
		files, err := articleFiles(env.Corpus20K)
		if err != nil || len(files) == 0 {
			return fmt.Errorf("%w: no generated corpus in %s (atlas gen --articles 20000)", ErrNotBuilt, env.Corpus20K)
		}
		bin, err := buildTool(env, watchSource)
		if err != nil {
			return err
		}
		c.profile = filepath.Join(env.Cache, "import_app_20k.cpu.prof")
		db := filepath.Join(env.Cache, "import-20k.db")
		cmd := exec.Command(bin, "--corpus", env.Corpus20K, "--store", db, "--cancel-after", watchCancelAfter.String(), "--frame-every", watchFrameEvery.String(),
			"--cpuprofile", c.profile, "--shot", filepath.Join(env.Cache, "import-20k.png"))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("import watcher: %v: %s", err, lastLines(stderr.String(), 3))
		}
		for _, p := range []string{db, db + "-cancel"} {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(p + suffix)
			}
		}
		// Every frame, for a closer look than the figures give.
		if err := os.WriteFile(filepath.Join(env.Cache, "importwatch.json"), stdout.Bytes(), 0o644); err != nil {
			return err
		}
		if err := json.Unmarshal(stdout.Bytes(), &c.rep); err != nil {
			return fmt.Errorf("import watcher output: %w", err)
		}
		if len(c.rep.Full.Idle) == 0 || len(c.rep.Full.Frames) == 0 {
			return errors.New("import watcher painted no frames")
		}
		var bufs [][]byte
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			bufs = append(bufs, b)
		}
		c.files = len(files)
		c.gzip, err = gzipBest(bufs, 1)
		return err
	}()
	return c, c.err
}

// keepProfile attaches the import's profile to a missed metric.
func (c *watchCache) keepProfile(spec Spec, r Result) Result {
	if !spec.Meets(r.Value) {
		if _, err := os.Stat(c.profile); err == nil {
			r.Profile = c.profile
		}
	}
	return r
}

// frameMS returns the frames' times, sorted.
func frameMS(fs []watchFrame) []float64 {
	var out []float64
	for _, f := range fs {
		out = append(out, f.MS)
	}
	slices.Sort(out)
	return out
}

func runImportApp(env *Env) (Result, func(), error) {
	c, err := importWatch(env)
	if err != nil {
		return Result{}, nil, err
	}
	f := c.rep.Full
	r := Result{Value: float64(f.Imported) / f.Seconds, Ref: float64(c.files) / c.gzip.Seconds(), RefUnit: "art/s", RefWhat: "gzip -6 of the same files",
		Note: fmt.Sprintf("%d of %d articles, %d events, in %.1f s from StartImport to the window's summary, while the window painted %d frames; %s",
			f.Imported, f.Files, f.Events, f.Seconds, len(f.Frames), c.rep.About)}
	return c.keepProfile(SpecImportApp, r), nil, nil
}

func runImportFrame(env *Env) (Result, func(), error) {
	c, err := importWatch(env)
	if err != nil {
		return Result{}, nil, err
	}
	idle, during := frameMS(c.rep.Full.Idle), frameMS(c.rep.Full.Frames)
	idleMed := idle[len(idle)/2]
	worst := during[len(during)-1]
	p95i := max(0, (95*len(during)+99)/100-1)
	queued := 0.0
	for _, f := range c.rep.Full.Frames {
		queued = max(queued, f.QueuedMS)
	}
	r := Result{Value: worst / idleMed, Ref: idleMed, RefUnit: "ms", RefWhat: "median idle frame, same window before the import", Ratio: worst / idleMed,
		Note: fmt.Sprintf("worst frame during the import %.0f ms, median %.0f, p95 %.0f, over %d frames (idle: median %.0f, worst %.0f, %d frames); the UI work the import queued took at most %.1f ms of a frame; a frame, due every %.0f ms, is a drag over the map and the 1280×800 window painted by the software painter, timed from when it was due",
			worst, during[len(during)/2], during[p95i], len(during), idleMed, idle[len(idle)-1], len(idle), queued, c.rep.Full.EveryMS)}
	return c.keepProfile(SpecImportFrame, r), nil, nil
}

func runImportProgress(env *Env) (Result, func(), error) {
	c, err := importWatch(env)
	if err != nil {
		return Result{}, nil, err
	}
	f := c.rep.Full
	r := Result{Value: f.MaxGapMS,
		Note: fmt.Sprintf("longest time the painted bar (a pixel of its %.0f-pixel fill, or its label, the count of articles done) stood still from StartImport to the end, start included (walking the files before the first is saved); the file named beside it stood still at most %.0f ms; %d progress calls for %d files",
			f.BarPx, f.MaxStatusGapMS, f.Callbacks, f.Files)}
	return c.keepProfile(SpecImportProgress, r), nil, nil
}

func runImportCancel(env *Env) (Result, func(), error) {
	c, err := importWatch(env)
	if err != nil {
		return Result{}, nil, err
	}
	k := c.rep.Cancel
	if k.Partial > 0 {
		return Result{}, nil, fmt.Errorf("a cancelled import left %d of %d stored articles without all their mentions", k.Partial, k.StoredArticles)
	}
	if k.StoredArticles != k.Imported {
		return Result{}, nil, fmt.Errorf("a cancelled import stored %d articles but reported %d", k.StoredArticles, k.Imported)
	}
	r := Result{Value: k.CancelShownMS,
		Note: fmt.Sprintf("Cancel %.1f s into a second import (%d files done): the importer returned after %.0f ms, the window showed it after %.0f ms; %d articles stored, each whole (as many mentions as in the finished import), as the summary said; the watcher cancels the import's context as the status bar's Cancel button does",
			k.CancelAtMS/1000, k.CancelledAfter, k.CancelStopMS, k.CancelShownMS, k.StoredArticles)}
	return c.keepProfile(SpecImportCancel, r), nil, nil
}
