package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// SameFunc reports whether two events are the same real-world event reported
// twice; pass extract.SameEvent.
type SameFunc func(a, b *model.Event) bool

// MergeFunc folds src into dst (union of sources and actors, the better
// date, place, kind and title); pass extract.Merge.
type MergeFunc func(dst, src *model.Event)

// Merging says how a new event is folded into a stored one. With Merge nil
// the store keeps the stored event's kind and title, takes the finer date,
// a place when it had none and the higher confidence. The stored event
// given to Same, Score and Merge has its extracted values, actors and match
// words (model.Event.Words), and its sources without their text or file
// name, unless it cites the new event's article: what extract's rules read.
type Merging struct {
	Same  SameFunc
	Merge MergeFunc
	// Score, when set, is used instead of Same: a new event joins the
	// stored event it scores highest with, the earliest stored on a tie,
	// as extract.MergeAll does (pass extract.Match). Same took the first
	// stored event it accepted, in an order of the store's choosing, so an
	// import and `atlas extract` grouped some reports apart.
	Score ScoreFunc
	// Kinds lists the kinds a new event of kind k may be merged with (pass
	// extract.CompatibleKinds), so that only those are read as
	// candidates; nil means every kind.
	Kinds func(k model.Kind) []model.Kind
	// Screen, when set, is a necessary condition for Same that needs no
	// source sentences (kinds, dates, places): merge candidates it rejects
	// are never loaded with their sentences. Without it a big store loads
	// hundreds of candidates' sentences for each new event. The candidate
	// it is given has its id, kind, dates, precision, planned and place
	// (key, name, country, admin1, coordinates, feature) alone.
	Screen SameFunc
}

// ScoreFunc reports whether report, an event of a new article, is the same
// real-world event as stored, and how strongly they agree.
type ScoreFunc func(stored, report *model.Event) (score int, ok bool)

// SaveResult says what SaveArticle did.
type SaveResult struct {
	ArticleID      int64
	AlreadyPresent bool // an article with the same text (SHA256) was stored before; nothing changed
	// Updated says the article replaced a stored version of itself (same
	// URL, else same path; other text), which kept its id.
	Updated  bool
	Inserted int // events added
	Merged   int // events merged into events already stored
	Kept     int // events of the previous version found again: id and edits kept
	Removed  int // events of the previous version gone with it
	Orphaned int // events gone from the text but kept, marked, for the user's edits
}

// HasArticle reports whether an article whose text has this SHA256 is stored.
func (s *Store) HasArticle(sha string) (bool, error) {
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM articles WHERE sha256 = ?`, sha).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up article %s: %w", sha, err)
	}
	return n > 0, nil
}

// HasFile reports whether an article was imported from a file whose bytes
// have this SHA256 (model.Article.FileSHA256).
func (s *Store) HasFile(fileSHA string) (bool, error) {
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM articles WHERE file_sha256 = ?`, fileSHA).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up file %s: %w", fileSHA, err)
	}
	return n > 0, nil
}

// SaveArticle stores an article, its mentions and its events in one
// transaction, so a crash leaves either all of it or none. Each event is
// merged into a stored event for which same is true or inserted. Candidates
// for a dated event are the stored events whose dates overlap it within a
// day; for an undated one, the latest undated events of the same kind.
// An article whose SHA256 is already stored changes nothing and is reported
// as AlreadyPresent. A changed version of a stored article (same URL, else
// same path; see findArticle) replaces it in place and is reported as
// Updated: the events found again keep their ids and the user's edits (see
// applyExtraction). a.ID and the events' source ArticleIDs are set.
// An import saves through ImportBatch instead, with a merge rule.
func (s *Store) SaveArticle(ctx context.Context, a *model.Article, x *model.Extraction, same SameFunc) (SaveResult, error) {
	var res SaveResult
	if a == nil {
		return res, errors.New("save article: nil article")
	}
	err := s.writeTx(ctx, "save article "+a.Path, func(tx *sql.Tx) error {
		var err error
		res, err = saveArticle(ctx, tx, a, x, Merging{Same: same})
		return err
	})
	if err != nil {
		return SaveResult{}, err
	}
	return res, nil
}

// saveArticle saves an article as SaveArticle describes, inside the
// caller's transaction.
func saveArticle(ctx context.Context, tx *sql.Tx, a *model.Article, x *model.Extraction, m Merging) (SaveResult, error) {
	var id int64
	switch err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE sha256 = ?`, a.SHA256).Scan(&id); {
	case err == nil:
		return SaveResult{ArticleID: id, AlreadyPresent: true}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return SaveResult{}, fmt.Errorf("look up article %s: %w", a.SHA256, err)
	}
	if a.SHA256 == "" {
		return SaveResult{}, errors.New("article has no SHA256")
	}
	id, err := findArticle(ctx, tx, a)
	if err != nil {
		return SaveResult{}, err
	}
	if id != 0 {
		return updateArticle(ctx, tx, id, a, x, m)
	}
	id, err = insertArticle(ctx, tx, a)
	if err != nil {
		return SaveResult{}, err
	}
	a.ID = id
	res := SaveResult{ArticleID: id}
	if x == nil {
		return res, nil
	}
	w := newWriter(ctx, tx)
	if err := w.addMentions(id, x.Mentions); err != nil {
		return res, err
	}
	res.Inserted, res.Merged, err = w.addExtraction(a, x.Events, m)
	return res, err
}

func insertArticle(ctx context.Context, tx *sql.Tx, a *model.Article) (int64, error) {
	if a.SHA256 == "" {
		return 0, errors.New("article has no SHA256")
	}
	noise, err := json.Marshal(spansOrEmpty(a.Noise))
	if err != nil {
		return 0, err
	}
	if a.ImportedAt.IsZero() {
		a.ImportedAt = time.Now().UTC()
	}
	ds := a.DateSource
	if ds == "" {
		ds = model.DateUnknown
	}
	var fileSHA any
	if a.FileSHA256 != "" {
		fileSHA = a.FileSHA256
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO articles(path, sha256, format, title, publisher, url, published, date_source, dateline, text, noise, imported_at, file_sha256)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.Path, a.SHA256, a.Format, a.Title, a.Publisher, a.URL, unixOrNull(a.Published), string(ds), a.Dateline, a.Text, string(noise), a.ImportedAt.Unix(), fileSHA)
	if err != nil {
		return 0, fmt.Errorf("insert article: %w", err)
	}
	return r.LastInsertId()
}

func spansOrEmpty(s []model.Span) []model.Span {
	if s == nil {
		return []model.Span{}
	}
	return s
}

func unixOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

// ReplaceExtraction re-extracts a stored article in one transaction (after the
// user set its date, or with a better extractor): its mentions and sources are
// removed, events left with no source are dropped, and the new extraction is
// added as in SaveArticle. User edits, keyed by event key, apply again to the
// events that come back with the same key.
func (s *Store) ReplaceExtraction(ctx context.Context, articleID int64, x *model.Extraction, same SameFunc) (SaveResult, error) {
	return s.ReplaceExtractionWith(ctx, articleID, x, Merging{Same: same})
}

// ReplaceExtractionWith is ReplaceExtraction with a merge rule.
func (s *Store) ReplaceExtractionWith(ctx context.Context, articleID int64, x *model.Extraction, m Merging) (SaveResult, error) {
	var res SaveResult
	err := s.writeTx(ctx, fmt.Sprintf("re-extract article %d", articleID), func(tx *sql.Tx) (err error) {
		res, err = replaceExtraction(ctx, tx, articleID, x, m)
		return err
	})
	if err != nil {
		return SaveResult{ArticleID: articleID}, err
	}
	return res, nil
}

// RedateArticle sets an article's publication date, learnt as src says (the
// user gave it, or other articles' reports of the same events tell it),
// and replaces the article's extraction with x, made with that date, in one
// transaction: the events never disagree with the date shown.
func (s *Store) RedateArticle(ctx context.Context, articleID int64, date time.Time, src model.DateSource, x *model.Extraction, m Merging) (SaveResult, error) {
	var res SaveResult
	err := s.writeTx(ctx, fmt.Sprintf("set date of article %d", articleID), func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `UPDATE articles SET published = ?, date_source = ? WHERE id = ?`, unixOrNull(date), string(src), articleID)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return fmt.Errorf("article %d: %w", articleID, ErrNotFound)
		}
		res, err = replaceExtraction(ctx, tx, articleID, x, m)
		return err
	})
	if err != nil {
		return SaveResult{ArticleID: articleID}, err
	}
	return res, nil
}

// replaceExtraction swaps an article's stored extraction for x (nil leaves
// none) inside tx, as applyExtraction does for a changed text: the events
// found again keep their rows, ids and keys, even when a later extractor
// words their titles or dates differently.
func replaceExtraction(ctx context.Context, tx *sql.Tx, articleID int64, x *model.Extraction, m Merging) (SaveResult, error) {
	a, err := loadArticle(ctx, tx, articleID)
	if err != nil {
		return SaveResult{ArticleID: articleID}, err
	}
	prev, err := previousEvents(ctx, tx, articleID)
	if err != nil {
		return SaveResult{ArticleID: articleID}, err
	}
	return applyExtraction(ctx, tx, a, prev, x, m)
}

// dropExtraction removes what extraction put in the store for one article
// (DeleteArticle).
func dropExtraction(ctx context.Context, tx *sql.Tx, articleID int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE article_id = ?`, articleID); err != nil {
		return fmt.Errorf("remove mentions: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT event_id FROM event_sources WHERE article_id = ?`, articleID)
	if err != nil {
		return fmt.Errorf("find events: %w", err)
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return fmt.Errorf("find events: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM event_sources WHERE article_id = ?`, articleID); err != nil {
		return fmt.Errorf("remove sources: %w", err)
	}
	for _, id := range ids {
		var left int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM event_sources WHERE event_id = ?`, id).Scan(&left); err != nil {
			return fmt.Errorf("count sources: %w", err)
		}
		if left > 0 {
			// Still reported elsewhere: its words and its search entry
			// lose this article's sentences.
			if err := rewordEvents(ctx, tx, []int64{id}); err != nil {
				return err
			}
			if err := indexEvent(ctx, tx, id); err != nil {
				return err
			}
			continue
		}
		if err := removeEvent(ctx, tx, id); err != nil {
			return err
		}
	}
	// Events kept for the user after a newer version of the article
	// dropped them go with the article.
	rows, err = tx.QueryContext(ctx, `SELECT id FROM events WHERE orphan_of = ?`, articleID)
	if err != nil {
		return fmt.Errorf("find events no longer in the source: %w", err)
	}
	if ids, err = scanIDs(rows); err != nil {
		return fmt.Errorf("find events no longer in the source: %w", err)
	}
	for _, id := range ids {
		if err := removeEvent(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// DeleteArticle removes an article, its mentions and the events only it
// supported. User edits stay, so importing the article again restores them.
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	return s.writeTx(ctx, fmt.Sprintf("delete article %d", id), func(tx *sql.Tx) error {
		if err := dropExtraction(ctx, tx, id); err != nil {
			return err
		}
		if err := dropActorForms(ctx, tx, id); err != nil {
			return err
		}
		r, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return fmt.Errorf("article %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// SetArticleDate records the publication date the user gave (DateSource
// user). It does not re-extract; pipeline.SetArticleDate does both.
func (s *Store) SetArticleDate(id int64, date time.Time) error {
	return s.writeTx(context.Background(), fmt.Sprintf("set date of article %d", id), func(tx *sql.Tx) error {
		r, err := tx.Exec(`UPDATE articles SET published = ?, date_source = ? WHERE id = ?`, unixOrNull(date), string(model.DateUser), id)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return fmt.Errorf("article %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

const articleCols = `id, path, sha256, format, title, publisher, url, published, date_source, dateline, imported_at, coalesce(file_sha256, '')`

// Articles lists every stored article in import order, without Text and
// Noise (call Article for those) so that long lists stay light.
func (s *Store) Articles() ([]model.Article, error) {
	rows, err := s.db.Query(`SELECT ` + articleCols + ` FROM articles ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []model.Article
	for rows.Next() {
		a, err := scanArticle(rows, false)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		out = append(out, *a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// Article returns one article with its full text and noise spans.
func (s *Store) Article(id int64) (*model.Article, error) {
	return loadArticle(context.Background(), s.db, id)
}

type queryer interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

type scanner interface{ Scan(dest ...any) error }

func loadArticle(ctx context.Context, q queryer, id int64) (*model.Article, error) {
	row := q.QueryRowContext(ctx, `SELECT `+articleCols+`, text, noise FROM articles WHERE id = ?`, id)
	a, err := scanArticle(row, true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("load article %d: %w", id, err)
	}
	return a, nil
}

func scanArticle(r scanner, full bool) (*model.Article, error) {
	var a model.Article
	var published sql.NullInt64
	var ds string
	var imported int64
	dest := []any{&a.ID, &a.Path, &a.SHA256, &a.Format, &a.Title, &a.Publisher, &a.URL, &published, &ds, &a.Dateline, &imported, &a.FileSHA256}
	var noise string
	if full {
		dest = append(dest, &a.Text, &noise)
	}
	if err := r.Scan(dest...); err != nil {
		return nil, err
	}
	if published.Valid {
		a.Published = time.Unix(published.Int64, 0).UTC()
	}
	a.DateSource = model.DateSource(ds)
	a.ImportedAt = time.Unix(imported, 0).UTC()
	if full && noise != "" {
		if err := json.Unmarshal([]byte(noise), &a.Noise); err != nil {
			return nil, fmt.Errorf("noise spans: %w", err)
		}
	}
	return &a, nil
}

// MentionsIn returns the mentions extraction found in an article, in text order.
func (s *Store) MentionsIn(articleID int64) ([]model.Mention, error) {
	rows, err := s.db.Query(`SELECT start, end, type, text, value FROM mentions WHERE article_id = ? ORDER BY start, end`, articleID)
	if err != nil {
		return nil, fmt.Errorf("mentions of article %d: %w", articleID, err)
	}
	defer rows.Close()
	var out []model.Mention
	for rows.Next() {
		var m model.Mention
		var typ string
		if err := rows.Scan(&m.Start, &m.End, &typ, &m.Text, &m.Value); err != nil {
			return nil, fmt.Errorf("mentions of article %d: %w", articleID, err)
		}
		m.Type = model.MentionType(typ)
		out = append(out, m)
	}
	return out, rows.Err()
}

func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func baseName(p string) string { return filepath.Base(p) }
