package geo

import "strings"

// Forms of names. News writes a place's name inside words that say what
// it is: "Borno state", "Salaheddin province", "the Idlib region", "Mount
// Sinjar", "the Zagros Mountains", "the Sea of Azov", "Gulf of Aden", "the
// French Alps", "northern Syria". forms finds the entries such a phrase
// names, from the name inside it and the class the words ask for.

// classSet is a set of entry classes.
type classSet uint8

const (
	inCity classSet = 1 << iota
	inAdmin1
	inFeature
	inDisputed
	inRegion
	inCountry
	areas = inAdmin1 | inFeature | inDisputed | inRegion
)

func classBit(class string) classSet {
	switch class {
	case ClassCity:
		return inCity
	case ClassAdmin1:
		return inAdmin1
	case ClassFeature:
		return inFeature
	case ClassDisputed:
		return inDisputed
	case ClassRegion:
		return inRegion
	case ClassCountry:
		return inCountry
	}
	return 0
}

// adminWords are the words after (or before, with "of") a division's name.
// A division confirmed by its word scores three times its base; a city
// stands in, at half its score, when no division has the name ("Cox's
// Bazar district" is the district around the town).
var adminWords = map[string]bool{
	"state": true, "province": true, "governorate": true, "region": true, "district": true,
	"oblast": true, "prefecture": true, "county": true, "department": true, "territory": true,
	"division": true, "municipality": true, "emirate": true, "canton": true, "krai": true,
	"voivodeship": true, "parish": true, "autonomous region": true, "regency": true,
}

// featureForm is a word that makes a name a natural feature: before it
// ("mount"), or after it ("mountains"), and the Natural Earth classes it
// admits.
type featureForm struct {
	word  string
	kinds []string
}

var (
	mountainKinds = []string{"mountain", "range/mtn", "plateau", "foothills"}
	rangeKinds    = []string{"range/mtn", "mountain", "plateau"}
	islandKinds   = []string{"island", "island group"}
)

var featurePrefixes = []featureForm{
	{"mount", mountainKinds}, {"mt", mountainKinds}, {"mont", mountainKinds}, {"monte", mountainKinds},
	{"jebel", mountainKinds}, {"jabal", mountainKinds},
	{"lake", []string{"lake"}}, {"cape", []string{"cape", "pen/cape"}},
	{"isle of", islandKinds}, {"island of", islandKinds},
}

// The "of" forms are rewritten both ways ("Gulf of Aden" ↔ "Aden Gulf").
var featureOfForms = []featureForm{
	{"sea of", []string{"sea"}}, {"gulf of", []string{"gulf", "bay"}}, {"bay of", []string{"bay", "gulf"}},
	{"strait of", []string{"strait", "channel"}}, {"straits of", []string{"strait", "channel"}},
	{"gulf", []string{"gulf", "bay"}},
}

var featureSuffixes = []featureForm{
	{"mountains", rangeKinds}, {"mountain range", rangeKinds}, {"mountain", mountainKinds},
	{"mts", rangeKinds}, {"range", rangeKinds}, {"hills", rangeKinds}, {"massif", rangeKinds},
	{"sea", []string{"sea"}}, {"gulf", []string{"gulf", "bay"}}, {"bay", []string{"bay", "gulf"}},
	{"strait", []string{"strait", "channel"}}, {"straits", []string{"strait", "channel"}},
	{"channel", []string{"channel", "strait"}}, {"lake", []string{"lake"}},
	{"island", islandKinds}, {"islands", islandKinds}, {"isles", islandKinds},
	{"desert", []string{"desert"}}, {"peninsula", []string{"peninsula", "pen/cape"}},
	{"river", []string{"river"}}, {"valley", []string{"valley", "depression"}},
	{"plateau", []string{"plateau"}}, {"plain", []string{"plain", "lowland"}},
	{"coast", []string{"coast"}}, {"delta", []string{"delta"}},
}

// qualifiers are words before a name that narrow it without changing
// which place it is: "northern Syria" is in Syria, "the upper Nile" on it.
var qualifiers = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true, "north eastern": true, "north western": true,
	"south eastern": true, "south western": true, "upper": true, "lower": true, "greater": true,
}

// forms adds the entries that the forms of folded name f name.
func (g *Gazetteer) forms(f string, out []scoredCand) []scoredCand {
	if strings.IndexByte(f, ' ') < 0 {
		return out // every form has two words or more
	}
	// "Borno state", "the Idlib region"; "province of Idlib".
	for w := range adminWords {
		if base, ok := strings.CutSuffix(f, " "+w); ok && base != "" {
			out = g.classed(base, areas&^inFeature|g.featureIf(w == "region" || w == "territory"), nil, 3, out, true)
		}
		if base, ok := strings.CutPrefix(f, w+" of "); ok && base != "" {
			out = g.classed(base, inAdmin1|inRegion|inDisputed, nil, 3, out, true)
		}
	}
	for _, p := range featurePrefixes {
		if base, ok := strings.CutPrefix(f, p.word+" "); ok && base != "" {
			out = g.classed(base, inFeature, p.kinds, 2, out, false)
		}
	}
	for _, p := range featureOfForms {
		if base, ok := strings.CutPrefix(f, p.word+" "); ok && base != "" {
			word := strings.TrimSuffix(p.word, " of")
			out = g.exact(base+" "+word, 1, out) // "Sea of Azov" → "Azov Sea"
			out = g.classed(base, inFeature, p.kinds, 2, out, false)
		}
	}
	for _, p := range featureSuffixes {
		if base, ok := strings.CutSuffix(f, " "+p.word); ok && base != "" {
			out = g.exact(p.word+" of "+base, 1, out) // "Azov Sea" → "Sea of Azov"
			out = g.classed(base, inFeature, p.kinds, 2, out, false)
			if p.word == "island" || p.word == "islands" || p.word == "peninsula" {
				out = g.classed(base, inAdmin1|inDisputed|inRegion, nil, 1, out, false) // "Leyte island"
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	// "the French Alps", "Syrian Golan": a country's adjective before an
	// area; "northern Syria", "East Jerusalem": a compass word before any
	// place. Only when the whole phrase names nothing.
	words := strings.Fields(f)
	for n := 1; n <= 2 && n < len(words); n++ {
		head, rest := strings.Join(words[:n], " "), strings.Join(words[n:], " ")
		if qualifiers[head] {
			return g.exact(rest, 1, out)
		}
		if g.byName[head] != nil || n == 1 && adjective(head) {
			out = g.classed(rest, areas, nil, 1, out, false)
			if len(out) > 0 {
				return out
			}
		}
	}
	return out
}

func (g *Gazetteer) featureIf(b bool) classSet {
	if b {
		return inFeature
	}
	return 0
}

// classed adds the entries named base whose class is in want (and, for
// features, whose Natural Earth class is in kinds, if kinds is not empty),
// with their score times mult. With cityFallback, cities named base come
// in at half their score when nothing of the wanted classes does.
func (g *Gazetteer) classed(base string, want classSet, kinds []string, mult float64, out []scoredCand, cityFallback bool) []scoredCand {
	t := g.tab
	found := false
	posts := t.index.find(base)
	for _, p := range posts {
		i := int32(p &^ altBit)
		e := &t.ents[i]
		if classBit(e.class)&want == 0 {
			continue
		}
		if len(kinds) > 0 && e.class == ClassFeature && !hasKind(kinds, t.kindOf(i)) {
			continue
		}
		s := mult * g.score(i)
		if p&altBit != 0 {
			s *= altPenalty
		}
		out = addScored(out, i, s)
		found = true
	}
	if !found && cityFallback {
		for _, p := range posts {
			i := int32(p &^ altBit)
			if t.ents[i].class == ClassCity {
				s := 0.5 * g.score(i)
				if p&altBit != 0 {
					s *= altPenalty
				}
				out = addScored(out, i, s)
			}
		}
	}
	return out
}

func hasKind(kinds []string, k string) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// kindOf is entry i's finer class, "" for cities and countries.
func (t *tables) kindOf(i int32) string {
	if e := &t.ents[i]; e.ext >= 0 {
		return t.ext[e.ext].kind
	}
	return ""
}

// adjective reports whether a word looks like a country's adjective
// ("French", "Kenyan", "Afghan"), which may be missing from the demonym
// table when several countries share it.
func adjective(w string) bool {
	for _, suf := range []string{"ch", "sh", "ese", "an", "ian", "i", "ic"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}
