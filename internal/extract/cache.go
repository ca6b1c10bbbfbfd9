package extract

import (
	"sync"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

// maxCached bounds each name cache: names repeat across a corpus (the
// same capitals, countries and people), but a huge import must not grow
// memory without limit.
const maxCached = 200000

// nameCache memoises gazetteer answers that do not depend on the article,
// shared by all Extract calls of one Extractor: folding names (Unicode
// normalisation) dominates extraction time otherwise.
type nameCache struct {
	mu        sync.RWMutex
	lookups   map[string][]geo.Candidate
	countries map[string]countryHit
	folded    map[string]string
}

func (c *nameCache) lookup(g *geo.Gazetteer, name string) []geo.Candidate {
	c.mu.RLock()
	v, ok := c.lookups[name]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = g.Lookup(name)
	c.mu.Lock()
	if c.lookups == nil {
		c.lookups = map[string][]geo.Candidate{}
	}
	if len(c.lookups) < maxCached {
		c.lookups[name] = v
	}
	c.mu.Unlock()
	return v
}

func (c *nameCache) country(g *geo.Gazetteer, s string) (geo.Country, bool) {
	c.mu.RLock()
	h, ok := c.countries[s]
	c.mu.RUnlock()
	if ok {
		return h.c, h.ok
	}
	cc, found := g.CountryByName(s)
	if !found && len(s) > 1 && s[len(s)-1] == '.' {
		cc, found = g.CountryByName(s[:len(s)-1])
	}
	if !found {
		if code, known := irregularDemonyms[s]; known {
			cc, found = g.Country(code)
		}
	}
	// Words that are countries only by accident of spelling ("Ma", "Al");
	// "US" and "UK" in capitals are the countries.
	if found && len(s) <= 2 && !isUpperWord(s) {
		found = false
	}
	c.mu.Lock()
	if c.countries == nil {
		c.countries = map[string]countryHit{}
	}
	if len(c.countries) < maxCached {
		c.countries[s] = countryHit{cc, found}
	}
	c.mu.Unlock()
	return cc, found
}

// fold is geo.Fold, memoised.
func (c *nameCache) fold(s string) string {
	c.mu.RLock()
	v, ok := c.folded[s]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = geo.Fold(s)
	c.mu.Lock()
	if c.folded == nil {
		c.folded = map[string]string{}
	}
	if len(c.folded) < maxCached {
		c.folded[s] = v
	}
	c.mu.Unlock()
	return v
}

// resolve is Resolve with a per-article memo (the context is the article's).
func (d *doc) resolve(name string) (model.Place, bool) {
	if r, ok := d.resolved[name]; ok {
		return r.p, r.ok
	}
	p, ok := d.g.Resolve(name, d.geoContext())
	d.resolved[name] = resolved{p, ok}
	return p, ok
}

type resolved struct {
	p  model.Place
	ok bool
}
