package geo

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// prefixEntry is one place's folded main name, in the sorted list Complete
// searches.
type prefixEntry struct {
	name string
	i    int32
}

// Complete returns up to n places of the world whose main name begins with
// prefix (accents and case ignored), and those known by prefix itself under
// another name, most important first as Lookup ranks them: countries,
// regions, then by population and rank. A place found by another of its
// names is named as asked (Palmyra, whose main name is Tadmur), as the
// extractor names a place by the words of the text. It is for a place
// picker that offers any place, not only those the store holds. The sorted
// names are built on the first call (a fraction of a second).
func (g *Gazetteer) Complete(prefix string, n int) []Candidate {
	t, err := g.tables()
	f := Fold(prefix)
	if err != nil || f == "" || n <= 0 {
		return nil
	}
	g.completeOnce.Do(func() {
		g.byPrefix = make([]prefixEntry, 0, len(t.ents))
		for i := range t.ents {
			if t.ents[i].name != "" {
				g.byPrefix = append(g.byPrefix, prefixEntry{Fold(t.ents[i].name), int32(i)})
			}
		}
		slices.SortFunc(g.byPrefix, func(a, b prefixEntry) int { return strings.Compare(a.name, b.name) })
	})
	scored := g.lookup(prefix) // whole names, alternate ones included
	asked := map[int32]bool{}
	for _, s := range scored {
		if Fold(t.ents[s.i].name) != f {
			asked[s.i] = true
		}
	}
	lo := sort.Search(len(g.byPrefix), func(k int) bool { return g.byPrefix[k].name >= f })
	for k := lo; k < len(g.byPrefix) && strings.HasPrefix(g.byPrefix[k].name, f); k++ {
		scored = addScored(scored, g.byPrefix[k].i, g.score(g.byPrefix[k].i))
	}
	slices.SortStableFunc(scored, func(a, b scoredCand) int { return cmp.Compare(b.score, a.score) })
	out := make([]Candidate, 0, min(n, len(scored)))
	for _, s := range scored {
		if len(out) == n {
			break
		}
		c := t.candidate(s.i)
		if asked[s.i] {
			c.Name = askedName(prefix)
		}
		out = append(out, c)
	}
	return out
}

// askedName is a name as the user typed it, capitalised word by word when
// typed all in lower case ("palmyra" → "Palmyra").
func askedName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if strings.ToLower(s) != s {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
