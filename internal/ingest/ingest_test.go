package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/sharedtest"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		err  error
	}{
		{"utf-8", []byte("Kerry’s visit"), "Kerry’s visit", nil},
		{"utf-8 with BOM", []byte("\xEF\xBB\xBFKerry’s visit"), "Kerry’s visit", nil},
		{"utf-16le with BOM", []byte("\xFF\xFEK\x00e\x00r\x00r\x00y\x00\x19\x20s\x00"), "Kerry’s", nil},
		{"utf-16be with BOM", []byte("\xFE\xFF\x00K\x00e\x00r\x00r\x00y\x20\x19\x00s"), "Kerry’s", nil},
		{"windows-1252 smart quotes", []byte("\x93Talks\x94 \x96 Kerry\x92s visit, caf\xe9"), "“Talks” – Kerry’s visit, café", nil},
		{"neither utf-8 nor cp1252", []byte("abc \x81\x8d def \xff"), "", ErrEncoding},
		{"NUL bytes", []byte("abc\x00\x00\x01def"), "", ErrBinary},
		{"png image", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", ErrBinary},
		{"jpeg image", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), "", ErrBinary},
		{"control characters", []byte(strings.Repeat("\x01\x02\x03a", 50)), "", ErrBinary},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Decode(tc.in)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("Decode = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestScanText(t *testing.T) {
	tests := []struct {
		name                       string
		text                       string
		headline, byline, dateline string
		date                       string
		noise                      []string
	}{
		{
			name:     "headline, dash dateline",
			text:     "Leaders Agree to Meet Again in Vienna\n\nVIENNA - Foreign ministers agreed on Monday to meet again next month, officials said.\n",
			headline: "Leaders Agree to Meet Again in Vienna", dateline: "VIENNA",
		},
		{
			name:     "byline, date line, em-dash dateline",
			text:     "Ministers Meet in Geneva\n\nByWire Service\nMarch 24, 2016, 2:26 PM\n\n—GENEVA -- The envoys met for hours on Thursday to discuss the truce.\n",
			headline: "Ministers Meet in Geneva", byline: "Wire Service", dateline: "GENEVA", date: "2016-03-24",
			noise: []string{"ByWire Service", "March 24, 2016, 2:26 PM"},
		},
		{
			name:     "agency dateline",
			text:     "GENEVA (AP) — Diplomats met behind closed doors on Friday, two officials said.\n",
			dateline: "GENEVA",
		},
		{
			name:     "city and country dateline, published prefix",
			text:     "Published: 5 July 2019\nBEIRUT, Lebanon — Protesters gathered in the capital on Saturday evening.\n",
			dateline: "BEIRUT, Lebanon", date: "2019-07-05", noise: []string{"Published: 5 July 2019"},
		},
		{
			name: "no dateline in a sentence that starts in capitals",
			text: "U.S. officials said on Friday that the talks would resume.\n",
		},
		{
			name: "caption shown twice, credit, related topics, trailing tag",
			text: "The minister speaks at a news conference in Rome, June 3, 2018.\nThe minister speaks at a news conference in Rome, June 3, 2018.\nJane Doe/AP Photo\n\n" +
				"The talks ended without a deal on Sunday, the ministry said.\n\nReuters contributed to this report.\n\nRelated Topics\nWorld\nPolitics\n",
			noise: []string{"The minister speaks at a news conference in Rome, June 3, 2018.", "The minister speaks at a news conference in Rome, June 3, 2018.",
				"Jane Doe/AP Photo", "Reuters contributed to this report.", "Related Topics", "World", "Politics"},
		},
		{
			name:  "repeated paragraph later and a lone source tag",
			text:  "The two sides met in Oslo on Tuesday for a third round.\n\nNo date was set for the next round of talks.\n\nThe two sides met in Oslo on Tuesday for a third round.\n\nwire\n",
			noise: []string{"The two sides met in Oslo on Tuesday for a third round.", "wire"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := scanText(tc.text, "txt")
			if m.headline != tc.headline || m.byline != tc.byline || m.dateline != tc.dateline {
				t.Errorf("headline %q byline %q dateline %q; want %q %q %q", m.headline, m.byline, m.dateline, tc.headline, tc.byline, tc.dateline)
			}
			var date string
			if !m.date.IsZero() {
				date = m.date.Format("2006-01-02")
			}
			if date != tc.date {
				t.Errorf("date %q, want %q", date, tc.date)
			}
			var noise []string
			for _, n := range m.noise {
				noise = append(noise, tc.text[n.Start:n.End])
			}
			if strings.Join(noise, "|") != strings.Join(tc.noise, "|") {
				t.Errorf("noise %q, want %q", noise, tc.noise)
			}
		})
	}
}

func TestReadCorpus(t *testing.T) {
	dir := sharedtest.Corpus(t)
	m, err := LoadManifest(filepath.Join(dir, "sources.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Warnings) != 0 || m.Len() != 5 {
		t.Fatalf("manifest: %d entries, warnings %q", m.Len(), m.Warnings)
	}
	tests := []struct {
		file               string
		manifest           bool
		date               string
		source             model.DateSource
		dateline, titleHas string
		noiseHas           string
	}{
		{"000_e8627f4a0b3e543b.txt", true, "2013-05-07", model.DateManifest, "MOSCOW", "Former Foes", ""},
		{"000_e8627f4a0b3e543b.txt", false, "", model.DateUnknown, "MOSCOW", "Former Foes", ""},
		{"002_29f73ea6589d3eb9.txt", false, "2016-03-24", model.DateInText, "MOSCOW", "Kerry Meets", "2:26 PM"},
		{"003_93804a6fc8622d24.txt", false, "", model.DateUnknown, "", "", "orient"},
		{"004_1482635488417419.txt", false, "2016-07-16", model.DateInText, "", "Possible Deal", "AP Photo"},
		{"004_1482635488417419.txt", true, "2016-07-16", model.DateManifest, "", "Possible Deal", "Related Topics"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			var mm *Manifest
			if tc.manifest {
				mm = m
			}
			a, err := ReadFile(path, mm)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := os.ReadFile(path)
			if a.Text != string(raw) {
				t.Fatal("the stored text differs from the file's bytes")
			}
			var date string
			if !a.Published.IsZero() {
				date = a.Published.Format("2006-01-02")
			}
			if date != tc.date || a.DateSource != tc.source {
				t.Errorf("date %q (%s), want %q (%s)", date, a.DateSource, tc.date, tc.source)
			}
			if a.Dateline != tc.dateline || !strings.Contains(a.Title, tc.titleHas) {
				t.Errorf("dateline %q title %q", a.Dateline, a.Title)
			}
			found := tc.noiseHas == ""
			for _, n := range a.Noise {
				if strings.Contains(a.Text[n.Start:n.End], tc.noiseHas) {
					found = true
				}
			}
			if !found {
				t.Errorf("no noise span holds %q", tc.noiseHas)
			}
			if len(a.SHA256) != 64 {
				t.Errorf("sha256 %q", a.SHA256)
			}
		})
	}
}

func TestHTML(t *testing.T) {
	page := `<!doctype html><html><head><title>Envoys meet | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2016-07-15T09:30:00Z">
<script>document.write("EVIL SCRIPT TEXT"); fetch("http://example.invalid/track")</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<script>var x = "MORE SCRIPT TEXT";</script>
<article><h1>Envoys meet in Geneva</h1>
<p>GENEVA — Envoys from both countries met on Friday in Geneva for talks on a truce that has held for a month, officials said after the meeting ended late in the evening.</p>
<script>alert("INLINE SCRIPT TEXT")</script>
<p>The talks will resume in August, according to a statement released by the foreign ministry on Saturday, which gave no further details about the agenda.</p>
<p>Both delegations described the atmosphere as constructive and said that working groups would meet again next week in Vienna to prepare the next round.</p>
</article><footer>Copyright</footer></body></html>`
	dir := t.TempDir()
	path := filepath.Join(dir, "page.html")
	os.WriteFile(path, []byte(page), 0o644)
	a, err := ReadFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "SCRIPT TEXT") || strings.Contains(a.Text, "color: red") {
		t.Errorf("script or style text kept: %q", a.Text)
	}
	if !strings.Contains(a.Text, "met on Friday in Geneva") || !strings.Contains(a.Text, "\n\nThe talks will resume") {
		t.Errorf("main text missing or paragraphs glued: %q", a.Text)
	}
	if a.Format != "html" || a.DateSource != model.DateInText || !a.Published.Equal(time.Date(2016, 7, 15, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("date %v (%s)", a.Published, a.DateSource)
	}
	if a.Publisher != "Example News" || a.Dateline != "GENEVA" {
		t.Errorf("publisher %q dateline %q", a.Publisher, a.Dateline)
	}

	only := filepath.Join(dir, "scripts.html")
	os.WriteFile(only, []byte(`<html><head><script>alert(1)</script></head><body><script>document.write("x")</script></body></html>`), 0o644)
	if _, err := ReadFile(only, nil); err == nil || !strings.Contains(err.Error(), "no readable text") || !strings.Contains(err.Error(), only) {
		t.Errorf("page of scripts only: %v", err)
	}
}

func TestReadFileRefusals(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, _ := os.Create(big)
	f.Truncate(50 << 20) // sparse: the test does not write 50 MB
	f.Close()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	tests := []struct {
		name string
		path string
		err  error
		msg  string
	}{
		{"50 MB file", big, ErrTooLarge, "20 MB limit"},
		{"empty file", write("empty.txt", nil), ErrEmpty, "empty"},
		{"only blanks", write("blank.md", []byte(" \n\n\t\n")), ErrEmpty, "empty"},
		{"image named .txt", write("photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00")), ErrBinary, "binary"},
		{"bad bytes", write("bad.txt", []byte("caf\x81\x8d")), ErrEncoding, "neither UTF-8"},
		{"unsupported type", write("notes.odt", []byte("PK\x03\x04")), ErrUnsupported, ".txt, .md, .html, .pdf"},
		{"missing file", filepath.Join(dir, "gone.txt"), os.ErrNotExist, "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadFile(tc.path, nil)
			if !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), tc.path) {
				t.Fatalf("got %v; want %v mentioning %q and the path", err, tc.err, tc.msg)
			}
			t.Log(err)
		})
	}
}

func TestManifest(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		return p
	}
	tests := []struct {
		name     string
		path     string
		err      string
		warn     string
		lookup   string
		wantDate string
		wantURL  string
	}{
		{"csv", write("a.csv", "file,title,publisher,url,published\na.txt,T,P,http://u,2016-03-24\n"), "", "", "x/a.txt", "2016-03-24", "http://u"},
		{"columns reordered, extra", write("b.csv", "published,extra,file\n2016-03-24,zz,a.txt\n"), "", "no title, publisher, url column", "a.txt", "2016-03-24", ""},
		{"no file column", write("c.csv", "name,title\na.txt,T\n"), `no "file" column`, "", "", "", ""},
		{"bad date", write("d.csv", "file,title,publisher,url,published\na.txt,T,P,,24/03/2016\n"), "", `bad published date "24/03/2016"`, "a.txt", "", ""},
		{"short row", write("e.csv", "file,title,publisher,url,published\na.txt,T\n"), "", ":2: 2 fields where the header has 5", "a.txt", "", ""},
		{"json list", write("f.json", `[{"file":"a.txt","url":"http://j","published":"2016-07-16"}]`), "", "", "a.txt", "2016-07-16", "http://j"},
		{"json object", write("g.json", `{"articles":[{"file":"a.txt","published":"2016-07-16"}]}`), "", "", "a.txt", "2016-07-16", ""},
		{"bad json", write("h.json", `[{"file":`), "bad JSON", "", "", "", ""},
		{"empty", write("i.csv", ""), "empty", "", "", "", ""},
		{"missing", filepath.Join(dir, "nope.csv"), "no such file", "", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := LoadManifest(tc.path)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), tc.path) {
					t.Fatalf("err %v, want one naming the file and %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.warn != "" && !strings.Contains(strings.Join(m.Warnings, "\n"), tc.warn) {
				t.Errorf("warnings %q, want %q", m.Warnings, tc.warn)
			}
			if tc.warn == "" && len(m.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", m.Warnings)
			}
			if len(m.Unused()) != 1 {
				t.Errorf("before lookup, Unused = %q", m.Unused())
			}
			e, ok := m.Lookup(tc.lookup)
			if !ok {
				t.Fatalf("no entry for %s", tc.lookup)
			}
			var d string
			if !e.Published.IsZero() {
				d = e.Published.Format("2006-01-02")
			}
			if d != tc.wantDate || e.URL != tc.wantURL {
				t.Errorf("entry %+v", e)
			}
			if len(m.Unused()) != 0 {
				t.Errorf("after lookup, Unused = %q", m.Unused())
			}
		})
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	mk := func(rel, body string) string {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
		return p
	}
	a := mk("a.txt", "A")
	b := mk("sub/b.md", "B")
	c := mk("sub/deeper/c.html", "<p>C</p>")
	mk("sub/.hidden.txt", "H")
	readme := mk("README.md", "about")
	csv := mk("sources.csv", "file")
	os.Symlink("../..", filepath.Join(dir, "sub", "deeper", "up"))     // loop back to dir
	os.Symlink("nowhere.txt", filepath.Join(dir, "sub", "broken.txt")) // broken
	os.Symlink("self.txt", filepath.Join(dir, "self.txt"))             // loops on itself
	os.Symlink(a, filepath.Join(dir, "sub", "again.txt"))              // same file twice

	got := Walk([]string{dir, a})
	var files, skipped, errs []string
	for _, f := range got {
		switch {
		case f.Err != nil:
			errs = append(errs, f.Err.Error())
		case f.Skipped != "":
			skipped = append(skipped, f.Path)
		default:
			files = append(files, f.Path)
		}
	}
	if strings.Join(files, "|") != strings.Join([]string{a, b, c}, "|") {
		t.Errorf("files %q", files)
	}
	if strings.Join(skipped, "|") != strings.Join([]string{readme, csv}, "|") {
		t.Errorf("skipped %q", skipped)
	}
	all := strings.Join(errs, "\n")
	for _, want := range []string{"broken.txt: broken symbolic link (it points to nowhere.txt", "self.txt: symbolic link loop", "up: symbolic link loop (it leads back to " + dir} {
		if !strings.Contains(all, want) {
			t.Errorf("errors %q lack %q", all, want)
		}
	}
	if len(errs) != 3 {
		t.Errorf("want 3 errors, got %q", errs)
	}
	// A README named directly is imported.
	if got := Walk([]string{readme}); len(got) != 1 || got[0].Err != nil || got[0].Skipped != "" {
		t.Errorf("README named directly: %+v", got)
	}
}
