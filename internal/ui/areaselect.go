package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/geo"
)

// areaSelect lies over the map while the user picks an area: a drag draws a
// rectangle, and its end reports the rectangle in the map's pixels. It is
// hidden otherwise, so that drags pan the map as usual.
type areaSelect struct {
	widget.BaseWidget
	from, to fyne.Position
	dragging bool
	// OnSelected gets the dragged rectangle's corners.
	OnSelected func(from, to fyne.Position)
	// OnCancel is called when the user taps without dragging.
	OnCancel func()
}

func newAreaSelect() *areaSelect {
	a := &areaSelect{}
	a.ExtendBaseWidget(a)
	return a
}

// Dragged grows the rectangle from where the drag began.
func (a *areaSelect) Dragged(e *fyne.DragEvent) {
	if !a.dragging {
		a.dragging = true
		a.from = e.Position.Subtract(e.Dragged)
	}
	a.to = e.Position
	a.Refresh()
}

// DragEnd reports the rectangle.
func (a *areaSelect) DragEnd() {
	if !a.dragging {
		return
	}
	a.dragging = false
	from, to := a.from, a.to
	a.Refresh()
	if a.OnSelected != nil {
		a.OnSelected(from, to)
	}
}

// Tapped without a drag leaves area mode.
func (a *areaSelect) Tapped(*fyne.PointEvent) {
	if a.OnCancel != nil {
		a.OnCancel()
	}
}

// Cursor is a crosshair, saying that a drag draws.
func (a *areaSelect) Cursor() desktop.Cursor { return desktop.CrosshairCursor }

// CreateRenderer implements fyne.Widget.
func (a *areaSelect) CreateRenderer() fyne.WidgetRenderer {
	r := &areaSelectRenderer{a: a, veil: canvas.NewRectangle(color.Transparent), rect: canvas.NewRectangle(color.Transparent),
		hint: canvas.NewText("Drag a rectangle to show the events inside it", color.Black)}
	r.hint.TextStyle = fyne.TextStyle{Bold: true}
	r.rect.StrokeWidth = 2
	r.Refresh()
	return r
}

type areaSelectRenderer struct {
	a    *areaSelect
	veil *canvas.Rectangle
	rect *canvas.Rectangle
	hint *canvas.Text
}

func (r *areaSelectRenderer) Layout(s fyne.Size) {
	r.veil.Resize(s)
	r.hint.Move(fyne.NewPos((s.Width-r.hint.MinSize().Width)/2, theme.Padding()*2))
	r.hint.Resize(r.hint.MinSize())
	x0, x1 := min(r.a.from.X, r.a.to.X), max(r.a.from.X, r.a.to.X)
	y0, y1 := min(r.a.from.Y, r.a.to.Y), max(r.a.from.Y, r.a.to.Y)
	r.rect.Move(fyne.NewPos(x0, y0))
	r.rect.Resize(fyne.NewSize(x1-x0, y1-y0))
}

func (r *areaSelectRenderer) MinSize() fyne.Size { return fyne.NewSize(0, 0) }

func (r *areaSelectRenderer) Refresh() {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := r.a.Theme()
	prim := th.Color(theme.ColorNamePrimary, v)
	pr, pg, pb, _ := prim.RGBA()
	r.veil.FillColor = color.NRGBA{uint8(pr >> 8), uint8(pg >> 8), uint8(pb >> 8), 0x18}
	r.rect.StrokeColor = prim
	r.rect.FillColor = color.NRGBA{uint8(pr >> 8), uint8(pg >> 8), uint8(pb >> 8), 0x30}
	r.rect.Hidden = !r.a.dragging
	r.hint.Color = th.Color(theme.ColorNameForeground, v)
	r.hint.Hidden = r.a.dragging
	r.Layout(r.a.Size())
	r.veil.Refresh()
	r.rect.Refresh()
	r.hint.Refresh()
}

func (r *areaSelectRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.veil, r.rect, r.hint}
}

func (r *areaSelectRenderer) Destroy() {}

// boundOf turns two corners in a map view's pixels into the lon/lat
// rectangle between them.
func boundOf(v geo.View, from, to fyne.Position) orb.Bound {
	lat0, lon0 := v.Unproject(float64(from.X), float64(from.Y))
	lat1, lon1 := v.Unproject(float64(to.X), float64(to.Y))
	return orb.Bound{
		Min: orb.Point{math.Min(lon0, lon1), math.Min(lat0, lat1)},
		Max: orb.Point{math.Max(lon0, lon1), math.Max(lat0, lat1)},
	}
}

// areaIcon is a dashed rectangle, for the map's area button.
var areaIcon = theme.NewThemedResource(fyne.NewStaticResource("area.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
		`<rect x="3.5" y="5.5" width="17" height="13" fill="none" stroke="#000" stroke-width="2" stroke-dasharray="3 2"/></svg>`)))
