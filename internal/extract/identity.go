package extract

import (
	"strings"
	"sync"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// ActorKey returns the identity key of an actor: two actors with the same
// key are taken for one across articles, however each source spells them.
// The store files every actor under its key (internal/store, actors.go).
//
// Persons: "p:" and a consonant skeleton of the surname (see nameSkeleton),
// then "/" and the initial of the first name when one is written
// ("p:lvrv/s" for "Sergei Lavrov" and "Sergey Lavrov", "p:lvrv" for
// "Lavrov" alone). Titles ("President", "Mr.", "Foreign Minister") and
// suffixes ("Jr.") are never part of the name, nor are particles ("bin",
// "al", "von der") before the surname. Only the initial of the first name
// counts, because sources abbreviate it ("J. Kerry") and transliterate it
// (Sergei/Sergey, Mohammad/Muhammad) more than they do the surname; the
// price is that "John Smith" and "Jane Smith" meet, which a user's split
// (store.SplitAlias) undoes. A surname alone meets the full name through
// ActorKeyFamily, which the store applies once it knows exactly one full
// name of that family.
//
// Organisations: "o:" and the folded name, after the canonical name of
// knownOrgs (UN, U.N. and United Nations meet; ISIS, ISIL, Islamic State
// and Daesh meet), without a leading "the" or a company suffix ("Inc.").
//
// Governments: "g:" and the country's ISO code ("g:RU" for "Russia" and
// "Russian Federation"), the folded name when the gazetteer does not know
// it.
func ActorKey(a model.Actor) string {
	switch a.Type {
	case model.ActorPerson:
		first, sur := personParts(a.Name)
		sk := nameSkeleton(sur)
		if sk == "" {
			// Nothing but a title or punctuation: keep the name whole
			// so that it meets only itself.
			return "p:=" + foldJoin(a.Name)
		}
		if first != "" {
			if f := firstInitial(first); f != "" {
				return "p:" + sk + "/" + f
			}
		}
		return "p:" + sk
	case model.ActorGov:
		if g := identityGazetteer(); g != nil {
			if c, ok := g.CountryByName(a.Name); ok && c.Code != "" {
				return "g:" + c.Code
			}
		}
		return "g:" + foldJoin(a.Name)
	}
	return "o:" + orgIdentity(a.Name)
}

// firstInitial is what two spellings of one first name share: the first
// letter of its skeleton ("Catherine" and "Katherine", "Sergei" and
// "Sergey"), except that a G stays a G: Greta and Karim Moreau are two
// people. sameActor compares first names by it too, so that the store's
// identities and the extractor's merges agree.
func firstInitial(first string) string {
	f := nameSkeleton(first)
	if f == "" {
		return ""
	}
	if w := geo.Fold(strings.ToLower(first)); strings.HasPrefix(w, "g") {
		return "g"
	}
	return f[:1]
}

// ActorKeyFamily returns the part of a key that a surname alone shares with
// every full name of that surname ("p:lvrv" for "p:lvrv/s"); other keys
// are their own family.
//
// An organisation's family is its first word when that word is a name of
// its own ("o:apple" for "o:apple computer", "o:lockheed" for "o:lockheed
// martin"), not a common word ("o:united nations", "o:bank of america"
// are their own), so that "Apple" meets "Apple Computer" where the store
// knows one organisation of that family.
func ActorKeyFamily(key string) string {
	switch {
	case strings.HasPrefix(key, "p:"):
		if fam, _, ok := strings.Cut(key, "/"); ok {
			return fam
		}
	case strings.HasPrefix(key, "o:"):
		if first, _, ok := strings.Cut(key[2:], " "); ok && !orgFamilyStop[first] && !orgHeads[first] && !commonCaps[first] && len(first) > 2 {
			return "o:" + first
		}
	}
	return key
}

// orgFamilyStop are first words of organisations' names that many
// unrelated organisations share.
var orgFamilyStop = map[string]bool{
	"united": true, "national": true, "international": true, "general": true, "american": true, "european": true,
	"world": true, "royal": true, "federal": true, "central": true, "global": true, "first": true, "new": true,
	"british": true, "china": true, "chinese": true, "us": true, "north": true, "south": true, "east": true,
	"west": true, "islamic": true, "arab": true, "african": true, "asian": true, "free": true, "democratic": true,
	"republican": true, "people": true, "peoples": true, "supreme": true, "high": true, "state": true,
	"ministry": true, "department": true, "white": true, "red": true, "air": true, "saint": true, "st": true,
}

// identityGazetteer is the gazetteer's country table (cheap: the place
// tables wait for a lookup that ActorKey never makes); nil when the
// embedded assets cannot be read, and then governments key by name.
var identityGazetteer = sync.OnceValue(func() *geo.Gazetteer {
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return nil
	}
	return g
})

// nameSuffixes follow a surname without being one.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true, "phd": true, "md": true}

// nameParticles stand before a surname ("Osama bin Laden", "Ursula von der
// Leyen", "Bashar al Assad") and are no first name. "Ben" is left out: it is
// a first name as often.
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "van": true, "von": true, "der": true,
	"den": true, "de": true, "da": true, "di": true, "du": true, "del": true, "della": true, "la": true,
	"le": true, "dos": true, "das": true, "ter": true, "ten": true,
}

// nameTokens splits a written name into words without what sources put
// around it: a parenthesis and what follows ("General Motors (GM)",
// "Senator John McCain (R-AZ)"), a possessive, and a lower-case
// description before the name ("U.S. automaker GM", "defence analyst Paul
// Nesbit", "Irish low cost airline, Ryanair"), keeping connectors and
// particles ("Bank of America", "Bashar al-Assad").
func nameTokens(name string) []string {
	name = strings.ReplaceAll(name, "’", "'")
	if i := strings.IndexByte(name, '('); i > 0 {
		name = name[:i]
	}
	var toks []string
	for _, f := range strings.Fields(name) {
		f = strings.Trim(f, ",;:()\"“”")
		f = strings.TrimSuffix(f, "'s")
		if f != "" {
			toks = append(toks, f)
		}
	}
	for i := len(toks) - 2; i >= 0; i-- {
		if toks[i] == "the" && i > 0 && nameConnectors[toks[i-1]] {
			continue // "Ministry of the Interior"
		}
		if isDescriptionWord(toks[i]) {
			toks = toks[i+1:]
			break
		}
	}
	return toks
}

// nameConnectors are lower-case words inside names.
var nameConnectors = map[string]bool{"of": true, "and": true, "for": true, "&": true, "on": true}

// isDescriptionWord reports a lower-case word that is no part of a name.
func isDescriptionWord(w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	if nameConnectors[w] || nameParticles[w] {
		return false
	}
	for _, p := range surnamePrefixes {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	return true
}

// personParts splits a person's name into the first name ("" when only a
// surname is written) and the surname, without titles, particles,
// suffixes and a possessive.
func personParts(name string) (first, surname string) {
	toks := nameTokens(name)
	for len(toks) > 1 && nameSuffixes[strings.Trim(strings.ToLower(toks[len(toks)-1]), ".")] {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return "", ""
	}
	// Everything up to the last title word is the title: "Russian
	// President Vladimir Putin", "Secretary of State John Kerry".
	for i := len(toks) - 2; i >= 0; i-- {
		if isTitleToken(strings.ToLower(toks[i])) {
			toks = toks[i+1:]
			break
		}
	}
	surname = toks[len(toks)-1]
	// A known given name is the first name even after other words ("the
	// United States Barack Obama"); else the first word that is no
	// particle.
	for _, t := range toks[:len(toks)-1] {
		if firstNames[strings.ToLower(t)] {
			return t, surname
		}
	}
	for _, t := range toks[:len(toks)-1] {
		if low := strings.ToLower(t); !nameParticles[low] && low != "the" {
			return t, surname
		}
	}
	return "", surname
}

// familyFirst reports a name written family name first, as Cantonese and
// Korean names romanised with a hyphenated given name are ("Chan Kin-man",
// "Moon Jae-in", "Kim Jong-un"): two words, the second a hyphenated given
// name with a short syllable in lower case after the hyphen, the first a
// short family name. Headlines name such a person by the first word
// (shortName); identity keys keep the whole given name apart ("Kim
// Jong-un" is not "Kim Jong-il"), so personParts does not use it.
func familyFirst(toks []string) bool {
	if len(toks) >= 2 && len(toks) <= 3 && familyFirstNames[strings.ToLower(toks[0])] && !firstNames[strings.ToLower(toks[1])] {
		// "Xi Jinping", "Kim Jong Un": a Chinese or Korean family name
		// before a given name that is neither a Western given name nor a
		// word or a surname the lexicon knows ("Lee Anderson").
		short := true
		for _, t := range toks[1:] {
			short = short && len(t) <= 8 && !strings.Contains(t, "-")
		}
		if short && (len(toks) == 2 && (len(toks[1]) <= 3 || !lexicon.IsNoun(strings.ToLower(toks[1]))) || len(toks) == 3 && len(toks[1]) <= 4 && len(toks[2]) <= 4) {
			return true
		}
	}
	if len(toks) != 2 || len(toks[0]) > 5 || strings.Contains(toks[0], "-") {
		return false
	}
	given, rest, ok := strings.Cut(toks[1], "-")
	if !ok || given == "" || rest == "" || rest[0] < 'a' || rest[0] > 'z' || len(given) > 5 || len(rest) > 4 {
		return false
	}
	return true
}

// surnamePrefixes are the Arabic article's spellings that sources write or
// leave out ("al-Assad", "Assad"; "ad-Dawla").
var surnamePrefixes = []string{"al-", "el-", "ad-", "as-", "ash-", "ar-", "at-", "az-", "an-", "ul-"}

// skeletonRewrites make the common transliterations of one sound meet,
// applied in order to a folded word: "Kadhafi" and "Khadafy" become
// "kadafi"/"kadafy" like "Gaddafi" and "Qaddafi"; "Schröder" meets
// "Shroeder", "Ahmadinezhad" "Ahmadinejad", "Youssef" "Yusuf".
var skeletonRewrites = strings.NewReplacer(
	"sch", "sh", "tch", "ch", "dzh", "j", "zh", "j", "dj", "j",
	"kh", "k", "gh", "g", "dh", "d", "th", "t", "ph", "f", "ck", "k", "ou", "u", "x", "ks",
)

// nameSkeleton is the consonant skeleton of one name word: folded (case and
// diacritics), without an Arabic article, rewritten (skeletonRewrites),
// hard c, q and g as k, letters doubled in the spelling single, and the vowels, y and w
// after the first letter dropped. Sergei and Sergey give "srk", Mohammad,
// Mohammed and Muhammad "mhmd", Gaddafi, Qaddafi, Kadhafi and Gadhafi
// "kdf".
func nameSkeleton(word string) string {
	w := strings.ToLower(strings.ReplaceAll(word, "’", "'"))
	for _, p := range surnamePrefixes {
		if strings.HasPrefix(w, p) && len(w) > len(p)+1 {
			w = w[len(p):]
			break
		}
	}
	w = strings.ReplaceAll(geo.Fold(w), " ", "")
	w = skeletonRewrites.Replace(w)
	b := make([]byte, 0, len(w))
	var prev byte // the previous letter after mapping, kept or not
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			continue // digits, hyphens
		}
		switch c {
		case 'q', 'g':
			c = 'k'
		case 'c':
			// Soft before e, i and y ("Cecilia"), part of "ch", hard
			// otherwise ("Nicolas" meets "Nikolas").
			if i+1 < len(w) && strings.IndexByte("eiy", w[i+1]) >= 0 {
				c = 's'
			} else if i+1 >= len(w) || w[i+1] != 'h' {
				c = 'k'
			}
		}
		// Only letters doubled in the spelling collapse: Potanin keeps
		// apart from Putin.
		double := c == prev
		prev = c
		if len(b) > 0 && (double || strings.IndexByte("aeiouyw", c) >= 0) {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// orgCorpSuffixes end a company's name in some sources and not in others.
var orgCorpSuffixes = map[string]bool{
	"inc": true, "ltd": true, "corp": true, "corporation": true, "co": true, "plc": true, "llc": true,
	"ag": true, "gmbh": true, "sa": true, "nv": true, "limited": true,
}

// orgIdentity folds an organisation's name, through knownOrgs' canonical
// name when it has one.
func orgIdentity(name string) string {
	low := strings.ToLower(strings.Join(nameTokens(name), " "))
	if c, ok := knownOrgs[low]; ok {
		low = c
	} else if c, ok := knownOrgs[strings.TrimPrefix(low, "the ")]; ok {
		low = c
	}
	f := strings.Fields(geo.Fold(low))
	if len(f) > 1 && f[0] == "the" {
		f = f[1:]
	}
	for len(f) > 1 && orgCorpSuffixes[f[len(f)-1]] {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// foldJoin folds s with single spaces.
func foldJoin(s string) string { return strings.Join(strings.Fields(geo.Fold(s)), " ") }
