package geo

import "testing"

// TestResolveNewsPlaces checks the classes of places news names beyond
// towns: divisions, features, disputed areas and informal regions, in the
// forms articles write them.
func TestResolveNewsPlaces(t *testing.T) {
	g := gaz(t)
	ng := Context{Countries: []string{"NG"}}
	sy := Context{Countries: []string{"SY", "TR"}}
	ph := Context{Countries: []string{"PH"}}
	tests := []struct {
		name    string
		ctx     Context
		key     string // "" to check the rest only
		cc      string
		feature string
	}{
		{"Borno", ng, "a1:NG-BO", "NG", "ADM1"},
		{"Borno", Context{}, "a1:NG-BO", "NG", "ADM1"}, // beats Borno, a village in Italy
		{"Borno state", ng, "a1:NG-BO", "NG", "ADM1"},
		{"Rakhine State", Context{}, "a1:MM-16", "MM", "ADM1"},
		{"Rakhine", Context{}, "a1:MM-16", "MM", "ADM1"},
		{"Salaheddin province", Context{Countries: []string{"IQ"}}, "a1:IQ-SD", "IQ", "ADM1"},
		{"Nineveh governorate", Context{}, "a1:IQ-NI", "IQ", "ADM1"},
		{"Idlib province", sy, "a1:SY-ID", "SY", "ADM1"},
		{"the Idlib region", sy, "a1:SY-ID", "SY", "ADM1"},
		{"Aisne", Context{Countries: []string{"FR"}}, "a1:FR-02", "FR", "ADM1"},
		{"Aleppo", sy, "gn:170063", "SY", "PPLA"}, // the city, not the governorate
		{"Aleppo province", sy, "a1:SY-HL", "SY", "ADM1"},
		{"Paris", Context{}, "gn:2988507", "FR", "PPLC"},
		{"Paris", Context{Countries: []string{"US"}}, "gn:2988507", "FR", "PPLC"},
		{"Tacloban", Context{}, "gn:1684712", "PH", ""},
		{"Leyte", ph, "", "PH", "feature"}, // the island (the province is its neighbour in the list), in the Philippines
		{"Leyte province", ph, "a1:PH-LEY", "PH", "ADM1"},
		{"Alps", Context{}, "x:alps", "", "feature"},
		{"the Alps", Context{}, "x:alps", "", "feature"},
		{"the French Alps", Context{Countries: []string{"FR"}}, "x:alps", "", "feature"},
		{"Swiss Alps", Context{}, "x:alps", "", "feature"},
		{"the Black Sea", Context{}, "x:black-sea", "", "feature"},
		{"Sea of Azov", Context{}, "x:sea-of-azov", "", "feature"},
		{"Azov Sea", Context{}, "x:sea-of-azov", "", "feature"},
		{"Gulf of Aden", Context{}, "x:gulf-of-aden", "", "feature"},
		{"Mount Everest", Context{}, "x:mount-everest", "", "feature"},
		{"the Sahara", Context{}, "x:sahara", "", "feature"},
		// A region of physical features is a feature: the Atlantic, of
		// Natural Earth's North and South Atlantic.
		{"the Atlantic", Context{}, "x:atlantic-ocean", "", "feature"},
		{"Pacific Ocean", Context{}, "x:pacific-ocean", "", "feature"},
		{"Gaza Strip", Context{}, "x:gaza-strip", "", "disputed"},
		{"the West Bank", Context{}, "x:west-bank", "", "disputed"},
		{"Crimea", Context{Countries: []string{"UA", "RU"}}, "x:crimea", "", "disputed"},
		{"Golan Heights", Context{}, "x:golan-heights", "", "disputed"},
		{"Nagorno-Karabakh", Context{}, "x:artsakh", "", "disputed"},
		{"Kashmir", Context{}, "x:kashmir", "", "disputed"},
		{"Kurdistan", Context{}, "x:kurdistan", "", "region"},
		{"Iraqi Kurdistan", Context{}, "x:kurdistan-region", "IQ", "region"},
		{"the Sahel", Context{}, "x:sahel", "", "region"},
		{"the Levant", Context{}, "x:levant", "", "region"},
		{"the Balkans", Context{}, "x:balkans", "", "region"},
		{"Middle East", Context{}, "x:middle-east", "", "region"},
		{"northern Syria", Context{}, "ne:SY", "SY", "country"},
		{"Cox's Bazar district", Context{Countries: []string{"BD"}}, "", "BD", ""},
		// A village of cities500 that a dateline naming its state picks
		// over the Philippine town of the same name.
		{"Cordova", Context{Dateline: "CORDOVA, Illinois"}, "gn:4888760", "US", "PPL"},
		{"Cordova", Context{Dateline: "CORDOVA, United States"}, "", "US", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := g.Resolve(tt.name, tt.ctx)
			if !ok {
				t.Fatalf("Resolve(%q) found nothing", tt.name)
			}
			if tt.key != "" && p.Key != tt.key || p.Country != tt.cc || tt.feature != "" && p.Feature != tt.feature {
				t.Errorf("Resolve(%q, %+v) = %s %q %q %s; want %s %q %s", tt.name, tt.ctx, p.Key, p.Name, p.Country, p.Feature, tt.key, tt.cc, tt.feature)
			}
		})
	}
}

// TestDisputedAreasCarryTheirStatus checks that a disputed area is marked
// as such, assigned to no side, and keeps Natural Earth's note.
func TestDisputedAreasCarryTheirStatus(t *testing.T) {
	g := gaz(t)
	for _, name := range []string{"Crimea", "Gaza Strip", "Golan Heights", "Abkhazia", "Jammu and Kashmir"} {
		c := g.Lookup(name)
		if len(c) == 0 || c[0].Class != ClassDisputed || c[0].Feature != "disputed" || c[0].Country != "" {
			t.Errorf("Lookup(%q)[0] = %+v, want a disputed area with no country", name, c)
			continue
		}
	}
	c, _ := g.Place("x:crimea")
	if c.Administered != "RU" || c.Note == "" {
		t.Errorf("Crimea: administered %q, note %q; want RU and Natural Earth's note", c.Administered, c.Note)
	}
}

func TestContainsAndAdmin1Name(t *testing.T) {
	g := gaz(t)
	tac, ok := g.Place("gn:1684712") // Tacloban
	if !ok {
		t.Fatal("no Tacloban")
	}
	mosul := g.Lookup("Mosul")[0]
	tests := []struct {
		area, cc, admin1 string
		want             bool
	}{
		{"ne:PH", tac.Country, tac.Admin1, true},
		{"ne:SY", tac.Country, tac.Admin1, false},
		{"a1:IQ-NI", mosul.Country, mosul.Admin1, true},
		{"a1:IQ-SD", mosul.Country, mosul.Admin1, false},
		{"x:kurdistan-region", "IQ", g.Lookup("Erbil")[0].Admin1, true},
		{"x:kurdistan", "IQ", g.Lookup("Erbil")[0].Admin1, true},
		{"x:kurdistan", "IQ", mosul.Admin1, false},
		{"x:levant", "LB", "", true},
		{"gn:1684712", "PH", tac.Admin1, false}, // a city contains nothing
	}
	for _, tt := range tests {
		if got := g.Contains(tt.area, tt.cc, tt.admin1); got != tt.want {
			t.Errorf("Contains(%s, %s, %s) = %v, want %v", tt.area, tt.cc, tt.admin1, got, tt.want)
		}
	}
	if n := g.Admin1Name("NG", "27"); n != "Borno" {
		t.Errorf("Admin1Name(NG, 27) = %q, want Borno", n)
	}
	if n := g.Admin1Name(mosul.Country, mosul.Admin1); n != "Ninawa" {
		t.Errorf("Admin1Name of Mosul's division = %q, want Ninawa", n)
	}
}

// TestLookupNonLatinNames checks that alternate names in other scripts
// are kept.
func TestLookupNonLatinNames(t *testing.T) {
	g := gaz(t)
	for name, key := range map[string]string{"Москва": "gn:524901", "دمشق": "gn:170654", "Борно": "a1:NG-BO", "Альпы": "x:alps"} {
		c := g.Lookup(name)
		if len(c) == 0 || c[0].Key != key {
			t.Errorf("Lookup(%q) = %v, want %s first", name, c, key)
		}
	}
}
