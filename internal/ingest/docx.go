package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// Limits on a Word file's parts: a zip can claim or expand to far more than
// its own size.
const docxMaxPart = 64 << 20

// docxDoc is what a Word file gives an article.
type docxDoc struct {
	text    string
	title   string
	created time.Time // dcterms:created, else dcterms:modified
}

// readDOCX reads a Word (Office Open XML) file: the paragraphs of
// word/document.xml, one per line with blank lines between (tabs and line
// breaks inside a paragraph as spaces), and the title and dates of
// docProps/core.xml.
func readDOCX(raw []byte) (docxDoc, error) {
	var doc docxDoc
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return doc, fmt.Errorf("corrupt Word file (not a readable zip archive): %w", err)
	}
	body, err := zipPart(zr, "word/document.xml")
	if err != nil {
		return doc, err
	}
	if body == nil {
		return doc, errors.New("not a Word document: the archive has no word/document.xml")
	}
	doc.text, err = docxParagraphs(body)
	if err != nil {
		return doc, fmt.Errorf("corrupt Word file (word/document.xml): %w", err)
	}
	if core, err := zipPart(zr, "docProps/core.xml"); err == nil && core != nil {
		// Core properties are optional extras: a bad one loses the title
		// and date, not the text.
		var cp struct {
			Title    string `xml:"title"`
			Created  string `xml:"created"`
			Modified string `xml:"modified"`
		}
		if xml.Unmarshal(core, &cp) == nil {
			doc.title = strings.Join(strings.Fields(cp.Title), " ")
			for _, s := range []string{cp.Created, cp.Modified} {
				if t, err := time.Parse(time.RFC3339, strings.TrimSpace(s)); err == nil && plausibleDate(t) {
					doc.created = t
					break
				}
			}
		}
	}
	return doc, nil
}

// zipPart reads one member of a zip archive whole, or nil when it is absent.
func zipPart(zr *zip.Reader, name string) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("corrupt Word file (%s): %w", name, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, docxMaxPart+1))
		if err != nil {
			return nil, fmt.Errorf("corrupt Word file (%s): %w", name, err)
		}
		if len(b) > docxMaxPart {
			return nil, fmt.Errorf("the Word file's %s expands past %d MB: not read", name, docxMaxPart>>20)
		}
		return b, nil
	}
	return nil, nil
}

// docxParagraphs walks document.xml's tokens: w:t is text, w:tab and w:br
// are spaces, w:p ends a paragraph. Deleted text (w:delText inside w:del) is
// left out since it is no longer in the document; w:instrText is a field's
// code, not its text.
func docxParagraphs(body []byte) (string, error) {
	const w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	dec := xml.NewDecoder(bytes.NewReader(body))
	var paras []string
	var cur strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != w {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab", "br", "cr":
				cur.WriteByte(' ')
			case "p":
				// A paragraph inside another (a text box) ends the text
				// before it, which keeps its own paragraph.
				flush()
			}
		case xml.EndElement:
			if t.Name.Space != w {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				flush()
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
	return strings.Join(paras, "\n\n"), nil
}

// parseDOCX makes an article of a Word file: dc:title is the title, the
// created (else modified) date the publication date unless the text has a
// date line of its own (see docMeta.weakDate).
func parseDOCX(path string, raw []byte, m *Manifest) (*model.Article, error) {
	doc, err := readDOCX(raw)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(doc.text) == "" {
		return nil, errors.New("the Word document has no text")
	}
	dm := docMeta{title: doc.title, published: dayOf(doc.created), weakDate: true}
	return newArticle(path, "docx", doc.text, dm, m)
}
