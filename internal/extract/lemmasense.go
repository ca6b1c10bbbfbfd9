package extract

// The sense of a verb or an event noun in its sentence: the table of
// lemmaSense and nounSense, and the test each of those words gets ("shares
// declined 3%" against "declined to comment", "removed Mugabe as party
// leader" against "removed debris"). The word helpers they share are in
// wordcontext.go.

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// lemmaSense decides, for verbs whose sense hangs on the words around them,
// whether this use is an event word, and may change its kind or make it
// firm; false drops it. Each is written for a class of phrasing, with its
// counter-examples beside it.
var lemmaSense = map[string]func(d *doc, t *trigger, i int, s sent) bool{
	"send": deploymentSense, "dispatch": deploymentSense,
	"win":    winSense,
	"pledge": promiseSense, "vow": promiseSense, "promise": promiseSense,
	"erupt":  eruptSense,
	"gather": crowdSense, "converge": crowdSense, "celebrate": crowdSense,
	"demonstrate": demonstrateSense,
	"post":        postSense, "write": writeSense,
	"die":     dieSense,
	"finish":  finishSense,
	"close":   closeSense,
	"reveal":  revealSense,
	"decline": declineSense,
	"cut":     costSense, "raise": costSense, "hike": costSense, "slash": costSense, "shed": costSense,
	"name": nameSense, "remove": removeSense,
	"burn":  burnSense,
	"shoot": shootSense,
	"glide": craftSense, "went down": craftSense, "gone down": craftSense, "go down": craftSense, "goes down": craftSense,
	"cross": displacementSense, "walk": displacementSense, "trek": displacementSense, "pour": pourSense,
	"order":    orderSense,
	"evacuate": evacuationSense, "hit": hitSense,
	"crash": crashSense, "vote": voteSense, "block": blockSense, "fire": fireVerbSense,
	"open fire": openFireSense, "rule": courtRuleSense,
	"ditch": ditchSense, "free": freeSense, "lose": loseSense, "overturn": overturnSense, "explode": blastSense,
	"come down": craftSense, "came down": craftSense, "comes down": craftSense,
	"search": searchSense, "engulf": engulfSense, "drop": dropSense,
	"fight": fightSense, "shell": shellSense, "praise": praiseSense, "pass": legislationSense, "adopt": legislationSense,
	"defeat": defeatSense, "award": awardSense, "rally": rallySense, "launch": launchSense, "unveil": unveilSense,
	"rise": tollSense, "climb": climbSense, "jump": tollSense, "soar": tollSense, "surge": tollSense,
}

// nounSense does for the event nouns of the lexicon what lemmaSense does
// for verbs.
var nounSense = map[string]func(d *doc, t *trigger, i int, s sent) bool{
	"operation": operationSense, "evacuation": evacuationSense, "fire": fireSense,
	"ruling": rulingSense, "retreat": retreatSense, "crash": crashSense,
	"uprising": uprisingSense, "revolt": uprisingSense,
	"explosion": blastSense, "explosions": blastSense, "blast": blastSense, "blasts": blastSense,
	"landslide": landslideSense,
}

// rescueSearch reports a search for people or a lost craft ("for 11 missing
// workers", "for survivors", "for the missing jet") or by rescuers.
func (d *doc) rescueSearch(i int, s sent) bool {
	if d.wordBefore(i, s, 6, rescuerNouns) {
		return true
	}
	for k := i + 1; k < s.t1 && k <= i+8; k++ {
		if d.toks[k].low != "for" {
			if subordinators[d.toks[k].low] || d.toks[k].low == ";" {
				return false
			}
			continue
		}
		for j := k + 1; j < s.t1 && j <= k+5; j++ {
			if soughtNouns[d.toks[j].low] {
				return true
			}
			if !d.toks[j].word {
				break
			}
		}
		return false
	}
	return false
}

// dropSense: prices or a currency that drop move a market; commandos
// who dropped onto a roof, or people who dropped out, did not (a force or
// a person right before the verb, or "onto", "into", "out" after it).
func dropSense(d *doc, t *trigger, i int, s sent) bool {
	if i+1 < s.t1 {
		switch d.toks[i+1].low {
		case "onto", "into", "out", "off":
			return false
		}
	}
	for k := i - 1; k >= s.t0 && k >= i-3; k-- {
		w := d.toks[k].low
		if forceNouns[w] || armedNouns[w] || w == "commandos" || !d.toks[k].cap && personNoun(w) {
			return false
		}
		if !d.toks[k].word {
			break
		}
	}
	return true
}

// fightSense: fighting between armed men is combat, firm enough to take
// the story's day ("the gunmen holed up inside fought back", "rebels fought
// government troops"); "fought for their rights", "fought corruption" stay
// weak and need a time of their own.
func fightSense(d *doc, t *trigger, i int, s sent) bool {
	armed := func(w string) bool { return armedNouns[w] || forceNouns[w] || attackerNouns[w] }
	for k := i - 1; k >= s.t0 && k >= i-5; k-- {
		w := d.toks[k].low
		if armed(w) {
			t.weak = false
			return true
		}
		if !d.toks[k].word || subordinators[w] || w == "who" || w == "that" {
			break
		}
	}
	for k := i + 1; k < s.t1 && k <= i+4; k++ {
		w := d.toks[k].low
		if armed(w) {
			t.weak = false
			return true
		}
		if !d.toks[k].word || subordinators[w] {
			break
		}
	}
	return true
}

// praiseSense: "praised the crew" is a statement; "won praise", "high
// praise" is the noun, no act of the day.
func praiseSense(d *doc, t *trigger, i int, s sent) bool {
	return d.toks[i].low != "praise"
}

// shellSense: "the blackened shell of the tower", "the shells of burnt-out
// cars" are what is left of something; artillery that shelled a town, or
// shells that landed, are fire.
func shellSense(d *doc, t *trigger, i int, s sent) bool {
	w := d.toks[i].low
	return w != "shell" && w != "shells" || d.nextLow(i, s) != "of" // "heavy shelling of villages" is fire
}

// legislationSense: a legislature that passes or adopts a bill, a budget or
// a resolution decides ("parliament passed the budget", "the bill was
// passed in the upper house", "adopted a resolution"), firmly; "passed
// away", "passed the ball", "adopted a child" are no event.
func legislationSense(d *doc, t *trigger, i int, s sent) bool {
	if d.objectHolds(i, 5, s, legislationNouns) {
		t.weak = false
		return true
	}
	// The passive: its subject before "was", "were", "been".
	k := i - 1
	for k >= s.t0 && (auxiliaries[d.toks[k].low] || strings.HasSuffix(d.toks[k].low, "ly") || d.toks[k].low == "also") {
		k--
	}
	passive := false
	for _, a := range d.toks[k+1 : i] {
		passive = passive || passiveAux[a.low]
	}
	if !passive {
		return false
	}
	for n := 0; k >= s.t0 && n < 10; k, n = k-1, n+1 {
		w := d.toks[k].low
		if legislationNouns[w] {
			t.weak = false
			return true
		}
		if w == "that" || w == "which" || subordinators[w] || d.finiteVerbAt(k) && !d.toks[k].cap {
			break
		}
	}
	return false
}

// engulfSense: fire or water that engulfs a place is a disaster; chaos or
// violence that engulfs a city describes what others did
// (abstractSubjects), no happening of its own.
func engulfSense(d *doc, t *trigger, i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-3; k-- {
		w := d.toks[k].low
		if abstractSubjects[w] {
			return false
		}
		if !d.toks[k].word || !auxiliaries[w] && !strings.HasSuffix(w, "ly") {
			break
		}
	}
	return true
}

// searchSense: "agents searched a house", "police searched his flat" is a
// police search (premisesNouns, policeNouns); "rescuers searched the
// rubble", "searched the sea for survivors" is a rescue effort (see
// rescueSearch); soldiers searching houses in a sweep, which the raid
// tells, and "searched for answers" are neither.
func searchSense(d *doc, t *trigger, i int, s sent) bool {
	if d.rescueSearch(i, s) {
		// "Coast Guard ships searched the Gulf for 11 missing workers",
		// "rescuers searched the rubble": the day's rescue effort.
		t.kind, t.weak = model.KindOther, false
		return true
	}
	if !d.wordBefore(i, s, 6, policeNouns) {
		return false
	}
	for k := i + 1; k < s.t1 && k <= i+4; k++ {
		w := d.toks[k].low
		if premisesNouns[w] {
			return true
		}
		if !d.toks[k].word || w == "for" || subordinators[w] {
			return false
		}
	}
	return false
}

// orderSense: "in order to bring their pay into line" states a purpose;
// "ordered the evacuation" is a decision.
func orderSense(d *doc, t *trigger, i int, s sent) bool {
	next := d.nextLow(i, s)
	return !(i > s.t0 && d.toks[i-1].low == "in" && (next == "to" || next == "that" || next == "for"))
}

// nextLow is the lower-case word after token i in sentence s, or "".
func (d *doc) nextLow(i int, s sent) string {
	if i+1 < s.t1 {
		return d.toks[i+1].low
	}
	return ""
}

// deploymentSense: "sent 5,000 troops" is a deployment; "sent a letter",
// "sent home" are not.
func deploymentSense(d *doc, t *trigger, i int, s sent) bool {
	if !d.forcesAfter(i+1, s) {
		return false
	}
	t.weak = false
	return true
}

// winSense: "won the presidential runoff" is an election's outcome, "won a
// contract" business; "won praise" or "won the final" are neither.
func winSense(d *doc, t *trigger, i int, s sent) bool {
	switch d.prizeAfter(i+1, s) {
	case model.KindElection:
		t.weak = false
	case model.KindEconomic:
		t.kind, t.weak = model.KindEconomic, false
	default:
		return false
	}
	return true
}

// promiseSense: "pledged to hunt down the killers" is a promise said, not
// an agreement made ("pledged $1 billion" stays one).
func promiseSense(d *doc, t *trigger, i int, s sent) bool {
	if d.nextLow(i, s) == "to" {
		t.kind = model.KindStatement
	}
	return true
}

// eruptSense: only a volcano erupts as a disaster; "Cairo erupted in
// celebration", "protests erupted" are a crowd's outburst.
func eruptSense(d *doc, t *trigger, i int, s sent) bool {
	if !d.volcanoBefore(i, s) {
		t.kind = model.KindProtest
	}
	return true
}

// burnSense: a fire or an arson burns homes, a village or a forest, burns
// down or burns for hours, or burns with no object ("the building burned
// on Monday"); "burned their rubbish" or "burned calories" tells nothing.
func burnSense(d *doc, t *trigger, i int, s sent) bool {
	next := d.nextLow(i, s)
	if next == "" || !d.toks[i+1].word || burnAfter[next] || subordinators[next] {
		return true
	}
	// The object: the first word after any determiners, possessives,
	// numbers and describing words, within four words.
	for j := i + 1; j < s.t1 && j < i+5; j++ {
		w := d.toks[j].low
		if burnTargets[w] {
			return true
		}
		if !d.toks[j].word && !d.toks[j].num {
			break
		}
	}
	// An adverb after the verb ("burned fiercely") keeps it intransitive.
	return strings.HasSuffix(next, "ly")
}

// shootSense: flames or smoke that shoot out of a roof are the fire's, a
// disaster, not a shooting; the subject is within four words before the
// verb.
func shootSense(d *doc, t *trigger, i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-4; k-- {
		if fireNouns[d.toks[k].low] {
			t.kind = model.KindDisaster
			return true
		}
		if !d.toks[k].word {
			break
		}
	}
	if d.wordAhead(i+1, 3, s, riotMunitions) && !d.attackerFires(i, s) {
		// "police shot tear gas into the crowd": crowd control, as
		// "fired tear gas" is.
		t.kind = model.KindProtest
	}
	return true
}

// craftSense: an aircraft or a ship that goes down crashes or sinks ("a
// jet that went down in the Alps"); prices, a speech or a fighter in a
// bout that went down do not. The craft is within six words before.
func craftSense(d *doc, t *trigger, i int, s sent) bool {
	if d.craftSubject(i, s) {
		return true // "Flight JT610, a Boeing 737 delivered in August, came down"
	}
	for k := i - 1; k >= s.t0 && k >= i-6; k-- {
		if craftNouns[d.toks[k].low] {
			return true
		}
		if d.toks[k].low == "," || d.toks[k].low == ";" {
			break
		}
	}
	return false
}

// displacementSense: refugees or migrants who cross, walk, trek or pour
// somewhere ("hundreds more refugees yesterday walked … into Bangladesh")
// are a movement of people, news of its own; "the minister crossed the
// room", "rain poured" are not. The people are the subject, within six
// words before the verb.
func displacementSense(d *doc, t *trigger, i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-6; k-- {
		w := d.toks[k].low
		if displacedNouns[w] {
			t.weak = false
			return true
		}
		if w == "," || w == ";" || subordinators[w] {
			break
		}
	}
	return false
}

// pourSense: refugees who pour over a border move (displacementSense); a
// crowd that pours into the streets or onto a palace's grounds is a
// protest; rain that pours is neither.
func pourSense(d *doc, t *trigger, i int, s sent) bool {
	if displacementSense(d, t, i, s) {
		return true
	}
	if d.crowdSubject(i, s) {
		// "Supporters of the president poured into the streets".
		t.kind, t.weak = model.KindProtest, false
		return true
	}
	return false
}

// crowdSense: "protesters gathered outside the court"; not "officials
// gathered evidence".
func crowdSense(d *doc, t *trigger, i int, s sent) bool {
	if !d.crowdSubject(i, s) {
		return false
	}
	// A crowd that gathers or celebrates is the day's news, as one that
	// marches is: it may take the story's day.
	t.weak = false
	return true
}

// crowdSubject reports a crowd as the subject of the verb at token i, right
// before it ("protesters gathered", "thousands had converged") or across
// the words that describe it ("demonstrators from the northern towns
// gathered", "demonstrators in central Cairo continued to celebrate") or
// an aside ("demonstrators, despite the tear gas, blocked"): a crowd noun
// within eight words before, no verb, clause or other comma between.
// A pronoun after a subordinator ("protesters shed tears of joy as they
// celebrated") is the crowd when a crowd noun is a subject before it; a
// crowd the clause acts on ("fired at protesters as they marched") may not
// be who "they" are.
func (d *doc) crowdSubject(i int, s sent) bool {
	if i-2 >= s.t0 && d.toks[i-1].low == "they" && subordinators[d.toks[i-2].low] {
		return d.crowdActsBefore(i-2, s) >= 0
	}
	for j := i - 1; j >= s.t0 && j >= i-8; j-- {
		w := d.toks[j].low
		switch {
		case crowdNouns[w] && quantityNouns[w] && j+2 < i && d.toks[j+1].low == "of":
			// "thousands of people gathered", not "hundreds of
			// mountaineers had gathered at base camp".
			x := d.toks[j+2].low
			return crowdNouns[x] || x == "people" || x == "residents" || x == "citizens" || x == "mourners"
		case crowdNouns[w]:
			return true
		case w == "to" || auxiliaries[w] || continuingLemma(w) != "":
		case w == "," && d.prepositionAside(j, s) >= 0:
			// "demonstrators, despite the tear gas, blocked the avenue".
			return d.crowdSubject(d.prepositionAside(j, s), s)
		case !d.toks[j].word || subordinators[w] || d.finiteVerbAt(j):
			return false
		}
	}
	return false
}

// crowdActsBefore is the nearest crowd noun before token k that is the
// subject of the verb right after it ("protesters shed tears", "crowds had
// gathered"), or -1.
func (d *doc) crowdActsBefore(k int, s sent) int {
	for j := k - 1; j > s.t0; j-- {
		if !crowdNouns[d.toks[j-1].low] {
			continue
		}
		v := j
		for v < k && auxiliaries[d.toks[v].low] {
			v++
		}
		if v < k && d.finiteVerbAt(v) {
			return j - 1
		}
	}
	return -1
}

// demonstrateSense: a protest takes no object ("demonstrated against the
// law", "demonstrated outside"); "demonstrated a new phone" shows it.
func demonstrateSense(d *doc, t *trigger, i int, s sent) bool {
	return i+1 >= s.t1 || !d.toks[i+1].word || protestAfter[d.nextLow(i, s)]
}

// postSense: "posted a net loss" is a company's result; "posted a video"
// is not.
func postSense(d *doc, t *trigger, i int, s sent) bool {
	if d.mediumAfter(i+1, s) {
		// "posted on Facebook", "posted a video on Twitter": a saying.
		t.kind, t.statement = model.KindStatement, true
		return true
	}
	return d.resultAfter(i+1, s)
}

// dieSense: "died of his wounds" is a killing, an attack's toll; "died of
// cancer", "died from natural causes" is a death, neither an attack nor a
// disaster; "died in the flood" keeps the disaster it names.
func dieSense(d *doc, t *trigger, i int, s sent) bool {
	for j := i + 1; j < s.t1 && j < i+3; j++ {
		if w := d.toks[j].low; w != "of" && w != "from" {
			continue
		}
		for k := j + 1; k < s.t1 && k < j+4; k++ {
			w := d.toks[k].low
			switch {
			case woundNouns[w]:
				t.kind = model.KindAttack
				return true
			case illnessNouns[w]:
				t.kind = model.KindOther
				return true
			case !d.toks[k].word:
				return true
			}
		}
		return true
	}
	return true
}

// writeSense: "wrote on Twitter", "wrote in a letter to lawmakers" is a
// statement; "wrote a book", "wrote the law" is not.
func writeSense(d *doc, t *trigger, i int, s sent) bool {
	return d.mediumAfter(i+1, s)
}

// mediumAfter reports what a statement is written in within the five
// tokens from k: "on" and a social-media platform ("on Twitter"), or "in"
// and an article and a written medium ("in a letter", "in a post").
func (d *doc) mediumAfter(k int, s sent) bool {
	for j := k; j < s.t1 && j < k+5; j++ {
		w := d.toks[j].low
		switch {
		case w == "on" && j+1 < s.t1 && platforms[d.toks[j+1].low]:
			return true
		case w == "in" && j+2 < s.t1 && articleWords[d.toks[j+1].low] && writtenMedia[d.toks[j+2].low]:
			return true
		case w == "in" && j+1 < s.t1 && writtenMedia[d.toks[j+1].low]:
			return true
		case !d.toks[j].word || subordinators[w]:
			return false
		}
	}
	return false
}

// finishSense: "finished up 3%", "finished at 7,223" is a market's close;
// "finished her speech" is not.
func finishSense(d *doc, t *trigger, i int, s sent) bool {
	return marketClose[d.nextLow(i, s)]
}

// closeSense: "the index closed at 8,579" is a market's close; "schools
// were closed", "closed the border" a closure, news of its own; "the
// summit closed on Friday" stays the aspectual end of the event it names.
func closeSense(d *doc, t *trigger, i int, s sent) bool {
	switch {
	case marketClose[d.nextLow(i, s)]:
		t.kind, t.aspectual, t.weak = model.KindEconomic, false, true
	case d.closureNear(i, s):
		t.kind, t.aspectual, t.weak = model.KindPolitical, false, false
	}
	return true
}

// closureNear reports a closure noun as the subject of "closed" (within
// eight words before it: "schools with 100,000 students in Borno state
// were closed") or its object (within three words after, past its
// determiners).
func (d *doc) closureNear(i int, s sent) bool {
	for k := i - 1; k >= s.t0 && k >= i-8; k-- {
		w := d.toks[k].low
		if closureNouns[w] {
			return true
		}
		if !d.toks[k].word && !d.toks[k].num || subordinators[w] {
			break
		}
	}
	return d.wordAhead(i+1, 3, s, closureNouns)
}

// revealSense: "revealed the new jet" unveils it; "revealed that …" says
// something, and the saying has its own verb.
func revealSense(d *doc, t *trigger, i int, s sent) bool {
	switch d.nextLow(i, s) {
	case "that", "how", "what", "details":
		return false
	}
	return true
}

// declineSense: "shares declined 3%", "declined to $40"; not "declined to
// comment", "declined on Wednesday to say more".
func declineSense(d *doc, t *trigger, i int, s sent) bool {
	j := i + 1
	for j < s.t1 && (d.tokTime[j] >= 0 || d.toks[j].low == "on" && j+1 < s.t1 && d.tokTime[j+1] >= 0) {
		j++
	}
	if j >= s.t1 || d.toks[j].low != "to" {
		return true
	}
	return j+1 < s.t1 && (d.toks[j+1].num || isCurrency(d.toks[j+1].text))
}

// costSense: "cut 30,000 jobs", "raised interest rates", "hiked fuel prices
// by 20%"; not "cut short his visit" or "raised her hand".
func costSense(d *doc, t *trigger, i int, s sent) bool {
	return d.quantityAfter(i+1, s) || costAfter(d.toks, i+1, s)
}

// nameSense: "named Mary Barra as its chief executive", "named Mnangagwa
// in his place" appoints; "a man named Smith" does not.
func nameSense(d *doc, t *trigger, i int, s sent) bool {
	return d.namedAs(i+1, s) || d.inPlaceOf(i+1, s)
}

// removeSense: "removed Mugabe as party leader", "was removed from office"
// ousts; "removed debris", "removed the bodies" does not.
func removeSense(d *doc, t *trigger, i int, s sent) bool {
	if d.namedAs(i+1, s) {
		return true
	}
	k := i + 1
	for k < s.t1 && d.toks[k].cap {
		k++ // "removed Mugabe from power"
	}
	if k+1 < s.t1 && d.toks[k].low == "from" {
		j := k + 1
		if titleDeterminers[d.toks[j].low] && j+1 < s.t1 {
			j++
		}
		return officeNouns[d.toks[j].low]
	}
	return false
}

// inPlaceOf reports a name at token k followed by "in his place" or "to
// replace" ("named Mnangagwa in his place").
func (d *doc) inPlaceOf(k int, s sent) bool {
	if k >= s.t1 || !d.toks[k].cap {
		return false
	}
	for k < s.t1 && d.toks[k].cap {
		k++
	}
	if k+2 < s.t1 && d.toks[k].low == "in" && (d.toks[k+1].low == "his" || d.toks[k+1].low == "her" || d.toks[k+1].low == "their") && d.toks[k+2].low == "place" {
		return true
	}
	return k+1 < s.t1 && d.toks[k].low == "to" && (d.toks[k+1].low == "replace" || d.toks[k+1].low == "succeed")
}
