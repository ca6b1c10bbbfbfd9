package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/briefingatlas/atlas/internal/model"
)

// arabicSource is a source sentence in Arabic with a highlighted place, a
// bracketed phrase and a number, written for this test.
func arabicSource() (model.Event, []SourceDetail) {
	e := storyEvents()[6]
	text := "قال الوزير في جنيف (باسم الحكومة) إن 25 وفدا سيحضرون."
	find := func(w string) model.Span {
		i := strings.Index(text, w)
		return model.Span{Start: i, End: i + len(w)}
	}
	a := &model.Article{ID: 2, Path: "ar.txt", Title: "المحادثات في جنيف", Publisher: "Wire",
		Published: day("2016-03-24"), DateSource: model.DateManifest, Text: text}
	ms := []model.Mention{{Span: find("جنيف"), Type: model.MentionPlace}}
	src := model.Source{ArticleID: 2, File: "ar.txt", Span: model.Span{Start: 0, End: len(text)}, Text: text}
	e.Sources = []model.Source{src}
	return e, []SourceDetail{{Source: src, Article: a, Mentions: ms}}
}

// TestExcerptPaneArabicCapture writes the excerpt pane with an Arabic
// source to $UI_KEEP for looking at it. Fyne 2.7 shapes each text run with
// go-text (joined letters, a right-to-left run's glyphs reversed) but lays
// a line's runs and RichText segments out left to right in logical order,
// so a sentence split by highlights or by a number comes out with its
// pieces in the wrong order; this capture is how to see it.
func TestExcerptPaneArabicCapture(t *testing.T) {
	keep := os.Getenv("UI_KEEP")
	if keep == "" {
		t.Skip("UI_KEEP is not set")
	}
	test.NewTempApp(t)
	p := NewExcerptPane()
	e, srcs := arabicSource()
	p.ShowEvent(e, srcs)
	w := test.NewWindow(p.Object())
	defer w.Close()
	w.Resize(fyne.NewSize(620, 520))
	f, err := os.Create(filepath.Join(keep, "excerpt-arabic.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
