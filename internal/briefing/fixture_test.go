package briefing

import (
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Places as the gazetteer gives them.
var (
	geneva  = &model.Place{Key: "gn:2660646", Name: "Geneva", Country: "CH", Lat: 46.20222, Lon: 6.14569, Feature: "PPLA"}
	moscow  = &model.Place{Key: "gn:524901", Name: "Moscow", Country: "RU", Lat: 55.75222, Lon: 37.61556, Feature: "PPLC"}
	amman   = &model.Place{Key: "gn:250441", Name: "Amman", Country: "JO", Lat: 31.95522, Lon: 35.94503, Feature: "PPLC"}
	palmyra = &model.Place{Key: "gn:163345", Name: "Palmyra", Country: "SY", Lat: 34.5560, Lon: 38.2670, Feature: "PPL"}
)

// sampleBriefing is test data in the shape the store returns: a spread of
// precisions, a planned event, an undated one, a hidden one, a note, names
// outside Latin-1, a source whose article is unknown and one article without
// a headline. The sentences are written for this test, not taken from the corpus.
func sampleBriefing() Briefing {
	arts := map[int64]*model.Article{
		1: {ID: 1, Path: "/c/001_wire.txt", Title: "Diplomats Meet Again Over Syria", Publisher: "Wire Service",
			URL: "https://example.org/news/2013/05/diplomats-meet-again-over-syria-after-long-pause-in-talks", Published: day(2013, 5, 7), DateSource: model.DateManifest},
		2: {ID: 2, Path: "/c/002_daily.txt", Publisher: "Daily Ledger", Published: day(2016, 3, 24), DateSource: model.DateManifest},
		3: {ID: 3, Path: "/c/003_review.txt", Title: "Ceasefire Centre Opens in Amman", Publisher: "Review Desk",
			Published: day(2016, 7, 16), DateSource: model.DateInferred},
	}
	kerry := model.Actor{Name: "John Kerry", Type: model.ActorPerson}
	lavrov := model.Actor{Name: "Сергей Лавров", Type: model.ActorPerson}
	src := func(art int64, file, text string) model.Source {
		return model.Source{ArticleID: art, File: file, Span: model.Span{Start: 10, End: 10 + len(text)}, Text: text}
	}
	events := []model.Event{
		{Key: "k-moscow-2016", Kind: model.KindTalks, Title: "Kerry and Putin hold talks in Moscow", Start: day(2016, 3, 24), End: day(2016, 3, 24),
			Precision: model.PrecisionDay, Place: moscow, Actors: []model.Actor{kerry, {Name: "Vladimir Putin"}},
			Sources: []model.Source{src(2, "002_daily.txt", "The two men spoke for four hours at the Kremlin on Thursday, aides said.")}},
		{Key: "k-geneva-2012", Kind: model.KindConference, Title: "Geneva conference on a political transition", Start: day(2012, 1, 1), End: day(2012, 12, 31),
			Precision: model.PrecisionYear, Place: geneva,
			Sources: []model.Source{src(1, "001_wire.txt", "Last year’s meeting in Geneva set out a path to a transitional government.")}},
		{Key: "k-moscow-2013", Kind: model.KindMeeting, Title: "Kerry meets Lavrov in Moscow; both pledge to work together — “a new start”", Start: day(2013, 5, 7), End: day(2013, 5, 7),
			Precision: model.PrecisionDay, Place: moscow, Actors: []model.Actor{kerry, lavrov}, InBriefing: true,
			Note: "Check the Kremlin’s own read-out; the wire report quotes “senior officials” only. Señor Pérez agrees.",
			Sources: []model.Source{
				src(1, "001_wire.txt", "Kerry and Lavrov met in Moscow on Tuesday and said their countries would work together on a settlement."),
				src(1, "001_wire.txt", "Both ministers said a follow-up conference should be held as soon as possible, perhaps by the end of the month, in a city still to be agreed between the two capitals and the United Nations envoy."),
			}},
		{Key: "k-amman", Kind: model.KindCeasefire, Title: "Monitoring centre for the truce set up in Amman", Start: day(2016, 2, 1), End: day(2016, 2, 29),
			Precision: model.PrecisionMonth, Place: amman,
			Sources: []model.Source{src(3, "003_review.txt", "A joint centre in the Jordanian capital began watching the truce in February.")}},
		{Key: "k-palmyra", Kind: model.KindMilitary, Title: "Offensive to retake Palmyra", Start: day(2016, 3, 24), End: day(2016, 3, 27),
			Precision: model.PrecisionRange, Place: palmyra,
			Sources: []model.Source{src(9, "009_lost.txt", "Government forces pushed into the ancient city over four days.")}},
		{Key: "k-deadline", Kind: model.KindDeadline, Title: "Deadline for a political framework", Start: day(2016, 8, 1), End: day(2016, 8, 31),
			Precision: model.PrecisionMonth, Planned: true, Place: geneva,
			Sources: []model.Source{src(3, "003_review.txt", "Diplomats want a framework agreed by August.")}},
		{Key: "k-undated", Kind: model.KindStatement, Title: "Officials say cooperation will continue",
			Sources: []model.Source{src(2, "002_daily.txt", "Officials on both sides said the cooperation would continue.")}},
		{Key: "k-hidden", Kind: model.KindOther, Title: "Hidden duplicate that must not be exported", Start: day(2016, 3, 24), End: day(2016, 3, 24),
			Precision: model.PrecisionDay, Place: moscow, Hidden: true,
			Sources: []model.Source{src(2, "002_daily.txt", "A sentence from a hidden event.")}},
	}
	return Briefing{Title: "US–Russia talks on Syria, 2012–2016", Author: "Анна Müller", Prepared: day(2026, 11, 21),
		Scope: "All events", Events: events, Articles: arts}
}

// visible are the events of the sample that an export must contain.
func visible(b Briefing) []model.Event {
	var out []model.Event
	for _, e := range b.Events {
		if !e.Hidden {
			out = append(out, e)
		}
	}
	return out
}
