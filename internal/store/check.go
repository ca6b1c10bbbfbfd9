package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// Health is what Check found: the store's size and every problem, each a
// short phrase a user can read ("2 events have no source sentence").
type Health struct {
	Articles, Events, Sources, Places int
	Problems                          []string
}

// Sound reports whether Check found nothing wrong.
func (h Health) Sound() bool { return len(h.Problems) == 0 }

// invariant is one rule the store keeps on every write path; query counts
// the rows breaking it.
type invariant struct {
	query   string
	problem string // with %d for the count; "[s]" and "[one|many]" choose the number
}

// plural fills in a problem for n: "%d event[s] ha[s|ve]" → "1 event has".
func plural(problem string, n int) string {
	re := func(s string) string {
		for {
			i := strings.Index(s, "[")
			j := strings.Index(s, "]")
			if i < 0 || j < i {
				return s
			}
			one, many, ok := strings.Cut(s[i+1:j], "|")
			if !ok {
				one, many = "", one
			}
			if n == 1 {
				s = s[:i] + one + s[j+1:]
			} else {
				s = s[:i] + many + s[j+1:]
			}
		}
	}
	return fmt.Sprintf(re(problem), n)
}

// invariants are the store's own promises beyond SQLite's: what the UI and
// the exports rely on without checking (every event cites a sentence but
// those kept, marked, after a changed article dropped them; every
// citation points into its article, the count tables the timeline and the
// map read instead of the events agree with them).
var invariants = []invariant{
	{`SELECT count(*) FROM events e WHERE e.orphan_of IS NULL AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)`,
		"%d event[s] ha[s|ve] no source sentence"},
	{`SELECT count(*) FROM events e WHERE e.n_sources <> (SELECT count(*) FROM event_sources s WHERE s.event_id = e.id)`,
		"%d event[s] ha[s|ve] a wrong count of source sentences"},
	{`SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_words w WHERE w.event_id = e.id)`,
		"%d event[s] ha[s|ve] no match words, which new reports are compared with"},
	{`SELECT count(*) FROM event_sources s LEFT JOIN articles a ON a.id = s.article_id
		WHERE a.id IS NULL OR s.start < 0 OR s.end <= s.start OR s.end > length(CAST(a.text AS BLOB))`,
		"%d source sentence[s] li[es|e] outside [its|their] article's text"},
	{`SELECT count(*) FROM event_sources s JOIN articles a ON a.id = s.article_id
		WHERE s.time_end > 0 AND (s.time_start < 0 OR s.time_end < s.time_start OR s.time_end > length(CAST(a.text AS BLOB)))`,
		"%d time expression[s] of sources li[es|e] outside [its|their] article's text"},
	{`SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.start < 0 OR m.end < m.start OR m.end > length(CAST(a.text AS BLOB))
		OR CAST(substr(CAST(a.text AS BLOB), m.start + 1, m.end - m.start) AS TEXT) <> m.text`,
		"%d highlighted mention[s] do[es|] not match [its|their] article's text"},
	{`SELECT count(*) FROM edits d WHERE d.place_key IS NOT NULL AND d.place_key <> '' AND NOT EXISTS (SELECT 1 FROM places p WHERE p.key = d.place_key)`,
		"%d of your edits name[s|] a place that does not exist"},
	{`SELECT count(*) FROM event_actors ea WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = ea.actor_id)`,
		"%d event link[s] to actors name[s|] an actor that does not exist"},
	{`SELECT count(*) FROM events e WHERE e.merged_into IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events m WHERE m.key = e.merged_into)`,
		"%d event[s] [is|are] merged into an event that does not exist"},
	{`SELECT (SELECT count(*) FROM places) - (SELECT count(*) FROM places_rtree)`,
		"%d place[s] [is|are] missing from the map's spatial index"},
	{`SELECT count(*) FROM (SELECT start_day AS day, count(*) AS n FROM events
			WHERE start_day IS NOT NULL AND hidden = 0 AND merged_into IS NULL GROUP BY start_day) c
		FULL OUTER JOIN counts_day d ON d.day = c.day WHERE c.n IS NOT d.n`,
		"the timeline's day counts disagree with the events on %d day[s]"},
	{`SELECT count(*) FROM (SELECT ` + monthOfSQL("start_day") + ` AS month, kind, count(*) AS n FROM events
			WHERE start_day IS NOT NULL AND hidden = 0 AND merged_into IS NULL GROUP BY month, kind) c
		FULL OUTER JOIN counts_kind_month k ON k.month = c.month AND k.kind = c.kind WHERE c.n IS NOT k.n`,
		"the timeline's counts by kind disagree with the events in %d month[s] and kind[s]"},
	{`SELECT count(*) FROM (SELECT place_id, count(*) AS n FROM events
			WHERE place_id IS NOT NULL AND hidden = 0 AND merged_into IS NULL GROUP BY place_id) c
		FULL OUTER JOIN place_stats p ON p.place_id = c.place_id WHERE c.n IS NOT p.n`,
		"the map's event counts disagree with the events at %d place[s]"},
}

// Check runs SQLite's integrity and foreign-key checks and the store's own
// invariants. It only reads, so it runs on a store opened read-only. The
// error is for a check that could not run (the store locked, unreadable);
// what it finds wrong is in Health.Problems.
func (s *Store) Check(ctx context.Context) (Health, error) {
	h, err := s.check(ctx)
	if corrupt(err) {
		// SQLite gave up reading a damaged page: that is the finding.
		h.Problems = append(h.Problems, fmt.Sprintf("SQLite cannot read all of it (%v)", err))
		return h, nil
	}
	return h, err
}

func corrupt(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

func (s *Store) check(ctx context.Context) (Health, error) {
	var h Health
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check(20)`)
	if err != nil {
		return h, fmt.Errorf("check %s: integrity check: %w", s.path, err)
	}
	var bad []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return h, fmt.Errorf("check %s: integrity check: %w", s.path, err)
		}
		if line != "ok" {
			bad = append(bad, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return h, fmt.Errorf("check %s: integrity check: %w", s.path, err)
	}
	if len(bad) > 0 {
		p := "SQLite's integrity check fails (" + bad[0]
		if len(bad) > 1 {
			p += fmt.Sprintf(", and %d more", len(bad)-1)
		}
		h.Problems = append(h.Problems, p+")")
		// A damaged b-tree makes the queries below fail or lie.
		return h, nil
	}

	fk := map[string]int{}
	var tables []string
	rows, err = s.db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return h, fmt.Errorf("check %s: foreign keys: %w", s.path, err)
	}
	for rows.Next() {
		var table, parent string
		var rowid, fkid any
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return h, fmt.Errorf("check %s: foreign keys: %w", s.path, err)
		}
		key := table + " → " + parent
		if fk[key] == 0 {
			tables = append(tables, key)
		}
		fk[key]++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return h, fmt.Errorf("check %s: foreign keys: %w", s.path, err)
	}
	for _, k := range tables {
		from, to, _ := strings.Cut(k, " → ")
		h.Problems = append(h.Problems, plural("%d row[s] of "+from+" point[s|] at missing "+to, fk[k]))
	}

	for _, inv := range invariants {
		var n int
		if err := s.db.QueryRowContext(ctx, inv.query).Scan(&n); err != nil {
			return h, fmt.Errorf("check %s: %s: %w", s.path, plural(inv.problem, 2), err)
		}
		if n != 0 {
			h.Problems = append(h.Problems, plural(inv.problem, n))
		}
	}
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
		(SELECT count(*) FROM event_sources), (SELECT count(*) FROM places)`).Scan(&h.Articles, &h.Events, &h.Sources, &h.Places)
	if err != nil {
		return h, fmt.Errorf("check %s: count rows: %w", s.path, err)
	}
	return h, nil
}
