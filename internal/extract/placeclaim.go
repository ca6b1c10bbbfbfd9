package extract

// Which of a sentence's places an event may claim: how far a place is from
// its event words (placeCost), whether a clause or an aside stands
// between, and the places a sentence gives an event that no nearness
// would: the owner of a war, the scene of the disaster a rescue answers, a
// government's measure at home; and those it may not: the deed someone is
// accused of, a place that describes a person. fillPlaceActors, in
// eventplace.go, weighs them.

import (
	"math"

	"github.com/briefingatlas/atlas/internal/model"
)

// describesSomeone reports a place named only to describe someone or
// something, not where e happened: "arrested a man born in Kuwait", "when
// González, who has long experience in Rancagua, boarded the capsule".
func (d *doc) describesSomeone(en *ent, e *evt) bool {
	return d.describedBorn(en) || d.inOtherAside(en, e)
}

// inOtherAside reports a place inside an aside (a relative clause or an
// apposition set off by commas, dashes or brackets) that holds none of
// e's event words.
func (d *doc) inOtherAside(en *ent, e *evt) bool {
	a0, a1 := d.aside(en.t0, en.sentence)
	if a0 < 0 {
		return false
	}
	for _, ti := range e.trigs {
		if i := d.triggers[ti].i; i >= a0 && i < a1 {
			return false
		}
	}
	return true
}

// objectOfEvent reports a name right after an event word of its sentence
// ("fled Mosul", "seized the town of Bor").
func (d *doc) objectOfEvent(en *ent) bool {
	for _, ti := range d.sentTrigs[en.sentence] {
		t := d.triggers[ti]
		k := t.i + t.words
		if k < en.t0 && d.toks[k].low == "the" {
			k++
		}
		if k == en.t0 {
			return true
		}
	}
	return false
}

// placeInClause reports whether no clause boundary separates place en
// from one of the triggers tis.
func (d *doc) placeInClause(en *ent, tis []int) bool {
	for _, ti := range tis {
		t := &d.triggers[ti]
		if d.noClauseStop(min(en.t1, t.i+t.words), max(en.t0, t.i), t.quoted) {
			return true
		}
	}
	return false
}

// placeCost is how far place en is from trigger ti.
func (d *doc) placeCost(en *ent, ti int) int {
	t := d.triggers[ti]
	switch {
	case d.agentPlace(en, ti):
		// "the Miyagi police chief said"
		return 2
	case en.modifier:
		// "the Geneva talks" locates the talks only; "the Madrid train
		// bombings" too, across the noun that qualifies them.
		if en.t1 != t.i && !d.qualifyingNouns(en.t1, t.i) {
			return math.MaxInt
		}
		return 0
	case d.whereClause(en) && t.i > en.t1:
		// "in Geneva, where a round of negotiations … concluded"
		return 2
	case en.t0 >= t.i+t.words:
		return d.cost(t.i+t.words-1, en.t0)
	}
	c := d.cost(en.t1-1, t.i) + 3
	if d.preposedPlace(en) {
		c = min(c, 3)
	}
	return c
}

// whereClause reports a place followed by ", where" or ", which", which
// locates (or is the object of) what the clause tells: "in Geneva, where
// talks concluded", "the peninsula, which Russia annexed".
func (d *doc) whereClause(en *ent) bool {
	k := en.t1
	if k < len(d.toks) && divisionWords[d.toks[k].low] {
		k++ // "Mubende district, where …"
	}
	return k+1 < len(d.toks) && d.toks[k].low == "," && (d.toks[k+1].low == "where" || d.toks[k+1].low == "which") && d.tokSent[k+1] == en.sentence
}

// toldAfter reports an event word of e after the place en.
func (d *doc) toldAfter(e *evt, en *ent) bool {
	for _, ti := range e.trigs {
		if d.triggers[ti].i >= en.t1 {
			return true
		}
	}
	return false
}

// preposedPlace reports a place phrase opening its sentence ("In Moscow on
// Thursday, Kerry said…"), which locates the main event.
func (d *doc) preposedPlace(en *ent) bool {
	s := d.sents[en.sentence]
	for k := s.t0; k < en.t0; k++ {
		switch d.toks[k].low {
		case "in", "at", "the", "—", "--":
			continue
		}
		return false
	}
	return true
}

// ownedByOther reports a place nearer to an event word of another event
// of its sentence than to any of e's.
func (d *doc) ownedByOther(en *ent, e *evt) bool {
	own := math.MaxInt
	for _, ti := range e.trigs {
		own = min(own, d.placeCost(en, ti))
	}
	for _, ti := range d.sentTrigs[e.sentence] {
		if d.triggers[ti].inEvent && !containsInt(e.trigs, ti) && d.placeCost(en, ti) < own {
			return true
		}
	}
	return false
}

// qualifyingNouns reports one or two lower-case nouns from token a up to
// event word b ("train" in "the Madrid train bombings", "metro station" in
// "the Brussels metro station attack").
func (d *doc) qualifyingNouns(a, b int) bool {
	if b <= a || b-a > 2 {
		return false
	}
	for k := a; k < b; k++ {
		if t := d.toks[k]; !t.word || t.cap || !nounForm(t.low) {
			return false
		}
	}
	return true
}

// ownerOfSubject reports a place that owns the event noun heading the
// subject of verb trigger ti ("Yemen's war, which began in 2014"; see
// ownerPlace and headsSubject).
func (d *doc) ownerOfSubject(en *ent, ti int) bool {
	v := d.triggers[ti]
	if v.form == formNoun {
		return false
	}
	for _, ni := range d.sentTrigs[v.sentence] {
		if n := d.triggers[ni]; n.form == formNoun && d.headsSubject(n, v) && d.ownerPlace(en, ni) {
			return true
		}
	}
	return false
}

// reliefFor reports a search or a rescue e whose sentence tells the
// disaster or the accident it answers, placed at en ("Floods in western
// Germany have killed 103, as rescuers searched for hundreds still
// missing"): rescuers search where the disaster struck, not at the desk
// the story was filed from.
func (d *doc) reliefFor(e *evt, en *ent) bool {
	if e.Kind != model.KindOther || !en.locative || en.dateline {
		return false
	}
	rescue := false
	for _, ti := range e.trigs {
		t := d.triggers[ti]
		rescue = rescue || t.form != formNoun && d.rescueSearch(t.i, d.sents[t.sentence])
	}
	if !rescue {
		return false
	}
	for _, ti := range d.sentTrigs[e.sentence] {
		t := d.triggers[ti]
		if (t.kind == model.KindDisaster || t.kind == model.KindAccident) && t.inEvent && !containsInt(e.trigs, ti) && d.placeCost(en, ti) <= maxPlaceCost {
			return true
		}
	}
	return false
}

// placeOfCharge reports a place named after the deed a statement e accuses
// someone of (see accusedOf).
func (d *doc) placeOfCharge(e *evt, en *ent) bool {
	if e.Kind != model.KindStatement {
		return false
	}
	for _, ti := range d.sentTrigs[e.sentence] {
		if t := &d.triggers[ti]; t.i < en.t0 && d.accusedOf(t) {
			return true
		}
	}
	return false
}

// measureAtHome reports a government en that is the subject of e's
// political decision about itself, which holds at home ("Italy extended
// its lockdown", "Japan declared a state of emergency", "France imposed a
// curfew"): a verb right after the name, and an event noun of the decision
// after the verb.
func (d *doc) measureAtHome(en *ent, e *evt) bool {
	if e.Kind != model.KindPolitical || prepositions[d.prevWord(en.t0)] || en.t1 < len(d.toks) && d.toks[en.t1].low == "'s" {
		return false
	}
	for _, ti := range e.trigs {
		t := d.triggers[ti]
		if t.form == formNoun && t.i > en.t1 && t.i <= en.t1+6 && d.verbBetween(en.t1, t.i) {
			return true
		}
	}
	return false
}

// verbBetween reports a finite verb from token a up to b, in one clause.
func (d *doc) verbBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if w := d.toks[k].low; !d.toks[k].word || subordinators[w] {
			return false
		}
		if d.finiteVerbAt(k) {
			return true
		}
	}
	return false
}
