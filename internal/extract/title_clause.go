package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefingatlas/atlas/internal/lexicon"

	"github.com/briefingatlas/atlas/internal/model"
)

// templated kinds keep their title templates ("Kerry meets Lavrov in
// Moscow", "Ceasefire in Syria"): for encounters and their outcomes the
// template says what happened better than the words around the trigger.
func templated(k model.Kind) bool {
	switch k {
	case model.KindMeeting, model.KindTalks, model.KindAgreement, model.KindStatement,
		model.KindCeasefire, model.KindProposal, model.KindDeadline, model.KindConference,
		model.KindWithdrawal, model.KindAnnexation:
		return true
	}
	return false
}

// Function words that end a title's noun phrase.
var (
	phraseStops = map[string]bool{
		"of": true, "in": true, "at": true, "on": true, "to": true, "for": true, "from": true, "by": true,
		"with": true, "and": true, "or": true, "but": true, "as": true, "after": true, "before": true,
		"that": true, "which": true, "who": true, "where": true, "when": true, "while": true, "into": true,
		"near": true, "since": true, "during": true, "than": true, "amid": true, "over": true, "across": true,
		"outside": true, "inside": true, "through": true, "under": true, "against": true, "about": true,
		"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
		"said": true, "says": true, "killing": true, "leaving": true, "including": true,
		"around": true, "along": true, "beside": true, "toward": true, "towards": true, "via": true,
		"throughout": true, "within": true, "beyond": true, "behind": true, "off": true, "per": true,
		"less": true, "ago": true, "compared": true, "versus": true, "onto": true, "upon": true,
		"without": true, "despite": true, "because": true, "although": true, "though": true, "unless": true,
		"if": true, "until": true, "whether": true,
	}
	auxiliaries = map[string]bool{
		"has": true, "have": true, "had": true, "was": true, "were": true, "is": true, "are": true,
		"been": true, "be": true, "being": true, "having": true, "also": true, "reportedly": true, "allegedly": true,
		"apparently": true, "then": true, "later": true, "finally": true, "had been": true, "just": true,
		"already": true, "now": true, "quickly": true, "suddenly": true, "officially": true,
	}
	titleDeterminers = map[string]bool{
		"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
		"its": true, "his": true, "her": true, "their": true, "our": true, "some": true, "all": true,
	}
)

// pastForm reports a verb's past form that the lexicon also lists as a noun
// ("tore", "fell", "left"), which isVerbForm leaves out.
func pastForm(w string) bool {
	lemma, ok := lexicon.VerbLemma(w)
	return ok && lemma != w && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing")
}

// finiteClauseOpeners open a clause with a verb of its own; "before",
// "after" and "since" are left out, as prepositions too ("before dawn").
var finiteClauseOpeners = map[string]bool{"that": true, "where": true, "while": true, "because": true, "although": true, "though": true, "whereas": true, "when": true, "if": true}

// firstClauseVerb is the sentence's first inflected verb before token end
// that is not an auxiliary, when no subordinate clause opens between it and
// end; -1 otherwise. A participle set off by a comma at end goes on from it.
func (d *doc) firstClauseVerb(s sent, end int) int {
	main := -1
	for k := s.t0; k < end; k++ {
		w := d.toks[k]
		if main < 0 && w.word && !auxiliaries[w.low] && !w.cap && d.tokEnt[k] < 0 && (d.finiteVerbAt(k) || pastForm(w.low)) && !d.describingParticiple(k) {
			main = k
		} else if main >= 0 && (relativePronouns[w.low] || finiteClauseOpeners[w.low]) {
			return -1
		}
	}
	return main
}

// participleDoer is the subject of the event verb a participle set off by a
// comma at token i goes on from ("Troops opened fire on the crowd, killing
// 30 people"): the sentence's first inflected verb, when it is an event
// word of a deed and no relative clause comes between ("claimed the attacks
// that brought chaos, killing dozens" tells who killed no better than the
// noun before the comma). "" when there is none.
func (d *doc) participleDoer(si, i int) string {
	s := d.sents[si]
	main := d.firstClauseVerb(s, i)
	if main < 0 {
		return ""
	}
	deed := false
	for _, ti := range d.sentTrigs[si] {
		if tr := d.triggers[ti]; tr.i == main && !tr.statement {
			deed = true
		}
	}
	if _, nature := d.subjectKind(main, s); !deed && !nature {
		// "An earthquake tore through the region, killing 3,000": a
		// storm or a crash that does something is a doer too.
		return ""
	}
	if subj, passive := d.subjectPhrase(main, s); !passive {
		return d.withoutDateline(subj, s)
	}
	return ""
}

// clauseTitle writes a headline from the clause of the event's main
// trigger: its subject, the verb in the present tense and its object
// ("Militants seize Tikrit", "Massive fire engulfs cathedral roof",
// "Dozens of students killed in Yobe"), or the event noun and its place
// ("Earthquake in Japan"). It returns "" when the clause gives nothing
// better than the kind's template.
func (d *doc) clauseTitle(e *evt) string {
	ti := d.headTrigger(e)
	if ti < 0 {
		return ""
	}
	t := d.triggers[ti]
	s := d.sents[t.sentence]
	place := ""
	if e.Place != nil {
		place = e.Place.Name
	}
	if e.placeText != "" {
		place = e.placeText // "Crowds march in Lyon and Marseille"
	}
	var title string
	if lt := d.lightVerbTitle(t, s); t.form == formNoun && lt != "" {
		title = lt
	} else if t.form == formNoun {
		head := d.text[d.toks[t.i].s:d.toks[t.i+t.words-1].e]
		mod := d.nounModifier(t.i, s)
		if mod != "" {
			head = mod + " " + head
		}
		if pp := d.namedTarget(t.i+t.words, s); pp != "" {
			head += " " + pp
		} else if v := d.aspectAfter(t.i+t.words, s); v != "" {
			head += " " + v // "The operation began Tuesday night": "Operation begins"
		}
		title = capitalise(head)
	} else if t.form == formGerund && t.i > s.t0 && (adjectiveOnly(d.toks[t.i-1].low) || titleDeterminers[d.toks[t.i-1].low]) && !d.toks[t.i-1].cap {
		// "there was widespread burning of buildings": a gerund used as
		// a noun keeps its words ("Widespread burning").
		head := d.text[d.toks[t.i-1].s:d.toks[t.i+t.words-1].e]
		if titleDeterminers[d.toks[t.i-1].low] {
			head = d.toks[t.i].text
		}
		title = capitalise(head)
	} else {
		subj, passive := d.subjectPhrase(t.i, s)
		subj = d.withoutDateline(subj, s)
		if t.form == formGerund && t.i > s.t0 && d.toks[t.i-1].low == "," {
			// "Troops opened fire on the crowd, killing 30 people": the
			// participle's doer is the main clause's, not the noun
			// before the comma.
			if doer := d.participleDoer(t.sentence, t.i-1); doer != "" {
				subj, passive = doer, false
			}
		}
		if subj == "" && t.form == formGerund && t.i > s.t0 && gerundOpeners[d.toks[t.i-1].low] {
			// "Russia would get what it has wanted since intervening in
			// Syria": the clause's doer is the sentence's subject.
			subj = d.sentenceSubject(s, t.i)
		}
		passive = passive && t.form == formPast || d.reducedPassive(t, s)
		if subj == "" && t.form == formPast && t.i-2 >= s.t0 && d.toks[t.i-1].low == "," && d.toks[t.i-2].cap && !pronouns[d.toks[t.i-2].low] && (d.tokEnt[t.i-2] < 0 || d.ents[d.tokEnt[t.i-2]].kind != entPlace) {
			// "Jobs, born in San Francisco …", "Smith, arrested on Monday,
			// …": a participle set off after a name says what befell it.
			a := t.i - 2
			if en := d.tokEnt[a]; en >= 0 {
				a = d.ents[en].t0
			}
			subj, passive = d.text[d.toks[a].s:d.toks[t.i-2].e], true
		}
		if t.form == formPast && t.i > s.t0 && d.toks[t.i-1].num && !(t.i-2 >= s.t0 && d.toks[t.i-2].cap) {
			// "left 265 dead and over 1,400 wounded": a participle that
			// counts people, not a count that acts.
			passive = true
		}
		if name := measuredName(subj); name != "" {
			// "twice the size of the Titanic, which sank in 1912": the
			// ship sank, not its size.
			subj = name
		}
		if rest, ok := strings.CutPrefix(subj, "whose "); ok {
			// "The governor, whose resignation was announced": the
			// governor's resignation.
			if a := d.whoseAntecedent(t.i, s); a != "" {
				subj = a + "'s " + rest
			} else {
				subj = ""
			}
		}
		if pronouns[strings.ToLower(subj)] {
			// "He was killed by U.S. special forces": the person named
			// last before "he"; "It seized the town": the actor the
			// pronoun stands for, if the event knows it, but never the
			// agent of a passive.
			crowd := -1
			if strings.EqualFold(subj, "they") && t.i-2 >= s.t0 && subordinators[d.toks[t.i-2].low] {
				crowd = d.crowdActsBefore(t.i-2, s)
			}
			switch a, said := d.antecedent(t.i, s), d.sayer(t.i, s); {
			case crowd >= 0:
				// "Protesters shed tears as they celebrated": the crowd.
				subj = d.toks[crowd].text
			case said != "" && !passive:
				subj = said
			case a != "":
				subj = a
			case passive:
				return ""
			default:
				subj, _ = titleActors(e.Actors, e.Kind)
			}
		}
		obj := d.objectPhrase(t.i+t.words, s, place)
		if obj == "" && t.form == formPast {
			// "the city of Bakhmut, which Prigozhin said his men
			// captured last month": the relative pronoun is the object,
			// and the verb before it active.
			if obj = d.relativeObject(t.i, s); obj != "" {
				passive = false
			}
		}
		if o := strings.ToLower(obj); o == "him" || o == "her" {
			// "after Mugabe dismissed him": the person the pronoun
			// stands for, named before and not the subject.
			obj = d.objectAntecedent(t.i, subj)
			if obj == "" {
				return ""
			}
		}
		if n := t.i + t.words; obj == "" && (t.words > 1 || d.toSite(t.i, s)) && n+1 < s.t1 {
			switch p := d.toks[n].low; p {
			case "to", "on", "at", "against", "of", "over", "into", "around":
				// "set fire to buses", "opened fire on protesters",
				// "cracked down on dissent": the phrase's object.
				if o := d.objectPhrase(n+1, s, place); o != "" {
					obj = p + " " + o
				}
			}
		}
		if obj != "" && directiveVerbs[d.toks[t.i].low] {
			// "Leaders urge supporters to retreat": what was urged.
			obj += d.urgedDeed(t.i+t.words, s)
		}
		if (obj == "" || strings.Trim(obj, "0123456789-–") == "") && commissiveVerbs[d.toks[t.i].low] {
			// "Hollande pledged to hunt down the killers", "Parliament
			// voted on Monday to impeach the president": what was
			// pledged or voted is the headline's object.
			if deed := strings.TrimSpace(d.urgedDeed(t.i+t.words, s)); deed != "" {
				obj = deed
			}
		}
		if t.form == formPast && obj == "" && countPhrase(subj) && (t.kind == model.KindAttack || t.kind == model.KindArrest) {
			// "saw 77 people killed": a count of people and a deed done
			// to someone with no one after it is what befell them.
			passive = true
		}
		verb := d.verbText(t, passive, plural(subj) || d.demonymPlural(subj))
		if cont := d.continuedBy(t, s); cont != "" {
			// "The army began to withdraw its troops": "Army begins to
			// withdraw troops".
			subj, passive = d.subjectPhrase(t.i-2, s)
			verb = cont + " to " + d.toks[t.i].low
			if plural(subj) {
				verb = continuingLemma(d.toks[t.i-2].low) + " to " + d.toks[t.i].low
			}
		}
		if passive && t.i > s.t0 && hedgeParticiples[d.toks[t.i-1].low] {
			// "10,000 people believed killed": the hedge stays with the
			// verb, so that the title claims no more than the text.
			verb = d.toks[t.i-1].low + " " + verb
		}
		switch {
		case e.Planned && !passive && t.form == formBase:
			verb = "to " + d.text[d.toks[t.i].s:d.toks[t.i+t.words-1].e] // "Macron to visit Beirut", "Ruto to take office"
		case e.Planned && passive && t.i > s.t0 && d.toks[t.i-1].low == "be":
			verb = "to be " + d.participle(t) // "Lula to be sworn in"
		}
		if !cleanPhrase(subj) || !cleanPhrase(obj) {
			return ""
		}
		happened := t.words == 2 && d.toks[t.i+1].low == "place" && takeForms[d.toks[t.i].low]
		switch {
		case subj == "" && obj == "":
			return ""
		case obj == "" && sayingForms[d.toks[t.i].low]:
			// "Mnangagwa, who fled the country, said in a statement that
			// …": "X says" alone tells nothing; the statement template,
			// or what was said (sayTitle), does.
			return ""
		case happened && subj != "":
			// "Two more explosions took place in two suburbs": the
			// subject is what happened; "took place" adds nothing.
			title = capitalise(subj)
		case passive:
			if subj == "" {
				return ""
			}
			title = capitalise(subj) + " " + verb
		case subj == "" && t.form == formPast && t.i > s.t0 && (d.toks[t.i-1].low == "," || d.toks[t.i-1].low == "and") && d.sentenceSubject(s, t.i) != "":
			// "Harper walked along the perimeter, met firefighters and
			// spoke with residents": the verbs of a series share the
			// sentence's subject.
			title = d.sentenceSubject(s, t.i) + " " + d.verbText(t, false, false) + " " + obj
		case subj == "" && motionPrepositions[strings.Fields(obj)[0]]:
			return "" // "to disaster zone traveled" befell nothing
		case subj == "":
			// "…, swiftly conquering the town of Tikrit": no subject of its
			// own; the headline says what befell the object.
			title = capitalise(obj) + " " + d.participle(t)
		default:
			title = capitalise(subj) + " " + verb
			if obj != "" {
				title += " " + obj
			}
			if short := surnameOf(subj); len(title) > maxTitle && short != "" && d.personNamed(subj) {
				// "Recep Tayyip Erdoğan declares seven days of national
				// mourning": the surname keeps the object whole.
				title = short + title[len(subj):]
			}
		}
	}
	if place != "" && !strings.Contains(strings.ToLower(title), strings.ToLower(place)) && !d.namesTownOf(title, e) && len(title)+len(place)+4 <= maxTitle {
		// The place only when it fits: the map and the card's place line
		// show it anyway.
		switch {
		case e.Place.Feature == "offset":
			title += " " + place // "… 20 km east of Aleppo"
		case t.lemma == "send" || t.lemma == "dispatch" || t.lemma == "deploy":
			title += " to " + place // "… sends 5,000 troops to Kabul"
		case displacementLemmas[t.lemma] && t.kind != model.KindProtest && e.placeHow == "sentence":
			title += " into " + place // "Refugees cross into Bangladesh"
		default:
			title += " in " + place
		}
	}
	if len(title) > maxTitle {
		title = cutWords(title, maxTitle)
	}
	return title
}

// headTrigger is the trigger that gave the event its kind, or the verb
// that tells its toll: a verb before a noun, the first in the text on a tie.
func (d *doc) headTrigger(e *evt) int {
	best := -1
	_, caused := d.causeKind(e.trigs)
	for _, ti := range e.trigs {
		t := d.triggers[ti]
		// "An earthquake kills 300": the toll's verb tells the disaster
		// (see causeKind).
		toll := caused && t.kind == model.KindAttack && t.form != formNoun
		if t.kind != e.Kind && !t.aspectual && !toll {
			continue
		}
		if best < 0 || d.triggers[best].form == formNoun && t.form != formNoun && !t.adjectival || d.triggers[best].adjectival && !t.adjectival {
			// "a more devastating blow because the earthquake hit": a word
			// describing a noun heads nothing.
			best = ti
		}
	}
	if best >= 0 && d.triggers[best].form == formNoun {
		// "the Post leaked a proposal document": the verb whose object
		// the event noun is says what was done with it.
		n := d.triggers[best]
		for _, ti := range e.trigs {
			t := d.triggers[ti]
			if t.form != formNoun && !t.statement && t.kind != model.KindStatement && t.sentence == n.sentence && n.i > t.i && n.i <= t.i+t.words+2 {
				return ti
			}
		}
	}
	return best
}

// verbText is the trigger in the present tense ("seize", "seizes"), or as
// a participle for a passive ("killed", "taken into custody").
func (d *doc) verbText(t trig, passive, pluralSubj bool) string {
	words := make([]string, t.words)
	for k := 0; k < t.words; k++ {
		words[k] = d.toks[t.i+k].low
	}
	if passive {
		return strings.Join(words, " ")
	}
	if t.words == 1 {
		if pluralSubj && t.lemma != "" {
			return t.lemma
		}
		if t.pres != "" {
			return t.pres
		}
		if lemma, ok := lexicon.VerbLemma(words[0]); ok && lemma != "be" && lemma != words[0] {
			// A regular verb the table gives no forms for ("climbed").
			return inflect(lemma)[0]
		}
		return words[0]
	}
	// A phrase: put its first word in the present ("took control" →
	// "takes control", "take control" after a plural subject).
	if lemma, ok := lexicon.VerbLemma(words[0]); ok && lemma != "be" {
		if pluralSubj {
			words[0] = lemma
		} else {
			words[0] = inflect(lemma)[0]
		}
	}
	return strings.Join(words, " ")
}

// participle is the trigger's past participle ("conquered", "taken
// over").
func (d *doc) participle(t trig) string {
	words := make([]string, t.words)
	for k := 0; k < t.words; k++ {
		words[k] = d.toks[t.i+k].low
	}
	lemma := t.lemma
	if t.words > 1 || lemma == "" {
		if l, ok := lexicon.VerbLemma(words[0]); ok {
			lemma = l
		}
	}
	if lemma != "" {
		if pp := pastParticiple[lemma]; pp != "" {
			words[0] = pp
		} else {
			words[0] = inflect(lemma)[2]
		}
	}
	return strings.Join(words, " ")
}

// quantityHedges come before a number in an object ("more than 100").
var quantityHedges = map[string]bool{
	"more than": true, "at least": true, "fewer than": true, "less than": true, "up to": true,
	"as many": true, "nearly all": true,
}

// pronouns are no subject for a headline.
var pronouns = map[string]bool{"it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "who": true, "which": true, "that": true, "this": true, "there": true}

// becomeWords make the participle after them a state the subject enters
// ("became stranded", "got trapped"): a headline says "stranded".
var becomeWords = map[string]bool{"became": true, "become": true, "becomes": true, "got": true, "get": true, "gets": true}

// reducedPassive reports a participle right after a plural noun and before
// a preposition, with no auxiliary: "33 workers trapped in the mine",
// "four people taken into custody" (a headline keeps the participle).
func (d *doc) reducedPassive(t trig, s sent) bool {
	if t.form != formPast || t.i <= s.t0 || t.i+t.words >= s.t1 {
		return false
	}
	prev := d.toks[t.i-1]
	if t.i-3 >= s.t0 && prev.word && !prev.cap && nounForm(prev.low) && titleDeterminers[d.toks[t.i-2].low] && prepositions[d.toks[t.i-3].low] && !subordinators[d.toks[t.i-3].low] && prepositions[d.toks[t.i+1].low] {
		// "under a deal signed in Doha": a noun inside a prepositional
		// phrase is no verb's subject; the participle describes it.
		return true
	}
	// A plural noun cannot be a past verb's subject in the singular; a
	// singular one can, but "the man arrested over the bombing has
	// admitted" is as plain when the deed is an arrest, which is done to
	// someone ("the judge ruled on Tuesday that" is a judge's deed).
	arrest := t.kind == model.KindArrest
	if !prev.word || prev.cap || !plural(prev.low) && !(arrest && nounForm(prev.low)) || pronouns[prev.low] {
		return false
	}
	// The word after the participle, inside its phrase or not: "trapped
	// in", "taken into custody".
	if !prepositions[d.toks[t.i+1].low] && d.toks[t.i+1].low != "when" {
		return false // not "the 298 people killed when the jet was downed"
	}
	// A participle only when the noun's own verb comes later ("33 workers
	// trapped in a mine were rescued"; not "explosions struck in quick
	// succession").
	reach := 15
	if arrest {
		// "The man arrested over Friday's bombing in Oslo and the
		// massacre at a youth camp on the island has admitted": what he
		// was arrested over may run long.
		reach = 30
	}
	for j := t.i + t.words; j < s.t1 && j < t.i+t.words+reach; j++ {
		w := d.toks[j].low
		if finiteAux[w] {
			return true
		}
		if l, ok := lexicon.VerbLemma(w); ok && l != w && !d.toks[j].cap && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing") && !lexicon.IsNoun(w) {
			return true
		}
	}
	return false
}

// cleanPhrase rejects subjects and objects that a clause boundary or a
// pronoun runs through ("brothers they feared would"), which would make a
// headline nonsense.
func cleanPhrase(p string) bool {
	for _, w := range strings.Fields(strings.ToLower(p)) {
		if pronouns[w] || auxiliaries[w] || w == "would" || w == "will" || w == "until" || w == "adding" {
			return false
		}
	}
	return true
}

// clauseBegins reports a word at token j that opens another clause inside
// an object: "what", or a participle after a noun ("a document outlining
// …"), not one after a determiner ("the ruling party").
func (d *doc) clauseBegins(j int) bool {
	w := d.toks[j]
	if w.cap {
		return false
	}
	return w.low == "what" || strings.HasSuffix(w.low, "ing") && isVerbForm(w.low) && !determiners[d.toks[j-1].low]
}

// isCurrency reports a currency sign written on its own ("$", "€", "£").
func isCurrency(s string) bool {
	return s == "$" || s == "€" || s == "£" || s == "US$" || s == "¥"
}

// capitalise upper-cases the first letter of s, whatever its script
// ("álvaro" → "Álvaro").
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// surnameOf is the last word of a name of two words or more written in
// capitals, with the particles before it ("Recep Tayyip Erdoğan":
// "Erdoğan"; "Alexander Van der Bellen": "Van der Bellen"), or "".
func surnameOf(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !nameParticles[w] {
			return ""
		}
	}
	// "Alexander Van der Bellen": the particles belong to the surname.
	i := len(words) - 1
	for i > 1 && nameParticles[strings.ToLower(words[i-1])] {
		i--
	}
	return strings.Join(words[i:], " ")
}

// personNamed reports a person of the article named name in full.
func (d *doc) personNamed(name string) bool {
	for _, en := range d.ents {
		if en.kind == entPerson && d.text[d.toks[en.t0].s:d.toks[en.t1-1].e] == name {
			return true
		}
	}
	return false
}

// cutWords shortens s to at most n bytes at a word boundary.
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut <= 0 {
		return s[:n]
	}
	out := strings.TrimRight(s[:cut], " ,;:-")
	// Never end on a word that announces more: "… students in".
	for {
		i := strings.LastIndexByte(out, ' ')
		if i <= 0 || !phraseStops[strings.ToLower(out[i+1:])] && !titleDeterminers[strings.ToLower(out[i+1:])] {
			return out
		}
		out = strings.TrimRight(out[:i], " ,;:-")
	}
}

// capitalRun is the end of the run of capitalised words from k, with
// their numbers and through "of" and "and" between capitalised words, at
// most eight tokens.
func (d *doc) capitalRun(k int, s sent) int {
	end := k
	for end < s.t1 && end < k+8 {
		t := d.toks[end]
		if t.word && t.cap && d.tokTime[end] < 0 || t.num && end > k && d.tokTime[end] < 0 {
			end++ // "Article 370", "Flight 447"
			continue
		}
		if (t.low == "of" || t.low == "and") && end > k && end+1 < s.t1 && d.toks[end+1].cap && d.tokTime[end+1] < 0 {
			end++
			continue
		}
		break
	}
	return end
}

// continuedBy is the present tense ("continues", "begins") of the past
// tense before "to" and a base form trigger t ("continued to fall",
// "began to withdraw"), or "".
func (d *doc) continuedBy(t trig, s sent) string {
	if t.form != formBase || t.i-2 < s.t0 || d.toks[t.i-1].low != "to" {
		return ""
	}
	lemma := continuingLemma(d.toks[t.i-2].low)
	if lemma == "" {
		return ""
	}
	return inflect(lemma)[0]
}

// continuingVerbs carry on or begin the act after their "to"
// ("continued to fall", "began to withdraw"), which they tell as happening.
var continuingVerbs = map[string]bool{"continue": true, "begin": true, "start": true}

// continuingLemma is the lemma of w when w is a form of one of the
// continuingVerbs, else "".
func continuingLemma(w string) string {
	if l, ok := lexicon.VerbLemma(w); ok && continuingVerbs[l] {
		return l
	}
	return ""
}
