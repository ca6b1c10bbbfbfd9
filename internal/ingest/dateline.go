package ingest

import (
	"regexp"
	"strings"
)

// This file finds the dateline: the place (and sometimes the date) that wire
// copy puts before the first sentence, "MOSCOW (Reuters) -", "KIEV, Ukraine –",
// "WASHINGTON, March 3 (UPI) --", "NEW DELHI:", "Tikrit - ...". A dateline
// names where the story was filed, which the extractor uses to place events
// and to choose between towns of the same name, so a wrong one misleads:
// the shapes below are strict, and only the top of the article is searched.

// dateline is what an article's dateline says.
type dateline struct {
	place      string // as written, without agency or date: "KIEV, Ukraine"
	month, day int    // the date in it ("Sept 28"), 0 if none
	year       int    // 0 unless written
	line       int    // index of its line
	at         int    // byte offset in the line where the story's first sentence starts
}

// Capital letters of any script count: "BRASÍLIA:", "SÃO PAULO, Brazil",
// "Bogotá -" are datelines as "MOSCOW" is.
const (
	capsWord  = `\p{Lu}[\p{Lu}'’.]*(?:-\p{Lu}[\p{Lu}'’.]*)*`
	titleWord = `\p{Lu}[\p{Ll}'’.]+(?:-\p{Lu}[\p{Ll}'’.]+)*`
)

// The parts of a dateline, each read where the previous one ended. They are
// matched one after the other, not as one pattern, so that "HONG KONG, Sept 28"
// is read as a date and never as the region "Sept".
var (
	capsPlaceRE  = regexp.MustCompile(`^[\s—–-]*(` + capsWord + `(?:\s` + capsWord + `){0,4})`)
	titlePlaceRE = regexp.MustCompile(`^[\s—–-]*(` + titleWord + `(?:\s` + titleWord + `){0,2})`)
	// The country, state or province after the city, all in one case:
	// ", Ukraine", ", Ill.", ", BANGLADESH/YANGON".
	regionRE = regexp.MustCompile(`^,\s*(` + titleWord + `(?:[ /](?:` + titleWord + `|of|and)){0,3}|` + capsWord + `(?:[ /](?:` + capsWord + `)){0,3})`)
	// ", Sept 28", ", March 3, 2015".
	datelineDateRE = regexp.MustCompile(`^,\s*(?:(` + monthPat + `)\s+(\d{1,2})\b(?:,?\s+(\d{4})\b)?|(\d{1,2})\s+(` + monthPat + `)(?:\s+(\d{4})\b)?)`)
	agencyRE       = regexp.MustCompile(`^\s*\([A-Za-z][A-Za-z./&' -]{0,24}\)`)
	sepRE          = regexp.MustCompile(`^\s*(--|—|–|―|-|\||:)`)
	// The archive prefix " date 2014-02-22 " some scraped texts start with.
	metaDatePrefixRE = regexp.MustCompile(`^(?i:date)\s+(\d{4}-\d{2}-\d{2})\b\s*`)
)

// Words that open a line in capitals or title case without being a place:
// labels, agencies, section names, sentence openers.
var notPlaceWords = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "it": true, "he": true, "she": true,
	"they": true, "we": true, "i": true, "you": true, "in": true, "on": true, "at": true, "as": true, "but": true,
	"and": true, "or": true, "so": true, "by": true, "from": true, "for": true, "if": true, "when": true, "where": true,
	"what": true, "who": true, "why": true, "how": true, "here": true, "there": true, "meanwhile": true, "however": true,
	"also": true, "earlier": true, "later": true, "today": true, "yesterday": true, "now": true, "update": true,
	"updated": true, "breaking": true, "exclusive": true, "watch": true, "video": true, "videos": true, "photo": true,
	"photos": true, "image": true, "images": true, "live": true, "file": true, "opinion": true, "analysis": true,
	"note": true, "editor's": true, "editors": true, "advertisement": true, "read": true, "more": true, "related": true,
	"source": true, "sources": true, "comment": true, "comments": true, "editorial": true, "review": true,
	"summary": true, "background": true, "context": true, "correction": true, "clarification": true, "warning": true,
	"police": true, "officials": true, "witnesses": true, "reporting": true, "writing": true, "editing": true,
	"credit": true, "caption": true, "listen": true, "share": true, "tags": true, "topics": true, "highlights": true,
	"timeline": true, "q": true, "a.": true, "ap": true, "afp": true, "reuters": true, "upi": true, "cnn": true,
	"dpa": true, "ians": true, "pti": true, "ani": true, "xinhua": true, "kyodo": true, "efe": true, "ips": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "nato": true, "un": true, "eu": true, "us": true, "u.s.": true, "u.n.": true, "isis": true,
	"isil": true, "fbi": true, "cia": true, "who's": true, "ceo": true, "gop": true, "mr.": true, "mrs.": true,
	"ms.": true, "dr.": true, "president": true, "minister": true,
}

// Last words of a newspaper's name: "HAVANA TIMES, Oct 20 (IPS) —" is the
// outlet, not where the story was filed.
var outletWords = map[string]bool{
	"times": true, "news": true, "post": true, "herald": true, "journal": true, "tribune": true, "gazette": true,
	"daily": true, "press": true, "telegraph": true, "chronicle": true, "wire": true, "today": true, "express": true,
	"mail": true, "guardian": true, "standard": true, "observer": true, "monitor": true, "agency": true,
	"online": true, "network": true, "radio": true, "tv": true, "television": true,
}

// findDateline looks for a dateline opening one of the first body lines.
// top is how many lines may be searched; the search also stops after two
// prose paragraphs without one, since a dateline opens the story.
func findDateline(lines []line, top int) (dateline, bool) {
	prose := 0
	seen := map[string]bool{}
	for i := 0; i < len(lines) && i < top && prose < 2; i++ {
		s := lines[i].text
		if s == "" || seen[s] || isCaptionLine(s) {
			continue
		}
		seen[s] = true
		at := 0
		if sm := metaDatePrefixRE.FindStringIndex(s); sm != nil && i == firstNonEmpty(lines) {
			at = sm[1]
			if d, ok := bareCapsDateline(s[at:]); ok {
				d.line, d.at = i, d.at+at
				return d, true
			}
		}
		if d, ok := datelineAt(s[at:]); ok {
			d.line, d.at = i, d.at+at
			return d, true
		}
		if isProse(s[at:]) {
			prose++
		}
	}
	return dateline{}, false
}

func firstNonEmpty(lines []line) int {
	for i, l := range lines {
		if l.text != "" {
			return i
		}
	}
	return -1
}

// isProse: a paragraph of running text rather than a heading or a menu item.
func isProse(s string) bool {
	return len(s) >= 100 && (strings.Contains(s, ". ") || strings.HasSuffix(s, "."))
}

// datelineAt reads a dateline at the start of s, in capitals or in title
// case, and checks that a sentence follows it.
func datelineAt(s string) (dateline, bool) {
	if p, ok := readParts(s, capsPlaceRE); ok {
		if d, ok := p.caps(s); ok {
			return d, true
		}
	}
	if p, ok := readParts(s, titlePlaceRE); ok {
		return p.title(s)
	}
	return dateline{}, false
}

// parts is a dateline candidate read off the start of a line.
type parts struct {
	place, region    string
	month, day, year int
	agency, sep      string
	spacedBefore     bool // a blank before the separator: "Tikrit -", not "Anti-"
	spacedAfter      bool
	end              int // where the candidate ends
}

// readParts reads "PLACE[, Region][, Month Day[, Year]][ (Agency)][ SEP]".
func readParts(s string, placeRE *regexp.Regexp) (parts, bool) {
	m := placeRE.FindStringSubmatchIndex(s)
	if m == nil {
		return parts{}, false
	}
	p := parts{place: s[m[2]:m[3]]}
	i := m[1]
	if p.place, i = wholeWords(s, m[2], m[3]); p.place == "" {
		return parts{}, false
	}
	if !p.readDate(s, &i) {
		if rm := regionRE.FindStringSubmatchIndex(s[i:]); rm != nil {
			if region, end := wholeWords(s, i+rm[2], i+rm[3]); region != "" {
				p.region, i = region, end
				p.readDate(s, &i)
			}
		}
	}
	if am := agencyRE.FindStringIndex(s[i:]); am != nil {
		p.agency = strings.TrimSpace(s[i : i+am[1]])
		i += am[1]
	}
	if sm := sepRE.FindStringSubmatchIndex(s[i:]); sm != nil {
		p.sep, p.spacedBefore = s[i+sm[2]:i+sm[3]], sm[2] > 0
		i += sm[1]
		p.spacedAfter = i < len(s) && (s[i] == ' ' || s[i] == '\t')
	}
	p.end = i
	return p, true
}

// readDate reads ", Sept 28" at s[*i:] and moves *i past it.
func (p *parts) readDate(s string, i *int) bool {
	dm := datelineDateRE.FindStringSubmatchIndex(s[*i:])
	if dm == nil {
		return false
	}
	t := s[*i:]
	if dm[2] >= 0 {
		p.month, p.day = monthNumber(t[dm[2]:dm[3]]), atoi(t[dm[4]:dm[5]])
		if dm[6] >= 0 {
			p.year = atoi(t[dm[6]:dm[7]])
		}
	} else {
		// "LIMA, 3 Mar 2021 (Reuters) -": the day first.
		p.day, p.month = atoi(t[dm[8]:dm[9]]), monthNumber(t[dm[10]:dm[11]])
		if dm[12] >= 0 {
			p.year = atoi(t[dm[12]:dm[13]])
		}
	}
	*i += dm[1]
	return true
}

func (p parts) dateline(s string) (dateline, bool) {
	rest := strings.TrimLeft(s[p.end:], " \t")
	if !followsSentence(rest) {
		return dateline{}, false
	}
	return dateline{place: p.place + regionName(p.region), month: p.month, day: p.day, year: p.year, at: len(s) - len(rest)}, true
}

// caps accepts "PLACE[, Region][, Month Day][ (Agency)] SEP Sentence".
// Without a separator it takes only "PLACE, REGION Sentence" and
// "PLACE (Agency)Sentence", shapes no ordinary sentence has.
func (p parts) caps(s string) (dateline, bool) {
	shape := p.place
	if rest, ok := strings.CutPrefix(shape, "THE "); ok && (p.region != "" || p.agency != "") {
		// "THE HAGUE, Netherlands (AP) —": the article is the name's
		// own; a region or an agency shows a dateline, not a heading.
		shape = rest
	}
	if !placeShape(shape, true) {
		return dateline{}, false
	}
	rest := strings.TrimLeft(s[p.end:], " \t")
	switch {
	case p.sep == ":" && !p.spacedAfter:
		return dateline{}, false // "THE RAID:LAST AUGUST" is a heading run into the text
	case p.sep == "" && p.agency == "" && (p.region == "" || p.region != strings.ToUpper(p.region) || !startsTitleWord(rest)):
		return dateline{}, false
	}
	return p.dateline(s)
}

// title accepts "Place - Sentence", "Place: Sentence" and "Place, Region
// (Agency) Sentence" on a long paragraph: every sentence starts in title
// case, so the checks are stricter than for capitals.
func (p parts) title(s string) (dateline, bool) {
	switch {
	case !placeShape(p.place, false) || len(s) < 100 || p.month != 0:
		return dateline{}, false
	case p.sep == "" && p.agency == "":
		return dateline{}, false
	case p.sep == ":" && (p.spacedBefore || !p.spacedAfter):
		return dateline{}, false
	case p.sep != "" && p.sep != ":" && (!p.spacedBefore || !p.spacedAfter || p.sep == "|"):
		return dateline{}, false // "Anti-government" is a word, not "Tikrit - Anti…"
	}
	return p.dateline(s)
}

// bareCapsDateline reads "KIEV Ukraine's parliament…" right after an archive
// date prefix, where the scraper dropped the dash.
func bareCapsDateline(s string) (dateline, bool) {
	p, ok := readParts(s, capsPlaceRE)
	if !ok || p.sep != "" || p.agency != "" || p.month != 0 || !placeShape(p.place, true) || len(p.place) < 4 {
		return dateline{}, false
	}
	if !startsTitleWord(strings.TrimLeft(s[p.end:], " ")) {
		return dateline{}, false
	}
	return p.dateline(s)
}

// wholeWords returns s[start:end] and end, less a last word the pattern
// took only the start of ("KIEV U" of "KIEV Ukraine's"); "" when no whole
// word is left.
func wholeWords(s string, start, end int) (string, int) {
	if end >= len(s) || !isLetter(s[end]) {
		return s[start:end], end
	}
	j := strings.LastIndexAny(s[start:end], " /")
	if j <= 0 {
		return "", start
	}
	return s[start : start+j], start + j
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// regionName keeps ", Ukraine" of ", Ukraine" and the first place of a
// double dateline ", BANGLADESH/YANGON".
func regionName(region string) string {
	if region == "" {
		return ""
	}
	if i := strings.IndexByte(region, '/'); i >= 0 {
		region = region[:i]
	}
	return ", " + strings.TrimSpace(strings.TrimPrefix(region, ","))
}

// placeShape: words a place name can be made of, none a label, agency or
// sentence opener, and not a newspaper's name.
func placeShape(place string, caps bool) bool {
	words := strings.Fields(place)
	if len(words) == 0 {
		return false
	}
	first, last := strings.ToLower(words[0]), strings.ToLower(words[len(words)-1])
	if notPlaceWords[first] || notPlaceWords[strings.TrimSuffix(first, ".")] || outletWords[last] {
		return false
	}
	letters := 0
	for _, r := range place {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			letters++
		}
	}
	if caps && len(words) == 1 && letters < 3 {
		return false // "AP", "US"
	}
	return letters >= 2
}

// followsSentence: what comes after a dateline is the story's first
// sentence: it starts like one and is not a shouted heading.
func followsSentence(rest string) bool {
	if len(rest) < 30 {
		return false
	}
	r := rest[0]
	if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.HasPrefix(rest, "\"") || strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "'")) {
		return false
	}
	lower := 0
	for _, c := range rest {
		if c >= 'a' && c <= 'z' {
			lower++
		}
	}
	return lower*3 > len(rest)
}

// startsTitleWord: the text starts with a capitalised word that is not all
// capitals ("Ukraine's", "Myanmar").
func startsTitleWord(s string) bool {
	return len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z'
}
