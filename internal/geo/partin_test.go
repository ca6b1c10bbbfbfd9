package geo

import "testing"

// TestPartIn checks that a country's side of a range that spans several
// countries lands on that side, near where news means it.
func TestPartIn(t *testing.T) {
	g, err := DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		feature, cc string
		lat, lon    float64 // a point well inside the country's part
		within      float64 // km
	}{
		{"Alps", "FR", 44.9, 6.5, 120},       // the French Alps: Hautes-Alpes, Savoie…
		{"Alps", "CH", 46.5, 8.5, 150},       // the Swiss Alps
		{"Alps", "AT", 47.2, 11.4, 150},      // the Austrian Alps, Tyrol
		{"Pyrenees", "ES", 42.5, 0.5, 150},   // the Spanish Pyrenees
		{"Himalayas", "NP", 28.2, 84.5, 350}, // the Nepalese Himalayas
	}
	for _, c := range cases {
		cands := g.Lookup(c.feature)
		if len(cands) == 0 || cands[0].Class != ClassFeature {
			t.Fatalf("%s: no feature in the gazetteer (%v)", c.feature, cands)
		}
		p, ok := g.PartIn(cands[0].Place, c.cc)
		if !ok {
			t.Errorf("%s in %s: no part", c.feature, c.cc)
			continue
		}
		if d := DistanceKm(p.Lat, p.Lon, c.lat, c.lon); d > c.within {
			t.Errorf("%s in %s: %s at %.2f,%.2f is %.0f km from %.1f,%.1f", c.feature, c.cc, p.Name, p.Lat, p.Lon, d, c.lat, c.lon)
		}
		if p.Country != c.cc {
			t.Errorf("%s in %s: country %q", c.feature, c.cc, p.Country)
		}
		t.Logf("%s in %s: %s at %.2f,%.2f", c.feature, c.cc, p.Name, p.Lat, p.Lon)
	}
	cands := g.Lookup("Paris")
	if _, ok := g.PartIn(cands[0].Place, "US"); ok {
		t.Error("a city has no part in another country")
	}
}

// TestTitleWords checks that an upper-case label of any script reads as
// prose: a first letter outside ASCII is upper-cased whole, not split.
func TestTitleWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ALPS", "Alps"},
		{"ÅLAND SEA", "Åland Sea"},
		{"ÉTANG DE BERRE", "Étang De Berre"},
		{"Sea of Japan", "Sea of Japan"},
	} {
		if got := titleWords(c.in); got != c.want {
			t.Errorf("titleWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
