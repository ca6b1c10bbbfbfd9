package extract

// One article's merges: the facets of one happening told in several
// sentences (mergeLocal), the same event retold on the same days
// (sameDayRetold), then the model events with their keys and titles
// (finish). MergeAll, in merge.go, merges across articles.

import (
	"sort"
	"strconv"
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// mergeLocal merges the facets of one happening within the article: the
// meeting, the talks, what was agreed and said there on one day, or the
// ceasefire mentioned three times.
func (d *doc) mergeLocal() {
	var kept []int
	for i := range d.events {
		d.events[i].side = d.actingSide(&d.events[i])
	}
	for i := range d.events {
		e := &d.events[i]
		if d.sequel(e) {
			// "Hours later, …", "a third blast": a new happening, which
			// what follows may retell, but which retells nothing before.
			e.sequel = true
			kept = append(kept, i)
			continue
		}
		best, bestScore := -1, -1
		for _, j := range kept {
			k := &d.events[j]
			score, ok := localSame(k, e)
			if !sameMeans(&k.Event, &e.Event) || !sameScope(&k.Event, &e.Event) || d.sidesApart(k, e) {
				// "Seven died when a car bomb exploded" and "a gunman
				// opened fire on the camp": two attacks of one day; the
				// presidential runoff and a governor's race, two votes;
				// "police fired tear gas" and "protesters occupied the
				// roads", two acts of one protest.
				continue
			}
			if !ok && best < 0 && d.recalls(e) && kindsCompatible(k.Kind, e.Kind) && e.Dated() && k.Start.Equal(e.Start) && eventEnd(&k.Event).Equal(eventEnd(&e.Event)) {
				// "The Sunday attacks were the worst ever": the article's
				// attacks of that day, the first it told, told again by a
				// definite noun.
				if pok, _ := placesCompatible(k.Place, e.Place); pok {
					score, ok = -1, true
				}
			}
			if !ok {
				continue
			}
			// Prefer the nearest earlier event among equals: discourse continuity.
			if score >= bestScore {
				best, bestScore = j, score
			}
		}
		if best >= 0 {
			k := &d.events[best]
			guessed := k.placeHow != "sentence" && e.placeHow == "sentence" && e.Place != nil
			Merge(&k.Event, &e.Event)
			if guessed {
				// "PORT-AU-PRINCE — A quake ripped through Haiti …" then
				// "its epicenter near Léogâne": the place a sentence
				// names beats the dateline's guess.
				c := *e.Place
				k.Place, k.placeHow = &c, "sentence"
			}
			for p := range e.persons {
				k.persons[p] = true
			}
			for c := range e.govs {
				k.govs[c] = true
			}
			// The key follows the first source: the earliest sentence and
			// its event word.
			k.anchor = min(k.anchor, e.anchor)
			if k.side == sideNone {
				k.side = e.side
			}
			e.merged = true
			continue
		}
		kept = append(kept, i)
	}
}

// recalls reports an event told only by definite event nouns ("the
// attacks", "Sunday's bombing"): it names a happening the reader is taken
// to know, one the article has told.
func (d *doc) recalls(e *evt) bool {
	if len(e.trigs) == 0 {
		return false
	}
	for _, ti := range e.trigs {
		t := d.triggers[ti]
		if t.form != formNoun || !d.definite(t.i) {
			return false
		}
	}
	return true
}

// sequel reports an event told as another happening after or beside one
// told before it: its sentence opens with "Hours later," or "Shortly
// afterwards,", or its event noun is counted on ("another blast", "a third
// explosion", "two more attacks").
func (d *doc) sequel(e *evt) bool {
	s := d.sents[e.sentence]
	for k := s.t0; k < s.t1 && k < s.t0+6; k++ {
		w := d.toks[k].low
		if sequelOpeners[w] || w == "after" && k > s.t0 {
			// "Later, …", "Minutes later, …", "A short time after, …": the
			// words before must all count time, and a comma ends it.
			for j := s.t0; j < k; j++ {
				if !sequelSpans[d.toks[j].low] {
					return d.countedOn(e)
				}
			}
			next := d.toks[min(k+1, s.t1-1)].low
			return next == "," || next == "that" || w == "later" && (next == "on" || next == "in")
		}
	}
	return d.closesLater(s) || d.countedOn(e) || d.opensWithOrdinal(s)
}

// opensWithOrdinal reports a sentence whose subject is an ordinal standing
// for an event noun told before ("A second, of magnitude 7.5, hit …",
// "The third struck at noon"): another happening of its kind.
func (d *doc) opensWithOrdinal(s sent) bool {
	k := s.t0
	if k+2 >= s.t1 || !titleDeterminers[d.toks[k].low] || !ordinalSubjects[d.toks[k+1].low] {
		return false
	}
	next := d.toks[k+2]
	return next.low == "," || next.word && !next.cap && d.finiteVerbAt(k+2)
}

// closesLater reports a sentence that ends on "later" or "afterwards",
// perhaps after a span ("came under attack soon afterwards", "was
// arrested hours later"): it tells what happened after the story so far.
func (d *doc) closesLater(s sent) bool {
	k := s.t1 - 1
	for k > s.t0 && !d.toks[k].word {
		k--
	}
	if w := d.toks[k].low; w != "later" && w != "afterwards" && w != "afterward" || k == s.t0 {
		return false
	}
	// Only spans may come between it and the clause: "soon afterwards",
	// "a short time later"; "as was decided later" is no sequel.
	for j := k - 1; j > s.t0 && sequelSpans[d.toks[j].low]; j-- {
		k = j
	}
	prev := d.toks[k-1]
	return prev.word && !subordinators[prev.low] && !auxiliaries[prev.low]
}

// countedOn reports an event noun of e with "another", "a third", "two
// more", "a further" or "a separate" before it.
func (d *doc) countedOn(e *evt) bool {
	for _, ti := range e.trigs {
		t := &d.triggers[ti]
		if t.form != formNoun || t.statement || t.kind == model.KindStatement {
			continue
		}
		s := d.sents[t.sentence]
		for k := t.i - 1; k >= s.t0 && k >= t.i-3; k-- {
			w := d.toks[k].low
			if sequelDeterminers[w] {
				// "more" counts on only after a number ("two more"), not
				// as a comparative ("more attacks are feared"); "one
				// another" is no other happening.
				prev := ""
				if k > s.t0 {
					prev = d.toks[k-1].low
				}
				switch w {
				case "more":
					return smallNumbers[prev] > 1 || digitsOnly(prev)
				case "further", "fresh", "separate":
					return prev == "a" // "a further strike", "a separate earthquake"; not "further said"
				}
				return prev != "one"
			}
			if !d.toks[k].word || mergeStopWords[w] {
				// Only describing words come between: "another deadly
				// blast", not "one another the deal".
				break
			}
		}
	}
	return false
}

// localSame decides whether two events of one article are one happening,
// and how strongly (shared people and place).
func localSame(a, b *evt) (int, bool) {
	if !kindsCompatible(a.Kind, b.Kind) || a.Planned != b.Planned {
		return 0, false
	}
	if a.Dated() != b.Dated() {
		return 0, false
	}
	if ta, tb := a.Sources[0].TimeText, b.Sources[0].TimeText; a.sentence == b.sentence && ta != "" && tb != "" && !strings.EqualFold(ta, tb) {
		// "invaded Afghanistan in 2001 after the Sept. 11 attacks": one
		// sentence that gives two events two times tells two.
		return 0, false
	}
	if a.Dated() {
		if !datesOverlap(&a.Event, &b.Event) {
			return 0, false
		}
	} else {
		// Undated article: the same time phrase, or one of them told as part
		// of the story without a time phrase of its own.
		ta, tb := strings.ToLower(a.Sources[0].TimeText), strings.ToLower(b.Sources[0].TimeText)
		if ta != tb && ta != "" && tb != "" {
			return 0, false
		}
	}
	ok, same := placesCompatible(a.Place, b.Place)
	if !ok {
		return 0, false
	}
	if a.Place != nil && b.Place != nil && a.Place.Key != b.Place.Key && a.placeHow == "sentence" && b.placeHow == "sentence" && !isArea(a.Place) && !isArea(b.Place) {
		// "seized Tikrit" and "seized portions of Baiji": two towns the
		// article names for two events, however near each other.
		return 0, false
	}
	sp, so := sharedActors(&a.Event, &b.Event)
	if so == 0 && sp == 0 {
		// "The United States and Russia agreed" and "Kerry … with Russian
		// Foreign Minister Lavrov": the same states, named differently.
		for c := range a.govs {
			if b.govs[c] {
				so++
			}
		}
	}
	score := matchScore(sp, so, same)
	if a.Kind == model.KindStatement && b.Kind == model.KindStatement && len(a.persons) > 0 && len(b.persons) > 0 && sp == 0 {
		// Two people's statements of one day in one town are two.
		return 0, false
	}
	if !diplomatic(a.Kind) {
		// Two attacks, two fires on one day are told apart by what their
		// sentences say: one happening is retold with some of its words.
		if w := sharedWords(&a.Event, &b.Event) - placeWordsShared(&a.Event, &b.Event); sp+so == 0 && w < 1 {
			return 0, false
		}
		return score, true
	}
	if len(a.persons) > 0 && len(b.persons) > 0 && sp == 0 && !same {
		return 0, false
	}
	if score > 0 {
		return score, true
	}
	// An event with neither place nor actors ("The two also agreed…")
	// belongs with the nearest earlier one of its day.
	if b.Place == nil && len(b.Actors) == 0 || a.Place == nil && len(a.Actors) == 0 {
		return 0, true
	}
	return 0, false
}

// told is what the article's text says of one of its events beyond the
// model event: whether it is a sequel (see sequel), and which side of a
// confrontation acted (see actingSide).
type told struct {
	sequel bool
	side   string
}

// finish turns the article's events into model events: keys, titles and
// confidence, in text order, with how the text tells each (see told).
func (d *doc) finish() ([]model.Event, []told) {
	var out []model.Event
	var how []told
	// The first event of a kind in a sentence keeps the key earlier
	// versions gave it, so that edits made before survive; the others
	// add the offset of their word in the sentence.
	type group struct {
		start int
		kind  model.Kind
	}
	first := map[group]int{}
	for i := range d.events {
		e := &d.events[i]
		if e.merged {
			continue
		}
		sort.SliceStable(e.Sources, func(a, b int) bool { return e.Sources[a].Start < e.Sources[b].Start })
		g := group{e.Sources[0].Start, e.Kind}
		if a, ok := first[g]; !ok || e.anchor < a {
			first[g] = e.anchor
		}
	}
	keys := map[string]int{}
	for i := range d.events {
		e := &d.events[i]
		if e.merged {
			continue
		}
		off := e.anchor - e.Sources[0].Start
		if first[group{e.Sources[0].Start, e.Kind}] == e.anchor {
			off = -1
		}
		e.Key = eventKey(d.a.SHA256, e.Sources[0].Start, off, e.Kind)
		if n := keys[e.Key]; n > 0 {
			// Two events of one kind made by the same word cannot happen
			// today; should it, the text order still keeps keys apart and
			// stable.
			keys[e.Key] = n + 1
			e.Key = eventKey(d.a.SHA256, e.Sources[0].Start, e.anchor-e.Sources[0].Start, e.Kind+model.Kind("#"+strconv.Itoa(n+1)))
		} else {
			keys[e.Key] = 1
		}
		e.Title = makeTitle(&e.Event)
		if t := d.deadlineTitle(e); t != "" {
			e.Title = t
		}
		if e.Kind == model.KindStatement && len(e.Actors) == 0 {
			// "the Miyagi police chief said": no name, but a speaker.
			if sp := d.speaker(e); sp != "" {
				e.Title = statementBy(sp, e.Place)
			}
		}
		if d.speechAct(e) {
			// "Chan urged the protesters to retreat": the act, when the
			// clause names what it was about; "Apple announced" alone says
			// less than "Statement by Apple".
			if t := d.clauseTitle(e); t != "" && !endsOnVerb(t) {
				e.Title = t
			}
		} else if !templated(e.Kind) || len(e.Actors) == 0 && d.signedDeed(e) || e.Kind == model.KindProposal && d.verbHeaded(e) || d.agreedTo(e) ||
			oneSided(&e.Event) && d.finiteHead(e) || d.claimsDeed(e) {
			// A meeting's template needs two parties to say more than its
			// kind ("Kerry meets Lavrov"); with one, the clause says what
			// was done ("Macron visits area", "Americans withdraw").
			// A deed's template without actors says only its kind
			// ("Agreement"); its clause says who signed what.
			if t := d.clauseTitle(e); t != "" {
				e.Title = t
			} else if e.verb != "" {
				e.Title = otherTitle(&e.Event, e.verb)
			}
		}
		if e.Kind == model.KindStatement {
			if t := d.sayTitle(e); t != "" {
				e.Title = t
			} else if d.speechAct(e) && d.actOnClause(e) {
				// "warned that the military was ready to step in to stop
				// a purge": no short headline holds it, and "warns
				// military" would misread it.
				e.Title = makeTitle(&e.Event)
			}
		}
		if bareTitle(&e.Event) || !strings.Contains(e.Title, " ") {
			// "The rebels declared a three-day ceasefire": the clause
			// says more than a one-word template ("Ceasefire").
			if t := d.clauseTitle(e); t != "" && !endsOnVerb(t) {
				e.Title = t
			}
		}
		e.PlaceGuessed = e.Place != nil && e.placeHow != "sentence" && e.placeHow != "learned"
		out = append(out, e.Event)
		how = append(how, told{sequel: e.sequel, side: e.side})
	}
	return out, how
}

// claimsDeed reports a statement made by claiming a deed ("IS claimed
// responsibility for the attacks"), which its clause titles better than
// "Statement by".
func (d *doc) claimsDeed(e *evt) bool {
	if e.Kind != model.KindStatement {
		return false
	}
	if d.directive(e.trigs) >= 0 {
		// "Leaders urge supporters to retreat" says what was urged.
		return true
	}
	ti := d.headTrigger(e)
	if ti < 0 {
		return false
	}
	t := d.triggers[ti]
	s := d.sents[t.sentence]
	return t.i+1 < s.t1 && claimObjects[d.toks[t.i+1].low]
}

// speaker is the subject of a statement's verb when it names no actor
// ("the JR rail company said" → "JR rail company"), or "".
func (d *doc) speaker(e *evt) string {
	ti := d.headTrigger(e)
	if ti < 0 || d.triggers[ti].form == formNoun {
		return ""
	}
	t := d.triggers[ti]
	sn := d.sents[t.sentence]
	subj, passive := d.subjectPhrase(t.i, sn)
	if passive || subj == "" || pronouns[strings.ToLower(subj)] || !cleanPhrase(subj) || len(strings.Fields(subj)) > 5 {
		return ""
	}
	// "the Miyagi police chief", "France's prime minister": the names
	// before the noun say whose it is.
	end := d.toks[t.i].s
	at := strings.LastIndex(d.text[d.toks[sn.t0].s:end], subj)
	if at < 0 {
		return subj
	}
	at += d.toks[sn.t0].s
	k := sn.t0
	for k < t.i && d.toks[k].s < at {
		k++
	}
	start := k
	for n := 0; start-1 >= sn.t0 && n < 3; n++ {
		w := d.toks[start-1]
		if w.low == "'s" && start-2 >= sn.t0 && d.toks[start-2].cap {
			start -= 2 // "France's", at the start of the sentence too
			continue
		}
		if w.word && w.cap && !w.first && !titleDeterminers[w.low] {
			start--
			continue
		}
		break
	}
	if start == k {
		return subj
	}
	return d.text[d.toks[start].s:at] + subj
}

// speechAct reports a statement headed by a verb that does something by
// saying it ("urged the protesters to retreat", "denied the charges",
// "announced plans to shut 1,100 dealerships"): its clause says more than
// "Statement by".
func (d *doc) speechAct(e *evt) bool {
	t, ok := d.headOfKind(e, model.KindStatement)
	return ok && t.form != formNoun && speechActVerbs[d.toks[t.i].low]
}

// endsOnVerb reports a title whose last word is a verb in the present
// ("Apple Computer announces"): a headline that names no object.
func endsOnVerb(title string) bool {
	f := strings.Fields(title)
	if len(f) == 0 {
		return true
	}
	w := strings.ToLower(f[len(f)-1])
	if len(f) > 1 && strings.EqualFold(f[len(f)-2], "to") {
		return false // "… urges Muslims to cooperate": the deed urged
	}
	if lemma, ok := lexicon.VerbLemma(w); ok && (w == lemma || w == inflect(lemma)[0]) && !lexicon.IsNoun(w) {
		return true
	}
	return false
}

// agreedTo reports an agreement told as "agreed to" do something
// ("Microsoft agreed on Tuesday to buy Activision"): what was agreed is
// the headline, not "Microsoft reaches agreement".
func (d *doc) agreedTo(e *evt) bool {
	t, ok := d.headOfKind(e, model.KindAgreement)
	if !ok || t.form == formNoun || !commissiveVerbs[d.toks[t.i].low] {
		return false
	}
	return strings.TrimSpace(d.urgedDeed(t.i+t.words, d.sents[t.sentence])) != ""
}

// headOfKind is the head trigger of an event of kind k (see headTrigger);
// false for another kind or no head.
func (d *doc) headOfKind(e *evt, k model.Kind) (trig, bool) {
	if e.Kind != k {
		return trig{}, false
	}
	ti := d.headTrigger(e)
	if ti < 0 {
		return trig{}, false
	}
	return d.triggers[ti], true
}

// statementBy titles a statement by a speaker, with its place when it fits
// and the speaker does not already name it.
func statementBy(speaker string, p *model.Place) string {
	t := "Statement by " + speaker
	if p != nil && !strings.Contains(strings.ToLower(speaker), strings.ToLower(p.Name)) && len(t)+len(p.Name)+4 <= maxTitle {
		t += " in " + p.Name
	}
	return t
}

// oneSided reports an event of a kind whose template, with one party,
// says less than the clause (a visit is no meeting, a withdrawal has a
// doer) that names no second party.
func oneSided(e *model.Event) bool {
	switch e.Kind {
	case model.KindMeeting, model.KindTalks, model.KindConference, model.KindWithdrawal:
		_, obj := titleActors(e.Actors, e.Kind)
		return obj == ""
	}
	return false
}

// finiteHead reports an event whose kind a finite verb gives ("visited",
// "withdrew"), not an infinitive or a noun.
func (d *doc) finiteHead(e *evt) bool {
	ti := d.headTrigger(e)
	if ti < 0 {
		return false
	}
	f := d.triggers[ti].form
	return f == formPast || f == formPres || e.Planned && f == formBase || d.continuedBy(d.triggers[ti], d.sents[d.triggers[ti].sentence]) != "" // "will visit", "began to withdraw"
}

// verbHeaded reports an event whose kind a verb gives ("the home minister
// proposed a bill"), whose clause makes a better title than its template.
func (d *doc) verbHeaded(e *evt) bool {
	ti := d.headTrigger(e)
	return ti >= 0 && d.triggers[ti].form != formNoun
}

// sameDayRetold merges the events of one article that the cross-outlet
// rules call one happening and that the text dates on exactly the same
// days (a meeting told in the lead and again further down with other
// words), so that an article gives the same events whether it is merged
// with others by MergeAll or by the store. A sequel (how[i].sequel) retells
// nothing before it, and the acts of two sides of a confrontation are two.
func sameDayRetold(events []model.Event, how []told) []model.Event {
	out := events[:0]
	var sides []string
	for i := range events {
		e := &events[i]
		merged := false
		for j := range out {
			k := &out[j]
			if how[i].sequel {
				break
			}
			if sidesDiffer(sides[j], how[i].side) {
				continue
			}
			if e.Dated() && k.Start.Equal(e.Start) && eventEnd(k).Equal(eventEnd(e)) && SameEvent(k, e) {
				Merge(k, e)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, *e)
			sides = append(sides, how[i].side)
		}
	}
	return out
}

// twoNamedTowns reports two events of one article whose sentences name
// two different towns as their places ("seized Tikrit", "seized portions
// of Baiji"): the article tells them apart, however near the towns are.
func twoNamedTowns(a, b *model.Event) bool {
	if a.Place == nil || b.Place == nil || a.Place.Key == b.Place.Key || isArea(a.Place) || isArea(b.Place) {
		return false
	}
	named := func(e *model.Event) bool {
		for _, s := range e.Sources {
			if strings.Contains(s.Text, e.Place.Name) {
				return true
			}
		}
		return false
	}
	return named(a) && named(b)
}

// signedDeed reports an agreement without actors told by a finite verb
// ("The two states signed a border treaty"): its template would say only
// "Agreement", its clause says who signed what.
func (d *doc) signedDeed(e *evt) bool {
	t, ok := d.headOfKind(e, model.KindAgreement)
	return ok && (t.form == formPast || t.form == formPres) && d.prevWord(t.i) != "to"
}
