package extract

// A statement by a named person that tells another event ("Jibril has
// confirmed that Gaddafi was killed") is news of its own: other outlets
// report it by its speaker, and a briefing quotes it.

import (
	"sort"
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// speakersApart gives the statement of a named person that tells another
// event its own event too: "Jibril has confirmed that Gaddafi was killed"
// is the killing, dated, and Jibril's confirmation, of the same day. Other
// outlets report the statement by its speaker, and a briefing quotes it.
func (d *doc) speakersApart() {
	n := len(d.events)
	for i := 0; i < n; i++ {
		e := d.events[i]
		if e.Kind == model.KindStatement {
			d.nameSpeaker(&d.events[i])
			continue
		}
		if !e.Dated() || e.Planned {
			continue
		}
		for _, ti := range e.trigs {
			t := &d.triggers[ti]
			if !(t.statement || t.kind == model.KindStatement) || t.quoted || t.form == formNoun || t.form == formGerund {
				continue
			}
			if d.personBefore(t) < 0 {
				continue
			}
			s := evt{sentence: e.sentence, trigs: []int{ti}, timeIdx: e.timeIdx, anchor: d.toks[t.i].s}
			s.Kind = model.KindStatement
			s.Start, s.End, s.Precision = e.Start, e.End, e.Precision
			src := e.Sources[0]
			s.Sources = []model.Source{src}
			d.fillPlaceActors(&s)
			// The places the sentence names are the reported event's
			// ("confirmed that Gaddafi was killed in Sirte"), not where
			// the speaker spoke.
			s.Place, s.placeHow = nil, ""
			d.nameSpeaker(&s)
			s.Confidence = d.confidence(&s)
			d.events = append(d.events, s)
			break
		}
	}
	sort.SliceStable(d.events, func(a, b int) bool { return d.events[a].sentence < d.events[b].sentence })
}

// nameSpeaker gives a statement the person who made it when the
// participants' rules found none: an apposition between the name and its
// verb hides it from them.
func (d *doc) nameSpeaker(e *evt) {
	for _, ti := range e.trigs {
		t := &d.triggers[ti]
		if !(t.statement || t.kind == model.KindStatement) || t.quoted || t.form == formNoun || t.form == formGerund {
			continue
		}
		if who := d.personBefore(t); who >= 0 && !e.persons[who] {
			if e.persons == nil {
				e.persons = map[int]bool{}
			}
			e.persons[who] = true
			e.Actors = append(e.Actors, d.actors[who].Actor)
		}
		return
	}
}

// personBefore is the actor of a named person in the clause before
// statement verb t, its speaker ("Jibril, the prime minister, has
// confirmed"), or -1.
func (d *doc) personBefore(t *trig) int {
	s := d.sents[t.sentence]
	for _, en := range d.ents {
		if en.sentence != t.sentence || en.kind != entPerson || en.t1 > t.i || en.t0 < s.t0 {
			continue
		}
		between := false
		for k := en.t1; k < t.i; k++ {
			if w := d.toks[k].low; w == ";" || subordinators[w] || w == "that" {
				between = true
			}
		}
		if !between && t.i-en.t1 <= 12 && en.actor >= 0 && !d.otherSpeaker(en.t1, t) {
			return en.actor
		}
	}
	return -1
}

// otherSpeaker reports a subject of its own right before statement verb t,
// after token k where a person's name ends: "Sajjad Lone and Imran Ansari
// have been arrested, officials said" is said by officials.
func (d *doc) otherSpeaker(k int, t *trig) bool {
	j := t.i - 1
	for j >= k && (auxiliaries[d.toks[j].low] || strings.HasSuffix(d.toks[j].low, "ly")) {
		j--
	}
	if j < k {
		return false
	}
	w := d.toks[j]
	return w.word && !w.cap && d.tokEnt[j] < 0 && !pronouns[w.low]
}

// apposedPerson is the person named before the apposition that ends
// with the comma at token k ("Anna Koval, a key figure in the protests,"),
// or nil, when a word that is no name stands before that comma (see
// apposedAt).
func (d *doc) apposedPerson(k int, s sent) *ent {
	if k-1 < s.t0 || !d.toks[k-1].word || d.actorAt(k-1) != nil {
		return nil
	}
	return d.apposedAt(k, s)
}

// apposedAt is the person followed by a comma within 25 words before the
// comma at token k, whom what lies between describes: an apposition with
// no clause in it, or a relative clause about the person ("Yanukovych,
// whose whereabouts had been unknown since Friday,"), whatever it holds.
func (d *doc) apposedAt(k int, s sent) *ent {
	clause := false
	for j := k - 1; j >= s.t0 && j >= k-25; j-- {
		if en := d.tokEnt[j]; en >= 0 && d.ents[en].kind == entPerson && d.ents[en].t1 == j+1 && j+1 < k && d.toks[j+1].low == "," {
			if !clause || j+2 < k && relativePronouns[d.toks[j+2].low] {
				return &d.ents[en]
			}
			return nil
		}
		if w := d.toks[j].low; subordinators[w] && !relativePronouns[w] && d.tokTime[j] < 0 && d.tokTime[j+1] < 0 {
			// Not a time's preposition: "the bank's risk officer since
			// 2004, resigned".
			clause = true
		}
	}
	return nil
}

// relativePronouns open a clause about the noun before them.
var relativePronouns = map[string]bool{"who": true, "whom": true, "whose": true, "which": true}

// actsHaveSubject reports event words (acts, verbs) with a subject phrase
// of their own, named or not ("2,839 officers have been taken"), which
// the reporting verb's speaker is not.
func (d *doc) actsHaveSubject(acts []int, s sent) bool {
	for _, ti := range acts {
		t := &d.triggers[ti]
		if t.form == formNoun || t.i < s.t0 || t.i >= s.t1 {
			continue
		}
		if subj, _ := d.subjectPhrase(t.i, s); subj != "" && !pronouns[strings.ToLower(subj)] {
			return true
		}
	}
	return false
}
