package extract

// Who or what the words of a title stand for: a pronoun ("he", "him"), a
// relative word ("whose", "which") or a measure ("the size of the
// Titanic") is replaced by the name it refers to, or the title falls back
// to its template; and whether a title already names where it happened.

import "strings"

// namesTownOf reports a title that names a town of the event's country
// ("Crowds take to the streets of Tripoli and Benghazi"), which says where
// better than the country's name after it would.
func (d *doc) namesTownOf(title string, e *evt) bool {
	if e.Place == nil || e.Place.Feature != "country" {
		return false
	}
	for ei := range d.ents {
		en := &d.ents[ei]
		if en.sentence == e.sentence && en.kind == entPlace && en.hasPlace && !en.country && en.place.Country == e.Place.Country && strings.Contains(title, d.span(en.t0, en.t1)) {
			return true
		}
	}
	return false
}

// objectAntecedent is the person named last before token i in its
// sentence who is not the subject subj; "" when none. Further back the
// pronoun may stand for anyone.
func (d *doc) objectAntecedent(i int, subj string) string {
	return d.lastPersonBefore(i, d.tokSent[i], subj)
}

// lastPersonBefore is the person named last before token k, no earlier
// than sentence from, whose name neither holds nor is held by skip; "" when
// none.
func (d *doc) lastPersonBefore(k, from int, skip string) string {
	best := -1
	for ei := range d.ents {
		en := &d.ents[ei]
		if en.kind != entPerson || en.t1 > k || en.sentence < from || d.toks[en.t0].quoted {
			continue
		}
		if name := d.span(en.t0, en.t1); skip != "" && (strings.Contains(skip, name) || strings.Contains(name, skip)) {
			continue
		}
		if best < 0 || en.t0 > d.ents[best].t0 {
			best = ei
		}
	}
	if best < 0 {
		return ""
	}
	return d.span(d.ents[best].t0, d.ents[best].t1)
}

// nameBeforeComma is the name ending right before the comma at token k
// ("The governor, whose …", "Bakhmut, which …"), or with nouns the noun
// there; "" otherwise.
func (d *doc) nameBeforeComma(k int, nouns bool) string {
	if k < 1 || d.toks[k].low != "," {
		return ""
	}
	a := k - 1
	if en := d.tokEnt[a]; en >= 0 {
		return d.span(d.ents[en].t0, d.ents[en].t1)
	}
	if nouns && d.toks[a].word && nounForm(d.toks[a].low) {
		return d.toks[a].text
	}
	return ""
}

// whoseAntecedent is the name or noun before ", whose" ahead of token i
// ("The governor, whose resignation …": "governor"), or "".
func (d *doc) whoseAntecedent(i int, s sent) string {
	for k := i - 1; k-2 >= s.t0; k-- {
		if d.toks[k].low != "whose" {
			continue
		}
		return d.nameBeforeComma(k-1, true)
	}
	return ""
}

// relativeObject is the noun a "which" before the verb at token i stands
// for when "which" is the verb's object (", which Prigozhin said his men
// captured"): the name or noun right before ", which", or "". A verb with
// an object of its own after it, or a "which" that is the subject (",
// which captured"), has none.
func (d *doc) relativeObject(i int, s sent) string {
	if i+1 < s.t1 && d.toks[i+1].word && d.tokTime[i+1] < 0 && !prepositions[d.toks[i+1].low] && !subordinators[d.toks[i+1].low] {
		return ""
	}
	for k := i - 1; k-2 >= s.t0 && k >= i-8; k-- {
		w := d.toks[k].low
		if w == "," || w == ";" {
			return ""
		}
		if w != "which" {
			continue
		}
		if k == i-1 || auxiliaries[d.toks[k+1].low] {
			return "" // ", which was captured": the subject
		}
		return d.nameBeforeComma(k-1, false)
	}
	return ""
}

// measuredName is the name a measure phrase is taken of ("size of the
// Titanic": "Titanic"), or "" when subj is no such phrase.
func measuredName(subj string) string {
	f := strings.Fields(subj)
	for k := 0; k+2 < len(f) && k < 3; k++ {
		switch strings.ToLower(f[k]) {
		case "size", "length", "height", "width", "weight":
			if strings.ToLower(f[k+1]) != "of" {
				return ""
			}
			rest := f[k+2:]
			if strings.EqualFold(rest[0], "the") && len(rest) > 1 {
				rest = rest[1:]
			}
			if first := rest[0]; first != "" && strings.ToUpper(first[:1]) == first[:1] {
				return strings.Join(rest, " ")
			}
			return ""
		}
	}
	return ""
}

// antecedent is the person "he" or "she" before token i of sentence s
// stands for: the last person named before it, in its sentence or the two
// before; "" when there is none.
func (d *doc) antecedent(i int, s sent) string {
	p := -1
	for k := i - 1; k >= s.t0; k-- {
		if w := d.toks[k].low; w == "he" || w == "she" {
			p = k
			break
		}
	}
	if p < 0 {
		return ""
	}
	return d.lastPersonBefore(p, d.tokSent[p]-2, "")
}

// sayer is who a pronoun subject before token i stands for when it opens
// what someone is reported to have said: in "Union leaders said they would
// strike" and "the minister told reporters she would resign" it is the one
// who said it. "" when the pronoun does not follow a reporting verb, or
// the one who said it is not named by a noun phrase of its own.
func (d *doc) sayer(i int, s sent) string {
	p := -1
	for k := i - 1; k >= s.t0 && k >= i-4; k-- {
		if w := d.toks[k].low; w == "he" || w == "she" || w == "they" || w == "it" {
			p = k
			break
		}
		if !d.toks[k].word {
			return ""
		}
	}
	if p < 0 {
		return ""
	}
	k := p - 1
	if k >= s.t0 && d.toks[k].low == "that" {
		k--
	}
	// "told reporters she …", "told the BBC it …": the hearer stands
	// between the reporting verb and what it reports.
	for j, n := k, 0; j >= s.t0 && n < 4; j-- {
		if d.tokTime[j] >= 0 || d.toks[j].low == "on" || d.toks[j].low == "that" {
			continue // "said on Monday that it had …"
		}
		n++
		if tr, ok := verbForms[d.toks[j].low]; ok && tr.statement && (tr.form == formPast || tr.form == formPres) {
			if n > 1 && !tellForms[d.toks[j].low] {
				return ""
			}
			subj, passive := d.subjectPhrase(j, s)
			if passive || subj == "" || pronouns[strings.ToLower(subj)] || !cleanPhrase(subj) {
				return ""
			}
			return subj
		}
		if !d.toks[j].word {
			return ""
		}
	}
	return ""
}

// motionPrepositions open a destination, which nothing befalls.
var motionPrepositions = map[string]bool{"to": true, "into": true, "over": true, "around": true, "onto": true, "towards": true, "toward": true}
