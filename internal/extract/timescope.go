package extract

// Which words a time expression may date: asides it stays inside, and a
// reporting verb it belongs to ("officials said on Sunday").

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// aside is the token range [a0, a1) of the aside between two dashes, in
// brackets, or in a relative clause, a participle or an apposition set off
// by commas (", who served two terms from 2003 to 2010,", ", begun two
// years ago,", ", the strongest this year,") that holds token k of
// sentence si, or -1, -1.
func (d *doc) aside(k, si int) (int, int) {
	s := d.sents[si]
	open := -1
	for j := s.t0; j < s.t1; j++ {
		switch w := d.toks[j].low; {
		case w == "," && open >= 0 && d.toks[open].low == ",":
			if open < k && k < j {
				return open + 1, j
			}
			open = -1
			if d.opensAside(j, s) {
				// "the Dharahara tower, a landmark built in 1832,
				// collapsed": one aside after another.
				open = j
			}
		case w == "," && open < 0 && (d.opensAside(j, s) || d.opensParticiple(j, s)):
			open = j
		case w == "(":
			open = j
		case w == ")" && open >= 0:
			if open < k && k < j {
				return open + 1, j
			}
			open = -1
		case (w == "–" || w == "—" || w == "--") && j > s.t0 && !d.datelineDash(j, s):
			if open >= 0 && d.toks[open].low != "(" {
				if open < k && k < j {
					return open + 1, j
				}
				open = -1
			} else if open < 0 {
				open = j
			}
		}
	}
	if open >= 0 && d.toks[open].low == "," && open < k {
		// ", which killed 85 people.": the clause runs to the end.
		return open + 1, s.t1
	}
	return -1, -1
}

// opensAside reports a comma at j that opens a relative clause (", who",
// ", which") or an apposition about the noun before it ("The storm, the
// strongest this year, killed").
func (d *doc) opensAside(j int, s sent) bool {
	if j <= s.t0 || j+1 >= s.t1 || !d.toks[j-1].word {
		return false
	}
	switch d.toks[j+1].low {
	case "who", "which":
		return true
	case "the", "a", "an":
		if j+2 < s.t1 && d.toks[j-1].cap && d.tokTime[j-1] < 0 && d.subjectName(j-1, s) {
			// "Flight JT610, a Boeing 737 delivered in August, came
			// down": an apposition to the name that opens the clause.
			return true
		}
		return j+2 < s.t1 && d.tokTime[j-1] < 0 && !d.toks[j-1].num && nounForm(d.toks[j-1].low)
	}
	return false
}

// opensParticiple reports a comma at j before a participle that describes
// the noun before it ("a replacement for the airliner, begun two years
// ago, has been pushed back", "the compound, built in 2005, was"). The
// comma that closes an apposition ("The victim, a teacher, died") is
// followed by the main verb instead, so aside asks this of an opening
// comma only.
func (d *doc) opensParticiple(j int, s sent) bool {
	if j <= s.t0 || j+1 >= s.t1 || !d.toks[j-1].word {
		return false
	}
	return d.tokTime[j-1] < 0 && !d.toks[j-1].cap && nounForm(d.toks[j-1].low) && pastVerbForm(d.toks[j+1].low)
}

// pastVerbForm reports a verb's past form ("begun", "built", "launched"),
// not its base, -s or -ing form.
func pastVerbForm(w string) bool {
	l, ok := lexicon.VerbLemma(w)
	return ok && l != w && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "s")
}

// subjectName reports a name ending at token k that opens its sentence or
// clause: no preposition or verb stands before it ("Flight JT610, a …" but
// not "In Paris, the president said").
func (d *doc) subjectName(k int, s sent) bool {
	j := k
	for j > s.t0 && d.toks[j-1].word && d.toks[j-1].cap {
		j--
	}
	return j == s.t0 || d.toks[j-1].low == "," || d.toks[j-1].low == "and"
}

// datelineDash reports a dash that ends a dateline ("KIEV, Ukraine –",
// "BRUSSELS (AP) —"): a town in capitals opens the sentence and only
// capitalised words come before the dash, at most eight tokens in.
func (d *doc) datelineDash(j int, s sent) bool {
	if j-s.t0 > 8 || !d.toks[s.t0].upper {
		return false
	}
	for k := s.t0; k < j; k++ {
		if t := d.toks[k]; t.word && !t.cap {
			return false
		}
	}
	return true
}

// markSayers sets each time expression's sayer, once the triggers are
// known: the reporting verb it directly follows ("said Sunday", "said on
// Sunday") when its sentence names another day for what it reports ("shot
// dead on Saturday …, officials said on Sunday"), else -1. Such a day is
// the saying's: it dates no other deed and does not make the story's day.
// With no other day ("has won a contract, the company said on Monday")
// the saying's day is the best date of what was said.
func (d *doc) markSayers() {
	days := map[int]int{} // sentence → usable day-precision times
	for i := range d.times {
		d.times[i].sayer = -1
		if y := &d.times[i]; y.usable && y.Anchored && y.Precision == model.PrecisionDay && !d.datelineTime(y) {
			// "TOKYO, Aug 28 (Reuters) - Abe said on Friday he would
			// resign": the dateline's date is the filing's, not another
			// day the sentence gives what was said.
			days[y.sentence]++
		}
	}
	for i := range d.times {
		x := &d.times[i]
		own := 0
		if x.usable && x.Anchored && x.Precision == model.PrecisionDay {
			own = 1
		}
		if days[x.sentence]-own == 0 {
			continue
		}
		for _, ti := range d.sentTrigs[x.sentence] {
			st := &d.triggers[ti]
			if st.i >= x.t0 || !st.statement && st.kind != model.KindStatement || st.form == formNoun {
				continue
			}
			if gap := x.t0 - (st.i + st.words); gap == 0 || gap == 1 && d.toks[st.i+st.words].low == "on" {
				x.sayer = ti
				break
			}
		}
	}
}

// datelineTime reports a time in the dateline that opens its sentence
// ("MOSCOW, June 24 (UPI) --"): before the dateline's dash.
func (d *doc) datelineTime(y *texpr) bool {
	s := d.sents[y.sentence]
	for j := y.t1; j < s.t1 && j <= y.t1+6; j++ {
		if dashes[d.toks[j].low] {
			return d.datelineDash(j, s)
		}
	}
	return false
}

// dashes are the marks that end a dateline ("MOSCOW (Reuters) -",
// "KIEV, Ukraine –", "TOWN (AP) —").
var dashes = map[string]bool{"-": true, "–": true, "—": true, "--": true}

// sinceBeforeNoun is the token of "since" before the noun at token i,
// past its determiner and up to two modifiers ("since the election",
// "since the 1987 crash"), or -1.
func (d *doc) sinceBeforeNoun(i int) int {
	s := d.sents[d.tokSent[i]]
	for k := i - 1; k >= s.t0 && k >= i-4; k-- {
		switch w := d.toks[k].low; {
		case w == "since":
			return k
		case !d.toks[k].word && d.tokTime[k] < 0 || phraseStops[w] || subordinators[w]:
			return -1
		}
	}
	return -1
}
