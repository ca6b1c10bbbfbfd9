package briefing

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// screenDPI is the resolution of the Markdown figures: sharp on screen and
// in a word processor at full text width, and light enough to mail.
const screenDPI = 160

// Figure sizes in millimetres, shared by the PNG figures.
const (
	figW    = 166.0
	mapFigH = figW * 0.6
)

// MarkdownFigures names the PNG files a Markdown briefing links to, relative
// to the Markdown file; an empty name leaves the figure out.
type MarkdownFigures struct {
	Map      string
	Timeline string

	timelineCaption string
}

// writeMarkdownFile renders the figures beside path and writes the text to
// w; it returns the figure files written.
func writeMarkdownFile(w io.Writer, path string, b Briefing, opt Options) ([]string, error) {
	d := prepare(b)
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	var figs MarkdownFigures
	var written []string
	if len(d.groups) > 0 {
		opt.progress(0.1, "rendering the map")
		name := stem + "-map.png"
		rc, err := mapPNG(d, opt)
		if err != nil {
			return nil, err
		}
		if err := writePNGFile(name, rc); err != nil {
			return nil, err
		}
		figs.Map = filepath.Base(name)
		written = append(written, name)
	}
	opt.progress(0.5, "drawing the timeline")
	if tl, lay := timelinePNG(d); tl != nil {
		figs.timelineCaption = timelineCaption(lay)
		name := stem + "-timeline.png"
		if err := writePNGFile(name, tl); err != nil {
			return nil, err
		}
		figs.Timeline = filepath.Base(name)
		written = append(written, name)
	}
	opt.progress(0.8, "writing the text")
	if err := writeMarkdown(w, d, figs); err != nil {
		return nil, err
	}
	return written, nil
}

// writePNGFile writes a drawn figure as a PNG file beside the Markdown.
func writePNGFile(name string, rc *rasterCanvas) error {
	var buf bytes.Buffer
	if err := png.Encode(&buf, rc.img); err != nil {
		return fmt.Errorf("encode %s: %w", name, err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write figure: %w", err)
	}
	return nil
}

// mapPNG draws the map figure as an image, the same way as in the PDF.
func mapPNG(d *doc, opt Options) (*rasterCanvas, error) {
	m := d.mapViewport(figW, mapFigH)
	rc := newRasterCanvas(figW, mapFigH, screenDPI)
	r := opt.Map
	if r == nil {
		r = DefaultMap
	}
	var base image.Image
	if r != nil {
		img, err := r(m.bound(), rc.img.Bounds().Dx(), rc.img.Bounds().Dy())
		if err != nil {
			return nil, fmt.Errorf("render map figure: %w", err)
		}
		base = img
	}
	if err := drawMapFigure(rc, d, m, base); err != nil {
		return nil, err
	}
	return rc, nil
}

// timelinePNG draws the timeline figure as an image, or returns nil when no
// event is dated.
func timelinePNG(d *doc) (*rasterCanvas, *tlLayout) {
	probe := newRasterCanvas(1, 1, screenDPI) // measures text at the output resolution
	l := layoutTimeline(probe, d, figW-4)
	if len(l.marks) == 0 {
		return nil, nil
	}
	rc := newRasterCanvas(figW, l.h+4, screenDPI)
	l.paint(&offsetCanvas{canvas: rc, dx: 2, dy: 2})
	return rc, l
}

// offsetCanvas shifts another canvas, for a white border around a figure.
type offsetCanvas struct {
	canvas
	dx, dy float64
}

func (o *offsetCanvas) rect(x, y, w, h float64, fill color.NRGBA) {
	o.canvas.rect(x+o.dx, y+o.dy, w, h, fill)
}

func (o *offsetCanvas) line(x1, y1, x2, y2, width float64, c color.NRGBA) {
	o.canvas.line(x1+o.dx, y1+o.dy, x2+o.dx, y2+o.dy, width, c)
}

func (o *offsetCanvas) circle(cx, cy, r float64, fill, stroke color.NRGBA, width float64) {
	o.canvas.circle(cx+o.dx, cy+o.dy, r, fill, stroke, width)
}

func (o *offsetCanvas) text(x, y float64, s string, st textStyle, c color.NRGBA) {
	o.canvas.text(x+o.dx, y+o.dy, s, st, c)
}

// WriteMarkdown writes the briefing as Markdown that links to the given
// figure files; Export renders those figures beside the file.
func WriteMarkdown(w io.Writer, b Briefing, figs MarkdownFigures) error {
	return writeMarkdown(w, prepare(b), figs)
}

func writeMarkdown(w io.Writer, d *doc, figs MarkdownFigures) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("# %s\n\n", mdEscape(d.Title))
	var meta []string
	if d.Author != "" {
		meta = append(meta, "**Prepared by** "+mdEscape(d.Author))
	}
	meta = append(meta, "**Date** "+dayLabel(d.Prepared), "**Period covered** "+d.period())
	p("%s  \n", strings.Join(meta, " · "))
	if d.Scope != "" {
		p("**Selection** %s  \n", mdEscape(d.Scope))
	}
	p("%s\n\n", d.counts())
	writeMarkdownSummary(p, d)
	if figs.Map != "" {
		p("![Map of the events with their numbers](%s)\n\n", mdLink(figs.Map))
		p("*Figure 1. Where the events took place. Numbers refer to the list of events; colours show the kind of event.*\n\n")
	}
	if figs.Timeline != "" {
		p("![Timeline of the events with their numbers](%s)\n\n", mdLink(figs.Timeline))
		caption := figs.timelineCaption
		if caption == "" {
			caption = "Figure 2. When the events took place, with the same numbers as the map and the list of events."
		}
		p("*%s*\n\n", caption)
	}
	p("## Events\n\n")
	if len(d.entries) == 0 {
		p("No events were selected for this briefing.\n\n")
	}
	for _, en := range d.entries {
		e := en.E
		p("### %d. %s\n\n", en.N, mdEscape(e.Title))
		line := "**" + DateLabel(e) + "**"
		if pl := placeLabel(e.Place); pl != "" {
			line += " · " + mdEscape(pl)
		}
		line += " · " + string(e.Kind)
		if e.Planned {
			line += " · planned"
		}
		p("%s  \n", line)
		if a := actorNames(e); a != "" {
			p("With %s\n", mdEscape(a))
		}
		p("\n")
		if note := strings.TrimSpace(e.Note); note != "" {
			p("**Analyst’s note:** *%s*\n\n", mdEscape(collapse(note)))
		}
		for i, s := range e.Sources {
			c := d.cite(en.Cites[i])
			p("> %s  \n", mdEscape(quoteText(s.Text)))
			cite := "> — " + mdEscape(c.short()) + " [" + strconv.Itoa(c.N) + "]"
			if repeatedCite(en, i) {
				cite = "> — same source [" + strconv.Itoa(c.N) + "]"
			} else if u := c.url(); u != "" {
				cite += " <" + u + ">"
			}
			p("%s\n\n", cite)
		}
	}
	if len(d.sources) > 0 {
		p("## Sources\n\n")
		for _, c := range d.sources {
			p("%d. %s", c.N, mdEscape(c.long()))
			if u := c.url(); u != "" {
				p(" <%s>", u)
			}
			p("  \n   File `%s` · cited for %s\n", strings.ReplaceAll(c.File, "`", "'"), eventList(c.Events))
		}
		p("\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write Markdown: %w", err)
	}
	return nil
}

// writeMarkdownSummary writes the summary section that heads the briefing,
// under the cover lines and above the figures, so that it is what a reader
// meets first.
func writeMarkdownSummary(p func(string, ...any), d *doc) {
	s := d.sum
	if s == nil {
		return
	}
	p("## Summary\n\n%s\n\n", mdEscape(s.overview))
	p("**Key developments**\n\n")
	for _, en := range s.keys {
		line := "- **" + DateLabel(en.E) + "** · " + mdEscape(collapse(en.E.Title))
		if pl := placeLabel(en.E.Place); pl != "" {
			line += " · " + mdEscape(pl)
		}
		p("%s · event %d %s\n", line, en.N, citeList(uniqueCites(en)))
	}
	p("\n**Where the sources disagree**\n\n")
	if len(s.disputes) == 0 {
		p("%s\n\n", agreeText)
		return
	}
	for _, ds := range s.disputes {
		p("- *%s*, %s: %s\n", mdEscape(ds.head()), DateLabel(ds.en.E), ds.line(d, mdEscape))
	}
	if m := s.moreText(); m != "" {
		p("\n%s\n", m)
	}
	p("\n")
}

// mdEscape keeps article text from turning into Markdown markup.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range clean(s) {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|':
			b.WriteByte('\\')
		case '\n':
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLink escapes a relative file name for a link target.
func mdLink(name string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29").Replace(name)
}
