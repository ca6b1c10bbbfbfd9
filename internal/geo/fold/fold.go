// Package fold normalises place names for matching. It is apart from
// package geo so that the asset generator can use it without the embedded
// assets it is about to write.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// special maps letters that Unicode decomposition leaves whole to the ASCII
// spelling an English writer would use.
var special = map[rune]string{
	'ß': "ss", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'đ': "d", 'Đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
	'ʻ': "", 'ʼ': "", '‘': "", '’': "", '´': "",
}

// Fold turns a place name into the key the gazetteer indexes by: lower case,
// accents stripped ("Zürich" → "zurich"), apostrophes and dots dropped,
// other punctuation turned into spaces, and runs of single letters joined
// ("U.S." → "us", "Washington, D. C." → "washington dc") so that the common
// spellings of one name meet.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s) // splits "ü" into "u" and a mark to drop
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				b.WriteByte(byte(r))
			case 'A' <= r && r <= 'Z':
				b.WriteByte(byte(r) + 'a' - 'A')
			case r == '.' || r == '\'' || r == '`':
				// dropped: "U.S." → "us", "Pal'mira" → "palmira"
			default:
				b.WriteByte(' ')
			}
			continue
		}
		if rep, ok := special[r]; ok {
			b.WriteString(rep)
			continue
		}
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	out := words[:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		if len(w) == 1 {
			for i+1 < len(words) && len(words[i+1]) == 1 {
				i++
				w += words[i]
			}
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}
