package extract

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/briefingatlas/atlas/internal/lexicon"
	"github.com/briefingatlas/atlas/internal/model"
)

// wordnetKindsTSV maps WordNet news tags to kinds; its header says how.
//
//go:embed lexdata/wordnet-kinds.tsv
var wordnetKindsTSV string

// wnKind is the kind a WordNet tag gives a word, and whether it is weak.
type wnKind struct {
	kind model.Kind
	weak bool
}

// wnVerbKinds and wnNounKinds index wordnet-kinds.tsv by tag.
var wnVerbKinds, wnNounKinds = func() (map[string]wnKind, map[string]wnKind) {
	v, n := map[string]wnKind{}, map[string]wnKind{}
	for i, line := range strings.Split(wordnetKindsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || !knownKind(model.Kind(f[2])) {
			panic(fmt.Sprintf("lexdata/wordnet-kinds.tsv:%d: want pos, tag, a known kind and flags", i+1))
		}
		k := wnKind{kind: model.Kind(f[2]), weak: f[3] == "weak"}
		if f[0] == "v" {
			v[f[1]] = k
		} else {
			n[f[1]] = k
		}
	}
	return v, n
}()

// wnSenses is how many of a word's most frequent WordNet senses may make
// it an event word: "hang" kills only in its third sense, "storm" attacks
// in its fifth; a rare sense must not turn everyday prose into events.
const wnSenses = 2

// leadingTags are the news tags of a lexicon entry's first wnSenses senses.
func leadingTags(e lexicon.Entry, ok bool) []string {
	if !ok {
		return nil
	}
	var out []string
	for _, t := range e.Tags {
		if t.Sense <= wnSenses {
			out = append(out, t.Name)
		}
	}
	return out
}

// wordnetTrigger finds an event word the trigger table does not list,
// through WordNet: a verb form whose lemma's first senses carry a news tag
// ("firebombed" → kill/attack), or a noun after a determiner whose first
// senses do ("the bombardment"). It says which form the word has.
func wordnetTrigger(w, prev string) (trigger, bool) {
	if len(w) < 4 || strings.ContainsAny(w, "0123456789") {
		return trigger{}, false
	}
	if lemma, ok := lexicon.VerbLemma(w); ok && lemma != w || ok && !lexicon.IsNoun(w) {
		for _, tag := range leadingTags(lexicon.Verb(lemma)) {
			k, ok := wnVerbKinds[tag]
			if !ok {
				continue
			}
			t := trigger{kind: k.kind, weak: true, words: 1, lemma: lemma, pres: inflect(lemma)[0]}
			switch {
			case strings.HasSuffix(w, "ing"):
				t.form = formGerund
			case w == lemma:
				t.form = formBase
			case w == t.pres:
				t.form = formPres
			default:
				t.form = formPast
			}
			if determiners[prev] && (t.form == formPres || t.form == formBase) && personNoun(w) {
				return trigger{}, false // "the rebels": people, not their deed
			}
			if t.form == formBase && prev == "be" && lexicon.IsAdjective(w) {
				// "could be appropriate": after "be" a verb is a
				// participle, so a bare form there is the adjective.
				return trigger{}, false
			}
			if t.form == formGerund && determiners[prev] {
				t.form = formNoun
			}
			return t, true
		}
	}
	if !determiners[prev] {
		return trigger{}, false
	}
	if lemma, ok := lexicon.NounLemma(w); ok {
		for _, tag := range leadingTags(lexicon.Noun(lemma)) {
			if k, ok := wnNounKinds[tag]; ok {
				return trigger{kind: k.kind, weak: k.weak, form: formNoun, words: 1, lemma: lemma}, true
			}
		}
	}
	return trigger{}, false
}
