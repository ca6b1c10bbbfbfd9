package extract

import (
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// TestDivisionNamed checks, on sentences written for the test, that a name
// followed by a division word is that division, not the town of the same
// name, and that the town without it stays the town.
func TestDivisionNamed(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		text    string
		feature string // the event's place's feature code
	}{
		{"Fighting in Kunduz province killed 12 people on Monday.", "ADM1"},
		{"Gunmen attacked a school in Kunduz on Monday.", "PPLA"},
		{"Floods hit Rakhine state on Monday, killing 40 people.", "ADM1"},
		{"Troops attacked Taliban positions in Helmand province on Monday.", "ADM1"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			evs := x.Extract(article(tc.text, "2021-05-05", "")).Events
			if len(evs) != 1 || evs[0].Place == nil {
				t.Fatalf("got %d events (%v); want one with a place", len(evs), evs)
			}
			if f := evs[0].Place.Feature; f != tc.feature {
				t.Errorf("place %q is a %s; want a %s", evs[0].Place.Name, f, tc.feature)
			}
		})
	}
}

// TestAsSpelled checks that a place reads as the article spells it, except
// where the difference is the article that belongs to the name or the
// place is a country.
func TestAsSpelled(t *testing.T) {
	tests := []struct {
		own, feature, written, want string
	}{
		{"Basrah", "PPLA", "Basra", "Basra"},
		{"Kyiv", "PPLC", "Kiev", "Kiev"},
		{"The Hague", "PPLG", "Hague", "The Hague"},
		{"Türkiye", "country", "Turkey", "Türkiye"},
		{"Desierto de Atacama", "feature", "Atacama Desert", "Atacama Desert"},
	}
	for _, tt := range tests {
		p := model.Place{Name: tt.own, Feature: tt.feature}
		asSpelled(&p, tt.written)
		if p.Name != tt.want {
			t.Errorf("asSpelled(%q, %q) = %q, want %q", tt.own, tt.written, p.Name, tt.want)
		}
	}
}

// TestCountriesNamedFirstOnATie checks the order of the article's countries,
// which places are disambiguated by and stories placed in: the most named
// first and, on a tie, the one named first, whatever its code.
func TestCountriesNamedFirstOnATie(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Myanmar's generals ignored the calls. China said little.", []string{"MM", "CN"}},
		{"China said little. Myanmar's generals ignored the calls.", []string{"CN", "MM"}},
		{"China said little. Myanmar's generals ignored Myanmar's people.", []string{"MM", "CN"}},
		// A capital counts for its country, not inside a longer name.
		{"Crowds gathered in London and Paris on Sunday.", []string{"GB", "FR"}},
		{"The Paris agreement held. Miners at the San José mine in Chile and in Peru waited.", []string{"CL", "PE"}},
	}
	for _, tc := range tests {
		a := &model.Article{Path: "a.txt", Text: tc.text}
		d := &doc{x: x, g: x.g, a: a, text: a.Text, alias: map[string]int{}, surnames: map[string]int{}, resolved: map[string]resolved{}}
		d.split()
		got := d.geoContext().Countries
		if len(got) != len(tc.want) || got[0] != tc.want[0] || got[1] != tc.want[1] {
			t.Errorf("%q: countries %v, want %v", tc.text, got, tc.want)
		}
	}
}
