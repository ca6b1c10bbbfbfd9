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
	for i := range g.cands {
		if g.cands[i].Class == "city" {
			out = append(out, g.cands[i].Place)
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
