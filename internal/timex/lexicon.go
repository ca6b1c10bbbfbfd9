package timex

// The word lists of the tagger. They are plain maps built once at start-up
// so that Tag never compiles or allocates tables per call.

// months maps full month names and their common abbreviations to 1..12.
// Abbreviations are only accepted next to a day or a year (see monthAt).
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// weekdays maps weekday names to ISO numbers (Monday = 1).
var weekdays = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

// namedDays are words that turn a weekday into the name of a historic or
// religious day ("Black Monday", "Good Friday"), which is not the weekday
// nearest to publication.
var namedDays = map[string]bool{
	"black": true, "super": true, "bloody": true, "cyber": true, "easter": true, "good": true,
	"ash": true, "shrove": true, "holy": true, "maundy": true, "palm": true, "whit": true,
	"blue": true, "giving": true,
}

// mastheads are words that make a weekday part of a newspaper's name.
var mastheads = map[string]bool{
	"times": true, "telegraph": true, "express": true, "mirror": true, "post": true,
	"herald": true, "independent": true, "star": true, "mail": true, "tribune": true,
}

// partsOfDay maps words that follow a day to the TIMEX3 part-of-day code.
var partsOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
}

var seasons = map[string]string{
	"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

// units are duration units with their TIMEX3 letter and granularity.
type unitInfo struct {
	letter string // Y, M, W, D, H (hours), N (minutes), S (seconds), Q, E (decade), C (century)
	g      gran
	time   bool // part of the time (PT…) section of a duration
}

var units = map[string]unitInfo{
	"year": {"Y", gYear, false}, "years": {"Y", gYear, false}, "yr": {"Y", gYear, false}, "yrs": {"Y", gYear, false},
	"month": {"M", gMonth, false}, "months": {"M", gMonth, false},
	"week": {"W", gWeek, false}, "weeks": {"W", gWeek, false},
	"day": {"D", gDay, false}, "days": {"D", gDay, false},
	"decade": {"E", gDecade, false}, "decades": {"E", gDecade, false},
	"century": {"C", gNone, false}, "centuries": {"C", gNone, false},
	"quarter": {"Q", gQuarter, false}, "quarters": {"Q", gQuarter, false},
	"hour": {"H", gNone, true}, "hours": {"H", gNone, true}, "hr": {"H", gNone, true}, "hrs": {"H", gNone, true},
	"minute": {"M", gNone, true}, "minutes": {"M", gNone, true}, "min": {"M", gNone, true}, "mins": {"M", gNone, true},
	"second": {"S", gNone, true}, "seconds": {"S", gNone, true},
	"fortnight": {"W", gWeek, false},
}

// numberWords are spelled-out numbers used in durations and "ago"
// expressions; -1 stands for an unspecified amount ("several", "few").
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "hundred": 100,
	"few": -1, "several": -1, "many": -1,
}

// ordinals name quarters and days.
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4,
}

// signals are the prepositions that govern a time expression and the
// modifier they imply. They are not part of the TIMEX3 extent (TimeML
// convention) but are reported in Expr.Signal.
var signals = map[string]string{
	"in": "", "on": "", "at": "", "during": "", "from": "", "through": "", "throughout": "",
	"of": "", "for": "", "over": "", "within": "", "to": "", "between": "", "as": "", "into": "",
	"by": "ON_OR_BEFORE", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE", "before": "BEFORE",
	"since": "ON_OR_AFTER", "after": "AFTER",
	"around": "APPROX", "about": "APPROX", "circa": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
}

// monthCues are words after which a bare month name ("in March") is a date
// and not a verb or a name ("March on", "Theresa May").
var monthCues = map[string]bool{
	"in": true, "by": true, "since": true, "until": true, "till": true, "of": true, "from": true,
	"to": true, "through": true, "during": true, "before": true, "after": true, "early": true,
	"late": true, "mid": true, "last": true, "next": true, "this": true, "throughout": true,
	"between": true, "-": true, "around": true, "for": true, "that": true, "each": true, "every": true,
	"their": true, "its": true, "our": true, "his": true, "her": true,
}

// seasonCues are the words after which a bare season is a date: "fall"
// and "spring" are also a verb and a noun, so fewer cues than for months.
var seasonCues = map[string]bool{
	"in": true, "during": true, "this": true, "last": true, "next": true, "early": true,
	"late": true, "mid": true, "since": true, "by": true, "until": true, "through": true,
	"throughout": true, "before": true, "after": true, "each": true, "every": true, "the": true,
	"their": true, "its": true, "our": true,
}

// holidayCues are the prepositions that make a holiday name a date ("by
// Christmas") rather than a modifier ("Christmas sales").
var holidayCues = map[string]bool{
	"on": true, "at": true, "by": true, "before": true, "after": true, "until": true,
	"since": true, "over": true, "for": true, "till": true, "around": true, "during": true,
}

// rightClause are the words that open another clause after an expression,
// where the search for its tense stops (tense).
var rightClause = map[string]bool{
	"as": true, "while": true, "when": true, "after": true, "before": true, "because": true,
	"since": true, "although": true, "though": true, "whereas": true, "if": true, "unless": true,
}

// futureCues are words near an expression that say it points after the
// publication date; pastCues say it points before. See tense.
var futureCues = map[string]bool{
	"will": true, "shall": true, "would": true, "going": true, "plans": true, "plan": true,
	"planned": true, "planning": true, "scheduled": true, "schedule": true, "due": true,
	"expected": true, "expects": true, "expect": true, "set": true, "upcoming": true,
	"coming": true, "next": true, "intends": true, "intend": true, "intended": true,
	"aims": true, "aim": true, "hopes": true, "hope": true, "ahead": true, "proposed": true,
	"slated": true, "tomorrow": true, "later": true, "soon": true, "targeted": true,
	"until": true, "deadline": true, "may": true, "might": true, "wants": true, "want": true,
	"should": true, "ready": true, "seeks": true, "seek": true, "prepares": true, "preparing": true,
	// "three officers face trial in March", "the bill faces a vote in June":
	// what awaits.
	"face": true, "faces": true, "await": true, "awaits": true,
}

var pastCues = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "didn": true, "wasn": true, "weren": true, "hadn": true,
	"said": true, "told": true, "ago": true, "last": true, "earlier": true, "met": true,
	"took": true, "came": true, "went": true, "saw": true, "made": true, "held": true,
	"gave": true, "began": true, "spoke": true, "sent": true, "led": true, "left": true,
	"won": true, "lost": true, "fell": true, "rose": true, "struck": true, "became": true,
	"brought": true, "thought": true, "found": true, "kept": true, "ran": true, "paid": true,
	"sold": true, "bought": true, "built": true, "broke": true, "chose": true, "drew": true,
	"flew": true, "fought": true, "got": true, "grew": true, "heard": true, "knew": true,
	"meant": true, "sought": true, "shot": true, "stood": true, "taught": true, "threw": true,
	"withdrew": true, "wrote": true, "yesterday": true, "overtook": true, "hit": true,
	"unveiled": true,
}

// notYearBefore and notYearAfter are neighbours that make a four-digit
// number a quantity, a code or a clock time rather than a year.
var notYearBefore = map[string]bool{
	"$": true, "€": true, "£": true, "#": true, "no": true, "number": true, "flight": true,
	"route": true, "model": true, "nr": true, "us$": true,
}

// countNouns come before "of" and a count ("a total of 2000", "a toll of
// 1500"), not before "of" and a year.
var countNouns = map[string]bool{
	"total": true, "number": true, "toll": true, "tally": true, "estimate": true, "figure": true,
	"out": true, "group": true, "crowd": true, "force": true, "army": true, "team": true,
	"least": true, "most": true, "some": true, "than": true, "all": true, "each": true,
}

var notYearAfter = map[string]bool{
	"%": true, "percent": true, "per": true, "people": true, "troops": true, "points": true,
	"units": true, "shares": true, "km": true, "kilometres": true, "kilometers": true,
	"miles": true, "metres": true, "meters": true, "feet": true, "ft": true, "tons": true,
	"tonnes": true, "votes": true, "jobs": true, "employees": true, "workers": true,
	"soldiers": true, "vehicles": true, "cars": true, "deaths": true, "cases": true,
	"barrels": true, "pounds": true, "euros": true, "dollars": true, "yen": true, "yuan": true,
	"rubles": true, "roubles": true, "m": true, "mw": true, "hp": true, "cc": true, "kg": true,
	"lb": true, "lbs": true, "aircraft": true, "planes": true, "seats": true, "passengers": true,
	"residents": true, "civilians": true, "fighters": true, "refugees": true, "times": true,
	"members": true, "students": true, "gmt": true, "utc": true, "hours": true, "hrs": true,
	"local": true, "bst": true, "est": true, "edt": true, "pst": true, "cet": true, "msk": true,
	"killed": true, "dead": true, "injured": true, "men": true, "women": true, "children": true,
	"hectares": true, "acres": true, "square": true, "billion": true, "million": true,
	"thousand": true, "bn": true, "mn": true,
}

// triggers are the words at which an expression can start; every other
// word is skipped without further work, which keeps Tag fast.
var triggers = map[string]bool{}

func init() {
	for _, m := range []map[string]int{months, weekdays, numberWords, ordinals} {
		for w := range m {
			triggers[w] = true
		}
	}
	for w := range seasons {
		triggers[w] = true
	}
	for _, w := range []string{
		"today", "tonight", "yesterday", "tomorrow", "this", "last", "next", "past", "previous",
		"coming", "the", "early", "late", "mid", "earlier", "later", "end", "beginning", "start",
		"middle", "close", "now", "currently", "recently", "recent", "soon", "nowadays", "a", "an",
		"q", "month", "year", "week", "day", "decade", "decades", "years", "months", "weeks",
		"christmas", "new", "fiscal", "overnight", "couple", "that",
	} {
		triggers[w] = true
	}
}

// CalendarWord reports a month or weekday name or abbreviation (folded to
// lower case): capitalised, yet no name of a person, place or thing.
func CalendarWord(w string) bool {
	_, m := months[w]
	_, d := weekdays[w]
	return m || d
}
