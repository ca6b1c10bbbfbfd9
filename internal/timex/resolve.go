package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// resolve turns a match into an Expr, normalising it against dct.
func (t *tagger) resolve(m match) Expr {
	s, e := t.toks[m.start].s, t.toks[m.end-1].e
	x := Expr{Span: model.Span{Start: s, End: e}, Text: t.text[s:e], Type: m.typ, Mod: m.mod}
	if m.start > 0 && !t.possessive(m.end) {
		// "triggered by Saturday's quake": a day that owns a noun takes
		// no signal of its own from the preposition before the phrase.
		p := &t.toks[m.start-1]
		if mod, ok := signals[p.low]; ok && p.kind == kWord {
			x.Signal = p.low
			if x.Mod == "" && m.typ != TypeDuration && m.res != rLit {
				x.Mod = mod
			}
		}
	}
	if w := t.deadlineBefore(m.start - 1); x.Signal == "on" && w != "" {
		// "until noon on Monday", "by midnight on Friday": the deadline's
		// word governs the day.
		x.Signal = w
	}
	deadline := x.Signal == "by" || x.Signal == "until" || x.Signal == "till"
	tense := 0
	t.cueWord = ""
	if m.res != rLit {
		t.deadline = deadline
		tense = t.tense(m.start, m.end)
		t.deadline = false
	}
	dir := m.dir
	if dir == dirNearest && m.res == rYearless && x.Signal == "for" && tense < 0 {
		// "set an early election for May 25": what a date is set for lies
		// ahead of the setting, so the past tense of "set" says nothing
		// about its year; the nearest May 25 is meant.
		tense = 0
	}
	if dir == dirNearest && m.res == rWeekday && x.Signal == "for" && tense <= 0 {
		// "has called a larger rally in the capital for Sunday": the
		// day something is called or set for lies ahead of the calling.
		tense = 1
	}
	if dir == dirNearest {
		switch {
		case tense > 0 || deadline && tense == 0:
			dir = dirFuture
		case tense < 0:
			dir = dirPast
		default:
			dir = dirRecent
		}
	}
	known := !t.dct.IsZero()
	ahead := false // a past day dated after publication: told from a time zone ahead
	var c cal
	switch m.res {
	case rLit:
		if m.typ == TypeDuration && t.w(m.end-1) == "old" {
			if age, ok := t.ageDate(m, x); ok {
				return age
			}
		}
		x.Value = m.lit
		if m.present && known {
			x.Relative, x.Anchored = true, true
			x.Start, x.End, x.Precision = t.dct, t.dct, model.PrecisionDay
		}
		x.Future = m.future
		return x
	case rAbs:
		c = m.c
	case rYearless:
		c = m.c
		if known {
			c = fillYear(m.c, t.dct, dir)
		}
		if y := t.sentenceYear(m.start); y != 0 && known && y < t.dct.Year() {
			// "invaded in 2001 after the Sept. 11 attacks": a year the
			// sentence names just before is the date's.
			c = m.c
			c.y = y
		}
		x.Relative = true
	case rWeekday:
		x.Relative = true
		c = m.c
		if known {
			ref := t.dct
			if m.dir == dirNearest && tense == 0 && t.reportedFuture {
				// "said they would strike on Friday": what was said to
				// come lies ahead of the saying, which is the day the
				// sentence names before it ("said on Wednesday that…")
				// or else the day of the report.
				dir = dirFuture
				if said, ok := t.sayingDay(m.start); ok {
					ref = said
				}
			}
			if dir == dirFuture && (deadline || x.Signal == "for") {
				// "On Sunday the party … gave the president until noon
				// on Monday to resign": a deadline set on a day the
				// sentence names runs from that day, not from the paper's.
				if set, ok := t.sayingDay(m.start); ok && set.Before(ref) {
					ref = set
				}
			}
			if dir == dirNearest || dir == dirRecent {
				dir = dirPast // news reports weekdays that have passed unless told otherwise
			}
			c = day(weekdayNear(m.c.wd, ref, dir))
			if s, _ := c.interval(); dir == dirPast && ref.Equal(t.dct) && x.Mod == "START" && daysBetween(s, ref) == 6 {
				// "made landfall early Monday" in a Sunday edition: a
				// breaking report from a time zone ahead of the desk, not
				// a week-old event, which would be "last Monday".
				c = day(ref.AddDate(0, 0, 1))
				ahead = true
			}
			c.pod = m.c.pod
		}
	case rOffset:
		x.Relative = true
		if known {
			cur := current(m.unit, t.dct).shift(m.off)
			switch {
			case m.c.g == gQuarter || m.c.g == gMonth:
				// "the first quarter of last year", "this March": the
				// offset picks the year only.
				c = m.c
				c.y = cur.y
			case m.lastPast && tense <= 0:
				// "the weekend" in a weekday article is the one just past.
				c = cur
				if s, _ := cur.interval(); s.After(t.dct) {
					c = cur.shift(-1)
				}
			default:
				c = cur
			}
		} else {
			c = cal{g: m.unit}
			if m.c.g != gNone {
				c = m.c
			}
		}
	case rAnaphor:
		x.Relative = true
		x.Assumed = m.unit == gDay && t.lastDay.y == 0 || m.unit != gDay && t.last.y == 0
		c = t.anaphor(m)
	case rDayOff:
		x.Relative = true
		if known {
			c = day(t.dct.AddDate(0, 0, m.off))
		} else {
			c = cal{g: gDay}
		}
		c.pod = m.c.pod
	}
	if m.unit == gWeek && c.g == gMonth && c.y != 0 && (m.res == rAbs || m.res == rYearless) {
		c = nthWeek(c, m.off)
	}
	x.Value = c.value()
	if c.y != 0 {
		x.Anchored = true
		x.Start, x.End = c.interval()
		x.Precision = c.precision()
		if m.typ == TypeDate || m.typ == TypeTime {
			t.last = c
			if c.g == gDay {
				t.lastDay = c
			}
		}
	}
	x.Future = m.future || tense > 0 || deadline && tense >= 0 || x.Anchored && known && x.Start.After(t.dct)
	if tense < 0 && !m.future && x.Anchored && known && (!x.Start.After(t.dct) || ahead) {
		x.Future = false
		x.Ahead = ahead
	}
	if x.Future && tense > 0 && !m.future && !deadline && !firmFuture[t.cueWord] && x.Anchored && known && !x.End.After(t.dct) {
		// A weak cue ("would", "may", "hopes") near a date that is already
		// over says something about the sentence, not that the date lies
		// ahead: "Kerry would not say today…".
		x.Future = false
	}
	return x
}

// ageDate turns an age that dates an event ("the month-old ceasefire", "a
// two-year-old dispute") into the date it points back to: publication
// minus the duration, at the duration's unit, with mod APPROX. Ages of
// people and things ("a 12-year-old boy") stay durations. With an unknown
// publication date the date is returned unanchored.
func (t *tagger) ageDate(m match, x Expr) (Expr, bool) {
	v := m.lit
	if len(v) < 3 || v[0] != 'P' || v[1] == 'T' {
		return x, false
	}
	n, err := strconv.Atoi(v[1 : len(v)-1])
	if err != nil || n <= 0 {
		return x, false
	}
	unit := v[len(v)-1]
	next := t.w(m.end)
	if personNouns[next] || unit == 'Y' && !ageEventNouns[next] || !t.isWord(m.end) {
		return x, false
	}
	x.Type = TypeDate
	x.Relative = true
	x.Mod = "APPROX"
	if t.dct.IsZero() {
		switch unit {
		case 'D':
			x.Value = "XXXX-XX-XX"
		case 'W':
			x.Value = "XXXX-WXX"
		case 'M':
			x.Value = "XXXX-XX"
		default:
			x.Value = "XXXX"
		}
		return x, true
	}
	var c cal
	switch unit {
	case 'D':
		c = day(t.dct.AddDate(0, 0, -n))
	case 'W':
		c = current(gWeek, t.dct.AddDate(0, 0, -7*n))
	case 'M':
		c = current(gMonth, t.dct).shift(-n)
	case 'Y':
		c = current(gYear, t.dct).shift(-n)
	default:
		return x, false
	}
	x.Value = c.value()
	x.Anchored = true
	x.Start, x.End = c.interval()
	x.Precision = c.precision()
	return x, true
}

// anaphor resolves "the day", "the same day", "the same month a year ago"
// against the last date mentioned, or the publication date when none was.
func (t *tagger) anaphor(m match) cal {
	base := t.last
	if m.unit == gDay {
		base = t.lastDay
	}
	if base.y == 0 {
		if t.dct.IsZero() {
			return cal{g: m.unit}
		}
		g := m.unit
		if g == gNone {
			g = gDay
		}
		base = current(g, t.dct)
	}
	if m.unit == gNone && base.g == gDay && m.yearsBack != 0 {
		return cal{} // "the same period last year" after a day: the period is unknown
	}
	if m.unit != gNone && m.unit != base.g {
		s, _ := base.interval()
		base = current(m.unit, s)
	}
	base.pod = ""
	if m.yearsBack != 0 {
		switch base.g {
		case gDay:
			base = day(base.date().AddDate(-m.yearsBack, 0, 0))
		case gWeek, gWeekend:
			base.y -= m.yearsBack
		case gMonth:
			base = base.shift(-12 * m.yearsBack)
		case gQuarter, gSeason:
			base = base.shift(-4 * m.yearsBack)
		case gYear:
			base = base.shift(-m.yearsBack)
		}
	}
	return base
}

// tense looks at the words around the tokens [a, b) in the same sentence
// and line: up to 16 words before and 6 after, nearest first and the left
// side first at equal distance. It returns +1 when the nearest cue says
// future ("will", "plans", "scheduled", "due", "next", "coming", "ahead";
// modals such as "would" only before the expression), -1 when it says past
// ("said", "was", "had", a verb in -ed) and 0 when no cue is found or the
// nearest is "would" in reported speech or a refusal ("said the talks
// would resume", "would not confirm"), which says nothing of the date.
func (t *tagger) tense(a, b int) int {
	const leftWords, rightWords = 16, 6
	t.reportedFuture = false
	l, r := a-1, b
	lw, rw := 0, 0
	left, right := true, true
	relative := t.inRelativeClause(a)
	for left || right {
		if left {
			for l >= 0 && t.toks[l].kind != kWord && !t.boundary(l) && !t.toks[l+1].nl {
				l--
			}
			if l < 0 || t.boundary(l) || t.toks[l+1].nl || lw >= leftWords {
				left = false
			} else {
				if c := cue(t, l, false); c != 0 && !(c < 0 && t.deadline && t.participle(l)) {
					if c == cueStop {
						t.reportedFuture = t.w(l) == "would" && !negatedModal(t, l)
						return 0
					}
					return c
				}
				l--
				lw++
			}
		}
		if right {
			comma := false
			for r < len(t.toks) && t.toks[r].kind != kWord && !t.boundary(r) && !t.toks[r].nl {
				comma = comma || t.toks[r].low == ","
				r++
			}
			if r >= len(t.toks) || t.toks[r].nl || t.boundary(r) || rw >= rightWords || rightClause[t.toks[r].low] || relative && comma {
				// "would remain in force through Sunday as investigators
				// combed the debris": another clause's verb says nothing
				// of this date's tense.
				right = false
			} else {
				if c := cue(t, r, true); c != 0 && !(c < 0 && t.deadline && t.participle(r)) && !t.attribution(r) {
					if c == cueStop {
						return 0
					}
					return c
				}
				r++
				rw++
			}
		}
	}
	return 0
}

// participle reports whether token k is an -ed form, which before a
// "by" deadline is usually a participle ("wants it finalised by April")
// rather than a past tense.
func (t *tagger) participle(k int) bool {
	w := t.toks[k].low
	return len(w) > 4 && w[len(w)-2:] == "ed"
}

// boundary reports whether token k ends a sentence or clause for the
// purpose of tense cues.
func (t *tagger) boundary(k int) bool {
	tk := &t.toks[k]
	if tk.kind != kPunct {
		return false
	}
	switch tk.low {
	case "!", "?", ";":
		return true
	case ".":
		// "U.S.", "Feb.", "Sen." and "0.9" do not end a sentence.
		if k+1 < len(t.toks) && !t.toks[k+1].sp {
			return false
		}
		return !(k > 0 && t.isWord(k-1) && len(t.toks[k-1].low) <= 3 && t.adj(k))
	}
	return false
}

// cue classifies token k as a future (+1) or past (-1) cue. After the
// expression (right) only unambiguous future words count: in "At
// Thursday's news conference, Kerry would not confirm" the modal says
// nothing about Thursday.
func cue(t *tagger, k int, right bool) int {
	tk := &t.toks[k]
	if tk.kind != kWord {
		return 0
	}
	w := tk.low
	if w == "would" && t.reportedModal(k) {
		// "Kerry would not confirm", "said the talks would resume":
		// reported speech or a refusal, no tense for the date.
		t.cueWord = w
		return cueStop
	}
	if (w == "proposed" && t.w(k+1) != "for" || w == "targeted" && t.w(k+1) != "for" && t.w(k+1) != "by") && !determinerBefore(t.w(k-1)) {
		// "proposed a plan on Wednesday", "bombs targeted churches on
		// Sunday" are past acts; only "proposed for August", "targeted
		// by August" and "the proposed talks" look ahead.
		if right {
			return 0
		}
		t.cueWord = w
		return -1
	}
	if (w == "plan" || w == "plans" || w == "schedule") && determinerBefore(t.w(k-1)) {
		return 0 // "a plan", "the schedule": a noun, not an intention
	}
	if futureCues[w] && (!right || strongFuture[w]) {
		if w == "set" && t.w(k+1) != "to" && t.w(k+1) != "for" {
			return 0
		}
		t.cueWord = w
		return 1
	}
	if w == "ll" && t.w(k-1) == "'" && t.adj(k) || w == "won" && t.w(k+1) == "'" && t.w(k+2) == "t" {
		t.cueWord = "will"
		return 1 // "they'll", "won't"
	}
	if w == "be" && t.w(k-1) == "to" {
		t.cueWord = "to be"
		return 1 // "to be held": a prospective infinitive
	}
	if w == "to" && !right && (t.w(k-1) == "is" || t.w(k-1) == "are") {
		t.cueWord = "is to"
		return 1 // "parliament is to meet on Saturday": what is arranged
	}
	if pastCues[w] || t.participle(k) && !tk.upper {
		p := k - 1
		if p > 0 && strings.HasSuffix(t.w(p), "ly") {
			p-- // "is officially reported"
		}
		switch t.w(p) {
		case "be", "been", "being", "is", "are", "to":
			return 0 // a passive ("will be held") takes its tense from the auxiliary
		}
		return -1
	}
	return 0
}

// inRelativeClause reports a "who" or "which" before token a in its
// clause, with no comma between: in "Berg, who will be sworn in on
// Tuesday, praised the crew" the main verb after the comma says nothing of
// the clause's date.
func (t *tagger) inRelativeClause(a int) bool {
	for k, n := a-1, 0; k >= 0 && n < 16; k, n = k-1, n+1 {
		tk := &t.toks[k]
		if tk.nl || t.boundary(k) || tk.low == "," {
			return false
		}
		if tk.low == "who" || tk.low == "which" {
			return true
		}
	}
	return false
}

// cueStop is what cue returns for a word that ends the search for a tense
// without giving one.
const cueStop = 2

// firmFuture are the cues that keep an expression in the future even when
// its date is already over at publication ("will be held today"); the
// others ("would", "may", "hopes") only point the way when a date is
// ambiguous.
var firmFuture = map[string]bool{
	"will": true, "shall": true, "scheduled": true, "schedule": true, "due": true, "plans": true,
	"plan": true, "planned": true, "planning": true, "slated": true, "set": true, "going": true,
	"next": true, "coming": true, "upcoming": true, "tomorrow": true, "deadline": true,
	"until": true, "to be": true, "intends": true, "intend": true,
}

// reportingPast are past-tense verbs of saying and thinking after which
// "would" is reported speech ("said the talks would resume"), a future in
// the past rather than after publication.
var reportingPast = map[string]bool{
	"said": true, "told": true, "added": true, "stated": true, "announced": true, "insisted": true,
	"indicated": true, "suggested": true, "warned": true, "reported": true, "explained": true,
	"noted": true, "argued": true, "claimed": true, "acknowledged": true, "conceded": true,
	"confirmed": true, "wrote": true, "thought": true, "believed": true, "predicted": true,
	"promised": true, "pledged": true, "agreed": true, "decided": true, "asked": true, "replied": true,
	"stressed": true, "signaled": true, "signalled": true, "hinted": true, "assured": true,
}

// reportedModal reports whether "would" at token k is reported speech or a
// refusal: negated ("would not", "would never") or in the same clause as a
// past-tense reporting verb ("he said he would…", "…would resume, officials
// said").
func (t *tagger) reportedModal(k int) bool {
	if negatedModal(t, k) {
		return true
	}
	for j, n := k-1, 0; j >= 0 && n < 12 && !t.boundary(j); j-- {
		if t.toks[j].kind == kWord {
			if reportingPast[t.toks[j].low] {
				return true
			}
			n++
		}
	}
	for j, n := k+1, 0; j < len(t.toks) && n < 12 && !t.boundary(j); j++ {
		if t.toks[j].kind == kWord {
			if t.attribution(j) {
				return true // "…, officials said"
			}
			n++
		}
	}
	return false
}

// sentenceYear is the year of the expression a few words before token k,
// in the same clause, when it names its year itself ("in 2001 after the
// Sept. 11 attacks"), else 0.
func (t *tagger) sentenceYear(k int) int {
	if t.prevEnd < 0 || t.prevYear == 0 || k-t.prevEnd > 4 {
		return 0
	}
	if !t.prevInSentence(k) {
		return 0
	}
	for j := t.prevEnd; j < k; j++ {
		switch t.toks[j].low {
		case ",", "and", "but", "that", "or":
			// "since its launch in 2003 and that as of February": another
			// clause, another time.
			return 0
		}
	}
	return t.prevYear
}

// prevInSentence reports whether the line's last expression stands in the
// sentence of token k: no sentence boundary between them.
func (t *tagger) prevInSentence(k int) bool {
	if t.prevEnd < 0 {
		return false
	}
	for j := t.prevEnd; j < k; j++ {
		if t.boundary(j) {
			return false
		}
	}
	return true
}

// sayingDay is the day of the expression before token k in the same
// sentence of the line, when there is one of day precision: in "said on
// Wednesday that the ministers would meet on Friday" the saying is on
// Wednesday.
func (t *tagger) sayingDay(k int) (time.Time, bool) {
	if t.prevDay.IsZero() || !t.prevInSentence(k) {
		return time.Time{}, false
	}
	return t.prevDay, true
}

// deadlineBefore is the "until", "till" or "by" that stands before token
// k past an hour word ("until noon on Monday", "by midnight on Friday"),
// or "".
func (t *tagger) deadlineBefore(k int) string {
	for j, n := k-1, 0; j >= 0 && n < 4; j, n = j-1, n+1 {
		switch w := t.w(j); w {
		case "until", "till", "by":
			return w
		case "on", "noon", "midnight", "dawn", "dusk", "the", "end", "of":
		default:
			return ""
		}
	}
	return ""
}

// attribution reports a reporting verb at token k that closes a sentence's
// words as someone's ("…, officials said"): it tells who said them, not the
// tense of a date among them.
func (t *tagger) attribution(k int) bool {
	return t.toks[k].kind == kWord && reportingPast[t.toks[k].low] && (t.w(k-1) == "," || k > 0 && t.toks[k-1].kind == kWord && t.w(k-2) == ",")
}

// negatedModal reports a modal at token k that is negated ("would not",
// "would never", "wouldn't"): a refusal, not a plan.
func negatedModal(t *tagger, k int) bool {
	switch t.w(k + 1) {
	case "not", "never", "n't":
		return true
	}
	return t.w(k+1) == "n" && t.w(k+2) == "'" || t.w(k+1) == "'" && t.w(k+2) == "t"
}

// determinerBefore reports words that make a following participle an
// adjective ("the proposed talks").
func determinerBefore(w string) bool {
	switch w {
	case "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those":
		return true
	}
	return false
}

// personNouns after an age make it the age of someone ("a month-old
// baby"), not the date of an event.
var personNouns = map[string]bool{
	"boy": true, "girl": true, "man": true, "woman": true, "men": true, "women": true, "child": true,
	"children": true, "baby": true, "babies": true, "son": true, "daughter": true, "infant": true,
	"toddler": true, "teenager": true, "teen": true, "student": true, "player": true, "mother": true,
	"father": true, "brother": true, "sister": true, "wife": true, "husband": true, "girlfriend": true,
	"boyfriend": true, "resident": true, "victim": true, "suspect": true, "driver": true,
	"patient": true, "worker": true, "puppy": true, "kitten": true, "dog": true, "cat": true,
	"horse": true, "grandson": true, "granddaughter": true, "grandmother": true, "grandfather": true,
	"twins": true, "girls": true, "boys": true, "sons": true, "daughters": true, "pupil": true,
}

// ageEventNouns are the nouns whose age in years dates an event ("a
// two-year-old ceasefire"); an age in years is otherwise most often a
// person's.
var ageEventNouns = map[string]bool{
	"ceasefire": true, "cease-fire": true, "truce": true, "war": true, "conflict": true, "deal": true,
	"agreement": true, "accord": true, "treaty": true, "talks": true, "negotiations": true,
	"dispute": true, "crisis": true, "strike": true, "ban": true, "law": true, "policy": true,
	"campaign": true, "uprising": true, "siege": true, "blockade": true, "revolt": true,
	"rebellion": true, "insurgency": true, "protest": true, "protests": true, "embargo": true,
	"sanctions": true, "moratorium": true, "offensive": true, "operation": true, "intervention": true,
	"occupation": true, "standoff": true, "stalemate": true, "freeze": true, "shutdown": true,
	"lockout": true, "investigation": true, "probe": true, "lawsuit": true, "case": true,
	"government": true, "regime": true, "coalition": true, "alliance": true, "merger": true,
	"plan": true, "program": true, "programme": true, "process": true, "initiative": true,
	"partnership": true, "partnerships": true, "pact": true, "civil": true, "peace": true,
}

// strongFuture are the future cues that count after the expression too.
var strongFuture = map[string]bool{
	"will": true, "shall": true, "scheduled": true, "due": true, "plans": true, "planned": true,
	"set": true, "going": true, "slated": true, "expected": true,
}

// FutureCue reports whether the words around span in text say that it
// points after the publication date: the nearest tense cue (up to 16 words
// before and 6 after, in the same sentence and line, within 200 bytes) is
// a future one ("will", "would" outside reported speech, "plans",
// "scheduled", "due", "expected", "next", "coming", "ahead", "by"…). It
// uses the same rule as Tag.
func FutureCue(text string, span model.Span) bool {
	lo := max(span.Start-200, 0)
	hi := min(span.End+200, len(text))
	if i := strings.LastIndexByte(text[lo:span.Start], '\n'); i >= 0 {
		lo += i + 1
	}
	if i := strings.IndexByte(text[span.End:hi], '\n'); i >= 0 {
		hi = span.End + i
	}
	t := tagger{text: text, toks: tokenize(text, lo, hi, nil)}
	a, b := -1, -1
	for i := range t.toks {
		if a < 0 && t.toks[i].e > span.Start {
			a = i
		}
		if t.toks[i].s < span.End {
			b = i + 1
		}
	}
	if a < 0 || b <= a {
		return false
	}
	if a > 0 && t.toks[a-1].low == "by" {
		return t.tense(a, b) >= 0
	}
	return t.tense(a, b) > 0
}

// possessive reports a possessive ending at token k ("Saturday's quake").
func (t *tagger) possessive(k int) bool {
	switch t.w(k) {
	case "'s", "’s", "'", "’":
		return true
	}
	return false
}
