package gen

import "github.com/briefingatlas/atlas/internal/model"

// Everything below was written for this package: short, plain news-style
// phrasing with slots, so that generated text reads like wire copy without
// being anyone's copy.

var firstNames = []string{"Anna", "Marek", "Lena", "Tomas", "Yusuf", "Carla", "Ivan", "Sofia", "Omar",
	"Hannah", "Daniel", "Mira", "Pavel", "Nadia", "Jonas", "Leila", "Viktor", "Elena", "Samir", "Clara",
	"Felix", "Rania", "Oskar", "Ines", "Karim", "Greta", "Mateo", "Alina", "Rafael", "Yara"}

var lastNames = []string{"Varga", "Okonjo", "Lindqvist", "Haddad", "Morozov", "Castell", "Brennan",
	"Takeda", "Nowak", "Rahimi", "Dufresne", "Kowalczyk", "Petrenko", "Moreau", "Salgado", "Bauer",
	"Mansour", "Halvorsen", "Quintero", "Albescu", "Whitcombe", "Farouk", "Sorensen", "Delacroix",
	"Ivanova", "Marchetti", "Ozturk", "Nakamura", "Achebe", "Vasquez"}

// roles are the offices each country's stories revolve around.
var roles = []string{"President", "Foreign Minister", "Defence Minister", "Prime Minister"}

var orgs = []string{"the United Nations", "NATO", "the European Union", "the African Union",
	"the Red Cross", "the World Bank", "the Arab League", "the International Monetary Fund"}

var topics = []string{"the water dispute", "border crossings", "grain exports", "a prisoner exchange",
	"fishing rights", "the rail corridor", "refugee returns", "gas prices", "nuclear inspections",
	"humanitarian access", "the airspace agreement", "debt relief", "the port lease", "election monitoring",
	"arms control", "the pipeline route", "visa rules", "mine clearance", "sanctions relief", "troop levels"}

var publishers = []string{"The Meridian Herald", "Northgate Wire", "Capital Ledger", "Coastline Times",
	"Atlas Newswire", "The Evening Courier", "Plainfield Post", "Harbour Dispatch"}

// templates maps each kind to sentences that report one event. Slots:
// {A} {B} actors (full name and office on first use), {GA} {GB} governments,
// {XA} the adjective of GA, {P} the place, {D} the date phrase (past), {F} a
// date phrase in the future (planned events), {T} a topic, {O} an
// organisation.
var templates = map[model.Kind][]string{
	model.KindMeeting: {
		"{A} met {B} in {P} {D} to discuss {T}.",
		"{A} and {B} held a meeting in {P} {D}, officials said.",
		"{A} travelled to {P} {D} for a meeting with {B} on {T}.",
	},
	model.KindTalks: {
		"Talks between {GA} and {GB} on {T} opened in {P} {D}.",
		"Negotiators from {GA} and {GB} resumed talks in {P} {D} on {T}.",
		"{A} held talks with {B} in {P} {D} about {T}.",
	},
	model.KindAgreement: {
		"{GA} and {GB} signed an agreement on {T} in {P} {D}.",
		"{A} and {B} reached a deal on {T} in {P} {D}.",
	},
	model.KindStatement: {
		"Speaking in {P} {D}, {A} called for progress on {T}.",
		"{A} said in {P} {D} that {GA} would not accept delays over {T}.",
	},
	model.KindCeasefire: {
		"A ceasefire around {P} took effect {D}, the {XA} government said.",
		"{GA} and {GB} agreed {D} to a truce in {P}.",
	},
	model.KindMilitary: {
		"{XA} forces launched an offensive near {P} {D}.",
		"Air strikes hit positions near {P} {D}, the {XA} defence ministry said.",
	},
	model.KindWithdrawal: {
		"{XA} troops began withdrawing from {P} {D}.",
		"{GA} announced {D} that it would pull its forces out of {P}.",
	},
	model.KindAnnexation: {
		"{GA} annexed the district around {P} {D}, a move {GB} called illegal.",
	},
	model.KindProposal: {
		"{A} proposed a plan on {T} at a meeting in {P} {D}.",
		"{GA} put forward a proposal on {T} in {P} {D}.",
	},
	model.KindDeadline: {
		"{A} said in {P} that {GB} had until {FD} to settle {T}.",
	},
	model.KindConference: {
		"An international conference on {T} will be held in {P} {F}.",
		"A conference on {T} opened in {P} {D} with delegations from {GA} and {GB}.",
	},
	model.KindPublication: {
		"{O} published a report on {T} in {P} {D}.",
	},
}

// kindWeights make meetings, talks and statements common and annexations
// rare, as in real coverage.
var kindWeights = []struct {
	Kind   model.Kind
	Weight int
}{
	{model.KindMeeting, 20}, {model.KindTalks, 18}, {model.KindStatement, 16}, {model.KindAgreement, 8},
	{model.KindMilitary, 10}, {model.KindCeasefire, 6}, {model.KindWithdrawal, 4}, {model.KindProposal, 6},
	{model.KindConference, 5}, {model.KindDeadline, 3}, {model.KindPublication, 3}, {model.KindAnnexation, 1},
}

// fillers carry no event: background and colour between event sentences.
var fillers = []string{
	"Officials did not give further details.",
	"The ministry declined to comment on the report.",
	"Analysts said the outcome remained uncertain.",
	"Residents described long queues at checkpoints.",
	"Both sides described the atmosphere as constructive.",
	"Critics said the process had moved too slowly.",
	"Diplomats cautioned that many questions were still open.",
	"The opposition said it had not been consulted.",
	"Markets reacted calmly to the news.",
	"Aid groups welcomed the step but warned of shortages.",
	"Several delegates left before the closing session.",
	"Local media carried the statement in full.",
	"A spokesman said the talks would continue at a technical level.",
	"Observers noted that similar promises had been made before.",
	"The government has faced growing pressure at home.",
	"No timetable was announced.",
	"Security was tight around the venue.",
	"The details of the arrangement were not made public.",
	"{XA} officials have long opposed any change to {T}.",
	"The {XA} delegation was led by {A}.",
	"{GB} has said that {T} cannot be settled without outside guarantees.",
	"Relations between {GA} and {GB} have been strained for years.",
	"People close to the negotiations said {T} remained the main obstacle.",
	"{O} has urged both governments to keep talking.",
	"Trade between the two countries has fallen sharply.",
	"The dispute over {T} has divided opinion in {GA}.",
	"Officials in {P} said they were preparing for a long process.",
	"Neither government has published the text of its proposals.",
	"{A} has made {T} a central part of his agenda.",
	"Earlier rounds ended without a joint statement.",
	"Some lawmakers in {GB} called the plan unrealistic.",
	"The issue is expected to dominate the coming weeks.",
}

var headlines = []string{
	"{XA} and {XB} officials meet on {T}",
	"Talks on {T} resume in {P}",
	"{GA} and {GB} edge closer on {T}",
	"Pressure grows over {T}",
	"{P} hosts new round of diplomacy",
	"What the {XA} offer on {T} means",
	"{GA} weighs its options on {T}",
}
