package main

import (
	"path/filepath"
	"testing"

	"github.com/briefingatlas/atlas/internal/store"
)

// TestMeasureBothWidgets drives each widget on an empty store for a few
// steps: what the bench relies on (the panel's structure, the phases, the
// report) still holds when the widgets change.
func TestMeasureBothWidgets(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, w := range []string{"timeline", "map"} {
		t.Run(w, func(t *testing.T) {
			r, err := measure(db, w, 2, "")
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[string]int{}
			for _, f := range r.Frames {
				kinds[f.Kind]++
				if f.NS <= 0 || f.EventNS > f.NS || f.Objects < 1 || f.Bytes == 0 {
					t.Fatalf("implausible frame %+v", f)
				}
			}
			if len(r.Frames) != 6 || kinds["scroll"] != 2 || kinds["zoom"] != 2 || kinds["pan"] != 2 {
				t.Fatalf("frames by kind %v, want 2 each of scroll, zoom and pan", kinds)
			}
			if r.Blank.NS <= 0 || r.Blank.Bytes == 0 {
				t.Fatalf("blank capture not measured: %+v", r.Blank)
			}
		})
	}
}

func TestSway(t *testing.T) {
	var got []float32
	for i := 0; i < 6; i++ {
		got = append(got, sway(i, 2))
	}
	want := []float32{1, 1, -1, -1, 1, 1}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sway = %v, want %v", got, want)
		}
	}
}
