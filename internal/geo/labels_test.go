package geo

import (
	"math/rand"
	"testing"
)

func TestPlaceLabelsNoOverlap(t *testing.T) {
	v := regionalView()
	r := rand.New(rand.NewSource(7))
	var cands []LabelCandidate
	for i := 0; i < 400; i++ {
		lat, lon := v.Unproject(r.Float64()*v.Width, r.Float64()*v.Height)
		cands = append(cands, LabelCandidate{Text: "Placename", Lat: lat, Lon: lon, Kind: LabelCity,
			Priority: r.Float64(), Size: CityLabelSize, Offset: 3, ID: i})
	}
	obstacle := Rect{600, 380, 680, 420}
	labels := PlaceLabels(cands, v, []Rect{obstacle})
	if len(labels) < 20 || len(labels) == len(cands) {
		t.Fatalf("placed %d of %d labels: want many, but not all", len(labels), len(cands))
	}
	for i, a := range labels {
		if a.Box.Overlaps(obstacle) {
			t.Errorf("label %d overlaps the obstacle", a.ID)
		}
		if a.Box.X0 < 0 || a.Box.Y0 < 0 || a.Box.X1 > v.Width || a.Box.Y1 > v.Height {
			t.Errorf("label %d leaves the view: %+v", a.ID, a.Box)
		}
		for _, b := range labels[i+1:] {
			if a.Box.Overlaps(b.Box) {
				t.Errorf("labels %d and %d overlap", a.ID, b.ID)
			}
		}
	}
	// Greedy by priority: the most important candidate is always placed
	// when nothing blocks it.
	best := cands[0]
	for _, c := range cands {
		if c.Priority > best.Priority {
			best = c
		}
	}
	x, y := v.Project(best.Lat, best.Lon)
	if x > 100 && y > 40 && x < v.Width-200 && y < v.Height-40 && !(Rect{x - 120, y - 20, x + 120, y + 20}).Overlaps(obstacle) {
		found := false
		for _, l := range labels {
			found = found || l.ID == best.ID
		}
		if !found {
			t.Errorf("highest-priority label %d was dropped", best.ID)
		}
	}
}

func TestCountryLabelCandidates(t *testing.T) {
	v := regionalView()
	cands, err := CountryLabelCandidates(v, CountryLabelSize)
	if err != nil {
		t.Fatal(err)
	}
	g := gaz(t)
	names := map[string]bool{}
	for _, c := range cands {
		names[c.Text] = true
		// Each label point lies in the country it names (by the 50m borders).
		if c.Text == "RUSSIA" && g.CountryAt(c.Lat, c.Lon) != "RU" {
			t.Errorf("RUSSIA label at (%v, %v) is not in Russia", c.Lat, c.Lon)
		}
	}
	for _, want := range []string{"FRANCE", "UKRAINE", "TURKEY", "RUSSIA"} {
		if !names[want] {
			t.Errorf("no label candidate for %s", want)
		}
	}
	if names["AUSTRALIA"] {
		t.Error("label candidate for a country out of view")
	}
}

func TestContextCities(t *testing.T) {
	g, err := MajorCities()
	if err != nil {
		t.Fatalf("MajorCities: %v", err)
	}
	world := worldView()
	regional := regionalView()
	w := g.ContextCities(world, 100)
	r := g.ContextCities(regional, 100)
	if len(w) == 0 || len(r) == 0 {
		t.Fatalf("no context cities: world %d, regional %d", len(w), len(r))
	}
	has := func(cs []Candidate, name string) bool {
		for _, c := range cs {
			if c.Name == name {
				return true
			}
		}
		return false
	}
	if !has(r, "Ankara") || !has(r, "Kyiv") {
		t.Error("regional view lacks the capitals Ankara and Kyiv")
	}
	if has(w, "Izmir") {
		t.Error("world view shows a provincial city")
	}
	if has(r, "City of London") {
		t.Error("City of London shown beside London")
	}
}

// TestAreaLabelStaysOnItsCountry: a country's name and count badge nudged
// far off its centre by what sits there is left out rather than drawn over
// another country, where it reads as events there (Egypt's pushed into
// central Africa).
func TestAreaLabelStaysOnItsCountry(t *testing.T) {
	v := worldView()
	const lat, lon = 27.0, 30.0 // Egypt
	x, y := v.Project(lat, lon)
	c := LabelCandidate{Text: "Egypt", Lat: lat, Lon: lon, Kind: LabelArea, Priority: 1, Size: MarkerLabelSize,
		Typeface: Bold, Badge: "2", Code: "EG", ID: 0}
	w, h := TextSize(c.Text, c.Typeface, c.Size)
	// Block the centre and the nudges of up to one and a half label
	// heights: what is left lies two or more heights away.
	block := Rect{x - 2*w, y - 2.2*h, x + 2*w, y + 2.2*h}
	labels := PlaceLabels([]LabelCandidate{c}, v, []Rect{block})
	for _, l := range labels {
		clat, clon := v.Unproject((l.Box.X0+l.Box.X1)/2, (l.Box.Y0+l.Box.Y1)/2)
		if !CountryContains("EG", clat, clon) {
			t.Errorf("Egypt's label placed at %.1f, %.1f, off Egypt", clat, clon)
		}
	}
	// With room at its centre it is placed there.
	if got := PlaceLabels([]LabelCandidate{c}, v, nil); len(got) != 1 {
		t.Errorf("placed %d labels with nothing in the way, want 1", len(got))
	}
}
