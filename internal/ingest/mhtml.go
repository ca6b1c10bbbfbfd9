package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/mail"
	"net/textproto"
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// parseMHTML reads a page saved as MHTML (.mhtml, .mht: a MIME
// multipart/related message): its HTML part (the one the start parameter
// names, else the first) through the HTML reader. The page's address is the
// Snapshot-Content-Location header browsers write, else the HTML part's
// Content-Location; the Subject (the page title when saved) is the title
// when the page has none. The Date header is when the page was saved, not
// published, and is not used.
func parseMHTML(path string, raw []byte, m *Manifest) (*model.Article, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("not an MHTML file (no readable MIME headers): %w", err)
	}
	h := textproto.MIMEHeader(msg.Header)
	leaves, err := mimeLeaves(h, msg.Body)
	if err != nil {
		return nil, fmt.Errorf("damaged MHTML file: %w", err)
	}
	start := ""
	if ct := h.Get("Content-Type"); ct != "" {
		if _, p, err := mime.ParseMediaType(ct); err == nil {
			start = strings.Trim(p["start"], "<>")
		}
	}
	var page *mimePart
	for i := range leaves {
		p := &leaves[i]
		if p.mediaType != "text/html" && p.mediaType != "application/xhtml+xml" {
			continue
		}
		if page == nil || start != "" && strings.Trim(p.header.Get("Content-ID"), "<>") == start {
			page = p
		}
	}
	if page == nil {
		return nil, errors.New("the MHTML file has no HTML part")
	}
	text, err := decodeCharset(page.body, page.params["charset"])
	if err != nil {
		return nil, fmt.Errorf("the MHTML file's page: %w", err)
	}
	dm := docMeta{title: decodeHeader(msg.Header.Get("Subject")), pageTitleWins: true}
	for _, u := range []string{msg.Header.Get("Snapshot-Content-Location"), page.header.Get("Content-Location")} {
		if u = strings.TrimSpace(u); webAddress(u) {
			dm.url = u
			break
		}
	}
	return htmlArticle(path, "mhtml", text, dm, m)
}

// webAddress: an absolute http or https address, not a cid: or file: one.
func webAddress(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}
