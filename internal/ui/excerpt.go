package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timeline"
	"github.com/briefingatlas/atlas/internal/timex"
)

// SourceDetail is one source sentence of an event with the article it came
// from and the mentions extraction found inside it.
type SourceDetail struct {
	Source   model.Source
	Article  *model.Article // nil when the article could not be read
	Mentions []model.Mention
}

// Action is an edit the user asks for from the excerpt pane.
type Action string

// The edits offered for an event.
const (
	ActionEdit     Action = "edit"   // title, date and place
	ActionStar     Action = "star"   // toggle "in briefing"
	ActionNote     Action = "note"   // add or change the note
	ActionHide     Action = "hide"   // hide the event
	ActionShow     Action = "show"   // show a hidden event again
	ActionMerge    Action = "merge"  // merge another event into this one
	ActionOpenFull Action = "open"   // open the first source in the reader
	ActionRevert   Action = "revert" // drop the user's corrections
)

// orphanedText is the status of an event a changed version of its article
// no longer reports (model.Event.Orphaned).
const orphanedText = "no longer in the source: a newer version of its article dropped it; kept for your edits"

// ExcerptPane shows the selected event with its source sentences, their
// time, place and actor words highlighted, or the events of a selected place.
type ExcerptPane struct {
	// OnOpenArticle opens the reader on a source.
	OnOpenArticle func(s SourceDetail)
	// OnAction performs an edit on the shown event.
	OnAction func(a Action, e model.Event)
	// OnPickEvent selects one of a place's events.
	OnPickEvent func(e model.Event)

	box    *fyne.Container
	scroll *container.Scroll
	event  *model.Event
	srcs   []SourceDetail
}

// NewExcerptPane returns a pane showing the hint for an empty selection.
func NewExcerptPane() *ExcerptPane {
	p := &ExcerptPane{box: container.NewVBox()}
	p.scroll = container.NewVScroll(container.NewPadded(p.box))
	p.ShowHint("Select an event on the timeline, or a place on the map, to read the sentences it came from.")
	return p
}

// Object is the pane's canvas object for layouts.
func (p *ExcerptPane) Object() fyne.CanvasObject { return p.scroll }

// Event returns the event shown, if any.
func (p *ExcerptPane) Event() (model.Event, bool) {
	if p.event == nil {
		return model.Event{}, false
	}
	return *p.event, true
}

// Sources returns the sources shown for the event.
func (p *ExcerptPane) Sources() []SourceDetail { return p.srcs }

// ShowHint replaces the content with a short explanation.
func (p *ExcerptPane) ShowHint(msg string) {
	p.event, p.srcs = nil, nil
	l := widget.NewRichText(&widget.TextSegment{Text: msg, Style: widget.RichTextStyle{
		Alignment: fyne.TextAlignCenter, ColorName: ColorNameMuted, SizeName: theme.SizeNameText}})
	l.Wrapping = fyne.TextWrapWord
	legend := legendRow()
	p.set(layout.NewSpacer(), container.NewCenter(widget.NewIcon(theme.InfoIcon())), l, container.NewCenter(legend), layout.NewSpacer())
}

func (p *ExcerptPane) set(objs ...fyne.CanvasObject) {
	p.box.Objects = objs
	p.box.Refresh()
	p.scroll.ScrollToTop()
}

func legendRow() fyne.CanvasObject {
	chip := func(label string, c fyne.ThemeColorName) fyne.CanvasObject {
		return widget.NewRichText(&widget.TextSegment{Text: label, Style: widget.RichTextStyle{Inline: true, ColorName: c, SizeName: theme.SizeNameCaptionText, TextStyle: fyne.TextStyle{Bold: true}}})
	}
	return container.NewHBox(chip("time", ColorNameTime), chip("place", ColorNamePlace), chip("people & governments", ColorNameActor))
}

func kindTitle(k model.Kind) string {
	s := string(k)
	if s == "" {
		return "Event"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ShowEvent shows an event and its sources.
func (p *ExcerptPane) ShowEvent(e model.Event, srcs []SourceDetail) {
	p.event, p.srcs = &e, srcs
	var objs []fyne.CanvasObject

	swatch := canvas.NewRectangle(kindColor(e.Kind))
	swatch.CornerRadius = 3
	swatch.SetMinSize(fyne.NewSize(6, 6))
	title := widget.NewRichText(&widget.TextSegment{Text: e.Title, Style: widget.RichTextStyle{
		ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	title.Wrapping = fyne.TextWrapWord
	objs = append(objs, container.NewBorder(nil, nil, swatch, nil, title))

	// Facts: when, where, who, kind, confidence.
	when := timeline.FormatDate(&e)
	how := ""
	for _, s := range srcs {
		if s.Source.TimeText != "" {
			when = "“" + s.Source.TimeText + "” → " + when
			how = s.Source.DateHow
			break
		}
		if how == "" {
			how = s.Source.DateHow
		}
	}
	if how != "" {
		when += "  (" + how + ")"
	}
	if e.Planned {
		when += "  · planned"
	}
	where := "no place found"
	if e.Place != nil {
		where = e.Place.Name
		if e.Place.Country != "" && e.Place.Feature != "country" {
			where += ", " + e.Place.Country
		}
		if e.Place.Feature == "disputed" {
			// The gazetteer assigns a disputed area to no country; say so
			// rather than let the reader assume one side's claim.
			where += "  (disputed territory)"
		}
		if e.Place.Ambiguous {
			where += "  (ambiguous)"
		}
	}
	var who []string
	for _, a := range e.Actors {
		who = append(who, a.Name)
	}
	whoS := "—"
	if len(who) > 5 {
		// The first actors are the ones the sentence is about; the rest would
		// push the source sentence out of sight.
		whoS = strings.Join(who[:5], ", ") + fmt.Sprintf(" and %d more", len(who)-5)
	} else if len(who) > 0 {
		whoS = strings.Join(who, ", ")
	}
	fact := func(label, value string, c fyne.ThemeColorName) []widget.RichTextSegment {
		return []widget.RichTextSegment{
			&widget.TextSegment{Text: label + "  ", Style: widget.RichTextStyle{Inline: true, ColorName: ColorNameMuted, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: value, Style: widget.RichTextStyle{Inline: false, ColorName: c, SizeName: theme.SizeNameText}},
		}
	}
	var segs []widget.RichTextSegment
	segs = append(segs, fact("When", when, ColorNameTime)...)
	segs = append(segs, fact("Where", where, ColorNamePlace)...)
	segs = append(segs, fact("Who", whoS, ColorNameActor)...)
	if also := whoAlso(e.Actors[:min(len(e.Actors), 5)]); also != "" {
		// Fyne has no tooltip: the other spellings of the actors are a
		// small line under their names, so that "Sergey Lavrov" in a
		// source reads as the Sergei Lavrov of the Who line.
		segs = append(segs, &widget.TextSegment{Text: also, Style: widget.RichTextStyle{ColorName: ColorNameMuted, SizeName: theme.SizeNameCaptionText}})
	}
	segs = append(segs, fact("Kind", fmt.Sprintf("%s  ·  confidence %.0f%%", kindTitle(e.Kind), e.Confidence*100), theme.ColorNameForeground)...)
	if d := dateDisagreement(srcs); d != "" {
		// Merged reports keep one date; the reader sees when they differ.
		segs = append(segs, fact("Sources differ", d, ColorNameTime)...)
	}
	if e.Orphaned {
		// A corrected article dropped the sentence: the user should not
		// cite the event as reported without knowing.
		segs = append(segs, fact("Status", orphanedText, theme.ColorNameError)...)
	}
	if e.Note != "" {
		segs = append(segs, fact("Note", e.Note, theme.ColorNameForeground)...)
	}
	facts := widget.NewRichText(segs...)
	facts.Wrapping = fyne.TextWrapWord
	objs = append(objs, facts)

	act := func(label string, icon fyne.Resource, a Action) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, func() {
			if p.OnAction != nil {
				p.OnAction(a, e)
			}
		})
		b.Importance = widget.LowImportance
		return b
	}
	star := act("Add to briefing", theme.ContentAddIcon(), ActionStar)
	if e.InBriefing {
		star = act("In briefing ★", theme.ConfirmIcon(), ActionStar)
		star.Importance = widget.HighImportance
	}
	row := container.NewGridWrap(fyne.NewSize(126, 34),
		star,
		act("Edit…", theme.DocumentCreateIcon(), ActionEdit),
		act("Note…", theme.FileTextIcon(), ActionNote),
		act("Merge…", theme.ContentCopyIcon(), ActionMerge),
	)
	if e.Hidden {
		row.Add(act("Show again", theme.VisibilityIcon(), ActionShow))
	} else {
		row.Add(act("Hide", theme.VisibilityOffIcon(), ActionHide))
	}
	if e.Edited {
		row.Add(act("Undo edits", theme.ContentUndoIcon(), ActionRevert))
	}
	head := widget.NewLabelWithStyle(fmt.Sprintf("Sources (%d)", len(srcs)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	objs = append(objs, container.NewBorder(nil, nil, head, legendRow()))
	for _, s := range srcs {
		objs = append(objs, p.sourceCard(s))
	}
	switch {
	case len(srcs) == 0 && e.Orphaned:
		objs = append(objs, widget.NewLabel("The article's newer version no longer has the sentence this event came from."))
	case len(srcs) == 0:
		objs = append(objs, widget.NewLabel("No source sentence stored for this event."))
	}
	objs = append(objs, widget.NewSeparator(), row)
	p.set(objs...)
}

// whoAlso lists the other spellings of actors that have some:
// "Sergei Lavrov also Sergey Lavrov  ·  United States also Washington, U.S.".
func whoAlso(actors []model.Actor) string {
	var parts []string
	for _, a := range actors {
		if s := alsoText(a.Aliases); s != "" {
			parts = append(parts, a.Name+" "+s)
		}
	}
	return strings.Join(parts, "  ·  ")
}

func wrapLabel(s string, c fyne.ThemeColorName) fyne.CanvasObject {
	rt := widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyle{Inline: true, ColorName: c, SizeName: theme.SizeNameText}})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

func (p *ExcerptPane) sourceCard(s SourceDetail) fyne.CanvasObject {
	at := "Untitled article"
	meta := s.Source.File
	if a := s.Article; a != nil {
		if a.Title != "" {
			at = a.Title
		} else if s.Source.File != "" {
			at = s.Source.File
		}
		var parts []string
		if a.Publisher != "" {
			parts = append(parts, a.Publisher)
		}
		if a.HasDate() {
			parts = append(parts, a.Published.Format("2 Jan 2006")+" ("+string(a.DateSource)+")")
		} else {
			parts = append(parts, "publication date unknown")
		}
		if s.Source.DateHow == model.DateHowRetold {
			// The sentence gives no date: say where the event's came from.
			parts = append(parts, "no date here: dated by another report of it")
		}
		if s.Source.File != "" && at != s.Source.File {
			parts = append(parts, s.Source.File)
		}
		meta = strings.Join(parts, "  ·  ")
	}
	// One paragraph: the article's title in bold, then where and when it
	// appeared. It reads left to right like the pane's other labels, an
	// Arabic or Hebrew title in it as one right-to-left run.
	head := paragraphText(true,
		&widget.TextSegment{Text: at + "   ", Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: meta, Style: widget.RichTextStyle{Inline: true, ColorName: ColorNameMuted, SizeName: theme.SizeNameCaptionText}},
	)
	var extra []model.Span
	if s.Source.TimeSpan.Len() > 0 {
		extra = append(extra, s.Source.TimeSpan)
	}
	// A sentence in Arabic, Persian, Urdu or Hebrew takes its own direction
	// and is laid out in visual order (bidi.go).
	quote := paragraphText(false, highlightSegments(s.Source.Text, s.Source.Start, mentionsWithin(s.Mentions, s.Source.Span), extra)...)
	bar := canvas.NewRectangle(themeColor(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(3, 3))
	open := widget.NewButtonWithIcon("Open article", theme.DocumentIcon(), func() {
		if p.OnOpenArticle != nil {
			p.OnOpenArticle(s)
		}
	})
	open.Importance = widget.LowImportance
	bg := canvas.NewRectangle(themeColor(ColorNameCard))
	bg.CornerRadius = 6
	bg.StrokeColor = themeColor(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	body := container.NewVBox(head, container.NewBorder(nil, nil, bar, nil, quote), container.NewHBox(layout.NewSpacer(), open))
	return container.NewStack(bg, container.NewPadded(body))
}

// ShowPlace lists the events at a place, for a tapped map marker.
func (p *ExcerptPane) ShowPlace(pl model.Place, events []model.Event) {
	p.event, p.srcs = nil, nil
	head := widget.NewRichText(&widget.TextSegment{Text: pl.Name, Style: widget.RichTextStyle{
		ColorName: ColorNamePlace, SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	n := widget.NewLabel(fmt.Sprintf("%d events here — highlighted on the timeline. Press Esc to clear.", len(events)))
	n.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{head, n, widget.NewSeparator()}
	for _, e := range events {
		label := timeline.FormatDate(&e) + "   " + e.Title
		b := widget.NewButton(label, func() {
			if p.OnPickEvent != nil {
				p.OnPickEvent(e)
			}
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		objs = append(objs, b)
	}
	p.set(objs...)
}

// dateDisagreement says which articles date an event differently, as
// "Orient News: 15 Jul 2016 (“Friday”) · ABC News: 14 Jul 2016
// (“Thursday”)", or "" when they agree. Each article's own sentences are
// read against its own publication date (timex.SourceDate); an article
// whose sentences give no date of their own says nothing.
func dateDisagreement(srcs []SourceDetail) string {
	type reading struct {
		who, written string
		start, end   time.Time
		label        string
	}
	var readings []reading
	seen := map[int64]bool{}
	for _, s := range srcs {
		id := s.Source.ArticleID
		if seen[id] {
			continue
		}
		var published time.Time
		who := s.Source.File
		if s.Article != nil {
			if s.Article.HasDate() {
				published = s.Article.Published
			}
			if s.Article.Publisher != "" {
				who = s.Article.Publisher
			}
		}
		x, ok := timex.SourceDate(s.Source, published)
		if !ok {
			continue
		}
		seen[id] = true
		label := timeline.FormatDate(&model.Event{Start: x.Start, End: x.End, Precision: x.Precision})
		readings = append(readings, reading{who: who, written: strings.TrimSpace(s.Source.TimeText), start: x.Start, end: x.End, label: label})
	}
	differ := false
	for i := range readings {
		for j := i + 1; j < len(readings); j++ {
			if readings[i].end.Before(readings[j].start) || readings[j].end.Before(readings[i].start) {
				differ = true
			}
		}
	}
	if !differ {
		return ""
	}
	parts := make([]string, len(readings))
	for i, r := range readings {
		parts[i] = fmt.Sprintf("%s: %s (“%s”)", r.who, r.label, r.written)
	}
	return strings.Join(parts, "  ·  ")
}
