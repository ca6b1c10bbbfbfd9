package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/model"
)

// An event's match words (extract.MatchWords of the sentences its
// event_sources rows cite, not of the events the user merged into it) are
// kept in event_words, one row per event, so that a new report is compared
// with a stored event, and merged into it, without cutting each of its
// sentences from its article's text: at 46 reports of one story, that was
// most of an import's time. Every path that changes an event's sources
// keeps the row: insertEvent, mergeInto and refill add to it, and an
// article's removal or new version works it out again (rewordEvents) for
// the events that other articles still report.

// encodeWords is the column's form of sorted words: separated by spaces,
// which no content word contains.
func encodeWords(ws []string) string { return strings.Join(ws, " ") }

// decodeWords reads the column back; "" is no words, not unknown.
func decodeWords(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, " ")
}

// setWords records the match words of event id.
func setWords(ctx context.Context, tx *sql.Tx, id int64, ws []string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO event_words(event_id, words) VALUES (?, ?)
		ON CONFLICT(event_id) DO UPDATE SET words = excluded.words`, id, encodeWords(ws)); err != nil {
		return fmt.Errorf("record words of event %d: %w", id, err)
	}
	return nil
}

// unionWords merges two sorted word lists into a new one, each word once.
func unionWords(a, b []string) []string {
	out := append(make([]string, 0, len(a)+len(b)), a...)
	out = append(out, b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// rewordEvents works out again the match words of the events ids from the
// sentences they cite in the store, after some of their sources went.
func rewordEvents(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, args := range inLists(ids) {
		srcs, err := loadSources(ctx, tx, args, true)
		if err != nil {
			return fmt.Errorf("words of events: %w", err)
		}
		byEvent := map[int64]*model.Event{}
		for _, a := range args {
			byEvent[a.(int64)] = &model.Event{}
		}
		for _, s := range srcs {
			e := byEvent[s.eventID]
			e.Sources = append(e.Sources, s.Source)
		}
		for id, e := range byEvent {
			if err := setWords(ctx, tx, id, extract.MatchWords(e)); err != nil {
				return err
			}
		}
	}
	return nil
}

// fillEventWords is migration 17's step in Go: the match words of every
// event stored, by this build's rule (extract.MatchWordsRule, kept in meta).
func fillEventWords(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM events ORDER BY id`)
	if err != nil {
		return fmt.Errorf("words of events: %w", err)
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return fmt.Errorf("words of events: %w", err)
	}
	if err := rewordEvents(ctx, tx, ids); err != nil {
		return err
	}
	// A text, not a number: the column is an INTEGER's.
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta(name, value) VALUES ('match_words', ?)
		ON CONFLICT(name) DO UPDATE SET value = excluded.value`, extract.MatchWordsRule); err != nil {
		return fmt.Errorf("record the rule of the words: %w", err)
	}
	return nil
}

// rewordAll works out every event's match words again when the store's were
// made by another rule than this build's (a new extractor's stop words):
// words of two rules would group reports otherwise than `atlas extract`.
// A store opened read-only keeps its words; it takes no imports.
func (s *Store) rewordAll() error {
	if s.readOnly {
		return nil
	}
	var rule string
	if err := s.db.QueryRow(`SELECT coalesce((SELECT CAST(value AS TEXT) FROM meta WHERE name = 'match_words'), '')`).Scan(&rule); err != nil {
		return s.wrapWrite("read the rule of the match words", err)
	}
	if rule == extract.MatchWordsRule {
		return nil
	}
	return s.writeTx(context.Background(), "work out the match words again", func(tx *sql.Tx) error {
		return fillEventWords(context.Background(), tx)
	})
}
