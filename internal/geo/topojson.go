package geo

import (
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb"
)

// Topology is a decoded TopoJSON document: shared arcs in degrees and the
// named objects that reference them. orb reads GeoJSON only, hence this.
type Topology struct {
	Arcs    []orb.LineString
	Objects map[string][]TopoGeometry
}

// TopoGeometry is one polygon or multipolygon of a TopoJSON object, with its
// arcs kept as references so that shared borders can be found.
type TopoGeometry struct {
	ID   string
	Name string
	// Rings lists, per polygon, per ring, the arc indexes; ^i (negative)
	// means arc i reversed, as in TopoJSON.
	Rings [][][]int
}

type topoJSON struct {
	Type      string                    `json:"type"`
	Arcs      [][][2]float64            `json:"arcs"`
	Transform *topoTransform            `json:"transform"`
	Objects   map[string]topoCollection `json:"objects"`
}

type topoTransform struct {
	Scale     [2]float64 `json:"scale"`
	Translate [2]float64 `json:"translate"`
}

type topoCollection struct {
	Type       string          `json:"type"`
	Arcs       json.RawMessage `json:"arcs"`
	Geometries []topoGeom      `json:"geometries"`
}

type topoGeom struct {
	Type       string          `json:"type"`
	ID         any             `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

// DecodeTopology parses TopoJSON, undoing the quantisation and delta
// encoding of the arcs when the document has a transform.
func DecodeTopology(data []byte) (*Topology, error) {
	var t topoJSON
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("decode topojson: %w", err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("decode topojson: type %q, want Topology", t.Type)
	}
	out := &Topology{Arcs: make([]orb.LineString, len(t.Arcs)), Objects: map[string][]TopoGeometry{}}
	for i, arc := range t.Arcs {
		ls := make(orb.LineString, len(arc))
		var x, y float64
		for j, p := range arc {
			if t.Transform != nil {
				x += p[0]
				y += p[1]
				ls[j] = orb.Point{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
			} else {
				ls[j] = orb.Point{p[0], p[1]}
			}
		}
		out.Arcs[i] = ls
	}
	for name, obj := range t.Objects {
		geoms := obj.Geometries
		if obj.Type != "GeometryCollection" {
			geoms = []topoGeom{{Type: obj.Type, Arcs: obj.Arcs}}
		}
		for _, g := range geoms {
			tg := TopoGeometry{Name: g.Properties.Name}
			switch id := g.ID.(type) {
			case string:
				tg.ID = id
			case float64:
				tg.ID = fmt.Sprintf("%03d", int(id))
			}
			switch g.Type {
			case "Polygon":
				var rings [][]int
				if err := json.Unmarshal(g.Arcs, &rings); err != nil {
					return nil, fmt.Errorf("decode topojson %s %q: %w", name, tg.Name, err)
				}
				tg.Rings = [][][]int{rings}
			case "MultiPolygon":
				if err := json.Unmarshal(g.Arcs, &tg.Rings); err != nil {
					return nil, fmt.Errorf("decode topojson %s %q: %w", name, tg.Name, err)
				}
			default:
				continue // points and lines are not used by the basemap
			}
			for _, poly := range tg.Rings {
				for _, ring := range poly {
					for _, a := range ring {
						if i := arcIndex(a); i < 0 || i >= len(out.Arcs) {
							return nil, fmt.Errorf("decode topojson %s %q: arc %d out of range", name, tg.Name, a)
						}
					}
				}
			}
			out.Objects[name] = append(out.Objects[name], tg)
		}
	}
	return out, nil
}

func arcIndex(a int) int {
	if a < 0 {
		return ^a
	}
	return a
}

// Ring stitches arcs into one closed ring, dropping the point each arc
// shares with the one before.
func (t *Topology) Ring(arcs []int) orb.Ring {
	var r orb.Ring
	for k, a := range arcs {
		ls := t.Arcs[arcIndex(a)]
		start := 0
		if k > 0 {
			start = 1
		}
		if a < 0 {
			for j := len(ls) - 1 - start; j >= 0; j-- {
				r = append(r, ls[j])
			}
		} else {
			r = append(r, ls[start:]...)
		}
	}
	return r
}

// MultiPolygon builds the geometry of g.
func (t *Topology) MultiPolygon(g TopoGeometry) orb.MultiPolygon {
	mp := make(orb.MultiPolygon, 0, len(g.Rings))
	for _, poly := range g.Rings {
		p := make(orb.Polygon, 0, len(poly))
		for _, ring := range poly {
			p = append(p, t.Ring(ring))
		}
		mp = append(mp, p)
	}
	return mp
}

// Mesh returns the arcs of object obj that filter accepts, as lines. filter
// gets the number of distinct geometries using the arc, like topojson.mesh:
// n >= 2 gives the borders between countries, n == 1 the outer edges.
func (t *Topology) Mesh(obj string, filter func(n int) bool) orb.MultiLineString {
	users := make([]int, len(t.Arcs))
	last := make([]int, len(t.Arcs))
	for i := range last {
		last[i] = -1
	}
	for gi, g := range t.Objects[obj] {
		for _, poly := range g.Rings {
			for _, ring := range poly {
				for _, a := range ring {
					i := arcIndex(a)
					if last[i] != gi {
						last[i] = gi
						users[i]++
					}
				}
			}
		}
	}
	var out orb.MultiLineString
	for i, n := range users {
		if n > 0 && filter(n) {
			out = append(out, t.Arcs[i])
		}
	}
	return out
}
