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
}

var negations = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "neither": true, "nor": true}

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
	"across": true, "throughout": true, "within": true, "over": true,
}

// placeHeads are nouns that an apposed place name specifies ("the city, Palmyra").
var placeHeads = map[string]bool{
	"city": true, "town": true, "village": true, "capital": true, "port": true,
	"province": true, "region": true, "area": true, "district": true, "peninsula": true,
	"island": true, "state": true, "county": true, "enclave": true, "stronghold": true,
}

// landmarks are buildings that stand for a government when they act
// ("the Kremlin said") and for a city when something happens there.
var landmarks = map[string]struct{ city, country string }{
	"kremlin":          {"Moscow", "RU"},
	"white house":      {"Washington", "US"},
	"pentagon":         {"Washington", "US"},
	"downing street":   {"London", "GB"},
	"elysee":           {"Paris", "FR"},
	"élysée":           {"Paris", "FR"},
	"elysee palace":    {"Paris", "FR"},
	"élysée palace":    {"Paris", "FR"},
	"capitol hill":     {"Washington", "US"},
	"quai d'orsay":     {"Paris", "FR"},
	"zhongnanhai":      {"Beijing", "CN"},
	"blue house":       {"Seoul", "KR"},
	"foggy bottom":     {"Washington", "US"},
	"state department": {"Washington", "US"},
}

// titles that introduce a person's name, lower case, longest first when
// several share a prefix.
var titleWords = map[string]bool{
	"president": true, "vice": true, "secretary": true, "minister": true, "premier": true,
	"chancellor": true, "king": true, "queen": true, "prince": true, "princess": true, "pope": true,
	"general": true, "gen": true, "gen.": true, "colonel": true, "col": true, "lieutenant": true, "lt": true,
	"major": true, "maj": true, "captain": true, "capt": true, "admiral": true, "adm": true,
	"sergeant": true, "sgt": true, "commander": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"sen": true, "senator": true, "rep": true, "representative": true, "gov": true, "governor": true,
	"mayor": true, "ambassador": true, "envoy": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "judge": true, "justice": true, "chairman": true, "chairwoman": true,
	"chair": true, "ceo": true, "director": true, "chief": true, "leader": true, "sheikh": true, "cfo": true, "founder": true,
	"emir": true, "sultan": true, "ayatollah": true, "cardinal": true, "bishop": true, "archbishop": true,
	"prof": true, "professor": true, "coach": true, "officer": true, "mediator": true, "deputy": true,
	"foreign": true, "defense": true, "defence": true, "prime": true, "state": true, "interior": true,
	"finance": true, "of": true, "general-secretary": true, "secretary-general": true, "executive": true,
	"senior": true, "top": true, "diplomat": true, "counterpart": true, "strongman": true, "head": true,
	"speaker": true, "attorney": true, "minority": true, "majority": true, "whip": true, "economy": true,
	"trade": true, "health": true, "justice-minister": true, "army": true, "commissioner": true,
}

// titleHeads are the words that make a title a title; modifiers such as
// "foreign" or "of" only count next to one of these.
var titleHeads = map[string]bool{
	"president": true, "secretary": true, "minister": true, "premier": true, "chancellor": true,
	"king": true, "queen": true, "prince": true, "princess": true, "pope": true, "general": true,
	"gen": true, "colonel": true, "col": true, "lieutenant": true, "lt": true, "major": true,
	"maj": true, "captain": true, "capt": true, "admiral": true, "adm": true, "sergeant": true,
	"sgt": true, "commander": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sen": true,
	"senator": true, "rep": true, "representative": true, "gov": true, "governor": true, "mayor": true,
	"ambassador": true, "envoy": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"judge": true, "justice": true, "chairman": true, "chairwoman": true, "ceo": true, "director": true,
	"chief": true, "leader": true, "sheikh": true, "emir": true, "sultan": true, "ayatollah": true,
	"cardinal": true, "bishop": true, "archbishop": true, "prof": true, "professor": true, "coach": true,
	"mediator": true, "secretary-general": true, "speaker": true, "attorney": true, "commissioner": true,
	"diplomat": true, "counterpart": true, "strongman": true, "officer": true, "head": true,
	"cfo": true, "executive": true, "founder": true, "president-elect": true,
}

// orgHeads end organisation names ("High Negotiations Committee").
var orgHeads = map[string]bool{
	"committee": true, "council": true, "group": true, "party": true, "front": true, "army": true,
	"ministry": true, "department": true, "agency": true, "organization": true, "organisation": true,
	"association": true, "union": true, "bank": true, "fund": true, "corporation": true, "corp": true,
	"inc": true, "company": true, "co": true, "ltd": true, "university": true, "institute": true,
	"commission": true, "court": true, "parliament": true, "assembly": true, "forces": true,
	"brigade": true, "brigades": true, "movement": true, "network": true, "news": true, "post": true,
	"times": true, "journal": true, "press": true, "motors": true, "airlines": true, "airways": true,
	"federation": true, "alliance": true, "coalition": true, "office": true, "service": true,
	"authority": true, "board": true, "senate": true, "congress": true, "police": true, "guard": true,
	"command": true, "foundation": true, "society": true, "center": true, "centre": true,
	"administration": true, "government": true, "regime": true, "cabinet": true, "tribunal": true,
	"reuters": true, "broadcasting": true, "television": true, "radio": true, "club": true,
	"industries": true, "group's": true, "holdings": true, "systems": true, "technologies": true,
	"state": true, "state's": true, "nations": true, "telegraph": true, "herald": true, "tribune": true,
	"guardian": true, "daily": true, "gazette": true, "al-qaeda": true, "computer": true, "computers": true,
	"corps": true, "brothers": true, "mutual": true, "services": true, "international": true, "workers": true,
	"electric": true, "energy": true, "petroleum": true, "oil": true, "pharmaceuticals": true, "labs": true,
	"laboratories": true, "media": true, "communications": true, "entertainment": true, "studios": true,
	"records": true, "partners": true, "securities": true, "insurance": true,
}

// knownOrgs are organisations news mentions by short or bare names that no
// capitalisation rule would find. Values are canonical names.
var knownOrgs = map[string]string{
	"un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
	"nato": "NATO", "eu": "European Union", "european union": "European Union",
	"isis": "Islamic State", "isil": "Islamic State", "daesh": "Islamic State", "islamic state": "Islamic State",
	"al-qaeda": "Al-Qaeda", "al qaeda": "Al-Qaeda", "al-qaida": "Al-Qaeda", "qaeda": "Al-Qaeda",
	"al-nusra": "Jabhat al-Nusra", "nusra": "Jabhat al-Nusra", "jabhat al-nusra": "Jabhat al-Nusra",
	"nusra front": "Jabhat al-Nusra", "al-nusra front": "Jabhat al-Nusra",
	"hezbollah": "Hezbollah", "hamas": "Hamas", "taliban": "Taliban", "al-shabab": "Al-Shabab",
	"boko haram": "Boko Haram", "congress": "Congress", "security council": "UN Security Council",
	"u.n. security council": "UN Security Council", "un security council": "UN Security Council",
	"state department": "State Department", "pentagon": "Pentagon", "cia": "CIA", "fbi": "FBI",
	"ap": "AP", "afp": "AFP", "reuters": "Reuters", "imf": "IMF", "who": "WHO", "opec": "OPEC",
	"world bank": "World Bank", "red cross": "Red Cross", "kgb": "KGB", "fsb": "FSB",
	"white house": "White House", "kremlin": "Kremlin", "opcw": "OPCW", "iaea": "IAEA", "osce": "OSCE",
	"african union": "African Union", "arab league": "Arab League", "asean": "ASEAN",
	"bbc": "BBC", "cnn": "CNN", "abc news": "ABC News", "nbc": "NBC", "cbs": "CBS", "fox news": "Fox News",
	"washington post": "Washington Post", "new york times": "New York Times",
	"gm": "General Motors", "general motors": "General Motors", "ford": "Ford", "chrysler": "Chrysler",
	"toyota": "Toyota", "google": "Google", "apple": "Apple", "microsoft": "Microsoft", "amazon": "Amazon",
	"facebook": "Facebook", "twitter": "Twitter", "wikileaks": "WikiLeaks", "fiat": "Fiat", "opel": "Opel",
	"wikinews": "Wikinews", "pkk": "PKK", "ypg": "YPG", "fsa": "Free Syrian Army", "free syrian army": "Free Syrian Army",
}

// commonCaps are capitalised words that are not names when they start a
// sentence or a headline; lower case.
var commonCaps = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "but": true, "or": true, "in": true, "on": true,
	"at": true, "to": true, "of": true, "for": true, "with": true, "by": true, "from": true, "as": true,
	"after": true, "before": true, "while": true, "when": true, "if": true, "it": true, "he": true,
	"she": true, "they": true, "we": true, "i": true, "you": true, "this": true, "that": true,
	"these": true, "those": true, "there": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "my": true, "both": true, "neither": true, "either": true, "one": true, "two": true,
	"all": true, "most": true, "some": true, "many": true, "no": true, "not": true, "so": true,
	"still": true, "even": true, "however": true, "meanwhile": true, "speaking": true, "talking": true,
	"chief": true, "among": true, "over": true, "under": true, "similarly": true, "underscoring": true,
	"whereas": true, "russian": false, "former": true, "possible": true, "visit": true, "officials": true,
	"opposition": true, "cooperation": true, "let": true, "who": true, "what": true, "why": true,
	"how": true, "where": true, "said": true, "says": true, "according": true, "despite": true,
	"related": true, "topics": true, "photo": true, "byabc": true, "more": true,
	"also": true, "then": true, "now": true, "today": true, "yesterday": true, "tomorrow": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"was": true, "is": true, "are": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "can": true, "could": true, "should": true, "must": true,
	"here": true, "yes": true, "every": true, "each": true, "another": true, "other": true, "such": true,
	"only": true, "just": true, "first": true, "last": true, "next": true, "new": false, "earlier": true,
	"later": true, "since": true, "until": true, "during": true, "against": true, "without": true,
	"within": true, "whether": true, "because": true, "although": true, "though": true, "about": true,
	"above": true, "below": true, "between": true, "into": true, "through": true, "up": true, "down": true,
	"out": true, "off": true, "again": true, "further": true, "once": true, "very": true, "too": true,
	"eu-": false, "kerry": false, "in-depth": true, "breaking": true, "update": true, "updated": true,
	"reporting": true, "additional": true, "contributed": true, "editing": true, "writing": true,
	"advertisement": true, "read": true, "click": true, "share": true, "comments": true,
}

// irregularDemonyms backs up the gazetteer's demonyms with adjectives
// that are not formed from the country's name.
var irregularDemonyms = map[string]string{
	"French": "FR", "Dutch": "NL", "British": "GB", "English": "GB", "Scottish": "GB", "Welsh": "GB",
	"Swiss": "CH", "Irish": "IE", "Danish": "DK", "Swedish": "SE", "Finnish": "FI", "Greek": "GR",
	"Turkish": "TR", "Spanish": "ES", "Thai": "TH", "Filipino": "PH", "Israeli": "IL", "Iraqi": "IQ",
	"Saudi": "SA", "Emirati": "AE", "Yemeni": "YE", "Afghan": "AF", "Pakistani": "PK", "Kuwaiti": "KW",
	"Qatari": "QA", "Omani": "OM", "Lebanese": "LB", "Chinese": "CN", "Japanese": "JP", "Vietnamese": "VN",
	"Portuguese": "PT", "Norwegian": "NO", "Icelandic": "IS", "Czech": "CZ", "Slovak": "SK", "Polish": "PL",
}

// govNouns after a possessive country make it a government: "Russia's
// decision", "Japan's foreign minister".
var govNouns = map[string]bool{
	"decision": true, "position": true, "policy": true, "stance": true, "move": true, "government": true,
	"foreign": true, "president": true, "prime": true, "leader": true, "leadership": true, "officials": true,
	"response": true, "support": true, "demand": true, "demands": true, "plan": true, "proposal": true,
	"offer": true, "refusal": true, "backing": true, "allies": true, "envoy": true, "ambassador": true,
	"partial": true, "sudden": true, "military": true, "army": true, "forces": true, "troops": true,
	"campaign": true, "involvement": true, "role": true, "meddling": true, "intervention": true,
}

// isTitleToken reports a lower-case word of a title ("secretary",
// "foreign", "sen."); it drops an abbreviation's dot itself.
func isTitleToken(low string) bool { return titleWords[strings.TrimSuffix(low, ".")] }
