// Package lexicon is an embedded subset of WordNet 3.0 for recognising events
// from sentence structure: which words can be nouns, verbs, adjectives or
// adverbs, their lemmas (WordNet's morphy: exception lists, then suffix rules
// checked against the index), the lexicographer classes of a lemma's senses
// in order of frequency (noun.event, verb.contact…), and news tags (attack,
// disaster, election…) for lemmas whose first senses fall under chosen
// WordNet synsets.
//
// The data (assets/lex/, about 1 MB gzipped) is written by tools/genlexicon
// from the Debian package wordnet-base (`make lexicon`); the table of tags and
// their synsets is at the top of tools/genlexicon/main.go. It is read on first
// use, once, and then every lookup is a few map lookups, safe for concurrent
// use.
//
// Words are matched lower-cased, with '_' read as a space (multi-word lemmas
// such as "car bomb" or "step down" are spelt with spaces). The lexicon
// knows nothing of closed-class words: WordNet has nouns such as "in"
// (indium) and "be" (beryllium), so a tagger should settle articles,
// pronouns and prepositions before asking.
//
// WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved;
// see assets/lex/SOURCES.md for the licence.
package lexicon

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	"github.com/briefingatlas/atlas/assets"
)

// TagSenses is how many of a lemma's first senses NounTags and VerbTags look
// at: enough for "fire" the event and "attack" the assault, few enough that
// rare senses do not make noise. Entry.Tags has every tag with its rank.
const TagSenses = 3

// Class is one lexicographer class of a lemma with the share of the lemma's
// senses that belong to it.
type Class struct {
	Name  string  // WordNet lexname: noun.event, verb.contact…
	Share float64 // 0–1, rounded to two decimals
}

// Tag is one news tag of a lemma with the rank of the first sense that
// carries it (1 = the most frequent sense).
type Tag struct {
	Name  string // attack, disaster, election, kill…
	Sense int
}

// Entry is what the lexicon knows of one lemma in one part of speech. Its
// slices are shared with the lexicon and must not be modified.
type Entry struct {
	Lemma string
	// Senses is the number of WordNet senses; TaggedSenses how many of the
	// first ones occur in the SemCor corpus (the others are rare).
	Senses, TaggedSenses int
	// Count is the lemma's number of occurrences in SemCor, all senses
	// together: a rough frequency, 0 for rare lemmas.
	Count int
	// Classes are the distinct lexicographer classes of the senses, in order
	// of the most frequent sense of each.
	Classes []Class
	// Tags are the news tags of the senses, in order of first sense.
	Tags []Tag
}

// shared is the part of entries that many lemmas have in common, interned.
type shared struct {
	classes    []Class
	classNames []string
	tags       []Tag
	tagNames   []string // tags carried by one of the first TagSenses senses
}

// entry is one lemma, without pointers (the garbage collector has nothing to
// scan): its text is keys[start:start+n] and its classes and tags are
// infos[info].
type entry struct {
	start          uint32
	count          uint32
	senses, tagged uint16
	info           uint16
	n              uint8
}

// pos is one part of speech: its lemmas, exceptions and suffix rules.
type pos struct {
	index   map[string]int32 // lemma → entries index, -1 for adjectives and adverbs
	entries []entry
	keys    string // the lemmas of entries, end to end
	infos   []shared
	exc     map[string][]string // inflected form → lemmas
	rules   []rule
	head    bool // multi-word lemmas inflect their first word (verbs) rather than their last
}

// rule is one of morphy's detachment rules: suffix → replacement; undouble
// also tries the stem with a doubled final consonant made single
// ("stopped" → "stopp" → "stop").
type rule struct {
	suffix, repl string
	undouble     bool
}

// morphy's rules (morph.c), plus undoubling and -ying → -ie.
var (
	nounRules = []rule{{"s", "", false}, {"ses", "s", false}, {"xes", "x", false}, {"zes", "z", false},
		{"ches", "ch", false}, {"shes", "sh", false}, {"men", "man", false}, {"ies", "y", false}}
	verbRules = []rule{{"s", "", false}, {"ies", "y", false}, {"es", "e", false}, {"es", "", false},
		{"ed", "e", false}, {"ed", "", true}, {"ing", "e", false}, {"ing", "", true}, {"ying", "ie", false}}
	adjRules = []rule{{"er", "", true}, {"est", "", true}, {"er", "e", false}, {"est", "e", false}}
)

// minRuleWord is the shortest word the suffix rules apply to, so that "is"
// does not become the noun "i" (iodine); the price is that three-letter
// plurals such as "ads" are not found.
const minRuleWord = 4

type lexicon struct {
	noun, verb, adj, adv pos
}

var (
	once    sync.Once
	lex     *lexicon
	loadErr error
)

// Load reads the embedded lexicon if it has not been read yet, and returns the
// error if it could not be (a broken build). Every other function loads on
// first use; with a load error they behave as if the lexicon were empty.
func Load() error {
	once.Do(func() {
		lex, loadErr = load(assets.Lex)
		if loadErr != nil {
			lex = &lexicon{}
		}
	})
	return loadErr
}

func get() *lexicon {
	_ = Load()
	return lex
}

func load(fsys fs.FS) (*lexicon, error) {
	l := &lexicon{}
	l.noun.rules, l.verb.rules, l.adj.rules = nounRules, verbRules, adjRules
	l.verb.head = true
	names := map[string]string{}
	for _, f := range []struct {
		file string
		p    *pos
	}{{"lex/nouns.tsv.gz", &l.noun}, {"lex/verbs.tsv.gz", &l.verb}} {
		data, err := readGzip(fsys, f.file)
		if err != nil {
			return nil, err
		}
		if err := f.p.readEntries(data, names); err != nil {
			return nil, fmt.Errorf("lexicon: %s: %w", f.file, err)
		}
	}
	for _, f := range []struct {
		file string
		p    *pos
	}{{"lex/adjectives.txt.gz", &l.adj}, {"lex/adverbs.txt.gz", &l.adv}} {
		data, err := readGzip(fsys, f.file)
		if err != nil {
			return nil, err
		}
		f.p.readLemmas(data)
	}
	data, err := readGzip(fsys, "lex/exceptions.tsv.gz")
	if err != nil {
		return nil, err
	}
	if err := l.readExceptions(data); err != nil {
		return nil, fmt.Errorf("lexicon: lex/exceptions.tsv.gz: %w", err)
	}
	return l, nil
}

func readGzip(fsys fs.FS, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", fmt.Errorf("lexicon: open %s: %w", name, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("lexicon: %s: %w", name, err)
	}
	var b bytes.Buffer
	if st, err := f.Stat(); err == nil {
		b.Grow(int(st.Size()) * 6)
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return "", fmt.Errorf("lexicon: %s: %w", name, err)
	}
	return b.String(), nil
}

// lines calls fn for each non-empty line of data.
func lines(data string, fn func(n int, line string) error) error {
	for n := 1; data != ""; n++ {
		line, rest, _ := strings.Cut(data, "\n")
		data = rest
		if line == "" {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return nil
}

// readEntries reads lines "lemma senses tagged count classes tags". The
// lemmas are copied into one string so that the file's text is not kept. A
// hyphenated lemma can also be found without its hyphens ("cease-fire",
// "ceasefire") unless that is a lemma of its own.
func (p *pos) readEntries(data string, names map[string]string) error {
	n := strings.Count(data, "\n")
	p.index = make(map[string]int32, n)
	p.entries = make([]entry, 0, n)
	var keys strings.Builder
	keys.Grow(len(data) / 4)
	intern := map[string]uint16{}
	err := lines(data, func(ln int, line string) error {
		var f [6]string
		rest := line
		for i := range 5 {
			var ok bool
			if f[i], rest, ok = strings.Cut(rest, "\t"); !ok {
				return fmt.Errorf("line %d: %d fields, want 6", ln, i+1)
			}
		}
		f[5] = rest
		if strings.Contains(rest, "\t") {
			return fmt.Errorf("line %d: more than 6 fields", ln)
		}
		senses, err1 := strconv.ParseUint(f[1], 10, 16)
		tagged, err2 := strconv.ParseUint(f[2], 10, 16)
		count, err3 := strconv.ParseUint(f[3], 10, 32)
		if err1 != nil || err2 != nil || err3 != nil {
			return fmt.Errorf("line %d: bad number", ln)
		}
		key := line[len(line)-len(f[4])-1-len(f[5]):] // classes and tags
		info, ok := intern[key]
		if !ok {
			key = strings.Clone(key)
			s, err := parseShared(f[4], f[5], names)
			if err != nil {
				return fmt.Errorf("line %d: %w", ln, err)
			}
			if len(p.infos) > 0xffff {
				return fmt.Errorf("line %d: more than 65536 kinds of entries", ln)
			}
			info = uint16(len(p.infos))
			p.infos = append(p.infos, *s)
			intern[key] = info
		}
		if len(f[0]) > 0xff {
			return fmt.Errorf("line %d: lemma longer than 255 bytes", ln)
		}
		p.entries = append(p.entries, entry{start: uint32(keys.Len()), n: uint8(len(f[0])),
			senses: uint16(senses), tagged: uint16(tagged), count: uint32(count), info: info})
		keys.WriteString(f[0])
		return nil
	})
	if err != nil {
		return err
	}
	p.keys = keys.String()
	for i := range p.entries {
		p.index[p.lemmaOf(int32(i))] = int32(i)
	}
	for i := range p.entries {
		if l := p.lemmaOf(int32(i)); strings.Contains(l, "-") {
			alias := strings.ReplaceAll(l, "-", "")
			if _, ok := p.index[alias]; !ok {
				p.index[alias] = int32(i)
			}
		}
	}
	return nil
}

// lemmaOf returns the lemma of entries[i].
func (p *pos) lemmaOf(i int32) string {
	e := &p.entries[i]
	return p.keys[e.start : e.start+uint32(e.n)]
}

// parseShared parses "noun.event:0.50,noun.act:0.50" and "fire:1,attack:2".
func parseShared(classes, tags string, names map[string]string) (*shared, error) {
	name := func(s string) string {
		if n, ok := names[s]; ok {
			return n
		}
		s = strings.Clone(s)
		names[s] = s
		return s
	}
	info := &shared{}
	for c := range strings.SplitSeq(classes, ",") {
		n, v, ok := strings.Cut(c, ":")
		share, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("bad class %q", c)
		}
		info.classes = append(info.classes, Class{name(n), share})
		info.classNames = append(info.classNames, name(n))
	}
	if tags == "" {
		return info, nil
	}
	for t := range strings.SplitSeq(tags, ",") {
		n, v, ok := strings.Cut(t, ":")
		sense, err := strconv.Atoi(v)
		if !ok || err != nil {
			return nil, fmt.Errorf("bad tag %q", t)
		}
		info.tags = append(info.tags, Tag{name(n), sense})
		if sense <= TagSenses {
			info.tagNames = append(info.tagNames, name(n))
		}
	}
	return info, nil
}

// readLemmas reads one lemma a line; the keys point into data, which holds
// nothing else.
func (p *pos) readLemmas(data string) {
	p.index = make(map[string]int32, strings.Count(data, "\n"))
	_ = lines(data, func(_ int, line string) error {
		p.index[line] = -1
		return nil
	})
}

// readExceptions reads lines "pos form lemma…" (lemmas with '_' for spaces).
func (l *lexicon) readExceptions(data string) error {
	for _, p := range []*pos{&l.noun, &l.verb, &l.adj, &l.adv} {
		p.exc = map[string][]string{}
	}
	return lines(data, func(ln int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("line %d: %d fields, want 3", ln, len(f))
		}
		var p *pos
		switch f[0] {
		case "n":
			p = &l.noun
		case "v":
			p = &l.verb
		case "a":
			p = &l.adj
		case "r":
			p = &l.adv
		default:
			return fmt.Errorf("line %d: unknown part of speech %q", ln, f[0])
		}
		form := strings.Clone(f[1])
		for lemma := range strings.FieldsSeq(f[2]) {
			lemma = strings.ReplaceAll(lemma, "_", " ")
			if i, ok := p.index[lemma]; ok && i >= 0 {
				lemma = p.lemmaOf(i) // share the index's string
			} else {
				lemma = strings.Clone(lemma)
			}
			p.exc[form] = append(p.exc[form], lemma)
		}
		return nil
	})
}

// normalize lower-cases w and reads '_' as a space, without allocating when
// w is already in that form.
func normalize(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80 {
			return strings.ReplaceAll(strings.ToLower(w), "_", " ")
		}
	}
	return w
}

// count is the SemCor count of lemma, -1 when it is not in the index.
func (p *pos) count(lemma string) int {
	i, ok := p.index[lemma]
	switch {
	case !ok:
		return -1
	case i < 0:
		return 0
	}
	return int(p.entries[i].count)
}

// lemma returns the interned form of lemma if it is in the index.
func (p *pos) lemma(lemma string) (string, bool) {
	i, ok := p.index[lemma]
	if !ok {
		return "", false
	}
	if i < 0 {
		return lemma, true
	}
	return p.lemmaOf(i), true
}

// lemmas calls visit with each lemma of w, best first, until visit returns
// false. The order: when w is an exception form, its exception lemmas and w
// itself (if a lemma) by SemCor count, exceptions first on a tie ("found" →
// find, found); otherwise w itself if it is a lemma, then what the suffix
// rules give, by count, rule order on a tie ("singing" → sing, singe;
// "hoped" → hope, hop). A multi-word expression not in the index has its
// head word (first for verbs, last for nouns) lemmatised: "took over" →
// "take over".
func (p *pos) lemmas(w string, visit func(string) bool) {
	if p.index == nil {
		return
	}
	w = normalize(w)
	if excs := p.exc[w]; len(excs) > 0 {
		var cands [8]struct {
			lemma string
			n     int
		}
		k := 0
		for _, e := range excs {
			if n := p.count(e); n >= 0 && k < len(cands) {
				cands[k].lemma, cands[k].n = e, n
				k++
			}
		}
		if n := p.count(w); n >= 0 && k < len(cands) {
			l, _ := p.lemma(w)
			cands[k].lemma, cands[k].n = l, n
			k++
		}
		// Insertion sort by count, stable.
		for i := 1; i < k; i++ {
			for j := i; j > 0 && cands[j].n > cands[j-1].n; j-- {
				cands[j], cands[j-1] = cands[j-1], cands[j]
			}
		}
		for _, c := range cands[:k] {
			if !visit(c.lemma) {
				return
			}
		}
		if k > 0 {
			return
		}
	}
	found := false
	if l, ok := p.lemma(w); ok {
		found = true
		if !visit(l) {
			return
		}
	}
	if len(w) >= minRuleWord {
		var cands [16]struct {
			lemma string
			n     int
		}
		k := 0
		var buf [64]byte
		try := func(b []byte) {
			i, ok := p.index[string(b)]
			if !ok || k == len(cands) {
				return
			}
			var l string
			if i < 0 {
				l = string(b)
			} else {
				l = p.lemmaOf(i)
			}
			for _, c := range cands[:k] {
				if c.lemma == l {
					return
				}
			}
			cands[k].lemma, cands[k].n = l, p.count(l)
			k++
		}
		for _, r := range p.rules {
			if !strings.HasSuffix(w, r.suffix) || len(w)-len(r.suffix)+len(r.repl) > len(buf) {
				continue
			}
			stem := w[:len(w)-len(r.suffix)]
			b := append(append(buf[:0], stem...), r.repl...)
			try(b)
			if r.undouble && len(stem) >= 3 && stem[len(stem)-1] == stem[len(stem)-2] && isConsonant(stem[len(stem)-1]) {
				try(b[:len(stem)-1])
			}
		}
		for i := 1; i < k; i++ {
			for j := i; j > 0 && cands[j].n > cands[j-1].n; j-- {
				cands[j], cands[j-1] = cands[j-1], cands[j]
			}
		}
		for _, c := range cands[:k] {
			if c.lemma == w {
				continue
			}
			found = true
			if !visit(c.lemma) {
				return
			}
		}
	}
	if found || !strings.Contains(w, " ") {
		return
	}
	// A multi-word expression: inflect its head word.
	var headWord, rest string
	if p.head {
		headWord, rest, _ = strings.Cut(w, " ")
	} else {
		i := strings.LastIndexByte(w, ' ')
		rest, headWord = w[:i], w[i+1:]
	}
	for _, ex := range p.exc[headWord] {
		if try := join(p.head, ex, rest); p.count(try) >= 0 {
			l, _ := p.lemma(try)
			if !visit(l) {
				return
			}
		}
	}
	if len(headWord) < minRuleWord {
		return
	}
	for _, r := range p.rules {
		if !strings.HasSuffix(headWord, r.suffix) {
			continue
		}
		stem := headWord[:len(headWord)-len(r.suffix)]
		forms := []string{stem + r.repl}
		if r.undouble && len(stem) >= 3 && stem[len(stem)-1] == stem[len(stem)-2] && isConsonant(stem[len(stem)-1]) {
			forms = append(forms, stem[:len(stem)-1])
		}
		for _, f := range forms {
			if l, ok := p.lemma(join(p.head, f, rest)); ok {
				if !visit(l) {
					return
				}
			}
		}
	}
}

func join(head bool, word, rest string) string {
	if head {
		return word + " " + rest
	}
	return rest + " " + word
}

func isConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !strings.ContainsRune("aeiouy", rune(c))
}

// first returns the best lemma of w.
func (p *pos) first(w string) (string, bool) {
	var lemma string
	p.lemmas(w, func(l string) bool { lemma = l; return false })
	return lemma, lemma != ""
}

// all returns every lemma of w, best first.
func (p *pos) all(w string) []string {
	var ls []string
	p.lemmas(w, func(l string) bool {
		for _, x := range ls {
			if x == l {
				return true
			}
		}
		ls = append(ls, l)
		return true
	})
	return ls
}

// entry returns the entry of lemma.
func (p *pos) entry(lemma string) (Entry, bool) {
	i, ok := p.index[normalize(lemma)]
	if !ok || i < 0 {
		return Entry{}, false
	}
	e := &p.entries[i]
	info := &p.infos[e.info]
	return Entry{Lemma: p.lemmaOf(i), Senses: int(e.senses), TaggedSenses: int(e.tagged), Count: int(e.count),
		Classes: info.classes, Tags: info.tags}, true
}

func (p *pos) info(lemma string) *shared {
	i, ok := p.index[normalize(lemma)]
	if !ok || i < 0 {
		return &shared{}
	}
	return &p.infos[p.entries[i].info]
}

// VerbLemma returns the verb lemma of word as WordNet's morphy finds it: the
// exception list (verb.exc: "fled" → flee, "struck" → strike, "dying" → die),
// else word itself if it is a verb lemma, else the suffix rules (-s, -ies → y,
// -es, -ed, -ing, with e restored and doubled consonants undone: "seized" →
// seize, "stopped" → stop) checked against the verb index. When several
// lemmas fit, the more frequent one in SemCor wins ("found" → find). ok is
// false when word is no form of any verb.
func VerbLemma(word string) (lemma string, ok bool) { return get().verb.first(word) }

// VerbLemmas returns every verb lemma of word, best first, as VerbLemma
// orders them ("found" → find, found); nil when there is none.
func VerbLemmas(word string) []string { return get().verb.all(word) }

// NounLemma returns the noun lemma of word, as VerbLemma does for verbs:
// noun.exc ("mice" → mouse), else word itself, else the rules (-s, -ses, -xes,
// -zes, -ches, -shes, -men → -man, -ies → -y).
func NounLemma(word string) (lemma string, ok bool) { return get().noun.first(word) }

// NounLemmas returns every noun lemma of word, best first.
func NounLemmas(word string) []string { return get().noun.all(word) }

// AdjectiveLemma returns the adjective lemma of word (adj.exc: "better" →
// good; -er, -est: "larger" → large, "bigger" → big).
func AdjectiveLemma(word string) (lemma string, ok bool) { return get().adj.first(word) }

// Noun returns the entry of a noun lemma (not an inflected form: see
// NounLemma).
func Noun(lemma string) (Entry, bool) { return get().noun.entry(lemma) }

// Verb returns the entry of a verb lemma (not an inflected form: see
// VerbLemma).
func Verb(lemma string) (Entry, bool) { return get().verb.entry(lemma) }

// NounClasses returns the lexicographer classes of a noun lemma's senses,
// the class of the most frequent sense first ("fire" → noun.event, noun.act,
// noun.process…); nil for an unknown lemma. The slice is shared: do not
// modify it.
func NounClasses(lemma string) []string { return get().noun.info(lemma).classNames }

// VerbClasses returns the lexicographer classes of a verb lemma's senses,
// the class of the most frequent sense first ("say" → verb.communication,
// verb.stative); nil for an unknown lemma. The slice is shared: do not
// modify it.
func VerbClasses(lemma string) []string { return get().verb.info(lemma).classNames }

// NounTags returns the news tags carried by one of a noun lemma's first
// TagSenses senses, in order of sense ("fire" → event, disaster, fire, act,
// attack, military; "referendum" → event, act, election). The tags: event,
// act, phenomenon, disaster, attack, killing, death, crime, accident,
// explosion, election, protest, meeting, legal, agreement, fire, storm,
// earthquake, military, arrest, kidnap. nil when there is none. The slice is
// shared: do not modify it.
func NounTags(lemma string) []string { return get().noun.info(lemma).tagNames }

// VerbTags returns the news tags carried by one of a verb lemma's first
// TagSenses senses ("kill" → kill; "shoot" → injure, kill). The tags: kill,
// attack, die, crash, resign, arrest, elect, vote, protest, flee, capture,
// explode, collapse, rescue, evacuate, sentence, convict, charge, kidnap,
// injure, meet, sign, release. The slice is shared: do not modify it.
func VerbTags(lemma string) []string { return get().verb.info(lemma).tagNames }

// IsNoun reports whether word is a noun or an inflected form of one.
func IsNoun(word string) bool { _, ok := NounLemma(word); return ok }

// IsVerb reports whether word is a verb or an inflected form of one.
func IsVerb(word string) bool { _, ok := VerbLemma(word); return ok }

// IsAdjective reports whether word is an adjective (index.adj, satellites
// included) or a comparative or superlative of one.
func IsAdjective(word string) bool { _, ok := AdjectiveLemma(word); return ok }

// IsAdverb reports whether word is an adverb in WordNet (index.adv).
func IsAdverb(word string) bool { _, ok := get().adv.first(word); return ok }

// OnlyNoun reports whether word is a noun form and no verb or adjective form
// ("earthquake", "referendum"; not "attack", not "fire").
func OnlyNoun(word string) bool { return IsNoun(word) && !IsVerb(word) && !IsAdjective(word) }

// OnlyVerb reports whether word is a verb form and no noun or adjective form
// ("fled", "detained"; not "shot", also a noun, nor "injured", also an
// adjective).
func OnlyVerb(word string) bool { return IsVerb(word) && !IsNoun(word) && !IsAdjective(word) }
