package store

import (
	"context"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// TestAddRetoldEvents stores a report and an article that retells it
// without a date, then adds the retelling, dated by the report: it joins
// the report; a retelling of the article's own kind and day stays apart
// from the article's own event; one with the key of an event the article
// has is told already and left out; the article's own event is untouched.
func TestAddRetoldEvents(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	sameDayAndKind := Merging{Same: func(a, b *model.Event) bool { return a.Kind == b.Kind && a.Start.Equal(b.Start) }}

	report, rx := version("/clips/report.txt", "https://news.example/bomb", sBomb)
	if _, err := s.SaveArticle(ctx, report, rx, sameDayAndKind.Same); err != nil {
		t.Fatal(err)
	}
	retelling := sent{model.KindOther, "", "", "Officials met a day after the car bomb that killed twelve people in Baghdad.", nil}
	later := sent{model.KindOther, "", "", "The quake that struck the north was the second this year.", nil}
	a, ax := version("/clips/later.txt", "https://news.example/later", sQuake, retelling, later)
	own := ax.Events[0]
	ax.Events = ax.Events[:1] // the retellings have no date of their own
	res, err := s.SaveArticle(ctx, a, ax, sameDayAndKind.Same)
	if err != nil {
		t.Fatal(err)
	}

	// dated is the retelling in sentence text, dated by the report.
	dated := func(text string, kind model.Kind, date, key string) model.Event {
		at := strings.Index(a.Text, text)
		return model.Event{Key: key, Kind: kind, Title: "retold", Start: day(date), End: day(date), Precision: model.PrecisionDay, Confidence: 0.6,
			Sources: []model.Source{{Span: model.Span{Start: at, End: at + len(text)}, Text: text, DateHow: model.DateHowRetold}}}
	}
	add := []model.Event{
		dated(retelling.text, model.KindAttack, "2016-02-29", "retold-bomb"),
		dated(later.text, model.KindDisaster, "2016-03-02", "retold-quake"),
		dated(later.text, model.KindDisaster, "2016-03-02", own.Key),
	}
	got, err := s.AddRetoldEvents(ctx, res.ArticleID, add, sameDayAndKind)
	if err != nil {
		t.Fatal(err)
	}
	if got.Merged != 1 || got.Inserted != 1 {
		t.Errorf("merged %d, inserted %d; want the bomb merged and the second quake inserted", got.Merged, got.Inserted)
	}

	evs := allEvents(t, s)
	if len(evs) != 3 {
		t.Fatalf("%d events, want 3 (the bomb, the article's quake, the retold quake): %q", len(evs), titles(evs))
	}
	bomb := eventByKind(t, evs, model.KindAttack)
	if len(bomb.Sources) != 2 || bomb.Title != sBomb.title {
		t.Errorf("bomb: %d sources, title %q; want both articles' sentences under the report's title", len(bomb.Sources), bomb.Title)
	}
	var quakes []model.Event
	for _, e := range evs {
		if e.Kind == model.KindDisaster {
			quakes = append(quakes, e)
		}
	}
	for _, q := range quakes {
		if len(q.Sources) != 1 {
			t.Errorf("quake %q has %d sources, want 1: the article's own event takes no retelling", q.Title, len(q.Sources))
		}
		if q.Title == sQuake.title && q.Sources[0].Text != sQuake.text {
			t.Errorf("the article's own quake now reports %q", q.Sources[0].Text)
		}
	}
	checkSound(t, s)
}
