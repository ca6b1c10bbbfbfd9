package extract

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// divisionNamed resolves a name followed by a division word (tokens
// t0..t1, then the word) as that division, when the gazetteer has it.
func (d *doc) divisionNamed(name string, t0, t1 int) (model.Place, bool) {
	if t1 >= len(d.toks) || d.tokSent[t1] != d.tokSent[t0] || !divisionWords[d.toks[t1].text] {
		return model.Place{}, false
	}
	p, ok := d.resolve(name + " " + d.toks[t1].text)
	if !ok || p.Feature != "ADM1" && p.Feature != "ADM2" {
		return model.Place{}, false
	}
	return p, true
}

// namesakeMaxPopulation is the size under which a town's name is more
// likely a namesake than the town itself when the text places it in
// another division: villages share names across a country, towns rarely.
const namesakeMaxPopulation = 20000

// dropNamesakes unplaces a village the gazetteer found in one province
// when its sentence, or the one next to it, names another province of the
// same country: "Contact was lost over the Donetsk region … the wreckage
// fell near the village of Hrabove" is not the Hrabove of the gazetteer,
// 700 km west; no place is better than a wrong one.
func (d *doc) dropNamesakes() {
	for i := range d.ents {
		en := &d.ents[i]
		p := en.place
		if en.kind != entPlace || !en.hasPlace || en.dateline || p.Admin1 == "" || p.Population >= namesakeMaxPopulation || p.Feature == "ADM1" || areaFeature(p.Feature) || strings.HasPrefix(p.Feature, "PPLC") || p.Feature == "PPLA" || p.Feature == "country" {
			continue
		}
		for j := range d.ents {
			o := &d.ents[j]
			if o.kind != entPlace || !o.hasPlace || o.place.Feature != "ADM1" || o.place.Country != p.Country || o.sentence < en.sentence-1 || o.sentence > en.sentence+1 {
				continue
			}
			if o.place.Admin1 != "" && o.place.Admin1 != p.Admin1 {
				en.hasPlace = false
				break
			}
		}
	}
}
