package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
	"howett.net/plist"
)

// The documents below are made by the tests, with sentences written for
// them: no third-party text.

const (
	pdfPara1 = "PORTVILLE, June 2 – Negotiators from the two coastal provinces met again on Wednesday after a pause of three months, officials said. The delegations agreed on a “joint fisheries commission” that will meet every quarter."
	pdfPara2 = "A second round is planned for July in the capital, where the café owners of the old harbour welcomed the news of a reopened ferry line."
)

// pdfGreek checks characters past U+00FF (the library's own CMap reading
// got them wrong).
const pdfGreek = "Η αντιπροσωπεία έφτασε στην Πάτρα την Τρίτη."

// testPDF writes a PDF with a text layer: a title and creation date in its
// Info dictionary, two paragraphs on page one (the second one hyphenated by
// hand across a line break), a third that runs over the page break, and a
// running head and page numbers on every page.
func testPDF(t testing.TB, utf8Font bool) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A5", "")
	p.SetTitle("Coastal Provinces Resume Harbour Talks", true)
	p.SetCreationDate(time.Date(2021, 6, 3, 10, 0, 0, 0, time.UTC))
	p.SetModificationDate(time.Date(2021, 6, 9, 10, 0, 0, 0, time.UTC))
	font, tr := "Helvetica", p.UnicodeTranslatorFromDescriptor("")
	if utf8Font {
		p.AddUTF8FontFromBytes("go", "", goregular.TTF)
		font, tr = "go", func(s string) string { return s }
	}
	p.SetHeaderFunc(func() {
		p.SetFont(font, "", 8)
		p.CellFormat(0, 5, tr("Regional Monitor - internal digest"), "", 1, "C", false, 0, "")
		p.Ln(4)
	})
	p.SetFooterFunc(func() {
		p.SetY(-12)
		p.SetFont(font, "", 8)
		p.CellFormat(0, 5, fmt.Sprint(p.PageNo()), "", 0, "C", false, 0, "")
	})
	p.AddPage()
	p.SetFont(font, "", 11)
	p.MultiCell(0, 5, tr(pdfPara1), "", "L", false)
	p.Ln(4)
	// By hand, so that the test knows where the break falls.
	p.MultiCell(0, 5, tr("A second round is planned for July in the capital, where the café owners of the old har-"), "", "L", false)
	p.MultiCell(0, 5, tr("bour welcomed the news of a reopened ferry line."), "", "L", false)
	p.Ln(4)
	if utf8Font {
		p.MultiCell(0, 5, pdfGreek, "", "L", false)
		p.Ln(4)
	}
	for p.GetY() < 170 {
		p.MultiCell(0, 5, tr("Filler line that ends without a stop"), "", "L", false)
	}
	p.MultiCell(0, 5, tr("The fisheries commission will publish its first report before the end of the"), "", "L", false)
	p.AddPage()
	p.MultiCell(0, 5, tr("year, a spokesman for the northern province said."), "", "L", false)
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadPDF(t *testing.T) {
	for _, utf := range []bool{false, true} {
		t.Run(fmt.Sprintf("utf8-font=%v", utf), func(t *testing.T) {
			raw := testPDF(t, utf)
			a, err := Parse("talks.pdf", "pdf", raw, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%q", a.Text)
			if !strings.Contains(a.Text, pdfPara1+"\n\n"+pdfPara2+"\n\n") {
				t.Errorf("paragraphs not kept, or the hyphenated word not joined:\n%s", a.Text)
			}
			if utf && !strings.Contains(a.Text, "\n\n"+pdfGreek+"\n\n") {
				t.Errorf("Greek paragraph not read:\n%s", a.Text)
			}
			if !strings.Contains(a.Text, "before the end of the year, a spokesman") {
				t.Errorf("the paragraph cut by the page break is not joined:\n%s", a.Text)
			}
			if strings.Contains(a.Text, "\n\n1\n") || strings.HasSuffix(a.Text, "\n2") {
				t.Errorf("page numbers kept in the text")
			}
			if a.Title != "Coastal Provinces Resume Harbour Talks" {
				t.Errorf("title %q", a.Title)
			}
			if got := a.Published.Format("2006-01-02"); got != "2021-06-03" || a.DateSource != model.DateInText {
				t.Errorf("date %s (%s), want the CreationDate 2021-06-03 in-text", got, a.DateSource)
			}
			if a.Format != "pdf" || a.FileSHA256 != FileHash(raw) {
				t.Errorf("format %q, file hash %q", a.Format, a.FileSHA256)
			}
			head := "Regional Monitor - internal digest"
			n := 0
			for _, s := range a.Noise {
				if a.Text[s.Start:s.End] == head {
					n++
				}
			}
			if n != 2 {
				t.Errorf("running head marked as noise %d times, want 2: %v", n, a.Noise)
			}
		})
	}
}

// A date line in the text beats the file's CreationDate: a report printed
// to PDF later keeps the day it was written.
func TestPDFTextDateBeatsCreationDate(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(time.Date(2023, 1, 9, 0, 0, 0, 0, time.UTC))
	p.AddPage()
	p.SetFont("Helvetica", "", 11)
	p.MultiCell(0, 5, "Published March 4, 2019", "", "L", false)
	p.Ln(4)
	p.MultiCell(0, 5, "The river authority opened the new lock on Monday, its director said.", "", "L", false)
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	a, err := Parse("lock.pdf", "pdf", b.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Published.Format("2006-01-02"); got != "2019-03-04" {
		t.Errorf("date %s (%s), want the text's 2019-03-04", got, a.DateSource)
	}
}

func TestPDFRefusals(t *testing.T) {
	good := testPDF(t, false)
	scan := func() []byte {
		p := fpdf.New("P", "mm", "A4", "")
		p.AddPage()
		p.Rect(20, 20, 100, 140, "F") // a picture of a page, no text
		var b bytes.Buffer
		p.Output(&b)
		return b.Bytes()
	}()
	tests := []struct {
		name string
		raw  []byte
		msg  string
	}{
		{"scanned", scan, "no text layer: scanned PDF, OCR it first"},
		{"truncated", good[:len(good)/2], "truncated"},
		{"not a PDF", []byte("%PDX-1.4 hello"), "not a PDF"},
		{"header only", []byte("%PDF-1.4\n%%EOF\n"), "PDF"},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".pdf")
			os.WriteFile(path, tc.raw, 0o644)
			_, err := ReadFile(path, nil)
			if err == nil || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), path) {
				t.Fatalf("err %v, want one naming the file and %q", err, tc.msg)
			}
			t.Log(err)
		})
	}
	if _, err := Parse("scan.pdf", "pdf", scan, nil); !errors.Is(err, ErrNoTextLayer) {
		t.Errorf("scanned PDF: %v, want ErrNoTextLayer", err)
	}
}

func TestParsePDFDate(t *testing.T) {
	tests := map[string]string{
		"D:20210603100000":        "2021-06-03T10:00:00Z",
		"D:20210603013000+05'30'": "2021-06-03T01:30:00+05:30",
		"D:2019":                  "2019-01-01T00:00:00Z",
		"20200229":                "2020-02-29T00:00:00Z",
	}
	for in, want := range tests {
		got, ok := parsePDFDate(in)
		if !ok || got.Format(time.RFC3339) != want {
			t.Errorf("parsePDFDate(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "D:20211301", "D:20210431", "yesterday"} {
		if _, ok := parsePDFDate(bad); ok {
			t.Errorf("parsePDFDate(%q) accepted", bad)
		}
	}
}

// testDOCX writes a Word file with the given document.xml body paragraphs
// and core properties.
func testDOCX(t testing.TB, body, title, created string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	add := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`)
	add("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+body+`</w:body></w:document>`)
	if title != "" || created != "" {
		add("docProps/core.xml", `<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>`+title+`</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">`+created+`</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>`)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const docxBody = `<w:p><w:r><w:t>VALDERO, April 12 - The</w:t></w:r><w:r><w:t xml:space="preserve"> port authority closed the northern pier </w:t></w:r><w:r><w:t>on Tuesday after a crane collapsed, officials said.</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>Nobody</w:t><w:tab/><w:t>was hurt.</w:t><w:br/><w:t>Repairs will take two weeks.</w:t></w:r><w:del><w:r><w:delText>Old wording.</w:delText></w:r></w:del></w:p>`

func TestReadDOCX(t *testing.T) {
	raw := testDOCX(t, docxBody, "Crane Collapse Closes Northern Pier", "2022-04-12T09:30:00Z")
	a, err := Parse("pier.docx", "docx", raw, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "VALDERO, April 12 - The port authority closed the northern pier on Tuesday after a crane collapsed, officials said.\n\nNobody was hurt. Repairs will take two weeks."
	if a.Text != want {
		t.Errorf("text\n%q\nwant\n%q", a.Text, want)
	}
	if a.Title != "Crane Collapse Closes Northern Pier" || a.Dateline != "VALDERO" || a.Format != "docx" {
		t.Errorf("title %q, dateline %q, format %q", a.Title, a.Dateline, a.Format)
	}
	if got := a.Published.Format("2006-01-02"); got != "2022-04-12" || a.DateSource != model.DateInText {
		t.Errorf("date %s (%s), want 2022-04-12 in-text", got, a.DateSource)
	}
	// Without core properties, the text's own headline and no date.
	raw = testDOCX(t, `<w:p><w:r><w:t>Ferry Line Reopens After Storm</w:t></w:r></w:p><w:p><w:r><w:t>The ferry sailed again on Friday.</w:t></w:r></w:p>`, "", "")
	a, err = Parse("ferry.docx", "docx", raw, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Ferry Line Reopens After Storm" || a.HasDate() {
		t.Errorf("title %q, date %v (%s)", a.Title, a.Published, a.DateSource)
	}
}

func TestDOCXRefusals(t *testing.T) {
	good := testDOCX(t, docxBody, "T", "")
	var noDoc bytes.Buffer
	zw := zip.NewWriter(&noDoc)
	w, _ := zw.Create("xl/workbook.xml")
	w.Write([]byte("<workbook/>"))
	zw.Close()
	tests := []struct {
		name string
		raw  []byte
		msg  string
	}{
		{"corrupt zip", good[:len(good)-30], "corrupt Word file"},
		{"not a zip", []byte("just some words"), "corrupt Word file"},
		{"not Word", noDoc.Bytes(), "no word/document.xml"},
		{"bad XML", testDOCX(t, `<w:p><w:r><w:t>Cut short`, "", ""), "corrupt Word file"},
		{"no text", testDOCX(t, `<w:p/>`, "", ""), "no text"},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".docx")
			os.WriteFile(path, tc.raw, 0o644)
			_, err := ReadFile(path, nil)
			if err == nil || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), path) {
				t.Fatalf("err %v, want one naming the file and %q", err, tc.msg)
			}
			t.Log(err)
		})
	}
}

// testMail writes a multipart mail: a quoted-printable text body, an HTML
// alternative, and the given attachments (name → bytes).
func testMail(subject, date string, attachments map[string][]byte, order ...string) []byte {
	var b strings.Builder
	b.WriteString("From: Desk Officer <desk@example.org>\r\nTo: analysts@example.org\r\n")
	b.WriteString("Subject: " + subject + "\r\nDate: " + date + "\r\nMIME-Version: 1.0\r\n")
	b.WriteString("Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\nThis is a MIME message.\r\n")
	b.WriteString("--outer\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n")
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write([]byte("MERIDA PORT, May 5 - The customs office seized two containers of counterfeit medicine on Thursday, the harbour master said. The shipment had been declared as garden tools.\r\n\r\nAn inquiry was opened the same day; café staff near the quay saw the inspection.\r\n"))
	w.Close()
	b.WriteString("--alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp.String() + "\r\n")
	b.WriteString("--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>HTML copy of the message.</p></body></html>\r\n--alt--\r\n")
	for _, name := range order {
		ct := "application/octet-stream"
		if strings.HasSuffix(name, ".txt") {
			ct = "text/plain; charset=utf-8"
		}
		enc := base64.StdEncoding.EncodeToString(attachments[name])
		var lines []string
		for len(enc) > 76 {
			lines, enc = append(lines, enc[:76]), enc[76:]
		}
		lines = append(lines, enc)
		b.WriteString("--outer\r\nContent-Type: " + ct + "; name=\"" + name + "\"\r\nContent-Disposition: attachment; filename=\"" + name + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + strings.Join(lines, "\r\n") + "\r\n")
	}
	b.WriteString("--outer--\r\n")
	return []byte(b.String())
}

func TestReadEML(t *testing.T) {
	atts := map[string][]byte{
		"talks.pdf":  testPDF(t, true),
		"pier.docx":  testDOCX(t, docxBody, "Crane Collapse Closes Northern Pier", "2022-04-12T09:30:00Z"),
		"note.txt":   []byte("The harbour master will brief the press again next week."),
		"photo.png":  []byte("\x89PNG\r\n\x1a\nnot really a picture"),
		"broken.pdf": []byte("%PDF-1.4\nthis file was cut off"),
	}
	raw := testMail("=?utf-8?q?Customs_seize_counterfeit_medicine_=E2=80=93_Merida_Port?=", "Fri, 06 May 2022 08:15:00 +0200",
		atts, "talks.pdf", "photo.png", "pier.docx", "note.txt", "broken.pdf")
	path := filepath.Join(t.TempDir(), "seizure.eml")
	os.WriteFile(path, raw, 0o644)

	as, err := ReadFileAll(path, nil)
	var pe *PartsError
	if !errors.As(err, &pe) || len(pe.Errs) != 1 || !strings.Contains(err.Error(), "broken.pdf") || !strings.Contains(err.Error(), path) {
		t.Errorf("err %v, want a PartsError naming the mail and broken.pdf", err)
	}
	if len(as) != 4 {
		t.Fatalf("%d articles, want the mail and three attachments", len(as))
	}
	mail := as[0]
	if !strings.HasPrefix(mail.Text, "MERIDA PORT, May 5 - The customs office seized") || strings.Contains(mail.Text, "HTML copy") || !strings.Contains(mail.Text, "café") {
		t.Errorf("mail text %q: want the plain part, decoded", mail.Text)
	}
	if mail.Title != "Customs seize counterfeit medicine – Merida Port" || mail.Format != "eml" {
		t.Errorf("title %q, format %q", mail.Title, mail.Format)
	}
	if got := mail.Published.Format("2006-01-02"); got != "2022-05-06" || mail.DateSource != model.DateInText {
		t.Errorf("date %s (%s), want the Date header's 2022-05-06", got, mail.DateSource)
	}
	wantPaths := []string{path, path + "#talks.pdf", path + "#pier.docx", path + "#note.txt"}
	for i, a := range as {
		if a.Path != wantPaths[i] {
			t.Errorf("article %d path %q, want %q", i, a.Path, wantPaths[i])
		}
		if (a.FileSHA256 != "") != (i == len(as)-1) {
			t.Errorf("article %d file hash %q: only the last carries it", i, a.FileSHA256)
		}
	}
	if as[1].Format != "pdf" || as[1].Title != "Coastal Provinces Resume Harbour Talks" || !strings.Contains(as[1].Text, pdfPara2) {
		t.Errorf("PDF attachment: %q %q", as[1].Title, as[1].Text)
	}
	if as[2].Format != "docx" || as[2].Published.Format("2006-01-02") != "2022-04-12" {
		t.Errorf("Word attachment: %q %v", as[2].Format, as[2].Published)
	}
	if as[3].DateSource != model.DateInferred || as[3].Published.Format("2006-01-02") != "2022-05-06" {
		t.Errorf("undated attachment: %v (%s), want the mail's day, inferred", as[3].Published, as[3].DateSource)
	}

	// Parse keeps the one-article API: the message alone, with the hash.
	a, err := Parse(path, "eml", raw, nil)
	if err != nil || a.Text != mail.Text || a.FileSHA256 != FileHash(raw) {
		t.Errorf("Parse: %v, %q", err, a.FileSHA256)
	}
}

func TestEMLHTMLOnlyAndRefusals(t *testing.T) {
	htmlOnly := "Subject: Bridge reopened\r\nDate: Mon, 3 Oct 2022 10:00:00 +0000\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"<html><body><nav>Home | News</nav><article><p>The Aldin bridge reopened to traffic on Monday after eight months of repairs, the r=E9gion's transport office said. Trucks will wait until spring.</p></article></body></html>\r\n"
	a, err := Parse("bridge.eml", "eml", []byte(htmlOnly), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "région's transport office") || a.Title != "Bridge reopened" {
		t.Errorf("HTML mail: %q, title %q", a.Text, a.Title)
	}
	tests := []struct {
		name, raw, msg string
	}{
		{"no text part", "Subject: Scan\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=scan.png\r\n\r\nxx\r\n--b--\r\n", "no text part"},
		{"not mail", "\x00\x01\x02 binary", "not a mail message"},
		{"no boundary", "Subject: x\r\nContent-Type: multipart/mixed\r\n\r\nbody", "no boundary"},
		{"bad base64", "Subject: x\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!not base64!!!!\r\n", "base64"},
		{"empty body", "Subject: x\r\n\r\n   \r\n", "text part is empty"},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".eml")
			os.WriteFile(path, []byte(tc.raw), 0o644)
			as, err := ReadFileAll(path, nil)
			if len(as) != 0 || err == nil || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), path) {
				t.Fatalf("%d articles, err %v; want one naming the file and %q", len(as), err, tc.msg)
			}
			t.Log(err)
		})
	}
}

const mhtmlPage = `<!DOCTYPE html><html><head><title>Dam Inspection Finds Cracks</title>
<meta property="article:published_time" content="2020-11-18T07:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Dam Inspection Finds Cracks</h1>
<p>LORREN, Nov. 17 - Engineers found cracks in the spillway of the Lorren dam during an inspection on Tuesday, the water board said in a statement.</p>
<p>The reservoir will be lowered by two metres as a precaution while repairs are planned.</p></article></body></html>`

func TestReadMHTML(t *testing.T) {
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write([]byte(mhtmlPage))
	w.Close()
	raw := "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example.org/2020/11/dam-cracks\r\nSubject: Dam Inspection Finds Cracks\r\nDate: Sat, 2 Jan 2021 09:00:00 -0000\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x1\"\r\n\r\n" +
		"------MultipartBoundary--x1\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example.org/2020/11/dam-cracks\r\n\r\n" + qp.String() + "\r\n" +
		"------MultipartBoundary--x1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://news.example.org/logo.png\r\n\r\niVBORw0KGgo=\r\n" +
		"------MultipartBoundary--x1--\r\n"
	a, err := Parse("dam.mhtml", "mhtml", []byte(raw), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "LORREN, Nov. 17 - Engineers found cracks") || strings.Contains(a.Text, "World") {
		t.Errorf("text %q", a.Text)
	}
	if a.URL != "https://news.example.org/2020/11/dam-cracks" || a.Title != "Dam Inspection Finds Cracks" || a.Format != "mhtml" {
		t.Errorf("url %q, title %q, format %q", a.URL, a.Title, a.Format)
	}
	if got := a.Published.Format("2006-01-02"); got != "2020-11-18" {
		t.Errorf("date %s: want the page's, not the day it was saved", got)
	}
	_, err = Parse("x.mhtml", "mhtml", []byte("Subject: x\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "no HTML part") {
		t.Errorf("MHTML without a page: %v", err)
	}
}

func TestReadWebArchive(t *testing.T) {
	type res struct {
		Data     []byte `plist:"WebResourceData"`
		URL      string `plist:"WebResourceURL"`
		MIMEType string `plist:"WebResourceMIMEType"`
		Encoding string `plist:"WebResourceTextEncodingName,omitempty"`
	}
	type archive struct {
		Main res   `plist:"WebMainResource"`
		Subs []res `plist:"WebSubresources,omitempty"`
	}
	raw, err := plist.Marshal(archive{
		Main: res{Data: []byte(mhtmlPage), URL: "https://news.example.org/2020/11/dam-cracks", MIMEType: "text/html", Encoding: "UTF-8"},
		Subs: []res{{Data: []byte("\x89PNG"), URL: "https://news.example.org/logo.png", MIMEType: "image/png"}},
	}, plist.BinaryFormat)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse("dam.webarchive", "webarchive", raw, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Engineers found cracks in the spillway") || a.URL != "https://news.example.org/2020/11/dam-cracks" ||
		a.Title != "Dam Inspection Finds Cracks" || a.Published.Format("2006-01-02") != "2020-11-18" || a.Format != "webarchive" {
		t.Errorf("got %q %q %q %v", a.Text, a.URL, a.Title, a.Published)
	}
	noMain, _ := plist.Marshal(map[string]any{"WebSubresources": []any{}}, plist.BinaryFormat)
	tests := []struct {
		name string
		raw  []byte
		msg  string
	}{
		{"no main resource", noMain, "no WebMainResource"},
		{"truncated", raw[:len(raw)/2], "damaged web archive"},
		{"not a plist", []byte("<html>hello</html>"), "not a property list"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.webarchive", "webarchive", tc.raw, nil)
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("err %v, want %q", err, tc.msg)
			}
		})
	}
}

func TestFormatNewExtensions(t *testing.T) {
	for name, want := range map[string]string{"a.PDF": "pdf", "b.docx": "docx", "c.eml": "eml", "d.mht": "mhtml", "e.mhtml": "mhtml", "f.webarchive": "webarchive", "g.doc": "", "h.odt": ""} {
		if got := Format(name); got != want {
			t.Errorf("Format(%q) = %q, want %q", name, got, want)
		}
	}
	dir := t.TempDir()
	for _, n := range []string{"a.pdf", "b.docx", "~$b.docx", "c.eml", "d.mht", "e.webarchive", "f.odt"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	var listed, skipped []string
	for _, f := range Walk([]string{dir}) {
		if f.Skipped != "" {
			skipped = append(skipped, filepath.Base(f.Path))
		} else {
			listed = append(listed, filepath.Base(f.Path))
		}
	}
	if strings.Join(listed, " ") != "a.pdf b.docx c.eml d.mht e.webarchive" || strings.Join(skipped, " ") != "f.odt ~$b.docx" {
		t.Errorf("listed %v, skipped %v", listed, skipped)
	}
}
