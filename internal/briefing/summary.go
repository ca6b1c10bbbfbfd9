package briefing

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timex"
)

// The summary's limits keep it to about half a page: a reader takes in five
// to eight developments at a glance, and a long list of disagreements would
// push the figures off the first pages for what the events list says anyway.
const (
	minKeyEvents = 5
	maxKeyEvents = 8
	maxDisputes  = 3
	topAreas     = 3
)

// summary is what the briefing opens with: the period and places in a
// sentence or two, the key developments and what the sources disagree on.
type summary struct {
	overview string
	keys     []entry   // in the briefing's (date) order
	disputes []dispute // in the briefing's order
	more     int       // events with disagreements beyond maxDisputes
}

// dispute is one event whose sources disagree on its date or its place.
type dispute struct {
	en     entry
	what   string  // "date" or "place"
	claims []claim // one per source that says something, in citation order
}

// claim is what one cited source says of an event: a date or a place.
type claim struct {
	cite    int    // number in the sources list
	value   string // "15 Jul 2016", "Moscow"
	written string // the words of the source ("Friday"), "" for places
}

// summarize builds the summary of a prepared briefing; it is nil for a
// briefing without events, where there is nothing to sum up.
func (d *doc) summarize() *summary {
	if len(d.entries) == 0 {
		return nil
	}
	s := &summary{overview: d.overview(), keys: keyEvents(d.entries)}
	for _, en := range d.entries {
		ds := d.disputesOf(en)
		if len(ds) == 0 {
			continue
		}
		if len(s.disputes) >= maxDisputes {
			s.more++
			continue
		}
		s.disputes = append(s.disputes, ds[0]) // one line per event: dates first
	}
	return s
}

// overview is the period and the places covered, in one or two sentences:
// "This briefing covers 16 events from 2012 to Aug 2016, reported in 5
// sources. Most took place in Moscow, Russia (5 events), Syria (5) and …".
func (d *doc) overview() string {
	n := len(d.entries)
	s := "This briefing covers " + plural(n, "event")
	switch {
	case d.from == "":
		s += ", none with a known date"
	case d.from == d.to:
		s += " on " + d.from
	default:
		s += " from " + d.from + " to " + d.to
	}
	s += ", reported in " + plural(len(d.sources), "source") + "."
	areas, unplaced := d.areas()
	if len(areas) == 0 {
		return s + " None of them has a known place."
	}
	var parts []string
	shown := 0
	for i, a := range areas {
		if i == topAreas {
			break
		}
		c := strconv.Itoa(a.n)
		if i == 0 {
			c = plural(a.n, "event")
		}
		parts = append(parts, a.name+" ("+c+")")
		shown += a.n
	}
	lead := "Most took place in "
	if len(areas) == 1 {
		lead = "They took place in "
	}
	s += " " + lead + andList(parts)
	var rest []string
	if other := n - shown - unplaced; other > 0 {
		rest = append(rest, strconv.Itoa(other)+" elsewhere")
	}
	if unplaced > 0 {
		rest = append(rest, strconv.Itoa(unplaced)+" with no known place")
	}
	if len(rest) > 0 {
		s += "; " + andList(rest)
	}
	return s + "."
}

// area is a country (or a place outside any country, such as a disputed
// region) with the number of events in it.
type area struct {
	name string
	n    int
}

// areas counts the events by country, most first. Countries rather than
// towns, because a reader placing a briefing asks "where in the world"; a
// country whose events are all in one town is named by that town
// ("Moscow, Russia"), which says more in the same space.
func (d *doc) areas() (out []area, unplaced int) {
	type acc struct {
		area
		places map[string]*model.Place
		first  int
	}
	byKey := map[string]*acc{}
	var order []*acc
	for _, en := range d.entries {
		p := en.E.Place
		if p == nil {
			unplaced++
			continue
		}
		key := "c:" + p.Country
		if p.Country == "" {
			key = placeKey(p)
		}
		a := byKey[key]
		if a == nil {
			a = &acc{places: map[string]*model.Place{}, first: len(order)}
			byKey[key] = a
			order = append(order, a)
		}
		a.n++
		a.places[placeKey(p)] = p
		if a.name == "" {
			if cn := countryName(p.Country); cn != "" {
				a.name = cn
			} else {
				a.name = p.Name
			}
		}
	}
	for _, a := range order {
		if len(a.places) == 1 {
			for _, p := range a.places {
				a.name = placeLabel(p)
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].n > order[j].n })
	for _, a := range order {
		out = append(out, a.area)
	}
	return out, unplaced
}

// andList joins "a", "a and b", "a, b and c".
func andList(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// keyEvents picks the key developments: starred events first (the user said
// they matter), then dated ones (a development needs a when), then those
// reported by more sources, then the more confident. Five are always taken
// when there are five; up to eight when the others are also notable
// (starred, reported twice or more, or confident), so that a thin briefing
// does not pad its summary with weak events. They are returned in date
// order, the order of the events list.
func keyEvents(entries []entry) []entry {
	ranked := append([]entry(nil), entries...)
	sort.SliceStable(ranked, func(i, j int) bool {
		a, b := ranked[i], ranked[j]
		if a.E.InBriefing != b.E.InBriefing {
			return a.E.InBriefing
		}
		if a.E.Dated() != b.E.Dated() {
			return a.E.Dated()
		}
		if na, nb := sourceCount(a), sourceCount(b); na != nb {
			return na > nb
		}
		if a.E.Confidence != b.E.Confidence {
			return a.E.Confidence > b.E.Confidence
		}
		return a.N < b.N
	})
	var out []entry
	for i, en := range ranked {
		if i >= maxKeyEvents {
			break
		}
		if i >= minKeyEvents && !notable(en) {
			break
		}
		out = append(out, en)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].N < out[j].N })
	return out
}

// notable is an event worth a summary line beyond the first five.
func notable(en entry) bool {
	return en.E.InBriefing || sourceCount(en) >= 2 || en.E.Confidence >= 0.8
}

// sourceCount is the number of different documents an event is cited from;
// several sentences of one article are one source.
func sourceCount(en entry) int { return len(uniqueCites(en)) }

// uniqueCites is an event's citation numbers, each once, in ascending order.
func uniqueCites(en entry) []int {
	seen := map[int]bool{}
	var out []int
	for _, c := range en.Cites {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Ints(out)
	return out
}

// citeList is "[3]" or "[1, 4]", the citation numbers of the sources list.
func citeList(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// disputesOf reports what the sources of one event disagree on: dates,
// then places. Only different documents can disagree: two sentences of one
// article naming Thursday and Friday usually tell the stages of one story.
func (d *doc) disputesOf(en entry) []dispute {
	if sourceCount(en) < 2 {
		return nil
	}
	var out []dispute
	if cl := d.dateClaims(en); disagree(cl, func(a, b dateClaim) bool { return !a.overlaps(b) }) {
		ds := dispute{en: en, what: "date"}
		for _, c := range cl {
			ds.claims = append(ds.claims, c.claim)
		}
		out = append(out, ds)
	}
	if cl := d.placeClaims(en); disagree(cl, func(a, b placeClaim) bool { return a.far(b) }) {
		ds := dispute{en: en, what: "place"}
		for _, c := range cl {
			ds.claims = append(ds.claims, c.claim)
		}
		out = append(out, ds)
	}
	return out
}

// disagree reports whether any two claims conflict.
func disagree[T any](cl []T, conflict func(a, b T) bool) bool {
	for i := range cl {
		for j := i + 1; j < len(cl); j++ {
			if conflict(cl[i], cl[j]) {
				return true
			}
		}
	}
	return false
}

// dateClaim is the date one source gives an event, as a calendar interval.
type dateClaim struct {
	claim
	start, end time.Time
}

func (a dateClaim) overlaps(b dateClaim) bool {
	return !a.end.Before(b.start) && !b.end.Before(a.start)
}

// dateClaims resolves, for each cited document, the time expression its
// sentences give the event against that document's publication date: the
// store keeps the words ("on Friday"), not the date each source implied, so
// that merging could keep one date per event. A sentence dated "publication
// day" or undated gives no date of its own and says nothing here; a
// document whose own sentences do not agree is left out, because its
// sentences may tell different stages of the story.
func (d *doc) dateClaims(en entry) []dateClaim {
	byCite := map[int]*dateClaim{}
	bad := map[int]bool{}
	var order []int
	for i, s := range en.E.Sources {
		n := en.Cites[i]
		if bad[n] {
			continue
		}
		x, ok := sourceDate(s, d.cite(n).Article)
		if !ok {
			continue
		}
		c := byCite[n]
		if c == nil {
			byCite[n] = &dateClaim{claim: claim{cite: n, written: strings.TrimSpace(s.TimeText)}, start: x.Start, end: x.End}
			byCite[n].value = DateLabel(&model.Event{Start: x.Start, End: x.End, Precision: x.Precision})
			order = append(order, n)
			continue
		}
		nc := dateClaim{start: x.Start, end: x.End}
		if !c.overlaps(nc) {
			bad[n] = true
			continue
		}
		// The tighter of two compatible dates is what the document says.
		if x.End.Sub(x.Start) < c.end.Sub(c.start) {
			c.start, c.end, c.written = x.Start, x.End, strings.TrimSpace(s.TimeText)
			c.value = DateLabel(&model.Event{Start: x.Start, End: x.End, Precision: x.Precision})
		}
	}
	sort.Ints(order)
	var out []dateClaim
	for _, n := range order {
		if !bad[n] {
			out = append(out, *byCite[n])
		}
	}
	return out
}

// sourceDate is the date source s gives its event (timex.SourceDate),
// read against its article's publication date when that is known.
func sourceDate(s model.Source, a *model.Article) (timex.Expr, bool) {
	var dct time.Time
	if a != nil && a.HasDate() {
		dct = a.Published
	}
	return timex.SourceDate(s, dct)
}

// placeClaim is the one specific place a document's sentences name for an
// event.
type placeClaim struct {
	claim
	place *model.Place
}

// far reports whether two named places are different places: not the same
// gazetteer entry and more than a town's width apart ("the Kremlin" and
// "Moscow" are one place).
func (a placeClaim) far(b placeClaim) bool {
	if a.place.Key == b.place.Key {
		return false
	}
	return geo.DistanceKm(a.place.Lat, a.place.Lon, b.place.Lat, b.place.Lon) > 30
}

// placeClaims finds, for each cited document, the specific place (a town)
// its sentences name for the event. Countries and regions
// are left out: a sentence naming "Syria" beside "Moscow" is giving context
// more often than a place. A sentence naming several towns says nothing
// definite, and neither does a document whose sentences name different
// towns.
func (d *doc) placeClaims(en entry) []placeClaim {
	if d.Mentions == nil {
		return nil
	}
	byCite := map[int]*placeClaim{}
	bad := map[int]bool{}
	var order []int
	for i, s := range en.E.Sources {
		n := en.Cites[i]
		if bad[n] || s.ArticleID == 0 {
			continue
		}
		p := namedPlace(s, d.Mentions[s.ArticleID])
		if p == nil {
			continue
		}
		c := byCite[n]
		if c == nil {
			byCite[n] = &placeClaim{claim: claim{cite: n, value: placeLabel(p)}, place: p}
			order = append(order, n)
			continue
		}
		if c.far(placeClaim{place: p}) {
			bad[n] = true
		}
	}
	sort.Ints(order)
	var out []placeClaim
	for _, n := range order {
		if !bad[n] {
			out = append(out, *byCite[n])
		}
	}
	return out
}

// namedPlace is the one specific place a source sentence names, or nil.
func namedPlace(s model.Source, mentions []model.Mention) *model.Place {
	var found *model.Place
	for _, m := range mentions {
		if m.Type != model.MentionPlace || m.Start < s.Span.Start || m.End > s.Span.End {
			continue
		}
		p, specific := placeByKey(m.Value)
		if p == nil || !specific {
			continue
		}
		if found != nil && (placeClaim{place: found}).far(placeClaim{place: p}) {
			return nil
		}
		if found == nil {
			found = p
		}
	}
	return found
}

// placeByKey looks a gazetteer key up: the place, and whether it is a
// specific place (a town) rather than a country or region. It
// is a variable so that the gazetteer supplies it when loaded, as for
// countryName; without it no place disagreement is reported.
var placeByKey = func(key string) (*model.Place, bool) { return nil, false }

// sourceName is how the summary names a cited document: its publisher, or
// its headline, or its file.
func (c *cited) sourceName() string {
	if p := c.publisher(); p != "" {
		return p
	}
	if h := c.headline(); h != "" {
		return "“" + h + "”"
	}
	return c.File
}

// line is the dispute in words: "Orient News [4] dates it 15 Jul 2016
// (“Friday”); ABC News [5], 14 Jul 2016 (“Thursday”)." esc escapes the
// words taken from sources for the output format, and leaves the citation
// brackets as the events list writes them.
func (ds dispute) line(d *doc, esc func(string) string) string {
	var parts []string
	for i, c := range ds.claims {
		src := esc(d.cite(c.cite).sourceName()) + " [" + strconv.Itoa(c.cite) + "]"
		var s string
		switch {
		case i > 0:
			s = src + ", " + esc(c.value)
		case ds.what == "date":
			s = src + " dates it " + esc(c.value)
		default:
			s = src + " places it in " + esc(c.value)
		}
		if c.written != "" {
			s += " (“" + esc(c.written) + "”)"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ") + "."
}

// head is the dispute's event as its line opens: "Kerry meets Lavrov in
// Moscow (event 12)".
func (ds dispute) head() string {
	return fmt.Sprintf("%s (event %d)", collapse(ds.en.E.Title), ds.en.N)
}

// agreeText is said when no source contradicts another.
const agreeText = "The sources agree on dates and places."

// moreText says how many other events have disagreements.
func (s *summary) moreText() string {
	if s.more == 0 {
		return ""
	}
	return fmt.Sprintf("Sources also disagree on %s; see the events list.", plural(s.more, "other event"))
}
