package bench

import (
	"compress/gzip"
	"fmt"
	"io"
	"time"
)

// The metrics and targets of issues 7, 14 and 16, in the order the table prints
// them.
var (
	SpecExtract        = Spec{"extract_mb_s", "MB/s", 2, Higher, "extraction throughput on one core"}
	SpecExtractReal    = Spec{"extract_mb_s_real", "MB/s", 1, Higher, "extraction throughput on one core, real news (dev set)"}
	SpecGazetteer      = Spec{"gazetteer_load_ms", "ms", 1500, Lower, "world gazetteer's first load (off the first window's path)"}
	SpecImport         = Spec{"import_articles_s", "art/s", 300, Higher, "articles imported per second, extraction included"}
	SpecImportDevset   = Spec{"import_art_s_real", "art/s", 200, Higher, "articles imported per second, real news (the dev set repeated to 5 MB)"}
	SpecImportSample   = Spec{"import_art_s_sample", "art/s", 200, Higher, "articles imported per second, real news (the sample corpus repeated to 1 MB)"}
	SpecImportApp      = Spec{"import_app_art_s_20k", "art/s", 300, Higher, "20,000 generated articles imported from the app's window into a new store while it paints"}
	SpecImportFrame    = Spec{"import_frame_worst_x_20k", "× idle", 2, Lower, "worst window frame during the 20k import ÷ the same window's idle frame"}
	SpecImportProgress = Spec{"import_progress_gap_ms_20k", "ms", 1000, Lower, "longest time the progress bar stood still during the 20k import"}
	SpecImportCancel   = Spec{"import_cancel_ms", "ms", 1000, Lower, "Cancel to the window showing the import stopped, whole articles kept"}
	SpecOpen           = Spec{"open_ms_1m", "ms", 300, Lower, "open the 1M store, first frame's data for timeline and map"}
	SpecTimelineFrame  = Spec{"timeline_marks_ms_1m", "ms", 8, Lower, "timeline marks for the full range, 1M events (computed, not drawn)"}
	SpecTimelineZoomed = Spec{"timeline_marks_zoomed_ms_1m", "ms", 2, Lower, "timeline marks for a one-month window, 1M events (computed, not drawn)"}
	SpecTimelineRender = Spec{"timeline_render_ms_p95_1m", "ms", 8, Lower, "timeline frame p95 from scroll, zoom step or drag to the painted image, 1M events, software painter"}
	SpecTimelineGL     = Spec{"timeline_gl_frame_ms_p95_1m", "ms", 16, Lower, "real app's timeline frames during a scripted drag, GL driver under Xvfb, 1M events"}
	SpecMapFrame       = Spec{"map_frame_ms", "ms", 30, Lower, "basemap re-render 1280×800, regional view"}
	SpecMapCached      = Spec{"map_cached_ms", "ms", 4, Lower, "map frame with the basemap cached"}
	SpecMapPanRender   = Spec{"map_pan_render_ms_p95_1m", "ms", 16, Lower, "map frame p95 from a drag to the painted image, 1M events, software painter"}
	SpecMarkers        = Spec{"markers_ms_50k", "ms", 8, Lower, "marker and cluster layout for 50k places"}
	SpecClusterBuild   = Spec{"cluster_build_ms_1m", "ms", 300, Lower, "map cluster index built over the 1M store's places (once per filter)"}
	SpecClusterQuery   = Spec{"cluster_query_ms_1m", "ms", 4, Lower, "map clusters of one view from the index, 1M store, p95 over world, continent and city views"}
	SpecSearch         = Spec{"search_ms_p95_1m", "ms", 50, Lower, "full-text search p95 over the 1M store"}
	SpecRSS            = Spec{"rss_mb_1m", "MB", 300, Lower, "app resident memory with the 1M store open"}
	SpecFirstWindow    = Spec{"first_window_ms_1m", "ms", 1500, Lower, "app start to a drawn window, 1M store, Xvfb"}
	SpecFirstSettled   = Spec{"first_settled_ms_1m", "ms", 600, Lower, "app start until the screen has settled with its data, 1M store, Xvfb"}
)

// All returns every metric. Those whose code has not landed have a nil Run
// and are reported as not built.
func All() []Metric {
	return []Metric{
		{SpecExtract, runExtract},
		{SpecExtractReal, runExtractReal},
		{SpecGazetteer, runGazetteerLoad},
		{SpecImport, runImport},
		{SpecImportDevset, runImportDevset},
		{SpecImportSample, runImportSample},
		{SpecImportApp, runImportApp},
		{SpecImportFrame, runImportFrame},
		{SpecImportProgress, runImportProgress},
		{SpecImportCancel, runImportCancel},
		{SpecOpen, runOpen},
		{SpecTimelineFrame, runTimelineFrame},
		{SpecTimelineZoomed, runTimelineZoomed},
		{SpecTimelineRender, runTimelineRender},
		{SpecTimelineGL, runTimelineGL},
		{SpecMapFrame, runMapFrame},
		{SpecMapCached, runMapCached},
		{SpecMapPanRender, runMapPanRender},
		{SpecMarkers, runMarkers},
		{SpecClusterBuild, runClusterBuild},
		{SpecClusterQuery, runClusterQuery},
		{SpecSearch, runSearch},
		{SpecRSS, runRSS},
		{SpecFirstWindow, runFirstWindow},
		{SpecFirstSettled, runFirstSettled},
	}
}

// gzipRate compresses each buffer at level 6, the throughput reference, and
// returns how long all of them took (best of three passes, so that a
// neighbour's burst on the shared machine counts as little as possible).
func gzipRate(bufs [][]byte) (time.Duration, error) { return gzipBest(bufs, 3) }

// gzipBest compresses each buffer at level 6 in each of passes passes and
// returns the fastest pass.
func gzipBest(bufs [][]byte, passes int) (time.Duration, error) {
	zw, err := gzip.NewWriterLevel(io.Discard, 6)
	if err != nil {
		return 0, fmt.Errorf("gzip reference: %w", err)
	}
	best := time.Duration(1<<63 - 1)
	for pass := 0; pass < passes; pass++ {
		t := time.Now()
		for _, b := range bufs {
			zw.Reset(io.Discard)
			if _, err := zw.Write(b); err != nil {
				return 0, fmt.Errorf("gzip reference: %w", err)
			}
			if err := zw.Close(); err != nil {
				return 0, fmt.Errorf("gzip reference: %w", err)
			}
		}
		if d := time.Since(t); d < best {
			best = d
		}
	}
	return best, nil
}
