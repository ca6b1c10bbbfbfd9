package ingest

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

// ManifestColumns are the fields a manifest may give for each file, as in
// ../shared/corpus/sources.csv. Only "file" is required.
var ManifestColumns = []string{"file", "title", "publisher", "url", "published"}

// Entry is one file's metadata from a manifest. Empty fields are unknown.
type Entry struct {
	File      string
	Title     string
	Publisher string
	URL       string
	Published time.Time
}

// Manifest is metadata for article files, keyed by file name, with the
// problems found while reading it (bad dates, short rows), one line each in
// the form "PATH:LINE: problem". Problems are not fatal: the affected fields
// fall back to what the text says. Lookup records
// which files were asked for, so a Manifest is for one import at a time.
type Manifest struct {
	Path     string
	entries  map[string]*Entry // by base name
	order    []string
	used     map[string]bool
	lines    map[string]int // the line each entry was read on
	more     int            // problems past maxWarnings, counted only
	Warnings []string
}

// manifestJSON is the JSON form: a list of objects with the same fields as
// the CSV columns, or an object holding that list under "articles".
type manifestJSON struct {
	File      string `json:"file"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	Published string `json:"published"`
}

// Limits on a manifest's fields. A title or URL longer than these is a
// broken row (a runaway quote, a pasted article), not metadata: it is
// dropped with a warning rather than stored and shown.
const (
	maxFileField  = 1024
	maxTextField  = 4096 // title, publisher, url
	maxDateField  = 64
	maxLineColumn = 80 // how much of a bad header or field a message quotes
	maxRestarts   = 100
	// maxWarnings keeps a manifest with a problem on every row from
	// burying the import's summary; the rest are counted.
	maxWarnings = 50
)

// LoadManifest reads a manifest: CSV with a header row (file, title,
// publisher, url, published) or the same fields as JSON.
//
// Problems with single rows or fields (bad dates, duplicate rows, unknown
// columns, broken quoting, a semicolon or tab delimiter, huge fields) never
// stop it: each becomes one line in Warnings, "PATH:LINE: problem; what was
// done", and the rest of the manifest is used. It fails, with an error of the
// same form, only when nothing in the file can be used: it cannot be read, is
// empty, is not JSON, or has no "file" column.
func LoadManifest(path string) (*Manifest, error) {
	raw, err := ReadRaw(path) // its errors name the file
	if err != nil {
		return nil, fmt.Errorf("manifest %w", err)
	}
	text, err := Decode(raw)
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	// Decode drops a leading byte-order mark; one left inside (two files
	// pasted together, a BOM written twice) would hide the "file" column.
	text = strings.TrimPrefix(text, "\ufeff")
	m := &Manifest{Path: path, entries: map[string]*Entry{}, used: map[string]bool{}, lines: map[string]int{}}
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return nil, fmt.Errorf("manifest %s: the file is empty; nothing in it can be used", path)
	}
	if strings.EqualFold(filepath.Ext(path), ".json") || strings.HasPrefix(trimmed, "[") || strings.HasPrefix(trimmed, "{") {
		err = m.readJSON(text)
	} else {
		err = m.readCSV(text)
	}
	if err != nil {
		return nil, err
	}
	if m.more > 0 {
		m.Warnings = append(m.Warnings, fmt.Sprintf("%s: %d more problems like these are not listed", path, m.more))
	}
	return m, nil
}

// lineStarts returns the byte offset at which each line of text begins.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' && i+1 < len(text) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf returns the 1-based line holding byte offset off.
func lineOf(starts []int, off int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > off })
}

// sniffDelimiter returns the delimiter of a header line: a comma unless
// the line has no comma but semicolons or tabs, as spreadsheets in many
// locales write "CSV".
func sniffDelimiter(header string) rune {
	if strings.Contains(header, ",") {
		return ','
	}
	if strings.Count(header, "\t") > 0 && strings.Count(header, "\t") >= strings.Count(header, ";") {
		return '\t'
	}
	if strings.Contains(header, ";") {
		return ';'
	}
	return ','
}

func delimiterName(d rune) string {
	switch d {
	case '\t':
		return "tabs"
	case ';':
		return "semicolons"
	}
	return "commas"
}

// csvRow is one record with the line it starts on.
type csvRow struct {
	line   int
	fields []string
}

// csvRows reads every record of text it can. A record the csv package
// refuses (an unterminated quote, a quote inside an unquoted field), or one
// whose quote runs on over several lines and so swallows the rows after it,
// is reported and skipped, and reading starts again on the line after the
// one it began on, so one broken row loses only itself.
func (m *Manifest) csvRows(text string, delim rune) []csvRow {
	starts := lineStarts(text)
	var rows []csvRow
	base := 2 // the line text[starts[base-1]:] begins on; line 1 is the header
	restarts := 0
	for base <= len(starts) {
		r := csv.NewReader(strings.NewReader(text[starts[base-1]:]))
		r.Comma = delim
		r.FieldsPerRecord = -1
		r.TrimLeadingSpace = delim != '\t'
		restart := 0
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var pe *csv.ParseError
				if !errors.As(err, &pe) {
					m.warnAt(base, "cannot read the rest of the file (%v); the rows after this are not used", err)
					return rows
				}
				line := base + pe.StartLine - 1
				m.warnAt(line, "%s; the row is skipped", quoteProblem(pe, base))
				restart = line + 1
				break
			}
			if len(rec) == 0 {
				continue
			}
			first, _ := r.FieldPos(0)
			line := base + first - 1
			if slices.ContainsFunc(rec, func(f string) bool { return strings.ContainsAny(f, "\r\n") }) {
				// No manifest field spans lines: a quote opened here
				// closed on a later row and swallowed the rows between.
				m.warnAt(line, "a quote opened in this row closes only on a later line; the row is skipped")
				restart = line + 1
				break
			}
			rows = append(rows, csvRow{line: line, fields: rec})
		}
		if restart == 0 {
			break
		}
		// Each restart may read to the end of the file again: a file of
		// nothing but broken rows must not take quadratic time.
		if restarts++; restarts > maxRestarts {
			m.warnAt(restart, "too many broken rows; the rest of the file is not used")
			break
		}
		base = restart
	}
	return rows
}

// quoteProblem says in words what the csv package found wrong.
func quoteProblem(pe *csv.ParseError, base int) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Sprintf(`a quote (") inside an unquoted field, column %d (quote the whole field and double the quote: "a ""b"" c")`, pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line != pe.StartLine:
		return fmt.Sprintf("a quoted field opened in this row is not closed (the file reads on to line %d)", base+pe.Line-1)
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Sprintf("a quoted field is not closed properly (column %d)", pe.Column)
	}
	return pe.Err.Error()
}

func (m *Manifest) readCSV(text string) error {
	headerLine, _, _ := strings.Cut(text, "\n")
	headerLine = strings.TrimSuffix(headerLine, "\r")
	delim := sniffDelimiter(headerLine)
	hr := csv.NewReader(strings.NewReader(headerLine))
	hr.Comma = delim
	hr.TrimLeadingSpace = delim != '\t'
	header, err := hr.Read()
	if err != nil {
		return fmt.Errorf("manifest %s:1: cannot read the header row (%v); nothing in the file can be used", m.Path, err)
	}
	col := map[string]int{}
	var unknown []string
	var dups []string
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := col[name]; dup {
			dups = append(dups, fmt.Sprintf("%q", clip(name)))
			continue
		}
		if !slices.Contains(ManifestColumns, name) {
			unknown = append(unknown, fmt.Sprintf("%q", clip(name)))
		}
		col[name] = i
	}
	if _, ok := col["file"]; !ok {
		return fmt.Errorf("manifest %s:1: no \"file\" column in the header (found %q; expected columns %s, separated by commas); nothing in it can be used",
			m.Path, clip(headerLine), strings.Join(ManifestColumns, ","))
	}
	if delim != ',' {
		m.warnAt(1, "the fields are separated by %s, not commas; they are read that way", delimiterName(delim))
	}
	if len(dups) > 0 {
		m.warnAt(1, "column %s appears twice; the first is used", strings.Join(dups, ", "))
	}
	if len(unknown) == 1 {
		m.warnAt(1, "unknown column %s is ignored (the columns are %s)", unknown[0], strings.Join(ManifestColumns, ", "))
	} else if len(unknown) > 1 {
		m.warnAt(1, "unknown columns %s are ignored (the columns are %s)", strings.Join(unknown, ", "), strings.Join(ManifestColumns, ", "))
	}
	var missing []string
	for _, c := range ManifestColumns[1:] {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		m.warnAt(1, "no %s column: those fields come from the articles' text", strings.Join(missing, ", "))
	}
	for _, row := range m.csvRows(text, delim) {
		rec := row.fields
		get := func(name string) string {
			i, ok := col[name]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		switch {
		case len(rec) < len(header):
			m.warnAt(row.line, "%d fields where the header has %d; the missing ones are taken as empty", len(rec), len(header))
		case len(rec) > len(header):
			m.warnAt(row.line, "%d fields where the header has %d; the extra ones are ignored (a %s inside a field needs quotes)",
				len(rec), len(header), strings.TrimSuffix(delimiterName(delim), "s"))
		}
		m.add(row.line, get("file"), get("title"), get("publisher"), get("url"), get("published"))
	}
	return nil
}

// readJSON reads a list of objects, or an object holding that list under
// "articles". Entries are decoded one by one, so that one bad entry (a
// number for a date, a list for a title) loses only itself.
func (m *Manifest) readJSON(text string) error {
	starts := lineStarts(text)
	if !json.Valid([]byte(text)) {
		var v any
		err := json.Unmarshal([]byte(text), &v)
		line := 1
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = lineOf(starts, max(0, int(se.Offset)-1))
		}
		return fmt.Errorf("manifest %s:%d: bad JSON, not readable as a list of articles (%v); nothing in it can be used", m.Path, line, err)
	}
	dec := json.NewDecoder(strings.NewReader(text))
	tok, _ := dec.Token() // valid JSON: no error
	switch tok {
	case json.Delim('['):
	case json.Delim('{'):
		found := false
		for dec.More() {
			key, _ := dec.Token()
			if key == "articles" {
				if t, _ := dec.Token(); t != json.Delim('[') {
					return fmt.Errorf(`manifest %s: "articles" is not a list; nothing in it can be used`, m.Path)
				}
				found = true
				break
			}
			var skip json.RawMessage
			dec.Decode(&skip)
		}
		if !found {
			return fmt.Errorf(`manifest %s: JSON manifest has no "articles" list; nothing in it can be used`, m.Path)
		}
	default:
		return fmt.Errorf(`manifest %s: the JSON is neither a list of articles nor an object with an "articles" list; nothing in it can be used`, m.Path)
	}
	unknown := map[string]bool{}
	for dec.More() {
		off := int(dec.InputOffset())
		// The offset is where the previous value ended: step over the
		// comma and spaces to the entry's own line.
		for off < len(text) && strings.ContainsRune(", \t\r\n", rune(text[off])) {
			off++
		}
		line := lineOf(starts, off)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			m.warnAt(line, "cannot read the entries from here on (%v); they are not used", err)
			return nil
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			m.warnAt(line, "the entry is not an object with file, title, publisher, url and published; it is skipped")
			continue
		}
		fields := map[string]string{}
		for k, v := range obj {
			name := strings.ToLower(k)
			if !slices.Contains(ManifestColumns, name) {
				if !unknown[name] {
					unknown[name] = true
					m.warnAt(line, "unknown field %q is ignored (the fields are %s)", clip(k), strings.Join(ManifestColumns, ", "))
				}
				continue
			}
			var s string
			if string(v) == "null" {
				continue
			}
			if err := json.Unmarshal(v, &s); err != nil {
				m.warnAt(line, "%s is %s, not a string; it is ignored", name, clip(string(v)))
				continue
			}
			fields[name] = strings.TrimSpace(s)
		}
		m.add(line, fields["file"], fields["title"], fields["publisher"], fields["url"], fields["published"])
	}
	return nil
}

// add records one row, read on line, keeping what can be used of it.
func (m *Manifest) add(line int, file, title, publisher, url, published string) {
	if file == "" {
		m.warnAt(line, "the row has no file name; it is not used")
		return
	}
	if len(file) > maxFileField {
		m.warnAt(line, "the file name is %d bytes long (a quote left open?); the row is not used", len(file))
		return
	}
	long := func(name, v string, limit int) string {
		if len(v) > limit {
			m.warnAt(line, "%s is %d bytes long (over %d; a quote left open?); it is ignored and taken from the text", name, len(v), limit)
			return ""
		}
		return v
	}
	title = long("title", title, maxTextField)
	publisher = long("publisher", publisher, maxTextField)
	url = long("url", url, maxTextField)
	published = long("published", published, maxDateField)
	e := &Entry{File: file, Title: title, Publisher: publisher, URL: url}
	if published != "" {
		t, err := ParseDate(published)
		switch {
		case errors.Is(err, errDateRange):
			m.warnAt(line, "bad published date %q for %s: before 1800 or over a year ahead; the row's other fields are used", clip(published), file)
		case err != nil:
			m.warnAt(line, "bad published date %q for %s: not a date (YYYY-MM-DD); the row's other fields are used", clip(published), file)
		default:
			e.Published = t
		}
	}
	key := filepath.Base(filepath.FromSlash(file))
	if prev, dup := m.entries[key]; dup {
		if *prev == *e {
			m.warnAt(line, "%s repeats line %d; it is ignored", file, m.lines[key])
			return
		}
		m.warnAt(line, "%s is listed again (first on line %d) with other fields; this later row is used", file, m.lines[key])
	} else {
		m.order = append(m.order, key)
	}
	m.entries[key] = e
	m.lines[key] = line
}

// warnAt records a problem on one line, "PATH:LINE: problem", the form
// compilers use, so that an editor can jump to it.
func (m *Manifest) warnAt(line int, format string, args ...any) {
	if len(m.Warnings) >= maxWarnings {
		m.more++
		return
	}
	m.Warnings = append(m.Warnings, fmt.Sprintf("%s:%d: ", m.Path, line)+fmt.Sprintf(format, args...))
}

// clip shortens what a message quotes from the file: a broken row can be
// megabytes long.
func clip(s string) string {
	if r := []rune(s); len(r) > maxLineColumn {
		return string(r[:maxLineColumn-1]) + "…"
	}
	return s
}

// Lookup returns the entry for a file, by its base name. A nil manifest has
// no entries.
func (m *Manifest) Lookup(path string) (Entry, bool) {
	if m == nil {
		return Entry{}, false
	}
	e, ok := m.entries[filepath.Base(path)]
	if !ok {
		return Entry{}, false
	}
	m.used[filepath.Base(path)] = true
	return *e, true
}

// Len returns the number of files the manifest describes.
func (m *Manifest) Len() int {
	if m == nil {
		return 0
	}
	return len(m.entries)
}

// Unused returns the files the manifest lists that no Lookup asked for, in
// manifest order: after an import, files it names that were not found.
func (m *Manifest) Unused() []string {
	if m == nil {
		return nil
	}
	var out []string
	for _, k := range m.order {
		if !m.used[k] {
			out = append(out, m.entries[k].File)
		}
	}
	return out
}

var dateLayouts = []string{
	"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04",
	"2006/01/02", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "02 Jan 2006", time.RFC1123Z, time.RFC1123,
}

// errDateRange is a well-formed date refused as a typo.
var errDateRange = errors.New("out of range (before 1800 or over a year ahead)")

// ParseDate reads a publication date in the forms manifests and meta tags use
// (ISO 8601 first). Dates before 1800 or more than a year ahead are refused
// as typos.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1800 || t.After(time.Now().AddDate(1, 0, 0)) {
				return time.Time{}, fmt.Errorf("date %q: %w", s, errDateRange)
			}
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read date %q", s)
}

// FolderManifestNames are the manifest files looked for beside the articles
// of a folder being imported, in order of preference.
var FolderManifestNames = []string{"sources.csv", "sources.json"}

// FolderManifest returns the manifest lying directly in one of the folders
// among paths, or "" when there is none. When several folders carry one, the
// first folder's wins: a single import reads a single manifest.
func FolderManifest(paths []string) string {
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			continue
		}
		for _, name := range FolderManifestNames {
			m := filepath.Join(p, name)
			if fi, err := os.Stat(m); err == nil && fi.Mode().IsRegular() {
				return m
			}
		}
	}
	return ""
}
