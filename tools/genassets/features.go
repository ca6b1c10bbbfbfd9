package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefingatlas/atlas/internal/geo/fold"
)

// neFeatures writes features.tsv.gz from the Natural Earth features table
// (../shared/geodata/ne-features.tsv; see its README): seas, gulfs, straits,
// mountains, ranges, deserts, islands… and the disputed and breakaway
// areas. One line per feature:
//
//	key, display name, class (feature or disputed), NE class, lat, lon,
//	scalerank, administering country (ISO2, disputed areas only), status
//	note, Wikidata id, main keys, alternate keys
//
// NE's capitals and abbreviations are normalised for display ("ALPS" →
// "Alps", "Kuril Is." → "Kuril Islands"); a disputed area is named by its
// English name where that only adds to NE's ("Gaza" → "Gaza Strip"). Its country column
// stays empty: the place is not assigned to either side, and the
// administering state, when NE names one ("Admin. by Russia; Claimed by
// Ukraine"), is a column of its own beside NE's note.
func neFeatures(in, out string, cs *countryCodes) error {
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("open features: %w", err)
	}
	defer f.Close()
	w, err := create(out)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	used := map[string]bool{}
	line, n := 0, 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue // header
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 11 {
			return fmt.Errorf("features line %d: %d columns, want 11", line, len(c))
		}
		name, nameAlt, kind, latS, lonS, rank, sovereign, note, wd, names := c[0], c[1], c[2], c[3], c[4], c[6], c[7], c[8], c[9], c[10]
		if kind == "dragons-be-here" || name == "" {
			continue
		}
		lat, err1 := strconv.ParseFloat(latS, 64)
		lon, err2 := strconv.ParseFloat(lonS, 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("features line %d: bad coordinates %q %q", line, latS, lonS)
		}
		langs := map[string]string{}
		for _, kv := range strings.Split(names, "|") {
			if k, v, ok := strings.Cut(kv, "="); ok {
				langs[k] = v
			}
		}
		class, admin := "feature", ""
		display := normaliseNE(name)
		first, _, _ := strings.Cut(name, " ")
		initial := len(first) == 2 && first[1] == '.' // "S. Nevada", "W. Sahara"
		if initial && langs["en"] != "" {
			display = langs["en"] // "Sierra Nevada": NE's initial is not always a compass point
		}
		if strings.HasPrefix(kind, "admin-0 ") {
			class = "disputed"
			admin = administering(note, cs)
			if x, ok := neCompass[strings.ToLower(first)]; ok {
				display = x + name[len(first):] // "N. Cyprus" → "Northern Cyprus"
			}
			if en := langs["en"]; strings.HasPrefix(fold.Fold(en), fold.Fold(display)+" ") {
				display = en // "Gaza" → "Gaza Strip"; not "Jammu and Kashmir" → "Kashmir"
			}
			_ = sovereign // NE's SOVEREIGNT: the state NE draws it in, not a ruling on the dispute
		}
		keys := newKeySet()
		keys.add(display, true)
		keys.add(name, true)
		keys.add(normaliseNE(name), true)
		keys.add(langs["en"], true)
		for _, a := range strings.FieldsFunc(nameAlt, func(r rune) bool { return r == ',' || r == ';' }) {
			keys.add(a, true)
			keys.add(normaliseNE(strings.TrimSpace(a)), true)
		}
		for _, l := range neLangs {
			if v := langs[l]; v != "" && l != "en" {
				keys.add(v, false)
			}
		}
		key := "x:" + slug(display)
		if used[key] {
			key += "-" + slug(kind)
		}
		for k := 2; used[key]; k++ {
			key = fmt.Sprintf("x:%s-%d", slug(display), k)
		}
		used[key] = true
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%g\t%g\t%s\t%s\t%s\t%s\t%s\n", key, display, class, kind, lat, lon, rank,
			admin, clean(note), wd, keys.columns())
		n++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read features: %w", err)
	}
	fmt.Fprintf(os.Stderr, "features: %d\n", n)
	return w.Close()
}

// neLangs is the order of the languages in ne-features.tsv's names column.
var neLangs = strings.Fields("ar bn de el en es fa fr he hi hu id it ja ko nl pl pt ru sv tr uk ur vi zh zht")

// neAbbrev expands the abbreviations Natural Earth writes in names.
var neAbbrev = map[string]string{
	"i.": "Island", "is.": "Islands", "mts.": "Mountains", "mt.": "Mount", "ra.": "Range",
	"pen.": "Peninsula", "plat.": "Plateau", "arch.": "Archipelago", "cord.": "Cordillera",
	"pt.": "Point", "ter.": "Territory", "br.": "British", "str.": "Strait", "g.": "Gulf",
}

// neCompass expands a leading compass abbreviation in the name of a
// disputed area ("W. Sahara", "N. Cyprus", "S. Georgia").
var neCompass = map[string]string{"n.": "Northern", "s.": "South", "e.": "Eastern", "w.": "Western"}

// lowerWords stay lower case inside a title-cased name.
var lowerWords = map[string]bool{"of": true, "the": true, "and": true, "de": true, "del": true, "la": true, "du": true, "des": true, "al": true}

// normaliseNE turns NE's spelling into the one news text uses: ALL-CAPS
// words title-cased, abbreviations written out.
func normaliseNE(s string) string {
	words := strings.Fields(s)
	for i, wd := range words {
		low := strings.ToLower(wd)
		if x, ok := neAbbrev[low]; ok {
			words[i] = x
			continue
		}
		if allCaps(wd) {
			r := []rune(low)
			if i > 0 && lowerWords[low] {
				words[i] = low
				continue
			}
			r[0] = unicode.ToUpper(r[0])
			words[i] = string(r)
		}
	}
	return strings.Join(words, " ")
}

func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 1
}

var adminRe = regexp.MustCompile(`(?i)^(?:admin\.? by|leased to) (.+?)(?: by [^;]*)?(?:;|$)`)

// administering reads the administering state out of NE's status note
// ("Admin. by Russia; Claimed by Ukraine" → RU, "Admin. by New Caledonia
// for France" → FR); "" when NE names none or the area governs itself.
func administering(note string, cs *countryCodes) string {
	m := adminRe.FindStringSubmatch(strings.TrimSpace(note))
	if m == nil {
		return ""
	}
	who := m[1]
	if _, after, ok := strings.Cut(who, " for "); ok {
		who = after
	}
	return cs.byName[fold.Fold(who)]
}

// slug makes a key from a name: folded, words joined by hyphens.
func slug(s string) string {
	return strings.ReplaceAll(fold.Fold(s), " ", "-")
}
