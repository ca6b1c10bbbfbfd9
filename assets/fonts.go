package assets

import "embed"

// Fonts holds the TrueType fonts the PDF briefing embeds besides the Go
// fonts: Noto Sans (regular, bold, italic, bold italic) for Latin, Greek and
// Cyrillic letters the Go fonts lack, Noto Naskh Arabic and Noto Sans Hebrew
// (regular, bold) for right-to-left text. scripts/fonts.sh (`make fonts`)
// fetches them; fonts/SOURCES.md names the packages and the licence (SIL OFL
// 1.1, copied beside them).
//
//go:embed fonts/*.ttf
var Fonts embed.FS
