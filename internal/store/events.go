package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/model"
)

// Filter narrows event queries. The zero Filter keeps every visible event.
type Filter struct {
	From, To      time.Time    // inclusive days; zero = unbounded. Dated events overlapping [From, To]
	PlaceID       int64        // only events at this place or, for a country or first-level division, at any place inside it (0 = any)
	Region        Region       // only events at places inside this country or division (zero = anywhere)
	Rect          orb.Bound    // only events at places inside this rectangle, lon/lat (zero = anywhere)
	Actor         string       // only events with this actor (canonical name, case-insensitive)
	Kinds         []model.Kind // only these kinds (empty = all)
	Text          string       // only events whose sentences, title, place or actors match this search (see EventsMatching)
	InBriefing    bool         // only events marked "in briefing"
	IncludeHidden bool         // also events the user hid or merged into another
	Limit         int          // at most this many (0 = no limit)

	// exactPlace keeps PlaceID to the place itself, as a map marker counts
	// (EventsAt).
	exactPlace bool
}

// narrow reports whether the filter needs more than dates, i.e. whether the
// count tables cannot answer for it.
func (f Filter) narrow() bool {
	return f.PlaceID != 0 || f.Region != (Region{}) || f.Rect != (orb.Bound{}) || f.Actor != "" || len(f.Kinds) > 0 || strings.TrimSpace(f.Text) != "" || f.InBriefing || f.IncludeHidden
}

// clauses returns SQL conditions on events e (effective values) and their args.
func (f Filter) clauses() ([]string, []any) {
	var w []string
	var args []any
	if !f.IncludeHidden {
		w = append(w, `e.hidden = 0 AND e.merged_into IS NULL`)
	}
	if !f.To.IsZero() {
		w = append(w, `e.start_day <= ?`)
		args = append(args, dayNum(f.To))
	}
	if !f.From.IsZero() {
		// The lower bound on start_day keeps this an index range scan;
		// max_span is the longest event stored.
		w = append(w, `e.start_day >= ? - (SELECT value FROM meta WHERE name = 'max_span') AND e.end_day >= ?`)
		args = append(args, dayNum(f.From), dayNum(f.From))
	}
	switch {
	case f.PlaceID != 0 && f.exactPlace:
		w = append(w, `e.place_id = ?`)
		args = append(args, f.PlaceID)
	case f.PlaceID != 0:
		w = append(w, `e.place_id IN (`+placeAndInsideSQL+`)`)
		args = append(args, f.PlaceID, f.PlaceID)
	}
	if f.Region.Country != "" {
		if f.Region.Admin1 != "" {
			w = append(w, `e.place_id IN (SELECT id FROM places WHERE country = ? AND admin1 = ?)`)
			args = append(args, f.Region.Country, f.Region.Admin1)
		} else {
			w = append(w, `e.place_id IN (SELECT id FROM places WHERE country = ?)`)
			args = append(args, f.Region.Country)
		}
	}
	if f.Rect != (orb.Bound{}) {
		w = append(w, `e.place_id IN (SELECT id FROM places_rtree WHERE min_lon <= ? AND max_lon >= ? AND min_lat <= ? AND max_lat >= ?)`)
		args = append(args, f.Rect.Max.X(), f.Rect.Min.X(), f.Rect.Max.Y(), f.Rect.Min.Y())
	}
	if f.Actor != "" {
		w = append(w, `e.id IN (SELECT ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE a.name = ?)`)
		args = append(args, f.Actor)
	}
	if len(f.Kinds) > 0 {
		w = append(w, `e.kind IN (`+placeholders(len(f.Kinds))+`)`)
		for _, k := range f.Kinds {
			args = append(args, string(k))
		}
	}
	if q := parseQuery(f.Text); q != "" {
		w = append(w, `e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)`)
		args = append(args, q)
	}
	if f.InBriefing {
		w = append(w, `e.in_briefing = 1`)
	}
	return w, args
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// padIn pads an IN list to the next power of two by repeating its last
// value, so that a handful of statement texts cover every list length and
// the driver's prepared-statement cache keeps them.
func padIn(args []any) []any {
	if len(args) == 0 {
		return args
	}
	n := 1
	for n < len(args) {
		n *= 2
	}
	for len(args) < n {
		args = append(args, args[len(args)-1])
	}
	return args
}

// inLists splits vals into argument lists for IN (...), at most inMax values
// each (SQLite bounds a statement's variables), padded by padIn.
func inLists[T any](vals []T) [][]any {
	var out [][]any
	for lo := 0; lo < len(vals); lo += inMax {
		args := make([]any, 0, inMax)
		for _, v := range vals[lo:min(lo+inMax, len(vals))] {
			args = append(args, v)
		}
		out = append(out, padIn(args))
	}
	return out
}

// inMax is the most values inLists puts in one IN list.
const inMax = 400

const eventCols = `e.id, e.key, e.kind, e.title, e.start_day, e.end_day, e.precision, e.planned, e.confidence,
	e.hidden, e.in_briefing, e.note, e.edited, e.merged_into, e.orphan_of IS NOT NULL,
	p.id, p.key, p.name, p.country, p.admin1, p.country_name, p.admin1_name, p.lat, p.lon, p.feature, p.population, p.ambiguous`

const rawEventCols = `e.id, e.key, e.kind, e.x_title, e.x_start_day, e.x_end_day, e.x_precision, e.planned, e.confidence,
	e.hidden, e.in_briefing, e.note, e.edited, e.merged_into, e.orphan_of IS NOT NULL,
	p.id, p.key, p.name, p.country, p.admin1, p.country_name, p.admin1_name, p.lat, p.lon, p.feature, p.population, p.ambiguous`

// selectEvents runs one event query and fills places, actors and (when asked)
// sources. raw selects the extracted values instead of the edited ones.
func selectEvents(ctx context.Context, q queryer, raw, withSources bool, where []string, args []any, tail string) ([]model.Event, error) {
	out, err := selectEventRows(ctx, q, raw, where, args, tail)
	if err != nil {
		return nil, err
	}
	if err := fillEvents(ctx, q, out, withSources, true, !raw); err != nil {
		return nil, err
	}
	return out, nil
}

// selectEventRows is selectEvents without actors, sources and the events
// merged in: kinds, dates and places only, and with raw the match words.
func selectEventRows(ctx context.Context, q queryer, raw bool, where []string, args []any, tail string) ([]model.Event, error) {
	query := `SELECT ` + eventCols + ` FROM events e LEFT JOIN places p ON p.id = e.place_id`
	if raw {
		// Extracted values are read to be merged into, and a merge keeps
		// the words of the sentences (event_words).
		query = `SELECT ` + rawEventCols + `, coalesce(w.words, ''), e.x_place_guessed FROM events e LEFT JOIN places p ON p.id = e.x_place_id
			LEFT JOIN event_words w ON w.event_id = e.id`
	}
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ` + tail
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		e, err := scanEvent(rows, raw)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// scanEvent reads a row of eventCols or rawEventCols, followed with
// words by the event's match words and whether its place is a guess.
func scanEvent(r scanner, words bool) (model.Event, error) {
	var e model.Event
	var ws string
	var kind, prec string
	var start, end sql.NullInt64
	var merged sql.NullString
	var pid sql.NullInt64
	var pkey, pname, pcountry, padmin, pcname, paname, pfeature sql.NullString
	var plat, plon sql.NullFloat64
	var ppop sql.NullInt64
	var pamb sql.NullBool
	dst := []any{&e.ID, &e.Key, &kind, &e.Title, &start, &end, &prec, &e.Planned, &e.Confidence,
		&e.Hidden, &e.InBriefing, &e.Note, &e.Edited, &merged, &e.Orphaned,
		&pid, &pkey, &pname, &pcountry, &padmin, &pcname, &paname, &plat, &plon, &pfeature, &ppop, &pamb}
	if words {
		dst = append(dst, &ws, &e.PlaceGuessed)
	}
	if err := r.Scan(dst...); err != nil {
		return e, err
	}
	if words {
		e.Words = decodeWords(ws)
	}
	e.Kind = model.Kind(kind)
	e.Precision = model.Precision(prec)
	if start.Valid {
		e.Start = dayTime(start.Int64)
		e.End = e.Start
		if end.Valid {
			e.End = dayTime(end.Int64)
		}
	}
	if merged.Valid {
		// Merged away by the user: shown only with IncludeHidden, as hidden.
		e.Hidden = true
	}
	if pid.Valid {
		e.Place = &model.Place{ID: pid.Int64, Key: pkey.String, Name: pname.String, Country: pcountry.String,
			Admin1: padmin.String, CountryName: pcname.String, Admin1Name: paname.String, Lat: plat.Float64, Lon: plon.Float64, Feature: pfeature.String,
			Population: ppop.Int64, Ambiguous: pamb.Bool}
	}
	return e, nil
}

// fillEvents loads actors and sources for events in batches; texts says
// whether the sources come with their sentences' text. With withMerged, an
// event the user merged others into also shows their actors and sources
// (extracted-value loads for merging leave them out).
func fillEvents(ctx context.Context, q queryer, evs []model.Event, withSources, texts, withMerged bool) error {
	if len(evs) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(evs))
	for i := range evs {
		idx[evs[i].ID] = i
	}
	// owner maps every event id whose data we need to the index it goes to:
	// the events themselves, and below those merged into them.
	owner := maps.Clone(idx)
	var keys []string
	if withMerged {
		keys = make([]string, len(evs))
		for i := range evs {
			keys[i] = evs[i].Key
		}
	}
	for _, keys := range inLists(keys) {
		rows, err := q.QueryContext(ctx, `SELECT c.id, p.id FROM events c JOIN events p ON p.key = c.merged_into
			WHERE c.merged_into IN (`+placeholders(len(keys))+`)`, keys...)
		if err != nil {
			return fmt.Errorf("load merged events: %w", err)
		}
		for rows.Next() {
			var child, parent int64
			if err := rows.Scan(&child, &parent); err != nil {
				rows.Close()
				return err
			}
			if i, ok := idx[parent]; ok {
				if _, self := idx[child]; !self {
					owner[child] = i
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	ids := make([]int64, 0, len(owner))
	for id := range owner {
		ids = append(ids, id)
	}
	seenActor := make([]map[int64]bool, len(evs))
	for _, args := range inLists(ids) {
		rows, err := q.QueryContext(ctx, `SELECT ea.event_id, a.id, a.name, a.type, a.title, a.aliases
			FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
			WHERE ea.event_id IN (`+placeholders(len(args))+`) ORDER BY ea.event_id, ea.pos, a.name`, args...)
		if err != nil {
			return fmt.Errorf("load actors: %w", err)
		}
		for rows.Next() {
			var eid int64
			var a model.Actor
			var typ, aliases string
			if err := rows.Scan(&eid, &a.ID, &a.Name, &typ, &a.Title, &aliases); err != nil {
				rows.Close()
				return err
			}
			a.Type = model.ActorType(typ)
			a.Aliases = decodeStrings(aliases)
			i := owner[eid]
			if seenActor[i] == nil {
				seenActor[i] = map[int64]bool{}
			}
			if !seenActor[i][a.ID] {
				seenActor[i][a.ID] = true
				evs[i].Actors = append(evs[i].Actors, a)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if !withSources {
			continue
		}
		srcs, err := loadSources(ctx, q, args, texts)
		if err != nil {
			return err
		}
		for _, s := range srcs {
			i := owner[s.eventID]
			evs[i].Sources = append(evs[i].Sources, s.Source)
		}
	}
	return nil
}

type eventSource struct {
	eventID int64
	model.Source
}

// loadSources loads the sources of events, oldest article first, with
// their sentences' text when texts is set (each cut from its article's
// text). Without texts no article is read: the sources come without their
// text and file name, by article id.
func loadSources(ctx context.Context, q queryer, eventIDs []any, texts bool) ([]eventSource, error) {
	eventIDs = padIn(eventIDs)
	query := `SELECT s.event_id, s.article_id, a.path, s.start, s.end,
			substr(CAST(a.text AS BLOB), s.start + 1, s.end - s.start), s.time_text, s.time_start, s.time_end, s.date_how
		FROM event_sources s JOIN articles a ON a.id = s.article_id
		WHERE s.event_id IN (` + placeholders(len(eventIDs)) + `)
		ORDER BY coalesce(a.published, 0), a.id, s.start`
	if !texts {
		// A merge candidate's hundred sources (copies of one story) each
		// read their article's row for its path and date: most of the
		// candidate's load.
		query = `SELECT s.event_id, s.article_id, '', s.start, s.end, '', s.time_text, s.time_start, s.time_end, s.date_how
		FROM event_sources s WHERE s.event_id IN (` + placeholders(len(eventIDs)) + `)
		ORDER BY s.article_id, s.start`
	}
	rows, err := q.QueryContext(ctx, query, eventIDs...)
	if err != nil {
		return nil, fmt.Errorf("load sources: %w", err)
	}
	defer rows.Close()
	var out []eventSource
	for rows.Next() {
		var s eventSource
		var path string
		var text []byte
		if err := rows.Scan(&s.eventID, &s.ArticleID, &path, &s.Start, &s.End, &text, &s.TimeText, &s.TimeSpan.Start, &s.TimeSpan.End, &s.DateHow); err != nil {
			return nil, fmt.Errorf("load sources: %w", err)
		}
		if path != "" {
			s.File = baseName(path)
		}
		s.Text = string(text)
		out = append(out, s)
	}
	return out, rows.Err()
}

func loadEventsByID(ctx context.Context, q queryer, ids []int64, raw, withSources bool) ([]model.Event, error) {
	var out []model.Event
	for _, args := range inLists(ids) {
		evs, err := selectEvents(ctx, q, raw, withSources, []string{`e.id IN (` + placeholders(len(args)) + `)`}, args, `ORDER BY e.id`)
		if err != nil {
			return nil, err
		}
		out = append(out, evs...)
	}
	return out, nil
}

func orderLimit(f Filter) string {
	s := `ORDER BY e.start_day, e.id`
	if f.Limit > 0 {
		s += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	return s
}

// loadCandidates loads stored events by id, in id order, as a new report
// is matched with and merged into them: their extracted values, actors and
// match words, and their sources without the sentences' text or file name
// (loadSources), which matching reads from the words (extract.Match) and
// which each candidate would otherwise cut from its articles' text, for
// every report again. extract.Match and Merge compare sources by article
// id as well as file; a candidate that cites the report's article is
// loaded again with its sentences (findSame).
func loadCandidates(ctx context.Context, q queryer, ids []int64) ([]model.Event, error) {
	var out []model.Event
	for _, args := range inLists(ids) {
		evs, err := selectEventRows(ctx, q, true, []string{`e.id IN (` + placeholders(len(args)) + `)`}, args, `ORDER BY e.id`)
		if err != nil {
			return nil, err
		}
		if err := fillEvents(ctx, q, evs, true, false, false); err != nil {
			return nil, err
		}
		out = append(out, evs...)
	}
	return out, nil
}

// EventsBetween returns the dated events overlapping the days from..to
// (inclusive; zero = unbounded) that pass f, by start date, with sources.
func (s *Store) EventsBetween(from, to time.Time, f Filter) ([]model.Event, error) {
	f = f.within(from, to)
	w, args := f.clauses()
	w = append(w, `e.start_day IS NOT NULL`)
	evs, err := selectEvents(context.Background(), s.db, false, true, w, args, orderLimit(f))
	if err != nil {
		return nil, fmt.Errorf("events between %s and %s: %w", dayString(from), dayString(to), err)
	}
	return evs, nil
}

// within narrows f's dates to from..to.
func (f Filter) within(from, to time.Time) Filter {
	if !from.IsZero() && (f.From.IsZero() || from.After(f.From)) {
		f.From = from
	}
	if !to.IsZero() && (f.To.IsZero() || to.Before(f.To)) {
		f.To = to
	}
	return f
}

func dayString(t time.Time) string {
	if t.IsZero() {
		return "…"
	}
	return t.Format("2006-01-02")
}

// Undated returns the events that need a date, passing f (its dates ignored).
func (s *Store) Undated(f Filter) ([]model.Event, error) {
	f.From, f.To = time.Time{}, time.Time{}
	w, args := f.clauses()
	w = append(w, `e.start_day IS NULL`)
	tail := `ORDER BY e.id`
	if f.Limit > 0 {
		tail += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	evs, err := selectEvents(context.Background(), s.db, false, true, w, args, tail)
	if err != nil {
		return nil, fmt.Errorf("undated events: %w", err)
	}
	return evs, nil
}

// Event returns one event with edits applied, hidden or not.
func (s *Store) Event(id int64) (*model.Event, error) {
	evs, err := selectEvents(context.Background(), s.db, false, true, []string{`e.id = ?`}, []any{id}, ``)
	if err != nil {
		return nil, fmt.Errorf("event %d: %w", id, err)
	}
	if len(evs) == 0 {
		return nil, fmt.Errorf("event %d: %w", id, ErrNotFound)
	}
	return &evs[0], nil
}

// EventsAt returns the events at a place (dated first, by date), passing f.
func (s *Store) EventsAt(placeID int64, f Filter) ([]model.Event, error) {
	f.PlaceID, f.exactPlace = placeID, true
	w, args := f.clauses()
	evs, err := selectEvents(context.Background(), s.db, false, true, w, args, `ORDER BY e.start_day IS NULL, `+strings.TrimPrefix(orderLimit(f), `ORDER BY `))
	if err != nil {
		return nil, fmt.Errorf("events at place %d: %w", placeID, err)
	}
	return evs, nil
}

// Starred returns the events the user put in the briefing, by date, undated last.
func (s *Store) Starred() ([]model.Event, error) {
	f := Filter{InBriefing: true}
	w, args := f.clauses()
	evs, err := selectEvents(context.Background(), s.db, false, true, w, args, `ORDER BY e.start_day IS NULL, e.start_day, e.id`)
	if err != nil {
		return nil, fmt.Errorf("events in the briefing: %w", err)
	}
	return evs, nil
}

// SourcesOf returns the source sentences of an event, including those of
// events the user merged into it, oldest article first.
func (s *Store) SourcesOf(eventID int64) ([]model.Source, error) {
	ctx := context.Background()
	var key string
	if err := s.db.QueryRow(`SELECT key FROM events WHERE id = ?`, eventID).Scan(&key); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("sources of event %d: %w", eventID, ErrNotFound)
		}
		return nil, fmt.Errorf("sources of event %d: %w", eventID, err)
	}
	rows, err := s.db.Query(`SELECT id FROM events WHERE merged_into = ?`, key)
	if err != nil {
		return nil, fmt.Errorf("sources of event %d: %w", eventID, err)
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return nil, fmt.Errorf("sources of event %d: %w", eventID, err)
	}
	args := []any{eventID}
	for _, id := range ids {
		args = append(args, id)
	}
	srcs, err := loadSources(ctx, s.db, args, true)
	if err != nil {
		return nil, fmt.Errorf("sources of event %d: %w", eventID, err)
	}
	out := make([]model.Source, len(srcs))
	for i, s := range srcs {
		out[i] = s.Source
	}
	return out, nil
}

// decodeStrings reads a JSON list of strings (actor aliases) for display;
// an unreadable list shows as none rather than failing the whole read.
func decodeStrings(s string) []string {
	var out []string
	if s == "" || s == "[]" {
		return nil
	}
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil
	}
	return out
}
