package geo

import "testing"

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
