package briefing

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// export writes b in format f to a temporary directory and returns the
// main file's path. With BRIEFING_KEEP set to a directory, the outputs are
// copied there too, for looking at them.
func export(t *testing.T, b Briefing, f Format, paper Paper) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "briefing-"+string(paper)+f.Ext())
	files, err := Export(path, b, Options{Format: f, Paper: paper})
	if err != nil {
		t.Fatalf("Export %s: %v", f, err)
	}
	if keep := os.Getenv("BRIEFING_KEEP"); keep != "" {
		for _, src := range files {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(keep, filepath.Base(src)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return path
}

// squash collapses white space so that text wrapped across lines matches.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return squash(string(out))
}

func TestPDFHoldsEveryEventPlaceAndSource(t *testing.T) {
	b := sampleBriefing()
	for _, paper := range []Paper{A4, Letter} {
		t.Run(string(paper), func(t *testing.T) {
			path := export(t, b, PDF, paper)
			text := pdfText(t, path)
			for _, e := range visible(b) {
				for _, want := range []string{e.Title, DateLabel(&e)} {
					if !strings.Contains(text, squash(want)) {
						t.Errorf("PDF lacks %q", want)
					}
				}
				if e.Place != nil && !strings.Contains(text, e.Place.Name) {
					t.Errorf("PDF lacks place %q of %q", e.Place.Name, e.Title)
				}
				for _, s := range e.Sources {
					if !strings.Contains(text, squash(s.Text)) {
						t.Errorf("PDF lacks excerpt %q", s.Text)
					}
				}
			}
			for _, want := range []string{
				"Wire Service, “Diplomats Meet Again Over Syria”, 7 May 2013", // publisher, headline, date
				"Daily Ledger, 24 Mar 2016",                                   // no headline known
				"009_lost.txt",                                                // article not in the store: cited by file
				"Сергей Лавров", "Анна Müller",                                // non-Latin and accented names print
				"Señor Pérez", // the user's note goes in
				"Page 1 of", "Sources", "Figure 1.", "Figure 2.",
				"2012 – Aug 2016", // the period covered
			} {
				if !strings.Contains(text, want) {
					t.Errorf("PDF lacks %q", want)
				}
			}
			if strings.Contains(text, "Hidden duplicate") || strings.Contains(text, "hidden event") {
				t.Error("PDF contains the hidden event")
			}
		})
	}
}

// TestPDFNothingOverflows reads every word's box from pdftotext and checks
// it lies inside the page's margins, on A4 and Letter.
func TestPDFNothingOverflows(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	b := sampleBriefing()
	// Stress the layout: a long unbroken URL, a very long title and note,
	// and enough events to need several pages.
	b.Articles[1].URL = "https://example.org/" + strings.Repeat("very-long-path-segment-", 12)
	b.Events[0].Title = strings.Repeat("A very long event title that has to wrap over several lines ", 4)
	b.Events[2].Note = strings.Repeat("A long analyst note that goes on and on. ", 30)
	for i := 0; i < 25; i++ {
		e := b.Events[i%6]
		e.Key += strconv.Itoa(i)
		b.Events = append(b.Events, e)
	}
	word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	page := regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	for _, paper := range []Paper{A4, Letter} {
		t.Run(string(paper), func(t *testing.T) {
			path := export(t, b, PDF, paper)
			out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext -bbox: %v", err)
			}
			pm := page.FindStringSubmatch(string(out))
			if pm == nil {
				t.Fatal("no page in pdftotext -bbox output")
			}
			pw, _ := strconv.ParseFloat(pm[1], 64)
			ph, _ := strconv.ParseFloat(pm[2], 64)
			const mm = 72 / 25.4
			words := word.FindAllStringSubmatch(string(out), -1)
			if len(words) < 200 {
				t.Fatalf("only %d words in the PDF", len(words))
			}
			for _, w := range words {
				x0, _ := strconv.ParseFloat(w[1], 64)
				y0, _ := strconv.ParseFloat(w[2], 64)
				x1, _ := strconv.ParseFloat(w[3], 64)
				y1, _ := strconv.ParseFloat(w[4], 64)
				if x0 < 21*mm || x1 > pw-21*mm || y0 < 10*mm || y1 > ph-9*mm {
					t.Errorf("word %q at (%.0f,%.0f)-(%.0f,%.0f) pt is outside the margins of a %.0f×%.0f page", w[5], x0, y0, x1, y1, pw, ph)
				}
			}
		})
	}
}

func TestMarkdownHasEventsAndFigures(t *testing.T) {
	b := sampleBriefing()
	path := export(t, b, Markdown, A4)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	md := string(data)
	for _, e := range visible(b) {
		if !strings.Contains(md, mdEscape(e.Title)) {
			t.Errorf("Markdown lacks title %q", e.Title)
		}
		for _, s := range e.Sources {
			if !strings.Contains(md, mdEscape(quoteText(s.Text))) {
				t.Errorf("Markdown lacks quotation %q", s.Text)
			}
		}
	}
	links := regexp.MustCompile(`!\[[^\]]*\]\(([^)]+)\)`).FindAllStringSubmatch(md, -1)
	if len(links) != 2 {
		t.Fatalf("Markdown has %d image links, want map and timeline", len(links))
	}
	for _, l := range links {
		f, err := os.Open(filepath.Join(filepath.Dir(path), l[1]))
		if err != nil {
			t.Fatalf("figure %s: %v", l[1], err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("figure %s is not a PNG: %v", l[1], err)
		}
		if img.Bounds().Dx() < 800 {
			t.Errorf("figure %s is only %d px wide", l[1], img.Bounds().Dx())
		}
	}
	for _, want := range []string{"## Sources", "Analyst’s note", "<https://example.org/news/2013/05/", "Wire Service"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "Hidden duplicate") {
		t.Error("Markdown contains the hidden event")
	}
}

func TestCSVRoundTrips(t *testing.T) {
	b := sampleBriefing()
	path := export(t, b, CSV, A4)
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("export file mode %v, %v; want rw-r--r-- so it can be shared", fi.Mode(), err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Excel needs the byte-order mark to read UTF-8; encoding/csv would
	// take it as part of the first header name.
	body, ok := bytes.CutPrefix(data, []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Errorf("CSV starts with % x, want the UTF-8 byte-order mark", data[:min(3, len(data))])
	}
	if bytes.Contains(body, []byte("\xEF\xBB\xBF")) {
		t.Error("CSV has a second byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("header %v, want %v", rows[0], CSVHeader)
	}
	want := visible(b)
	if len(rows)-1 != len(want) {
		t.Fatalf("%d rows, want %d events", len(rows)-1, len(want))
	}
	col := map[string]int{}
	for i, h := range CSVHeader {
		col[h] = i
	}
	byTitle := map[string][]string{}
	for _, r := range rows[1:] {
		byTitle[r[col["title"]]] = r
	}
	for _, e := range want {
		r, ok := byTitle[e.Title]
		if !ok {
			t.Errorf("no row for %q", e.Title)
			continue
		}
		if e.Place != nil && r[col["place"]] != e.Place.Name {
			t.Errorf("%q: place %q, want %q", e.Title, r[col["place"]], e.Place.Name)
		}
		if got := strings.Split(r[col["excerpts"]], csvJoin); len(got) != len(e.Sources) || got[0] != e.Sources[0].Text {
			t.Errorf("%q: excerpts %q", e.Title, got)
		}
		if r[col["note"]] != e.Note {
			t.Errorf("%q: note %q, want %q", e.Title, r[col["note"]], e.Note)
		}
	}
	if r := byTitle["Offensive to retake Palmyra"]; r[col["start"]] != "2016-03-24" || r[col["end"]] != "2016-03-27" || r[col["date"]] != "24–27 Mar 2016" {
		t.Errorf("Palmyra dates: %q %q %q", r[col["date"]], r[col["start"]], r[col["end"]])
	}
}

func TestGeoJSONHasOneFeaturePerPlacedEvent(t *testing.T) {
	b := sampleBriefing()
	data, err := os.ReadFile(export(t, b, GeoJSON, A4))
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string
		Features []struct {
			Type     string
			Geometry struct {
				Type        string
				Coordinates []float64
			}
			Properties struct {
				Title   string
				Place   string
				Start   string
				Sources []struct{ Excerpt, Publisher, File string }
			}
		}
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		t.Fatalf("GeoJSON does not parse: %v", err)
	}
	placed := map[string]bool{}
	for _, e := range visible(b) {
		if e.Place != nil {
			placed[e.Title] = true
		}
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != len(placed) {
		t.Fatalf("%s with %d features, want FeatureCollection with %d", fc.Type, len(fc.Features), len(placed))
	}
	for _, f := range fc.Features {
		if !placed[f.Properties.Title] {
			t.Errorf("unexpected feature %q", f.Properties.Title)
		}
		if f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 || len(f.Properties.Sources) == 0 || f.Properties.Sources[0].Excerpt == "" {
			t.Errorf("feature %q: geometry %+v sources %+v", f.Properties.Title, f.Geometry, f.Properties.Sources)
		}
		if f.Properties.Place == "Moscow" && (f.Geometry.Coordinates[0] < 37 || f.Geometry.Coordinates[1] < 55) {
			t.Errorf("Moscow at %v: want [lon, lat]", f.Geometry.Coordinates)
		}
	}
}

func TestKMLIsValidWithTimePerPlacemark(t *testing.T) {
	b := sampleBriefing()
	data, err := os.ReadFile(export(t, b, KML, A4))
	if err != nil {
		t.Fatal(err)
	}
	// Well-formed: the decoder reads to the end without error.
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("KML is not well-formed XML: %v", err)
		}
	}
	var k struct {
		XMLName    xml.Name
		Placemarks []struct {
			Name        string `xml:"name"`
			Description string `xml:"description"`
			When        string `xml:"TimeStamp>when"`
			Begin       string `xml:"TimeSpan>begin"`
			End         string `xml:"TimeSpan>end"`
			Coordinates string `xml:"Point>coordinates"`
		} `xml:"Document>Placemark"`
	}
	if err := xml.Unmarshal(data, &k); err != nil {
		t.Fatal(err)
	}
	if k.XMLName.Space != "http://www.opengis.net/kml/2.2" || k.XMLName.Local != "kml" {
		t.Errorf("root element %v", k.XMLName)
	}
	want := 0
	for _, e := range visible(b) {
		if e.Place != nil && e.Dated() {
			want++
		}
	}
	if len(k.Placemarks) != want {
		t.Fatalf("%d placemarks, want %d (placed and dated events)", len(k.Placemarks), want)
	}
	for _, p := range k.Placemarks {
		if p.When == "" && (p.Begin == "" || p.End == "") {
			t.Errorf("placemark %q has neither TimeStamp nor TimeSpan", p.Name)
		}
		if !strings.Contains(p.Description, "“") || !strings.Contains(p.Description, "— ") {
			t.Errorf("placemark %q has no cited source in its description", p.Name)
		}
		if strings.Count(p.Coordinates, ",") != 2 {
			t.Errorf("placemark %q coordinates %q", p.Name, p.Coordinates)
		}
	}
}

// TestManyEventsKeepFiguresReadable: with hundreds of events the timeline
// turns to dots within a bounded height and map labels count what they
// cannot show, instead of growing past the page.
func TestManyEventsKeepFiguresReadable(t *testing.T) {
	b := sampleBriefing()
	base := b.Events[:6]
	for i := 0; i < 300; i++ {
		e := base[i%6]
		e.Key += strconv.Itoa(i)
		e.Start, e.End = e.Start.AddDate(0, 0, i*3), e.End.AddDate(0, 0, i*3)
		b.Events = append(b.Events, e)
	}
	d := prepare(b)
	small := prepare(sampleBriefing())
	rc := newRasterCanvas(1, 1, 100)
	tests := []struct {
		name      string
		d         *doc
		dense     bool
		maxHeight float64
	}{
		{"seven events are numbered", small, false, 60},
		{"three hundred events are dots", d, true, 90},
	}
	for _, tt := range tests {
		l := layoutTimeline(rc, tt.d, 166)
		if l.dense != tt.dense || l.h > tt.maxHeight {
			t.Errorf("%s: dense %v, height %.0f mm; want dense %v, at most %.0f mm", tt.name, l.dense, l.h, tt.dense, tt.maxHeight)
		}
	}
	text := pdfText(t, export(t, b, PDF, A4))
	if !regexp.MustCompile(`and \d+ more`).MatchString(text) || !strings.Contains(text, "one dot per event") {
		t.Error("the map labels or the timeline caption do not say that not every event is numbered")
	}
}

// TestTimelineDetailsTheBusiestYear: when most events crowd into one year of
// a long period, the figure adds that year on a second, wider axis.
func TestTimelineDetailsTheBusiestYear(t *testing.T) {
	b := sampleBriefing()
	for i := 0; i < 6; i++ {
		e := b.Events[0] // 24 Mar 2016, Moscow
		e.Key += strconv.Itoa(i)
		e.Start = e.Start.AddDate(0, 0, i%2)
		e.End = e.Start
		b.Events = append(b.Events, e)
	}
	l := layoutTimeline(newRasterCanvas(1, 1, 100), prepare(b), 166)
	if l.detail == nil {
		t.Fatalf("no detail axis for %d events, %d lanes", len(l.marks), l.lanes)
	}
	in2016 := 0
	for _, m := range l.marks {
		if m.en.E.Start.Year() == 2016 || endOf(m.en.E).Year() == 2016 {
			in2016++
		}
	}
	if l.detailYear != 2016 || len(l.detail.marks) != in2016 {
		t.Errorf("detail of %d with %d events, want 2016 with %d", l.detailYear, len(l.detail.marks), in2016)
	}
	if l.legendY < l.detailY+l.detail.h {
		t.Errorf("legend at %.1f mm overlaps the detail ending at %.1f mm", l.legendY, l.detailY+l.detail.h)
	}
	sparse := layoutTimeline(newRasterCanvas(1, 1, 100), prepare(sampleBriefing()), 166)
	if sparse.detail != nil {
		t.Error("a sparse timeline got a detail axis")
	}
}

// TestExportNamesAMissingFolder checks that exporting into a folder that does
// not exist says so in the user's terms and leaves nothing behind.
func TestExportNamesAMissingFolder(t *testing.T) {
	for _, format := range []Format{PDF, CSV, KML} {
		t.Run(string(format), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "not-made")
			_, err := Export(filepath.Join(dir, "briefing.out"), sampleBriefing(), Options{Format: format})
			if err == nil || !strings.Contains(err.Error(), "the folder "+dir+" does not exist") {
				t.Fatalf("err = %v, want it to name the missing folder", err)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("the folder was created or touched: %v", err)
			}
		})
	}
}
