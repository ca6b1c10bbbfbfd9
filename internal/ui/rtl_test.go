package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/briefingatlas/atlas/internal/model"
)

// arabicSource is an event with two sources written for this test: a
// sentence in Arabic with a highlighted actor and place, a bracketed phrase
// and a number, and an English sentence quoting Arabic.
func arabicSource() (model.Event, []SourceDetail) {
	e := storyEvents()[6]
	source := func(id int64, file, title, text string, ms map[string]model.MentionType) SourceDetail {
		a := &model.Article{ID: id, Path: file, Title: title, Publisher: "Wire",
			Published: day("2016-03-24"), DateSource: model.DateManifest, Text: text}
		var mentions []model.Mention
		for w, typ := range ms {
			i := strings.Index(text, w)
			mentions = append(mentions, model.Mention{Span: model.Span{Start: i, End: i + len(w)}, Type: typ})
		}
		src := model.Source{ArticleID: id, File: file, Span: model.Span{Start: 0, End: len(text)}, Text: text}
		return SourceDetail{Source: src, Article: a, Mentions: mentions}
	}
	srcs := []SourceDetail{
		source(2, "ar.txt", "المحادثات في جنيف", "قال الوزير في جنيف (باسم الحكومة) إن 25 وفدا سيحضرون.",
			map[string]model.MentionType{"جنيف": model.MentionPlace, "الوزير": model.MentionPerson}),
		source(3, "en.txt", "Talks in Geneva", "The minister said “قال الوزير 25 مرة” in Geneva.",
			map[string]model.MentionType{"Geneva": model.MentionPlace}),
	}
	e.Sources = []model.Source{srcs[0].Source, srcs[1].Source}
	return e, srcs
}

// textsOf returns the canvas.Text objects of a bidiText by a word they hold.
func textsOf(t *testing.T, b *bidiText) func(word string) *canvas.Text {
	texts := under[*canvas.Text](b)
	return func(word string) *canvas.Text {
		t.Helper()
		for _, x := range texts {
			if strings.Contains(x.Text, word) {
				return x
			}
		}
		t.Fatalf("no run holds %q", word)
		return nil
	}
}

// leftToRight fails unless the runs holding words are placed in that order
// from left to right on one line.
func leftToRight(t *testing.T, find func(string) *canvas.Text, words ...string) {
	t.Helper()
	for i := 1; i < len(words); i++ {
		a, b := find(words[i-1]), find(words[i])
		sameLine := a.Position().Y < b.Position().Y+b.Size().Height && b.Position().Y < a.Position().Y+a.Size().Height
		if !sameLine || a.Position().X+a.Size().Width > b.Position().X+0.5 {
			t.Errorf("%q at %v (width %.1f) is not left of %q at %v", words[i-1], a.Position(), a.Size().Width, words[i], b.Position())
		}
	}
}

// settle lays the pane out again once its paragraphs know their heights at
// the new width, as the driver does between frames and the test canvas does
// not.
func settle(p *ExcerptPane) { p.Object().Refresh() }

// TestExcerptPaneRTL lays out the excerpt pane with an Arabic source and an
// English one quoting Arabic, and checks that the runs of each sentence are
// placed in visual order, the highlight colours on their words, the Arabic
// sentence aligned right. With $UI_KEEP set it writes the pane to
// $UI_KEEP/excerpt-arabic.png to look at.
func TestExcerptPaneRTL(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(&Theme{Mode: ThemeLight})
	p := NewExcerptPane()
	e, srcs := arabicSource()
	p.ShowEvent(e, srcs)
	w := test.NewWindow(p.Object())
	defer w.Close()
	w.Resize(fyne.NewSize(620, 640))
	settle(p)

	var ar, en, head *bidiText
	for _, b := range under[*bidiText](p.Object()) {
		s := string(b.para.runes)
		switch {
		case strings.HasPrefix(s, "قال"):
			ar = b
		case strings.HasPrefix(s, "The minister"):
			en = b
		case strings.HasPrefix(s, "المحادثات"):
			head = b
		}
	}
	if ar == nil || en == nil || head == nil {
		t.Fatalf("the Arabic sentence, the English one or the Arabic title is not a bidiText (%v %v %v)", ar, en, head)
	}
	if len(richTexts(p.Object())) == 0 {
		t.Error("the pane's other paragraphs should stay RichTexts")
	}

	// Arabic: read right to left, the number left to right inside it.
	find := textsOf(t, ar)
	leftToRight(t, find, "سيحضرون", "25", "الحكومة", "جنيف", "في", "الوزير", "قال")
	place, actor := find("جنيف"), find("الوزير")
	if place.Color != themeColor(ColorNamePlace) || !place.TextStyle.Bold {
		t.Errorf("جنيف drawn in %v bold=%v, want the place colour in bold", place.Color, place.TextStyle.Bold)
	}
	if actor.Color != themeColor(ColorNameActor) || strings.Contains(actor.Text, "قال") {
		t.Errorf("الوزير drawn as %q in %v, want it alone in the actor colour", actor.Text, actor.Color)
	}
	pad := theme.InnerPadding()
	if right := find("قال").Position().X + find("قال").Size().Width; right < ar.Size().Width-pad-1 || right > ar.Size().Width-pad+1 {
		t.Errorf("the Arabic sentence ends at x=%.1f, want it aligned right at %.1f", right, ar.Size().Width-pad)
	}

	// English quoting Arabic: left to right, the quotation one right-to-left
	// stretch with its number.
	find = textsOf(t, en)
	leftToRight(t, find, "The minister said", "مرة", "25", "قال", "Geneva")
	if x := find("The minister said").Position().X; x > pad+1 {
		t.Errorf("the English sentence starts at x=%.1f, want it aligned left", x)
	}

	// The card's head reads left to right: the Arabic title, then the outlet.
	find = textsOf(t, head)
	leftToRight(t, find, "المحادثات", "Wire")

	if keep := os.Getenv("UI_KEEP"); keep != "" {
		f, err := os.Create(filepath.Join(keep, "excerpt-arabic.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, w.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}

	// Narrow, the Arabic sentence wraps: its first words on the first
	// line, at the right edge.
	w.Resize(fyne.NewSize(400, 700))
	settle(p)
	find = textsOf(t, ar)
	first, last := find("قال"), find("سيحضرون")
	if first.Position().Y >= last.Position().Y {
		t.Errorf("wrapped Arabic sentence: قال at %v, سيحضرون at %v, want قال on an earlier line", first.Position(), last.Position())
	}
	if right := first.Position().X + first.Size().Width; right < ar.Size().Width-pad-1 {
		t.Errorf("the first wrapped line ends at x=%.1f, want it aligned right at %.1f", right, ar.Size().Width-pad)
	}
	if keep := os.Getenv("UI_KEEP"); keep != "" {
		f, err := os.Create(filepath.Join(keep, "excerpt-arabic-narrow.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, w.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReaderRTL opens the reader on an article with an Arabic, an English
// and a Hebrew paragraph: the Arabic and Hebrew ones are laid out right to
// left and aligned right, the English one stays a RichText. With $UI_KEEP
// set it writes the reader to $UI_KEEP/reader-rtl.png.
func TestReaderRTL(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(&Theme{Mode: ThemeLight})
	text := "قال الوزير في جنيف (باسم الحكومة) إن 25 وفدا سيحضرون.\n" +
		"The talks in Geneva were delayed.\n" +
		"הכנסת אישרה את החוק ב-2018 (בירושלים)."
	art := &model.Article{ID: 4, Path: "mixed.txt", Title: "المحادثات في جنيف", Published: day("2016-03-24"),
		DateSource: model.DateManifest, Text: text}
	i := strings.Index(text, "جنيف")
	ms := []model.Mention{{Span: model.Span{Start: i, End: i + len("جنيف")}, Type: model.MentionPlace}}
	w := test.NewWindow(nil)
	defer w.Close()
	r := NewReader(art, ms, model.Span{}, w)
	w.SetContent(r.Content())
	w.Resize(fyne.NewSize(560, 420))
	r.Content().Refresh()

	var paras []*bidiText
	var hebrew *bidiText
	for _, b := range under[*bidiText](r.Content()) {
		if b.para.rtl {
			paras = append(paras, b)
		}
		if strings.HasPrefix(string(b.para.runes), "הכנסת") {
			hebrew = b
		}
	}
	if len(paras) != 3 || hebrew == nil { // the title and two paragraphs
		t.Fatalf("%d right-to-left paragraphs in the reader, want 3 with the Hebrew one", len(paras))
	}
	if got := strings.Join(func() (s []string) {
		for _, rt := range richTexts(r.Content()) {
			s = append(s, rt.String())
		}
		return
	}(), "|"); !strings.Contains(got, "The talks in Geneva were delayed.") {
		t.Errorf("the English paragraph is not a RichText: %q", got)
	}
	// Left to right: ".(", "בירושלים", ") ", "2018", then the words before it.
	find := textsOf(t, hebrew)
	leftToRight(t, find, ".(", "בירושלים", ") ", "2018", "הכנסת")
	pad := theme.InnerPadding()
	if right := find("הכנסת").Position().X + find("הכנסת").Size().Width; right < hebrew.Size().Width-pad-1 {
		t.Errorf("the Hebrew paragraph ends at x=%.1f, want it aligned right at %.1f", right, hebrew.Size().Width-pad)
	}
	if keep := os.Getenv("UI_KEEP"); keep != "" {
		f, err := os.Create(filepath.Join(keep, "reader-rtl.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, w.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
}
