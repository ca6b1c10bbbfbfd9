package geo

import (
	"math"
	"testing"
)

func TestCompassPoint(t *testing.T) {
	tests := []struct {
		code, word       string
		wantLat, wantLon float64 // a point the answer must lie near
		within           float64 // km
	}{
		{"VN", "northern", 21.0, 105.8, 250},    // the Red River delta, not Ho Chi Minh City
		{"FR", "southern", 43.7, 3.5, 250},      // Languedoc / Provence, not Paris
		{"JP", "north-eastern", 39.0, 141, 350}, // Tōhoku
		{"UA", "eastern", 48.5, 37.5, 300},      // the Donbas side
		{"US", "Central", 39, -97, 600},         // Kansas, not an island
		{"PH", "eastern", 11.5, 125.2, 250},     // Samar and Leyte, across the islands, not Luzon's east coast
		{"ID", "eastern", -4, 136, 900},         // Papua and the Moluccas, not eastern Borneo
		{"PH", "central", 10.5, 123.5, 250},     // the Visayas
	}
	for _, tc := range tests {
		dir := CompassDirection(tc.word)
		lat, lon, ok := CompassPoint(tc.code, dir)
		if !ok {
			t.Errorf("%s %s: no point", tc.word, tc.code)
			continue
		}
		if d := DistanceKm(lat, lon, tc.wantLat, tc.wantLon); d > tc.within {
			t.Errorf("%s %s = %.2f,%.2f, %.0f km from %.1f,%.1f (want ≤ %.0f)", tc.word, tc.code, lat, lon, d, tc.wantLat, tc.wantLon, tc.within)
		}
		if !CountryContains(tc.code, lat, lon) {
			t.Errorf("%s %s = %.2f,%.2f is outside the country", tc.word, tc.code, lat, lon)
		}
	}
	if CompassDirection("upper") != "" || CompassDirection("Northern") != "north" {
		t.Error("CompassDirection folds the wrong words")
	}
}

// TestOffset checks the point a distance and a compass word give, against
// distances and bearings worked out by hand.
func TestOffset(t *testing.T) {
	tests := []struct {
		name             string
		dir              string
		km               float64
		wantLat, wantLon float64
		ok               bool
	}{
		{"north along a meridian", "north", 111.2, 1, 0, true},
		{"east along the equator", "east", 111.2, 0, 1, true},
		{"south-west", "southwest", 157.3, -1, -1, true},
		{"central is no way", "central", 50, 0, 0, false},
		{"no distance", "north", 0, 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lat, lon, ok := Offset(0, 0, tc.dir, tc.km)
			if ok != tc.ok {
				t.Fatalf("ok %v, want %v", ok, tc.ok)
			}
			if ok && (math.Abs(lat-tc.wantLat) > 0.02 || math.Abs(lon-tc.wantLon) > 0.02) {
				t.Errorf("got %.3f,%.3f, want %.3f,%.3f", lat, lon, tc.wantLat, tc.wantLon)
			}
		})
	}
}
