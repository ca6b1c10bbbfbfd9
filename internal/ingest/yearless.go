package ingest

import (
	"regexp"
	"strings"
	"time"
)

// This file dates an article whose lead gives the day without the year:
// "rescued on Tuesday evening (Jul 10)", "on Friday, March 15", or a dateline
// "CITY, Oct 20 (Agency) —" over a lead whose events happen "on Thursday".
// A month and day together with their weekday fix the year up to the
// calendar's 5-, 6- and 11-year cycle, so the years the text names decide:
// the year taken must be one the text allows (no earlier than the latest
// year or full date it names as past, no later than a year it names as
// still to come), something in the text must tie it down (the same day
// written in full, "this year's 2018 budget", a full date in the month
// before), and no other year may qualify. A year merely named as past does
// not tie it down: on the dev set, the day's weekday and date with the
// latest past year named would have dated 2 articles of 4 wrongly ("built in
// 2005" in a 2011 article, whose day fell on the same weekday in 2005). Any
// doubt leaves the date unknown: a wrong year would put every event of the
// article in the wrong place.

// dayPair is a month and day the lead gives without a year, with the
// weekday it fell on.
type dayPair struct {
	month, day int
	wd         time.Weekday
	// The weekday is the lead's, not written with the date: a dateline's
	// date may be the day after the events it heads (filed past midnight).
	fromDateline bool
}

// The years a weekday and a month-day are tried in.
const (
	firstCandidateYear = 1990
	lastCandidateYear  = 2035
)

// leadParagraphs is how many prose paragraphs from the top count as the
// lead; leadLookahead how many lines below a dateline its next paragraph is
// looked for.
const (
	leadParagraphs = 3
	leadLookahead  = 6
)

const (
	weekdayFull = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	// A month and day without a year, in either order: "Jul 10", "15 March",
	// "the 15th of March". Month names are matched case-sensitively ("may").
	monthDay = `(?:(` + monthPat + `)\s+(\d{1,2})(?:st|nd|rd|th)?|(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthPat + `))\b`
)

var (
	// The same day's weekday and date written together.
	dayPairREs = []struct {
		re     *regexp.Regexp
		wd, md int // submatch index of the weekday and of the month-day's first group
	}{
		// "Tuesday evening (Jul 10)", "Friday (15 March)".
		{regexp.MustCompile(`\b` + weekdayFull + `(?:\s+(?:morning|afternoon|evening|night))?,?\s*\(\s*` + monthDay + `\s*\)`), 1, 2},
		// "Tuesday, July 10", "Friday 15 March", "Friday, the 15th of March".
		{regexp.MustCompile(`\b` + weekdayFull + `,?\s+` + monthDay), 1, 2},
		// "March 15 (Friday)", "on March 15, a Friday".
		{regexp.MustCompile(monthDay + `(?:\s*\(\s*|,\s+a\s+)` + weekdayFull + `\b`), 5, 1},
	}
	// A year right after a date: then it is a full date, read elsewhere.
	yearAfterRE = regexp.MustCompile(`^,?\s*\d{4}\b`)
)

// leadDayPairs lists the month-days the lead gives with their weekday: the
// top lines down to the third prose paragraph, captions and noise aside.
func leadDayPairs(lines []line, noise []bool) []dayPair {
	var out []dayPair
	prose := 0
	datelined := false
	for i := 0; i < len(lines) && i < topLines && prose < leadParagraphs; i++ {
		s := lines[i].text
		if s == "" || noise[i] || isCaptionLine(s) {
			continue
		}
		out = append(out, writtenDayPairs(s)...)
		if !datelined {
			if p, at, ok := datelineDay(s); ok {
				datelined = true
				if wd, ok := leadWeekday(s[at:], lines[i+1:], noise[i+1:]); ok {
					p.wd = wd
					out = append(out, p)
				}
			}
		}
		if isProse(s) {
			prose++
		}
	}
	return out
}

// writtenDayPairs reads the weekday-and-date pairs written in s.
func writtenDayPairs(s string) []dayPair {
	var out []dayPair
	for _, f := range dayPairREs {
		for _, m := range f.re.FindAllStringSubmatchIndex(s, -1) {
			if yearAfterRE.MatchString(s[m[1]:]) {
				continue
			}
			wd, ok := weekdayNumber(s[m[2*f.wd]:m[2*f.wd+1]])
			if !ok {
				continue
			}
			month, day, ok := monthDayAt(s, m, f.md)
			if !ok {
				continue
			}
			out = append(out, dayPair{month: month, day: day, wd: wd})
		}
	}
	return out
}

// monthDayAt reads the month-day whose four groups start at group g:
// month and day, or day and month.
func monthDayAt(s string, m []int, g int) (month, day int, ok bool) {
	group := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return s[m[2*k]:m[2*k+1]]
	}
	mw, dw := group(g), group(g+1)
	if mw == "" {
		dw, mw = group(g+2), group(g+3)
	}
	month, day = monthNumber(mw), atoi(dw)
	if month == 0 || day < 1 {
		return 0, 0, false
	}
	if _, ok := validDate(2000, month, day); !ok { // 2000 is a leap year
		return 0, 0, false
	}
	return month, day, true
}

// datelineDay reads a dateline's month and day without a year, "HONG KONG,
// Sept 28 (AP) —", also under an outlet's name ("DAILY TIMES, Oct 20
// (IPS) —"), which is no place but still dates the story. at is where the
// story's first sentence starts.
func datelineDay(s string) (dayPair, int, bool) {
	for _, re := range []*regexp.Regexp{capsPlaceRE, titlePlaceRE} {
		p, ok := readParts(s, re)
		if !ok || p.month == 0 || p.year != 0 || p.sep == "" && p.agency == "" {
			continue
		}
		rest := strings.TrimLeft(s[p.end:], " \t")
		if !followsSentence(rest) {
			continue
		}
		if _, ok := validDate(2000, p.month, p.day); !ok {
			continue
		}
		return dayPair{month: p.month, day: p.day, fromDateline: true}, len(s) - len(rest), true
	}
	return dayPair{}, 0, false
}

// leadWeekday is the one weekday the lead's events happen on: the weekdays
// named in the dateline's paragraph and the next prose paragraph, those to
// come and "last Friday" aside, must all be the same.
func leadWeekday(first string, next []line, noise []bool) (time.Weekday, bool) {
	mentions := weekdaysIn(first)
	for i := 0; i < len(next) && i < leadLookahead; i++ {
		s := next[i].text
		if s == "" || noise[i] || isCaptionLine(s) {
			continue
		}
		mentions = append(mentions, weekdaysIn(s)...)
		if isProse(s) {
			break
		}
	}
	found, wd := false, time.Sunday
	for _, w := range mentions {
		if w.future || w.last {
			continue
		}
		if found && w.wd != wd {
			return 0, false
		}
		found, wd = true, w.wd
	}
	return wd, found
}

// inferYearless dates the article from its lead's weekday-and-date pairs
// and the years its text names; wds are the text's weekday mentions.
func inferYearless(lines []line, noise []bool, wds []wdMention, order dateOrder) (time.Time, bool) {
	pairs := leadDayPairs(lines, noise)
	if len(pairs) == 0 {
		return time.Time{}, false
	}
	ev := readYearEvidence(lines, noise, pairs, order)
	t, ok := yearFor(pairs, ev)
	if !ok {
		return time.Time{}, false
	}
	// A dateline's date may be the day after its lead's weekday: if that
	// reading also leaves a year, the two cannot be told apart.
	for i, p := range pairs {
		if !p.fromDateline {
			continue
		}
		alt := append([]dayPair(nil), pairs...)
		alt[i].wd = (p.wd + 1) % 7
		if _, ok := yearFor(alt, readYearEvidence(lines, noise, alt, order)); ok {
			return time.Time{}, false
		}
	}
	for _, w := range wds {
		if !w.future && !w.last && daysBack(t, w.wd) > 4 {
			return time.Time{}, false // a weekday the text names lies a week back
		}
	}
	return t, true
}

// yearFor is the date of the pairs (the latest of them) in the one year
// where each falls on its weekday, the text's years allow it and something
// in the text ties the year down; false when no year or more than one is
// left.
func yearFor(pairs []dayPair, ev yearEvidence) (time.Time, bool) {
	var found time.Time
	n := 0
	for y := firstCandidateYear; y <= lastCandidateYear; y++ {
		t, ok := datesIn(y, pairs)
		if !ok || !ev.allows(t) || !ev.anchors(t) {
			continue
		}
		found = t
		n++
	}
	return found, n == 1
}

// datesIn is the latest of the pairs' dates in year y, if every one of them
// exists in y and falls on its weekday.
func datesIn(y int, pairs []dayPair) (time.Time, bool) {
	var latest time.Time
	for _, p := range pairs {
		t, ok := validDate(y, p.month, p.day)
		if !ok || t.Weekday() != p.wd {
			return time.Time{}, false
		}
		if t.After(latest) {
			latest = t
		}
	}
	return latest, true
}

// yearEvidence is what the text's years say about when it was written.
type yearEvidence struct {
	latestPast  int         // the latest year named as past, 0 if none
	firstFuture int         // the earliest year named as still to come, 0 if none
	pastFull    []time.Time // the full dates named as past
	// Years that are the publication's by the text: of a full date on a
	// pair's day (its month, day and weekday), "this year's 2018 budget",
	// "last year's 2017 vote" (then 2018).
	sameDay, pinned map[int]bool
}

// recentDays is how long before the lead's day a full date in the text may
// be and still tie its year down ("trapped since June 23, 2018" over
// "rescued on Tuesday (Jul 10)").
const recentDays = 31

// allows reports whether t can be the publication date by the text's
// years: not before a year or full date it names as past, not after a year
// it names as to come, and the year the text says is its own if it says so.
func (ev yearEvidence) allows(t time.Time) bool {
	y := t.Year()
	switch {
	case ev.latestPast != 0 && y < ev.latestPast:
		return false
	case ev.firstFuture != 0 && y > ev.firstFuture:
		return false
	case len(ev.sameDay) > 0 && !ev.sameDay[y], len(ev.pinned) > 0 && !ev.pinned[y]:
		return false
	}
	for _, d := range ev.pastFull {
		if t.Before(d) {
			return false
		}
	}
	return true
}

// anchors reports whether the text ties t's year down, beyond allowing it:
// the same day written in full, a year the text calls this year's (or last
// year's), or a full date in the month before t. A year merely named as past
// ("built in 2005", "the 2003 invasion") does not: it may be long before
// the story, and another year with the same weekday follows within 5 or 6.
func (ev yearEvidence) anchors(t time.Time) bool {
	y := t.Year()
	if ev.sameDay[y] || ev.pinned[y] {
		return true
	}
	for _, d := range ev.pastFull {
		if gap := t.Sub(d); gap >= 0 && gap <= recentDays*24*time.Hour {
			return true
		}
	}
	return false
}

var (
	yearRE = regexp.MustCompile(`\b(?:1[89]|20)\d\d\b`)
	// Before a year, words that put it ahead of the writing: "by 2030",
	// "by the end of 2019", "until 2025".
	yearFutureBeforeRE = regexp.MustCompile(`(?i)\b(?:by|until|till|through|ahead of|in time for|starting(?: in)?|from now (?:until|to))\s+(?:the\s+)?(?:(?:end|start|beginning|middle|close|turn|spring|summer|autumn|fall|winter)\s+of\s+)?$`)
	// After a year, words that make it a target or say it is to come:
	// "2030 target", "2020 will see".
	yearFutureAfterRE = regexp.MustCompile(`(?i)^(?:'s)?\s+(?:targets?|goals?|deadline|agenda|vision|horizon|will|is due|is expected|is set)\b`)
	// A number of things rather than a year: "some 2000 troops", "$1999".
	quantityBeforeRE  = regexp.MustCompile(`(?i)(?:[$€£¥#]|\b(?:about|some|nearly|over|under|more than|fewer than|less than|at least|at most|around|almost|up to|roughly|approximately|estimated|another|only|just)\s+)$`)
	countAfterRE      = regexp.MustCompile(`(?i)^(?:\s*%|\s+(?:people|persons|men|women|children|troops|soldiers|fighters|police|officers|residents|families|households|homes|houses|buildings|refugees|migrants|protesters|students|workers|employees|jobs|dead|deaths|cases|victims|passengers|patients|km|kilometres|kilometers|miles|metres|meters|feet|tonnes|tons|dollars|euros|pounds|yuan|rupees|hectares|acres|votes|seats|members|units|times|percent|per cent)\b)`)
	copyrightBeforeRE = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)\s*$`)
	// A year the text calls this year's or last year's: "last year's 2017
	// vote", "this year, in March 2018", "in 2017, last year".
	thisYearBeforeRE = regexp.MustCompile(`(?i)\b(this|last) year(?:'s|,)?\s+(?:in\s+)?(?:(?:early|late|mid-?)\s*)?(?:` + monthPat + `\s+)?$`)
	thisYearAfterRE  = regexp.MustCompile(`(?i)^,?\s+(this|last) year\b`)
)

// readYearEvidence reads the years the text names outside captions and
// noise, and the full dates it gives, each as past or to come; and the years
// of full dates on one of the pairs' days, captions of the day's pictures
// included (those of file pictures never count).
func readYearEvidence(lines []line, noise []bool, pairs []dayPair, order dateOrder) yearEvidence {
	ev := yearEvidence{sameDay: map[int]bool{}, pinned: map[int]bool{}}
	for i, l := range lines {
		s := l.text
		if s == "" || noise[i] || fileCaptionRE.MatchString(s) || strings.Contains(strings.ToLower(s), "all rights reserved") {
			continue
		}
		caption := isCaptionLine(s)
		dates := findDates(s, order)
		for _, d := range dates {
			if !d.hasYear {
				continue
			}
			// The day itself, written in full (even in the day's own captions).
			for _, p := range pairs {
				if d.month == p.month && d.day == p.day && d.t.Weekday() == p.wd {
					ev.sameDay[d.t.Year()] = true
				}
			}
			if caption || !sentenceLine(s) {
				continue
			}
			if yearFuture(s, d.start, d.end) {
				ev.noteFuture(d.t.Year())
				continue
			}
			ev.notePast(d.t.Year())
			ev.pastFull = append(ev.pastFull, d.t)
		}
		if caption || !sentenceLine(s) {
			continue // a menu or headline's year may be the page's, not the story's
		}
	years:
		for _, m := range yearRE.FindAllStringIndex(s, -1) {
			for _, d := range dates {
				if m[0] < d.end && d.start < m[1] {
					continue years // read above as part of a date
				}
			}
			if !isYear(s, m[0], m[1]) {
				continue
			}
			y := atoi(s[m[0]:m[1]])
			if yearFuture(s, m[0], m[1]) {
				ev.noteFuture(y)
				continue
			}
			ev.notePast(y)
			if py := pinnedYear(s, m[0], m[1], y); py != 0 {
				ev.pinned[py] = true
			}
		}
	}
	return ev
}

func (ev *yearEvidence) notePast(y int) {
	if y <= time.Now().UTC().Year() && y > ev.latestPast {
		ev.latestPast = y
	}
}

func (ev *yearEvidence) noteFuture(y int) {
	if ev.firstFuture == 0 || y < ev.firstFuture {
		ev.firstFuture = y
	}
}

// isYear: the four digits at s[start:end] are a year, not part of a longer
// number, an amount or a count of things.
func isYear(s string, start, end int) bool {
	before, after := s[:start], s[end:]
	if n := len(before); n >= 2 && strings.ContainsRune(",.:/", rune(before[n-1])) && isDigit(before[n-2]) {
		return false // 1,2019 or 3.2019
	}
	if len(after) >= 2 && strings.ContainsRune(",.:", rune(after[0])) && isDigit(after[1]) {
		return false // 2019.5 or 1990,000
	}
	return !quantityBeforeRE.MatchString(before) && !countAfterRE.MatchString(after) && !copyrightBeforeRE.MatchString(before)
}

// pinnedYear is the publication year when the text calls the year y at
// s[start:end] this year's (y) or last year's (y+1); 0 otherwise.
func pinnedYear(s string, start, end, y int) int {
	m := thisYearBeforeRE.FindStringSubmatch(s[max(0, start-40):start])
	if m == nil {
		m = thisYearAfterRE.FindStringSubmatch(s[end:])
	}
	switch {
	case m == nil:
		return 0
	case strings.EqualFold(m[1], "last"):
		return y + 1
	}
	return y
}

// sentenceLine: s is running text, a sentence or more, not a menu, a
// headline or a date line.
func sentenceLine(s string) bool {
	t := strings.TrimRight(s, " \t\"”’')")
	return len(strings.Fields(s)) >= 6 && (strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") || strings.Contains(s, ". "))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// yearFuture: the year or date at s[start:end] is named as still to come,
// by its clause ("elections will be held in 2019"), the words before it
// ("by 2030") or after it ("the 2030 target").
func yearFuture(s string, start, end int) bool {
	before := s[max(0, start-80):start]
	if i := strings.LastIndexAny(before, ".;!?"); i >= 0 {
		before = before[i+1:]
	}
	return futureCueRE.MatchString(before) || yearFutureBeforeRE.MatchString(before) || yearFutureAfterRE.MatchString(s[end:])
}
