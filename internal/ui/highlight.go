package ui

import (
	"sort"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
)

// mentionColor is the colour a mention type is highlighted in; the legend in
// the excerpt pane uses the same three.
func mentionColor(t model.MentionType) (fyne.ThemeColorName, bool) {
	switch t {
	case model.MentionTime:
		return ColorNameTime, true
	case model.MentionPlace:
		return ColorNamePlace, true
	case model.MentionPerson, model.MentionOrg, model.MentionGov:
		return ColorNameActor, true
	}
	return "", false
}

// highlightSegments cuts text (which starts at byte base of its article)
// into inline RichText segments, with the mentions that fall inside it in
// bold and their type's colour. extra spans (the source's time expression)
// are highlighted as times even when extraction stored no mention for them.
func highlightSegments(text string, base int, ms []model.Mention, extra []model.Span) []widget.RichTextSegment {
	type hl struct {
		s, e int
		c    fyne.ThemeColorName
	}
	var hs []hl
	for _, m := range ms {
		c, ok := mentionColor(m.Type)
		if !ok {
			continue
		}
		hs = append(hs, hl{m.Start - base, m.End - base, c})
	}
	for _, sp := range extra {
		if sp.Len() > 0 {
			hs = append(hs, hl{sp.Start - base, sp.End - base, ColorNameTime})
		}
	}
	sort.SliceStable(hs, func(i, j int) bool {
		if hs[i].s != hs[j].s {
			return hs[i].s < hs[j].s
		}
		return hs[i].e > hs[j].e
	})
	var segs []widget.RichTextSegment
	plain := func(s string) {
		if s != "" {
			segs = append(segs, &widget.TextSegment{Text: s, Style: widget.RichTextStyleInline})
		}
	}
	pos := 0
	for _, h := range hs {
		if h.s < pos || h.e > len(text) || h.s >= h.e || !utf8.RuneStart(text[h.s]) || (h.e < len(text) && !utf8.RuneStart(text[h.e])) {
			continue // overlapping, outside this text, or not on a character boundary
		}
		// Fyne's word wrap breaks a segment that starts a word at the end of
		// a line letter by letter; starting the highlight with the space
		// before it gives the wrap a place to break.
		s := h.s
		if s > pos && text[s-1] == ' ' {
			s--
		}
		plain(text[pos:s])
		segs = append(segs, &widget.TextSegment{Text: text[s:h.e], Style: widget.RichTextStyle{
			Inline: true, ColorName: h.c, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true},
		}})
		pos = h.e
	}
	plain(text[pos:])
	return segs
}

// mentionsWithin returns the mentions lying inside span.
func mentionsWithin(ms []model.Mention, span model.Span) []model.Mention {
	var out []model.Mention
	for _, m := range ms {
		if m.Start >= span.Start && m.End <= span.End {
			out = append(out, m)
		}
	}
	return out
}
