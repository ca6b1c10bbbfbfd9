package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
)

// Reader shows one article in full, every mention highlighted, scrolled to
// the excerpt the user came from.
type Reader struct {
	// OnSetDate gives an undated article its publication date; the caller
	// re-resolves its events and refreshes the views.
	OnSetDate func(articleID int64, date time.Time) error

	Article *model.Article
	Excerpt model.Span
	content *fyne.Container
	scroll  *container.Scroll
	target  fyne.CanvasObject
	parent  fyne.Window
}

// NewReader lays out an article's text in paragraphs, with its mentions
// highlighted and the paragraph holding excerpt tinted.
func NewReader(a *model.Article, ms []model.Mention, excerpt model.Span, parent fyne.Window) *Reader {
	r := &Reader{Article: a, Excerpt: excerpt, parent: parent}
	r.build(ms)
	return r
}

// paragraphs splits text at line breaks, keeping byte offsets.
func paragraphs(text string) []model.Span {
	var out []model.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if strings.TrimSpace(text[start:i]) != "" {
				out = append(out, model.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return out
}

// articleTitle is an article's title, or its file's name when it has none.
func articleTitle(a *model.Article) string {
	if a.Title == "" {
		return filepath.Base(a.Path)
	}
	return a.Title
}

func (r *Reader) build(ms []model.Mention) {
	a := r.Article
	// An Arabic or Hebrew title is aligned right like the article's
	// paragraphs (bidi.go).
	head := paragraphText(false, &widget.TextSegment{Text: articleTitle(a), Style: widget.RichTextStyle{
		ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	var meta []string
	if a.Publisher != "" {
		meta = append(meta, a.Publisher)
	}
	if a.HasDate() {
		meta = append(meta, "published "+a.Published.Format("2 Jan 2006")+" ("+string(a.DateSource)+")")
	} else {
		meta = append(meta, "publication date unknown: relative dates in it stay unresolved")
	}
	if a.Path != "" {
		meta = append(meta, a.Path)
	}
	metaL := widget.NewRichText(&widget.TextSegment{Text: strings.Join(meta, "  ·  "), Style: widget.RichTextStyle{
		ColorName: ColorNameMuted, SizeName: theme.SizeNameText}})
	metaL.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(head, metaL)
	if !a.HasDate() {
		setDate := widget.NewButtonWithIcon("Set publication date…", theme.CalendarIcon(), r.askDate)
		setDate.Importance = widget.HighImportance
		top.Add(container.NewHBox(setDate))
	}
	top.Add(container.NewHBox(widget.NewLabel("Highlighted:"), legendRow()))
	top.Add(widget.NewSeparator())

	body := container.NewVBox()
	noise := func(sp model.Span) bool {
		for _, n := range a.Noise {
			if sp.Start >= n.Start && sp.End <= n.End {
				return true
			}
		}
		return false
	}
	for _, sp := range paragraphs(a.Text) {
		segs := highlightSegments(a.Text[sp.Start:sp.End], sp.Start, mentionsWithin(ms, sp), nil)
		if noise(sp) {
			for _, s := range segs {
				if ts, ok := s.(*widget.TextSegment); ok {
					ts.Style.ColorName = ColorNameMuted
					ts.Style.TextStyle.Italic = true
				}
			}
		}
		// A paragraph in Arabic, Persian, Urdu or Hebrew is laid out in
		// visual order (bidi.go); the others stay RichTexts.
		rt := paragraphText(false, segs...)
		obj := rt
		if r.Excerpt.Len() > 0 && r.Excerpt.Start < sp.End && r.Excerpt.End > sp.Start {
			bg := canvas.NewRectangle(withAlpha(themeColor(theme.ColorNamePrimary), 0.14))
			bg.CornerRadius = 4
			bar := canvas.NewRectangle(themeColor(theme.ColorNamePrimary))
			bar.SetMinSize(fyne.NewSize(4, 4))
			obj = container.NewStack(bg, container.NewBorder(nil, nil, bar, nil, rt))
			if r.target == nil {
				r.target = obj
			}
		}
		body.Add(obj)
	}
	r.scroll = container.NewVScroll(container.NewPadded(body))
	r.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, r.scroll)
}

// Content is the reader's canvas object.
func (r *Reader) Content() fyne.CanvasObject { return r.content }

// ScrollToExcerpt brings the excerpt's paragraph into view; call it once the
// reader has been laid out.
func (r *Reader) ScrollToExcerpt() {
	if r.target == nil {
		return
	}
	y := r.target.Position().Y - 24
	if y < 0 {
		y = 0
	}
	r.scroll.ScrollToOffset(fyne.NewPos(0, y))
}

// Offset is the reader's scroll position, for tests.
func (r *Reader) Offset() fyne.Position { return r.scroll.Offset }

func (r *Reader) askDate() {
	if r.parent == nil {
		return
	}
	entry := widget.NewEntry()
	entry.SetPlaceHolder("YYYY-MM-DD")
	entry.Validator = func(s string) error {
		_, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("use YYYY-MM-DD")
		}
		return nil
	}
	dialog.ShowForm("Publication date", "Set", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Published on", entry),
	}, func(ok bool) {
		if !ok || r.OnSetDate == nil {
			return
		}
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(entry.Text))
		if err != nil {
			dialog.ShowError(err, r.parent)
			return
		}
		if err := r.OnSetDate(r.Article.ID, d); err != nil {
			dialog.ShowError(err, r.parent)
		}
	}, r.parent)
}

// ShowReader opens an article in a window of its own, scrolled to excerpt.
func ShowReader(app fyne.App, a *model.Article, ms []model.Mention, excerpt model.Span, onSetDate func(int64, time.Time) error) *Reader {
	w := app.NewWindow("Article — " + articleTitle(a))
	r := NewReader(a, ms, excerpt, w)
	r.OnSetDate = func(id int64, d time.Time) error {
		if onSetDate == nil {
			return nil
		}
		if err := onSetDate(id, d); err != nil {
			return err
		}
		w.Close()
		return nil
	}
	w.SetContent(r.Content())
	w.Resize(fyne.NewSize(760, 680))
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			w.Close()
		}
	})
	w.Show()
	fyne.Do(r.ScrollToExcerpt)
	return r
}
