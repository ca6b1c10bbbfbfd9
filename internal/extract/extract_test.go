package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

// testExtractor returns an extractor with the real embedded gazetteer.
func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatalf("load gazetteer: %v", err)
	}
	return New(g)
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// article builds an article the way ingest would, for tests.
func article(text, published, dateline string) *model.Article {
	a := &model.Article{ID: 7, Path: "/tmp/news/story.txt", SHA256: "abc", Text: text, Dateline: dateline, DateSource: model.DateUnknown}
	if published != "" {
		a.Published, a.DateSource = day(published), model.DateManifest
	}
	return a
}

func mentionsOf(x model.Extraction, typ model.MentionType) map[string]string {
	out := map[string]string{}
	for _, m := range x.Mentions {
		if m.Type == typ {
			out[m.Text] = m.Value
		}
	}
	return out
}

func TestActors(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name    string
		text    string
		persons map[string]string // text as written → canonical name
		orgs    map[string]string
		govs    map[string]string
	}{
		{
			name: "titles and aliases",
			text: "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday. Merkel said the talks went well. Macron agreed.",
			persons: map[string]string{"Angela Merkel": "Angela Merkel", "Emmanuel Macron": "Emmanuel Macron",
				"Merkel": "Angela Merkel", "Macron": "Emmanuel Macron"},
		},
		{
			name:    "spelling variants of a first name",
			text:    "Foreign Minister Sergei Ivanov spoke on Monday. Later, Sergey Ivanov met the envoy. Ivanov left.",
			persons: map[string]string{"Sergei Ivanov": "Sergei Ivanov", "Sergey Ivanov": "Sergei Ivanov", "Ivanov": "Sergei Ivanov"},
		},
		{
			name:    "lower-case title after a comma",
			text:    "Talks resumed after Japan's prime minister, Hiro Tanaka, arrived in Tokyo on Friday.",
			persons: map[string]string{"Hiro Tanaka": "Hiro Tanaka"},
		},
		{
			name: "acronym in parentheses and organisation head words",
			text: "The National Reform Council (NRC) rejected the plan on Tuesday. The NRC said the Justice Ministry had not consulted it.",
			orgs: map[string]string{"National Reform Council": "National Reform Council", "NRC": "National Reform Council", "Justice Ministry": "Justice Ministry"},
		},
		{
			name: "known organisations by short names",
			text: "The U.N. and NATO condemned the attack on Sunday, while Daesh claimed it.",
			orgs: map[string]string{"U.N.": "United Nations", "NATO": "NATO", "Daesh": "Islamic State"},
		},
		{
			name: "capitals and seats acting are governments",
			text: "Paris and Berlin agreed on Monday to send aid. The Kremlin said it was not consulted. Tokyo's decision surprised analysts.",
			govs: map[string]string{"Paris": "France", "Berlin": "Germany", "Kremlin": "Russia", "Tokyo": "Japan"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := x.Extract(article(tc.text, "2019-05-06", ""))
			check := func(typ model.MentionType, want map[string]string) {
				got := mentionsOf(ex, typ)
				for text, canon := range want {
					if got[text] != canon {
						t.Errorf("%s mention %q = %q, want %q (all: %v)", typ, text, got[text], canon, got)
					}
				}
			}
			check(model.MentionPerson, tc.persons)
			check(model.MentionOrg, tc.orgs)
			check(model.MentionGov, tc.govs)
		})
	}
}

func TestPlacesAndMetonymy(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name      string
		text      string
		place     string // written name that must be a place mention
		country   string // its country
		notPlaces []string
	}{
		{"Palmyra in an article about Syria", "Syrian troops advanced on Tuesday. Russian aircraft hit targets around the ancient city, Palmyra, in Syria.", "Palmyra", "SY", nil},
		{"Paris in a French story", "French police raided a flat in Paris on Monday.", "Paris", "FR", nil},
		{"capital acting is no place", "Washington is wary of the deal, and Moscow said it would wait. Envoys met in Geneva on Friday.", "Geneva", "CH", []string{"Washington", "Moscow"}},
		{"at the Kremlin is Moscow", "Leaders met at the Kremlin on Monday.", "Kremlin", "RU", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := x.Extract(article(tc.text, "2016-03-24", ""))
			found := false
			for _, m := range ex.Mentions {
				if m.Type != model.MentionPlace {
					continue
				}
				for _, np := range tc.notPlaces {
					if m.Text == np {
						t.Errorf("%q taken as a place, want a government", np)
					}
				}
				if m.Text == tc.place {
					found = true
				}
			}
			if !found {
				t.Fatalf("no place mention %q in %+v", tc.place, ex.Mentions)
			}
			for _, e := range ex.Events {
				if e.Place != nil && e.Place.Country != tc.country {
					t.Errorf("event %q placed in %s (%s), want country %s", e.Title, e.Place.Name, e.Place.Country, tc.country)
				}
			}
		})
	}
}

// wantEvent describes an event a test expects.
type wantEvent struct {
	kind    model.Kind
	start   string // "" for undated
	end     string
	planned bool
	place   string // country code of the place, "" for none
	placeAs string // the place's name, "" to skip
	how     string // DateHow of the first source
	title   string // substring of the title, "" to skip
	actor   string // a name among the actors, "" to skip
}

func TestEvents(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name      string
		text      string
		published string
		dateline  string
		want      []wantEvent
	}{
		{
			name:      "explicit and relative dates, places, planned deadline",
			published: "2019-05-10", // a Friday
			text: "Ukrainian President Petro Marenko met Polish Prime Minister Jan Nowak in Warsaw on Thursday. " +
				"The two leaders agreed to hold a donor conference in Kyiv next month. " +
				"Poland annexed nothing, but Hungary signed a trade agreement with Austria on March 3, 2019. " +
				"The ceasefire, which took effect on April 2, has largely held across Ukraine.",
			want: []wantEvent{
				{kind: model.KindMeeting, start: "2019-05-09", place: "PL", how: "relative to publication", title: "Marenko meets Nowak in Warsaw"},
				{kind: model.KindConference, start: "2019-06-01", end: "2019-06-30", planned: true, place: "UA"},
				{kind: model.KindAgreement, start: "2019-03-03", how: "explicit"},
				{kind: model.KindCeasefire, start: "2019-04-02", place: "UA"},
			},
		},
		{
			name:      "the story's day dates untimed past events; the dateline places them",
			published: "2018-11-20",
			dateline:  "NAIROBI",
			text: "NAIROBI - Kenyan and Somali envoys agreed today to reopen the border. " +
				"Envoys met for six hours at the State House before the announcement. " +
				"Observers say the deal will be hard to enforce.",
			want: []wantEvent{
				{kind: model.KindMeeting, start: "2018-11-20", place: "KE", how: "relative to publication"},
			},
		},
		{
			name: "no publication date: relative dates stay undated",
			text: "Kenyan and Somali envoys agreed on Tuesday to reopen the border. " +
				"Ethiopia annexed the disputed strip two years ago. " +
				"The treaty was signed in Addis Ababa on June 4, 2015.",
			want: []wantEvent{
				{kind: model.KindAgreement, how: "undated"},
				{kind: model.KindAnnexation, how: "undated"},
				{kind: model.KindAgreement, start: "2015-06-04", place: "ET", how: "explicit"},
			},
		},
		{
			name:      "the place of the act, not of the traveller; a setting noun does not make the kind",
			published: "2021-06-11", // a Friday
			text: "The envoy was sent to Paris by the president after Germany's announcement last week that it was withdrawing its forces from Mali. " +
				"On Wednesday, the opposition group at the talks, the National Unity Council (NUC), complained that nothing had changed.",
			want: []wantEvent{
				{kind: model.KindWithdrawal, start: "2021-05-31", end: "2021-06-06", place: "ML", how: "relative to publication", title: "Germany withdraws from Mali"},
				{kind: model.KindStatement, start: "2021-06-09", title: "Statement by NUC"},
			},
		},
		{
			name:      "quotes, modals and negations are not events",
			published: "2020-02-14",
			text: "\"We will meet again and we will sign a treaty,\" the minister said. " +
				"The rebels did not attack the town. " +
				"Officials would not say whether troops had withdrawn.",
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article(tc.text, tc.published, tc.dateline)
			ex := x.Extract(a)
			got := ex.Events
			if len(got) != len(tc.want) {
				for _, e := range got {
					t.Logf("got %s %s..%s planned=%v place=%v %q", e.Kind, e.Start.Format("2006-01-02"), e.End.Format("2006-01-02"), e.Planned, e.Place, e.Title)
				}
				t.Fatalf("got %d events, want %d", len(got), len(tc.want))
			}
			for i, w := range tc.want {
				e := got[i]
				if e.Kind != w.kind {
					t.Errorf("event %d kind %s, want %s", i, e.Kind, w.kind)
				}
				start := ""
				if e.Dated() {
					start = e.Start.Format("2006-01-02")
				}
				if start != w.start {
					t.Errorf("event %d (%s) start %q, want %q", i, e.Title, start, w.start)
				}
				if w.end != "" && e.End.Format("2006-01-02") != w.end {
					t.Errorf("event %d end %s, want %s", i, e.End.Format("2006-01-02"), w.end)
				}
				if e.Planned != w.planned {
					t.Errorf("event %d planned %v, want %v", i, e.Planned, w.planned)
				}
				pc := ""
				if e.Place != nil {
					pc = e.Place.Country
				}
				if pc != w.place {
					t.Errorf("event %d (%s) place country %q, want %q", i, e.Title, pc, w.place)
				}
				if w.how != "" && e.Sources[0].DateHow != w.how {
					t.Errorf("event %d date how %q, want %q", i, e.Sources[0].DateHow, w.how)
				}
				if w.title != "" && e.Title != w.title {
					t.Errorf("event %d title %q, want %q", i, e.Title, w.title)
				}
				for _, s := range e.Sources {
					if a.Text[s.Start:s.End] != s.Text || s.File != "story.txt" || s.ArticleID != 7 {
						t.Errorf("source %+v does not point at its text", s)
					}
					if s.TimeText != "" && a.Text[s.TimeSpan.Start:s.TimeSpan.End] != s.TimeText {
						t.Errorf("time span %v is not %q", s.TimeSpan, s.TimeText)
					}
				}
				if e.Confidence <= 0 || e.Confidence >= 1 {
					t.Errorf("confidence %v out of (0,1)", e.Confidence)
				}
			}
		})
	}
}

// TestMentionsMatchTheirText: every mention's text is the text of its
// span, two days joined by "and" too (the store checks it, and highlights
// by the span).
func TestMentionsMatchTheirText(t *testing.T) {
	x := testExtractor(t)
	a := article("Protesters marched in Ankara on Monday and Tuesday. Talks in Geneva ran on Friday night and Saturday.", "2016-07-20", "")
	ext := x.Extract(a)
	joined := false
	for _, m := range ext.Mentions {
		if got := a.Text[m.Start:m.End]; got != m.Text {
			t.Errorf("%s mention %q spans %q", m.Type, m.Text, got)
		}
		if m.Type == model.MentionTime && m.Text == "Monday and Tuesday" {
			joined = true
		}
	}
	if !joined {
		t.Error("no time mention \"Monday and Tuesday\"")
	}
}

func TestNoiseIsSkipped(t *testing.T) {
	x := testExtractor(t)
	text := "Envoys met in Oslo on Monday. Photo caption: troops attacked Bergen on Sunday. Related Topics"
	a := article(text, "2021-09-08", "")
	i := strings.Index(text, "Photo")
	a.Noise = []model.Span{{Start: i, End: len(text)}}
	ex := x.Extract(a)
	for _, s := range ex.Sentences {
		if s.End > i {
			t.Errorf("sentence %q inside noise", text[s.Start:s.End])
		}
	}
	if len(ex.Events) != 1 || ex.Events[0].Kind != model.KindMeeting {
		t.Fatalf("events %+v, want the one meeting", ex.Events)
	}
}

// TestEventKeyIsStable checks that event keys are the same on every
// extraction and unique within an article, also for two events of one kind
// told in one sentence.
func TestEventKeyIsStable(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name   string
		text   string
		events int
	}{
		{"two sentences", "Envoys met in Oslo on Monday. Troops attacked Bergen on Sunday.", 2},
		{"two strikes in one sentence", "Rebels attacked Homs on Monday, and the army attacked Hama on Tuesday.", 2},
		{"two meetings in one sentence", "The envoys met on Monday in Oslo, and they met again on Thursday in Bergen.", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := x.Extract(article(tc.text, "2021-09-08", "")), x.Extract(article(tc.text, "2021-09-08", ""))
			if len(a.Events) != tc.events || len(b.Events) != tc.events {
				t.Fatalf("want %d events, got %d and %d", tc.events, len(a.Events), len(b.Events))
			}
			// The first event of a kind in a sentence keeps the key of
			// earlier versions (hash of article, sentence start and kind),
			// so that edits made before this version survive.
			legacy := sha256.Sum256([]byte("abc:" + strconv.Itoa(a.Events[0].Sources[0].Start) + ":" + string(a.Events[0].Kind)))
			if a.Events[0].Key != hex.EncodeToString(legacy[:8]) {
				t.Errorf("first key %q changed from the earlier scheme", a.Events[0].Key)
			}
			seen := map[string]bool{}
			for i := range a.Events {
				if a.Events[i].Key != b.Events[i].Key || a.Events[i].Key == "" {
					t.Errorf("key %q vs %q", a.Events[i].Key, b.Events[i].Key)
				}
				if seen[a.Events[i].Key] {
					t.Errorf("two events share key %q", a.Events[i].Key)
				}
				seen[a.Events[i].Key] = true
			}
		})
	}
}

// TestWithoutGazetteer checks the promise of New(nil): text that names
// landmarks, capitals and countries extracts without places or
// governments, and without a crash.
func TestWithoutGazetteer(t *testing.T) {
	x := New(nil)
	tests := []struct {
		name, text string
	}{
		{"landmark acting", "The Kremlin said on Monday that talks would resume."},
		{"landmark as place", "Envoys met at the White House on Tuesday."},
		{"capital acting", "Moscow rejected the plan on Friday."},
		{"country", "Russia and the United States agreed on a ceasefire in Syria on Friday."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := x.Extract(article(tc.text, "2016-02-22", "MOSCOW"))
			for _, m := range ex.Mentions {
				if m.Type == model.MentionPlace || m.Type == model.MentionGov {
					t.Errorf("mention %q as %s without a gazetteer", m.Text, m.Type)
				}
			}
		})
	}
}
