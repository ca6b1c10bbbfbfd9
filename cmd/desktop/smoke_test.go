package main

import (
	"bufio"
	"bytes"
	"errors"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWindowComesUpUnderXvfb builds the app, starts it under an Xvfb of its
// own on a temporary store, waits for its window, takes a screenshot and
// checks that it shows something. It fails when the window does not come up.
func TestWindowComesUpUnderXvfb(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (make deps installs it): the whole-window smoke test needs it", tool)
		}
	}
	dir := t.TempDir()
	bin := buildApp(t, dir)

	disp := startXvfb(t)
	env := append(os.Environ(), "DISPLAY="+disp, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8")

	var logs bytes.Buffer
	app := exec.Command(bin, "--db", filepath.Join(dir, "atlas.db"), "--size", "1280x800")
	app.Env = env
	app.Stdout, app.Stderr = &logs, &logs
	if err := app.Start(); err != nil {
		t.Fatalf("start the app: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- app.Wait() }()
	t.Cleanup(func() { app.Process.Kill(); <-exited })

	var wid string
	deadline := time.Now().Add(45 * time.Second)
	for wid == "" && time.Now().Before(deadline) {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("the app exited before its window came up (%v):\n%s", err, logs.String())
		default:
		}
		c := exec.Command("xdotool", "search", "--name", "^Briefing Atlas$")
		c.Env = env
		out, _ := c.Output()
		wid = strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
		if wid == "" {
			time.Sleep(200 * time.Millisecond)
		}
	}
	if wid == "" {
		t.Fatalf("no window named Briefing Atlas after 45 s; app output:\n%s", logs.String())
	}

	// The first frames can be blank; retry the capture for a while.
	shot := filepath.Join(dir, "shot.png")
	var colours int
	waitFor(t, 20*time.Second, "the window to draw", func() bool {
		c := exec.Command("import", "-window", wid, shot)
		c.Env = env
		if c.Run() != nil {
			return false
		}
		colours = distinctColours(t, shot)
		return colours >= 32
	})
	if os.Getenv("ATLAS_SMOKE_SHOT") != "" {
		data, _ := os.ReadFile(shot)
		os.WriteFile(os.Getenv("ATLAS_SMOKE_SHOT"), data, 0o644)
	}
	t.Logf("window %s drew %d distinct colours", wid, colours)
}

// buildApp builds the app into dir and returns the binary's path.
func buildApp(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "briefing-atlas")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build the app: %v\n%s", err, out)
	}
	return bin
}

// TestNoDisplayIsASentence starts the app where no window can open: it must
// say so in one sentence and exit 1, not panic with a stack trace.
func TestNoDisplayIsASentence(t *testing.T) {
	dir := t.TempDir()
	bin := buildApp(t, dir)
	for _, tc := range []struct{ name, display string }{
		{"no DISPLAY at all", ""},
		{"a display nobody serves", ":987"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			app := exec.Command(bin, "--db", filepath.Join(dir, "atlas.db"))
			app.Env = append(os.Environ(), "DISPLAY="+tc.display, "WAYLAND_DISPLAY=", "LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8")
			out, err := app.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 1 {
				t.Fatalf("exit: %v, want status 1\n%s", err, out)
			}
			if !strings.Contains(string(out), "cannot open a window on display") || strings.Contains(string(out), "goroutine ") {
				t.Errorf("want one clear sentence, no stack trace:\n%s", out)
			}
		})
	}
}

// startXvfb starts an Xvfb that picks a free display itself and reports it
// on fd 3 once it accepts clients (-displayfd): guessing a free number races
// with other servers starting or stopping on the same machine.
func startXvfb(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var logs bytes.Buffer
	xvfb := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1344x864x24", "-nolisten", "tcp")
	xvfb.ExtraFiles = []*os.File{w} // fd 3 in the child
	xvfb.Stdout, xvfb.Stderr = &logs, &logs
	if err := xvfb.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() { xvfb.Process.Kill(); xvfb.Wait() })
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil || strings.TrimSpace(line) == "" {
		t.Fatalf("Xvfb did not report its display (%v):\n%s", err, logs.String())
	}
	return ":" + strings.TrimSpace(line)
}

func waitFor(t *testing.T, d time.Duration, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// distinctColours counts the colours in a PNG (up to 10000): a blank or
// black window has one or two.
func distinctColours(t *testing.T, path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return 0
	}
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[(r>>8)<<16|(g>>8)<<8|bl>>8] = true
			if len(seen) >= 10000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}
