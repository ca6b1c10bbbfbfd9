package extract

// Events told of many places of a country at once ("in half a dozen
// cities", "across the country", "the streets of Tripoli and Benghazi"),
// which the country stands for.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

// spreadAcross reports a sentence that tells of many places of a country
// at once, naming none: "in half a dozen cities", "in major cities",
// "across the country", "nationwide".
func (d *doc) spreadAcross(si int) bool {
	s := d.sents[si]
	for ei := range d.ents {
		en := &d.ents[ei]
		if en.sentence != si || en.dateline {
			continue
		}
		if en.kind == entPlace && !en.country || en.kind == entGov && !d.isCountryWord(d.span(en.t0, en.t1)) {
			return false // "Cairo erupted … across the country": Cairo first
		}
	}
	for k := s.t0; k < s.t1; k++ {
		w := d.toks[k].low
		if w == "nationwide" || w == "countrywide" {
			return true
		}
		if (w == "across" || w == "throughout" || w == "around") && k+2 < s.t1 && d.toks[k+1].low == "the" && (d.toks[k+2].low == "country" || d.toks[k+2].low == "nation") {
			return true
		}
		if !spreadNouns[w] {
			continue
		}
		for j := k - 1; j >= s.t0 && j >= k-4; j-- {
			if l := d.toks[j].low; l == "in" || l == "across" || l == "throughout" {
				return true
			}
		}
	}
	return false
}

// pairedTowns is the country of two towns the sentence of event place p
// names together ("took to the streets of Tripoli and Benghazi", "clashes
// in Ankara and Istanbul") when p is one of them and they lie far apart,
// with the words that name them for the title: what happened in both is
// the country's, which a point in either town would misstate. Neighbours
// ("Rawalpindi and Islamabad") keep the town.
func (d *doc) pairedTowns(si int, p *model.Place) (*model.Place, string) {
	if d.g == nil || !strings.HasPrefix(p.Feature, "PPL") {
		return nil, ""
	}
	town := func(en *ent) bool {
		// GeoNames' populated places (PPL, PPLA, PPLC …), not a state.
		return en.kind == entPlace && en.hasPlace && !en.country && strings.HasPrefix(en.place.Feature, "PPL")
	}
	for ei := range d.ents {
		a := &d.ents[ei]
		if a.sentence != si || !town(a) || a.t1+1 >= len(d.toks) || !listJoins[d.toks[a.t1].low] {
			continue
		}
		bi := d.tokEnt[a.t1+1]
		if bi < 0 || !town(&d.ents[bi]) {
			continue
		}
		b := &d.ents[bi]
		if a.place.Country == "" || a.place.Country != b.place.Country || a.place.Key != p.Key && b.place.Key != p.Key {
			continue
		}
		if geo.DistanceKm(a.place.Lat, a.place.Lon, b.place.Lat, b.place.Lon) < farPair {
			continue
		}
		if cc, ok := d.g.Country(a.place.Country); ok {
			c := d.countryPlace(cc, cc.Name)
			return &c, d.span(a.t0, b.t1)
		}
	}
	return nil, ""
}

// spreadNouns are plural nouns for a country's places.
var spreadNouns = map[string]bool{"cities": true, "towns": true, "provinces": true, "regions": true, "states": true, "villages": true}

// capitalUndergoes reports a capital taken for its government that is the
// subject of a field event's verb right after it ("Paris erupted", "Kabul
// was rocked"), and gives the city as the place.
func (d *doc) capitalUndergoes(en *ent, e *evt) (model.Place, bool) {
	name := d.span(en.t0, en.t1)
	if !fieldKind(e.Kind) || d.isCountryWord(name) || prepositions[d.prevWord(en.t0)] {
		// "a jet bound for Nairobi crashed": a capital after a
		// preposition is no subject.
		return model.Place{}, false
	}
	for _, ti := range e.trigs {
		t := d.triggers[ti]
		if t.form == formNoun || t.i <= en.t1-1 || t.i > en.t1+2 {
			continue
		}
		if p, ok := d.resolve(name); ok && p.Feature != "country" {
			return p, true
		}
	}
	return model.Place{}, false
}

// farPair is how far apart, in km, two towns named together must lie for
// the country to stand for both.
const farPair = 200
