package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timex"
)

// anaphoricTime matches time phrases that count from the day the story has
// reached rather than from the publication date: "the day before", "the
// next day", "hours later", "two weeks after", "a year earlier". The
// temporal tagger leaves them alone (it knows no events); the extractor
// anchors them on the last day the text named.
var anaphoricTime = regexp.MustCompile(`(?i)\b(?:the (?:day|night|evening) before|the previous (?:day|night|evening)|the (?:next|following) (?:day|morning|night|evening)|a day later|the day after|(?:hours|minutes|moments) (?:later|after|earlier|before)|(?:a short time|a short while|a little while|shortly|soon|minutes|moments|hours) (?:later|afterwards?)|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (day|week|month|year)s? (later|after|earlier|before))\b`)

// anaphoricCues are words every anaphoricTime phrase holds.
var anaphoricCues = []string{"before", "previous", "next", "following", "later", "after", "earlier"}

// mayCountFromStory reports a lower-cased sentence that holds one of them.
func mayCountFromStory(low string) bool {
	for _, c := range anaphoricCues {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}

var smallNumbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// anchorAnaphora adds the anaphoric time phrases of each sentence as time
// expressions dated from the narrative's reference day: the last day-
// precision date named before them in the three sentences before, else
// the day the story reports on. A phrase with nothing to count from stays
// out: an event is never dated by a guess.
func (d *doc) anchorAnaphora() {
	for si, s := range d.sents {
		if s.headline {
			continue
		}
		text := d.text[s.Start:s.End]
		if !mayCountFromStory(d.low[s.Start:s.End]) {
			continue // most sentences: spare them the regular expression
		}
		for _, m := range anaphoricTime.FindAllStringSubmatchIndex(text, -1) {
			start, end := s.Start+m[0], s.Start+m[1]
			t0, t1 := d.tokenRange(start, end, s)
			if t0 < 0 || d.coveredByDate(t0, t1) {
				continue
			}
			phrase := strings.ToLower(text[m[0]:m[1]])
			if sameDayPhrase(phrase) && strings.HasSuffix(phrase, "later") && d.endOfRetold(si, t0) {
				// "The botched coup, which saw tanks roll …, ended hours
				// later when …": hours after the coup began, not after the
				// day the narrative last named.
				d.sents[si].courseOf = true
				continue
			}
			// "Hours later" stays within the day the narrative is on,
			// which a paragraph of detail may have named further back.
			window := 3
			if sameDayPhrase(phrase) {
				window = 6
			}
			var ref time.Time
			ok := false
			if m[2] >= 0 && strings.EqualFold(text[m[4]:m[5]], "year") {
				// "joined in 1973, and voters endorsed staying in at a
				// referendum two years later": years count from the
				// year the sentence names.
				ref, ok = d.referenceYear(si, t0)
			}
			if !ok {
				ref, ok = d.referenceDay(si, t0, window)
			}
			from0, from1, only0, only1 := 0, 0, 0, 0
			if (strings.HasSuffix(phrase, " after") || strings.HasSuffix(phrase, " before")) && !strings.HasPrefix(phrase, "the ") && followedByWord(text[m[1]:]) {
				// "a year after the election" counts from the election, not
				// from the story's day: from the day the article gave that
				// event before, if it did; else it dates nothing. The words
				// naming that event are not of the new day.
				ref, ok = d.eventDayBefore(si, t1)
				from0, from1 = t1, t1
				for from1 < s.t1 && d.toks[from1].low != "," {
					from1++
				}
				if main, found := d.clauseDay(si, t0, from1); !ok && found && (clauseHasVerb(d.toks[t1:from1]) || d.opensWithEventNoun(t1, from1)) && !d.timeWithin(t1, from1) {
					// "China grounded the jets on Monday, a day after a
					// plane crashed": the clause's event lies a day before
					// the main clause's day; the phrase dates only it.
					ref, ok = main, true
					only0, only1 = t1, from1
					from0, from1 = 0, 0
				}
			}
			if !ok {
				continue
			}
			x := texpr{t0: t0, t1: t1, sentence: si, quoted: d.toks[t0].quoted, usable: true, bound: -1, from0: from0, from1: from1, only0: only0, only1: only1}
			x.Span = model.Span{Start: start, End: end}
			x.Text = text[m[0]:m[1]]
			x.Type = timex.TypeDate
			x.Anchored, x.Relative = true, true
			x.Precision = model.PrecisionDay
			back := strings.Contains(phrase, "before") || strings.Contains(phrase, "previous") || strings.Contains(phrase, "earlier")
			if only1 > only0 {
				// Counted from the main clause to the clause the phrase
				// heads: "a day after [it crashed]" is a day back.
				back = !back
			}
			switch {
			case back:
				if m[2] >= 0 {
					x.Start, x.Precision = countFrom(ref, text[m[2]:m[3]], text[m[4]:m[5]], -1)
				} else if sameDayPhrase(phrase) {
					x.Start = ref
				} else {
					x.Start = ref.AddDate(0, 0, -1)
				}
			default:
				if m[2] >= 0 {
					x.Start, x.Precision = countFrom(ref, text[m[2]:m[3]], text[m[4]:m[5]], 1)
				} else if sameDayPhrase(phrase) {
					x.Start = ref
				} else {
					x.Start = ref.AddDate(0, 0, 1)
				}
			}
			x.Start, x.End = periodOf(x.Start, x.Precision)
			x.Value = x.Start.Format("2006-01-02")
			if !d.dct.IsZero() && x.Start.After(d.dct) {
				x.Future = true
			}
			// "fell 3% from a year earlier": a baseline, known as a time
			// but dating nothing.
			x.usable = !d.baseline(t0, t1)
			idx := len(d.times)
			d.times = append(d.times, x)
			for k := t0; k < t1; k++ {
				d.tokTime[k] = idx
			}
		}
	}
}

// endOfRetold reports a sentence si that opens with a definite event noun
// ("The botched coup", "The siege") whose verb, before token t0, tells how
// it ended.
func (d *doc) endOfRetold(si, t0 int) bool {
	noun := d.subjectNoun(si)
	if noun < 0 || noun >= t0 {
		return false
	}
	for j := noun + 1; j < t0; j++ {
		if lemma, ok := lexicon.VerbLemma(d.toks[j].low); ok && lemma != d.toks[j].low && endVerbs[lemma] {
			return true
		}
	}
	return false
}

// subjectNoun is the token of the event noun a definite phrase opening
// sentence si heads ("The botched coup", "The siege"), or -1.
func (d *doc) subjectNoun(si int) int {
	s := d.sents[si]
	if w := d.toks[s.t0].low; !determiners[w] || w == "a" || w == "an" {
		return -1
	}
	for j := s.t0 + 1; j < s.t1 && j <= s.t0+3; j++ {
		if _, ok := d.eventNounAt(j); ok {
			return j
		}
		if !d.toks[j].word {
			return -1
		}
	}
	return -1
}

// referenceYear is the start of the last year named before token t0 in
// sentence si, with false when none is.
func (d *doc) referenceYear(si, t0 int) (time.Time, bool) {
	best := -1
	for i := range d.times {
		x := &d.times[i]
		if x.sentence != si || x.t0 >= t0 || !x.usable || !x.Anchored || x.quoted || x.Start.IsZero() || x.Precision != model.PrecisionYear {
			continue
		}
		if best < 0 || x.t0 > d.times[best].t0 {
			best = i
		}
	}
	if best < 0 {
		return time.Time{}, false
	}
	return d.times[best].Start, true
}

// clauseDay is the one day the rest of sentence si, outside the clause
// [c0, c1) that a counted phrase at c0 heads, names: the main clause's day
// ("grounded the jets on Monday, a day after …", "A day after …, rebels
// seized the town on Friday"). False when it names none or several.
func (d *doc) clauseDay(si, c0, c1 int) (time.Time, bool) {
	var day time.Time
	n := 0
	for i := range d.times {
		x := &d.times[i]
		if x.sentence != si || x.t0 >= c0 && x.t0 < c1 || !x.usable || !x.Anchored || x.quoted || x.Precision != model.PrecisionDay || x.Start.IsZero() || x.Relative && x.from1 > 0 {
			continue
		}
		// "SEOUL, June 13 (Yonhap) -- … officials said Wednesday": one
		// day named twice is one day.
		if n == 0 || !model.Day(x.Start).Equal(day) {
			day, n = model.Day(x.Start), n+1
		}
	}
	return day, n == 1
}

// timeWithin reports a time expression among tokens [t0, t1): a clause
// that gives its own day ("after the rebels announced on February 7")
// needs none counted for it.
func (d *doc) timeWithin(t0, t1 int) bool {
	for k := t0; k < t1; k++ {
		if d.tokTime[k] >= 0 {
			return true
		}
	}
	return false
}

// opensWithEventNoun reports an event noun heading the phrase [t0, t1)
// within its first words ("a day after his landmark summit with Kim",
// "two days after the vote"): an event the phrase counts from, which the
// main clause's day then dates.
func (d *doc) opensWithEventNoun(t0, t1 int) bool {
	for k := t0; k < t1 && k < t0+4; k++ {
		if _, ok := d.eventNounAt(k); ok {
			return true
		}
		if !d.toks[k].word || d.toks[k].cap && k > t0 {
			return false
		}
	}
	return false
}

// clauseHasVerb reports a verb in the past among toks: the words after
// "after" make a clause ("after a plane crashed"), not a noun phrase
// ("after the vote").
func clauseHasVerb(toks []tok) bool {
	for _, t := range toks {
		if t.word && !t.cap && (strings.HasSuffix(t.low, "ed") && isVerbForm(t.low) || pastForm(t.low)) {
			return true
		}
	}
	return false
}

// eventDayBefore is the day of the event that the words after token k
// name by its noun ("two days after the vote", "a week after the quake"),
// when an earlier sentence (up to six back) tells an event of that kind
// and names one day: "Kenyans voted on Tuesday". False when the words name
// no event noun or no such sentence precedes.
func (d *doc) eventDayBefore(si, k int) (time.Time, bool) {
	s := d.sents[si]
	if k < s.t1 && titleDeterminers[d.toks[k].low] {
		k++
	}
	if k >= s.t1 {
		return time.Time{}, false
	}
	w := d.toks[k].low
	kind, ok := nouns[w]
	if !ok {
		kind, ok = nouns[strings.TrimSuffix(w, "s")]
	}
	if !ok {
		return time.Time{}, false
	}
	for sj := si - 1; sj >= 0 && sj >= si-6; sj-- {
		told := false
		for j := d.sents[sj].t0; j < d.sents[sj].t1 && !told; j++ {
			u := d.toks[j].low
			if vt, isVerb := verbForms[u]; isVerb && vt.kind == kind || nouns[u] == kind || u == w {
				told = true
			}
		}
		if !told {
			continue
		}
		var day time.Time
		n := 0
		for i := range d.times {
			x := &d.times[i]
			if x.sentence == sj && x.usable && x.Anchored && !x.quoted && !x.Future && x.Precision == model.PrecisionDay && !x.Start.IsZero() {
				day, n = x.Start, n+1
			}
		}
		if n == 1 {
			return model.Day(day), true
		}
		return time.Time{}, false
	}
	return time.Time{}, false
}

// sameDayPhrase reports an anaphoric phrase, lower-cased, that stays on
// the day the narrative is on: "hours later", "minutes before", "a short
// time later", "shortly afterwards".
func sameDayPhrase(phrase string) bool {
	for _, p := range []string{"hours", "minutes", "moments", "a short ", "a little ", "shortly", "soon"} {
		if strings.HasPrefix(phrase, p) {
			return true
		}
	}
	return false
}

// countFrom moves ref by n units ("two weeks") in direction dir, and says
// how precisely the result is known.
func countFrom(ref time.Time, n, unit string, dir int) (time.Time, model.Precision) {
	k, ok := smallNumbers[strings.ToLower(n)]
	if !ok {
		k, _ = strconv.Atoi(n)
	}
	k *= dir
	switch strings.ToLower(unit) {
	case "day":
		return ref.AddDate(0, 0, k), model.PrecisionDay
	case "week":
		return ref.AddDate(0, 0, 7*k), model.PrecisionWeek
	case "month":
		return ref.AddDate(0, k, 0), model.PrecisionMonth
	}
	return ref.AddDate(k, 0, 0), model.PrecisionYear
}

// periodOf is the calendar period of precision p around day t.
func periodOf(t time.Time, p model.Precision) (time.Time, time.Time) {
	t = model.Day(t)
	switch p {
	case model.PrecisionWeek:
		start := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) // Monday
		return start, start.AddDate(0, 0, 6)
	case model.PrecisionMonth:
		start := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 1, -1)
	case model.PrecisionYear:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC), time.Date(t.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return t, t
}

// tokenRange finds the tokens of sentence s covering [start, end), or -1.
func (d *doc) tokenRange(start, end int, s sent) (int, int) {
	t0, t1 := -1, -1
	for k := s.t0; k < s.t1; k++ {
		if t0 < 0 && d.toks[k].s >= start {
			t0 = k
		}
		if d.toks[k].e <= end {
			t1 = k + 1
		}
	}
	if t0 < 0 || t1 <= t0 {
		return -1, -1
	}
	return t0, t1
}

// coveredByDate reports tokens the tagger already made a date or time of;
// a duration ("two weeks" of "two weeks later") gives way to the phrase.
func (d *doc) coveredByDate(t0, t1 int) bool {
	for k := t0; k < t1; k++ {
		if i := d.tokTime[k]; i >= 0 && d.times[i].Type != timex.TypeDuration {
			return true
		}
	}
	return false
}

// referenceDay is the day the narrative has reached before token t0 of
// sentence si: the last day-precision date named in that sentence or the
// window of sentences before it, else the story's day.
func (d *doc) referenceDay(si, t0, window int) (time.Time, bool) {
	best := -1
	for i := range d.times {
		x := &d.times[i]
		if x.sentence < si-window || x.sentence > si || x.sentence == si && x.t0 >= t0 {
			continue
		}
		if !x.usable || !x.Anchored || x.quoted || x.Precision != model.PrecisionDay || x.Start.IsZero() || x.Future {
			continue
		}
		if best < 0 || x.t0 > d.times[best].t0 {
			best = i
		}
	}
	if best >= 0 {
		return model.Day(d.times[best].Start), true
	}
	if !d.story.IsZero() {
		return d.story, true
	}
	return time.Time{}, false
}

// followedByWord reports a word right after a phrase ("after the vote"),
// as opposed to a comma or the end ("two days after,").
func followedByWord(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	return rest != "" && (rest[0] >= 'a' && rest[0] <= 'z' || rest[0] >= 'A' && rest[0] <= 'Z')
}
