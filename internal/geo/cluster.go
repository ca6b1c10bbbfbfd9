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
	pts   []WeightedPoint
	order []int32   // heaviest first; ties by index, so that results are deterministic
	mx    []float64 // unit Mercator x of pts[i]
	my    []float64
	maxR  float64 // largest Radius
	// the unit-Mercator bound of the points, for the grid
	x0, y0, x1, y1 float64
}

// NewPointSet prepares pts for clustering; it keeps its own copy.
func NewPointSet(pts []WeightedPoint) *PointSet {
	ps := &PointSet{pts: slices.Clone(pts), order: make([]int32, len(pts)),
		mx: make([]float64, len(pts)), my: make([]float64, len(pts)),
		x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
	for i, p := range ps.pts {
		ps.order[i] = int32(i)
		x, y := mercator(p.Lon, p.Lat)
		ps.mx[i], ps.my[i] = x, y
		ps.x0, ps.x1 = math.Min(ps.x0, x), math.Max(ps.x1, x)
		ps.y0, ps.y1 = math.Min(ps.y0, y), math.Max(ps.y1, y)
		ps.maxR = math.Max(ps.maxR, p.Radius)
	}
	slices.SortFunc(ps.order, func(a, b int32) int {
		if c := cmp.Compare(ps.pts[b].Weight, ps.pts[a].Weight); c != 0 {
			return c
		}
		return int(a - b)
	})
	return ps
}

// Len returns the number of points.
func (ps *PointSet) Len() int { return len(ps.pts) }

// maxDenseCells bounds the grid laid over the points' extent; beyond it
// (zoomed far in on points spread over the world) cells go into a map.
const maxDenseCells = 1 << 18

// grid buckets cluster indexes by square cells of a fixed size in world
// pixels, as linked lists (head per cell, next per cluster, both holding
// index+1 so that zero means none): densely over the points' extent when
// that is small enough, otherwise in a map.
type grid struct {
	gx0, gy0 int
	gw, gh   int
	dense    []int32
	sparse   map[int64]int32
	next     []int32
}

func (ps *PointSet) newGrid(zoom, cellPx float64) *grid {
	s := TileSize * math.Exp2(zoom)
	g := &grid{}
	if len(ps.pts) > 0 {
		g.gx0, g.gy0 = int(math.Floor(ps.x0*s/cellPx))-1, int(math.Floor(ps.y0*s/cellPx))-1
		gx1, gy1 := int(math.Floor(ps.x1*s/cellPx))+1, int(math.Floor(ps.y1*s/cellPx))+1
		g.gw, g.gh = gx1-g.gx0+1, gy1-g.gy0+1
	}
	if n := g.gw * g.gh; n > 0 && n <= maxDenseCells && n <= 8*len(ps.pts)+4096 {
		g.dense = make([]int32, n)
	} else {
		g.sparse = map[int64]int32{}
	}
	return g
}

func (g *grid) key(gx, gy int) int64 { return int64(gx)<<32 | int64(uint32(gy)) }

// first returns the index+1 of the last cluster added to a cell, 0 if none.
func (g *grid) first(gx, gy int) int32 {
	if g.dense != nil {
		return g.dense[(gy-g.gy0)*g.gw+gx-g.gx0]
	}
	return g.sparse[g.key(gx, gy)]
}

// add puts cluster ci, which must be the next index, in a cell.
func (g *grid) add(gx, gy int, ci int32) {
	if g.dense != nil {
		k := (gy-g.gy0)*g.gw + gx - g.gx0
		g.next = append(g.next, g.dense[k])
		g.dense[k] = ci + 1
		return
	}
	k := g.key(gx, gy)
	g.next = append(g.next, g.sparse[k])
	g.sparse[k] = ci + 1
}

// ClusterMarkers groups points closer than radiusPx at the zoom. Points
// are taken heaviest first; each joins the nearest cluster within radiusPx,
// found in the 3×3 grid cells around it, or starts a new one.
func (ps *PointSet) ClusterMarkers(zoom, radiusPx float64) []Cluster {
	if radiusPx <= 0 {
		radiusPx = 1
	}
	g := ps.newGrid(zoom, radiusPx)
	s := TileSize * math.Exp2(zoom)
	type centre struct{ x, y float64 }
	var cs []Cluster
	var cxy []centre
	r2 := radiusPx * radiusPx
	for _, i := range ps.order {
		x, y := ps.mx[i]*s, ps.my[i]*s
		gx, gy := int(math.Floor(x/radiusPx)), int(math.Floor(y/radiusPx))
		found, best := -1, r2
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				for c1 := g.first(gx+dx, gy+dy); c1 != 0; c1 = g.next[c1-1] {
					ci := c1 - 1
					c := cxy[ci]
					if d := (c.x-x)*(c.x-x) + (c.y-y)*(c.y-y); d <= best {
						found, best = int(ci), d
					}
				}
			}
		}
		p := &ps.pts[i]
		if found >= 0 {
			cs[found].Weight += p.Weight
			cs[found].Members = append(cs[found].Members, int(i))
			continue
		}
		g.add(gx, gy, int32(len(cs)))
		cs = append(cs, Cluster{Lat: p.Lat, Lon: p.Lon, Weight: p.Weight, Members: []int{int(i)}})
		cxy = append(cxy, centre{x, y})
	}
	return cs
}

// ClusterOverlapping groups only points whose discs would overlap at the
// zoom: a point joins a cluster when the distance between them is less
// than the sum of their radii (WeightedPoint.Radius; a cluster has its
// heaviest member's) plus gapPx. Markers that merely sit near each other
// stay apart, so that Amman and Palmyra both show at a regional view.
func (ps *PointSet) ClusterOverlapping(zoom, gapPx float64) []Cluster {
	cellPx := math.Max(2*ps.maxR+gapPx, 1)
	g := ps.newGrid(zoom, cellPx)
	s := TileSize * math.Exp2(zoom)
	type centre struct{ x, y, r float64 }
	var cs []Cluster
	var cxy []centre
	for _, i := range ps.order {
		p := &ps.pts[i]
		x, y := ps.mx[i]*s, ps.my[i]*s
		gx, gy := int(math.Floor(x/cellPx)), int(math.Floor(y/cellPx))
		found, best := -1, math.Inf(1)
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				for c1 := g.first(gx+dx, gy+dy); c1 != 0; c1 = g.next[c1-1] {
					ci := c1 - 1
					c := cxy[ci]
					// Compare squares: no square root per candidate.
					d2 := (c.x-x)*(c.x-x) + (c.y-y)*(c.y-y)
					if lim := c.r + p.Radius + gapPx; d2 < lim*lim && d2 < best {
						found, best = int(ci), d2
					}
				}
			}
		}
		if found >= 0 {
			cs[found].Weight += p.Weight
			cs[found].Members = append(cs[found].Members, int(i))
			continue
		}
		g.add(gx, gy, int32(len(cs)))
		cs = append(cs, Cluster{Lat: p.Lat, Lon: p.Lon, Weight: p.Weight, Members: []int{int(i)}})
		cxy = append(cxy, centre{x, y, p.Radius})
	}
	return cs
}

// ClusterMarkers groups points closer than radiusPx in view v; see
// PointSet.ClusterMarkers, which callers that cluster the same points at
// several views should use instead.
func ClusterMarkers(pts []WeightedPoint, v View, radiusPx float64) []Cluster {
	return NewPointSet(pts).ClusterMarkers(v.Zoom, radiusPx)
}

// ClusterOverlapping groups points whose discs would overlap in view v;
// see PointSet.ClusterOverlapping, which callers that cluster the same
// points at several views should use instead.
func ClusterOverlapping(pts []WeightedPoint, v View, gapPx float64) []Cluster {
	return NewPointSet(pts).ClusterOverlapping(v.Zoom, gapPx)
}
