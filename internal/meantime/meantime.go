// Package meantime loads the English NewsReader MEANTIME corpus (CAT XML,
// intra-document annotation) for evaluation: it rebuilds each document's
// raw text from its tokens, keeping a token → byte offset map, and exposes
// the gold time expressions (TIMEX3) and entity mentions with byte spans in
// that text. The corpus is third-party data read from disk at test time
// (../shared/eval/meantime); nothing of it is stored in this repository.
//
// Text rebuilding: tokens are taken in t_id order and joined with a single
// space, except that no space is put before closing punctuation
// (, . ; : ! ? ) ] } % and clitics such as 's n't) nor after opening
// punctuation (( [ { $ #); straight double quotes alternate between
// opening and closing. Each new sentence starts on a new line, so the title
// and the date line stand on lines of their own as in a real article.
//
// Only the title and the first sentences of every article are annotated
// (sentences 0..5, see AnnotatedSentences); Doc.AnnotatedEnd marks where
// that region ends so that evaluations can ignore system output beyond it.
//
// Entity coreference: each Mention carries the ENTITY its REFERS_TO link
// names (EntityID, one per document) and that ENTITY's instance_id
// (Instance, one real-world entity across documents).
//
// Events: Doc.Events holds the gold EVENT_MENTIONs with the class of the
// EVENT they refer to (OTHER, MIX, SPEECH_COGNITIVE, GRAMMATICAL), Doc.TLinks
// the TLINKs between an event mention and a TIMEX3 (either direction; TLINKs
// between two events or two timexes are left out), and Doc.Participants the
// HAS_PARTICIPANT links from an event mention to an entity mention (links to
// VALUEs are left out). Doc.EventDates gives the calendar intervals that
// contain an event according to its TLINKs.
//
// Usage:
//
//	dir, ok := meantime.FindDir(".")          // walks up to shared/eval/meantime/intra-doc_annotation
//	docs, err := meantime.LoadDir(dir)          // 120 docs, sorted by corpus and file name
//	for _, d := range docs {
//		for _, m := range d.Mentions {          // gold entity mentions
//			_ = d.Text[m.Span.Start:m.Span.End] // == m.Text; m.EntityType is PER, ORG, LOC, PRO, FIN, MIX or ""
//		}
//	}
package meantime

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// AnnotatedSentences is the number of leading sentences (title, date line
// and the first body sentences) that MEANTIME annotates in every document.
const AnnotatedSentences = 6

// Doc is one MEANTIME document with its rebuilt text and gold annotation.
type Doc struct {
	ID       string // doc_id
	Name     string // doc_name
	Corpus   string // sub-corpus folder: corpus_airbus, corpus_apple, corpus_gm, corpus_stock
	Path     string
	URL      string
	Text     string         // rebuilt text, see the package comment
	DCT      time.Time      // creation time (the TIMEX3 with functionInDocument=CREATION_TIME), zero if none
	Tokens   []Token        // in t_id order
	Timexes  []Timex        // gold TIMEX3 anchored to tokens, in text order
	Mentions []Mention      // gold ENTITY_MENTIONs, in text order
	Events   []EventMention // gold EVENT_MENTIONs, in text order
	// TLinks are the gold TLINKs between an event mention and a timex, in
	// file order.
	TLinks []TLink
	// Participants are the gold HAS_PARTICIPANT links from an event mention
	// to an entity mention, in file order.
	Participants []Participant
	// AnnotatedEnd is the byte offset where the annotated sentences end.
	AnnotatedEnd int
}

// Token is one corpus token and its bytes in Doc.Text.
type Token struct {
	ID       int // t_id
	Sentence int
	Number   int
	Text     string
	Span     model.Span
}

// Timex is a gold TIMEX3 with a textual extent.
type Timex struct {
	ID       string // m_id
	Type     string // DATE, TIME, DURATION, SET
	Value    string
	Function string // CREATION_TIME, NONE…
	Span     model.Span
	Text     string // Doc.Text[Span.Start:Span.End]
	Tokens   []int  // t_ids
}

// CreationTime reports whether the timex is the document's creation time.
func (t Timex) CreationTime() bool { return t.Function == "CREATION_TIME" }

// Mention is a gold entity mention. Its span runs from its first to its last
// token; Tokens lists the t_ids when it is discontinuous.
type Mention struct {
	ID         string // m_id
	Syntactic  string // syntactic_type: NAM (name), NOM, PRO, APP, CONJ… or ""
	EntityType string // ent_type of the ENTITY it refers to: PER, ORG, LOC, PRO, FIN, MIX, or "" if unlinked
	EntityID   string // m_id of that ENTITY, "" if unlinked
	// Instance is the ENTITY's instance_id, which names one real-world
	// entity across documents (the same person in two articles), "" when
	// the ENTITY has none.
	Instance string
	Span     model.Span
	Text     string
	Tokens   []int
	Sentence int // sentence of the first token
}

// Event classes of MEANTIME (attribute class of EVENT).
const (
	ClassOther       = "OTHER"            // events proper: acquisitions, sales, falls…
	ClassMix         = "MIX"              // an instance whose mentions mix classes
	ClassSpeech      = "SPEECH_COGNITIVE" // said, announced, believed…
	ClassGrammatical = "GRAMMATICAL"      // light and support verbs: is, began, continue…
)

// EventMention is a gold event mention: the token(s) of its trigger.
type EventMention struct {
	ID       string // m_id
	Pred     string // lemma of the trigger: "defeat", "say"
	Class    string // class of the EVENT it refers to (ClassOther…), "" if unlinked
	POS      string // VERB, NOUN, OTHER
	Tense    string // PRESENT, PAST, INFINITIVE, NONE…
	Span     model.Span
	Text     string // Doc.Text[Span.Start:Span.End]
	Tokens   []int  // t_ids
	Sentence int    // sentence of the first token
}

// TLink is a gold temporal link between an event mention and a timex.
// RelType reads from the annotated source to the annotated target:
// EventFirst says which of the two is the source.
type TLink struct {
	ID         string // r_id
	Event      string // m_id of the event mention
	Timex      Timex  // the timex; without Span and Text when it is not in the text
	RelType    string // BEFORE, AFTER, INCLUDES, IS_INCLUDED, SIMULTANEOUS, BEGINS, ENDS, BEGUN_BY, ENDED_BY, MEASURE…
	EventFirst bool   // the event is the link's source
}

// Within reports whether the link places the event inside the timex's
// interval: the event IS_INCLUDED in, BEGINS, ENDS or is SIMULTANEOUS with
// the timex, or equivalently the timex INCLUDES, is BEGUN_BY or ENDED_BY the
// event. BEFORE, AFTER, MEASURE and the other relations do not.
func (l TLink) Within() bool {
	if l.RelType == "SIMULTANEOUS" {
		return true
	}
	if l.EventFirst {
		return l.RelType == "IS_INCLUDED" || l.RelType == "BEGINS" || l.RelType == "ENDS"
	}
	return l.RelType == "INCLUDES" || l.RelType == "BEGUN_BY" || l.RelType == "ENDED_BY"
}

// Participant is a gold HAS_PARTICIPANT link: Mention takes part in Event.
type Participant struct {
	ID      string  // r_id
	Event   string  // m_id of the event mention
	Role    string  // sem_role: Arg0, Arg1…
	Mention Mention // the entity mention
}

// xml mapping of the CAT format; encoding/xml parses the integer
// attributes, so a malformed number fails the load.

type xDoc struct {
	ID        string     `xml:"doc_id,attr"`
	Name      string     `xml:"doc_name,attr"`
	URL       string     `xml:"url,attr"`
	Lang      string     `xml:"lang,attr"`
	Tokens    []xToken   `xml:"token"`
	Markables xMarkables `xml:"Markables"`
	Relations xRelations `xml:"Relations"`
}

type xToken struct {
	ID       int    `xml:"t_id,attr"`
	Sentence int    `xml:"sentence,attr"`
	Number   int    `xml:"number,attr"`
	Text     string `xml:",chardata"`
}

type xAnchor struct {
	ID int `xml:"t_id,attr"`
}

type xMarkables struct {
	Timexes  []xTimex   `xml:"TIMEX3"`
	Mentions []xMention `xml:"ENTITY_MENTION"`
	Entities []xEntity  `xml:"ENTITY"`
	EvMents  []xEvMent  `xml:"EVENT_MENTION"`
	Events   []xEvent   `xml:"EVENT"`
}

type xEvMent struct {
	ID      string    `xml:"m_id,attr"`
	Pred    string    `xml:"pred,attr"`
	POS     string    `xml:"pos,attr"`
	Tense   string    `xml:"tense,attr"`
	Anchors []xAnchor `xml:"token_anchor"`
}

type xEvent struct {
	ID    string `xml:"m_id,attr"`
	Class string `xml:"class,attr"`
}

type xTimex struct {
	ID       string    `xml:"m_id,attr"`
	Type     string    `xml:"type,attr"`
	Value    string    `xml:"value,attr"`
	Function string    `xml:"functionInDocument,attr"`
	Anchors  []xAnchor `xml:"token_anchor"`
}

type xMention struct {
	ID        string    `xml:"m_id,attr"`
	Syntactic string    `xml:"syntactic_type,attr"`
	Anchors   []xAnchor `xml:"token_anchor"`
}

type xEntity struct {
	ID       string `xml:"m_id,attr"`
	Type     string `xml:"ent_type,attr"`
	Instance string `xml:"instance_id,attr"`
}

type xRelations struct {
	RefersTo     []xLink `xml:"REFERS_TO"`
	TLinks       []xLink `xml:"TLINK"`
	Participants []xLink `xml:"HAS_PARTICIPANT"`
}

type xLink struct {
	ID      string     `xml:"r_id,attr"`
	RelType string     `xml:"reltype,attr"`
	Role    string     `xml:"sem_role,attr"`
	Sources []xAnchorM `xml:"source"`
	Targets []xAnchorM `xml:"target"`
}

type xAnchorM struct {
	ID string `xml:"m_id,attr"`
}

// Load reads one CAT XML document.
func Load(path string) (*Doc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("meantime: read %s: %w", path, err)
	}
	var x xDoc
	if err := xml.Unmarshal(b, &x); err != nil {
		return nil, fmt.Errorf("meantime: parse %s: %w", path, err)
	}
	d := &Doc{ID: x.ID, Name: x.Name, URL: x.URL, Path: path, Corpus: filepath.Base(filepath.Dir(path))}
	d.build(&x)
	return d, nil
}

// LoadDir loads every *.xml document below dir (the intra-doc_annotation
// folder), sorted by sub-corpus and file name.
func LoadDir(dir string) ([]*Doc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".xml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("meantime: walk %s: %w", dir, err)
	}
	sort.Strings(paths)
	docs := make([]*Doc, 0, len(paths))
	for _, p := range paths {
		d, err := Load(p)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// FindDir walks up from start looking for
// shared/eval/meantime/intra-doc_annotation and returns it.
func FindDir(start string) (string, bool) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", false
	}
	for {
		p := filepath.Join(dir, "shared", "eval", "meantime", "intra-doc_annotation")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// noSpaceBefore are tokens glued to the previous token.
var noSpaceBefore = map[string]bool{
	",": true, ".": true, ";": true, ":": true, "!": true, "?": true, ")": true, "]": true,
	"}": true, "%": true, "'s": true, "'": true, "n't": true, "'re": true, "'ve": true,
	"'ll": true, "'d": true, "'m": true, "”": true, "’": true, "...": true,
}

// noSpaceAfter are tokens glued to the next token.
var noSpaceAfter = map[string]bool{
	"(": true, "[": true, "{": true, "$": true, "#": true, "“": true, "US$": true,
}

// build rebuilds the text from the tokens and anchors the gold annotation
// to it.
func (d *Doc) build(x *xDoc) {
	toks := make([]Token, 0, len(x.Tokens))
	for _, t := range x.Tokens {
		toks = append(toks, Token{ID: t.ID, Sentence: t.Sentence, Number: t.Number, Text: t.Text})
	}
	sort.SliceStable(toks, func(i, j int) bool { return toks[i].ID < toks[j].ID })
	var b strings.Builder
	byID := make(map[int]int, len(toks))
	inQuote := false
	d.AnnotatedEnd = -1
	for i := range toks {
		t := &toks[i]
		if i > 0 {
			prev := &toks[i-1]
			switch {
			case t.Sentence != prev.Sentence:
				if prev.Sentence < AnnotatedSentences && t.Sentence >= AnnotatedSentences {
					d.AnnotatedEnd = b.Len()
				}
				b.WriteByte('\n')
			case noSpaceBefore[t.Text] || noSpaceAfter[prev.Text]:
			case t.Text == "\"" && inQuote: // closing quote
			case prev.Text == "\"" && inQuote: // after an opening quote
			default:
				b.WriteByte(' ')
			}
		}
		if t.Text == "\"" {
			inQuote = !inQuote
		}
		t.Span.Start = b.Len()
		b.WriteString(t.Text)
		t.Span.End = b.Len()
		byID[t.ID] = i
	}
	d.Text = b.String()
	if d.AnnotatedEnd < 0 {
		d.AnnotatedEnd = len(d.Text)
	}
	d.Tokens = toks

	// span returns the extent of anchors in the text and their t_ids; false
	// when none of them is a token.
	span := func(anchors []xAnchor) (model.Span, []int, bool) {
		var ids []int
		sp := model.Span{Start: -1}
		for _, a := range anchors {
			i, ok := byID[a.ID]
			if !ok {
				continue
			}
			ids = append(ids, a.ID)
			if sp.Start < 0 || toks[i].Span.Start < sp.Start {
				sp.Start = toks[i].Span.Start
			}
			if toks[i].Span.End > sp.End {
				sp.End = toks[i].Span.End
			}
		}
		return sp, ids, len(ids) > 0
	}

	for _, tx := range x.Markables.Timexes {
		sp, ids, ok := span(tx.Anchors)
		if tx.Function == "CREATION_TIME" && d.DCT.IsZero() {
			if t, err := parseDay(tx.Value); err == nil {
				d.DCT = t
			}
		}
		if !ok {
			continue // an empty (non-textual) timex
		}
		d.Timexes = append(d.Timexes, Timex{ID: tx.ID, Type: tx.Type, Value: tx.Value, Function: tx.Function,
			Span: sp, Text: d.Text[sp.Start:sp.End], Tokens: ids})
	}
	sentence := func(ids []int) int { return toks[byID[ids[0]]].Sentence }
	sort.SliceStable(d.Timexes, func(i, j int) bool { return d.Timexes[i].Span.Start < d.Timexes[j].Span.Start })

	entType := make(map[string]string, len(x.Markables.Entities))
	instance := make(map[string]string, len(x.Markables.Entities))
	for _, e := range x.Markables.Entities {
		entType[e.ID] = e.Type
		instance[e.ID] = e.Instance
	}
	refers := map[string]string{}
	for _, l := range x.Relations.RefersTo {
		for _, t := range l.Targets {
			if _, ok := entType[t.ID]; !ok {
				continue
			}
			for _, s := range l.Sources {
				refers[s.ID] = t.ID
			}
		}
	}
	for _, m := range x.Markables.Mentions {
		sp, ids, ok := span(m.Anchors)
		if !ok {
			continue
		}
		ent := refers[m.ID]
		d.Mentions = append(d.Mentions, Mention{ID: m.ID, Syntactic: m.Syntactic, EntityType: entType[ent], EntityID: ent, Instance: instance[ent],
			Span: sp, Text: d.Text[sp.Start:sp.End], Tokens: ids, Sentence: sentence(ids)})
	}
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Span.Start < d.Mentions[j].Span.Start })
	d.buildEvents(x, span, sentence)
}

// buildEvents reads the event mentions, with the class of the EVENT each
// refers to, and the TLINKs and HAS_PARTICIPANT links that involve them.
func (d *Doc) buildEvents(x *xDoc, span func([]xAnchor) (model.Span, []int, bool), sentence func([]int) int) {
	class := make(map[string]string, len(x.Markables.Events))
	for _, e := range x.Markables.Events {
		class[e.ID] = e.Class
	}
	eventClass := map[string]string{} // event mention → class of its EVENT
	for _, l := range x.Relations.RefersTo {
		for _, t := range l.Targets {
			c, ok := class[t.ID]
			if !ok {
				continue
			}
			for _, s := range l.Sources {
				eventClass[s.ID] = c
			}
		}
	}
	isEvent := map[string]bool{}
	for _, e := range x.Markables.EvMents {
		sp, ids, ok := span(e.Anchors)
		if !ok {
			continue
		}
		isEvent[e.ID] = true
		d.Events = append(d.Events, EventMention{ID: e.ID, Pred: e.Pred, Class: eventClass[e.ID], POS: e.POS, Tense: e.Tense,
			Span: sp, Text: d.Text[sp.Start:sp.End], Tokens: ids, Sentence: sentence(ids)})
	}
	sort.SliceStable(d.Events, func(i, j int) bool { return d.Events[i].Span.Start < d.Events[j].Span.Start })

	// Every timex, textual or not: a TLINK may point to a timex that has no
	// tokens (the end point of a duration, say).
	timexes := map[string]Timex{}
	for _, tx := range x.Markables.Timexes {
		timexes[tx.ID] = Timex{ID: tx.ID, Type: tx.Type, Value: tx.Value, Function: tx.Function}
	}
	for _, tx := range d.Timexes {
		timexes[tx.ID] = tx
	}
	for _, l := range x.Relations.TLinks {
		if len(l.Sources) != 1 || len(l.Targets) != 1 {
			continue
		}
		src, dst := l.Sources[0].ID, l.Targets[0].ID
		if tx, ok := timexes[dst]; ok && isEvent[src] {
			d.TLinks = append(d.TLinks, TLink{ID: l.ID, Event: src, Timex: tx, RelType: l.RelType, EventFirst: true})
		} else if tx, ok := timexes[src]; ok && isEvent[dst] {
			d.TLinks = append(d.TLinks, TLink{ID: l.ID, Event: dst, Timex: tx, RelType: l.RelType})
		}
	}

	mentions := make(map[string]Mention, len(d.Mentions))
	for _, m := range d.Mentions {
		mentions[m.ID] = m
	}
	for _, l := range x.Relations.Participants {
		for _, s := range l.Sources {
			if !isEvent[s.ID] {
				continue
			}
			for _, t := range l.Targets {
				if m, ok := mentions[t.ID]; ok {
					d.Participants = append(d.Participants, Participant{ID: l.ID, Event: s.ID, Role: l.Role, Mention: m})
				}
			}
		}
	}
}

// EventDates returns the calendar intervals that contain the event mention
// according to its TLINKs: those whose relation puts the event within
// (TLink.Within) a DATE timex with a calendar value (Timex.Interval), the
// creation time included. An event may have several, or none.
func (d *Doc) EventDates(event string) []Interval {
	var out []Interval
	for _, l := range d.TLinks {
		if l.Event != event || !l.Within() || l.Timex.Type != "DATE" {
			continue
		}
		if iv, ok := l.Timex.Interval(); ok {
			out = append(out, iv)
		}
	}
	return out
}

// Interval is an inclusive range of calendar days (UTC midnight).
type Interval struct{ Start, End time.Time }

// Contains reports whether o lies within iv (or equals it).
func (iv Interval) Contains(o Interval) bool {
	return !o.Start.Before(iv.Start) && !o.End.After(iv.End)
}

// Interval returns the calendar interval of a timex value that names a day
// (2008-09-15, also with a time or part of day after a T), a month
// (2008-09) or a year (2008); ok is false for any other value (weeks,
// quarters, seasons, PRESENT_REF, XXXX…).
func (t Timex) Interval() (iv Interval, ok bool) {
	v := t.Value
	if i := strings.IndexByte(v, 'T'); i == len("2006-01-02") {
		v = v[:i]
	}
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(s time.Time) time.Time { return s.AddDate(0, 0, 1) }},
		{"2006-01", func(s time.Time) time.Time { return s.AddDate(0, 1, 0) }},
		{"2006", func(s time.Time) time.Time { return s.AddDate(1, 0, 0) }},
	} {
		if len(v) != len(f.layout) {
			continue
		}
		s, err := time.Parse(f.layout, v)
		if err != nil {
			return Interval{}, false
		}
		return Interval{Start: s, End: f.next(s).AddDate(0, 0, -1)}, true
	}
	return Interval{}, false
}

// parseDay reads the date part of a TIMEX3 value such as 2008-03-01 or
// 2008-03-01T10:00.
func parseDay(v string) (time.Time, error) {
	if len(v) < 10 {
		return time.Time{}, fmt.Errorf("value %q is not a day", v)
	}
	return time.Parse("2006-01-02", v[:10])
}
