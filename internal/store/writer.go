package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/model"
)

// writer adds extraction results inside one transaction, with id caches so
// that bulk loads stay fast.
type writer struct {
	ctx    context.Context
	tx     *sql.Tx
	places map[string]int64 // place key → id
	// Actors (actors.go): byName caches resolution by type and name,
	// keyOf the key each row was filed under, known the rows seen to
	// exist, moved the rows folded into others, forms the forms
	// recorded, titled the rows given a title, touched the rows to
	// rename at the end (flushActors); merges and splits are the user's.
	byName  map[string]int64
	keyOf   map[int64]string
	known   map[int64]bool
	moved   map[int64]int64
	forms   map[formSeen]int
	titled  map[int64]bool
	touched map[int64]bool
	merges  map[string]string
	splits  map[string]string
	// named are the people and organisations the article names (its
	// mentions), whose spellings count toward an actor's canonical name
	// even where they take part in no event (noteNamedForms).
	named []model.Mention
	// placeNames caches names for the search index.
	placeNames map[int64]string
	maxSpan    int64
	spanRead   bool
	noEdits    bool // bulk load into a store with no edits: skip the lookups
	editsRead  bool
	hasEdits   bool
	// carried maps the keys a changed article's events took over from its
	// previous version to their rows, which they fill again or merge into
	// (applyExtraction); kept counts them.
	carried map[string]int64
	kept    int
	// exclude lists rows no event of this extraction may be merged into
	// by similarity: the previous version's, refilled or kept as gone.
	exclude map[int64]bool
}

// anyEdits reports whether the store holds any user edit, asked once per
// transaction: most imports go into stores without edits for their keys.
func (w *writer) anyEdits() bool {
	if !w.editsRead {
		w.editsRead = true
		// On error assume edits exist: the per-key lookup is then exact.
		w.hasEdits = true
		var n int
		if err := w.queryRow(`SELECT EXISTS (SELECT 1 FROM edits)`).Scan(&n); err == nil {
			w.hasEdits = n > 0
		}
	}
	return w.hasEdits
}

func newWriter(ctx context.Context, tx *sql.Tx) *writer {
	return &writer{ctx: ctx, tx: tx, places: map[string]int64{}, placeNames: map[int64]string{},
		byName: map[string]int64{}, keyOf: map[int64]string{}, known: map[int64]bool{}, moved: map[int64]int64{},
		forms: map[formSeen]int{}, titled: map[int64]bool{}, touched: map[int64]bool{}}
}

// exec and queryRow go through the driver's per-connection statement cache
// (_stmt_cache_size), which outlives the transaction, unlike tx.Prepare.
func (w *writer) exec(q string, args ...any) (sql.Result, error) {
	return w.tx.ExecContext(w.ctx, q, args...)
}

func (w *writer) queryRow(q string, args ...any) *sql.Row {
	return w.tx.QueryRowContext(w.ctx, q, args...)
}

func (w *writer) addMentions(articleID int64, ms []model.Mention) error {
	w.named = ms
	for _, m := range ms {
		if _, err := w.exec(`INSERT INTO mentions(article_id, start, end, type, text, value) VALUES (?, ?, ?, ?, ?, ?)`,
			articleID, m.Start, m.End, string(m.Type), m.Text, m.Value); err != nil {
			return fmt.Errorf("insert mention %q: %w", m.Text, err)
		}
	}
	return nil
}

// addExtraction inserts or merges each event of one article.
func (w *writer) addExtraction(a *model.Article, events []model.Event, m Merging) (inserted, merged int, err error) {
	mine := map[int64]bool{} // events this article created or merged into: not merge candidates
	for id := range w.exclude {
		mine[id] = true
	}
	numberKeys(events)
	for i := range events {
		e := &events[i]
		for j := range e.Sources {
			e.Sources[j].ArticleID = a.ID
			if e.Sources[j].File == "" {
				e.Sources[j].File = baseName(a.Path)
			}
		}
		if id, ok := w.carried[e.Key]; ok {
			// The same event as in the article's previous version: its
			// row stays, so do its id and the user's edits.
			if err := w.refill(id, e, m.Merge); err != nil {
				return inserted, merged, err
			}
			e.ID = id
			mine[id] = true
			w.kept++
			continue
		}
		target, err := w.findSame(e, m, mine)
		if err != nil {
			return inserted, merged, err
		}
		if target == nil && e.Key != "" {
			// A key already stored (an article re-extracted after another
			// stored the same sentence) is the same event by definition.
			var id int64
			if err := w.queryRow(`SELECT id FROM events WHERE key = ?`, e.Key).Scan(&id); err != nil && !errors.Is(err, sql.ErrNoRows) {
				return inserted, merged, fmt.Errorf("look up event key: %w", err)
			}
			if id != 0 {
				evs, err := loadEventsByID(w.ctx, w.tx, []int64{id}, true, false)
				if err != nil {
					return inserted, merged, fmt.Errorf("load event %d: %w", id, err)
				}
				if len(evs) == 0 {
					return inserted, merged, fmt.Errorf("load event %d: %w", id, ErrNotFound)
				}
				target = &evs[0]
			}
		}
		if target != nil {
			if err := w.mergeInto(target, e, m.Merge); err != nil {
				return inserted, merged, err
			}
			e.ID = target.ID
			// The article's other events are not candidates for it
			// either: what the article tells apart stays apart.
			mine[target.ID] = true
			merged++
			continue
		}
		id, err := w.insertEvent(e)
		if err != nil {
			return inserted, merged, err
		}
		mine[id] = true
		inserted++
	}
	if err := w.noteNamedForms(a.ID); err != nil {
		return inserted, merged, err
	}
	return inserted, merged, w.flushActors()
}

// refill gives the row id, an event of an article's previous version, the
// values of e, the same event in its new version. A row no other article
// reports takes e's extracted values over (the text was corrected); one
// that others report too has e merged into it, as a new report would be.
// The user's edits apply again either way.
func (w *writer) refill(id int64, e *model.Event, merge MergeFunc) error {
	var others int
	if err := w.queryRow(`SELECT count(*) FROM event_sources WHERE event_id = ?`, id).Scan(&others); err != nil {
		return fmt.Errorf("count sources of event %d: %w", id, err)
	}
	if others > 0 {
		evs, err := loadEventsByID(w.ctx, w.tx, []int64{id}, true, false)
		if err != nil {
			return fmt.Errorf("load event %d: %w", id, err)
		}
		if len(evs) == 0 {
			return fmt.Errorf("load event %d: %w", id, ErrNotFound)
		}
		return w.mergeInto(&evs[0], e, merge)
	}
	placeID, err := w.place(e.Place)
	if err != nil {
		return err
	}
	if err := w.noteSpan(e); err != nil {
		return err
	}
	start, end := dayOrNull(e)
	if _, err := w.exec(`UPDATE events SET kind = ?, x_title = ?, x_start_day = ?, x_end_day = ?, x_precision = ?, planned = ?,
			x_place_id = ?, x_place_guessed = ?, confidence = ?, orphan_of = NULL WHERE id = ?`,
		string(e.Kind), e.Title, start, end, string(e.Precision), e.Planned, placeID, e.PlaceGuessed, e.Confidence, id); err != nil {
		return fmt.Errorf("update event %d: %w", id, err)
	}
	if _, err := w.exec(`DELETE FROM event_actors WHERE event_id = ?`, id); err != nil {
		return fmt.Errorf("update actors of event %d: %w", id, err)
	}
	if err := w.addSourcesActors(id, e, true); err != nil {
		return err
	}
	// Its sources are e's alone: the previous version's went before.
	if err := setWords(w.ctx, w.tx, id, extract.MatchWords(e)); err != nil {
		return err
	}
	return recompute(w.ctx, w.tx, id)
}

// findSame returns the stored event (extracted values) that e duplicates,
// or nil: with m.Score the best match (the earliest stored on a tie), as
// extract.MergeAll picks; with m.Same only, the first match.
func (w *writer) findSame(e *model.Event, m Merging, mine map[int64]bool) (*model.Event, error) {
	if m.Same == nil && m.Score == nil {
		return nil, nil
	}
	var cands []int64
	if e.Dated() {
		// First their kinds, dates and places alone, to keep only the
		// candidates that could be the same event at all (dated alike, a
		// day apart at most, both planned or both past, and what m.Screen
		// asks: compatible kinds and places); then those few with their
		// sentences, since two outlets' reports of one event are
		// recognised by the words they share (extract.SameEvent). Loading
		// every candidate's sentences made a big import crawl; at 20,000
		// articles so did loading the actors of the hundreds of candidates
		// each new event has, and reading their rows twice, once for their
		// ids and once for their kinds, dates and places.
		bare, err := w.dateCandidates(e, m)
		if err != nil {
			return nil, fmt.Errorf("find merge candidates: %w", err)
		}
		for i := range bare {
			if c := &bare[i]; !mine[c.ID] && c.Planned == e.Planned && c.Dated() && nearDates(c, e) && (m.Screen == nil || m.Screen(e, c)) {
				cands = append(cands, c.ID)
			}
		}
	} else {
		if m.Score != nil {
			// Undated reports never merge (extract.Match).
			return nil, nil
		}
		// An undated report can only match another undated one.
		rows, err := w.tx.QueryContext(w.ctx, `SELECT id FROM events WHERE x_start_day IS NULL AND kind = ? ORDER BY id DESC LIMIT 100`, string(e.Kind))
		if err != nil {
			return nil, fmt.Errorf("find merge candidates: %w", err)
		}
		ids, err := scanIDs(rows)
		if err != nil {
			return nil, fmt.Errorf("find merge candidates: %w", err)
		}
		for _, id := range ids {
			if !mine[id] {
				cands = append(cands, id)
			}
		}
	}
	if len(cands) == 0 {
		return nil, nil
	}
	// loadCandidates orders them by id, as the ties below need. They come
	// with their match words, not their sentences' text, but for one that
	// cites a sentence of e's article (an event of another article that
	// an earlier event of this one joined): two towns named in one
	// article's sentences keep two events apart (extract.Match).
	evs, err := loadCandidates(w.ctx, w.tx, cands)
	if err != nil {
		return nil, fmt.Errorf("load merge candidates: %w", err)
	}
	for i := range evs {
		if citesArticleOf(&evs[i], e) {
			srcs, err := loadSources(w.ctx, w.tx, []any{evs[i].ID}, true)
			if err != nil {
				return nil, fmt.Errorf("load merge candidates: %w", err)
			}
			evs[i].Sources = evs[i].Sources[:0]
			for _, s := range srcs {
				evs[i].Sources = append(evs[i].Sources, s.Source)
			}
		}
	}
	if m.Score == nil {
		// Nearest start first, the earliest stored on a tie.
		sort.SliceStable(evs, func(i, j int) bool {
			di, dj := abs64(dayNum(evs[i].Start)-dayNum(e.Start)), abs64(dayNum(evs[j].Start)-dayNum(e.Start))
			return di < dj || di == dj && evs[i].ID < evs[j].ID
		})
		for i := range evs {
			if m.Same(e, &evs[i]) {
				return &evs[i], nil
			}
		}
		return nil, nil
	}
	if e.Words == nil {
		// Worked out once, not for each candidate (extract.Match reads
		// them several times).
		e.Words = extract.MatchWords(e)
	}
	var best *model.Event
	bestScore := -1
	for i := range evs {
		c := &evs[i]
		score, ok := m.Score(c, e)
		if ok && (score > bestScore || score == bestScore && c.ID < best.ID) {
			best, bestScore = c, score
		}
	}
	return best, nil
}

// citesArticleOf reports a stored event c citing a sentence of an article
// that e cites.
func citesArticleOf(c, e *model.Event) bool {
	for _, s := range c.Sources {
		for _, t := range e.Sources {
			if s.ArticleID == t.ArticleID {
				return true
			}
		}
	}
	return false
}

// dateCandidates returns the stored events (their ids, extracted kinds,
// dates and places, the places without their areas' names or population:
// no titles, actors or sources) that a dated event e may be merged with by
// their dates: every event overlapping [s-1, en+1] of e's days, of a kind
// that may merge and planned alike. Short events start at most a month
// before; the few long ones are found apart. No limit: a candidate left
// out would group reports otherwise than MergeAll, which sees them all.
func (w *writer) dateCandidates(e *model.Event, m Merging) ([]model.Event, error) {
	s, en := dayNum(e.Start), endDay(e)
	kinds := ""
	var args []any
	if ks := kindsOf(m, e.Kind); len(ks) > 0 {
		kinds = " AND e.kind IN (?" + strings.Repeat(", ?", len(ks)-1) + ")"
		for _, k := range ks {
			args = append(args, string(k))
		}
	}
	// The events first, then their places: joined in one select, the
	// places cost SQLite more than the events (three times the time).
	// Only what a screen reads (extract.MaySameEvent: kinds, dates,
	// places) is scanned; a row's every column was most of the time.
	cols := `SELECT e.id, e.kind, e.x_start_day, e.x_end_day, e.x_precision, e.planned, e.x_place_id, e.x_place_guessed FROM events e `
	q := `WITH c AS MATERIALIZED (` + cols + `WHERE e.x_start_day BETWEEN ? AND ? AND e.x_end_day >= ? AND e.x_end_day - e.x_start_day <= 31 AND e.planned = ?` + kinds + `
		UNION ALL ` + cols + `INDEXED BY events_x_long WHERE e.x_end_day - e.x_start_day > 31 AND e.x_start_day <= ? AND e.x_end_day >= ? AND e.planned = ?` + kinds + `)
		SELECT c.id, c.kind, c.x_start_day, c.x_end_day, c.x_precision, c.planned, c.x_place_guessed,
			p.id, p.key, p.name, p.country, p.admin1, p.lat, p.lon, p.feature
		FROM c LEFT JOIN places p ON p.id = c.x_place_id`
	all := append([]any{s - 1 - 31, en + 1, s - 1, e.Planned}, args...)
	all = append(all, en+1, s-1, e.Planned)
	all = append(all, args...)
	rows, err := w.tx.QueryContext(w.ctx, q, all...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		var e model.Event
		var kind, prec string
		var start, end int64
		var pid sql.NullInt64
		var pkey, pname, pcountry, padmin, pfeature sql.NullString
		var plat, plon sql.NullFloat64
		if err := rows.Scan(&e.ID, &kind, &start, &end, &prec, &e.Planned, &e.PlaceGuessed, &pid, &pkey, &pname, &pcountry, &padmin, &plat, &plon, &pfeature); err != nil {
			return nil, err
		}
		e.Kind, e.Precision = model.Kind(kind), model.Precision(prec)
		e.Start, e.End = dayTime(start), dayTime(end)
		if pid.Valid {
			e.Place = &model.Place{ID: pid.Int64, Key: pkey.String, Name: pname.String, Country: pcountry.String, Admin1: padmin.String,
				Lat: plat.Float64, Lon: plon.Float64, Feature: pfeature.String}
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// kindsOf lists the kinds of the merge candidates of an event of kind k:
// nil for any kind.
func kindsOf(m Merging, k model.Kind) []model.Kind {
	if m.Kinds == nil {
		return nil
	}
	return m.Kinds(k)
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// nearDates reports events whose dates overlap or lie a day apart, the
// most two reports of one event may differ by.
func nearDates(a, b *model.Event) bool {
	return dayNum(a.Start) <= endDay(b)+1 && dayNum(b.Start) <= endDay(a)+1
}

func (w *writer) span() (int64, error) {
	if !w.spanRead {
		if err := w.queryRow(`SELECT value FROM meta WHERE name = 'max_span'`).Scan(&w.maxSpan); err != nil {
			return 0, fmt.Errorf("read max span: %w", err)
		}
		w.spanRead = true
	}
	return w.maxSpan, nil
}

func (w *writer) noteSpan(e *model.Event) error {
	if !e.Dated() {
		return nil
	}
	d := endDay(e) - dayNum(e.Start)
	cur, err := w.span()
	if err != nil {
		return err
	}
	if d <= cur {
		return nil
	}
	w.maxSpan = d
	if _, err := w.exec(`UPDATE meta SET value = ? WHERE name = 'max_span' AND value < ?`, d, d); err != nil {
		return fmt.Errorf("record max span: %w", err)
	}
	return nil
}

func (w *writer) insertEvent(e *model.Event) (int64, error) {
	if e.Key == "" {
		return 0, fmt.Errorf("event %q has no key", e.Title)
	}
	placeID, err := w.place(e.Place)
	if err != nil {
		return 0, err
	}
	if err := w.noteSpan(e); err != nil {
		return 0, err
	}
	start, end := dayOrNull(e)
	r, err := w.exec(`INSERT INTO events(key, kind, title, start_day, end_day, precision, planned, place_id, confidence,
			x_title, x_start_day, x_end_day, x_precision, x_place_id, x_place_guessed)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Key, string(e.Kind), e.Title, start, end, string(e.Precision), e.Planned, placeID, e.Confidence,
		e.Title, start, end, string(e.Precision), placeID, e.PlaceGuessed)
	if err != nil {
		return 0, fmt.Errorf("insert event %q: %w", e.Title, err)
	}
	id, err := r.LastInsertId()
	if err != nil {
		return 0, err
	}
	e.ID = id
	if err := w.addSourcesActors(id, e, true); err != nil {
		return 0, err
	}
	if err := setWords(w.ctx, w.tx, id, extract.MatchWords(e)); err != nil {
		return 0, err
	}
	edited := false
	if !w.noEdits && w.anyEdits() {
		var n int
		if err := w.queryRow(`SELECT count(*) FROM edits WHERE event_key = ?`, e.Key).Scan(&n); err != nil {
			return 0, fmt.Errorf("look up edits: %w", err)
		}
		edited = n > 0
	}
	if edited {
		return id, recompute(w.ctx, w.tx, id)
	}
	sentences, ok := sentencesOf(e)
	if !ok || (!w.noEdits && w.anyEdits()) {
		// Read from the store: a source without its text, or events the
		// user merged into this key before, whose sentences it carries.
		return id, indexEvent(w.ctx, w.tx, id)
	}
	var names []string
	for _, a := range e.Actors {
		names = append(names, a.Name)
	}
	if _, err := w.exec(`INSERT INTO events_fts(rowid, title, place, actors, sources) VALUES (?, ?, ?, ?, ?)`,
		id, e.Title, w.placeNames[nullID(placeID)], strings.Join(names, "; "), sentences); err != nil {
		return 0, fmt.Errorf("index event %q: %w", e.Title, err)
	}
	return id, nil
}

// addSourcesActors links e's sources and actors to event id; fresh says the
// event was just inserted and has no actors yet.
func (w *writer) addSourcesActors(id int64, e *model.Event, fresh bool) error {
	if err := w.addSources(id, e); err != nil {
		return err
	}
	return w.linkActors(id, e.Actors, false, fresh, sourceArticle(e))
}

// sourceArticle is the article of e's first source, 0 when none is stored:
// the article whose spellings of actors e carries.
func sourceArticle(e *model.Event) int64 {
	for _, s := range e.Sources {
		if s.ArticleID != 0 {
			return s.ArticleID
		}
	}
	return 0
}

// addSources links e's source sentences to event id.
func (w *writer) addSources(id int64, e *model.Event) error {
	for _, s := range e.Sources {
		if s.ArticleID == 0 {
			continue
		}
		if _, err := w.exec(`INSERT OR IGNORE INTO event_sources(event_id, article_id, start, end, time_text, time_start, time_end, date_how)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, s.ArticleID, s.Start, s.End, s.TimeText, s.TimeSpan.Start, s.TimeSpan.End, s.DateHow); err != nil {
			return fmt.Errorf("insert source of %q: %w", e.Title, err)
		}
	}
	return nil
}

// linkActors links actors to event id in the given order; reorder moves
// actors already linked to their place in actors; fresh skips looking for
// actors already linked. art is the article whose spellings the actors
// carry; each link keeps the form it was named by, for SplitAlias.
func (w *writer) linkActors(id int64, actors []model.Actor, reorder, fresh bool, art int64) error {
	q := `INSERT OR IGNORE INTO event_actors(event_id, actor_id, pos, form) VALUES (?, ?, ?, ?)`
	if reorder {
		q = `INSERT INTO event_actors(event_id, actor_id, pos, form) VALUES (?, ?, ?, ?) ON CONFLICT(event_id, actor_id) DO UPDATE SET pos = excluded.pos`
	}
	base := 0
	if !reorder && !fresh && len(actors) > 0 {
		// New actors go after those already linked.
		if err := w.queryRow(`SELECT coalesce(max(pos) + 1, 0) FROM event_actors WHERE event_id = ?`, id).Scan(&base); err != nil {
			return fmt.Errorf("link actors: %w", err)
		}
	}
	for i := range actors {
		aid, err := w.actor(&actors[i], art)
		if err != nil {
			return err
		}
		// A new link names an actor of this article by its spelling; a
		// stored actor's is linked already and keeps its form.
		if _, err := w.exec(q, id, aid, base+i, actors[i].Name); err != nil {
			return fmt.Errorf("link actor %q: %w", actors[i].Name, err)
		}
	}
	return nil
}

var precisionRank = map[model.Precision]int{
	model.PrecisionDay: 1, model.PrecisionWeek: 2, model.PrecisionMonth: 3, model.PrecisionSeason: 4,
	model.PrecisionYear: 5, model.PrecisionDecade: 6, model.PrecisionRange: 7, model.PrecisionNone: 9,
}

// mergeInto folds e into the stored event dst (its extracted values and
// match words). With merge nil: sources and actors are added, e's date
// taken when finer, its place when dst has none, and the higher
// confidence. Then the user's edits are applied again.
func (w *writer) mergeInto(dst *model.Event, e *model.Event, merge MergeFunc) error {
	id := dst.ID
	art := sourceArticle(e)
	// The stored words gain e's, whatever merge keeps of them.
	before := dst.Words
	e.Words = extract.MatchWords(e)
	words := unionWords(before, e.Words)
	// e's actors are filed (and their spellings recorded) before the
	// merge folds them into dst's, which carry the stored rows' ids.
	for i := range e.Actors {
		if _, err := w.actor(&e.Actors[i], art); err != nil {
			return err
		}
	}
	if merge != nil {
		merge(dst, e)
	} else {
		if e.Dated() && precisionRank[e.Precision] < precisionRank[dst.Precision] {
			dst.Start, dst.End, dst.Precision, dst.Planned = e.Start, e.End, e.Precision, e.Planned
		}
		if dst.Place == nil && e.Place != nil {
			dst.Place = e.Place
		}
		dst.Confidence = max(dst.Confidence, e.Confidence)
		dst.Actors = append(dst.Actors, e.Actors...)
	}
	if err := w.addSources(id, e); err != nil {
		return err
	}
	dst.Words = words
	if !slices.Equal(words, before) {
		if err := setWords(w.ctx, w.tx, id, words); err != nil {
			return err
		}
	}
	// dst's actors now include e's (or the merge's renaming of them), in
	// the merged order.
	if err := w.linkActors(id, dst.Actors, true, false, art); err != nil {
		return err
	}
	if err := w.noteSpan(dst); err != nil {
		return err
	}
	placeID, err := w.place(dst.Place)
	if err != nil {
		return err
	}
	start, end := dayOrNull(dst)
	// An event kept as gone from its article is reported again. A row the
	// report leaves as it was is not written: an update of its kind fires
	// the place and month counts' triggers.
	if _, err := w.exec(`UPDATE events SET (kind, x_title, x_start_day, x_end_day, x_precision, planned, x_place_id, x_place_guessed, confidence, orphan_of) =
			(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?10, ?8, NULL)
		WHERE id = ?9 AND (kind, x_title, x_start_day, x_end_day, x_precision, planned, x_place_id, x_place_guessed, confidence, orphan_of) IS NOT (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?10, ?8, NULL)`,
		string(dst.Kind), dst.Title, start, end, string(dst.Precision), dst.Planned, placeID, dst.Confidence, id, dst.PlaceGuessed); err != nil {
		return fmt.Errorf("merge into event %d: %w", id, err)
	}
	return recomputeWith(w.ctx, w.tx, id, func() (bool, error) { return w.entryHolds(id, e) })
}

// entryHolds reports whether the search entry of event id, into which the
// report e was just merged, is still what indexEvent would write: its
// title, place and actors as they are, and each of e's sentences already
// cited by the event from an earlier article, so that the entry's list of
// distinct sentences (eventDocSQL, in the order of event_sources) is the
// same. Most reports of an event told by several outlets, or copied, add
// no sentence, and rewriting the entry cut every sentence the event cites
// from its article's text, for each report again. An event the user merged
// into another is always rewritten, with the other's entry; so is one that
// cited a single article before e: insertEvent wrote its entry with the
// sentences in the order of the extraction, which eventDocSQL may not
// give, and the first report of a second article rewrites it.
func (w *writer) entryHolds(id int64, e *model.Event) (bool, error) {
	art := sourceArticle(e)
	var before int
	if err := w.queryRow(`SELECT count(*) FROM (SELECT DISTINCT article_id FROM event_sources WHERE event_id = ? AND article_id <> ? LIMIT 2)`,
		id, art).Scan(&before); err != nil {
		return false, fmt.Errorf("index event %d: %w", id, err)
	}
	if before < 2 {
		return false, nil
	}
	seen := map[string]bool{}
	for _, s := range e.Sources {
		if s.ArticleID == 0 || seen[s.Text] {
			continue
		}
		if s.ArticleID != art {
			return false, nil
		}
		if s.Text == "" && s.End > s.Start {
			return false, nil
		}
		seen[s.Text] = true
		var cited bool
		if err := w.queryRow(`SELECT EXISTS (SELECT 1 FROM event_sources s JOIN articles ar ON ar.id = s.article_id
			WHERE s.event_id = ?1 AND s.article_id < ?2 AND s.end - s.start = ?3
			AND CAST(substr(CAST(ar.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT) = ?4)`,
			id, s.ArticleID, len(s.Text), s.Text).Scan(&cited); err != nil {
			return false, fmt.Errorf("index event %d: %w", id, err)
		}
		if !cited {
			return false, nil
		}
	}
	var same bool
	if err := w.queryRow(`SELECT EXISTS (SELECT 1 FROM events_fts f, (`+eventHeadSQL+` WHERE e.id = ?1 AND e.merged_into IS NULL) d
		WHERE f.rowid = ?1 AND f.title = d.title AND f.place = d.place AND f.actors = d.actors)`, id).Scan(&same); err != nil {
		return false, fmt.Errorf("index event %d: %w", id, err)
	}
	return same, nil
}

// place returns the row id of p, inserting it on first sight; nil for no place.
func (w *writer) place(p *model.Place) (any, error) {
	if p == nil {
		return nil, nil
	}
	key := placeKey(p)
	if id, ok := w.places[key]; ok {
		p.ID = id
		return id, nil
	}
	id, err := upsertPlace(w.ctx, w.tx, p)
	if err != nil {
		return nil, err
	}
	w.places[key] = id
	w.placeNames[id] = p.Name
	return id, nil
}

func placeKey(p *model.Place) string {
	if p.Key != "" {
		return p.Key
	}
	return fmt.Sprintf("x:%s@%.3f,%.3f", strings.ToLower(p.Name), p.Lat, p.Lon)
}

func upsertPlace(ctx context.Context, tx *sql.Tx, p *model.Place) (int64, error) {
	key := placeKey(p)
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM places WHERE key = ?`, key).Scan(&id)
	if err == nil {
		p.ID = id
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("look up place %q: %w", p.Name, err)
	}
	if err := fillAreaNames(p); err != nil {
		return 0, err
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO places(key, name, country, admin1, country_name, admin1_name, lat, lon, feature, population, ambiguous)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, key, p.Name, p.Country, p.Admin1, p.CountryName, p.Admin1Name, p.Lat, p.Lon, p.Feature, p.Population, p.Ambiguous)
	if err != nil {
		return 0, fmt.Errorf("insert place %q: %w", p.Name, err)
	}
	id, err = r.LastInsertId()
	p.ID = id
	return id, err
}

// effectiveCols are an event's columns that its extracted values and the
// user's edits decide (recompute); effectiveSQL selects them for the row
// being updated.
const effectiveCols = `(title, start_day, end_day, precision, place_id, hidden, merged_into, note, in_briefing, edited)`

const effectiveSQL = `(SELECT coalesce(d.title, e.x_title),
			CASE WHEN d.date_set THEN d.start_day ELSE e.x_start_day END,
			CASE WHEN d.date_set THEN d.end_day ELSE e.x_end_day END,
			CASE WHEN d.date_set THEN coalesce(d.precision, '') ELSE e.x_precision END,
			CASE WHEN d.place_key IS NOT NULL THEN (SELECT p.id FROM places p WHERE p.key = d.place_key) ELSE e.x_place_id END,
			coalesce(d.hidden, 0), d.merged_into, coalesce(d.note, ''), coalesce(d.in_briefing, 0),
			coalesce(d.title IS NOT NULL OR d.date_set = 1 OR d.place_key IS NOT NULL, 0)
		 FROM events e LEFT JOIN edits d ON d.event_key = e.key WHERE e.id = events.id)`

// recompute sets an event's effective columns from its extracted values and
// the user's edits, and refreshes its search entry, and those of the events
// it was and is merged into. The count triggers follow.
func recompute(ctx context.Context, tx *sql.Tx, id int64) error {
	return recomputeWith(ctx, tx, id, nil)
}

// recomputeWith is recompute that leaves the event's search entry as it
// is when holds, asked after its effective values are set, says it is
// still what indexEvent would write.
func recomputeWith(ctx context.Context, tx *sql.Tx, id int64, holds func() (bool, error)) error {
	var wasMerged sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT merged_into FROM events WHERE id = ?`, id).Scan(&wasMerged); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("apply edits to event %d: %w", id, err)
	}
	// A row whose effective values stay as they are is not written: an
	// update of its dates, place or visibility fires the count triggers,
	// whose place_stats upkeep reads every event of the place, and a
	// report merged into a stored event seldom changes them.
	_, err := tx.ExecContext(ctx, `UPDATE events SET `+effectiveCols+` = `+effectiveSQL+`
		WHERE id = ? AND `+effectiveCols+` IS NOT `+effectiveSQL, id)
	if err != nil {
		return fmt.Errorf("apply edits to event %d: %w", id, err)
	}
	keep := false
	if holds != nil && !wasMerged.Valid {
		if keep, err = holds(); err != nil {
			return err
		}
	}
	if !keep {
		if err := indexEvent(ctx, tx, id); err != nil {
			return err
		}
	}
	if wasMerged.Valid {
		// Unmerged or merged elsewhere: the old event's entry loses these
		// sentences.
		if err := indexEventKey(ctx, tx, wasMerged.String); err != nil {
			return err
		}
	}
	// Keep the span bound true for range queries after a date edit.
	_, err = tx.ExecContext(ctx, `UPDATE meta SET value = (SELECT end_day - start_day FROM events WHERE id = ?)
		WHERE name = 'max_span' AND value < (SELECT coalesce(end_day - start_day, 0) FROM events WHERE id = ?)`, id, id)
	if err != nil {
		return fmt.Errorf("record max span: %w", err)
	}
	return nil
}

func nullID(v any) int64 {
	if id, ok := v.(int64); ok {
		return id
	}
	return 0
}

// dayNum is the number of whole days from 1970-01-01 to t's UTC day.
func dayNum(t time.Time) int64 {
	return model.Day(t).Unix() / 86400
}

// dayTime is the UTC midnight of day number n.
func dayTime(n int64) time.Time {
	return time.Unix(n*86400, 0).UTC()
}

func endDay(e *model.Event) int64 {
	if e.End.IsZero() || e.End.Before(e.Start) {
		return dayNum(e.Start)
	}
	return dayNum(e.End)
}

func dayOrNull(e *model.Event) (any, any) {
	if !e.Dated() {
		return nil, nil
	}
	return dayNum(e.Start), endDay(e)
}
