package geo

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"

	"golang.org/x/image/vector"
)

// Overlay is what is drawn over a basemap: country names, context cities,
// event markers and their names.
type Overlay struct {
	Markers       []Marker
	Areas         []Area      // countries and regions with events, drawn under the markers
	Cities        []Candidate // context cities, most important first (see CityTable.ContextCities)
	CountryLabels bool
	// Reserved are boxes in the view (logical pixels) where no label may
	// go: the buttons over an interactive map.
	Reserved []Rect
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
	labels, err := layoutOverlay(v, o)
	if err != nil {
		return nil, err
	}
	if err := drawUnder(img, v, s, o, labels); err != nil {
		return nil, err
	}
	if err := drawTop(img, img.Bounds(), v, s, o, labels); err != nil {
		return nil, err
	}
	return labels, nil
}

// layoutOverlay places the overlay's labels.
func layoutOverlay(v View, o Overlay) ([]Label, error) {
	var cands []LabelCandidate
	var obstacles []Rect
	for i, m := range o.Markers {
		obstacles = append(obstacles, m.Box(v))
		if m.Name != "" {
			cands = append(cands, LabelCandidate{Text: m.Name, Lat: m.Lat, Lon: m.Lon, Kind: LabelCity,
				Priority: 1e15 + m.Radius, Size: MarkerLabelSize, Typeface: Bold, Offset: m.Radius + 1, ID: i})
		}
	}
	// Areas: rings are obstacles like discs; a tinted country's name and
	// count take the place of its plain country label.
	tinted := map[string]int{}
	for i, a := range o.Areas {
		if a.Outlined() {
			tinted[a.Code] = i
			continue
		}
		obstacles = append(obstacles, a.Box(v))
		if a.Name != "" {
			cands = append(cands, LabelCandidate{Text: a.Name, Lat: a.Lat, Lon: a.Lon, Kind: LabelCity,
				Priority: 1e15 + a.Radius, Size: MarkerLabelSize, Typeface: Bold, Offset: a.Radius + 1, ID: -1})
		}
	}
	if o.CountryLabels || len(tinted) > 0 {
		cl, err := CountryLabelCandidates(v, CountryLabelSize)
		if err != nil {
			return nil, err
		}
		for _, c := range cl {
			if i, ok := tinted[c.Code]; ok {
				// Named where the country's label would be: the middle
				// of its part in view.
				a := o.Areas[i]
				cands = append(cands, LabelCandidate{Text: a.Name, Lat: c.Lat, Lon: c.Lon, Kind: LabelArea,
					Priority: 1e14 + c.Priority, Size: MarkerLabelSize, Typeface: Bold, Badge: a.Text, ID: i, Code: c.Code})
				delete(tinted, c.Code)
				continue
			}
			if o.CountryLabels {
				c.Priority += 1e12
				cands = append(cands, c)
			}
		}
		rest := make([]string, 0, len(tinted))
		for code := range tinted {
			rest = append(rest, code)
		}
		slices.Sort(rest) // a stable order, so that the same frame places the same labels
		for _, code := range rest {
			i := tinted[code]
			// Too little of the country in view for a label of its own:
			// name it at the place's point if that is in view.
			a := o.Areas[i]
			cands = append(cands, LabelCandidate{Text: a.Name, Lat: a.Lat, Lon: a.Lon, Kind: LabelArea,
				Priority: 1e14, Size: MarkerLabelSize, Typeface: Bold, Badge: a.Text, ID: i, Code: code})
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
	return PlaceLabels(keep, v, append(obstacles, o.Reserved...)), nil
}

// drawUnder draws the part of an overlay that lies under the markers and
// does not change with their selection or highlight: area tints, country
// names, context cities and region rings.
func drawUnder(img *image.RGBA, v View, s Style, o Overlay, labels []Label) error {
	sc := v.scale()
	drawAreaTints(img, v, s, o.Areas)
	// Country names under everything else.
	for _, l := range labels {
		if l.Kind == LabelCountry {
			if err := DrawText(img, l.Text, l.Typeface, l.Size, l.Box.X0, l.Box.Y0, sc, s.CountryLabel, s.Halo); err != nil {
				return err
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
			return err
		}
	}
	return drawAreaRings(img, v, s, o.Areas)
}

// drawTop draws the markers and the labels over them (marker and area
// names), writing only inside clip: a whole frame, or the surroundings of
// markers whose state changed. Pixels inside clip come out as a full
// redraw's would.
func drawTop(img *image.RGBA, clip image.Rectangle, v View, s Style, o Overlay, labels []Label) error {
	if err := drawMarkers(img, clip, v, s, o.Markers); err != nil {
		return err
	}
	sc := v.scale()
	sub := img.SubImage(clip).(*image.RGBA)
	for _, l := range labels {
		if l.Kind != LabelArea && (l.Kind != LabelCity || l.Dot) {
			continue
		}
		if !deviceRect(l.Box, labelPad, sc).Overlaps(clip) {
			continue
		}
		switch l.Kind {
		case LabelCity:
			if err := DrawText(sub, l.Text, l.Typeface, l.Size, l.Box.X0, l.Box.Y0, sc, s.CityLabel, s.Halo); err != nil {
				return err
			}
		case LabelArea:
			if err := drawAreaLabel(img, clip, l, sc, s, o.Areas[l.ID]); err != nil {
				return err
			}
		}
	}
	return nil
}

// labelPad is how far, in logical pixels, a label's halo and badge may
// reach beyond its box.
const labelPad = 6

// deviceRect returns r grown by pad, in device pixels at scale sc, rounded
// outwards.
func deviceRect(r Rect, pad, sc float64) image.Rectangle {
	return image.Rect(int(math.Floor((r.X0-pad)*sc))-1, int(math.Floor((r.Y0-pad)*sc))-1,
		int(math.Ceil((r.X1+pad)*sc))+1, int(math.Ceil((r.Y1+pad)*sc))+1)
}

// drawAreaLabel draws a tinted country's name and its count in a pill of
// the country's kind colour, vertically centred in the label's box.
func drawAreaLabel(img *image.RGBA, clip image.Rectangle, l Label, sc float64, s Style, a Area) error {
	_, th := TextSize(l.Text, l.Typeface, l.Size)
	bw, bh := badgeSize(l.Badge)
	midY := (l.Box.Y0 + l.Box.Y1) / 2
	sub := img.SubImage(clip).(*image.RGBA)
	if err := DrawText(sub, l.Text, l.Typeface, l.Size, l.Box.X0, midY-th/2, sc, s.CityLabel, s.Halo); err != nil {
		return err
	}
	if bw == 0 {
		return nil
	}
	x := l.Box.X1 - bw
	fillPill(img, clip, x-1, midY-bh/2-1, bw+2, bh+2, sc, s.MarkerOutline)
	fillPill(img, clip, x, midY-bh/2, bw, bh, sc, a.Fill)
	tw, tth := TextSize(l.Badge, Bold, badgeTextSize)
	return DrawText(sub, l.Badge, Bold, badgeTextSize, x+(bw-tw)/2, midY-tth/2, sc, textOn(a.Fill), color.RGBA{})
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
	t, err := MajorCities()
	if err != nil {
		return nil, fmt.Errorf("render figure: %w", err)
	}
	o.Cities = t.ContextCities(v, 40)
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
