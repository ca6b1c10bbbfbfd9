package extract

// Places a sentence points to without naming them ("there", "the
// capital", "the city", "this town"), sits in by what it tells (a
// parliament's business), or names only to describe someone ("born in
// Kuwait").

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// townNounRefersTo is the place a town named by its kind stands for in
// sentence si: "in the capital" is the capital of the country an
// adjective names ("the Ugandan capital") or of the story's country; "in
// the city", "in the town" is the last town the article named before, in
// that sentence or the three before it. Nil when the sentence has no such
// noun or nothing to refer to.
func (d *doc) townNounRefersTo(si int) *model.Place {
	s := d.sents[si]
	for k := s.t0; k+2 < s.t1; k++ {
		if !locatives[d.toks[k].low] || d.toks[k+1].low != "the" {
			continue
		}
		j, adj := k+2, ""
		if j+1 < s.t1 && d.toks[j].cap {
			adj, j = d.toks[j].text, j+1 // "the Ugandan capital"
		}
		if j+1 < s.t1 && (d.toks[j+1].low == "," || d.toks[j+1].low == "of" || d.toks[j+1].cap) {
			continue // "in the capital, Kampala", "the city of Gulu": named there
		}
		switch d.toks[j].low {
		case "capital":
			return d.capitalOf(adj)
		case "city", "town":
			if adj == "" {
				return d.lastTownBefore(k, si)
			}
		}
	}
	return nil
}

// capitalOf is the capital of the country adj names ("Ugandan"), or of
// the story's country when adj is empty.
func (d *doc) capitalOf(adj string) *model.Place {
	code := ""
	if adj != "" {
		c, ok := d.countryByName(adj)
		if !ok {
			return nil
		}
		code = c.Code
	} else if c := d.mainCountry(); c != nil {
		code = c.Country
	}
	return d.capitalCity(code)
}

// lastTownBefore is the last town or city named before token k, in its
// sentence si or the three before.
func (d *doc) lastTownBefore(k, si int) *model.Place {
	var last *model.Place
	for i := range d.ents {
		en := &d.ents[i]
		if en.t0 >= k || en.sentence < si-3 || en.kind != entPlace || !en.hasPlace || !strings.HasPrefix(en.place.Feature, "PPL") {
			continue
		}
		last = &en.place
	}
	return last
}

// thereRefersTo is the place a locative "there" in sentence si stands for
// ("Authorities there evacuated…", "troops stationed there"): the last
// place the sentence before names as where something is ("in northern
// Vietnam", not "the Hong Kong observatory"), or nil. An existential "there" ("there
// were 34 dead") refers to nothing.
func (d *doc) thereRefersTo(si int) *model.Place {
	if si == 0 {
		return nil
	}
	s := d.sents[si]
	found := false
	for k := s.t0 + 1; k < s.t1; k++ {
		if d.toks[k].low != "there" {
			continue
		}
		if k+1 < s.t1 && (auxiliaries[d.toks[k+1].low] || modals[d.toks[k+1].low] || d.toks[k+1].low == "'s" || d.toks[k+1].low == "seems" || d.toks[k+1].low == "appear" || d.toks[k+1].low == "appears") {
			continue
		}
		found = true
		break
	}
	if !found {
		return nil
	}
	var last *model.Place
	for i := range d.ents {
		en := &d.ents[i]
		if en.sentence == si-1 && en.kind == entPlace && en.hasPlace && !en.dateline && en.locative && !en.modifier {
			last = &en.place
		}
	}
	return last
}

// thisTownIn is the dateline's town when sentence si speaks of "this
// town" ("this small lakeside town", "this city of 6,000"): "this" is
// where the reporter is. The place the sentence names, p, only says where
// that town lies ("in eastern Quebec"); it must be of the same country.
func (d *doc) thisTownIn(si int, p *model.Place) *model.Place {
	dl := d.dateline()
	if dl == nil || isArea(dl) || dl.Country != p.Country || dl.Key == p.Key {
		return nil
	}
	s := d.sents[si]
	for k := s.t0; k < s.t1; k++ {
		if d.toks[k].low != "this" {
			continue
		}
		for j := k + 1; j < s.t1 && j <= k+3; j++ {
			if townNouns[d.toks[j].low] {
				return dl
			}
		}
	}
	return nil
}

// inParliament is the capital where the national parliament sits that e's
// sentence names, when the story's dateline is another town; else nil.
// Only a parliament's own business counts: a meeting, a vote, a decision
// or a declaration, not what a speaker said of it.
func (d *doc) inParliament(e *evt) *model.Place {
	switch e.Kind {
	case model.KindMeeting, model.KindTalks, model.KindPolitical, model.KindProposal, model.KindPublication, model.KindAgreement:
	default:
		return nil
	}
	dl := d.dateline()
	if dl == nil {
		return nil
	}
	s := d.sents[e.sentence]
	named := false
	for k := s.t0; k < s.t1 && !named; k++ {
		named = nationalLegislatures[d.toks[k].low]
	}
	if !named {
		return nil
	}
	seat := d.seatOfPower()
	if seat == nil || isArea(seat) || seat.Key == dl.Key || seat.Country != dl.Country {
		return nil
	}
	return seat
}

// describedBorn reports a place after "born in" or "born at" that only
// describes someone (see the adjectival "born" of modality.go).
func (d *doc) describedBorn(en *ent) bool {
	k := en.t0 - 2
	s := d.sents[d.tokSent[en.t0]]
	if k < s.t0 || d.toks[k].low != "born" || d.toks[k+1].low != "in" && d.toks[k+1].low != "at" {
		return false
	}
	for _, ti := range d.sentTrigs[d.tokSent[en.t0]] {
		if t := &d.triggers[ti]; t.i == k {
			return t.adjectival
		}
	}
	return false
}

// townNouns name a town: "this small lakeside town", "this port city".
var townNouns = map[string]bool{"town": true, "city": true, "village": true, "community": true, "port": true, "capital": true}
