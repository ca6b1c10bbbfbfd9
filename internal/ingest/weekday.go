package ingest

import (
	"regexp"
	"time"
)

// News names the recent days by their weekday ("said on Tuesday"), always
// counting back from the day it was written. So the weekdays a text uses tell
// whether a candidate publication date is plausible: from the right date they
// fall in the last few days, from a date a few days too early they would lie
// almost a week back.

// wdMention is one weekday named in the text.
type wdMention struct {
	wd     time.Weekday
	future bool // "will meet on Monday", "next Friday"
	last   bool // "last Saturday": may be up to a week back
}

var (
	weekdayWordRE = regexp.MustCompile(`\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b`)
	// Words before a weekday, in its clause, that put it ahead of the writing.
	futureCueRE = regexp.MustCompile(`(?i)(?:\b(?:will|would|shall|scheduled|planned|due|expected|to be)\b|'ll\b)[^,;.!?]*$|\b(?:next|coming|upcoming|by|until|till|before|starting)\s+(?:this\s+)?$`)
	lastCueRE   = regexp.MustCompile(`(?i)\b(?:last|past|previous)\s+$`)
	// A weekday that is part of a written date: "Monday, April 15, 2019".
	weekdayOfDateRE = regexp.MustCompile(`^,?\s+(?:\d|` + monthPat + `\b)`)
)

// weekdayMentions lists the weekdays the text names, caption lines of file
// pictures aside (they speak of another time).
func weekdayMentions(lines []line) []wdMention {
	var out []wdMention
	for _, l := range lines {
		if l.text == "" || fileCaptionRE.MatchString(l.text) {
			continue
		}
		out = append(out, weekdaysIn(l.text)...)
	}
	return out
}

// weekdaysIn lists the weekdays named in s, those written as part of a date
// aside.
func weekdaysIn(s string) []wdMention {
	var out []wdMention
	for _, m := range weekdayWordRE.FindAllStringSubmatchIndex(s, -1) {
		if weekdayOfDateRE.MatchString(s[m[1]:]) {
			continue
		}
		wd, _ := weekdayNumber(s[m[2]:m[3]])
		before := s[max(0, m[0]-80):m[0]]
		out = append(out, wdMention{wd: wd, future: futureCueRE.MatchString(before), last: lastCueRE.MatchString(before)})
	}
	return out
}

// daysBack is how many days before t the last weekday wd was (0 to 6).
func daysBack(t time.Time, wd time.Weekday) int {
	return (int(t.Weekday()) - int(wd) + 7) % 7
}

// consistent reports whether t fits the weekdays the text names in the
// past: no more of them may fall four to six days before t, which is where
// they land when t is too early, than in the three days up to it.
func consistent(t time.Time, wds []wdMention) bool {
	recent, stale := 0, 0
	for _, w := range wds {
		if w.future || w.last {
			continue
		}
		if daysBack(t, w.wd) <= 3 {
			recent++
		} else {
			stale++
		}
	}
	return stale <= recent
}
