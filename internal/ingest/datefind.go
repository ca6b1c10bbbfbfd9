package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// This file reads calendar dates written in an article's text: the forms
// news sites print in date lines, bylines and datelines. Only the syntax
// lives here; which date is the article's own is decided in pubdate.go.

// dateOrder says how to read an all-numeric date such as 03/04/2016 when
// neither part is over 12.
type dateOrder int

const (
	orderUnknown    dateOrder = iota // US order for "/", day first for "." and "-"
	orderDayFirst                    // 03/04/2016 is 3 April
	orderMonthFirst                  // 03/04/2016 is 4 March
)

// foundDate is one date expression in a string.
type foundDate struct {
	start, end int // byte offsets of the expression
	t          time.Time
	month, day int  // always set
	hasYear    bool // false for "Sept 28": t is zero then
	weekday    bool // written with its weekday ("Monday, April 15, 2019")
}

const monthPat = `(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`
const weekdayPat = `(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\.?`

var (
	// "Monday, April 15, 2019", "Mar. 12, 2011", "Sept 28", "JUNE 14 2018".
	monthFirstRE = regexp.MustCompile(`(?i)\b(?:(` + weekdayPat + `),?\s+)?(` + monthPat + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	// "Mon 15 Apr 2019", "26 March, 2015", "14th of June 2018".
	dayFirstRE = regexp.MustCompile(`(?i)\b(?:(` + weekdayPat + `),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthPat + `),?(?:\s+(\d{4})\b)?`)
	// "2018-06-14", "2018-06-14T09:30:00Z", "2018/06/14".
	isoRE = regexp.MustCompile(`\b(\d{4})([-/])(\d{2})([-/])(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b`)
	// "14.06.2018", "06/14/2018", "14/06/2018", "14-06-2018".
	numericRE = regexp.MustCompile(`\b(\d{1,2})([./-])(\d{1,2})([./-])(\d{4})\b`)
)

// findDates returns the dates written in s, in text order, overlapping
// matches removed. Impossible dates (2016-13-45, 31 June) are left out.
func findDates(s string, order dateOrder) []foundDate {
	var out []foundDate
	for _, m := range monthFirstRE.FindAllStringSubmatchIndex(s, -1) {
		if d, ok := wordDate(s, m, 2, 3, 4, 1); ok {
			out = append(out, d)
		}
	}
	for _, m := range dayFirstRE.FindAllStringSubmatchIndex(s, -1) {
		if m[8] < 0 {
			continue // "3 March" alone is as often a count of things as a date
		}
		if d, ok := wordDate(s, m, 3, 2, 4, 1); ok {
			out = append(out, d)
		}
	}
	for _, m := range isoRE.FindAllStringSubmatchIndex(s, -1) {
		if s[m[4]:m[5]] != s[m[8]:m[9]] {
			continue // mixed separators: not a date
		}
		y, mo, d := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[10]:m[11]])
		if t, ok := validDate(y, mo, d); ok {
			out = append(out, foundDate{start: m[0], end: m[1], t: t, month: mo, day: d, hasYear: true})
		}
	}
	for _, m := range numericRE.FindAllStringSubmatchIndex(s, -1) {
		if d, ok := numericDate(s, m, order); ok {
			out = append(out, d)
		}
	}
	return dropOverlaps(out)
}

// wordDate builds a date from a month-name match; mi, di, yi and wi are the
// submatch group numbers of month, day, year and weekday.
func wordDate(s string, m []int, mi, di, yi, wi int) (foundDate, bool) {
	monthWord := s[m[2*mi]:m[2*mi+1]]
	if strings.ToLower(monthWord) == monthWord {
		return foundDate{}, false // "may 5" in prose is the verb
	}
	mo := monthNumber(monthWord)
	d := atoi(s[m[2*di]:m[2*di+1]])
	if mo == 0 || d < 1 || d > 31 {
		return foundDate{}, false
	}
	f := foundDate{start: m[0], end: m[1], month: mo, day: d}
	if m[2*yi] >= 0 {
		t, ok := validDate(atoi(s[m[2*yi]:m[2*yi+1]]), mo, d)
		if !ok {
			return foundDate{}, false
		}
		f.t, f.hasYear = t, true
	} else if _, ok := validDate(2000, mo, d); !ok { // 2000 is a leap year
		return foundDate{}, false
	}
	if m[2*wi] >= 0 {
		wd, ok := weekdayNumber(s[m[2*wi]:m[2*wi+1]])
		if !ok || f.hasYear && f.t.Weekday() != wd {
			return foundDate{}, false // "Monday, April 16, 2019": one of them is wrong
		}
		f.weekday = true
	}
	return f, true
}

// numericDate reads 14.06.2018 or 06/14/2018. A part over 12 is the day;
// otherwise order decides, and failing that the separator does.
func numericDate(s string, m []int, order dateOrder) (foundDate, bool) {
	if s[m[4]:m[5]] != s[m[8]:m[9]] {
		return foundDate{}, false
	}
	a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[10]:m[11]])
	dayFirst := order == orderDayFirst || order == orderUnknown && s[m[4]:m[5]] != "/"
	switch {
	case a > 12 && b <= 12:
		dayFirst = true
	case b > 12 && a <= 12:
		dayFirst = false
	}
	mo, d := b, a
	if !dayFirst {
		mo, d = a, b
	}
	t, ok := validDate(y, mo, d)
	if !ok {
		return foundDate{}, false
	}
	return foundDate{start: m[0], end: m[1], t: t, month: mo, day: d, hasYear: true}, true
}

// dropOverlaps sorts dates by position and keeps the first (and, at the same
// start, the longest) of overlapping ones.
func dropOverlaps(ds []foundDate) []foundDate {
	for i := 1; i < len(ds); i++ { // insertion sort: a handful of items
		for j := i; j > 0 && (ds[j].start < ds[j-1].start || ds[j].start == ds[j-1].start && ds[j].end > ds[j-1].end); j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
	out := ds[:0]
	for _, d := range ds {
		if len(out) > 0 && d.start < out[len(out)-1].end {
			continue
		}
		out = append(out, d)
	}
	return out
}

// validDate returns the date when it exists and is a plausible publication
// date: not before 1900 and not after tomorrow.
func validDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.After(time.Now().UTC().AddDate(0, 0, 1)) {
		return time.Time{}, false // 31 June rolls over to 1 July
	}
	return t, true
}

func monthNumber(w string) int {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	if len(w) < 3 {
		return 0
	}
	i := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", w[:3])
	if i < 0 || i%3 != 0 {
		return 0
	}
	return i/3 + 1
}

func weekdayNumber(w string) (time.Weekday, bool) {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	if len(w) < 3 {
		return 0, false
	}
	i := strings.Index("sunmontuewedthufrisat", w[:3])
	if i < 0 || i%3 != 0 {
		return 0, false
	}
	return time.Weekday(i / 3), true
}

// atoi reads a short run of digits already matched by a pattern.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// orderHint says how the outlet writes numeric dates, from its dateline's
// region ("SPRINGFIELD, Ill." is American, "KIEV, Ukraine" is not) or its
// address's country domain; orderUnknown when neither tells.
func orderHint(place, url string) dateOrder {
	if i := strings.LastIndexByte(place, ','); i >= 0 {
		region := strings.ToLower(strings.TrimSpace(place[i+1:]))
		if usRegions[region] || usRegions[strings.TrimSuffix(region, ".")] {
			return orderMonthFirst
		}
		return orderDayFirst
	}
	if usCities[strings.ToLower(place)] {
		return orderMonthFirst
	}
	return tldOrder(url)
}

// tldOrder reads the country domain of an address: most of the world writes
// the day first, the United States (and the Philippines) the month.
func tldOrder(url string) dateOrder {
	host := url
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/:?#"); i >= 0 {
		host = host[:i]
	}
	tld := strings.ToLower(host[strings.LastIndexByte(host, '.')+1:])
	switch tld {
	case "us", "ph":
		return orderMonthFirst
	case "uk", "ie", "au", "nz", "in", "pk", "za", "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk",
		"fi", "pl", "ru", "ua", "sg", "my", "hk", "ng", "ke", "eg", "lb", "mt", "br", "ar", "cl", "mx", "pt", "gr", "tr", "il":
		return orderDayFirst
	}
	return orderUnknown
}

// usRegions are the states as AP datelines write them, and the country.
var usRegions = setOf("u.s", "us", "usa", "united states", "ala", "alaska", "ariz", "ark", "calif", "colo", "conn", "del",
	"d.c", "fla", "ga", "hawaii", "idaho", "ill", "ind", "iowa", "kan", "ky", "la", "maine", "md", "mass", "mich", "minn",
	"miss", "mo", "mont", "neb", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "ohio", "okla", "ore", "pa", "r.i",
	"s.c", "s.d", "tenn", "texas", "utah", "vt", "va", "wash", "w.va", "wis", "wyo", "alabama", "arizona", "arkansas",
	"california", "colorado", "connecticut", "delaware", "florida", "georgia", "illinois", "indiana", "kansas",
	"kentucky", "louisiana", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
	"montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina",
	"north dakota", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
	"tennessee", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming")

// usCities are the American cities AP datelines name without a state.
var usCities = setOf("atlanta", "baltimore", "boston", "chicago", "cincinnati", "cleveland", "dallas", "denver",
	"detroit", "honolulu", "houston", "indianapolis", "las vegas", "los angeles", "miami", "milwaukee", "minneapolis",
	"new orleans", "new york", "oklahoma city", "philadelphia", "phoenix", "pittsburgh", "st. louis", "salt lake city",
	"san antonio", "san diego", "san francisco", "seattle", "washington")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
