package geo

import (
	"sort"

	"github.com/briefingatlas/atlas/internal/model"
)

// LargestCities returns up to n gazetteer cities, most populous first (ties
// by key, so the order is stable), for the corpus generator and benchmarks
// that need many real places.
func (g *Gazetteer) LargestCities(n int) []model.Place {
	var out []model.Place
	t, _ := g.tables()
	for i := range t.ents {
		if e := &t.ents[i]; e.class == ClassCity && e.rank >= 0 {
			out = append(out, placeOf(e))
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Population != out[j].Population {
			return out[i].Population > out[j].Population
		}
		return out[i].Key < out[j].Key
	})
	if n < len(out) {
		out = out[:n:n]
	}
	return out
}
