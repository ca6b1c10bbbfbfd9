package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// edit records one user edit of event id in the edits table (keyed by the
// event's key, so it survives re-extraction and re-import) and applies it.
func (s *Store) edit(id int64, what string, fn func(tx *sql.Tx, key string) error) error {
	ctx := context.Background()
	return s.writeTx(ctx, fmt.Sprintf("%s of event %d", what, id), func(tx *sql.Tx) error {
		var key string
		if err := tx.QueryRowContext(ctx, `SELECT key FROM events WHERE id = ?`, id).Scan(&key); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("event %d: %w", id, ErrNotFound)
			}
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO edits(event_key, updated_at) VALUES (?, ?)
			ON CONFLICT(event_key) DO UPDATE SET updated_at = excluded.updated_at`, key, time.Now().Unix()); err != nil {
			return err
		}
		if err := fn(tx, key); err != nil {
			return err
		}
		return recompute(ctx, tx, id)
	})
}

// SetEventTitle replaces an event's title; an empty title restores the
// extracted one.
func (s *Store) SetEventTitle(id int64, title string) error {
	return s.edit(id, "set title", func(tx *sql.Tx, key string) error {
		var v any
		if title != "" {
			v = title
		}
		_, err := tx.Exec(`UPDATE edits SET title = ? WHERE event_key = ?`, v, key)
		return err
	})
}

// SetEventDate corrects an event's date: inclusive days start..end (a zero
// end means the start day) with the given precision. A zero start marks the
// event as undated.
func (s *Store) SetEventDate(id int64, start, end time.Time, p model.Precision) error {
	if !start.IsZero() && !end.IsZero() && end.Before(model.Day(start)) {
		return fmt.Errorf("set date of event %d: end %s is before start %s", id, dayString(end), dayString(start))
	}
	return s.edit(id, "set date", func(tx *sql.Tx, key string) error {
		var sd, ed any
		if !start.IsZero() {
			sd = dayNum(start)
			ed = sd
			if !end.IsZero() {
				ed = dayNum(end)
			}
		} else {
			p = model.PrecisionNone
		}
		_, err := tx.Exec(`UPDATE edits SET date_set = 1, start_day = ?, end_day = ?, precision = ? WHERE event_key = ?`, sd, ed, string(p), key)
		return err
	})
}

// SetEventPlace corrects an event's place; nil means "no place". The place is
// stored if new (its Key identifies it; give gazetteer places their key).
func (s *Store) SetEventPlace(id int64, p *model.Place) error {
	return s.edit(id, "set place", func(tx *sql.Tx, key string) error {
		pk := ""
		if p != nil {
			if _, err := upsertPlace(context.Background(), tx, p); err != nil {
				return err
			}
			pk = placeKey(p)
		}
		_, err := tx.Exec(`UPDATE edits SET place_key = ? WHERE event_key = ?`, pk, key)
		return err
	})
}

// RevertEvent drops the user's corrections of title, date and place, going
// back to the extracted values; hidden, note and "in briefing" stay.
func (s *Store) RevertEvent(id int64) error {
	return s.edit(id, "revert", func(tx *sql.Tx, key string) error {
		_, err := tx.Exec(`UPDATE edits SET title = NULL, date_set = 0, start_day = NULL, end_day = NULL, precision = NULL, place_key = NULL WHERE event_key = ?`, key)
		return err
	})
}

// HideEvent hides an event from every view and count (it stays in the store).
func (s *Store) HideEvent(id int64) error { return s.setHidden(id, true) }

// ShowEvent shows an event the user hid.
func (s *Store) ShowEvent(id int64) error { return s.setHidden(id, false) }

func (s *Store) setHidden(id int64, hidden bool) error {
	what := "hide"
	if !hidden {
		what = "show"
	}
	return s.edit(id, what, func(tx *sql.Tx, key string) error {
		_, err := tx.Exec(`UPDATE edits SET hidden = ? WHERE event_key = ?`, hidden, key)
		return err
	})
}

// SetNote sets the user's note on an event ("" removes it).
func (s *Store) SetNote(id int64, note string) error {
	return s.edit(id, "set note", func(tx *sql.Tx, key string) error {
		_, err := tx.Exec(`UPDATE edits SET note = ? WHERE event_key = ?`, note, key)
		return err
	})
}

// SetInBriefing puts an event in the briefing or takes it out.
func (s *Store) SetInBriefing(id int64, in bool) error {
	return s.edit(id, "star", func(tx *sql.Tx, key string) error {
		_, err := tx.Exec(`UPDATE edits SET in_briefing = ? WHERE event_key = ?`, in, key)
		return err
	})
}

// MergeEvents tells the store that other is the same event as keep: other
// disappears from views and counts, and keep shows its sources and actors
// too. Events merged into other before follow it into keep.
func (s *Store) MergeEvents(keep, other int64) error {
	if keep == other {
		return fmt.Errorf("merge event %d into itself", keep)
	}
	ctx := context.Background()
	return s.writeTx(ctx, fmt.Sprintf("merge event %d into %d", other, keep), func(tx *sql.Tx) error {
		var keepKey string
		var keepMerged sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT key, merged_into FROM events WHERE id = ?`, keep).Scan(&keepKey, &keepMerged); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("event %d: %w", keep, ErrNotFound)
			}
			return err
		}
		if keepMerged.Valid {
			return fmt.Errorf("event %d was itself merged into another; merge into that one", keep)
		}
		var otherKey string
		if err := tx.QueryRowContext(ctx, `SELECT key FROM events WHERE id = ?`, other).Scan(&otherKey); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("event %d: %w", other, ErrNotFound)
			}
			return err
		}
		now := time.Now().Unix()
		// Re-point the events merged into other, then other itself.
		if _, err := tx.ExecContext(ctx, `UPDATE edits SET merged_into = ?, updated_at = ? WHERE merged_into = ?`, keepKey, now, otherKey); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO edits(event_key, merged_into, updated_at) VALUES (?, ?, ?)
			ON CONFLICT(event_key) DO UPDATE SET merged_into = excluded.merged_into, updated_at = excluded.updated_at`, otherKey, keepKey, now); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT id FROM events WHERE merged_into = ? OR key = ?`, otherKey, otherKey)
		if err != nil {
			return err
		}
		ids, err := scanIDs(rows)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := recompute(ctx, tx, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// UnmergeEvent undoes MergeEvents for an event merged into another.
func (s *Store) UnmergeEvent(id int64) error {
	return s.edit(id, "unmerge", func(tx *sql.Tx, key string) error {
		_, err := tx.Exec(`UPDATE edits SET merged_into = NULL WHERE event_key = ?`, key)
		return err
	})
}
