package extract

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// trig is one trigger found in the text.
type trig struct {
	trigger
	i            int // first token
	sentence     int
	quoted       bool
	irrealis     bool // under a modal, "to", "whether", "if": not (yet) real
	negated      bool
	reduced      bool // "the ceasefire agreed by…": background, not the story's news
	adjectival   bool // "the agreed steps"
	inherits     bool // may take the story's day without its own time expression
	inEvent      bool // part of some event of its sentence
	timeRejected bool // a nearby time expression could not date it
	time         int  // attached time expression, -1 if none
}

// determiners before a word make it a noun ("the talks", "a visit").
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "'s": true, "his": true, "her": true, "their": true,
	"its": true, "our": true, "your": true, "this": true, "that": true, "these": true, "those": true,
	"any": true, "some": true, "no": true, "new": true, "first": true, "second": true, "recent": true,
	"further": true, "joint": true, "direct": true, "peace": true, "marathon": true, "lengthy": true,
	"long": true, "brief": true, "fresh": true, "previous": true, "latest": true, "sudden": true,
	"partial": true, "full": true, "russian": true, "american": true, "of": true, "for": true,
	"possible": true, "preliminary": true, "major": true, "surprise": true, "planned": true,
}

// subjects before a word that is both noun and verb make it a verb.
var subjectWords = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "who": true,
	"which": true, "to": true, "will": true, "would": true, "could": true, "can": true, "may": true,
	"might": true, "should": true, "must": true, "also": true, "not": true, "n't": true, "then": true,
	"'ll": true, "did": true, "does": true, "do": true,
}

// findTriggers finds event words in every prose sentence.
func (d *doc) findTriggers() {
	toks := d.toks
	d.sentTrigs = make([][]int, len(d.sents))
	for si, s := range d.sents {
		if s.headline || isBoilerplate(d.text[s.Start:s.End]) {
			continue
		}
		for i := s.t0; i < s.t1; i++ {
			t := &toks[i]
			if !t.word || d.tokTime[i] >= 0 {
				continue
			}
			if e := d.tokEnt[i]; e >= 0 && d.ents[e].kind != entNone {
				continue
			}
			var tr trigger
			ok := false
			if ph := d.phraseAt(i); ph != nil {
				tr, ok = *ph, true
				if sense := lemmaSense[ph.lemma]; sense != nil && !sense(d, &tr, i, s) {
					// "went down" with no aircraft or ship before it.
					i += tr.words - 1
					continue
				}
			} else {
				tr, ok = d.wordTrigger(i, s)
				if sense := nounSense[tr.lemma]; ok && tr.form == formNoun && sense != nil && !sense(d, &tr, i, s) {
					continue
				}
			}
			if !ok {
				continue
			}
			if tr.form == formNoun && tr.words == 1 && i+1 < s.t1 && settingNouns[toks[i+1].low] {
				// "the conference room", "attack helicopters": the event
				// noun names a kind of room or craft, no event.
				continue
			}
			if tr.form == formNoun && d.labelQuoted(i, s) {
				// Putin called the revolt treason and "a stab in the
				// back": a label in scare quotes, no stabbing.
				continue
			}
			if tr.form == formNoun && d.copedWith(i, s) {
				// "as Japan grapples with widespread damage": the
				// aftermath of an event, not one of its own.
				continue
			}
			x := trig{trigger: tr, i: i, sentence: si, quoted: t.quoted, time: -1}
			if x.kind == model.KindMilitary && (strings.HasPrefix(x.pres, "strike") || toks[i].low == "strike" || toks[i].low == "strikes") && d.labourNear(i, s) {
				// "workers went on strike": a labour dispute.
				x.kind, x.pres = model.KindProtest, "strikes"
			}
			if x.kind == model.KindMilitary && x.form != formNoun && d.disasterBefore(i, s) {
				// "the earthquake that hit Japan": nature, not war.
				x.kind = model.KindDisaster
				if x.pres == "" {
					x.pres = "strikes"
				}
			}
			if (x.kind == model.KindAttack || x.kind == model.KindMilitary) && x.form != formNoun && x.form != formBase {
				if k, ok := d.agentKind(i, s); ok {
					// "A wildfire that swept through the town killed
					// 36 people": nature or mishap, not violence.
					x.kind = k
				}
			}
			if x.kind == model.KindAttack && x.form == formPast && d.disasterToll(i, s) {
				// "More than 1,500 people have been killed after a huge
				// earthquake struck Nepal": the quake's toll.
				x.kind = model.KindDisaster
			}
			if x.kind == model.KindEconomic && x.weak && fallingLemmas[x.lemma] && (x.form == formPast || x.form == formPres) && d.craftSubject(i, s) {
				// "The Boeing 777 broke apart and fell onto fields", "the
				// helicopter plunged into the river": a craft that falls
				// crashes; no market moved.
				x.kind, x.weak = model.KindAccident, false
			}
			if x.lemma == "release" && d.custodyNear(i, s) {
				// "released the hostages", "freed from prison": custody
				// ends; "released a new phone" is not that.
				x.kind, x.weak = model.KindArrest, false
			}
			d.modality(&x, s)
			if i > s.t0 && toks[i-1].low == "whose" && d.demandedAfter(i+tr.words, s) {
				// "Shoigu, whose sacking Prigozhin had demanded": what
				// was demanded names no happening.
				i += tr.words - 1
				continue
			}
			if x.adjectival && i > s.t0 && degreeWords[toks[i-1].low] {
				// "the hardest hit areas" names places, not a happening.
				continue
			}
			if tr.aspectual {
				k, ok := d.aspectKind(i, s)
				switch {
				case ok:
					x.kind = k
				case tr.lemma == "collapse":
					// "a three-storey building collapsed": a structure
					// falls, an accident, when no talks or truce did.
					x.aspectual = false
				case tr.lemma == "launch":
					// "launched a new phone": a launch of its own, told
					// weakly (it needs a time of its own to be an event).
					x.aspectual, x.weak = false, true
				default:
					i += tr.words - 1
					continue
				}
			}
			if tr.declares && x.form != formNoun {
				if k, ok := d.declaredKind(i, s); ok {
					// "declared a curfew", "the evacuation was ordered":
					// the curfew, the evacuation is what happened.
					x.kind, x.statement, x.weak = k, false, false
				}
			}
			if x.weak && x.kind == model.KindEconomic && x.form == formPast && d.quantityAfter(i+tr.words, s) && !d.tollBefore(i, s) {
				// "shares fell 3.2%", "the company lost $2 billion": a
				// move by a stated amount is the day's news, not a
				// figure of speech ("support fell away").
				x.weak = false
			}
			x.inherits = (x.form == formPast || x.form == formBase && d.carriedOnInPast(i, s)) && !x.irrealis && !x.negated && !x.statement && !x.aspectual && !x.reduced && !x.adjectival && !x.quoted && !x.weak && !d.presentPassive(i, s) && !d.relativeClause(i, s) && !d.becauseClause(i, s)
			if x.form == formNoun && !x.irrealis && !x.negated && !x.statement && !x.reduced && !x.adjectival && !x.quoted && !x.weak && !diplomatic(x.kind) && x.kind != model.KindProposal && d.lightDeed(i, s) {
				// Talks held and deals reached without a day of their own are
				// the story's background as often as its news; deeds are not.

				x.inherits = true
			}
			if x.statement && x.form == formPast && !x.quoted && !x.irrealis && !x.negated && i+1 < s.t1 && claimObjects[toks[i+1].low] && (toks[i].low == "claimed" || toks[i].low == "admitted") {
				// "IS claimed responsibility for the attacks": a deed of
				// its own, of the story's day like any other.
				x.inherits = true
			}
			if x.statement && x.form == formPast && !x.quoted && !x.irrealis && !x.negated && directiveVerbs[toks[i].low] && d.infinitiveAfter(i, s) && !d.relativeClause(i, s) {
				// "Chan urged the protesters to retreat": a call to act,
				// made once, is a deed of the story's day as an arrest is;
				// what was said ("said that …") still needs its own time.
				x.inherits = true
			}
			if !x.inherits && x.weak && x.form == formPast && !x.irrealis && !x.negated && !x.statement && !x.aspectual && !x.reduced && !x.adjectival && !x.quoted && d.leadSentence(si) && d.hasPerfect(i, s) && !d.relativeClause(i, s) {
				// "Boeing has unveiled a new airliner", "Apple has released
				// an application": what a story's lead says has just been
				// done is its news, however weak the word elsewhere.
				x.inherits = true
			}
			if !x.inherits && x.form == formGerund && x.kind == model.KindPolitical && !x.irrealis && !x.negated && !x.quoted && !x.weak && i-1 >= s.t0 && (toks[i-1].low == "is" || toks[i-1].low == "are") && !d.relativeClause(i, s) {
				// "Smith is stepping down from his post", "the premier is
				// resigning": a departure told as under way is the day's
				// news, announced that day.
				x.inherits = true
			}
			if tr.kind == model.KindProposal && tr.words == 2 && toks[i].low == "leaked" {
				// "the leaked document": a proposal made public, dated by the story.
				x.inherits = !x.quoted
			}
			d.triggers = append(d.triggers, x)
			d.sentTrigs[si] = append(d.sentTrigs[si], len(d.triggers)-1)
			i += tr.words - 1
		}
	}
}

// disasterBefore reports a disaster noun within five words before token
// i ("the earthquake that hit Japan"), whose strike is nature's.
func (d *doc) disasterBefore(i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-5; k-- {
		if isDisasterNoun(d.toks[k].low) {
			return true
		}
	}
	return false
}

// copedWith reports a noun at token i that is the object of a verb of
// living with something ("grapples with widespread damage"): the verb,
// then "with", then at most two modifiers.
func (d *doc) copedWith(i int, s sent) bool {
	for k := i - 1; k > s.t0 && k >= i-3; k-- {
		if d.toks[k].low == "with" {
			return copingVerbs[d.toks[k-1].low]
		}
		if !d.toks[k].word {
			return false
		}
	}
	return false
}

// relativeClause reports a verb in a non-restrictive relative clause
// (", which has seized wide swaths", ", who fled in 2014"), or in the
// present perfect in any relative clause ("a war that has killed
// thousands"): background about someone, not the news of the story's day.
// carriedOnInPast reports a base form after a past "continued to", "began
// to" or "started to" ("demonstrators continued to celebrate", "police
// began to fire tear gas"): the act is told as done, in the past, as its
// own past tense would tell it.
func (d *doc) carriedOnInPast(i int, s sent) bool {
	if i-2 < s.t0 || d.toks[i-1].low != "to" {
		return false
	}
	w := d.toks[i-2].low
	l := continuingLemma(w)
	return l != "" && w != l && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing")
}

func (d *doc) relativeClause(i int, s sent) bool {
	if i-2 > s.t0 && (d.toks[i-1].low == "has" || d.toks[i-1].low == "have") {
		switch d.toks[i-2].low {
		case "that", "which", "who":
			// "a conflict that has killed half a million people": what
			// the noun has done over time describes it; it is no event of
			// the story's day.
			return true
		}
	}
	if i-2 > s.t0 && d.subjectRelative(i, s) {
		return true
	}
	for k, n := i-1, 0; k > s.t0 && n < 4; k, n = k-1, n+1 {
		w := d.toks[k].low
		if (w == "which" || w == "who") && d.toks[k-1].low == "," {
			return true
		}
		if !d.toks[k].word {
			return false
		}
	}
	return false
}

// becauseClause reports a verb at token i in a clause opened by
// "because" ("spared a worse blow because the earthquake hit far from its
// industries"): a cause given to explain, not the story's news of its day.
func (d *doc) becauseClause(i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-8; k-- {
		switch d.toks[k].low {
		case "because":
			return true
		case ",", ";", "and", "but":
			return false
		}
	}
	return false
}

// subjectRelative reports a verb at token i in a restrictive relative
// clause of the sentence's subject, before its main verb: "The captain of
// the jet that crashed near Grenoble, killing 80, had flown the route":
// the crash is what the reader is taken to know, told to say which jet,
// not the story's news.
func (d *doc) subjectRelative(i int, s sent) bool {
	switch d.toks[i-1].low {
	case "that", "which", "who":
	default:
		return false
	}
	if !d.toks[i-2].word {
		return false
	}
	// A verb before the relative pronoun makes the clause part of the
	// predicate ("police said that …", "arrested the man who …").
	for k := s.t0; k < i-1; k++ {
		if d.finiteVerbAt(k) {
			return false
		}
	}
	return true
}

// finiteVerbAt reports a word at token k that is plainly a verb's
// inflected form or an auxiliary ("said", "arrested", "was").
func (d *doc) finiteVerbAt(k int) bool {
	t := d.toks[k]
	if !t.word || t.cap && !t.first {
		return false
	}
	return auxiliaries[t.low] || isVerbForm(t.low)
}

// phraseAt returns the multi-word trigger starting at token k, if any.
func (d *doc) phraseAt(k int) *trigger {
	toks := d.toks
	for _, pi := range phraseIndex[toks[k].low] {
		p := &phrases[pi]
		if k+len(p.words) > len(toks) {
			continue
		}
		match := true
		for j := 1; j < len(p.words); j++ {
			if toks[k+j].low != p.words[j] || d.tokSent[k+j] != d.tokSent[k] {
				match = false
				break
			}
		}
		if match {
			return &p.t
		}
	}
	return nil
}

// wordTrigger decides whether the single token i is a trigger, and as what.
func (d *doc) wordTrigger(i int, s sent) (trigger, bool) {
	toks := d.toks
	w := toks[i].low
	prev := ""
	if i > s.t0 {
		prev = toks[i-1].low
	}
	next := ""
	if i+1 < s.t1 {
		next = toks[i+1].low
	}
	_, isNoun := nouns[w]
	vt, isVerb := verbForms[w]
	if (travelVerbs[w] || w == "flew" || w == "fly" || w == "toured" || w == "tour" || w == "tours") && d.toSite(i, s) {
		// "Bolsonaro flew over the disaster zone", "she would travel to
		// the quake zone": a visit to where it happened.
		form := formPast
		if !strings.HasSuffix(w, "ed") && w != "flew" && w != "went" && w != "came" && w != "sent" {
			form = formBase
		}
		lemma, ok := lexicon.VerbLemma(w)
		if !ok {
			lemma = w
		}
		return trigger{kind: model.KindMeeting, words: 1, lemma: lemma, pres: inflect(lemma)[0], form: form, weak: true}, true
	}
	if siteNouns[next] && (determiners[prev] || prev == "'s") {
		// "travel to the disaster zone", "sealed off the blast site":
		// the noun names a place by what happened there, on another day.
		return trigger{}, false
	}
	if takeForms[w] && d.takesPlace(i+1, s) {
		// "the rebels took the town", "had taken Mosul": a capture.
		form := formPast
		if w == "take" || w == "takes" || w == "taking" {
			form = formBase
		}
		return trigger{kind: model.KindMilitary, words: 1, lemma: "take", pres: "takes", form: form}, true
	}
	if !isNoun && !isVerb {
		tr, ok := wordnetTrigger(w, prev)
		if ok && tr.form == formPres && d.pluralSubject(i, s) {
			return d.asNoun(tr, w)
		}
		if ok && tr.form == formPres && d.afterVerb(i, s) {
			return d.objectNoun(tr, w)
		}
		if ok && tr.form == formNoun && lexicon.IsAdjective(w) && d.nounNext(i+1, s) {
			// "the primary UK index", "the general strike fund": a word
			// that is also an adjective, before a noun, describes it.
			return trigger{}, false
		}
		return tr, ok
	}
	// Verb uses that are not events.
	if isVerb {
		if sense := lemmaSense[vt.lemma]; sense != nil && !sense(d, &vt, i, s) {
			return trigger{}, false
		}
		switch vt.kind {
		case model.KindMilitary:
			// "strike a deal" is an agreement, not an air strike.
			if strings.HasPrefix(w, "stri") || w == "struck" {
				for j := i + 1; j < min(i+4, s.t1); j++ {
					switch toks[j].low {
					case "deal", "agreement", "bargain", "accord", "compromise":
						return trigger{}, false
					}
				}
			}
		case model.KindEconomic:
			if d.tollBefore(i, s) {
				return trigger{}, false // "the death toll rose to 290": a count, no market
			}
		case model.KindDeadline:
			if next != "by" && next != "for" {
				return trigger{}, false
			}
		case model.KindWithdrawal:
			if strings.HasPrefix(w, "pull") && d.fromRuins(i, s) {
				// "pulled a baby alive from the rubble", "pulled two
				// fishermen out of the sea": a rescue.
				vt.kind = model.KindOther
			} else if strings.HasPrefix(w, "pull") {
				// "pull its forces out of", "pulled back": not "pulled ahead".
				out := false
				for j := i + 1; j < min(i+5, s.t1); j++ {
					if toks[j].low == "out" || toks[j].low == "back" {
						out = true
					}
				}
				if !out {
					return trigger{}, false
				}
			}
		}
		if vt.form == formBase && i > s.t0 && i+1 < s.t1 && d.compoundModifier(i) {
			// "to tighten gun laws", "to curb bomb threats": a verb's
			// bare form between another verb and a noun is the noun's
			// modifier.
			return trigger{}, false
		}
		if !isNoun && vt.form == formBase && d.served(i, s) {
			// "while serving a seven-year sentence": a term being served
			// is a state, not an event.
			return trigger{}, false
		}
		if vt.aspectual && (vt.form == formBase || vt.form == formGerund) && !irrealis[prev] {
			isVerb = false
		}
		if vt.form == formGerund && (!isNoun || vt.weak) && (determiners[prev] || prev == "'s" || prev == "'" || vt.weak && i > s.t0 && d.tokTime[i-1] >= 0) && (!isNoun || d.nounNext(i+1, s)) {
			// "Paris' soaring cathedral", "the rising prices", "the
			// spring climbing season": a participle after a determiner
			// (or a season) describes the noun that follows.
			return trigger{}, false
		}
	}
	if isNoun && isVerb {
		verbish := subjectWords[prev] || (i > s.t0 && d.tokEnt[i-1] >= 0 && d.ents[d.tokEnt[i-1]].kind != entPlace && prev != "'s")
		if (prev == "," || prev == "and") && strings.HasSuffix(w, "ing") && i+1 < s.t1 && (toks[i+1].num || objectOpeners[next]) {
			// "crashed on Sunday, killing all 157 people", "toppling
			// buildings and killing 3,000": a participle with its
			// object, not the noun "the killing".
			verbish = true
		}
		if w == "meeting" && (prev == "after" || prev == "before" || prev == "while" || prev == "was" || prev == "were" || prev == "is" || prev == "are" || prev == "been" || prev == "by") {
			verbish = true
		}
		if !verbish || determiners[prev] {
			return nounTriggers[w], true
		}
		return vt, true
	}
	if isNoun {
		return nounTriggers[w], true
	}
	if determiners[prev] && prev != "that" && vt.form == formPast && !(i+1 < s.t1 && toks[i+1].word && !phraseStops[next] && (toks[i+1].cap || nounForm(next))) {
		// "the wounded", "an unexpected": a noun; but "a flooded cave"
		// is a participle describing the cave (marked adjectival below).
		vt.form = formNoun
		return vt, true
	}
	if (prev == "a" || prev == "an" || prev == "the" || adjectiveOnly(prev) || superlative(prev)) && (vt.form == formBase || vt.form == formPres) {
		// "a bomb struck", "the strikes", "widespread damage": after an
		// article or an adjective the word is a noun, whatever verb it
		// also is; the noun's own kind, when the table has it ("the worst
		// storms" are weather, though "stormed" is an assault).
		return d.asNoun(vt, w)
	}
	if vt.form == formPres && d.pluralSubject(i, s) {
		return d.asNoun(vt, w)
	}
	if vt.form == formPres && d.afterVerb(i, s) {
		return d.objectNoun(vt, w)
	}
	if vt.form == formPres && i > s.t0 && toks[i-1].num {
		// "won 17,410,742 votes", "three attacks": counted, a noun.
		return d.asNoun(vt, w)
	}
	return vt, true
}

// toSite reports "to", "over" or "into" the site of an event after token i
// ("flew over the disaster zone", "travel to the crash site").
func (d *doc) toSite(i int, s sent) bool {
	touring := strings.HasPrefix(d.toks[i].low, "tour")
	for k := i + 1; k < s.t1 && k <= i+3; k++ {
		start := k + 1 // the words after the preposition
		switch d.toks[k].low {
		case "to", "over", "into", "around":
		case "the":
			if !touring {
				continue
			}
			start = k // "toured the quake zone": no preposition
		default:
			continue
		}
		for j := start; j < s.t1 && j <= start+3; j++ {
			if siteNouns[d.toks[j].low] {
				_, ev := nouns[d.toks[j-1].low]
				return ev
			}
			if !d.toks[j].word {
				break
			}
		}
		return false
	}
	return false
}

// siteNouns are places named by what happened there ("the crash site",
// "the disaster zone").
var siteNouns = map[string]bool{"zone": true, "zones": true, "site": true, "sites": true, "scene": true}

// pluralSubject reports a word in -s at token i that opens its sentence or
// its clause, or follows a name, with a verb right after it: "Rebels
// forced the army back", "Syrian rebels seized the town", "…, rebels
// seized Kunduz": a plural noun, the subject.
func (d *doc) pluralSubject(i int, s sent) bool {
	return i+1 < s.t1 && (d.toks[i].first || i > s.t0 && (d.toks[i-1].cap || d.toks[i-1].low == ",")) && d.finiteVerbAt(i+1)
}

// asNoun is the noun use of a word taken for a verb: a plural event noun
// keeps its own kind ("the strikes"), people are no event ("the rebels",
// "a rebel").
func (d *doc) asNoun(vt trigger, w string) (trigger, bool) {
	if nt, ok := nounTriggers[strings.TrimSuffix(w, "s")]; ok && vt.form == formPres {
		nt.form = formNoun
		return nt, true
	}
	if personNoun(w) {
		return trigger{}, false
	}
	vt.form = formNoun
	return vt, true
}

// presentPassive reports "is being discussed", "are agreed": a participle
// after a present form of "be" describes now, not a past event.
func (d *doc) presentPassive(i int, s sent) bool {
	for k, n := i-1, 0; k >= s.t0 && n < 2; k, n = k-1, n+1 {
		switch d.toks[k].low {
		case "is", "are", "am", "being", "be", "'re":
			return true
		}
	}
	return false
}

// degreeWords before a participle make it an adjective when a noun
// follows: "the hardest hit areas", "a newly built road".
var degreeWords = map[string]bool{
	"hardest": true, "worst": true, "most": true, "least": true, "badly": true, "heavily": true,
	"newly": true, "recently": true, "previously": true, "widely": true, "so-called": true,
}

// indirectQuestion reports a word at token i inside a question the
// sentence asks rather than answers: a wh-word or "whether" within four
// words before it, itself after a word that asks or doubts ("comment on
// who", "not clear what", "asked whether", "unknown how").
func (d *doc) indirectQuestion(i int, s sent) bool {
	for k := i - 1; k > s.t0 && k >= i-4; k-- {
		switch d.toks[k].low {
		case "who", "what", "whom", "whether", "how", "why":
		default:
			if !d.toks[k].word {
				return false
			}
			continue
		}
		return askingWords[d.toks[k-1].low]
	}
	return false
}

// afterPreposition reports a noun at token k that a preposition governs
// across at most two words ("after the attacks"): not the subject.
func (d *doc) afterPreposition(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3 && d.tokSent[j] == d.tokSent[k]; j-- {
		w := d.toks[j].low
		if phraseStops[w] && !auxiliaries[w] && w != "that" && w != "which" && w != "who" {
			return true
		}
		if !d.toks[j].word {
			return false
		}
	}
	return false
}

// fromRuins reports "from" or "out of" and a noun of ruins or water within
// eight words after token i ("pulled a boy alive from the rubble",
// "pulled out of the sea"), before any clause boundary.
func (d *doc) fromRuins(i int, s sent) bool {
	for j := i + 1; j < s.t1 && j <= i+8; j++ {
		w := d.toks[j].low
		if !d.toks[j].word || subordinators[w] {
			return false
		}
		if w != "from" && !(w == "of" && d.toks[j-1].low == "out") {
			continue
		}
		for k := j + 1; k < s.t1 && k <= j+4; k++ {
			if ruinsNouns[d.toks[k].low] {
				return true
			}
		}
	}
	return false
}

// compoundModifier reports a word at i between a verb that is no
// auxiliary and a common noun ("tighten gun laws"): a noun modifying the
// noun after it, not a verb of its own.
func (d *doc) compoundModifier(i int) bool {
	prev, next := d.toks[i-1], d.toks[i+1]
	if !prev.word || prev.cap || !next.word || next.cap || auxiliaries[prev.low] || modals[prev.low] || prev.low == "to" {
		return false
	}
	if !lexicon.IsVerb(prev.low) || lexicon.IsNoun(prev.low) || !lexicon.IsNoun(d.toks[i].low) {
		return false
	}
	return nounForm(next.low) && !lexicon.IsVerb(next.low) && !determiners[next.low] && !pronouns[next.low]
}
