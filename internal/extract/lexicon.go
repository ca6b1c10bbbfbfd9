package extract

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// form is the grammatical shape of a trigger word as written.
type form uint8

const (
	formNoun   form = iota // "talks", "ceasefire"
	formBase               // "meet"
	formPres               // "meets"
	formPast               // "met", "agreed" (also past participle)
	formGerund             // "meeting" used as a verb
)

// trigger describes a word (or phrase) that signals an event.
type trigger struct {
	kind      model.Kind
	form      form
	statement bool   // reporting verb: an event only with its own time expression
	aspectual bool   // "concluded", "took effect": takes its kind from the event noun it is about
	declares  bool   // "declared", "ordered": with an event noun as its object, that event happened
	weak      bool   // lowers confidence ("arrived", "visit")
	words     int    // number of tokens the trigger spans
	labour    bool   // a strike of workers, not an air strike
	pres      string // third person present, for titles ("resigns")
	lemma     string // the table's entry, for titles
}

// The trigger lexicon (words that signal an event in news text, with the
// kind they signal) is the data file lexdata/triggers.tsv, read by
// triggers.go into verbForms, nouns and phrases.

// kindRank orders kinds by how much they say; when several triggers make
// one event, the most telling kind wins.
var kindRank = map[model.Kind]int{
	model.KindAnnexation: 22, model.KindDisaster: 21, model.KindAccident: 20, model.KindAttack: 19,
	model.KindWithdrawal: 18, model.KindCeasefire: 17, model.KindMilitary: 16, model.KindArrest: 15,
	model.KindLegal: 14, model.KindElection: 13, model.KindPolitical: 12, model.KindProtest: 11,
	model.KindEconomic: 10, model.KindDeadline: 8, model.KindProposal: 7,
	model.KindPublication: 6, model.KindConference: 5, model.KindMeeting: 4,
	model.KindTalks: 3, model.KindAgreement: 2, model.KindStatement: 1, model.KindOther: 0,
}

// diplomatic kinds describe facets of one encounter (a meeting, its talks,
// what was agreed and said there); they merge with each other.
func diplomatic(k model.Kind) bool {
	switch k {
	case model.KindMeeting, model.KindTalks, model.KindAgreement, model.KindStatement:
		return true
	}
	return false
}

// modals and other words that make the following verb unrealised.
var irrealis = map[string]bool{
	"will": true, "would": true, "'ll": true, "shall": true, "could": true, "may": true,
	"might": true, "should": true, "must": true, "can": true, "to": true, "cannot": true,
	"if": true, "whether": true,
	// "fear more attacks", "the threat of strikes", "a possible attack":
	// what is feared or threatened has not happened.
	"fear": true, "fears": true, "feared": true, "fearing": true, "threat": true, "threats": true,
	"threaten": true, "threatens": true, "threatened": true, "risk": true, "risks": true,
	"possible": true, "potential": true,
}

// claimObjects are what a group claims or admits as its deed ("claimed
// responsibility", "claimed credit").
var claimObjects = map[string]bool{"responsibility": true, "credit": true}

var negations = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "neither": true, "nor": true, "none": true, "nobody": true, "nothing": true}

// clause boundary words raise the cost of linking across them.
var subordinators = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "where": true, "while": true,
	"but": true, "because": true, "although": true, "though": true, "whereas": true,
	"after": true, "before": true, "when": true, "if": true, "as": true, "since": true,
	"until": true, "despite": true, "following": true,
}

// locative prepositions introduce where something happened.
var locatives = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true, "around": true,
	"across": true, "throughout": true, "within": true, "over": true, "along": true,
	"off":     true, // "sank off Crete"
	"through": true, // "marched through Lyon", "the storm tore through Florida"
}

// stormWords open the names of storms ("Typhoon Haiyan").
var stormWords = map[string]bool{
	"typhoon": true, "hurricane": true, "cyclone": true, "storm": true, "tropical": true, "super": true,
}

// countryParts are nouns for a part of a country that a compass adjective
// places ("the eastern seaboard of", "the northern part of").
var countryParts = map[string]bool{
	"part": true, "parts": true, "coast": true, "seaboard": true, "shore": true, "region": true,
	"regions": true, "provinces": true, "areas": true, "half": true, "tip": true, "edge": true,
	"side": true, "border": true, "reaches": true, "bottom": true, "floor": true, "bed": true, "depths": true,
}

// cityParts are a town's parts that "of" ties to its name: a crowd in
// "the streets of Cairo" is in Cairo, wherever the verb moved it.
var cityParts = map[string]bool{
	"streets": true, "suburbs": true, "outskirts": true, "centre": true, "center": true,
	"heart": true, "squares": true,
}

// placeHeads are nouns that an apposed place name specifies ("the city, Palmyra").
var placeHeads = map[string]bool{
	"city": true, "town": true, "village": true, "capital": true, "port": true,
	"province": true, "region": true, "area": true, "district": true, "peninsula": true,
	"island": true, "state": true, "county": true, "enclave": true, "stronghold": true,
}

// isTitleToken reports a lower-case word of a title ("secretary",
// "foreign", "sen."); it drops an abbreviation's dot itself.
func isTitleToken(low string) bool { return titleWords[strings.TrimSuffix(low, ".")] }
