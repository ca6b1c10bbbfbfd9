package extract

import (
	"math"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// sameDayBonus puts every same-day candidate before any a day apart.
const sameDayBonus = 1000

// SameEvent reports whether a and b are the same real-world event reported
// twice: compatible kinds (the same, or facets of one diplomatic encounter),
// both planned or both past, overlapping dates (or adjacent days when they
// also share an actor or place: talks that run into the night are dated
// differently by different reports), compatible places, and for
// encounters at least one shared actor or the same known place. Undated
// events are never merged: nothing says they coincide.
func SameEvent(a, b *model.Event) bool {
	_, ok := sameEvent(a, b)
	return ok
}

// Match reports whether report, one article's event, is the same event as
// stored (an event already kept, perhaps merged from several reports), and
// how strongly they agree. A report joins the stored event it matches best,
// the earliest kept on a tie: MergeAll does so, and so does the store on
// import, so that both group the same reports alike.
func Match(stored, report *model.Event) (score int, ok bool) {
	return sameEvent(stored, report)
}

// MergeClass names the events an event can ever be merged with: dated
// events of compatible kinds (kindsCompatible is an equivalence, and Merge
// keeps an event's kind within it), both planned or both past. Two events
// of different classes never meet in MergeAll, so MergeAll over each class
// apart gives MergeAll over all: what lets a distributed pipeline merge
// the classes in parallel. Undated events have no class ("").
func MergeClass(e *model.Event) string {
	if !e.Dated() {
		return ""
	}
	c := kindFamily(e.Kind)
	switch {
	case diplomatic(e.Kind):
		c = "diplomatic"
	case c == "":
		c = "kind:" + string(e.Kind)
	}
	if e.Planned {
		return c + "/planned"
	}
	return c + "/past"
}

// CompatibleKinds lists the kinds an event of kind k can be merged with
// (k among them), so that the store asks only for those.
func CompatibleKinds(k model.Kind) []model.Kind {
	out := []model.Kind{k}
	for _, o := range model.Kinds {
		if o != k && kindsCompatible(k, o) {
			out = append(out, o)
		}
	}
	return out
}

// MaySameEvent is what SameEvent asks first, of the events' kinds, dates and
// places alone: false means no sentences could make them one event. The
// store screens merge candidates with it before loading their sentences.
func MaySameEvent(a, b *model.Event) bool {
	if !kindsCompatible(a.Kind, b.Kind) || a.Planned != b.Planned || !a.Dated() || !b.Dated() {
		return false
	}
	ok, _ := placesCompatible(a.Place, b.Place)
	return ok || guessedApart(a, b)
}

// guessedApart reports two reports of one kind on the same day whose
// places conflict only because one of them is a guess: "Tymoshenko was
// freed from prison" in a story filed from Kiev, and "she was driven out of
// the hospital in Kharkiv" in another. Their places are in one country.
// sameEvent then also asks for a person both name; Merge keeps the named
// place.
func guessedApart(a, b *model.Event) bool {
	if a.Place == nil || b.Place == nil || !(a.PlaceGuessed || b.PlaceGuessed) {
		return false
	}
	if a.Place.Country == "" || a.Place.Country != b.Place.Country || a.Kind != b.Kind {
		return false
	}
	return datesOverlap(a, b) && notMonthOrYear(a) && notMonthOrYear(b)
}

// sameEvent is SameEvent that also tells how strongly the two agree (see
// matchScore), so that MergeAll can pick the best of several matches.
func sameEvent(a, b *model.Event) (int, bool) {
	if !kindsCompatible(a.Kind, b.Kind) || a.Planned != b.Planned {
		return 0, false
	}
	if !a.Dated() || !b.Dated() {
		return 0, false
	}
	ok, same := placesCompatible(a.Place, b.Place)
	if !ok && !guessedApart(a, b) {
		return 0, false
	}
	sp, so := sharedActors(a, b)
	if !ok && sp == 0 {
		// Places a guess sets apart meet only over a person both name.
		return 0, false
	}
	if sharesArticle(a, b) && twoNamedTowns(a, b) {
		// An article that named two towns for two events keeps them
		// apart, whatever another outlet merged with one of them.
		return 0, false
	}
	if !datesOverlap(a, b) {
		// Reports of one day's event may date it a day apart (talks running
		// past midnight, time zones, "yesterday" in a late edition); accept
		// that only with something else in common. Not for statements: one
		// person speaks again the next day ("said in a statement on
		// Tuesday that he would not return", "flew back on Wednesday and
		// told supporters").
		if a.Kind == model.KindStatement && b.Kind == model.KindStatement || !(notMonthOrYear(a) && notMonthOrYear(b) && daysApart(a, b) <= 1 && (sp+so > 0 || same || inDivision(a.Place, b.Place) || inDivision(b.Place, a.Place))) {
			return 0, false
		}
	}
	if !sameMeans(a, b) || !sameScope(a, b) {
		// A bombing and a shooting of one day in one city are two
		// attacks, whichever outlet tells them; a governor's election
		// and the presidential runoff are two votes.
		return 0, false
	}
	if a.Kind == model.KindStatement && b.Kind == model.KindStatement && hasPerson(a) && hasPerson(b) && sp == 0 {
		// Two people's statements are two, in one town on one day too.
		return 0, false
	}
	if diplomatic(a.Kind) || a.Kind == model.KindConference || a.Kind == model.KindProposal || a.Kind == model.KindPublication {
		if hasPerson(a) && hasPerson(b) && sp == 0 && !same {
			return 0, false
		}
		if sp+so == 0 && !same && !unnamedSpeaker(a, b) {
			return 0, false
		}
	}
	// Two reports of one happening tell it in some of the same words ("the
	// earthquake", "Tikrit", "the airport"); two events of one kind on one
	// day that share no word are different events, even in one city.
	words := sharedWords(a, b)
	if sp+so == 0 && words < 2 && !(words == 1 && oneTownOneDay(a, b, same) && placeWordsShared(a, b) == 0) {
		return 0, false
	}
	score := matchScore(sp, so, same) + words
	// A day apart is allowed for want of a same-day twin (see above): any
	// candidate of the same day comes first, and of those the one of the
	// same kind ("the attack" of Wednesday, not the manhunt of Thursday
	// whose report recalls it).
	if datesOverlap(a, b) {
		score += sameDayBonus
	}
	if a.Kind == b.Kind {
		score++
	}
	return score, true
}

// unnamedSpeaker reports two statements of one day, one of them by no one
// named ("student leaders urged supporters to retreat", where another
// outlet names the leader who urged the protesters to retreat): they may be
// one, on the words they share (sameEvent asks for two).
func unnamedSpeaker(a, b *model.Event) bool {
	return a.Kind == model.KindStatement && b.Kind == model.KindStatement && (len(a.Actors) == 0 || len(b.Actors) == 0) && datesOverlap(a, b)
}

// oneTownOneDay reports two events of one kind on the same day in the same
// town (same says their places are one): there, one salient word in common
// is enough ("looters raided grocery stores", "a grocery that was stormed"
// in a photo caption filed from the town), where a province or a country
// holds too many happenings of a kind for one word to tell them apart.
func oneTownOneDay(a, b *model.Event, same bool) bool {
	return same && a.Kind == b.Kind && a.Place != nil && !isArea(a.Place) && datesOverlap(a, b)
}

// placeWordsShared counts the words of a's and b's place names among the
// words they share: a town's name says nothing of which of its happenings
// a sentence tells.
func placeWordsShared(a, b *model.Event) int {
	var names string
	for _, p := range []*model.Place{a.Place, b.Place} {
		if p != nil {
			names += " " + strings.ToLower(p.Name)
		}
	}
	if names == "" {
		return 0
	}
	n := 0
	forSharedWords(a, b, func(w string) {
		if strings.Contains(names, w) {
			n++
		}
	})
	return n
}

// matchScore weighs what two reports of one event share: a person counts
// three times another actor, and so does the same known place.
func matchScore(persons, others int, samePlace bool) int {
	score := 3*persons + others
	if samePlace {
		score += 3
	}
	return score
}

// notMonthOrYear reports a date not given as a month or a year, for which
// "a day apart" would mean nothing.
func notMonthOrYear(e *model.Event) bool {
	return e.Precision != model.PrecisionYear && e.Precision != model.PrecisionMonth
}

// kindsCompatible: equal kinds, two facets of one encounter, or kinds one
// report may call by the other's name (an attack and military action, a
// disaster and an accident, an arrest and a charge, a vote and an election,
// a plan and its publication).
func kindsCompatible(a, b model.Kind) bool {
	return a == b || diplomatic(a) && diplomatic(b) || kindFamily(a) != "" && kindFamily(a) == kindFamily(b)
}

func kindFamily(k model.Kind) string {
	switch k {
	case model.KindMilitary, model.KindAttack:
		return "force"
	case model.KindDisaster, model.KindAccident:
		return "calamity"
	case model.KindArrest, model.KindLegal:
		return "justice"
	case model.KindPolitical, model.KindElection:
		return "politics"
	case model.KindProposal, model.KindPublication:
		// A plan made public is told as the plan and as its publication.
		return "document"
	}
	return ""
}

func eventEnd(e *model.Event) time.Time {
	if e.End.IsZero() {
		return e.Start
	}
	return e.End
}

func datesOverlap(a, b *model.Event) bool {
	return !a.Start.After(eventEnd(b)) && !b.Start.After(eventEnd(a))
}

func daysApart(a, b *model.Event) int {
	if datesOverlap(a, b) {
		return 0
	}
	var gap time.Duration
	if eventEnd(a).Before(b.Start) {
		gap = b.Start.Sub(eventEnd(a))
	} else {
		gap = a.Start.Sub(eventEnd(b))
	}
	return int(math.Round(gap.Hours() / 24))
}

func hasPerson(e *model.Event) bool {
	for _, a := range e.Actors {
		if a.Type == model.ActorPerson {
			return true
		}
	}
	return false
}

// sharedActors counts the people and the other actors both events name.
func sharedActors(a, b *model.Event) (persons, others int) {
	for i := range a.Actors {
		for j := range b.Actors {
			if sameActor(&a.Actors[i], &b.Actors[j]) {
				if a.Actors[i].Type == model.ActorPerson {
					persons++
				} else {
					others++
				}
				break
			}
		}
	}
	return
}

// personKeys memoises ActorKey for people's names: merging compares the
// same few names many times.
var personKeys memo[string]

// personKey is ActorKey of a person named name.
func personKey(name string) string {
	return personKeys.get(name, func(n string) string {
		return ActorKey(model.Actor{Name: n, Type: model.ActorPerson})
	})
}

// sameActor compares actors across articles: people by surname with a
// compatible first name ("Sergei"/"Sergey Lavrov", "Kerry"/"John Kerry"),
// others by folded name or alias.
func sameActor(a, b *model.Actor) bool {
	if a.Type != b.Type {
		return false
	}
	if a.Type == model.ActorPerson {
		// People meet by the identity the store files them under
		// (ActorKey: the surname's skeleton and the first name's
		// initial), so that a merge here and in the store agree.
		ka, kb := personKey(a.Name), personKey(b.Name)
		if ka == kb {
			return true
		}
		fam := ActorKeyFamily(ka)
		if fam != ActorKeyFamily(kb) {
			return false
		}
		if ka == fam || kb == fam {
			return true // a surname alone meets any full name of it
		}
		// "Hosni Mubarak" and "Mohammed Hosni Mubarak": the shorter name's
		// first name is among the longer one's given names.
		fa, fb := strings.Fields(a.Name), strings.Fields(b.Name)
		if len(fa) > len(fb) {
			fa, fb = fb, fa
		}
		if len(fa) < 2 {
			return false
		}
		first := strings.ToLower(fa[0])
		for _, g := range fb[1 : len(fb)-1] {
			if strings.ToLower(g) == first {
				return true
			}
		}
		return false
	}
	na, nb := fold(a.Name), fold(b.Name)
	if na == nb {
		return true
	}
	for _, s := range a.Aliases {
		if fold(s) == nb {
			return true
		}
	}
	for _, s := range b.Aliases {
		if fold(s) == na {
			return true
		}
	}
	return false
}

// sharesArticle reports two events with a source from one article.
func sharesArticle(a, b *model.Event) bool {
	for _, x := range a.Sources {
		for _, y := range b.Sources {
			if x.File == y.File && x.ArticleID == y.ArticleID {
				return true
			}
		}
	}
	return false
}

// MergeAll merges events reported by several articles; the result keeps
// the order of first appearance. Each event joins the merged event it
// matches best (Match), the earliest on a tie, or starts a new one; the
// store does the same on import, so that `atlas extract` and an import of
// the same files group the same reports. An article's own events are never
// candidates for each other, nor is a merged event that holds one of them:
// mergeLocal and sameDayRetold already merged what one article tells twice,
// and an event the article told apart ("two more explosions, hours later")
// must not join another outlet's report of its first one for want of a
// twin of its own.
func MergeAll(events []model.Event) []model.Event {
	out := make([]model.Event, 0, len(events))
	// Each event is compared only with the merged events that could lie
	// within a day of it: short ones are indexed by day, long ones by
	// month, the rare ones longer than the month index covers always.
	// Which are compared never changes the result (the best match, the
	// earliest on a tie), only how fast it is found: by month alone, a
	// class of 20,000 events over 20 years took 1.5 s, growing with the
	// square of the events.
	const shortDays, maxMonths = 62, 36
	byDay := map[int64][]int{}     // short merged events, by each of their days
	byMonth := map[int][]int{}     // every merged event, by each month of its dates
	longByMonth := map[int][]int{} // merged events longer than shortDays, by month
	var huge []int                 // merged events longer than maxMonths
	days := func(e *model.Event) (int64, int64) {
		return model.Day(e.Start).Unix() / 86400, model.Day(eventEnd(e)).Unix() / 86400
	}
	months := func(e *model.Event) ([]int, bool) {
		a := e.Start.Year()*12 + int(e.Start.Month()) - 1
		b := eventEnd(e).AddDate(0, 0, 1)
		z := b.Year()*12 + int(b.Month()) - 1
		capped := z-a > maxMonths
		if capped {
			z = a + maxMonths
		}
		var ms []int
		for m := a - 1; m <= z; m++ {
			ms = append(ms, m)
		}
		return ms, capped
	}
	add := func(idx []int, j int) []int {
		if !containsInt(idx, j) {
			idx = append(idx, j)
		}
		return idx
	}
	index := func(j int) {
		d0, d1 := days(&out[j])
		short := d1-d0 <= shortDays
		if short {
			for d := d0; d <= d1; d++ {
				byDay[d] = add(byDay[d], j)
			}
		}
		ms, capped := months(&out[j])
		for _, m := range ms {
			byMonth[m] = add(byMonth[m], j)
			if !short {
				longByMonth[m] = add(longByMonth[m], j)
			}
		}
		if capped {
			huge = add(huge, j)
		}
	}
	for i := range events {
		e := events[i]
		if !e.Dated() {
			out = append(out, e)
			continue
		}
		if e.Words == nil {
			// Worked out once, not again for each candidate it is
			// compared with (sharedWords, meansOf, electionScope).
			e.Words = contentWords(&e)
		}
		best, bestScore := -1, -1
		seen := map[int]bool{}
		consider := func(j int) {
			if seen[j] {
				return
			}
			seen[j] = true
			if sharesArticle(&out[j], &e) {
				return
			}
			score, ok := sameEvent(&out[j], &e)
			if ok && (score > bestScore || score == bestScore && j < best) {
				best, bestScore = j, score
			}
		}
		d0, d1 := days(&e)
		ms, capped := months(&e)
		switch {
		case capped:
			for j := range out {
				consider(j)
			}
		case d1-d0 <= shortDays:
			for d := d0 - 1; d <= d1+1; d++ {
				for _, j := range byDay[d] {
					consider(j)
				}
			}
			for _, m := range ms {
				for _, j := range longByMonth[m] {
					consider(j)
				}
			}
		default:
			for _, m := range ms {
				for _, j := range byMonth[m] {
					consider(j)
				}
			}
		}
		for _, j := range huge {
			consider(j)
		}
		if best >= 0 {
			Merge(&out[best], &e)
			index(best)
			continue
		}
		out = append(out, e)
		index(len(out) - 1)
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
