package extract

import (
	"math"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timex"
)

// cost measures how far apart two token positions are for the purpose of
// linking a time or place to an event word: words count 1, commas 2, clause
// boundaries and brackets more. Tokens of time expressions are free.
func (d *doc) cost(a, b int) int {
	if a > b {
		a, b = b, a
	}
	c := 0
	for k := a + 1; k < b; k++ {
		if d.tokTime[k] >= 0 {
			continue
		}
		if e := d.tokEnt[k]; e >= 0 && k > a+1 && d.tokEnt[k-1] == e {
			continue // a name counts as one word
		}
		t := &d.toks[k]
		if t.scare {
			continue
		}
		switch {
		case t.low == ",":
			c += 2
		case t.low == ";" || t.low == ":" || t.low == "--" || t.low == "(" || t.low == ")" || t.low == `"`:
			c += 5
		case !t.word:
		case subordinators[t.low]:
			c += 3
		default:
			c++
		}
	}
	return c
}

// clauseDayCost is what a day inside a relative clause set off by commas
// costs the main clause's verb on top of its distance.
const clauseDayCost = 6

// maxTimeCost is the farthest a time expression may be from the event word
// it dates.
const maxTimeCost = 10

// attachTimes links each trigger to the time expression governing it.
func (d *doc) attachTimes() {
	byS := map[int][]int{}
	for i := range d.times {
		x := &d.times[i]
		if x.usable {
			byS[x.sentence] = append(byS[x.sentence], i)
			x.aside0, x.aside1 = d.aside(x.t0, x.sentence)
			x.clause0, x.clause1 = -1, -1
			if x.aside0 > 0 && d.toks[x.aside0-1].low == "," && x.Precision == model.PrecisionDay {
				// "The storm, which made landfall on Sunday, flooded the
				// coast": a day in the clause is the story's own, and the
				// main clause may take it; a span of years is background
				// ("Lula, who served from 2003 to 2010, took 51%").
				x.clause0, x.clause1 = x.aside0, x.aside1
				x.aside0, x.aside1 = -1, -1
			}
		}
	}
	// When no time expression near an event word can date it, these ask
	// in turn whether another clause does (each says which, with its
	// case): the event noun a relative clause describes ("Friday's
	// earthquake that hit Japan"), what was reported on the day it was
	// told, what happened as or while something dated did, the main
	// clause's day for an as-clause, the dated verb an "and" joins it to
	// ("stormed the palace last Saturday and later set fire to …"), and
	// an after-clause on the publication day ("tweeted after the blaze
	// broke out on Monday").
	fromClause := []func(int) int{d.relativeOfNoun, d.subjectNounTime, d.reportedTime, d.simultaneousTime, d.asClauseTime, d.coordinatedTime, d.afterToday}
	for ti := range d.triggers {
		tr := &d.triggers[ti]
		if d.perfectNow(tr) {
			// "have now seized portions of Baiji": the state at the time
			// of writing, whatever day another clause names.
			continue
		}
		best, bestCost := -1, math.MaxInt
		before := false // told in an "after" clause of a time before it
		mainVerb := tr.form == formPast || tr.form == formPres
		charged := d.accusedOf(tr)
		for _, xi := range byS[tr.sentence] {
			x := &d.times[xi]
			if x.quoted != tr.quoted {
				continue
			}
			if k := d.sinceBeforeNoun(tr.i); tr.form == formNoun && k >= 0 && x.t1 <= k {
				// "the biggest protest on Saturday since the election":
				// the election is the point the record counts from.
				continue
			}
			if x.from1 > x.from0 && tr.i >= x.from0 && tr.i < x.from1 {
				// "a week after [the quake]": the quake is not of that day.
				continue
			}
			if x.only1 > x.only0 && (tr.i < x.only0 || tr.i >= x.only1) {
				// "on Monday, a day after [a plane crashed]": Sunday is
				// the crash's day only.
				continue
			}
			only := x.only1 > x.only0
			if x.aside0 >= 0 && (tr.i < x.aside0 || tr.i >= x.aside1) {
				// "handed control to Leon Panetta – still CIA director
				// until July – who …": an aside's time is its own.
				continue
			}
			var c int
			if x.prenominal {
				if (x.bound < tr.i || x.bound >= tr.i+tr.words) && !d.takesPart(tr, x) {
					continue
				}
				c = 0
			} else {
				// Time before the trigger: count from its end; after: from its start.
				if x.t1 <= tr.i {
					c = d.cost(x.t1-1, tr.i)
				} else {
					c = d.cost(tr.i+tr.words-1, x.t0)
				}
				if mainVerb && x.t1 <= tr.i && d.preposed(x) && d.firstVerbAfter(x.t1, tr.sentence) == tr.i && !d.otherTimeClause(x.t1, tr.i) {
					// A verb inside an "after" or "before" clause is not
					// the main verb the opening time dates ("Early on
					// Sunday firefighters found …, hours after the ship
					// hit rocks on Friday night").
					c = min(c, 2)
				}
				if only {
					c = 0 // the clause it heads is what it dates
				}
				if x.clause0 >= 0 && (tr.i < x.clause0 || tr.i >= x.clause1) && !(tr.form == formNoun && tr.i+tr.words == x.clause0-1) {
					// "The ferry, which caught fire on Tuesday, sank to
					// the bottom on Thursday": the main clause's own day
					// comes first, however near the clause's. Not for the
					// noun the clause is about: "the Geneva talks, which
					// paused today" are today's.
					c += clauseDayCost
				}
			}
			if !tr.statement && tr.kind != model.KindStatement && x.sayer >= 0 && x.sayer != ti && (d.triggers[x.sayer].i > tr.i || tr.irrealis && d.futureTimeAfter(tr)) {
				// "… before being killed by a police officer, officials
				// said on Sunday", "announced Friday that she will resign
				// as party leader on June 7": the day the words were said,
				// when the sentence gives the deed a day of its own.
				continue
			}
			if (tr.statement || tr.kind == model.KindStatement) && x.Precision != model.PrecisionDay && x.Precision != model.PrecisionWeek && !x.prenominal && x.t0 > tr.i && c > 2 {
				// "said sales fell last year": a month or a year after the
				// verb dates what was said, not the saying.
				continue
			}
			if (tr.statement || tr.kind == model.KindStatement) && tr.form == formPres && !d.dct.IsZero() && x.Anchored && x.End.Before(d.dct.AddDate(0, -1, 0)) {
				// "killings in Matabeleland in the 1980s, which he
				// denies": what someone says now is not of a past period.
				continue
			}
			if tr.irrealis && !x.Future && tr.i >= 2 && d.toks[tr.i-1].low == "to" && lexicon.IsAdjective(d.toks[tr.i-2].low) && !lexicon.IsVerb(d.toks[tr.i-2].low) {
				// "rushed to the airport on Monday, desperate to flee": a
				// wish, dated by nothing but the deed it goes with.
				continue
			}
			if tr.irrealis && !tr.quoted && !x.Future && x.Anchored && !d.dct.IsZero() && x.End.Before(d.dct) && !x.prenominal {
				// "said on Wednesday the ministers would meet": a past day
				// dates the saying, not what was to happen.
				continue
			}
			if charged {
				// "accused Russian forces on Sunday of killing civilians":
				// Sunday is the accusation's; the killing came before.
				tr.timeRejected, before = true, true
				continue
			}
			if d.designatedDay(x) {
				// "declared Thursday a day of national mourning": the day
				// is what was declared, not when.
				continue
			}
			if !x.prenominal && x.t0 >= tr.i+tr.words && d.distantRelationBetween(tr.i+tr.words, x.t0) {
				// "The accident comes only weeks after the governor
				// announced last month": the time is the earlier event's,
				// weeks away from this one.
				tr.timeRejected = true
				continue
			}
			if !x.prenominal && x.t1 <= tr.i && d.afterClauseBetween(x.t1, tr.i) {
				// "reached survivors on Saturday as Japan reeled after an
				// earthquake struck": what happened before that day is
				// not of it; another report may date it (Retold).
				tr.timeRejected, before = true, true
				continue
			}
			if x.Future && !d.futureFits(tr, x) {
				if c <= 2*maxTimeCost {
					// The sentence has its own time, but it cannot date this
					// word: do not fall back on the story's day either.
					tr.timeRejected = true
				}
				continue
			}
			if c < bestCost {
				best, bestCost = xi, c
			}
		}
		if before && best < 0 {
			continue
		}
		if best < 0 || bestCost > maxTimeCost {
			for _, from := range fromClause {
				if xi := from(ti); xi >= 0 {
					best, bestCost = xi, 0
					break
				}
			}
		}
		if best >= 0 && bestCost <= maxTimeCost {
			tr.time = best
		} else if best >= 0 && d.onlyTimeFor(tr, byS[tr.sentence]) && d.framesSentence(&d.times[best]) && !tr.irrealis && !tr.quoted && !tr.statement && tr.kind != model.KindStatement && !d.reportsSomething(tr.sentence) {
			// "On Sunday, Obama … cut short his round to return to the
			// White House for a meeting": a time that opens the sentence,
			// its only one, frames everything told in it.
			tr.time = best
		} else if best >= 0 && bestCost <= 3*maxTimeCost && d.onlyTimeFor(tr, byS[tr.sentence]) && (!d.subordinateBetween(tr, &d.times[best]) || d.whenClauseTime(tr, &d.times[best])) {
			// "Militants seized most of the northern city of Tikrit,
			// birthplace of …, on Wednesday": the sentence's one date
			// belongs to its main verb, however long the object between;
			// but when the main verb reports ("said there was widespread
			// burning of homes … on Sunday"), to the event it reports.
			inner := d.reportedBefore(tr.sentence, &d.times[best])
			if inner == ti || inner < 0 && (d.mainVerb(ti) || d.lightObject(ti)) {
				tr.time = best
			}
		}
	}
}

// relativeOfNoun is the time of the event noun that a relative clause
// opened by trigger ti describes ("the tsunami that hit the coast",
// "the bombs which exploded"), or -1.
func (d *doc) relativeOfNoun(ti int) int {
	tr := &d.triggers[ti]
	s := d.sents[tr.sentence]
	k := tr.i - 1
	if k <= s.t0 || tr.form != formPast && tr.form != formPres {
		return -1
	}
	if w := d.toks[k].low; w != "that" && w != "which" {
		return -1
	}
	for _, oi := range d.sentTrigs[tr.sentence] {
		o := &d.triggers[oi]
		if o.form == formNoun && o.i+o.words >= k-3 && o.i+o.words <= k && o.time >= 0 {
			return o.time
		}
	}
	return -1
}

// subjectNounTime is the time of the event noun that is the subject of
// verb trigger ti when a time before the noun dates it alone ("A 1999
// quake near the city of Izmit killed 17,000 people"), or -1.
func (d *doc) subjectNounTime(ti int) int {
	tr := &d.triggers[ti]
	if tr.form != formPast && tr.form != formPres || tr.i == 0 {
		return -1
	}
	s := d.sents[tr.sentence]
	k := d.eventHeadBefore(tr.i-1, s)
	if xi := d.tokTime[k]; xi >= 0 && d.times[xi].prenominal && d.times[xi].bound >= 0 && d.times[xi].bound < d.times[xi].t0 {
		// "The London bombings of 2005 killed 52 people": the time after
		// the noun (bindPostnominal).
		k = d.times[xi].bound
	}
	for _, oi := range d.sentTrigs[tr.sentence] {
		o := &d.triggers[oi]
		if o.form == formNoun && o.i <= k && k < o.i+o.words && o.time >= 0 && d.times[o.time].prenominal {
			return o.time
		}
	}
	return -1
}

// reportedTime is the time of the reporting verb whose "that" clause holds
// trigger ti, when ti is told as done (past or perfect, not under a modal),
// or -1. The reporting verb's own time must already be attached.
func (d *doc) reportedTime(ti int) int {
	tr := &d.triggers[ti]
	if tr.form != formPast || tr.irrealis || tr.negated || tr.quoted {
		return -1
	}
	s := d.sents[tr.sentence]
	for _, oi := range d.sentTrigs[tr.sentence] {
		o := &d.triggers[oi]
		if oi == ti || o.i >= tr.i || !(o.statement || o.kind == model.KindStatement) || o.time < 0 {
			continue
		}
		x := &d.times[o.time]
		if x.Future || x.Precision != model.PrecisionDay {
			continue
		}
		for k := o.i + o.words; k < tr.i && k < s.t1; k++ {
			if d.toks[k].low == "that" {
				return o.time
			}
		}
	}
	return -1
}

// framesSentence reports a day that opens its sentence, set off by a
// comma: "On Sunday, …", "Late on Friday, …".
func (d *doc) framesSentence(x *texpr) bool {
	return x.Precision == model.PrecisionDay && !x.Future && d.preposed(x) && x.t1 < d.sents[x.sentence].t1 && d.toks[x.t1].low == ","
}

// reportsSomething reports a sentence with a reporting verb: what it
// reports ("Kerry insisted that … the ceasefire …") is not framed by the
// day the telling opens with.
func (d *doc) reportsSomething(si int) bool {
	for _, ti := range d.sentTrigs[si] {
		if t := &d.triggers[ti]; t.statement || t.kind == model.KindStatement {
			return true
		}
	}
	return false
}

// reportedBefore is the event word nearest before time expression x that
// a reporting main verb of sentence si introduces ("said there was
// widespread burning of homes in … on Sunday": "burning"), or -1 when the
// sentence's main verb reports nothing before x.
func (d *doc) reportedBefore(si int, x *texpr) int {
	mv := -1
	for _, oi := range d.sentTrigs[si] {
		if d.mainVerb(oi) {
			mv = oi
			break
		}
	}
	if mv < 0 {
		return -1
	}
	m := &d.triggers[mv]
	if !(m.statement || m.kind == model.KindStatement) || x.t0 <= m.i {
		return -1
	}
	best := -1
	for _, oi := range d.sentTrigs[si] {
		o := &d.triggers[oi]
		if oi == mv || o.quoted || o.statement || o.kind == model.KindStatement || o.i <= m.i || o.i+o.words > x.t0 {
			continue
		}
		if best < 0 || o.i > d.triggers[best].i {
			best = oi
		}
	}
	return best
}

// perfectNow reports a verb in the present perfect with "now" or
// "already" before it ("have now seized", "has already fled").
func (d *doc) perfectNow(tr *trig) bool {
	k := tr.i - 1
	s := d.sents[tr.sentence]
	if k <= s.t0 || tr.form != formPast {
		return false
	}
	if w := d.toks[k].low; w != "now" && w != "already" {
		return false
	}
	w := d.toks[k-1].low
	return w == "have" || w == "has"
}

// mainVerb reports the first finite, unquoted event verb of its sentence.
func (d *doc) mainVerb(ti int) bool {
	tr := &d.triggers[ti]
	if tr.quoted || tr.form != formPast && tr.form != formPres && tr.form != formGerund {
		return false
	}
	first := -1
	for _, tj := range d.sentTrigs[tr.sentence] {
		t := d.triggers[tj]
		if t.form != formPast && t.form != formPres || t.adjectival {
			continue
		}
		if first < 0 {
			first = tj
		}
		if a0, a1 := d.aside(t.i, tr.sentence); a0 >= 0 && t.i >= a0 && t.i < a1 {
			// "Flight JT610, a Boeing delivered in August, came down":
			// the aside's verb is not the sentence's, when a verb
			// outside it is.
			continue
		}
		return tj == ti
	}
	return first == ti
}

// lightObject reports an event noun that is the object of its sentence's
// first verb, a light verb: "Jobs gave his annual keynote at … on Monday"
// is dated as the sentence's main event.
func (d *doc) lightObject(ti int) bool {
	tr := &d.triggers[ti]
	if tr.quoted || tr.form != formNoun {
		return false
	}
	s := d.sents[tr.sentence]
	for k := tr.i - 1; k >= s.t0 && k >= tr.i-4; k-- {
		w := d.toks[k].low
		if lightVerbs[w] {
			return d.firstVerbAfter(s.t0, tr.sentence) < 0 || d.firstVerbAfter(s.t0, tr.sentence) > k
		}
		if !d.toks[k].word || d.tokEnt[k] >= 0 || subordinators[w] {
			return false
		}
	}
	return false
}

// futureFits says whether a time after publication can date trigger tr:
// a deadline ("targeted by August", "proposed for August"), something
// planned ("will meet on Monday", "a conference next month"), but not a
// past-tense verb or a statement.
func (d *doc) futureFits(tr *trig, x *texpr) bool {
	if deadlineSignal(x) {
		return true
	}
	if tr.statement || tr.kind == model.KindStatement {
		return false
	}
	if tr.irrealis {
		return true
	}
	if tr.form == formNoun {
		switch tr.kind {
		case model.KindMeeting, model.KindTalks, model.KindConference, model.KindDeadline, model.KindElection:
			// "a conference next month", "the vote in June" — unless the
			// sentence tells of a past act ("proposed a plan at a meeting
			// on Wednesday"): then the time cannot be after publication.
			return !d.realisPast(tr.sentence)
		case model.KindLegal:
			// "three officers face trial in March", "a hearing next week".
			return scheduledHearings[d.toks[tr.i].low] && !d.realisPast(tr.sentence)
		}
	}
	return false
}

// deadlineSignal: "by August", "until December 7", "for August".
func deadlineSignal(x *texpr) bool {
	return x.Signal == "by" || x.Signal == "for" || x.Signal == "until" || x.Signal == "till" || strings.Contains(x.Mod, "BEFORE")
}

// realisPast reports whether sentence si has a past-tense event verb that
// is not under a modal.
func (d *doc) realisPast(si int) bool {
	for _, ti := range d.sentTrigs[si] {
		t := d.triggers[ti]
		if t.form == formPast && !t.irrealis && !t.adjectival && !t.quoted {
			return true
		}
	}
	return false
}

// storyDate finds the day the article reports on: the recent day (within a
// week before publication) that its narrative mentions most, else the
// publication day itself when the article carries a dateline.
func (d *doc) storyDate() {
	if d.dct.IsZero() {
		return
	}
	counts := map[time.Time]int{}
	for _, x := range d.times {
		if !x.usable || !x.Anchored || x.quoted || x.Future || x.Precision != model.PrecisionDay || x.Signal == "since" {
			// "detained since Monday": the day a state began, not the
			// story's.
			continue
		}
		if d.sents[x.sentence].headline || x.sayer >= 0 {
			// "officials said on Sunday": the day of the telling, not
			// of the news.
			continue
		}
		if x.Type == timex.TypeTime && clockOnly.MatchString(strings.TrimSpace(x.Text)) {
			// "by 7 p.m.": a time of day takes its day from the text
			// around it and names none of its own.
			continue
		}
		day := model.Day(x.Start)
		if day.After(d.dct) || day.Before(d.dct.AddDate(0, 0, -7)) {
			continue
		}
		counts[day]++
	}
	best, n := time.Time{}, 0
	for day, c := range counts {
		if c > n || c == n && day.After(best) {
			best, n = day, c
		}
	}
	if n > 0 {
		d.story = best
		return
	}
	if d.a.Dateline != "" {
		d.story = d.dct
	}
}

// takesPart reports a verb that takes part in the event noun its
// prenominal time x binds, right after it: "won Sunday's runoff",
// "attended Monday's meeting", "survived Friday's attack" happened on
// that day; "condemned Friday's attack" did not (participationVerbs).
func (d *doc) takesPart(tr *trig, x *texpr) bool {
	if tr.form == formNoun || !participationVerbs[d.toks[tr.i].low] || x.bound < 0 {
		return false
	}
	if x.bound > tr.i && x.bound-(tr.i+tr.words) <= 8 {
		// "won a landslide in the general election of December 2012",
		// "in the 2012 general election": the noun the time binds, in the
		// verb's object or its phrase, with no clause between.
		for k := tr.i + tr.words; k < min(x.bound, x.t0); k++ {
			if w := d.toks[k].low; !d.toks[k].word || subordinators[w] || d.finiteVerbAt(k) {
				return false
			}
		}
		return true
	}
	for k := tr.i + tr.words; k < x.t0; k++ {
		if !titleDeterminers[d.toks[k].low] {
			return false
		}
	}
	return x.t0 >= tr.i+tr.words && x.t0-(tr.i+tr.words) <= 1
}

// afterToday is the day of an after-clause that trigger ti's verb governs
// when that day is the article's own ("Macron tweeted after the blaze broke
// out on Monday", written that Monday), or -1. What followed that day's
// happening and was reported the same day happened on it; when the report
// is later, the clause's day bounds the event only from below, and the
// event keeps no day.
func (d *doc) afterToday(ti int) int {
	tr := &d.triggers[ti]
	if d.dct.IsZero() || tr.form != formPast || tr.irrealis || tr.negated || tr.quoted {
		return -1
	}
	s := d.sents[tr.sentence]
	k := tr.i + tr.words
	// A few words may come between the verb and "after": "wrote on Twitter
	// after", "spoke to reporters hours after".
	for n := 0; k < s.t1 && n < 4 && d.toks[k].low != "after"; k, n = k+1, n+1 {
		if w := d.toks[k].low; !d.toks[k].word || subordinators[w] || d.tokTime[k] >= 0 || d.finiteVerbAt(k) {
			return -1
		}
	}
	if k >= s.t1 || d.toks[k].low != "after" {
		return -1
	}
	for j := k + 1; j < s.t1 && j < k+16; j++ {
		if w := d.toks[j].low; w == ";" || w == "," || subordinators[w] {
			return -1
		}
		xi := d.tokTime[j]
		if xi < 0 {
			continue
		}
		x := &d.times[xi]
		if !x.usable || x.prenominal || !d.publicationDay(x) {
			return -1
		}
		return xi
	}
	return -1
}

// publicationDay reports a time expression that names the day the article
// was published, as a day.
func (d *doc) publicationDay(x *texpr) bool {
	return !d.dct.IsZero() && x.Precision == model.PrecisionDay && !x.Future && model.Day(x.Start).Equal(d.dct)
}

// scheduledHearings are the court's days that are set ahead ("face trial
// in March", "a hearing next week").
var scheduledHearings = map[string]bool{"trial": true, "retrial": true, "hearing": true, "hearings": true, "sentencing": true, "arraignment": true}
