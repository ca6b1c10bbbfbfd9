package briefing

import (
	"image/color"

	"github.com/briefingatlas/atlas/internal/model"
)

// The house colours. Kinds take the Okabe–Ito palette, which stays
// distinguishable for readers with colour-vision deficiencies and in greyscale
// print; the yellow is left out because it vanishes on white paper.
var (
	colInk       = color.NRGBA{0x1f, 0x29, 0x33, 0xff} // body text
	colMuted     = color.NRGBA{0x5f, 0x6b, 0x7a, 0xff} // dates, captions, citations
	colFaint     = color.NRGBA{0xc9, 0xd1, 0xda, 0xff} // rules, axis
	colWash      = color.NRGBA{0xf3, 0xf5, 0xf7, 0xff} // boxes
	colAccent    = color.NRGBA{0x00, 0x5a, 0x8c, 0xff} // headings: a deepened Okabe–Ito blue
	colNote      = color.NRGBA{0xfd, 0xf6, 0xe3, 0xff} // the user's note box
	colNoteRule  = color.NRGBA{0xe6, 0x9f, 0x00, 0xff}
	colWhite     = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	colHalo      = color.NRGBA{0xff, 0xff, 0xff, 0xd8}
	okabeBlue    = color.NRGBA{0x00, 0x72, 0xb2, 0xff}
	okabeGreen   = color.NRGBA{0x00, 0x9e, 0x73, 0xff}
	okabePurple  = color.NRGBA{0xcc, 0x79, 0xa7, 0xff}
	okabeVermil  = color.NRGBA{0xd5, 0x5e, 0x00, 0xff}
	okabeOrange  = color.NRGBA{0xe6, 0x9f, 0x00, 0xff}
	okabeSky     = color.NRGBA{0x56, 0xb4, 0xe9, 0xff}
	kindFallback = color.NRGBA{0x99, 0x99, 0x99, 0xff}
)

// kindColour groups the kinds into six hues: diplomacy, agreement, words,
// force, withdrawal and plans, because thirteen colours could not be told
// apart. The mapping is the one internal/ui uses on screen, so that the
// printed figures read like the app.
func kindColour(k model.Kind) color.NRGBA {
	switch k {
	case model.KindMeeting, model.KindTalks, model.KindConference:
		return okabeBlue
	case model.KindAgreement, model.KindCeasefire:
		return okabeGreen
	case model.KindStatement, model.KindPublication:
		return okabeSky
	case model.KindMilitary, model.KindAnnexation:
		return okabeVermil
	case model.KindWithdrawal:
		return okabePurple
	case model.KindProposal, model.KindDeadline:
		return okabeOrange
	}
	return kindFallback
}

// kindGroup is the legend's name for a kind's colour.
func kindGroup(k model.Kind) string {
	switch k {
	case model.KindMeeting, model.KindTalks, model.KindConference:
		return "meetings, talks"
	case model.KindAgreement, model.KindCeasefire:
		return "agreements, ceasefires"
	case model.KindStatement, model.KindPublication:
		return "statements"
	case model.KindMilitary, model.KindAnnexation:
		return "military action"
	case model.KindWithdrawal:
		return "withdrawals"
	case model.KindProposal, model.KindDeadline:
		return "proposals, deadlines"
	}
	return "other"
}

// tint mixes c with white, for bars and washes that must stay behind text.
func tint(c color.NRGBA, amount float64) color.NRGBA {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*amount) }
	return color.NRGBA{mix(c.R), mix(c.G), mix(c.B), 0xff}
}
