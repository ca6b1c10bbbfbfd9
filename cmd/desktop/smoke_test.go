package main

import (
	"bytes"
	"fmt"
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
	bin := filepath.Join(dir, "briefing-atlas")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build the app: %v\n%s", err, out)
	}

	disp := freeDisplay(t)
	xvfb := exec.Command("Xvfb", disp, "-screen", "0", "1344x864x24", "-nolisten", "tcp")
	if err := xvfb.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	t.Cleanup(func() { xvfb.Process.Kill(); xvfb.Wait() })
	env := append(os.Environ(), "DISPLAY="+disp, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8")
	waitFor(t, 10*time.Second, "Xvfb to accept clients", func() bool {
		c := exec.Command("xdotool", "getdisplaygeometry")
		c.Env = env
		return c.Run() == nil
	})

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

// freeDisplay picks an X display number no server uses.
func freeDisplay(t *testing.T) string {
	for n := 150 + os.Getpid()%50; n < 400; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err != nil {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); err != nil {
				return fmt.Sprintf(":%d", n)
			}
		}
	}
	t.Fatal("no free X display number")
	return ""
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
