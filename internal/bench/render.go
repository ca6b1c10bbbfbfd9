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
	"strings"
	"sync"
	"time"

	"github.com/briefingatlas/atlas/internal/store"
)

// The render metrics time frames painted through Fyne itself, where the
// timeline_marks metrics time only the computation of the visible marks: an
// input event (wheel, key, drag) dispatched to the widget, its Refresh,
// layout and canvas objects, and the painting of every object by Fyne's
// software painter, at 1280×800 on the million-event store, the reference
// being the same frames on an empty store. Package bench is linked into the
// atlas CLI, which must never import Fyne, so the frames are driven by a
// separate command (internal/bench/uiframe) that the bench builds and runs.

// renderSource is the frame driver's package, relative to the module root
// where the bench runs (as appSource is).
const renderSource = "internal/bench/uiframe"

// renderSteps is the number of timed frames per kind of step (scroll, zoom
// step, drag).
const renderSteps = 50

// uiFrame and uiReport mirror what the frame driver prints.
type uiFrame struct {
	Kind    string `json:"kind"`
	NS      int64  `json:"ns"`
	EventNS int64  `json:"event_ns"`
	CPUNS   int64  `json:"cpu_ns"`
	Objects int    `json:"objects"`
	Mallocs uint64 `json:"mallocs"`
	Bytes   uint64 `json:"bytes"`
	Changed bool   `json:"changed"`
}

type uiReport struct {
	Widget string    `json:"widget"`
	Frames []uiFrame `json:"frames"`
	Blank  uiFrame   `json:"blank"`
	Events int       `json:"events"`
	Places int       `json:"places"`
	Setup  int64     `json:"setup_ns"`
	About  string    `json:"about"`
}

// toolBuilds are the Fyne-linked measuring programs built in this run, by
// binary path: each is built once per cache folder and run.
var toolBuilds = struct {
	sync.Mutex
	done map[string]error
}{done: map[string]error{}}

// frameDriver returns the built frame driver.
func frameDriver(env *Env) (string, error) { return buildTool(env, renderSource) }

// buildTool builds the command at source (relative to the module root, where
// the bench runs) into the cache folder and returns the binary.
func buildTool(env *Env, source string) (string, error) {
	bin := filepath.Join(env.Cache, filepath.Base(source))
	toolBuilds.Lock()
	defer toolBuilds.Unlock()
	if err, ok := toolBuilds.done[bin]; ok {
		return bin, err
	}
	err := func() error {
		if _, err := os.Stat(source); err != nil {
			return fmt.Errorf("%w: no %s here (run the bench from the repository)", ErrNotBuilt, source)
		}
		if _, err := exec.LookPath("go"); err != nil {
			return fmt.Errorf("%w: %s needs the go tool", ErrNotBuilt, source)
		}
		if err := os.MkdirAll(env.Cache, 0o755); err != nil {
			return err
		}
		build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "./"+source)
		if out, err := build.CombinedOutput(); err != nil {
			return fmt.Errorf("build %s: %v: %s", source, err, lastLines(string(out), 3))
		}
		return nil
	}()
	toolBuilds.done[bin] = err
	return bin, err
}

// runFrames runs the frame driver for widget on db; cpuProf, when set, gets a
// CPU profile of the timed frames.
func runFrames(bin, db, widget, cpuProf string) (uiReport, error) {
	var r uiReport
	args := []string{"--db", db, "--widget", widget, "--steps", fmt.Sprint(renderSteps)}
	if cpuProf != "" {
		args = append(args, "--cpuprofile", cpuProf)
	}
	cmd := exec.Command(bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return r, fmt.Errorf("frame driver on %s: %v: %s", filepath.Base(db), err, lastLines(stderr.String(), 3))
	}
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		return r, fmt.Errorf("frame driver output: %w", err)
	}
	if len(r.Frames) == 0 {
		return r, errors.New("frame driver timed no frames")
	}
	return r, nil
}

// frameStats summarises frames of some kinds (all when kinds is empty).
type frameStats struct {
	n           int
	median, p95 float64 // ms, input event to painted image
	event       float64 // median ms of it until the widget had refreshed and laid out
	cpu         float64 // median CPU ms of the process per frame
	objects     int     // median visible canvas objects
	mallocs     uint64  // median heap allocations
	mb          float64 // median MB allocated
	changed     int     // frames whose image differed from the one before
}

func statsOf(fs []uiFrame, kinds ...string) frameStats {
	var ds, evs, cpus []time.Duration
	var objs []int
	var mallocs, bytes []uint64
	var s frameStats
	for _, f := range fs {
		if len(kinds) > 0 && !slices.Contains(kinds, f.Kind) {
			continue
		}
		ds = append(ds, time.Duration(f.NS))
		evs = append(evs, time.Duration(f.EventNS))
		cpus = append(cpus, time.Duration(f.CPUNS))
		objs = append(objs, f.Objects)
		mallocs = append(mallocs, f.Mallocs)
		bytes = append(bytes, f.Bytes)
		if f.Changed {
			s.changed++
		}
	}
	if len(ds) == 0 {
		return s
	}
	sortDurations(ds)
	sortDurations(evs)
	sortDurations(cpus)
	slices.Sort(objs)
	slices.Sort(mallocs)
	slices.Sort(bytes)
	s.n = len(ds)
	s.median, s.p95 = median(ds), p95(ds)
	s.event, s.cpu = median(evs), median(cpus)
	s.objects = objs[len(objs)/2]
	s.mallocs = mallocs[len(mallocs)/2]
	s.mb = float64(bytes[len(bytes)/2]) / 1e6
	return s
}

// kindNote says how one kind of frame went.
func kindNote(r uiReport, kind string) string {
	s := statsOf(r.Frames, kind)
	return fmt.Sprintf("%s %.1f/%.1f ms (event to laid out %.2f ms, CPU %.1f ms; %d objects, %d allocs, %.1f MB; %d of %d frames changed)",
		kind, s.median, s.p95, s.event, s.cpu, s.objects, s.mallocs, s.mb, s.changed, s.n)
}

// renderMetric measures widget's frames on both stores; the figure and
// its reference are the p95 of the frames of kinds (all when empty).
func renderMetric(env *Env, spec Spec, widget string, kinds []string) (Result, func(), error) {
	if _, err := os.Stat(env.Store1M); err != nil {
		return Result{}, nil, fmt.Errorf("%w: no generated store at %s", ErrNotBuilt, env.Store1M)
	}
	bin, err := frameDriver(env)
	if err != nil {
		return Result{}, nil, err
	}
	emptyPath := filepath.Join(env.Cache, "empty.db")
	// Make sure the empty store exists and is migrated: the driver opens
	// stores read-only.
	if s, err := store.Open(emptyPath); err != nil {
		return Result{}, nil, err
	} else {
		s.Close()
	}
	// The frames run in another process, where the framework's profiler
	// would see nothing, so the driver profiles its timed frames itself;
	// the profile is kept for a miss. Sampling costs about 1% of a frame.
	prof := filepath.Join(env.Cache, spec.Name+".cpu.prof")
	full, err := runFrames(bin, env.Store1M, widget, prof)
	if err != nil {
		return Result{}, nil, err
	}
	ref, err := runFrames(bin, emptyPath, widget, "")
	if err != nil {
		return Result{}, nil, err
	}
	fs, rs := statsOf(full.Frames, kinds...), statsOf(ref.Frames, kinds...)
	var parts []string
	for _, k := range []string{"scroll", "zoom", "pan"} {
		parts = append(parts, kindNote(full, k))
	}
	what := "all"
	if len(kinds) > 0 {
		what = strings.Join(kinds, "+")
	}
	r := Result{Value: fs.p95, Ref: rs.p95, RefUnit: "ms", RefWhat: "same frames on an empty store",
		Note: fmt.Sprintf("p95 of %d %s frames, median %.1f ms, CPU median %.1f ms (empty store: median %.1f, CPU %.1f); %d events%s, 1280×800, Fyne software painter; "+
			"median/p95 by step: %s; a blank 1280×800 capture alone costs %.1f ms (CPU %.1f) and %.1f MB; store read and first frame %.0f ms; %s",
			fs.n, what, fs.median, fs.cpu, rs.median, rs.cpu, full.Events, placesNote(full.Places), strings.Join(parts, ", "),
			ms(time.Duration(full.Blank.NS)), ms(time.Duration(full.Blank.CPUNS)), float64(full.Blank.Bytes)/1e6, ms(time.Duration(full.Setup)), full.About)}
	if spec.Meets(r.Value) {
		os.Remove(prof)
	} else {
		r.Profile = prof
	}
	return r, nil, nil
}

func placesNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" at %d places", n)
}

func runTimelineRender(env *Env) (Result, func(), error) {
	return renderMetric(env, SpecTimelineRender, "timeline", nil)
}

func runMapPanRender(env *Env) (Result, func(), error) {
	return renderMetric(env, SpecMapPanRender, "map", []string{"pan"})
}
