package assets

import _ "embed" // for the icon

// Icon is the app icon, a 512×512 PNG drawn by tools/icongen.
//
//go:embed icon.png
var Icon []byte
