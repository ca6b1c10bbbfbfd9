package ingest

import (
	"fmt"
	"strings"
	"time"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a web page's head says about the article.
type pageMeta struct {
	title     string
	site      string
	url       string // the page's own address, "" if it does not say
	published time.Time
}

// mainText returns the readable main text of a page, one paragraph per line
// with blank lines between, plus its metadata. Scripts are never run: the page
// is only parsed, and script, style and template elements are dropped.
func mainText(page string) (string, pageMeta, error) {
	var pm pageMeta
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return "", pm, fmt.Errorf("parse HTML: %w", err)
	}
	head := readHeadTags(doc)
	pm.published, pm.url = head.date(), head.url()
	art, err := readability.FromDocument(doc, nil)
	if err != nil {
		return "", pm, fmt.Errorf("find the page's main text: %w", err)
	}
	pm.title = strings.TrimSpace(art.Title)
	pm.site = strings.TrimSpace(art.SiteName)
	if pm.published.IsZero() && art.PublishedTime != nil && !art.PublishedTime.IsZero() {
		pm.published = art.PublishedTime.UTC()
	}
	var text string
	if art.Node != nil {
		text = blockText(art.Node)
	}
	if strings.TrimSpace(text) == "" {
		text = strings.TrimSpace(art.TextContent)
	}
	return text, pm, nil
}

// headTags is what a page's meta tags, first <time datetime> and canonical
// link say.
type headTags struct {
	meta      map[string]string // lower-case name or property → content, first wins
	timeAttr  string
	canonical string
}

func readHeadTags(doc *html.Node) headTags {
	h := headTags{meta: map[string]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				var name, content string
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "name", "property", "itemprop", "http-equiv":
						name = strings.ToLower(strings.TrimSpace(a.Val))
					case "content":
						content = a.Val
					}
				}
				if _, ok := h.meta[name]; name != "" && content != "" && !ok {
					h.meta[name] = content
				}
			case atom.Time:
				if v := attr(n, "datetime"); h.timeAttr == "" {
					h.timeAttr = v
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && h.canonical == "" {
					h.canonical = attr(n, "href")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return h
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// date reads the publication date from the page's meta tags or its first
// <time datetime>, in the order sites most often get right.
func (h headTags) date() time.Time {
	keys := []string{"article:published_time", "og:published_time", "datepublished", "date", "pubdate",
		"publishdate", "publish-date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date"}
	for _, k := range keys {
		if v, ok := h.meta[k]; ok {
			if t, err := ParseDate(v); err == nil {
				return t
			}
		}
	}
	if h.timeAttr != "" {
		if t, err := ParseDate(h.timeAttr); err == nil {
			return t
		}
	}
	return time.Time{}
}

// url is the page's own address (og:url, else the canonical link), kept only
// when it is an absolute web address.
func (h headTags) url() string {
	for _, u := range []string{h.meta["og:url"], h.canonical} {
		u = strings.TrimSpace(u)
		if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
			return u
		}
	}
	return ""
}

var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Pre: true, atom.Tr: true, atom.Section: true,
	atom.Article: true, atom.Figcaption: true, atom.Figure: true, atom.Header: true, atom.Footer: true,
	atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Dd: true, atom.Dt: true,
}

// blockText flattens HTML to text: one line per paragraph-like block, blank
// lines between, whitespace inside a block collapsed.
func blockText(root *html.Node) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		s := strings.Join(strings.Fields(cur.String()), " ")
		if s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Object, atom.Svg:
				return
			case atom.Br:
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(root)
	flush()
	return strings.Join(paras, "\n\n")
}
