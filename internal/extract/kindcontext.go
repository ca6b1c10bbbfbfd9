package extract

// The kind an event takes from the words around its event words: the
// happening in whose course a toll was taken ("killed during the attack"),
// and what a verb of urging tells ("urged supporters to retreat").

import (
	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// directive is the trigger of a verb of urging that tells all the
// group's events ("leaders urged supporters to retreat", "asked residents
// to leave"): what was urged has not happened, the urging has. It is -1
// unless every other event word is unrealised.
func (d *doc) directive(tis []int) int {
	at := -1
	for _, ti := range tis {
		t := d.triggers[ti]
		switch {
		case directiveVerbs[d.toks[t.i].low] && !t.irrealis && !t.negated && t.form != formNoun:
			at = ti
		case t.statement || t.kind == model.KindStatement || t.irrealis:
		default:
			return -1
		}
	}
	return at
}

// frameKind is the kind of the happening in whose course a clause's toll
// or damage took place ("two policemen were killed and buildings burned
// down during the attack": an attack), when an event noun after "during"
// names it (frames) and the clause's verbs tell only deaths, damage or
// fighting; a deed of its own ("arrested during the raid") keeps its kind.
func (d *doc) frameKind(tis []int) (model.Kind, bool) {
	frame := -1
	for _, ti := range tis {
		t := d.triggers[ti]
		switch {
		case d.frames(t):
			frame = ti
		case t.form == formNoun || t.statement || t.kind == model.KindStatement:
		case t.kind != model.KindAttack && t.kind != model.KindDisaster && t.kind != model.KindAccident && t.kind != model.KindMilitary && t.kind != model.KindOther:
			return "", false
		}
	}
	if frame < 0 {
		return "", false
	}
	return d.triggers[frame].kind, true
}

// frames reports an event noun after "during" with a determiner ("during
// the attack", "during Sunday's protest"): the happening in whose course
// the clause's deeds took place.
func (d *doc) frames(t trig) bool {
	if t.form != formNoun || t.statement || t.kind == model.KindStatement || t.kind == model.KindOther {
		return false
	}
	s := d.sents[t.sentence]
	for k := t.i - 1; k >= s.t0 && k >= t.i-4; k-- {
		switch w := d.toks[k].low; {
		case w == "during":
			return k < t.i-1
		case !d.toks[k].word && w != "'s":
			return false
		}
	}
	return false
}

// infinitiveAfter reports "to" and a verb within six words after token i,
// before any punctuation: the act urged in "urged the protesters to
// retreat", "asked residents to leave".
func (d *doc) infinitiveAfter(i int, s sent) bool {
	for j := i + 1; j+1 < s.t1 && j <= i+6; j++ {
		w := d.toks[j]
		if !w.word {
			return false
		}
		if w.low == "to" {
			return d.toks[j+1].word && lexicon.IsVerb(d.toks[j+1].low)
		}
	}
	return false
}
