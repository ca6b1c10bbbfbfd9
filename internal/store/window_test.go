package store

import (
	"context"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// The timeline's two window queries: events that start in the window, and
// spans from before it that reach into it, each through the user's filter.
func TestWindowQueries(t *testing.T) {
	s := openTemp(t)
	month := func(title, from, to string) model.Event {
		e := ev(model.KindTalks, title, from, to, geneva)
		e.Precision = model.PrecisionMonth
		return e
	}
	a, x := article("window.txt", "2016-03-31",
		month("March talks", "2016-03-01", "2016-03-31"),
		month("February talks", "2016-02-01", "2016-02-29"),
		month("Late talks", "2016-03-10", "2016-04-09"),
		ev(model.KindMeeting, "Morning meeting", "2016-03-15", "", moscow),
		ev(model.KindMeeting, "Evening meeting", "2016-03-15", "", moscow),
		ev(model.KindMeeting, "Hidden meeting", "2016-03-15", "", moscow),
		ev(model.KindMeeting, "Next day", "2016-03-16", "", moscow))
	if _, err := s.SaveArticle(context.Background(), a, x, nil); err != nil {
		t.Fatal(err)
	}
	for _, e := range x.Events {
		if e.Title == "Hidden meeting" {
			if err := s.HideEvent(e.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	marks := func(ms []Mark, err error) string {
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ms {
			out = append(out, m.Title)
		}
		return strings.Join(out, "|")
	}
	d15, d16 := day("2016-03-15"), day("2016-03-16")
	tests := []struct {
		name string
		got  func() string
		want string
	}{
		{"starting on the day", func() string { return marks(s.MarksStartingBetween(d15, d15, Filter{})) },
			"Morning meeting|Evening meeting"},
		{"starting over two days", func() string { return marks(s.MarksStartingBetween(d15, d16, Filter{})) },
			"Morning meeting|Evening meeting|Next day"},
		{"starting over two days, limited", func() string { return marks(s.MarksStartingBetween(d15, d16, Filter{Limit: 2})) },
			"Morning meeting|Evening meeting"},
		{"starting, hidden included", func() string {
			return marks(s.MarksStartingBetween(d15, d15, Filter{IncludeHidden: true}))
		}, "Morning meeting|Evening meeting|Hidden meeting"},
		{"spans into the day, latest start first", func() string { return marks(s.SpansCovering(d15, Filter{})) },
			"Late talks|March talks"},
		{"spans, limited", func() string { return marks(s.SpansCovering(d15, Filter{Limit: 1})) }, "Late talks"},
		{"spans, other kinds only", func() string {
			return marks(s.SpansCovering(d15, Filter{Kinds: []model.Kind{model.KindMeeting}}))
		}, ""},
		{"spans into the first of the month", func() string { return marks(s.SpansCovering(day("2016-03-01"), Filter{})) }, ""},
		{"spans into April", func() string { return marks(s.SpansCovering(day("2016-04-01"), Filter{})) }, "Late talks"},
	}
	for _, tt := range tests {
		if got := tt.got(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
