package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is one word or punctuation mark of a sentence, with its byte offsets
// into the article text. Possessive endings are split off ("Kerry's" →
// "Kerry" + "'s") so that names match across forms.
type tok struct {
	s, e   int
	text   string // as written
	low    string // lower case, curly apostrophes straightened
	word   bool   // letters or digits
	cap    bool   // starts with an upper-case letter
	upper  bool   // all letters upper case, at least two letters ("HNC", "U.S.")
	num    bool   // starts with a digit
	quoted bool   // inside quotation marks (speech, not short scare quotes)
	scare  bool   // a quotation mark around at most five words
	first  bool   // first word of its sentence
}

// tokenize splits text[start:end] into tokens.
func tokenize(dst []tok, text, low string, start, end int) []tok {
	base := len(dst)
	dst = tokenizeRaw(dst, text, low, start, end)
	unquoteShort(dst[base:])
	return dst
}

// unquoteShort treats quotation marks around at most five words as scare
// quotes or a name ("a “target schedule”"), not as reported speech.
func unquoteShort(toks []tok) {
	for o := 0; o < len(toks); o++ {
		if toks[o].low != `"` || o+1 >= len(toks) || !toks[o+1].quoted {
			continue
		}
		words := 0
		c := o + 1
		for c < len(toks) && toks[c].low != `"` {
			if toks[c].word {
				words++
			}
			c++
		}
		if c < len(toks) && words <= 5 {
			for k := o + 1; k < c; k++ {
				toks[k].quoted = false
			}
			toks[o].scare, toks[c].scare = true, true
		}
		o = c
	}
}

// tokenizeRaw splits text[start:end] into tokens and marks quoted ones.
func tokenizeRaw(dst []tok, text, lowText string, start, end int) []tok {
	base := len(dst)
	i := start
	firstWord := true
	inQuote := false
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r) || r == 0xA0 || r == 0xFEFF:
			i += n
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:end])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				// A thousands separator inside a number: "30,000".
				if r2 == ',' && thousands(text, j, end) {
					j += 4
					continue
				}
				// Joiners inside a word: hyphen, dot between letters/digits
				// ("U.S", "2.5"), apostrophe not starting a possessive.
				if (r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’' || r2 == '&') && j+n2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+n2 : end])
					if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						if (r2 == '\'' || r2 == '’') && isPossessive(text, j+n2, end) {
							break
						}
						j += n2
						continue
					}
				}
				break
			}
			// A dotted acronym keeps its final dot: "U.S." "a.m.".
			if j < end && text[j] == '.' && strings.Contains(text[i:j], ".") && len(text[i:j]) <= 6 {
				j++
			}
			t := tok{s: i, e: j, text: text[i:j], word: true, quoted: inQuote, first: firstWord}
			t.low = lowerWord(t.text, lowText, i, j)
			t.cap = unicode.IsUpper(r)
			t.num = unicode.IsDigit(r)
			t.upper = isUpperWord(t.text)
			dst = append(dst, t)
			firstWord = false
			i = j
		default:
			doubled := (r == '`' || r == '\'') && i+1 < end && text[i+1] == byte(r)
			if !doubled && (r == '\'' || r == '’') && isPossessive(text, i+n, end) && len(dst) > 0 && dst[len(dst)-1].e == i {
				// possessive 's or s'
				j := i + n
				if j < end && (text[j] == 's' || text[j] == 'S') {
					j++
				}
				dst = append(dst, tok{s: i, e: j, text: text[i:j], low: "'s", word: false, quoted: inQuote})
				i = j
				continue
			}
			if doubled {
				// `` and '' (typewriter quotes in some feeds) open and close.
				n = 2
				if r == '`' {
					r = '“'
				} else {
					r = '”'
				}
			}
			if r == '"' || r == '“' || r == '”' {
				opening := r == '“'
				if r == '"' {
					// A straight quote opens after a space or at the start.
					opening = i == start
					if !opening {
						p, _ := utf8.DecodeLastRuneInString(text[:i])
						opening = unicode.IsSpace(p) || p == '(' || p == '—' || p == '-'
					}
				}
				if opening {
					inQuote = true
				} else {
					if !inQuote {
						// The quotation began in an earlier sentence.
						for k := base; k < len(dst); k++ {
							dst[k].quoted = true
						}
					}
					inQuote = false
				}
				dst = append(dst, tok{s: i, e: i + n, text: text[i : i+n], low: `"`})
				i += n
				continue
			}
			low := text[i : i+n]
			if r == '—' || r == '–' {
				low = "--"
			}
			// "--" as one token.
			if r == '-' && i+1 < end && text[i+1] == '-' {
				n = 2
				low = "--"
			}
			dst = append(dst, tok{s: i, e: i + n, text: text[i : i+n], low: low, quoted: inQuote})
			i += n
		}
	}
	return dst
}

// isPossessive reports whether the text after an apostrophe is a possessive
// "s" (or nothing, for "States'").
func isPossessive(text string, j, end int) bool {
	if j >= end {
		return true
	}
	c := text[j]
	if c == 's' || c == 'S' {
		if j+1 >= end {
			return true
		}
		r, _ := utf8.DecodeRuneInString(text[j+1 : end])
		return !unicode.IsLetter(r)
	}
	r, _ := utf8.DecodeRuneInString(text[j:end])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// lowerWord lowers a word and straightens curly apostrophes. ASCII words
// are cut from lowText (the text with ASCII letters lowered, same offsets),
// so that tokenizing allocates nothing per word.
func lowerWord(s, lowText string, i, j int) string {
	if lowText != "" {
		ascii := true
		for k := 0; k < len(s); k++ {
			if s[k] >= 0x80 {
				ascii = false
				break
			}
		}
		if ascii {
			return lowText[i:j]
		}
	}
	return lowerASCIIish(s)
}

// lowerASCII returns text with ASCII letters lowered; offsets are unchanged.
func lowerASCII(text string) string {
	b := []byte(text)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// lowerASCIIish lowers a word and straightens curly apostrophes, without
// allocating for words that are already lower case ASCII.
func lowerASCIIish(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.ReplaceAll(s, "’", "'")
	return strings.ToLower(s)
}

// thousands reports a comma at text[j] between a digit and a group of
// exactly three digits: "30,000", but not "1,2" or "5, 000".
func thousands(text string, j, end int) bool {
	if j == 0 || text[j-1] < '0' || text[j-1] > '9' || j+4 > end {
		return false
	}
	for k := j + 1; k <= j+3; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return j+4 == end || text[j+4] < '0' || text[j+4] > '9'
}
