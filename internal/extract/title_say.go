package extract

// A statement's headline says what was said: "Erdogan says government
// forces crushed coup attempt" rather than "Statement by Erdogan".

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// clauseJoins join a second verb to the first ("… and announced").
var clauseJoins = map[string]bool{"and": true, "or": true, "but": true}

// maxSaidWords bounds the words a "says" headline takes from what was said.
const maxSaidWords = 8

// headlineDrops are the words a headline leaves out of what was said.
var headlineDrops = map[string]bool{"the": true, "a": true, "an": true}

// sayTitle is "Speaker says what": the speaker of statement e, taken from
// its title so far, and the start of the clause its reporting verb
// reports, when that clause is told plainly (not quoted) and holds a verb;
// an act of speech keeps its verb ("announces", "warns") before a
// that-clause. It returns "" otherwise.
func (d *doc) sayTitle(e *evt) string {
	t, ok := d.headOfKind(e, model.KindStatement)
	if !ok || t.form == formNoun || t.quoted {
		return ""
	}
	w := d.toks[t.i].low
	act := speechActVerbs[w] && t.pres != ""
	if !sayingForms[w] && !act {
		return ""
	}
	saying := "says"
	if act {
		saying = t.pres // "The speaker announced that Rajapaksa would step down"
	}
	// The speaker: from the template ("Statement by Erdogan"), or from a
	// clause title that gave the verb only a noun phrase ("Sobyanin says
	// counterterrorism regime", "Speaker announces Rajapaksa").
	speaker := strings.TrimPrefix(e.Title, "Statement by ")
	if speaker == e.Title {
		speaker, _, _ = strings.Cut(e.Title, " "+saying+" ")
		if speaker == e.Title {
			return ""
		}
	}
	if e.Place != nil {
		speaker = strings.TrimSuffix(speaker, " in "+e.Place.Name)
	}
	if speaker == "" {
		return ""
	}
	s := d.sents[t.sentence]
	c0, c1 := d.reportedClause(t, s)
	if c0 < 0 || act && d.toks[c0-1].low != "that" {
		// An act of speech without "that" names its object ("Apple
		// announces new iPhone"), which its own title says.
		return ""
	}
	if subordinators[d.toks[c0].low] {
		return "" // "said that when troops fired, …": the clause's own clause first
	}
	// The words, and after which of them the headline may stop: at the
	// clause's end, or before a preposition or a conjunction that follows
	// a word of substance ("errors of judgement", "found in which"), never
	// before an infinitive's "to" ("appeared to have made").
	var words []string
	var stops []int // len(words) at each place the headline may end
	quoteCut := false
	for k := c0; k < c1 && len(words) <= maxSaidWords; k++ {
		tk := d.toks[k]
		if tk.quoted || tk.low == `"` {
			// A quotation is the speaker's own words, not a headline's:
			// what comes before it may still be one ("the attackers were
			// based outside the country and had \"external linkages\"").
			if len(words) == 0 {
				return ""
			}
			quoteCut = true
			break
		}
		if d.tokTime[k] >= 0 {
			continue // "the talks had failed on Monday": the card has the day
		}
		if !tk.word && tk.text != "%" && !tk.num && tk.low != "'s" {
			break
		}
		if len(words) > 0 && (phraseStops[tk.low] || subordinators[tk.low]) && tk.low != "to" && !auxiliaries[tk.low] {
			prev := strings.ToLower(words[len(words)-1])
			// "… in nature and announced": not after a verb that a
			// conjunction left without its object.
			dangling := len(words) > 1 && clauseJoins[strings.ToLower(words[len(words)-2])] ||
				lexicon.IsVerb(prev+" "+tk.low) // "ready to step | in": a phrasal verb is whole
			if !phraseStops[prev] && !auxiliaries[prev] && !modals[prev] && !headlineDrops[prev] && !dangling {
				stops = append(stops, len(words))
			}
		}
		if headlineDrops[tk.low] {
			continue
		}
		if tk.low == "'s" && len(words) > 0 {
			words[len(words)-1] += tk.text
			continue
		}
		words = append(words, tk.text)
	}
	if n := len(words); n > 0 && n <= maxSaidWords && !quoteCut {
		// The whole clause, unless it stopped on a word that needs one
		// after it ("called to the area around 5:30 a.m.").
		if last := strings.ToLower(words[n-1]); !phraseStops[last] && !auxiliaries[last] && !modals[last] {
			stops = append(stops, n)
		}
	}
	for i := len(stops) - 1; i >= 0; i-- {
		n := stops[i]
		if n < 3 || n > maxSaidWords {
			continue
		}
		if title := speaker + " " + saying + " " + strings.Join(words[:n], " "); len(title) <= maxTitle && holdsVerb(words[:n]) {
			return capitalise(title) // "the governor announced": "Governor announces …"
		}
	}
	return ""
}

// holdsVerb reports a verb among words: what was said is a clause, not a
// noun phrase cut short ("counterterrorism regime").
func holdsVerb(words []string) bool {
	for _, w := range words {
		w = strings.ToLower(w)
		if isVerbForm(w) || pastForm(w) || auxiliaries[w] || modals[w] {
			return true
		}
	}
	return false
}

// reportedClause is the token span [c0, c1) of what the reporting verb t
// reports: after "that" within a few words ("said on Saturday that",
// "told reporters that"), or right after the verb when a subject opens
// it ("said the talks had failed"); it ends at the clause's first comma,
// semicolon or the sentence's end. c0 is -1 when there is none, as in
// "…, officials said", whose report comes first.
func (d *doc) reportedClause(t trig, s sent) (int, int) {
	k := t.i + t.words
	start := -1
	for j := k; j < s.t1 && j < k+6; j++ {
		if d.tokTime[j] >= 0 {
			continue // "announced that night that …"
		}
		if d.toks[j].low == "that" {
			start = j + 1
			break
		}
		if !d.toks[j].word {
			break
		}
	}
	if start < 0 && tellForms[d.toks[t.i].low] {
		return -1, -1 // "told RTL radio several people had been …": the hearer first
	}
	if start < 0 {
		for k < s.t1 && (d.tokTime[k] >= 0 || d.toks[k].low == "on" && k+1 < s.t1 && d.tokTime[k+1] >= 0) {
			k++
		}
		if k >= s.t1 || !d.opensClause(k, s) {
			return -1, -1
		}
		start = k
	}
	end := start
	for end < s.t1 {
		w := d.toks[end].low
		if w == "," || w == ";" || w == ":" || w == "." || w == "--" || w == "—" {
			break
		}
		end++
	}
	if end-start < 3 {
		return -1, -1
	}
	return start, end
}

// actOnClause reports a statement whose act of speech takes a that-clause
// ("warned that the military was ready"): the clause, not a noun after the
// verb, is what it is about.
func (d *doc) actOnClause(e *evt) bool {
	t, ok := d.headOfKind(e, model.KindStatement)
	if !ok || t.form == formNoun {
		return false
	}
	c0, _ := d.reportedClause(t, d.sents[t.sentence])
	return c0 > 0 && d.toks[c0-1].low == "that"
}

// opensClause reports a word that may open the subject of a reported
// clause without "that": a determiner, a pronoun, a name, a number ("said
// 49 people were killed"), a hedge ("at least 52 people"), or a bare noun
// ("said officers were called").
func (d *doc) opensClause(k int, s sent) bool {
	t := d.toks[k]
	if titleDeterminers[t.low] || pronouns[t.low] || t.cap || t.num {
		return true
	}
	if k+1 < s.t1 && quantityHedges[t.low+" "+d.toks[k+1].low] {
		return true
	}
	return t.word && nounForm(t.low) && !isVerbForm(t.low) && !prepositions[t.low] && !subordinators[t.low]
}
