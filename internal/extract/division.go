package extract

import "github.com/briefingatlas/atlas/internal/model"

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
