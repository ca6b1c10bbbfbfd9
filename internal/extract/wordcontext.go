package extract

// The words around an event word that decide its sense and form: what
// follows "posted", "closed" or "cut", who "demonstrated", a participle
// between a verb and its object, a noun for people after an article.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// custodyNear reports words of captivity around token i.
func (d *doc) custodyNear(i int, s sent) bool {
	for k := max(s.t0, i-4); k < min(s.t1, i+6); k++ {
		switch d.toks[k].low {
		case "hostage", "hostages", "prisoner", "prisoners", "detainee", "detainees", "captive", "captives",
			"prison", "jail", "custody", "detention", "captivity", "bail", "kidnapped", "abducted":
			return true
		}
	}
	return false
}

// labourNear reports words of a labour dispute around token i.
func (d *doc) labourNear(i int, s sent) bool {
	for k := max(s.t0, i-6); k < min(s.t1, i+7); k++ {
		switch d.toks[k].low {
		case "workers", "union", "unions", "employees", "staff", "pilots", "teachers", "nurses", "drivers",
			"labour", "labor", "pay", "wages", "walkout", "picket", "strikers", "miners", "dockers":
			return true
		}
	}
	return false
}

// personNoun reports a noun whose most frequent sense is a person ("rebels",
// "guard"): what it names acts, it is no happening.
func personNoun(w string) bool {
	lemma, ok := lexicon.NounLemma(w)
	if !ok {
		return false
	}
	cs := lexicon.NounClasses(lemma)
	return len(cs) > 0 && cs[0] == "noun.person"
}

// quantityAfter reports a number, a share or a sum within the three words
// after token k: "fell 3.2%", "rose by 40 points", "lost $2 billion".
func (d *doc) quantityAfter(k int, s sent) bool {
	for j := k; j < s.t1 && j < k+3; j++ {
		t := d.toks[j]
		if t.num || strings.HasPrefix(t.text, "$") || t.text == "%" || t.low == "percent" {
			return true
		}
		if !t.word {
			return false
		}
	}
	return false
}

// costAfter reports a cost or a workforce within three words from k ("cut
// its costs", "cut jobs").
func costAfter(toks []tok, k int, s sent) bool {
	for j := k; j < s.t1 && j < k+3; j++ {
		if costNouns[toks[j].low] {
			return true
		}
	}
	return false
}

// namedAs reports a name then "as" from token k: "named Mary Barra as its
// chief executive", "was named as its new coach".
func (d *doc) namedAs(k int, s sent) bool {
	if k < s.t1 && d.toks[k].low == "as" {
		return true
	}
	if k >= s.t1 || !d.toks[k].cap {
		return false
	}
	for j := k + 1; j < s.t1 && j < k+5; j++ {
		if d.toks[j].low == "as" {
			return true
		}
		if !d.toks[j].cap {
			return false
		}
	}
	return false
}

// isVerbForm reports a word the trigger table knows as a verb form, or an
// inflected form of a WordNet verb that is no noun ("soldiers" is a noun).
func isVerbForm(w string) bool {
	if v, ok := verbForms[w]; ok && v.form != formNoun {
		return true
	}
	lemma, ok := lexicon.VerbLemma(w)
	_, noun := lexicon.NounLemma(w)
	return ok && lemma != w && !noun
}

// volcanoBefore reports a volcano or a mountain named in the five words
// before token i ("Mount Merapi erupted", "the volcano erupted").
func (d *doc) volcanoBefore(i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-5; k-- {
		w := d.toks[k].low
		if w == "volcano" || w == "mount" || w == "mt" || w == "mt." || w == "volcanoes" {
			return true
		}
		if en := d.tokEnt[k]; en >= 0 && d.ents[en].kind == entPlace && d.ents[en].place.Feature == "feature" {
			return true
		}
	}
	return false
}

// takesPlace reports a place as the object that starts at token k: "the
// northern town of Kindu", "Mosul", "control" is a phrase of its own.
func (d *doc) takesPlace(k int, s sent) bool {
	for j := k; j < s.t1 && j < k+5; j++ {
		t := d.toks[j]
		if en := d.tokEnt[j]; en >= 0 && d.ents[en].kind == entPlace {
			return true
		}
		if settlementNouns[t.low] {
			return true
		}
		if !t.word || phraseStops[t.low] || !(titleDeterminers[t.low] || lexicon.IsAdjective(t.low) || t.cap) {
			return false
		}
	}
	return false
}

// nounForm reports a noun or a noun's plural ("miner", "soldiers").
func nounForm(w string) bool {
	_, ok := lexicon.NounLemma(w)
	return ok
}

// verbBefore reports an inflected verb other than an auxiliary right
// before token i ("hugs", "visited").
func (d *doc) verbBefore(i int) bool {
	t := d.toks[i-1]
	if !t.word || t.cap || auxiliaries[t.low] || t.low == "did" || t.low == "does" {
		return false
	}
	if i-2 >= 0 && d.tokSent[i-2] == d.tokSent[i-1] && determiners[d.toks[i-2].low] {
		return false // "a bomb struck a bus": after an article, a noun
	}
	if v, ok := verbForms[t.low]; ok && v.form != formNoun {
		return true
	}
	lemma, ok := lexicon.VerbLemma(t.low)
	return ok && lemma != t.low && lemma != "be" && lemma != "have" && !nounForm(t.low)
}

// nounNext reports a noun or a name at token k of sentence s.
func (d *doc) nounNext(k int, s sent) bool {
	if k >= s.t1 || !d.toks[k].word {
		return false
	}
	t := d.toks[k]
	return t.cap || lexicon.IsNoun(t.low) && !lexicon.IsVerb(t.low)
}

// resultAfter reports a result noun within the four words from k ("posted
// a modest net loss").
func (d *doc) resultAfter(k int, s sent) bool {
	return d.wordAhead(k, 5, s, resultNouns)
}

// wordAhead reports a word of set within the n tokens from k, before any
// punctuation ends the phrase.
func (d *doc) wordAhead(k, n int, s sent, set map[string]bool) bool {
	for j := k; j < s.t1 && j < k+n; j++ {
		if set[d.toks[j].low] {
			return true
		}
		if !d.toks[j].word {
			return false
		}
	}
	return false
}

// objectHolds reports a word of set among the n words after the verb at i
// that stand in its object: before a punctuation mark, a phrase stop ("in",
// "to", "that") or another finite verb ("launched ballistic missiles",
// "unveiled the plan", "passed a bill").
func (d *doc) objectHolds(i, n int, s sent, set map[string]bool) bool {
	for k := i + 1; k < s.t1 && k <= i+n; k++ {
		w := d.toks[k].low
		if set[w] {
			return true
		}
		if !d.toks[k].word || phraseStops[w] || d.finiteVerbAt(k) && !d.toks[k].cap {
			return false
		}
	}
	return false
}

// tollBefore reports a count of the dead or hurt as what moved ("the
// death toll rose to 290"): the toll of another event, not an economic
// one.
func (d *doc) tollBefore(i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-14; k-- {
		switch d.toks[k].low {
		case "toll", "casualties", "dead", "deaths", "injured", "wounded", "missing", "victims":
			return true
		case ",", ";", "as", "while", "and":
			return false // the subject ends at the clause's edge
		}
	}
	return false
}

// superlative reports an adjective's superlative ("worst", "biggest",
// "deadliest"), which only a noun follows.
func superlative(w string) bool {
	return w == "worst" || w == "best" || len(w) > 5 && strings.HasSuffix(w, "est") && lexicon.IsAdjective(w)
}

// adjectiveOnly reports a word that is an adjective and nothing else
// ("widespread", "heavy"), after which a verb form is a noun.
func adjectiveOnly(w string) bool {
	return w != "" && lexicon.IsAdjective(w) && !lexicon.IsNoun(w) && !lexicon.IsVerb(w) && !lexicon.IsAdverb(w)
}

// forcesAfter reports troops or ships within the four words from k ("sent
// 5,000 troops", "dispatched two warships").
func (d *doc) forcesAfter(k int, s sent) bool {
	for j := k; j < s.t1 && j < k+4; j++ {
		if forceNouns[d.toks[j].low] {
			return true
		}
		if !d.toks[j].word && !d.toks[j].num {
			return false
		}
	}
	return false
}

// prizeAfter is the kind of what "won" names within the six words from k:
// an election ("the presidential runoff election") or business ("a $40
// billion contract"); "" for anything else.
func (d *doc) prizeAfter(k int, s sent) model.Kind {
	for j := k; j < s.t1 && j < k+6; j++ {
		w := d.toks[j].low
		switch {
		case electionPrizes[w]:
			return model.KindElection
		case businessPrizes[w]:
			return model.KindEconomic
		case w == "," || w == ";" || w == "." || subordinators[w]:
			return ""
		}
	}
	return ""
}
