// Package palette holds the colours of event kinds, shared by the map, the
// timeline and the legend so that a kind looks the same everywhere. It uses
// the Okabe–Ito set (Okabe & Ito, "Color Universal Design", 2008), which
// stays distinguishable for the common forms of colour blindness. It has no
// Fyne dependency and sits beside internal/ui, not under it, so that the PDF
// export uses it without reaching into the UI.
package palette

import (
	"image/color"

	"github.com/briefingatlas/atlas/internal/model"
)

// The Okabe–Ito colours. Yellow is left out of the kind mapping because it
// is too pale on a light map.
var (
	Black         = color.NRGBA{0x00, 0x00, 0x00, 0xff}
	Orange        = color.NRGBA{0xe6, 0x9f, 0x00, 0xff}
	SkyBlue       = color.NRGBA{0x56, 0xb4, 0xe9, 0xff}
	BluishGreen   = color.NRGBA{0x00, 0x9e, 0x73, 0xff}
	Yellow        = color.NRGBA{0xf0, 0xe4, 0x42, 0xff}
	Blue          = color.NRGBA{0x00, 0x72, 0xb2, 0xff}
	Vermillion    = color.NRGBA{0xd5, 0x5e, 0x00, 0xff}
	ReddishPurple = color.NRGBA{0xcc, 0x79, 0xa7, 0xff}
	Grey          = color.NRGBA{0x99, 0x99, 0x99, 0xff}
)

// Kind returns the colour of an event kind: that of its Legend group, grey
// for a kind in none. Related kinds share a colour, since eight colours are
// all the eye separates reliably: diplomacy blue, agreements and
// withdrawals green, force and attacks vermillion, disasters and accidents
// orange, politics, courts and protest purple, words (statements, plans,
// publications) sky blue, the economy and anything else grey. docs/kinds.md
// documents the grouping.
func Kind(k model.Kind) color.NRGBA {
	if c, ok := kindColors[k]; ok {
		return c
	}
	return Grey
}

// kindColors indexes Legend by kind, so that the legend and the colours
// drawn cannot disagree.
var kindColors = func() map[model.Kind]color.NRGBA {
	m := map[model.Kind]color.NRGBA{}
	for _, g := range Legend {
		for _, k := range g.Kinds {
			m[k] = g.Color
		}
	}
	return m
}()

// KindRGBA is Kind as a premultiplied colour, the form image/draw and the
// map's rasteriser take. The colours are opaque, so the values are equal.
func KindRGBA(k model.Kind) color.RGBA {
	c := Kind(k)
	return color.RGBA{c.R, c.G, c.B, c.A}
}

// Group is one legend entry: a colour and the kinds drawn in it.
type Group struct {
	Label string
	Color color.NRGBA
	Kinds []model.Kind
}

// Legend lists the colour groups in the order a legend shows them.
var Legend = []Group{
	{"Meetings and talks", Blue, []model.Kind{model.KindMeeting, model.KindTalks, model.KindConference}},
	{"Agreements and withdrawals", BluishGreen, []model.Kind{model.KindAgreement, model.KindCeasefire, model.KindWithdrawal}},
	{"Fighting and attacks", Vermillion, []model.Kind{model.KindMilitary, model.KindAttack, model.KindAnnexation}},
	{"Disasters and accidents", Orange, []model.Kind{model.KindDisaster, model.KindAccident}},
	{"Politics and courts", ReddishPurple, []model.Kind{model.KindPolitical, model.KindElection, model.KindLegal, model.KindArrest, model.KindProtest}},
	{"Statements and plans", SkyBlue, []model.Kind{model.KindStatement, model.KindPublication, model.KindProposal, model.KindDeadline}},
	{"Other", Grey, []model.Kind{model.KindEconomic, model.KindOther}},
}
