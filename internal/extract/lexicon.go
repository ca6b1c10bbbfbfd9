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
	pres      string // third person present, for titles of "other" events ("resigns")
}

// verb lists a verb lemma's forms for the lexicon builder.
type verb struct {
	kind                       model.Kind
	base, pres, past, pp, ing  string
	statement, aspectual, weak bool
}

// The trigger lexicon: words that signal an event in news text, with the
// kind they signal. It is deliberately general (diplomacy, conflict,
// politics, business); nothing in it is specific to one story.
var verbs = []verb{
	{kind: model.KindMeeting, base: "meet", pres: "meets", past: "met", ing: "meeting"},
	{kind: model.KindMeeting, base: "visit", pres: "visits", past: "visited", ing: "visiting", weak: true},
	{kind: model.KindMeeting, base: "host", pres: "hosts", past: "hosted", ing: "hosting", weak: true},
	{kind: model.KindMeeting, base: "arrive", pres: "arrives", past: "arrived", ing: "arriving", weak: true},
	// No present form: "talks" is nearly always the noun.
	{kind: model.KindTalks, base: "talk", past: "talked", ing: "talking", weak: true},
	{kind: model.KindTalks, base: "negotiate", pres: "negotiates", past: "negotiated", ing: "negotiating"},
	{kind: model.KindTalks, base: "discuss", pres: "discusses", past: "discussed", ing: "discussing", weak: true},
	{kind: model.KindAgreement, base: "agree", pres: "agrees", past: "agreed", ing: "agreeing"},
	{kind: model.KindAgreement, base: "sign", pres: "signs", past: "signed", ing: "signing"},
	{kind: model.KindAgreement, base: "pledge", pres: "pledges", past: "pledged", ing: "pledging", weak: true},
	{kind: model.KindAgreement, base: "broker", pres: "brokers", past: "brokered", ing: "brokering"},
	{kind: model.KindAgreement, base: "ratify", pres: "ratifies", past: "ratified", ing: "ratifying"},
	{kind: model.KindStatement, base: "announce", pres: "announces", past: "announced", ing: "announcing"},
	{kind: model.KindStatement, base: "say", pres: "says", past: "said", ing: "saying", statement: true},
	{kind: model.KindStatement, base: "tell", pres: "tells", past: "told", ing: "telling", statement: true},
	{kind: model.KindStatement, base: "declare", pres: "declares", past: "declared", ing: "declaring", statement: true},
	{kind: model.KindStatement, base: "insist", pres: "insists", past: "insisted", ing: "insisting", statement: true},
	{kind: model.KindStatement, base: "warn", pres: "warns", past: "warned", ing: "warning", statement: true},
	{kind: model.KindStatement, base: "complain", pres: "complains", past: "complained", ing: "complaining", statement: true},
	{kind: model.KindStatement, base: "urge", pres: "urges", past: "urged", ing: "urging", statement: true},
	{kind: model.KindStatement, base: "vow", pres: "vows", past: "vowed", ing: "vowing", statement: true},
	{kind: model.KindStatement, base: "deny", pres: "denies", past: "denied", ing: "denying", statement: true},
	{kind: model.KindStatement, base: "confirm", pres: "confirms", past: "confirmed", ing: "confirming", statement: true},
	{kind: model.KindStatement, base: "condemn", pres: "condemns", past: "condemned", ing: "condemning", statement: true},
	{kind: model.KindStatement, base: "criticize", pres: "criticizes", past: "criticized", ing: "criticizing", statement: true},
	{kind: model.KindStatement, base: "criticise", pres: "criticises", past: "criticised", ing: "criticising", statement: true},
	{kind: model.KindStatement, base: "accuse", pres: "accuses", past: "accused", ing: "accusing", statement: true},
	{kind: model.KindMilitary, base: "strike", pres: "strikes", past: "struck", ing: "striking"},
	{kind: model.KindMilitary, base: "attack", pres: "attacks", past: "attacked", ing: "attacking"},
	{kind: model.KindMilitary, base: "bomb", pres: "bombs", past: "bombed", ing: "bombing"},
	{kind: model.KindMilitary, base: "shell", pres: "shells", past: "shelled", ing: "shelling"},
	{kind: model.KindMilitary, base: "hit", pres: "hits", past: "hit", ing: "hitting"},
	{kind: model.KindMilitary, base: "invade", pres: "invades", past: "invaded", ing: "invading"},
	{kind: model.KindMilitary, base: "intervene", pres: "intervenes", past: "intervened", ing: "intervening"},
	{kind: model.KindMilitary, base: "raid", pres: "raids", past: "raided", ing: "raiding"},
	{kind: model.KindMilitary, base: "capture", pres: "captures", past: "captured", ing: "capturing"},
	{kind: model.KindMilitary, base: "retake", pres: "retakes", past: "retook", pp: "retaken", ing: "retaking"},
	{kind: model.KindMilitary, base: "recapture", pres: "recaptures", past: "recaptured", ing: "recapturing"},
	{kind: model.KindMilitary, base: "deploy", pres: "deploys", past: "deployed", ing: "deploying"},
	{kind: model.KindMilitary, base: "kill", pres: "kills", past: "killed", ing: "killing", weak: true},
	{kind: model.KindMilitary, base: "shoot", pres: "shoots", past: "shot", ing: "shooting", weak: true},
	{kind: model.KindWithdrawal, base: "withdraw", pres: "withdraws", past: "withdrew", pp: "withdrawn", ing: "withdrawing"},
	{kind: model.KindWithdrawal, base: "pull", pres: "pulls", past: "pulled", ing: "pulling"},
	{kind: model.KindStatement, base: "speak", pres: "speaks", past: "spoke", pp: "spoken", ing: "speaking", statement: true},
	{kind: model.KindWithdrawal, base: "retreat", pres: "retreats", past: "retreated", ing: "retreating"},
	{kind: model.KindWithdrawal, base: "evacuate", pres: "evacuates", past: "evacuated", ing: "evacuating"},
	{kind: model.KindAnnexation, base: "annex", pres: "annexes", past: "annexed", ing: "annexing"},
	{kind: model.KindProposal, base: "propose", pres: "proposes", past: "proposed", ing: "proposing"},
	{kind: model.KindPublication, base: "publish", pres: "publishes", past: "published", ing: "publishing"},
	{kind: model.KindPublication, base: "leak", pres: "leaks", past: "leaked", ing: "leaking"},
	{kind: model.KindDeadline, base: "target", pres: "targets", past: "targeted", ing: "targeting", weak: true},
	{kind: model.KindOther, base: "elect", pres: "elects", past: "elected", ing: "electing"},
	{kind: model.KindOther, base: "resign", pres: "resigns", past: "resigned", ing: "resigning"},
	{kind: model.KindOther, base: "arrest", pres: "arrests", past: "arrested", ing: "arresting"},
	{kind: model.KindOther, base: "appoint", pres: "appoints", past: "appointed", ing: "appointing"},
	{kind: model.KindOther, base: "sanction", pres: "sanctions", past: "sanctioned", ing: "sanctioning"},
	{kind: model.KindOther, base: "vote", pres: "votes", past: "voted", ing: "voting"},
	{kind: model.KindOther, base: "launch", pres: "launches", past: "launched", ing: "launching", aspectual: true},
	{kind: model.KindOther, base: "conclude", pres: "concludes", past: "concluded", ing: "concluding", aspectual: true},
	{kind: model.KindOther, base: "end", pres: "ends", past: "ended", ing: "ending", aspectual: true},
	{kind: model.KindOther, base: "begin", pres: "begins", past: "began", pp: "begun", ing: "beginning", aspectual: true},
	{kind: model.KindOther, base: "start", pres: "starts", past: "started", ing: "starting", aspectual: true},
	{kind: model.KindOther, base: "pause", pres: "pauses", past: "paused", ing: "pausing", aspectual: true},
	{kind: model.KindOther, base: "resume", pres: "resumes", past: "resumed", ing: "resuming", aspectual: true},
	{kind: model.KindOther, base: "relaunch", pres: "relaunches", past: "relaunched", ing: "relaunching", aspectual: true},
	{kind: model.KindOther, base: "collapse", pres: "collapses", past: "collapsed", ing: "collapsing", aspectual: true},
	{kind: model.KindOther, base: "hold", pres: "holds", past: "held", ing: "holding", aspectual: true},
	{kind: model.KindOther, base: "open", pres: "opens", past: "opened", ing: "opening", aspectual: true},
	{kind: model.KindOther, base: "close", pres: "closes", past: "closed", ing: "closing", aspectual: true},
}

// nouns maps event nouns to their kind.
var nouns = map[string]model.Kind{
	"meeting": model.KindMeeting, "meetings": model.KindMeeting, "summit": model.KindMeeting,
	"visit": model.KindMeeting, "trip": model.KindMeeting, "talks": model.KindTalks,
	"negotiations": model.KindTalks, "discussions": model.KindTalks, "consultations": model.KindTalks,
	"agreement": model.KindAgreement, "deal": model.KindAgreement, "accord": model.KindAgreement,
	"pact": model.KindAgreement, "treaty": model.KindAgreement, "accords": model.KindAgreement,
	"announcement": model.KindStatement, "statement": model.KindStatement, "speech": model.KindStatement,
	"ceasefire": model.KindCeasefire, "cease-fire": model.KindCeasefire, "truce": model.KindCeasefire,
	"armistice": model.KindCeasefire,
	"airstrike": model.KindMilitary, "airstrikes": model.KindMilitary, "air-strikes": model.KindMilitary,
	"bombing": model.KindMilitary, "bombings": model.KindMilitary, "offensive": model.KindMilitary,
	"invasion": model.KindMilitary, "intervention": model.KindMilitary, "attack": model.KindMilitary,
	"attacks": model.KindMilitary, "raid": model.KindMilitary, "raids": model.KindMilitary,
	"assault": model.KindMilitary, "shelling": model.KindMilitary, "sorties": model.KindMilitary,
	"withdrawal": model.KindWithdrawal, "pullout": model.KindWithdrawal, "draw-down": model.KindWithdrawal,
	"drawdown": model.KindWithdrawal, "retreat": model.KindWithdrawal,
	"annexation": model.KindAnnexation,
	"proposal":   model.KindProposal, "proposals": model.KindProposal,
	"deadline": model.KindDeadline, "timetable": model.KindDeadline,
	"conference": model.KindConference, "convention": model.KindConference, "congress": model.KindConference,
	"forum": model.KindConference, "symposium": model.KindConference,
	"election": model.KindOther, "elections": model.KindOther, "referendum": model.KindOther,
	"resignation": model.KindOther, "sanctions": model.KindOther, "arrest": model.KindOther,
}

// phrases are multi-word triggers, matched on lower-case tokens.
var phrases = []struct {
	words []string
	t     trigger
}{
	{[]string{"news", "conference"}, trigger{kind: model.KindStatement}},
	{[]string{"press", "conference"}, trigger{kind: model.KindStatement}},
	{[]string{"press", "briefing"}, trigger{kind: model.KindStatement}},
	{[]string{"cessation", "of", "hostilities"}, trigger{kind: model.KindCeasefire}},
	{[]string{"peace", "talks"}, trigger{kind: model.KindTalks}},
	{[]string{"peace", "process"}, trigger{kind: model.KindTalks}},
	{[]string{"peace", "plan"}, trigger{kind: model.KindProposal}},
	{[]string{"air", "strikes"}, trigger{kind: model.KindMilitary}},
	{[]string{"air", "strike"}, trigger{kind: model.KindMilitary}},
	{[]string{"air", "campaign"}, trigger{kind: model.KindMilitary}},
	{[]string{"military", "operation"}, trigger{kind: model.KindMilitary}},
	{[]string{"target", "schedule"}, trigger{kind: model.KindDeadline}},
	{[]string{"target", "date"}, trigger{kind: model.KindDeadline}},
	{[]string{"took", "effect"}, trigger{kind: model.KindOther, form: formPast, aspectual: true}},
	{[]string{"went", "into", "effect"}, trigger{kind: model.KindOther, form: formPast, aspectual: true}},
	{[]string{"came", "into", "force"}, trigger{kind: model.KindOther, form: formPast, aspectual: true}},
	{[]string{"broke", "down"}, trigger{kind: model.KindOther, form: formPast, aspectual: true}},
	{[]string{"called", "for"}, trigger{kind: model.KindStatement, form: formPast, statement: true}},
	{[]string{"calls", "for"}, trigger{kind: model.KindStatement, form: formPres, statement: true}},
	{[]string{"leaked", "document"}, trigger{kind: model.KindProposal}},
	{[]string{"leaked", "proposal"}, trigger{kind: model.KindProposal}},
	{[]string{"leaked", "plan"}, trigger{kind: model.KindProposal}},
}

// disasterNouns make "hit" and "struck" natural events, not attacks.
var disasterNouns = map[string]bool{
	"earthquake": true, "quake": true, "tsunami": true, "storm": true, "hurricane": true, "typhoon": true,
	"cyclone": true, "flood": true, "floods": true, "flooding": true, "fire": true, "wildfire": true,
	"tornado": true, "blast": true, "explosion": true, "drought": true, "epidemic": true, "crisis": true,
	"recession": true, "downturn": true, "virus": true, "outbreak": true, "avalanche": true, "landslide": true,
}

// phraseIndex lists the phrases by their first word.
var phraseIndex = map[string][]int{}

// verbForms maps a lower-case word to its trigger, built from verbs.
var verbForms = map[string]trigger{}

func init() {
	add := func(w string, t trigger) {
		if w == "" {
			return
		}
		if _, ok := verbForms[w]; !ok {
			verbForms[w] = t
		}
	}
	for _, v := range verbs {
		t := trigger{kind: v.kind, statement: v.statement, aspectual: v.aspectual, weak: v.weak, words: 1, pres: v.pres}
		t.form = formPast
		add(v.past, t)
		add(v.pp, t)
		t.form = formPres
		add(v.pres, t)
		t.form = formBase
		add(v.base, t)
		t.form = formGerund
		add(v.ing, t)
	}
	for i := range phrases {
		if phrases[i].t.words == 0 {
			phrases[i].t.words = len(phrases[i].words)
		}
		phraseIndex[phrases[i].words[0]] = append(phraseIndex[phrases[i].words[0]], i)
	}
}

// kindRank orders kinds by how much they say; when several triggers make
// one event, the most telling kind wins.
var kindRank = map[model.Kind]int{
	model.KindAnnexation: 12, model.KindWithdrawal: 11, model.KindCeasefire: 10,
	model.KindMilitary: 9, model.KindDeadline: 8, model.KindProposal: 7,
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
