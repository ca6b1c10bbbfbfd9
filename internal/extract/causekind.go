package extract

// What caused what a verb of force tells: "an earthquake killed 300" and
// "killed in traffic accidents" tell a disaster and an accident, whatever
// the verb's own kind (causeKind); the noun that heads a verb's subject
// past the words that place it (headsSubject).

import "github.com/briefingatlas/atlas/internal/model"

// causeKind finds a disaster or an accident that an attack verb tells the
// toll of: "an earthquake killed 300 people", "the crash injured 40", "the
// fire destroyed the roof". Such a verb is no attack; its subject says
// what happened.
func (d *doc) causeKind(tis []int) (model.Kind, bool) {
	for _, vi := range tis {
		v := d.triggers[vi]
		if v.form == formNoun || v.kind != model.KindAttack {
			continue
		}
		for _, ni := range tis {
			n := d.triggers[ni]
			if n.form != formNoun || n.sentence != v.sentence || n.kind != model.KindDisaster && n.kind != model.KindAccident {
				continue
			}
			if n.i < v.i && v.i-n.i <= 6 || n.i > v.i && n.i-v.i <= 10 && d.agentBetween(v.i, n.i) || d.headsSubject(n, v) {
				// "an earthquake killed 300", "10,000 people killed by
				// Typhoon Haiyan": the disaster did the killing.
				return n.kind, true
			}
		}
	}
	return "", false
}

// agentBetween reports "by" between tokens a and b of one clause, the
// agent of a passive ("killed in one city by the typhoon"), or "in" or
// "during" right before the noun at b, what the dead died in ("killed in
// traffic accidents").
func (d *doc) agentBetween(a, b int) bool {
	for k := a + 1; k < b; k++ {
		switch d.toks[k].low {
		case "by":
			return true
		case "in", "during":
			// "were killed in traffic accidents", "died in the floods":
			// what they were killed in, right before its noun.
			if b-k <= 3 {
				return true
			}
		case ",", ";", "and", "but":
			return false
		}
	}
	return false
}

// causeOfToll reports an event noun that names what a toll verb before it
// came from: "died in bombings", "were killed in an attack", "injured in
// the blast".
func (d *doc) causeOfToll(t trig) bool {
	s := d.sents[t.sentence]
	for k, n := t.i-1, 0; k >= s.t0 && n < 5; k, n = k-1, n+1 {
		w := d.toks[k].low
		if w == "in" || w == "during" || w == "by" || w == "from" {
			if k-1 >= s.t0 {
				if v, ok := verbForms[d.toks[k-1].low]; ok && v.weak && v.form != formNoun {
					return true
				}
			}
			return false
		}
	}
	return false
}

// headsSubject reports event noun n as the head of verb v's subject, past
// the words that place it ("a storm centered off the coast of Florida
// killed three"; see eventHeadBefore) or the relative pronoun that stands
// for it ("Yemen's war, which began in 2014").
func (d *doc) headsSubject(n, v trig) bool {
	if n.i >= v.i || v.i == 0 {
		return false
	}
	s := d.sents[v.sentence]
	k := v.i - 1
	if k-1 > s.t0 && (d.toks[k].low == "which" || d.toks[k].low == "that") {
		k--
		if d.toks[k].low == "," {
			k--
		}
	}
	k = d.eventHeadBefore(k, s)
	return n.i <= k && k < n.i+n.words
}
