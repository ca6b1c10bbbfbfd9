package briefing

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// fontFamily is the embedded Go font family, the briefing's main face.
// Embedding TrueType with UTF-8 maps is what lets curly quotes, accents,
// Greek and Cyrillic names print; the PDF core fonts only know Latin-1.
// What the Go fonts lack (Arabic, Hebrew, rarer Latin letters) falls back to
// the Noto fonts, run by run (fonts.go, textrun.go).
const fontFamily = "go"

// printDPI is the resolution of raster figure parts in the PDF, enough for
// a laser printer without making the file heavy.
const printDPI = 220

// Type sizes (points) and their line heights (millimetres).
var (
	stKicker   = textStyle{size: 8.5, bold: true}
	stTitle    = textStyle{size: 22, bold: true}
	stMeta     = textStyle{size: 9.5}
	stMetaBold = textStyle{size: 9.5, bold: true}
	stStatNum  = textStyle{size: 17, bold: true}
	stStatLbl  = textStyle{size: 8}
	stH1       = textStyle{size: 14, bold: true}
	stCaption  = textStyle{size: 8, italic: true}
	stEvMeta   = textStyle{size: 8.5}
	stEvDate   = textStyle{size: 8.5, bold: true}
	stEvTitle  = textStyle{size: 11.5, bold: true}
	stBody     = textStyle{size: 9}
	stLead     = textStyle{size: 9.5}
	stSumHead  = textStyle{size: 9, bold: true}
	stNoteLbl  = textStyle{size: 8, bold: true}
	stNote     = textStyle{size: 9, italic: true}
	stQuote    = textStyle{size: 9.5}
	stCite     = textStyle{size: 8}
	stURL      = textStyle{size: 7.5}
	stHeader   = textStyle{size: 7.5}
)

// lineH is the leading for a type size: 1.38 times the size, a comfortable
// measure for reports.
func lineH(st textStyle) float64 { return st.size * ptToMM * 1.38 }

type pdfWriter struct {
	pdf                      *fpdf.Fpdf
	d                        *doc
	opt                      Options
	left, top, right, bottom float64
	pageW, pageH, textW      float64
	cv                       *pdfCanvas // figures, moved to each figure's origin
	abs                      *pdfCanvas // page furniture, in page coordinates
	total                    int        // pages in the document, 0 on the first pass
	cont                     string     // "7. Title (continued)" while an event is being written
	tl                       *tlLayout  // the timeline figure, laid out when the map is sized
}

// WritePDF writes the briefing as a PDF: a cover block with the counts, the
// map and timeline figures, the events in date order with their quotations
// and citations, and the list of sources.
func WritePDF(w io.Writer, b Briefing, opt Options) error {
	opt.progress(0.02, "preparing")
	d := prepare(b)
	d.basemaps, d.pngs = map[string]image.Image{}, map[image.Image][]byte{}
	// Two passes: the first counts the pages, so that the footer can print
	// "Page 3 of 9" right-aligned with the true total (an fpdf page-count
	// alias is replaced only after the text has been measured).
	quiet := opt
	quiet.Progress = nil
	first, err := layoutPDF(d, quiet, 0)
	if err != nil {
		return err
	}
	pdf, err := layoutPDF(d, opt, first.PageCount())
	if err != nil {
		return err
	}
	opt.progress(0.95, "writing the PDF")
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	return nil
}

// layoutPDF lays the whole document out; total is the page count to print
// in footers, 0 when not known yet.
func layoutPDF(d *doc, opt Options, total int) (*fpdf.Fpdf, error) {
	size := "A4"
	if opt.Paper == Letter {
		size = "Letter"
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size})
	pdf.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", goitalic.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "BI", gobolditalic.TTF)
	pdf.SetCompression(true)
	pdf.SetTitle(d.Title, true)
	if d.Author != "" {
		pdf.SetAuthor(d.Author, true)
	}
	pdf.SetSubject("Briefing: "+d.period(), true)
	pdf.SetCreator("Briefing Atlas", true)
	pdf.SetLang("en")
	pdf.SetCreationDate(d.Prepared)
	pdf.SetModificationDate(d.Prepared)
	p := &pdfWriter{pdf: pdf, d: d, opt: opt, left: 22, right: 22, top: 24, bottom: 20, total: total}
	p.pageW, p.pageH = pdf.GetPageSize()
	p.textW = p.pageW - p.left - p.right
	runs := newTextRuns(pdf)
	if runs.err != nil {
		return nil, runs.err
	}
	p.cv = &pdfCanvas{pdf: pdf, prefix: "fig", pngs: d.pngs, runs: runs}
	p.abs = &pdfCanvas{pdf: pdf, prefix: "page", runs: runs}
	pdf.SetMargins(p.left, p.top, p.right)
	pdf.SetAutoPageBreak(false, p.bottom) // pages are broken by hand, to keep blocks together
	pdf.SetHeaderFuncMode(p.header, false)
	pdf.SetFooterFunc(p.footer)
	pdf.AddPage()

	p.cover()
	p.summary()
	if err := p.mapFigure(); err != nil {
		return nil, err
	}
	opt.progress(0.4, "drawing the timeline")
	p.timelineFigure()
	p.events()
	opt.progress(0.9, "listing the sources")
	p.sourcesList()
	pdf.Close()
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("lay out PDF: %w", err)
	}
	return pdf, nil
}

func (p *pdfWriter) font(st textStyle) { p.cv.setFont(st) }

// width is the printed width of s in a style, shaped where it needs to be.
func (p *pdfWriter) width(s string, st textStyle) float64 { return p.cv.runs.width(s, st) }

func (p *pdfWriter) colour(c color.NRGBA) { p.pdf.SetTextColor(int(c.R), int(c.G), int(c.B)) }

func (p *pdfWriter) y() float64 { return p.pdf.GetY() }

func (p *pdfWriter) setY(y float64) { p.pdf.SetY(y) }

// room is the height left on the page.
func (p *pdfWriter) room() float64 { return p.pageH - p.bottom - p.y() }

// ensure starts a new page unless h millimetres still fit on this one. In
// the middle of an event the new page opens with the event's number and
// title, so its remaining quotations are not orphaned from it.
func (p *pdfWriter) ensure(h float64) {
	if h <= p.room() {
		return
	}
	p.pdf.AddPage()
	if p.cont != "" {
		p.text(p.left+gutter, p.y(), p.fit(p.cont, stCite, p.textW-gutter), stCite, colMuted)
		p.setY(p.y() + lineH(stCite) + 1)
	}
}

// wrap splits text into lines no wider than w in the given style;
// paragraphs (newlines) are kept. A paragraph the Go fonts print as it is
// goes to fpdf's own splitter; one with Arabic, Hebrew or letters from the
// fallback font is measured shaped (see wrapRuns).
func (p *pdfWriter) wrap(s string, st textStyle, w float64) []string {
	var out []string
	for _, para := range strings.Split(clean(s), "\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		if plain(para) {
			p.font(st)
			out = append(out, p.pdf.SplitText(para, w)...)
			continue
		}
		out = append(out, p.cv.runs.wrapRuns(para, st, w)...)
	}
	return out
}

// text draws one line with its top at y.
func (p *pdfWriter) text(x, y float64, s string, st textStyle, c color.NRGBA) {
	p.colour(c)
	// Baseline a little below the line's top: ascent of the Go fonts is ~0.93 em,
	// centred in a 1.38 em line.
	p.cv.runs.draw(x, y+lineH(st)*0.5+st.size*ptToMM*0.35, s, st)
}

// lines draws wrapped lines from the current y, breaking the page between
// lines when needed, and leaves y below the last one.
func (p *pdfWriter) lines(ls []string, x float64, st textStyle, c color.NRGBA) {
	lh := lineH(st)
	for _, l := range ls {
		p.ensure(lh)
		p.text(x, p.y(), l, st, c)
		p.setY(p.y() + lh)
	}
}

func (p *pdfWriter) header() {
	if p.pdf.PageNo() == 1 {
		return
	}
	y := 12.0
	right := p.d.period()
	rw := p.width(right, stHeader)
	title := p.fit(p.d.Title, stHeader, p.textW-rw-10)
	p.text(p.left, y, title, stHeader, colMuted)
	p.text(p.pageW-p.right-rw, y, right, stHeader, colMuted)
	p.abs.line(p.left, y+lineH(stHeader)+0.8, p.pageW-p.right, y+lineH(stHeader)+0.8, 0.2, colFaint)
	p.setY(p.top)
}

func (p *pdfWriter) footer() {
	y := p.pageH - 14.5
	p.abs.line(p.left, y-1.5, p.pageW-p.right, y-1.5, 0.2, colFaint)
	left := "Prepared " + dayLabel(p.d.Prepared)
	if p.d.Author != "" {
		left += " by " + p.d.Author
	}
	left += " with Briefing Atlas"
	num := "Page " + strconv.Itoa(p.pdf.PageNo()) + " of " + strconv.Itoa(max(p.total, p.pdf.PageNo()))
	nw := p.width(num, stHeader)
	p.text(p.left, y, p.fit(left, stHeader, p.textW-nw-10), stHeader, colMuted)
	p.text(p.pageW-p.right-nw, y, num, stHeader, colMuted)
}

// fit shortens s with an ellipsis until it is no wider than w.
func (p *pdfWriter) fit(s string, st textStyle, w float64) string {
	s = clean(s)
	if p.width(s, st) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && p.width(string(r)+"…", st) > w {
		r = r[:len(r)-1]
	}
	return strings.TrimRightFunc(string(r), unicode.IsSpace) + "…"
}

func (p *pdfWriter) cover() {
	y := p.top - 4
	p.text(p.left, y, "BRIEFING", stKicker, colAccent)
	y += lineH(stKicker) + 1.5
	p.setY(y)
	p.lines(p.wrap(p.d.Title, stTitle, p.textW), p.left, stTitle, colInk)
	y = p.y() + 2
	p.abs.rect(p.left, y, 18, 0.9, colAccent)
	y += 5
	row := func(label, value string) {
		if value == "" {
			return
		}
		p.text(p.left, y, label, stMetaBold, colMuted)
		p.setY(y)
		for i, l := range p.wrap(value, stMeta, p.textW-32) {
			p.text(p.left+32, y+float64(i)*lineH(stMeta), l, stMeta, colInk)
		}
		y += float64(max(1, len(p.wrap(value, stMeta, p.textW-32)))) * lineH(stMeta)
	}
	row("Prepared by", p.d.Author)
	row("Date", dayLabel(p.d.Prepared))
	row("Period covered", p.d.period())
	row("Selection", p.d.Scope)
	y += 4
	// Three figures a reader looks for first.
	stats := []struct {
		n     int
		label string
	}{{len(p.d.entries), "events"}, {len(p.d.groups), "places"}, {len(p.d.sources), "sources"}}
	gap := 4.0
	bw := (p.textW - 2*gap) / 3
	for i, s := range stats {
		x := p.left + float64(i)*(bw+gap)
		p.abs.rect(x, y, bw, 15, colWash)
		p.abs.rect(x, y, 0.9, 15, colAccent)
		p.text(x+4.5, y+1.6, strconv.Itoa(s.n), stStatNum, colAccent)
		lbl := s.label
		if s.n == 1 {
			lbl = strings.TrimSuffix(lbl, "s")
		}
		p.text(x+4.5, y+9.2, lbl, stStatLbl, colMuted)
	}
	p.setY(y + 15 + 7)
}

// summary draws the half-page summary under the cover block: the period
// and places, the key developments with their event badges and citation
// numbers, and what the sources disagree on. It reuses the events list's
// type sizes and badges so that it reads as part of the same document.
func (p *pdfWriter) summary() {
	s := p.d.sum
	if s == nil {
		return
	}
	lead := p.wrap(s.overview, stLead, p.textW)
	p.heading("Summary", float64(len(lead))*lineH(stLead)+30)
	p.lines(lead, p.left, stLead, colInk)

	p.subhead("Key developments")
	x := p.left + gutter
	dateW := 0.0
	for _, en := range s.keys {
		dateW = math.Max(dateW, p.width(DateLabel(en.E), stEvDate))
	}
	dateW += 4
	for _, en := range s.keys {
		p.keyLine(en, x, dateW)
	}

	p.subhead("Where the sources disagree")
	if len(s.disputes) == 0 {
		p.lines(p.wrap(agreeText, stBody, p.textW), p.left, stBody, colInk)
	}
	w := p.textW - gutter
	for _, ds := range s.disputes {
		head := p.wrap(collapse(ds.en.E.Title)+"  ·  "+DateLabel(ds.en.E), stSumHead, w)
		body := p.wrap(ds.line(p.d, func(s string) string { return s }), stBody, w)
		p.ensure(float64(len(head))*lineH(stSumHead) + float64(len(body))*lineH(stBody) + 1.6)
		drawBadge(p.abs, p.left+3.4, p.y()+lineH(stSumHead)/2, sumBadgeR, ds.en.N, ds.en.E.Kind, ds.en.E.Planned)
		p.lines(head, x, stSumHead, colInk)
		p.lines(body, x, stBody, colInk)
		p.setY(p.y() + 1.6)
	}
	if m := s.moreText(); m != "" {
		p.lines(p.wrap(m, stBody, p.textW), p.left, stBody, colMuted)
	}
	p.setY(p.y() + 5)
}

// sumRowGap is the space between key developments: enough for their
// badges to stand apart, little enough to leave the map room on page one.
const sumRowGap = 1.2

// sumBadgeR is the radius of the summary's event badges: smaller than the
// events list's, to sit in a line of body text.
const sumBadgeR = 2.3

// subhead opens a part of the summary in the cover's kicker style.
func (p *pdfWriter) subhead(title string) {
	p.setY(p.y() + 3.5)
	p.ensure(lineH(stKicker) + 8)
	p.text(p.left, p.y(), strings.ToUpper(title), stKicker, colAccent)
	p.setY(p.y() + lineH(stKicker) + 0.8)
}

// keyLine draws one key development: its badge, date, title, place and
// citation numbers on one line, or the title wrapped with the place and
// citations on the line under it when they do not fit.
func (p *pdfWriter) keyLine(en entry, x, dateW float64) {
	e := en.E
	tx := x + dateW
	w := p.pageW - p.right - tx
	title := collapse(e.Title)
	var tail string
	if pl := placeLabel(e.Place); pl != "" {
		tail = "  ·  " + pl
	}
	cites := "  " + citeList(uniqueCites(en))
	tw := p.width(title, stBody)
	lw := p.width(tail, stEvMeta)
	cw := p.width(cites, stCite)
	var lines []string
	oneLine := tw+lw+cw <= w
	if !oneLine {
		lines = p.wrap(title, stBody, w)
	}
	h := lineH(stBody) * float64(max(1, len(lines)))
	if !oneLine {
		h += lineH(stEvMeta)
	}
	p.ensure(h + sumRowGap)
	top := p.y()
	drawBadge(p.abs, p.left+3.4, top+lineH(stBody)/2, sumBadgeR, en.N, e.Kind, e.Planned)
	// One baseline for the mixed sizes of a line, so that they read as one.
	base := top + lineH(stBody)*0.5 + stBody.size*ptToMM*0.35
	p.run(x, base, DateLabel(e), stEvDate, colInk)
	if oneLine {
		p.run(tx, base, title, stBody, colInk)
		p.run(tx+tw, base, tail, stEvMeta, colMuted)
		p.run(tx+tw+lw, base, cites, stCite, colMuted)
		p.setY(top + lineH(stBody) + sumRowGap)
		return
	}
	p.lines(lines, tx, stBody, colInk)
	tail = strings.TrimPrefix(tail, "  ·  ")
	p.text(tx, p.y(), tail+cites, stEvMeta, colMuted)
	p.setY(p.y() + lineH(stEvMeta) + sumRowGap)
}

// run draws text on a given baseline, for lines that mix type sizes.
func (p *pdfWriter) run(x, baseline float64, s string, st textStyle, c color.NRGBA) {
	if s == "" {
		return
	}
	p.colour(c)
	p.cv.runs.draw(x, baseline, s, st)
}

// caption prints a figure's caption below it.
func (p *pdfWriter) caption(text string) {
	p.setY(p.y() + 1.5)
	p.lines(p.wrap(text, stCaption, p.textW), p.left, stCaption, colMuted)
	p.setY(p.y() + 5)
}

func (p *pdfWriter) mapFigure() error {
	groups := p.d.groups
	if len(groups) == 0 {
		return nil
	}
	w := p.textW
	h := w * 0.6
	const captionH = 14.0
	// Page one should hold the map and the timeline. When both do not fit,
	// the map gives up some height (down to a 0.42 aspect) before the
	// timeline is sent to the next page.
	p.tl = layoutTimeline(p.cv, p.d, p.textW)
	fits := func(tl *tlLayout) (float64, bool) {
		both := p.room() - 2*captionH
		if len(tl.marks) > 0 {
			both -= tl.h
		}
		return both, both >= w*0.42
	}
	both, ok := fits(p.tl)
	if !ok && p.tl.detail != nil {
		// The overview alone on page one beats the detail on page two.
		plain := *p.tl
		plain.detail = nil
		plain.layoutLegend(p.cv, p.d)
		if b, ok2 := fits(&plain); ok2 {
			p.tl, both, ok = &plain, b, true
		}
	}
	switch r := p.room() - captionH; {
	case ok && h > both:
		h = both
	case !ok && r > w*0.36:
		// The timeline goes to page two: the map takes the rest of page
		// one. Down to a wide 0.36 aspect, because under the summary a
		// panorama reads better than a third of a page left blank.
		h = math.Min(r, w*0.75)
	}
	p.ensure(h + captionH)
	m := p.d.mapViewport(w, h)
	p.opt.progress(0.1, "rendering the map")
	base, err := p.basemap(m)
	if err != nil {
		return err
	}
	p.opt.progress(0.3, "placing the markers")
	p.cv.x0, p.cv.y0 = p.left, p.y()
	// A label pushed against the frame is cut there rather than spilling
	// into the margin.
	p.pdf.ClipRect(p.left, p.y(), w, h, false)
	err = drawMapFigure(p.cv, p.d, m, base)
	p.pdf.ClipEnd()
	if err != nil {
		return err
	}
	p.setY(p.y() + h)
	unplaced := len(p.d.entries)
	for _, g := range groups {
		unplaced -= len(g.numbers)
	}
	cap := "Figure 1. Where the events took place. Numbers refer to the list of events; colours show the kind of event."
	if unplaced > 0 {
		cap += " " + plural(unplaced, "event") + " without a known place " + isAre(unplaced) + " not shown."
	}
	p.caption(cap)
	return nil
}

// timelineCaption describes Figure 2 as drawn: numbered, or dots when dense.
func timelineCaption(l *tlLayout) string {
	if l.dense {
		return "Figure 2. When the events took place: one dot per event, coloured by kind, stacked where they coincide."
	}
	c := "Figure 2. When the events took place, with the same numbers as the map and the list of events."
	if l.detail != nil {
		c += fmt.Sprintf(" The lower axis shows %d, when most of them happened, in detail.", l.detailYear)
	}
	return c
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// basemap asks the map renderer for the area at print resolution.
func (p *pdfWriter) basemap(m mercator) (image.Image, error) {
	r := p.opt.Map
	if r == nil {
		r = DefaultMap
	}
	if r == nil {
		return nil, nil
	}
	px := func(mm float64) int { return int(mm / 25.4 * printDPI) }
	key := fmt.Sprintf("%v %d×%d", m.bound(), px(m.w), px(m.h))
	if img, ok := p.d.basemaps[key]; ok { // the second layout pass draws the same map
		return img, nil
	}
	img, err := r(m.bound(), px(m.w), px(m.h))
	if err != nil {
		return nil, fmt.Errorf("render map figure: %w", err)
	}
	p.d.basemaps[key] = img
	return img, nil
}

func (p *pdfWriter) timelineFigure() {
	l := p.tl // as laid out beside the map
	if l == nil {
		l = layoutTimeline(p.cv, p.d, p.textW)
	}
	if len(l.marks) == 0 {
		return
	}
	p.ensure(l.h + 12)
	p.cv.x0, p.cv.y0 = p.left, p.y()
	l.paint(p.cv)
	p.setY(p.y() + l.h)
	p.caption(timelineCaption(l))
}

// heading starts a section, on a new page when less than need is left.
func (p *pdfWriter) heading(title string, need float64) {
	p.ensure(lineH(stH1) + 4 + need)
	p.pdf.Bookmark(title, 0, p.y())
	p.text(p.left, p.y(), title, stH1, colAccent)
	p.setY(p.y() + lineH(stH1) + 0.5)
	p.abs.line(p.left, p.y(), p.pageW-p.right, p.y(), 0.3, colFaint)
	p.setY(p.y() + 4)
}

const gutter = 11.0 // left column holding an event's number

func (p *pdfWriter) events() {
	if len(p.d.entries) == 0 {
		p.heading("Events", 10)
		p.lines(p.wrap("No events were selected for this briefing.", stBody, p.textW), p.left, stBody, colMuted)
		return
	}
	p.heading("Events", 40)
	for i, en := range p.d.entries {
		p.opt.progress(0.45+0.45*float64(i)/float64(len(p.d.entries)), "writing the events")
		p.event(en, i == len(p.d.entries)-1)
	}
}

// quoteBlock is a quotation and its citation, measured before drawing so it
// can be kept on one page.
type quoteBlock struct {
	quote, cite, url []string
	h                float64
	link             string
}

func (p *pdfWriter) measureQuote(en entry, i int, w float64) quoteBlock {
	s := en.E.Sources[i]
	c := p.d.cite(en.Cites[i])
	q := quoteBlock{quote: p.wrap(quoteText(s.Text), stQuote, w)}
	if repeatedCite(en, i) {
		// The full citation is right above; repeating it and its URL is noise.
		q.cite = p.wrap("— same source  ["+strconv.Itoa(c.N)+"]", stCite, w)
	} else {
		q.cite = p.wrap("— "+c.short()+"  ["+strconv.Itoa(c.N)+"]", stCite, w)
	}
	if u := c.url(); u != "" && !repeatedCite(en, i) {
		q.url = p.wrap(u, stURL, w)
		q.link = u
	}
	q.h = float64(len(q.quote))*lineH(stQuote) + 0.8 + float64(len(q.cite))*lineH(stCite) + float64(len(q.url))*lineH(stURL)
	return q
}

func (p *pdfWriter) event(en entry, last bool) {
	e := en.E
	x := p.left + gutter
	w := p.textW - gutter
	// Measure the head (date line, title, actors) to keep it with the first quote.
	meta := []string{}
	if pl := placeLabel(e.Place); pl != "" {
		meta = append(meta, pl)
	}
	meta = append(meta, string(e.Kind))
	if e.Planned {
		meta = append(meta, "planned")
	}
	date := DateLabel(e)
	dw := p.width(date, stEvDate)
	rest := "  ·  " + strings.Join(meta, "  ·  ")
	restLines := []string{rest}
	if dw+p.width(rest, stEvMeta) > w {
		restLines = p.wrap(strings.Join(meta, "  ·  "), stEvMeta, w)
	}
	title := p.wrap(e.Title, stEvTitle, w)
	var actors []string
	if a := actorNames(e); a != "" {
		actors = p.wrap("With "+a, stBody, w)
	}
	headH := lineH(stEvMeta) + float64(len(title))*lineH(stEvTitle) + 0.5 + float64(len(actors))*lineH(stBody)
	if len(restLines) > 1 || restLines[0] != rest {
		headH += float64(len(restLines)) * lineH(stEvMeta)
	}
	var quotes []quoteBlock
	for i := range e.Sources {
		quotes = append(quotes, p.measureQuote(en, i, w-4))
	}
	need := headH + 3
	if len(quotes) > 0 {
		need += quotes[0].h
	}
	p.cont = ""
	p.ensure(min(need, p.pageH-p.top-p.bottom))
	defer func() { p.cont = "" }()
	top := p.y()
	p.pdf.Bookmark(fmt.Sprintf("%d. %s", en.N, p.fit(e.Title, stEvTitle, 200)), 1, top)

	// Number badge in the gutter, in the kind's colour, as on the figures.
	drawBadge(p.abs, p.left+3.4, top+lineH(stEvMeta)/2+0.2, 3.3, en.N, e.Kind, e.Planned)

	p.text(x, top, date, stEvDate, colInk)
	if len(restLines) == 1 && restLines[0] == rest {
		p.text(x+dw, top, rest, stEvMeta, colMuted)
		p.setY(top + lineH(stEvMeta))
	} else {
		p.setY(top + lineH(stEvMeta))
		p.lines(restLines, x, stEvMeta, colMuted)
	}
	p.cont = fmt.Sprintf("%d. %s (continued)", en.N, collapse(e.Title))
	p.setY(p.y() + 0.3)
	p.lines(title, x, stEvTitle, colInk)
	p.setY(p.y() + 0.5)
	p.lines(actors, x, stBody, colMuted)

	if note := strings.TrimSpace(e.Note); note != "" {
		p.note(note, x, w)
	}
	for _, q := range quotes {
		p.quote(q, x, w, kindColour(e.Kind))
	}
	if !last {
		p.setY(p.y() + 3)
		if p.room() > 8 {
			p.abs.line(x, p.y(), p.pageW-p.right, p.y(), 0.15, colFaint)
		}
		p.setY(p.y() + 5)
	}
}

// note draws the user's note in a tinted box with an orange rule.
func (p *pdfWriter) note(note string, x, w float64) {
	pad := 2.2
	ls := p.wrap(note, stNote, w-2*pad-2)
	h := lineH(stNoteLbl) + float64(len(ls))*lineH(stNote) + 2*pad
	p.setY(p.y() + 2)
	if h <= p.pageH-p.top-p.bottom {
		p.ensure(h)
		y := p.y()
		p.abs.rect(x, y, w, h, colNote)
		p.abs.rect(x, y, 0.9, h, colNoteRule)
		p.text(x+pad+1, y+pad, "Analyst’s note", stNoteLbl, colMuted)
		p.setY(y + pad + lineH(stNoteLbl))
		p.lines(ls, x+pad+1, stNote, colInk)
		p.setY(y + h)
		return
	}
	// A note longer than a page flows without its box.
	p.lines(ls, x, stNote, colInk)
}

// quote draws a quotation with a rule in the event's colour, then its
// citation and URL, all on one page when they fit.
func (p *pdfWriter) quote(q quoteBlock, x, w float64, col color.NRGBA) {
	p.setY(p.y() + 2.2)
	if q.h <= p.pageH-p.top-p.bottom {
		p.ensure(q.h)
	}
	y0 := p.y()
	startPage := p.pdf.PageNo()
	p.lines(q.quote, x+4, stQuote, colInk)
	if p.pdf.PageNo() == startPage {
		p.abs.rect(x+0.6, y0+0.6, 0.8, p.y()-y0-1.2, tint(col, 0.35))
	}
	p.setY(p.y() + 0.8)
	p.lines(q.cite, x+4, stCite, colMuted)
	for _, l := range q.url {
		p.ensure(lineH(stURL))
		p.text(x+4, p.y(), l, stURL, colAccent)
		p.pdf.LinkString(x+4, p.y(), p.width(l, stURL), lineH(stURL), q.link)
		p.setY(p.y() + lineH(stURL))
	}
}

func (p *pdfWriter) sourcesList() {
	if len(p.d.sources) == 0 {
		return
	}
	p.setY(p.y() + 6)
	about := "Events were extracted automatically by Briefing Atlas from the sources below; analyst’s notes are the author’s own. " +
		"Dates are given only as precisely as the sources allow; each quotation is the sentence an event was read from, " +
		"and the number in brackets points to its source in this list."
	intro := p.wrap(about, stCite, p.textW)
	p.heading("Sources", float64(len(intro))*lineH(stCite)+14)
	p.lines(intro, p.left, stCite, colMuted)
	p.setY(p.y() + 3)
	x := p.left + gutter
	w := p.textW - gutter
	for _, c := range p.d.sources {
		main := p.wrap(c.long(), stBody, w)
		var url []string
		if u := c.url(); u != "" {
			url = p.wrap(u, stURL, w)
		}
		info := p.wrap("File "+c.File+"  ·  cited for "+eventList(c.Events), stCite, w)
		h := float64(len(main))*lineH(stBody) + float64(len(url))*lineH(stURL) + float64(len(info))*lineH(stCite) + 3
		p.ensure(h)
		p.text(p.left, p.y(), "["+strconv.Itoa(c.N)+"]", stBody, colMuted)
		p.lines(main, x, stBody, colInk)
		for _, l := range url {
			p.text(x, p.y(), l, stURL, colAccent)
			p.pdf.LinkString(x, p.y(), p.width(l, stURL), lineH(stURL), c.url())
			p.setY(p.y() + lineH(stURL))
		}
		p.lines(info, x, stCite, colMuted)
		p.setY(p.y() + 3)
	}
}

// eventList is "event 3" or "events 1, 4, 7".
func eventList(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	if len(ns) == 1 {
		return "event " + parts[0]
	}
	return "events " + strings.Join(parts, ", ")
}

// repeatedCite reports whether the i-th quotation of an event comes from
// the same source as the one before it.
func repeatedCite(en entry, i int) bool { return i > 0 && en.Cites[i] == en.Cites[i-1] }

// quoteText sets a source sentence in quotation marks. Quotation marks
// inside it become single ones, as house style nests them, so a sentence
// that opens with a quote does not print as “"We….
func quoteText(s string) string {
	r := []rune(strings.TrimSpace(collapse(s)))
	for i, c := range r {
		switch c {
		case '"':
			if i == 0 || unicode.IsSpace(r[i-1]) || strings.ContainsRune("([{—–-", r[i-1]) {
				r[i] = '‘'
			} else {
				r[i] = '’'
			}
		case '“':
			r[i] = '‘'
		case '”':
			r[i] = '’'
		}
	}
	return "“" + string(r) + "”"
}

// collapse turns runs of white space (line breaks inside a sentence) into
// single spaces.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// clean makes text safe for the PDF fonts: fpdf's width tables cover the
// Basic Multilingual Plane only, so anything beyond (emoji) becomes a
// replacement, and control characters other than newlines go.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r' || r == '\u00a0':
			return ' '
		case r > 0xFFFF:
			return '?'
		case unicode.IsControl(r) || r == '\ufeff':
			return -1
		}
		return r
	}, s)
}

// registerPNG adds an image to the PDF as an opaque PNG; flattening onto
// white avoids a soft mask that some viewers render slowly.
func registerPNG(pdf *fpdf.Fpdf, name string, img image.Image, cache map[image.Image][]byte) error {
	// Only comparable images can be map keys; pointers (*image.RGBA) are.
	cacheable := reflect.TypeOf(img).Comparable()
	if !cacheable {
		cache = nil
	}
	if data, ok := cache[img]; ok {
		pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(data))
		return pdf.Error()
	}
	flat := image.NewRGBA(img.Bounds())
	draw.Draw(flat, flat.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(flat, flat.Bounds(), img, img.Bounds().Min, draw.Over)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, flat); err != nil {
		return fmt.Errorf("encode figure: %w", err)
	}
	if cache != nil {
		cache[img] = buf.Bytes()
	}
	pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, &buf)
	return pdf.Error()
}
