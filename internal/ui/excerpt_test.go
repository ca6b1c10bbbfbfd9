package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
)

func TestHighlightSegments(t *testing.T) {
	text := "Kerry met Putin in Moscow on Thursday."
	at := func(word string) model.Span {
		i := strings.Index(text, word)
		return model.Span{Start: 100 + i, End: 100 + i + len(word)}
	}
	men := func(word string, typ model.MentionType) model.Mention {
		return model.Mention{Span: at(word), Type: typ, Text: word}
	}
	tests := []struct {
		name  string
		ms    []model.Mention
		extra []model.Span
		want  map[string]fyne.ThemeColorName
	}{
		{"every type", []model.Mention{men("Kerry", model.MentionPerson), men("Moscow", model.MentionPlace), men("Thursday", model.MentionTime)}, nil,
			map[string]fyne.ThemeColorName{"Kerry": ColorNameActor, "Moscow": ColorNamePlace, "Thursday": ColorNameTime}},
		{"time span without a mention", nil, []model.Span{at("Thursday")}, map[string]fyne.ThemeColorName{"Thursday": ColorNameTime}},
		{"overlap keeps the first", []model.Mention{men("Putin in Moscow", model.MentionOrg), men("Moscow", model.MentionPlace)}, nil,
			map[string]fyne.ThemeColorName{"Putin in Moscow": ColorNameActor}},
		{"outside the sentence ignored", []model.Mention{{Span: model.Span{Start: 5, End: 9}, Type: model.MentionPlace}}, nil, map[string]fyne.ThemeColorName{}},
		{"triggers not coloured", []model.Mention{men("met", model.MentionTrigger)}, nil, map[string]fyne.ThemeColorName{}},
	}
	for _, tt := range tests {
		segs := highlightSegments(text, 100, tt.ms, tt.extra)
		var all strings.Builder
		got := map[string]fyne.ThemeColorName{}
		for _, s := range segs {
			ts := s.(*widget.TextSegment)
			all.WriteString(ts.Text)
			if ts.Style.TextStyle.Bold {
				got[strings.TrimSpace(ts.Text)] = ts.Style.ColorName
			}
		}
		if all.String() != text {
			t.Errorf("%s: segments spell %q", tt.name, all.String())
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: highlighted %v, want %v", tt.name, got, tt.want)
		}
		for w, c := range tt.want {
			if got[w] != c {
				t.Errorf("%s: %q in %q, want %q", tt.name, w, got[w], c)
			}
		}
	}
}

// storySource is a source for the Kremlin meeting in test data, with the
// sentence written here, not taken from the corpus.
func storySource() (model.Event, []SourceDetail) {
	e := storyEvents()[6]
	e.Actors = []model.Actor{{Name: "John Kerry"}, {Name: "Vladimir Putin"}}
	text := "MOSCOW — Secretary of State John Kerry met Vladimir Putin at the Kremlin on Thursday for four hours.\n\nThe talks continued late into the evening."
	sent := model.Span{Start: strings.Index(text, "Secretary"), End: strings.Index(text, "\n")}
	find := func(w string) model.Span {
		i := strings.Index(text, w)
		return model.Span{Start: i, End: i + len(w)}
	}
	a := &model.Article{ID: 1, Path: "kremlin.txt", Title: "Kerry meets Putin", Publisher: "Test Wire",
		Published: day("2016-03-24"), DateSource: model.DateManifest, Text: text}
	ms := []model.Mention{
		{Span: find("MOSCOW"), Type: model.MentionPlace},
		{Span: find("John Kerry"), Type: model.MentionPerson},
		{Span: find("Vladimir Putin"), Type: model.MentionPerson},
		{Span: find("Kremlin"), Type: model.MentionPlace},
		{Span: find("on Thursday"), Type: model.MentionTime},
	}
	src := model.Source{ArticleID: 1, File: "kremlin.txt", Span: sent, Text: text[sent.Start:sent.End],
		TimeText: "on Thursday", TimeSpan: find("on Thursday"), DateHow: "relative to publication"}
	e.Sources = []model.Source{src}
	return e, []SourceDetail{{Source: src, Article: a, Mentions: ms}}
}

func TestExcerptPaneGolden(t *testing.T) {
	for _, mode := range []ThemeMode{ThemeLight, ThemeDark} {
		t.Run(string(mode), func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(&Theme{Mode: mode})
			p := NewExcerptPane()
			e, srcs := storySource()
			p.ShowEvent(e, srcs)
			w := test.NewWindow(p.Object())
			defer w.Close()
			w.Resize(fyne.NewSize(620, 520))
			rts := richTexts(p.Object())
			if got := highlighted(rts, ColorNameTime); len(got) == 0 || got[0] != "on Thursday" {
				t.Errorf("time highlighted: %v", got)
			}
			if got := highlighted(rts, ColorNameActor); len(got) != 2 {
				t.Errorf("actors highlighted: %v", got)
			}
			test.AssertImageMatches(t, "excerpt_"+string(mode)+".png", w.Canvas().Capture())
		})
	}
}

func TestExcerptPaneActions(t *testing.T) {
	test.NewTempApp(t)
	p := NewExcerptPane()
	e, srcs := storySource()
	var got []Action
	p.OnAction = func(a Action, ev model.Event) {
		if ev.ID != e.ID {
			t.Errorf("action on event %d, want %d", ev.ID, e.ID)
		}
		got = append(got, a)
	}
	var opened *SourceDetail
	p.OnOpenArticle = func(s SourceDetail) { opened = &s }
	p.ShowEvent(e, srcs)
	w := test.NewWindow(p.Object())
	defer w.Close()
	for _, b := range buttons(p.Object()) {
		test.Tap(b)
	}
	want := map[Action]bool{ActionStar: true, ActionEdit: true, ActionNote: true, ActionMerge: true, ActionHide: true}
	for _, a := range got {
		delete(want, a)
	}
	if len(want) != 0 {
		t.Errorf("buttons never asked for %v", want)
	}
	if opened == nil || opened.Source.File != "kremlin.txt" {
		t.Error("Open article did not open the source's article")
	}
}

// buttons returns the buttons under o.
func buttons(o fyne.CanvasObject) []*widget.Button { return under[*widget.Button](o) }

func TestReaderScrollsToExcerptAndDates(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(&Theme{Mode: ThemeLight})
	_, srcs := storySource()
	art := *srcs[0].Article
	// A long article, so that the excerpt is far down.
	var b strings.Builder
	for range 60 {
		b.WriteString("A paragraph of background that says nothing in particular about the talks.\n\n")
	}
	shift := b.Len()
	art.Text = b.String() + art.Text
	var ms []model.Mention
	for _, m := range srcs[0].Mentions {
		m.Start += shift
		m.End += shift
		ms = append(ms, m)
	}
	ex := srcs[0].Source.Span
	ex.Start += shift
	ex.End += shift
	art.Published, art.DateSource = time.Time{}, model.DateUnknown

	w := test.NewWindow(nil)
	defer w.Close()
	r := NewReader(&art, ms, ex, w)
	w.SetContent(r.Content())
	w.Resize(fyne.NewSize(700, 600))
	r.ScrollToExcerpt()
	if r.Offset().Y < 500 {
		t.Errorf("reader scrolled to %v, want the excerpt far down", r.Offset())
	}
	if got := highlighted(richTexts(r.Content()), ColorNamePlace); len(got) != 2 {
		t.Errorf("places highlighted in the reader: %v", got)
	}
	if os.Getenv("ATLAS_PREVIEW") != "" {
		savePNG(t, os.Getenv("ATLAS_PREVIEW")+"/reader.png", w.Canvas().Capture())
	}
	// The undated article offers its date; the callback gets it.
	var dated time.Time
	r.OnSetDate = func(id int64, d time.Time) error { dated = d; return nil }
	var setDate *widget.Button
	for _, b := range buttons(r.Content()) {
		if strings.HasPrefix(b.Text, "Set publication date") {
			setDate = b
		}
	}
	if setDate == nil {
		t.Fatal("no Set publication date button for an undated article")
	}
	if err := r.OnSetDate(art.ID, day("2016-03-24")); err != nil || !dated.Equal(day("2016-03-24")) {
		t.Errorf("set date: %v %v", dated, err)
	}
}

// TestExcerptSaysARetellingIsDatedByAnotherReport: a source sentence that
// gives no date, dated by another outlet's report of its event, says so
// on its card; one that gives its date does not.
func TestExcerptSaysARetellingIsDatedByAnotherReport(t *testing.T) {
	test.NewTempApp(t)
	const note = "dated by another report of it"
	for _, tc := range []struct {
		how  string
		want bool
	}{
		{model.DateHowRetold, true},
		{"relative to publication", false},
	} {
		p := NewExcerptPane()
		e, srcs := storySource()
		srcs[0].Source.DateHow = tc.how
		e.Sources[0].DateHow = tc.how
		p.ShowEvent(e, srcs)
		got := false
		for _, r := range under[*widget.RichText](p.Object()) {
			if strings.Contains(r.String(), note) {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("date how %q: note shown %v, want %v", tc.how, got, tc.want)
		}
	}
}
