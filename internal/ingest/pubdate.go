package ingest

import (
	"regexp"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// This file decides an article's publication date from its own text when no
// manifest gives it. Every relative date in the article ("on Monday",
// "yesterday") is resolved against it, so a wrong date misplaces every event:
// only dates in the places outlets print them are read (the archive's "date"
// prefix, date lines, "Published …" lines, bylines, datelines), photo captions
// never count, and a date guessed from the prose needs the text's weekdays
// to agree with it. A lead's day without its year ("on Friday (March 15)")
// is completed in yearless.go, only when the text's own years leave one
// year.

// pubDate is the publication date the text gives, if any.
type pubDate struct {
	t      time.Time
	source model.DateSource // model.DateInText or model.DateInferred
	line   int              // the line that is nothing but the date (noise), or -1
}

// dateCand is a publication date read at the top of the article.
type dateCand struct {
	t         time.Time
	line      int
	wholeLine bool // the line holds nothing else: it is not story text
	inferred  bool // part of it (the year) was inferred
}

var (
	// A label before a date: "Updated", "First published on", "This Article is From".
	dateLabelRE = regexp.MustCompile(`(?i)(?:^|[|•·]\s*|\s)(?:last\s+updated|updated|first\s+published|originally\s+published|published|posted|released|dated?|this article is from)(?:\s+on)?\s*:?\s*` +
		`(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4}\b)?\s*,?\s*)?$`)
	// "This article was first published in the Post on".
	publishedStatementRE = regexp.MustCompile(`(?i)\b(?:article|story|report|piece)\s+(?:was\s+)?(?:first\s+|originally\s+)?(?:published|printed|posted)\b[^.]{0,80}?\bon\s+$`)
	// What may follow the date on a date line: a time, a zone, separators.
	dateTailRE    = regexp.MustCompile(`^[\s,|·•-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)?[\s|·•.]*$`)
	bylineStartRE = regexp.MustCompile(`^[Bb]y\s?[A-Z]`)
	// Photo captions and credits: their dates are the picture's, not the article's.
	captionRE = regexp.MustCompile(`(?i)\bAP Photo\b|\bphotos?\s*(?::|\||/|by\b)|\bREUTERS/|\bGetty Images\b|\bEPA-EFE\b|` +
		`\b(?:photo|picture|image) (?:shows|taken)\b|\bpictured\b|\bfile (?:photo|image|picture)\b|^FILE\s*[-–—:(]|` +
		`\bin this [^.]{0,80}\b(?:photo|image|picture)\b|\d{4},? (?:file )?(?:photo|image|picture)\b`)
	// A file picture's caption dates an older event.
	fileCaptionRE = regexp.MustCompile(`(?i)\bfile (?:photo|image|picture)\b|^FILE\b|\bin this [^.]{0,80}\b(?:photo|image|picture)\b|\d{4},? (?:file )?(?:photo|image|picture)\b`)
)

// isCaptionLine reports a photo caption or credit line. Captions are a
// sentence or two; a longer line is story text that mentions a photo.
func isCaptionLine(s string) bool {
	return len(s) < 600 && captionRE.MatchString(s) || len(s) < 120 && creditRE.MatchString(s)
}

// findPubDate reads the publication date from the top lines. noise marks
// lines already known to be captions or repeats; dl is the article's
// dateline (line -1 if none); order reads numeric dates. With dated (the
// date is known from elsewhere, a manifest) it still finds a printed date
// line, which is noise to extraction, but infers nothing.
func findPubDate(lines []line, noise []bool, dl dateline, order dateOrder, dated bool) pubDate {
	wds := weekdayMentions(lines)
	cands := topDates(lines, topLines, dl, order)
	for _, c := range cands {
		if consistent(c.t, wds) {
			return c.pubDate()
		}
	}
	for _, c := range cands {
		if !c.inferred {
			// A printed date line outweighs a reading of the weekdays.
			return c.pubDate()
		}
	}
	if dated {
		return pubDate{line: -1}
	}
	if t, ok := inferFromProse(lines, noise, wds, order); ok {
		return pubDate{t: t, source: model.DateInferred, line: -1}
	}
	if t, ok := inferYearless(lines, noise, wds, order); ok {
		return pubDate{t: t, source: model.DateInferred, line: -1}
	}
	return pubDate{line: -1}
}

func (c dateCand) pubDate() pubDate {
	p := pubDate{t: c.t, source: model.DateInText, line: -1}
	if c.inferred {
		p.source = model.DateInferred
	}
	if c.wholeLine {
		p.line = c.line
	}
	return p
}

// topDates lists the dates printed where outlets print publication dates,
// in text order.
func topDates(lines []line, top int, dl dateline, order dateOrder) []dateCand {
	var out []dateCand
	prose := 0
	first := firstNonEmpty(lines)
	for i := 0; i < len(lines) && i < top && prose < 2; i++ {
		s := lines[i].text
		if s == "" {
			continue
		}
		if i == first {
			if c, ok := metaPrefixDate(s, i); ok {
				out = append(out, c)
				continue
			}
		}
		if isCaptionLine(s) {
			continue
		}
		if c, ok := lineDate(s, i, order); ok {
			out = append(out, c)
		} else if i == dl.line && dl.month != 0 {
			if c, ok := datelineDate(lines, dl, order); ok {
				out = append(out, c)
			}
		}
		if isProse(s) {
			prose++
		}
	}
	return out
}

// metaPrefixDate reads the archive's " date 2019-04-15 " prefix, unless what
// follows it is a photo caption (whose date the archive took).
func metaPrefixDate(s string, i int) (dateCand, bool) {
	m := metaDatePrefixRE.FindStringSubmatch(s)
	if m == nil {
		return dateCand{}, false
	}
	rest := s[len(m[0]):]
	if isCaptionLine(rest) {
		return dateCand{}, false
	}
	ds := findDates(m[1], orderUnknown)
	if len(ds) != 1 {
		return dateCand{}, false // 2016-13-45
	}
	return dateCand{t: ds[0].t, line: i, wholeLine: strings.TrimSpace(rest) == ""}, true
}

// lineDate reads a date line ("March 24, 2016, 2:26 PM"), a labelled date
// ("Updated May 2, 2017", "Kim Doe | Published 14 June 2018"), a byline with
// a date, or "This article was first published … on".
func lineDate(s string, i int, order dateOrder) (dateCand, bool) {
	byline := bylineStartRE.MatchString(s) && len(s) < 160
	head := s
	if len(head) > maxDateLine {
		head = head[:maxDateLine] // such dates open their line; a long line is prose
	}
	for _, d := range findDates(head, order) {
		if !d.hasYear {
			continue
		}
		before, after := s[:d.start], s[d.end:]
		whole := strings.TrimSpace(before) == "" && dateTailRE.MatchString(after)
		switch {
		case whole:
			return dateCand{t: d.t, line: i, wholeLine: true}, true
		case labelled(before):
			return dateCand{t: d.t, line: i, wholeLine: len(s) < 80 && dateTailRE.MatchString(after)}, true
		case byline, publishedStatementRE.MatchString(before):
			return dateCand{t: d.t, line: i}, true
		}
	}
	return dateCand{}, false
}

// maxDateLine is how far into a line a date line's date is looked for.
const maxDateLine = 300

// labelled reports a date label ("Updated", "Published on") right before
// a date, where a metadata line has it: opening the line, after a separator,
// or after a name ("Kim Doe, Daily Courier Published"), never mid-sentence
// ("a letter dated").
func labelled(before string) bool {
	loc := dateLabelRE.FindStringIndex(before)
	if loc == nil {
		return false
	}
	prefix := before[:loc[0]]
	if strings.TrimSpace(prefix) == "" || strings.ContainsAny(before[loc[0]:loc[0]+1], "|•·") || strings.HasSuffix(prefix, "  ") {
		return true
	}
	for _, w := range strings.Fields(prefix) {
		if c := w[0]; c >= 'a' && c <= 'z' && w != "and" && w != "of" && w != "by" {
			return false
		}
	}
	return true
}

// datelineDate completes a dateline's "Sept 28" with a year: the year it
// gives, or that of a full date in the text on the same day (a caption of
// the day's pictures, usually); a date nearby gives only an inferred year.
func datelineDate(lines []line, dl dateline, order dateOrder) (dateCand, bool) {
	if dl.year != 0 {
		t, ok := validDate(dl.year, dl.month, dl.day)
		return dateCand{t: t, line: dl.line}, ok
	}
	var near time.Time
	for _, l := range lines {
		for _, d := range findDates(l.text, order) {
			if !d.hasYear {
				continue
			}
			t, ok := validDate(d.t.Year(), dl.month, dl.day)
			if !ok {
				continue
			}
			if d.month == dl.month && d.day == dl.day {
				return dateCand{t: t, line: dl.line}, true
			}
			if gap := t.Sub(d.t); gap >= 0 && gap <= 14*24*time.Hour && near.IsZero() {
				near = t
			}
		}
	}
	return dateCand{t: near, line: dl.line, inferred: true}, !near.IsZero()
}

// inferFromProse takes the latest full date written anywhere in the text
// (captions and repeated lines aside) when the text's weekdays agree with it: the
// day itself is named ("killed on Friday"), no past weekday is more than four
// days before it, and none reads as a week-old day. Anything less and the
// date stays unknown.
func inferFromProse(lines []line, noise []bool, wds []wdMention, order dateOrder) (time.Time, bool) {
	var latest time.Time
	for i, l := range lines {
		if noise[i] || isCaptionLine(l.text) {
			continue
		}
		for _, d := range findDates(l.text, order) {
			if d.hasYear && d.t.After(latest) {
				latest = d.t
			}
		}
	}
	if latest.IsZero() {
		return time.Time{}, false
	}
	named := false
	for _, w := range wds {
		if w.future {
			continue
		}
		k := daysBack(latest, w.wd)
		if k == 0 {
			named = true
		}
		if k > 4 && !w.last {
			return time.Time{}, false
		}
	}
	return latest, named
}
