package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
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
}

// placeList is the MapPanel used when no map widget is available: the places
// with events as a list, busiest first.
type placeList struct {
	list     *widget.List
	places   []store.PlaceCount
	selected int64
	onTap    func(model.Place)
	quiet    bool
}

// NewPlaceList returns a list-shaped MapPanel.
func NewPlaceList() MapPanel {
	p := &placeList{}
	p.list = widget.NewList(func() int { return len(p.places) },
		func() fyne.CanvasObject { return widget.NewLabel("Place name (00 events)") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			pc := p.places[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s  (%d events)", pc.Place.Name, pc.Count))
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		if p.quiet || i >= len(p.places) {
			return
		}
		if p.onTap != nil {
			p.onTap(p.places[i].Place)
		}
	}
	return p
}

func (p *placeList) Object() fyne.CanvasObject { return p.list }

func (p *placeList) SetPlaces(pcs []store.PlaceCount) {
	p.places = pcs
	p.list.Refresh()
}

func (p *placeList) SetSelectedPlace(id int64) {
	p.selected = id
	p.quiet = true
	defer func() { p.quiet = false }()
	for i, pc := range p.places {
		if pc.Place.ID == id {
			p.list.Select(i)
			return
		}
	}
	p.list.UnselectAll()
}

func (p *placeList) SetHoveredPlace(int64) {}

func (p *placeList) SetOnPlaceTapped(f func(model.Place)) { p.onTap = f }

func (p *placeList) SetOnPlaceHovered(func(*model.Place)) {}
