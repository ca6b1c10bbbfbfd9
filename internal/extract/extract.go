// Package extract turns one news article into mentions (times, places,
// people, organisations, governments, event words) and events (what, when,
// where, who), each tied to the exact sentences it came from, and merges
// events reported by several articles.
//
// It works by rules over a token stream, in the spirit of rule-based
// information extraction systems for news (HeidelTime for time, gazetteer
// plus context for places, title and alias patterns for people):
//
//   - sentences (package sentence) with byte offsets into the stored text;
//   - time expressions from package timex, normalised against the
//     publication date;
//   - names: titles + names ("Russian President Vladimir Putin"), aliases
//     within an article ("Kerry", "Sergei"/"Sergey Lavrov"), organisations
//     by lexicon, head word and acronyms in parentheses, countries and
//     capitals acting as governments (metonymy), places after locative
//     prepositions, disambiguated by the gazetteer with the article's
//     countries and dateline as context;
//   - events from a trigger lexicon (met, talks, agreed, withdrew, annexed,
//     struck, ceasefire, proposed, leaked…) mapped to a small set of kinds;
//     each event takes the time expression governing its trigger (nearest
//     in the same clause and quotation), else the day the story reports on
//     when the tense says it happened then; its place from its own sentence,
//     else the dateline for publication-day events, else none; its actors
//     are the participants of its event words (subject, objects, partners
//     after "with"/"by"/"between", speakers of statements and agreements),
//     never the news outlets that report it.
//
// One article yields at most one event per real-world happening: facets of
// one encounter (met, talked, agreed, said) on the same day and place are
// merged, and MergeAll merges the same event reported by several articles.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefingatlas/atlas/internal/extract/sentence"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timex"
)

// Extractor extracts events from articles. It is safe for concurrent use:
// all per-article state lives in the call to Extract.
type Extractor struct {
	g     *geo.Gazetteer
	cache *nameCache
}

// New returns an extractor that resolves places with g. A nil gazetteer
// is allowed: then no places or governments are recognised.
func New(g *geo.Gazetteer) *Extractor { return &Extractor{g: g, cache: &nameCache{}} }

// sent is one sentence of the article.
type sent struct {
	model.Span
	t0, t1   int  // token range
	headline bool // a title, byline or caption line without final punctuation
	// courseOf: the sentence tells how an event the story retells went
	// ("The botched coup … ended hours later when …"), on that event's
	// day, which the article does not give.
	courseOf bool
}

// texpr is a time expression with its place in the token stream.
type texpr struct {
	timex.Expr
	t0, t1     int
	sentence   int
	quoted     bool
	usable     bool // names a date (or would, given a publication date)
	prenominal bool // "last year's", "month-old": binds only the noun after it
	bound      int  // token index of that noun, -1 if none
	// aside0, aside1 bound the aside between dashes or in brackets that
	// holds it (see aside), -1 when none; set by attachTimes.
	aside0, aside1 int
	// clause0, clause1 bound the relative clause set off by commas that
	// holds a day ("The ferry, which caught fire on Tuesday, sank"): its
	// day may date the main clause, after the main clause's own; -1 when
	// none.
	clause0, clause1 int
	// from0, from1 bound the words that name the event an anaphoric
	// time counts from ("after [the truce began]"), which it does not
	// date; both 0 when none.
	from0, from1 int
	// only0, only1 bound the clause a counted phrase heads ("a day after
	// [a plane crashed]"), the only words it dates; both 0 when the
	// phrase dates as any time does.
	only0, only1 int
	// sayer is the reporting verb (a trigger index) whose day this is
	// (see markSayers), -1 when none.
	sayer int
}

// doc is the per-article working state.
type doc struct {
	x             *Extractor
	g             *geo.Gazetteer
	a             *model.Article
	text          string
	sents         []sent
	toks          []tok
	tokSent       []int // sentence index of each token
	tokTime       []int // time expression index covering each token, -1 if none
	tokEnt        []int // entity index covering each token, -1 if none
	times         []texpr
	ents          []ent
	actors        []actorRec
	alias         map[string]int // lower-case name or acronym → actor
	surnames      map[string]int
	ctxDone       bool
	ctx           geo.Context
	resolved      map[string]resolved
	low           string         // text with ASCII letters lowered, same offsets
	chunkCount    map[string]int // capitalised runs by lower-case text
	dct           time.Time
	story         time.Time // day the article reports on, zero if unknown
	datelinePlace *model.Place
	focus         *model.Place // see focusPlace
	focusDone     bool
	afar          *model.Place // see filedFromAfar
	afarDone      bool
	dlCountry     string // see datelineCountry
	dlCountryDone bool
	// localNames are names the gazetteer lacks that the article locates
	// ("Tham Luang cave in Mae Sai"), folded; see learnLocalNames.
	localNames map[string]*model.Place
	triggers   []trig
	sentTrigs  [][]int // trigger indexes by sentence
	events     []evt
	retold     []evt // told without a date (Extraction.Retold)
}

type countryHit struct {
	c  geo.Country
	ok bool
}

// Extract finds the sentences, mentions and events of article a. Spans in
// a.Noise are skipped. With an unknown publication date, events that
// depend on it come out undated.
func (x *Extractor) Extract(a *model.Article) model.Extraction {
	return x.ExtractTimed(a, nil)
}

// Stages are the annotators of Extract in the order they run, as
// ExtractTimed names them.
var Stages = []string{"sentences", "time expressions", "names and places", "event words", "events", "merging and titles"}

// ExtractTimed is Extract that reports how long each stage took (see
// Stages) to clock, so that the cost of a new stage shows in make bench.
// A nil clock costs nothing.
func (x *Extractor) ExtractTimed(a *model.Article, clock func(stage string, d time.Duration)) model.Extraction {
	d := &doc{
		x: x, g: x.g, a: a, text: a.Text,
		alias: map[string]int{}, surnames: map[string]int{},
		resolved: map[string]resolved{},
	}
	if a.HasDate() {
		d.dct = model.Day(a.Published)
	}
	t := time.Now()
	lap := func(stage string) {
		if clock != nil {
			now := time.Now()
			clock(stage, now.Sub(t))
			t = now
		}
	}
	d.split()
	lap(Stages[0])
	d.tagTimes()
	d.anchorAnaphora()
	lap(Stages[1])
	d.recognise()
	d.dropNamesakes()
	d.learnLocalNames()
	lap(Stages[2])
	d.findTriggers()
	lap(Stages[3])
	d.markSayers()
	d.storyDate()
	d.buildEvents()
	lap(Stages[4])
	out := model.Extraction{Sentences: make([]model.Span, len(d.sents))}
	for i, s := range d.sents {
		out.Sentences[i] = s.Span
	}
	out.Mentions = d.mentions()
	out.Events = sameDayRetold(d.finish())
	out.Retold = d.finishRetold()
	lap(Stages[5])
	return out
}

// split finds the sentences outside noise and tokenizes them.
func (d *doc) split() {
	text := d.text
	noise := append([]model.Span(nil), d.a.Noise...)
	sort.Slice(noise, func(i, j int) bool { return noise[i].Start < noise[j].Start })
	var spans []model.Span
	pos := 0
	for _, n := range noise {
		if n.Start > pos {
			spans = sentence.AppendSplit(spans, text, pos, min(n.Start, len(text)))
		}
		if n.End > pos {
			pos = min(n.End, len(text))
		}
	}
	if pos < len(text) {
		spans = sentence.AppendSplit(spans, text, pos, len(text))
	}
	d.toks = make([]tok, 0, len(text)/5)
	d.low = lowerASCII(text)
	title := strings.TrimSpace(d.a.Title)
	for i, sp := range spans {
		t0 := len(d.toks)
		d.toks = tokenize(d.toks, text, d.low, sp.Start, sp.End)
		s := sent{Span: sp, t0: t0, t1: len(d.toks)}
		s.headline = isHeadline(text[sp.Start:sp.End], title) && !(i == len(spans)-1 && clippedEnd(text, sp))
		d.sents = append(d.sents, s)
	}
	d.tokSent = make([]int, len(d.toks))
	d.tokTime = make([]int, len(d.toks))
	d.tokEnt = make([]int, len(d.toks))
	for si, s := range d.sents {
		for i := s.t0; i < s.t1; i++ {
			d.tokSent[i] = si
			d.tokTime[i] = -1
			d.tokEnt[i] = -1
		}
	}
}

// isHeadline reports lines that are not running prose: the title, and
// lines without final punctuation (headlines, bylines, captions).
func isHeadline(s, title string) bool {
	if title != "" && strings.TrimSpace(s) == title {
		return true
	}
	if strings.Contains(s, "\n") {
		return false
	}
	s = strings.TrimRight(s, " \t\"”’')")
	if s == "" {
		return true
	}
	if len(strings.Fields(s)) > 25 {
		// A paragraph cut off before its full stop (clipped pages,
		// excerpts) is still prose: headlines and captions are short.
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', ';':
		return false
	}
	return true
}

// clippedEnd reports the text's last sentence sp as prose cut off before
// its full stop, as pages clipped by a paywall or an excerpt end ("…met to
// issue a joint declaration Saturday condemning the att"): it continues a
// paragraph (text precedes it on its line), or it is too long for a
// caption's tag and stops on a lower-case word. A headline or a credit
// line ("Reporting by Jane Doe") is neither.
func clippedEnd(text string, sp model.Span) bool {
	line := text[strings.LastIndexByte(text[:sp.Start], '\n')+1 : sp.Start]
	if strings.TrimSpace(line) != "" {
		return true
	}
	words := strings.Fields(text[sp.Start:sp.End])
	if len(words) < 10 {
		return false
	}
	last := []rune(words[len(words)-1])
	return unicode.IsLower(last[0])
}

// geoContext is the disambiguation context: the countries the article talks
// about, most mentioned first, and its dateline.
func (d *doc) geoContext() geo.Context {
	if !d.ctxDone {
		d.ctxDone = true
		d.ctx.Dateline = d.a.Dateline
		// Count country names across the whole text once, before places are
		// resolved, so that the first place already benefits.
		counts := map[string]int{}
		firstAt := map[string]int{}
		for i := 0; i < len(d.toks); i++ {
			t := &d.toks[i]
			if !t.cap {
				continue
			}
			// "New Zealand", "South Sudan", "United Arab Emirates": the
			// longest country name starting here.
			end := d.sents[d.tokSent[i]].t1
			for n := min(3, end-i); n >= 1; n-- {
				c, ok := d.countryByName(d.span(i, i+n))
				if !ok && d.g != nil && d.capitalAlone(i, i+n, end) {
					// "in North Kensington, west London": a capital names
					// its country as well as the country's name would.
					c, ok = d.g.CountryOfCapital(d.span(i, i+n))
				}
				if ok {
					if counts[c.Code] == 0 {
						firstAt[c.Code] = i
					}
					counts[c.Code]++
					i += n - 1
					break
				}
			}
		}
		codes := make([]string, 0, len(counts))
		for c := range counts {
			codes = append(codes, c)
		}
		sort.Slice(codes, func(i, j int) bool {
			if counts[codes[i]] != counts[codes[j]] {
				return counts[codes[i]] > counts[codes[j]]
			}
			// On a tie, the country named first: a story names its own
			// country before those it mentions in passing.
			return firstAt[codes[i]] < firstAt[codes[j]]
		})
		d.ctx.Countries = codes
	}
	return d.ctx
}

// capitalAlone reports tokens [t0,t1) that may name a capital by
// themselves: not part of a longer name or a modifier of a noun ("the
// San José mine", "London police", "the Paris agreement"), so followed by
// punctuation, a preposition, a conjunction or a verb.
func (d *doc) capitalAlone(t0, t1, end int) bool {
	if t0 > 0 && d.toks[t0-1].low == "the" {
		return false
	}
	if t1 >= end {
		return true
	}
	n := d.toks[t1]
	if !n.word || n.low == "'s" || n.low == "and" || n.low == "or" || prepositions[n.low] || locatives[n.low] {
		return true
	}
	return !n.cap && isVerbForm(n.low) && !nounForm(n.low)
}

// countryByName looks a country or demonym up, through the extractor's
// name cache.
func (d *doc) countryByName(s string) (geo.Country, bool) {
	if d.g == nil {
		return geo.Country{}, false
	}
	if c, ok := d.x.cache.country(d.g, s); ok {
		return c, true
	}
	// "Ghanaians voted", "Kenyans": a demonym in the plural names the
	// people of its country; a plural of anything else ("Chads") does not.
	if one, ok := strings.CutSuffix(s, "s"); ok && len(one) > 3 {
		if c, ok := d.x.cache.country(d.g, one); ok {
			for _, dem := range c.Demonyms {
				if fold(dem) == fold(one) {
					return c, true
				}
			}
		}
	}
	return geo.Country{}, false
}

// resolvePlace finds a named city, preferring one in country code.
func (d *doc) resolvePlace(name, code string) (model.Place, bool) {
	if d.g == nil {
		return model.Place{}, false
	}
	ctx := d.geoContext()
	if code != "" {
		ctx = geo.Context{Countries: append([]string{code}, ctx.Countries...), Dateline: ctx.Dateline}
	}
	return d.g.Resolve(name, ctx)
}

func (d *doc) span(t0, t1 int) string {
	return d.text[d.toks[t0].s:d.toks[t1-1].e]
}

func (d *doc) markEnt(t0, t1 int) {
	for i := t0; i < t1 && i < len(d.tokEnt); i++ {
		d.tokEnt[i] = len(d.ents) - 1
	}
}

// dateline resolves the article's dateline once.
func (d *doc) dateline() *model.Place {
	if d.datelinePlace != nil || d.a.Dateline == "" || d.g == nil {
		return d.datelinePlace
	}
	name := strings.TrimSpace(d.a.Dateline)
	// "KIEV, Ukraine", "CHIANG RAI, Thailand", "TOWN, Country": the part
	// after the comma names the country (or state) the town is in.
	country := ""
	if i := strings.IndexByte(name, ','); i > 0 {
		if cc, ok := d.countryByName(strings.TrimSpace(name[i+1:])); ok {
			country = cc.Code
		}
		name = strings.TrimSpace(name[:i])
	}
	if lm, ok := landmarks[strings.ToLower(name)]; ok {
		name = lm.city
	}
	// Datelines are upper case: "MOSCOW".
	if country != "" {
		if p, ok := d.resolvePlace(titleCase(name), country); ok {
			asSpelled(&p, titleCase(name))
			d.datelinePlace = &p
			return d.datelinePlace
		}
	}
	if p, ok := d.resolve(titleCase(name)); ok {
		asSpelled(&p, titleCase(name))
		d.datelinePlace = &p
	}
	return d.datelinePlace
}

// titleCase writes a name in capitals as a name: each word's first letter
// upper case, the rest lower ("NEW YORK" → "New York", "ÉVRY" → "Évry").
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// mentions lists every recognised span, in text order.
func (d *doc) mentions() []model.Mention {
	var out []model.Mention
	for _, x := range d.times {
		out = append(out, model.Mention{Span: x.Span, Type: model.MentionTime, Text: x.Text, Value: x.Value})
	}
	for _, e := range d.ents {
		m := model.Mention{Span: model.Span{Start: d.toks[e.t0].s, End: d.toks[e.t1-1].e}}
		m.Text = d.text[m.Start:m.End]
		switch e.kind {
		case entPerson:
			m.Type, m.Value = model.MentionPerson, d.actors[e.actor].Name
		case entOrg:
			m.Type, m.Value = model.MentionOrg, d.actors[e.actor].Name
		case entGov:
			m.Type, m.Value = model.MentionGov, d.actors[e.actor].Name
		case entPlace:
			m.Type, m.Value = model.MentionPlace, e.place.Key
		default:
			continue
		}
		out = append(out, m)
	}
	for _, t := range d.triggers {
		sp := model.Span{Start: d.toks[t.i].s, End: d.toks[t.i+t.words-1].e}
		out = append(out, model.Mention{Span: sp, Type: model.MentionTrigger, Text: d.text[sp.Start:sp.End], Value: string(t.kind)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}

// eventKey is the stable identity of an event: article, first source
// sentence, the offset within that sentence of the word that made the
// event, and kind. User edits attach to it and survive re-extraction; the
// offset keeps two events of one kind from one sentence apart ("met on
// Monday … met again on Friday"). A negative offset leaves it out, which
// gives the key of earlier versions.
func eventKey(sha string, start, off int, kind model.Kind) string {
	in := sha + ":" + strconv.Itoa(start) + ":" + string(kind)
	if off >= 0 {
		in = sha + ":" + strconv.Itoa(start) + ":" + strconv.Itoa(off) + ":" + string(kind)
	}
	h := sha256.Sum256([]byte(in))
	return hex.EncodeToString(h[:8])
}

func baseName(p string) string {
	if p == "" {
		return ""
	}
	return filepath.Base(p)
}
