package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/briefingatlas/atlas/internal/model"
)

// AddRetoldEvents adds to a stored article, in one transaction, events it
// tells without their dates that other articles' reports date
// (extract.Reports.DateRetold): each is merged with the report it
// retells, or stored as an event of its own, as an import would. The
// article's own events stay as they are and take none of them, as when
// they are saved together; one whose key the article already has is told
// already and is left out.
func (s *Store) AddRetoldEvents(ctx context.Context, articleID int64, events []model.Event, m Merging) (SaveResult, error) {
	res := SaveResult{ArticleID: articleID}
	err := s.writeTx(ctx, fmt.Sprintf("add retold events to article %d", articleID), func(tx *sql.Tx) error {
		a, err := loadArticle(ctx, tx, articleID)
		if err != nil {
			return err
		}
		own, err := articleEventKeys(ctx, tx, articleID)
		if err != nil {
			return err
		}
		w := newWriter(ctx, tx)
		w.exclude = map[int64]bool{}
		for _, id := range own {
			w.exclude[id] = true
		}
		var add []model.Event
		for _, e := range events {
			if _, told := own[e.Key]; !told {
				add = append(add, e)
			}
		}
		res.Inserted, res.Merged, err = w.addExtraction(a, add, m)
		return err
	})
	if err != nil {
		return SaveResult{ArticleID: articleID}, err
	}
	return res, nil
}

// articleEventKeys maps the keys of the events an article reports to
// their rows.
func articleEventKeys(ctx context.Context, tx *sql.Tx, articleID int64) (map[string]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT e.key, e.id FROM events e
		WHERE e.id IN (SELECT event_id FROM event_sources WHERE article_id = ?)`, articleID)
	if err != nil {
		return nil, fmt.Errorf("find events of article %d: %w", articleID, err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var key sql.NullString
		var id int64
		if err := rows.Scan(&key, &id); err != nil {
			return nil, fmt.Errorf("find events of article %d: %w", articleID, err)
		}
		out[key.String] = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find events of article %d: %w", articleID, err)
	}
	return out, nil
}
