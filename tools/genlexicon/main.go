// Command genlexicon turns the WordNet 3.0 database into the compact files
// that package internal/lexicon embeds (assets/lex/), so that an ordinary build
// needs no WordNet installed. scripts/lexicon.sh installs the Debian package
// wordnet-base and runs it (`make lexicon`):
//
//	go run ./tools/genlexicon -wn /usr/share/wordnet -out assets/lex
//
// Outputs (gzipped, tab-separated, one lemma a line, sorted, no glosses):
//
//   - nouns.tsv.gz, verbs.tsv.gz: lemma (multi-word lemmas with spaces),
//     number of senses, number of senses tagged in SemCor (the index's
//     tagsense_cnt: senses past it are rare), the lemma's SemCor count summed
//     over its senses (cntlist.rev; only the lemma's total is used, since
//     that file's sense numbers do not all match the Debian data files), the
//     lemma's lexicographer classes in order of
//     first appearance in WordNet's sense order with the share of senses in
//     each ("noun.event:0.33,noun.act:0.33,…"), and its news tags with the rank
//     of the first sense that carries each ("fire:1,disaster:1,military:2").
//   - adjectives.txt.gz, adverbs.txt.gz: the lemmas, one a line.
//   - exceptions.tsv.gz: part of speech (n, v, a, r), inflected form, its
//     lemmas (space-separated) from noun.exc, verb.exc, adj.exc, adv.exc.
//
// A tag is carried by a sense when the sense's synset is one of the tag's
// roots below or a hyponym of one (transitively, instances included). The
// roots were chosen by reading WordNet; each is named as lemma.pos.NN, the
// NN-th sense of the lemma in index order, with its synset offset, and the
// generator refuses to run when a name does not resolve to its offset (another
// WordNet version).
//
// Lemmas with digits, with more than four words or longer than 40 bytes are
// left out.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// root is one synset under which a news tag applies.
type root struct {
	Tag    string
	Synset string // lemma.pos.NN: the NN-th sense of lemma in WordNet's index
	Offset int    // its synset offset in WordNet 3.0, checked at run time
}

// nounRoots is the table of noun tags: a noun sense carries a tag when its
// synset is one of these or a hyponym of one.
var nounRoots = []root{
	{"event", "event.n.01", 29378},                      // something that happens at a given place and time
	{"act", "act.n.02", 30358},                          // human_action: something that people do or cause to happen
	{"phenomenon", "natural_phenomenon.n.01", 11408559}, // all phenomena that are not artificial
	{"disaster", "disaster.n.02", 7314838},              // calamity, catastrophe: an event resulting in great loss (tsunami…)
	{"disaster", "catastrophe.n.03", 11434016},          // cataclysm: a sudden violent change in the earth's surface
	{"disaster", "earthquake.n.01", 7428954},
	{"disaster", "flood.n.01", 11454591},
	{"disaster", "storm.n.01", 11462526}, // hurricane, tornado, blizzard…
	{"disaster", "fire.n.01", 7302836},   // the event of something burning: wildfire, conflagration
	{"disaster", "epidemic.n.01", 7435533},
	{"disaster", "eruption.n.01", 7436475}, // volcanic eruption
	{"disaster", "landslide.n.02", 7405411},
	{"disaster", "drought.n.01", 14537054},
	{"attack", "attack.n.01", 972621},    // (military) an offensive: bombing, raid, invasion, strike.n.02
	{"attack", "attack.n.05", 773814},    // the act of attacking (criminal): assault
	{"attack", "bombing.n.02", 979742},   // the use of bombs for sabotage (terrorist)
	{"attack", "shooting.n.02", 225150},  // killing someone by gunfire
	{"killing", "killing.n.02", 219012},  // the act of terminating a life: homicide, murder, massacre
	{"killing", "killing.n.01", 7361576}, // an event that causes someone to die
	{"death", "death.n.01", 7355491},     // the event of dying
	{"crime", "crime.n.01", 766234},
	{"crime", "crime.n.02", 767477},
	{"accident", "accident.n.01", 7301336}, // crash.n.02, collision.n.02
	{"accident", "derailment.n.01", 7302267},
	{"explosion", "explosion.n.01", 7308563},
	{"explosion", "explosion.n.02", 377364},
	{"election", "election.n.01", 181781},
	{"election", "vote.n.02", 182213},    // the opinion of a group as determined by voting: referendum
	{"election", "vote.n.01", 183505},    // ballot, voting
	{"protest", "protest.n.02", 1177033}, // demonstration, strike (work stoppage), sit-in
	{"protest", "riot.n.01", 1170502},
	{"protest", "rally.n.01", 8358332},
	{"meeting", "meeting.n.01", 8307589},     // a formally arranged gathering: summit, conference
	{"meeting", "meeting.n.04", 1230965},     // the social act of assembling
	{"meeting", "talks.n.01", 7148192},       // negotiation
	{"meeting", "conference.n.03", 7142566},  // group discussion
	{"legal", "legal_action.n.01", 1181902},  // lawsuit…
	{"legal", "due_process.n.01", 1181475},   // proceeding, trial.n.04, judgment, verdict, sentence.n.02
	{"legal", "charge.n.02", 6561942},        // (criminal law) a pleading: accusation, indictment
	{"agreement", "agreement.n.01", 6770275}, // treaty, pact, accord, contract
	{"agreement", "agreement.n.06", 7175241}, // the verbal act of agreeing
	{"agreement", "truce.n.01", 13970912},    // armistice, cease-fire
	{"fire", "fire.n.01", 7302836},
	{"storm", "storm.n.01", 11462526},
	{"earthquake", "earthquake.n.01", 7428954},
	{"military", "military_action.n.01", 952963},    // battle, war, engagement
	{"military", "military_operation.n.01", 955060}, // operation: attack.n.01, offensive, invasion
	{"arrest", "arrest.n.01", 88725},                // apprehension, collar
	{"arrest", "detention.n.01", 13999663},          // custody
	{"kidnap", "kidnapping.n.01", 775702},
}

// verbRoots is the table of verb tags: a verb sense carries a tag when its
// synset is one of these or a troponym (hyponym) of one.
var verbRoots = []root{
	{"kill", "kill.v.01", 1323976},     // murder, assassinate, execute, shoot (to death), behead…
	{"attack", "attack.v.01", 1119187}, // launch an attack or assault on
	{"attack", "attack.v.03", 1118467}, // go on the offensive
	{"die", "die.v.01", 358431},        // die, perish, drown, starve…
	{"crash", "crash.v.01", 1972588},   // fall or come down violently
	{"crash", "crash.v.03", 1561837},   // undergo damage on impact (the plane crashed)
	{"resign", "resign.v.01", 2367050}, // vacate, give up a post
	{"resign", "resign.v.02", 2382385}, // leave_office, step down, abdicate, retire
	{"arrest", "arrest.v.01", 1215155}, // take into custody
	{"arrest", "detain.v.01", 2495038}, // confine: imprison, jail, intern
	{"release", "free.v.01", 2421392},  // free, liberate, release from confinement
	{"elect", "elect.v.01", 2400778},   // select by a vote for an office
	{"vote", "vote.v.01", 2461314},     // express one's preference for a candidate or measure
	{"vote", "vote.v.02", 2462580},
	{"protest", "protest.v.02", 2521410}, // express opposition through action: demonstrate, march
	{"protest", "protest.v.01", 910153},  // utter words of protest
	{"flee", "flee.v.01", 2075480},
	{"capture", "seize.v.02", 1213632},     // take or capture by force: hijack, kidnap, commandeer
	{"capture", "seize.v.03", 2272567},     // appropriate, conquer: take possession by force
	{"capture", "capture.v.03", 1215439},   // succeed in catching after a chase
	{"explode", "explode.v.01", 306723},    // detonate, blow up
	{"explode", "explode.v.02", 306017},    // burst outward
	{"collapse", "collapse.v.01", 1989071}, // fall in, cave in
	{"rescue", "rescue.v.01", 2551144},
	{"evacuate", "evacuate.v.01", 1856468},
	{"evacuate", "evacuate.v.03", 2014042},
	{"sentence", "sentence.v.01", 906753},
	{"convict", "convict.v.01", 906385},
	{"charge", "charge.v.02", 843486},  // accuse: indict, impeach…
	{"kidnap", "kidnap.v.01", 1471061}, // abduct, snatch
	{"injure", "injure.v.01", 69879},   // wound
	{"meet", "meet.v.02", 2486932},     // get together for a purpose
	{"sign", "sign.v.02", 2464866},     // ratify
}

// lexnames are WordNet's lexicographer files, by number (lexnames(5WN)).
var lexnames = []string{
	"adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal",
	"noun.artifact", "noun.attribute", "noun.body", "noun.cognition",
	"noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
	"noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon",
	"noun.plant", "noun.possession", "noun.process", "noun.quantity", "noun.relation",
	"noun.shape", "noun.state", "noun.substance", "noun.time", "verb.body",
	"verb.change", "verb.cognition", "verb.communication", "verb.competition",
	"verb.consumption", "verb.contact", "verb.creation", "verb.emotion",
	"verb.motion", "verb.perception", "verb.possession", "verb.social",
	"verb.stative", "verb.weather", "adj.ppl",
}

const (
	maxWords = 4
	maxBytes = 40
)

func main() {
	wn := flag.String("wn", "/usr/share/wordnet", "WordNet 3.0 database folder (Debian wordnet-base)")
	out := flag.String("out", "assets/lex", "output folder")
	flag.Parse()
	if err := run(*wn, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genlexicon:", err)
		os.Exit(1)
	}
}

// synset is what the generator needs of one synset: its lexicographer file
// and its hypernyms (instance hypernyms included).
type synset struct {
	lexfile   int
	hypernyms []int
}

// indexEntry is one lemma of an index file: its synsets, most frequent first.
type indexEntry struct {
	lemma   string
	tagged  int // tagsense_cnt: how many of the first senses are tagged in SemCor
	offsets []int
}

func run(wn, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	cnt, err := readCounts(filepath.Join(wn, "cntlist.rev"))
	if err != nil {
		return err
	}
	for _, p := range []struct {
		pos, name string
		roots     []root
	}{{"n", "noun", nounRoots}, {"v", "verb", verbRoots}} {
		data, err := readData(filepath.Join(wn, "data."+p.name), p.pos)
		if err != nil {
			return err
		}
		index, err := readIndex(filepath.Join(wn, "index."+p.name))
		if err != nil {
			return err
		}
		if err := checkRoots(p.roots, index); err != nil {
			return err
		}
		if err := writeLemmas(filepath.Join(out, p.name+"s.tsv.gz"), p.pos, data, index, cnt, p.roots); err != nil {
			return err
		}
	}
	for _, p := range []struct{ name, file string }{{"adj", "adjectives.txt.gz"}, {"adv", "adverbs.txt.gz"}} {
		index, err := readIndex(filepath.Join(wn, "index."+p.name))
		if err != nil {
			return err
		}
		if err := writeGzip(filepath.Join(out, p.file), func(w io.Writer) error {
			for _, e := range index {
				if lemma, ok := keep(e.lemma); ok {
					if _, err := fmt.Fprintln(w, lemma); err != nil {
						return err
					}
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	return writeExceptions(wn, filepath.Join(out, "exceptions.tsv.gz"))
}

// keep reports whether a WordNet lemma goes into the lexicon, and returns it
// with spaces for underscores.
func keep(lemma string) (string, bool) {
	if len(lemma) > maxBytes || strings.Count(lemma, "_")+1 > maxWords || strings.ContainsAny(lemma, "0123456789") {
		return "", false
	}
	return strings.ReplaceAll(lemma, "_", " "), true
}

// readData reads a data.* file: offset → synset.
func readData(path, pos string) (map[int]*synset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open WordNet data: %w", err)
	}
	defer f.Close()
	m := make(map[int]*synset)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.HasPrefix(s, "  ") {
			continue // licence header
		}
		if i := strings.Index(s, " | "); i >= 0 {
			s = s[:i]
		}
		t := strings.Fields(s)
		bad := func(what string) error { return fmt.Errorf("%s:%d: %s", path, line, what) }
		if len(t) < 6 {
			return nil, bad("short line")
		}
		off, err1 := strconv.Atoi(t[0])
		lexfile, err2 := strconv.Atoi(t[1])
		words, err3 := strconv.ParseInt(t[3], 16, 32)
		if err1 != nil || err2 != nil || err3 != nil || lexfile >= len(lexnames) {
			return nil, bad("bad offset, lexicographer file or word count")
		}
		i := 4 + 2*int(words)
		if i >= len(t) {
			return nil, bad("short line")
		}
		ptrs, err := strconv.Atoi(t[i])
		if err != nil || i+1+4*ptrs > len(t) {
			return nil, bad("bad pointer count")
		}
		syn := &synset{lexfile: lexfile}
		for k := 0; k < ptrs; k++ {
			sym, target, tpos := t[i+1+4*k], t[i+2+4*k], t[i+3+4*k]
			if (sym == "@" || sym == "@i") && tpos == pos {
				o, err := strconv.Atoi(target)
				if err != nil {
					return nil, bad("bad pointer offset")
				}
				syn.hypernyms = append(syn.hypernyms, o)
			}
		}
		m[off] = syn
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return m, nil
}

// readIndex reads an index.* file in its order (sorted by lemma).
func readIndex(path string) ([]indexEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open WordNet index: %w", err)
	}
	defer f.Close()
	var idx []indexEntry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.HasPrefix(s, "  ") {
			continue
		}
		t := strings.Fields(s)
		if len(t) < 4 {
			return nil, fmt.Errorf("%s:%d: short line", path, line)
		}
		n, err := strconv.Atoi(t[2])
		if err != nil || n > len(t)-4 {
			return nil, fmt.Errorf("%s:%d: bad synset count", path, line)
		}
		tagged, err := strconv.Atoi(t[len(t)-n-1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad tagsense_cnt", path, line)
		}
		e := indexEntry{lemma: t[0], tagged: tagged}
		for _, o := range t[len(t)-n:] {
			off, err := strconv.Atoi(o)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad offset %q", path, line, o)
			}
			e.offsets = append(e.offsets, off)
		}
		idx = append(idx, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return idx, nil
}

// readCounts reads cntlist.rev ("lemma%ss_type:… sense_number tag_cnt") into
// per-lemma SemCor counts keyed by "n:lemma" or "v:lemma".
func readCounts(path string) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open WordNet sense counts: %w", err)
	}
	defer f.Close()
	m := make(map[string]int)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		t := strings.Fields(sc.Text())
		if len(t) != 3 {
			continue
		}
		lemma, rest, ok := strings.Cut(t[0], "%")
		if !ok || rest == "" {
			continue
		}
		var pos string
		switch rest[0] {
		case '1':
			pos = "n"
		case '2':
			pos = "v"
		default:
			continue
		}
		n, err := strconv.Atoi(t[2])
		if err != nil {
			return nil, fmt.Errorf("%s: bad line %q", path, sc.Text())
		}
		m[pos+":"+lemma] += n
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return m, nil
}

// checkRoots makes sure every root's name resolves to its offset.
func checkRoots(roots []root, index []indexEntry) error {
	byLemma := make(map[string][]int, len(index))
	for _, e := range index {
		byLemma[e.lemma] = e.offsets
	}
	for _, r := range roots {
		parts := strings.Split(r.Synset, ".")
		if len(parts) != 3 {
			return fmt.Errorf("root %s: want lemma.pos.NN", r.Synset)
		}
		n, err := strconv.Atoi(parts[2])
		offs := byLemma[parts[0]]
		if err != nil || n < 1 || n > len(offs) || offs[n-1] != r.Offset {
			return fmt.Errorf("root %s (tag %s) is not synset %08d in this WordNet (want WordNet 3.0)", r.Synset, r.Tag, r.Offset)
		}
	}
	return nil
}

// tagger computes, once per synset, the tags it carries through its
// hypernyms.
type tagger struct {
	data  map[int]*synset
	roots map[int][]string
	memo  map[int][]string
	order []string // tags in the order of their first root in the tables
}

func newTagger(data map[int]*synset, roots []root) *tagger {
	t := &tagger{data: data, roots: make(map[int][]string), memo: make(map[int][]string), order: tagOrder()}
	for _, r := range roots {
		t.roots[r.Offset] = append(t.roots[r.Offset], r.Tag)
	}
	return t
}

// tags returns the tags of synset off, in table order, without duplicates.
func (t *tagger) tags(off int) []string {
	if tags, ok := t.memo[off]; ok {
		return tags
	}
	t.memo[off] = nil // WordNet's hierarchies have no cycles; this guards anyway
	set := map[string]bool{}
	for _, tag := range t.roots[off] {
		set[tag] = true
	}
	if s := t.data[off]; s != nil {
		for _, h := range s.hypernyms {
			for _, tag := range t.tags(h) {
				set[tag] = true
			}
		}
	}
	var tags []string
	for _, tag := range t.order {
		if set[tag] {
			tags = append(tags, tag)
		}
	}
	t.memo[off] = tags
	return tags
}

// tagOrder is the tags in the order of their first root in the tables.
func tagOrder() []string {
	var order []string
	seen := map[string]bool{}
	for _, r := range nounRoots {
		if !seen[r.Tag] {
			seen[r.Tag] = true
			order = append(order, r.Tag)
		}
	}
	for _, r := range verbRoots {
		if !seen[r.Tag] {
			seen[r.Tag] = true
			order = append(order, r.Tag)
		}
	}
	return order
}

func writeLemmas(path, pos string, data map[int]*synset, index []indexEntry, cnt map[string]int, roots []root) error {
	tg := newTagger(data, roots)
	return writeGzip(path, func(w io.Writer) error {
		for _, e := range index {
			lemma, ok := keep(e.lemma)
			if !ok {
				continue
			}
			// Classes in order of first appearance, with their share of senses.
			var classes []int
			share := map[int]int{}
			// Tags with the rank of the first sense carrying each.
			var tags []string
			rank := map[string]int{}
			for i, off := range e.offsets {
				s := data[off]
				if s == nil {
					return fmt.Errorf("%s: lemma %s points to missing synset %08d", pos, e.lemma, off)
				}
				if share[s.lexfile] == 0 {
					classes = append(classes, s.lexfile)
				}
				share[s.lexfile]++
				for _, tag := range tg.tags(off) {
					if rank[tag] == 0 {
						rank[tag] = i + 1
						tags = append(tags, tag)
					}
				}
			}
			cs := make([]string, len(classes))
			for i, c := range classes {
				cs[i] = lexnames[c] + ":" + strconv.FormatFloat(float64(share[c])/float64(len(e.offsets)), 'f', 2, 64)
			}
			ts := make([]string, len(tags))
			for i, tag := range tags {
				ts[i] = tag + ":" + strconv.Itoa(rank[tag])
			}
			if _, err := fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%s\t%s\n", lemma, len(e.offsets), e.tagged, cnt[pos+":"+e.lemma],
				strings.Join(cs, ","), strings.Join(ts, ",")); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeExceptions merges the four exception lists into one file.
func writeExceptions(wn, path string) error {
	type exc struct{ pos, form, lemmas string }
	var all []exc
	for _, p := range []struct{ pos, file string }{{"n", "noun.exc"}, {"v", "verb.exc"}, {"a", "adj.exc"}, {"r", "adv.exc"}} {
		b, err := os.ReadFile(filepath.Join(wn, p.file))
		if err != nil {
			return fmt.Errorf("read WordNet exceptions: %w", err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			t := strings.Fields(line)
			if len(t) < 2 {
				continue
			}
			form, ok := keep(t[0])
			if !ok {
				continue
			}
			var lemmas []string
			for _, l := range t[1:] {
				if l, ok := keep(l); ok {
					lemmas = append(lemmas, strings.ReplaceAll(l, " ", "_"))
				}
			}
			if len(lemmas) > 0 {
				all = append(all, exc{p.pos, form, strings.Join(lemmas, " ")})
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].pos != all[j].pos {
			return all[i].pos < all[j].pos
		}
		return all[i].form < all[j].form
	})
	return writeGzip(path, func(w io.Writer) error {
		for _, e := range all {
			if _, err := fmt.Fprintf(w, "%s\t%s\t%s\n", e.pos, e.form, e.lemmas); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeGzip writes a gzip file (no name or time in the header, so that a
// rerun gives the same bytes) with what fill writes.
func writeGzip(path string, fill func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return fmt.Errorf("gzip %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	if err := fill(bw); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	return nil
}
