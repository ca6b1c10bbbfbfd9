package ingest

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
// problems found while reading it (bad dates, short rows). Problems are not
// fatal: the affected fields fall back to what the text says. Lookup records
// which files were asked for, so a Manifest is for one import at a time.
type Manifest struct {
	Path     string
	entries  map[string]*Entry // by base name
	order    []string
	used     map[string]bool
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

// LoadManifest reads a manifest: CSV with a header row (file, title,
// publisher, url, published) or the same fields as JSON. It fails when the
// file cannot be read or has no "file" column; bad dates and short rows
// become Warnings.
func LoadManifest(path string) (*Manifest, error) {
	raw, err := ReadRaw(path) // its errors name the file
	if err != nil {
		return nil, fmt.Errorf("manifest %w", err)
	}
	text, err := Decode(raw)
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	m := &Manifest{Path: path, entries: map[string]*Entry{}, used: map[string]bool{}}
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return nil, fmt.Errorf("manifest %s: %w", path, ErrEmpty)
	}
	if strings.EqualFold(filepath.Ext(path), ".json") || strings.HasPrefix(trimmed, "[") || strings.HasPrefix(trimmed, "{") {
		err = m.readJSON(trimmed)
	} else {
		err = m.readCSV(text)
	}
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	return m, nil
}

func (m *Manifest) readCSV(text string) error {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("read header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	if _, ok := col["file"]; !ok {
		return fmt.Errorf("no \"file\" column in the header (found %q; expected columns %s)",
			strings.Join(header, ","), strings.Join(ManifestColumns, ","))
	}
	var missing []string
	for _, c := range ManifestColumns[1:] {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		m.warnf("no %s column: those fields come from the articles' text", strings.Join(missing, ", "))
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		get := func(name string) string {
			i, ok := col[name]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		if len(rec) < len(header) {
			m.warnf("line %d has %d fields, the header %d: the missing ones are taken as empty", line, len(rec), len(header))
		}
		m.add(fmt.Sprintf("line %d", line), get("file"), get("title"), get("publisher"), get("url"), get("published"))
	}
	return nil
}

func (m *Manifest) readJSON(text string) error {
	var list []manifestJSON
	if strings.HasPrefix(text, "{") {
		var wrap struct {
			Articles []manifestJSON `json:"articles"`
		}
		if err := json.Unmarshal([]byte(text), &wrap); err != nil {
			return fmt.Errorf("bad JSON: %w", err)
		}
		if wrap.Articles == nil {
			return errors.New(`JSON manifest has no "articles" list`)
		}
		list = wrap.Articles
	} else if err := json.Unmarshal([]byte(text), &list); err != nil {
		return fmt.Errorf("bad JSON: %w", err)
	}
	for i, e := range list {
		m.add(fmt.Sprintf("entry %d", i+1), e.File, e.Title, e.Publisher, e.URL, e.Published)
	}
	return nil
}

func (m *Manifest) add(where, file, title, publisher, url, published string) {
	if file == "" {
		m.warnf("%s has no file name: ignored", where)
		return
	}
	e := &Entry{File: file, Title: title, Publisher: publisher, URL: url}
	if published != "" {
		t, err := ParseDate(published)
		if err != nil {
			m.warnf("%s: bad published date %q for %s (want YYYY-MM-DD): the date comes from the text", where, published, file)
		} else {
			e.Published = t
		}
	}
	key := filepath.Base(filepath.FromSlash(file))
	if _, dup := m.entries[key]; dup {
		m.warnf("%s: %s is listed twice: the later row wins", where, file)
	} else {
		m.order = append(m.order, key)
	}
	m.entries[key] = e
}

func (m *Manifest) warnf(format string, args ...any) {
	m.Warnings = append(m.Warnings, fmt.Sprintf("manifest %s: ", m.Path)+fmt.Sprintf(format, args...))
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

// ParseDate reads a publication date in the forms manifests and meta tags use
// (ISO 8601 first). Dates before 1800 or more than a year ahead are refused
// as typos.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1800 || t.After(time.Now().AddDate(1, 0, 0)) {
				return time.Time{}, fmt.Errorf("date %q is out of range", s)
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
