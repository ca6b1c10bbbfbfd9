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
	hud, err := os.MkdirTemp("", "atlas-hud-")
	if err != nil {
		return Result{}, nil, err
	}
	defer os.RemoveAll(hud)
	cmd := exec.Command(env.App, "--db", env.Store1M, "--size", "1280x800")
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display, "LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8",
		"GALLIUM_HUD=simple,fps", "GALLIUM_HUD_DUMP_DIR="+hud, fmt.Sprintf("GALLIUM_HUD_PERIOD=%g", glPeriod.Seconds()))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return Result{}, nil, fmt.Errorf("start %s: %w", env.App, err)
	}
	defer terminate(cmd)
	win, err := x.settledWindow(cmd, &stderr)
	if err != nil {
		return Result{}, nil, err
	}
	fpsFile := filepath.Join(hud, "fps")
	if _, err := os.Stat(fpsFile); err != nil {
		return Result{}, nil, fmt.Errorf("%w: the GL driver wrote no frame counts (GALLIUM_HUD needs Mesa's llvmpipe)", ErrNotBuilt)
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
		return Result{}, nil, err
	}
	t := time.Now()
	if out, err := x.command("xdotool", args...).CombinedOutput(); err != nil {
		return Result{}, nil, fmt.Errorf("scripted drag: %v: %s", err, out)
	}
	drag := time.Since(t)
	time.Sleep(2 * glPeriod) // the last period's count
	after, err := fpsLines(fpsFile)
	if err != nil {
		return Result{}, nil, err
	}
	// The periods wholly inside the drag, less the pause before it moved.
	skip := int(200*time.Millisecond/glPeriod) + 1
	if len(after) < len(before)+skip+3 {
		return Result{}, nil, fmt.Errorf("the GL driver reported %d periods during a %.1f s drag", len(after)-len(before), drag.Seconds())
	}
	during := after[len(before)+skip : len(after)-2]
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
	return Result{Value: per[p95i],
		Note: fmt.Sprintf("real app (GL driver, Mesa llvmpipe) under Xvfb at 1280×800: %.0f frames presented in %.1f s of a %d-step drag of the timeline (%.0f motion events a second): %.1f frames a second, %.1f ms a frame on average, median period %.1f ms; p95 over %.0f ms periods of their mean frame time; the drag took %.1f s in all",
			frames, secs, glDragSteps, float64(glDragSteps)/drag.Seconds(), frames/secs, 1000*secs/max(frames, 1), per[len(per)/2], ms(glPeriod), drag.Seconds())}, nil, nil
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
