package extract

import (
	"slices"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// News retells what earlier reports told without dating it again: "the
// co-pilot of the jet that went down in the Alps, killing 150", "days
// after the typhoon struck". Such an event is the same happening as
// another outlet's dated report of it, and takes that report's date, so
// that it joins that report's event instead of being lost.

// DateRetold dates the events an article published on published tells
// without a date (Extraction.Retold) from the reports: each takes the
// date of the report it plainly retells (Reports.sameAs) among those
// dated no later than the article, unless the article's own events (own)
// tell that event already, the one sharing most salient words,
// and its sentence is marked as dated so (model.DateHowRetold). The
// report must use one of the words that tell it (model.Retold.Told). Events no
// report retells are left out.
func (p *Reports) DateRetold(retold []model.Retold, own []model.Event, published time.Time) []model.Event {
	if p == nil || len(p.events) == 0 || published.IsZero() {
		return nil
	}
	day := model.Day(published)
	var out []model.Event
	for i := range retold {
		uw := withWords(&retold[i].Event)
		u := &uw
		best, bestN := -1, 0
		for _, j := range p.alike(u, minReportWords-1) {
			r := &p.events[j]
			if r.Start.After(day) || !usesAny(r.Words, retold[i].Told) || !p.sameAs(u, j, true) && !p.samePlaceAndKind(u, r) {
				continue
			}
			d := *u
			d.Start, d.End, d.Precision = r.Start, r.End, r.Precision
			if !SameEvent(r, &d) || tellsAlready(own, &d) || tellsAlready(own, r) {
				// Dated so, it would not join the report, but be an event
				// of its own on a date its article does not give; or its
				// article tells that event already, dated.
				continue
			}
			n := p.salientShared(u, r)
			if n > bestN || n == bestN && best >= 0 && len(r.Sources) > len(p.events[best].Sources) {
				best, bestN = j, n
			}
		}
		if best < 0 {
			continue
		}
		r := &p.events[best]
		e := retold[i].Event
		e.Start, e.End, e.Precision = r.Start, r.End, r.Precision
		out = append(out, e)
	}
	return out
}

// samePlaceAndKind reports a retelling of r's kind in r's place that
// shares two salient words with it ("the botched coup" in Ankara and a
// report of the coup in Ankara): with the word that tells it in common,
// what sameAs asks of any two events is more than a retelling needs.
func (p *Reports) samePlaceAndKind(u, r *model.Event) bool {
	if u.Kind != r.Kind || u.Planned != r.Planned || sharesArticle(u, r) {
		return false
	}
	if _, same := placesCompatible(u.Place, r.Place); !same {
		return false
	}
	return p.salientShared(u, r) >= minReportWords-1
}

// usesAny reports whether words, sorted, hold one of told: a report of
// the same happening tells it with one of the same words ("crashed" and
// "crash", "attacks" and "attacked"), where a sentence on the rescue does
// not retell a death.
func usesAny(words, told []string) bool {
	for _, w := range told {
		if _, ok := slices.BinarySearch(words, w); ok {
			return true
		}
	}
	return false
}

// tellsAlready reports whether one of own, an article's events, is the
// same event as e.
func tellsAlready(own []model.Event, e *model.Event) bool {
	for i := range own {
		if SameEvent(&own[i], e) {
			return true
		}
	}
	return false
}

// salientShared counts the salient content words u and r share.
func (p *Reports) salientShared(u, r *model.Event) int {
	n := 0
	forSharedWords(u, r, func(w string) {
		if p.df[w] <= p.common {
			n++
		}
	})
	return n
}
