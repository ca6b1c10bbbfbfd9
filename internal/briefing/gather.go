package briefing

import (
	"fmt"

	"github.com/briefingatlas/atlas/internal/model"
)

// Library is the part of the store an export reads; *store.Store has these
// methods, so the CLI and the app pass their open store.
type Library interface {
	Starred() ([]model.Event, error)
	Article(id int64) (*model.Article, error)
}

// MentionLister is what a Library also offers when it can give the place
// names each article mentions; *store.Store does. Gather uses it when
// present, for the summary's place disagreements.
type MentionLister interface {
	MentionsIn(articleID int64) ([]model.Mention, error)
}

// Gather collects what goes into a briefing: the starred events if there are
// any (or, with onlyStarred, only ever those), else the events shown returns,
// which is the caller's query for its current filters. Hidden events stay
// out. filters describes those filters in words for the cover ("place
// Moscow"). The returned Briefing has Events, Articles and Scope set, and
// Mentions when lib is a MentionLister; the caller adds Title, Author and
// Prepared.
func Gather(lib Library, shown func() ([]model.Event, error), filters string, onlyStarred bool) (Briefing, error) {
	var b Briefing
	starred, err := lib.Starred()
	if err != nil {
		return b, fmt.Errorf("gather briefing: %w", err)
	}
	starred = Select(starred, true)
	switch {
	case len(starred) > 0 || onlyStarred:
		b.Events = starred
		b.Scope = "Events starred for the briefing"
	case shown != nil:
		evs, err := shown()
		if err != nil {
			return b, fmt.Errorf("gather briefing: %w", err)
		}
		b.Events = Select(evs, false)
		b.Scope = ScopeText(b.Events, filters)
	}
	b.Articles = map[int64]*model.Article{}
	for _, e := range b.Events {
		for _, s := range e.Sources {
			if _, done := b.Articles[s.ArticleID]; done || s.ArticleID == 0 {
				continue
			}
			a, err := lib.Article(s.ArticleID)
			if err != nil {
				return b, fmt.Errorf("gather briefing: source of %q: %w", e.Title, err)
			}
			b.Articles[s.ArticleID] = a
		}
	}
	if ml, ok := lib.(MentionLister); ok {
		b.Mentions = map[int64][]model.Mention{}
		for id := range b.Articles {
			ms, err := ml.MentionsIn(id)
			if err != nil {
				return b, fmt.Errorf("gather briefing: places named in article %d: %w", id, err)
			}
			for _, m := range ms {
				if m.Type == model.MentionPlace {
					b.Mentions[id] = append(b.Mentions[id], m)
				}
			}
		}
	}
	return b, nil
}
