package extract

// A social-media post embedded in a web article keeps, under its text, a
// line that says who posted it and when: "— Emmanuel Macron
// (@EmmanuelMacron) April 15, 2019". That line is a statement of its own,
// by that person on that day, whatever language the post is in.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// embeddedPosts adds a statement for each attribution line of an embedded
// post: a dash, a name of one to four capitalised words, a handle in
// brackets, and a day. Its sources are the line and the sentence before it,
// the post's text.
func (d *doc) embeddedPosts() {
	for si, s := range d.sents {
		name, xi := d.postAttribution(s)
		if xi < 0 {
			continue
		}
		e := evt{sentence: si, timeIdx: xi, anchor: d.toks[s.t0].s}
		e.Kind = model.KindStatement
		src := d.dateBy(&e, si, &d.times[xi])
		if si > 0 {
			// The post's own words, which the line signs.
			post := d.source(si - 1)
			post.DateHow = src.DateHow
			e.Sources = append(e.Sources, post)
		}
		e.Sources = append(e.Sources, src)
		d.fillPlaceActors(&e)
		e.Place, e.placeHow = nil, "" // a post is made wherever its author is
		e.Actors = []model.Actor{{Name: name, Type: model.ActorPerson}}
		e.Confidence = d.confidence(&e)
		d.events = append(d.events, e)
	}
}

// postAttribution is the name and the time expression of sentence s when
// it is an embedded post's attribution line ("— Emmanuel Macron
// (@EmmanuelMacron) April 15, 2019"), else "", -1.
func (d *doc) postAttribution(s sent) (string, int) {
	k := s.t0
	if k >= s.t1 {
		return "", -1
	}
	switch d.toks[k].low {
	case "—", "–", "-", "--":
	default:
		return "", -1
	}
	k++
	n0 := k
	for k < s.t1 && k-n0 < 4 && d.toks[k].word && d.toks[k].cap {
		k++
	}
	if k == n0 || k+4 > s.t1 || d.toks[k].low != "(" || d.toks[k+1].low != "@" || !d.toks[k+2].word || d.toks[k+3].low != ")" {
		return "", -1
	}
	name := d.text[d.toks[n0].s:d.toks[k-1].e]
	k += 4
	xi := d.tokTime[min(k, s.t1-1)]
	if xi < 0 {
		return "", -1
	}
	x := &d.times[xi]
	if !x.usable || !x.Anchored || x.Start.IsZero() || x.Precision != model.PrecisionDay || x.t0 != k || x.Future {
		return "", -1
	}
	for j := x.t1; j < s.t1; j++ {
		if d.toks[j].word {
			return "", -1 // the day ends the line
		}
	}
	return strings.TrimSpace(name), xi
}
