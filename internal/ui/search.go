package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// The search box finds events by the words of their source sentences,
// titles, places and actors (store.EventsMatching): the timeline and the map
// narrow to the matches through the frame's filter, as for every other
// filter, and a result list above the timeline shows the best hits with
// their words in bold. Words found only in articles, in no event's
// sentence, are listed too, to be opened in the reader.

// searchListMax bounds the hits listed; the timeline and the map still
// show every match.
const searchListMax = 200

// searchArticlesMax bounds the articles listed whose text alone matches.
const searchArticlesMax = 20

// searchText is the filter text for what is in the search box: while a
// word is being typed it is a prefix, so that the views follow the keys.
func searchText(typed string) string {
	return strings.TrimSpace(store.PrefixLastWord(typed))
}

// buildSearch makes the search box and the result list above the timeline.
func (m *MainWindow) buildSearch() fyne.CanvasObject {
	m.Search = widget.NewEntry()
	m.Search.SetPlaceHolder("Search…  (Ctrl+F)")
	m.Search.ActionItem = widget.NewIcon(theme.SearchIcon())
	m.Search.OnSubmitted = func(string) { m.applyFilters() }
	m.searchP = newSearchPanel(m)
	m.Search.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" || len(s) >= 3 {
			m.applyFilters()
		}
	}
	return m.Search
}

// searchResult is what a search read from the store, off the UI goroutine,
// with the rest of its frame.
type searchResult struct {
	query    string
	hits     []store.EventHit
	articles []store.ArticleHit
	err      error
}

// readSearch runs the frame's search, if there is one. It touches no
// widget.
func (m *MainWindow) readSearch(f store.Filter) searchResult {
	r := searchResult{query: f.Text}
	if f.Text == "" {
		return r
	}
	ctx := context.Background()
	f.Limit = searchListMax
	if r.hits, r.err = m.Store.EventsMatchingWithin(ctx, f); r.err != nil {
		return r
	}
	r.articles, r.err = m.Store.ArticlesMatching(ctx, f.Text, searchArticlesMax)
	return r
}

// searchStatus is the status bar's summary while a search narrows the
// views: how many events match of all.
func searchStatus(shown, events, articles, places int) string {
	return counts.Sprintf("%d of %d events match  ·  %d %s  ·  %d %s", shown, events,
		articles, plural(articles, "article", "articles"), places, plural(places, "place", "places"))
}

// searchPanel is the result list above the timeline; hidden while the
// search box is empty.
type searchPanel struct {
	m        *MainWindow
	box      *fyne.Container
	head     *widget.Label
	list     *widget.List
	hits     []store.EventHit
	articles []store.ArticleHit
}

// searchRowH is a result row's height: a title line and two lines of
// snippet (store snippets are about twenty words).
const searchRowH = 82

func newSearchPanel(m *MainWindow) *searchPanel {
	p := &searchPanel{m: m}
	// Short enough to show whole in the box at the window's usual width;
	// AND, OR and NOT are in the README.
	m.Search.SetPlaceHolder(`Search sources: words, "a phrase", prefix*  (Ctrl+F)`)
	p.head = widget.NewLabel("")
	p.head.Wrapping = fyne.TextWrapWord
	p.list = widget.NewList(
		func() int { return len(p.hits) + len(p.articles) },
		func() fyne.CanvasObject {
			// One RichText for title and snippet: one padding, not two.
			// Wrapped, not truncated: Fyne's RichText cannot do both.
			rt := widget.NewRichText()
			rt.Wrapping = fyne.TextWrapWord
			icon := widget.NewIcon(theme.DocumentIcon())
			return container.New(&fixedSize{h: searchRowH}, container.NewBorder(nil, nil, icon, nil, rt))
		},
		p.updateRow)
	p.list.OnSelected = p.pick
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { m.Search.SetText("") })
	clear.Importance = widget.LowImportance
	top := container.NewBorder(nil, nil, nil, clear, p.head)
	p.box = container.NewBorder(top, widget.NewSeparator(), nil, nil, container.New(&fixedSize{h: 2.6 * searchRowH}, p.list))
	p.box.Hide()
	return p
}

// searchTitleStyle sets a hit's first line apart from its snippet, whose
// matched words are in bold.
var searchTitleStyle = widget.RichTextStyle{ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}

// updateRow fills list row i: an event hit, then the articles.
func (p *searchPanel) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	b := o.(*fyne.Container).Objects[0].(*fyne.Container)
	var rt *widget.RichText
	var icon *widget.Icon
	for _, c := range b.Objects {
		switch v := c.(type) {
		case *widget.RichText:
			rt = v
		case *widget.Icon:
			icon = v
		}
	}
	var title string
	var snip []widget.RichTextSegment
	if i < len(p.hits) {
		h := p.hits[i]
		title = eventLine(h.Event)
		icon.Hide()
		snip = snippetSegments(h.Snippet)
	} else if i-len(p.hits) < len(p.articles) {
		a := p.articles[i-len(p.hits)]
		title = "In the article " + articleLine(a.Article)
		icon.Show()
		if a.TitleOnly {
			snip = []widget.RichTextSegment{&widget.TextSegment{Text: "(the words are in its title)", Style: widget.RichTextStyleInline}}
		} else {
			snip = snippetSegments(a.Snippet)
		}
	}
	rt.Segments = append([]widget.RichTextSegment{&widget.TextSegment{Text: title, Style: searchTitleStyle}}, snip...)
	rt.Refresh()
	b.Refresh()
}

// eventLine is a hit's first line: date, title, place.
func eventLine(e model.Event) string {
	s := "undated"
	if e.Dated() {
		s = e.Start.Format("2 Jan 2006")
	}
	s += "  ·  " + e.Title
	if e.Place != nil {
		s += "  ·  " + e.Place.Name
	}
	return s
}

// articleLine names an article: its title, else its file, with publisher
// and date when known.
func articleLine(a model.Article) string {
	s := a.Title
	if s == "" {
		s = baseName(a.Path)
	}
	var more []string
	if a.Publisher != "" {
		more = append(more, a.Publisher)
	}
	if !a.Published.IsZero() {
		more = append(more, a.Published.Format("2 Jan 2006"))
	}
	if len(more) > 0 {
		s += " (" + strings.Join(more, ", ") + ")"
	}
	return s
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// snippetSegments shows a snippet with the matched words in bold.
func snippetSegments(parts []store.SnippetPart) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for _, p := range parts {
		st := widget.RichTextStyleInline
		if p.Match {
			st = widget.RichTextStyleStrong
		}
		segs = append(segs, &widget.TextSegment{Text: p.Text, Style: st})
	}
	return segs
}

// show puts a frame's search into the panel; UI goroutine only.
func (p *searchPanel) show(r searchResult, matched int) {
	p.list.UnselectAll()
	if r.query == "" {
		p.hits, p.articles = nil, nil
		p.box.Hide()
		p.list.Refresh()
		return
	}
	if r.err != nil {
		p.m.showError(fmt.Errorf("search %q: %w", r.query, r.err))
	}
	p.hits, p.articles = r.hits, r.articles
	p.head.SetText(searchHeading(r.query, len(r.hits), matched, len(r.articles)))
	p.list.Refresh()
	p.list.ScrollToTop()
	p.box.Show()
}

// searchHeading says what a search found, in words.
func searchHeading(query string, listed, matched, articles int) string {
	q := "“" + query + "”"
	var s string
	switch {
	case listed == 0 && articles == 0:
		return "Nothing matches " + q + ". Search finds words of the events' sentences and of the articles: \"a phrase\", prefix*, AND, OR, NOT."
	case listed == 0:
		s = counts.Sprintf("No event matches %s, but %d %s the words: pick %s below to read %s.", q, articles, plural(articles, "article has", "articles have"), plural(articles, "it", "one"), plural(articles, "them", "it"))
		return s
	case matched > listed:
		s = counts.Sprintf("%d events match %s; the best %d, best first:", matched, q, listed)
	default:
		s = counts.Sprintf("%d %s %s, best first:", listed, plural(listed, "event matches", "events match"), q)
	}
	if articles > 0 {
		s += counts.Sprintf("  (and %d %s with no matching event, below)", articles, plural(articles, "article", "articles"))
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// pick selects a hit in every view, or opens an article in the reader.
func (p *searchPanel) pick(i widget.ListItemID) {
	if i < len(p.hits) {
		p.m.SelectEvent(p.hits[i].Event)
		return
	}
	if i -= len(p.hits); i < len(p.articles) {
		p.openArticle(p.articles[i])
	}
	// An article row stays unselected, so that it opens again on a tap.
	p.list.UnselectAll()
}

// openArticle opens a matching article in the reader, at its first match.
func (p *searchPanel) openArticle(h store.ArticleHit) {
	a, err := p.m.Store.Article(h.Article.ID)
	if err != nil {
		p.m.showError(err)
		return
	}
	ms, err := p.m.Store.MentionsIn(a.ID)
	if err != nil {
		p.m.showError(err)
	}
	p.m.openArticle(SourceDetail{
		Source:   model.Source{ArticleID: a.ID, File: baseName(a.Path), Span: h.First},
		Article:  a,
		Mentions: ms,
	})
}
