package bench

import (
	"strings"
	"testing"
)

func TestStatsOfPicksKinds(t *testing.T) {
	var fs []uiFrame
	for i := 1; i <= 20; i++ {
		fs = append(fs, uiFrame{Kind: "pan", NS: int64(i) * 1e6, EventNS: 1e5, CPUNS: int64(i) * 1e6, Objects: 10, Mallocs: 5, Bytes: 2e6, Changed: i%2 == 0})
		fs = append(fs, uiFrame{Kind: "zoom", NS: 100e6, Objects: 99})
	}
	s := statsOf(fs, "pan")
	if s.n != 20 || s.median != 11 || s.p95 != 19 || s.objects != 10 || s.mb != 2 || s.changed != 10 {
		t.Fatalf("pan stats %+v", s)
	}
	if all := statsOf(fs); all.n != 40 || all.p95 != 100 {
		t.Fatalf("all stats %+v", all)
	}
	if s := statsOf(fs, "scroll"); s.n != 0 {
		t.Fatalf("no scroll frames, got %+v", s)
	}
	if n := kindNote(uiReport{Frames: fs}, "pan"); !strings.HasPrefix(n, "pan 11.0/19.0 ms") {
		t.Fatalf("note %q", n)
	}
}

// TestRenderMetricsListed keeps the rendered-frame metrics, the renamed
// marks metrics and issue 16's import and GL metrics in the table.
func TestRenderMetricsListed(t *testing.T) {
	names := map[string]bool{}
	for _, m := range All() {
		names[m.Name] = m.Run != nil
	}
	for _, n := range []string{"timeline_marks_ms_1m", "timeline_marks_zoomed_ms_1m", "timeline_render_ms_p95_1m", "map_pan_render_ms_p95_1m",
		"timeline_gl_frame_ms_p95_1m", "import_art_s_real", "import_art_s_sample",
		"import_app_art_s_20k", "import_frame_worst_x_20k", "import_progress_gap_ms_20k", "import_cancel_ms"} {
		if !names[n] {
			t.Errorf("%s missing or not built", n)
		}
	}
}
