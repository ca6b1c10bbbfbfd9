package geo

import (
	"testing"

	"github.com/paulmach/orb"
)

// A two-square topology sharing one arc, quantised with a transform: the
// left square (0,0)-(1,1) and the right one (1,0)-(2,1).
const twoSquares = `{"type":"Topology",
 "transform":{"scale":[0.5,0.5],"translate":[10,20]},
 "objects":{
  "countries":{"type":"GeometryCollection","geometries":[
    {"type":"Polygon","id":"AA","properties":{"name":"Left"},"arcs":[[0,1]]},
    {"type":"MultiPolygon","id":"BB","properties":{"name":"Right"},"arcs":[[[-1,2]]]}]},
  "land":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[1,2]]}]}},
 "arcs":[
  [[2,0],[0,2]],
  [[2,2],[-2,0],[0,-2],[2,0]],
  [[2,0],[2,0],[0,2],[-2,0]]]}`

func TestDecodeTopology(t *testing.T) {
	topo, err := DecodeTopology([]byte(twoSquares))
	if err != nil {
		t.Fatal(err)
	}
	// Arc 0 is the shared edge x=1 (quantised 2), from y=0 to y=1, offset by the translate.
	want0 := orb.LineString{{11, 20}, {11, 21}}
	if !topo.Arcs[0].Equal(want0) {
		t.Errorf("arc 0 = %v, want %v", topo.Arcs[0], want0)
	}
	c := topo.Objects["countries"]
	if len(c) != 2 || c[0].ID != "AA" || c[1].Name != "Right" {
		t.Fatalf("countries = %+v", c)
	}
	left := topo.MultiPolygon(c[0])
	wantLeft := orb.Ring{{11, 20}, {11, 21}, {10, 21}, {10, 20}, {11, 20}}
	if !left[0][0].Equal(wantLeft) {
		t.Errorf("left ring = %v, want %v", left[0][0], wantLeft)
	}
	right := topo.MultiPolygon(c[1])
	wantRight := orb.Ring{{11, 21}, {11, 20}, {12, 20}, {12, 21}, {11, 21}}
	if !right[0][0].Equal(wantRight) {
		t.Errorf("right ring (reversed shared arc) = %v, want %v", right[0][0], wantRight)
	}
	borders := topo.Mesh("countries", func(n int) bool { return n >= 2 })
	if len(borders) != 1 || !borders[0].Equal(want0) {
		t.Errorf("borders = %v, want only the shared arc", borders)
	}
	b, err := NewBasemap(LOD110m, topo)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.CountryAt(20.5, 11.5); got != "BB" {
		t.Errorf("CountryAt inside the right square = %q", got)
	}
	if got := b.CountryAt(25, 11.5); got != "" {
		t.Errorf("CountryAt outside = %q", got)
	}
}

func TestDecodeTopologyErrors(t *testing.T) {
	tests := []string{
		`{"type":"FeatureCollection"}`,
		`{"type":"Topology","objects":{"x":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[5]]}]}},"arcs":[]}`,
		`not json`,
	}
	for _, in := range tests {
		if _, err := DecodeTopology([]byte(in)); err == nil {
			t.Errorf("DecodeTopology(%.40q) succeeded", in)
		}
	}
}

func TestFixRingAntimeridian(t *testing.T) {
	// A small island cut at 180°: the ring jumps twice.
	island := orb.Ring{{179, -16}, {180, -16}, {-180, -16}, {-179, -16}, {-179, -17}, {-180, -17}, {180, -17}, {179, -17}, {179, -16}}
	rs := fixRing(island)
	if len(rs) != 2 {
		t.Fatalf("got %d rings, want the unwrapped ring and its shifted copy", len(rs))
	}
	for _, r := range rs {
		for i := 1; i < len(r); i++ {
			if d := r[i][0] - r[i-1][0]; d > 180 || d < -180 {
				t.Errorf("ring still jumps: %v → %v", r[i-1], r[i])
			}
		}
	}
	// Antarctica-like: one jump, closed around the pole.
	polar := orb.Ring{{-180, -70}, {0, -65}, {180, -70}, {-180, -70}}
	pr := fixRing(polar)[0]
	hasPole := false
	for _, p := range pr {
		if p[1] == -90 {
			hasPole = true
		}
	}
	if !hasPole {
		t.Errorf("polar ring %v has no detour by the pole", pr)
	}
}
