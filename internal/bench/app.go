package bench

import (
	"bytes"
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
				return &xvfb{cmd: cmd, display: d}, nil
			}
			time.Sleep(20 * time.Millisecond)
		}
		cmd.Process.Kill()
		cmd.Wait()
	}
	return nil, errors.New("start Xvfb: no free display between :91 and :119")
}

func (x *xvfb) stop() {
	x.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { x.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		x.cmd.Process.Kill()
		<-done
	}
}

// appRun is one start of the app: how long until its window was mapped and
// showed more than a blank background, and its resident memory afterwards.
type appRun struct {
	firstWindow time.Duration
	rssMB       float64 // 3 s after the first frame
	rssPeakMB   float64 // highest sample until then
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
			return r, fmt.Errorf("%s exited before showing a window (%v): %s", app, err, firstPanicLine(stderr.String()))
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
		f, err := x.runApp(env.App, env.Store1M, shot)
		if err != nil {
			return full, ref, err
		}
		fulls = append(fulls, f)
		e, err := x.runApp(env.App, emptyDB, "")
		if err != nil {
			return full, ref, err
		}
		refs = append(refs, e)
	}
	return medianRun(fulls), medianRun(refs), nil
}

type appCache struct {
	full, ref appRun
	err       error
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
		rssMB:       pick(func(r appRun) float64 { return r.rssMB }),
		rssPeakMB:   pick(func(r appRun) float64 { return r.rssPeakMB }),
	}
}

func runFirstWindow(env *Env) (Result, func(), error) {
	full, ref, err := appFigures(env)
	if err != nil {
		return Result{}, nil, err
	}
	return Result{Value: ms(full.firstWindow), Ref: ms(ref.firstWindow), RefUnit: "ms", RefWhat: "same app on an empty store",
		Note: fmt.Sprintf("median of %d, start to a mapped window with content; screenshot %s", appRuns, filepath.Join(env.Cache, "app-1m.png"))}, nil, nil
}

func runRSS(env *Env) (Result, func(), error) {
	full, ref, err := appFigures(env)
	if err != nil {
		return Result{}, nil, err
	}
	return Result{Value: full.rssMB, Ref: ref.rssMB, RefUnit: "MB", RefWhat: "same app on an empty store",
		Note: fmt.Sprintf("median of %d, VmRSS 3 s after the first frame (peak until then %.0f MB)", appRuns, full.rssPeakMB)}, nil, nil
}
