package extract

// Titles of events told by a noun or with a clause around it: whom the
// noun befell ("attack on a Jewish museum"), the light verb that takes it
// ("Officials issue evacuation orders"), the aspect after it ("Operation
// begins"), and what was urged ("urge supporters to retreat").

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/timex"
)

// namedTarget is the phrase after an event noun that names what or who it
// befell or who did it ("attack on a Jewish museum", "invasion by
// U.S.-led forces", "arrest of the key suspect Salah Abdeslam"), from
// token k, without its articles; "" unless it names someone (a capital
// or a name), so that "the attack on the capital" keeps its template.
func (d *doc) namedTarget(k int, s sent) string {
	if k+1 >= s.t1 || !targetPrepositions[d.toks[k].low] {
		return ""
	}
	words := []string{d.toks[k].low}
	named := false
	for j := k + 1; j < s.t1 && len(words) < 7; j++ {
		tk := d.toks[j]
		if (tk.low == "-" || tk.low == "–") && j+1 < s.t1 && d.toks[j-1].e == tk.s && tk.e == d.toks[j+1].s && len(words) > 1 {
			// "U.S.-led forces": one word.
			words[len(words)-1] += tk.text + d.toks[j+1].text
			j++
			continue
		}
		if !tk.word || d.tokTime[j] >= 0 || j > k+1 && phraseStops[tk.low] || subordinators[tk.low] {
			break
		}
		if tk.low == "in" || tk.low == "at" || tk.low == "near" {
			break // "attack on a museum in Belgium": the place follows as the title's place
		}
		if titleDeterminers[tk.low] {
			continue
		}
		if tk.cap || d.tokEnt[j] >= 0 {
			named = true
		}
		words = append(words, tk.text)
	}
	if !named || len(words) < 2 {
		return ""
	}
	return strings.Join(words, " ")
}

// lightVerbTitle titles an event noun by the clause of the light verb
// whose object it is ("Japanese officials issued broad evacuation orders"
// → "Japanese officials issue broad evacuation orders"), or "" when no
// such verb with a subject of its own comes within four words before it.
func (d *doc) lightVerbTitle(t trig, s sent) string {
	if t.form != formNoun {
		return ""
	}
	v := d.lightVerbOf(t.i, s)
	if v < 0 {
		v = d.verbOfObject(t.i, s)
	}
	if v < 0 {
		return ""
	}
	lemma, ok := lexicon.VerbLemma(d.toks[v].low)
	if !ok || lemma == "have" || lemma == "be" {
		return ""
	}
	subj, passive := d.subjectPhrase(v, s)
	if pronouns[strings.ToLower(subj)] && !passive {
		subj = d.sayer(v, s) // "the opposition said it would hold a rally"
	}
	if passive || subj == "" || pronouns[strings.ToLower(subj)] || !cleanPhrase(subj) || len(strings.Fields(subj)) > 5 {
		return ""
	}
	verb := inflect(lemma)[0]
	if plural(subj) {
		verb = lemma
	}
	words := []string{capitalise(subj), verb}
	end := t.i + t.words
	if end < s.t1 && d.toks[end].word && !phraseStops[d.toks[end].low] && !d.toks[end].cap && d.tokTime[end] < 0 && d.tokEnt[end] < 0 {
		end++ // "evacuation orders": the noun the event word modifies
	}
	for k := v + 1; k < end; k++ {
		if titleDeterminers[d.toks[k].low] {
			continue
		}
		if n := len(words); n > 2 && d.toks[k].s == d.toks[k-1].e && !titleDeterminers[d.toks[k-1].low] {
			words[n-1] += d.toks[k].text // "$44", "three-day": written as one word
			continue
		}
		words = append(words, d.toks[k].text)
	}
	title := strings.Join(words, " ")
	if pp := d.namedTarget(end, s); pp != "" {
		title += " " + pp
	}
	return title
}

// lightVerbOf is the light verb within four words before the event noun
// at token i that takes it as its object ("issued evacuation orders",
// "came under fire": the "came"), or -1.
func (d *doc) lightVerbOf(i int, s sent) int {
	reach := i - 4
	for k := i - 1; k >= s.t0 && k >= reach; k-- {
		w := d.toks[k]
		if lightVerbs[w.low] && !w.cap {
			return k
		}
		if w.low == "under" && k > s.t0 && comeForms[d.toks[k-1].low] {
			return k - 1
		}
		if isCurrency(w.text) || w.num || d.spanModifier(k) {
			// "completed his $44 billion takeover", "declared a
			// three-day ceasefire": a sum or a span is one word.
			reach--
			continue
		}
		if !w.word || phraseStops[w.low] {
			return -1
		}
	}
	return -1
}

// verbOfObject is a verb in the past or present tense that takes the
// event noun at token i as its object, across at most three determiners,
// numbers or modifiers, right after its subject ("Police fired tear gas",
// "Museveni ordered a 21-day lockdown"), or -1. It only titles: unlike a
// light verb, any verb may stand here, and it says nothing of whether
// the noun's event happened.
func (d *doc) verbOfObject(i int, s sent) int {
	for k := i - 1; k > s.t0 && k >= i-5; k-- {
		w := d.toks[k]
		if w.low == "of" && k-1 > s.t0 && measureNouns[d.toks[k-1].low] {
			k-- // "fired volleys of tear gas"
			continue
		}
		if !w.word || phraseStops[w.low] || d.tokTime[k] >= 0 || d.tokEnt[k] >= 0 {
			return -1
		}
		if w.cap {
			return -1
		}
		lemma, ok := lexicon.VerbLemma(w.low)
		if ok && lemma != w.low && lemma != "be" && lemma != "have" && (strings.HasSuffix(w.low, "ed") || strings.HasSuffix(w.low, "s") || pastParticiple[lemma] != w.low && !strings.HasSuffix(w.low, "ing")) {
			if subj, passive := d.subjectPhrase(k, s); subj != "" && !passive && k-1 >= s.t0 && (d.toks[k-1].cap || nounForm(d.toks[k-1].low)) {
				return k
			}
			return -1
		}
		if !(titleDeterminers[w.low] || w.num || strings.Contains(w.low, "-") || lexicon.IsAdjective(w.low)) {
			return -1
		}
	}
	return -1
}

// lightDeed reports an event noun that a light verb in the simple past
// takes as its object ("rebels launched an attack", "the church came
// under attack", "police carried out raids"): told as done, like a verb in
// the past, so it may take the story's day. A light verb under a modal or
// "to", or in a relative clause of background, tells no deed.
func (d *doc) lightDeed(i int, s sent) bool {
	v := d.lightVerbOf(i, s)
	if v < 0 {
		return false
	}
	if !deedLightVerbs[d.toks[v].low] {
		// "has made sanctions relief a priority", "gave a warning",
		// "announced a plan": a light verb that does not tell a deed done.
		return false
	}
	if v > s.t0 && (irrealis[d.toks[v-1].low] || d.toks[v-1].low == "not" || d.toks[v-1].low == "never") {
		return false
	}
	return !d.relativeClause(v, s)
}

// comeForms are the forms of "come", which with "under" ("came under
// fire", "comes under attack") takes an event noun as a light verb does.
var comeForms = map[string]bool{"come": true, "came": true, "comes": true, "coming": true}

// aspectAfter is "begins", "ends" or another aspectual verb in the present
// when token k, right after an event noun, is one in the past or present
// ("the operation began"), else "".
func (d *doc) aspectAfter(k int, s sent) string {
	if k >= s.t1 {
		return ""
	}
	v, ok := verbForms[d.toks[k].low]
	if !ok || !v.aspectual || v.form != formPast && v.form != formPres {
		return ""
	}
	if v.pres != "" {
		return v.pres
	}
	return inflect(v.lemma)[0]
}

// urgedDeed is " to retreat" or " to leave the area": the infinitive
// after the object of a verb of urging that starts at token k, up to four
// words, or "".
func (d *doc) urgedDeed(k int, s sent) string {
	for ; k < s.t1 && k < s.t0+60; k++ {
		if d.toks[k].low == "to" {
			break
		}
		if !d.toks[k].word {
			return ""
		}
	}
	if k+1 >= s.t1 || !d.toks[k+1].word || d.toks[k+1].cap {
		return ""
	}
	from := k + 1
	if titleDeterminers[d.toks[from].low] && from+1 < s.t1 {
		// "agreed to a ceasefire": a noun phrase, told without its
		// article in a headline.
		from++
	}
	end := from + 1
	for end < s.t1 && end < from+4 && d.toks[end].word && !phraseStops[d.toks[end].low] && !clauseLinks[d.toks[end].low] && !subordinators[d.toks[end].low] && (d.tokTime[end] < 0 || d.spanModifier(end)) {
		end++
	}
	if d.spanModifier(from) {
		// "agreed to a four-day truce": the span describes the noun.
		for end < s.t1 && end < from+4 && d.spanModifier(end-1) && d.toks[end].word {
			end++
		}
	}
	return " to " + d.text[d.toks[from].s:d.toks[end-1].e]
}

// spanModifier reports a token of a hyphenated duration before a noun
// ("a four-day truce", "a 30-day ceasefire"): a modifier, not a time.
func (d *doc) spanModifier(k int) bool {
	xi := d.tokTime[k]
	if xi < 0 {
		return false
	}
	x := &d.times[xi]
	if x.Type != timex.TypeDuration || !strings.Contains(x.Text, "-") || x.t1 >= len(d.toks) {
		return false
	}
	n := d.toks[x.t1]
	return n.word && !n.cap && nounForm(n.low)
}
