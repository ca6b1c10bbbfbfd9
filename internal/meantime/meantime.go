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
	Text     string    // rebuilt text, see the package comment
	DCT      time.Time // creation time (the TIMEX3 with functionInDocument=CREATION_TIME), zero if none
	Tokens   []Token   // in t_id order
	Timexes  []Timex   // gold TIMEX3 anchored to tokens, in text order
	Mentions []Mention // gold ENTITY_MENTIONs, in text order
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
	Span       model.Span
	Text       string
	Tokens     []int
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
	ID   string `xml:"m_id,attr"`
	Type string `xml:"ent_type,attr"`
}

type xRelations struct {
	RefersTo []xLink `xml:"REFERS_TO"`
}

type xLink struct {
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
	sort.SliceStable(d.Timexes, func(i, j int) bool { return d.Timexes[i].Span.Start < d.Timexes[j].Span.Start })

	entType := make(map[string]string, len(x.Markables.Entities))
	for _, e := range x.Markables.Entities {
		entType[e.ID] = e.Type
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
		d.Mentions = append(d.Mentions, Mention{ID: m.ID, Syntactic: m.Syntactic, EntityType: entType[ent], EntityID: ent,
			Span: sp, Text: d.Text[sp.Start:sp.End], Tokens: ids})
	}
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Span.Start < d.Mentions[j].Span.Start })
}

// parseDay reads the date part of a TIMEX3 value such as 2008-03-01 or
// 2008-03-01T10:00.
func parseDay(v string) (time.Time, error) {
	if len(v) < 10 {
		return time.Time{}, fmt.Errorf("value %q is not a day", v)
	}
	return time.Parse("2006-01-02", v[:10])
}
