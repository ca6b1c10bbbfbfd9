package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds. The tagger works on tokens rather than on regular expressions
// because news dates span punctuation ("Feb. 27", "March 24, 2016") and the
// rules need to look at neighbouring words (tense, prepositions) cheaply.
const (
	kWord  = 'w'
	kNum   = 'n'
	kPunct = 'p'
)

// token is one word, number or punctuation mark of the input.
type token struct {
	s, e  int    // byte offsets into the text
	kind  byte   // kWord, kNum or kPunct
	low   string // lower-cased word, the digits, or the punctuation (normalised: ’ → ', – — → -)
	n     int    // value of a number token (capped), 0 otherwise
	nd    int    // number of digits of a number token
	sp    bool   // whitespace precedes the token
	nl    bool   // a line break precedes the token: a hard boundary
	upper bool   // the word starts with an upper-case letter
}

// tokenize splits text[lo:hi] into tokens with offsets into text. It
// appends to toks and lower-cases only words that contain capitals.
func tokenize(text string, lo, hi int, toks []token) []token {
	sp, nl := true, true
	for i := lo; i < hi; {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			sp = true
			i++
			continue
		case c == '\n':
			sp, nl = true, true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i
			n := 0
			for j < hi && text[j] >= '0' && text[j] <= '9' {
				if n < 1e8 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			toks = append(toks, token{s: i, e: j, kind: kNum, low: text[i:j], n: n, nd: j - i, sp: sp, nl: nl})
			i = j
		case c < utf8.RuneSelf && isASCIILetter(c):
			j, upper, hasUpper := i, c >= 'A' && c <= 'Z', false
			for j < hi {
				d := text[j]
				if d < utf8.RuneSelf {
					if !isASCIILetter(d) {
						break
					}
					if d >= 'A' && d <= 'Z' {
						hasUpper = true
					}
					j++
					continue
				}
				r, size := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) {
					break
				}
				hasUpper = true // let ToLower handle it
				j += size
			}
			w := text[i:j]
			if hasUpper {
				w = strings.ToLower(w)
			}
			toks = append(toks, token{s: i, e: j, kind: kWord, low: w, sp: sp, nl: nl, upper: upper})
			i = j
		case c < utf8.RuneSelf:
			toks = append(toks, token{s: i, e: i + 1, kind: kPunct, low: text[i : i+1], sp: sp, nl: nl})
			i++
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == '\u00a0' || unicode.IsSpace(r) {
				sp = true
				if r == '\u2028' || r == '\u2029' {
					nl = true
				}
				i += size
				continue
			}
			if unicode.IsLetter(r) {
				j := i + size
				for j < hi {
					r2, s2 := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r2) {
						break
					}
					j += s2
				}
				toks = append(toks, token{s: i, e: j, kind: kWord, low: strings.ToLower(text[i:j]), sp: sp, nl: nl, upper: unicode.IsUpper(r)})
				i = j
				break
			}
			low := text[i : i+size]
			switch r {
			case '\u2019', '\u2018', '\u02bc':
				low = "'"
			case '\u2013', '\u2014', '\u2012', '\u2010', '\u2011', '\u2212':
				low = "-"
			case '\u201c', '\u201d':
				low = "\""
			}
			toks = append(toks, token{s: i, e: i + size, kind: kPunct, low: low, sp: sp, nl: nl})
			i += size
		}
		sp, nl = false, false
	}
	return toks
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
