package extract

import (
	_ "embed"
	"fmt"
	"strings"
)

// namesTXT holds the extractor's name lists; its header says what they are.
//
//go:embed lexdata/names.txt
var namesTXT string

// The name lists of lexdata/names.txt.
var (
	// firstNames are common given names across the languages news reports
	// on (English, Romance, Germanic, Slavic, Arabic, Persian, Turkish,
	// African, South and East Asian transliterations). A capitalised pair
	// that starts with one is taken for a person even without a title.
	firstNames = nameSet("firstNames")
	// titleWords introduce a person's name, lower case ("secretary",
	// "foreign", "of" within a title).
	titleWords = nameSet("titleWords")
	// titleHeads are the words that make a title a title; modifiers such
	// as "foreign" or "of" only count next to one of these.
	titleHeads = nameSet("titleHeads")
	// orgHeads end organisation names ("High Negotiations Committee").
	orgHeads = nameSet("orgHeads")
	// commonCaps are capitalised words that are not names when they start
	// a sentence or a headline; lower case.
	commonCaps = nameSet("commonCaps")
	// govNouns after a possessive country make it a government: "Russia's
	// decision", "Japan's foreign minister".
	govNouns = nameSet("govNouns")
	// knownOrgs are organisations news mentions by short or bare names
	// that no capitalisation rule would find; values are canonical names.
	knownOrgs = nameMap("knownOrgs")
	// irregularDemonyms back up the gazetteer's demonyms with adjectives
	// not formed from the country's name; values are ISO codes.
	irregularDemonyms = nameMap("irregularDemonyms")
	// familyFirstNames are Chinese and Korean family names, written first.
	familyFirstNames = nameSet("familyFirstNames")
	// landmarks are buildings that stand for a government when they act
	// ("the Kremlin said") and for a city when something happens there.
	landmarks = landmarkMap()
)

// nameSections splits namesTXT into its sections' lines.
var nameSections = splitSections("lexdata/names.txt", namesTXT)

// section returns a section's lines; a missing section is a defect of the
// embedded file that the package's tests catch.
func section(name string) []string {
	lines, ok := nameSections[name]
	if !ok {
		panic("lexdata/names.txt: no section " + name)
	}
	return lines
}

// nameSet is one section of lexdata/names.txt as a set of words.
func nameSet(name string) map[string]bool {
	return wordSet("lexdata/names.txt", nameSections, name)
}

func nameMap(name string) map[string]string {
	m := map[string]string{}
	for _, line := range section(name) {
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			panic(fmt.Sprintf("lexdata/names.txt: %s: %q has no tab", name, line))
		}
		m[k] = v
	}
	return m
}

func landmarkMap() map[string]struct{ city, country string } {
	m := map[string]struct{ city, country string }{}
	for _, line := range section("landmarks") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			panic(fmt.Sprintf("lexdata/names.txt: landmarks: %q wants name, city and country", line))
		}
		m[f[0]] = struct{ city, country string }{f[1], f[2]}
	}
	return m
}
