package extract

// How two reports of one event fold into one: sources and actors joined,
// the date the text gives, the better place, the more telling kind and
// title, a confidence raised by the second report.

import (
	"math"
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// Merge folds src into dst: the union of sources, their words and actors,
// the tighter date (or both days when they are adjacent), the more precise
// place, the more telling kind, and a confidence raised by the second
// report.
func Merge(dst, src *model.Event) {
	// Whose date the text gives is judged before the sources are joined.
	dstOwn, srcOwn := ownTime(dst), ownTime(src)
	// A retelling dated by a report (model.DateHowRetold) gives way to it,
	// whichever is merged into which: the report tells what happened, the
	// retelling recalls it.
	dstRetold, srcRetold := onlyRetold(dst), onlyRetold(src)
	retelling := dstRetold && !srcRetold
	retold := srcRetold && !dstRetold // src recalls what dst reports
	// And whether a title is its clause's, not the kind's template; only
	// kinds whose template says little ask (a title costs to make, and
	// merges are many).
	var dstClause, srcClause bool
	if sparseTemplate(dst.Kind) || sparseTemplate(src.Kind) {
		dstClause, srcClause = clauseTitled(dst), clauseTitled(src)
	}
	// The words of the joined sentences, kept so that a stored event is
	// matched without them.
	dst.Words = unionWords(contentWords(dst), contentWords(src))
	for _, s := range src.Sources {
		dup := false
		for _, t := range dst.Sources {
			if t.File == s.File && t.ArticleID == s.ArticleID && t.Start == s.Start && t.End == s.End {
				dup = true
				break
			}
		}
		if !dup {
			dst.Sources = append(dst.Sources, s)
		}
	}
	for _, a := range src.Actors {
		found := false
		for i := range dst.Actors {
			if sameActor(&dst.Actors[i], &a) {
				found = true
				if len(a.Name) > len(dst.Actors[i].Name) {
					dst.Actors[i].Aliases = appendUnique(dst.Actors[i].Aliases, dst.Actors[i].Name)
					dst.Actors[i].Name = a.Name
				}
				if dst.Actors[i].Title == "" {
					dst.Actors[i].Title = a.Title
				}
				break
			}
		}
		if !found {
			dst.Actors = append(dst.Actors, a)
		}
	}
	switch {
	case !dst.Dated() && src.Dated():
		dst.Start, dst.End, dst.Precision = src.Start, src.End, src.Precision
	case dst.Dated() && src.Dated() && srcOwn && !dstOwn && !datesOverlap(dst, src):
		// "took control Tuesday" against a report that dates the same
		// capture by the story's day: the date the text gives wins.
		dst.Start, dst.End, dst.Precision = src.Start, eventEnd(src), src.Precision
	case dst.Dated() && src.Dated() && dstOwn && !srcOwn && !datesOverlap(dst, src):
	case dst.Dated() && src.Dated():
		if datesOverlap(dst, src) {
			if eventEnd(src).Sub(src.Start) < eventEnd(dst).Sub(dst.Start) {
				dst.Start, dst.End, dst.Precision = src.Start, eventEnd(src), src.Precision
			}
		} else {
			if src.Start.Before(dst.Start) {
				dst.Start = src.Start
			}
			if eventEnd(src).After(eventEnd(dst)) {
				dst.End = eventEnd(src)
			}
			dst.Precision = model.PrecisionRange
		}
	}
	before := dst.Place
	if !retold || dst.PlaceGuessed && src.Place != nil && !src.PlaceGuessed {
		// A retelling keeps to the report's place, unless the report
		// only guessed it and the retelling names it.
		dst.Place, dst.PlaceGuessed = placeOf(dst, src)
	}
	if !retold && kindRank[src.Kind] > kindRank[dst.Kind] && kindsCompatible(src.Kind, dst.Kind) {
		dst.Kind = src.Kind
	}
	dst.Planned = dst.Planned && src.Planned
	hi := math.Max(dst.Confidence, src.Confidence)
	dst.Confidence = round2(math.Min(0.99, hi+(1-hi)*0.3))
	dst.Hidden = dst.Hidden && src.Hidden
	dst.InBriefing = dst.InBriefing || src.InBriefing
	dst.Edited = dst.Edited || src.Edited
	if dst.Note == "" {
		dst.Note = src.Note
	}
	switch {
	case retelling && src.Title != "":
		dst.Title, dst.Kind = src.Title, src.Kind
		if src.Place != nil {
			dst.Place, dst.PlaceGuessed = src.Place, src.PlaceGuessed
		}
	case retold:
		// The report's title, whatever names the retelling's gives.
	case bareTitle(dst) && src.Title != "" && !bareTitle(src) && !templated(src.Kind):
		// "Vote" says only the kind; "Early election in Ukraine" says
		// which.
		dst.Title = src.Title
	case sparseTemplate(dst.Kind) && dstClause:
		// "Islamic State claims responsibility" says more than
		// "Statement by Islamic State in Brussels".
	case sparseTemplate(dst.Kind) && srcClause:
		dst.Title = src.Title
	case dst.Title == "" || templated(dst.Kind):
		dst.Title = makeTitle(dst)
	case src.Title != "" && !templated(src.Kind) && samePlaceKey(src.Place, dst.Place) && namesIn(src.Title, dst.Place) > namesIn(dst.Title, dst.Place):
		// "Typhoon Haiyan batters Tacloban" says more than "Worst storms
		// in Tacloban": the title that names who or what, beyond the
		// place, wins.
		dst.Title = src.Title
	}
	if before != nil && dst.Place != nil && before.Key != dst.Place.Key {
		// "Coach rescued in Chiang Rai", the dateline's town, now placed
		// at Mae Sai, which another report names: the title follows the
		// map.
		if t, ok := strings.CutSuffix(dst.Title, " in "+before.Name); ok {
			dst.Title = t + " in " + dst.Place.Name
		}
	}
}

// bareTitle reports a title that is only its kind's name ("Vote",
// "Arrests"), which any title of another report says more than.
func bareTitle(e *model.Event) bool {
	return e.Title == kindNoun[e.Kind] || e.Title == "Event"
}

// sparseTemplate reports kinds whose template says little of what
// happened ("Statement by X", "Proposal involving X and Y"), which a
// report's clause title beats once merged.
func sparseTemplate(k model.Kind) bool {
	return k == model.KindStatement || k == model.KindProposal
}

// clauseTitled reports an event whose title is not its kind's template:
// one its sentence's clause gave ("Washington Post leaks proposal").
func clauseTitled(e *model.Event) bool {
	return e.Title != "" && e.Title != makeTitle(e)
}

// onlyRetold reports an event told only by retellings other reports
// dated (model.DateHowRetold).
func onlyRetold(e *model.Event) bool {
	for _, s := range e.Sources {
		if s.DateHow != model.DateHowRetold {
			return false
		}
	}
	return len(e.Sources) > 0
}

// samePlaceKey reports two places that are one, or both none: a title that
// names its own place must not go onto an event placed elsewhere.
func samePlaceKey(a, b *model.Place) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Key == b.Key
}

// namesIn counts the capitalised words of title t after its first that
// are not words of place p's name: the names a headline gives.
func namesIn(t string, p *model.Place) int {
	place := ""
	if p != nil {
		place = strings.ToLower(p.Name)
	}
	n := 0
	for i, w := range strings.Fields(t) {
		if i == 0 || w == "" || w[0] < 'A' || w[0] > 'Z' || strings.Contains(place, strings.ToLower(w)) {
			continue
		}
		n++
	}
	return n
}

// ownTime reports an event dated by a time expression of its own words,
// not by the day the story reports on.
func ownTime(e *model.Event) bool {
	for _, s := range e.Sources {
		if s.TimeText != "" {
			return true
		}
	}
	return false
}

// placeOf is the place of dst merged with src, and whether it is a
// guess: a place a report's sentence names beats the town another report
// was filed from ("CAIRO — … ran aground on Tuesday" and "ran aground and
// blocked the Suez Canal"); otherwise betterPlace decides.
func placeOf(dst, src *model.Event) (*model.Place, bool) {
	switch {
	case src.Place != nil && dst.Place != nil && dst.PlaceGuessed && !src.PlaceGuessed:
		return src.Place, false
	case src.Place != nil && dst.Place != nil && src.PlaceGuessed && !dst.PlaceGuessed:
		return dst.Place, false
	}
	p := betterPlace(dst.Place, src.Place)
	if p == src.Place && p != dst.Place {
		return p, src.PlaceGuessed
	}
	return p, dst.PlaceGuessed
}

// betterPlace prefers a known place, then a city over a country or
// region, then an unambiguous one.
func betterPlace(a, b *model.Place) *model.Place {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	if isArea(a) && !isArea(b) && (a.Country == "" || a.Country == b.Country) {
		return b
	}
	if a.Ambiguous && !b.Ambiguous && !isArea(b) {
		return b
	}
	return a
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
