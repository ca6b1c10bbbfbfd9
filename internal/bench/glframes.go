package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The GL frame metric counts the frames the real app presents through its
// GL driver while a scripted drag pans its timeline, under Xvfb on the
// million-event store. Under Xvfb, OpenGL is Mesa's llvmpipe, whose
// heads-up display can write the frames presented per period to a file
// (GALLIUM_HUD with GALLIUM_HUD_DUMP_DIR) without touching the app; the drag
// is one xdotool run of motion events 16 ms apart, as a hand moves a mouse.

// glPeriod is the HUD's sampling period.
const glPeriod = 100 * time.Millisecond

// glDragSteps is the motion events of the drag: half of them one way, half
// back.
const glDragSteps = 180

func runTimelineGL(env *Env) (Result, func(), error) {
	if _, err := os.Stat(env.App); err != nil {
		return Result{}, nil, fmt.Errorf("%w: no app binary at %s (make build)", ErrNotBuilt, env.App)
	}
	if _, err := os.Stat(env.Store1M); err != nil {
		return Result{}, nil, fmt.Errorf("%w: no generated store at %s", ErrNotBuilt, env.Store1M)
	}
	x, err := startXvfb()
	if err != nil {
		return Result{}, nil, err
	}
	defer x.stop()
	during, drag, err := glDrag(env, x, env.App, nil)
	if err != nil {
		return Result{}, nil, err
	}
	frames := 0.0
	var per []float64 // mean ms a frame in each period
	for _, fps := range during {
		frames += fps * glPeriod.Seconds()
		if fps > 0 {
			per = append(per, 1000/fps)
		} else {
			per = append(per, ms(glPeriod))
		}
	}
	sort.Float64s(per)
	p95i := max(0, (95*len(per)+99)/100-1)
	secs := float64(len(during)) * glPeriod.Seconds()
	r := Result{Value: per[p95i],
		Note: fmt.Sprintf("real app (GL driver, Mesa llvmpipe) under Xvfb at 1280×800: %.0f frames presented in %.1f s of a %d-step drag of the timeline (%.0f motion events a second): %.1f frames a second, %.1f ms a frame on average, median period %.1f ms; p95 over %.0f ms periods of their mean frame time; the drag took %.1f s in all",
			frames, secs, glDragSteps, float64(glDragSteps)/drag.Seconds(), frames/secs, 1000*secs/max(frames, 1), per[len(per)/2], ms(glPeriod), drag.Seconds())}
	if !SpecTimelineGL.Meets(r.Value) {
		// The same drag in the copy of the app that profiles its first
		// six seconds: its start, then the drag.
		p, err := profileGL(env, x)
		if err != nil {
			r.Note += "; profile: " + err.Error()
		}
		r.Profile = p
	}
	return r, nil, nil
}

// profileGL runs the drag in the profiled copy of the app.
func profileGL(env *Env, x *xvfb) (string, error) {
	bin, err := buildProfiledApp(env)
	if err != nil {
		return "", err
	}
	prof := filepath.Join(env.Cache, SpecTimelineGL.Name+".cpu.prof")
	if _, _, err := glDrag(env, x, bin, []string{"ATLAS_BENCH_CPUPROF=" + prof, "ATLAS_BENCH_HEAPPROF=" + os.DevNull}); err != nil {
		return "", err
	}
	return prof, nil
}

// glDrag starts app on the million-event store under x with the HUD's
// frame counts on, drags its timeline once the screen has settled and
// returns the frames a second in each period of the drag, and how long the
// drag took. The app is ended once its profile, if any, is written.
func glDrag(env *Env, x *xvfb, app string, extra []string) ([]float64, time.Duration, error) {
	hud, err := os.MkdirTemp("", "atlas-hud-")
	if err != nil {
		return nil, 0, err
	}
	defer os.RemoveAll(hud)
	cmd := exec.Command(app, "--db", env.Store1M, "--size", "1280x800")
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display, "LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8",
		"GALLIUM_HUD=simple,fps", "GALLIUM_HUD_DUMP_DIR="+hud, fmt.Sprintf("GALLIUM_HUD_PERIOD=%g", glPeriod.Seconds()))
	cmd.Env = append(cmd.Env, extra...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	started := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, 0, fmt.Errorf("start %s: %w", app, err)
	}
	defer func() {
		// A profiled copy writes its profile 6 s after it started.
		if len(extra) > 0 {
			time.Sleep(time.Until(started.Add(6500 * time.Millisecond)))
		}
		terminate(cmd)
	}()
	win, err := x.settledWindow(cmd, &stderr)
	if err != nil {
		return nil, 0, err
	}
	fpsFile := filepath.Join(hud, "fps")
	if _, err := os.Stat(fpsFile); err != nil {
		return nil, 0, fmt.Errorf("%w: the GL driver wrote no frame counts (GALLIUM_HUD needs Mesa's llvmpipe)", ErrNotBuilt)
	}
	// The timeline fills the left of the window below the toolbar.
	args := []string{"mousemove", "--window", win, "320", "420", "mousedown", "1", "sleep", "0.2"}
	for i := 0; i < glDragSteps; i++ {
		dx := "8"
		if i >= glDragSteps/2 {
			dx = "-8"
		}
		args = append(args, "mousemove_relative", "--", dx, "0", "sleep", "0.016")
	}
	args = append(args, "mouseup", "1")
	before, err := fpsLines(fpsFile)
	if err != nil {
		return nil, 0, err
	}
	t := time.Now()
	if out, err := x.command("xdotool", args...).CombinedOutput(); err != nil {
		return nil, 0, fmt.Errorf("scripted drag: %v: %s", err, out)
	}
	drag := time.Since(t)
	if len(extra) > 0 && time.Since(started) > 6*time.Second {
		return nil, 0, fmt.Errorf("the drag ended %.1f s after the start, past the 6 s the profile covers", time.Since(started).Seconds())
	}
	time.Sleep(2 * glPeriod) // the last period's count
	after, err := fpsLines(fpsFile)
	if err != nil {
		return nil, 0, err
	}
	// The periods wholly inside the drag, less the pause before it moved.
	skip := int(200*time.Millisecond/glPeriod) + 1
	if len(after) < len(before)+skip+3 {
		return nil, 0, fmt.Errorf("the GL driver reported %d periods during a %.1f s drag", len(after)-len(before), drag.Seconds())
	}
	return after[len(before)+skip : len(after)-2], drag, nil
}

// fpsLines reads the HUD's frames-per-second file, one period a line.
func fpsLines(path string) ([]float64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []float64
	for _, l := range strings.Fields(string(b)) {
		v, err := strconv.ParseFloat(l, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: %q: %w", path, l, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// settledWindow waits for the app's window to show and its screen to stay
// the same for 600 ms (its data in), and returns the window's id.
func (x *xvfb) settledWindow(cmd *exec.Cmd, stderr *bytes.Buffer) (string, error) {
	deadline := time.Now().Add(60 * time.Second)
	var win string
	for win == "" {
		if time.Now().After(deadline) {
			return "", fmt.Errorf("the app showed no window within 60 s: %s", lastLines(stderr.String(), 2))
		}
		out, _ := x.command("xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(cmd.Process.Pid)).Output()
		if f := strings.Fields(string(out)); len(f) > 0 {
			win = f[0]
		}
		time.Sleep(20 * time.Millisecond)
	}
	last, prev := time.Now(), ""
	for time.Since(last) < 600*time.Millisecond && time.Now().Before(deadline) {
		out, err := x.command("import", "-window", win, "-resize", "320x200", "rgb:-").Output()
		if err == nil {
			if h := string(out); h != prev {
				prev, last = h, time.Now()
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return win, nil
}
