package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/briefingatlas/atlas/internal/palette"
)

// kindLegend explains the timeline's colours and shapes in one or two short
// rows: a dot per colour group of the shared palette, then hollow for
// planned and a bar for vague dates.
func kindLegend() fyne.CanvasObject {
	muted := themeColor(ColorNameMuted)
	size := theme.CaptionTextSize()
	item := func(mark fyne.CanvasObject, label string) fyne.CanvasObject {
		t := canvas.NewText(label, muted)
		t.TextSize = size
		return container.NewHBox(container.NewCenter(mark), t)
	}
	dot := func(c color.Color, hollow bool) fyne.CanvasObject {
		d := canvas.NewCircle(c)
		if hollow {
			d.FillColor = color.Transparent
			d.StrokeColor = c
			d.StrokeWidth = 1.5
		}
		d.Resize(fyne.NewSize(9, 9))
		return container.NewGridWrap(fyne.NewSize(9, 9), d)
	}
	var items []fyne.CanvasObject
	for _, g := range palette.Legend {
		if g.Label == "Other" {
			continue
		}
		items = append(items, item(dot(g.Color, false), strings.Fields(g.Label)[0]))
	}
	axis := themeColor(ColorNameAxis)
	items = append(items, item(dot(axis, true), "planned"))
	bar := canvas.NewRectangle(axis)
	bar.CornerRadius = 2
	items = append(items, item(container.NewGridWrap(fyne.NewSize(5, 12), bar), "month / year"))
	return container.New(layout.NewGridWrapLayout(fyne.NewSize(100, 18)), items...)
}
