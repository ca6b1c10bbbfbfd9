package ui

import (
	"image/color"

	"github.com/briefingatlas/atlas/internal/model"
)

// kindColor is the colour of an event kind. It uses the Okabe–Ito
// colour-blind-safe set until the shared palette package is wired in.
func kindColor(k model.Kind) color.Color {
	switch k {
	case model.KindMeeting, model.KindTalks, model.KindConference:
		return color.NRGBA{0x00, 0x72, 0xb2, 0xff}
	case model.KindAgreement, model.KindCeasefire:
		return color.NRGBA{0x00, 0x9e, 0x73, 0xff}
	case model.KindMilitary, model.KindAnnexation:
		return color.NRGBA{0xd5, 0x5e, 0x00, 0xff}
	case model.KindWithdrawal:
		return color.NRGBA{0xcc, 0x79, 0xa7, 0xff}
	case model.KindStatement, model.KindPublication:
		return color.NRGBA{0x56, 0xb4, 0xe9, 0xff}
	case model.KindProposal, model.KindDeadline:
		return color.NRGBA{0xe6, 0x9f, 0x00, 0xff}
	}
	return color.NRGBA{0x99, 0x99, 0x99, 0xff}
}
