package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/briefingatlas/atlas/internal/model"
)

// An article has an identity beyond its text: its URL (from the manifest or
// the page's canonical link) or, without one, its path. A corrected version
// or a re-clipped page has other text, so another SHA256, but the same
// identity; importing it updates the stored article in place instead of
// adding a second copy whose events would all appear twice.

// findArticle returns the id of the stored article with a's identity, or 0.
// With a URL, the article stored with that URL; failing that, one stored
// without a URL at the same path (an earlier clip without metadata). Without
// a URL, the article stored at the same path, in the form given or absolute.
func findArticle(ctx context.Context, q queryer, a *model.Article) (int64, error) {
	var id int64
	u := strings.TrimSpace(a.URL)
	if u != "" {
		// "url <> ''" lets the partial index on url serve the lookup.
		err := q.QueryRowContext(ctx, `SELECT id FROM articles WHERE url = ? AND url <> '' ORDER BY id DESC LIMIT 1`, u).Scan(&id)
		switch {
		case err == nil:
			return id, nil
		case !errors.Is(err, sql.ErrNoRows):
			return 0, fmt.Errorf("look up article by URL %s: %w", u, err)
		}
	}
	if a.Path == "" {
		return 0, nil
	}
	given, abs := pathForms(a.Path)
	err := q.QueryRowContext(ctx, `SELECT id FROM articles WHERE path IN (?, ?) AND (? = '' OR url = '') ORDER BY id DESC LIMIT 1`,
		given, abs, u).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, nil
	case err != nil:
		return 0, fmt.Errorf("look up article by path %s: %w", a.Path, err)
	}
	return id, nil
}

// pathForms returns a path as given and made absolute and clean: an
// article imported before from another working folder is still found.
func pathForms(p string) (given, abs string) {
	abs = filepath.Clean(p)
	if a, err := filepath.Abs(p); err == nil {
		abs = a
	}
	return p, abs
}

// FindArticle returns the stored article with a's identity (URL, else path;
// see findArticle), without its text, and whether there is one. An import
// asks before extracting, to carry over a publication date the user gave.
func (s *Store) FindArticle(a *model.Article) (*model.Article, bool, error) {
	ctx := context.Background()
	id, err := findArticle(ctx, s.db, a)
	if err != nil || id == 0 {
		return nil, false, err
	}
	found, err := loadArticle(ctx, s.db, id)
	if err != nil {
		return nil, false, err
	}
	found.Text, found.Noise = "", nil
	return found, true, nil
}

// updateArticle replaces the stored article id with a changed version a of
// it, and its extraction with x, inside tx: the row keeps its id.
func updateArticle(ctx context.Context, tx *sql.Tx, id int64, a *model.Article, x *model.Extraction, m Merging) (SaveResult, error) {
	// The previous events are read first: their source sentences are cut
	// out of the previous text.
	prev, err := previousEvents(ctx, tx, id)
	if err != nil {
		return SaveResult{}, err
	}
	noise, err := json.Marshal(spansOrEmpty(a.Noise))
	if err != nil {
		return SaveResult{}, err
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
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET path = ?, sha256 = ?, format = ?, title = ?, publisher = ?, url = ?, published = ?,
			date_source = ?, dateline = ?, text = ?, noise = ?, imported_at = ?, file_sha256 = ? WHERE id = ?`,
		a.Path, a.SHA256, a.Format, a.Title, a.Publisher, a.URL, unixOrNull(a.Published), string(ds), a.Dateline, a.Text,
		string(noise), a.ImportedAt.Unix(), fileSHA, id); err != nil {
		return SaveResult{}, fmt.Errorf("update article %d: %w", id, err)
	}
	a.ID = id
	res, err := applyExtraction(ctx, tx, a, prev, x, m)
	res.Updated = true
	return res, err
}

// prior is an event of an article's previous extraction.
type prior struct {
	ev    model.Event // extracted values
	texts []string    // its source sentences in the previous text of the article
}

// previousEvents loads the events an article's stored extraction reports,
// and those kept before as no longer in it, with their extracted values and
// source sentences.
func previousEvents(ctx context.Context, tx *sql.Tx, articleID int64) ([]prior, error) {
	rows, err := tx.QueryContext(ctx, `SELECT event_id FROM event_sources WHERE article_id = ?
		UNION SELECT id FROM events WHERE orphan_of = ? ORDER BY 1`, articleID, articleID)
	if err != nil {
		return nil, fmt.Errorf("find events of article %d: %w", articleID, err)
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return nil, fmt.Errorf("find events of article %d: %w", articleID, err)
	}
	evs, err := loadEventsByID(ctx, tx, ids, true, true)
	if err != nil {
		return nil, fmt.Errorf("load events of article %d: %w", articleID, err)
	}
	out := make([]prior, len(evs))
	for i, e := range evs {
		out[i].ev = e
		for _, s := range e.Sources {
			if s.ArticleID == articleID {
				out[i].texts = append(out[i].texts, s.Text)
			}
		}
	}
	return out, nil
}

// applyExtraction replaces the extraction of article a (its row holds the
// new text already) with x, given its previous events prev. An event of x
// that matchEvents finds among prev takes over that event's key, so its row,
// id and the user's edits stay; a previous event found nowhere in x is
// removed, unless other articles report it too, or the user edited,
// starred, hid, noted it or merged others into it: then it is kept and
// marked as no longer in the source. Everything else goes as in SaveArticle.
func applyExtraction(ctx context.Context, tx *sql.Tx, a *model.Article, prev []prior, x *model.Extraction, m Merging) (SaveResult, error) {
	res := SaveResult{ArticleID: a.ID}
	var events []model.Event
	if x != nil {
		events = x.Events
	}
	numberKeys(events)
	match := matchEvents(prev, events, a.Text)
	for ni, pi := range match {
		// An event that gets its first date (the article was dated) is
		// a report like any new one, to be merged with other articles'
		// reports of it, unless the user edited it: then its row stays,
		// with the edits.
		if prev[pi].ev.Dated() || !events[ni].Dated() {
			continue
		}
		touched, err := userTouched(ctx, tx, prev[pi].ev.Key)
		if err != nil {
			return res, err
		}
		if !touched {
			delete(match, ni)
		}
	}
	carried := map[string]int64{}
	matched := map[int64]bool{}
	for ni, pi := range match {
		p := &prev[pi].ev
		events[ni].Key = p.Key
		carried[p.Key] = p.ID
		matched[p.ID] = true
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE article_id = ?`, a.ID); err != nil {
		return res, fmt.Errorf("remove mentions: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM event_sources WHERE article_id = ?`, a.ID); err != nil {
		return res, fmt.Errorf("remove sources: %w", err)
	}
	exclude := map[int64]bool{}
	for _, p := range prev {
		id := p.ev.ID
		var left int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM event_sources WHERE event_id = ?`, id).Scan(&left); err != nil {
			return res, fmt.Errorf("count sources: %w", err)
		}
		if left > 0 {
			// Still reported elsewhere: its words and its search entry
			// lose this article's sentences, and it stays a merge
			// candidate for the new version's events, as for any other
			// article.
			if err := rewordEvents(ctx, tx, []int64{id}); err != nil {
				return res, err
			}
			if err := indexEvent(ctx, tx, id); err != nil {
				return res, err
			}
			continue
		}
		// Neither a row of this article only, waiting to be filled again,
		// nor one kept as gone is a merge candidate for the new version's
		// other events.
		exclude[id] = true
		if matched[id] || p.ev.Orphaned {
			continue
		}
		touched, err := userTouched(ctx, tx, p.ev.Key)
		if err != nil {
			return res, err
		}
		if touched {
			if _, err := tx.ExecContext(ctx, `UPDATE events SET orphan_of = ? WHERE id = ?`, a.ID, id); err != nil {
				return res, fmt.Errorf("mark event %d as no longer in the source: %w", id, err)
			}
			// It cites no sentence now.
			if err := setWords(ctx, tx, id, nil); err != nil {
				return res, err
			}
			if err := indexEvent(ctx, tx, id); err != nil {
				return res, err
			}
			res.Orphaned++
			continue
		}
		if err := removeEvent(ctx, tx, id); err != nil {
			return res, err
		}
		res.Removed++
	}
	if x == nil {
		return res, nil
	}
	w := newWriter(ctx, tx)
	w.carried, w.exclude = carried, exclude
	if err := w.addMentions(a.ID, x.Mentions); err != nil {
		return res, err
	}
	var err error
	res.Inserted, res.Merged, err = w.addExtraction(a, events, m)
	res.Kept = w.kept
	return res, err
}

// removeEvent deletes an event and its search entry, and refreshes the
// entry of the event the user had merged it into.
func removeEvent(ctx context.Context, tx *sql.Tx, id int64) error {
	parent, err := unindexEvent(ctx, tx, id)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE id = ?`, id); err != nil {
		return fmt.Errorf("remove event %d: %w", id, err)
	}
	if parent != "" {
		return indexEventKey(ctx, tx, parent)
	}
	return nil
}

// userTouched reports whether the user did anything to the event with this
// key that would be lost with it: a correction, a star, a note, hiding it,
// merging it into another or others into it.
func userTouched(ctx context.Context, tx *sql.Tx, key string) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM edits WHERE event_key = ? AND (title IS NOT NULL OR date_set = 1
			OR place_key IS NOT NULL OR hidden = 1 OR merged_into IS NOT NULL OR note <> '' OR in_briefing = 1))
		OR EXISTS (SELECT 1 FROM edits WHERE merged_into = ?)`, key, key).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up edits of event %s: %w", key, err)
	}
	return n > 0, nil
}

// numberKeys gives the second and later events of one kind from one
// sentence, which would share a key, keys of their own ("key~2"), so that
// each keeps its own edits.
func numberKeys(events []model.Event) {
	keys := map[string]int{}
	for i := range events {
		e := &events[i]
		if n := keys[e.Key]; n > 0 {
			keys[e.Key]++
			e.Key = fmt.Sprintf("%s~%d", e.Key, n+1)
		} else {
			keys[e.Key] = 1
		}
	}
}

// Thresholds of matchEvents: sentences sharing half their words (Dice) are
// one sentence reworded when the dates agree; without agreeing dates only a
// sentence left nearly as it was (a corrected date) is.
const (
	matchWords     = 0.5
	matchUndatable = 0.9
)

// matchEvents pairs the events of an article's new extraction with those of
// its previous one that report the same thing, so that the user's edits and
// stars follow them: the key, since the text's hash is part of it, changes
// with any edit of the text. A pair has one kind and source sentences that
// are the same or share most words, with dates that overlap; the same key
// (re-extraction of an unchanged text) always pairs. An event kept before as
// no longer in the source, which has no sentence left, pairs by kind, title
// and date. Best pairs first, each event in one pair at most; the result
// maps an index of events to one of prev.
func matchEvents(prev []prior, events []model.Event, text string) map[int]int {
	type pair struct {
		ni, pi int
		score  float64
	}
	var pairs []pair
	for ni := range events {
		n := &events[ni]
		var nWords [][]string
		var nTexts []string
		for _, s := range n.Sources {
			t := s.Text
			if s.Start >= 0 && s.End > s.Start && s.End <= len(text) {
				t = text[s.Start:s.End]
			}
			nTexts = append(nTexts, t)
			nWords = append(nWords, words(t))
		}
		for pi := range prev {
			p := &prev[pi]
			if n.Key != "" && n.Key == p.ev.Key {
				pairs = append(pairs, pair{ni, pi, 10})
				continue
			}
			if n.Kind != p.ev.Kind {
				continue
			}
			dates := datesAgree(n, &p.ev)
			sameTitle := strings.EqualFold(strings.TrimSpace(n.Title), strings.TrimSpace(p.ev.Title))
			sim := 0.0
			if len(p.texts) == 0 {
				if sameTitle && dates {
					sim = 1
				}
			}
			for _, pt := range p.texts {
				pw := words(pt)
				for j, nt := range nTexts {
					if nt == pt {
						sim = 1
						break
					}
					sim = max(sim, dice(pw, nWords[j]))
				}
			}
			if sim < matchUndatable && (sim < matchWords || !dates) {
				continue
			}
			score := sim
			if dates {
				score += 0.5
			}
			if sameTitle {
				score += 0.25
			}
			pairs = append(pairs, pair{ni, pi, score})
		}
	}
	// Equal scores (two events of one kind from one sentence) go by order
	// in the text, which stored ids follow.
	sort.SliceStable(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if da, db := absInt(a.ni-a.pi), absInt(b.ni-b.pi); da != db {
			return da < db
		}
		if a.ni != b.ni {
			return a.ni < b.ni
		}
		return a.pi < b.pi
	})
	out := map[int]int{}
	usedPrev := map[int]bool{}
	for _, p := range pairs {
		if _, ok := out[p.ni]; ok || usedPrev[p.pi] {
			continue
		}
		out[p.ni] = p.pi
		usedPrev[p.pi] = true
	}
	return out
}

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// datesAgree reports whether two events are both undated or have dates
// that overlap within a day.
func datesAgree(a, b *model.Event) bool {
	if a.Dated() != b.Dated() {
		return false
	}
	if !a.Dated() {
		return true
	}
	return dayNum(a.Start) <= endDay(b)+1 && dayNum(b.Start) <= endDay(a)+1
}

// words returns the distinct lower-case words of s.
func words(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// dice is the Dice coefficient of two sets of distinct words.
func dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	in := map[string]bool{}
	for _, w := range a {
		in[w] = true
	}
	common := 0
	for _, w := range b {
		if in[w] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}
