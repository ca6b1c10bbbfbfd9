package briefing

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// scriptsBriefing holds titles and quotations in the scripts news about the
// Middle East and Eastern Europe is written in: Latin with typographic
// punctuation, Cyrillic, Arabic (with a number and brackets inside) and
// Hebrew. The sentences are written for this test.
func scriptsBriefing() Briefing {
	arts := map[int64]*model.Article{
		1: {ID: 1, Path: "/c/ar.txt", Title: "المحادثات في جنيف", Publisher: "Wire Service", Published: day(2016, 3, 24), DateSource: model.DateManifest},
		2: {ID: 2, Path: "/c/he.txt", Title: "Talks resume – Israeli view", Publisher: "Daily Ledger", Published: day(2016, 3, 25), DateSource: model.DateManifest},
	}
	src := func(art int64, file, text string) model.Source {
		return model.Source{ArticleID: art, File: file, Span: model.Span{Start: 0, End: len(text)}, Text: text}
	}
	events := []model.Event{
		{Key: "k-ar", Kind: model.KindTalks, Title: "Talks resume in Geneva – Лавров meets وزير الخارجية", Start: day(2016, 3, 24), End: day(2016, 3, 24),
			Precision: model.PrecisionDay, Place: geneva, Actors: []model.Actor{{Name: "Сергей Лавров"}, {Name: "عادل الجبير"}, {Name: "Nguyễn Phú Trọng"}},
			Sources: []model.Source{
				src(1, "ar.txt", "«قال الوزير إن المحادثات ستستأنف»"),
				src(1, "ar.txt", "وقال المتحدث (باسم الوزارة) إن 25 وفدا سيحضرون."),
			}},
		{Key: "k-he", Kind: model.KindStatement, Title: "Israel’s foreign ministry: “a first step” — שלום", Start: day(2016, 3, 25), End: day(2016, 3, 25),
			Precision: model.PrecisionDay, Place: amman,
			Sources: []model.Source{src(2, "he.txt", "משרד החוץ אמר כי השיחות יימשכו בשבוע הבא.")}},
		{Key: "k-ru", Kind: model.KindMeeting, Title: "Лавров and Kerry meet — “a new start”…", Start: day(2016, 3, 26), End: day(2016, 3, 26),
			Precision: model.PrecisionDay, Place: moscow,
			Sources: []model.Source{src(2, "he.txt", "Сергей Лавров said the talks – the first in years – went well.")}},
	}
	return Briefing{Title: "Talks – ‘Geneva’ – جنيف", Author: "Анна Müller", Prepared: day(2026, 11, 21),
		Scope: "All events", Events: events, Articles: arts}
}

// TestPDFPrintsEveryScript checks that the text layer of a briefing holds
// Arabic, Hebrew, Cyrillic and typographic punctuation as written, in
// logical order: the Arabic and Hebrew runs are drawn shaped and in visual
// order, with ActualText giving the characters back.
func TestPDFPrintsEveryScript(t *testing.T) {
	b := scriptsBriefing()
	path := export(t, b, PDF, A4)
	// pdftotext marks the right-to-left runs it puts back in logical order
	// with embedding marks (RLE … PDF); they are not part of the text.
	text := strings.Map(func(r rune) rune {
		if r >= '\u202A' && r <= '\u202E' {
			return -1
		}
		return r
	}, pdfText(t, path))
	want := []string{
		"Talks resume in Geneva – Лавров meets وزير الخارجية",
		// pdftotext reverses each right-to-left run it finds into logical
		// order, but takes the punctuation after one (a closing quotation
		// mark, a full stop) into the run, and keeps the runs on either
		// side of a number in the order they are seen; so the Arabic and
		// Hebrew sentences are checked without their outer punctuation,
		// and the one with a number on either side of it.
		"قال الوزير إن المحادثات ستستأنف",
		"المحادثات في جنيف",
		", 24 Mar 2016 [1]",
		"وقال المتحدث (باسم الوزارة) إن",
		"وفدا سيحضرون",
		"משרד החוץ אמר כי השיחות יימשכו בשבוע הבא",
		"Israel’s foreign ministry: “a first step” — שלום",
		"Лавров and Kerry meet — “a new start”…",
		"Сергей Лавров said the talks – the first in years – went well.",
		"عادل الجبير",
		"Nguyễn Phú Trọng", // Vietnamese letters the Go fonts lack: Noto Sans
	}
	for _, w := range want {
		if !strings.Contains(text, squash(w)) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
	if t.Failed() {
		t.Logf("text layer:\n%s", text)
	}
	// Presentation forms or private-use characters in the text layer would
	// mean ActualText was not honoured.
	for _, r := range text {
		if (r >= 0xE000 && r <= 0xF8FF) || (r >= 0xFB50 && r <= 0xFEFF) {
			t.Errorf("text layer holds %U, a drawn glyph rather than a character", r)
			break
		}
	}
	if _, err := exec.LookPath("pdffonts"); err == nil {
		out, err := exec.Command("pdffonts", path).Output()
		if err != nil {
			t.Fatalf("pdffonts: %v", err)
		}
		for _, f := range []string{"utf8" + famArabic, "utf8" + famHebrew} {
			if !strings.Contains(string(out), f) {
				t.Errorf("PDF does not embed %s:\n%s", f, out)
			}
		}
	}
}

// TestPlainTextKeepsTheGoFonts checks that an English, Greek or Cyrillic
// briefing takes the fast path and embeds no fallback font.
func TestPlainTextKeepsTheGoFonts(t *testing.T) {
	for _, s := range []string{"Talks – “a new start”…", "Сергей Лавров", "Αθήνα"} {
		if !plain(s) {
			t.Errorf("plain(%q) = false", s)
		}
	}
	for _, s := range []string{"قال", "שלום", "Nguyễn"} {
		if plain(s) {
			t.Errorf("plain(%q) = true", s)
		}
	}
	if _, err := exec.LookPath("pdffonts"); err != nil {
		t.Skip("pdffonts (poppler-utils) is not installed")
	}
	path := export(t, sampleBriefing(), PDF, A4)
	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	if strings.Contains(string(out), famArabic) || strings.Contains(string(out), famNoto) {
		t.Errorf("an English briefing embeds a fallback font:\n%s", out)
	}
}

// TestBidiOrder checks the visual order of runs on a line.
func TestBidiOrder(t *testing.T) {
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	// Arabic words around a number in an English line: the number stays
	// between them, the first Arabic word is the rightmost.
	l := layoutLine(fonts, "He said قال 25 مرة today", textStyle{size: 10})
	var got []string
	for _, r := range l.runs {
		got = append(got, r.text)
	}
	want := []string{"He said ", " مرة", "25", "قال ", " ", "today"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("visual runs %q, want %q", got, want)
	}
	if l.logical != "He said قال 25 مرة today" || !l.rtl {
		t.Errorf("logical %q rtl %v", l.logical, l.rtl)
	}
}
