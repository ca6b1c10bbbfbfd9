package extract

import (
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

func ev(kind model.Kind, start, end string, place *model.Place, actors ...model.Actor) model.Event {
	e := model.Event{Kind: kind, Start: day(start), End: day(end), Precision: model.PrecisionDay, Place: place, Actors: actors}
	if start != end {
		e.Precision = model.PrecisionRange
	}
	e.Sources = []model.Source{{File: start + string(kind), Span: model.Span{Start: 1, End: 2}}}
	return e
}

// said gives an event a source sentence, which cross-outlet merging reads.
func said(e model.Event, text string) model.Event {
	e.Sources[0].Text = text
	return e
}

var (
	oslo    = &model.Place{Key: "gn:1", Name: "Oslo", Country: "NO", Lat: 59.91, Lon: 10.75, Feature: "PPLC"}
	bergen  = &model.Place{Key: "gn:2", Name: "Bergen", Country: "NO", Lat: 60.39, Lon: 5.32, Feature: "PPLA"}
	norway  = &model.Place{Key: "ne:NO", Name: "Norway", Country: "NO", Lat: 61, Lon: 8, Feature: "country"}
	smith   = model.Actor{Name: "Anna Smith", Type: model.ActorPerson}
	smith2  = model.Actor{Name: "Smith", Type: model.ActorPerson}
	jones   = model.Actor{Name: "Lee Jones", Type: model.ActorPerson}
	sergei  = model.Actor{Name: "Sergei Ivanov", Type: model.ActorPerson}
	sergey  = model.Actor{Name: "Sergey Ivanov", Type: model.ActorPerson}
	norGov  = model.Actor{Name: "Norway", Type: model.ActorGov}
	unOrg   = model.Actor{Name: "United Nations", Type: model.ActorOrg, Aliases: []string{"UN"}}
	unShort = model.Actor{Name: "UN", Type: model.ActorOrg}
)

func TestSameEvent(t *testing.T) {
	tests := []struct {
		name string
		a, b model.Event
		want bool
	}{
		{"same meeting, two articles", ev(model.KindMeeting, "2020-01-02", "2020-01-02", oslo, smith), ev(model.KindTalks, "2020-01-02", "2020-01-02", nil, smith2), true},
		{"facets of one encounter, spelling variants", ev(model.KindAgreement, "2020-01-02", "2020-01-02", nil, sergei), ev(model.KindStatement, "2020-01-02", "2020-01-02", oslo, sergey), true},
		{"talks past midnight: adjacent days with a shared actor", ev(model.KindMeeting, "2020-01-02", "2020-01-02", oslo, smith), ev(model.KindMeeting, "2020-01-03", "2020-01-03", oslo, smith), true},
		{"two days apart", ev(model.KindMeeting, "2020-01-02", "2020-01-02", oslo, smith), ev(model.KindMeeting, "2020-01-04", "2020-01-04", oslo, smith), false},
		{"different cities", ev(model.KindMeeting, "2020-01-02", "2020-01-02", oslo, smith), ev(model.KindMeeting, "2020-01-02", "2020-01-02", bergen, smith), false},
		{"different people, no shared place", ev(model.KindMeeting, "2020-01-02", "2020-01-02", nil, smith), ev(model.KindMeeting, "2020-01-02", "2020-01-02", oslo, jones), false},
		{"different kinds", ev(model.KindMeeting, "2020-01-02", "2020-01-02", oslo, smith), ev(model.KindMilitary, "2020-01-02", "2020-01-02", oslo, smith), false},
		{"ceasefire month and day", said(ev(model.KindCeasefire, "2020-02-01", "2020-02-29", norway), "A truce between loggers and fishermen held in February."), said(ev(model.KindCeasefire, "2020-02-27", "2020-02-27", nil), "The loggers' truce with the fishermen held on Thursday."), true},
		{"one day, one city, nothing else in common", said(ev(model.KindAttack, "2020-02-27", "2020-02-27", oslo), "A bomb exploded outside a bank in Oslo."), said(ev(model.KindAttack, "2020-02-27", "2020-02-27", oslo), "A man stabbed two tourists at the harbour."), false},
		{"two outlets, one fire", said(ev(model.KindDisaster, "2020-02-27", "2020-02-27", oslo), "Fire swept through the old opera house in Oslo on Thursday."), said(ev(model.KindDisaster, "2020-02-27", "2020-02-27", nil), "Flames gutted the opera house on Thursday evening."), true},
		{"attack and military action are one family", said(ev(model.KindAttack, "2020-02-27", "2020-02-27", bergen), "Gunmen seized the harbour of Bergen."), said(ev(model.KindMilitary, "2020-02-27", "2020-02-27", bergen), "Gunmen took control of the Bergen harbour."), true},
		{"organisation by alias", ev(model.KindConference, "2020-03-01", "2020-03-01", nil, unOrg), ev(model.KindConference, "2020-03-01", "2020-03-01", nil, unShort), true},
		{"government and city in its country", said(ev(model.KindMilitary, "2020-03-01", "2020-03-01", norway, norGov), "Norway shelled the rebel positions on the fjord."), said(ev(model.KindMilitary, "2020-03-01", "2020-03-01", bergen), "Rebel positions near Bergen were shelled."), true},
		{"a middle name written or not", ev(model.KindPolitical, "2011-02-11", "2011-02-11", nil, model.Actor{Name: "Hosni Mubarak", Type: model.ActorPerson}), ev(model.KindPolitical, "2011-02-11", "2011-02-11", nil, model.Actor{Name: "Mohammed Hosni Mubarak", Type: model.ActorPerson}), true},
		{"undated never merge", model.Event{Kind: model.KindMeeting, Actors: []model.Actor{smith}}, model.Event{Kind: model.KindMeeting, Actors: []model.Actor{smith}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SameEvent(&tc.a, &tc.b); got != tc.want {
				t.Errorf("SameEvent = %v, want %v", got, tc.want)
			}
			if got := SameEvent(&tc.b, &tc.a); got != tc.want {
				t.Errorf("SameEvent reversed = %v, want %v", got, tc.want)
			}
			// The store's screen must let every pair SameEvent joins through.
			if tc.want && (!MaySameEvent(&tc.a, &tc.b) || !MaySameEvent(&tc.b, &tc.a)) {
				t.Errorf("MaySameEvent rejects a pair SameEvent joins")
			}
		})
	}
}

// TestMaySameEventRejects lists what the screen may reject without the
// events' sentences, and what it must not.
func TestMaySameEventRejects(t *testing.T) {
	planned := ev(model.KindMeeting, "2020-01-02", "2020-01-02", oslo, smith)
	planned.Planned = true
	tests := []struct {
		name string
		a, b model.Event
		want bool
	}{
		{"same kind, city and day", ev(model.KindAttack, "2020-02-27", "2020-02-27", oslo), ev(model.KindAttack, "2020-02-27", "2020-02-27", oslo), true},
		{"one family of kinds", ev(model.KindAttack, "2020-02-27", "2020-02-27", oslo), ev(model.KindMilitary, "2020-02-27", "2020-02-27", nil), true},
		{"a city and its country", ev(model.KindMilitary, "2020-03-01", "2020-03-01", norway), ev(model.KindMilitary, "2020-03-01", "2020-03-01", bergen), true},
		{"different kinds", ev(model.KindMeeting, "2020-01-02", "2020-01-02", oslo, smith), ev(model.KindMilitary, "2020-01-02", "2020-01-02", oslo, smith), false},
		{"different cities", ev(model.KindMeeting, "2020-01-02", "2020-01-02", oslo, smith), ev(model.KindMeeting, "2020-01-02", "2020-01-02", bergen, smith), false},
		{"planned and done", planned, ev(model.KindMeeting, "2020-01-02", "2020-01-02", oslo, smith), false},
		{"undated", model.Event{Kind: model.KindMeeting}, ev(model.KindMeeting, "2020-01-02", "2020-01-02", oslo), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := MaySameEvent(&tc.a, &tc.b); got != tc.want {
				t.Errorf("MaySameEvent = %v, want %v", got, tc.want)
			}
			if got := MaySameEvent(&tc.b, &tc.a); got != tc.want {
				t.Errorf("MaySameEvent reversed = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestMergeAll(t *testing.T) {
	a := ev(model.KindAgreement, "2020-01-02", "2020-01-02", nil, sergei, smith2)
	b := ev(model.KindMeeting, "2020-01-03", "2020-01-03", oslo, sergey, smith)
	c := said(ev(model.KindCeasefire, "2020-02-01", "2020-02-29", norway), "A truce between loggers and fishermen held in February.")
	d := said(ev(model.KindCeasefire, "2020-02-27", "2020-02-27", nil), "The loggers' truce with the fishermen held on Thursday.")
	a.Confidence, b.Confidence = 0.7, 0.8
	out := MergeAll([]model.Event{a, c, b, d})
	if len(out) != 2 {
		t.Fatalf("got %d events, want 2: %+v", len(out), out)
	}
	m := out[0]
	if m.Kind != model.KindMeeting || m.Place != oslo || len(m.Sources) != 2 {
		t.Errorf("merged meeting: kind %s place %v sources %d", m.Kind, m.Place, len(m.Sources))
	}
	if m.Start != day("2020-01-02") || m.End != day("2020-01-03") || m.Precision != model.PrecisionRange {
		t.Errorf("merged dates %v..%v %s, want both days", m.Start, m.End, m.Precision)
	}
	if len(m.Actors) != 2 || m.Actors[0].Name != "Sergei Ivanov" || m.Actors[1].Name != "Anna Smith" {
		t.Errorf("merged actors %+v, want Sergei Ivanov and Anna Smith", m.Actors)
	}
	if m.Confidence <= 0.8 || m.Confidence >= 1 {
		t.Errorf("confidence %v, want raised above 0.8", m.Confidence)
	}
	if m.Title != "Ivanov meets Smith in Oslo" {
		t.Errorf("title %q", m.Title)
	}
	cf := out[1]
	if cf.Start != day("2020-02-27") || cf.Precision != model.PrecisionDay || cf.Place != norway {
		t.Errorf("ceasefire %v %s %v, want the tighter day and the known place", cf.Start, cf.Precision, cf.Place)
	}
}

func TestTitles(t *testing.T) {
	tests := []struct {
		e    model.Event
		want string
	}{
		{model.Event{Kind: model.KindMeeting, Place: oslo, Actors: []model.Actor{smith, jones}}, "Smith meets Jones in Oslo"},
		{model.Event{Kind: model.KindMeeting, Planned: true, Place: oslo, Actors: []model.Actor{smith, jones}}, "Smith to meet Jones in Oslo"},
		{model.Event{Kind: model.KindAnnexation, Place: bergen, Actors: []model.Actor{smith, norGov}}, "Norway annexes Bergen"},
		{model.Event{Kind: model.KindCeasefire, Place: norway}, "Ceasefire in Norway"},
		{model.Event{Kind: model.KindWithdrawal, Place: bergen, Actors: []model.Actor{norGov}}, "Norway withdraws from Bergen"},
		{model.Event{Kind: model.KindMilitary, Place: norway, Actors: []model.Actor{norGov}}, "Military action by Norway"},
		{model.Event{Kind: model.KindTalks}, "Talks"},
		{model.Event{Kind: model.KindStatement, Actors: []model.Actor{{Name: "National Liberation Front of the North", Type: model.ActorOrg, Aliases: []string{"NLFN"}}}}, "Statement by NLFN"},
	}
	for _, tc := range tests {
		if got := makeTitle(&tc.e); got != tc.want {
			t.Errorf("title of %s = %q, want %q", tc.e.Kind, got, tc.want)
		}
	}
}
