package ingest

import (
	"regexp"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// textMeta is what the article's own text says about it.
type textMeta struct {
	headline   string
	byline     string
	date       time.Time
	dateSource model.DateSource // how date was read: in-text or inferred
	dateline   string
	// datelineDay is the dateline's month and day when it gives no year.
	datelineDay model.MonthDay
	noise       []model.Span
}

// line is one line of the text with its byte span (without the newline).
type line struct {
	model.Span
	text string // trimmed
}

func splitLines(text string) []line {
	var out []line
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		raw := strings.TrimSuffix(text[start:end], "\r")
		// Trim the span too, so noise never covers surrounding blanks.
		lead := len(raw) - len(strings.TrimLeft(raw, " \t"))
		trimmed := strings.TrimSpace(raw)
		out = append(out, line{Span: model.Span{Start: start + lead, End: start + lead + len(trimmed)}, text: trimmed})
		if end == len(text) {
			break
		}
		start = end + 1
	}
	return out
}

var (
	bylineRE = regexp.MustCompile(`^[Bb]y\s?([A-Z][^!?]{0,150}[^.!?])$`)
	// Photo credits: "Alexander Zemlianichenko/AP Photo", "(AP Photo/Jane Doe)", "Photo: Reuters".
	creditRE = regexp.MustCompile(`(?i)^(?:\(?(?:AP|AFP|Reuters|EPA|Getty|Xinhua)\s*(?:Photo|Images)?\s*/[^)]{2,60}\)?|` +
		`[^.!?]{2,60}/\s*(?:AP|AFP|Reuters|EPA|Getty Images|Xinhua|Sputnik|TASS|Pool)(?:\s*(?:Photo|Images|via Getty Images))?(?:/[A-Za-z ]+)?|` +
		`(?:photo|image|picture|credit)s?\s*:\s*.{2,80})$`)
	relatedRE     = regexp.MustCompile(`(?i)^(?:related (?:topics|articles|stories|coverage|content)|read more|more on this|see also|you may also like|share this( article)?|advertisement|comments?)\s*:?$`)
	contributedRE = regexp.MustCompile(`(?i)contributed (?:to )?(?:this|the) report\.?$|^\(?(?:reporting|writing|editing) by .{2,120}\)?\.?$`)
	headingMD     = regexp.MustCompile(`^#{1,6}\s+`)
)

// topLines is how far down the text its metadata is looked for: far enough
// for a scraped page's menu lines, not into the story.
const topLines = 30

// scanText finds the headline, byline, publication date and dateline near
// the top of the text, and marks scraping noise.
func scanText(text, format string) textMeta {
	return scanTextAt(text, format, "", false)
}

// scanTextAt is scanText for an article whose address is known (for the
// order of numeric dates, by country).
func scanTextAt(text, format, url string, dated bool) textMeta {
	var m textMeta
	lines := splitLines(text)
	noise := make([]bool, len(lines))
	m.headline, m.byline = topMatter(lines, format, noise)
	dl, ok := findDateline(lines, topLines)
	if ok {
		m.dateline = dl.place
		if dl.month != 0 && dl.year == 0 {
			m.datelineDay = model.MonthDay{Month: time.Month(dl.month), Day: dl.day}
		}
	} else {
		dl.line = -1
	}
	markNoise(lines, noise)
	pd := findPubDate(lines, noise, dl, orderHint(m.dateline, url), dated)
	m.date, m.dateSource = pd.t, pd.source
	if pd.line >= 0 {
		noise[pd.line] = true
	}
	for i, n := range noise {
		if n && lines[i].Len() > 0 {
			m.noise = append(m.noise, lines[i].Span)
		}
	}
	return m
}

// topMatter finds the headline and the byline among the first lines and
// marks the byline as noise.
func topMatter(lines []line, format string, noise []bool) (headline, byline string) {
	seen := 0
	for i, l := range lines {
		if l.text == "" {
			continue
		}
		seen++
		if seen > 8 {
			break
		}
		text := l.text
		if seen == 1 {
			if p := metaDatePrefixRE.FindStringIndex(text); p != nil {
				text = text[p[1]:] // the archive's "date 2019-04-15 " prefix
			}
		}
		if _, ok := lineDate(text, i, orderUnknown); ok && !bylineStartRE.MatchString(text) {
			continue // a date line is neither headline nor byline
		}
		switch {
		case byline == "" && bylineRE.MatchString(text) && len(text) < 160:
			byline = bylineName(bylineRE.FindStringSubmatch(text)[1])
			noise[i] = true
		case seen == 1 && headline == "" && looksLikeHeadline(text, format):
			headline = strings.TrimSpace(headingMD.ReplaceAllString(text, ""))
		}
	}
	return headline, byline
}

// bylineName keeps the names of "Jane Doe | 03.03.2016" or
// "Nathan Salant     Jun 11, 2014 in World".
func bylineName(s string) string {
	if ds := findDates(s, orderUnknown); len(ds) > 0 {
		s = s[:ds[0].start]
	}
	if i := strings.IndexAny(s, "|•·"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(strings.TrimSpace(s), " ,-–—")
}

// markNoise marks repeated paragraphs, captions (a paragraph repeated right
// away or followed by a photo credit), credits, "Related Topics" trailers,
// contributor lines and a trailing source tag.
func markNoise(lines []line, noise []bool) {
	firstSeen := map[string]int{}
	prev := -1 // previous non-empty line
	for i, l := range lines {
		if l.text == "" {
			continue
		}
		if creditRE.MatchString(l.text) && len(l.text) < 120 {
			noise[i] = true
			if prev >= 0 && !looksLikeHeadline(lines[prev].text, "") && lines[prev].Start > 0 && isCaptionish(lines[prev].text) {
				noise[prev] = true
			}
		}
		if j, ok := firstSeen[l.text]; ok && len(l.text) >= 20 {
			noise[i] = true
			if j == prev {
				// A paragraph printed twice in a row is a photo caption
				// shown both over and under the picture.
				noise[j] = true
			}
		} else if !ok {
			firstSeen[l.text] = i
		}
		if relatedRE.MatchString(l.text) {
			noise[i] = true
			// Whatever follows a "Related Topics" header is link lists.
			for k := i + 1; k < len(lines); k++ {
				if len(lines[k].text) < 80 {
					noise[k] = lines[k].text != ""
				} else {
					break
				}
			}
		}
		if contributedRE.MatchString(l.text) && len(l.text) < 160 {
			noise[i] = true
		}
		prev = i
	}
	if last := prev; last >= 0 && isSourceTag(lines[last].text) {
		noise[last] = true
	}
}

// looksLikeHeadline: one short line without a sentence's final full stop.
func looksLikeHeadline(s, format string) bool {
	if format == "md" && headingMD.MatchString(s) {
		return true
	}
	if len(s) < 12 || len(s) > 200 || strings.HasSuffix(s, ".") || strings.HasSuffix(s, ",") {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 3 || len(words) > 30 {
		return false
	}
	caps := 0
	for _, w := range words {
		if w[0] >= 'A' && w[0] <= 'Z' {
			caps++
		}
	}
	// Headlines are title case or at least start capitalised.
	return s[0] >= 'A' && s[0] <= 'Z' && caps*2 >= len(words)
}

// isCaptionish: a caption above a credit is a single descriptive sentence.
func isCaptionish(s string) bool {
	return len(s) < 400 && strings.Count(s, ". ") <= 2
}

// isSourceTag: a lone short word or two at the very end, with no sentence
// punctuation, like a scraper's "orient" or "ap".
func isSourceTag(s string) bool {
	if len(s) > 30 || strings.ContainsAny(s, ".!?\"“”") {
		return false
	}
	return len(strings.Fields(s)) <= 3
}
