package ui

import (
	"github.com/briefingatlas/atlas/internal/bidiorder"

	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/bidi"
)

// Fyne 2.7 shapes every text run in its own direction (Arabic letters join,
// a right-to-left run's glyphs come out right to left, its brackets
// mirrored) but puts a line's runs, and a RichText's segments, side by side
// left to right in the order they were written. A sentence in Arabic,
// Persian, Urdu or Hebrew that holds a number or a highlighted word is then
// read in scrambled pieces. Paragraphs holding right-to-left letters are
// therefore drawn by bidiText, which wraps lines itself and places each
// piece of one direction and one style where the Unicode Bidirectional
// Algorithm (UAX #9) puts it. Every other paragraph stays a RichText.

// hasRTL reports whether s holds a letter written right to left (Hebrew,
// Arabic, Syriac, Thaana, N'Ko…).
func hasRTL(s string) bool {
	for _, r := range s {
		if r < 0x0590 {
			continue // nothing below the Hebrew block is right to left
		}
		if c := bidiClass(r); c == bidi.R || c == bidi.AL {
			return true
		}
	}
	return false
}

func bidiClass(r rune) bidi.Class {
	p, _ := bidi.LookupRune(r)
	return p.Class()
}

// firstStrongRTL reports whether the first strong character of rs, outside
// isolates, is written right to left (UAX #9, rules P2 and P3).
func firstStrongRTL(rs []rune) bool {
	depth := 0
	for _, r := range rs {
		switch c := bidiClass(r); {
		case c == bidi.LRI || c == bidi.RLI || c == bidi.FSI:
			depth++
		case c == bidi.PDI:
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case c == bidi.L:
			return false
		case c == bidi.R || c == bidi.AL:
			return true
		}
	}
	return false
}

// bidiLevels resolves the embedding level of every rune of a paragraph
// whose base direction is right to left when rtl is set.
//
// golang.org/x/text/unicode/bidi runs the algorithm but tells only each
// run's direction, not its level, so the level is rebuilt from the
// direction: with no explicit embeddings (news text has none) a
// right-to-left paragraph holds levels 1 and 2 only, and a left-to-right
// one levels 0 and 1, plus level 2 for numbers (rule I1), which matters
// when a number touches a right-to-left run: "قال 25 مرة" quoted in an
// English sentence keeps its words in order around the number.
func bidiLevels(rs []rune, rtl bool) []int {
	base := 0
	if rtl {
		base = 1
	}
	levels := make([]int, len(rs))
	for i := range levels {
		levels[i] = base
	}
	text := make([]rune, 0, len(rs)+1)
	off := 0
	var opts []bidi.Option
	if rtl {
		opts = append(opts, bidi.DefaultDirection(bidi.RightToLeft))
	} else {
		// x/text can force a right-to-left paragraph but not a
		// left-to-right one; a leading LRM makes the first strong
		// character left to right, which is the same as forcing it.
		text = append(text, '\u200e')
		off = 1
	}
	for _, r := range rs {
		if bidiClass(r) == bidi.B {
			r = ' ' // x/text stops at a paragraph separator; ours are split already
		}
		text = append(text, r)
	}
	var p bidi.Paragraph
	if _, err := p.SetString(string(text), opts...); err != nil {
		return levels
	}
	o, err := p.Order()
	if err != nil {
		return levels
	}
	for i := 0; i < o.NumRuns(); i++ {
		run := o.Run(i)
		a, b := run.Pos()
		odd := run.Direction() == bidi.RightToLeft
		for j := a; j <= b; j++ {
			k := j - off
			if k < 0 || k >= len(rs) {
				continue
			}
			switch {
			case odd:
				levels[k] = 1
			case rtl || numeric(rs, k):
				levels[k] = 2
			default:
				levels[k] = 0
			}
		}
	}
	if !rtl {
		// A number at level 2 between two stretches at level 0 is reversed
		// twice, that is not at all; at level 0 it stays in the run around
		// it, one canvas.Text rather than three.
		for i := 0; i < len(levels); {
			if levels[i] != 2 {
				i++
				continue
			}
			j := i
			for j < len(levels) && levels[j] == 2 {
				j++
			}
			if (i == 0 || levels[i-1] == 0) && (j == len(levels) || levels[j] == 0) {
				for k := i; k < j; k++ {
					levels[k] = 0
				}
			}
			i = j
		}
	}
	return levels
}

// numeric reports whether rs[i] is part of a number: a digit, a separator
// between two digits (rules W4) or a mark on one of them.
func numeric(rs []rune, i int) bool {
	isNum := func(j int) bool {
		if j < 0 || j >= len(rs) {
			return false
		}
		c := bidiClass(rs[j])
		return c == bidi.EN || c == bidi.AN
	}
	switch bidiClass(rs[i]) {
	case bidi.EN, bidi.AN:
		return true
	case bidi.ES, bidi.CS:
		return isNum(i-1) && isNum(i+1)
	case bidi.NSM:
		return i > 0 && numeric(rs, i-1)
	}
	return false
}

// bidiStyle is how a stretch of a paragraph is drawn: its RichText
// segment's colour, size and font style.
type bidiStyle struct {
	color fyne.ThemeColorName
	size  fyne.ThemeSizeName
	style fyne.TextStyle
}

// bidiPara is a paragraph resolved for layout: its characters with their
// levels and styles.
type bidiPara struct {
	runes  []rune
	rtl    bool  // base direction
	levels []int // per rune
	style  []int // per rune, into styles
	styles []bidiStyle
}

// bidiRun is a stretch of one line of a paragraph with one level and one
// style, drawn as one canvas.Text.
type bidiRun struct {
	start, end int // runes of the paragraph
	level      int
	style      int
}

// newBidiPara resolves the text of segs (their text segments; anything else
// is left out). With ltr set the paragraph is left to right whatever its
// first letter, as for a line of the app's English labels that quotes an
// Arabic title.
func newBidiPara(segs []widget.RichTextSegment, ltr bool) *bidiPara {
	p := &bidiPara{}
	for _, s := range segs {
		ts, ok := s.(*widget.TextSegment)
		if !ok || ts.Text == "" {
			continue
		}
		st := bidiStyle{color: ts.Style.ColorName, size: ts.Style.SizeName, style: ts.Style.TextStyle}
		if st.size == "" {
			st.size = theme.SizeNameText
		}
		si := -1
		for i, o := range p.styles {
			if o == st {
				si = i
				break
			}
		}
		if si < 0 {
			si = len(p.styles)
			p.styles = append(p.styles, st)
		}
		for _, r := range ts.Text {
			p.runes = append(p.runes, r)
			p.style = append(p.style, si)
		}
	}
	p.rtl = !ltr && firstStrongRTL(p.runes)
	p.levels = bidiLevels(p.runes, p.rtl)
	return p
}

// runs cuts runes [start, end) of the paragraph, one line, into runs of one
// level and one style and puts them in visual order. A highlighted word
// split by a change of direction becomes two runs, each in its colour, so
// that the highlight stays on its characters wherever they are drawn. The
// spaces ending the line are left out: they take the paragraph's direction
// (rule L1) and would push a right-aligned line off its edge.
func (p *bidiPara) runs(start, end int) []bidiRun {
	for end > start && unicode.IsSpace(p.runes[end-1]) {
		end--
	}
	var out []bidiRun
	for i := start; i < end; i++ {
		if n := len(out); n > 0 && out[n-1].level == p.levels[i] && out[n-1].style == p.style[i] {
			out[n-1].end = i + 1
			continue
		}
		out = append(out, bidiRun{start: i, end: i + 1, level: p.levels[i], style: p.style[i]})
	}
	levels := make([]int, len(out))
	for i, r := range out {
		levels[i] = r.level
	}
	vis := make([]bidiRun, len(out))
	for i, k := range bidiorder.VisualOrder(levels) {
		vis[i] = out[k]
	}
	return vis
}

// line is what one line of the paragraph, runes [start, end), is drawn as:
// its runs in visual order (runs), each right-to-left run cut into its
// words and the spaces and punctuation around them, right to left.
//
// Fyne shapes a canvas.Text's letters right to left but puts the parts it
// draws in different fonts side by side left to right in logical order:
// Arabic and Hebrew letters come from a fallback font, brackets,
// punctuation and a leading space from the theme's, so that "(جنيف)" in one
// canvas.Text comes out as ")جنيف(". Spaces between two letters stay in the
// letters' font, so a stretch of words is one piece.
func (p *bidiPara) line(start, end int) []bidiRun {
	var out []bidiRun
	for _, r := range p.runs(start, end) {
		if r.level%2 == 0 {
			out = append(out, r)
			continue
		}
		var parts []bidiRun
		for i := r.start; i < r.end; {
			j := i + 1
			if rtlLetter(p.runes[i]) {
				for j < r.end {
					k := j
					for k < r.end && unicode.Is(unicode.Zs, p.runes[k]) {
						k++ // spaces are taken only when a letter follows them
					}
					if k == r.end || !(rtlLetter(p.runes[k]) || joinsLetters(p.runes[k])) {
						break
					}
					j = k + 1
				}
			} else {
				for j < r.end && !rtlLetter(p.runes[j]) {
					j++
				}
			}
			parts = append(parts, bidiRun{start: i, end: j, level: r.level, style: r.style})
			i = j
		}
		for i := len(parts) - 1; i >= 0; i-- {
			out = append(out, parts[i])
		}
	}
	return out
}

// rtlLetter reports whether r is a letter written right to left.
func rtlLetter(r rune) bool {
	c := bidiClass(r)
	return c == bidi.R || c == bidi.AL
}

// joinsLetters reports whether r belongs to the letters around it: a mark
// on a letter, or a joiner or non-joiner (a Persian word's half space).
func joinsLetters(r rune) bool {
	c := bidiClass(r)
	return c == bidi.NSM || c == bidi.BN
}

// display is the text a canvas.Text is given for a run. Fyne shapes a
// right-to-left run itself, mirroring its brackets, when the run holds a
// right-to-left letter; a run of spaces, brackets and punctuation alone
// (between two highlighted words, say) it would draw left to right, so that
// one is reversed and its brackets mirrored here (rules L2 and L4).
func (p *bidiPara) display(r bidiRun) string {
	s := string(p.runes[r.start:r.end])
	if r.level%2 == 0 || hasRTL(s) {
		return s
	}
	return mirrorQuotes(bidi.ReverseString(s))
}

// mirrorQuotes swaps the guillemets, which are mirrored in right-to-left
// text but are not brackets to x/text's ReverseString.
func mirrorQuotes(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '«':
			return '»'
		case '»':
			return '«'
		case '‹':
			return '›'
		case '›':
			return '‹'
		}
		return r
	}, s)
}

// bidiText is a word-wrapped paragraph holding right-to-left text: each
// line's runs are placed in visual order, and a right-to-left paragraph is
// aligned right. It has no selection; the paragraphs it replaces had none.
type bidiText struct {
	widget.BaseWidget
	para *bidiPara
}

// newBidiText returns a paragraph of segs; ltr forces a left-to-right
// paragraph (see newBidiPara).
func newBidiText(ltr bool, segs ...widget.RichTextSegment) *bidiText {
	t := &bidiText{para: newBidiPara(segs, ltr)}
	t.ExtendBaseWidget(t)
	return t
}

// paragraphText is a word-wrapped paragraph of segs: a RichText, or a
// bidiText when the paragraph holds right-to-left letters.
func paragraphText(ltr bool, segs ...widget.RichTextSegment) fyne.CanvasObject {
	for _, s := range segs {
		if ts, ok := s.(*widget.TextSegment); ok && hasRTL(ts.Text) {
			return newBidiText(ltr, segs...)
		}
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// Resize wraps the paragraph to the new width; the canvas is told, so that
// it asks again for the height, which depends on the width.
func (t *bidiText) Resize(s fyne.Size) {
	if s == t.Size() {
		return
	}
	t.BaseWidget.Resize(s)
	canvas.Refresh(t)
}

// CreateRenderer implements fyne.Widget.
func (t *bidiText) CreateRenderer() fyne.WidgetRenderer {
	return &bidiRenderer{t: t, wrapped: -1}
}

// bidiLine is one wrapped line: its runs in visual order with their
// measures.
type bidiLine struct {
	runs                     []bidiRun
	widths, heights, ascents []float32 // per run
	width, height, ascent    float32   // ascent: the tallest run's, the shared baseline
}

type bidiRenderer struct {
	t       *bidiText
	texts   []*canvas.Text // one per run, reused across layouts
	objs    []fyne.CanvasObject
	lines   []bidiLine
	wrapped float32 // the width lines were wrapped to
}

func (r *bidiRenderer) theme() (fyne.Theme, fyne.ThemeVariant) {
	v := theme.VariantLight
	if a := fyne.CurrentApp(); a != nil {
		v = a.Settings().ThemeVariant()
	}
	return r.t.Theme(), v
}

// measure returns the width, height and ascent of s in style st.
func (r *bidiRenderer) measure(s string, st bidiStyle) (w, h, ascent float32) {
	th, _ := r.theme()
	size := th.Size(st.size)
	if a := fyne.CurrentApp(); a != nil && a.Driver() != nil {
		sz, base := a.Driver().RenderedTextSize(s, size, st.style, nil)
		return sz.Width, sz.Height, base
	}
	sz := fyne.MeasureText(s, size, st.style)
	return sz.Width, sz.Height, sz.Height * 0.8
}

// width measures runes [a, b) of the paragraph, style by style.
func (r *bidiRenderer) width(a, b int) float32 {
	p := r.t.para
	w := float32(0)
	for i := a; i < b; {
		j := i
		for j < b && p.style[j] == p.style[i] {
			j++
		}
		ww, _, _ := r.measure(string(p.runes[i:j]), p.styles[p.style[i]])
		w += ww
		i = j
	}
	return w
}

// wrap breaks the paragraph into lines no wider than avail at spaces; a word
// wider than a line is cut between characters. It returns each line's runes
// as [start, end).
func (r *bidiRenderer) wrap(avail float32) [][2]int {
	rs := r.t.para.runes
	if avail <= 0 {
		return [][2]int{{0, len(rs)}}
	}
	var lines [][2]int
	ls, x := 0, float32(0)
	for i := 0; i < len(rs); {
		// A word and the spaces after it: [i, ce) and [ce, e).
		ce := i
		for ce < len(rs) && !unicode.IsSpace(rs[ce]) {
			ce++
		}
		e := ce
		for e < len(rs) && unicode.IsSpace(rs[e]) {
			e++
		}
		w := r.width(i, ce)
		if x > 0 && x+w > avail {
			lines = append(lines, [2]int{ls, i})
			ls, x = i, 0
		}
		for x == 0 && w > avail && ce-i > 1 {
			cut := i + 1
			for cut < ce-1 && r.width(i, cut+1) <= avail {
				cut++
			}
			lines = append(lines, [2]int{i, cut})
			i, ls = cut, cut
			w = r.width(i, ce)
		}
		x += w + r.width(ce, e)
		i = e
	}
	return append(lines, [2]int{ls, len(rs)})
}

// relayout wraps the paragraph to avail and makes a canvas.Text per run.
func (r *bidiRenderer) relayout(avail float32) {
	p := r.t.para
	th, v := r.theme()
	r.wrapped = avail
	r.lines = r.lines[:0]
	r.objs = r.objs[:0]
	n := 0
	for _, span := range r.wrap(avail) {
		l := bidiLine{runs: p.line(span[0], span[1])}
		if len(l.runs) == 0 {
			// An empty line still takes a line's height.
			_, l.height, l.ascent = r.measure(" ", bidiStyle{size: theme.SizeNameText})
		}
		for _, run := range l.runs {
			st := p.styles[run.style]
			s := p.display(run)
			w, h, asc := r.measure(s, st)
			l.widths = append(l.widths, w)
			l.heights = append(l.heights, h)
			l.ascents = append(l.ascents, asc)
			l.width += w
			l.ascent = max(l.ascent, asc)
			l.height = max(l.height, h)
			if n == len(r.texts) {
				r.texts = append(r.texts, canvas.NewText("", color.Black))
			}
			txt := r.texts[n]
			n++
			txt.Text = s
			txt.TextStyle = st.style
			txt.TextSize = th.Size(st.size)
			txt.Color = bidiColor(th, v, st.color)
			r.objs = append(r.objs, txt)
		}
		// Runs of different sizes share a baseline; the line is as tall
		// as its tallest run below and above it.
		below := float32(0)
		for i, h := range l.heights {
			below = max(below, h-l.ascents[i])
		}
		l.height = max(l.height, l.ascent+below)
		r.lines = append(r.lines, l)
	}
}

// bidiColor is a segment's colour: its theme colour, the text colour when
// it names none, as in RichText.
func bidiColor(th fyne.Theme, v fyne.ThemeVariant, n fyne.ThemeColorName) color.Color {
	if n == "" {
		n = theme.ColorNameForeground
	}
	return th.Color(n, v)
}

// Layout implements fyne.WidgetRenderer.
func (r *bidiRenderer) Layout(size fyne.Size) {
	th, _ := r.theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	avail := size.Width - 2*pad
	if avail != r.wrapped {
		r.relayout(avail)
	}
	y := pad
	k := 0
	for _, l := range r.lines {
		x := pad
		if r.t.para.rtl {
			x += avail - l.width
		}
		for i := range l.runs {
			txt := r.texts[k]
			k++
			txt.Move(fyne.NewPos(x, y+l.ascent-l.ascents[i]))
			txt.Resize(fyne.NewSize(l.widths[i], l.heights[i]))
			x += l.widths[i]
		}
		y += l.height
	}
}

// MinSize implements fyne.WidgetRenderer: as a word-wrapped RichText, no
// width of its own and the height of the lines at the current width.
func (r *bidiRenderer) MinSize() fyne.Size {
	th, _ := r.theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	if avail := r.t.Size().Width - 2*pad; avail != r.wrapped {
		r.relayout(avail)
	}
	h := float32(0)
	for _, l := range r.lines {
		h += l.height
	}
	return fyne.NewSize(2*pad, h+2*pad)
}

// Refresh implements fyne.WidgetRenderer: colours and sizes follow the theme.
func (r *bidiRenderer) Refresh() {
	r.relayout(r.wrapped)
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

// Objects implements fyne.WidgetRenderer.
func (r *bidiRenderer) Objects() []fyne.CanvasObject { return r.objs }

// Destroy implements fyne.WidgetRenderer.
func (r *bidiRenderer) Destroy() {}
