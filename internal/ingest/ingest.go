// Package ingest reads article files (plain text, Markdown, HTML, PDF with a
// text layer, Word .docx, mail .eml with its attachments, saved pages .mhtml
// and .webarchive) into model.Article values: it decodes their encoding to
// UTF-8, takes the main text out of web pages and documents, finds metadata (from a manifest, else from the text
// itself) and marks scraping noise. It never alters the decoded text, so
// byte offsets into Article.Text stay true. It knows nothing of SQL or Fyne.
package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefingatlas/atlas/internal/model"
)

// MaxFileSize is the largest file ReadFile accepts. News articles are a few
// kilobytes; anything this big is a dump or a mistake, and refusing it keeps
// memory bounded.
const MaxFileSize = 20 << 20

// Errors ReadFile wraps, for errors.Is.
var (
	ErrEmpty       = errors.New("the file is empty: nothing to import")
	ErrBinary      = errors.New("the file is binary (not text): nothing to import")
	ErrTooLarge    = fmt.Errorf("the file is larger than the %d MB limit for one article", MaxFileSize>>20)
	ErrEncoding    = errors.New("the text is neither UTF-8, UTF-16 with a byte-order mark, nor Windows-1252")
	ErrUnsupported = errors.New("unsupported file type (import .txt, .md, .html, .pdf, .docx, .eml, .mhtml or .webarchive files)")
)

// Format returns the article format for a file name ("txt", "md", "html",
// "pdf", "docx", "eml", "mhtml", "webarchive"), or "" when the extension is
// not one ingest reads.
func Format(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return "txt"
	case ".md", ".markdown":
		return "md"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".pdf":
		return "pdf"
	case ".docx":
		return "docx"
	case ".eml":
		return "eml"
	case ".mhtml", ".mht":
		return "mhtml"
	case ".webarchive":
		return "webarchive"
	}
	return ""
}

// ReadFile reads one article. The manifest m may be nil; when it has an entry
// for the file, its fields win over what the text says. Errors name the file.
func ReadFile(path string, m *Manifest) (*model.Article, error) {
	format := Format(path)
	if format == "" {
		return nil, fmt.Errorf("%s: %w", path, ErrUnsupported)
	}
	raw, err := ReadRaw(path)
	if err != nil {
		return nil, err
	}
	a, err := Parse(path, format, raw, m)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// ReadFileAll reads every article a file holds: a mail's attachments follow
// it (see ParseAll). Errors name the file; an attachment that cannot be read
// comes back as a *PartsError beside the articles that could.
func ReadFileAll(path string, m *Manifest) ([]*model.Article, error) {
	format := Format(path)
	if format == "" {
		return nil, fmt.Errorf("%s: %w", path, ErrUnsupported)
	}
	raw, err := ReadRaw(path)
	if err != nil {
		return nil, err
	}
	as, err := ParseAll(path, format, raw, m)
	if err != nil {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return as, err
}

// ReadRaw reads a file's bytes, refusing files over MaxFileSize without
// reading them whole and anything that is not a regular file.
func ReadRaw(path string) ([]byte, error) {
	// Stat first: opening a FIFO or device would block or never end.
	if fi, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s: %w", path, describeOpenErr(err))
	} else if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, describeOpenErr(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: %w (it has %.1f MB)", path, ErrTooLarge, float64(fi.Size())/(1<<20))
	}
	// The size can change between Stat and Read; the limit holds anyway.
	raw, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", path, err)
	}
	if len(raw) > MaxFileSize {
		return nil, fmt.Errorf("%s: %w", path, ErrTooLarge)
	}
	return raw, nil
}

func describeOpenErr(err error) error {
	if errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("cannot read it (permission denied): %w", err)
	}
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("no such file: %w", err)
	}
	return err
}

// Parse builds an article from a file's bytes; path is recorded as given and
// its base name looked up in the manifest m (which may be nil). For a mail it
// is the message itself: ParseAll also returns its attachments.
func Parse(path, format string, raw []byte, m *Manifest) (*model.Article, error) {
	if format == "eml" {
		a, _, err := parseMail(path, raw, m, false)
		if err != nil {
			return nil, err
		}
		a.FileSHA256 = FileHash(raw)
		return a, nil
	}
	as, err := ParseAll(path, format, raw, m)
	if len(as) == 0 {
		return nil, err
	}
	return as[0], nil
}

// PartsError lists the parts of a file (a mail's attachments) that could
// not be read while the rest of it was.
type PartsError struct {
	Errs []error // each names its part
}

func (e *PartsError) Error() string {
	msgs := make([]string, len(e.Errs))
	for i, err := range e.Errs {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "; ")
}

func (e *PartsError) Unwrap() []error { return e.Errs }

// ParseAll builds the articles a file holds: one for every format but mail,
// whose supported attachments (text, Markdown, HTML, PDF, Word) follow the
// message as articles of their own, with paths "mail.eml#attachment.pdf".
// When some attachments cannot be read, the articles read come back with a
// *PartsError naming the others; when nothing can be read, no article and
// the error.
//
// Only the last article carries the file's hash (FileSHA256): it is saved
// last, so a re-import skips the file only once every article of it was
// handled.
func ParseAll(path, format string, raw []byte, m *Manifest) (as []*model.Article, err error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	// The binary readers (PDF, plist) are third-party code: a panic on a
	// malformed file is that file's failure, not the import's.
	defer func() {
		if r := recover(); r != nil {
			as, err = nil, fmt.Errorf("the %s reader failed on this file: %v", format, r)
		}
	}()
	var a *model.Article
	switch format {
	case "txt", "md", "html":
		a, err = parseText(path, format, raw, m)
	case "pdf":
		a, err = parsePDF(path, raw, m)
	case "docx":
		a, err = parseDOCX(path, raw, m)
	case "mhtml":
		a, err = parseMHTML(path, raw, m)
	case "webarchive":
		a, err = parseWebArchive(path, raw, m)
	case "eml":
		var attached []*model.Article
		a, attached, err = parseMail(path, raw, m, true)
		if a != nil {
			as = append(as, a)
		}
		as = append(as, attached...)
	default:
		return nil, ErrUnsupported
	}
	if format != "eml" && a != nil {
		as = append(as, a)
	}
	if len(as) == 0 {
		if err == nil {
			err = ErrEmpty
		}
		return nil, err
	}
	as[len(as)-1].FileSHA256 = FileHash(raw)
	return as, err
}

// parseText reads a text, Markdown or HTML file.
func parseText(path, format string, raw []byte, m *Manifest) (*model.Article, error) {
	text, err := Decode(raw)
	if err != nil {
		return nil, err
	}
	if format == "html" {
		return htmlArticle(path, format, text, docMeta{}, m)
	}
	return newArticle(path, format, text, docMeta{}, m)
}

// htmlArticle makes an article of a web page's main text; dm is what the
// container (a mail, an MHTML or web archive) says, which the page's own
// metadata completes.
func htmlArticle(path, format, page string, dm docMeta, m *Manifest) (*model.Article, error) {
	if strings.TrimSpace(page) == "" {
		return nil, ErrEmpty
	}
	text, pm, err := mainText(page)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("the page has no readable text (only scripts, menus or images)")
	}
	if dm.title == "" || dm.pageTitleWins {
		if pm.title != "" {
			dm.title = pm.title
		}
	}
	if dm.site == "" {
		dm.site = pm.site
	}
	if dm.url == "" {
		dm.url = pm.url
	}
	if dm.published.IsZero() && !pm.published.IsZero() {
		dm.published, dm.weakDate = pm.published, false
	}
	return newArticle(path, format, text, dm, m)
}

// docMeta is what a document's own metadata says: a web page's head, a PDF's
// Info dictionary, a Word file's core properties, a mail's headers.
type docMeta struct {
	title, site, url string
	published        time.Time
	// weakDate marks published as the time the file was made (a PDF's
	// CreationDate, a Word file's created date): a report printed to PDF
	// long after it was written keeps the date its text gives, so a date
	// line in the text wins over it; it still beats an inferred date.
	weakDate bool
	// pageTitleWins: an HTML page's own title beats title (an MHTML's
	// Subject, which is the same or shortened).
	pageTitleWins bool
	// noise is spans of the text the reader knows are not the article
	// (a PDF's running heads).
	noise []model.Span
}

// newArticle builds the article for text, read from path as format, with
// what the document's metadata says, the text's own top lines and the
// manifest. Least reliable first, so that better sources overwrite: the
// text's headline and dates, then the document's metadata, then the
// manifest. The text is final: nothing after this alters it.
func newArticle(path, format, text string, dm docMeta, m *Manifest) (*model.Article, error) {
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	a := &model.Article{Path: path, Format: format, DateSource: model.DateUnknown, Text: text}
	sum := sha256.Sum256([]byte(text))
	a.SHA256 = hex.EncodeToString(sum[:])

	url := dm.url
	e, inManifest := m.Lookup(path)
	if inManifest && e.URL != "" {
		url = e.URL
	}
	// A manifest date makes the text's own date moot: reading the whole
	// prose for an inferred one would be wasted (it is the costliest part
	// of reading an article).
	meta := scanTextAt(text, format, url, inManifest && !e.Published.IsZero())
	a.Noise = mergeNoise(meta.noise, dm.noise)
	a.Dateline = meta.dateline
	a.DatelineDay = meta.datelineDay

	a.Title = meta.headline
	a.Publisher = meta.byline
	if !meta.date.IsZero() {
		a.Published, a.DateSource = meta.date, meta.dateSource
	}
	if dm.title != "" {
		a.Title = dm.title
	}
	if dm.site != "" {
		a.Publisher = dm.site
	}
	if !dm.published.IsZero() && (!dm.weakDate || a.DateSource != model.DateInText) {
		a.Published, a.DateSource = dm.published, model.DateInText
	}
	a.URL = dm.url
	if inManifest {
		if e.Title != "" {
			a.Title = e.Title
		}
		if e.Publisher != "" {
			a.Publisher = e.Publisher
		}
		if e.URL != "" {
			a.URL = e.URL
		}
		if !e.Published.IsZero() {
			a.Published, a.DateSource = e.Published, model.DateManifest
		}
	}
	a.ImportedAt = time.Now().UTC()
	return a, nil
}

// mergeNoise adds the reader's own noise spans to those the text scan found,
// in text order, leaving out any that overlap one already there.
func mergeNoise(found, extra []model.Span) []model.Span {
	out := append([]model.Span(nil), found...)
	for _, x := range extra {
		overlap := false
		for _, f := range found {
			if x.Start < f.End && f.Start < x.End {
				overlap = true
				break
			}
		}
		if !overlap {
			out = append(out, x)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// dayOf is the calendar day of a metadata time stamp in its own time zone,
// the day its author saw, or zero when it is implausible (before 1800 or
// more than a year ahead, as ParseDate refuses).
func dayOf(t time.Time) time.Time {
	if t.IsZero() || !plausibleDate(t) {
		return time.Time{}
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func plausibleDate(t time.Time) bool {
	return t.Year() >= 1800 && !t.After(time.Now().AddDate(1, 0, 0))
}

// Image and archive signatures: such files are refused as binary even when
// they happen to hold no NUL byte early on.
var magics = [][]byte{
	[]byte("\x89PNG"), []byte("\xff\xd8\xff"), []byte("GIF87a"), []byte("GIF89a"), []byte("%PDF-"),
	[]byte("PK\x03\x04"), []byte("\x1f\x8b"), []byte("BM"), []byte("RIFF"), []byte("II*\x00"), []byte("MM\x00*"),
	[]byte("\x7fELF"), []byte("SQLite format 3\x00"),
}

// Decode converts file bytes to UTF-8 text: UTF-8 (a byte-order mark is
// dropped), UTF-16 with a byte-order mark, or Windows-1252. Binary data and
// bytes that fit none of these are refused.
func Decode(raw []byte) (string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
		if !utf8.Valid(raw) {
			return "", fmt.Errorf("%w: it starts with a UTF-8 byte-order mark but is not valid UTF-8", ErrEncoding)
		}
		return checkText(string(raw))
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		s, err := decodeUTF16(raw)
		if err != nil {
			return "", err
		}
		return checkText(s)
	}
	for _, m := range magics {
		if bytes.HasPrefix(raw, m) {
			return "", ErrBinary
		}
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return "", ErrBinary
	}
	if utf8.Valid(raw) {
		return checkText(string(raw))
	}
	s, err := decodeCP1252(raw)
	if err != nil {
		return "", err
	}
	return checkText(s)
}

// checkText refuses text with many control characters: a binary file that
// happens to decode.
func checkText(s string) (string, error) {
	ctl := 0
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == 0x7f {
			ctl++
		}
	}
	if ctl > 0 && ctl*100 > len(s) {
		return "", ErrBinary
	}
	if ctl > 0 && strings.ContainsRune(s, 0) {
		return "", ErrBinary
	}
	return s, nil
}

// FileHash is the hex SHA256 of a file's bytes (model.Article.FileSHA256).
func FileHash(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}
