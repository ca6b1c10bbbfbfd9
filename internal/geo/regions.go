package geo

import (
	"fmt"
	"strings"

	"github.com/briefingatlas/atlas/assets"
)

// loadRegions reads assets/geo/regions.tsv, the project's own table of
// informal regions (unions of countries, divisions and areas), named sites
// and extra names for entries of the other tables. Comment lines start
// with #. A row whose key is already taken replaces that entry's display
// data and keeps its names ("x:sahel" turns Natural Earth's Sahel plain
// into the region of the Sahel countries).
func (t *tables) loadRegions(ps *[]posting) error {
	raw, err := assets.Geo.ReadFile("geo/regions.tsv")
	if err != nil {
		return fmt.Errorf("read asset regions.tsv: %w", err)
	}
	type pending struct {
		i       int32
		members []string
		line    int
	}
	var todo []pending
	for n, row := range strings.Split(string(raw), "\n") {
		line := n + 1
		if strings.TrimSpace(row) == "" || strings.HasPrefix(row, "#") {
			continue
		}
		c := strings.Split(row, "\t")
		for len(c) < 9 {
			c = append(c, "")
		}
		for k := range c {
			c[k] = strings.TrimSpace(c[k])
		}
		kind, key, name, names, cc := c[0], c[1], c[2], c[3], c[4]
		if kind == "alias" {
			i, ok := t.keys[key]
			if !ok {
				return fmt.Errorf("regions.tsv line %d: alias of unknown key %s", line, key)
			}
			if name != "" {
				t.ents[i].name = name
				*ps = addName(*ps, Fold(name), i, false)
			}
			for _, a := range splitBar(names) {
				*ps = addName(*ps, Fold(a), i, false)
			}
			continue
		}
		lat, lon, err := parseLatLon("regions.tsv", line, c[5], c[6])
		if err != nil {
			return err
		}
		e := gentry{key: key, name: name, country: cc, lat: lat, lon: lon, rank: -1, ext: -1}
		switch kind {
		case "region":
			e.class, e.feature = ClassRegion, "region"
		case "disputed":
			e.class, e.feature = ClassDisputed, "disputed"
		case "site":
			e.class, e.feature = ClassFeature, "feature"
		default:
			return fmt.Errorf("regions.tsv line %d: unknown kind %q", line, kind)
		}
		t.ext = append(t.ext, entryExt{kind: kind})
		e.ext = int32(len(t.ext) - 1)
		i, taken := t.keys[key]
		if taken {
			t.ents[i] = e
		} else {
			i = t.add(e)
		}
		*ps = addName(*ps, Fold(name), i, false)
		for _, a := range splitBar(names) {
			*ps = addName(*ps, Fold(a), i, false)
		}
		if m := strings.Fields(c[7]); len(m) > 0 {
			todo = append(todo, pending{i, m, line})
		}
	}
	// Members are resolved once every row is in, so that a region may name
	// another row of the file.
	for _, p := range todo {
		x := &t.ext[t.ents[p.i].ext]
		for _, m := range p.members {
			key := m
			if len(m) == 2 {
				key = "ne:" + m
			}
			j, ok := t.keys[key]
			if !ok {
				return fmt.Errorf("regions.tsv line %d: unknown member %s", p.line, m)
			}
			x.members = append(x.members, j)
		}
		// A region made only of physical features is one itself: the
		// Atlantic, of the North and the South Atlantic, is a sea that
		// things sink into, not a region of countries.
		whole := len(x.members) > 0
		for _, j := range x.members {
			whole = whole && t.ents[j].feature == "feature"
		}
		if whole && x.kind == "region" {
			t.ents[p.i].class, t.ents[p.i].feature = ClassFeature, "feature"
		}
	}
	return nil
}
