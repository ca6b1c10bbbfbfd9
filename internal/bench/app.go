package bench

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The window metrics run the real desktop binary under Xvfb at 1280×800,
// once on the million-event store and once on an empty store (the
// reference), three times each, and keep the median.

const appRuns = 3

// xvfb is a private X server for the window metrics.
type xvfb struct {
	cmd     *exec.Cmd
	display string
}

func startXvfb() (*xvfb, error) {
	if _, err := exec.LookPath("Xvfb"); err != nil {
		return nil, fmt.Errorf("%w: Xvfb is not installed", ErrNotBuilt)
	}
	for n := 91; n < 120; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			continue
		}
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
			continue
		}
		d := fmt.Sprintf(":%d", n)
		cmd := exec.Command("Xvfb", d, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("start Xvfb: %w", err)
		}
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
				// The socket appears before the server answers; GLFW
				// fails to initialise if it connects too early.
				x := &xvfb{cmd: cmd, display: d}
				if x.command("xdotool", "getdisplaygeometry").Run() == nil {
					return x, nil
				}
			}
			time.Sleep(20 * time.Millisecond)
		}
		cmd.Process.Kill()
		cmd.Wait()
	}
	return nil, errors.New("start Xvfb: no free display between :91 and :119")
}

func (x *xvfb) stop() { terminate(x.cmd) }

// terminate asks a started command to end, kills it if it has not within
// three seconds, and waits for it.
func terminate(cmd *exec.Cmd) {
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		cmd.Process.Kill()
		<-done
	}
}

// appRun is one start of the app: how long until its window was mapped and
// showed more than a blank background, and its resident memory afterwards.
type appRun struct {
	firstWindow time.Duration
	settled     time.Duration // until the screen last changed: the first frame with data
	rssMB       float64       // 3 s after the screen settled
	rssPeakMB   float64       // highest sample until then
}

func (x *xvfb) runApp(app, db, shot string) (appRun, error) {
	var r appRun
	cmd := exec.Command(app, "--db", db)
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display, "LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return r, fmt.Errorf("start %s: %w", app, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(3 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	}()
	deadline := t0.Add(30 * time.Second)
	var win string
	for win == "" {
		select {
		case err := <-exited:
			exited <- err
			return r, fmt.Errorf("%s %w (%v): %s", app, errNoWindow, err, firstPanicLine(stderr.String()))
		default:
		}
		if time.Now().After(deadline) {
			return r, fmt.Errorf("%s showed no window within 30 s", app)
		}
		out, _ := x.command("xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(cmd.Process.Pid)).Output()
		if f := strings.Fields(string(out)); len(f) > 0 {
			win = f[0]
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	for {
		if time.Now().After(deadline) {
			return r, fmt.Errorf("%s window stayed blank for 30 s", app)
		}
		drawn, err := x.drawn(win)
		if err != nil {
			return r, err
		}
		if drawn {
			r.firstWindow = time.Since(t0)
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The window may show before its data (a loading state): follow the
	// screen until it has not changed for 600 ms, and keep when it last did.
	last, prev := time.Now(), ""
	for time.Since(last) < 600*time.Millisecond && time.Since(t0) < 30*time.Second {
		out, err := x.command("import", "-window", win, "-resize", "320x200", "rgb:-").Output()
		if err == nil {
			if h := fmt.Sprintf("%x", sha256.Sum256(out)); h != prev {
				prev, last = h, time.Now()
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	r.settled = last.Sub(t0)
	// Startup work (background loads, the first map render) settles within
	// a few seconds; the figure is the resident memory then, with the peak
	// on the way kept for the note.
	for i := 0; i < 12; i++ {
		time.Sleep(250 * time.Millisecond)
		if mb, err := rssMB(cmd.Process.Pid); err == nil {
			r.rssMB = mb
			r.rssPeakMB = max(r.rssPeakMB, mb)
		}
	}
	if shot != "" {
		if err := x.command("import", "-window", win, shot).Run(); err != nil {
			return r, fmt.Errorf("screenshot %s: %w", shot, err)
		}
	}
	return r, nil
}

// errNoWindow is runApp's error when the app exits before its window shows.
var errNoWindow = errors.New("exited before showing a window")

// runAppRetry runs the app, once more if it died before showing a window:
// GLFW now and then fails to initialise on a fresh virtual display.
func (x *xvfb) runAppRetry(app, db, shot string) (appRun, error) {
	r, err := x.runApp(app, db, shot)
	if errors.Is(err, errNoWindow) {
		time.Sleep(500 * time.Millisecond)
		r, err = x.runApp(app, db, shot)
	}
	return r, err
}

func (x *xvfb) command(name string, args ...string) *exec.Cmd {
	c := exec.Command(name, args...)
	c.Env = append(os.Environ(), "DISPLAY="+x.display)
	return c
}

// drawn reports whether the window shows more than one colour, i.e. the
// app has painted something beyond a blank background.
func (x *xvfb) drawn(win string) (bool, error) {
	out, err := x.command("import", "-window", win, "-format", "%k", "info:").Output()
	if err != nil {
		// The window can vanish or be unmapped for a moment while the app
		// sets itself up; try again.
		return false, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		return false, fmt.Errorf("count window colours: %q: %w", out, err)
	}
	return n > 16, nil
}

// rssMB reads VmRSS of a process from /proc, in MB (10^6 bytes).
func rssMB(pid int) (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			kb, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return 0, err
			}
			return kb * 1024 / 1e6, nil
		}
	}
	return 0, errors.New("no VmRSS")
}

// firstPanicLine picks the line that says why the app died: the panic or
// error line when there is one, else the last line.
func firstPanicLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "panic:") || strings.HasPrefix(l, "fatal error:") || strings.HasPrefix(l, "briefing-atlas:") {
			return l
		}
	}
	return lines[len(lines)-1]
}

// appFigures runs the app on both stores once per metric pair; the result
// is kept so that rss and first-window come from the same runs.
func appFigures(env *Env) (full, ref appRun, err error) {
	if env.app != nil {
		return env.app.full, env.app.ref, env.app.err
	}
	env.app = &appCache{}
	defer func() { env.app.full, env.app.ref, env.app.err = full, ref, err }()
	if _, err := os.Stat(env.App); err != nil {
		return full, ref, fmt.Errorf("%w: no app binary at %s (make build)", ErrNotBuilt, env.App)
	}
	if _, err := os.Stat(env.Store1M); err != nil {
		return full, ref, fmt.Errorf("%w: no generated store at %s", ErrNotBuilt, env.Store1M)
	}
	for _, tool := range []string{"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			return full, ref, fmt.Errorf("%w: %s is not installed", ErrNotBuilt, tool)
		}
	}
	x, err := startXvfb()
	if err != nil {
		return full, ref, err
	}
	defer x.stop()
	emptyDB := filepath.Join(env.Cache, "empty-app.db")
	os.Remove(emptyDB)
	var fulls, refs []appRun
	for i := 0; i < appRuns; i++ {
		shot := ""
		if i == appRuns-1 {
			shot = filepath.Join(env.Cache, "app-1m.png")
		}
		f, err := x.runAppRetry(env.App, env.Store1M, shot)
		if err != nil {
			return full, ref, err
		}
		fulls = append(fulls, f)
		e, err := x.runAppRetry(env.App, emptyDB, "")
		if err != nil {
			return full, ref, err
		}
		refs = append(refs, e)
	}
	full, ref = medianRun(fulls), medianRun(refs)
	if !SpecFirstWindow.Meets(ms(full.firstWindow)) || !SpecFirstSettled.Meets(ms(full.settled)) || !SpecRSS.Meets(full.rssMB) {
		env.app.profiles, env.app.profErr = profileApp(env, x)
	}
	return full, ref, nil
}

// appSource is where the desktop app's main package lives.
const appSource = "cmd/desktop"

// profileApp builds the desktop app with a CPU and heap profiler started at
// init and runs it on the million-event store for eight seconds: the app
// has no profiling switch of its own, and a miss must come with a profile.
// The copy lives under the cache folder, inside the module so that it may
// import internal packages, and is never committed.
func profileApp(env *Env, x *xvfb) (map[string]string, error) {
	bin, err := buildProfiledApp(env)
	if err != nil {
		return nil, err
	}
	cpu := filepath.Join(env.Cache, "first_window_ms_1m.cpu.prof")
	heap := filepath.Join(env.Cache, "rss_mb_1m.heap.prof")
	cmd := exec.Command(bin, "--db", env.Store1M)
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display, "LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8",
		"ATLAS_BENCH_CPUPROF="+cpu, "ATLAS_BENCH_HEAPPROF="+heap)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("profile app: %w", err)
	}
	time.Sleep(8 * time.Second)
	terminate(cmd)
	return map[string]string{SpecFirstWindow.Name: cpu, SpecFirstSettled.Name: cpu, SpecRSS.Name: heap}, nil
}

// buildProfiledApp builds the copy of the app whose first six seconds are
// profiled (appProfHook) into the cache folder.
func buildProfiledApp(env *Env) (string, error) {
	srcs, err := filepath.Glob(filepath.Join(appSource, "*.go"))
	if err != nil || len(srcs) == 0 {
		return "", fmt.Errorf("profile app: no sources in %s", appSource)
	}
	dir := filepath.Join(env.Cache, "appprof")
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("profile app: %w", err)
	}
	for _, f := range srcs {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return "", fmt.Errorf("profile app: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			return "", fmt.Errorf("profile app: %w", err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "zz_benchprof.go"), []byte(appProfHook), 0o644); err != nil {
		return "", fmt.Errorf("profile app: %w", err)
	}
	bin := filepath.Join(env.Cache, "briefing-atlas-prof")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "./"+filepath.ToSlash(dir))
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("profile app: build: %v: %s", err, lastLines(string(out), 3))
	}
	os.RemoveAll(dir)
	return bin, nil
}

// appProfHook profiles the first six seconds of the app's life: CPU from
// init, then the live heap.
const appProfHook = `package main

import (
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

func init() {
	f, err := os.Create(os.Getenv("ATLAS_BENCH_CPUPROF"))
	if err != nil {
		return
	}
	pprof.StartCPUProfile(f)
	go func() {
		time.Sleep(6 * time.Second)
		pprof.StopCPUProfile()
		f.Close()
		runtime.GC()
		if h, err := os.Create(os.Getenv("ATLAS_BENCH_HEAPPROF")); err == nil {
			pprof.Lookup("heap").WriteTo(h, 0)
			h.Close()
		}
	}()
}
`

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

type appCache struct {
	full, ref appRun
	err       error
	profiles  map[string]string // metric → profile written for a miss
	profErr   error
}

func medianRun(rs []appRun) appRun {
	pick := func(f func(appRun) float64) float64 {
		vs := make([]float64, len(rs))
		for i, r := range rs {
			vs[i] = f(r)
		}
		sort.Float64s(vs)
		return vs[len(vs)/2]
	}
	return appRun{
		firstWindow: time.Duration(pick(func(r appRun) float64 { return float64(r.firstWindow) })),
		settled:     time.Duration(pick(func(r appRun) float64 { return float64(r.settled) })),
		rssMB:       pick(func(r appRun) float64 { return r.rssMB }),
		rssPeakMB:   pick(func(r appRun) float64 { return r.rssPeakMB }),
	}
}

func runFirstWindow(env *Env) (Result, func(), error) {
	full, ref, err := appFigures(env)
	if err != nil {
		return Result{}, nil, err
	}
	return env.app.withProfile(Result{Value: ms(full.firstWindow), Ref: ms(ref.firstWindow), RefUnit: "ms", RefWhat: "same app on an empty store",
		Note: fmt.Sprintf("median of %d, start to a mapped window with content; the screen settled with its data after %.0f ms (%.0f ms on the empty store); screenshot %s",
			appRuns, ms(full.settled), ms(ref.settled), filepath.Join(env.Cache, "app-1m.png"))}, SpecFirstWindow.Name), nil, nil
}

// runFirstSettled is issue 16's first-window figure: until the screen has
// settled with the store's data (timeline cards, map discs), not only
// until a window is mapped.
func runFirstSettled(env *Env) (Result, func(), error) {
	full, ref, err := appFigures(env)
	if err != nil {
		return Result{}, nil, err
	}
	return env.app.withProfile(Result{Value: ms(full.settled), Ref: ms(ref.settled), RefUnit: "ms", RefWhat: "same app on an empty store",
		Note: fmt.Sprintf("median of %d, start until the screen last changed before 600 ms without change (timeline cards, map discs); screenshot %s",
			appRuns, filepath.Join(env.Cache, "app-1m.png"))}, SpecFirstSettled.Name), nil, nil
}

func runRSS(env *Env) (Result, func(), error) {
	full, ref, err := appFigures(env)
	if err != nil {
		return Result{}, nil, err
	}
	return env.app.withProfile(Result{Value: full.rssMB, Ref: ref.rssMB, RefUnit: "MB", RefWhat: "same app on an empty store",
		Note: fmt.Sprintf("median of %d, VmRSS 3 s after the screen settled (peak until then %.0f MB)", appRuns, full.rssPeakMB)}, SpecRSS.Name), nil, nil
}

// withProfile attaches the app profile written for metric, or why there is
// none.
func (c *appCache) withProfile(r Result, metric string) Result {
	if p := c.profiles[metric]; p != "" {
		if _, err := os.Stat(p); err == nil {
			r.Profile = p
		}
	}
	if c.profErr != nil {
		r.Note += "; " + c.profErr.Error()
	}
	return r
}
