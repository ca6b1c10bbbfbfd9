package extract

import (
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// TestEventActorsAreParticipants checks that an event's actors are the
// people and governments taking part in it: subjects, objects, partners
// and agents of its event words and, for statements and agreements, the
// speaker; not news outlets that report it, not governments mentioned as
// a topic or acting in another clause, not the reporter of someone else's
// act.
func TestEventActorsAreParticipants(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name      string
		publisher string
		text      string
		kind      model.Kind
		want      []string
		notWant   []string
	}{
		{
			name:    "agency reporting is no actor",
			text:    "Swedish Foreign Minister Anna Berg and Polish Prime Minister Jan Nowak met in Oslo on Monday, Reuters reported.",
			kind:    model.KindMeeting,
			want:    []string{"Anna Berg", "Jan Nowak"},
			notWant: []string{"Reuters"},
		},
		{
			name:    "a country as the topic of talks",
			text:    "Foreign Minister Anna Berg met Prime Minister Jan Nowak on Monday for talks on Syria, the Associated Press reported.",
			kind:    model.KindMeeting,
			want:    []string{"Anna Berg", "Jan Nowak"},
			notWant: []string{"Syria", "Associated Press"},
		},
		{
			name:    "the outlet told is a source",
			text:    "Foreign Minister Anna Berg told ABC News on Monday that she had agreed to a truce with the rebels.",
			kind:    model.KindAgreement,
			want:    []string{"Anna Berg"},
			notWant: []string{"ABC News"},
		},
		{
			name:    "the platform a speaker wrote on is a medium",
			text:    "Foreign Minister Anna Berg said on Twitter on Monday that she had agreed to a truce with the rebels.",
			kind:    model.KindAgreement,
			want:    []string{"Anna Berg"},
			notWant: []string{"Twitter"},
		},
		{
			name:      "the article's own publisher is a source",
			publisher: "Nordic Ledger",
			text:      "Foreign Minister Anna Berg met Prime Minister Jan Nowak in Oslo on Monday, the Nordic Ledger has learned.",
			kind:      model.KindMeeting,
			want:      []string{"Anna Berg", "Jan Nowak"},
			notWant:   []string{"Nordic Ledger"},
		},
		{
			name: "an outlet publishing is the actor",
			text: "The Washington Herald published the draft treaty on Monday.",
			kind: model.KindPublication,
			want: []string{"Washington Herald"},
		},
		{
			name:    "governments acting, joined by and",
			text:    "Turkey and Qatar agreed on Monday to hold talks.",
			want:    []string{"Türkiye", "Qatar"},
			notWant: nil,
		},
		{
			name: "agents of a passive",
			text: "A ceasefire brokered by France and Qatar took effect on Monday.",
			kind: model.KindCeasefire,
			want: []string{"France", "Qatar"},
		},
		{
			name: "partner after with and a title",
			text: "Foreign Minister Anna Berg held talks on Monday in Oslo with Polish Prime Minister Jan Nowak.",
			kind: model.KindTalks,
			want: []string{"Anna Berg", "Jan Nowak"},
		},
		{
			name: "speaker of an agreement",
			text: "The two sides agreed on Monday to reopen the border, Foreign Minister Anna Berg said.",
			kind: model.KindAgreement,
			want: []string{"Anna Berg"},
		},
		{
			name:    "the reporter of someone else's act",
			text:    "Prime Minister Jan Nowak said on Monday that Russia had annexed the peninsula.",
			kind:    model.KindAnnexation,
			want:    []string{"Russia"},
			notWant: []string{"Jan Nowak"},
		},
		{
			name:    "a state acting through its forces, not the diplomats talking meanwhile",
			text:    "Foreign Minister Anna Berg and Prime Minister Jan Nowak talked on Monday as Russian aircraft hit targets near Palmyra.",
			kind:    model.KindMilitary,
			want:    []string{"Russia"},
			notWant: []string{"Anna Berg", "Jan Nowak"},
		},
		{
			name: "who announces an encounter took part in it",
			text: "Secretary of State Tom Hale made the announcement alongside Foreign Minister Jan Nowak after lengthy discussions in Warsaw on Thursday.",
			kind: model.KindTalks,
			want: []string{"Tom Hale", "Jan Nowak"},
		},
		{
			name: "speakers of a meeting and the partner met",
			text: "Secretary of State Tom Hale and Polish Foreign Minister Jan Nowak announced on Monday following hours of meetings, including one with Polish President Adam Zelek, that they would work together.",
			kind: model.KindMeeting,
			want: []string{"Tom Hale", "Jan Nowak", "Adam Zelek"},
		},
		{
			name:    "who tells of talks elsewhere did not take part",
			text:    "Foreign Minister Jan Nowak told reporters on Friday that talks in Geneva, where a United Nations envoy mediated, concluded on Thursday.",
			kind:    model.KindTalks,
			notWant: []string{"Jan Nowak"},
		},
		{
			name:    "the partner of a topic is not the meeting's",
			text:    "Swedish Foreign Minister Anna Berg met Polish Prime Minister Jan Nowak in Oslo on Monday to discuss the trade deal with Chile.",
			kind:    model.KindMeeting,
			want:    []string{"Anna Berg", "Jan Nowak"},
			notWant: []string{"Chile"},
		},
		{
			name:    "a government acting in another clause",
			text:    "Foreign Minister Anna Berg met Prime Minister Jan Nowak in Oslo on Monday, while France said it would wait.",
			kind:    model.KindMeeting,
			want:    []string{"Anna Berg", "Jan Nowak"},
			notWant: []string{"France"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article(tc.text, "2021-09-08", "")
			a.Publisher = tc.publisher
			ex := x.Extract(a)
			var ev *model.Event
			for i := range ex.Events {
				if tc.kind == "" || ex.Events[i].Kind == tc.kind {
					ev = &ex.Events[i]
					break
				}
			}
			if ev == nil {
				t.Fatalf("no %s event in %+v", tc.kind, ex.Events)
			}
			names := map[string]bool{}
			for _, ac := range ev.Actors {
				names[ac.Name] = true
			}
			for _, w := range tc.want {
				if !names[w] {
					t.Errorf("actors %v lack %q", names, w)
				}
			}
			for _, w := range tc.notWant {
				if names[w] {
					t.Errorf("actors %v include %q", names, w)
				}
			}
		})
	}
}

// TestFalsePlaces checks that capitalised words that are not places in
// context stay out of the places, while places named without a locative
// preposition but on strong evidence stay in.
func TestFalsePlaces(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name      string
		text      string
		notPlaces []string
		places    []string
	}{
		{"a newspaper's short name", "The plan appeared on the Post's website on Monday.", []string{"Post"}, nil},
		{"a historical period", "Ministers met in Oslo on Monday in a mood recalling the Cold War.", []string{"Cold War", "Cold", "War"}, []string{"Oslo"}},
		{"acronyms", "The UN, the EU and NATO condemned the attack on Monday.", []string{"UN", "EU", "NATO"}, nil},
		{"institutions", "Police said the State Department had warned of attacks in Lagos.", []string{"Police", "State"}, []string{"Lagos"}},
		{"a town's name as an adjective", "Reading officials met envoys in Oslo on Monday.", []string{"Reading"}, []string{"Oslo"}},
		{"a common noun that is a town", "Hope and Independence were the themes on Monday.", []string{"Hope", "Independence"}, nil},
		{"a person's name after an honorific", "Mr. Paris met envoys on Monday.", []string{"Paris"}, nil},
		{"a large city needs no preposition", "Aleppo was shelled on Monday.", nil, []string{"Aleppo"}},
		{"a city of the article's country", "Syrian officials said Homs was shelled on Monday.", nil, []string{"Homs"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := x.Extract(article(tc.text, "2021-09-08", ""))
			got := map[string]bool{}
			for _, m := range ex.Mentions {
				if m.Type == model.MentionPlace || m.Type == model.MentionGov {
					got[m.Text] = true
				}
			}
			for _, np := range tc.notPlaces {
				if got[np] {
					t.Errorf("%q taken as a place or government (all: %v)", np, got)
				}
			}
			for _, p := range tc.places {
				if !got[p] {
					t.Errorf("%q not found as a place (all: %v)", p, got)
				}
			}
		})
	}
}

// TestWeakFutureCues checks that "would" in a refusal or reported speech
// and "proposed" as a past act do not push an event's weekday into the
// future, while "will" still does.
func TestWeakFutureCues(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name    string
		text    string
		kind    model.Kind
		start   string
		planned bool
	}{
		{"negated would", "Nowak would not confirm on Wednesday that the envoys met in Oslo.", model.KindMeeting, "2021-09-08", false},
		{"proposed a truce", "Foreign Minister Anna Berg proposed a truce on Wednesday.", model.KindProposal, "2021-09-08", false},
		{"will meet", "Foreign Minister Anna Berg will meet Prime Minister Jan Nowak on Monday.", model.KindMeeting, "2021-09-13", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := x.Extract(article(tc.text, "2021-09-09", "")) // a Thursday
			if len(ex.Events) != 1 {
				t.Fatalf("want one event, got %+v", ex.Events)
			}
			e := ex.Events[0]
			if e.Kind != tc.kind || e.Start.Format("2006-01-02") != tc.start || e.Planned != tc.planned {
				t.Errorf("got %s %s planned=%v, want %s %s planned=%v", e.Kind, e.Start.Format("2006-01-02"), e.Planned, tc.kind, tc.start, tc.planned)
			}
		})
	}
}

// TestUnrealEventsTakeNoPastDay checks that what was only to happen
// ("would meet", "whether he had resigned") is not dated by the past day
// of the sentence that reports it.
func TestUnrealEventsTakeNoPastDay(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name, text string
		notKind    model.Kind
	}{
		{"reported plan", "Foreign Minister Anna Berg said on Wednesday the ministers would meet in Oslo.", model.KindMeeting},
		{"open question", "Prime Minister Jan Nowak would not say on Wednesday whether he had resigned.", model.KindOther},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := x.Extract(article(tc.text, "2021-09-09", ""))
			for _, e := range ex.Events {
				if e.Kind == tc.notKind && !e.Planned {
					t.Errorf("got past %s event %q on %s", e.Kind, e.Title, e.Start.Format("2006-01-02"))
				}
			}
		})
	}
}

// TestEventPlaceInItsClause checks that an event takes a place from its
// own clause, not from a clause it reports.
func TestEventPlaceInItsClause(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name, text string
		kind       model.Kind
		place      string // place name, "" for none
	}{
		{"place of what was announced", "Apple CEO Tim Cook announced on Tuesday that the company would open a store in Paris.", model.KindStatement, ""},
		{"place of the announcement", "Apple CEO Tim Cook announced in Paris on Tuesday that the company would open a store.", model.KindStatement, "Paris"},
		{"place behind scare quotes", "Envoys agreed on Tuesday to set up a “joint group” based in Amman.", model.KindAgreement, "Amman"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := x.Extract(article(tc.text, "2019-09-08", ""))
			if len(ex.Events) != 1 || ex.Events[0].Kind != tc.kind {
				t.Fatalf("want one %s event, got %+v", tc.kind, ex.Events)
			}
			got := ""
			if p := ex.Events[0].Place; p != nil {
				got = p.Name
			}
			if got != tc.place {
				t.Errorf("place %q, want %q", got, tc.place)
			}
		})
	}
}
