package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/geo"
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
	// PrepareMarkers starts building the markers of places off the UI
	// goroutine, for a SetPlaces of the same slice soon after, so that a
	// big set's index is built while the rest of a frame is read. An
	// index kept from an earlier run is read before it returns: not on
	// the UI goroutine.
	PrepareMarkers(places []store.PlaceCount)
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
	// WaitMarkers blocks until the markers last set are shown: with many
	// places their cluster index is built on a goroutine. Not on the UI
	// goroutine while the app runs, which shows them.
	WaitMarkers()
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
	// hint says that the markers' index is being built.
	hint   *widget.Label
	onArea func(orb.Bound)
	// buttons are the zoom, fit and area buttons at the map's top right.
	buttons *fyne.Container

	// gen counts SetPlaces calls, so that only the newest markers are
	// shown when their index was built off the UI goroutine; idle, while
	// such a build runs, is closed once the newest markers are shown.
	// idleMu guards both: a test driver runs fyne.Do on the build's
	// goroutine.
	gen    int
	idleMu sync.Mutex
	idle   chan struct{}
	// beforeSwap, when set, runs on the build's goroutine before the new
	// markers are handed to the UI goroutine. Only tests set it, to look
	// at the map while a build runs.
	beforeSwap func()
	// asyncFrom is asyncMarkers; tests lower it to build any index on a
	// goroutine.
	asyncFrom int
	// early is the build PrepareMarkers started, until a SetPlaces takes
	// it; guarded by idleMu.
	early *earlyMarkers
	// cacheDir keeps a big cluster index between runs; "" keeps none.
	// Only the first big set of markers uses it (takeCacheDir): a start
	// asks for the same set as the last start did, while the sets of
	// filters would only write files and push the start's out.
	cacheDir string
}

// earlyMarkers is a build of markers started before SetPlaces.
type earlyMarkers struct {
	pcs  []store.PlaceCount
	done chan struct{} // closed when prep is set
	prep *mapview.Prepared
}

// PrepareMarkers implements MapPanel.
func (p *mapPanel) PrepareMarkers(pcs []store.PlaceCount) {
	if len(pcs) < p.asyncFrom {
		return // SetPlaces builds them at once
	}
	e := &earlyMarkers{pcs: pcs, done: make(chan struct{})}
	ms := markersOf(pcs)
	dir := p.takeCacheDir()
	// An index kept from an earlier run is read before returning, so that
	// the frame being read brings its markers along, drawn in the same
	// paint; only a build runs on.
	if prep, ok := mapview.ReadPrepared(ms, dir); ok {
		e.prep = prep
		close(e.done)
	} else {
		go func() {
			e.prep = mapview.PrepareCached(ms, dir)
			close(e.done)
		}()
	}
	p.idleMu.Lock()
	p.early = e
	p.idleMu.Unlock()
}

// takeCacheDir returns the folder for a kept cluster index the first time,
// and "" after; any goroutine.
func (p *mapPanel) takeCacheDir() string {
	p.idleMu.Lock()
	defer p.idleMu.Unlock()
	dir := p.cacheDir
	p.cacheDir = ""
	return dir
}

// markersOf is the map's markers of places, coloured by their main kind.
func markersOf(pcs []store.PlaceCount) []mapview.Marker {
	ms := make([]mapview.Marker, 0, len(pcs))
	for _, pc := range pcs {
		kind := pc.Kind
		if kind == "" {
			kind = model.KindOther
		}
		ms = append(ms, mapview.Marker{PlaceID: pc.Place.ID, Name: pc.Place.Name, Lat: pc.Place.Lat, Lon: pc.Place.Lon,
			Count: pc.Count, Kind: kind, First: pc.First, Last: pc.Last,
			Extent: mapview.ExtentOf(pc.Place), Country: pc.Place.Country})
	}
	return ms
}

// asyncMarkers is the number of markers from which their cluster index is
// built off the UI goroutine: below it the build takes a few milliseconds,
// less than a frame, and the new markers show at once.
const asyncMarkers = 2000

// NewMapPanel returns the map panel. It holds no store: the window hands it
// the places it read, whose counts carry the marker colours.
func NewMapPanel() MapPanel {
	p := &mapPanel{m: mapview.New(), asyncFrom: asyncMarkers}
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
	p.buttons = container.NewVBox(zin, zout, fit, p.areaBtn)
	// Said while a big set of markers gets its index, which may take a
	// few seconds on a busy machine, so that an empty map is not taken
	// for a store without places.
	p.hint = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	p.hint.Hide()
	p.obj = container.New(&mapPanelLayout{p: p}, p.m, p.area, p.buttons, p.hint)
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

// SetPlaces implements MapPanel. The markers' cluster index is built off
// the UI goroutine when there are many: the map keeps drawing the old
// discs meanwhile and shows the new ones when their index is in.
func (p *mapPanel) SetPlaces(pcs []store.PlaceCount) {
	p.pcs = pcs
	p.at = make(map[int64]int, len(pcs))
	for i, pc := range pcs {
		p.at[pc.Place.ID] = i
	}
	p.idleMu.Lock()
	p.gen++
	gen, hook, early := p.gen, p.beforeSwap, p.early
	p.early = nil
	p.idleMu.Unlock()
	if len(pcs) < p.asyncFrom {
		p.m.SetMarkers(markersOf(pcs))
		p.settle()
		return
	}
	// The same slice as the build PrepareMarkers started: the frame's read
	// hands its places to both.
	if early != nil && (len(early.pcs) != len(pcs) || &early.pcs[0] != &pcs[0]) {
		early = nil
	}
	// Built already (a start whose index was read from the cache): shown
	// with the frame that brought the places, not after another paint.
	if early != nil && hook == nil {
		select {
		case <-early.done:
			p.m.SetPrepared(early.prep)
			p.hint.Hide()
			p.settle()
			return
		default:
		}
	}
	p.idleMu.Lock()
	if p.idle == nil {
		p.idle = make(chan struct{})
	}
	p.idleMu.Unlock()
	p.hint.SetText(counts.Sprintf("Placing %d places on the map…", len(pcs)))
	p.hint.Show()
	go func() {
		var prep *mapview.Prepared
		if early != nil {
			<-early.done
			prep = early.prep
		} else {
			prep = mapview.PrepareCached(markersOf(pcs), p.takeCacheDir())
		}
		if hook != nil {
			hook()
		}
		fyne.Do(func() {
			p.idleMu.Lock()
			newest := gen == p.gen
			p.idleMu.Unlock()
			if !newest {
				return // newer markers came meanwhile; they settle
			}
			p.m.SetPrepared(prep)
			p.hint.Hide()
			p.settle()
		})
	}()
}

// settle reports that the newest markers are shown.
func (p *mapPanel) settle() {
	p.idleMu.Lock()
	if p.idle != nil {
		close(p.idle)
		p.idle = nil
	}
	p.idleMu.Unlock()
}

// WaitMarkers implements MapPanel.
func (p *mapPanel) WaitMarkers() {
	p.idleMu.Lock()
	idle := p.idle
	p.idleMu.Unlock()
	if idle != nil {
		<-idle
	}
}

// mapPanelLayout lays the map and the area overlay over the whole panel
// and the buttons at its top right, and tells the map where the buttons
// are, so that no label goes under them.
type mapPanelLayout struct{ p *mapPanel }

func (l *mapPanelLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	p := l.p
	p.m.Resize(s)
	p.m.Move(fyne.NewPos(0, 0))
	p.area.Resize(s)
	p.area.Move(fyne.NewPos(0, 0))
	pad := theme.Padding()
	bs := p.buttons.MinSize()
	pos := fyne.NewPos(s.Width-pad-bs.Width, pad)
	p.buttons.Resize(bs)
	p.buttons.Move(pos)
	// A label's halo reaches a few pixels beyond its box.
	const halo = 4
	p.m.SetReserved([]geo.Rect{{X0: float64(pos.X - halo), Y0: float64(pos.Y - halo),
		X1: float64(pos.X + bs.Width + halo), Y1: float64(pos.Y + bs.Height + halo)}})
	hs := p.hint.MinSize()
	p.hint.Resize(hs)
	p.hint.Move(fyne.NewPos(pad, s.Height-pad-hs.Height))
}

func (l *mapPanelLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	ms := l.p.m.MinSize()
	bs := l.p.buttons.MinSize()
	pad := theme.Padding()
	return ms.Max(fyne.NewSize(bs.Width+2*pad, bs.Height+2*pad))
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
