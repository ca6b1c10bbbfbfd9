// Package mapview is the map widget: an offline basemap with event markers,
// written like Fyne's own widgets. The basemap is drawn by internal/geo into
// a raster that is re-rendered only when the view or the size changes, at
// the screen's device scale so that it is sharp on HiDPI displays; markers
// and labels are composited over a cached copy when they change.
package mapview

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/palette"
)

// Marker is a place with events, as the map shows it.
type Marker struct {
	PlaceID     int64
	Name        string
	Lat, Lon    float64
	Count       int        // number of events at the place
	Kind        model.Kind // the dominant kind, which sets the colour
	First, Last time.Time  // date range of the events; zero when undated
	Extent      Extent     // a point, or a region or country drawn as an area
	Country     string     // ISO2 of the country whose outline a Country marker tints
}

// Extent says how much ground a marker's place covers, which decides how it
// is drawn. Areas stay out of clustering: a country's rough centre is no
// place, and as a disc it would sit on the cities inside it.
type Extent int

// The extents of places.
const (
	Point   Extent = iota // a city or site: a disc, merged with discs it overlaps
	Region                // a region the basemap has no outline for: a dashed ring
	Country               // a whole country: its outline tinted, named with a count badge
)

// ExtentOf returns how the map draws a place: countries (feature "country",
// GeoNames PCL*, or a Natural Earth "ne:" key) as tinted outlines, regions
// and first-order divisions as rings, everything else as a point.
func ExtentOf(p model.Place) Extent {
	switch {
	case p.Feature == "country" || strings.HasPrefix(p.Feature, "PCL") || strings.HasPrefix(p.Key, "ne:"):
		return Country
	case p.Feature == "region" || p.Feature == "feature" || p.Feature == "disputed" || p.Feature == "ADM1" || p.Feature == "ADM2":
		return Region
	}
	return Point
}

// Interaction constants, in logical pixels and zoom levels.
const (
	fitMarginX   = 56    // room beside the markers when fitting them, for their names
	fitMarginY   = 6     // least room above and below the largest disc when fitting (names go beside)
	clusterGap   = 2     // discs closer than their radii plus this merge into a cluster
	panMargin    = 10    // PanTo leaves a place this close to the edge where it is (less than a fit leaves)
	keyPanFrac   = 0.25  // arrow keys pan by a quarter of the view
	scrollPerDZ  = 50    // scroll delta per zoom level (a wheel notch is 25 on Linux)
	maxCityCount = 45    // context cities considered per frame
	cityAreaPx   = 16000 // logical pixels² of map per context city
)

// Map is the map widget. Create it with New; it is safe to call its methods
// from the UI goroutine only, like any Fyne widget.
type Map struct {
	widget.BaseWidget

	// OnPlaceTapped is called with the place's id when a marker or an
	// area is tapped.
	OnPlaceTapped func(placeID int64)
	// OnPlaceHovered is called with the place's id when the pointer moves
	// onto a marker or an area, and with 0 when it leaves (or moves onto a
	// cluster of several places, which no one id stands for).
	OnPlaceHovered func(placeID int64)

	mu          sync.Mutex // guards everything below; the raster reads it while painting
	markers     []Marker
	selected    map[int64]bool
	highlighted map[int64]bool
	view        geo.View
	viewSet     bool // the user or the caller chose a view; stop auto-fitting
	size        fyne.Size
	cityTable   *geo.CityTable // context cities; nil if the table failed to load
	rend        *geo.Renderer

	// index clusters the Point markers, built when the markers are set
	// and queried per view; pointIdx maps its points to markers.
	index    *geo.ClusterIndex
	pointIdx []int

	// caches
	baseKey   frameKey
	base      *image.RGBA
	frameKey  frameKey
	frame     *image.RGBA
	overlay   geo.OverlayFrame // redraws only the markers whose state changed
	overlayOK bool             // frame is base + current overlay
	clusters  []cluster
	areas     []int // indexes into markers of the areas, heaviest first
	clusterOf geo.View
	found     []geo.Cluster   // the last query's answer, reused
	cities    []geo.Candidate // context cities of citiesOf
	citiesOf  geo.View
	badges    map[int]geo.Rect // area marker index → its name and badge as last drawn
	reserved  []geo.Rect       // boxes under buttons, where no label goes
	labels    []geo.Label      // the labels last drawn, for tests of the layout

	hover      target // what is under the mouse
	hoverPos   fyne.Position
	hoverPlace int64 // the place last reported through OnPlaceHovered
}

// target is what the pointer is over: a drawn cluster or an area, or
// neither.
type target struct {
	cluster int // index into clusters, -1 if none
	area    int // index into markers of an area, -1 if none
}

var noTarget = target{-1, -1}

func (t target) none() bool { return t.cluster < 0 && t.area < 0 }

// The interactions the map supports, checked at compile time.
var (
	_ fyne.Widget         = (*Map)(nil)
	_ fyne.Draggable      = (*Map)(nil)
	_ fyne.Scrollable     = (*Map)(nil)
	_ fyne.Tappable       = (*Map)(nil)
	_ fyne.DoubleTappable = (*Map)(nil)
	_ fyne.Focusable      = (*Map)(nil)
	_ desktop.Hoverable   = (*Map)(nil)
	_ desktop.Cursorable  = (*Map)(nil)
)

// frameKey identifies a rendered image: same key, same pixels.
type frameKey struct {
	view geo.View
	dark bool
}

// cluster is a marker as drawn: one place, or several merged.
type cluster struct {
	x, y, r float64 // logical pixels
	members []int   // indexes into markers, the disc's own place first
	count   int
	bound   orb.Bound // the members' extent
	split   float64   // the zoom at which the cluster splits; +Inf if never
}

// clusterMargin is how far beyond the view, in logical pixels, a disc may
// sit and still be drawn: its edge shows.
const clusterMargin = 2

// New returns an empty map showing the world.
func New() *Map {
	m := &Map{selected: map[int64]bool{}, highlighted: map[int64]bool{}, hover: noTarget, rend: geo.NewRenderer()}
	// The small table of major cities, not the full gazetteer: the map
	// needs only their names and positions.
	if t, err := geo.MajorCities(); err == nil {
		m.cityTable = t // without it the map simply shows no context cities
	} else {
		fyne.LogError("map: major cities unavailable", err)
	}
	m.view = geo.NewView(30, 15, 1, 640, 400)
	m.ExtendBaseWidget(m)
	return m
}

// SetMarkers replaces the markers. Until the user moves the map, the view
// fits them. It builds their cluster index at once; SetPrepared shows
// markers whose index was built elsewhere.
func (m *Map) SetMarkers(ms []Marker) { m.SetPrepared(Prepare(ms)) }

// Prepared is a set of markers with their cluster index, built by Prepare
// on any goroutine: on a big store the index takes longer than a frame.
type Prepared struct {
	markers  []Marker
	areas    []int // indexes into markers of the areas, in marker order
	pointIdx []int // the index's points → markers
	index    *geo.ClusterIndex
}

// Prepare splits markers into areas and points and builds the points'
// cluster index, so that a view change only queries it. It touches no
// widget and may run on any goroutine.
func Prepare(ms []Marker) *Prepared {
	p, pts := split(ms)
	p.index = geo.NewClusterIndex(pts, clusterGap)
	return p
}

// split is Prepare without the index: the markers split into areas and
// the points to cluster.
func split(ms []Marker) (*Prepared, []geo.WeightedPoint) {
	p := &Prepared{markers: append([]Marker(nil), ms...)}
	pts := make([]geo.WeightedPoint, 0, len(ms))
	for i, mk := range p.markers {
		if mk.Extent != Point {
			p.areas = append(p.areas, i)
			continue
		}
		pts = append(pts, geo.WeightedPoint{Lat: mk.Lat, Lon: mk.Lon, Weight: float64(max(mk.Count, 1))})
		p.pointIdx = append(p.pointIdx, i)
	}
	return p, pts
}

// Len returns the number of markers prepared.
func (p *Prepared) Len() int { return len(p.markers) }

// SetPrepared shows prepared markers in place of the current ones: the
// discs drawn until then are the old markers'. Until the user moves the
// map, the view fits the new ones.
func (m *Map) SetPrepared(p *Prepared) {
	m.mu.Lock()
	m.markers, m.areas, m.pointIdx, m.index = p.markers, p.areas, p.pointIdx, p.index
	m.overlayOK = false
	m.clusters = nil
	m.badges = nil
	m.hover = noTarget
	if !m.viewSet {
		m.fitLocked()
	}
	m.mu.Unlock()
	m.Refresh()
}

// SetReserved names the boxes of the widget (logical pixels) that buttons
// lie over: no label is placed there, where it could not be read.
func (m *Map) SetReserved(rs []geo.Rect) {
	m.mu.Lock()
	if slices.Equal(rs, m.reserved) {
		m.mu.Unlock()
		return
	}
	m.reserved = slices.Clone(rs)
	m.overlayOK = false
	m.mu.Unlock()
	m.Refresh()
}

// Markers returns a copy of the markers shown.
func (m *Map) Markers() []Marker {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Marker(nil), m.markers...)
}

// SetSelected marks the places whose markers are drawn selected.
func (m *Map) SetSelected(placeIDs []int64) {
	m.mu.Lock()
	m.selected = toSet(placeIDs)
	m.overlayOK = false
	m.mu.Unlock()
	m.Refresh()
}

// SetHighlighted marks the places whose markers get a halo, for example
// while the user hovers their events in the timeline.
func (m *Map) SetHighlighted(placeIDs []int64) {
	m.mu.Lock()
	m.highlighted = toSet(placeIDs)
	m.overlayOK = false
	m.mu.Unlock()
	m.Refresh()
}

func toSet(ids []int64) map[int64]bool {
	s := make(map[int64]bool, len(ids))
	for _, id := range ids {
		s[id] = true
	}
	return s
}

// View returns the current view.
func (m *Map) View() geo.View {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.view
}

// SetView shows v (its size is replaced by the widget's).
func (m *Map) SetView(v geo.View) {
	m.mu.Lock()
	v.Width, v.Height = m.view.Width, m.view.Height
	m.view = v.Clamp()
	m.viewSet = true
	m.mu.Unlock()
	m.Refresh()
}

// FitMarkers zooms and pans so that every marker shows with a margin: the
// "fit to events" button calls it.
func (m *Map) FitMarkers() {
	m.mu.Lock()
	m.fitLocked()
	m.viewSet = false // follow the markers again until the user moves the map
	m.mu.Unlock()
	m.Refresh()
}

// fitLocked fits the view to the points and regions; whole countries count
// only when there is nothing else, since a country's centre may lie far
// from where its events happened and its tint shows when part of it is in
// view. Names sit beside discs, so the margin is wider than it is tall.
func (m *Map) fitLocked() {
	w, h := m.view.Width, m.view.Height
	var pts, countries []orb.Point
	maxR := 0.0
	for _, mk := range m.markers {
		if mk.Extent == Country {
			countries = append(countries, orb.Point{mk.Lon, mk.Lat})
			continue
		}
		pts = append(pts, orb.Point{mk.Lon, mk.Lat})
		maxR = math.Max(maxR, geo.DiscRadius(float64(max(mk.Count, 1))))
	}
	if len(pts) == 0 {
		pts = countries
	}
	if len(pts) == 0 {
		m.view = geo.NewView(30, 15, math.Log2(math.Max(w, 1)/geo.TileSize), w, h)
		return
	}
	// A name beside a disc is taller than a small disc, and a marker on
	// the edge looks cut off: a tall map keeps a twentieth of its height
	// free, a short one no more than it can spare.
	my := math.Max(maxR+math.Max(fitMarginY, math.Min(h/20, 22)), 16)
	mx := math.Max(fitMarginX, my)
	v := geo.FitPoints(pts, math.Max(w-2*(mx-my), 1), h, my)
	v.Width = w
	m.view = v.Clamp()
}

// PanTo centres the map on a point if it is not already well inside the
// view, so that selecting an event elsewhere brings its place into sight.
func (m *Map) PanTo(lat, lon float64) {
	m.mu.Lock()
	if m.view.Contains(lat, lon, panMargin) {
		m.mu.Unlock()
		return
	}
	m.view.Center = orb.Point{lon, lat}
	m.view = m.view.Clamp()
	m.viewSet = true
	m.mu.Unlock()
	m.Refresh()
}

// ZoomIn zooms one level in around the centre.
func (m *Map) ZoomIn() { m.zoomAt(1, -1, -1) }

// ZoomOut zooms one level out around the centre.
func (m *Map) ZoomOut() { m.zoomAt(-1, -1, -1) }

// zoomAt zooms by dz keeping the point at x, y (logical pixels) in place;
// negative coordinates mean the centre.
func (m *Map) zoomAt(dz, x, y float64) {
	m.mu.Lock()
	if x < 0 || y < 0 {
		x, y = m.view.Width/2, m.view.Height/2
	}
	m.view = m.view.ZoomAt(dz, x, y)
	m.viewSet = true
	m.mu.Unlock()
	m.Refresh()
}

// pan moves the view by dx, dy logical pixels.
func (m *Map) pan(dx, dy float64) {
	m.mu.Lock()
	m.view = m.view.Pan(dx, dy)
	m.viewSet = true
	m.mu.Unlock()
	m.Refresh()
}

// Dragged pans the map with the pointer.
func (m *Map) Dragged(e *fyne.DragEvent) {
	m.pan(-float64(e.Dragged.DX), -float64(e.Dragged.DY))
}

// DragEnd is required by fyne.Draggable; panning needs no finishing.
func (m *Map) DragEnd() {}

// Scrolled zooms at the pointer, so that the place under it stays put.
func (m *Map) Scrolled(e *fyne.ScrollEvent) {
	dz := float64(e.Scrolled.DY) / scrollPerDZ
	dz = math.Max(-1, math.Min(1, dz))
	m.zoomAt(dz, float64(e.Position.X), float64(e.Position.Y))
}

// DoubleTapped zooms in one level at the pointer.
func (m *Map) DoubleTapped(e *fyne.PointEvent) {
	m.zoomAt(1, float64(e.Position.X), float64(e.Position.Y))
}

// Tapped reports a tapped marker's place through OnPlaceTapped; tapping a
// cluster zooms to its places' extent instead, at least far enough for it
// to split, since one id cannot stand for them. Places at one spot never
// split; tapping them reports the disc's own place. The map also takes the
// keyboard focus.
func (m *Map) Tapped(e *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(m); c != nil {
		c.Focus(m)
	}
	m.mu.Lock()
	t := m.targetAtLocked(float64(e.Position.X), float64(e.Position.Y))
	if t.none() {
		m.mu.Unlock()
		return
	}
	if t.area >= 0 {
		id := m.markers[t.area].PlaceID
		m.mu.Unlock()
		if m.OnPlaceTapped != nil {
			m.OnPlaceTapped(id)
		}
		return
	}
	cl := m.clusters[t.cluster]
	if len(cl.members) > 1 && !math.IsInf(cl.split, 1) {
		m.view, m.viewSet = m.expandView(cl), true
		m.mu.Unlock()
		m.Refresh()
		return
	}
	id := m.markers[cl.members[0]].PlaceID
	m.mu.Unlock()
	if m.OnPlaceTapped != nil {
		m.OnPlaceTapped(id)
	}
}

// expandView returns the view that shows a cluster's places apart: fitted
// to their extent, and zoomed in at least to the zoom at which the cluster
// splits, centred on the extent.
func (m *Map) expandView(cl cluster) geo.View {
	b := cl.bound
	v := geo.FitPoints([]orb.Point{b.Min, b.Max}, m.view.Width, m.view.Height, fitMarginX)
	if v.Zoom < cl.split {
		v.Zoom = cl.split
	}
	if v.Zoom <= m.view.Zoom {
		v.Zoom = m.view.Zoom + 1
	}
	return v.Clamp()
}

// FocusGained is required by fyne.Focusable.
func (m *Map) FocusGained() {}

// FocusLost is required by fyne.Focusable.
func (m *Map) FocusLost() {}

// TypedRune zooms with + and -.
func (m *Map) TypedRune(r rune) {
	switch r {
	case '+', '=':
		m.ZoomIn()
	case '-', '_':
		m.ZoomOut()
	}
}

// TypedKey pans with the arrow keys.
func (m *Map) TypedKey(e *fyne.KeyEvent) {
	m.mu.Lock()
	w, h := m.view.Width*keyPanFrac, m.view.Height*keyPanFrac
	m.mu.Unlock()
	switch e.Name {
	case fyne.KeyLeft:
		m.pan(-w, 0)
	case fyne.KeyRight:
		m.pan(w, 0)
	case fyne.KeyUp:
		m.pan(0, -h)
	case fyne.KeyDown:
		m.pan(0, h)
	case fyne.KeyPlus, fyne.KeyEqual:
		m.ZoomIn()
	case fyne.KeyMinus:
		m.ZoomOut()
	}
}

// MouseIn starts hover tracking.
func (m *Map) MouseIn(e *desktop.MouseEvent) { m.MouseMoved(e) }

// MouseMoved shows the tooltip of the marker under the pointer and reports
// a change of hovered place through OnPlaceHovered.
func (m *Map) MouseMoved(e *desktop.MouseEvent) {
	m.mu.Lock()
	t := m.targetAtLocked(float64(e.Position.X), float64(e.Position.Y))
	changed := t != m.hover || (!t.none() && e.Position != m.hoverPos)
	if t.area != m.hover.area {
		m.overlayOK = false // a hovered area's tint deepens
	}
	m.hover, m.hoverPos = t, e.Position
	m.mu.Unlock()
	if changed {
		m.Refresh()
	}
	m.reportHover()
}

// MouseOut hides the tooltip.
func (m *Map) MouseOut() {
	m.mu.Lock()
	had := !m.hover.none()
	if m.hover.area >= 0 {
		m.overlayOK = false
	}
	m.hover = noTarget
	m.mu.Unlock()
	if had {
		m.Refresh()
	}
	m.reportHover()
}

// reportHover calls OnPlaceHovered when the place under the pointer is not
// the one last reported.
func (m *Map) reportHover() {
	m.mu.Lock()
	id := int64(0)
	switch t := m.hover; {
	case t.area >= 0:
		id = m.markers[t.area].PlaceID
	case t.cluster >= 0 && len(m.clusters[t.cluster].members) == 1:
		id = m.markers[m.clusters[t.cluster].members[0]].PlaceID
	}
	changed := id != m.hoverPlace
	m.hoverPlace = id
	f := m.OnPlaceHovered
	m.mu.Unlock()
	if changed && f != nil {
		f(id)
	}
}

// Cursor shows a pointing hand over markers and areas.
func (m *Map) Cursor() desktop.Cursor {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.hover.none() {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// Tooltip returns the text the hover tooltip shows for the marker, cluster
// or area under the pointer, "" when there is none.
func (m *Map) Tooltip() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch t := m.hover; {
	case t.area >= 0 && t.area < len(m.markers):
		mk := m.markers[t.area]
		return m.tooltipLocked(cluster{members: []int{t.area}, count: max(mk.Count, 1)})
	case t.cluster >= 0 && t.cluster < len(m.clusters):
		return m.tooltipLocked(m.clusters[t.cluster])
	}
	return ""
}

func (m *Map) tooltipLocked(c cluster) string {
	first := m.markers[c.members[0]]
	title := first.Name
	switch first.Extent {
	case Country:
		title += " (whole country)"
	case Region:
		title += " (region)"
	}
	if n := len(c.members); n > 1 {
		title = fmt.Sprintf("%s and %d more %s", first.Name, n-1, plural(n-1, "place", "places"))
	}
	line := fmt.Sprintf("%d %s", c.count, plural(c.count, "event", "events"))
	var lo, hi time.Time
	for _, i := range c.members {
		mk := m.markers[i]
		if !mk.First.IsZero() && (lo.IsZero() || mk.First.Before(lo)) {
			lo = mk.First
		}
		last := mk.Last
		if last.IsZero() {
			last = mk.First
		}
		if !last.IsZero() && last.After(hi) {
			hi = last
		}
	}
	if !lo.IsZero() {
		line += " · " + dateRange(lo, hi)
	}
	return title + "\n" + line
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func dateRange(lo, hi time.Time) string {
	const f = "2 Jan 2006"
	if hi.IsZero() || model.Day(lo).Equal(model.Day(hi)) {
		return lo.Format(f)
	}
	return lo.Format(f) + " – " + hi.Format(f)
}

// targetAtLocked returns what is under x, y: a disc first (the topmost,
// smallest, when they overlap), then a region's ring, then a country's
// name and badge, then a tinted country itself.
func (m *Map) targetAtLocked(x, y float64) target {
	m.updateClustersLocked()
	best, bestR := -1, math.Inf(1)
	for i, c := range m.clusters {
		r := c.r + 3
		if (c.x-x)*(c.x-x)+(c.y-y)*(c.y-y) <= r*r && c.r < bestR {
			best, bestR = i, c.r
		}
	}
	if best >= 0 {
		return target{cluster: best, area: -1}
	}
	for _, i := range m.areas {
		mk := m.markers[i]
		if mk.Extent == Country && geo.CountryShapeOf(mk.Country) != nil {
			continue
		}
		cx, cy := m.view.Project(mk.Lat, mk.Lon)
		r := geo.DiscRadius(float64(max(mk.Count, 1))) + 3
		if (cx-x)*(cx-x)+(cy-y)*(cy-y) <= r*r {
			return target{cluster: -1, area: i}
		}
	}
	for _, i := range m.areas {
		if b, ok := m.badges[i]; ok && x >= b.X0-2 && x <= b.X1+2 && y >= b.Y0-2 && y <= b.Y1+2 {
			return target{cluster: -1, area: i}
		}
	}
	if len(m.areas) > 0 {
		lat, lon := m.view.Unproject(x, y)
		for _, i := range m.areas {
			if mk := m.markers[i]; mk.Extent == Country && geo.CountryContains(mk.Country, lat, lon) {
				return target{cluster: -1, area: i}
			}
		}
	}
	return noTarget
}

// updateClustersLocked asks the index for the discs of the current view
// when it changed. No two discs overlap; areas are never clustered.
func (m *Map) updateClustersLocked() {
	if m.clusters != nil && m.clusterOf == m.view {
		return
	}
	if m.index == nil {
		m.index = geo.NewClusterIndex(nil, clusterGap)
	}
	m.found = m.index.Query(m.view, clusterMargin, m.found[:0])
	idx := m.pointIdx
	m.clusters = make([]cluster, 0, len(m.found))
	for _, c := range m.found {
		x, y := m.view.Project(c.Lat, c.Lon)
		members := make([]int, 0, len(c.Members))
		members = append(members, idx[c.Seed])
		for _, i := range c.Members {
			if i != c.Seed {
				members = append(members, idx[i])
			}
		}
		m.clusters = append(m.clusters, cluster{x: x, y: y, r: c.Radius(), members: members, count: int(c.Weight),
			bound: c.Bound, split: c.SplitZoom})
	}
	m.clusterOf = m.view
}

// Discs returns the marker discs of the current view as drawn, in logical
// pixels, for tests and screenshots to check the layout.
func (m *Map) Discs() []Disc {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.updateClustersLocked()
	out := make([]Disc, len(m.clusters))
	for i, c := range m.clusters {
		out[i] = Disc{X: c.x, Y: c.y, R: c.r, Count: c.count, Places: len(c.members), Name: m.markers[c.members[0]].Name}
	}
	return out
}

// Disc is a marker disc as drawn: one place or a cluster of several.
type Disc struct {
	X, Y, R float64 // centre and radius in logical pixels
	Count   int     // events
	Places  int     // places merged into the disc
	Name    string  // the place the disc sits on
}

// Labels returns the labels last drawn, for tests of the layout.
func (m *Map) Labels() []geo.Label {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]geo.Label(nil), m.labels...)
}

// CountText writes a count short enough for a disc: 999, 1.2k, 12k, 1.2M.
func CountText(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprint(n)
	case n < 9950:
		return fmt.Sprintf("%.1fk", float64(n)/1000)
	case n < 999500:
		return fmt.Sprintf("%.0fk", float64(n)/1000)
	}
	return fmt.Sprintf("%.1fM", float64(n)/1e6)
}

// neutral colours a cluster of places of different kinds.
var neutral = color.RGBA{0x55, 0x5b, 0x66, 0xff}

// overlayLocked builds the markers and labels for the current view.
func (m *Map) overlayLocked() geo.Overlay {
	m.updateClustersLocked()
	o := geo.Overlay{CountryLabels: true, Reserved: m.reserved}
	for _, c := range m.clusters {
		first := m.markers[c.members[0]]
		fill := palette.KindRGBA(first.Kind)
		sel, hl := false, false
		for _, i := range c.members {
			mk := m.markers[i]
			if mk.Kind != first.Kind {
				fill = neutral
			}
			sel = sel || m.selected[mk.PlaceID]
			hl = hl || m.highlighted[mk.PlaceID]
		}
		name := first.Name
		if n := len(c.members); n > 1 {
			name = first.Name + " +" + CountText(n-1)
		}
		text := ""
		if c.count > 1 {
			text = CountText(c.count)
		}
		o.Markers = append(o.Markers, geo.Marker{Lat: first.Lat, Lon: first.Lon, Radius: c.r, Fill: fill,
			Text: text, Name: name, Selected: sel, Highlighted: hl})
	}
	for _, i := range m.areas {
		mk := m.markers[i]
		a := geo.Area{Lat: mk.Lat, Lon: mk.Lon, Radius: geo.DiscRadius(float64(max(mk.Count, 1))), Fill: palette.KindRGBA(mk.Kind),
			Name: mk.Name, Selected: m.selected[mk.PlaceID], Highlighted: m.highlighted[mk.PlaceID] || m.hover.area == i}
		if mk.Extent == Country {
			a.Code = mk.Country
			a.Text = CountText(max(mk.Count, 1))
		} else if mk.Count > 1 {
			a.Text = CountText(mk.Count)
		}
		o.Areas = append(o.Areas, a)
	}
	if m.cityTable != nil {
		if m.cities == nil || m.citiesOf != m.view {
			// Context cities in proportion to the area, so that a small
			// panel is not crowded with names.
			n := int(m.view.Width * m.view.Height / cityAreaPx)
			m.cities = m.cityTable.ContextCities(m.view, max(6, min(maxCityCount, n)))
			m.citiesOf = m.view
		}
		o.Cities = m.cities
	}
	return o
}

// RenderImage returns the image for a raster of w×h device pixels, as the
// widget's raster gets it: the basemap is reused while the view is
// unchanged, and the overlay while markers, selection and view are. It is
// exported so that benchmarks and screenshots can time and save frames.
func (m *Map) RenderImage(w, h int) image.Image { return m.render(w, h) }

// render returns the image for a raster of w×h device pixels, reusing the
// cached basemap when only the overlay changed.
func (m *Map) render(w, h int) image.Image {
	m.mu.Lock()
	defer m.mu.Unlock()
	if w <= 0 || h <= 0 || m.view.Width <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	v := m.view
	v.Scale = float64(w) / v.Width
	dark := isDark(theme.Color(theme.ColorNameBackground))
	style := geo.LightStyle
	if dark {
		style = geo.DarkStyle
	}
	k := frameKey{view: v, dark: dark}
	if size := image.Rect(0, 0, w, h); m.base == nil || m.baseKey != k || m.base.Bounds() != size {
		// RenderInto paints every pixel, so the last basemap's image is
		// reused while the size holds: panning allocates no frame.
		if m.base == nil || m.base.Bounds() != size {
			m.base = image.NewRGBA(size)
		}
		if err := m.rend.RenderInto(m.base, v, style); err != nil {
			fyne.LogError("map: render basemap", err)
		}
		m.baseKey, m.overlayOK = k, false
	}
	if !m.overlayOK || m.frameKey != k || m.frame == nil || m.frame.Bounds() != m.base.Bounds() {
		frame, labels, err := m.overlay.Draw(m.base, v, style, m.overlayLocked())
		if err != nil {
			fyne.LogError("map: draw overlay", err)
			frame = m.base
		}
		m.frame = frame
		// The badges are where areas are tapped when their country is
		// mostly off-screen; remember where they went.
		m.labels = labels
		m.badges = map[int]geo.Rect{}
		for _, l := range labels {
			if l.Kind == geo.LabelArea && l.ID >= 0 && l.ID < len(m.areas) {
				m.badges[m.areas[l.ID]] = l.Box
			}
		}
		m.frameKey, m.overlayOK = k, true
	}
	return m.frame
}

// resized adopts a new widget size, keeping the centre and zoom (or the fit
// to the markers while the user has not moved the map).
func (m *Map) resized(s fyne.Size) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s == m.size {
		return
	}
	m.size = s
	m.view.Width, m.view.Height = float64(s.Width), float64(s.Height)
	if !m.viewSet {
		m.fitLocked()
	}
	m.view = m.view.Clamp()
}

// MinSize keeps the map big enough to recognise a region.
func (m *Map) MinSize() fyne.Size {
	return fyne.NewSize(240, 160)
}

// CreateRenderer builds the raster and the tooltip.
func (m *Map) CreateRenderer() fyne.WidgetRenderer {
	m.ExtendBaseWidget(m)
	r := &mapRenderer{m: m}
	r.raster = canvas.NewRaster(m.render)
	r.raster.ScaleMode = canvas.ImageScalePixels
	r.tipBg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	r.tipBg.CornerRadius = 4
	r.tipBg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	r.tipBg.StrokeWidth = 1
	r.tipTitle = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	r.tipTitle.TextStyle.Bold = true
	r.tipLine = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	r.tipLine.TextSize = theme.CaptionTextSize()
	r.hideTip()
	return r
}

type mapRenderer struct {
	m                 *Map
	raster            *canvas.Raster
	tipBg             *canvas.Rectangle
	tipTitle, tipLine *canvas.Text
}

func (r *mapRenderer) Layout(s fyne.Size) {
	r.m.resized(s)
	r.raster.Resize(s)
	r.raster.Move(fyne.NewPos(0, 0))
	r.layoutTip()
}

func (r *mapRenderer) MinSize() fyne.Size { return r.m.MinSize() }

func (r *mapRenderer) Refresh() {
	r.m.resized(r.m.Size())
	r.tipBg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	r.tipBg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	r.tipTitle.Color = theme.Color(theme.ColorNameForeground)
	r.tipLine.Color = theme.Color(theme.ColorNameForeground)
	r.layoutTip()
	canvas.Refresh(r.raster)
}

func (r *mapRenderer) hideTip() {
	r.tipBg.Hide()
	r.tipTitle.Hide()
	r.tipLine.Hide()
}

// layoutTip places the tooltip beside the pointer, flipped to stay inside
// the widget.
func (r *mapRenderer) layoutTip() {
	text := r.m.Tooltip()
	if text == "" {
		r.hideTip()
		return
	}
	title, line, _ := strings.Cut(text, "\n")
	r.tipTitle.Text, r.tipLine.Text = title, line
	pad := theme.Padding() * 1.5
	ts, ls := r.tipTitle.MinSize(), r.tipLine.MinSize()
	w := max(ts.Width, ls.Width) + 2*pad
	h := ts.Height + ls.Height + 2*pad
	r.m.mu.Lock()
	p := r.m.hoverPos
	r.m.mu.Unlock()
	size := r.m.Size()
	x, y := p.X+16, p.Y+16
	if x+w > size.Width {
		x = p.X - 16 - w
	}
	if y+h > size.Height {
		y = p.Y - 16 - h
	}
	x, y = max(x, 0), max(y, 0)
	r.tipBg.Resize(fyne.NewSize(w, h))
	r.tipBg.Move(fyne.NewPos(x, y))
	r.tipTitle.Move(fyne.NewPos(x+pad, y+pad))
	r.tipLine.Move(fyne.NewPos(x+pad, y+pad+ts.Height))
	r.tipBg.Show()
	r.tipTitle.Show()
	r.tipLine.Show()
	r.tipBg.Refresh()
	r.tipTitle.Refresh()
	r.tipLine.Refresh()
}

func (r *mapRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.raster, r.tipBg, r.tipTitle, r.tipLine}
}

func (r *mapRenderer) Destroy() {}

// isDark reports whether the theme's background is dark. Asking the colour
// rather than the settings' variant also follows themes that force one.
func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) < 0x8000
}
