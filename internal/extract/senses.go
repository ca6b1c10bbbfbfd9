package extract

import (
	_ "embed"
	"fmt"
	"strings"
)

// sensesTXT holds the word lists that decide a word's sense in context; its
// header says what they are.
//
//go:embed lexdata/senses.txt
var sensesTXT string

// The word lists of lexdata/senses.txt, each documented there.
var (
	resultNouns          = senseSet("resultNouns")
	marketClose          = senseSet("marketClose")
	costNouns            = senseSet("costNouns")
	protestAfter         = senseSet("protestAfter")
	takeForms            = senseSet("takeForms")
	settlementNouns      = senseSet("settlementNouns")
	changeWords          = senseSet("changeWords")
	hedgeComparatives    = senseSet("hedgeComparatives")
	gerundOpeners        = senseSet("gerundOpeners")
	countHedges          = senseSet("countHedges")
	settingWords         = senseSet("settingWords")
	crowdNouns           = senseSet("crowdNouns")
	attackerNouns        = senseSet("attackerNouns")
	forceNouns           = senseSet("forceNouns")
	electionPrizes       = senseSet("electionPrizes")
	businessPrizes       = senseSet("businessPrizes")
	objectOpeners        = senseSet("objectOpeners")
	modals               = senseSet("modals")
	upheavalNouns        = senseSet("upheavalNouns")
	burnTargets          = senseSet("burnTargets")
	burnAfter            = senseSet("burnAfter")
	fireNouns            = senseSet("fireNouns")
	platforms            = senseSet("platforms")
	writtenMedia         = senseSet("writtenMedia")
	deedLightVerbs       = senseSet("deedLightVerbs")
	retreatPlaces        = senseSet("retreatPlaces")
	woundNouns           = senseSet("woundNouns")
	illnessNouns         = senseSet("illnessNouns")
	copingVerbs          = senseSet("copingVerbs")
	craftNouns           = senseSet("craftNouns")
	askingWords          = senseSet("askingWords")
	sequelOpeners        = senseSet("sequelOpeners")
	sequelSpans          = senseSet("sequelSpans")
	sequelDeterminers    = senseSet("sequelDeterminers")
	closureNouns         = senseSet("closureNouns")
	displacedNouns       = senseSet("displacedNouns")
	gradeWords           = senseSet("gradeWords")
	groupNouns           = senseSet("groupNouns")
	labelWords           = senseSet("labelWords")
	hedgeParticiples     = senseSet("hedgeParticiples")
	timeGivers           = senseSet("timeGivers")
	mandativeVerbs       = senseSet("mandativeVerbs")
	targetPrepositions   = senseSet("targetPrepositions")
	directiveVerbs       = senseSet("directiveVerbs")
	clauseLinks          = senseSet("clauseLinks")
	civilianNouns        = senseSet("civilianNouns")
	marketNouns          = senseSet("marketNouns")
	vehicleNouns         = senseSet("vehicleNouns")
	speechActVerbs       = senseSet("speechActVerbs")
	commissiveVerbs      = senseSet("commissiveVerbs")
	legislatureNouns     = senseSet("legislatureNouns")
	legislationNouns     = senseSet("legislationNouns")
	soughtNouns          = senseSet("soughtNouns")
	rescuerNouns         = senseSet("rescuerNouns")
	nationalLegislatures = senseSet("nationalLegislatures")
	attackMeansWords     = []map[string]bool{senseSet("blastWords"), senseSet("shootingWords"),
		senseSet("stabbingWords")}
	measureNouns        = senseSet("measureNouns")
	entryVerbs          = senseSet("entryVerbs")
	impactVerbs         = senseSet("impactVerbs")
	premisesNouns       = senseSet("premisesNouns")
	policeNouns         = senseSet("policeNouns")
	abstractSubjects    = senseSet("abstractSubjects")
	nationalVoteNouns   = senseSet("nationalVoteNouns")
	participationVerbs  = senseSet("participationVerbs")
	electionScopeWords  = []map[string]bool{senseSet("nationalOfficeWords"), senseSet("localOfficeWords")}
	tellForms           = senseSet("tellForms")
	appearanceVerbs     = senseSet("appearanceVerbs")
	sayingForms         = senseSet("sayingForms")
	asidePrepositions   = senseSet("asidePrepositions")
	locatingParticiples = senseSet("locatingParticiples")
	ownWarNouns         = senseSet("ownWarNouns")
	ruinsNouns          = senseSet("ruinsNouns")
	combatantNouns      = senseSet("combatantNouns")
	planNouns           = senseSet("planNouns")
	officeNouns         = senseSet("officeNouns")
	endVerbs            = senseSet("endVerbs")
	quantityNouns       = senseSet("quantityNouns")
	armedNouns          = senseSet("armedNouns")
	operationKinds      = senseSet("operationKinds")
	settingNouns        = senseSet("settingNouns")
	definiteWords       = senseSet("definiteWords")
	divisionWords       = senseSet("divisionWords")
	munitionNouns       = senseSet("munitionNouns")
	riotMunitions       = senseSet("riotMunitions")
	obstacleNouns       = senseSet("obstacleNouns")
	routeParticiples    = senseSet("routeParticiples")
	aircraftMakers      = senseSet("aircraftMakers")
	facilityHeads       = senseSet("facilityHeads")
	tollNouns           = senseSet("tollNouns")
	localVoteWords      = senseSet("localVoteWords")
	industrialNouns     = senseSet("industrialNouns")
	bombNouns           = senseSet("bombNouns")
	facilityModifiers   = senseSet("facilityModifiers")
	namingVerbs         = senseSet("namingVerbs")
)

// eventSynonyms maps a word (stemmed) to the word news also uses for the
// same happening, from the eventSynonyms section ("quake" → "earthquake").
var eventSynonyms = func() map[string]string {
	m := map[string]string{}
	for w := range senseSet("eventSynonyms") {
		word, canon, ok := strings.Cut(w, ":")
		if !ok || word == "" || canon == "" {
			panic(fmt.Sprintf("lexdata/senses.txt: eventSynonyms: want word:canonical, got %q", w))
		}
		m[word] = canon
	}
	return m
}()

// eventPhraseSynonyms maps two words in a row, as contentWords keeps them
// ("open fire"), to the one word news also uses for the happening they name
// ("gunfire"), from the eventPhraseSynonyms section.
var eventPhraseSynonyms = func() map[string]string {
	m := map[string]string{}
	for w := range senseSet("eventPhraseSynonyms") {
		pair, canon, ok := strings.Cut(w, ":")
		first, second, ok2 := strings.Cut(pair, "+")
		if !ok || !ok2 || first == "" || second == "" || canon == "" {
			panic(fmt.Sprintf("lexdata/senses.txt: eventPhraseSynonyms: want first+second:canonical, got %q", w))
		}
		m[first+" "+second] = canon
	}
	return m
}()

// senseSections splits sensesTXT into its sections' lines.
var senseSections = splitSections("lexdata/senses.txt", sensesTXT)

// senseSet is one section of lexdata/senses.txt as a set of words.
func senseSet(name string) map[string]bool {
	return wordSet("lexdata/senses.txt", senseSections, name)
}

// wordSet is section name of a lexdata file as a set of the words on its
// lines; a missing section is a defect of the embedded file that the
// package's tests catch.
func wordSet(file string, sections map[string][]string, name string) map[string]bool {
	lines, ok := sections[name]
	if !ok {
		panic(file + ": no section " + name)
	}
	m := map[string]bool{}
	for _, line := range lines {
		for _, w := range strings.Fields(line) {
			m[w] = true
		}
	}
	return m
}

// splitSections splits a lexdata file of "== name ==" sections into their
// lines, leaving out comments and blank lines.
func splitSections(file, text string) map[string][]string {
	out := map[string][]string{}
	cur := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, "== ") && strings.HasSuffix(line, " =="):
			cur = strings.TrimSuffix(strings.TrimPrefix(line, "== "), " ==")
		case cur == "":
			panic(fmt.Sprintf("%s: %q before any section", file, line))
		default:
			out[cur] = append(out[cur], line)
		}
	}
	return out
}
