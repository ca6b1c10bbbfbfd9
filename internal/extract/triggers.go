package extract

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// triggersTSV is the trigger lexicon; its header says where it comes from.
//
//go:embed lexdata/triggers.tsv
var triggersTSV string

// stopwordsTXT lists the words too common to match two reports by.
//
//go:embed lexdata/stopwords.txt
var stopwordsTXT string

// mergeStopWords is stopwordsTXT as a set.
var mergeStopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(stopwordsTXT, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			m[w] = true
		}
	}
	return m
}()

// boilerplateTXT lists how notes about the article itself begin.
//
//go:embed lexdata/boilerplate.txt
var boilerplateTXT string

// boilerplatePrefixes is boilerplateTXT as a list.
var boilerplatePrefixes = func() []string {
	var out []string
	for _, line := range strings.Split(boilerplateTXT, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}()

// isBoilerplate reports a sentence about the article itself ("This
// article was first published in …", "Reporting by …").
func isBoilerplate(sentence string) bool {
	low := strings.ToLower(strings.TrimSpace(sentence))
	for _, p := range boilerplatePrefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// nouns maps event nouns to their kind.
var nouns = map[string]model.Kind{}

// nounTriggers holds the flags of event nouns (a statement, a weak noun).
var nounTriggers = map[string]trigger{}

// verbForms maps a lower-case verb form to its trigger.
var verbForms = map[string]trigger{}

// pastParticiple holds the irregular past participles the table gives
// ("seized" is regular; "overrun", "taken", "struck" are not).
var pastParticiple = map[string]string{}

// phrase is a multi-word trigger, matched on lower-case tokens.
type phrase struct {
	words []string
	t     trigger
}

// phrases are the multi-word triggers; phraseIndex lists them by first word.
var (
	phrases     []phrase
	phraseIndex = map[string][]int{}
)

func init() {
	if err := loadTriggers(triggersTSV); err != nil {
		// The file is embedded: a bad line is a build defect that the
		// package's tests catch; fail loudly rather than extract less.
		panic(err)
	}
}

// loadTriggers reads the trigger table into the lookup maps.
func loadTriggers(tsv string) error {
	for n, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return fmt.Errorf("lexdata/triggers.tsv:%d: want at least 4 tab-separated columns, got %d", n+1, len(f))
		}
		pos, word, kind, flags := f[0], f[1], model.Kind(f[2]), f[3]
		if !knownKind(kind) {
			return fmt.Errorf("lexdata/triggers.tsv:%d: unknown kind %q", n+1, kind)
		}
		t := trigger{kind: kind, words: 1, lemma: word}
		var phraseForm form = formNoun
		for _, fl := range strings.Split(flags, ",") {
			switch fl {
			case "-", "":
			case "statement":
				t.statement = true
			case "aspectual":
				t.aspectual = true
			case "declares":
				t.declares = true
			case "weak":
				t.weak = true
			case "labour":
				t.labour = true
			case "past":
				phraseForm = formPast
			case "pres":
				phraseForm = formPres
			case "base":
				phraseForm = formBase
			case "noun":
				phraseForm = formNoun
			default:
				return fmt.Errorf("lexdata/triggers.tsv:%d: unknown flag %q", n+1, fl)
			}
		}
		switch pos {
		case "v":
			head, rest, multi := strings.Cut(word, " ")
			forms := inflect(head)
			if len(f) >= 5 && f[4] != "" {
				over := strings.Split(f[4], "|")
				if len(over) != 4 {
					return fmt.Errorf("lexdata/triggers.tsv:%d: forms must be pres|past|pp|ing", n+1)
				}
				for i, o := range over {
					switch o {
					case "-":
					case "_":
						forms[i] = ""
					default:
						forms[i] = o
					}
				}
			}
			if multi {
				// A verb with its particle or object ("take office",
				// "crack down", "take to the streets"): every form of
				// the verb with the rest of the words.
				t.pres = forms[0] + " " + rest
				for i, f := range []form{formPres, formPast, formPast, formGerund} {
					if forms[i] != "" {
						addPhrase(forms[i]+" "+rest, t, f)
					}
				}
				addPhrase(word, t, formBase)
				if _, ok := pastParticiple[head]; !ok && forms[2] != "" {
					pastParticiple[head] = forms[2] // "sworn", for "to be sworn in"
				}
				continue
			}
			t.pres = forms[0]
			if t.pres == "" {
				t.pres = word + "s"
			}
			addVerb(forms[1], t, formPast)
			addVerb(forms[2], t, formPast)
			pastParticiple[word] = forms[2]
			addVerb(forms[0], t, formPres)
			addVerb(word, t, formBase)
			addVerb(forms[3], t, formGerund)
		case "n":
			if _, dup := nouns[word]; !dup {
				nouns[word] = kind
				t.form = formNoun
				nounTriggers[word] = t
			}
		case "p":
			addPhrase(word, t, phraseForm)
		default:
			return fmt.Errorf("lexdata/triggers.tsv:%d: unknown part of speech %q", n+1, pos)
		}
	}
	return nil
}

// addPhrase registers a multi-word trigger in one form; a form already
// registered by an earlier line is kept ("set fire" is past before base).
func addPhrase(text string, t trigger, f form) {
	words := strings.Fields(text)
	if len(words) == 0 || words[0] == "" {
		return
	}
	for _, pi := range phraseIndex[words[0]] {
		if strings.Join(phrases[pi].words, " ") == text {
			return
		}
	}
	t.words, t.form = len(words), f
	phrases = append(phrases, phrase{words: words, t: t})
	phraseIndex[words[0]] = append(phraseIndex[words[0]], len(phrases)-1)
}

// addVerb registers one form of a verb; the first entry for a form wins,
// so the table's order settles forms shared by two verbs ("left").
func addVerb(w string, t trigger, f form) {
	if w == "" {
		return
	}
	if _, ok := verbForms[w]; ok {
		return
	}
	t.form = f
	verbForms[w] = t
}

func knownKind(k model.Kind) bool {
	for _, x := range model.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// inflect gives the regular forms of an English verb: third person
// present, past, past participle and gerund ("seize" → seizes, seized,
// seized, seizing; "stop" → stops, stopped, stopped, stopping). Irregular
// verbs list their forms in the table.
func inflect(v string) [4]string {
	var pres, past, ing string
	n := len(v)
	last := v[n-1]
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") ||
		strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "o"):
		pres = v + "es"
	case last == 'y' && n > 1 && !isVowel(v[n-2]):
		pres = v[:n-1] + "ies"
	default:
		pres = v + "s"
	}
	switch {
	case last == 'e' && strings.HasSuffix(v, "ee"):
		past, ing = v+"d", v+"ing"
	case last == 'e' && strings.HasSuffix(v, "ie"):
		past, ing = v+"d", v[:n-2]+"ying"
	case last == 'e':
		past, ing = v+"d", v[:n-1]+"ing"
	case last == 'y' && n > 1 && !isVowel(v[n-2]):
		past, ing = v[:n-1]+"ied", v+"ing"
	case doublesFinal(v):
		past, ing = v+string(last)+"ed", v+string(last)+"ing"
	default:
		past, ing = v+"ed", v+"ing"
	}
	return [4]string{pres, past, past, ing}
}

// doublesFinal reports a one-syllable verb ending consonant-vowel-consonant
// ("stop", "ban"), whose last consonant doubles before -ed and -ing.
func doublesFinal(v string) bool {
	n := len(v)
	if n < 3 || !strings.ContainsRune("bdgklmnprt", rune(v[n-1])) || !isVowel(v[n-2]) || isVowel(v[n-3]) {
		return false
	}
	vowelGroups := 0
	for i := 0; i < n; i++ {
		if isVowel(v[i]) && (i == 0 || !isVowel(v[i-1])) {
			vowelGroups++
		}
	}
	return vowelGroups == 1
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// isDisasterNoun reports a natural or industrial disaster noun: "the
// earthquake hit", "the typhoon struck" are disasters, not attacks.
func isDisasterNoun(w string) bool {
	return nouns[w] == model.KindDisaster || nouns[strings.TrimSuffix(w, "s")] == model.KindDisaster
}
