package extract

import (
	"sort"
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// An event's actors are its participants, found from the clause of each
// of its event words rather than from every name nearby:
//
//   - the subject: names just before a verb, past auxiliaries and adverbs
//     ("Kerry and Lavrov have now agreed"), or the possessor of an event
//     noun ("Putin's announcement"), or the subject of a light verb
//     before it ("Kerry made the announcement");
//   - the object: names right after the word ("met Lavrov", "talks with
//     Moscow"), and partners or agents further on in the same clause
//     ("with Putin", "brokered by Moscow and Washington", "between …");
//   - for statements and agreements, the speakers of the sentence ("Kerry
//     said…", "…, said Lavrov").
//
// Names joined by "and", "or", commas and "both" count together. News
// outlets are sources of the report, never actors, except as the subject
// of a publication ("The Daily Ledger published…").

// maxSubjectGap is how many auxiliaries and adverbs may stand between a
// subject and its verb.
const maxSubjectGap = 4

// maxPartnerCost is how far a "with"/"by"/"between" phrase may be from the
// event word it belongs to.
const maxPartnerCost = 12

// auxWords may stand between a subject and its verb.
var auxWords = map[string]bool{
	"has": true, "have": true, "had": true, "was": true, "were": true, "is": true, "are": true,
	"be": true, "been": true, "will": true, "would": true, "could": true, "can": true, "may": true,
	"might": true, "should": true, "must": true, "shall": true, "did": true, "does": true, "do": true,
	"also": true, "now": true, "then": true, "later": true, "today": true, "yesterday": true,
	"both": true, "jointly": true, "finally": true, "already": true, "still": true, "not": true,
	"n't": true, "never": true, "only": true, "just": true, "all": true, "however": true, "reportedly": true,
	"each": true, "too": true, "again": true, "together": true, "first": true, "once": true,
	"'ll": true, "'ve": true, "'d": true, "largely": true,
}

// lightVerbs take an event noun as object and make its subject the event's
// ("Kerry made the announcement", "the sides held talks").
var lightVerbs = map[string]bool{
	"made": true, "make": true, "makes": true, "held": true, "hold": true, "holds": true, "gave": true,
	"give": true, "gives": true, "issued": true, "issue": true, "issues": true, "signed": true,
	"sign": true, "signs": true, "reached": true, "reach": true, "reaches": true, "launched": true,
	"launch": true, "launches": true, "began": true, "begin": true, "begins": true, "started": true,
	"start": true, "starts": true, "had": true, "have": true, "has": true, "conducted": true,
	"opened": true, "struck": true, "strike": true, "announced": true, "announce": true,
	"leaked": true, "published": true, "proposed": true, "offered": true, "brokered": true,
	"hammered": true, "agreed": true, "joined": true, "attended": true, "attend": true,
	"staged": true, "stage": true, "stages": true, "mounted": true, "mount": true, "carried": true,
	"carry": true, "carries": true, "waged": true, "wage": true, "unleashed": true, "unleash": true,
	// "three officers face trial", "the bill faces a vote": who awaits it.
	"face": true, "faces": true, "faced": true,
	// "the rebels declared a three-day ceasefire", "imposed a curfew".
	"declared": true, "declare": true, "declares": true, "imposed": true, "impose": true, "imposes": true,
	// "Musk completed his takeover of Twitter", "finalised the merger".
	"completed": true, "complete": true, "completes": true, "finalized": true, "finalised": true,
	"finalizes": true, "finalises": true,
}

// reportingVerbs introduce what someone said.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
	"stated": true, "announced": true, "announces": true, "insisted": true, "insists": true,
	"explained": true, "argued": true, "wrote": true, "noted": true, "warned": true, "warns": true,
	"complained": true, "confirmed": true, "stressed": true, "claimed": true, "claims": true,
	"declared": true, "acknowledged": true, "replied": true, "countered": true, "remarked": true,
	"emphasized": true, "emphasised": true, "indicated": true, "suggested": true, "according": true,
}

// partnerPreps introduce a participant after the event word; topic and
// place prepositions ("on Syria", "in Moscow") do not.
var partnerPreps = map[string]bool{
	"with": true, "by": true, "between": true, "against": true, "alongside": true, "and": true,
}

// outletNames are news organisations (folded, without a leading "the").
var outletNames = map[string]bool{
	"ap": true, "associated press": true, "afp": true, "agence france-presse": true, "agence france presse": true,
	"reuters": true, "abc": true, "abc news": true, "cbs": true, "cbs news": true, "nbc": true, "nbc news": true,
	"cnn": true, "bbc": true, "bbc news": true, "fox news": true, "al jazeera": true, "npr": true,
	"bloomberg": true, "bloomberg news": true, "xinhua": true, "tass": true, "itar-tass": true,
	"ria novosti": true, "interfax": true, "sputnik": true, "rt": true, "yonhap": true, "kyodo": true,
	"kyodo news": true, "anadolu": true, "anadolu agency": true, "irna": true, "efe": true, "dpa": true,
	"ansa": true, "pti": true, "upi": true, "politico": true, "axios": true, "usa today": true,
	"le monde": true, "der spiegel": true, "spiegel": true, "the hill": true, "sky news": true, "itv": true,
	"msnbc": true, "pbs": true, "voa": true, "voice of america": true, "radio free europe": true,
	"euronews": true, "france 24": true, "deutsche welle": true, "dw": true, "al arabiya": true,
	"haaretz": true, "pravda": true, "izvestia": true, "kommersant": true, "vedomosti": true,
	"wikinews": true, "bernama": true, "antara": true, "sana": true, "wafa": true, "mena": true,
}

// outletHeads end the names of newspapers, broadcasters and agencies.
var outletHeads = map[string]bool{
	"news": true, "press": true, "agency": true, "broadcasting": true, "radio": true, "television": true,
	"tv": true, "newspaper": true, "magazine": true, "daily": true, "wire": true,
}

// isOutlet reports whether actor a is a news outlet: a known one, one
// named like a newspaper or agency, a social-media platform, or the
// article's own publisher.
func (d *doc) isOutlet(a *model.Actor) bool {
	if a.Type == model.ActorPerson {
		return false
	}
	names := append([]string{a.Name}, a.Aliases...)
	pub := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(d.a.Publisher)), "the ")
	for _, n := range names {
		f := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(n)), "the ")
		f = strings.TrimSuffix(f, ".")
		if outletNames[f] || platforms[f] || pub != "" && (f == pub || strings.HasPrefix(pub, f+" ") || strings.HasPrefix(f, pub+" ")) {
			return true
		}
		w := strings.Fields(f)
		if len(w) >= 2 && (outletHeads[w[len(w)-1]] || newspaperHeads[w[len(w)-1]]) {
			return true
		}
	}
	return false
}

// actorAt returns the entity with an actor at token k, or nil.
func (d *doc) actorAt(k int) *ent {
	if k < 0 || k >= len(d.tokEnt) {
		return nil
	}
	ei := d.tokEnt[k]
	if ei < 0 {
		return nil
	}
	en := &d.ents[ei]
	if en.actor < 0 || en.kind == entPlace || en.kind == entNone {
		return nil
	}
	return en
}

// role collects participants with the token where each was named.
type role struct {
	at      map[int]int // actor → first token
	subject map[int]bool
}

func (r *role) add(en *ent, subject bool) {
	if p, ok := r.at[en.actor]; !ok || en.t0 < p {
		r.at[en.actor] = en.t0
	}
	if subject {
		r.subject[en.actor] = true
	}
}

// chainLeft adds the entity ending at token k and those joined to it on
// its left ("Kerry and Lavrov", "Russia, China and Iran"); it returns the
// first token of the chain.
func (d *doc) chainLeft(r *role, en *ent, s sent, subject bool) int {
	r.add(en, subject)
	k := d.skipTitleLeft(en.t0-1, s)
	for k > s.t0 {
		w := d.toks[k].low
		if w != "and" && w != "," && w != "or" && w != "&" {
			break
		}
		j := k - 1
		if j >= s.t0 && d.toks[j].low == "the" {
			j--
		}
		prev := d.actorAt(j)
		if prev == nil {
			break
		}
		r.add(prev, subject)
		k = d.skipTitleLeft(prev.t0-1, s)
	}
	if k >= s.t0 && d.toks[k].low == "both" {
		k--
	}
	return k + 1
}

// chainRight adds the entity starting at en and those joined to it on its
// right ("with Kerry and Lavrov", "between Assad's forces and the
// rebels"); it returns the token after the chain.
func (d *doc) chainRight(r *role, en *ent, s sent) int {
	r.add(en, false)
	k := en.t1
	for k < s.t1 {
		j := k
		if d.toks[j].low == "'s" && j+1 < s.t1 && (militaryNouns[d.toks[j+1].low] || govNouns[d.toks[j+1].low]) {
			j += 2 // "Assad's forces and …"
		}
		if j >= s.t1 {
			return j
		}
		w := d.toks[j].low
		if w != "and" && w != "," && w != "or" && w != "&" {
			return j
		}
		j++
		if j < s.t1 && d.toks[j].low == "the" {
			j++
		}
		j = d.skipTitleRight(j, s)
		next := d.actorAt(j)
		if next == nil {
			return j
		}
		r.add(next, false)
		k = next.t1
	}
	return k
}

// titleTok reports a capitalised title or country word outside any name:
// the "U.S. President" of "U.S. President Barack Obama" when the name
// alone was recognised.
func (d *doc) titleTok(k int) bool {
	t := &d.toks[k]
	if !t.word || d.actorAt(k) != nil {
		return false
	}
	low := strings.TrimSuffix(t.low, ".")
	return isTitleToken(low) || low == "of" || t.cap && d.isCountryWord(t.text)
}

// skipTitleLeft moves left from k over title words; it returns the first
// token before them.
func (d *doc) skipTitleLeft(k int, s sent) int {
	for n := 0; k >= s.t0 && n < 5 && d.titleTok(k); n++ {
		k--
	}
	return k
}

// skipTitleRight moves right from k over title words to the name after
// them, if one follows; else it returns k.
func (d *doc) skipTitleRight(k int, s sent) int {
	j := k
	for n := 0; j < s.t1 && n < 5 && d.titleTok(j); n++ {
		j++
	}
	if j < s.t1 && d.actorAt(j) != nil {
		return j
	}
	return k
}

// clauseStop reports tokens a participant search never crosses: clause
// openers, strong punctuation and quotation boundaries.
func (d *doc) clauseStop(k int, quoted bool) bool {
	t := &d.toks[k]
	if t.scare {
		return false // scare quotes around a name or phrase ("a “target schedule”")
	}
	if t.quoted != quoted {
		return true
	}
	switch t.low {
	case ";", ":", "--", "—", "(", `"`, "that", "which", "who", "whom", "whose", "where", "when", "while",
		"whether", "if", "because", "although", "though", "unless", "but", "whereas", "what", "as":
		return true
	}
	switch t.low {
	case "after", "before", "following", "despite", "until", "since":
		// Prepositions as often as conjunctions: "talks following the
		// meeting", "after talks with Lavrov".
		return false
	}
	return subordinators[t.low]
}

// subjectOf adds the subject of the event word at tokens [i, i+n).
func (d *doc) subjectOf(r *role, i int, noun bool, s sent, quoted bool) {
	gap := 0
	k := i - 1
	for k >= s.t0 {
		if d.tokTime[k] >= 0 {
			k--
			continue
		}
		if en := d.actorAt(k); en != nil {
			d.chainLeft(r, en, s, true)
			return
		}
		if d.clauseStop(k, quoted) {
			return
		}
		t := &d.toks[k]
		w := t.low
		if noun {
			switch {
			case w == "'s":
				// "Putin's sudden announcement": the possessor acts.
				if en := d.actorAt(k - 1); en != nil {
					d.chainLeft(r, en, s, true)
				}
				return
			case w == "the" || w == "a" || w == "an" || w == "his" || w == "her" || w == "their" || w == "its":
				// "Kerry made the announcement": a light verb hands the
				// noun its subject.
				if k-1 >= s.t0 && lightVerbs[d.toks[k-1].low] {
					d.subjectOf(r, k-1, false, s, quoted)
				}
				return
			case !t.word || gap >= 2:
				return
			}
			if _, isVerb := verbForms[w]; isVerb && !strings.HasSuffix(w, "ed") || locatives[w] || prepositions[w] {
				return
			}
			gap++
			k--
			continue
		}
		switch {
		case militaryNouns[w]:
			// "Russian aircraft hit…", "Syria's government troops shelled…":
			// the state acts through its forces.
			j := k - 1
			for j >= s.t0 && (militaryNouns[d.toks[j].low] || d.toks[j].low == "'s") {
				j--
			}
			if en := d.actorAt(j); en != nil && en.kind == entGov {
				d.chainLeft(r, en, s, true)
			}
			return
		case w == ",":
			// "Kerry, however, insisted"
			if en := d.apposedPerson(k, s); en != nil {
				// "his rival, Anna Koval, a key figure in the protests,
				// was freed": the person the appositions describe.
				d.chainLeft(r, en, s, true)
				return
			}
		case w == "to" && k == i-1:
			// "Yanukovych appeared on television to say…", "Russia moved
			// on Monday to withdraw…": the infinitive's subject is the
			// subject of the verb it serves.
			d.purposeSubject(r, k, s, quoted)
			return
		case auxWords[w] || strings.HasSuffix(w, "ly") && len(w) > 4:
			gap++
		default:
			return
		}
		if gap > maxSubjectGap {
			return
		}
		k--
	}
}

// purposeSubject adds the subject of the verb that the infinitive marker
// "to" at token k serves, within its clause. A name between that verb and
// "to" is its object, which the infinitive may be about ("urged Kerry to
// say"), so then no subject is taken.
func (d *doc) purposeSubject(r *role, k int, s sent, quoted bool) {
	if j, byActor := d.purposeVerb(k, s, quoted); j >= 0 && !byActor {
		d.subjectOf(r, j, false, s, quoted)
	}
}

// purposeVerb is the verb that the infinitive marker "to" at token k
// serves, within its clause and maxPurposeGap words, or -1; named is set
// when a name stands between them ("urged Kerry to say").
func (d *doc) purposeVerb(k int, s sent, quoted bool) (verb int, named bool) {
	for j := k - 1; j >= s.t0 && j >= k-maxPurposeGap; j-- {
		if d.tokTime[j] >= 0 {
			continue
		}
		if d.clauseStop(j, quoted) {
			return -1, named
		}
		named = named || d.actorAt(j) != nil
		if w := d.toks[j].low; d.toks[j].word && !auxiliaries[w] && isVerbForm(w) {
			return j, named
		}
	}
	return -1, named
}

// maxPurposeGap is how many words an infinitive of purpose may stand from
// its verb ("appeared on state television late on Saturday to say").
const maxPurposeGap = 8

// objectsOf adds the objects and partners of the event word at tokens
// [i, i+n): a name right after it when direct is set, and names after
// "with", "by", "between", "against" further on in its clause.
func (d *doc) objectsOf(r *role, i, n int, s sent, quoted, direct bool) {
	k := i + n
	gap := 0
	for k < s.t1 {
		if d.tokTime[k] >= 0 {
			k++
			continue
		}
		if d.clauseStop(k, quoted) {
			return
		}
		if d.cost(i+n-1, k) > maxPartnerCost {
			return
		}
		t := &d.toks[k]
		w := t.low
		if finiteAux[w] || w == "to" && k+1 < s.t1 && infinitiveNext(&d.toks[k+1]) && d.actorAt(k+1) == nil {
			// Another verb's clause begins: "calls for X to work with Y",
			// "the deal that was signed", "agreed to push the regime".
			return
		}
		if j := d.skipTitleRight(k, s); j != k {
			k = j
		}
		if en := d.actorAt(k); en != nil {
			if direct {
				k = d.chainRight(r, en, s)
				direct = false
				continue
			}
			// A name not introduced by a partner preposition belongs to
			// some other phrase ("a ceasefire in Syria, Russia said").
			k = en.t1
			continue
		}
		if partnerPreps[w] && w != "and" {
			// Look a few words ahead for the partner: "with his Russian
			// counterpart, Sergei Lavrov".
			for j, m := k+1, 0; j < s.t1 && m < 5; j++ {
				if d.clauseStop(j, quoted) {
					break
				}
				if en := d.actorAt(d.skipTitleRight(j, s)); en != nil {
					k = d.chainRight(r, en, s)
					break
				}
				if d.toks[j].word {
					m++
				}
			}
			direct = false
			if k < s.t1 && d.toks[k].low == w {
				k++
			}
			continue
		}
		if direct {
			switch {
			case locatives[w] || w == "of" || w == "on" || w == "about" || w == "over" || w == "for" || w == "from" || w == "into" || w == "to" && !(k+1 < s.t1 && d.actorAt(k+1) != nil):
				// "talks on Syria", "a ceasefire in Syria": a topic or a
				// place, not a participant.
				direct = false
			case t.word && !strings.HasSuffix(w, "ly"):
				gap++
				if gap > 3 {
					direct = false
				}
			}
		}
		k++
	}
}

// prepositions end the noun phrase of an event noun on its left: "the
// envoy's visit" names its subject, "Nowak after lengthy talks" does not.
var prepositions = map[string]bool{
	"of": true, "to": true, "for": true, "after": true, "before": true, "during": true, "with": true,
	"alongside": true, "by": true, "from": true, "into": true, "about": true, "over": true, "on": true,
	"at": true, "in": true, "following": true, "amid": true, "despite": true, "since": true, "until": true,
	"between": true, "against": true, "without": true, "through": true, "under": true, "like": true,
	"inside": true, "outside": true, "near": true, "beneath": true, "behind": true, "underneath": true,
	"across": true, "along": true, "within": true, "around": true, "aboard": true, "onto": true,
}

// finiteAux are finite auxiliaries: after an event word, they start the
// verb of another clause.
var finiteAux = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "can": true, "could": true, "may": true, "might": true, "should": true,
	"must": true, "does": true, "did": true, "shall": true,
}

// infinitiveNext reports a word after "to" that begins an infinitive
// ("to push") rather than a noun phrase ("to the Kremlin", "to Lavrov").
func infinitiveNext(t *tok) bool {
	if !t.word || t.cap || t.num {
		return false
	}
	switch t.low {
	case "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those", "some", "all", "both", "each":
		return false
	}
	return true
}

// sameClauseAsAny reports whether no clause boundary separates trigger t
// from one of the triggers tis.
func (d *doc) sameClauseAsAny(t *trig, tis []int) bool {
	for _, ti := range tis {
		u := &d.triggers[ti]
		if d.noClauseStop(min(t.i, u.i)+1, max(t.i, u.i), t.quoted) {
			return true
		}
	}
	return false
}

// noClauseStop reports whether tokens [a, b) hold no clauseStop.
func (d *doc) noClauseStop(a, b int, quoted bool) bool {
	for k := a; k < b; k++ {
		if d.clauseStop(k, quoted) {
			return false
		}
	}
	return true
}

// speakersOf adds the speakers of sentence s: subjects of reporting verbs
// ("Kerry said", "Lavrov told reporters") and post-posed ones ("…, said
// Lavrov", "according to the ministry"), outside quotations.
func (d *doc) speakersOf(r *role, s sent, quoted bool) {
	for k := s.t0; k < s.t1; k++ {
		t := &d.toks[k]
		if !reportingVerbs[t.low] || t.quoted != quoted && !t.scare {
			continue
		}
		if t.low == "according" {
			if k+2 < s.t1 && d.toks[k+1].low == "to" {
				if en := d.actorAt(k + 2); en != nil {
					d.chainRight(r, en, s)
				}
			}
			continue
		}
		before := len(r.at)
		d.subjectOf(r, k, false, s, quoted)
		if len(r.at) > before {
			continue
		}
		// "…, said Lavrov", "said the minister, Sergei Lavrov".
		for j, m := k+1, 0; j < s.t1 && m < 4; j++ {
			if en := d.actorAt(j); en != nil {
				r.add(en, true)
				break
			}
			if !d.toks[j].word || d.clauseStop(j, quoted) {
				break
			}
			m++
		}
	}
}

// participants returns the actors taking part in event e, in the order
// the sentence names them.
func (d *doc) participants(e *evt, s sent, allQuoted bool) []int {
	r := &role{at: map[int]int{}, subject: map[int]bool{}}
	speakers := false
	publication := map[int]bool{}
	frame := func(t *trig) bool { return t.statement || t.kind == model.KindStatement }
	// Acts first, then the words that report them: "X said that Russia
	// had annexed…" makes Russia the actor and X only the reporter, while
	// in "Putin's announcement that he was withdrawing" the announcer is
	// the one acting.
	order := make([]int, 0, len(e.trigs))
	for _, same := range []func(k model.Kind) bool{
		func(k model.Kind) bool { return k == e.Kind },
		func(k model.Kind) bool { return kindsCompatible(k, e.Kind) },
		func(model.Kind) bool { return true },
	} {
		for _, ti := range e.trigs {
			if t := &d.triggers[ti]; !frame(t) && same(t.kind) {
				order = append(order, ti)
			}
		}
		if len(order) > 0 {
			// Words of another kind told in the same breath ("as Putin and
			// Kerry talked, Russian aircraft hit targets", "met … to discuss
			// the deal with the United States") have their own participants.
			break
		}
	}
	acts := len(order)
	for _, ti := range e.trigs {
		if frame(&d.triggers[ti]) {
			order = append(order, ti)
		}
	}
	for n, ti := range order {
		t := &d.triggers[ti]
		if n >= acts && !diplomatic(e.Kind) && e.Kind != model.KindProposal && (len(r.subject) > 0 || d.actsHaveSubject(order[:acts], s)) {
			// "Yildirim said 2,839 officers have been taken into
			// custody": the speaker reports the deed, whoever did it.
			break
		}
		if n >= acts && acts > 0 && !d.sameClauseAsAny(t, order[:acts]) && (t.i > d.triggers[order[0]].i || diplomatic(e.Kind)) {
			// "…met in Oslo, while France said it would wait", "Nowak told
			// reporters that talks in Geneva concluded": another clause's
			// speaker. A frame before an act with no named subject governs
			// it ("Putin's announcement that he was withdrawing").
			continue
		}
		noun := t.form == formNoun
		before := map[int]bool{}
		for a := range r.subject {
			before[a] = true
		}
		d.subjectOf(r, t.i, noun, s, t.quoted)
		if t.kind == model.KindPublication {
			for a := range r.subject {
				if !before[a] {
					publication[a] = true
				}
			}
		}
		// What a speaker calls for or tells is no party to the event,
		// only those beside them are ("alongside Nowak").
		d.objectsOf(r, t.i, t.words, s, t.quoted, !frame(t))
	}
	// The speaker takes part in what they state or agree to, not in an
	// attack they report ("X said Russia had annexed…").
	if e.Kind == model.KindStatement || e.Kind == model.KindAgreement {
		speakers = true
	}
	if diplomatic(e.Kind) && len(r.subject) == 0 {
		// "Hale made the announcement alongside Nowak after the talks":
		// who speaks of an encounter in its sentence took part in it.
		// Not across a clause boundary: in "Lavrov told journalists that
		// … talks in Geneva concluded", Lavrov was not at the talks.
		for _, ti := range d.sentTrigs[e.sentence] {
			t := &d.triggers[ti]
			if frame(t) && !t.quoted && !containsInt(e.trigs, ti) && d.sameClauseAsAny(t, e.trigs) {
				d.subjectOf(r, t.i, t.form == formNoun, s, false)
				d.objectsOf(r, t.i, t.words, s, false, false)
			}
		}
	}
	if len(e.trigs) == 0 && e.timeIdx >= 0 {
		// A deadline without an event word: "X said Y had until May 4".
		x := &d.times[e.timeIdx]
		d.subjectOf(r, x.t0, false, s, x.quoted)
		speakers = true
	}
	if speakers || allQuoted {
		// A quoted event belongs to the one who said it.
		d.speakersOf(r, s, false)
	}
	out := make([]int, 0, len(r.at))
	for a := range r.at {
		act := &d.actors[a].Actor
		if d.isOutlet(act) && !publication[a] {
			// "told ABC News", "AP reported": the source of the report.
			continue
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return r.at[out[i]] < r.at[out[j]] })
	return out
}
