package geo

import (
	"cmp"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// WeightedPoint is a place to cluster, weighted by its number of events.
type WeightedPoint struct {
	Lat, Lon float64
	Weight   float64
}

// DiscRadius is the radius in logical pixels of a marker disc standing for
// count events: it grows with the count's logarithm, so that a place with
// ten times the events reads as bigger without a million-event cluster
// covering a continent (7 px for one event, 24 px for ten thousand).
func DiscRadius(count float64) float64 {
	return 7 + 4.25*math.Log10(math.Max(count, 1))
}

// Cluster levels: the index keeps a clustering every ClusterStep zoom
// levels from MinZoom to MaxZoom. A view between two levels uses the
// coarser one, whose discs are only further apart at the finer zoom, so
// that no two overlap at any zoom.
const ClusterStep = 0.25

// clusterLevels is the number of levels, MinZoom to MaxZoom inclusive.
var clusterLevels = int(math.Ceil((MaxZoom-MinZoom)/ClusterStep)) + 1

func levelZoom(k int) float64 { return MinZoom + float64(k)*ClusterStep }

// ClusterIndex is a hierarchy of clusters of weighted points, built once
// for a set of markers and queried for every frame, in the manner of
// supercluster: each level's clusters are unions of the next finer level's,
// so clusters split as the user zooms in and never jump about. At each
// level no two discs (DiscRadius of their weight, centred on their
// heaviest place) come closer than the gap. A ClusterIndex is read-only
// and safe for concurrent use.
type ClusterIndex struct {
	pts   []WeightedPoint
	nodes []cnode
	kids  []int32 // the children of each node, a contiguous run per node
	roots []int32
	// order lists the points so that every node's members are a run of it.
	order []int
	gap   float64
	rMax  float64 // the largest radius any cluster can have
}

// cnode is a point (a leaf) or a cluster formed at one level.
type cnode struct {
	mx, my         float64 // unit Mercator of the seed, where the disc sits
	x0, y0, x1, y1 float64 // unit-Mercator extent of the members
	w, r           float64 // weight and disc radius
	seed           int     // the point the disc sits on
	hi             int     // finest level at which the node shows; leaves show at every level
	kid0, nkid     int32   // its children in kids
	start, end     int32   // its members in order
}

// item is a node, or a group of them, while a level is clustered; the
// group's nodes are a list through next, from head to tail.
type item struct {
	x, y, w, r float64 // world pixels at the level's zoom; weight and disc radius
	seed       int
	head, tail int32
	n          int32 // nodes in the group
}

// NewClusterIndex clusters pts for every level; gapPx is the least room
// left between two discs. The index keeps its own copy of pts.
func NewClusterIndex(pts []WeightedPoint, gapPx float64) *ClusterIndex {
	ix := &ClusterIndex{pts: slices.Clone(pts), gap: gapPx}
	total := 0.0
	ix.nodes = make([]cnode, len(pts), len(pts)*2)
	for i, p := range ix.pts {
		x, y := mercator(p.Lon, p.Lat)
		ix.nodes[i] = cnode{mx: x, my: y, x0: x, y0: y, x1: x, y1: y, w: p.Weight, r: DiscRadius(p.Weight), seed: i, hi: math.MaxInt}
		total += p.Weight
	}
	ix.rMax = DiscRadius(total)
	near := ix.nearest()

	// The nodes shown at the level, in the order in which it is
	// clustered, kept from level to level.
	cur := make([]int32, len(pts))
	for i := range cur {
		cur[i] = int32(i)
	}
	// Heaviest means with the heaviest place: a cluster then takes the
	// position and the name of its main place, not of a small town at the
	// centre of a crowd.
	heavier := func(a, b int32) int {
		sa, sb := ix.nodes[a].seed, ix.nodes[b].seed
		if c := cmp.Compare(ix.pts[sb].Weight, ix.pts[sa].Weight); c != 0 {
			return c
		}
		return sa - sb
	}
	slices.SortFunc(cur, heavier)
	var lv levelScratch
	gone := make([]bool, len(pts), len(pts)*2)
	for k := clusterLevels - 1; k >= 0; k-- {
		s := TileSize * math.Exp2(levelZoom(k))
		// A node whose nearest neighbour lies further away than its own
		// radius, the largest radius of the level and the gap together
		// cannot overlap anything, and stays as it is. That largest
		// radius is guessed from the nodes before merging, and the level
		// clustered again with a larger guess if a cluster outgrows it.
		rCur := 0.0
		for _, n := range cur {
			rCur = max(rCur, ix.nodes[n].r)
		}
		guess := rCur + 3
		var made []int32
		for {
			lv.contested = lv.contested[:0]
			for _, n := range cur {
				nd := &ix.nodes[n]
				if near[nd.seed]*s < nd.r+guess+gapPx {
					lv.contested = append(lv.contested, n)
				}
			}
			if len(lv.contested) < 2 {
				break
			}
			biggest := lv.cluster(ix, s, gapPx)
			if biggest <= guess {
				made = ix.addNodes(&lv, k)
				break
			}
			guess = biggest
		}
		if len(made) == 0 {
			continue
		}
		for _, n := range made {
			for _, c := range ix.kids[ix.nodes[n].kid0 : ix.nodes[n].kid0+ix.nodes[n].nkid] {
				gone[c] = true
			}
		}
		slices.SortFunc(made, heavier)
		next := make([]int32, 0, len(cur))
		j := 0
		for _, n := range cur {
			if gone[n] {
				continue
			}
			for j < len(made) && heavier(made[j], n) < 0 {
				next = append(next, made[j])
				j++
			}
			next = append(next, n)
		}
		cur = append(next, made[j:]...)
		for range made {
			gone = append(gone, false)
		}
	}
	ix.roots = slices.Clone(cur)
	ix.order = make([]int, 0, len(pts))
	for _, r := range ix.roots {
		ix.number(r)
	}
	return ix
}

// number lists node n's members in order, depth first.
func (ix *ClusterIndex) number(n int32) {
	nd := &ix.nodes[n]
	nd.start = int32(len(ix.order))
	if nd.nkid == 0 {
		ix.order = append(ix.order, nd.seed)
	}
	for _, c := range ix.kids[nd.kid0 : nd.kid0+nd.nkid] {
		ix.number(c)
	}
	ix.nodes[n].end = int32(len(ix.order))
}

// levelScratch is the working memory of clustering one level, kept from
// level to level.
type levelScratch struct {
	contested []int32 // the nodes that may overlap another
	next      []int32 // list links between contested positions
	items     []item
	out       []item
	grid      cellGrid
	grew      []int32 // clusters to check again
	rmax      float64 // the largest radius so far
}

// cluster merges the contested nodes whose discs overlap at a zoom of s
// world pixels per unit, and returns the largest radius of the result.
// In order of their main place's weight, each node joins the nearest
// cluster its disc overlaps, else starts one at its own seed. A cluster grows as it gains weight and
// may then overlap one it did not before, so every cluster that grew is
// checked again against all others, the lighter of two that overlap
// merged into the heavier, until none grew unchecked: then no two overlap
// (a pair of clusters that never grew was compared in the first pass).
func (lv *levelScratch) cluster(ix *ClusterIndex, s, gap float64) float64 {
	// The contested nodes come in order of their main place.
	items := lv.items[:0]
	lv.next = lv.next[:0]
	rmax := 0.0
	for i, n := range lv.contested {
		nd := &ix.nodes[n]
		items = append(items, item{x: nd.mx * s, y: nd.my * s, w: nd.w, r: nd.r, seed: nd.seed,
			head: int32(i), tail: int32(i), n: 1})
		lv.next = append(lv.next, -1)
		rmax = max(rmax, nd.r)
	}
	lv.items = items
	lv.rmax = rmax
	cell := 2*rmax + gap
	lv.grid.reset(len(items), cell)
	out := lv.out[:0]
	lv.grew = lv.grew[:0]
	for _, it := range items {
		cx, cy := lv.grid.cellOf(it.x, it.y)
		found, best := int32(-1), math.Inf(1)
		for dy := int32(-1); dy <= 1; dy++ {
			for dx := int32(-1); dx <= 1; dx++ {
				for oi := lv.grid.first(cx+dx, cy+dy); oi >= 0; oi = lv.grid.after[oi] {
					o := &out[oi]
					d2 := (o.x-it.x)*(o.x-it.x) + (o.y-it.y)*(o.y-it.y)
					lim := o.r + it.r + gap
					if d2 < lim*lim && d2 < best {
						found, best = oi, d2
					}
				}
			}
		}
		if found >= 0 {
			if out[found].n == 1 {
				lv.grew = append(lv.grew, found)
			}
			lv.join(&out[found], &it)
			continue
		}
		lv.grid.add(cx, cy, int32(len(out)))
		out = append(out, it)
	}
	// Check the clusters that grew, and those that grow in turn.
	for len(lv.grew) > 0 {
		gi := lv.grew[len(lv.grew)-1]
		lv.grew = lv.grew[:len(lv.grew)-1]
		g := &out[gi]
		if g.n == 0 {
			continue // merged into another since
		}
		reach := g.r + lv.rmax + gap
		cx0, cy0 := lv.grid.cellOf(g.x-reach, g.y-reach)
		cx1, cy1 := lv.grid.cellOf(g.x+reach, g.y+reach)
		for cy := cy0; cy <= cy1; cy++ {
			for cx := cx0; cx <= cx1; cx++ {
				for oi := lv.grid.first(cx, cy); oi >= 0; oi = lv.grid.after[oi] {
					o := &out[oi]
					if oi == gi || o.n == 0 {
						continue
					}
					d2 := (o.x-g.x)*(o.x-g.x) + (o.y-g.y)*(o.y-g.y)
					if lim := o.r + g.r + gap; d2 >= lim*lim {
						continue
					}
					// Out is in order of main place, so the earlier one keeps its place.
					keep, lose := gi, oi
					if oi < gi {
						keep, lose = oi, gi
					}
					lv.join(&out[keep], &out[lose])
					out[lose].n = 0
					lv.grew = append(lv.grew, keep)
					if lose == gi {
						break
					}
				}
				if g.n == 0 {
					break
				}
			}
			if g.n == 0 {
				break
			}
		}
	}
	lv.out = out[:0]
	kept := lv.items[:0]
	biggest := 0.0
	for _, o := range out {
		if o.n > 0 {
			kept = append(kept, o)
			biggest = max(biggest, o.r)
		}
	}
	lv.items = kept
	return biggest
}

// join adds b's nodes and weight to a.
func (lv *levelScratch) join(a, b *item) {
	a.w += b.w
	a.r = DiscRadius(a.w)
	lv.rmax = max(lv.rmax, a.r)
	lv.next[a.tail] = b.head
	a.tail = b.tail
	a.n += b.n
}

// addNodes makes a node, shown at level k, of each cluster of the level
// that merged two or more nodes, and returns the new nodes.
func (ix *ClusterIndex) addNodes(lv *levelScratch, k int) []int32 {
	var made []int32
	for _, it := range lv.items {
		if it.n < 2 {
			continue
		}
		nd := cnode{x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1),
			seed: it.seed, hi: k, kid0: int32(len(ix.kids)), nkid: it.n}
		for c := it.head; c >= 0; c = lv.next[c] {
			n := lv.contested[c]
			ch := &ix.nodes[n]
			if ch.seed == it.seed {
				nd.mx, nd.my = ch.mx, ch.my
			}
			nd.w += ch.w
			nd.x0, nd.y0 = math.Min(nd.x0, ch.x0), math.Min(nd.y0, ch.y0)
			nd.x1, nd.y1 = math.Max(nd.x1, ch.x1), math.Max(nd.y1, ch.y1)
			ix.kids = append(ix.kids, n)
		}
		nd.r = DiscRadius(nd.w)
		made = append(made, int32(len(ix.nodes)))
		ix.nodes = append(ix.nodes, nd)
	}
	return made
}

// cellGrid lists the clusters in each square cell: an open-addressing
// table from cell to its last cluster, and a link from each cluster to the
// previous one in its cell.
type cellGrid struct {
	cell  float64 // cell width in world pixels
	keys  []uint64
	heads []int32
	after []int32 // per cluster: the cluster entered before it in its cell, -1 for none
	mask  uint64
}

const emptyCell = ^uint64(0)

func (g *cellGrid) reset(n int, cell float64) {
	g.cell = cell
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(g.keys) < size {
		g.keys, g.heads = make([]uint64, size), make([]int32, size)
	}
	g.keys, g.heads = g.keys[:size], g.heads[:size]
	for i := range g.keys {
		g.keys[i] = emptyCell
	}
	g.mask = uint64(size - 1)
	g.after = g.after[:0]
}

// cellOf returns the cell holding a point in world pixels.
func (g *cellGrid) cellOf(x, y float64) (int32, int32) {
	return int32(math.Floor(x / g.cell)), int32(math.Floor(y / g.cell))
}

func cellKey(cx, cy int32) uint64 { return uint64(uint32(cx))<<32 | uint64(uint32(cy)) }

// slot returns the table position of a cell: its own, or the empty one
// where it would go.
func (g *cellGrid) slot(key uint64) uint64 {
	h := (key * 0x9E3779B97F4A7C15) >> 20 & g.mask
	for g.keys[h] != emptyCell && g.keys[h] != key {
		h = (h + 1) & g.mask
	}
	return h
}

// first returns the last cluster entered in a cell, -1 if none.
func (g *cellGrid) first(cx, cy int32) int32 {
	h := g.slot(cellKey(cx, cy))
	if g.keys[h] == emptyCell {
		return -1
	}
	return g.heads[h]
}

// add enters cluster i, which must be the next number, in a cell.
func (g *cellGrid) add(cx, cy, i int32) {
	key := cellKey(cx, cy)
	h := g.slot(key)
	prev := int32(-1)
	if g.keys[h] == key {
		prev = g.heads[h]
	}
	g.keys[h], g.heads[h] = key, i
	g.after = append(g.after, prev)
}

// nearest returns, for each point, a lower bound on the unit-Mercator
// distance to its nearest neighbour. Clusters sit on one of their points,
// so merging only takes neighbours away and the bound holds at every
// level. Points with no neighbour within a few grid cells get the bound
// those cells give.
func (ix *ClusterIndex) nearest() []float64 {
	n := len(ix.nodes)
	out := make([]float64, n)
	if n < 2 {
		for i := range out {
			out[i] = math.Inf(1)
		}
		return out
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range ix.nodes {
		nd := &ix.nodes[i]
		x0, y0 = math.Min(x0, nd.mx), math.Min(y0, nd.my)
		x1, y1 = math.Max(x1, nd.mx), math.Max(y1, nd.my)
	}
	g := int(math.Min(4096, math.Max(1, 2*math.Sqrt(float64(n)))))
	cw := math.Max((x1-x0)/float64(g), 1e-12)
	ch := math.Max((y1-y0)/float64(g), 1e-12)
	cellOf := func(x, y float64) (int, int) {
		return min(int((x-x0)/cw), g-1), min(int((y-y0)/ch), g-1)
	}
	// The points by cell, as a compressed sparse row: first[c]..first[c+1].
	first := make([]int32, g*g+1)
	for i := range ix.nodes {
		cx, cy := cellOf(ix.nodes[i].mx, ix.nodes[i].my)
		first[cy*g+cx+1]++
	}
	for c := 1; c <= g*g; c++ {
		first[c] += first[c-1]
	}
	fill := slices.Clone(first[:g*g])
	byCell := make([]int32, n)
	for i := range ix.nodes {
		cx, cy := cellOf(ix.nodes[i].mx, ix.nodes[i].my)
		byCell[fill[cy*g+cx]] = int32(i)
		fill[cy*g+cx]++
	}
	const maxRing = 6
	cmin := math.Min(cw, ch)
	for i := range ix.nodes {
		p := &ix.nodes[i]
		cx, cy := cellOf(p.mx, p.my)
		best := math.Inf(1)
		ring := 0
		for ; ring <= maxRing; ring++ {
			// Points beyond this ring are at least ring cells away.
			if float64(ring-1)*cmin >= math.Sqrt(best) {
				break
			}
			for gy := cy - ring; gy <= cy+ring; gy++ {
				if gy < 0 || gy >= g {
					continue
				}
				for gx := cx - ring; gx <= cx+ring; gx++ {
					if gx < 0 || gx >= g || (gy != cy-ring && gy != cy+ring && gx != cx-ring && gx != cx+ring) {
						continue
					}
					for _, j := range byCell[first[gy*g+gx]:first[gy*g+gx+1]] {
						if int(j) == i {
							continue
						}
						q := &ix.nodes[j]
						if d2 := (q.mx-p.mx)*(q.mx-p.mx) + (q.my-p.my)*(q.my-p.my); d2 < best {
							best = d2
						}
					}
				}
			}
		}
		d := math.Sqrt(best)
		if ring > maxRing {
			d = math.Min(d, float64(maxRing)*cmin)
		}
		out[i] = d
	}
	return out
}

// Len returns the number of points indexed.
func (ix *ClusterIndex) Len() int { return len(ix.pts) }

// LevelOf returns the index level a view at zoom z shows: the finest
// level at or below z.
func LevelOf(z float64) int {
	k := int(math.Floor((z-MinZoom)/ClusterStep + 1e-9))
	return max(0, min(clusterLevels-1, k))
}

// Cluster is a disc as the index shows it at one level: a single point or
// several merged.
type Cluster struct {
	Lat, Lon float64 // the seed's position, so that a disc sits on a real place
	Weight   float64 // the sum of the members' weights
	Seed     int     // the heaviest point, where the disc sits; it names the disc
	// Members are the indexes of the clustered points; the slice is the
	// index's own and must not be changed.
	Members []int
	// Bound is the members' extent in degrees, for zooming to them.
	Bound orb.Bound
	// SplitZoom is the zoom at which the cluster splits into smaller ones;
	// +Inf when it never does (one place, or places at the same spot).
	SplitZoom float64
}

// Radius returns the cluster's disc radius in logical pixels.
func (c Cluster) Radius() float64 { return DiscRadius(c.Weight) }

// Query returns the clusters shown in view v whose discs come within
// marginPx of it, appending them to dst. Only the branches of the
// hierarchy that reach into the view are visited.
func (ix *ClusterIndex) Query(v View, marginPx float64, dst []Cluster) []Cluster {
	k := LevelOf(v.Zoom)
	s := v.worldSize()
	cx, cy := mercator(v.Center[0], v.Center[1])
	pad := (ix.rMax + marginPx) / s
	vx0, vx1 := cx-v.Width/2/s-pad, cx+v.Width/2/s+pad
	vy0, vy1 := cy-v.Height/2/s-pad, cy+v.Height/2/s+pad
	stack := append([]int32(nil), ix.roots...)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nd := &ix.nodes[n]
		if nd.x1 < vx0 || nd.x0 > vx1 || nd.y1 < vy0 || nd.y0 > vy1 {
			continue
		}
		if nd.hi < k {
			stack = append(stack, ix.kids[nd.kid0:nd.kid0+nd.nkid]...)
			continue
		}
		// Shown at this level: drawn if its own disc reaches the view.
		r := (DiscRadius(nd.w) + marginPx) / s
		if nd.mx+r < vx0+pad || nd.mx-r > vx1-pad || nd.my+r < vy0+pad || nd.my-r > vy1-pad {
			continue
		}
		dst = append(dst, ix.cluster(nd))
	}
	return dst
}

// cluster describes a node as a Cluster.
func (ix *ClusterIndex) cluster(nd *cnode) Cluster {
	p := ix.pts[nd.seed]
	lon0, lat1 := unmercator(nd.x0, nd.y0)
	lon1, lat0 := unmercator(nd.x1, nd.y1)
	split := math.Inf(1)
	// A chain of one-child nodes cannot happen (a node has two or more
	// children), so the children show from the next level on.
	if nd.nkid > 0 && nd.hi+1 < clusterLevels {
		split = levelZoom(nd.hi + 1)
	}
	return Cluster{Lat: p.Lat, Lon: p.Lon, Weight: nd.w, Seed: nd.seed, Members: ix.order[nd.start:nd.end:nd.end],
		Bound: orb.Bound{Min: orb.Point{lon0, lat0}, Max: orb.Point{lon1, lat1}}, SplitZoom: split}
}
