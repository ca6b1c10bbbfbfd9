package extract

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

// This file decides whether the places two reports give can be one
// event's: the same town, a town and the area holding it, nearby towns of
// one province, a range and a town near it; not two provinces' towns.

// samePlaceKm is how close two places must be to count as one.
const samePlaceKm = 50

// placesCompatible says whether two places can be the same event's: ok is
// false for a clear conflict; same is true when both are known and agree.
func placesCompatible(a, b *model.Place) (ok, same bool) {
	if a == nil || b == nil {
		return true, false
	}
	if a.Key != "" && a.Key == b.Key {
		return true, true
	}
	if geo.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon) <= samePlaceKm {
		return true, true
	}
	// Two nearby towns of one province do not conflict either: one report
	// names the town it was filed from, the other the village where it
	// happened.
	if a.Country != "" && a.Country == b.Country && a.Admin1 != "" && a.Admin1 == b.Admin1 && geo.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon) <= 2*samePlaceKm {
		return true, false
	}
	// A country and a place inside it do not conflict; nor a province
	// and a town in it, but a town of another province does (Borno state
	// and Abuja).
	if otherDivision(a, b) || otherDivision(b, a) {
		return false, false
	}
	if isArea(a) && a.Country != "" && a.Country == b.Country || isArea(b) && b.Country != "" && a.Country == b.Country {
		return true, false
	}
	// Nor a range, desert or sea and a town near its label point: "in
	// the Atacama Desert" and "near Copiapó" may be one place.
	if (a.Feature == "feature" || b.Feature == "feature") && geo.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon) <= featureReachKm {
		return true, false
	}
	return false, false
}

// featureReachKm is how far from its label point a physical feature's
// towns may lie: Natural Earth labels a desert or a range at one point of
// an area hundreds of kilometres across.
const featureReachKm = 500

func isArea(p *model.Place) bool {
	return p.Feature == "country" || areaFeature(p.Feature) || strings.HasPrefix(p.Feature, "ADM") || strings.HasPrefix(p.Key, "ne:") || strings.HasPrefix(p.Key, "x:") || strings.HasPrefix(p.Key, "a1:")
}

// otherDivision reports a first-level division a and a place b of the
// same country known to lie in another division.
func otherDivision(a, b *model.Place) bool {
	return isDivision(a) && a.Country != "" && a.Country == b.Country && a.Admin1 != "" && b.Admin1 != "" && a.Admin1 != b.Admin1
}

// inDivision reports a first-level division a and a town b inside it
// ("Borno state" and "Chibok").
func inDivision(a, b *model.Place) bool {
	if a == nil || b == nil {
		return false
	}
	return isDivision(a) && a.Country != "" && a.Country == b.Country && a.Admin1 != "" && a.Admin1 == b.Admin1
}

// isDivision reports a first-level division (Natural Earth admin-1).
func isDivision(p *model.Place) bool {
	return p.Feature == "ADM1" || strings.HasPrefix(p.Key, "a1:")
}
