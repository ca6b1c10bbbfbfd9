package main

import (
	"fmt"
	"image/png"
	"math"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/ui/mapview"
)

// renderStore draws the places of the store at path onto a 1280×800 map
// and writes it to out as PNG, with the discs and labels counted on stderr.
func renderStore(path, out, view, at, variantName string) error {
	if out == "" {
		return fmt.Errorf("-db needs -png")
	}
	st, err := store.OpenReadOnly(path)
	if err != nil {
		return err
	}
	defer st.Close()
	pcs, err := st.PlacesIn(orb.Bound{}, store.Filter{})
	if err != nil {
		return err
	}
	if len(pcs) == 0 {
		return fmt.Errorf("%s has no places with events", path)
	}
	a := test.NewApp()
	v := theme.VariantLight
	if variantName == "dark" {
		v = theme.VariantDark
	}
	a.Settings().SetTheme(&variant{theme.DefaultTheme(), v})
	m := mapview.New()
	ms := make([]mapview.Marker, 0, len(pcs))
	busiest := pcs[0]
	for _, pc := range pcs {
		kind := pc.Kind
		if kind == "" {
			kind = model.KindOther
		}
		ext := mapview.ExtentOf(pc.Place)
		ms = append(ms, mapview.Marker{PlaceID: pc.Place.ID, Name: pc.Place.Name, Lat: pc.Place.Lat, Lon: pc.Place.Lon,
			Count: pc.Count, Kind: kind, First: pc.First, Last: pc.Last, Extent: ext, Country: pc.Place.Country})
		if ext == mapview.Point && (mapview.ExtentOf(busiest.Place) != mapview.Point || pc.Count > busiest.Count) {
			busiest = pc
		}
	}
	w := test.NewWindow(m)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	m.SetMarkers(ms)
	lat, lon := busiest.Place.Lat, busiest.Place.Lon
	if at != "" {
		la, lo, ok := strings.Cut(at, ",")
		if lat, err = strconv.ParseFloat(strings.TrimSpace(la), 64); ok && err == nil {
			lon, err = strconv.ParseFloat(strings.TrimSpace(lo), 64)
		}
		if !ok || err != nil {
			return fmt.Errorf("-at %q: want lat,lon", at)
		}
	}
	size := m.Size()
	width, height := float64(size.Width), float64(size.Height)
	switch view {
	case "world":
		m.SetView(geo.NewView(20, 10, math.Log2(width/geo.TileSize), width, height))
	case "continent":
		m.SetView(geo.NewView(lat, lon, 4, width, height))
	case "city":
		m.SetView(geo.NewView(lat, lon, 8, width, height))
	default:
		return fmt.Errorf("-view %q: want world, continent or city", view)
	}
	img := w.Canvas().Capture()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	discs := m.Discs()
	overlaps := 0
	for i, a := range discs {
		for _, b := range discs[i+1:] {
			if math.Hypot(a.X-b.X, a.Y-b.Y) < a.R+b.R {
				overlaps++
			}
		}
	}
	fmt.Fprintf(os.Stderr, "%s: %d places, %s view at zoom %.2f: %d discs (%d overlapping), %d labels\n",
		out, len(pcs), view, m.View().Zoom, len(discs), overlaps, len(m.Labels()))
	return nil
}
