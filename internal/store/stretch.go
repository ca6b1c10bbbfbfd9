package store

import (
	"cmp"
	"database/sql"
	"fmt"
	"math"
	"slices"
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
// a card per event.
//
// Each event keeps its count of sources (schema 14). Without a narrowing
// filter the count goes from the highest stored downwards, each a range
// of events_reported that is read in the wanted order and left after the
// first rows: a year of a million-event store costs a few index seeks,
// where sorting its 50,000 events cost milliseconds a card. A narrowing
// filter ranks the events it leaves in one query.
func (s *Store) MostReportedBetween(from, to time.Time, n int, f Filter) ([]RankedMark, error) {
	w, args := f.clauses()
	if f.narrow() {
		q, qa := mostReportedSQL(w, args, from, to, n)
		out, err := s.rankedMarks(q, qa, nil)
		if err != nil {
			return nil, fmt.Errorf("most reported between %s and %s: %w", dayString(from), dayString(to), err)
		}
		return out, nil
	}
	var out []RankedMark
	below := int64(math.MaxInt64)
	w = append(w[:len(w):len(w)], `e.n_sources = ?`)
	for len(out) < n {
		var c sql.NullInt64
		if err := s.db.QueryRow(`SELECT max(n_sources) FROM events WHERE hidden = 0 AND merged_into IS NULL AND n_sources < ?`, below).Scan(&c); err != nil {
			return nil, fmt.Errorf("most reported between %s and %s: %w", dayString(from), dayString(to), err)
		}
		if !c.Valid {
			break
		}
		below = c.Int64
		q, qa := mostReportedSQL(w, append(args[:len(args):len(args)], c.Int64), from, to, n-len(out))
		var err error
		if out, err = s.rankedMarks(q, qa, out); err != nil {
			return nil, fmt.Errorf("most reported between %s and %s: %w", dayString(from), dayString(to), err)
		}
	}
	return out, nil
}

// rankedMarks appends the rows of a mostReportedSQL query to out.
func (s *Store) rankedMarks(q string, args []any, out []RankedMark) ([]RankedMark, error) {
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var m RankedMark
		var kind, prec string
		var sd, ed *int64
		if err := rows.Scan(&m.ID, &kind, &m.Title, &sd, &ed, &prec, &m.Planned, &m.PlaceID, &m.Confidence,
			&m.InBriefing, &m.Edited, &m.Hidden, &m.Sources); err != nil {
			return nil, err
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
	return out, rows.Err()
}

// mostReportedSQL is MostReportedBetween's query over the filter's clauses
// w and their args.
func mostReportedSQL(w []string, args []any, from, to time.Time, n int) (string, []any) {
	w = append(w[:len(w):len(w)], `e.start_day BETWEEN ? AND ?`)
	args = append(args[:len(args):len(args)], dayNum(from), dayNum(to), n)
	return `SELECT e.id, e.kind, e.title, e.start_day, e.end_day, e.precision, e.planned,
		coalesce(e.place_id, 0), e.confidence, e.in_briefing, e.edited, e.hidden OR e.merged_into IS NOT NULL, e.n_sources
		FROM events e WHERE ` + strings.Join(w, ` AND `) + ` ORDER BY e.n_sources DESC, e.start_day, e.id LIMIT ?`, args
}

// SummaryKept reports whether MostReportedBetween and KindsBetween answer
// for f from what the store keeps on every write (counts of sources, counts
// by month and kind): then a stretch costs a few index reads, however many
// events it holds, and may be summarised while a frame is laid out.
func (f Filter) SummaryKept() bool {
	return !f.narrow() && f.From.IsZero() && f.To.IsZero()
}

// KindsBetween counts the dated events passing f that start on one of the
// days from..to (inclusive) by kind, most frequent first.
//
// Without a narrowing filter or dates, the whole months of the stretch are
// summed from counts_kind_month (schema 15), kept on every write, and only
// the days before the first and after the last whole month are counted
// from the events: a year of a million-event store is a few hundred rows
// instead of its 50,000 events (~3 ms a card).
func (s *Store) KindsBetween(from, to time.Time, f Filter) ([]KindCount, error) {
	out, err := s.kindsBetween(from, to, f)
	if err != nil {
		return nil, fmt.Errorf("kinds between %s and %s: %w", dayString(from), dayString(to), err)
	}
	return out, nil
}

func (s *Store) kindsBetween(from, to time.Time, f Filter) ([]KindCount, error) {
	lo, hi := dayNum(from), dayNum(to)
	// The whole months inside from..to: first is the first day of one,
	// last the last day of one.
	first, last := monthStart(from), monthStart(to).AddDate(0, 1, -1)
	if dayNum(first) < lo {
		first = first.AddDate(0, 1, 0)
	}
	if dayNum(last) > hi {
		last = monthStart(to).AddDate(0, 0, -1)
	}
	if !f.SummaryKept() || dayNum(first) > dayNum(last) {
		return s.kindsOfDays(lo, hi, f, nil)
	}
	n := map[model.Kind]int{}
	rows, err := s.db.Query(`SELECT kind, sum(n) FROM counts_kind_month WHERE month BETWEEN ? AND ? GROUP BY kind`,
		monthNum(first), monthNum(last))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var kind string
		var c int
		if err := rows.Scan(&kind, &c); err != nil {
			return nil, err
		}
		n[model.Kind(kind)] += c
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if d := dayNum(first); d > lo {
		if _, err := s.kindsOfDays(lo, d-1, f, n); err != nil {
			return nil, err
		}
	}
	if d := dayNum(last); d < hi {
		if _, err := s.kindsOfDays(d+1, hi, f, n); err != nil {
			return nil, err
		}
	}
	out := make([]KindCount, 0, len(n))
	for k, c := range n {
		if c > 0 {
			out = append(out, KindCount{Kind: k, N: c})
		}
	}
	slices.SortFunc(out, func(a, b KindCount) int {
		if c := cmp.Compare(b.N, a.N); c != 0 {
			return c
		}
		return cmp.Compare(a.Kind, b.Kind)
	})
	return out, nil
}

// kindsOfDays counts the dated events passing f that start on days lo..hi
// by kind from the events themselves, most frequent first; with add it
// adds the counts to add instead.
func (s *Store) kindsOfDays(lo, hi int64, f Filter, add map[model.Kind]int) ([]KindCount, error) {
	w, args := f.clauses()
	w = append(w, `e.start_day BETWEEN ? AND ?`)
	args = append(args, lo, hi)
	rows, err := s.db.Query(`SELECT e.kind, count(*) FROM events e WHERE `+strings.Join(w, ` AND `)+
		` GROUP BY e.kind ORDER BY 2 DESC, e.kind`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []KindCount
	for rows.Next() {
		var k KindCount
		var kind string
		if err := rows.Scan(&kind, &k.N); err != nil {
			return nil, err
		}
		k.Kind = model.Kind(kind)
		if add != nil {
			add[k.Kind] += k.N
		} else {
			out = append(out, k)
		}
	}
	return out, rows.Err()
}

// monthStart is the first day of t's month (UTC).
func monthStart(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}
