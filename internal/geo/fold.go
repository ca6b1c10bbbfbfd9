package geo

import "github.com/briefingatlas/atlas/internal/geo/fold"

// Fold turns a place name into the key the gazetteer indexes by: lower case,
// accents stripped ("Zürich" → "zurich"), apostrophes and dots dropped,
// other punctuation turned into spaces, and runs of single letters joined
// ("U.S." → "us"). The extractor can use it to compare names the same way.
func Fold(s string) string { return fold.Fold(s) }
