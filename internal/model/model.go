// Package model holds the domain types that flow one way through the app:
// files → import → extract → store → UI/export. It has no dependencies so
// that every other package can share these types without pulling in SQLite
// or Fyne.
package model

import (
	"time"
)

// DateSource says how an article's publication date was learnt. The UI shows
// it next to every date because a briefing is only as trustworthy as its dates.
type DateSource string

// The ways a publication date can be known, from most to least reliable.
const (
	DateUser     DateSource = "user"     // set by the user in the article reader
	DateManifest DateSource = "manifest" // from sources.csv or a JSON manifest
	DateInText   DateSource = "in-text"  // from the article's own date line or HTML meta tags
	DateInferred DateSource = "inferred" // guessed from the text's latest explicit date
	// DateFromReports is a date learnt from other outlets' reports of the
	// same events, for an article that gives none.
	DateFromReports DateSource = "from other reports"
	DateUnknown     DateSource = "unknown" // relative expressions stay unresolved
)

// Span is a half-open byte range [Start, End) into an article's stored text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Article is one imported document. Text is the original content converted to
// UTF-8 and never altered afterwards, so every byte offset stays true.
type Article struct {
	ID         int64
	Path       string // path as given at import time
	SHA256     string // hex digest of the decoded UTF-8 text; the dedupe key
	FileSHA256 string // hex digest of the file's bytes, so a re-import skips unchanged files unparsed
	Format     string // "txt", "md" or "html"
	Title      string
	Publisher  string
	URL        string
	Published  time.Time // zero when unknown
	DateSource DateSource
	Dateline   string // place named in the dateline ("MOSCOW"), empty if none
	// DatelineDay is the month and day a dateline gives without its year
	// ("COLOMBO, July 10 (AFP) -"), zero when it gives none or the full
	// date. Dating an undated article from other reports keeps to it. It
	// is read on import and not stored.
	DatelineDay MonthDay
	Text        string
	Noise       []Span // scraping noise that extraction skips (captions, "Related Topics", repeats)
	ImportedAt  time.Time
}

// MonthDay is a day of the year without the year: its month and day of
// the month, both zero when unknown.
type MonthDay struct {
	Month time.Month
	Day   int
}

// In is the day in year y, and whether it exists there (29 February).
func (md MonthDay) In(y int) (time.Time, bool) {
	t := time.Date(y, md.Month, md.Day, 0, 0, 0, 0, time.UTC)
	return t, md.Month != 0 && t.Month() == md.Month && t.Day() == md.Day
}

// HasDate reports whether the article's publication date is known.
func (a *Article) HasDate() bool { return !a.Published.IsZero() && a.DateSource != DateUnknown }

// MentionType classifies a span of text recognised by extraction.
type MentionType string

// Mention types. Government mentions are capitals or countries used as actors
// ("Moscow and Washington agreed"), kept apart from places where things happen.
const (
	MentionTime    MentionType = "time"
	MentionPlace   MentionType = "place"
	MentionPerson  MentionType = "person"
	MentionOrg     MentionType = "org"
	MentionGov     MentionType = "gov"
	MentionTrigger MentionType = "trigger"
)

// Mention is a recognised span in an article with its normalised value: a
// TIMEX3 value for times, a gazetteer key for places, a canonical name for actors.
type Mention struct {
	Span
	Type  MentionType
	Text  string
	Value string
}

// Precision is how finely an event's date is known.
type Precision string

// Date precisions. PrecisionNone marks an undated event ("needs a date").
const (
	PrecisionDay    Precision = "day"
	PrecisionWeek   Precision = "week"
	PrecisionMonth  Precision = "month"
	PrecisionSeason Precision = "season"
	PrecisionYear   Precision = "year"
	PrecisionDecade Precision = "decade"
	PrecisionRange  Precision = "range"
	PrecisionNone   Precision = ""
)

// Kind is an event's type, from a small fixed set so that colours, filters and
// cross-article merging stay predictable. The set covers news in general:
// diplomacy and conflict, and also disasters, accidents, politics, courts,
// protests and the economy. docs/kinds.md lists them with their colours.
type Kind string

// The event kinds.
const (
	KindMeeting     Kind = "meeting"
	KindTalks       Kind = "talks"
	KindAgreement   Kind = "agreement"
	KindStatement   Kind = "statement"
	KindCeasefire   Kind = "ceasefire"
	KindMilitary    Kind = "military"
	KindWithdrawal  Kind = "withdrawal"
	KindAnnexation  Kind = "annexation"
	KindProposal    Kind = "proposal"
	KindDeadline    Kind = "deadline"
	KindConference  Kind = "conference"
	KindPublication Kind = "publication"
	KindAttack      Kind = "attack"    // a terrorist or criminal attack, a shooting, a bombing of civilians
	KindDisaster    Kind = "disaster"  // earthquake, storm, flood, fire, epidemic
	KindAccident    Kind = "accident"  // a crash, a collapse, a derailment
	KindElection    Kind = "election"  // an election, a referendum, a vote of the people
	KindProtest     Kind = "protest"   // demonstrations, rallies, strikes, riots
	KindArrest      Kind = "arrest"    // arrests, detentions, abductions, releases
	KindLegal       Kind = "legal"     // charges, trials, verdicts, sentences, rulings
	KindPolitical   Kind = "political" // resignations, appointments, votes in parliament, laws, coups
	KindEconomic    Kind = "economic"  // markets, prices, sanctions, trade, budgets
	KindOther       Kind = "other"
)

// Kinds lists every kind in a stable order, for legends and filters.
var Kinds = []Kind{KindMeeting, KindTalks, KindAgreement, KindStatement, KindCeasefire,
	KindMilitary, KindWithdrawal, KindAnnexation, KindProposal, KindDeadline,
	KindConference, KindPublication, KindAttack, KindDisaster, KindAccident,
	KindElection, KindProtest, KindArrest, KindLegal, KindPolitical, KindEconomic, KindOther}

// Place is a located gazetteer entry. Key is stable across runs
// ("gn:170654" for GeoNames, "ne:SY" for a Natural Earth country, "x:crimea"
// for the hand-made table) and is what mentions and edits refer to.
type Place struct {
	ID      int64 // store row id, 0 before storing
	Key     string
	Name    string
	Country string // ISO 3166-1 alpha-2, empty for regions spanning several
	Admin1  string // GeoNames admin1 code of its first-level division ("11" for Homs in SY)
	// CountryName and Admin1Name name the country and first-level
	// division the place lies in ("Syria", "Homs"); the store fills them
	// from the gazetteer, so that a place can be filed under them.
	CountryName string
	Admin1Name  string
	Lat         float64
	Lon         float64
	Feature     string // GeoNames feature code (PPLC, PPL…) or "country", "region"
	Population  int64
	Ambiguous   bool // several candidates were close; the UI shows it
}

// ActorType classifies actors.
type ActorType string

// Actor types.
const (
	ActorPerson ActorType = "person"
	ActorOrg    ActorType = "org"
	ActorGov    ActorType = "gov"
)

// Actor is a person, organisation or government taking part in events.
type Actor struct {
	ID      int64
	Name    string // canonical: the fullest form seen ("John Kerry")
	Type    ActorType
	Title   string   // "Secretary of State", when given
	Aliases []string // other forms seen ("Kerry")
}

// Source ties an event to the sentence it came from.
type Source struct {
	ArticleID int64
	File      string // base name of the article's path
	Span             // byte span of the sentence in the article's text
	Text      string // exactly Text[Start:End] of the article
	TimeText  string // the time expression as written ("on Thursday"), if any
	TimeSpan  Span   // its bytes in the article, zero when none
	DateHow   string // how the date was found: "explicit", "relative to publication", "publication day", "undated"
}

// Event is what happened, when, where and who, with the sentences behind it.
// Start and End are inclusive calendar days in UTC; both zero for an undated event.
type Event struct {
	ID         int64
	Key        string // stable identity that user edits attach to; survives re-extraction
	Kind       Kind
	Title      string
	Start      time.Time
	End        time.Time
	Precision  Precision
	Planned    bool // a deadline or a conference to come, not something that happened
	Place      *Place
	Actors     []Actor
	Confidence float64 // 0..1
	Sources    []Source
	// Words are the content words of the sentences of Sources, sorted, by
	// which two outlets' reports of one event recognise each other
	// (extract.MatchWords); nil when not worked out yet, and then they are
	// read from the sentences. The store keeps them, so that a stored
	// event is compared with a new report without its sentences.
	Words []string `json:"-"`
	// PlaceGuessed marks a place the event's sentences do not name: the
	// article's dateline or focus, the town a report was filed from. When
	// reports merge, a place a sentence names wins over it. The store
	// does not keep it (a stored event's place counts as named); the Beam
	// pipeline's JSON does, so that its merges are those of extract.
	PlaceGuessed bool `json:",omitempty"`

	// User edits, applied over the extracted values by the store.
	Hidden     bool
	InBriefing bool
	Note       string
	Edited     bool // some extracted value was corrected by the user
	// Orphaned marks an event a changed version of its article no longer
	// reports; the store keeps it (with no source sentence) only because
	// the user edited, starred, hid or noted it.
	Orphaned bool
}

// Dated reports whether the event has a date.
func (e *Event) Dated() bool { return !e.Start.IsZero() }

// PeriodPart is the part of a month or a year that "early", "mid" or
// "late" (part) names: the first, middle or last ten days of a month, the
// first, middle or last four months of a year. start is the period's first
// day; ok is false for another precision or part. Extraction narrows a
// period by it and date labels name the part back (PartOfPeriod).
func PeriodPart(start time.Time, p Precision, part string) (from, to time.Time, ok bool) {
	start = Day(start)
	switch p {
	case PrecisionMonth:
		last := start.AddDate(0, 1, -1)
		switch part {
		case "early":
			return start, start.AddDate(0, 0, 9), true
		case "mid":
			return start.AddDate(0, 0, 10), start.AddDate(0, 0, 19), true
		case "late":
			return start.AddDate(0, 0, 20), last, true
		}
	case PrecisionYear:
		switch part {
		case "early":
			return start, start.AddDate(0, 4, -1), true
		case "mid":
			return start.AddDate(0, 4, 0), start.AddDate(0, 8, -1), true
		case "late":
			return start.AddDate(0, 8, 0), start.AddDate(1, 0, -1), true
		}
	}
	return time.Time{}, time.Time{}, false
}

// PartOfPeriod is the word for the part of its month or year an event's
// span covers when extraction narrowed the period to what the text called
// early, mid or late (see PeriodPart): "early ", "mid-", "late ", or ""
// for the whole period. Date labels put it before the month or year
// ("late May 2022", "early 2011").
func (e *Event) PartOfPeriod() string {
	s, end := Day(e.Start), Day(e.End)
	first := time.Date(s.Year(), s.Month(), 1, 0, 0, 0, 0, time.UTC)
	if e.Precision == PrecisionYear {
		first = time.Date(s.Year(), time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	for _, part := range []string{"early", "mid", "late"} {
		if from, to, ok := PeriodPart(first, e.Precision, part); ok && s.Equal(from) && end.Equal(to) {
			if part == "mid" {
				return "mid-"
			}
			return part + " "
		}
	}
	return ""
}

// Extraction is everything extraction finds in one article.
type Extraction struct {
	Sentences []Span
	Mentions  []Mention
	Events    []Event
	// Retold are the events the article tells without giving their date
	// ("the jet that went down in the Alps, killing 150"): mostly what
	// earlier reports told. They are not the article's events until
	// another outlet's dated report of the same happening dates them.
	Retold []Retold
}

// Retold is an event an article tells without a date of its own, with the
// words that tell it happened ("crashed", "attack"), folded as match words
// are (Event.Words), which a report of the same happening uses too.
type Retold struct {
	Event
	Told []string
}

// DateHowRetold is how a source sentence is dated when its article gives
// no date for its event and another outlet's report of it does.
const DateHowRetold = "from another report of it"

// Day truncates t to midnight UTC, the unit every event date is stored in.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
