package geo

import (
	"testing"
)

// Complete offers any place of the world by the start of its name, the
// most important first, with its country and population.
func TestComplete(t *testing.T) {
	g, err := DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		prefix, first, country string
	}{
		{"palmyra", "Palmyra", "SY"}, // its main name is Tadmur
		{"alepp", "Aleppo", "SY"},
		{"Syri", "Syria", "SY"},
		{"Genè", "Genève", "CH"},
		{"Genev", "Geneva", "US"},
	}
	for _, tt := range tests {
		got := g.Complete(tt.prefix, 8)
		if len(got) == 0 {
			t.Errorf("%s: nothing", tt.prefix)
			continue
		}
		found := false
		for _, c := range got {
			if c.Name == tt.first && c.Country == tt.country {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: %s (%s) not offered among %v", tt.prefix, tt.first, tt.country, names(got))
		}
		if len(got) > 8 {
			t.Errorf("%s: %d candidates, asked for 8", tt.prefix, len(got))
		}
	}
	if got := g.Complete("Aleppo", 3); len(got) == 0 || got[0].Name != "Aleppo" || got[0].Population == 0 {
		t.Errorf("Aleppo: %+v, want the city first with its population", got)
	}
	if got := g.Complete("", 5); got != nil {
		t.Errorf("empty prefix: %v", names(got))
	}
}

func names(cs []Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name+"/"+c.Country)
	}
	return out
}
