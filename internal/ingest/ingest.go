// Package ingest reads article files (plain text, Markdown, HTML) into
// model.Article values: it decodes their encoding to UTF-8, takes the main
// text out of web pages, finds metadata (from a manifest, else from the text
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
	ErrUnsupported = errors.New("unsupported file type (import .txt, .md or .html files)")
)

// Format returns the article format for a file name ("txt", "md", "html"),
// or "" when the extension is not one ingest reads.
func Format(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return "txt"
	case ".md", ".markdown":
		return "md"
	case ".html", ".htm", ".xhtml":
		return "html"
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
// its base name looked up in the manifest m (which may be nil).
func Parse(path, format string, raw []byte, m *Manifest) (*model.Article, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	text, err := Decode(raw)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	a := &model.Article{Path: path, Format: format, DateSource: model.DateUnknown}
	var htmlMeta pageMeta
	if format == "html" {
		text, htmlMeta, err = mainText(text)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(text) == "" {
			return nil, errors.New("the page has no readable text (only scripts, menus or images)")
		}
	}
	a.Text = text
	sum := sha256.Sum256([]byte(text))
	a.SHA256 = hex.EncodeToString(sum[:])
	a.FileSHA256 = FileHash(raw)

	url := htmlMeta.url
	e, inManifest := m.Lookup(path)
	if inManifest && e.URL != "" {
		url = e.URL
	}
	meta := scanTextAt(text, format, url)
	a.Noise = meta.noise
	a.Dateline = meta.dateline

	// Least reliable first, so that better sources overwrite.
	a.Title = meta.headline
	a.Publisher = meta.byline
	if !meta.date.IsZero() {
		a.Published, a.DateSource = meta.date, meta.dateSource
	}
	if htmlMeta.title != "" {
		a.Title = htmlMeta.title
	}
	if htmlMeta.site != "" {
		a.Publisher = htmlMeta.site
	}
	if !htmlMeta.published.IsZero() {
		a.Published, a.DateSource = htmlMeta.published, model.DateInText
	}
	a.URL = htmlMeta.url
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
