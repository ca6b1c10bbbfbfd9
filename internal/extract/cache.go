package extract

import (
	"strings"
	"sync"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

// maxCached bounds each name cache: names repeat across a corpus (the
// same capitals, countries and people), but a huge import must not grow
// memory without limit.
const maxCached = 200000

// nameCache memoises gazetteer answers that do not depend on the article,
// shared by all Extract calls of one Extractor: the same names recur
// across a corpus.
type nameCache struct {
	lookups   memo[[]geo.Candidate]
	countries memo[countryHit]
}

// memo is a bounded, concurrency-safe map from a name to a computed answer.
type memo[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

// get returns the answer for k, computing it once while the memo has room.
func (c *memo[V]) get(k string, compute func(string) V) V {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = compute(k)
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]V{}
	}
	if len(c.m) < maxCached {
		c.m[k] = v
	}
	c.mu.Unlock()
	return v
}

func (c *nameCache) lookup(g *geo.Gazetteer, name string) []geo.Candidate {
	return c.lookups.get(name, g.Lookup)
}

func (c *nameCache) country(g *geo.Gazetteer, s string) (geo.Country, bool) {
	h := c.countries.get(s, func(s string) countryHit { return countryOf(g, s) })
	return h.c, h.ok
}

// countryOf looks s up as a country name or demonym.
func countryOf(g *geo.Gazetteer, s string) countryHit {
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
	return countryHit{cc, found}
}

// foldMemo memoises fold, since folding names (Unicode normalisation)
// dominates extraction time otherwise; folded names do not depend on the
// gazetteer, so one memo serves every extractor.
var foldMemo memo[string]

// fold is the gazetteer's name folding (geo.Fold), memoised, used to
// compare names.
func fold(s string) string { return foldMemo.get(s, geo.Fold) }

// resolve is Resolve with a per-article memo (the context is the article's).
func (d *doc) resolve(name string) (model.Place, bool) {
	if r, ok := d.resolved[name]; ok {
		return r.p, r.ok
	}
	p, ok := d.g.Resolve(name, d.geoContext())
	if ok && d.foreignSmallPlace(p) {
		// "Linwood" in a story about New Zealand is the Christchurch
		// suburb the gazetteer lacks, not the Scottish town it has: a
		// small place outside every country the article names is a
		// namesake, and no place is better than a wrong one; but
		// "Camberwell" in a London story is the London one, however
		// much smaller than the Australian suburb.
		p, ok = d.namesakeInContext(name)
	}
	d.resolved[name] = resolved{p, ok}
	return p, ok
}

// namesakeInContext is the best place named name in one of the countries
// the article names, if the gazetteer has one.
func (d *doc) namesakeInContext(name string) (model.Place, bool) {
	ctx := d.geoContext()
	for _, c := range d.x.cache.lookup(d.g, name) {
		for _, cc := range ctx.Countries {
			if c.Country == cc && c.Class == "city" {
				return c.Place, true
			}
		}
	}
	return model.Place{}, false
}

// foreignSmallPlace reports a town of under 100,000 people in none of the
// countries the article names (when it names some).
func (d *doc) foreignSmallPlace(p model.Place) bool {
	ctx := d.geoContext()
	if len(ctx.Countries) == 0 || p.Country == "" || p.Population >= 100000 || p.Feature == "country" || areaFeature(p.Feature) || strings.HasPrefix(p.Feature, "PPLC") || p.Feature == "PPLA" || p.Feature == "ADM1" {
		// A capital, a province's seat ("raided a camp near Timbuktu"
		// in a story about France) or a province itself ("the Indian
		// state of Assam") is known well beyond its size.
		return false
	}
	for _, c := range ctx.Countries {
		if c == p.Country {
			return false
		}
	}
	// "NAIROBI — … in Garissa": the dateline's country is the story's,
	// whether or not the body names it.
	return p.Country != d.datelineCountry()
}

// datelineCountry is the ISO2 code of the dateline's town, "" if none. It
// asks the gazetteer directly: the dateline's own resolution goes through
// resolve, which asks this.
func (d *doc) datelineCountry() string {
	if d.datelinePlace != nil {
		return d.datelinePlace.Country
	}
	if !d.dlCountryDone {
		// Asked for every place the article names: resolved once.
		d.dlCountryDone = true
		d.dlCountry = d.findDatelineCountry()
	}
	return d.dlCountry
}

func (d *doc) findDatelineCountry() string {
	name := strings.TrimSpace(d.a.Dateline)
	if name == "" {
		return ""
	}
	if i := strings.IndexByte(name, ','); i > 0 {
		if cc, ok := d.countryByName(strings.TrimSpace(name[i+1:])); ok {
			return cc.Code
		}
		name = strings.TrimSpace(name[:i])
	}
	if cc, ok := d.countryByName(name); ok {
		return cc.Code
	}
	if p, ok := d.g.Resolve(titleCase(name), d.geoContext()); ok {
		return p.Country
	}
	return ""
}

type resolved struct {
	p  model.Place
	ok bool
}
