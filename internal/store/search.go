package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/briefingatlas/atlas/internal/model"
)

// Full-text search.
//
// Every event has one row in events_fts holding its effective title, its
// place's name, its actors' names and the text of its source sentences,
// those of the events the user merged into it included: one row, so that a
// query such as `Moscow AND ceasefire` can find the place in one column and
// the word in another. Articles are indexed whole in articles_fts (kept by
// triggers on articles). Both are ranked by BM25.
//
// The index is written in the same transaction as what it indexes: on
// insert (writer.insertEvent), on every recompute after a merge or an edit
// (recompute), and when an article's extraction is dropped for re-import,
// re-extraction or deletion (dropExtraction).
//
// What users type is never handed to MATCH as it is: parseQuery reads it in
// a small grammar of its own (words, "phrases", prefix*, AND, OR, NOT,
// parentheses) and writes an FTS5 expression in which every word is a quoted
// string, so that no input can be an FTS5 syntax error. Input the grammar
// cannot read (an unclosed quote or parenthesis, an operator with nothing on
// one side) is searched as its plain words, all required.

// searchWeights are BM25's column weights for title, place, actors and
// sentences: a word in the title says more about the event than the same
// word somewhere in a long sentence.
const searchWeights = `4.0, 2.0, 2.0, 1.0`

// markOpen and markClose delimit matched words in the snippets SQLite
// returns; they never occur in stored text (ingest drops control
// characters) and are turned into SnippetParts here.
const (
	markOpen  = "\x02"
	markClose = "\x03"
)

// snippetTokens is how many words a snippet shows around its matches.
const snippetTokens = 20

// searchCap bounds how many matches an unnarrowed search ranks: a common
// word over a million events would otherwise have BM25 computed for every
// one of them. Matches past the cap (the most recently stored) are not
// ranked; with a narrowing filter every match is.
const searchCap = 4000

// articleSearchCap bounds the matching articles ArticlesMatching ranks
// and looks through.
const articleSearchCap = 1000

// SnippetPart is a piece of a search snippet; Match marks the words the
// query found, for the UI to show in bold.
type SnippetPart struct {
	Text  string
	Match bool
}

// SnippetText renders parts as plain text with matches in «guillemets», for
// logs and terminals.
func SnippetText(parts []SnippetPart) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Match {
			b.WriteString("«" + p.Text + "»")
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// EventHit is an event a search found, with the words that found it.
type EventHit struct {
	Event model.Event
	// Snippet is a stretch of the event's source sentences with the
	// matched words marked, or of its title, place or actors when only
	// those matched.
	Snippet []SnippetPart
	// Score is BM25 as SQLite computes it: lower is a better match.
	Score float64
}

// ArticleHit is an article whose text matches a search.
type ArticleHit struct {
	Article model.Article // without Text and Noise (Store.Article has them)
	Snippet []SnippetPart
	// First is the byte span, in the article's text, of the first matched
	// word, for the reader to scroll to.
	First model.Span
	// TitleOnly is set when only the article's title matched.
	TitleOnly bool
}

// EventsMatching returns the visible events whose source sentences, title,
// place or actor names match query, best match (BM25) first, at most limit
// (0 = all), each with a snippet. See parseQuery for the syntax: words,
// "phrases", prefix*, AND, OR, NOT and parentheses; malformed input is
// searched as its plain words and is never an error.
func (s *Store) EventsMatching(ctx context.Context, query string, limit int) ([]EventHit, error) {
	return s.EventsMatchingWithin(ctx, Filter{Text: query, Limit: limit})
}

// EventsMatchingWithin is EventsMatching among the events f shows: f.Text
// is the query and f.Limit the most hits returned (0 = all).
func (s *Store) EventsMatchingWithin(ctx context.Context, f Filter) ([]EventHit, error) {
	expr := parseQuery(f.Text)
	if expr == "" {
		return nil, nil
	}
	limit := f.Limit
	rest := f
	rest.Text, rest.Limit = "", 0
	w, args := rest.clauses()
	// Rank a capped set of matches only when nothing but visibility narrows
	// them and the caller wants the best few: that is the search box on a
	// big store, where a common word matches a good part of it.
	inner := `SELECT rowid, bm25(events_fts, ` + searchWeights + `) AS score FROM events_fts WHERE events_fts MATCH ?`
	innerArgs := []any{expr}
	if limit > 0 && !rest.narrow() && rest.From.IsZero() && rest.To.IsZero() {
		inner += ` LIMIT ?`
		innerArgs = append(innerArgs, searchCap)
	}
	q := `SELECT e.id, f.score FROM (` + inner + `) f JOIN events e ON e.id = f.rowid`
	if len(w) > 0 {
		q += ` WHERE ` + strings.Join(w, ` AND `)
	}
	q += ` ORDER BY f.score, e.id`
	if limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, limit)
	}
	rows, err := s.db.QueryContext(ctx, q, append(innerArgs, args...)...)
	if err != nil {
		return nil, fmt.Errorf("search events for %q: %w", f.Text, err)
	}
	var ids []int64
	scores := map[int64]float64{}
	for rows.Next() {
		var id int64
		var score float64
		if err := rows.Scan(&id, &score); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search events for %q: %w", f.Text, err)
		}
		ids = append(ids, id)
		scores[id] = score
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search events for %q: %w", f.Text, err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	snips, err := s.eventSnippets(ctx, expr, ids)
	if err != nil {
		return nil, fmt.Errorf("search events for %q: %w", f.Text, err)
	}
	evs, err := loadEventsByID(ctx, s.db, ids, false, true)
	if err != nil {
		return nil, fmt.Errorf("search events for %q: %w", f.Text, err)
	}
	byID := make(map[int64]model.Event, len(evs))
	for _, e := range evs {
		byID[e.ID] = e
	}
	out := make([]EventHit, 0, len(ids))
	for _, id := range ids { // rank order, which loading by id lost
		if e, ok := byID[id]; ok {
			out = append(out, EventHit{Event: e, Snippet: snips[id], Score: scores[id]})
		}
	}
	return out, nil
}

// eventSnippets makes the snippets of the events ids for expr. Snippets
// are made apart from ranking so that only the hits returned pay for them.
func (s *Store) eventSnippets(ctx context.Context, expr string, ids []int64) (map[int64][]SnippetPart, error) {
	out := make(map[int64][]SnippetPart, len(ids))
	sn := func(col int) string {
		return fmt.Sprintf(`snippet(events_fts, %d, char(2), char(3), '…', %d)`, col, snippetTokens)
	}
	for _, args := range inLists(ids) {
		// The sentences' snippet unless the words were found only in the
		// title, place or actors.
		rows, err := s.db.QueryContext(ctx, `SELECT rowid, `+sn(3)+`, `+sn(-1)+` FROM events_fts
			WHERE `+amongRows(len(args)), amongArgs(expr, args)...)
		if err != nil {
			return nil, fmt.Errorf("snippets: %w", err)
		}
		for rows.Next() {
			var id int64
			var sentences, best sql.NullString
			if err := rows.Scan(&id, &sentences, &best); err != nil {
				rows.Close()
				return nil, fmt.Errorf("snippets: %w", err)
			}
			text := sentences.String
			if !strings.Contains(text, markOpen) {
				text = best.String
			}
			out[id] = snippetParts(text)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("snippets: %w", err)
		}
	}
	return out, nil
}

// amongRows is the condition of a query on events_fts that keeps the
// matches of an expression among some rows, for amongArgs. Each value of
// a plain "rowid IN (...)" would run the whole FTS5 query again, which for
// a prefix ("negot*" over a million events) means merging the lists of
// every word it starts, 2 ms a time; the unary plus keeps the list out of
// FTS5's hands, so that the matches are read once, within the rows' range,
// and snippets are made only for the rows kept.
func amongRows(n int) string {
	return `events_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (` + placeholders(n) + `)`
}

// amongArgs are the arguments of amongRows for ids (an inLists list).
func amongArgs(expr string, ids []any) []any {
	lo, hi := ids[0].(int64), ids[0].(int64)
	for _, v := range ids {
		lo, hi = min(lo, v.(int64)), max(hi, v.(int64))
	}
	return append([]any{expr, lo, hi}, ids...)
}

// snippetParts splits a snippet marked with markOpen and markClose.
func snippetParts(s string) []SnippetPart {
	// Sentences are stored one a line; a snippet reads as one run of text.
	s = strings.ReplaceAll(s, "\n", " ")
	var out []SnippetPart
	for s != "" {
		i := strings.Index(s, markOpen)
		if i < 0 {
			out = append(out, SnippetPart{Text: s})
			break
		}
		if i > 0 {
			out = append(out, SnippetPart{Text: s[:i]})
		}
		s = s[i+len(markOpen):]
		j := strings.Index(s, markClose)
		if j < 0 {
			j = len(s)
		}
		if j > 0 {
			// FTS5 marks each matched word apart; words of one phrase
			// read better as one bold run.
			if n := len(out); n > 0 && out[n-1].Match {
				out[n-1].Text += s[:j]
			} else if n > 1 && out[n-2].Match && strings.TrimSpace(out[n-1].Text) == "" {
				out[n-2].Text += out[n-1].Text + s[:j]
				out = out[:n-1]
			} else {
				out = append(out, SnippetPart{Text: s[:j], Match: true})
			}
		}
		s = strings.TrimPrefix(s[j:], markClose)
	}
	return out
}

// ArticlesMatching returns the articles whose title or text matches query
// but none of whose visible events do, best match first, at most limit
// (0 = all): where the words are in the story but not in a sentence
// extraction made an event of, so that the user can read them there.
func (s *Store) ArticlesMatching(ctx context.Context, query string, limit int) ([]ArticleHit, error) {
	expr := parseQuery(query)
	if expr == "" {
		return nil, nil
	}
	// Rank a capped set of matching articles, as EventsMatching does, then
	// keep those none of whose visible events match, looking at their
	// events in one pass per batch of articles.
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM
		(SELECT rowid, bm25(articles_fts, 2.0, 1.0) AS score FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)
		ORDER BY score, rowid`, expr, articleSearchCap)
	if err != nil {
		return nil, fmt.Errorf("search articles for %q: %w", query, err)
	}
	cands, err := scanIDs(rows)
	if err != nil {
		return nil, fmt.Errorf("search articles for %q: %w", query, err)
	}
	// The candidates' visible events, then which of them match, in one
	// pass over the matches: cheaper than a query per batch of events when
	// a common word matches a good part of a big store.
	evOf := map[int64][]int64{}
	want := map[int64]bool{}
	var lo, hi int64
	for _, args := range inLists(cands) {
		rows, err := s.db.QueryContext(ctx, `SELECT s.article_id, s.event_id FROM event_sources s JOIN events e ON e.id = s.event_id
			WHERE s.article_id IN (`+placeholders(len(args))+`) AND e.hidden = 0 AND e.merged_into IS NULL`, args...)
		if err != nil {
			return nil, fmt.Errorf("search articles for %q: %w", query, err)
		}
		for rows.Next() {
			var aid, eid int64
			if err := rows.Scan(&aid, &eid); err != nil {
				rows.Close()
				return nil, fmt.Errorf("search articles for %q: %w", query, err)
			}
			evOf[aid] = append(evOf[aid], eid)
			if len(want) == 0 || eid < lo {
				lo = eid
			}
			if len(want) == 0 || eid > hi {
				hi = eid
			}
			want[eid] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("search articles for %q: %w", query, err)
		}
	}
	match := map[int64]bool{}
	if len(want) > 0 {
		rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM events_fts WHERE events_fts MATCH ? AND rowid BETWEEN ? AND ?`, expr, lo, hi)
		if err != nil {
			return nil, fmt.Errorf("search articles for %q: %w", query, err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("search articles for %q: %w", query, err)
			}
			if want[id] {
				match[id] = true
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("search articles for %q: %w", query, err)
		}
	}
	var ids []int64
next:
	for _, aid := range cands {
		for _, eid := range evOf[aid] {
			if match[eid] {
				continue next
			}
		}
		if ids = append(ids, aid); limit > 0 && len(ids) == limit {
			break
		}
	}
	out := make([]ArticleHit, 0, len(ids))
	for _, id := range ids {
		var h ArticleHit
		var snip, marked sql.NullString
		// The columns of articleCols, qualified: articles_fts has a title too.
		row := s.db.QueryRowContext(ctx, `SELECT a.id, a.path, a.sha256, a.format, a.title, a.publisher, a.url, a.published, a.date_source, a.dateline, a.imported_at, coalesce(a.file_sha256, ''),
				snippet(articles_fts, 1, char(2), char(3), '…', ?), highlight(articles_fts, 1, char(2), char(3))
			FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
			WHERE articles_fts MATCH ? AND articles_fts.rowid = ?`, snippetTokens, expr, id)
		a, err := scanArticle(scanFunc(func(dest ...any) error {
			return row.Scan(append(dest, &snip, &marked)...)
		}), false)
		if err != nil {
			return nil, fmt.Errorf("search articles for %q: article %d: %w", query, id, err)
		}
		h.Article = *a
		h.Snippet = snippetParts(snip.String)
		if i := strings.Index(marked.String, markOpen); i >= 0 {
			j := strings.Index(marked.String[i:], markClose)
			if j < 0 {
				j = len(marked.String) - i
			}
			h.First = model.Span{Start: i, End: i + j - len(markOpen)}
		} else {
			h.TitleOnly = true
			h.Snippet = nil
		}
		out = append(out, h)
	}
	return out, nil
}

// scanFunc adapts a function to the scanner interface.
type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// Search returns the visible events matching query (see EventsMatching),
// best first, at most limit (0 means 100), without snippets' structure.
func (s *Store) Search(query string, limit int) ([]model.Event, error) {
	if limit <= 0 {
		limit = 100
	}
	hits, err := s.EventsMatching(context.Background(), query, limit)
	if err != nil {
		return nil, err
	}
	out := make([]model.Event, len(hits))
	for i, h := range hits {
		out[i] = h.Event
	}
	return out, nil
}

// Index upkeep.

// eventDocSQL selects an event's search entry by id: its effective title,
// place and actors, and the sentences of its sources and of the events
// the user merged into it, each sentence once.
const eventDocSQL = `SELECT e.id AS id, e.title AS title, coalesce(p.name, '') AS place,
	` + eventActorsSQL + ` AS actors,
	coalesce((SELECT group_concat(t, char(10)) FROM (
		SELECT DISTINCT CAST(substr(CAST(ar.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT) AS t
		FROM event_sources s JOIN articles ar ON ar.id = s.article_id
		WHERE s.event_id = e.id OR s.event_id IN (SELECT c.id FROM events c WHERE c.merged_into = e.key))), '') AS sources
	FROM events e LEFT JOIN places p ON p.id = e.place_id`

// eventActorsSQL is the actors column of an event's search entry.
const eventActorsSQL = `coalesce((SELECT group_concat(a.name, '; ') FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = e.id), '')`

// eventHeadSQL is eventDocSQL without the sentences: the title, place and
// actors an event's search entry would have.
const eventHeadSQL = `SELECT e.id AS id, e.title AS title, coalesce(p.name, '') AS place, ` + eventActorsSQL + ` AS actors
	FROM events e LEFT JOIN places p ON p.id = e.place_id`

// indexEvent rewrites the search entry of event id from the store, and
// that of the event it is merged into, whose entry carries its sentences.
// An id no longer stored loses its entry.
func indexEvent(ctx context.Context, tx *sql.Tx, id int64) error {
	if err := indexOne(ctx, tx, id); err != nil {
		return err
	}
	var parent sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT merged_into FROM events WHERE id = ?`, id).Scan(&parent)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("index event %d: %w", id, err)
	}
	if parent.Valid {
		return indexEventKey(ctx, tx, parent.String)
	}
	return nil
}

// indexEventKey rewrites the search entry of the event with this key, if
// it is stored.
func indexEventKey(ctx context.Context, tx *sql.Tx, key string) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM events WHERE key = ?`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("index event %s: %w", key, err)
	}
	return indexOne(ctx, tx, id)
}

func indexOne(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM events_fts WHERE rowid = ?`, id); err != nil {
		return fmt.Errorf("index event %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO events_fts(rowid, title, place, actors, sources) `+eventDocSQL+` WHERE e.id = ?`, id); err != nil {
		return fmt.Errorf("index event %d: %w", id, err)
	}
	return nil
}

// unindexEvent removes the search entry of an event about to be deleted
// and returns the key of the event it was merged into ("" for none),
// whose entry must be rewritten once it is gone.
func unindexEvent(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var parent sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT merged_into FROM events WHERE id = ?`, id).Scan(&parent); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("remove event %d from search: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM events_fts WHERE rowid = ?`, id); err != nil {
		return "", fmt.Errorf("remove event %d from search: %w", id, err)
	}
	return parent.String, nil
}

// sentencesOf joins the text of an event's sources as eventDocSQL does,
// from memory; ok is false when a source lacks its text, and then the
// entry must be read from the store.
func sentencesOf(e *model.Event) (string, bool) {
	seen := map[string]bool{}
	var parts []string
	for _, s := range e.Sources {
		if s.ArticleID == 0 {
			continue
		}
		if s.Text == "" && s.End > s.Start {
			return "", false
		}
		if !seen[s.Text] {
			seen[s.Text] = true
			parts = append(parts, s.Text)
		}
	}
	return strings.Join(parts, "\n"), true
}

// Query syntax.

type qkind int

const (
	qWord qkind = iota
	qPhrase
	qAnd
	qOr
	qNot
	qOpen
	qClose
)

type qtoken struct {
	kind   qkind
	text   string // words separated by single spaces (qWord, qPhrase)
	prefix bool
}

// errQuery says the input does not follow the grammar; it is then searched
// as plain words.
var errQuery = errors.New("malformed query")

// parseQuery turns what a user typed into an FTS5 MATCH expression that
// cannot be a syntax error, or "" when it has nothing to search for.
//
//	chemical weapons        both words, anywhere in the event's text
//	"chemical weapons"      the phrase
//	negotiat*               words starting with negotiat
//	a AND b, a OR b, a NOT b   (upper case; lower-case and/or/not are words)
//	(a OR b) c              grouping
//
// Words are letters and digits; other characters separate them, so that
// "al-Assad" is the phrase "al assad", as the index reads the text.
func parseQuery(s string) string {
	toks, err := lexQuery(s)
	if err == nil {
		var expr string
		if expr, err = (&qparser{toks: toks}).parse(); err == nil {
			return expr
		}
	}
	return plainQuery(s)
}

// plainQuery is the fallback: every word of s (operators and quotes
// dropped, prefix stars kept) required.
func plainQuery(s string) string {
	var parts []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '"' || r == '(' || r == ')' }) {
		if f == "AND" || f == "OR" || f == "NOT" {
			continue
		}
		if t, ok := wordToken(f); ok {
			parts = append(parts, t.fts())
		}
	}
	return strings.Join(parts, " AND ")
}

// lexQuery splits a query into tokens; an unclosed quote is an error.
func lexQuery(s string) ([]qtoken, error) {
	var toks []qtoken
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				return nil, errQuery
			}
			words := searchWords(s[i+1 : i+1+j])
			i += j + 2
			prefix := i < len(s) && s[i] == '*'
			if prefix {
				i++
			}
			if words != "" {
				toks = append(toks, qtoken{kind: qPhrase, text: words, prefix: prefix})
			}
		case c == '(':
			toks = append(toks, qtoken{kind: qOpen})
			i++
		case c == ')':
			toks = append(toks, qtoken{kind: qClose})
			i++
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\n\r\"()", rune(s[j])) {
				j++
			}
			f := s[i:j]
			i = j
			switch f {
			case "AND":
				toks = append(toks, qtoken{kind: qAnd})
			case "OR":
				toks = append(toks, qtoken{kind: qOr})
			case "NOT":
				toks = append(toks, qtoken{kind: qNot})
			default:
				if t, ok := wordToken(f); ok {
					toks = append(toks, t)
				}
			}
		}
	}
	return toks, nil
}

// wordToken reads one bare word; a trailing star makes it a prefix. Pure
// punctuation is no word.
func wordToken(f string) (qtoken, bool) {
	prefix := strings.HasSuffix(f, "*")
	words := searchWords(f)
	if words == "" {
		return qtoken{}, false
	}
	return qtoken{kind: qWord, text: words, prefix: prefix}, true
}

// searchWords keeps the letters and digits of s, one space between runs,
// as FTS5's unicode61 tokenizer splits text.
func searchWords(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
	}), " ")
}

// fts writes a word or phrase token as an FTS5 string, which the
// tokenizer reads as a phrase of its words.
func (t qtoken) fts() string {
	q := `"` + t.text + `"`
	if t.prefix {
		q += "*"
	}
	return q
}

// qparser reads tokens by the grammar
//
//	or   = and { "OR" and }
//	and  = not { ["AND"] not }
//	not  = prim { "NOT" prim }
//	prim = word | phrase | "(" or ")"
//
// which is FTS5's own precedence (NOT, then AND, then OR), and writes the
// expression with every group in parentheses.
type qparser struct {
	toks []qtoken
	i    int
}

func (p *qparser) parse() (string, error) {
	if len(p.toks) == 0 {
		return "", nil
	}
	e, err := p.or()
	if err != nil {
		return "", err
	}
	if p.i != len(p.toks) {
		return "", errQuery // a stray ")"
	}
	return e, nil
}

func (p *qparser) peek() (qkind, bool) {
	if p.i >= len(p.toks) {
		return 0, false
	}
	return p.toks[p.i].kind, true
}

func (p *qparser) or() (string, error) {
	parts := []string{}
	for {
		e, err := p.and()
		if err != nil {
			return "", err
		}
		parts = append(parts, e)
		if k, ok := p.peek(); !ok || k != qOr {
			break
		}
		p.i++
	}
	return group(parts, " OR "), nil
}

func (p *qparser) and() (string, error) {
	parts := []string{}
	for {
		e, err := p.not()
		if err != nil {
			return "", err
		}
		parts = append(parts, e)
		k, ok := p.peek()
		if ok && k == qAnd {
			p.i++
			continue
		}
		if ok && (k == qWord || k == qPhrase || k == qOpen) {
			continue // side by side: AND
		}
		break
	}
	return group(parts, " AND "), nil
}

func (p *qparser) not() (string, error) {
	e, err := p.prim()
	if err != nil {
		return "", err
	}
	for {
		if k, ok := p.peek(); !ok || k != qNot {
			return e, nil
		}
		p.i++
		r, err := p.prim()
		if err != nil {
			return "", err
		}
		e = "(" + e + " NOT " + r + ")"
	}
}

func (p *qparser) prim() (string, error) {
	k, ok := p.peek()
	if !ok {
		return "", errQuery // an operator with nothing after it
	}
	t := p.toks[p.i]
	switch k {
	case qWord, qPhrase:
		p.i++
		return t.fts(), nil
	case qOpen:
		p.i++
		if k, ok := p.peek(); ok && k == qClose {
			return "", errQuery // "()"
		}
		e, err := p.or()
		if err != nil {
			return "", err
		}
		if k, ok := p.peek(); !ok || k != qClose {
			return "", errQuery
		}
		p.i++
		return e, nil
	}
	return "", errQuery // an operator where a word belongs
}

func group(parts []string, op string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, op) + ")"
}

// PrefixLastWord marks the last bare word of a query being typed as a
// prefix ("chemical weap" finds "chemical weapons"), so that results
// follow the keystrokes. Phrases, operators, words already ending in * and
// a query ending in a space are left as they are.
func PrefixLastWord(s string) string {
	if s == "" || strings.HasSuffix(s, "*") || strings.ContainsRune(" \t\n\r\"()", rune(s[len(s)-1])) {
		return s
	}
	if strings.Count(s, `"`)%2 == 1 {
		return s // inside an open phrase
	}
	i := strings.LastIndexAny(s, " \t\n\r\"()") + 1
	last := s[i:]
	if last == "AND" || last == "OR" || last == "NOT" {
		return s
	}
	if r := []rune(last); !unicode.IsLetter(r[len(r)-1]) && !unicode.IsDigit(r[len(r)-1]) {
		return s
	}
	return s + "*"
}
