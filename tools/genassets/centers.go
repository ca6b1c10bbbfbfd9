package main

import (
	"fmt"
	"math"
	"os"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// dominantShare is the share of a country's area its largest polygon must
// hold to be the country's centre alone: the contiguous United States
// (Alaska and Hawaii aside), metropolitan France (its overseas
// departments aside).
const dominantShare = 0.6

// countryCenters computes a point for each country of the Natural Earth
// 1:50m topology at in (world-atlas, ids still ISO 3166 numeric), keyed by
// numeric id and by Natural Earth name: the area centroid of its largest
// polygon when that polygon holds most of the country, else the centroid
// of all its polygons when it lies inside one of them, else the largest
// polygon's. world-countries gives only whole degrees ("Brazil -10, -55",
// 560 km from where news maps place the country); a country named as the
// place of an event is drawn and measured at this point.
func countryCenters(in string) (map[string]orb.Point, error) {
	raw, err := os.ReadFile(in)
	if err != nil {
		return nil, fmt.Errorf("read topology: %w", err)
	}
	topo, err := geo.DecodeTopology(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in, err)
	}
	out := map[string]orb.Point{}
	for _, g := range topo.Objects["countries"] {
		mp := unwrap(topo.MultiPolygon(g))
		if len(mp) == 0 {
			continue
		}
		// Areas are signed by the rings' winding, which TopoJSON does not
		// fix: compare their sizes.
		var largest orb.Polygon
		largestArea, total := 0.0, 0.0
		for _, p := range mp {
			a := math.Abs(planar.Area(p))
			total += a
			if a > largestArea {
				largest, largestArea = p, a
			}
		}
		c, _ := planar.CentroidArea(largest)
		if all, _ := planar.CentroidArea(mp); largestArea < dominantShare*total && planar.MultiPolygonContains(mp, all) {
			c = all // New Zealand: neither island alone
		}
		if !planar.MultiPolygonContains(mp, c) {
			continue // a shape no centroid falls in: world-countries' point stays
		}
		if c[0] > 180 {
			c[0] -= 360
		}
		if g.ID != "" {
			out[g.ID] = c
		}
		if g.Name != "" {
			out["name:"+g.Name] = c
		}
	}
	return out, nil
}

// unwrap moves the western half of a country drawn across the antimeridian
// (Russia's Chukotka, Fiji) east by 360 degrees, so that its polygons are
// whole for the centroid.
func unwrap(mp orb.MultiPolygon) orb.MultiPolygon {
	if b := mp.Bound(); b.Max[0]-b.Min[0] <= 180 {
		return mp
	}
	out := make(orb.MultiPolygon, len(mp))
	for i, p := range mp {
		out[i] = make(orb.Polygon, len(p))
		for j, r := range p {
			nr := make(orb.Ring, len(r))
			for k, pt := range r {
				if pt[0] < 0 {
					pt[0] += 360
				}
				nr[k] = pt
			}
			out[i][j] = nr
		}
	}
	return out
}
