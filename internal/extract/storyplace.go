package extract

// Where a story as a whole is set, for the events its sentences leave
// unplaced: its focus town, the place it was filed from or is about, the
// country it names most, the seat of power an upheaval is fought for.

import (
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

// nationalUpheaval reports an event a country undergoes as a whole, told
// by its noun: "a coup attempt", "the revolution". Where the story was
// filed from says nothing of where it happened; it is fought for at the
// seat of power.
func (d *doc) nationalUpheaval(e *evt) bool {
	for _, ti := range e.trigs {
		t := d.triggers[ti]
		if t.form != formNoun || t.kind != e.Kind {
			// "arrested plotters of the failed coup": the arrests are
			// where they were made.
			continue
		}
		if upheavalNouns[d.toks[t.i].low] {
			return true
		}
	}
	return false
}

// nationalVote reports an election told by its noun ("an early
// presidential election", "the referendum"), which the whole country
// holds; a vote a body takes ("parliament voted") happens where it sits.
func (d *doc) nationalVote(e *evt) bool {
	for _, ti := range e.trigs {
		t := d.triggers[ti]
		if t.kind != model.KindElection {
			continue
		}
		if t.form == formGerund || t.form == formNoun && t.i > 0 && d.toks[t.i-1].num {
			// "with Leave winning the referendum", "won 17,410,742
			// votes": the vote's outcome and its count.
			continue
		}
		if t.lemma == "win" && d.electionObject(t) {
			continue // "the NLD won an election": the election is the nation's
		}
		if t.form != formNoun || strings.HasPrefix(d.toks[t.i].low, "vote") {
			if subj, _ := d.subjectPhrase(t.i, d.sents[t.sentence]); t.form != formNoun && subj != "" {
				if _, ok := d.countryByName(strings.TrimPrefix(subj, "The ")); ok {
					continue // "Ghanaians voted", "The UK has voted": a nation's vote
				}
			}
			return false
		}
	}
	return true
}

// electionObject reports an election noun as the object of trigger t,
// within three words ("won an election", "won the general election",
// "won last year's election").
func (d *doc) electionObject(t trig) bool {
	s := d.sents[t.sentence]
	for k := t.i + t.words; k < s.t1 && k <= t.i+t.words+3; k++ {
		w := d.toks[k].low
		if nationalVoteNouns[w] {
			return true // "won a landslide in the general election", "allies won many seats"
		}
		if localVoteWords[w] {
			return false // "won local elections": a town's, not the nation's
		}
		if !d.toks[k].word && w != "'s" && w != "’s" {
			return false
		}
	}
	return false
}

// votersCountry is the country whose people a vote's subject names ("South
// Koreans voted", "The UK has voted"), as a place; nil when no trigger's
// subject is a nation. In a story about another country, that nation voted
// at home.
func (d *doc) votersCountry(e *evt) *model.Place {
	for _, ti := range e.trigs {
		t := d.triggers[ti]
		if t.kind != model.KindElection || t.form == formNoun || t.form == formGerund {
			continue
		}
		subj, _ := d.subjectPhrase(t.i, d.sents[t.sentence])
		if subj == "" {
			continue
		}
		if cc, ok := d.countryByName(strings.TrimPrefix(subj, "The ")); ok {
			p := d.countryPlace(cc, cc.Name)
			return &p
		}
	}
	return nil
}

// mainCountry is the country the article names most, else its dateline's,
// as a place; nil when there is none.
func (d *doc) mainCountry() *model.Place {
	if d.g == nil {
		return nil
	}
	code := ""
	if cs := d.geoContext().Countries; len(cs) > 0 {
		code = cs[0]
	} else if dl := d.dateline(); dl != nil {
		code = dl.Country
	}
	cc, ok := d.g.Country(code)
	if !ok {
		return nil
	}
	p := d.countryPlace(cc, cc.Name)
	return &p
}

// storyCountry is the country of the town the article is about (its
// focus), or nil. A story about a raid in Abbottabad that names the United
// States more often is still set in Pakistan; with no town to go by, the
// country named most may be the one that acted abroad, and is no guess.
func (d *doc) storyCountry() *model.Place {
	if f := d.focusPlace(); f != nil && d.g != nil {
		if cc, ok := d.g.Country(f.Country); ok {
			p := d.countryPlace(cc, cc.Name)
			return &p
		}
	}
	return nil
}

// seatOfPower is the capital of the article's main country, else the
// country; nil when there is none.
func (d *doc) seatOfPower() *model.Place {
	c := d.mainCountry()
	if c == nil {
		return nil
	}
	if p := d.capitalCity(c.Country); p != nil {
		return p
	}
	return c
}

// capitalCity is the capital city of country code, spelled as the article
// spells it, or nil.
func (d *doc) capitalCity(code string) *model.Place {
	if d.g == nil {
		return nil
	}
	cc, ok := d.g.Country(code)
	if !ok || cc.Capital == "" {
		return nil
	}
	if p, ok := d.resolvePlace(cc.Capital, cc.Code); ok && p.Country == cc.Code {
		d.spellAsArticle(&p)
		return &p
	}
	return nil
}

// localPlace is the article's focus town, else its dateline's.
func (d *doc) localPlace() *model.Place {
	if p := d.focusPlace(); p != nil {
		return p
	}
	return d.dateline()
}

// storyWindow reports an event of the days the article reports on (the
// publication day and the two before it), which happened where the story
// was filed unless its sentence says otherwise.
func (d *doc) storyWindow(e *evt) bool { return d.storyWithin(e, 2) }

// storyWeek reports an event of the week before publication, the span a
// news story's own events lie in (storyDate looks as far back).
func (d *doc) storyWeek(e *evt) bool { return d.storyWithin(e, 7) }

// storyWithin reports a past event of under three days that ends no more
// than days before publication.
func (d *doc) storyWithin(e *evt, days int) bool {
	if !e.Dated() || e.Planned || d.dct.IsZero() {
		return false
	}
	return !e.Start.After(d.dct) && !e.End.Before(d.dct.AddDate(0, 0, -days)) && e.End.Sub(e.Start) < 72*time.Hour
}

// focusPlace is the place an article without a dateline is about: the
// town or region it names most often (at least twice; the earlier one on
// a tie), never a bare country, which says too little. A name in the title
// or the lead ("in Tampere") counts twice: a story says where it is set up front
// ("Typhoon leaves thousands dead in Tacloban city") and may not repeat it.
func (d *doc) focusPlace() *model.Place {
	if d.focusDone {
		return d.focus
	}
	d.focusDone = true
	count := map[string]int{}
	first := map[string]int{}
	byKey := map[string]model.Place{}
	for ei := range d.ents {
		en := &d.ents[ei]
		if en.kind != entPlace || !en.hasPlace || en.country || en.place.Feature == "country" {
			continue
		}
		lead := d.leadSentence(en.sentence) && en.locative && settingWords[d.prevWord(en.t0)] && !d.speakersPlace(en.t0)
		if en.place.Feature == "feature" {
			// A desert, a range or a sea is the story's scene only where
			// the lead sets it there ("33 workers trapped in a mine in
			// the Atacama Desert"), not for being named.
			lead = d.leadSentence(en.sentence) && en.locative && settingWords[d.prepBefore(en.t0)]
			if !lead {
				continue
			}
		}
		k := en.place.Key
		if _, ok := byKey[k]; !ok {
			byKey[k] = en.place
			// The first mention's word, not its sentence: two places
			// first named in one sentence must not tie, or the map's
			// order would pick one at random.
			first[k] = en.t0
		}
		count[k]++
		if d.titleSentence(en.sentence) || lead {
			// Where the lead says something happened, not a speaker's
			// town ("a Lyon prosecutor said") or where someone was sent
			// ("to Paris"), which the story may be far from.
			count[k]++
		}
	}
	bestKey, bestN := "", 0
	for k, n := range count {
		if n > bestN || n == bestN && first[k] < first[bestKey] {
			bestKey, bestN = k, n
		}
	}
	if bestN >= 2 {
		p := byKey[bestKey]
		d.focus = &p
	}
	return d.focus
}

// speakersPlace reports a place where someone spoke ("told reporters in
// Mexico City", "said in Geneva", "speaking at the UN"): a speaker's town,
// which the story may be far from. A result "announced at Leeds Town
// Hall" is told where it happened.
func (d *doc) speakersPlace(t0 int) bool {
	for j, n := t0-2, 0; j >= 0 && n < 3 && d.tokSent[j] == d.tokSent[t0]; j, n = j-1, n+1 {
		switch w := d.toks[j].low; {
		case w == "said" || w == "says" || w == "speaking" || w == "spoke":
			return n == 0
		case tellForms[w]:
			return true // "told reporters in", "told a news conference in"
		}
	}
	return false
}

// titleSentence reports whether sentence si is the article's title: the
// one the source gave, else the first line when it is a headline.
func (d *doc) titleSentence(si int) bool {
	s := d.sents[si]
	if !s.headline {
		return false
	}
	if t := strings.TrimSpace(d.a.Title); t != "" {
		return strings.TrimSpace(d.text[s.Start:s.End]) == t
	}
	return si == 0
}

// background reports a dated past event well before the story's days,
// which the story recalls.
func (d *doc) background(e *evt) bool {
	return e.Dated() && !e.Planned && !d.dct.IsZero() && e.End.Before(d.dct.AddDate(0, 0, -2)) && e.Kind != model.KindStatement
}

// filedFromAfar is the place a story is about when it was filed from a
// town it seldom names again: the town or region the body names most, at
// least three times and more than twice as often as the dateline's town,
// or nil.
func (d *doc) filedFromAfar() *model.Place {
	if !d.afarDone {
		d.afarDone = true
		d.afar = d.findFiledFromAfar()
	}
	return d.afar
}

func (d *doc) findFiledFromAfar() *model.Place {
	dl := d.dateline()
	if dl == nil {
		return nil
	}
	// The dateline itself, when the tokeniser took it for prose ("New
	// Delhi: After a hectic day…").
	dlAt := -1
	if i := strings.Index(d.text, strings.TrimSpace(d.a.Dateline)); i >= 0 && i < 400 {
		dlAt = i
	}
	count := map[string]int{}
	byKey := map[string]*model.Place{}
	atDesk := 0
	for ei := range d.ents {
		en := &d.ents[ei]
		if en.kind != entPlace || !en.hasPlace || en.dateline || d.toks[en.t0].s <= dlAt+len(d.a.Dateline) && d.toks[en.t1-1].e >= dlAt {
			continue
		}
		if _, ok := landmarks[d.lowSpan(en.t0, en.t1)]; ok {
			// "the Rajya Sabha", "the Kremlin": where a government sits
			// and speaks, which says nothing of where the day's field
			// events were.
			continue
		}
		if en.place.Key == dl.Key || geo.DistanceKm(en.place.Lat, en.place.Lon, dl.Lat, dl.Lon) <= samePlaceKm {
			atDesk++ // the body names the dateline's town: the story may be there too
			continue
		}
		if en.country || en.place.Feature == "country" || en.place.Feature == "feature" {
			continue
		}
		count[en.place.Key]++
		byKey[en.place.Key] = &en.place
	}
	best, bestN := "", 0
	for k, n := range count {
		if n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	if bestN < 3 || bestN <= 2*atDesk {
		return nil
	}
	p := *byKey[best]
	return &p
}

// fieldKind reports kinds of events that happen where the story is, not at
// the desk of a government that speaks, meets or legislates in its capital.
func fieldKind(k model.Kind) bool {
	switch k {
	case model.KindAttack, model.KindMilitary, model.KindArrest, model.KindDisaster, model.KindAccident, model.KindProtest, model.KindWithdrawal:
		return true
	}
	return false
}

// foreignGovernment is the country of a government that is the subject of
// event e's first word ("China ordered …") when it is not the dateline's
// country, or nil.
func (d *doc) foreignGovernment(e *evt) *model.Place {
	dl := d.dateline()
	if dl == nil || len(e.trigs) == 0 {
		return nil
	}
	i := d.triggers[e.trigs[0]].i
	for ei := range d.ents {
		en := &d.ents[ei]
		if en.kind != entGov || en.sentence != e.sentence || en.t1 > i || en.t1 < i-3 {
			continue
		}
		if w := d.prevWord(en.t0); w != "" && w != "the" && !d.toks[en.t0-1].first {
			continue // "villagers from Syria fled": no government's act
		}
		if p, ok := d.govPlace(en); ok && p.Country != dl.Country {
			return &p
		}
	}
	return nil
}
