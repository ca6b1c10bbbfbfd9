package extract

// The sense of verbs whose subject or object says what kind of thing
// happened: who defeats whom (a battle, a vote, a contract, a bill), what
// is awarded, what rallies (a market or a crowd), what is launched
// (missiles or an offensive), and a landslide that is a vote. lemmaSense,
// in lemmasense.go, holds the table.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// defeatSense: who defeats whom says what was won. Near an election word
// it is the vote ("Labour defeated the Conservatives in the election"),
// with a contract the business ("defeated Boeing for a $40 billion
// contract"), with a bill a legislature's decision ("the Senate defeated
// the bill"), and with armed men on either side a battle ("the army
// defeated the rebels"). A match, an argument or an illness is none.
func defeatSense(d *doc, t *trigger, i int, s sent) bool {
	lo, hi := max(s.t0, i-6), min(s.t1, i+12)
	kind := model.Kind("")
	for k := lo; k < hi; k++ {
		w := d.toks[k].low
		if w == "(" {
			// "a US$40 billion (GB£20.1 billion) contract": an aside
			// does not count against the reach.
			for k < s.t1-1 && d.toks[k].low != ")" {
				k++
				hi = min(s.t1, hi+1)
			}
			continue
		}
		switch {
		case k > i && (electionPrizes[w] && w != "seat" && w != "seats" || w == "runoff" || w == "primary"):
			kind = model.KindElection
		case k > i && businessPrizes[w] && kind == "":
			kind = model.KindEconomic
		case k > i && k <= i+4 && legislationNouns[w] && kind == "":
			kind = model.KindPolitical
		case combatantNouns[w] && kind == "":
			kind = model.KindMilitary
		}
	}
	if kind == "" {
		return false
	}
	t.kind, t.weak = kind, false
	return true
}

// awardSense: awarding a contract, an order or a tender is business
// ("the Pentagon awarded Boeing a $35 billion contract"); a prize, damages
// or a medal is none of the day's events.
func awardSense(d *doc, t *trigger, i int, s sent) bool {
	for k := i + 1; k < s.t1 && k <= i+8; k++ {
		w := d.toks[k].low
		if businessPrizes[w] {
			t.kind, t.weak = model.KindEconomic, false
			return true
		}
		if !d.toks[k].word && w != "$" && w != "€" && w != "£" && !d.toks[k].num && w != "," || subordinators[w] {
			break
		}
	}
	return false
}

// rallySense: stocks, a currency or prices that rally move a market ("U.S.
// stocks rallied after the announcement"); supporters who rally protest.
func rallySense(d *doc, t *trigger, i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-4; k-- {
		w := d.toks[k].low
		if marketNouns[w] || d.toks[k].cap && marketNouns[strings.ToLower(d.toks[k].text)] {
			t.kind = model.KindEconomic
			return true
		}
		if !d.toks[k].word || d.finiteVerbAt(k) {
			break
		}
	}
	return true
}

// launchSense: missiles or rockets launched at a place are an attack
// ("Iran launched ballistic missiles at two bases"); what else is launched
// takes the kind of the event noun it is about ("launched an offensive").
func launchSense(d *doc, t *trigger, i int, s sent) bool {
	if d.objectHolds(i, 4, s, munitionNouns) {
		t.kind, t.aspectual, t.weak = model.KindMilitary, false, false
	}
	return true
}

// landslideSense: "won a landslide", "a landslide victory" are an
// election's result, told by the win; the landslide that buries a village
// is a disaster.
func landslideSense(d *doc, t *trigger, i int, s sent) bool {
	if i+1 < s.t1 {
		switch d.toks[i+1].low {
		case "victory", "win", "re-election", "reelection", "majority", "mandate":
			return false
		}
	}
	for k := i - 1; k >= s.t0 && k >= i-3; k-- {
		if lemma, ok := lexicon.VerbLemma(d.toks[k].low); ok && (lemma == "win" || lemma == "secure" || lemma == "claim") {
			return false
		}
	}
	return true
}

// unveilSense: a plan, a proposal or a strategy unveiled is a proposal
// made public ("Kerry and Lavrov unveiled the plan"); a product unveiled
// stays a company's news.
func unveilSense(d *doc, t *trigger, i int, s sent) bool {
	if d.objectHolds(i, 5, s, planNouns) {
		t.kind, t.weak = model.KindProposal, false
	}
	return true
}
