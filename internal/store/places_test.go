package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// placeNames lists the distinct place names of events, sorted.
func placeNames(evs []model.Event) []string {
	var out []string
	for _, e := range evs {
		if e.Place != nil && !slices.Contains(out, e.Place.Name) {
			out = append(out, e.Place.Name)
		}
	}
	slices.Sort(out)
	return out
}

// filtered returns the dated and undated events passing f.
func filtered(t *testing.T, st *store.Store, f store.Filter) []model.Event {
	t.Helper()
	dated, err := st.EventsBetween(time.Time{}, time.Time{}, f)
	if err != nil {
		t.Fatal(err)
	}
	undated, err := st.Undated(f)
	if err != nil {
		t.Fatal(err)
	}
	return append(dated, undated...)
}

// On the sample corpus, a country takes every place inside it: Syria
// includes Palmyra, as a division (Homs) and a rectangle over the Levant do
// theirs; a map marker still counts its own place only.
func TestPlacesAsAHierarchy(t *testing.T) {
	st, _ := corpusStore(t)
	syria, err := st.PlacesNamed("Syria")
	if err != nil || len(syria) == 0 {
		t.Fatalf("no place Syria: %v", err)
	}
	palmyra, err := st.PlacesNamed("Palmyra")
	if err != nil || len(palmyra) == 0 {
		t.Fatalf("no place Palmyra: %v", err)
	}
	if p := palmyra[0]; p.CountryName != "Syria" || p.Admin1 == "" || p.Admin1Name == "" {
		t.Fatalf("Palmyra is filed under %q / %q (%s), want Syria and its division", p.CountryName, p.Admin1Name, p.Admin1)
	}
	homs := store.Region{Country: "SY", Admin1: palmyra[0].Admin1}
	levant := orb.Bound{Min: orb.Point{35, 29}, Max: orb.Point{43, 38}}
	inArea, err := st.EventsInArea(levant, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	inSyria, err := st.EventsInPlace(syria[0].ID, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	atSyria, err := st.EventsAt(syria[0].ID, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		got  []model.Event
		want []string
	}{
		{"place filter on Syria", filtered(t, st, store.Filter{PlaceID: syria[0].ID}), []string{"Palmyra", "Syria"}},
		{"EventsInPlace Syria", inSyria, []string{"Palmyra", "Syria"}},
		{"region SY", filtered(t, st, store.Filter{Region: store.Region{Country: "SY"}}), []string{"Palmyra", "Syria"}},
		{"region Homs", filtered(t, st, store.Filter{Region: homs}), []string{"Palmyra"}},
		{"a city keeps to itself", filtered(t, st, store.Filter{PlaceID: palmyra[0].ID}), []string{"Palmyra"}},
		{"the marker of Syria", atSyria, []string{"Syria"}},
		{"rectangle over the Levant", inArea, []string{"Amman", "Palmyra", "Syria"}},
		{"rectangle as a filter", filtered(t, st, store.Filter{Rect: levant}), []string{"Amman", "Palmyra", "Syria"}},
	} {
		if got := placeNames(tt.got); !slices.Equal(got, tt.want) {
			t.Errorf("%s: events at %v, want %v", tt.name, got, tt.want)
		}
	}

	regions, err := st.Regions(store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var sy *store.RegionCount
	for i := range regions {
		if regions[i].Country == "SY" {
			sy = &regions[i]
		}
	}
	if sy == nil {
		t.Fatalf("no Syria among %+v", regions)
	}
	if n := len(filtered(t, st, store.Filter{Region: store.Region{Country: "SY"}})); sy.Count != n || sy.PlaceID != syria[0].ID {
		t.Errorf("Syria counts %d events (place %d), want %d (place %d)", sy.Count, sy.PlaceID, n, syria[0].ID)
	}
	if len(sy.Divisions) != 1 || sy.Divisions[0].Region != homs || len(sy.Divisions[0].Places) != 1 || sy.Divisions[0].Places[0].Place.Name != "Palmyra" {
		t.Errorf("Syria's divisions: %+v, want Homs holding Palmyra", sy.Divisions)
	}
	within, err := st.PlacesWithin(store.Region{Country: "SY"}, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(within) != 2 {
		t.Errorf("PlacesWithin Syria: %d places, want Syria and Palmyra", len(within))
	}

	for _, tt := range []struct {
		name string
		want store.Region
	}{
		{"Jordan", store.Region{Country: "JO"}},
		{"syria", store.Region{Country: "SY"}},
		{"Homs", homs},
	} {
		got, _, err := st.RegionNamed(tt.name)
		if err != nil || got != tt.want {
			t.Errorf("RegionNamed(%q) = %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
	if _, _, err := st.RegionNamed("Atlantis"); err == nil {
		t.Error("RegionNamed found Atlantis")
	}
}
