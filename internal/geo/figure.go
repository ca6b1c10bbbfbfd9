package geo

import (
	"fmt"
	"image"
	"image/color"
	"strconv"

	"golang.org/x/image/vector"
)

// Overlay is what is drawn over a basemap: country names, context cities,
// event markers and their names.
type Overlay struct {
	Markers       []Marker
	Cities        []Candidate // context cities, most important first (see Gazetteer.ContextCities)
	CountryLabels bool
}

// Label sizes in logical pixels, chosen to read well at 100% and print.
const (
	CountryLabelSize = 10.5
	CityLabelSize    = 11.5
	MarkerLabelSize  = 12.5
)

// DrawOverlay draws o onto img, a basemap rendering of v, and returns the
// labels it placed. Labels never overlap each other or a marker; those that
// do not fit are left out, marker names first in, country names next, then
// context cities by size.
func DrawOverlay(img *image.RGBA, v View, s Style, o Overlay) ([]Label, error) {
	var cands []LabelCandidate
	var obstacles []Rect
	for i, m := range o.Markers {
		obstacles = append(obstacles, m.Box(v))
		if m.Name != "" {
			cands = append(cands, LabelCandidate{Text: m.Name, Lat: m.Lat, Lon: m.Lon, Kind: LabelCity,
				Priority: 1e15 + m.Radius, Size: MarkerLabelSize, Typeface: Bold, Offset: m.Radius + 1, ID: i})
		}
	}
	if o.CountryLabels {
		cl, err := CountryLabelCandidates(v, CountryLabelSize)
		if err != nil {
			return nil, err
		}
		for _, c := range cl {
			c.Priority += 1e12
			cands = append(cands, c)
		}
	}
	for i, c := range o.Cities {
		cands = append(cands, LabelCandidate{Text: c.Name, Lat: c.Lat, Lon: c.Lon, Kind: LabelCity,
			Priority: float64(len(o.Cities) - i), Size: CityLabelSize, Typeface: Regular, Offset: 2.5, Dot: true, ID: i})
	}
	// Context cities that sit under a marker are redundant.
	var keep []LabelCandidate
	for _, c := range cands {
		if c.Dot {
			x, y := v.Project(c.Lat, c.Lon)
			under := false
			for _, r := range obstacles {
				if x >= r.X0-4 && x <= r.X1+4 && y >= r.Y0-4 && y <= r.Y1+4 {
					under = true
					break
				}
			}
			if under {
				continue
			}
		}
		keep = append(keep, c)
	}
	labels := PlaceLabels(keep, v, obstacles)
	sc := v.scale()
	// Country names under everything else.
	for _, l := range labels {
		if l.Kind == LabelCountry {
			if err := DrawText(img, l.Text, l.Typeface, l.Size, l.Box.X0, l.Box.Y0, sc, s.CountryLabel, s.Halo); err != nil {
				return nil, err
			}
		}
	}
	var z vector.Rasterizer
	for _, l := range labels {
		if !l.Dot {
			continue
		}
		x, y := v.Project(l.Lat, l.Lon)
		fillCircle(&z, img, x*sc, y*sc, 3.2*sc, s.MarkerOutline)
		fillCircle(&z, img, x*sc, y*sc, 2.2*sc, s.CityLabel)
		if err := DrawText(img, l.Text, l.Typeface, l.Size, l.Box.X0, l.Box.Y0, sc, s.CityLabel, s.Halo); err != nil {
			return nil, err
		}
	}
	DrawMarkers(img, v, s, o.Markers)
	for _, l := range labels {
		if l.Kind == LabelCity && !l.Dot {
			if err := DrawText(img, l.Text, l.Typeface, l.Size, l.Box.X0, l.Box.Y0, sc, s.CityLabel, s.Halo); err != nil {
				return nil, err
			}
		}
	}
	return labels, nil
}

// FigureMarker is a numbered place on an exported map figure.
type FigureMarker struct {
	Lat, Lon float64
	Number   int        // shown inside the disc; the briefing's legend explains it
	Name     string     // labelled beside the disc when there is room
	Count    int        // number of events, for the disc's size
	Color    color.RGBA // the dominant kind's colour; zero for a neutral dark grey
}

// RenderFigure draws a complete map figure without Fyne, for the PDF
// export: basemap, country names, context cities, and numbered markers.
// Set v.Scale for print resolution (3 gives 216 dpi for a 72-dpi layout).
func RenderFigure(v View, s Style, ms []FigureMarker) (*image.RGBA, error) {
	img, err := Render(v, s)
	if err != nil {
		return nil, fmt.Errorf("render figure: %w", err)
	}
	o := Overlay{CountryLabels: true}
	if g, err := DefaultGazetteer(); err == nil {
		o.Cities = g.ContextCities(v, 40)
	} else {
		return nil, fmt.Errorf("render figure: %w", err)
	}
	for _, m := range ms {
		c := m.Color
		if c.A == 0 {
			c = color.RGBA{0x44, 0x44, 0x4c, 0xff}
		}
		text := ""
		if m.Number > 0 {
			text = strconv.Itoa(m.Number)
		}
		o.Markers = append(o.Markers, Marker{Lat: m.Lat, Lon: m.Lon, Radius: max(MarkerRadius(m.Count), 9),
			Fill: c, Text: text, Name: m.Name})
	}
	if _, err := DrawOverlay(img, v, s, o); err != nil {
		return nil, fmt.Errorf("render figure: %w", err)
	}
	return img, nil
}
