// Package timex is a rule-based TIMEX3 temporal tagger for English news.
//
// Tag finds time expressions ("March 24, 2016", "Feb. 27", "on Thursday",
// "last September", "two years ago", "by August", "the 1990s", "six-month")
// and normalises them against the publication date (the document creation
// time, dct). It is written as rules over a token stream rather than on top
// of a date-parsing library because news needs what those libraries do not
// do: weekdays resolved backwards from publication, yearless dates resolved
// by tense, "by"-deadlines, seasons, quarters and decades, and extents that
// keep "Feb. 27" whole inside running text.
//
// Conventions:
//   - Extents follow TimeML: the governing preposition is not part of the
//     expression but is reported in Expr.Signal ("on", "by", "since").
//   - Weekdays resolve to the most recent such day on or before dct unless
//     the tense says future; yearless months and dates resolve to the nearest
//     occurrence consistent with the tense (see tense).
//   - Start/End are the inclusive calendar interval of Value (a month runs
//     from its first to its last day); a modifier (Mod) does not narrow it.
//   - With a zero dct relative expressions are returned with Anchored=false,
//     zero Start/End and an underspecified Value (XXXX-09, XXXX-WXX-4).
//   - PRESENT_REF ("now", "currently") is anchored to dct itself;
//     PAST_REF and FUTURE_REF are never anchored.
//   - Durations (DURATION: "six-month", "4 hours", "over the past few
//     months") are never anchored: they measure time, they do not name a date.
//   - "the day", "that day", "the same month a year ago" refer back to the
//     last date mentioned earlier in the text (else to dct).
//   - Tense comes from the nearest cue word within 16 words before and 6
//     after, in the same sentence; without a cue a yearless month or date is
//     the past one when it lies less than recentDays back, else the nearest.
//   - Text is tagged line by line: nothing reaches across a line break.
package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// Expr is one time expression found by Tag. Its byte offsets are
// x.Span.Start and x.Span.End (the embedded model.Span): the fields Start
// and End of Expr itself are the calendar interval of its value.
type Expr struct {
	model.Span           // byte offsets into text
	Text       string    // text[Start:End]
	Type       string    // TIMEX3 type: DATE, TIME, DURATION, SET
	Value      string    // TIMEX3 value: 2016-03-24, 2016-03, 2016, 2016-W12, 2016-SU, 201X, PRESENT_REF, P2Y, XXXX-09…
	Mod        string    // START, END, MID, APPROX, BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER or ""
	Anchored   bool      // Value is a calendar date (false when relative and dct unknown)
	Relative   bool      // resolved against dct
	Assumed    bool      // an anaphor ("the same day") with no earlier date, given the publication date's
	Future     bool      // points after dct (deadline, planned) by tense or wording ("by August", "next month")
	Ahead      bool      // told as past yet dated the day after dct: a report from a time zone ahead ("made landfall early Monday" on a Sunday)
	Start, End time.Time // inclusive calendar interval of Value (UTC days); zero if not a calendar date
	Precision  model.Precision
	Signal     string // governing preposition in lower case ("on", "by", "since"), "" if none
}

// TIMEX3 types.
const (
	TypeDate     = "DATE"
	TypeTime     = "TIME"
	TypeDuration = "DURATION"
	TypeSet      = "SET"
)

// resolution says how a match gets its value.
type resolution int

const (
	rAbs      resolution = iota // cal is complete
	rYearless                   // cal lacks its year: chosen by direction/tense
	rWeekday                    // cal.wd only: nearest such day by direction/tense
	rOffset                     // current(unit, dct) shifted by off units
	rDayOff                     // dct shifted by off days (granularity day)
	rLit                        // literal value (durations, PAST_REF…)
	rAnaphor                    // "the day", "the same month a year ago": the last date mentioned
)

// match is a recognised expression before normalisation.
type match struct {
	start, end int // token range [start, end)
	typ        string
	res        resolution
	c          cal
	unit       gran
	off        int
	dir        int // forced direction for rYearless/rWeekday, dirNearest if tense decides
	lit        string
	mod        string
	future     bool // wording says future ("next", "tomorrow", "coming")
	present    bool // PRESENT_REF: anchored to dct
	lastPast   bool // "the weekend": the one just past unless the tense says future
	yearsBack  int  // rAnaphor: "a year ago" after "the same month"
}

// tagger holds the state of one Tag call.
type tagger struct {
	text string
	toks []token
	dct  time.Time
	// last and lastDay are the most recent anchored date and day-precision
	// date seen so far: "the day" and "the same month" refer back to them.
	last, lastDay cal
	// deadline is set while the tense of a "by" expression is decided.
	deadline bool
	// cueWord is the word that decided the last tense, "" if none.
	cueWord string
	// reportedFuture is set when the last tense stopped on a reported
	// "would" before the expression ("said they would strike on Friday").
	reportedFuture bool
	// prevEnd is the token after the line's last expression (-1 before
	// the first); prevDay its day when it has day precision, else zero.
	prevEnd int
	prevDay time.Time
	// prevYear is the year of the line's last expression when it names
	// its year itself ("in 2001", "in February 2020"), else 0.
	prevYear int
}

// Tag finds time expressions in text. dct is the document creation
// (publication) date; zero means unknown, and then relative expressions are
// returned unanchored (Anchored=false, zero Start/End), never guessed.
// Expressions are returned in text order and do not overlap.
func Tag(text string, dct time.Time) []Expr {
	t := tagger{text: text}
	if !dct.IsZero() {
		t.dct = model.Day(dct)
	}
	var out []Expr
	buf := make([]token, 0, 256)
	// Lines are tagged one at a time: no expression and no tense cue
	// reaches across a line break, so a title ending in "Friday" never
	// merges with the date line below it.
	for lo := 0; lo < len(text); {
		hi := strings.IndexByte(text[lo:], '\n')
		if hi < 0 {
			hi = len(text)
		} else {
			hi += lo
		}
		t.toks = tokenize(text, lo, hi, buf[:0])
		out = t.tagLine(out)
		buf = t.toks
		lo = hi + 1
	}
	return out
}

// tagLine appends the expressions of the current line to out.
func (t *tagger) tagLine(out []Expr) []Expr {
	t.prevEnd, t.prevDay, t.prevYear = -1, time.Time{}, 0
	for i := 0; i < len(t.toks); {
		tk := &t.toks[i]
		if tk.kind == kWord && !triggers[tk.low] || tk.kind == kPunct && tk.low != "'" {
			i++
			continue
		}
		m, ok := t.match(i)
		if !ok {
			i++
			continue
		}
		if x := t.resolve(m); x.Value != "" {
			out = append(out, x)
			t.prevEnd, t.prevDay, t.prevYear = m.end, time.Time{}, 0
			if x.Anchored && x.Precision == model.PrecisionDay {
				t.prevDay = x.Start
			}
			if x.Anchored && !x.Relative && x.Type == TypeDate {
				t.prevYear = x.Start.Year()
			}
		}
		i = m.end
	}
	return out
}

// w returns the lower-cased token k, or "" outside the text.
func (t *tagger) w(k int) string {
	if k < 0 || k >= len(t.toks) {
		return ""
	}
	return t.toks[k].low
}

// adj reports whether token k directly follows token k-1 (no space).
func (t *tagger) adj(k int) bool {
	return k > 0 && k < len(t.toks) && !t.toks[k].sp
}

func (t *tagger) isWord(k int) bool { return k >= 0 && k < len(t.toks) && t.toks[k].kind == kWord }
func (t *tagger) isNum(k int) bool  { return k >= 0 && k < len(t.toks) && t.toks[k].kind == kNum }
func (t *tagger) upper(k int) bool  { return k >= 0 && k < len(t.toks) && t.toks[k].upper }

// match tries every rule at token i: an optional modifier prefix ("early",
// "the end of", "mid-") and then a core expression.
func (t *tagger) match(i int) (match, bool) {
	k, mod, hasPrefix := t.prefix(i)
	m, ok := t.core(k, hasPrefix)
	if !ok {
		return m, false
	}
	if hasPrefix {
		if m.typ == TypeDuration || m.res == rLit {
			return m, false
		}
		m.start = i
		if mod != "" {
			m.mod = mod
		}
	}
	return m, true
}

// prefix consumes modifiers that precede a date and returns the index of the
// core, the TIMEX3 mod and whether anything was consumed.
func (t *tagger) prefix(i int) (int, string, bool) {
	k := i
	if t.w(k) == "the" {
		switch t.w(k + 1) {
		case "end", "close", "beginning", "start", "middle", "early", "late", "mid":
			k++
		}
	}
	switch t.w(k) {
	case "end", "close":
		if t.w(k+1) == "of" {
			return k + 2, "END", true
		}
	case "beginning", "start":
		if t.w(k+1) == "of" {
			return k + 2, "START", true
		}
	case "middle":
		if t.w(k+1) == "of" {
			return k + 2, "MID", true
		}
	case "early", "late":
		mod := "START"
		if t.w(k) == "late" {
			mod = "END"
		}
		if t.w(k+1) == "in" && t.w(k+2) == "the" && periodWord(t.w(k+3)) {
			return k + 2, mod, true // "late in the day"
		}
		return k + 1, mod, true
	case "mid":
		if t.w(k+1) == "-" && t.adj(k+1) {
			return k + 2, "MID", true
		}
		return k + 1, "MID", true
	case "earlier", "later":
		switch t.w(k + 1) {
		case "this", "today", "tonight", "last", "next", "in":
			if t.w(k+1) == "in" {
				if t.w(k+2) != "the" || !periodWord(t.w(k+3)) {
					return i, "", false
				}
				return k + 2, "", true
			}
			return k + 1, "", true
		}
	}
	return i, "", false
}

func periodWord(w string) bool { return w == "day" || w == "week" || w == "month" || w == "year" }

// core matches one expression starting at token k.
func (t *tagger) core(k int, prefixed bool) (match, bool) {
	if k >= len(t.toks) {
		return match{}, false
	}
	tk := &t.toks[k]
	switch tk.kind {
	case kNum:
		return t.numLed(k, prefixed)
	case kPunct:
		return t.apostropheYear(k)
	}
	if tk.upper {
		if _, ok := months[tk.low]; ok {
			if m, ok := t.monthLed(k, prefixed); ok {
				return m, true
			}
		}
		if _, ok := weekdays[tk.low]; ok {
			return t.weekdayLed(k)
		}
	}
	switch tk.low {
	case "today", "tonight", "yesterday", "tomorrow":
		return t.dayWord(k)
	case "that":
		if t.w(k+1) == "time" && (t.w(k-1) == "at" || t.w(k-1) == "by" || t.w(k-1) == "since" || t.w(k-1) == "until") {
			return match{start: k, end: k + 2, typ: TypeDate, res: rAnaphor, unit: gNone}, true
		}
		if t.w(k+1) == "day" || t.w(k+1) == "same" && t.w(k+2) == "day" {
			end := k + 2
			if t.w(k+1) == "same" {
				end++
			}
			return t.theDay(k, end)
		}
		if _, ok := partsOfDay[t.w(k+1)]; ok {
			// "announced that night", "that morning": a part of the day
			// last mentioned, as "that day" is; "that night that …" is
			// most often a reporting verb's clause, not the night's.
			switch t.w(k + 2) {
			case "of", "before", "after", "when", "following":
				return match{}, false
			}
			return match{start: k, end: k + 2, typ: TypeDate, res: rAnaphor, unit: gDay}, true
		}
		return match{}, false
	case "this", "last", "next", "past", "previous", "coming":
		return t.relLed(k, k)
	case "the":
		return t.theLed(k, prefixed)
	case "now", "currently", "nowadays":
		if tk.low == "now" && (t.w(k+1) == "that" || t.w(k+1) == "-" && t.adj(k+1)) {
			return match{}, false // "now that", "the now-cancelled deal"
		}
		return match{start: k, end: k + 1, typ: TypeDate, res: rLit, lit: "PRESENT_REF", present: true}, true
	case "recently":
		return match{start: k, end: k + 1, typ: TypeDate, res: rLit, lit: "PAST_REF"}, true
	case "recent":
		// "recent years"; a bare "recent" qualifies things, not times.
		if u, ok := units[t.w(k+1)]; ok && !u.time && strings.HasSuffix(t.w(k+1), "s") {
			return match{start: k, end: k + 2, typ: TypeDate, res: rLit, lit: "PAST_REF"}, true
		}
		return match{}, false
	case "soon":
		if t.w(k+1) == "-" && t.adj(k+1) {
			return match{}, false // "soon-to-open"
		}
		return match{start: k, end: k + 1, typ: TypeDate, res: rLit, lit: "FUTURE_REF", future: true}, true
	case "q":
		if t.isNum(k+1) && t.adj(k+1) && t.toks[k+1].n >= 1 && t.toks[k+1].n <= 4 && t.toks[k+1].nd == 1 && tk.upper {
			return t.quarterYear(k, k+2, t.toks[k+1].n)
		}
		return match{}, false
	case "fiscal":
		if y, j, ok := t.yearAt(k + 1); ok {
			return match{start: k, end: j, typ: TypeDate, res: rAbs, c: cal{g: gYear, y: y}}, true
		}
		return match{}, false
	case "christmas":
		if tk.upper && holidayCues[t.w(k-1)] {
			j := k + 1
			d := 25
			if t.w(j) == "eve" {
				j, d = j+1, 24
			} else if t.w(j) == "day" {
				j++
			}
			return t.withOptYear(k, j, cal{g: gDay, m: 12, d: d})
		}
	case "new":
		if tk.upper && t.w(k+1) == "year" && t.w(k+2) == "'" && t.w(k+3) == "s" {
			switch t.w(k + 4) {
			case "day":
				return t.withOptYear(k, k+5, cal{g: gDay, m: 1, d: 1})
			case "eve":
				return t.withOptYear(k, k+5, cal{g: gDay, m: 12, d: 31})
			}
		}
		return match{}, false
	case "month", "year", "week", "day", "decade", "decades", "years", "months", "weeks":
		// "month-old", "year-long": a duration of one (or several) units.
		if t.w(k+1) == "-" && t.adj(k+1) && (t.w(k+2) == "old" || t.w(k+2) == "long") && t.adj(k+2) {
			u := units[tk.low]
			n := 1
			if tk.low[len(tk.low)-1] == 's' {
				n = -1
			}
			return match{start: k, end: k + 3, typ: TypeDuration, res: rLit, lit: durValue(n, u)}, true
		}
		return match{}, false
	}
	if q, ok := ordinals[tk.low]; ok {
		return t.quarterLed(k, k, q)
	}
	if s, ok := seasons[tk.low]; ok {
		return t.seasonLed(k, s, prefixed)
	}
	if _, ok := numberWords[tk.low]; ok || tk.low == "a" || tk.low == "an" || tk.low == "couple" {
		return t.amount(k, k)
	}
	return match{}, false
}

// withOptYear finishes a holiday or yearless date, taking a following year.
func (t *tagger) withOptYear(start, j int, c cal) (match, bool) {
	if y, j2, ok := t.yearAfter(j); ok {
		c.y = y
		return match{start: start, end: j2, typ: TypeDate, res: rAbs, c: c}, true
	}
	return match{start: start, end: j, typ: TypeDate, res: rYearless, c: c}, true
}

// yearAfter accepts ", 2016", "2016" or "of 2016" after a date.
func (t *tagger) yearAfter(j int) (int, int, bool) {
	if t.w(j) == "," || t.w(j) == "of" {
		if y, j2, ok := t.yearAt(j + 1); ok {
			return y, j2, true
		}
	}
	return t.yearAt(j)
}

// yearAt accepts a four-digit year between 1000 and 2199 that is a token of
// its own (not part of "A380" or "1,2000"), or an abbreviated "'82".
func (t *tagger) yearAt(k int) (int, int, bool) {
	if k >= len(t.toks) {
		return 0, k, false
	}
	tk := &t.toks[k]
	if tk.kind == kPunct && tk.low == "'" && t.isNum(k+1) && t.adj(k+1) && t.toks[k+1].nd == 2 && !(t.isWord(k+2) && t.adj(k+2)) {
		return expandYY(t.toks[k+1].n), k + 2, true
	}
	if tk.kind != kNum || tk.nd != 4 || tk.n < 1000 || tk.n > 2199 {
		return 0, k, false
	}
	if t.adj(k+1) && (t.isWord(k+1) || t.isNum(k+1) || (t.w(k+1) == "." || t.w(k+1) == ",") && t.isNum(k+2) && t.adj(k+2)) {
		return 0, k, false
	}
	if t.adj(k) && (t.isWord(k-1) || t.isNum(k-1) || t.w(k-1) == "." || t.w(k-1) == ",") {
		return 0, k, false
	}
	return tk.n, k + 1, true
}

func expandYY(n int) int {
	if n < 30 {
		return 2000 + n
	}
	return 1900 + n
}

// dayAt accepts a day of month 1..31 with an optional ordinal suffix.
func (t *tagger) dayAt(k int) (int, int, bool) {
	if !t.isNum(k) {
		return 0, k, false
	}
	tk := &t.toks[k]
	if tk.nd > 2 || tk.n < 1 || tk.n > 31 {
		return 0, k, false
	}
	j := k + 1
	if t.adj(j) {
		switch t.w(j) {
		case "st", "nd", "rd", "th":
			j++
		case ":", ".":
			if t.isNum(j+1) && t.adj(j+1) {
				return 0, k, false // a clock time or a decimal
			}
		case "%":
			return 0, k, false
		default:
			if t.isWord(j) || t.isNum(j) {
				return 0, k, false
			}
		}
	}
	return tk.n, j, true
}

// monthAt accepts a capitalised month name or abbreviation (with its
// optional full stop) and reports whether it was abbreviated.
func (t *tagger) monthAt(k int) (m, next int, abbr, ok bool) {
	if !t.isWord(k) || !t.toks[k].upper {
		return 0, k, false, false
	}
	m, ok = months[t.toks[k].low]
	if !ok {
		return 0, k, false, false
	}
	abbr = len(t.toks[k].low) <= 4 && t.toks[k].low != "may" && t.toks[k].low != "june" && t.toks[k].low != "july"
	next = k + 1
	if abbr && t.w(next) == "." && t.adj(next) {
		next++
	}
	return m, next, abbr, true
}

// monthLed: "March 24, 2016", "Feb. 27", "March 2016", "in March".
func (t *tagger) monthLed(k int, prefixed bool) (match, bool) {
	m, j, abbr, ok := t.monthAt(k)
	if !ok {
		return match{}, false
	}
	if d, j2, ok := t.dayAt(j); ok && !(t.w(j2) == "," && t.isNum(j2+1) && t.toks[j2+1].nd == 3) {
		if d > 31 || d > daysIn(2000, m) {
			return match{}, false
		}
		c := cal{g: gDay, m: m, d: d}
		if y, j3, ok := t.yearAfter(j2); ok {
			c.y = y
			return match{start: k, end: j3, typ: TypeDate, res: rAbs, c: c}, true
		}
		return match{start: k, end: j2, typ: TypeDate, res: rYearless, c: c}, true
	}
	if y, j2, ok := t.yearAfter(j); ok {
		return match{start: k, end: j2, typ: TypeDate, res: rAbs, c: cal{g: gMonth, y: y, m: m}}, true
	}
	if abbr {
		return match{}, false
	}
	if t.w(j) == "of" && t.w(j+2) == "year" {
		// "October of next year"
		if off, ok := map[string]int{"this": 0, "last": -1, "next": 1}[t.w(j+1)]; ok {
			return match{start: k, end: j + 3, typ: TypeDate, res: rOffset, unit: gYear, off: off, c: cal{g: gMonth, m: m}, future: off > 0}, true
		}
	}
	if !prefixed && !monthCues[t.w(k-1)] && !t.afterMonth(k) {
		return match{}, false
	}
	if t.w(k-1) == "-" && !(t.isWord(k-2) && t.w(k-2) == "mid") && !t.isMonth(k-2) {
		return match{}, false
	}
	return match{start: k, end: j, typ: TypeDate, res: rYearless, c: cal{g: gMonth, m: m}}, true
}

// afterMonth reports whether a month name at k continues a list or range
// of months ("between April and June", "March-April").
func (t *tagger) afterMonth(k int) bool {
	switch t.w(k - 1) {
	case "and", "or", "to", "through", "until", "-", ",":
		return t.isMonth(k-2) || t.isMonth(k-3) && t.isNum(k-2)
	}
	return false
}

func (t *tagger) isMonth(k int) bool {
	_, _, _, ok := t.monthAt(k)
	return ok
}

// weekdayLed: "Thursday", "Thursday night", "Monday, March 24, 2016".
func (t *tagger) weekdayLed(k int) (match, bool) {
	if k > 0 && t.upper(k-1) && namedDays[t.w(k-1)] && !t.adj(k) && !t.toks[k].nl {
		return match{}, false
	}
	if t.upper(k+1) && mastheads[t.w(k+1)] {
		return match{}, false // "the Sunday Times"
	}
	wd := weekdays[t.toks[k].low]
	j := k + 1
	jj := j
	if t.w(jj) == "," {
		jj++
	}
	if t.isMonth(jj) {
		if m, ok := t.monthLed(jj, true); ok && m.c.g == gDay {
			m.start = k
			return m, true
		}
	}
	if t.isNum(jj) {
		if d, j2, ok := t.dayAt(jj); ok {
			if mo, j3, _, ok := t.monthAt(j2); ok {
				c := cal{g: gDay, m: mo, d: d}
				if y, j4, ok := t.yearAfter(j3); ok {
					c.y = y
					return match{start: k, end: j4, typ: TypeDate, res: rAbs, c: c}, true
				}
				return match{start: k, end: j3, typ: TypeDate, res: rYearless, c: c}, true
			}
		}
	}
	c := cal{g: gDay, wd: wd}
	if p, ok := partsOfDay[t.w(j)]; ok {
		c.pod = p
		return match{start: k, end: j + 1, typ: TypeTime, res: rWeekday, c: c}, true
	}
	return match{start: k, end: j, typ: TypeDate, res: rWeekday, c: c}, true
}

// dayWord: "today", "tonight", "yesterday morning", "tomorrow".
func (t *tagger) dayWord(k int) (match, bool) {
	m := match{start: k, end: k + 1, typ: TypeDate, res: rDayOff}
	switch t.w(k) {
	case "yesterday":
		m.off = -1
	case "tomorrow":
		m.off, m.future = 1, true
	case "tonight":
		m.typ, m.c.pod = TypeTime, "NI"
	}
	if p, ok := partsOfDay[t.w(k+1)]; ok && m.c.pod == "" {
		m.typ, m.c.pod, m.end = TypeTime, p, k+2
	}
	return m, true
}

// relLed handles this/last/next/past/previous/coming + unit, month, season
// or weekday. start is where the extent begins ("the" when present).
func (t *tagger) relLed(start, k int) (match, bool) {
	rel := t.w(k)
	j := k + 1
	if rel == "this" && (t.w(j) == "past" || t.w(j) == "coming") {
		// "this past weekend", "this coming Monday"
		rel = "next"
		if t.w(j) == "past" {
			rel = "last"
		}
		j++
	}
	off := 0
	switch rel {
	case "last", "previous":
		off = -1
	case "next", "coming":
		off = 1
	}
	w := t.w(j)
	// Durations: "the past few months", "the last 10 years", "the next four years".
	if rel == "past" || rel == "last" || rel == "next" || rel == "coming" {
		if _, isNum := numberWords[w]; isNum || t.isNum(j) || w == "couple" {
			if m, ok := t.amount(start, j); ok && m.typ == TypeDuration {
				m.future = rel == "next" || rel == "coming"
				return m, true
			}
			return match{}, false
		}
	}
	if u, ok := units[w]; ok && !u.time {
		if t.w(j+1) == "of" && (t.isMonth(j+2) || t.isNum(j+2) || t.w(j+2) == "the" || t.w(j+2) == "this") || t.w(j+1) == "-" && t.adj(j+1) {
			return match{}, false // "the last week of March", "last-minute"
		}
		plural := w[len(w)-1] == 's'
		if plural {
			if rel == "coming" || rel == "next" {
				return match{start: start, end: j + 1, typ: TypeDate, res: rLit, lit: "FUTURE_REF", future: true}, true
			}
			if rel == "past" || rel == "last" || rel == "previous" {
				return match{start: start, end: j + 1, typ: TypeDuration, res: rLit, lit: durValue(-1, u)}, true
			}
			return match{}, false
		}
		if rel == "past" {
			return match{start: start, end: j + 1, typ: TypeDuration, res: rLit, lit: durValue(1, u)}, true
		}
		if u.g == gDay || u.g == gNone {
			return match{}, false // "the next day" is relative to another event
		}
		if rel == "previous" && start == k {
			return match{}, false
		}
		return match{start: start, end: j + 1, typ: TypeDate, res: rOffset, unit: u.g, off: off, future: off > 0}, true
	}
	if w == "weekend" {
		return match{start: start, end: j + 1, typ: TypeDate, res: rOffset, unit: gWeekend, off: off, future: off > 0}, true
	}
	dir := dirNearest
	switch rel {
	case "last":
		dir = dirBefore
	case "next":
		dir = dirAfter
	case "this":
	default:
		return match{}, false
	}
	if rel == "this" {
		if p, ok := partsOfDay[w]; ok {
			return match{start: start, end: j + 1, typ: TypeTime, res: rDayOff, c: cal{pod: p}}, true
		}
	}
	if rel == "last" && w == "night" {
		return match{start: start, end: j + 1, typ: TypeTime, res: rDayOff, off: -1, c: cal{pod: "NI"}}, true
	}
	if mo, j2, abbr, ok := t.monthAt(j); ok && !abbr {
		m := match{start: start, end: j2, typ: TypeDate, res: rYearless, c: cal{g: gMonth, m: mo}, dir: dir, future: off > 0}
		if rel == "this" {
			m.res, m.unit = rOffset, gYear // this year's month
		}
		return m, true
	}
	if wd, ok := weekdays[w]; ok && t.upper(j) {
		c := cal{g: gDay, wd: wd}
		m := match{start: start, end: j + 1, typ: TypeDate, res: rWeekday, c: c, dir: dir, future: off > 0}
		if p, ok := partsOfDay[t.w(j+1)]; ok {
			m.c.pod, m.typ, m.end = p, TypeTime, j+2
		}
		return m, true
	}
	if s, ok := seasons[w]; ok {
		m := match{start: start, end: j + 1, typ: TypeDate, res: rYearless, c: cal{g: gSeason, season: s}, dir: dir, future: off > 0}
		return m, true
	}
	return match{}, false
}

// theLed: "the 1990s", "the past week", "the coming days", "the fourth
// quarter", "the future", "the weekend", "the year" (after a prefix).
func (t *tagger) theLed(k int, prefixed bool) (match, bool) {
	j := k + 1
	w := t.w(j)
	switch w {
	case "past", "last", "coming", "next", "previous", "current":
		if w == "last" {
			if m, ok := t.weekOfMonth(k, j, -1); ok {
				return m, true
			}
		}
		if w == "past" && !t.isUnitish(j+1) {
			return match{start: k, end: j + 1, typ: TypeDate, res: rLit, lit: "PAST_REF"}, true
		}
		if w == "current" {
			return match{}, false
		}
		return t.relLed(k, j)
	case "future":
		return match{start: k, end: j + 1, typ: TypeDate, res: rLit, lit: "FUTURE_REF", future: true}, true
	case "weekend":
		return match{start: k, end: j + 1, typ: TypeDate, res: rOffset, unit: gWeekend, lastPast: true}, true
	case "year", "month", "week", "quarter":
		if prefixed && t.w(j+1) != "of" {
			return match{start: k, end: j + 1, typ: TypeDate, res: rOffset, unit: units[w].g}, true
		}
		return match{}, false
	case "day":
		return t.theDay(k, j+1)
	case "same":
		return t.sameAs(k, j+1)
	case "near", "long", "short":
		if t.w(j+1) == "term" {
			return match{start: k, end: j + 2, typ: TypeDate, res: rLit, lit: "FUTURE_REF", future: true}, true
		}
		if w == "near" && t.w(j+1) == "future" {
			return match{start: k, end: j + 2, typ: TypeDate, res: rLit, lit: "FUTURE_REF", future: true}, true
		}
		return match{}, false
	case "time":
		if t.w(j+1) == "being" {
			return match{start: k, end: j + 2, typ: TypeDate, res: rLit, lit: "PRESENT_REF", present: true}, true
		}
		return match{}, false
	}
	if t.isNum(j) {
		if m, ok := t.numLed(j, prefixed); ok && m.c.g == gDecade {
			m.start = k
			return m, true
		}
		return match{}, false
	}
	if q, ok := ordinals[w]; ok {
		if m, ok := t.weekOfMonth(k, j, q); ok {
			return m, true
		}
		return t.quarterLed(k, j, q)
	}
	if w == "final" {
		return t.quarterLed(k, j, 4)
	}
	if s, ok := seasons[w]; ok && (prefixed || seasonCues[t.w(k-1)]) {
		if _, _, ok := t.yearAfter(j + 1); ok || !seasonVerbNoun(w, t.w(j+1)) {
			return t.seasonYear(k, j+1, s)
		}
	}
	return match{}, false
}

// theDay: "the day" refers to the last day mentioned (or the publication
// day), unless a clause or complement makes it another day ("the day of
// the attack", "the day before", "the day he died"). end is after "day".
func (t *tagger) theDay(start, end int) (match, bool) {
	if (t.w(end) == "after" || t.w(end) == "before") && strings.HasSuffix(t.w(end+1), "ing") {
		return match{start: start, end: end, typ: TypeDate, res: rAnaphor, unit: gDay}, true // "late in the day after falling"
	}
	switch t.w(end) {
	case "of", "before", "after", "when", "that", "which", "following", "earlier", "later",
		"he", "she", "they", "we", "i", "it", "the", "a", "his", "her", "their", "its", "will", "is", "comes", "came":
		return match{}, false
	}
	return match{start: start, end: end, typ: TypeDate, res: rAnaphor, unit: gDay}, true
}

// sameAs: "the same day", "the same month a year ago", "the same period
// last year" refer back to the last date mentioned.
func (t *tagger) sameAs(start, k int) (match, bool) {
	var g gran
	switch t.w(k) {
	case "day":
		g = gDay
	case "week":
		g = gWeek
	case "month":
		g = gMonth
	case "quarter":
		g = gQuarter
	case "period", "time":
		g = gNone // the granularity of the last date
	default:
		return match{}, false
	}
	m := match{start: start, end: k + 1, typ: TypeDate, res: rAnaphor, unit: g}
	j := k + 1
	if t.w(j) == "of" || t.w(j) == "in" {
		j++
	}
	switch {
	case t.w(j) == "last" && t.w(j+1) == "year", t.w(j) == "the" && (t.w(j+1) == "previous" || t.w(j+1) == "prior" || t.w(j+1) == "last") && t.w(j+2) == "year":
		m.yearsBack = 1
		m.end = j + 2
		if t.w(j) == "the" {
			m.end = j + 3
		}
	case (t.w(j) == "a" || t.w(j) == "one") && t.w(j+1) == "year" && (t.w(j+2) == "ago" || t.w(j+2) == "earlier" || t.w(j+2) == "before"):
		m.yearsBack = 1
		m.end = j + 3
	case t.w(j) == "the" && t.w(j+1) == "year" && (t.w(j+2) == "before" || t.w(j+2) == "earlier"):
		m.yearsBack = 1
		m.end = j + 3
	default:
		if g == gNone || t.w(k) == "time" {
			return match{}, false // "the same period" alone is too vague
		}
	}
	return m, true
}

// weekOfMonth: "the first week of March", "the last week of March 2009".
// The n-th week is the ISO week holding the month's n-th Thursday (the ISO
// rule that a week belongs where most of its days are); n = -1 is the last.
func (t *tagger) weekOfMonth(start, k, n int) (match, bool) {
	if t.w(k+1) != "week" || t.w(k+2) != "of" {
		return match{}, false
	}
	mo, j, _, ok := t.monthAt(k + 3)
	if !ok {
		return match{}, false
	}
	m := match{start: start, end: j, typ: TypeDate, res: rYearless, c: cal{g: gMonth, m: mo}, off: n, unit: gWeek}
	if y, j2, ok := t.yearAfter(j); ok {
		m.c.y, m.res, m.end = y, rAbs, j2
	}
	return m, true
}

// nthWeek turns a month value into the ISO week of its n-th Thursday.
func nthWeek(c cal, n int) cal {
	first := time.Date(c.y, time.Month(c.m), 1, 0, 0, 0, 0, time.UTC)
	thu := first.AddDate(0, 0, (int(time.Thursday)-int(first.Weekday())+7)%7)
	if n > 0 {
		thu = thu.AddDate(0, 0, 7*(n-1))
	} else {
		for thu.AddDate(0, 0, 7).Month() == first.Month() {
			thu = thu.AddDate(0, 0, 7)
		}
	}
	y, w := thu.ISOWeek()
	return cal{g: gWeek, y: y, w: w}
}

// isUnitish reports whether token k is a number or a time unit, as after
// "the past" in "the past few months".
func (t *tagger) isUnitish(k int) bool {
	if t.isNum(k) {
		return true
	}
	w := t.w(k)
	_, u := units[w]
	_, n := numberWords[w]
	return u || n || w == "couple" || w == "weekend"
}

// quarterLed: "the third quarter of 2009", "fourth-quarter", "the first
// quarter of last year"; start is where the extent begins.
func (t *tagger) quarterLed(start, k, q int) (match, bool) {
	j := k + 1
	if t.w(j) == "-" && t.adj(j) {
		j++
	}
	if t.w(j) != "quarter" {
		return match{}, false
	}
	return t.quarterYear(start, j+1, q)
}

func (t *tagger) quarterYear(start, j, q int) (match, bool) {
	c := cal{g: gQuarter, q: q}
	if t.w(j) == "of" || t.w(j) == "," {
		if y, j2, ok := t.yearAt(j + 1); ok {
			c.y = y
			return match{start: start, end: j2, typ: TypeDate, res: rAbs, c: c}, true
		}
		if t.w(j) == "of" && (t.w(j+1) == "this" || t.w(j+1) == "last" || t.w(j+1) == "next") && t.w(j+2) == "year" {
			off := map[string]int{"this": 0, "last": -1, "next": 1}[t.w(j+1)]
			return match{start: start, end: j + 3, typ: TypeDate, res: rOffset, unit: gYear, off: off, c: c, future: off > 0}, true
		}
	}
	if y, j2, ok := t.yearAt(j); ok {
		c.y = y
		return match{start: start, end: j2, typ: TypeDate, res: rAbs, c: c}, true
	}
	return match{start: start, end: j, typ: TypeDate, res: rYearless, c: c}, true
}

// seasonLed: "summer 2016", "the summer", "in spring"; "fall" is also a
// verb, so a bare season needs a cue word before it.
func (t *tagger) seasonLed(k int, s string, prefixed bool) (match, bool) {
	if y, j, ok := t.yearAfter(k + 1); ok {
		return match{start: k, end: j, typ: TypeDate, res: rAbs, c: cal{g: gSeason, y: y, season: s}}, true
	}
	if !prefixed && !seasonCues[t.w(k-1)] {
		return match{}, false
	}
	if seasonVerbNoun(t.w(k), t.w(k+1)) {
		return match{}, false // "the fall of Aleppo", "a spring in prices"
	}
	return t.seasonYear(k, k+1, s)
}

// seasonVerbNoun reports whether "fall" or "spring" followed by next is the
// noun or verb ("the fall in prices", "the fall of Aleppo").
func seasonVerbNoun(season, next string) bool {
	if season != "fall" && season != "spring" {
		return next == "of"
	}
	switch next {
	case "of", "in", "to", "from", "by", "back", "up":
		return true
	}
	return false
}

func (t *tagger) seasonYear(start, j int, s string) (match, bool) {
	if y, j2, ok := t.yearAfter(j); ok {
		return match{start: start, end: j2, typ: TypeDate, res: rAbs, c: cal{g: gSeason, y: y, season: s}}, true
	}
	if t.w(j) == "of" {
		return match{}, false
	}
	return match{start: start, end: j, typ: TypeDate, res: rYearless, c: cal{g: gSeason, season: s}}, true
}

// apostropheYear: "'82", "'90s".
func (t *tagger) apostropheYear(k int) (match, bool) {
	if t.w(k) != "'" || !t.isNum(k+1) || !t.adj(k+1) || t.toks[k+1].nd != 2 {
		return match{}, false
	}
	if t.adj(k) && t.isWord(k-1) || !monthCues[t.w(k-1)] && seasons[t.w(k-1)] == "" {
		return match{}, false // "rock'n'roll", closing quotes, "iLife '11"
	}
	y := expandYY(t.toks[k+1].n)
	if t.w(k+2) == "s" && t.adj(k+2) && y%10 == 0 {
		return match{start: k, end: k + 3, typ: TypeDate, res: rAbs, c: cal{g: gDecade, y: y}}, true
	}
	if t.isWord(k+2) && t.adj(k+2) {
		return match{}, false
	}
	return match{start: k, end: k + 2, typ: TypeDate, res: rAbs, c: cal{g: gYear, y: y}}, true
}

// numLed: ISO and US numeric dates, "24 March 2016", decades, years and
// amounts of time ("4 hours", "two years ago").
func (t *tagger) numLed(k int, prefixed bool) (match, bool) {
	tk := &t.toks[k]
	if m, ok := t.clock(k); ok {
		return m, true
	}
	// 2016-03-24
	if tk.nd == 4 && t.w(k+1) == "-" && t.adj(k+1) && t.isNum(k+2) && t.adj(k+2) && t.toks[k+2].nd == 2 {
		mo := t.toks[k+2].n
		if mo >= 1 && mo <= 12 && !(t.adj(k) && (t.isWord(k-1) || t.isNum(k-1))) {
			if t.w(k+3) == "-" && t.adj(k+3) && t.isNum(k+4) && t.adj(k+4) && t.toks[k+4].nd == 2 {
				d := t.toks[k+4].n
				if d >= 1 && d <= daysIn(tk.n, mo) && !(t.adj(k+5) && (t.isNum(k+5) || t.isWord(k+5) && t.w(k+5) != "t")) {
					return match{start: k, end: k + 5, typ: TypeDate, res: rAbs, c: cal{g: gDay, y: tk.n, m: mo, d: d}}, true
				}
			}
		}
	}
	// 7/8/07 or 3/24/2016 (US order, as in US news).
	if tk.nd <= 2 && t.w(k+1) == "/" && t.adj(k+1) && t.isNum(k+2) && t.adj(k+2) && t.w(k+3) == "/" && t.adj(k+3) && t.isNum(k+4) && t.adj(k+4) {
		mo, d, yt := tk.n, t.toks[k+2].n, &t.toks[k+4]
		y := yt.n
		if yt.nd == 2 {
			y = expandYY(y)
		}
		if (yt.nd == 2 || yt.nd == 4) && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && t.toks[k+2].nd <= 2 {
			return match{start: k, end: k + 5, typ: TypeDate, res: rAbs, c: cal{g: gDay, y: y, m: mo, d: d}}, true
		}
	}
	// 24 March 2016, 24th of March
	if d, j, ok := t.dayAt(k); ok {
		jj := j
		if t.w(jj) == "of" {
			jj++
		}
		if mo, j2, _, ok := t.monthAt(jj); ok && d <= daysIn(2000, mo) {
			c := cal{g: gDay, m: mo, d: d}
			if y, j3, ok := t.yearAfter(j2); ok {
				c.y = y
				return match{start: k, end: j3, typ: TypeDate, res: rAbs, c: c}, true
			}
			return match{start: k, end: j2, typ: TypeDate, res: rYearless, c: c}, true
		}
	}
	// 1990s, 1990's, 90s
	if (tk.nd == 4 || tk.nd == 2) && tk.n%10 == 0 {
		j := k + 1
		if t.w(j) == "'" && t.adj(j) {
			j++
		}
		if t.w(j) == "s" && t.adj(j) && !(t.adj(k) && (t.isWord(k-1) || t.isNum(k-1))) && !(tk.nd == 2 && t.agePossessive(k)) {
			y := tk.n
			if tk.nd == 2 {
				y = expandYY(y)
			}
			if y >= 1000 && y <= 2190 {
				return match{start: k, end: j + 1, typ: TypeDate, res: rAbs, c: cal{g: gDecade, y: y}}, true
			}
		}
	}
	if y, j, ok := t.yearAt(k); ok && t.bareYear(k, prefixed) {
		return match{start: k, end: j, typ: TypeDate, res: rAbs, c: cal{g: gYear, y: y}}, true
	}
	return t.amount(k, k)
}

// agePossessive reports a two-digit decade after a possessive, which is an
// age: "a man in his late 20s", "women in their 30s".
func (t *tagger) agePossessive(k int) bool {
	for j, n := k-1, 0; j >= 0 && n < 3; j, n = j-1, n+1 {
		switch t.w(j) {
		case "his", "her", "their", "my", "your", "our":
			return true
		case "early", "mid", "late", "mid-", "-":
			continue
		}
		return false
	}
	return false
}

// zones are time-zone words that may follow a clock time.
var zones = map[string]bool{
	"utc": true, "gmt": true, "est": true, "edt": true, "cst": true, "cdt": true, "pst": true,
	"pdt": true, "cet": true, "cest": true, "bst": true, "msk": true, "jst": true, "ist": true,
}

// clock: "18:00 UTC", "6:40 p.m.", "0800 GMT", "9 am", optionally followed
// by the day ("12:00 UTC Monday", "16:00 UTC today"). The value is the day
// (publication day unless named) with the time: 2009-06-01T12:00.
func (t *tagger) clock(k int) (match, bool) {
	tk := &t.toks[k]
	if t.adj(k) && (t.isWord(k-1) || t.isNum(k-1) || t.w(k-1) == "." || t.w(k-1) == ":") {
		return match{}, false
	}
	hh, mm, j := -1, 0, k+1
	explicit := true // a colon or a zone says this is a clock time
	switch {
	case tk.nd <= 2 && t.w(k+1) == ":" && t.adj(k+1) && t.isNum(k+2) && t.adj(k+2) && t.toks[k+2].nd == 2:
		hh, mm, j = tk.n, t.toks[k+2].n, k+3
		if t.w(j) == ":" && t.adj(j) && t.isNum(j+1) && t.adj(j+1) {
			j += 2 // seconds
		}
	case tk.nd == 4 && zones[t.w(k+1)]:
		hh, mm = tk.n/100, tk.n%100
	case tk.nd <= 2:
		hh, explicit = tk.n, false // needs am/pm below
	default:
		return match{}, false
	}
	ampm := ""
	switch w := t.w(j); {
	case w == "am" || w == "pm":
		ampm, j = w, j+1
	case (w == "a" || w == "p") && t.w(j+1) == "." && t.adj(j+1) && t.w(j+2) == "m" && t.adj(j+2):
		ampm, j = w+"m", j+3
		if t.w(j) == "." && t.adj(j) {
			j++
		}
	}
	if ampm == "" && !explicit {
		return match{}, false // a bare number
	}
	if ampm == "pm" && hh < 12 {
		hh += 12
	} else if ampm == "am" && hh == 12 {
		hh = 0
	}
	if hh < 0 || hh > 23 || mm > 59 || ampm != "" && tk.n > 12 {
		return match{}, false
	}
	if zones[t.w(j)] {
		j++
	} else if t.w(j) == "local" && t.w(j+1) == "time" {
		j += 2
	}
	clk := fmt.Sprintf("%02d:%02d", hh, mm)
	m := match{start: k, end: j, typ: TypeTime, res: rDayOff, c: cal{pod: clk}}
	jj := j
	if t.w(jj) == "on" {
		jj++
	}
	if wd, ok := weekdays[t.w(jj)]; ok && t.upper(jj) {
		m.res, m.c.wd, m.end = rWeekday, wd, jj+1
	} else {
		switch t.w(j) {
		case "today":
			m.end = j + 1
		case "yesterday":
			m.off, m.end = -1, j+1
		case "tomorrow":
			m.off, m.end, m.future = 1, j+1, true
		}
	}
	return m, true
}

// bareYear decides whether a lone four-digit number is a year. Counts of
// that size are written with a comma in news style ("2,000"), so a number
// in 1900..2099 is a year unless a neighbour says it is a quantity, a
// price or a clock time.
func (t *tagger) bareYear(k int, prefixed bool) bool {
	n := t.toks[k].n
	prev := t.w(k - 1)
	if n < 1900 || n > 2099 {
		if !(prefixed || prev == "in" || prev == "since" || prev == "of" || prev == "from" || prev == "until" || prev == "by") || n < 1000 {
			return false
		}
	}
	if notYearBefore[prev] || notYearAfter[t.w(k+1)] && !t.yearOfEvent(k) {
		return false
	}
	if prev == "a" || prev == "an" {
		// "a 1999 quake", "a 2015 report": a year before a noun; not "a
		// 2000 km trek" nor "a 1500-strong force".
		if !t.isWord(k+1) || t.w(k+1) == "-" {
			return false
		}
		if _, unit := units[t.w(k+1)]; unit {
			return false
		}
	}
	if _, sig := signals[prev]; !sig && t.upper(k-1) && t.upper(k+1) && t.isWord(k-1) && t.isWord(k+1) && !monthCues[prev] && !t.toks[k-1].nl {
		return false // part of a name: "Russell 2000 Index"
	}
	if t.w(k+1) == "-" && t.adj(k+1) && t.isWord(k+2) {
		if _, ok := units[t.w(k+2)]; ok {
			return false
		}
	}
	return true
}

// yearOfEvent reports a number at k after "of" and a noun that no count
// follows ("the London bombings of 2005 killed 52", not "a total of 2000
// killed"), before a verb that would otherwise make it a count of the
// dead ("2000 killed").
func (t *tagger) yearOfEvent(k int) bool {
	if t.w(k-1) != "of" || !t.isWord(k-2) || countNouns[t.w(k-2)] {
		return false
	}
	switch t.w(k + 1) {
	case "killed", "injured", "left", "destroyed", "displaced", "hit", "struck":
		return true
	}
	return false
}

// amount: "4 hours", "two years ago", "six-month", "a month-old", "a few
// days", "a couple of weeks"; start is where the extent begins.
func (t *tagger) amount(start, k int) (match, bool) {
	n, j, ok := t.number(k)
	if !ok {
		return match{}, false
	}
	hyphen := false
	if t.w(j) == "-" && t.adj(j) && t.adj(j+1) {
		hyphen = true
		j++
	}
	u, ok := units[t.w(j)]
	if !ok {
		return match{}, false
	}
	article := t.w(k) == "a" || t.w(k) == "an"
	if article && hyphen {
		return match{}, false // "two-a-day"
	}
	if t.w(k) == "second" || t.w(k-1) == "-" && t.adj(k) || article && t.w(j) == "second" {
		return match{}, false // "a second time" is an ordinal
	}
	end := j + 1
	if t.w(end) == "ago" && !hyphen {
		return t.ago(start, end+1, n, u)
	}
	if t.w(end) == "from" && t.w(end+1) == "now" && !hyphen {
		m, ok := t.ago(start, end+2, -n, u)
		m.future = true
		return m, ok
	}
	if t.w(end) == "-" && t.adj(end) && (t.w(end+1) == "old" || t.w(end+1) == "long") {
		end += 2
	}
	if article && start == k {
		// "a day" alone is too vague to report unless a preposition makes it a span.
		switch t.w(k - 1) {
		case "for", "over", "within", "nearly", "almost", "about", "than", "past", "last", "in":
		default:
			return match{}, false
		}
	}
	return match{start: start, end: end, typ: TypeDuration, res: rLit, lit: durValue(n, u)}, true
}

// number reads an amount: digits, number words ("twenty-five"), "a", "an",
// "a few", "a couple of", "several". -1 means unspecified.
func (t *tagger) number(k int) (int, int, bool) {
	if t.isNum(k) {
		tk := &t.toks[k]
		if t.adj(k) && (t.w(k-1) == "." || t.w(k-1) == "," || t.isWord(k-1)) {
			return 0, k, false
		}
		if (t.w(k+1) == "." || t.w(k+1) == ",") && t.adj(k+1) && t.isNum(k+2) && t.adj(k+2) {
			return 0, k, false // decimals and thousands: rare in durations, common in quantities
		}
		if tk.nd > 4 {
			return 0, k, false
		}
		return tk.n, k + 1, true
	}
	w := t.w(k)
	switch w {
	case "a", "an":
		switch t.w(k + 1) {
		case "few":
			return -1, k + 2, true
		case "couple":
			if t.w(k+2) == "of" {
				return 2, k + 3, true
			}
			return 0, k, false
		}
		return 1, k + 1, true
	case "couple":
		if t.w(k+1) == "of" {
			return 2, k + 2, true
		}
		return 0, k, false
	}
	n, ok := numberWords[w]
	if !ok {
		return 0, k, false
	}
	j := k + 1
	if n >= 20 && n < 100 && t.w(j) == "-" && t.adj(j) {
		if n2, ok := numberWords[t.w(j+1)]; ok && n2 > 0 && n2 < 10 {
			return n + n2, j + 2, true
		}
	}
	return n, j, true
}

// durValue renders a TIMEX3 duration; n < 0 is an unspecified amount (X).
func durValue(n int, u unitInfo) string {
	amt := "X"
	if n >= 0 {
		switch u.letter {
		case "E":
			return "P" + strconv.Itoa(10*n) + "Y"
		case "C":
			return "P" + strconv.Itoa(100*n) + "Y"
		}
		amt = strconv.Itoa(n)
	}
	letter := u.letter
	switch letter {
	case "E":
		letter = "DE"
	case "C":
		letter = "CE"
	}
	if u.time {
		return "PT" + amt + letter
	}
	return "P" + amt + letter
}

// ago: "two years ago" is the year two before dct; "a week ago" and "three
// days ago" are days.
func (t *tagger) ago(start, end, n int, u unitInfo) (match, bool) {
	if n < 0 || u.time || u.g == gNone {
		// "several years ago", "two hours ago": no calendar value worth reporting.
		lit := "PAST_REF"
		if u.time {
			return match{start: start, end: end, typ: TypeTime, res: rLit, lit: lit}, true
		}
		return match{start: start, end: end, typ: TypeDate, res: rLit, lit: lit}, true
	}
	switch u.g {
	case gDay:
		return match{start: start, end: end, typ: TypeDate, res: rDayOff, off: -n}, true
	case gWeek:
		return match{start: start, end: end, typ: TypeDate, res: rDayOff, off: -7 * n}, true
	}
	if u.g == gDecade {
		return match{start: start, end: end, typ: TypeDate, res: rOffset, unit: gYear, off: -10 * n}, true
	}
	return match{start: start, end: end, typ: TypeDate, res: rOffset, unit: u.g, off: -n}, true
}
