package main

import (
	"encoding/json"
	"testing"

	"github.com/paulmach/orb"
)

func TestLabelPoint(t *testing.T) {
	square := orb.MultiPolygon{{{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}}}
	// A "C" open to the east: its area centroid falls in the gap.
	c := orb.MultiPolygon{{{{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 3}, {4, 3}, {4, 4}, {0, 4}, {0, 0}}}}
	tests := []struct {
		name     string
		outline  orb.MultiPolygon
		lat, lon float64
		moved    bool
		wantLat  float64
		wantLon  float64
	}{
		{"a label inside its outline stays", square, 1, 1, false, 0, 0},
		{"a label outside moves to the area centroid", square, 2, 9, true, 2, 2},
		{"a centroid outside the outline leaves the label alone", c, 2, 9, false, 0, 0},
		{"no outline, no move", nil, 2, 9, false, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lat, lon, ok := labelPoint(tc.outline, tc.lat, tc.lon)
			if ok != tc.moved {
				t.Fatalf("moved = %v, want %v", ok, tc.moved)
			}
			if ok && (lat != tc.wantLat || lon != tc.wantLon) {
				t.Errorf("point (%g, %g), want (%g, %g)", lat, lon, tc.wantLat, tc.wantLon)
			}
		})
	}
}

func TestOutlineOf(t *testing.T) {
	tests := []struct {
		typ, coords string
		polygons    int
		wantErr     bool
	}{
		{"Polygon", `[[[0,0],[1,0],[1,1],[0,0]]]`, 1, false},
		{"MultiPolygon", `[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]`, 2, false},
		{"Point", `[0,0]`, 0, false},
		{"Polygon", `[[0,0]]`, 0, true},
	}
	for _, tc := range tests {
		mp, err := outlineOf(tc.typ, json.RawMessage(tc.coords))
		if (err != nil) != tc.wantErr {
			t.Fatalf("%s %s: error %v, want error %v", tc.typ, tc.coords, err, tc.wantErr)
		}
		if len(mp) != tc.polygons {
			t.Errorf("%s %s: %d polygons, want %d", tc.typ, tc.coords, len(mp), tc.polygons)
		}
	}
}
