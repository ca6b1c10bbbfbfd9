package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/ui/mapview"
)

// MapPanel is what the main window needs from the map: markers for places,
// a selected place, the selected event's place kept in view, hover linking
// and taps on markers.
type MapPanel interface {
	// Object is the panel's canvas object.
	Object() fyne.CanvasObject
	// SetPlaces replaces the markers.
	SetPlaces(places []store.PlaceCount)
	// SetSelectedPlace marks a place as selected (0 clears) and pans to it.
	SetSelectedPlace(id int64)
	// SetHoveredPlace outlines a place hovered elsewhere (0 clears).
	SetHoveredPlace(id int64)
	// SetOnPlaceTapped sets the handler of a tap on a marker.
	SetOnPlaceTapped(func(p model.Place))
	// SetOnPlaceHovered sets the handler of the pointer over a marker (nil when it leaves).
	SetOnPlaceHovered(func(p *model.Place))
	// SetOnAreaSelected sets the handler of a rectangle the user drags
	// on the map (lon/lat) after pressing its area button.
	SetOnAreaSelected(func(b orb.Bound))
}

// mapPanel is the MapPanel over the map widget: one marker per place with
// events, coloured by the kind most of its events have; countries and
// regions are drawn as areas.
type mapPanel struct {
	m   *mapview.Map
	obj fyne.CanvasObject
	// pcs are the places shown and at finds one by id: an index into pcs
	// rather than a copy of each place, which counts on a big store.
	pcs     []store.PlaceCount
	at      map[int64]int
	onTap   func(model.Place)
	onHover func(*model.Place)
	// area lies over the map while the user drags out an area.
	area    *areaSelect
	areaBtn *widget.Button
	onArea  func(orb.Bound)
}

// NewMapPanel returns the map panel. It holds no store: the window hands it
// the places it read, whose counts carry the marker colours.
func NewMapPanel() MapPanel {
	p := &mapPanel{m: mapview.New()}
	p.m.OnPlaceTapped = func(id int64) {
		if pl, ok := p.place(id); ok && p.onTap != nil {
			p.onTap(pl)
		}
	}
	p.m.OnPlaceHovered = func(id int64) {
		if p.onHover == nil {
			return
		}
		if pl, ok := p.place(id); ok {
			p.onHover(&pl)
			return
		}
		p.onHover(nil)
	}
	fit := widget.NewButtonWithIcon("", theme.ViewFullScreenIcon(), p.m.FitMarkers)
	zin := widget.NewButtonWithIcon("", theme.ZoomInIcon(), p.m.ZoomIn)
	zout := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), p.m.ZoomOut)
	p.area = newAreaSelect()
	p.area.Hide()
	p.area.OnSelected = func(from, to fyne.Position) {
		p.SetAreaMode(false)
		if p.onArea != nil && from.X != to.X && from.Y != to.Y {
			p.onArea(boundOf(p.m.View(), from, to))
		}
	}
	p.area.OnCancel = func() { p.SetAreaMode(false) }
	p.areaBtn = widget.NewButtonWithIcon("", areaIcon, func() { p.SetAreaMode(p.area.Hidden) })
	controls := container.NewVBox(container.NewHBox(layout.NewSpacer(), container.NewVBox(zin, zout, fit, p.areaBtn)), layout.NewSpacer())
	p.obj = container.NewStack(p.m, p.area, container.NewPadded(controls))
	return p
}

// SetAreaMode puts the area overlay over the map (on) or takes it away:
// while it is there a drag draws a rectangle instead of panning.
func (p *mapPanel) SetAreaMode(on bool) {
	if on {
		p.area.Show()
		p.areaBtn.Importance = widget.HighImportance
	} else {
		p.area.Hide()
		p.areaBtn.Importance = widget.MediumImportance
	}
	p.areaBtn.Refresh()
}

// SetOnAreaSelected implements MapPanel.
func (p *mapPanel) SetOnAreaSelected(f func(orb.Bound)) { p.onArea = f }

// Object implements MapPanel.
func (p *mapPanel) Object() fyne.CanvasObject { return p.obj }

// SetPlaces implements MapPanel.
func (p *mapPanel) SetPlaces(pcs []store.PlaceCount) {
	p.pcs = pcs
	p.at = make(map[int64]int, len(pcs))
	ms := make([]mapview.Marker, 0, len(pcs))
	for i, pc := range pcs {
		p.at[pc.Place.ID] = i
		kind := pc.Kind
		if kind == "" {
			kind = model.KindOther
		}
		ms = append(ms, mapview.Marker{PlaceID: pc.Place.ID, Name: pc.Place.Name, Lat: pc.Place.Lat, Lon: pc.Place.Lon,
			Count: pc.Count, Kind: kind, First: pc.First, Last: pc.Last,
			Extent: mapview.ExtentOf(pc.Place), Country: pc.Place.Country})
	}
	p.m.SetMarkers(ms)
}

// SetSelectedPlace implements MapPanel.
func (p *mapPanel) SetSelectedPlace(id int64) {
	if id == 0 {
		p.m.SetSelected(nil)
		return
	}
	p.m.SetSelected([]int64{id})
	if pl, ok := p.place(id); ok {
		p.m.PanTo(pl.Lat, pl.Lon)
	}
}

// place returns a shown place by id.
func (p *mapPanel) place(id int64) (model.Place, bool) {
	i, ok := p.at[id]
	if !ok {
		return model.Place{}, false
	}
	return p.pcs[i].Place, true
}

// SetHoveredPlace implements MapPanel.
func (p *mapPanel) SetHoveredPlace(id int64) {
	if id == 0 {
		p.m.SetHighlighted(nil)
		return
	}
	p.m.SetHighlighted([]int64{id})
}

// SetOnPlaceTapped implements MapPanel.
func (p *mapPanel) SetOnPlaceTapped(f func(model.Place)) { p.onTap = f }

// SetOnPlaceHovered implements MapPanel: f gets the place under the
// pointer, and nil when the pointer leaves it.
func (p *mapPanel) SetOnPlaceHovered(f func(*model.Place)) { p.onHover = f }
