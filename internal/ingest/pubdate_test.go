package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/sharedtest"
)

func TestFindDates(t *testing.T) {
	tests := []struct {
		in    string
		order dateOrder
		want  string // dates found, "|"-separated; "MM-DD" for dates without a year
	}{
		{"March 24, 2016, 2:26 PM", orderUnknown, "2016-03-24"},
		{"Sept. 28, 2014 and Sept 28", orderUnknown, "2014-09-28|09-28"},
		{"Mon 15 Apr 2019 19.33 BST", orderUnknown, "2019-04-15"},
		{"Monday, April 15, 2019", orderUnknown, "2019-04-15"},
		{"Tuesday, April 15, 2019", orderUnknown, ""}, // the weekday contradicts the date
		{"Monday April 22 2019", orderUnknown, "2019-04-22"},
		{"26 March, 2015", orderUnknown, "2015-03-26"},
		{"the 14th of June 2018", orderUnknown, "2018-06-14"},
		{"2018-06-14T09:30:00Z", orderUnknown, "2018-06-14"},
		{"2016-13-45 and 2016-02-30", orderUnknown, ""},
		{"31 June 2016", orderUnknown, ""},
		{"2018/06-14", orderUnknown, ""},
		{"14.06.2018", orderUnknown, "2018-06-14"},
		{"06/14/2018", orderUnknown, "2018-06-14"},
		{"14/06/2018", orderUnknown, "2018-06-14"},
		{"03/04/2016", orderUnknown, "2016-03-04"},    // US order for slashes
		{"03.04.2016", orderUnknown, "2016-04-03"},    // day first for dots
		{"03/04/2016", orderDayFirst, "2016-04-03"},   // the outlet's country decides
		{"03.04.2016", orderMonthFirst, "2016-03-04"}, // likewise
		{"the bill may 2, 2015 pass", orderUnknown, ""},
		{"a 9.11.1889 date", orderUnknown, ""}, // before 1900
		{"in March 2011 the agency", orderUnknown, ""},
		{"12 Marchers 2015", orderUnknown, ""},
	}
	for _, tc := range tests {
		var got []string
		for _, d := range findDates(tc.in, tc.order) {
			if d.hasYear {
				got = append(got, d.t.Format("2006-01-02"))
			} else {
				got = append(got, fmt.Sprintf("%02d-%02d", d.month, d.day))
			}
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("findDates(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// para is a paragraph of story text long enough to be a body paragraph.
const para = "The ministers spoke for three hours about the river dispute and agreed that their experts would meet again before the summer, an aide said."

func TestPubDateFromText(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		date   string
		source model.DateSource
	}{
		{"date line under the headline", "Ministers Agree on River Talks\n\nJune 14, 2018\n\n" + para, "2018-06-14", model.DateInText},
		{"date line above the headline", "14 June 2018 09:12 BST\nMinisters Agree on River Talks\n\n" + para, "2018-06-14", model.DateInText},
		{"dateline with a date", "Ministers Agree\n\nVIENNA, March 3 (UPI) -- " + para + " It was signed on March 3, 2017.", "2017-03-03", model.DateInText},
		{"dateline with date and year", "WASHINGTON, Oct. 2, 2015 (Reuters) - " + para, "2015-10-02", model.DateInText},
		{"dateline with the day first", "LIMA, 3 Mar 2021 (Reuters) - " + para, "2021-03-03", model.DateInText},
		{"label, time and zone before the date", "River Talks Resume\nLast updated: 14:32 GMT, 3 March 2021\n\n" + para, "2021-03-03", model.DateInText},
		{"byline with a numeric date", "River Talks Resume\nBy Jane Doe | 03.03.2016\n\n" + para, "2016-03-03", model.DateInText},
		{"byline with date and section", "River Talks Resume\nBy John Roe   Jun 11, 2014 in World\n" + para, "2014-06-11", model.DateInText},
		{"updated line", "River Talks Resume\nUpdated May 2, 2017 06:31:58\n\n" + para, "2017-05-02", model.DateInText},
		{"published line", "Published 14 June 2018\n\n" + para, "2018-06-14", model.DateInText},
		{"posted on ISO", "River Talks Resume\nPosted on 2019-04-15\n" + para, "2019-04-15", model.DateInText},
		{"first published, weekday and time", "River Talks Resume\nFirst published on Mon 15 Apr 2019 19.33 BST\n" + para, "2019-04-15", model.DateInText},
		{"last updated in a metadata line", "River Talks Resume\nStaff writer | Last updated: 2019-04-16T08:00:00Z\n" + para, "2019-04-16", model.DateInText},
		{"numeric, day over 12", "River Talks Resume\n14/06/2018\n" + para, "2018-06-14", model.DateInText},
		{"numeric, US order by default", "River Talks Resume\n06/07/2018\n" + para, "2018-06-07", model.DateInText},
		{"numeric, order from a non-US dateline", "River Talks Resume\n06/07/2018\n\nLYON, France - " + para, "2018-07-06", model.DateInText},
		{"archive date prefix", " date 2019-04-15 River Talks Resume\n\n" + para, "2019-04-15", model.DateInText},
		{"weekday date line", "River Talks Resume\nMonday, April 15, 2019\n" + para, "2019-04-15", model.DateInText},
		{"article from", "This Article is From Mar 12, 2011\n\nRiver Talks Resume\n\n" + para, "2011-03-12", model.DateInText},
		{"republication note", "River Talks Resume\nThis story was first published in the Courier on September 29, 2014. It is republished here.\n" + para, "2014-09-29", model.DateInText},
		{"nearest the top wins", "June 14, 2018\nRiver Talks Resume\nUpdated June 15, 2018\n" + para, "2018-06-14", model.DateInText},
		{
			// A banner's date is before the weekdays the story names; the date line below fits them.
			"weekdays decide between two date lines",
			"Flood Season    March 4, 2016\nRiver Talks Resume\nMarch 4, 2016\nMarch 8, 2016\n" +
				"The envoys met on Sunday and again on Monday, and on Tuesday they said talks would go on. " + para,
			"2016-03-08", model.DateInText,
		},
		{"a caption's date is not the article's", "River Talks Resume\nThe minister arrives in Lyon, June 3, 2018. (AP Photo/Jane Doe, File)\n\n" + para, "", model.DateUnknown},
		{"a file photo behind the archive prefix", " date 2015-03-03 FILE - In this March 3, 2015 photo, the minister waves.\n\n" + para, "", model.DateUnknown},
		{"a credit line", "River Talks Resume\nPhoto: Jane Doe, June 3, 2018\n\n" + para, "", model.DateUnknown},
		{"a date in prose is not a date line", "River Talks Resume\n\n" + para + "\n\nIn March 2011 the agency had warned of floods, and on 4 May 2012 it did so again.\n", "", model.DateUnknown},
		{"a label word inside a sentence", "River Talks Resume\nThe letter dated March 3, 2015 was read out.\n" + para, "", model.DateUnknown},
		{"a name before the label", "River Talks Resume\nKim Doe, Daily Courier Published 10:02 a.m. ET July 16, 2016 | Updated 1:00 p.m. ET July 17, 2016\n" + para, "2016-07-16", model.DateInText},
		{"impossible date", "River Talks Resume\n2016-13-45\n" + para, "", model.DateUnknown},
		{
			"inferred: latest date agrees with the weekdays",
			"River Talks Resume\n\n" + para + "\n\nThe envoys met on Friday. The treaty of May 2, 2001 was cited, and the talks ended late on Friday, April 12, 2019 with a statement on Saturday.\n",
			"", model.DateUnknown, // Saturday is after the latest date: not inferred
		},
		{
			"inferred from a dated statement and the weekday",
			"River Talks Resume\n\n" + para + "\n\nThe envoys met late on Friday. \"We have a deal,\" the minister wrote on April 12, 2019, hours after the vote on Thursday.\n",
			"2019-04-12", model.DateInferred,
		},
		{
			"not inferred without the day's weekday",
			"River Talks Resume\n\n" + para + "\n\nThe minister wrote on April 12, 2019 that the deal held.\n",
			"", model.DateUnknown,
		},
		{
			"not inferred when a weekday is a week old",
			"River Talks Resume\n\n" + para + "\n\nThe minister wrote on April 12, 2019, a Friday, after talks on Saturday and Friday failed.\n",
			"", model.DateUnknown,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := scanText(tc.text, "txt")
			var date string
			if !m.date.IsZero() {
				date = m.date.Format("2006-01-02")
			}
			src := m.dateSource
			if src == "" {
				src = model.DateUnknown
			}
			if date != tc.date || src != tc.source {
				t.Errorf("date %q (%s), want %q (%s)", date, src, tc.date, tc.source)
			}
		})
	}
}

func TestDatelines(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"MOSCOW (Reuters) - " + para, "MOSCOW"},
		{"BEIRUT (AP) — " + para, "BEIRUT"},
		{"PARIS (AFP) – " + para, "PARIS"},
		{"BERLIN (dpa) - " + para, "BERLIN"},
		{"KIEV, Ukraine – " + para, "KIEV, Ukraine"},
		{"CHIANG RAI, Thailand: " + para, "CHIANG RAI, Thailand"},
		{"SMALLTOWN, Ore. (AP) — " + para, "SMALLTOWN, Ore."},
		{"WASHINGTON, March 3 (UPI) -- " + para, "WASHINGTON"},
		{"LIMA, 3 Mar 2021 (Reuters) - " + para, "LIMA"},
		{"WASHINGTON, Oct. 2 (Reuters) - " + para, "WASHINGTON"},
		{"NEW DELHI: " + para, "NEW DELHI"},
		{"BRASÍLIA: " + para, "BRASÍLIA"},
		{"SÃO PAULO, Brazil (Pampa Wire) — " + para, "SÃO PAULO, Brazil"},
		{"Bogotá - " + para, "Bogotá"},
		{"ZÜRICH, Switzerland — " + para, "ZÜRICH, Switzerland"},
		{"New Delhi: " + para, "New Delhi"},
		{"Brussels, Belgium (CNN)" + para, "Brussels, Belgium"},
		{"Tikrit - " + para, "Tikrit"},
		{"—MOSCOW -- " + para, "MOSCOW"},
		{"ST. LOUIS — " + para, "ST. LOUIS"},
		{"THE HAGUE, Netherlands (AP) — " + para, "THE HAGUE, Netherlands"},
		{"THE VALLEY (Reuters) - " + para, "THE VALLEY"},
		{"COX’S BAZAR, Bangladesh — " + para, "COX’S BAZAR, Bangladesh"},
		{"SAN JOSE MINE, Chile | " + para, "SAN JOSE MINE, Chile"},
		{"PORT TOWN, ATLANTIS/OTHERTOWN " + para, "PORT TOWN, ATLANTIS"},
		{" date 2014-02-22 KIEV " + para, "KIEV"},
		{"River Talks Resume\n\nBy Jane Doe and John Roe\n\nVIENNA (AP) -- " + para, "VIENNA"},
		{"River Talks Resume\n\n" + para + "\n\nVIENNA (AP) -- " + para, "VIENNA"}, // after a standfirst
		// Not datelines.
		{"Police - who had been called to the river at noon - said nobody was hurt in the incident that followed the talks.", ""},
		{"Police - Officers said the crowd left the square on foot.", ""},
		{"U.S. officials said on Friday that the talks would resume next month after a pause over the summer.", ""},
		{"River Talks: Ministers Meet Again", ""},
		{"BREAKING - " + para, ""},
		{"THE VERDICT - " + para, ""},
		{"THE TALKS:THE MINISTERS met for three hours and agreed on a plan for the river, an aide said later.", ""},
		{"RIVER DEAL: MINISTERS SIGN AT LAST", ""},
		{"DAILY TIMES, Oct 20 (IPS) — " + para, ""},
		{"Analysis: " + para, ""},
		{para + "\n\nThe talks had stalled for a year over the dam upstream, which both sides say takes too much of the water in the dry months.\n\nVIENNA (AP) -- " + para, ""}, // too far down
		{"KIEV-based officials said on Friday that the talks would resume next month after a pause.", ""},
	}
	for _, tc := range tests {
		if got := scanText(tc.text, "txt").dateline; got != tc.want {
			t.Errorf("dateline of %.50q = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestDatelineDay: a dateline's month and day without its year is kept
// for dating the article from other reports; a full date or none gives
// nothing.
func TestDatelineDay(t *testing.T) {
	tests := []struct {
		text string
		want model.MonthDay
	}{
		{"COLOMBO, July 10 (AFP) - " + para, model.MonthDay{Month: time.July, Day: 10}},
		{"AMSTERDAM, 18 July: " + para, model.MonthDay{Month: time.July, Day: 18}},
		{"WASHINGTON, Oct. 2 (Reuters) - " + para, model.MonthDay{Month: time.October, Day: 2}},
		{"LIMA, 3 Mar 2021 (Reuters) - " + para, model.MonthDay{}},
		{"MOSCOW (Reuters) - " + para, model.MonthDay{}},
	}
	for _, tc := range tests {
		if got := scanText(tc.text, "txt").datelineDay; got != tc.want {
			t.Errorf("dateline day of %.40q = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestOddInput: nothing panics on blank, huge or strange text, and
// impossible dates are refused.
func TestOddInput(t *testing.T) {
	huge := "MOSCOW (AP) - " + strings.Repeat(para+" ", 10000)
	inputs := []string{
		"", "\n", "\n\n\n", " date ", " date 2016-13-45 ", "date 2016-02-30\n", "By\n", "By |", "—", "— -- ", "(AP) —",
		"WASHINGTON, March 45 (UPI) -- " + para, "WASHINGTON, Feb. 30 (UPI) -- " + para,
		huge, strings.Repeat("MOSCOW (AP) - March 3, 2016 ", 40000), strings.Repeat("\n", 100000), strings.Repeat("Monday ", 10000),
		"caf\xe9 \xff\xfe March 3, 2016 \x80", string([]byte{0xc3}) + "\nMOSCOW - " + para,
		"Published", "Updated:", "99/99/9999", "00.00.0000", "2016-00-10", "January 0, 2016", "Sunday,",
	}
	for _, in := range inputs {
		m := scanText(in, "txt")
		if !m.date.IsZero() {
			t.Errorf("scanText(%.40q) found date %v", in, m.date)
		}
		for _, n := range m.noise {
			if n.Start < 0 || n.End > len(in) || n.Start > n.End {
				t.Errorf("noise span %v out of %d bytes", n, len(in))
			}
		}
	}
	if m := scanText(huge, "txt"); m.dateline != "MOSCOW" {
		t.Errorf("huge line: dateline %q", m.dateline)
	}
	if !utf8.ValidString(scanText("MOSCOW - "+para, "txt").dateline) {
		t.Error("dateline is not UTF-8")
	}
}

// devsetShown are the dev set articles whose text shows its publication
// date, each checked by reading it: a date line, a dated byline or dateline,
// the archive's date prefix, a "first published" note. For the others the
// date is unknown or, when inferred, must still be right.
var devsetShown = []string{
	"binladen-abc30-2011-05-02.txt",              // date line under the headline
	"fukushima-kyodo-2011-03-14.txt",             // date line under the headline (a banner's date above it)
	"fukushima-ndtv-2011-03-12.txt",              // "This Article is From"
	"germanwings-georgianjournal-2015-03-26.txt", // "26 March, 2015"
	"hongkong-brainerddispatch-2014-09-28.txt",   // dateline "Sept 28", year from the day's caption
	"hongkong-scmp-2014-09-29.txt",               // "first published … on"
	"kashmir-scroll-2019-08-05.txt",              // archive prefix
	"maidan-reuters-2014-02-22.txt",              // archive prefix
	"mosul-digitaljournal-2014-06-11.txt",        // dated byline
	"notredame-kvrr-2019-04-15.txt",              // archive prefix
	"rohingya-tnp-2017-09-04.txt",                // archive prefix
	"srilanka-theeastafrican-2019-04-22.txt",     // weekday date line
	"thaicave-thailandnews-2018-07-10.txt",       // archive prefix
}

// devsetInferred are the dev set articles whose date is inferred, each
// checked by reading it: the latest full date and the weekday it names, or
// the lead's weekday and day without a year and the year of a full date on
// that day.
var devsetInferred = []string{
	"christchurch-straitstimes-2019-03-15.txt", // "on Friday (March 15)", the day's captions "March 15, 2019"
	"notredame-abc11-2019-04-15.txt",           // latest full date, its weekday named
	"turkeycoup-usatoday-2016-07-16.txt",       // latest full date, its weekday named
}

// devsetDatelines are the datelines read by hand; the rest have none.
var devsetDatelines = map[string]string{
	"brussels-arkansasonline-2016-03-23.txt":   "BRUSSELS",
	"brussels-jconline-2016-03-22.txt":         "BRUSSELS",
	"charliehebdo-covnews-2015-01-08.txt":      "PARIS",
	"charliehebdo-goerie-2015-01-08.txt":       "PARIS",
	"chile-tuscaloosanews-2010-10-13.txt":      "SAN JOSE MINE, Chile",
	"christchurch-straitstimes-2019-03-15.txt": "CHRISTCHURCH",
	"fukushima-kyodo-2011-03-14.txt":           "TOKYO",
	"fukushima-ndtv-2011-03-12.txt":            "Tokyo",
	"hongkong-brainerddispatch-2014-09-28.txt": "HONG KONG",
	"kashmir-thewire-2019-08-05.txt":           "New Delhi",
	"maidan-ipolitics-2014-02-22.txt":          "KIEV, Ukraine",
	"maidan-reuters-2014-02-22.txt":            "KIEV",
	"mosul-aol-2014-06-11.txt":                 "BAGHDAD",
	"mosul-digitaljournal-2014-06-11.txt":      "Tikrit",
	"notredame-abc11-2019-04-15.txt":           "PARIS",
	"notredame-kvrr-2019-04-15.txt":            "PARIS",
	"rohingya-arkansasonline-2017-08-29.txt":   "COX’S BAZAR, Bangladesh",
	"rohingya-tnp-2017-09-04.txt":              "COX'S BAZAR, BANGLADESH",
	"srilanka-dawn-2019-04-22.txt":             "COLOMBO",
	"thaicave-cna-2018-07-10.txt":              "CHIANG RAI, Thailand",
	"turkeycoup-oregonlive-2016-07-17.txt":     "ISTANBUL",
	"turkeycoup-usatoday-2016-07-16.txt":       "ISTANBUL",
}

// TestDevsetDates imports the dev set without its manifest: every article
// that shows its date must get exactly the manifest's date, those whose
// date is inferred must get it too, and none may get a different one.
func TestDevsetDates(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "devset")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no dev set beside the repository: %v", err)
	}
	sources, total := checkDates(t, dir, devsetShown)
	inferred := 0
	for _, src := range sources {
		if src == model.DateInferred {
			inferred++
		}
	}
	t.Logf("dev set: %d of %d articles dated from their text (%d inferred)", len(sources), total, inferred)
	for _, f := range devsetInferred {
		if src, ok := sources[f]; !ok {
			t.Errorf("%s: no date inferred", f)
		} else if src != model.DateInferred {
			t.Errorf("%s: date source %s, want %s", f, src, model.DateInferred)
		}
	}
	if want := len(devsetShown) + len(devsetInferred); len(sources) < want {
		t.Errorf("dev set: %d articles dated, want at least %d", len(sources), want)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, f := range files {
		a, err := ReadFile(f, nil)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(f)
		t.Logf("dateline %-45s %q", base, a.Dateline)
		if want := devsetDatelines[base]; a.Dateline != want {
			t.Errorf("%s: dateline %q, want %q", base, a.Dateline, want)
		}
	}
}

// TestCorpusDates does the same on the sample corpus.
func TestCorpusDates(t *testing.T) {
	sources, total := checkDates(t, sharedtest.Corpus(t), []string{"002_29f73ea6589d3eb9.txt", "004_1482635488417419.txt"})
	t.Logf("corpus: %d of %d articles dated from their text", len(sources), total)
}

// checkDates reads every article of dir without a manifest and compares its
// date with dir/sources.csv (a wrong date fails the test). It returns the
// source of the date of each article that got one, and how many were read.
func checkDates(t *testing.T, dir string, shown []string) (dated map[string]model.DateSource, total int) {
	dated = map[string]model.DateSource{}
	t.Helper()
	m, err := LoadManifest(filepath.Join(dir, "sources.csv"))
	if err != nil {
		t.Skipf("no manifest: %v", err)
	}
	mustShow := map[string]bool{}
	for _, f := range shown {
		mustShow[f] = true
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, f := range files {
		a, err := ReadFile(f, nil)
		if err != nil {
			t.Fatal(err)
		}
		e, ok := m.Lookup(f)
		if !ok || e.Published.IsZero() {
			t.Fatalf("%s: no date in the manifest", f)
		}
		base, want := filepath.Base(f), e.Published.Format("2006-01-02")
		total++
		if !a.HasDate() {
			if mustShow[base] {
				t.Errorf("%s: no date found, want %s", base, want)
			}
			continue
		}
		dated[base] = a.DateSource
		got := a.Published.Format("2006-01-02")
		t.Logf("date %-45s %s (%s)", base, got, a.DateSource)
		if got != want {
			t.Errorf("%s: date %s (%s), the manifest says %s", base, got, a.DateSource, want)
		}
		if mustShow[base] && a.DateSource != model.DateInText {
			t.Errorf("%s: date source %s, want %s", base, a.DateSource, model.DateInText)
		}
	}
	return dated, total
}

// TestManifestDateWins: a manifest's date replaces the text's.
func TestManifestDateWins(t *testing.T) {
	a, err := Parse("a.txt", "txt", []byte("River Talks Resume\nJune 14, 2018\n\n"+para), nil)
	if err != nil || a.DateSource != model.DateInText || !a.Published.Equal(time.Date(2018, 6, 14, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("without manifest: %v %s %v", a.Published, a.DateSource, err)
	}
	dir := t.TempDir()
	mpath := filepath.Join(dir, "sources.csv")
	if err := os.WriteFile(mpath, []byte("file,published\na.txt,2018-06-13\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := LoadManifest(mpath)
	if err != nil {
		t.Fatal(err)
	}
	a, err = Parse("a.txt", "txt", []byte("River Talks Resume\nJune 14, 2018\n\n"+para), m)
	if err != nil || a.DateSource != model.DateManifest || a.Published.Day() != 13 {
		t.Fatalf("with manifest: %v %s %v", a.Published, a.DateSource, err)
	}
}

// TestHTMLTextDate: a page without date meta tags is dated from its text,
// and its address's country decides the order of a numeric date.
func TestHTMLTextDate(t *testing.T) {
	page := `<html><head><title>River talks</title><meta property="og:url" content="https://news.example.co.uk/world/river-talks">
</head><body><article><h1>River Talks Resume</h1><p>06/07/2018</p><p>` + para + `</p><p>` + para + ` They will meet again.</p></article></body></html>`
	a, err := Parse("page.html", "html", []byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://news.example.co.uk/world/river-talks" {
		t.Errorf("url %q", a.URL)
	}
	if got := a.Published.Format("2006-01-02"); got != "2018-07-06" || a.DateSource != model.DateInText {
		t.Errorf("date %s (%s), want 2018-07-06 (in-text)", got, a.DateSource)
	}
}
