package briefing

import (
	"image/color"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/palette"
)

// The house colours: slate ink, greys and one deep blue for headings.
// Kinds take the app's Okabe–Ito palette.
var (
	colInk      = color.NRGBA{0x1f, 0x29, 0x33, 0xff} // body text
	colMuted    = color.NRGBA{0x5f, 0x6b, 0x7a, 0xff} // dates, captions, citations
	colFaint    = color.NRGBA{0xc9, 0xd1, 0xda, 0xff} // rules, axis
	colWash     = color.NRGBA{0xf3, 0xf5, 0xf7, 0xff} // boxes
	colAccent   = color.NRGBA{0x00, 0x5a, 0x8c, 0xff} // headings: a deepened Okabe–Ito blue
	colNote     = color.NRGBA{0xfd, 0xf6, 0xe3, 0xff} // the user's note box
	colNoteRule = color.NRGBA{0xe6, 0x9f, 0x00, 0xff}
	colWhite    = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	colHalo     = color.NRGBA{0xff, 0xff, 0xff, 0xd8}
)

// kindColour is the kind's colour from internal/palette (which has no
// Fyne dependency), so that the printed figures read like the app.
func kindColour(k model.Kind) color.NRGBA { return palette.Kind(k) }

// kindGroup is the legend's name for a kind's colour, and its place in the
// legend's order.
func kindGroup(k model.Kind) (string, int) {
	for i, g := range palette.Legend {
		for _, gk := range g.Kinds {
			if gk == k {
				return g.Label, i
			}
		}
	}
	return "Other", len(palette.Legend)
}

// tint mixes c with white, for bars and washes that must stay behind text.
func tint(c color.NRGBA, amount float64) color.NRGBA {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*amount) }
	return color.NRGBA{mix(c.R), mix(c.G), mix(c.B), 0xff}
}
