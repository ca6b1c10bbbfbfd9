// Package sentence splits news text into sentences with byte offsets into
// the original text, so that every excerpt shown to the user can be traced
// back to the exact bytes it came from.
//
// The rules are tuned for English news prose: abbreviations ("U.S.", "Feb.",
// "Sen."), initials ("John F. Kennedy") and decimals do not end a sentence;
// closing quotes and brackets stay with the sentence they close; a line
// break ends a sentence unless the next line visibly continues it (starts in
// lower case after a line without final punctuation), which keeps
// headlines, bylines and captions apart from the body.
package sentence

import (
	"unicode"
	"unicode/utf8"

	"github.com/briefingatlas/atlas/internal/model"
)

// abbreviations are words that are usually followed by a period without
// ending the sentence. Keys are lower case without the period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"sen": true, "rep": true, "gov": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "sgt": true, "adm": true, "cmdr": true, "pres": true,
	"rev": true, "hon": true, "jr": true, "sr": true, "messrs": true, "mt": true, "ft": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
	"no": true, "nos": true, "vol": true, "vs": true, "etc": true, "approx": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "dept": true, "univ": true,
	"est": true, "fig": true, "ca": true, "cf": true, "al": true,
}

// starters are words that typically open a sentence; after an
// abbreviation that can also end one ("U.S.", "Inc.") they tip the balance.
var starters = map[string]bool{
	"the": true, "but": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "this": true, "that": true, "these": true, "those": true,
	"in": true, "on": true, "a": true, "an": true, "and": true, "his": true, "her": true,
	"their": true, "its": true, "there": true, "however": true, "meanwhile": true,
	"officials": true, "after": true, "before": true, "while": true, "when": true,
}

// dottedAcronym reports letters separated by dots ("U.S", "a.m"): such an
// abbreviation may end a sentence when a typical opener follows it.
func dottedAcronym(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i%2 == 1 {
			if c != '.' {
				return false
			}
		} else if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// Split returns the sentences of text as trimmed, non-empty byte spans in
// order.
func Split(text string) []model.Span {
	return AppendSplit(nil, text, 0, len(text))
}

// AppendSplit appends to dst the sentences of text[start:end] (offsets into
// text) and returns the extended slice. It lets callers skip regions such
// as scraping noise without copying the text.
func AppendSplit(dst []model.Span, text string, start, end int) []model.Span {
	s := start // start of the current sentence (may be whitespace)
	i := start
	for i < end {
		c := text[i]
		switch {
		case c == '\n':
			// Paragraph or line break.
			j := i
			nl := 0
			for j < end && (text[j] == '\n' || text[j] == '\r' || text[j] == ' ' || text[j] == '\t') {
				if text[j] == '\n' {
					nl++
				}
				j++
			}
			if nl >= 2 || !continues(text, s, i, j, end) {
				dst = emit(dst, text, s, i)
				s = j
			}
			i = j
			continue
		case c == '.' || c == '!' || c == '?' || (c == 0xE2 && i+2 < end && text[i+1] == 0x80 && text[i+2] == 0xA6): // … ellipsis
			j := i + 1
			if c == 0xE2 {
				j = i + 3
			}
			for j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
			// Closing quotes and brackets belong to this sentence.
			j = skipClosers(text, j, end)
			if j >= end {
				i = j
				continue
			}
			r, _ := utf8.DecodeRuneInString(text[j:])
			if c == '.' && j == i+1 && gluedSentence(text, s, i, j, end) {
				// "taken into custody.The report said": paragraphs joined
				// without a space by the page the text was copied from.
				dst = emit(dst, text, s, j)
				s = j
				i = j
				continue
			}
			if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != 0xA0 {
				i = j
				continue
			}
			k := j
			for k < end && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
				k++
			}
			if k < end && text[k] == '\n' {
				// The line break case handles it.
				i = j
				dst = emit(dst, text, s, j)
				s = j
				continue
			}
			if k >= end {
				i = k
				continue
			}
			if c == '.' && j == i+1 && !periodEnds(text, s, i, k, end) {
				i = j
				continue
			}
			if !opensSentence(text, k, end) {
				i = j
				continue
			}
			dst = emit(dst, text, s, j)
			s = k
			i = k
			continue
		}
		i++
	}
	return emit(dst, text, s, end)
}

// gluedSentence reports a period at p with the next sentence's first word
// right after it at j, no space between: a lower-case word of three
// letters or more before it ("custody.The"), a capitalised word after it
// ("The", not "COM" or "js"). Abbreviations and web addresses do not look
// like that.
func gluedSentence(text string, s, p, j, end int) bool {
	w := p
	for w > s {
		r, n := utf8.DecodeLastRuneInString(text[s:w])
		if !unicode.IsLetter(r) {
			break
		}
		w -= n
	}
	word := text[w:p]
	if utf8.RuneCountInString(word) < 3 || lower(word) != word || abbreviations[word] {
		return false
	}
	if w > s {
		// "example.com/News", "mail@host.Org", "v2.Beta": not prose.
		if r, _ := utf8.DecodeLastRuneInString(text[s:w]); r == '.' || r == '/' || r == '@' || unicode.IsDigit(r) || r == '_' {
			return false
		}
	}
	r1, n1 := utf8.DecodeRuneInString(text[j:end])
	if !unicode.IsUpper(r1) || j+n1 >= end {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(text[j+n1 : end])
	return unicode.IsLower(r2)
}

// skipClosers moves past closing quotes and brackets.
func skipClosers(text string, j, end int) int {
	for j < end {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch r {
		case '"', '\'', '”', '’', ')', ']', '»':
			j += n
			continue
		}
		break
	}
	return j
}

// continues reports whether the line that starts at next continues the
// sentence begun at s and broken at brk: the line before has no final
// punctuation and the next one starts in lower case.
func continues(text string, s, brk, next, end int) bool {
	if next >= end {
		return false
	}
	k := brk
	for k > s && (text[k-1] == ' ' || text[k-1] == '\t' || text[k-1] == '\r') {
		k--
	}
	if k == s {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text[s:k])
	switch last {
	case '.', '!', '?', '"', '”', ':', '’', ')':
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[next:])
	return unicode.IsLower(r)
}

// periodEnds decides whether a single period at p (with the next sentence
// candidate at k) ends a sentence, by looking at the word before it.
func periodEnds(text string, s, p, k, end int) bool {
	w := p
	for w > s {
		r, n := utf8.DecodeLastRuneInString(text[s:w])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' {
			w -= n
			continue
		}
		break
	}
	word := text[w:p]
	if word == "" {
		return true
	}
	// Single initial: "John F. Kennedy".
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(r) {
		return false
	}
	lw := lower(word)
	if abbreviations[lw] {
		return false
	}
	if dottedAcronym(word) {
		// "U.S. Secretary" continues; "the U.S. The Kremlin" ends.
		return starters[lower(nextWord(text, k, end))]
	}
	return true
}

// opensSentence reports whether the text at k can start a sentence.
func opensSentence(text string, k, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[k:end])
	switch {
	case unicode.IsUpper(r), unicode.IsDigit(r):
		return true
	case r == '"' || r == '“' || r == '\'' || r == '‘' || r == '(' || r == '[' || r == '—' || r == '–' || r == '-' || r == '«':
		return true
	}
	return false
}

func nextWord(text string, k, end int) string {
	j := k
	for j < end {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return text[k:j]
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// emit appends the trimmed span [a,b) if it holds any letter or digit.
func emit(dst []model.Span, text string, a, b int) []model.Span {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if unicode.IsSpace(r) || r == 0xFEFF {
			a += n
			continue
		}
		break
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if unicode.IsSpace(r) {
			b -= n
			continue
		}
		break
	}
	if a >= b {
		return dst
	}
	for _, r := range text[a:b] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return append(dst, model.Span{Start: a, End: b})
		}
	}
	return dst
}
