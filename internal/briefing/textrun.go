package briefing

import (
	"github.com/briefingatlas/atlas/internal/bidiorder"

	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"

	"github.com/go-pdf/fpdf"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// Text that the Go fonts print on their own, left to right, goes to fpdf as
// it is (the fast path, and every line of an English briefing). Any other
// line is laid out here: split by bidi level and by font, Arabic and Hebrew
// runs shaped by go-text (HarfBuzz: contextual forms, lam-alef and other
// ligatures, mark positions, mirrored brackets), the runs put in visual
// order (UAX #9 rule L2), and each shaped glyph written by its glyph id
// (see encodeAllGlyphs), left to right as it is seen, as every PDF maker
// writes right-to-left text. The text layer then holds each glyph's own
// character: the letter itself or its Arabic presentation form, which
// readers (poppler's pdftotext, pdf.js, Acrobat) normalise and put back in
// logical order. A glyph without a character that reads back as what it
// stands for (a contextual alternate, a ligature) is wrapped in a
// marked-content span whose ActualText is its cluster as written.

// shapeEm is the size runs are shaped at: 1000 units to the em, so that a
// layout serves every type size.
const shapeEm = 1000

// rlm is the right-to-left mark that wrap puts before a line of a
// right-to-left paragraph that opens with a left-to-right word, so that the
// line is still laid out right to left on its own.
const rlm = '\u200F'

// textRuns is the set of fonts and laid-out lines one PDF shares: fpdf
// fonts are registered on first use, so that a briefing without Arabic does
// not embed the Arabic font.
type textRuns struct {
	pdf        *fpdf.Fpdf
	fonts      map[fontKey]*pdfFont
	registered map[fontKey]bool
	lines      map[lineKey]*lineLayout
	err        error
}

type lineKey struct {
	style string
	s     string
}

func newTextRuns(pdf *fpdf.Fpdf) *textRuns {
	fonts, err := loadFonts()
	return &textRuns{pdf: pdf, fonts: fonts, err: err, registered: map[fontKey]bool{}, lines: map[lineKey]*lineLayout{}}
}

// lineLayout is one line in visual order, in ems.
type lineLayout struct {
	runs    []visualRun
	width   float64
	logical string // the line as written, without bidi marks
	rtl     bool   // whether any of it is laid out right to left
}

// visualRun is a piece of a line in one font, in visual order.
type visualRun struct {
	f      *pdfFont
	text   string        // the run as written
	glyphs []placedGlyph // left to right
}

// placedGlyph is a character to write with its advance and offsets in ems.
// natural is true when it sits where fpdf would put it after the glyph
// before (font advance, no offset), so that such glyphs go out as one string.
type placedGlyph struct {
	r              rune
	adv, dx, dy    float64
	natural, drawn bool
	// actual, when set, is the text the glyph stands for, written as its
	// ActualText: for a glyph whose own character (a Private Use one, or a
	// ligature's) does not read back as its cluster. hasActual tells an empty
	// one (the second glyph of a cluster already given) from none.
	actual    string
	hasActual bool
}

var (
	goCoverOnce sync.Once
	goCover     []bool // BMP characters the Go regular font has
)

// plain reports whether the Go fonts print s as it is: every character is in
// them and none is written right to left.
func plain(s string) bool {
	goCoverOnce.Do(func() {
		goCover = make([]bool, 0x10000)
		t, err := loadFonts()
		if err != nil {
			return
		}
		for it := t[fontKey{famGo, ""}].face.Cmap.Iter(); it.Next(); {
			if r, _ := it.Char(); r < 0x10000 {
				goCover[r] = true
			}
		}
	})
	if goCover == nil { // no fonts: fpdf as before
		return true
	}
	for _, r := range s {
		if r >= 0x10000 || (!goCover[r] && r != '\n') {
			return false
		}
		if c := bidiClass(r); c == bidi.R || c == bidi.AL || c == bidi.AN {
			return false
		}
	}
	return true
}

func bidiClass(r rune) bidi.Class {
	p, _ := bidi.LookupRune(r)
	return p.Class()
}

// isBidiControl reports the invisible marks and embeddings that steer the
// bidi algorithm; they are not drawn.
func isBidiControl(r rune) bool {
	return r == '\u200E' || r == '\u200F' || r == '\u061C' || (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// layout lays a line out, once per style and text.
func (t *textRuns) layout(s string, st textStyle) *lineLayout {
	k := lineKey{fmt.Sprintf("%v%v", st.bold, st.italic), s}
	if l, ok := t.lines[k]; ok {
		return l
	}
	l := layoutLine(t.fonts, s, st)
	t.lines[k] = l
	return l
}

// width is the width of s in millimetres.
func (t *textRuns) width(s string, st textStyle) float64 {
	s = clean(s)
	if t.err != nil || plain(s) {
		t.setFont(famGo, st)
		return t.pdf.GetStringWidth(s)
	}
	return t.layout(s, st).width * st.size * ptToMM
}

// setFont selects a family in a style, registering it with fpdf first.
func (t *textRuns) setFont(family string, st textStyle) {
	if family == famGo {
		t.pdf.SetFont(famGo, fpdfStyle(st), st.size)
		return
	}
	f := fontFor(t.fonts, family, st)
	k := fontKey{f.family, f.style}
	if !t.registered[k] {
		t.pdf.AddUTF8FontFromBytes(f.family, f.style, f.ttf)
		t.registered[k] = true
	}
	t.pdf.SetFont(f.family, f.style, st.size)
}

// draw writes s with its baseline at y, starting at x, and leaves the Go
// font of the style selected.
func (t *textRuns) draw(x, y float64, s string, st textStyle) {
	s = clean(s)
	if t.err != nil || plain(s) {
		t.setFont(famGo, st)
		t.pdf.Text(x, y, s)
		return
	}
	l := t.layout(s, st)
	em := st.size * ptToMM
	for _, run := range l.runs {
		t.setFont(run.f.family, st)
		var pending []rune
		px := x
		flush := func() {
			if len(pending) > 0 {
				t.pdf.Text(px, y, string(pending))
				pending = pending[:0]
			}
		}
		for _, g := range run.glyphs {
			if g.drawn && g.natural && !g.hasActual {
				if len(pending) == 0 {
					px = x
				}
				pending = append(pending, g.r)
			} else {
				flush()
				if g.drawn {
					if g.hasActual {
						t.pdf.RawWriteStr("/Span <</ActualText " + pdfTextString(g.actual) + ">> BDC\n")
					}
					t.pdf.Text(x+g.dx*em, y-g.dy*em, string(g.r))
					if g.hasActual {
						t.pdf.RawWriteStr("EMC\n")
					}
				}
			}
			x += g.adv * em
		}
		flush()
	}
	t.setFont(famGo, st)
}

// pdfTextString is s as a PDF text string in UTF-16 with a byte-order mark.
func pdfTextString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// layoutLine splits a line by bidi level and font, shapes the runs that
// need it and orders them visually.
func layoutLine(fonts map[fontKey]*pdfFont, s string, st textStyle) *lineLayout {
	rs := []rune(s)
	levels := bidiLevels(s, len(rs))
	fams := runFamilies(fonts, rs)
	logical := strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
	l := &lineLayout{logical: logical}
	// Runs of one level and one family, in logical order.
	type item struct {
		start, end, level int
		fam               string
	}
	var items []item
	for i, r := range rs {
		if isBidiControl(r) {
			continue
		}
		if n := len(items); n > 0 && items[n-1].end == i && items[n-1].level == levels[i] && items[n-1].fam == fams[i] {
			items[n-1].end = i + 1
			continue
		}
		items = append(items, item{i, i + 1, levels[i], fams[i]})
	}
	runs := make([]visualRun, len(items))
	runLevels := make([]int, len(items))
	for i, it := range items {
		f := fontFor(fonts, it.fam, st)
		rtl := it.level%2 == 1
		l.rtl = l.rtl || rtl
		if f.shaped {
			runs[i] = shapeRun(f, rs, it.start, it.end, rtl)
		} else {
			runs[i] = plainRun(f, rs[it.start:it.end], rtl)
		}
		runLevels[i] = it.level
		for _, g := range runs[i].glyphs {
			l.width += g.adv
		}
	}
	l.runs = reorder(runs, runLevels)
	return l
}

// bidiLevels gives each character its embedding level. golang.org/x/text
// tells the direction of each run; the level follows from it and the
// paragraph's direction: in a left-to-right paragraph, numbers between two
// right-to-left runs belong with them (level 2, as rule W2 and I1 make
// them), so that "قال 25 مرة" keeps its words in order around the number.
func bidiLevels(s string, n int) []int {
	iso, at := isolateQuotes([]rune(s))
	all := isoLevels(string(iso), len(iso))
	levels := make([]int, n)
	for i, j := range at {
		if j >= 0 && j < n {
			levels[j] = all[i]
		}
	}
	return levels
}

// Quotation marks that open and close a quotation in the briefing's text.
var quotePairs = map[rune]rune{'“': '”', '‘': '’', '«': '»', '"': '"'}

// isolateQuotes puts a first-strong isolate (FSI … PDI) inside every
// quotation whose text starts right to left, as a typesetter would set an
// Arabic headline or quotation in an English sentence: on its own, so that
// the comma and the date after “المحادثات في جنيف”, 24 Mar 2016 stay in
// the English order, and a quoted Arabic sentence keeps its full stop on
// its left. A quotation cut by a line end is isolated to the line's end or
// from its start. at maps each character of the result to its index in rs,
// -1 for the marks added.
func isolateQuotes(rs []rune) (out []rune, at []int) {
	const fsi, pdi = '⁨', '⁩'
	type mark struct {
		pos int
		r   rune
	}
	open := map[int]bool{}  // isolate after rs[i]
	close := map[int]bool{} // isolate before rs[i]
	var stack []mark
	firstClose := -1
	for i, r := range rs {
		if len(stack) > 0 && r == quotePairs[stack[len(stack)-1].r] {
			o := stack[len(stack)-1].pos
			stack = stack[:len(stack)-1]
			if rtlParagraph(string(rs[o+1 : i])) {
				open[o], close[i] = true, true
			}
			continue
		}
		if _, ok := quotePairs[r]; ok && r != '"' || (r == '"' && (i == 0 || !unicode.IsLetter(rs[i-1]))) {
			stack = append(stack, mark{i, r})
			continue
		}
		if firstClose < 0 && len(stack) == 0 && (r == '”' || r == '»' || r == '’') && !(r == '’' && i > 0 && unicode.IsLetter(rs[i-1]) && i+1 < len(rs) && unicode.IsLetter(rs[i+1])) {
			firstClose = i
		}
	}
	for _, m := range stack { // opened on this line, closed on a later one
		if rtlParagraph(string(rs[m.pos+1:])) {
			open[m.pos], close[len(rs)] = true, true
		}
	}
	if firstClose > 0 && rtlParagraph(string(rs[:firstClose])) { // opened on an earlier line
		open[-1], close[firstClose] = true, true
	}
	add := func(r rune, i int) { out, at = append(out, r), append(at, i) }
	if open[-1] {
		add(fsi, -1)
	}
	for i, r := range rs {
		if close[i] {
			add(pdi, -1)
		}
		add(r, i)
		if open[i] {
			add(fsi, -1)
		}
	}
	if close[len(rs)] {
		add(pdi, -1)
	}
	return out, at
}

// isoLevels gives each character of s its embedding level.
func isoLevels(s string, n int) []int {
	levels := make([]int, n)
	var p bidi.Paragraph
	if _, err := p.SetString(s); err != nil {
		return levels
	}
	o, err := p.Order()
	if err != nil {
		return levels
	}
	para := 0
	if !p.IsLeftToRight() {
		para = 1
	}
	type run struct {
		a, b int
		rtl  bool
	}
	runs := make([]run, o.NumRuns())
	for i := range runs {
		r := o.Run(i)
		a, b := r.Pos()
		runs[i] = run{a, b, r.Direction() == bidi.RightToLeft}
	}
	rs := []rune(s)
	for i, r := range runs {
		lv := para
		switch {
		case r.rtl:
			lv = 1
		case para == 1:
			lv = 2
		case i > 0 && i < len(runs)-1 && runs[i-1].rtl && runs[i+1].rtl && !hasStrongL(rs[r.a:r.b+1]):
			lv = 2
		}
		for j := r.a; j <= r.b && j < n; j++ {
			levels[j] = lv
		}
	}
	return levels
}

func hasStrongL(rs []rune) bool {
	for _, r := range rs {
		if bidiClass(r) == bidi.L {
			return true
		}
	}
	return false
}

// runFamilies picks a family for every character: its script's, or for
// spaces, punctuation and digits the family of the text before them when
// that font has them (so that a space between two Arabic words is shaped
// with them), else of the text after them.
func runFamilies(fonts map[fontKey]*pdfFont, rs []rune) []string {
	fams := make([]string, len(rs))
	own := make([]bool, len(rs))
	for i, r := range rs {
		fams[i], own[i] = familyFor(fonts, r)
	}
	has := func(fam string, r rune) bool { return fam != "" && fontFor(fonts, fam, textStyle{}).has(r) }
	for i, r := range rs {
		if own[i] {
			continue
		}
		switch {
		case i > 0 && has(fams[i-1], r):
			fams[i] = fams[i-1]
		default:
			next := ""
			for j := i + 1; j < len(rs); j++ {
				if own[j] {
					next = fams[j]
					break
				}
			}
			switch {
			case has(next, r):
				fams[i] = next
			case has(famGo, r):
				fams[i] = famGo
			default:
				fams[i] = famNoto
			}
		}
	}
	return fams
}

var shaper = struct {
	sync.Mutex
	h shaping.HarfbuzzShaper
}{}

// shapeRun shapes rs[a:b] with HarfBuzz; the glyphs come back left to right
// whatever the direction.
func shapeRun(f *pdfFont, rs []rune, a, b int, rtl bool) visualRun {
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	script, lang := language.Latin, language.NewLanguage("en")
	switch f.family {
	case famArabic:
		script, lang = language.Arabic, language.NewLanguage("ar")
	case famHebrew:
		script, lang = language.Hebrew, language.NewLanguage("he")
	}
	in := shaping.Input{Text: rs, RunStart: a, RunEnd: b, Direction: dir, Face: f.face,
		Size: fixed.I(shapeEm), Script: script, Language: lang}
	shaper.Lock()
	out := shaper.h.Shape(in)
	shaper.Unlock()
	upem := float64(f.face.Upem())
	toEm := func(v fixed.Int26_6) float64 { return float64(v) / 64 / shapeEm }
	run := visualRun{f: f, text: string(rs[a:b])}
	// What each cluster's glyphs read back as, to find those that need an
	// ActualText: Noto Naskh draws a letter as a dotless body and its dots,
	// and contextual forms have presentation-form characters or none.
	reads := map[int]string{}
	carrier := map[int]int{} // the glyph that holds a cluster's ActualText: the first on the baseline with an advance
	for i, g := range out.Glyphs {
		if r, ok := f.glyphRune[g.GlyphID]; ok && g.GlyphID != 0 {
			reads[g.ClusterIndex] += string(r)
		}
		c, seen := carrier[g.ClusterIndex]
		if !seen || (out.Glyphs[c].XAdvance == 0 && g.XAdvance != 0) {
			carrier[g.ClusterIndex] = i
		}
	}
	for i, g := range out.Glyphs {
		r, ok := f.glyphRune[g.GlyphID]
		pg := placedGlyph{r: r, adv: toEm(g.XAdvance), dx: toEm(g.XOffset), dy: toEm(g.YOffset), drawn: ok && g.GlyphID != 0}
		natural := float64(f.face.HorizontalAdvance(g.GlyphID)) / upem
		pg.natural = g.XOffset == 0 && g.YOffset == 0 && abs(natural-pg.adv) < 0.002
		cluster := string(rs[g.ClusterIndex : g.ClusterIndex+g.RuneCount])
		if reads[g.ClusterIndex] != cluster {
			// Every glyph of the cluster gets a span, the others empty, so
			// that the dots add nothing to the text layer.
			pg.hasActual = true
			if carrier[g.ClusterIndex] == i {
				pg.actual = cluster
			}
		}
		run.glyphs = append(run.glyphs, pg)
	}
	return run
}

// plainRun lays out characters fpdf can write as they are; a right-to-left
// one (punctuation inside Arabic set in the Go font) is reversed with its
// brackets mirrored.
func plainRun(f *pdfFont, rs []rune, rtl bool) visualRun {
	run := visualRun{f: f, text: string(rs)}
	upem := float64(f.face.Upem())
	for i := range rs {
		r := rs[i]
		if rtl {
			r = mirror(rs[len(rs)-1-i])
		}
		gid, ok := f.face.NominalGlyph(r)
		adv := float64(f.face.HorizontalAdvance(gid)) / upem
		if !ok {
			adv = float64(f.face.HorizontalAdvance(0)) / upem
		}
		run.glyphs = append(run.glyphs, placedGlyph{r: r, adv: adv, natural: true, drawn: true})
	}
	return run
}

// mirror is the Bidi_Mirroring_Glyph of the brackets and quotation marks
// news text holds.
func mirror(r rune) rune {
	const pairs = "()[]{}<>«»‹›"
	rs := []rune(pairs)
	for i, c := range rs {
		if c == r {
			return rs[i^1]
		}
	}
	return r
}

// reorder puts runs in visual order (UAX #9, L2).
func reorder(runs []visualRun, levels []int) []visualRun {
	out := make([]visualRun, len(runs))
	for i, k := range bidiorder.VisualOrder(levels) {
		out[i] = runs[k]
	}
	return out
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// rtlParagraph reports whether a paragraph's first strong character is
// written right to left (UAX #9, P2 and P3).
func rtlParagraph(s string) bool {
	depth := 0
	for _, r := range s {
		switch {
		case r == '\u2066' || r == '\u2067' || r == '\u2068':
			depth++
		case r == '\u2069' && depth > 0:
			depth--
		case depth > 0:
		case bidiClass(r) == bidi.L:
			return false
		case bidiClass(r) == bidi.R || bidiClass(r) == bidi.AL:
			return true
		}
	}
	return false
}

// wrapRuns breaks a paragraph that does not take the fast path into lines
// no wider than w, at spaces, measuring shaped words; a word wider than a
// line is cut between characters. The lines of a right-to-left paragraph
// that open with a left-to-right word get a leading RLM, so that each line
// keeps the paragraph's direction when laid out alone.
func (t *textRuns) wrapRuns(para string, st textStyle, w float64) []string {
	words := strings.Fields(para)
	space := t.width(" ", st)
	var lines []string
	var cur []string
	curW := 0.0
	for _, word := range words {
		ww := t.width(word, st)
		for ww > w && len([]rune(word)) > 1 {
			// Cut the word where it still fits on a line of its own.
			if len(cur) > 0 {
				lines = append(lines, strings.Join(cur, " "))
				cur, curW = nil, 0
			}
			rs := []rune(word)
			k := len(rs) - 1
			for k > 1 && t.width(string(rs[:k]), st) > w {
				k--
			}
			lines = append(lines, string(rs[:k]))
			word = string(rs[k:])
			ww = t.width(word, st)
		}
		if len(cur) > 0 && curW+space+ww > w {
			lines = append(lines, strings.Join(cur, " "))
			cur, curW = nil, 0
		}
		if len(cur) > 0 {
			curW += space
		}
		cur = append(cur, word)
		curW += ww
	}
	if len(cur) > 0 {
		lines = append(lines, strings.Join(cur, " "))
	}
	if iso, _ := isolateQuotes([]rune(para)); rtlParagraph(string(iso)) {
		for i, l := range lines {
			if iso, _ := isolateQuotes([]rune(l)); !rtlParagraph(string(iso)) {
				lines[i] = string(rlm) + l
			}
		}
	}
	return lines
}
