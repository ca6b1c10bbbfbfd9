package atlasbeam

import (
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// report is one outlet's report of a meeting in Oslo on 24 March 2016.
func report(key, file string, article int64) model.Event {
	return model.Event{
		Key: key, Kind: model.KindMeeting, Start: day(2016, 3, 24), End: day(2016, 3, 24), Precision: model.PrecisionDay,
		Place:   &model.Place{Key: "oslo", Name: "Oslo", Country: "NO", Lat: 59.91, Lon: 10.75},
		Actors:  []model.Actor{{Name: "Anna Smith", Type: model.ActorPerson}},
		Sources: []model.Source{{ArticleID: article, File: file, Span: model.Span{Start: 0, End: 40}, Text: "Anna Smith met loggers in Oslo on Thursday."}},
	}
}

// TestMergeClassOrder: whatever order the group's values arrive in (a
// runner promises none), the class is merged in the order `atlas extract`
// meets its events, so the first report keeps the merged event's key.
func TestMergeClassOrder(t *testing.T) {
	tests := []struct {
		name    string
		members []member
	}{
		{"in order", []member{{"0000/000000001#00000", report("a", "a.txt", 1)}, {"0000/000000002#00000", report("b", "b.txt", 2)}}},
		{"reversed", []member{{"0000/000000002#00000", report("b", "b.txt", 2)}, {"0000/000000001#00000", report("a", "a.txt", 1)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := mergeClass(tt.members)
			if len(out) != 1 || out[0].Key != "a" || len(out[0].Sources) != 2 || out[0].Sources[0].File != "a.txt" {
				t.Fatalf("merged %+v, want one event keyed a with a.txt's source first", out)
			}
		})
	}
}
