package store

import (
	"fmt"
	"slices"
	"strings"
)

// SearchIndexProblems checks the events' search index against the store,
// for the tests of package store_test: entries of events no longer stored,
// events without an entry, and entries whose title, place or sentences are
// not what the event holds now. FTS5's own integrity check runs first.
func (s *Store) SearchIndexProblems() (stale, missing, differ int, err error) {
	if _, err := s.db.Exec(`INSERT INTO events_fts(events_fts) VALUES ('integrity-check')`); err != nil {
		return 0, 0, 0, fmt.Errorf("fts integrity: %w", err)
	}
	if err := s.db.QueryRow(`SELECT
		(SELECT count(*) FROM events_fts WHERE rowid NOT IN (SELECT id FROM events)),
		(SELECT count(*) FROM events WHERE id NOT IN (SELECT rowid FROM events_fts))`).Scan(&stale, &missing); err != nil {
		return 0, 0, 0, err
	}
	rows, err := s.db.Query(`SELECT f.title, f.place, f.sources, d.title, d.place, d.sources
		FROM events_fts f JOIN (` + eventDocSQL + `) d ON d.id = f.rowid`)
	if err != nil {
		return 0, 0, 0, err
	}
	defer rows.Close()
	// Sentences are compared as sets: their order in an entry is free.
	lines := func(s string) []string { l := strings.Split(s, "\n"); slices.Sort(l); return l }
	for rows.Next() {
		var ft, fp, fs, dt, dp, ds string
		if err := rows.Scan(&ft, &fp, &fs, &dt, &dp, &ds); err != nil {
			return 0, 0, 0, err
		}
		if ft != dt || fp != dp || !slices.Equal(lines(fs), lines(ds)) {
			differ++
		}
	}
	return stale, missing, differ, rows.Err()
}
