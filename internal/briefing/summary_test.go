package briefing

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// dated is a day-precision event for the summary tests, cited from the
// given articles (one sentence each).
func dated(title string, d int, conf float64, starred bool, arts ...int64) model.Event {
	e := model.Event{Key: title, Kind: model.KindMeeting, Title: title, Start: day(2016, 3, d), End: day(2016, 3, d),
		Precision: model.PrecisionDay, Confidence: conf, InBriefing: starred, Place: moscow}
	for _, a := range arts {
		e.Sources = append(e.Sources, model.Source{ArticleID: a, File: fmt.Sprintf("%03d.txt", a), Text: title + "."})
	}
	return e
}

// timed is a source sentence whose time words resolve against its
// article's publication date, with offsets as the store keeps them.
func timed(art int64, sentence, when string) model.Source {
	const at = 200 // the sentence's offset in its article
	i := strings.Index(sentence, when)
	return model.Source{ArticleID: art, File: fmt.Sprintf("%03d.txt", art), Span: model.Span{Start: at, End: at + len(sentence)},
		Text: sentence, TimeText: when, TimeSpan: model.Span{Start: at + i, End: at + i + len(when)}, DateHow: "relative to publication"}
}

// articles published on Saturday 16 July 2016, the day after a Friday.
func articles(ids ...int64) map[int64]*model.Article {
	out := map[int64]*model.Article{}
	for _, id := range ids {
		out[id] = &model.Article{ID: id, Path: fmt.Sprintf("/c/%03d.txt", id), Publisher: fmt.Sprintf("Outlet %d", id),
			Published: day(2016, 7, 16), DateSource: model.DateManifest}
	}
	return out
}

func TestKeyEvents(t *testing.T) {
	many := func(n int) []model.Event {
		var evs []model.Event
		for i := 0; i < n; i++ {
			evs = append(evs, dated(fmt.Sprintf("Multi %02d", i), n-i, 0.9, false, 1, 2))
		}
		return evs
	}
	tests := []struct {
		name   string
		events []model.Event
		want   []string // titles expected among the key developments
		n      int      // how many key developments
	}{
		{
			name: "starred and multi-source events first",
			events: []model.Event{
				dated("Weak 1", 1, 0.5, false, 1), dated("Weak 2", 2, 0.5, false, 1), dated("Weak 3", 3, 0.5, false, 1),
				dated("Weak 4", 4, 0.5, false, 1), dated("Weak 5", 5, 0.5, false, 1), dated("Weak 6", 6, 0.5, false, 1),
				dated("Starred late", 28, 0.3, true, 2),
				dated("Two sources", 20, 0.5, false, 1, 2),
				dated("Three sources", 10, 0.4, false, 1, 2, 3),
				dated("Confident", 15, 0.95, false, 3),
			},
			want: []string{"Starred late", "Three sources", "Two sources", "Confident"},
			n:    5, // the weak ones do not pad the list beyond five
		},
		{
			name:   "caps at eight",
			events: many(12),
			n:      8,
		},
		{
			name:   "a short briefing shows all it has",
			events: []model.Event{dated("Only", 3, 0.2, false, 1), dated("Other", 4, 0.2, false, 2)},
			want:   []string{"Only", "Other"},
			n:      2,
		},
		{
			name: "undated events come after dated ones",
			events: []model.Event{
				{Key: "u", Kind: model.KindStatement, Title: "Undated", Confidence: 0.99,
					Sources: []model.Source{{ArticleID: 1, Text: "x"}, {ArticleID: 2, Text: "y"}}},
				dated("A", 1, 0.5, false, 1), dated("B", 2, 0.5, false, 1), dated("C", 3, 0.5, false, 1),
				dated("D", 4, 0.5, false, 1), dated("E", 5, 0.5, false, 1), dated("F", 6, 0.5, false, 1),
			},
			want: []string{"A", "B", "C", "D", "E"},
			n:    5,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := prepare(Briefing{Events: tc.events, Articles: articles(1, 2, 3)})
			keys := d.sum.keys
			if len(keys) != tc.n {
				t.Errorf("%d key developments, want %d", len(keys), tc.n)
			}
			got := map[string]bool{}
			for i, en := range keys {
				got[en.E.Title] = true
				if i > 0 && eventLess(en.E, keys[i-1].E) {
					t.Errorf("key developments out of date order: %q after %q", en.E.Title, keys[i-1].E.Title)
				}
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("key developments lack %q; got %v", w, got)
				}
			}
		})
	}
}

func TestDisputes(t *testing.T) {
	meeting := func(srcs ...model.Source) model.Event {
		return model.Event{Key: "m", Kind: model.KindMeeting, Title: "Ministers meet", Start: day(2016, 7, 14), End: day(2016, 7, 15),
			Precision: model.PrecisionRange, Place: moscow, Confidence: 0.9, Sources: srcs}
	}
	tests := []struct {
		name     string
		event    model.Event
		mentions map[int64][]model.Mention
		want     []string // in the dispute's line; none means the sources agree
	}{
		{
			name: "two sources give different days",
			event: meeting(timed(1, "The ministers agreed on Friday on new steps.", "Friday"),
				timed(2, "The talks stretched throughout Thursday.", "Thursday")),
			want: []string{"Outlet 1 [1] dates it 15 Jul 2016 (“Friday”)", "Outlet 2 [2], 14 Jul 2016 (“Thursday”)"},
		},
		{
			name: "a day within a month agrees with it",
			event: meeting(timed(1, "The truce began on Feb. 27 in the north.", "Feb. 27"),
				timed(2, "The truce brokered in February has collapsed.", "February")),
		},
		{
			name: "one article's own sentences never disagree",
			event: meeting(timed(1, "The ministers agreed on Friday on new steps.", "Friday"),
				timed(1, "The talks stretched throughout Thursday.", "Thursday")),
		},
		{
			name: "publication-day sources give no date",
			event: meeting(timed(1, "The ministers agreed on Friday on new steps.", "Friday"),
				model.Source{ArticleID: 2, Text: "The ministers met.", DateHow: "publication day"}),
		},
		{
			name: "two sources name different towns",
			event: meeting(model.Source{ArticleID: 1, Span: model.Span{Start: 0, End: 40}, Text: "The ministers met in Moscow."},
				model.Source{ArticleID: 2, Span: model.Span{Start: 0, End: 40}, Text: "The ministers met in Geneva."}),
			mentions: map[int64][]model.Mention{
				1: {{Span: model.Span{Start: 21, End: 27}, Type: model.MentionPlace, Text: "Moscow", Value: moscow.Key}},
				2: {{Span: model.Span{Start: 21, End: 27}, Type: model.MentionPlace, Text: "Geneva", Value: geneva.Key}},
			},
			want: []string{"Outlet 1 [1] places it in Moscow, ", "Outlet 2 [2], Geneva, "},
		},
		{
			name: "the same town under two names agrees",
			event: meeting(model.Source{ArticleID: 1, Span: model.Span{Start: 0, End: 40}, Text: "The ministers met in Moscow."},
				model.Source{ArticleID: 2, Span: model.Span{Start: 0, End: 40}, Text: "The ministers met at the Kremlin."}),
			mentions: map[int64][]model.Mention{
				1: {{Span: model.Span{Start: 21, End: 27}, Type: model.MentionPlace, Text: "Moscow", Value: moscow.Key}},
				2: {{Span: model.Span{Start: 25, End: 32}, Type: model.MentionPlace, Text: "Kremlin", Value: moscow.Key}},
			},
		},
	}
	// The fixture's towns, without loading the world gazetteer.
	saved := placeByKey
	defer func() { placeByKey = saved }()
	placeByKey = func(key string) (*model.Place, bool) {
		for _, p := range []*model.Place{moscow, geneva, amman, palmyra} {
			if p.Key == key {
				return p, true
			}
		}
		return nil, false
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := prepare(Briefing{Events: []model.Event{tc.event}, Articles: articles(1, 2), Mentions: tc.mentions})
			ds := d.sum.disputes
			if len(tc.want) == 0 {
				if len(ds) != 0 {
					t.Errorf("reported a disagreement: %s", ds[0].line(d, func(s string) string { return s }))
				}
				return
			}
			if len(ds) != 1 {
				t.Fatalf("%d disagreements, want 1", len(ds))
			}
			line := ds[0].line(d, func(s string) string { return s })
			for _, w := range tc.want {
				if !strings.Contains(line, w) {
					t.Errorf("disagreement %q lacks %q", line, w)
				}
			}
		})
	}
}

// TestMarkdownSummaryHeadsDocument checks that the summary comes before the
// figures and the events, and cites with the sources list's numbers.
func TestMarkdownSummaryHeadsDocument(t *testing.T) {
	b := sampleBriefing()
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, b, MarkdownFigures{Map: "m.png", Timeline: "t.png"}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	sum := strings.Index(md, "## Summary")
	if sum < 0 {
		t.Fatalf("no summary in:\n%s", md)
	}
	for _, later := range []string{"![Map", "![Timeline", "## Events", "## Sources"} {
		if i := strings.Index(md, later); i < sum {
			t.Errorf("%q at %d is not after the summary at %d", later, i, sum)
		}
	}
	if i := strings.Index(md, "\n## "); i != sum-1 {
		t.Errorf("the summary is not the first section")
	}
	for _, want := range []string{
		"This briefing covers 7 events from 2012 to Aug 2016, reported in 4 sources.",
		"**Key developments**",
		// Starred, so chosen; cited from article 1, the first source listed.
		"- **7 May 2013** · Kerry meets Lavrov in Moscow; both pledge to work together — “a new start” · Moscow, Russia · event 2 [1]",
		"**Where the sources disagree**\n\n" + agreeText,
		"1. Wire Service, “Diplomats Meet Again Over Syria”, 7 May 2013",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

// TestPDFSummary checks the summary's text on page one of the PDF.
func TestPDFSummary(t *testing.T) {
	b := sampleBriefing()
	text := pdfText(t, export(t, b, PDF, A4))
	sum := strings.Index(text, "Summary")
	events := strings.Index(text, "Events ")
	if sum < 0 || events < sum {
		t.Fatalf("summary at %d, events at %d", sum, events)
	}
	for _, want := range []string{"This briefing covers 7 events", "KEY DEVELOPMENTS", "WHERE THE SOURCES DISAGREE", agreeText,
		"7 May 2013 Kerry meets Lavrov in Moscow"} {
		if !strings.Contains(text[sum:events], want) {
			t.Errorf("PDF summary lacks %q", want)
		}
	}
}

// mentionLib is a Library that also lists mentions, as the store does.
type mentionLib struct{ events []model.Event }

func (l mentionLib) Starred() ([]model.Event, error) { return l.events, nil }

func (l mentionLib) Article(id int64) (*model.Article, error) { return articles(id)[id], nil }

func (l mentionLib) MentionsIn(id int64) ([]model.Mention, error) {
	return []model.Mention{
		{Span: model.Span{Start: 1, End: 5}, Type: model.MentionPlace, Value: moscow.Key},
		{Span: model.Span{Start: 7, End: 11}, Type: model.MentionPerson, Value: "Kerry"},
	}, nil
}

func TestGatherKeepsPlaceMentions(t *testing.T) {
	b, err := Gather(mentionLib{[]model.Event{dated("Starred", 3, 0.9, true, 1, 2)}}, nil, "", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{1, 2} {
		if ms := b.Mentions[id]; len(ms) != 1 || ms[0].Type != model.MentionPlace {
			t.Errorf("article %d: mentions %v, want its one place", id, ms)
		}
	}
}
