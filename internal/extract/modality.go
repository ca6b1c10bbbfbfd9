package extract

// Whether an event word tells something that happened: modals, negation,
// infinitives, the perfect.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// modality fills the irrealis, negated and reduced flags of x.
func (d *doc) modality(x *trig, s sent) {
	toks := d.toks
	i := x.i
	for k, n := i-1, 0; k >= s.t0 && n < 4; k, n = k-1, n+1 {
		w := toks[k].low
		if !toks[k].word && w != "'s" && w != "'ll" {
			break
		}
		if (negations[w] || strings.HasSuffix(w, "n't")) && n < 3 {
			x.negated = true
		}
		if w == "to" {
			// "heading to Sumatra sank": a name after "to" is where to,
			// no verb.
			infinitive := n == 0 || n == 1 && !toks[k+1].cap && !determiners[toks[k+1].low] || x.form == formNoun && d.infinitiveObject(k, i)
			if n == 1 && toks[k+1].low == "have" && k > s.t0 && hedgeParticiples[toks[k-1].low] {
				// "17 people are known to have died", "is believed to
				// have fled": a perfect infinitive after a hedge tells
				// what happened, with the source's caution.
				infinitive = false
			}
			if infinitive && !(k > s.t0 && continuingLemma(toks[k-1].low) != "") && !((x.statement || x.kind == model.KindStatement) && d.publicPurpose(k, s)) {
				// "continued to celebrate", "began to withdraw": the act
				// carried on or begun is told as done. "to help contain
				// the outbreak", "to end the strike": what someone aims
				// at is no event of the sentence's day.
				x.irrealis = true
			}
			continue
		}
		if irrealis[w] && d.tokEnt[k] < 0 && d.tokTime[k] < 0 && !(toks[k].cap && !toks[k].first) {
			// Not "Theresa May has ordered", nor "in May": a modal is
			// capitalised only where a sentence opens.
			x.irrealis = true
		}
	}
	if i+x.words < s.t1 {
		switch toks[i+x.words].low {
		case "nothing", "nobody", "none":
			x.negated = true
		}
	}
	if !x.irrealis && d.untilUnrealised(i, s) {
		// "would remain until they got arrested": the arrest is the
		// condition of what would be, not something that happened.
		x.irrealis = true
	}
	if x.form == formBase && !x.irrealis && d.mandated(i, s) {
		// "insisted that the union agree to cut wages": what is demanded
		// has not happened.
		x.irrealis = true
	}
	if d.indirectQuestion(i, s) {
		// "declined to comment on who had been brought out", "it was
		// not clear what had happened": asked about, not told.
		x.irrealis = true
	}
	if x.form == formPast && i+x.words < s.t1 {
		next := toks[i+x.words].low
		// "dropped by 4%": by an amount, not by an agent.
		if (next == "by" && !d.quantityAfter(i+x.words+1, s) || next == "with") && i > s.t0 {
			prev := toks[i-1]
			switch prev.low {
			case "was", "were", "is", "are", "been", "be", "had", "has", "have", "he", "she", "they", "it", "we", "i", "and":
			default:
				if prev.word && d.tokEnt[i-1] < 0 {
					x.reduced = true
				}
			}
		}
	}
	if !x.reduced && x.form == formPast && i+x.words < s.t1 && toks[i+x.words].low == "when" && d.reducedPassive(*x, s) {
		// "most of the 298 people killed when the airliner was brought
		// down were Dutch": the participle describes its noun; the deed
		// is told as known, not as the day's news.
		x.reduced = true
	}
	if x.form == formPast && i > s.t0 && i+1 < s.t1 && (d.verbBefore(i) || prepositions[toks[i-1].low] && toks[i-1].low != "to" && !verbParticles[toks[i+1].low]) && !toks[i+1].cap && !phraseStops[toks[i+1].low] && nounForm(toks[i+1].low) && !isVerbForm(toks[i+1].low) {
		// "hugs rescued miner Avalos", "visited wounded soldiers", "spoke
		// with evacuated residents": a participle between a verb or a
		// preposition and its noun describes the noun.
		x.adjectival = true
	}
	if n := i + x.words; x.form == formPast && i > s.t0 && n < s.t1 && toks[n].word && !phraseStops[toks[n].low] && (determiners[toks[i-1].low] || degreeWords[toks[i-1].low]) {
		// "the agreed steps", "the hardest hit areas": a participle
		// before its noun describes it. "The jet that crashed near
		// Grenoble" has no noun after it: "that" is a relative pronoun.
		x.adjectival = true
	}
	if toks[i].low == "born" && (i == s.t0 || !passiveAux[toks[i-1].low]) && !d.timeInClause(i+1, s) {
		// "a man born in Kuwait", "Sheikh Abu Ahmed, born in Kuwait":
		// where someone was born describes them. A birth is told by
		// "was born", or by its own date ("Lena Okafor, born in Lagos on
		// 3 May 1960, …").
		x.adjectival = true
	}
	if x.form == formGerund && i > s.t0 && i+1 < s.t1 && (determiners[toks[i-1].low] || degreeWords[toks[i-1].low] || gradeWords[toks[i-1].low]) && toks[i+1].word && !toks[i+1].cap && nounForm(toks[i+1].low) && !isVerbForm(toks[i+1].low) {
		// "a more devastating blow", "the ongoing fighting": an -ing word
		// between a determiner or a grade and a noun describes the noun.
		x.adjectival = true
	}
}

// publicPurpose reports an infinitive marker "to" at token k that serves
// a verb of going before an audience in its clause ("went on national
// television on Monday to announce"): the statement it names was made. The
// verb must stand apart from "to" ("took to" alone is no appearance).
func (d *doc) publicPurpose(k int, s sent) bool {
	j, _ := d.purposeVerb(k, s, d.toks[k].quoted)
	return j >= 0 && j < k-1 && appearanceVerbs[d.toks[j].low]
}

// timeInClause reports a time expression from token k to the end of its
// clause (a comma, a clause word or the sentence's end).
func (d *doc) timeInClause(k int, s sent) bool {
	for ; k < s.t1; k++ {
		if d.tokTime[k] >= 0 {
			return true
		}
		if w := d.toks[k].low; w == "," || w == ";" || subordinators[w] {
			return false
		}
	}
	return false
}

// infinitiveObject reports an event noun at token i that is the object of
// the infinitive "to" at token k opens: "to end the strike", "to help
// contain the outbreak" — a verb right after "to", then only verbs,
// determiners and adjectives up to the noun, with a determiner among them
// ("went to court over the strike" is no infinitive).
func (d *doc) infinitiveObject(k, i int) bool {
	if k+1 >= i || d.toks[k+1].cap || !lexicon.IsVerb(d.toks[k+1].low) || titleDeterminers[d.toks[k+1].low] {
		return false
	}
	det := false
	for j := k + 2; j < i; j++ {
		w := d.toks[j].low
		switch {
		case titleDeterminers[w]:
			det = true
		case d.toks[j].word && !d.toks[j].cap && (lexicon.IsVerb(w) || lexicon.IsAdjective(w)) && !phraseStops[w]:
		default:
			return false
		}
	}
	return det
}

// hasPerfect reports "has" or "have" right before the verb at token i,
// past an adverb ("has already unveiled").
func (d *doc) hasPerfect(i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-2; k-- {
		switch w := d.toks[k].low; {
		case w == "has" || w == "have" || w == "'ve":
			return true
		case !strings.HasSuffix(w, "ly") && w != "now" && w != "just" && w != "already":
			return false
		}
	}
	return false
}

// verbParticles complete a phrasal verb ("fought back", "held out"): after
// one, the verb before is no participle describing a noun.
var verbParticles = map[string]bool{"back": true, "up": true, "off": true, "out": true, "down": true, "away": true, "over": true, "on": true, "in": true}

// demandedAfter reports a verb of demanding ("demanded", "sought",
// "called for") among the few words from token k to the clause's end.
func (d *doc) demandedAfter(k int, s sent) bool {
	for j := k; j < s.t1 && j < k+5; j++ {
		w := d.toks[j].low
		if !d.toks[j].word {
			return false
		}
		if mandativeVerbs[w] || w == "sought" || w == "seeks" || w == "wanted" || w == "wants" || w == "called" && j+1 < s.t1 && d.toks[j+1].low == "for" {
			return true
		}
	}
	return false
}
