package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The peer comparison (make bench-peer) puts our figures beside those of
// TimelineJS, what a user would otherwise build a timeline with, on the same
// generated events, measured in the same run on the same machine:
// scripts/peer/timelinejs.mjs measures TimelineJS in headless Chromium and
// writes theirs.json; Peer measures our app and timeline on the stores the
// events came from and joins both.

// PeerRow is one event count's figures, ours and theirs, in milliseconds.
type PeerRow struct {
	Events int `json:"events"`
	// Ours: the real app under Xvfb, start until the screen settled with its
	// data (median of appRuns), and until its window first showed.
	OursFirstMS   float64 `json:"ours_first_frame_ms"`
	OursWindowMS  float64 `json:"ours_window_ms"`
	OursZoomMed   float64 `json:"ours_zoom_ms_median"`
	OursZoomP95   float64 `json:"ours_zoom_ms_p95"`
	OursZoomEvent float64 `json:"ours_zoom_event_ms_median"` // of it, until the timeline had refreshed and laid out
	// Theirs: TimelineJS, navigation start until the frame after "loaded"
	// was painted (median of its loads), and zoom steps to the painted frame.
	TheirsFirstMS float64 `json:"theirs_first_frame_ms"`
	TheirsZoomMed float64 `json:"theirs_zoom_ms_median"`
	TheirsZoomP95 float64 `json:"theirs_zoom_ms_p95"`
	TheirsMarkers int     `json:"theirs_markers"`
	// Ratios: theirs ÷ ours, above 1 when we are faster.
	FirstRatio float64 `json:"first_frame_ratio"`
	ZoomRatio  float64 `json:"zoom_p95_ratio"`
	Error      string  `json:"error,omitempty"`
}

// PeerReport is what Peer measured, with what measured it.
type PeerReport struct {
	Tool    string    `json:"tool"`
	Browser string    `json:"browser"`
	Driver  string    `json:"driver"`
	Blocked []string  `json:"blocked_requests,omitempty"` // requests to other hosts the page tried, aborted
	Rows    []PeerRow `json:"rows"`
	Load    string    `json:"machine_load"` // load average when the run ended: the machine is shared
}

// theirs mirrors timelinejs.mjs's theirs.json.
type theirs struct {
	Tool    string   `json:"tool"`
	Browser string   `json:"browser"`
	Driver  string   `json:"driver"`
	Blocked []string `json:"blocked"`
	Counts  map[string]struct {
		Events  int     `json:"events"`
		Markers int     `json:"markers"`
		First   float64 `json:"first_frame_ms"`
		ZoomMed float64 `json:"zoom_ms_median"`
		ZoomP95 float64 `json:"zoom_ms_p95"`
		Error   string  `json:"error"`
	} `json:"counts"`
}

// Peer measures our side on dir/events-N.db for each N in theirs.json and
// joins it with theirs.
func Peer(env *Env, dir string) (PeerReport, error) {
	var rep PeerReport
	b, err := os.ReadFile(filepath.Join(dir, "theirs.json"))
	if err != nil {
		return rep, fmt.Errorf("peer: their figures: %w (run scripts/peer/timelinejs.mjs first)", err)
	}
	var th theirs
	if err := json.Unmarshal(b, &th); err != nil {
		return rep, fmt.Errorf("peer: %s: %w", filepath.Join(dir, "theirs.json"), err)
	}
	rep.Tool, rep.Browser, rep.Driver, rep.Blocked = th.Tool, th.Browser, th.Driver, th.Blocked
	var ns []int
	for k := range th.Counts {
		n, err := strconv.Atoi(k)
		if err != nil {
			return rep, fmt.Errorf("peer: event count %q: %w", k, err)
		}
		ns = append(ns, n)
	}
	sort.Ints(ns)
	bin, err := frameDriver(env)
	if err != nil {
		return rep, fmt.Errorf("peer: %w", err)
	}
	x, err := startXvfb()
	if err != nil {
		return rep, fmt.Errorf("peer: %w", err)
	}
	defer x.stop()
	for _, n := range ns {
		t := th.Counts[strconv.Itoa(n)]
		row := PeerRow{Events: n, TheirsFirstMS: t.First, TheirsZoomMed: t.ZoomMed, TheirsZoomP95: t.ZoomP95, TheirsMarkers: t.Markers, Error: t.Error}
		db := filepath.Join(dir, fmt.Sprintf("events-%d.db", n))
		env.logf("peer: our app and timeline on %d events …", n)
		var runs []appRun
		for i := 0; i < appRuns; i++ {
			r, err := x.runAppRetry(env.App, db, "")
			if err != nil {
				return rep, fmt.Errorf("peer: %d events: %w", n, err)
			}
			runs = append(runs, r)
		}
		m := medianRun(runs)
		row.OursFirstMS, row.OursWindowMS = ms(m.settled), ms(m.firstWindow)
		fr, err := runFrames(bin, db, "timeline", "")
		if err != nil {
			return rep, fmt.Errorf("peer: %d events: %w", n, err)
		}
		z := statsOf(fr.Frames, "zoom")
		row.OursZoomMed, row.OursZoomP95, row.OursZoomEvent = z.median, z.p95, z.event
		if row.OursFirstMS > 0 && row.TheirsFirstMS > 0 {
			row.FirstRatio = row.TheirsFirstMS / row.OursFirstMS
		}
		if row.OursZoomP95 > 0 && row.TheirsZoomP95 > 0 {
			row.ZoomRatio = row.TheirsZoomP95 / row.OursZoomP95
		}
		rep.Rows = append(rep.Rows, row)
	}
	if l, err := os.ReadFile("/proc/loadavg"); err == nil {
		rep.Load = strings.Join(strings.Fields(string(l))[:3], " ")
	}
	return rep, nil
}

// PeerTable prints the comparison as a Markdown table, the README's form.
func PeerTable(w io.Writer, rep PeerReport) {
	fmt.Fprintf(w, "Briefing Atlas beside %s (%s, headless, software rendering; %s), same generated events, same machine, same run; load average %s.\n\n",
		rep.Tool, rep.Browser, rep.Driver, rep.Load)
	fmt.Fprintln(w, "| events | first frame: ours | theirs | theirs ÷ ours | zoom step p95 (median): ours | theirs | theirs ÷ ours |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|")
	f := func(v float64) string {
		if v == 0 {
			return "-"
		}
		return fmt.Sprintf("%.0f ms", v)
	}
	r := func(v float64) string {
		if v == 0 {
			return "-"
		}
		if v < 10 {
			return fmt.Sprintf("%.1f×", v)
		}
		return fmt.Sprintf("%.0f×", v)
	}
	for _, row := range rep.Rows {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s (%s) | %s (%s) | %s |\n", counts(row.Events),
			f(row.OursFirstMS), f(row.TheirsFirstMS), r(row.FirstRatio),
			f(row.OursZoomP95), f(row.OursZoomMed), f(row.TheirsZoomP95), f(row.TheirsZoomMed), r(row.ZoomRatio))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Ours, first frame: the real app (GL driver) under Xvfb at 1280×800, process start until the screen settled with its data (window first shown: "+
		windowsNote(rep.Rows)+"). Theirs: navigation start until the frame after TimelineJS's \"loaded\" event was painted, browser already running.")
	fmt.Fprintln(w, "Ours, zoom step: a + or - key on the timeline widget until Fyne's software painter returned the 1280×800 image (uiframe; refresh and layout alone: "+
		zoomEventNote(rep.Rows)+"). Theirs: zoomIn()/zoomOut() until the next frame was painted.")
	for _, row := range rep.Rows {
		if row.Error != "" {
			fmt.Fprintf(w, "TimelineJS with %s events: %s\n", counts(row.Events), row.Error)
		}
	}
	if len(rep.Blocked) > 0 {
		fmt.Fprintf(w, "The page asked for %d files on other hosts (%s…); they were refused, as nothing may leave the machine.\n", len(rep.Blocked), rep.Blocked[0])
	}
}

func counts(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func windowsNote(rows []PeerRow) string {
	var parts []string
	for _, r := range rows {
		parts = append(parts, fmt.Sprintf("%.0f ms at %s", r.OursWindowMS, counts(r.Events)))
	}
	return strings.Join(parts, ", ")
}

func zoomEventNote(rows []PeerRow) string {
	var parts []string
	for _, r := range rows {
		parts = append(parts, fmt.Sprintf("%.2f ms at %s", r.OursZoomEvent, counts(r.Events)))
	}
	return strings.Join(parts, ", ")
}

// WritePeerJSON writes the comparison to path.
func WritePeerJSON(path string, rep PeerReport) error {
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("encode peer results: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
