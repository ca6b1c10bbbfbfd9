package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// RankedMark is an event's light form with its number of sources, which
// ranks it among the events of a stretch of time.
type RankedMark struct {
	Mark
	Sources int
}

// KindCount is how many events of one kind a stretch of time holds.
type KindCount struct {
	Kind model.Kind
	N    int
}

// MostReportedBetween returns the n dated events passing f that start on
// one of the days from..to (inclusive) with the most sources, then the
// earliest, then by id: the headlines of a timeline stretch too dense for
// a card per event. The count kept on each event's row (schema 14) makes
// this a range of the events_reported index, not a count of every event's
// sources.
func (s *Store) MostReportedBetween(from, to time.Time, n int, f Filter) ([]RankedMark, error) {
	w, args := f.clauses()
	q, args := mostReportedSQL(w, args, from, to, n)
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("most reported between %s and %s: %w", dayString(from), dayString(to), err)
	}
	defer rows.Close()
	var out []RankedMark
	for rows.Next() {
		var m RankedMark
		var kind, prec string
		var sd, ed *int64
		if err := rows.Scan(&m.ID, &kind, &m.Title, &sd, &ed, &prec, &m.Planned, &m.PlaceID, &m.Confidence,
			&m.InBriefing, &m.Edited, &m.Hidden, &m.Sources); err != nil {
			return nil, fmt.Errorf("most reported between %s and %s: %w", dayString(from), dayString(to), err)
		}
		m.Kind, m.Precision = model.Kind(kind), model.Precision(prec)
		if sd != nil {
			m.Start, m.End = dayTime(*sd), dayTime(*sd)
		}
		if ed != nil {
			m.End = dayTime(*ed)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("most reported between %s and %s: %w", dayString(from), dayString(to), err)
	}
	return out, nil
}

// mostReportedSQL is MostReportedBetween's query over the filter's clauses
// w and their args.
func mostReportedSQL(w []string, args []any, from, to time.Time, n int) (string, []any) {
	w = append(w, `e.start_day BETWEEN ? AND ?`)
	args = append(args, dayNum(from), dayNum(to), n)
	return `SELECT e.id, e.kind, e.title, e.start_day, e.end_day, e.precision, e.planned,
		coalesce(e.place_id, 0), e.confidence, e.in_briefing, e.edited, e.hidden OR e.merged_into IS NOT NULL, e.n_sources
		FROM events e WHERE ` + strings.Join(w, ` AND `) + ` ORDER BY e.n_sources DESC, e.start_day, e.id LIMIT ?`, args
}

// KindsBetween counts the dated events passing f that start on one of the
// days from..to (inclusive) by kind, most frequent first.
func (s *Store) KindsBetween(from, to time.Time, f Filter) ([]KindCount, error) {
	w, args := f.clauses()
	w = append(w, `e.start_day BETWEEN ? AND ?`)
	args = append(args, dayNum(from), dayNum(to))
	rows, err := s.db.Query(`SELECT e.kind, count(*) FROM events e WHERE `+strings.Join(w, ` AND `)+
		` GROUP BY e.kind ORDER BY 2 DESC, e.kind`, args...)
	if err != nil {
		return nil, fmt.Errorf("kinds between %s and %s: %w", dayString(from), dayString(to), err)
	}
	defer rows.Close()
	var out []KindCount
	for rows.Next() {
		var k KindCount
		var kind string
		if err := rows.Scan(&kind, &k.N); err != nil {
			return nil, fmt.Errorf("kinds between %s and %s: %w", dayString(from), dayString(to), err)
		}
		k.Kind = model.Kind(kind)
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("kinds between %s and %s: %w", dayString(from), dayString(to), err)
	}
	return out, nil
}
