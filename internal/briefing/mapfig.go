package briefing

import (
	"fmt"
	"image"
	"math"
	"sort"
	"strconv"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/paulmach/orb"
)

// MapRenderer draws the basemap under the map figure: exactly the area view
// (longitude and latitude of its corners, in Web Mercator) at w×h pixels.
// The numbered markers are drawn on top by this package, as vectors in the
// PDF, so that they stay sharp and match the timeline's.
type MapRenderer func(view orb.Bound, w, h int) (image.Image, error)

// DefaultMap is the renderer used when Options.Map is nil. It is set by the
// geo-backed renderer in this package's init when the basemap is available;
// when it is nil the figure is drawn on a plain graticule.
var DefaultMap MapRenderer

// mercator is a Web Mercator viewport fitted to a figure of w×h millimetres.
type mercator struct {
	x0, y0, x1, y1 float64 // projected bounds: x = lon in radians, y = ln tan(π/4 + φ/2)
	w, h           float64
}

func mercY(lat float64) float64 {
	lat = math.Max(-85, math.Min(85, lat))
	return math.Log(math.Tan(math.Pi/4 + lat*math.Pi/360))
}

func invMercY(y float64) float64 { return (2*math.Atan(math.Exp(y)) - math.Pi/2) * 180 / math.Pi }

// fitMercator frames the points with a margin, at least minSpan degrees of
// longitude wide so that a single place still shows its surroundings, and
// widened to the figure's aspect ratio.
func fitMercator(pts []orb.Point, w, h float64) mercator {
	m := mercator{x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1), w: w, h: h}
	for _, p := range pts {
		x, y := p.Lon()*math.Pi/180, mercY(p.Lat())
		m.x0, m.x1 = math.Min(m.x0, x), math.Max(m.x1, x)
		m.y0, m.y1 = math.Min(m.y0, y), math.Max(m.y1, y)
	}
	if len(pts) == 0 { // nothing placed: show the world between the tropics and the Arctic
		m.x0, m.x1, m.y0, m.y1 = -math.Pi, math.Pi, mercY(-50), mercY(70)
	}
	const minSpan = 12 * math.Pi / 180
	cx, cy := (m.x0+m.x1)/2, (m.y0+m.y1)/2
	sx, sy := math.Max(m.x1-m.x0, minSpan), math.Max(m.y1-m.y0, minSpan*h/w)
	// Room for the labels, which sit beside their dots.
	sx, sy = sx*1.35+8*math.Pi/180, sy*1.3+4*math.Pi/180
	if sx/sy < w/h {
		sx = sy * w / h
	} else {
		sy = sx * h / w
	}
	sx = math.Min(sx, 2*math.Pi)
	m.x0, m.x1, m.y0, m.y1 = cx-sx/2, cx+sx/2, cy-sy/2, cy+sy/2
	return m
}

// project places a point on the figure, in millimetres from its top-left.
func (m mercator) project(lat, lon float64) (float64, float64) {
	x := (lon*math.Pi/180 - m.x0) / (m.x1 - m.x0) * m.w
	y := (m.y1 - mercY(lat)) / (m.y1 - m.y0) * m.h
	return x, y
}

// bound is the geographic area of the viewport, for the basemap renderer.
func (m mercator) bound() orb.Bound {
	return orb.Bound{
		Min: orb.Point{m.x0 * 180 / math.Pi, invMercY(m.y0)},
		Max: orb.Point{m.x1 * 180 / math.Pi, invMercY(m.y1)},
	}
}

// placeGroup is one place on the map with the events that happened there.
type placeGroup struct {
	place   *model.Place
	numbers []int
	kinds   []model.Kind
	planned []bool
}

func (d *doc) mapViewport(w, h float64) mercator {
	var pts []orb.Point
	for _, g := range d.groups {
		pts = append(pts, orb.Point{g.place.Lon, g.place.Lat})
	}
	return fitMercator(pts, w, h)
}

const (
	badgeR    = 1.75 // radius of a numbered badge, mm
	badgeStep = 4.0  // distance between badge centres
	badgesRow = 6    // badges per row before wrapping
	badgesMax = 12   // badges per place; the rest are counted in a line of text
)

// moreText counts the events of a place that have no badge on the map.
func moreText(n int) string { return fmt.Sprintf("and %d more", n) }

var (
	labelMore  = textStyle{size: 6.5}
	labelName  = textStyle{size: 7.5, bold: true}
	badgeDigit = textStyle{size: 6.2, bold: true}
)

type box struct{ x, y, w, h float64 }

func (a box) overlap(b box) float64 {
	dx := math.Min(a.x+a.w, b.x+b.w) - math.Max(a.x, b.x)
	dy := math.Min(a.y+a.h, b.y+b.h) - math.Max(a.y, b.y)
	if dx <= 0 || dy <= 0 {
		return 0
	}
	return dx * dy
}

// drawMapFigure paints the map: basemap (or a graticule without one), a dot
// per place and beside it a label with the place's name and the numbered
// badges of its events, placed where it hides the fewest other labels.
func drawMapFigure(c canvas, d *doc, m mercator, base image.Image) error {
	if base != nil {
		if err := c.image(base, 0, 0, m.w, m.h); err != nil {
			return fmt.Errorf("map figure: %w", err)
		}
	} else {
		drawGraticule(c, m)
	}
	groups := d.groups
	// Labels of the busiest places are placed first, so they get the best spots.
	order := make([]*placeGroup, len(groups))
	copy(order, groups)
	sort.SliceStable(order, func(i, j int) bool { return len(order[i].numbers) > len(order[j].numbers) })
	var taken []box
	type pos struct{ x, y float64 }
	dots := map[*placeGroup]pos{}
	for _, g := range groups {
		x, y := m.project(g.place.Lat, g.place.Lon)
		dots[g] = pos{x, y}
		taken = append(taken, box{x - 1.5, y - 1.5, 3, 3})
	}
	frame := box{0, 0, m.w, m.h}
	type label struct {
		g   *placeGroup
		b   box
		nmW float64
	}
	var labels []label
	for _, g := range order {
		p := dots[g]
		nmW := c.textWidth(g.place.Name, labelName)
		shown := min(len(g.numbers), badgesMax)
		cols := min(shown, badgesRow)
		rows := (shown + badgesRow - 1) / badgesRow
		bw := math.Max(nmW, float64(cols-1)*badgeStep+2*badgeR) + 2.4
		bh := 3.6 + float64(rows)*badgeStep + 0.6
		if more := len(g.numbers) - shown; more > 0 {
			bw = math.Max(bw, c.textWidth(moreText(more), labelMore)+2.4)
			bh += 3.2
		}
		const gap = 2.2
		cands := []box{
			{p.x + gap, p.y - bh/2, bw, bh},
			{p.x - gap - bw, p.y - bh/2, bw, bh},
			{p.x - bw/2, p.y - gap - bh, bw, bh},
			{p.x - bw/2, p.y + gap, bw, bh},
			{p.x + gap, p.y - gap - bh + 1, bw, bh},
			{p.x - gap - bw, p.y - gap - bh + 1, bw, bh},
			{p.x + gap, p.y + gap - 1, bw, bh},
			{p.x - gap - bw, p.y + gap - 1, bw, bh},
		}
		best, bestScore := cands[0], math.Inf(1)
		for i, b := range cands {
			score := float64(i) * 0.01 // prefer the reading order on ties
			for _, t := range taken {
				score += b.overlap(t)
			}
			score += (b.w*b.h - b.overlap(frame)) * 4 // outside the frame is worst
			if score < bestScore {
				best, bestScore = b, score
			}
		}
		taken = append(taken, best)
		labels = append(labels, label{g, best, nmW})
	}
	for _, g := range groups {
		p := dots[g]
		c.circle(p.x, p.y, 1.25, colWhite, colInk, 0.45)
		c.circle(p.x, p.y, 0.45, colInk, colInk, 0)
	}
	for _, l := range labels {
		c.rect(l.b.x, l.b.y, l.b.w, l.b.h, colHalo)
		c.text(l.b.x+1.2, l.b.y+3.0, l.g.place.Name, labelName, colInk)
		for i, n := range l.g.numbers {
			if i == badgesMax {
				c.text(l.b.x+1.2, l.b.y+l.b.h-1.2, moreText(len(l.g.numbers)-badgesMax), labelMore, colMuted)
				break
			}
			cx := l.b.x + 1.2 + badgeR + float64(i%badgesRow)*badgeStep
			cy := l.b.y + 3.6 + badgeStep/2 + float64(i/badgesRow)*badgeStep
			drawBadge(c, cx, cy, badgeR, n, l.g.kinds[i], l.g.planned[i])
		}
	}
	// The frame and the attribution the Natural Earth terms ask for.
	for _, s := range [][4]float64{{0, 0, m.w, 0}, {m.w, 0, m.w, m.h}, {m.w, m.h, 0, m.h}, {0, m.h, 0, 0}} {
		c.line(s[0], s[1], s[2], s[3], 0.25, colFaint)
	}
	att := "Basemap: Natural Earth · Web Mercator"
	if base == nil {
		att = "Web Mercator"
	}
	st := textStyle{size: 5.5}
	aw := c.textWidth(att, st)
	c.rect(m.w-aw-2.6, m.h-3.6, aw+2.2, 3.2, colHalo)
	c.text(m.w-aw-1.5, m.h-1.3, att, st, colMuted)
	return nil
}

// drawBadge is an event's number in a disc of its kind's colour; a planned
// event (a deadline, a conference to come) gets a ring instead of a disc.
func drawBadge(c canvas, cx, cy, r float64, n int, k model.Kind, planned bool) {
	col := kindColour(k)
	txt := strconv.Itoa(n)
	st := badgeDigit
	st.size = math.Min(9, r*3.55) // digits fill the disc whatever its size
	if n >= 100 {
		st.size -= 1.2
	}
	tw := c.textWidth(txt, st)
	if planned {
		c.circle(cx, cy, r, colWhite, col, 0.5)
		c.text(cx-tw/2, baselineFor(cy, st), txt, st, col)
		return
	}
	c.circle(cx, cy, r, col, col, 0)
	c.text(cx-tw/2, baselineFor(cy, st), txt, st, colWhite)
}

// drawGraticule stands in for the basemap when none is available: a wash
// with meridians and parallels every 5 or 10 degrees.
func drawGraticule(c canvas, m mercator) {
	c.rect(0, 0, m.w, m.h, colWash)
	b := m.bound()
	step := 10.0
	if b.Max.Lon()-b.Min.Lon() < 40 {
		step = 5
	}
	for lon := math.Ceil(b.Min.Lon()/step) * step; lon <= b.Max.Lon(); lon += step {
		x, _ := m.project(0, lon)
		c.line(x, 0, x, m.h, 0.15, colFaint)
	}
	for lat := math.Ceil(b.Min.Lat()/step) * step; lat <= b.Max.Lat(); lat += step {
		_, y := m.project(lat, 0)
		c.line(0, y, m.w, y, 0.15, colFaint)
	}
}
