package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/ledongthuc/pdf"
)

// ErrNoTextLayer is returned for a PDF whose pages hold no text, only
// pictures of it: a scan.
var ErrNoTextLayer = errors.New("no text layer: scanned PDF, OCR it first")

// Limits on one PDF's work, so that a hostile or broken file (a page tree
// that loops, a compressed stream that expands without end) costs seconds,
// not the import.
const (
	pdfMaxPages    = 5000
	pdfMaxOps      = 20_000_000 // content-stream operators over all pages
	pdfMaxText     = MaxFileSize
	pdfMaxTreeNode = 100_000
	pdfMaxFormNest = 4
)

// errPDFBudget stops the content interpreter when a limit is reached.
var errPDFBudget = errors.New("the PDF is too big to read as one article")

// pdfDoc is what a PDF gives an article.
type pdfDoc struct {
	text    string
	noise   []model.Span
	title   string
	created time.Time // CreationDate, else ModDate; zero when neither parses
}

// readPDF takes the text layer out of a PDF: lines rebuilt from the glyphs'
// positions, lines joined into paragraphs (one per line of the result, blank
// lines between), words hyphenated across a line break joined, lone page
// numbers left out and repeated running heads marked as noise.
func readPDF(raw []byte) (doc pdfDoc, err error) {
	if !bytes.HasPrefix(raw, []byte("%PDF-")) {
		return doc, errors.New("not a PDF: it does not start with %PDF-")
	}
	// The reader panics on some malformed input; a bad file is an error.
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && errors.Is(e, errPDFBudget) {
				err = e
				return
			}
			err = fmt.Errorf("damaged PDF: %v", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(pdfHeader(raw)), int64(len(raw)))
	if err != nil {
		switch {
		case errors.Is(err, pdf.ErrInvalidPassword):
			return doc, errors.New("the PDF is password-protected: open it and save an unprotected copy")
		case strings.Contains(err.Error(), "%%EOF"), strings.Contains(err.Error(), "startxref"):
			return doc, fmt.Errorf("truncated or damaged PDF (its end is missing): %w", err)
		}
		return doc, fmt.Errorf("damaged PDF: %w", err)
	}
	info := r.Trailer().Key("Info")
	doc.title = cleanPDFString(info.Key("Title").Text())
	for _, k := range []string{"CreationDate", "ModDate"} {
		if t, ok := parsePDFDate(info.Key(k).Text()); ok {
			doc.created = t
			break
		}
	}
	pages := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	if len(pages) == 0 {
		return doc, errors.New("damaged PDF: it has no pages")
	}
	ops := 0
	var pageLines [][]pdfLine
	for _, p := range pages {
		pageLines = append(pageLines, layoutLines(pageChunks(p, &ops)))
	}
	doc.text, doc.noise = pdfText(pageLines)
	if strings.TrimSpace(doc.text) == "" {
		return doc, ErrNoTextLayer
	}
	if !mostlyLetters(doc.text) {
		return doc, errors.New("the PDF's text layer cannot be read (its fonts have no map to Unicode): OCR it first")
	}
	return doc, nil
}

// pdfHeader lets a PDF 2.0 file through: the reader accepts only 1.x
// headers, and a 2.0 file's text layer is read the same way.
func pdfHeader(raw []byte) []byte {
	if len(raw) > 9 && string(raw[:8]) == "%PDF-2.0" && (raw[8] == '\n' || raw[8] == '\r') {
		c := bytes.Clone(raw)
		copy(c, "%PDF-1.7")
		return c
	}
	return raw
}

// pdfPages lists the page dictionaries in order. The tree is walked here, not
// through the reader's Page(n), to bound depth and size: a Kids array that
// points back up must not loop forever.
func pdfPages(root pdf.Value) []pdf.Value {
	var out []pdf.Value
	nodes := 0
	var walk func(n pdf.Value, depth int)
	walk = func(n pdf.Value, depth int) {
		nodes++
		if depth > 64 || nodes > pdfMaxTreeNode || len(out) >= pdfMaxPages {
			return
		}
		kids := n.Key("Kids")
		if n.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array {
			if n.Kind() == pdf.Dict && n.Key("Contents").Kind() != pdf.Null {
				out = append(out, n)
			}
			return
		}
		for i := 0; i < kids.Len(); i++ {
			walk(kids.Index(i), depth+1)
		}
	}
	walk(root, 0)
	return out
}

// pdfChunk is one run of text drawn at one place: a string of a Tj, or one
// string element of a TJ.
type pdfChunk struct {
	x, y, endX, size float64
	text             string
}

// affine is a PDF transformation matrix [a b c d e f].
type affine [6]float64

var identity = affine{1, 0, 0, 1, 0, 0}

// mul returns m×n (m applied first).
func (m affine) mul(n affine) affine {
	return affine{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m affine) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

func argsAffine(args []pdf.Value) (affine, bool) {
	if len(args) != 6 {
		return identity, false
	}
	var m affine
	for i, a := range args {
		m[i] = num(a)
	}
	return m, true
}

// num reads an integer or real operand.
func num(v pdf.Value) float64 {
	switch v.Kind() {
	case pdf.Integer:
		return float64(v.Int64())
	case pdf.Real:
		return v.Float64()
	}
	return 0
}

// pdfFont is a font as the text walker needs it: how to decode its codes and
// how wide its glyphs are (for where the next run starts).
type pdfFont struct {
	enc    pdf.TextEncoding
	twoB   bool // composite (Type0) font: two-byte codes
	widths map[int]float64
	dw     float64 // width of a code the table lacks
}

func newPDFFont(v pdf.Value) *pdfFont {
	f := pdf.Font{V: v}
	pf := &pdfFont{widths: map[int]float64{}, dw: 500}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if m := readToUnicode(tu, v); m != nil {
			pf.enc = m
		}
	}
	if pf.enc == nil {
		pf.enc = f.Encoder()
	}
	if v.Key("Subtype").Name() == "Type0" {
		pf.twoB = true
		pf.dw = 1000
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() != pdf.Null {
			pf.dw = num(dw)
		}
		// W is [c [w1 w2 …] cfirst clast w …].
		w := d.Key("W")
		for i := 0; i < w.Len() && len(pf.widths) < 70000; {
			c := int(num(w.Index(i)))
			if next := w.Index(i + 1); next.Kind() == pdf.Array {
				for j := 0; j < next.Len(); j++ {
					pf.widths[c+j] = num(next.Index(j))
				}
				i += 2
				continue
			}
			last, wd := int(num(w.Index(i+1))), num(w.Index(i+2))
			for c2 := c; c2 <= last && c2-c < 70000; c2++ {
				pf.widths[c2] = wd
			}
			i += 3
		}
		return pf
	}
	first := int(num(v.Key("FirstChar")))
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		pf.widths[first+i] = num(ws.Index(i))
	}
	return pf
}

// advance is the width of raw's glyphs in thousandths of the font size, with
// the number of glyphs and of single-byte spaces (word spacing applies to
// them).
func (f *pdfFont) advance(raw string) (w float64, glyphs, spaces int) {
	step := 1
	if f.twoB {
		step = 2
	}
	for i := 0; i+step <= len(raw); i += step {
		c := int(raw[i])
		if step == 2 {
			c = c<<8 | int(raw[i+1])
		}
		gw, ok := f.widths[c]
		if !ok || gw <= 0 {
			gw = f.dw
		}
		w += gw
		glyphs++
		if step == 1 && c == ' ' {
			spaces++
		}
	}
	return w, glyphs, spaces
}

// pageChunks runs a page's content stream (and the forms it draws) and
// returns its text runs in drawing order.
func pageChunks(page pdf.Value, ops *int) []pdfChunk {
	var out []pdfChunk
	textLen := 0
	var run func(strm, res pdf.Value, ctm affine, depth int)
	run = func(strm, res pdf.Value, ctm affine, depth int) {
		fonts := map[string]*pdfFont{}
		font := func(name string) *pdfFont {
			if f, ok := fonts[name]; ok {
				return f
			}
			v := res.Key("Font").Key(name)
			var f *pdfFont
			if v.Kind() == pdf.Dict {
				f = newPDFFont(v)
			}
			fonts[name] = f
			return f
		}
		type gstate struct {
			ctm                       affine
			cur                       *pdfFont
			tfs, th, tc, tw, tl, rise float64
		}
		g := gstate{ctm: ctm, th: 1}
		var stack []gstate
		var tm, tlm affine = identity, identity
		show := func(raw string) {
			if g.cur == nil {
				return
			}
			trm := affine{g.tfs * g.th, 0, 0, g.tfs, 0, g.rise}.mul(tm).mul(g.ctm)
			x, y := trm[4], trm[5]
			w, n, spaces := g.cur.advance(raw)
			tx := (w/1000*g.tfs + float64(n)*g.tc + float64(spaces)*g.tw) * g.th
			tm = affine{1, 0, 0, 1, tx, 0}.mul(tm)
			ex, _ := tm.mul(g.ctm).apply(0, 0)
			text := cleanPDFString(g.cur.enc.Decode(raw))
			if text == "" {
				return
			}
			size := math.Sqrt(math.Abs(trm[0]*trm[3] - trm[1]*trm[2]))
			textLen += len(text)
			if textLen > pdfMaxText {
				panic(errPDFBudget)
			}
			out = append(out, pdfChunk{x: x, y: y, endX: ex, size: size, text: text})
		}
		nextLine := func(tx, ty float64) {
			tlm = affine{1, 0, 0, 1, tx, ty}.mul(tlm)
			tm = tlm
		}
		pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
			*ops++
			if *ops > pdfMaxOps {
				panic(errPDFBudget)
			}
			n := stk.Len()
			args := make([]pdf.Value, n)
			for i := n - 1; i >= 0; i-- {
				args[i] = stk.Pop()
			}
			arg := func(i int) float64 {
				if i < len(args) {
					return num(args[i])
				}
				return 0
			}
			switch op {
			case "q":
				if len(stack) < 64 {
					stack = append(stack, g)
				}
			case "Q":
				if len(stack) > 0 {
					g = stack[len(stack)-1]
					stack = stack[:len(stack)-1]
				}
			case "cm":
				if m, ok := argsAffine(args); ok {
					g.ctm = m.mul(g.ctm)
				}
			case "BT":
				tm, tlm = identity, identity
			case "Tf":
				if len(args) == 2 {
					g.cur = font(args[0].Name())
					g.tfs = arg(1)
				}
			case "Tc":
				g.tc = arg(0)
			case "Tw":
				g.tw = arg(0)
			case "Tz":
				g.th = arg(0) / 100
			case "TL":
				g.tl = arg(0)
			case "Ts":
				g.rise = arg(0)
			case "Td":
				nextLine(arg(0), arg(1))
			case "TD":
				g.tl = -arg(1)
				nextLine(arg(0), arg(1))
			case "Tm":
				if m, ok := argsAffine(args); ok {
					tm, tlm = m, m
				}
			case "T*":
				nextLine(0, -g.tl)
			case "Tj":
				if len(args) == 1 {
					show(args[0].RawString())
				}
			case "'":
				nextLine(0, -g.tl)
				if len(args) == 1 {
					show(args[0].RawString())
				}
			case "\"":
				if len(args) == 3 {
					g.tw, g.tc = arg(0), arg(1)
					nextLine(0, -g.tl)
					show(args[2].RawString())
				}
			case "TJ":
				if len(args) != 1 {
					return
				}
				a := args[0]
				for i := 0; i < a.Len(); i++ {
					e := a.Index(i)
					if e.Kind() == pdf.String {
						show(e.RawString())
						continue
					}
					tx := -num(e) / 1000 * g.tfs * g.th
					tm = affine{1, 0, 0, 1, tx, 0}.mul(tm)
				}
			case "Do":
				// Some producers draw their text inside form XObjects.
				if len(args) != 1 || depth >= pdfMaxFormNest {
					return
				}
				xo := res.Key("XObject").Key(args[0].Name())
				if xo.Kind() != pdf.Stream || xo.Key("Subtype").Name() != "Form" {
					return
				}
				m, ok := argsAffine(arrayValues(xo.Key("Matrix")))
				if !ok {
					m = identity
				}
				fres := xo.Key("Resources")
				if fres.Kind() != pdf.Dict {
					fres = res
				}
				run(xo, fres, m.mul(g.ctm), depth+1)
			}
		})
	}
	run(page.Key("Contents"), inherited(page, "Resources"), identity, 0)
	return out
}

func arrayValues(v pdf.Value) []pdf.Value {
	var out []pdf.Value
	for i := 0; i < v.Len(); i++ {
		out = append(out, v.Index(i))
	}
	return out
}

// inherited reads a page attribute that may sit on an ancestor Pages node.
func inherited(page pdf.Value, key string) pdf.Value {
	for i := 0; i < 32 && page.Kind() == pdf.Dict; i++ {
		if v := page.Key(key); v.Kind() != pdf.Null {
			return v
		}
		page = page.Key("Parent")
	}
	return pdf.Value{}
}

// pdfLine is one line of text on a page.
type pdfLine struct {
	x, y, endX, size float64
	text             string
}

// layoutLines groups a page's runs into lines: a run on the baseline of the
// one before continues its line, with a space where the gap between them is
// wider than a fifth of the type size and neither side has one.
func layoutLines(chunks []pdfChunk) []pdfLine {
	var lines []pdfLine
	for _, c := range chunks {
		if n := len(lines); n > 0 {
			l := &lines[n-1]
			tol := 0.4 * math.Max(math.Max(l.size, c.size), 1)
			if math.Abs(c.y-l.y) <= tol && c.x >= l.x-tol {
				gap := c.x - l.endX
				if gap > 0.2*math.Max(c.size, 1) && !endsSpace(l.text) && !startsSpace(c.text) {
					l.text += " "
				}
				l.text += c.text
				l.endX = math.Max(l.endX, c.endX)
				l.size = math.Max(l.size, c.size)
				continue
			}
		}
		if strings.TrimSpace(c.text) == "" {
			continue
		}
		lines = append(lines, pdfLine(c))
	}
	for i := range lines {
		lines[i].text = strings.Join(strings.Fields(lines[i].text), " ")
	}
	return lines
}

func endsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s == "" || unicode.IsSpace(r)
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s == "" || unicode.IsSpace(r)
}

// pageNumberRE: a line that is only a page number ("7", "- 7 -", "Page 7 of 12").
var pageNumberRE = regexp.MustCompile(`(?i)^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$`)

// pdfText joins lines into paragraphs and pages into one text. A new
// paragraph starts where the space between lines is clearly wider than the
// page's usual line pitch, where the type size changes (a heading), where
// the text moves up (a new column) or where a line ending a sentence stops
// well short of the page's usual line length. A paragraph cut by a page
// break goes on when the next page starts in lower case.
func pdfText(pages [][]pdfLine) (string, []model.Span) {
	heads := runningHeads(pages)
	type para struct {
		text  string
		noise bool
	}
	var paras []para
	continues := false // the last paragraph may go on past the page break
	for _, lines := range pages {
		var kept []pdfLine
		for _, l := range lines {
			if !pageNumberRE.MatchString(l.text) {
				kept = append(kept, l)
			}
		}
		pitch, width := linePitch(kept), usualWidth(kept)
		for i, l := range kept {
			if heads[l.text] {
				paras = append(paras, para{text: l.text, noise: true})
				continue
			}
			newPara := true
			switch {
			case i == 0:
				newPara = !continues || !startsLower(l.text)
			case heads[kept[i-1].text]:
				newPara = !(len(paras) > 1 && !paras[len(paras)-2].noise && !endsSentence(paras[len(paras)-2].text) && startsLower(l.text))
				if !newPara {
					// Running head between the two halves: join across it.
					paras[len(paras)-1], paras[len(paras)-2] = paras[len(paras)-2], paras[len(paras)-1]
				}
			default:
				p := kept[i-1]
				gap := p.y - l.y
				sizeChange := math.Abs(p.size-l.size) > 0.15*math.Max(p.size, l.size)
				short := width > 0 && p.endX-p.x < 0.75*width && endsSentence(p.text)
				newPara = gap <= 0 || gap > pitch*1.35+0.5 || sizeChange || short || capsHeading(p.text) || capsHeading(l.text)
			}
			if newPara || len(paras) == 0 {
				paras = append(paras, para{text: l.text})
				continue
			}
			last := &paras[len(paras)-1]
			last.text = joinLines(last.text, l.text)
		}
		continues = len(paras) > 0 && !paras[len(paras)-1].noise && !endsSentence(paras[len(paras)-1].text)
	}
	var b strings.Builder
	var noise []model.Span
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if p.noise {
			noise = append(noise, model.Span{Start: b.Len(), End: b.Len() + len(p.text)})
		}
		b.WriteString(p.text)
	}
	return b.String(), noise
}

// runningHeads finds lines printed at the top or bottom of two pages or
// more: a document's running title or footer, not its text. Digits are
// ignored in the comparison, so "Page 2 of 7" matches "Page 3 of 7". It
// returns the lines' texts as printed.
func runningHeads(pages [][]pdfLine) map[string]bool {
	count := map[string]int{}
	for _, lines := range pages {
		seen := map[string]bool{}
		for i, l := range lines {
			k := digitless(l.text)
			if (i < 2 || i >= len(lines)-2) && !seen[k] && len(l.text) >= 4 {
				seen[k] = true
				count[k]++
			}
		}
	}
	heads := map[string]bool{}
	for _, lines := range pages {
		for i, l := range lines {
			if (i < 2 || i >= len(lines)-2) && count[digitless(l.text)] >= 2 {
				heads[l.text] = true
			}
		}
	}
	return heads
}

func digitless(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '#'
		}
		return r
	}, s)
}

// capsHeading: a short line in capitals ("KEY DEVELOPMENTS") is a heading
// of its own.
func capsHeading(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4 && len(s) < 80
}

// linePitch is the most common distance between consecutive lines of the
// page (rounded to half a point), or 1.2 times the usual type size.
func linePitch(lines []pdfLine) float64 {
	count := map[float64]int{}
	best, bestN := 0.0, 0
	for i := 1; i < len(lines); i++ {
		gap := math.Round((lines[i-1].y-lines[i].y)*2) / 2
		if gap <= 0 || gap > 3*math.Max(lines[i].size, 1) {
			continue
		}
		count[gap]++
		if n := count[gap]; n > bestN || n == bestN && gap < best {
			best, bestN = gap, n
		}
	}
	if bestN >= 2 {
		return best
	}
	var sizes []float64
	for _, l := range lines {
		sizes = append(sizes, l.size)
	}
	if len(sizes) == 0 {
		return 12
	}
	sort.Float64s(sizes)
	return 1.2 * sizes[len(sizes)/2]
}

// usualWidth is the width of the page's longer lines (the 80th percentile):
// a full line of its body text.
func usualWidth(lines []pdfLine) float64 {
	if len(lines) < 3 {
		return 0
	}
	var ws []float64
	for _, l := range lines {
		ws = append(ws, l.endX-l.x)
	}
	sort.Float64s(ws)
	return ws[len(ws)*4/5]
}

// joinLines joins a paragraph's next line: a word hyphenated across the
// break is made whole again ("negoti-" + "ations"), else a space.
func joinLines(prev, next string) string {
	if strings.HasSuffix(prev, "\u00ad") {
		return strings.TrimSuffix(prev, "\u00ad") + next
	}
	if strings.HasSuffix(prev, "-") && startsLower(next) {
		r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(prev, "-"))
		if unicode.IsLetter(r) {
			return strings.TrimSuffix(prev, "-") + next
		}
	}
	return prev + " " + next
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}

// cleanPDFString drops what a decoded PDF string may hold that is not text:
// control characters, replacement characters, NULs of a wrongly decoded
// two-byte font.
func cleanPDFString(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20 || r == 0x7f || r == utf8.RuneError || (r >= 0x80 && r < 0xa0):
			return -1
		}
		return r
	}, s)
}

// mostlyLetters: a text layer decoded with the wrong table is mostly
// symbols; real text is mostly letters.
func mostlyLetters(s string) bool {
	letters, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsSpace(r) || unicode.IsDigit(r) || unicode.IsPunct(r):
		default:
			other++
		}
	}
	return letters > 0 && letters >= 2*other
}

// parsePDFDate reads a PDF date string, D:YYYYMMDDHHmmSSOHH'mm' with every
// part after the year optional.
func parsePDFDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 4 {
		return time.Time{}, false
	}
	field := func(i, n, def int) int {
		if len(s) < i+n {
			return def
		}
		v, err := strconv.Atoi(s[i : i+n])
		if err != nil {
			return -1
		}
		return v
	}
	y, mo, d, h, mi, sec := field(0, 4, 0), field(4, 2, 1), field(6, 2, 1), field(8, 2, 0), field(10, 2, 0), field(12, 2, 0)
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60 {
		return time.Time{}, false
	}
	loc := time.UTC
	if len(s) > 14 && (s[14] == '+' || s[14] == '-') {
		oh, om := field(15, 2, 0), 0
		if len(s) >= 20 && s[17] == '\'' {
			om = field(18, 2, 0)
		}
		if oh >= 0 && oh < 24 && om >= 0 && om < 60 {
			off := oh*3600 + om*60
			if s[14] == '-' {
				off = -off
			}
			loc = time.FixedZone("", off)
		}
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc)
	if t.Day() != d {
		return time.Time{}, false // 31 April
	}
	return t, true
}

// parsePDF makes an article of a PDF's text layer. The Info dictionary's
// Title is the title; its CreationDate (else ModDate) is the publication
// date unless the text has a date line of its own (see docMeta.weakDate).
func parsePDF(path string, raw []byte, m *Manifest) (*model.Article, error) {
	doc, err := readPDF(raw)
	if err != nil {
		return nil, err
	}
	dm := docMeta{title: doc.title, published: dayOf(doc.created), weakDate: true, noise: doc.noise}
	return newArticle(path, "pdf", doc.text, dm, m)
}

// toUnicode is a font's ToUnicode CMap. It is read here rather than by the
// PDF library, whose bfrange arithmetic carries only the last byte: with the
// one-range identity map that fpdf and others write (<0000> <FFFF> <0000>)
// every character past U+00FF came out wrong.
type toUnicode struct {
	widths []int // code lengths in bytes that the codespace ranges allow, shortest first
	spaces []cmapRange
	chars  map[uint32]string
	ranges []cmapRange
}

type cmapRange struct {
	lo, hi uint32
	n      int      // code length in bytes
	dst    string   // UTF-16BE of lo's character; later codes add to its last unit
	list   []string // or one UTF-16BE string per code
}

// readToUnicode parses a ToUnicode stream, or returns nil when it is not one.
// holder is a dictionary to hand the CMap's "findresource … begin" preamble
// (the font's own: the interpreter needs a dictionary there and one cannot be
// made outside the library; the CMap's definitions go to the dictionary its
// "12 dict begin" makes).
func readToUnicode(strm, holder pdf.Value) *toUnicode {
	m := &toUnicode{chars: map[uint32]string{}}
	code := func(s string) (uint32, int, bool) {
		if len(s) == 0 || len(s) > 4 {
			return 0, 0, false
		}
		var c uint32
		for i := 0; i < len(s); i++ {
			c = c<<8 | uint32(s[i])
		}
		return c, len(s), true
	}
	pop := func(stk *pdf.Stack, n int) []pdf.Value {
		if n < 0 || n > stk.Len() {
			n = stk.Len()
		}
		out := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			out[i] = stk.Pop()
		}
		return out
	}
	count := 0
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		switch op {
		case "begincodespacerange", "beginbfchar", "beginbfrange":
			count = 0
			if stk.Len() > 0 {
				count = int(num(stk.Pop()))
			}
			pop(stk, stk.Len())
		case "endcodespacerange":
			args := pop(stk, 2*count)
			for i := 0; i+1 < len(args); i += 2 {
				lo, n, ok1 := code(args[i].RawString())
				hi, n2, ok2 := code(args[i+1].RawString())
				if ok1 && ok2 && n == n2 {
					m.spaces = append(m.spaces, cmapRange{lo: lo, hi: hi, n: n})
				}
			}
		case "endbfchar":
			args := pop(stk, 2*count)
			for i := 0; i+1 < len(args); i += 2 {
				if c, _, ok := code(args[i].RawString()); ok && len(m.chars) < 1<<16 {
					m.chars[c] = args[i+1].RawString()
				}
			}
		case "endbfrange":
			args := pop(stk, 3*count)
			for i := 0; i+2 < len(args) && len(m.ranges) < 1<<16; i += 3 {
				lo, n, ok1 := code(args[i].RawString())
				hi, n2, ok2 := code(args[i+1].RawString())
				if !ok1 || !ok2 || n != n2 || hi < lo {
					continue
				}
				r := cmapRange{lo: lo, hi: hi, n: n}
				if d := args[i+2]; d.Kind() == pdf.Array {
					for j := 0; j < d.Len() && j < 1<<16; j++ {
						r.list = append(r.list, d.Index(j).RawString())
					}
				} else {
					r.dst = d.RawString()
				}
				m.ranges = append(m.ranges, r)
			}
		case "findresource":
			pop(stk, stk.Len())
			stk.Push(holder)
		default:
			// begincmap, defineresource…: PostScript around the map.
			pop(stk, stk.Len())
		}
	})
	if len(m.chars) == 0 && len(m.ranges) == 0 {
		return nil
	}
	seen := map[int]bool{}
	for _, s := range m.spaces {
		seen[s.n] = true
	}
	for n := 1; n <= 4; n++ {
		if seen[n] {
			m.widths = append(m.widths, n)
		}
	}
	return m
}

// Decode maps a string of codes to text; a code the map lacks gives nothing.
func (m *toUnicode) Decode(raw string) string {
	var b strings.Builder
	widths := m.widths
	if len(widths) == 0 {
		widths = []int{2}
		if len(m.ranges) > 0 && m.ranges[0].n == 1 {
			widths = []int{1}
		}
	}
	for len(raw) > 0 {
		n := widths[len(widths)-1]
		for _, w := range widths {
			if w > len(raw) {
				break
			}
			c := codeOf(raw[:w])
			if m.inSpace(c, w) {
				n = w
				break
			}
		}
		if n > len(raw) {
			n = len(raw)
		}
		b.WriteString(m.lookup(codeOf(raw[:n]), n))
		raw = raw[n:]
	}
	return b.String()
}

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

func (m *toUnicode) inSpace(c uint32, n int) bool {
	for _, s := range m.spaces {
		if s.n == n && s.lo <= c && c <= s.hi {
			return true
		}
	}
	return false
}

func (m *toUnicode) lookup(c uint32, n int) string {
	if s, ok := m.chars[c]; ok {
		return utf16BE(s, 0)
	}
	for _, r := range m.ranges {
		if r.n != n || c < r.lo || c > r.hi {
			continue
		}
		off := c - r.lo
		if r.list != nil {
			if int(off) < len(r.list) {
				return utf16BE(r.list[off], 0)
			}
			return ""
		}
		return utf16BE(r.dst, off)
	}
	return ""
}

// utf16BE decodes a CMap destination (UTF-16BE) with off added to its last
// code unit, as a bfrange's later codes are.
func utf16BE(s string, off uint32) string {
	if len(s)%2 == 1 {
		s = s[:len(s)-1]
	}
	units := make([]uint16, len(s)/2)
	for i := range units {
		units[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	if len(units) == 0 {
		return ""
	}
	last := uint32(units[len(units)-1]) + off
	if last > 0xffff {
		return ""
	}
	units[len(units)-1] = uint16(last)
	return string(utf16.Decode(units))
}
