package geo

import (
	"testing"
)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := DefaultGazetteer()
	if err != nil {
		t.Fatalf("DefaultGazetteer: %v", err)
	}
	return g
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Zürich", "zurich"},
		{"U.S.", "us"},
		{"Washington, D. C.", "washington dc"},
		{"Washington D.C.", "washington dc"},
		{"Genève", "geneve"},
		{"Pal'mira", "palmira"},
		{"Łódź", "lodz"},
		{"Deir ez-Zor", "deir ez zor"},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name      string
		ctx       Context
		wantName  string
		wantCC    string
		wantKey   string
		ambiguous bool
	}{
		{"Palmyra", Context{Countries: []string{"SY", "RU"}}, "Tadmur", "SY", "gn:163808", false},
		{"Palmyra", Context{}, "Tadmur", "SY", "gn:163808", true},
		{"Geneva", Context{}, "Genève", "CH", "", false},
		{"Geneva", Context{Countries: []string{"US", "RU", "SY"}}, "Genève", "CH", "", false},
		{"Daraa", Context{}, "Dar'a", "SY", "gn:170905", false},
		{"Kobani", Context{}, "'Ayn al 'Arab", "SY", "gn:172256", false},
		{"Hmeimim", Context{}, "Khmeimim Air Base", "SY", "x:khmeimim", false},
		{"Amman", Context{}, "Amman", "JO", "", false},
		{"Washington", Context{}, "Washington", "US", "gn:4140963", false},
		{"Washington", Context{Countries: []string{"SY", "RU"}}, "Washington", "US", "gn:4140963", false},
		{"Moscow", Context{}, "Moscow", "RU", "", false},
		{"Moscow", Context{Countries: []string{"US"}}, "Moscow", "RU", "", false},
		{"Crimea", Context{}, "Crimea", "", "x:crimea", false}, // disputed: no side taken
		{"Syria", Context{}, "Syria", "SY", "ne:SY", false},
		{"Zurich", Context{}, "Zürich", "CH", "", false},
		{"Damascus", Context{}, "Damascus", "SY", "", false},
		{"Aleppo", Context{}, "Aleppo", "SY", "", false},
		{"Idlib province", Context{}, "Idlib", "SY", "a1:SY-ID", false},
		{"Golan Heights", Context{}, "Golan Heights", "", "x:golan-heights", false},
		{"Jordan", Context{}, "Jordan", "JO", "ne:JO", false},
		{"Lausanne", Context{}, "Lausanne", "CH", "", false},
		{"Vienna", Context{}, "Vienna", "AT", "", false},
		// A capital by its own name beats a bigger city that once bore it
		// (Chattogram, formerly Islamabad).
		{"Islamabad", Context{}, "Islamabad", "PK", "gn:1176615", true},
		// The nations of the United Kingdom, which Natural Earth's admin-1
		// lacks, beat American hamlets of their names.
		{"Scotland", Context{Countries: []string{"US"}}, "Scotland", "GB", "x:scotland", false},
		{"Wales", Context{}, "Wales", "GB", "x:wales", false},
		{"Northern Ireland", Context{}, "Northern Ireland", "GB", "x:northern-ireland", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := g.Resolve(tt.name, tt.ctx)
			if !ok {
				t.Fatalf("Resolve(%q) found nothing", tt.name)
			}
			if p.Name != tt.wantName || p.Country != tt.wantCC {
				t.Errorf("Resolve(%q, %v) = %q, %s; want %q, %s", tt.name, tt.ctx, p.Name, p.Country, tt.wantName, tt.wantCC)
			}
			if tt.wantKey != "" && p.Key != tt.wantKey {
				t.Errorf("Resolve(%q) key = %s, want %s", tt.name, p.Key, tt.wantKey)
			}
			if p.Ambiguous != tt.ambiguous {
				t.Errorf("Resolve(%q, %v).Ambiguous = %v, want %v", tt.name, tt.ctx, p.Ambiguous, tt.ambiguous)
			}
		})
	}
	if _, ok := g.Resolve("Xqzzyville", Context{}); ok {
		t.Error("Resolve of a made-up name found a place")
	}
}

func TestResolveDateline(t *testing.T) {
	g := gaz(t)
	// "Palmyra" alone favours Tadmur; an American dateline tips the choice
	// to an American Palmyra.
	p, ok := g.Resolve("Palmyra", Context{Dateline: "NEW YORK", Countries: []string{"US"}})
	if !ok || p.Country != "US" {
		t.Errorf("Resolve(Palmyra, US dateline) = %+v, want a US place", p)
	}
}

func TestLookupRanksCandidates(t *testing.T) {
	g := gaz(t)
	c := g.Lookup("palmyra")
	if len(c) < 5 {
		t.Fatalf("Lookup(palmyra) = %d candidates, want the Syrian one and several American towns", len(c))
	}
	if c[0].Key != "gn:163808" || c[0].Class != "city" {
		t.Errorf("first candidate = %+v, want Tadmur", c[0])
	}
	for i := 1; i < len(c); i++ {
		if c[i].Country == "SY" {
			t.Errorf("candidate %d is Syrian too: %+v", i, c[i])
		}
	}
}

func TestCountryByName(t *testing.T) {
	g := gaz(t)
	tests := []struct{ in, want string }{
		{"Syria", "SY"}, {"Syrian", "SY"}, {"Russian", "RU"}, {"Russia", "RU"},
		{"U.S.", "US"}, {"United States", "US"}, {"the United States", "US"},
		{"American", "US"}, {"Britain", "GB"}, {"British", "GB"}, {"Ukrainian", "UA"},
		{"Jordanian", "JO"}, {"Swiss", "CH"}, {"Iranian", "IR"}, {"Turkish", "TR"},
		{"Russian Federation", "RU"}, {"Dutch", "NL"}, {"Turkey", "TR"}, {"Türkiye", "TR"},
		{"Bosnian", "BA"}, {"Herzegovinian", "BA"}, {"Antiguan", "AG"}, // a demonym field that lists two
	}
	for _, tt := range tests {
		c, ok := g.CountryByName(tt.in)
		if !ok || c.Code != tt.want {
			t.Errorf("CountryByName(%q) = %q, %v; want %q", tt.in, c.Code, ok, tt.want)
		}
	}
	for _, word := range []string{"Kerry", "Can", "And", "In"} {
		if c, ok := g.CountryByName(word); ok {
			t.Errorf("CountryByName(%q) = %q, want none", word, c.Code)
		}
	}
}

func TestPlaceByKey(t *testing.T) {
	g := gaz(t)
	tests := []struct{ key, name string }{
		{"gn:163808", "Tadmur"}, {"ne:SY", "Syria"}, {"x:crimea", "Crimea"},
	}
	for _, tt := range tests {
		if c, ok := g.Place(tt.key); !ok || c.Name != tt.name {
			t.Errorf("Place(%s) = %q, %v; want %q", tt.key, c.Name, ok, tt.name)
		}
	}
	if _, ok := g.Place("gn:0"); ok {
		t.Error("Place(gn:0) found something")
	}
}

func TestCountry(t *testing.T) {
	g := gaz(t)
	c, ok := g.Country("sy")
	if !ok || c.Name != "Syria" || c.Capital != "Damascus" {
		t.Errorf("Country(sy) = %+v, %v", c, ok)
	}
	if c, ok := g.Country("SYR"); !ok || c.Code != "SY" {
		t.Errorf("Country(SYR) = %+v, %v", c, ok)
	}
	if _, ok := g.Country("ZZ"); ok {
		t.Error("Country(ZZ) found a country")
	}
}

func TestCountryAt(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		lat, lon float64
		want     string
	}{
		{46.2, 6.15, "CH"},     // Geneva
		{55.75, 37.62, "RU"},   // Moscow
		{31.95, 35.93, "JO"},   // Amman
		{34.56, 38.28, "SY"},   // Palmyra
		{38.9, -77.04, "US"},   // Washington
		{35.0, 18.0, ""},       // the Ionian Sea
		{-33.87, 151.21, "AU"}, // Sydney
	}
	for _, tt := range tests {
		if got := g.CountryAt(tt.lat, tt.lon); got != tt.want {
			t.Errorf("CountryAt(%v, %v) = %q, want %q", tt.lat, tt.lon, got, tt.want)
		}
	}
}

func BenchmarkLoadGazetteer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := loadGazetteer(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	g := gaz(b)
	for i := 0; i < b.N; i++ {
		g.Resolve("Palmyra", Context{Countries: []string{"SY"}})
	}
}
