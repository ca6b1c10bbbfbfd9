package extract

import "strings"

// Sides of a street confrontation. A protest story tells two kinds of act
// on one day in one place: what the crowd did (marched, occupied the
// roads, blocked a square) and what the police or troops did to it (fired
// tear gas, charged, cleared the square). Reports count them as two
// happenings, and another outlet may tell only one of them.
const (
	sideNone   = ""
	sideCrowd  = "crowd"
	sideForces = "forces"
)

// actingSide is who does the act that heads e, told by the head word of the
// subject of its verb: a crowd ("thousands of protesters occupied",
// "demonstrators marched"), the police or troops ("riot police fired",
// "soldiers cleared"), or neither (a noun event, a passive, another
// subject).
func (d *doc) actingSide(e *evt) string {
	ti := d.headTrigger(e)
	if ti < 0 {
		return sideNone
	}
	t := d.triggers[ti]
	if t.form != formPast && t.form != formPres {
		return sideNone
	}
	s := d.sents[t.sentence]
	subj, passive := d.subjectPhrase(t.i, s)
	if passive {
		// "tear gas had been deployed by Hong Kong police": the agent
		// after "by".
		return d.agentSide(t.i+t.words, s)
	}
	if subj == "" {
		return sideNone
	}
	words := strings.Fields(strings.ToLower(subj))
	if side := sideOf(words[len(words)-1]); side != sideNone {
		return side
	}
	if d.crowdSubject(t.i, s) {
		return sideCrowd
	}
	return sideNone
}

// sideOf is the side a subject's head noun names.
func sideOf(head string) string {
	switch {
	case policeNouns[head] || forceNouns[head] && head != "fighters":
		return sideForces
	case crowdNouns[head]:
		return sideCrowd
	}
	return sideNone
}

// agentSide is the side named by a "by" phrase at k ("by riot police",
// "by Hong Kong police"): its first common noun within four words.
func (d *doc) agentSide(k int, s sent) string {
	if k >= s.t1 || d.toks[k].low != "by" {
		return sideNone
	}
	for j := k + 1; j < s.t1 && j <= k+4 && d.toks[j].word; j++ {
		if side := sideOf(d.toks[j].low); side != sideNone {
			return side
		}
	}
	return sideNone
}

// sidesApart reports two events of one article done by the two sides of a
// street confrontation, the crowd and the forces facing it (see
// actingSide and mergeLocal, which fills side).
func (d *doc) sidesApart(a, b *evt) bool {
	return sidesDiffer(a.side, b.side)
}

// sidesDiffer reports two sides both known and not the same.
func sidesDiffer(a, b string) bool {
	return a != sideNone && b != sideNone && a != b
}
