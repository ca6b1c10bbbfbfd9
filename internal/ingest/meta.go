package ingest

import (
	"regexp"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// textMeta is what the article's own text says about it.
type textMeta struct {
	headline string
	byline   string
	date     time.Time
	dateline string
	noise    []model.Span
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
	monthNames = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	// A date line on its own: "March 24, 2016, 2:26 PM", "Published: July 16, 2016 1:13 PM ET", "24 March 2016".
	dateLineRE = regexp.MustCompile(`^(?i:(?:published|updated|posted|date)\s*:?\s*)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(` +
		monthNames + `\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+` + monthNames + `\s+\d{4}|\d{4}-\d{2}-\d{2})` +
		`(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?(?:\s+[A-Z]{2,4})?\s*$`)
	bylineRE = regexp.MustCompile(`^[Bb]y\s?([A-Z][^.!?]{1,80})$`)
	// A dateline opening a paragraph: "MOSCOW -", "—MOSCOW --", "GENEVA (AP) —", "BEIRUT, Lebanon —".
	datelineRE = regexp.MustCompile(`^[\s—–-]*([A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+)*)(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)*)?\s*(?:\([A-Za-z. ]{1,20}\))?\s*(?:--|—|–|-)\s`)
	// Photo credits: "Alexander Zemlianichenko/AP Photo", "(AP Photo/Jane Doe)", "Photo: Reuters".
	creditRE = regexp.MustCompile(`(?i)^(?:\(?(?:AP|AFP|Reuters|EPA|Getty|Xinhua)\s*(?:Photo|Images)?\s*/[^)]{2,60}\)?|` +
		`[^.!?]{2,60}/\s*(?:AP|AFP|Reuters|EPA|Getty Images|Xinhua|Sputnik|TASS|Pool)(?:\s*(?:Photo|Images|via Getty Images))?(?:/[A-Za-z ]+)?|` +
		`(?:photo|image|picture|credit)s?\s*:\s*.{2,80})$`)
	relatedRE     = regexp.MustCompile(`(?i)^(?:related (?:topics|articles|stories|coverage|content)|read more|more on this|see also|you may also like|share this( article)?|advertisement|comments?)\s*:?$`)
	contributedRE = regexp.MustCompile(`(?i)contributed (?:to )?(?:this|the) report\.?$|^\(?(?:reporting|writing|editing) by .{2,120}\)?\.?$`)
	headingMD     = regexp.MustCompile(`^#{1,6}\s+`)
)

// scanText finds the headline, byline, date line and dateline near the top
// of the text, and marks scraping noise.
func scanText(text, format string) textMeta {
	var m textMeta
	lines := splitLines(text)
	noise := make([]bool, len(lines))

	// Top matter: the first few non-empty lines.
	seen := 0
	for i, l := range lines {
		if l.text == "" {
			continue
		}
		seen++
		if seen > 8 {
			break
		}
		switch {
		case m.date.IsZero() && dateLineRE.MatchString(l.text):
			if t, ok := parseDateLine(l.text); ok {
				m.date = t
				noise[i] = true
			}
		case m.byline == "" && bylineRE.MatchString(l.text) && len(l.text) < 90:
			m.byline = strings.TrimSpace(bylineRE.FindStringSubmatch(l.text)[1])
			noise[i] = true
		case seen == 1 && m.headline == "" && looksLikeHeadline(l.text, format):
			m.headline = strings.TrimSpace(headingMD.ReplaceAllString(l.text, ""))
		}
		if m.dateline == "" {
			if sm := datelineRE.FindStringSubmatch(l.text); sm != nil && len(l.text) > len(sm[0])+20 {
				m.dateline = strings.TrimSpace(sm[1])
			}
		}
	}

	// Noise: repeated paragraphs, captions (a paragraph repeated right away or
	// followed by a photo credit), credits, "Related Topics" trailers,
	// contributor lines and a trailing source tag.
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
	for i, n := range noise {
		if n && lines[i].Len() > 0 {
			m.noise = append(m.noise, lines[i].Span)
		}
	}
	return m
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

func parseDateLine(s string) (time.Time, bool) {
	sm := dateLineRE.FindStringSubmatch(s)
	if sm == nil {
		return time.Time{}, false
	}
	d := strings.NewReplacer(".", "", ",", "").Replace(sm[1])
	d = strings.Join(strings.Fields(d), " ")
	for _, l := range []string{"January 2 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006", "2006-01-02"} {
		if t, err := time.Parse(l, d); err == nil {
			return t, true
		}
	}
	// "Sept" is not a Go month abbreviation.
	if t, err := time.Parse("Jan 2 2006", strings.Replace(d, "Sept ", "Sep ", 1)); err == nil {
		return t, true
	}
	return time.Time{}, false
}
