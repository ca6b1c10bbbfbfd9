package extract

// The words two reports of one happening are compared by: each event's
// content words, stemmed and folded to one word per happening
// (contentWords, MatchWords), the words they share, and what the words
// say of the happening that tells two apart (the means of an attack, the
// office an election puts at stake).

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// sharedWords counts the content words two events' sentences have in
// common (folded, with plural and tense endings cut), which is how two
// outlets' reports of one happening recognise each other.
func sharedWords(a, b *model.Event) int {
	n := 0
	forSharedWords(a, b, func(string) { n++ })
	return n
}

// forSharedWords calls f with each content word a and b share, in one
// walk over both sorted lists.
func forSharedWords(a, b *model.Event, f func(w string)) {
	wa, wb := contentWords(a), contentWords(b)
	for i, j := 0, 0; i < len(wa) && j < len(wb); {
		switch {
		case wa[i] < wb[j]:
			i++
		case wa[i] > wb[j]:
			j++
		default:
			f(wa[i])
			i++
			j++
		}
	}
}

// MatchWords returns the content words of e's sentences, sorted, each
// once: what Match compares of two events' texts. The store keeps them
// with each event (model.Event.Words).
func MatchWords(e *model.Event) []string {
	return contentWords(e)
}

// MatchWordsRule names the rule by which MatchWords picks and cuts words:
// the stop words and the endings cut. The store keeps every event's words
// and works them out again when it changes; a change to the code of
// contentWords or stemWord must change stemRule.
var MatchWordsRule = func() string {
	h := sha256.Sum256([]byte(stemRule + "\n" + stopwordsTXT + "\n" + synonymTable()))
	return "r" + hex.EncodeToString(h[:8])
}()

// synonymTable lists the word and phrase synonyms contentWords applies,
// sorted, for MatchWordsRule: a change to them changes the words kept.
func synonymTable() string {
	var lines []string
	for w, c := range eventSynonyms {
		lines = append(lines, w+":"+c)
	}
	for p, c := range eventPhraseSynonyms {
		lines = append(lines, p+":"+c)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// stemRule describes contentWords and stemWord for MatchWordsRule.
const stemRule = "words of 4+ bytes of letters, '-' and non-ASCII, lowered, not stop words; ings ing ied ies ed es s cut leaving 4+; synonyms; two words in a row add their phrase synonym"

// contentWords are the salient words of an event's sentences, sorted: not
// function words, not reporting or time words, not numbers. e.Words when
// set (Merge keeps them for the sentences it joins).
func contentWords(e *model.Event) []string {
	if e.Words != nil {
		return e.Words
	}
	set := map[string]bool{}
	for _, s := range e.Sources {
		prev := ""
		for _, w := range strings.FieldsFunc(s.Text, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r > 127)
		}) {
			w = strings.ToLower(strings.Trim(w, "-"))
			if len(w) < 4 || mergeStopWords[w] {
				prev = ""
				continue
			}
			w = matchForm(w)
			set[w] = true
			if c, ok := eventPhraseSynonyms[prev+" "+w]; ok {
				set[c] = true // "opened fire": gunfire
			}
			prev = w
		}
	}
	out := make([]string, 0, len(set))
	for w := range set {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// matchForm is the form in which contentWords keeps a lower-case word:
// its stem, or the word news also uses for the happening it names.
func matchForm(w string) string {
	w = stemWord(w)
	if c, ok := eventSynonyms[w]; ok {
		return c
	}
	return w
}

// attackMeans holds, for each means of attack of attackMeansWords (bombs,
// guns, knives), its words in matchForm.
var attackMeans = matchForms(attackMeansWords)

// matchForms is each word set of sets in matchForm, as contentWords keeps
// words.
func matchForms(sets []map[string]bool) []map[string]bool {
	out := make([]map[string]bool, len(sets))
	for i, words := range sets {
		out[i] = map[string]bool{}
		for w := range words {
			out[i][matchForm(w)] = true
		}
	}
	return out
}

// wordBits is a bit for each of sets that e's content words meet.
func wordBits(e *model.Event, sets []map[string]bool) uint8 {
	var m uint8
	for _, w := range contentWords(e) {
		for b, words := range sets {
			if words[w] {
				m |= 1 << b
			}
		}
	}
	return m
}

// meansOf tells how an attack was carried out, from the words of its
// sentences (contentWords): a bit for each means of attackMeans they name;
// 0 for an attack told only as such ("the attack", "were killed") and for
// events of other kinds. The sentence counts, not only its event words:
// "85 were killed on the island, where a gunman opened fire" tells a
// shooting.
func meansOf(e *model.Event) uint8 {
	if kindFamily(e.Kind) != "force" {
		return 0
	}
	return wordBits(e, attackMeans)
}

// electionScopes holds, for the nation's and for a region's or a town's
// elections (electionScopeWords), their words in matchForm.
var electionScopes = matchForms(electionScopeWords)

// electionScope tells whose office an election event's sentences put at
// stake: bit 0 the nation's (a president, a parliament), bit 1 a region's
// or a town's (a governor, a mayor); 0 when they say neither, and for
// events of other kinds.
func electionScope(e *model.Event) uint8 {
	if kindFamily(e.Kind) != "politics" {
		return 0
	}
	return wordBits(e, electionScopes)
}

// sameScope reports two election events that may be one by whose office
// they put at stake: "won the presidential runoff" and "was elected
// governor of São Paulo state" on one Sunday are two.
func sameScope(a, b *model.Event) bool {
	sa, sb := electionScope(a), electionScope(b)
	return sa == 0 || sb == 0 || sa == sb
}

// sameMeans reports two attacks that may be one happening by how they were
// carried out: one told by its means is one told by the same means, or one
// told only as an attack. Sentences that name two means ("a bombing and a
// shooting spree") tell of both happenings and are the same as neither,
// lest they lump them.
func sameMeans(a, b *model.Event) bool {
	if kindFamily(a.Kind) != "force" || kindFamily(b.Kind) != "force" {
		return true
	}
	ma, mb := meansOf(a), meansOf(b)
	return ma == 0 || mb == 0 || ma == mb
}

// unionWords merges two sorted word lists into a new one.
func unionWords(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// stemWord cuts common inflections so that "bombs"/"bombing"/"bombed" meet.
func stemWord(w string) string {
	for _, suf := range []string{"ings", "ing", "ied", "ies", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
