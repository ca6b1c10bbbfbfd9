package gen

import (
	"fmt"
	"html"
	"strings"
)

// Format is a file format the importer reads.
type Format string

// The formats WriteCorpus can write.
const (
	FormatText     Format = "txt"
	FormatHTML     Format = "html"
	FormatMarkdown Format = "md"
)

// FormatOf says in which format WriteCorpus writes article i: a share of
// HTML pages and of Markdown files as opt asks, picked by a hash of the
// index so that the article texts do not depend on the shares.
func (c *Corpus) FormatOf(i int) Format {
	u := float64(mix(c.opt.Seed^0xf0f0, uint64(i))>>11) / (1 << 53)
	switch {
	case u < c.opt.HTMLShare:
		return FormatHTML
	case u < c.opt.HTMLShare+c.opt.MarkdownShare:
		return FormatMarkdown
	}
	return FormatText
}

// Render returns the file bytes of article a in format f and the file name
// with the format's extension. HTML pages carry what real pages carry around
// the story (navigation, a related-links box, a footer, a script) so that
// the importer's main-text extraction has work to do; the story itself is
// the same text.
func Render(a Article, f Format) (name string, data []byte) {
	base := strings.TrimSuffix(a.File, ".txt")
	paras := strings.Split(strings.TrimSpace(a.Text), "\n\n")
	body := paras[1:] // the first block is the title
	switch f {
	case FormatHTML:
		var b strings.Builder
		fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>%s | %s</title>\n",
			html.EscapeString(a.Title), html.EscapeString(a.Publisher))
		fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">\n", a.Published.Format("2006-01-02T15:04:05Z"))
		fmt.Fprintf(&b, "<meta property=\"og:site_name\" content=\"%s\">\n", html.EscapeString(a.Publisher))
		b.WriteString("<script>window.analytics = window.analytics || [];</script></head>\n<body>\n")
		b.WriteString("<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/politics\">Politics</a> " +
			"<a href=\"/business\">Business</a> <a href=\"/opinion\">Opinion</a></nav></header>\n<main><article>\n")
		fmt.Fprintf(&b, "<h1>%s</h1>\n<p class=\"byline\">By Staff Reporter, %s</p>\n", html.EscapeString(a.Title), html.EscapeString(a.Publisher))
		for _, p := range body {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
		b.WriteString("</article>\n<aside><h2>Related</h2><ul><li><a href=\"/a\">More on this story</a></li>" +
			"<li><a href=\"/b\">Analysis: what comes next</a></li></ul></aside></main>\n")
		fmt.Fprintf(&b, "<footer><p>&copy; %d %s. All rights reserved.</p><p><a href=\"/privacy\">Privacy</a></p></footer>\n</body></html>\n",
			a.Published.Year(), html.EscapeString(a.Publisher))
		return base + ".html", []byte(b.String())
	case FormatMarkdown:
		var b strings.Builder
		fmt.Fprintf(&b, "# %s\n\n", a.Title)
		for _, p := range body {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
		return base + ".md", []byte(b.String())
	}
	return a.File, []byte(a.Text)
}
