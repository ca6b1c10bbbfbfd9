package ingest

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"path/filepath"
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// Bounds on a MIME message's structure: nesting and parts beyond these are
// a malformed or hostile message, not mail.
const (
	mimeMaxDepth = 8
	mimeMaxParts = 500
)

// mimePart is one leaf of a MIME message with its body decoded from its
// transfer encoding (not yet from its charset).
type mimePart struct {
	header    textproto.MIMEHeader
	mediaType string            // lower case, "text/plain" when absent
	params    map[string]string // of Content-Type
	filename  string            // from Content-Disposition or the type's name
	attached  bool              // Content-Disposition: attachment
	body      []byte
}

// mimeLeaves flattens a message body into its leaf parts, in order.
func mimeLeaves(h textproto.MIMEHeader, body io.Reader) ([]mimePart, error) {
	var out []mimePart
	err := walkMIME(h, body, 0, &out)
	return out, err
}

func walkMIME(h textproto.MIMEHeader, body io.Reader, depth int, out *[]mimePart) error {
	if depth > mimeMaxDepth {
		return errors.New("MIME parts nested too deep")
	}
	if len(*out) >= mimeMaxParts {
		return fmt.Errorf("more than %d MIME parts", mimeMaxParts)
	}
	mt, params := "text/plain", map[string]string{}
	if ct := h.Get("Content-Type"); ct != "" {
		if t, p, err := mime.ParseMediaType(ct); err == nil {
			mt, params = strings.ToLower(t), p
		} else if t, _, _ := strings.Cut(ct, ";"); strings.Contains(t, "/") {
			// A bad parameter loses the parameters, not the part.
			mt = strings.ToLower(strings.TrimSpace(t))
		}
	}
	if strings.HasPrefix(mt, "multipart/") {
		boundary := params["boundary"]
		if boundary == "" {
			return fmt.Errorf("a %s part has no boundary", mt)
		}
		mr := multipart.NewReader(body, boundary)
		for {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				if len(*out) > 0 {
					// A message cut short keeps the parts before the cut.
					return nil
				}
				return fmt.Errorf("damaged %s part: %w", mt, err)
			}
			if err := walkMIME(p.Header, p, depth+1, out); err != nil {
				return err
			}
		}
	}
	raw, err := decodeTransfer(h.Get("Content-Transfer-Encoding"), body)
	if err != nil {
		return err
	}
	part := mimePart{header: h, mediaType: mt, params: params, body: raw}
	if cd := h.Get("Content-Disposition"); cd != "" {
		if d, dp, err := mime.ParseMediaType(cd); err == nil {
			part.attached = strings.EqualFold(d, "attachment")
			part.filename = dp["filename"]
		}
	}
	if part.filename == "" {
		part.filename = params["name"]
	}
	part.filename = filepath.Base(decodeHeader(part.filename))
	if part.filename == "." || part.filename == "/" {
		part.filename = ""
	}
	*out = append(*out, part)
	return nil
}

// decodeTransfer undoes a part's Content-Transfer-Encoding, reading at most
// MaxFileSize.
func decodeTransfer(cte string, body io.Reader) ([]byte, error) {
	var r io.Reader
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "base64":
		// The decoder skips line breaks; other blanks are stripped first.
		all, err := io.ReadAll(io.LimitReader(body, 2*MaxFileSize))
		if err != nil {
			return nil, fmt.Errorf("read a MIME part: %w", err)
		}
		all = bytes.Map(func(r rune) rune {
			if r == ' ' || r == '\t' {
				return -1
			}
			return r
		}, all)
		r = base64.NewDecoder(base64.StdEncoding, bytes.NewReader(all))
	case "quoted-printable":
		r = quotedprintable.NewReader(body)
	default: // 7bit, 8bit, binary
		r = body
	}
	b, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("bad %s data in a MIME part: %w", strings.ToLower(cte), err)
	}
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("a MIME part is over the %d MB limit", MaxFileSize>>20)
	}
	return b, nil
}

// headerDecoder decodes RFC 2047 encoded words ("=?utf-8?q?…?=") in any
// charset the HTML standard knows.
var headerDecoder = &mime.WordDecoder{CharsetReader: func(label string, in io.Reader) (io.Reader, error) {
	return charset.NewReaderLabel(label, in)
}}

func decodeHeader(s string) string {
	if d, err := headerDecoder.DecodeHeader(s); err == nil {
		s = d
	}
	return strings.Join(strings.Fields(s), " ")
}

// decodeCharset turns a text part's bytes into UTF-8 by its charset label.
// Unlabelled, UTF-8, ASCII and Latin-1 text goes through Decode, which checks
// UTF-8 and falls back to Windows-1252 (a superset of Latin-1, and what mail
// clients mean by it); other labels through their decoder.
func decodeCharset(raw []byte, label string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "", "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "windows-1252", "cp1252":
		return Decode(raw)
	}
	enc, _ := charset.Lookup(label)
	if enc == nil || enc == encoding.Nop {
		return Decode(raw)
	}
	b, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", fmt.Errorf("%w: not valid %s", ErrEncoding, label)
	}
	return Decode(b)
}

// attachmentFormats are the attachment types imported from a mail.
var attachmentFormats = map[string]bool{"txt": true, "md": true, "html": true, "pdf": true, "docx": true}

// parseMail reads an RFC 5322 message. Its text is the first text/plain part
// that is not an attachment, else the first such text/html part through the
// HTML reader; the Subject is the title and the Date header the publication
// date (the mail's own, as an HTML page's meta tags are). With attachments,
// each attached file of a type ingest reads becomes an article of its own,
// dated by the mail when it says nothing itself. A mail with no text but
// such attachments gives a nil message article and the attachments.
func parseMail(path string, raw []byte, m *Manifest, attachments bool) (*model.Article, []*model.Article, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return nil, nil, fmt.Errorf("not a mail message (no readable headers): %w", err)
	}
	h := textproto.MIMEHeader(msg.Header)
	leaves, err := mimeLeaves(h, msg.Body)
	if err != nil {
		return nil, nil, fmt.Errorf("damaged mail: %w", err)
	}
	dm := docMeta{title: decodeHeader(msg.Header.Get("Subject"))}
	if t, err := msg.Header.Date(); err == nil {
		dm.published = dayOf(t)
	}

	// The plain text first (it is what the sender wrote), then the HTML;
	// a part that is empty or unreadable gives way to the next.
	var cands []*mimePart
	for _, want := range []string{"text/plain", "text/html"} {
		for i := range leaves {
			if p := &leaves[i]; p.mediaType == want && !p.attached {
				cands = append(cands, p)
			}
		}
	}
	var a *model.Article
	var body *mimePart
	bodyErr := errors.New("the mail has no text part (neither text/plain nor text/html)")
	for _, p := range cands {
		text, err := decodeCharset(p.body, p.params["charset"])
		switch {
		case err != nil:
			err = fmt.Errorf("the mail's %s part: %w", p.mediaType, err)
		case p.mediaType == "text/html":
			a, err = htmlArticle(path, "eml", text, dm, m)
		default:
			a, err = newArticle(path, "eml", text, dm, m)
		}
		if err == nil {
			body, bodyErr = p, nil
			break
		}
		if errors.Is(err, ErrEmpty) {
			err = errors.New("the mail's text part is empty")
		}
		bodyErr = err
	}
	if !attachments {
		return a, nil, bodyErr
	}

	var out []*model.Article
	var errs []error
	for i := range leaves {
		p := &leaves[i]
		if p == body || p.filename == "" {
			continue
		}
		format := Format(p.filename)
		if !attachmentFormats[format] {
			continue
		}
		apath := path + "#" + p.filename
		as, err := ParseAll(apath, format, p.body, m)
		if err != nil {
			errs = append(errs, fmt.Errorf("attachment %s: %w", p.filename, err))
			continue
		}
		for _, att := range as {
			att.FileSHA256 = "" // ParseAll set the attachment's own hash
			if !att.HasDate() && !dm.published.IsZero() {
				// Sent on that day, so written by then: a weak bound.
				att.Published, att.DateSource = dm.published, model.DateInferred
			}
			out = append(out, att)
		}
	}
	switch {
	case a == nil && len(out) == 0:
		if len(errs) > 0 {
			return nil, nil, errors.Join(append([]error{bodyErr}, errs...)...)
		}
		return nil, nil, bodyErr
	case a == nil && len(cands) > 0:
		// The message had a text part that failed while attachments were
		// read: report it beside them.
		errs = append([]error{bodyErr}, errs...)
	}
	if len(errs) > 0 {
		return a, out, &PartsError{Errs: errs}
	}
	return a, out, nil
}
