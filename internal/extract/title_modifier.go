package extract

// What stands between a subject's head and its verb, which a headline
// passes over: a participle or an adjective that describes the noun
// ("gunmen armed with rifles", "truckers loyal to the president"), a
// prepositional aside ("protesters, despite the tear gas, occupied"), and
// the dateline before a sentence's first word. subjectPhrase, in
// title_subject.go, walks back over them.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
)

// describingParticiple reports a past participle at token k that
// describes the noun before it: with its agent ("operated by", "owned by",
// "built by"), or one that is an adjective too, right after a noun and
// before "with" or "as" ("gunmen armed with rifles", "a man dressed as a
// police officer").
func (d *doc) describingParticiple(k int) bool {
	if k+1 >= len(d.toks) || d.toks[k].cap {
		return false
	}
	w, next := d.toks[k].low, d.toks[k+1].low
	if next == "by" && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) && lexicon.IsVerb(w) {
		return true
	}
	if k > 0 && strings.HasSuffix(w, "ed") && lexicon.IsVerb(w) && relativeParticles[next] {
		// "the gunmen holed up inside fought back": a participle and its
		// particle right after a noun, before the sentence's verb,
		// describe the noun. Not before a preposition: "bombs on
		// commuter trains killed about 200" has its verb there.
		prev := d.toks[k-1]
		if prev.word && !auxiliaries[prev.low] && nounForm(prev.low) && d.tokSent[k-1] == d.tokSent[k] {
			return true
		}
	}
	if k > 0 && allegianceWords[w] && (next == "to" || next == "with") {
		// "truckers loyal to the president", "militias allied with the
		// government": whose side the noun before is on.
		prev := d.toks[k-1]
		return prev.word && nounForm(prev.low) && d.tokSent[k-1] == d.tokSent[k]
	}
	if k == 0 || !lexicon.IsAdjective(w) || next != "with" && next != "as" {
		return false
	}
	prev := d.toks[k-1]
	return prev.word && !auxiliaries[prev.low] && nounForm(prev.low) && d.tokSent[k-1] == d.tokSent[k]
}

// clauseBetween reports a name, a "that" or a comma after token j up to
// token k: "the speaker confirmed on Friday that President Rajapaksa had
// resigned" has its own subject between the participle-like verb and the
// one the title is for.
func (d *doc) clauseBetween(j, k int) bool {
	for m := j + 1; m <= k && m < len(d.toks); m++ {
		if t := d.toks[m]; t.cap || t.low == "that" || t.low == "," || !t.word {
			return true
		}
	}
	return false
}

// opensAfterDateline reports the first word after a dateline's dash
// ("BERLIN (Reuters) - Floods in western Germany have killed"), which is
// capitalised as a sentence's first word is.
func (d *doc) opensAfterDateline(j int, s sent) bool {
	return j-1 > s.t0 && dashes[d.toks[j-1].low] && d.datelineDash(j-1, s)
}

// prepositionAside is the comma that opens a prepositional aside closed by
// the comma at k ("protesters, despite the rain, marched"; "the rebels,
// amid heavy shelling and air strikes, held"), when a noun stands before
// it and no verb inside it; -1 otherwise.
func (d *doc) prepositionAside(k int, s sent) int {
	if k <= s.t0 || d.toks[k].low != "," {
		return -1
	}
	for j := k - 1; j > s.t0+1 && j >= k-15; j-- {
		w := d.toks[j].low
		if w == "," && asidePrepositions[d.toks[j+1].low] {
			if !d.toks[j-1].word || !nounForm(d.toks[j-1].low) && !d.toks[j-1].cap {
				return -1
			}
			return j
		}
		// A list inside the aside ("despite pepper spray, batons and tear
		// gas") keeps its commas.
		if !d.toks[j].word && w != "-" && w != "," || d.finiteVerbAt(j) && !d.nounAfterPreposition(j) {
			return -1
		}
	}
	return -1
}

// nounAfterPreposition reports a word that could be a verb ("arrests",
// "attacks") read as a noun because a determiner or a preposition stands
// right before it ("dozens of arrests", "the attacks").
func (d *doc) nounAfterPreposition(j int) bool {
	p := d.prevWord(j)
	return determiners[p] || prepositions[p]
}

// allegianceWords, before "to" or "with", tell whose side the noun before
// them is on ("truckers loyal to the president", "groups linked to al
// Qaeda", "militias allied with the army").
var allegianceWords = map[string]bool{"loyal": true, "opposed": true, "linked": true, "allied": true, "close": true, "affiliated": true, "sympathetic": true, "faithful": true, "hostile": true}
