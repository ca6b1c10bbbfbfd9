package extract

// The kind a verb of force takes from its subject: a quake that hits is
// nature's, a ship that strikes rocks a mishap, a craft that falls a crash.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// agentKind is subjectKind for a verb of force at i ("hit", "struck",
// "killing"), told actively: a participle set off by a comma goes on from
// the main clause ("An earthquake tore through the region, killing 3,000"),
// a passive's subject is what was struck ("the plane was shot down"), and a
// weapon as the object keeps the force ("a bus hit a roadside bomb").
func (d *doc) agentKind(i int, s sent) (model.Kind, bool) {
	if i > s.t0 && d.toks[i].low != d.toks[i].text && !d.toks[i].first {
		return "", false
	}
	if strings.HasSuffix(d.toks[i].low, "ing") && i > s.t0 && (d.toks[i-1].low == "," || d.toks[i-1].low == "and") {
		if i = d.firstClauseVerb(s, i-1); i < 0 {
			return "", false
		}
		if k, ok := d.mishapAt(i, false); ok {
			// "the factory collapsed, killing more than 60": the main
			// clause's mishap did the killing.
			return k, true
		}
	}
	if k, ok := d.byAgentKind(i, s); ok {
		return k, true
	}
	if i > s.t0 && passiveAux[d.toks[i-1].low] {
		return "", false
	}
	for k := i + 1; k < s.t1 && k <= i+4; k++ {
		if w := d.toks[k].low; munitionNouns[w] || w == "bomb" || w == "mine" || w == "missile" {
			return "", false
		}
	}
	return d.subjectKind(i, s)
}

// mishapAt is the kind of the event word found at token k when it tells an
// accident or a disaster (only a noun when noun is set).
func (d *doc) mishapAt(k int, noun bool) (model.Kind, bool) {
	for _, ti := range d.sentTrigs[d.tokSent[k]] {
		// Only the token's sentence: its event words are found before
		// the verb whose kind asks.
		if tr := &d.triggers[ti]; tr.i == k && (!noun || tr.form == formNoun) && (tr.kind == model.KindAccident || tr.kind == model.KindDisaster) {
			return tr.kind, true
		}
	}
	return "", false
}

// byAgentKind is the kind a passive verb of force at i takes from its
// agent after "by": "the provinces hit by Monday's earthquakes" were
// struck by nature, "a cyclist hit by a lorry" had an accident.
func (d *doc) byAgentKind(i int, s sent) (model.Kind, bool) {
	if i+1 >= s.t1 || d.toks[i+1].low != "by" {
		return "", false
	}
	for k := i + 2; k < s.t1 && k <= i+5; k++ {
		w := d.toks[k].low
		switch {
		case w == "fire" && gunfireModifiers[d.toks[k-1].low], munitionNouns[w]:
			// "hit by live fire", "hit by a rubber bullet": shot.
			return model.KindAttack, true
		case isDisasterNoun(w):
			return model.KindDisaster, true
		case craftNouns[w] || vehicleNouns[w]:
			return model.KindAccident, true
		case !d.toks[k].word && w != "'s" && w != "’s" || prepositions[w] || subordinators[w]:
			return "", false
		}
	}
	return "", false
}

// obstacleAfter reports what a craft or a vehicle runs into within the
// four words after the verb at i ("struck rocks", "hit a reef", "slammed
// into a mountainside"): a mishap, where "Russian aircraft hit targets" is
// a strike.
func (d *doc) obstacleAfter(i int, s sent) bool {
	return d.wordAhead(i+1, 4, s, obstacleNouns)
}

// craftSubject reports a verb at i whose subject is an aircraft, a ship
// or a vehicle: headed by a craft noun ("the helicopter"), or a maker's
// name with a model ("the Boeing 777").
func (d *doc) craftSubject(i int, s sent) bool {
	subj, passive := d.subjectPhrase(i, s)
	if subj == "" || passive {
		return false
	}
	f := strings.Fields(strings.ToLower(subj))
	head := f[len(f)-1]
	for k := 1; k < len(f); k++ {
		if f[k] == "of" || f[k] == "in" {
			head = f[k-1] // "sales of cars": sales
			break
		}
	}
	if craftNouns[head] || vehicleNouns[head] {
		return true
	}
	if g := f; len(g) >= 2 {
		if g[0] == "the" || g[0] == "a" {
			g = g[1:]
		}
		// "Flight JT610", "the ferry Sewol": a craft noun and its name.
		if len(g) == 2 && craftNouns[g[0]] {
			return true
		}
	}
	// "the Boeing 777", "an Airbus A320", "a Malaysia Airlines Boeing
	// 777": a maker with a model.
	for k := 0; k+1 < len(f); k++ {
		if aircraftMakers[f[k]] && strings.ContainsAny(f[k+1], "0123456789") {
			return true
		}
	}
	return false
}

// subjectKind is the kind of the event noun that heads the subject of
// the verb at i, when it is a disaster or an accident: "A wildfire that
// swept through the town killed 36 people" tells a disaster, "the crash
// killed 150" and "the liner struck rocks" an accident, whatever the
// verb's own kind.
func (d *doc) subjectKind(i int, s sent) (model.Kind, bool) {
	k := i - 1
	for k > s.t0 && (auxiliaries[d.toks[k].low] || strings.HasSuffix(d.toks[k].low, "ly") && !d.toks[k].cap || d.tokTime[k] >= 0) {
		k--
	}
	k = d.pastRelative(k, s)
	k = d.carryingModifier(k, s) // "a ferry carrying 40 passengers struck rocks"
	k = d.eventHeadBefore(k, s)  // "an earthquake in the province of Erzincan killed"
	if kind, ok := d.elidedKind(k, s); ok {
		return kind, true
	}
	if k < s.t0 || !d.toks[k].word {
		return "", false
	}
	w := d.toks[k].low
	if kind, ok := d.mishapAt(k, true); ok {
		// "The blast hit the rig": the noun's kind as its sentence made
		// it (a blast at a rig is a mishap).
		return kind, true
	}
	switch {
	case isDisasterNoun(w):
		return model.KindDisaster, true
	case (craftNouns[w] || vehicleNouns[w]) && d.obstacleAfter(i, s):
		return model.KindAccident, true
	case nouns[w] == model.KindAccident || nouns[strings.TrimSuffix(w, "es")] == model.KindAccident || nouns[strings.TrimSuffix(w, "s")] == model.KindAccident:
		return model.KindAccident, true
	}
	return "", false
}

// elidedKind is the kind of a subject that is an ordinal standing for the
// event noun the sentence before told, set off by an apposition or not:
// "The first quake struck before dawn. A second, of magnitude 7.5, hit
// near Elbistan": the second is a quake. k is the subject's last token.
func (d *doc) elidedKind(k int, s sent) (model.Kind, bool) {
	if k > s.t0 && d.toks[k].low == "," {
		// Back over the apposition to the word before its opening comma.
		a0, _ := d.aside(k-1, d.tokSent[k])
		if a0 < 0 {
			return "", false
		}
		k = a0 - 2
	}
	if k < s.t0 || !ordinalSubjects[d.toks[k].low] || k == s.t0 || !titleDeterminers[d.toks[k-1].low] {
		return "", false
	}
	si := d.tokSent[k]
	if si == 0 {
		return "", false
	}
	p := d.sents[si-1]
	for j := p.t0; j < p.t1; j++ {
		if isDisasterNoun(d.toks[j].low) {
			return model.KindDisaster, true
		}
	}
	return "", false
}

// ordinalSubjects stand for an event noun told before: "a second", "the
// third", "another".
var ordinalSubjects = map[string]bool{"second": true, "third": true, "fourth": true, "fifth": true, "another": true}
