// Package bench measures Briefing Atlas's speed figures: extraction and
// import throughput, and latencies on a million-event store. Machines that
// run it are shared and noisy, so every timing comes with a reference
// measured in the same run (gzip level 6 of the same bytes for throughput,
// the same query on an empty store for latency) and the ratio between them.
//
// A metric whose code is not there yet is reported as not built rather than
// faked; a metric that misses its target gets a CPU profile next to the data.
package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"time"
)

// Better says which direction of a figure is good.
type Better string

// Directions.
const (
	Lower  Better = "lower"
	Higher Better = "higher"
)

// Spec names a metric and its target.
type Spec struct {
	Name   string
	Unit   string
	Target float64
	Better Better
	About  string // one line on what is measured
}

// Meets reports whether v meets the spec's target.
func (s Spec) Meets(v float64) bool {
	if s.Better == Higher {
		return v >= s.Target
	}
	return v <= s.Target
}

// Status of a result.
const (
	StatusPass     = "pass"
	StatusMiss     = "MISS"
	StatusNotBuilt = "n/a (not built yet)"
	StatusError    = "error"
)

// Result is one measured metric.
type Result struct {
	Spec
	Value   float64
	Ref     float64 // reference measured in the same run, in RefUnit
	RefUnit string
	RefWhat string  // what the reference is
	Ratio   float64 // Value / Ref
	Status  string
	Note    string // what was measured, sizes, or the error
	Profile string // CPU profile written for a miss
}

// ErrNotBuilt is returned by a metric whose code has not landed.
var ErrNotBuilt = errors.New("not built yet")

// Metric is a spec with the code that measures it. Run returns the result
// and, when it can, the workload alone so that a miss can be profiled.
type Metric struct {
	Spec
	Run func(env *Env) (Result, func(), error)
}

// Env is where a run finds its inputs and writes its outputs.
type Env struct {
	Cache  string // folder for generated data and profiles (.cache/bench)
	Corpus string // generated article folder (atlas gen --articles)
	// Corpus20K is the import-at-scale corpus: 20,000 generated articles.
	Corpus20K string
	Store1M   string // generated million-event store (atlas gen --store)
	App       string // the desktop binary, for the window metrics
	Log       io.Writer

	cleanups []func()
	app      *appCache   // the window metrics share their runs
	watch    *watchCache // so do the import-at-scale metrics
}

// deferClose runs f once the current metric, and its profile, are done.
func (e *Env) deferClose(f func()) { e.cleanups = append(e.cleanups, f) }

func (e *Env) cleanup() {
	for i := len(e.cleanups) - 1; i >= 0; i-- {
		e.cleanups[i]()
	}
	e.cleanups = nil
}

func (e *Env) logf(format string, args ...any) {
	if e.Log != nil {
		fmt.Fprintf(e.Log, format+"\n", args...)
	}
}

// Run measures the metrics whose names are in only (all when only is empty),
// profiling each miss.
func Run(env *Env, metrics []Metric, only []string) []Result {
	var out []Result
	for _, m := range metrics {
		if len(only) > 0 && !slices.Contains(only, m.Name) {
			continue
		}
		env.logf("bench: %s …", m.Name)
		start := time.Now()
		var r Result
		var work func()
		var err error
		if m.Run == nil {
			err = ErrNotBuilt
		} else {
			r, work, err = m.Run(env)
		}
		r.Spec = m.Spec
		switch {
		case errors.Is(err, ErrNotBuilt):
			r.Status = StatusNotBuilt
			if r.Note == "" && err != ErrNotBuilt {
				r.Note = err.Error()
			}
		case err != nil:
			r.Status = StatusError
			r.Note = err.Error()
		case m.Meets(r.Value):
			r.Status = StatusPass
		default:
			r.Status = StatusMiss
			if work != nil {
				p, perr := profile(env, m.Name, work)
				if perr != nil {
					r.Note = strings.TrimSpace(r.Note + "; profile: " + perr.Error())
				}
				r.Profile = p
			}
		}
		env.cleanup()
		if r.Ref > 0 && r.Ratio == 0 && r.Status != StatusNotBuilt && r.Status != StatusError {
			r.Ratio = r.Value / r.Ref
		}
		env.logf("bench: %s %s in %s", m.Name, r.Status, time.Since(start).Round(time.Millisecond))
		out = append(out, r)
	}
	return out
}

// profile runs work repeatedly for about three seconds under the CPU
// profiler and writes the profile to the cache folder.
func profile(env *Env, name string, work func()) (string, error) {
	// A first run with a new --cache folder has nothing there yet.
	if err := os.MkdirAll(env.Cache, 0o755); err != nil {
		return "", fmt.Errorf("create profile folder: %w", err)
	}
	path := filepath.Join(env.Cache, name+".cpu.prof")
	f, err := os.Create(path)
	if err != nil {
		return "", fmt.Errorf("create profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return "", fmt.Errorf("start profile: %w", err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for n := 0; n < 1 || time.Now().Before(deadline); n++ {
		work()
		if n > 10000 {
			break
		}
	}
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("write profile: %w", err)
	}
	return path, nil
}

// jsonResult is the bench-results.json entry, with the reference.
type jsonResult struct {
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Target    float64 `json:"target"`
	Better    Better  `json:"better"`
	Reference float64 `json:"reference,omitempty"`
	RefUnit   string  `json:"reference_unit,omitempty"`
	RefWhat   string  `json:"reference_is,omitempty"`
	Ratio     float64 `json:"ratio,omitempty"`
	Pass      bool    `json:"pass"`
	Profile   string  `json:"profile,omitempty"`
	Note      string  `json:"note,omitempty"`
}

// WriteJSON writes the measured results (metrics not built or failed are
// left out, never faked) as {"metric": {"value", "unit", "target",
// "better", …}}.
func WriteJSON(path string, rs []Result) error {
	m := map[string]jsonResult{}
	for _, r := range rs {
		if r.Status != StatusPass && r.Status != StatusMiss {
			continue
		}
		m[r.Name] = jsonResult{Value: round(r.Value), Unit: r.Unit, Target: r.Target, Better: r.Better,
			Reference: round(r.Ref), RefUnit: r.RefUnit, RefWhat: r.RefWhat, Ratio: round(r.Ratio),
			Pass: r.Status == StatusPass, Profile: r.Profile, Note: r.Note}
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encode results: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func round(v float64) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	// Four significant digits: more would be noise on these machines.
	mag := math.Pow(10, 3-math.Floor(math.Log10(math.Abs(v))))
	return math.Round(v*mag) / mag
}

// Table prints the results as an aligned text table.
func Table(w io.Writer, rs []Result) {
	fmt.Fprintf(w, "%-27s %12s %-8s %10s  %-20s %9s  %s\n", "metric", "value", "unit", "target", "reference", "ratio", "status")
	for _, r := range rs {
		target := fmt.Sprintf("%s %g", map[Better]string{Lower: "≤", Higher: "≥"}[r.Better], r.Target)
		if r.Status == StatusNotBuilt || r.Status == StatusError {
			fmt.Fprintf(w, "%-27s %12s %-8s %10s  %-20s %9s  %s\n", r.Name, "-", r.Unit, target, "-", "-", r.Status+noteSuffix(r.Note))
			continue
		}
		ref := "-"
		ratio := "-"
		if r.Ref > 0 {
			ref = fmt.Sprintf("%.4g %s", r.Ref, r.RefUnit)
			ratio = fmt.Sprintf("%.3g", r.Ratio)
		}
		fmt.Fprintf(w, "%-27s %12.4g %-8s %10s  %-20s %9s  %s\n", r.Name, r.Value, r.Unit, target, ref, ratio, r.Status+noteSuffix(r.Note))
	}
}

func noteSuffix(n string) string {
	if n == "" {
		return ""
	}
	return " — " + n
}

// durations runs f n times and returns the wall times sorted. A figure far
// off its target would take minutes to sample n times, so sampling stops
// after ten seconds once there are three samples.
func durations(n int, f func() error) ([]time.Duration, error) {
	ds := make([]time.Duration, 0, n)
	start := time.Now()
	for i := 0; i < n; i++ {
		if i >= 3 && time.Since(start) > 10*time.Second {
			break
		}
		t := time.Now()
		if err := f(); err != nil {
			return nil, err
		}
		ds = append(ds, time.Since(t))
	}
	sortDurations(ds)
	return ds, nil
}

func sortDurations(ds []time.Duration) { sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] }) }

// median of sorted durations, in milliseconds.
func median(ds []time.Duration) float64 { return ms(ds[len(ds)/2]) }

// p95 of sorted durations, in milliseconds (nearest rank).
func p95(ds []time.Duration) float64 {
	i := int(math.Ceil(0.95*float64(len(ds)))) - 1
	if i < 0 {
		i = 0
	}
	return ms(ds[i])
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
