package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
	"howett.net/plist"
)

// webResource is one resource of a Safari web archive.
type webResource struct {
	Data     []byte `plist:"WebResourceData"`
	URL      string `plist:"WebResourceURL"`
	MIMEType string `plist:"WebResourceMIMEType"`
	Encoding string `plist:"WebResourceTextEncodingName"`
}

// parseWebArchive reads a page Safari saved as a .webarchive (a property
// list, binary or XML, whose WebMainResource holds the page's bytes): the
// main resource through the HTML reader, its WebResourceURL as the address.
func parseWebArchive(path string, raw []byte, m *Manifest) (*model.Article, error) {
	if !bytes.HasPrefix(raw, []byte("bplist")) && !bytes.Contains(raw[:min(len(raw), 512)], []byte("<plist")) {
		return nil, errors.New("not a web archive: it is not a property list")
	}
	var wa struct {
		Main webResource `plist:"WebMainResource"`
	}
	if _, err := plist.Unmarshal(raw, &wa); err != nil {
		return nil, fmt.Errorf("damaged web archive: %w", err)
	}
	if len(bytes.TrimSpace(wa.Main.Data)) == 0 {
		return nil, errors.New("not a web archive: it has no WebMainResource page data")
	}
	text, err := decodeCharset(wa.Main.Data, wa.Main.Encoding)
	if err != nil {
		return nil, fmt.Errorf("the web archive's page: %w", err)
	}
	var dm docMeta
	if u := strings.TrimSpace(wa.Main.URL); webAddress(u) {
		dm.url = u
	}
	mt := strings.ToLower(wa.Main.MIMEType)
	if mt == "text/plain" {
		return newArticle(path, "webarchive", text, dm, m)
	}
	return htmlArticle(path, "webarchive", text, dm, m)
}
