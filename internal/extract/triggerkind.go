package extract

// The kind an event word takes from the event noun it is about: "the
// ceasefire began", "declared a curfew", "the evacuation was ordered",
// "declared the results".

import "github.com/briefingatlas/atlas/internal/model"

// aspectKind gives an aspectual verb ("concluded", "took effect", "held")
// the kind of the event noun it is about: its subject before it, or its
// object just after it.
func (d *doc) aspectKind(i int, s sent) (model.Kind, bool) {
	k := i - 1
	for k > s.t0 && auxiliaries[d.toks[k].low] {
		k--
	}
	if h := d.pastRelative(k, s); h != k {
		// "Talks to end the war resumed": the subject's noun, not the
		// nearer one its clause mentions.
		if kind, ok := d.eventNounAt(h); ok {
			return kind, true
		}
	}
	for k := i - 1; k >= s.t0 && k >= i-12; k-- {
		if kind, ok := d.eventNounAt(k); ok {
			return kind, true
		}
		if d.toks[k].low == "." || d.toks[k].low == ";" {
			break
		}
	}
	for k := i + 1; k < s.t1 && k <= i+4; k++ {
		if w := d.toks[k].low; w == "," || w == ";" || w == "to" && k == i+1 {
			// "the factory collapsed, killing more than 60": what the
			// participle after the comma tells is no object; nor is the
			// verb of "began to fire tear gas", an act of its own.
			break
		}
		if kind, ok := d.eventNounAt(k); ok {
			return kind, true
		}
	}
	return "", false
}

// declaredKind gives a verb that declares or orders something ("declared
// a state of emergency", "ordered the evacuation of", "a curfew was
// imposed") the kind of the event noun it declares: its object just after
// it, or its subject before a passive "was", "were" or "been".
func (d *doc) declaredKind(i int, s sent) (model.Kind, bool) {
	for k := i + 1; k < s.t1 && k <= i+3; k++ {
		if kind, ok := d.eventNounAt(k); ok {
			return kind, true
		}
		if d.voteResult(k) {
			return model.KindElection, true // "declared the results"
		}
		if !d.toks[k].word || phraseStops[d.toks[k].low] {
			break
		}
	}
	if i-1 > s.t0 {
		switch d.toks[i-1].low {
		case "was", "were", "been":
			for k := i - 2; k >= s.t0 && k >= i-8; k-- {
				if kind, ok := d.eventNounAt(k); ok && !d.afterPreposition(k) {
					return kind, true
				}
				if d.voteResult(k) {
					// "The final result was declared at Manchester Town
					// Hall": the vote's outcome, news of the vote.
					return model.KindElection, true
				}
				if !d.toks[k].word {
					break
				}
			}
		}
	}
	return "", false
}

// voteResult reports "result" or "results" at token k in an article that
// tells a vote before it: the outcome declared is the election's.
func (d *doc) voteResult(k int) bool {
	if w := d.toks[k].low; w != "result" && w != "results" {
		return false
	}
	for _, tr := range d.triggers {
		if tr.kind == model.KindElection && tr.i < k {
			return true
		}
	}
	return false
}

// eventNounAt reports the kind of the event noun (or noun phrase) at
// token k that an aspectual verb can take its kind from: statements and
// other events say too little.
func (d *doc) eventNounAt(k int) (model.Kind, bool) {
	if ph := d.phraseAt(k); ph != nil && ph.form == formNoun && ph.kind != model.KindStatement {
		return ph.kind, true
	}
	if nk, ok := nouns[d.toks[k].low]; ok && nk != model.KindStatement && nk != model.KindOther {
		return nk, true
	}
	return "", false
}
