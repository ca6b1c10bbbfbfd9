package bench

import (
	"bytes"
	"strings"
	"testing"
)

func TestPeerTable(t *testing.T) {
	rep := PeerReport{Tool: "TimelineJS 3.9.11", Browser: "Chromium 1", Driver: "playwright-core 1", Load: "1.0 1.0 1.0",
		Rows: []PeerRow{
			{Events: 100, OursFirstMS: 800, TheirsFirstMS: 400, FirstRatio: 0.5, OursZoomP95: 100, OursZoomMed: 50, TheirsZoomP95: 150, TheirsZoomMed: 80, ZoomRatio: 1.5},
			{Events: 10000, OursFirstMS: 1000, TheirsFirstMS: 26000, FirstRatio: 26, OursZoomP95: 100, TheirsZoomP95: 9000, ZoomRatio: 90},
			{Events: 1000, OursFirstMS: 900, Error: "timed out"},
		}}
	var b bytes.Buffer
	PeerTable(&b, rep)
	out := b.String()
	for _, want := range []string{
		"| 100 | 800 ms | 400 ms | 0.5× | 100 ms (50 ms) | 150 ms (80 ms) | 1.5× |",
		"| 10,000 | 1000 ms | 26000 ms | 26× |",
		"| 1,000 | 900 ms | - | - |",
		"TimelineJS with 1,000 events: timed out",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}
