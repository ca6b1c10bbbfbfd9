package extract

// Places given by a distance from a named one: "a city about 100 miles
// north of Islamabad", "60 km (37 miles) south of Baghdad", told in the
// sentence or in an apposition to a country.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

// distanceReference reports a place named only to measure from ("about
// 800 km from the capital, Santiago", "100 miles north of Islamabad"):
// what happened is not there.
func (d *doc) distanceReference(en *ent) bool {
	s := d.sents[en.sentence]
	k := en.t0 - 1
	for n := 0; k > s.t0 && n < 4; n++ {
		w := d.toks[k].low
		if w == "from" || w == "of" {
			break
		}
		if w != "the" && w != "," && !placeHeads[w] && w != "capital" {
			return false
		}
		k--
	}
	if k <= s.t0 || (d.toks[k].low != "from" && d.toks[k].low != "of") {
		return false
	}
	if k-3 > s.t0 && d.toks[k].low == "of" && (d.toks[k-1].low == "capital" || placeHeads[d.toks[k-1].low]) && d.toks[k-2].low == "the" && (d.toks[k-3].low == "of" || d.toks[k-3].low == "from") {
		k -= 3 // "100 miles north of the capital of Islamabad"
	}
	j := k - 1
	if geo.CompassDirection(d.toks[j].low) != "" && j > s.t0 {
		j-- // "100 miles north of"
	}
	if d.toks[j].low == ")" {
		// "60 km (37 miles) south of"
		for j > s.t0 && d.toks[j].low != "(" {
			j--
		}
		j--
	}
	return j >= s.t0 && distanceUnits[d.toks[j].low]
}

// offsetPlace is the point a distance and a compass word measure from
// place en: "a city about 100 miles north of Islamabad", "60 km (37 miles)
// south of Baghdad". A place named that way is where something is, though
// the gazetteer does not know it. ok is false without a number, a unit
// and a direction.
// from is the token the measure starts at.
func (d *doc) offsetPlace(en *ent) (model.Place, int, bool) {
	if !d.distanceReference(en) || en.country || en.place.Feature == "country" {
		return model.Place{}, 0, false
	}
	s := d.sents[en.sentence]
	// "north of Islamabad", "north of the capital of Islamabad": the "of"
	// after the compass word.
	k := en.t0 - 1
	for k > s.t0 && k >= en.t0-5 && !((d.toks[k].low == "of" || d.toks[k].low == "from") && geo.CompassDirection(d.toks[k-1].low) != "") {
		k--
	}
	j := k - 1
	if j <= s.t0 {
		return model.Place{}, 0, false
	}
	dir := geo.CompassDirection(d.toks[j].low)
	if dir == "" || dir == "central" {
		return model.Place{}, 0, false
	}
	j--
	if j > s.t0 && d.toks[j].low == ")" {
		// "60 km (37 miles) south of": the first measure.
		for j > s.t0 && d.toks[j].low != "(" {
			j--
		}
		j--
	}
	if j <= s.t0 || !distanceUnits[d.toks[j].low] {
		return model.Place{}, 0, false
	}
	unit := d.toks[j].low
	n, ok := numberAt(d.toks[j-1])
	if !ok {
		return model.Place{}, 0, false
	}
	km := n
	switch unit {
	case "miles", "mile", "mi":
		km = n * 1.609344
	case "metres", "meters":
		km = n / 1000
	}
	lat, lon, ok := geo.Offset(en.place.Lat, en.place.Lon, dir, km)
	if !ok {
		return model.Place{}, 0, false
	}
	name := d.text[d.toks[j-1].s:d.toks[j].e] + " " + dir + " of " + en.place.Name
	return model.Place{
		Key:     fmt.Sprintf("off:%s:%s:%.0f", en.place.Key, dir, km),
		Name:    name,
		Country: en.place.Country,
		Admin1:  en.place.Admin1,
		Lat:     lat,
		Lon:     lon,
		Feature: "offset",
	}, j - 1, true
}

// numberAt reads a number written in digits ("100", "1,200", "2.5") or as
// a small number word ("ten").
func numberAt(t tok) (float64, bool) {
	if n, ok := smallNumbers[t.low]; ok {
		return float64(n), true
	}
	if !t.num {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(t.text, ",", ""), 64)
	return v, err == nil
}

// apposedOffset is the point a distance from a town gives in an
// apposition right after country c's name in sentence si ("in Pakistan, a
// city about 100 miles north of Islamabad"), when that point lies in c and
// no verb stands between; nil otherwise.
func (d *doc) apposedOffset(si int, c *model.Place) *model.Place {
	s := d.sents[si]
	for ei := range d.ents {
		cn := &d.ents[ei]
		if cn.sentence != si || !cn.country || cn.place.Country != c.Country || cn.t1 >= s.t1 || d.toks[cn.t1].low != "," {
			continue
		}
		for ej := range d.ents {
			en := &d.ents[ej]
			if en.sentence != si || en.t0 <= cn.t1 || en.t0 > cn.t1+16 || !d.distanceReference(en) {
				continue
			}
			verb := false
			for k := cn.t1 + 1; k < en.t0; k++ {
				verb = verb || d.finiteVerbAt(k) && !d.toks[k].cap && !strings.HasSuffix(d.toks[k].low, "ing")
			}
			if verb {
				continue
			}
			if p, _, ok := d.offsetPlace(en); ok && d.g != nil && d.g.CountryAt(p.Lat, p.Lon) == c.Country {
				return &p
			}
		}
	}
	return nil
}

// distanceUnits measure how far something is from a place.
var distanceUnits = map[string]bool{
	"km": true, "kilometres": true, "kilometers": true, "kilometre": true, "kilometer": true,
	"miles": true, "mile": true, "metres": true, "meters": true, "mi": true, "kms": true,
}
