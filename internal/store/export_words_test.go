package store

import (
	"context"
	"slices"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/model"
)

// WordsProblems checks the events' stored match words against their
// sentences, for the tests of package store_test: it returns the keys of
// the events whose event_words row is missing or is not extract.MatchWords
// of the sentences they cite, and every event's stored words by key.
func (s *Store) WordsProblems() (wrong []string, stored map[string][]string, err error) {
	ctx := context.Background()
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.key, w.words FROM events e LEFT JOIN event_words w ON w.event_id = e.id ORDER BY e.id`)
	if err != nil {
		return nil, nil, err
	}
	type row struct {
		id    int64
		key   string
		words *string
	}
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.key, &r.words); err != nil {
			rows.Close()
			return nil, nil, err
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	stored = map[string][]string{}
	for _, r := range all {
		srcs, err := loadSources(ctx, s.db, []any{r.id}, true)
		if err != nil {
			return nil, nil, err
		}
		e := model.Event{}
		for _, src := range srcs {
			e.Sources = append(e.Sources, src.Source)
		}
		if r.words == nil {
			wrong = append(wrong, r.key)
			continue
		}
		stored[r.key] = decodeWords(*r.words)
		if !slices.Equal(stored[r.key], extract.MatchWords(&e)) {
			wrong = append(wrong, r.key)
		}
	}
	return wrong, stored, nil
}

// EntriesNotRewritten returns the keys of the events cited by two articles
// or more whose search entry's title, place and sentences (in the same
// order) are not exactly what indexEvent would write now: what a merge
// that leaves an entry as it is (entryHolds) must keep true. Actors are
// left out: an actor renamed at the end of an article (flushActors) keeps
// its former name in the entries written before, by design.
func (s *Store) EntriesNotRewritten() ([]string, error) {
	rows, err := s.db.Query(`SELECT e.key FROM events e JOIN events_fts f ON f.rowid = e.id JOIN (` + eventDocSQL + `) d ON d.id = e.id
		WHERE (SELECT count(DISTINCT article_id) FROM event_sources s WHERE s.event_id = e.id) > 1
		AND (f.title, f.place, f.sources) IS NOT (d.title, d.place, d.sources)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}
