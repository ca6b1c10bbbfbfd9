package briefing

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"sync"
	"unicode"

	"github.com/briefingatlas/atlas/assets"
	"github.com/go-text/typesetting/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// The PDF sets text in the Go fonts and falls back, run by run, to the
// embedded Noto fonts for what they cannot print: Noto Naskh Arabic for the
// Arabic script, Noto Sans Hebrew for Hebrew, Noto Sans for Latin, Greek and
// Cyrillic letters the Go fonts lack. The families are fpdf font names.
const (
	famGo     = fontFamily
	famNoto   = "noto"
	famArabic = "naskh"
	famHebrew = "hebrew"
)

// pdfFont is one font file in one style, as fpdf embeds it and as the
// shaper reads it.
type pdfFont struct {
	family, style string
	// ttf is what fpdf embeds. For the fonts whose text is shaped (Arabic,
	// Hebrew) it is the file with every glyph given a code point: fpdf
	// addresses glyphs by character only, and a shaped run holds contextual
	// forms and ligatures that have none of their own.
	ttf []byte
	// face is the font as the shaper reads it (the original file).
	face *font.Face
	// glyphRune is the character written to fpdf for a shaped glyph: the
	// glyph's own character where the font has one (so that even a reader
	// ignoring ActualText extracts a real letter), else one in the Private
	// Use Area of the augmented cmap.
	glyphRune map[font.GID]rune
	// has reports whether the font has a glyph for r.
	has func(r rune) bool
	// shaped is true for fonts whose runs go through the shaper.
	shaped bool
}

type fontKey struct{ family, style string }

var (
	fontsOnce sync.Once
	fontsErr  error
	fontTable map[fontKey]*pdfFont
)

// loadFonts parses the embedded fonts once per process.
func loadFonts() (map[fontKey]*pdfFont, error) {
	fontsOnce.Do(func() {
		fontTable, fontsErr = parseFonts()
	})
	return fontTable, fontsErr
}

func parseFonts() (map[fontKey]*pdfFont, error) {
	t := map[fontKey]*pdfFont{}
	add := func(family, style string, ttf []byte, shaped bool) error {
		f, err := font.ParseTTF(bytes.NewReader(ttf))
		if err != nil {
			return fmt.Errorf("parse font %s %s: %w", family, style, err)
		}
		pf := &pdfFont{family: family, style: style, ttf: ttf, face: f, shaped: shaped}
		pf.has = func(r rune) bool { _, ok := f.NominalGlyph(r); return ok }
		if shaped {
			if pf.ttf, pf.glyphRune, err = encodeAllGlyphs(ttf, f); err != nil {
				return fmt.Errorf("font %s %s: %w", family, style, err)
			}
		}
		t[fontKey{family, style}] = pf
		return nil
	}
	read := func(name string) []byte {
		b, err := assets.Fonts.ReadFile("fonts/" + name)
		if err != nil {
			panic(fmt.Sprintf("briefing: embedded font %s: %v", name, err)) // a broken build, not a user error
		}
		return b
	}
	files := []struct {
		family, style string
		ttf           []byte
		shaped        bool
	}{
		{famGo, "", goregular.TTF, false},
		{famGo, "B", gobold.TTF, false},
		{famGo, "I", goitalic.TTF, false},
		{famGo, "BI", gobolditalic.TTF, false},
		{famNoto, "", read("NotoSans-Regular.ttf"), false},
		{famNoto, "B", read("NotoSans-Bold.ttf"), false},
		{famNoto, "I", read("NotoSans-Italic.ttf"), false},
		{famNoto, "BI", read("NotoSans-BoldItalic.ttf"), false},
		// Naskh and Hebrew have no italics: an italic run takes the upright face.
		{famArabic, "", read("NotoNaskhArabic-Regular.ttf"), true},
		{famArabic, "B", read("NotoNaskhArabic-Bold.ttf"), true},
		{famHebrew, "", read("NotoSansHebrew-Regular.ttf"), true},
		{famHebrew, "B", read("NotoSansHebrew-Bold.ttf"), true},
	}
	for _, f := range files {
		if err := add(f.family, f.style, f.ttf, f.shaped); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// fontFor returns the font of a family in a text style; families without
// italics give their upright face.
func fontFor(t map[fontKey]*pdfFont, family string, st textStyle) *pdfFont {
	style := fpdfStyle(st)
	if f, ok := t[fontKey{family, style}]; ok {
		return f
	}
	if st.bold {
		return t[fontKey{family, "B"}]
	}
	return t[fontKey{family, ""}]
}

func fpdfStyle(st textStyle) string {
	style := ""
	if st.bold {
		style += "B"
	}
	if st.italic {
		style += "I"
	}
	return style
}

// familyFor picks the family a character is set in: its script's font for
// Arabic and Hebrew, else the Go font when it has the glyph, else Noto Sans.
// ok is false for characters that belong to no script (spaces, punctuation,
// digits, combining marks): they take the family of the text around them.
func familyFor(t map[fontKey]*pdfFont, r rune) (family string, ok bool) {
	switch {
	case unicode.Is(unicode.Arabic, r):
		return famArabic, true
	case unicode.Is(unicode.Hebrew, r):
		return famHebrew, true
	case unicode.Is(unicode.Common, r) || unicode.Is(unicode.Inherited, r):
		return "", false
	case t[fontKey{famGo, ""}].has(r):
		return famGo, true
	}
	return famNoto, true
}

// encodeAllGlyphs gives every glyph of a font that has no character in its
// cmap one in the Private Use Area (U+E000 on), and returns the font with
// that cmap, plus the character to write for each glyph. fpdf embeds a
// subset of a font by characters, so this is how a shaped glyph (a
// contextual form, a ligature) can be printed by its glyph id; the
// ActualText around shaped runs gives the text layer the real characters.
func encodeAllGlyphs(ttf []byte, f *font.Face) ([]byte, map[font.GID]rune, error) {
	tables, err := sfntTables(ttf)
	if err != nil {
		return nil, nil, err
	}
	maxp, ok := tables["maxp"]
	if !ok || len(maxp) < 6 {
		return nil, nil, fmt.Errorf("no maxp table")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	code := map[rune]font.GID{}
	glyphRune := map[font.GID]rune{}
	for it := f.Cmap.Iter(); it.Next(); {
		r, g := it.Char()
		if r > 0xFFFF || g == 0 {
			continue // fpdf writes BMP characters only
		}
		code[r] = g
		if old, ok := glyphRune[g]; !ok || r < old {
			glyphRune[g] = r // the lowest: the base letter before its presentation forms
		}
	}
	next := rune(0xE000)
	for g := font.GID(1); int(g) < numGlyphs; g++ {
		if _, ok := glyphRune[g]; ok {
			continue
		}
		for _, used := code[next]; used; _, used = code[next] {
			next++
		}
		if next > 0xF8FF {
			return nil, nil, fmt.Errorf("%d glyphs do not fit the Private Use Area", numGlyphs)
		}
		code[next], glyphRune[g] = g, next
		next++
	}
	cmap := cmapFormat4(code)
	if len(cmap)-12 > 0xFFFF {
		return nil, nil, fmt.Errorf("cmap of %d characters too long for format 4", len(code))
	}
	tables["cmap"] = cmap
	return sfntBuild(ttf, tables), glyphRune, nil
}

// sfntTables reads the table directory of a TrueType file.
func sfntTables(ttf []byte) (map[string][]byte, error) {
	if len(ttf) < 12 {
		return nil, fmt.Errorf("font file too short")
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, fmt.Errorf("font table directory cut short")
	}
	out := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		off, l := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(l) > uint64(len(ttf)) {
			return nil, fmt.Errorf("font table %q outside the file", rec[:4])
		}
		out[string(rec[:4])] = ttf[off : off+l]
	}
	return out, nil
}

// sfntBuild writes a TrueType file from its tables, in tag order, each
// 4-byte aligned with its checksum. fpdf recomputes the head checksum
// adjustment when it writes the subset.
func sfntBuild(orig []byte, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	var buf bytes.Buffer
	buf.Write(orig[:4]) // sfnt version
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	sr := 16 << es
	for _, v := range []int{n, sr, es, n*16 - sr} {
		binary.Write(&buf, binary.BigEndian, uint16(v))
	}
	off := 12 + 16*n
	var body bytes.Buffer
	for _, t := range tags {
		data := tables[t]
		binary.Write(&buf, binary.BigEndian, []byte(t))
		binary.Write(&buf, binary.BigEndian, tableChecksum(data))
		binary.Write(&buf, binary.BigEndian, uint32(off+body.Len()))
		binary.Write(&buf, binary.BigEndian, uint32(len(data)))
		body.Write(data)
		for body.Len()%4 != 0 {
			body.WriteByte(0)
		}
	}
	buf.Write(body.Bytes())
	return buf.Bytes()
}

func tableChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// cmapFormat4 builds a cmap table with one Windows Unicode BMP subtable
// (the one fpdf reads) mapping the given characters; each run of
// consecutive characters is one segment addressing the glyph array.
func cmapFormat4(code map[rune]font.GID) []byte {
	rs := make([]rune, 0, len(code))
	for r := range code {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	type seg struct{ start, end rune }
	var segs []seg
	for _, r := range rs {
		if r == 0xFFFF {
			continue
		}
		if len(segs) > 0 && segs[len(segs)-1].end == r-1 {
			segs[len(segs)-1].end = r
		} else {
			segs = append(segs, seg{r, r})
		}
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF}) // the required last segment
	n := len(segs)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	sr := 2 << es
	var glyphs []uint16
	var ends, starts, deltas, rangeOffs []uint16
	for i, s := range segs {
		ends, starts = append(ends, uint16(s.end)), append(starts, uint16(s.start))
		if s.start == 0xFFFF {
			deltas, rangeOffs = append(deltas, 1), append(rangeOffs, 0)
			continue
		}
		deltas = append(deltas, 0)
		// The offset is counted in bytes from this idRangeOffset entry to the
		// segment's first entry in the glyph array behind the offset table.
		rangeOffs = append(rangeOffs, uint16(2*(n-i+len(glyphs))))
		for r := s.start; r <= s.end; r++ {
			glyphs = append(glyphs, uint16(code[r]))
		}
	}
	sub := []uint16{4, 0, 0, uint16(2 * n), uint16(sr), uint16(es), uint16(2*n - sr)}
	sub = append(sub, ends...)
	sub = append(sub, 0) // reservedPad
	sub = append(sub, starts...)
	sub = append(sub, deltas...)
	sub = append(sub, rangeOffs...)
	sub = append(sub, glyphs...)
	sub[1] = uint16(2 * len(sub)) // length
	var buf bytes.Buffer
	for _, v := range []uint16{0, 1, 3, 1} { // version, one subtable: platform 3, encoding 1
		binary.Write(&buf, binary.BigEndian, v)
	}
	binary.Write(&buf, binary.BigEndian, uint32(12)) // its offset
	binary.Write(&buf, binary.BigEndian, sub)
	return buf.Bytes()
}
