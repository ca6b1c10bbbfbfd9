// Package briefing turns a set of events into the documents a user hands
// over: a printable PDF with a map and a timeline, a Markdown version for word
// processors, and CSV, GeoJSON and KML for other tools. It takes plain values
// (events and the articles they cite) and knows nothing of SQLite or Fyne, so
// the CLI and the desktop app share it unchanged.
package briefing

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// Briefing is everything an export needs: who made it, when, and the events
// with the articles their sources point to.
type Briefing struct {
	Title    string
	Author   string
	Prepared time.Time
	// Scope says in words how the events were chosen ("Starred events",
	// "Events shown by the filters: place Moscow"); it is printed on the cover.
	Scope string
	// Events are the events to include; Select applies the inclusion rule.
	Events []model.Event
	// Articles maps Source.ArticleID to the article, for citations.
	// Missing articles are cited by file name only.
	Articles map[int64]*model.Article
	// Mentions maps Source.ArticleID to the place mentions of that article
	// (model.MentionPlace), so that the summary can tell when two sources
	// name different places for one event. Nil leaves places out of the
	// summary's disagreements; dates need only the sources.
	Mentions map[int64][]model.Mention
}

// Format is an export file format.
type Format string

// The export formats.
const (
	PDF      Format = "pdf"
	Markdown Format = "md"
	CSV      Format = "csv"
	GeoJSON  Format = "geojson"
	KML      Format = "kml"
)

// Formats lists every format in the order the export dialog offers them.
var Formats = []Format{PDF, Markdown, CSV, GeoJSON, KML}

// Label is the format's name as shown to the user.
func (f Format) Label() string {
	switch f {
	case PDF:
		return "PDF document"
	case Markdown:
		return "Markdown (with PNG figures)"
	case CSV:
		return "CSV table"
	case GeoJSON:
		return "GeoJSON (QGIS)"
	case KML:
		return "KML (Google Earth)"
	}
	return string(f)
}

// Ext is the file extension for the format, with its dot.
func (f Format) Ext() string { return "." + string(f) }

// ParseFormat reads a format name as typed on the command line; "markdown",
// "json" and "kmz"-less spellings are accepted because users type them.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), ".")) {
	case "pdf":
		return PDF, nil
	case "md", "markdown":
		return Markdown, nil
	case "csv":
		return CSV, nil
	case "geojson", "json":
		return GeoJSON, nil
	case "kml":
		return KML, nil
	}
	return "", fmt.Errorf("unknown export format %q (want pdf, md, csv, geojson or kml)", s)
}

// FormatFromPath guesses the format from a file name's extension.
func FormatFromPath(path string) (Format, error) {
	ext := filepath.Ext(path)
	if ext == "" {
		return "", fmt.Errorf("cannot tell the export format of %q: no file extension", path)
	}
	return ParseFormat(ext)
}

// Paper is a page size for the PDF.
type Paper string

// The paper sizes.
const (
	A4     Paper = "a4"
	Letter Paper = "letter"
)

// ParsePaper reads a paper size name.
func ParsePaper(s string) (Paper, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "a4", "":
		return A4, nil
	case "letter", "us-letter", "usletter":
		return Letter, nil
	}
	return "", fmt.Errorf("unknown paper size %q (want a4 or letter)", s)
}

// Options says how to export.
type Options struct {
	Format Format
	Paper  Paper
	// Map draws the basemap under the map figure; nil uses DefaultMap.
	Map MapRenderer
	// Progress, when set, is told how far the export has got (0..1) and what
	// it is doing; it is called on the exporting goroutine.
	Progress func(done float64, step string)
}

func (o *Options) progress(done float64, step string) {
	if o.Progress != nil {
		o.Progress(done, step)
	}
}

// Export writes the briefing to path in opt.Format (taken from path's
// extension when empty). The file is written beside its final name and
// renamed at the end, so a failed export never leaves half a file behind.
// Markdown also writes its figures as PNG files beside path; Export returns
// every file it wrote, the main one first.
func Export(path string, b Briefing, opt Options) ([]string, error) {
	if opt.Format == "" {
		f, err := FormatFromPath(path)
		if err != nil {
			return nil, err
		}
		opt.Format = f
	}
	if opt.Paper == "" {
		opt.Paper = A4
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		// CreateTemp would name its random temporary file; the user named the folder.
		return nil, fmt.Errorf("export %s: the folder %s does not exist", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	// CreateTemp makes the file private; a briefing is meant to be shared.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("export %s: %w", path, err)
	}
	written := []string{path}
	switch opt.Format {
	case PDF:
		err = WritePDF(tmp, b, opt)
	case Markdown:
		var figs []string
		figs, err = writeMarkdownFile(tmp, path, b, opt)
		written = append(written, figs...)
	case CSV:
		err = WriteCSV(tmp, b)
	case GeoJSON:
		err = WriteGeoJSON(tmp, b)
	case KML:
		err = WriteKML(tmp, b)
	default:
		err = fmt.Errorf("unknown format %q", opt.Format)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return nil, fmt.Errorf("export %s: %w", path, err)
	}
	opt.progress(1, "done")
	return written, nil
}

// entry is one event as printed: its number in the briefing and the
// sources list numbers of its citations.
type entry struct {
	N     int
	E     *model.Event
	Cites []int // index into doc.sources, one per event source
}

// cited is one document in the sources list.
type cited struct {
	N       int
	Article *model.Article // nil when the store did not give it
	File    string
	Events  []int // numbers of the events citing it
}

// doc is the briefing prepared for printing: events in date order and
// numbered, sources numbered in order of first citation.
type doc struct {
	Briefing
	entries []entry
	sources []*cited
	groups  []*placeGroup // the places on the map, in order of first event
	from    string
	to      string
	sum     *summary // nil when there are no events

	// Caches shared by the PDF's two layout passes.
	basemaps map[string]image.Image
	pngs     map[image.Image][]byte
}

// prepare orders and numbers the events and collects the sources. Hidden
// events are dropped here too, so that no caller can leak them by mistake.
func prepare(b Briefing) *doc {
	d := &doc{Briefing: b}
	if d.Prepared.IsZero() {
		d.Prepared = time.Now()
	}
	if strings.TrimSpace(d.Title) == "" {
		d.Title = "Briefing"
	}
	evs := make([]*model.Event, 0, len(b.Events))
	for i := range b.Events {
		if !b.Events[i].Hidden {
			evs = append(evs, &b.Events[i])
		}
	}
	sort.SliceStable(evs, func(i, j int) bool { return eventLess(evs[i], evs[j]) })
	byKey := map[string]*cited{}
	groups := map[string]*placeGroup{}
	var first, last *model.Event
	for i, e := range evs {
		en := entry{N: i + 1, E: e}
		if e.Place != nil {
			g := groups[placeKey(e.Place)]
			if g == nil {
				g = &placeGroup{place: e.Place}
				groups[placeKey(e.Place)] = g
				d.groups = append(d.groups, g)
			}
			g.numbers = append(g.numbers, en.N)
			g.kinds = append(g.kinds, e.Kind)
			g.planned = append(g.planned, e.Planned)
		}
		if e.Dated() {
			if first == nil {
				first = e
			}
			if last == nil || endOf(e).After(endOf(last)) {
				last = e
			}
		}
		for _, s := range e.Sources {
			a := b.Articles[s.ArticleID]
			key := fmt.Sprintf("a%d", s.ArticleID)
			if a == nil {
				key = "f" + s.File
			}
			c := byKey[key]
			if c == nil {
				c = &cited{N: len(d.sources) + 1, Article: a, File: s.File}
				if a != nil && c.File == "" {
					c.File = filepath.Base(a.Path)
				}
				byKey[key] = c
				d.sources = append(d.sources, c)
			}
			if len(c.Events) == 0 || c.Events[len(c.Events)-1] != en.N {
				c.Events = append(c.Events, en.N)
			}
			en.Cites = append(en.Cites, c.N)
		}
		d.entries = append(d.entries, en)
	}
	if first != nil {
		d.from = edgeLabel(first.Start, first.Precision)
		d.to = edgeLabel(endOf(last), last.Precision)
	}
	d.sum = d.summarize()
	return d
}

func placeKey(p *model.Place) string {
	if p.Key != "" {
		return p.Key
	}
	return fmt.Sprintf("%s@%.3f,%.3f", p.Name, p.Lat, p.Lon)
}

// eventLess orders events by date, undated last; ties by end date, then
// title, so that the numbering is the same in every format.
func eventLess(a, b *model.Event) bool {
	if a.Dated() != b.Dated() {
		return a.Dated()
	}
	if !a.Start.Equal(b.Start) {
		return a.Start.Before(b.Start)
	}
	if ea, eb := endOf(a), endOf(b); !ea.Equal(eb) {
		return ea.Before(eb)
	}
	return a.Title < b.Title
}

func endOf(e *model.Event) time.Time {
	if e.End.IsZero() || e.End.Before(e.Start) {
		return e.Start
	}
	return e.End
}

// period is the span the briefing covers, as written on the cover.
func (d *doc) period() string {
	switch {
	case d.from == "":
		return "undated"
	case d.from == d.to:
		return d.from
	}
	return d.from + " – " + d.to
}

func (d *doc) cite(n int) *cited { return d.sources[n-1] }

// counts is the cover's "12 events · 4 places · 5 sources".
func (d *doc) counts() string {
	return plural(len(d.entries), "event") + " · " + plural(len(d.groups), "place") + " · " + plural(len(d.sources), "source")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// placeLabel is "Moscow, Russia"-like: the place and its country code when
// the place is not itself the country.
func placeLabel(p *model.Place) string {
	if p == nil {
		return ""
	}
	name := p.Name
	if p.Country != "" && p.Feature != "country" && !strings.EqualFold(p.Name, p.Country) {
		if cn := countryName(p.Country); cn != "" && !strings.EqualFold(cn, p.Name) {
			name += ", " + cn
		}
	}
	return name
}

// actorNames is the actors as a phrase for reading ("Kerry, Lavrov"); the
// data formats join actorList with "; " instead, as a list within a cell.
func actorNames(e *model.Event) string { return strings.Join(actorList(e), ", ") }

// headline is the article's title, "" when it is not known (short then
// falls back to the file name).
func (c *cited) headline() string {
	if c.Article != nil {
		return strings.TrimSpace(c.Article.Title)
	}
	return ""
}

func (c *cited) publisher() string {
	if c.Article != nil {
		return strings.TrimSpace(c.Article.Publisher)
	}
	return ""
}

func (c *cited) published() string {
	if c.Article != nil && c.Article.HasDate() {
		return dayLabel(c.Article.Published)
	}
	return ""
}

func (c *cited) url() string {
	if c.Article != nil {
		return strings.TrimSpace(c.Article.URL)
	}
	return ""
}

// short is the citation under a quotation: publisher, “headline”, date.
// Unknown parts are left out rather than printed as blanks; a source with
// nothing known is cited by its file name.
func (c *cited) short() string {
	var parts []string
	if p := c.publisher(); p != "" {
		parts = append(parts, p)
	}
	if h := c.headline(); h != "" {
		parts = append(parts, "“"+h+"”")
	}
	if d := c.published(); d != "" {
		parts = append(parts, d)
	}
	if c.headline() == "" && c.publisher() == "" {
		parts = append(parts, c.File)
	}
	return strings.Join(parts, ", ")
}

// long is the sources list entry: the short citation, saying when the date
// was inferred; the writers add the URL and file on lines of their own.
func (c *cited) long() string {
	s := c.short()
	if c.Article != nil && c.Article.HasDate() && c.Article.DateSource == model.DateInferred {
		s += " (date inferred)"
	}
	return s
}

// countryName is the country's name for an ISO code; empty when unknown.
// It is a variable so that the gazetteer can supply names when loaded.
var countryName = func(code string) string { return "" }
