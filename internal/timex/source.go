package timex

import (
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// SourceDate is the calendar date one source sentence gives its event,
// re-read against that sentence's own article's publication date. The store
// keeps the words ("on Friday"), not the date each source implied, so that
// merged reports keep one date per event; this recovers each report's
// reading, to show where they disagree. The sentence is tagged whole, not
// its time words alone, so that tense and wording ("concluded on
// Thursday", "by August") resolve as extraction resolved them. A sentence
// dated "publication day" or undated gives no date of its own.
func SourceDate(s model.Source, published time.Time) (Expr, bool) {
	text := strings.TrimSpace(s.TimeText)
	if text == "" || s.DateHow == "publication day" || s.DateHow == "undated" {
		return Expr{}, false
	}
	at := s.TimeSpan.Start - s.Span.Start
	var found *Expr
	exprs := Tag(s.Text, published)
	for i, x := range exprs {
		if x.Span.Start <= at && at < x.Span.End || (found == nil && x.Text == text) {
			found = &exprs[i]
		}
	}
	if found == nil {
		if exprs = Tag(text, published); len(exprs) > 0 {
			found = &exprs[0]
		}
	}
	if found == nil || !found.Anchored || found.Start.IsZero() || found.Type != TypeDate {
		return Expr{}, false
	}
	x := *found
	if x.End.Before(x.Start) {
		x.End = x.Start
	}
	return x, true
}
