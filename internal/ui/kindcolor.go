package ui

import (
	"image/color"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/palette"
)

// kindColor is the colour of an event kind, from the palette the map and the
// export share, so that a kind looks the same everywhere.
func kindColor(k model.Kind) color.Color { return palette.Kind(k) }
