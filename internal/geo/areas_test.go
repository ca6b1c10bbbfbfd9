package geo

import (
	"image/color"
	"math"
	"testing"
)

func TestDrawOverlayAreas(t *testing.T) {
	v := NewView(38, 30, 4, 700, 450)
	green := color.RGBA{0x11, 0x99, 0x77, 0xff}
	orange := color.RGBA{0xdd, 0x66, 0x11, 0xff}
	o := Overlay{
		CountryLabels: true,
		Markers:       []Marker{{Lat: 34.561, Lon: 38.281, Radius: MarkerRadius(3), Fill: orange, Text: "3", Name: "Palmyra"}},
		Areas: []Area{
			{Code: "SY", Lat: 35, Lon: 38, Fill: green, Text: "4", Name: "Syria"},
			{Lat: 45.3, Lon: 34.4, Radius: MarkerRadius(1), Fill: orange, Name: "Crimea"},
		},
	}
	base, err := Render(v, LightStyle)
	if err != nil {
		t.Fatal(err)
	}
	img, err := Render(v, LightStyle)
	if err != nil {
		t.Fatal(err)
	}
	labels, err := DrawOverlay(img, v, LightStyle, o)
	if err != nil {
		t.Fatal(err)
	}
	// Inside Syria, away from Palmyra and the labels: land tinted green.
	x, y := v.Project(36.3, 40.6)
	before, after := base.RGBAAt(int(x), int(y)), img.RGBAAt(int(x), int(y))
	if before != LightStyle.Land || !(after.G > after.R && after.R < before.R) {
		t.Errorf("north-east Syria: %v before, %v after; want land tinted green", before, after)
	}
	// Outside Syria the land is untouched.
	x, y = v.Project(38.5, 33.0) // central Turkey
	if got := img.RGBAAt(int(x), int(y)); got != base.RGBAAt(int(x), int(y)) {
		t.Errorf("central Turkey changed to %v", got)
	}
	names := map[string]Label{}
	for _, l := range labels {
		names[l.Text] = l
	}
	if l, ok := names["Syria"]; !ok || l.Kind != LabelArea || l.Badge != "4" {
		t.Errorf("Syria's label %+v (found %v), want an area label with badge 4", l, ok)
	}
	if _, ok := names["SYRIA"]; ok {
		t.Error("the plain country label SYRIA is drawn beside the area's own")
	}
	for _, n := range []string{"Palmyra", "Crimea"} {
		if _, ok := names[n]; !ok {
			t.Errorf("%s is not labelled", n)
		}
	}
	// Crimea's dashed ring shows its kind's colour on its circle.
	cx, cy := v.Project(45.3, 34.4)
	r := MarkerRadius(1) - 1.2
	hits := 0
	for k := 0; k < 32; k++ {
		a := 2 * math.Pi * float64(k) / 32
		c := img.RGBAAt(int(cx+r*math.Cos(a)), int(cy+r*math.Sin(a)))
		if c.R > 0xb0 && c.G < 0x90 {
			hits++
		}
	}
	if hits < 8 || hits > 28 {
		t.Errorf("%d of 32 points on Crimea's ring are orange, want a dashed ring (some, not all)", hits)
	}
}
