package geo

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"testing"
)

// frameOverlay is a regional overlay with discs that overlap each other
// (so that redrawing one touches its neighbours), one at the frame's edge,
// a tinted country, a region ring and context cities.
func frameOverlay(t *testing.T, v View) Overlay {
	t.Helper()
	cities, err := MajorCities()
	if err != nil {
		t.Fatalf("MajorCities: %v", err)
	}
	o := Overlay{CountryLabels: true, Cities: cities.ContextCities(v, 45)}
	fills := []color.RGBA{{0xd6, 0x27, 0x28, 0xff}, {0x1f, 0x77, 0xb4, 0xff}, {0xf5, 0xd0, 0x40, 0xff}}
	add := func(lat, lon float64, n int, name string) {
		o.Markers = append(o.Markers, Marker{Lat: lat, Lon: lon, Radius: MarkerRadius(n), Fill: fills[len(o.Markers)%3],
			Text: fmt.Sprint(n), Name: name})
	}
	add(33.51, 36.29, 40, "Damascus")
	add(33.89, 35.50, 12, "Beirut") // overlaps Damascus's halo at regional zooms
	add(33.70, 35.90, 3, "Zahle")
	add(31.95, 35.95, 7, "Amman")
	add(36.20, 37.16, 25, "Aleppo")
	lat, lon := v.Unproject(4, v.Height/2) // half off the left edge
	add(lat, lon, 9, "Edge")
	o.Areas = []Area{
		{Code: "SY", Lat: 35, Lon: 38, Radius: MarkerRadius(5), Fill: fills[1], Text: "5", Name: "Syria"},
		{Lat: 45.3, Lon: 34.4, Radius: MarkerRadius(2), Fill: fills[2], Text: "2", Name: "Crimea"},
	}
	return o
}

// TestOverlayFrameRedrawsLikeFull checks that a frame updated for new
// selections and highlights has the very pixels of the overlay drawn
// afresh, and that other changes are redrawn in full.
func TestOverlayFrameRedrawsLikeFull(t *testing.T) {
	for _, scale := range []float64{1, 2} {
		v := NewView(33.5, 36.5, 6, 900, 560)
		v.Scale = scale
		base, err := Render(v, LightStyle)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		o := frameOverlay(t, v)
		steps := []struct {
			name   string
			change func(o *Overlay)
		}{
			{"as drawn", func(o *Overlay) {}},
			{"select the small disc on the large one", func(o *Overlay) { o.Markers[2].Selected = true }},
			{"highlight two neighbours", func(o *Overlay) { o.Markers[0].Highlighted, o.Markers[1].Highlighted = true, true }},
			{"select the disc at the edge", func(o *Overlay) { o.Markers[2].Selected, o.Markers[5].Selected = false, true }},
			{"clear all", func(o *Overlay) {
				for i := range o.Markers {
					o.Markers[i].Selected, o.Markers[i].Highlighted = false, false
				}
			}},
			{"a count changes: full redraw", func(o *Overlay) { o.Markers[3].Text, o.Markers[3].Radius = "8", MarkerRadius(8) }},
			{"an area is highlighted: full redraw", func(o *Overlay) { o.Areas[0].Highlighted = true }},
			{"select after a full redraw", func(o *Overlay) { o.Markers[4].Selected = true }},
		}
		var f OverlayFrame
		for _, st := range steps {
			t.Run(fmt.Sprintf("scale %v: %s", scale, st.name), func(t *testing.T) {
				before := image.NewRGBA(base.Bounds())
				if f.img != nil {
					copy(before.Pix, f.img.Pix)
				}
				st.change(&o)
				got, labels, err := f.Draw(base, v, LightStyle, o)
				if err != nil {
					t.Fatalf("Draw: %v", err)
				}
				want := image.NewRGBA(base.Bounds())
				draw.Draw(want, want.Bounds(), base, image.Point{}, draw.Src)
				wantLabels, err := DrawOverlay(want, v, LightStyle, o)
				if err != nil {
					t.Fatalf("DrawOverlay: %v", err)
				}
				if len(labels) != len(wantLabels) {
					t.Errorf("%d labels, want %d", len(labels), len(wantLabels))
				}
				if !bytes.Equal(got.Pix, want.Pix) {
					n := 0
					for i := range got.Pix {
						if got.Pix[i] != want.Pix[i] {
							n++
						}
					}
					t.Fatalf("frame differs from a full redraw in %d bytes", n)
				}
				if st.name != "as drawn" && bytes.Equal(before.Pix, got.Pix) {
					t.Errorf("the change left the frame as it was")
				}
			})
		}
	}
}
