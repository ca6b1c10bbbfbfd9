package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// segsOf cuts text into plain segments with the words in hl as bold
// highlighted ones, as highlightSegments does for mentions.
func segsOf(text string, hl ...string) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	plain := func(s string) {
		if s != "" {
			segs = append(segs, &widget.TextSegment{Text: s, Style: widget.RichTextStyleInline})
		}
	}
	for _, w := range hl {
		i := strings.Index(text, w)
		plain(text[:i])
		segs = append(segs, &widget.TextSegment{Text: w, Style: widget.RichTextStyle{Inline: true, ColorName: ColorNamePlace}})
		text = text[i+len(w):]
	}
	plain(text)
	return segs
}

// visualRuns is one unwrapped line's runs, left to right, as "text@level"
// with the text as written (the order inside a right-to-left run is left to
// Fyne's shaping).
func visualRuns(p *bidiPara) []string {
	var out []string
	for _, r := range p.runs(0, len(p.runes)) {
		out = append(out, fmt.Sprintf("%s@%d", string(p.runes[r.start:r.end]), r.level))
	}
	return out
}

func TestBidiRunOrder(t *testing.T) {
	for _, c := range []struct {
		name string
		text string
		hl   []string
		ltr  bool
		rtl  bool
		want []string
	}{{
		name: "English sentence quoting Arabic: the quotation is one right-to-left run",
		text: "He said “قال الوزير في جنيف” on Friday.",
		want: []string{"He said “@0", "قال الوزير في جنيف@1", "” on Friday.@0"},
	}, {
		name: "a number inside an Arabic quotation keeps the words around it in order",
		text: "He said “قال 25 مرة” twice.",
		want: []string{"He said “@0", " مرة@1", "25@2", "قال @1", "” twice.@0"},
	}, {
		name: "a number ending an Arabic quotation is read last, on its left",
		text: "He said “الوزير 25”.",
		want: []string{"He said “@0", "25@2", "الوزير @1", "”.@0"},
	}, {
		name: "Arabic sentence with brackets and a number: right to left, the number left to right",
		text: "قال الوزير في (جنيف) باسم الحكومة إن 25 وفدا سيحضرون.",
		rtl:  true,
		want: []string{" وفدا سيحضرون.@1", "25@2", "قال الوزير في (جنيف) باسم الحكومة إن @1"},
	}, {
		name: "a highlighted word is its own run, in its place",
		text: "قال الوزير في (جنيف) باسم الحكومة إن 25 وفدا سيحضرون.",
		hl:   []string{"جنيف"},
		rtl:  true,
		want: []string{" وفدا سيحضرون.@1", "25@2", ") باسم الحكومة إن @1", "جنيف@1", "قال الوزير في (@1"},
	}, {
		name: "English name inside Arabic",
		text: "التقى كيري مع Vladimir Putin في موسكو.",
		rtl:  true,
		want: []string{" في موسكو.@1", "Vladimir Putin@2", "التقى كيري مع @1"},
	}, {
		name: "Hebrew with a year and brackets",
		text: "הכנסת אישרה את החוק ב-2018 (בירושלים).",
		rtl:  true,
		want: []string{" (בירושלים).@1", "2018@2", "הכנסת אישרה את החוק ב-@1"},
	}, {
		name: "Hebrew quoted in English",
		text: "The Knesset passed חוק הלאום in 2018.",
		want: []string{"The Knesset passed @0", "חוק הלאום@1", " in 2018.@0"},
	}, {
		name: "a line of the app's labels quoting an Arabic title stays left to right",
		text: "المحادثات في جنيف   Wire · 24 Mar 2016",
		ltr:  true,
		want: []string{"المحادثات في جنيف@1", "   Wire · 24 Mar 2016@0"},
	}} {
		t.Run(c.name, func(t *testing.T) {
			p := newBidiPara(segsOf(c.text, c.hl...), c.ltr)
			if p.rtl != c.rtl {
				t.Errorf("right to left: %v, want %v", p.rtl, c.rtl)
			}
			if got := visualRuns(p); !reflect.DeepEqual(got, c.want) {
				t.Errorf("runs left to right:\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestBidiDisplayMirrors checks the pieces given to Fyne, left to right: a
// right-to-left run is cut into its words, shaped by Fyne, and the brackets,
// punctuation and spaces around them, reversed and mirrored here.
func TestBidiDisplayMirrors(t *testing.T) {
	p := newBidiPara(segsOf("وصلوا إلى (جنيف)، (دمشق) أمس", "جنيف", "دمشق"), false)
	var got []string
	for _, r := range p.line(0, len(p.runes)) {
		got = append(got, p.display(r))
	}
	want := []string{"أمس", " (", "دمشق", ") ،(", "جنيف", ") ", "وصلوا إلى"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("displayed runs left to right:\n got %q\nwant %q", got, want)
	}
}
