package geo

import (
	"fmt"
	"image"
	"image/draw"
	"slices"
)

// OverlayFrame is a basemap with an overlay drawn over it, kept in two
// layers: what lies under the markers (the basemap, area tints, country
// and city names, region rings) and the finished frame. When only the
// markers' selection or highlight changes, it restores the changed
// markers' surroundings from the lower layer and redraws just the markers
// and labels there, instead of every disc of the view; anything else
// redraws the whole overlay. Pixels come out the same either way. The zero
// value is ready to use; it is not safe for concurrent use.
type OverlayFrame struct {
	base   *image.RGBA // the caller's basemap, as last drawn over
	view   View
	style  Style
	o      Overlay
	labels []Label
	under  *image.RGBA
	img    *image.RGBA
	dirty  []image.Rectangle // scratch for Draw
}

// Draw makes the frame show o over base, a basemap rendering of v in style
// s, and returns the frame and the labels placed. The image is the
// frame's own, valid until the next call. base is read again only when
// its pointer, its bounds, v or s change; call Invalidate after drawing a
// different basemap into the same image for the same view.
func (f *OverlayFrame) Draw(base *image.RGBA, v View, s Style, o Overlay) (*image.RGBA, []Label, error) {
	if f.img != nil && f.base == base && f.img.Bounds() == base.Bounds() && f.view == v && f.style == s && f.restyleOnly(o) {
		f.redrawMarkers(o)
		return f.img, f.labels, nil
	}
	labels, err := layoutOverlay(v, o)
	if err != nil {
		return nil, nil, fmt.Errorf("overlay frame: %w", err)
	}
	b := base.Bounds()
	if f.under == nil || f.under.Bounds() != b {
		f.under, f.img = image.NewRGBA(b), image.NewRGBA(b)
	}
	draw.Draw(f.under, b, base, b.Min, draw.Src)
	if err := drawUnder(f.under, v, s, o, labels); err != nil {
		f.Invalidate()
		return nil, nil, fmt.Errorf("overlay frame: %w", err)
	}
	draw.Draw(f.img, b, f.under, b.Min, draw.Src)
	if err := drawTop(f.img, b, v, s, o, labels); err != nil {
		f.Invalidate()
		return nil, nil, fmt.Errorf("overlay frame: %w", err)
	}
	f.base, f.view, f.style, f.labels = base, v, s, labels
	f.o = cloneOverlay(o)
	return f.img, f.labels, nil
}

// Invalidate makes the next Draw redraw everything.
func (f *OverlayFrame) Invalidate() { f.img, f.under, f.base = nil, nil, nil }

// restyleOnly reports whether o differs from the drawn overlay only in
// its markers' Selected and Highlighted flags, which change neither the
// label layout nor anything under the markers.
func (f *OverlayFrame) restyleOnly(o Overlay) bool {
	if o.CountryLabels != f.o.CountryLabels || len(o.Markers) != len(f.o.Markers) ||
		!slices.Equal(o.Areas, f.o.Areas) || !slices.Equal(o.Cities, f.o.Cities) {
		return false
	}
	for i, m := range o.Markers {
		old := f.o.Markers[i]
		m.Selected, m.Highlighted = old.Selected, old.Highlighted
		if m != old {
			return false
		}
	}
	return true
}

// redrawMarkers brings the frame to o, which differs from the drawn
// overlay only in marker states: each changed marker's reach (its halo
// and ring, either state) is restored from the lower layer and the markers
// and labels that touch it are drawn again, in their usual order.
func (f *OverlayFrame) redrawMarkers(o Overlay) {
	f.dirty = f.dirty[:0]
	for i, m := range o.Markers {
		if m != f.o.Markers[i] {
			f.dirty = append(f.dirty, m.deviceBox(f.view).Intersect(f.img.Bounds()))
		}
	}
	f.o.Markers = append(f.o.Markers[:0], o.Markers...)
	for _, r := range mergeRects(f.dirty) {
		if r.Empty() {
			continue
		}
		draw.Draw(f.img, r, f.under, r.Min, draw.Src)
		// The lower layer drew without error at this view, and labels'
		// sprites are cached; an error here would be a new font failure,
		// which the next full draw reports.
		_ = drawTop(f.img, r, f.view, f.style, f.o, f.labels)
	}
}

// mergeRects merges overlapping rectangles until none overlap, so that
// markers close together are restored and drawn once rather than once per
// rectangle.
func mergeRects(rs []image.Rectangle) []image.Rectangle {
	for merged := true; merged; {
		merged = false
		for i := 0; i < len(rs); i++ {
			for j := i + 1; j < len(rs); j++ {
				if rs[i].Overlaps(rs[j]) {
					rs[i] = rs[i].Union(rs[j])
					rs = append(rs[:j], rs[j+1:]...)
					merged = true
					j--
				}
			}
		}
	}
	return rs
}

// cloneOverlay copies o's slices, so that the caller may reuse them.
func cloneOverlay(o Overlay) Overlay {
	o.Markers = slices.Clone(o.Markers)
	o.Areas = slices.Clone(o.Areas)
	o.Cities = slices.Clone(o.Cities)
	return o
}
