package geo

import (
	"cmp"
	"math"
	"slices"
)

// WeightedPoint is a place to cluster, weighted by its number of events.
type WeightedPoint struct {
	Lat, Lon float64
	Weight   float64
	Radius   float64 // the drawn disc's radius in logical pixels, for ClusterOverlapping
}

// Cluster is a group of points that would overlap on screen.
type Cluster struct {
	Lat, Lon float64 // the heaviest member's position, so a cluster sits on a real place
	Weight   float64 // sum of the members' weights
	Members  []int   // indexes into the points, heaviest first
}

// PointSet is a set of points prepared for clustering at any view: sorted
// heaviest first and projected to unit Web Mercator once, so that each
// view only scales them and buckets them in a grid. The map builds one when
// its markers are set. Clusters are computed in world pixels, so they do
// not depend on the view's centre: a caller may keep them while the user
// pans at the same zoom. A PointSet is read-only and safe for concurrent
// use.
type PointSet struct {
	pts []WeightedPoint
	// sorted holds the points heaviest first (ties by index, so that
	// results are deterministic), with what clustering reads, in the order
	// it reads them: one pass through memory per view.
	sorted []sortedPoint
	maxR   float64 // largest Radius
	// the unit-Mercator bound of the points, for the grid
	x0, y0, x1, y1 float64
}

type sortedPoint struct {
	mx, my float64 // unit Web Mercator
	r, w   float64 // radius and weight
	i      int     // index into pts
}

// NewPointSet prepares pts for clustering; it keeps its own copy.
func NewPointSet(pts []WeightedPoint) *PointSet {
	ps := &PointSet{pts: slices.Clone(pts), sorted: make([]sortedPoint, len(pts)),
		x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
	for i, p := range ps.pts {
		x, y := mercator(p.Lon, p.Lat)
		ps.sorted[i] = sortedPoint{mx: x, my: y, r: p.Radius, w: p.Weight, i: i}
		ps.x0, ps.x1 = math.Min(ps.x0, x), math.Max(ps.x1, x)
		ps.y0, ps.y1 = math.Min(ps.y0, y), math.Max(ps.y1, y)
		ps.maxR = math.Max(ps.maxR, p.Radius)
	}
	slices.SortFunc(ps.sorted, func(a, b sortedPoint) int {
		if c := cmp.Compare(b.w, a.w); c != 0 {
			return c
		}
		return a.i - b.i
	})
	return ps
}

// maxDenseCells bounds the grid laid over the points' extent; beyond it
// (zoomed far in on points spread over the world) cells go into a map.
const maxDenseCells = 1 << 18

// grid lists, for each square cell of a fixed size in world pixels, the
// clusters that a point in the cell might join: a new cluster is entered in
// every cell within its reach. Clusters are few and points many, so each
// point then reads one cell's list instead of searching its neighbours.
// Lists are linked (head per cell, next per entry, both index+1 so that
// zero means none), densely over the points' extent when that is small
// enough, otherwise in a map. No point lies outside the extent, so entries
// are clamped to it.
type grid struct {
	cell     float64
	gx0, gy0 int // the extent's first cell
	gx1, gy1 int // and its last
	gw       int
	dense    []int32
	sparse   map[int64]int32
	entries  []entry
	scale    float64 // world pixels per unit Mercator
}

type entry struct{ ci, next int32 }

func (ps *PointSet) newGrid(zoom, cellPx float64) *grid {
	s := TileSize * math.Exp2(zoom)
	g := &grid{cell: cellPx, scale: s, gx1: -1, gy1: -1}
	if len(ps.pts) > 0 {
		g.gx0, g.gy0 = int(ps.x0*s/cellPx), int(ps.y0*s/cellPx)
		g.gx1, g.gy1 = int(ps.x1*s/cellPx), int(ps.y1*s/cellPx)
	}
	g.gw = g.gx1 - g.gx0 + 1
	if n := g.gw * (g.gy1 - g.gy0 + 1); n > 0 && n <= maxDenseCells && n <= 8*len(ps.pts)+4096 {
		g.dense = make([]int32, n)
	} else {
		g.sparse = map[int64]int32{}
	}
	return g
}

// cellOf returns the cell of a world-pixel coordinate (never negative:
// the world starts at 0).
func (g *grid) cellOf(x float64) int { return int(x / g.cell) }

// first returns the index+1 of the first entry of the cell holding x, y,
// 0 if it has none.
func (g *grid) first(x, y float64) int32 {
	gx, gy := g.cellOf(x), g.cellOf(y)
	if g.dense != nil {
		return g.dense[(gy-g.gy0)*g.gw+gx-g.gx0]
	}
	return g.sparse[int64(gx)<<32|int64(uint32(gy))]
}

// add enters cluster ci, centred at x, y, in every cell of the extent
// within reach.
func (g *grid) add(x, y, reach float64, ci int32) {
	cx0, cx1 := max(g.cellOf(max(x-reach, 0)), g.gx0), min(g.cellOf(x+reach), g.gx1)
	cy0, cy1 := max(g.cellOf(max(y-reach, 0)), g.gy0), min(g.cellOf(y+reach), g.gy1)
	for gy := cy0; gy <= cy1; gy++ {
		for gx := cx0; gx <= cx1; gx++ {
			if g.dense != nil {
				k := (gy-g.gy0)*g.gw + gx - g.gx0
				g.entries = append(g.entries, entry{ci, g.dense[k]})
				g.dense[k] = int32(len(g.entries))
				continue
			}
			k := int64(gx)<<32 | int64(uint32(gy))
			g.entries = append(g.entries, entry{ci, g.sparse[k]})
			g.sparse[k] = int32(len(g.entries))
		}
	}
}

// ClusterOverlapping groups only points whose discs would overlap at the
// zoom: a point joins a cluster when the distance between them is less
// than the sum of their radii (WeightedPoint.Radius; a cluster has its
// heaviest member's) plus gapPx. Markers that merely sit near each other
// stay apart, so that Amman and Palmyra both show at a regional view.
func (ps *PointSet) ClusterOverlapping(zoom, gapPx float64) []Cluster {
	g := ps.newGrid(zoom, math.Max(ps.maxR, 1))
	s := g.scale
	type centre struct{ x, y, r float64 }
	var cs []Cluster
	var cxy []centre
	for k := range ps.sorted {
		sp := &ps.sorted[k]
		x, y := sp.mx*s, sp.my*s
		found, best := -1, math.Inf(1)
		for e := g.first(x, y); e != 0; e = g.entries[e-1].next {
			ci := g.entries[e-1].ci
			c := cxy[ci]
			// Compare squares: no square root per candidate.
			d2 := (c.x-x)*(c.x-x) + (c.y-y)*(c.y-y)
			if lim := c.r + sp.r + gapPx; d2 < lim*lim && d2 < best {
				found, best = int(ci), d2
			}
		}
		if found >= 0 {
			cs[found].Weight += sp.w
			cs[found].Members = append(cs[found].Members, sp.i)
			continue
		}
		// Points up to the largest radius may join it.
		g.add(x, y, sp.r+ps.maxR+gapPx, int32(len(cs)))
		p := &ps.pts[sp.i]
		cs = append(cs, Cluster{Lat: p.Lat, Lon: p.Lon, Weight: sp.w, Members: []int{sp.i}})
		cxy = append(cxy, centre{x, y, sp.r})
	}
	return cs
}

// ClusterOverlapping groups points whose discs would overlap in view v;
// see PointSet.ClusterOverlapping, which callers that cluster the same
// points at several views should use instead.
func ClusterOverlapping(pts []WeightedPoint, v View, gapPx float64) []Cluster {
	return NewPointSet(pts).ClusterOverlapping(v.Zoom, gapPx)
}
