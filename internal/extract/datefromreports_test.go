package extract

import (
	"fmt"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// TestDateFromReports checks, on articles written for the test, when an
// article without a date takes one from other outlets' dated reports:
// the same happening told in its salient words dates it, relative days
// and weekdays included; an event that recurs on dates weeks apart, a
// different story that shares only news vocabulary, and an article with a
// date of its own do not.
func TestDateFromReports(t *testing.T) {
	x := testExtractor(t)
	report := func(id int64, text, published string) []model.Event {
		a := article(text, published, "")
		a.ID, a.Path = id, fmt.Sprintf("/tmp/news/report%d.txt", id)
		return x.Extract(a).Events
	}
	fire := report(1, "A chemical fire broke out at a fertiliser plant near Tarragona on Monday, forcing the evacuation of about 2,000 residents. "+
		"Firefighters fought the blaze at the fertiliser plant through the night, the regional fire service said.", "2021-09-14")
	talksMarch := report(2, "Foreign ministers Anna Lindqvist and Pavel Orlov met in Geneva on Tuesday for talks on the Arctic fisheries treaty.", "2019-03-06")
	talksJuly := report(3, "Foreign ministers Anna Lindqvist and Pavel Orlov met in Geneva on Tuesday for talks on the Arctic fisheries treaty.", "2019-07-10")
	var reports []model.Event
	for _, evs := range [][]model.Event{fire, talksMarch, talksJuly} {
		reports = append(reports, evs...)
	}

	tests := []struct {
		name      string
		text      string
		published string         // the article's own date, if any
		day       model.MonthDay // the day a yearless dateline gives, if any
		want      string         // the date learnt, "" for none
		event     string         // the day the article's first dated event takes
	}{
		{
			name: "the same fire told on the same weekday dates the article",
			text: "About 2,000 residents were evacuated on Monday after a chemical fire broke out at a fertiliser plant near Tarragona. " +
				"The regional fire service said the blaze was under control after nine hours.",
			want: "2021-09-13", event: "2021-09-13",
		},
		{
			name: "the day after: yesterday's fire",
			text: "A chemical fire broke out yesterday at a fertiliser plant near Tarragona, forcing about 2,000 residents from their homes, the regional fire service said.",
			want: "2021-09-14", event: "2021-09-13",
		},
		{
			name: "an outlet that dates the night's fire a day later still agrees",
			text: "About 2,000 residents were evacuated early on Tuesday after a chemical fire broke out at a fertiliser plant near Tarragona, the regional fire service said.",
			want: "2021-09-14", event: "2021-09-14",
		},
		{
			name: "talks held in March and in July alike: which is not known",
			text: "Foreign ministers Anna Lindqvist and Pavel Orlov met in Geneva for talks on the Arctic fisheries treaty.",
		},
		{
			name: "another story, without a place, that shares news words only",
			text: "A fire broke out at a warehouse on Monday, forcing the evacuation of about 300 residents, the regional fire service said.",
		},
		{
			name: "another story in another town",
			text: "A chemical fire broke out at a fertiliser plant in Dhaka on Monday, forcing the evacuation of about 300 residents, the fire service said.",
		},
		{
			name: "a yearless dateline's day is the date, the reports give its year",
			text: "About 2,000 residents were evacuated after a chemical fire broke out at a fertiliser plant near Tarragona on Monday, the regional fire service said.",
			day:  model.MonthDay{Month: time.September, Day: 15},
			want: "2021-09-15", event: "2021-09-13",
		},
		{
			name: "a yearless dateline's day weeks from every report's: no date",
			text: "About 2,000 residents were evacuated after a chemical fire broke out at a fertiliser plant near Tarragona on Monday, the regional fire service said.",
			day:  model.MonthDay{Month: time.December, Day: 2},
		},
		{
			name:      "an article with a date of its own keeps it",
			text:      "About 2,000 residents were evacuated on Monday after a chemical fire broke out at a fertiliser plant near Tarragona.",
			published: "2021-09-15",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article(tc.text, tc.published, "")
			a.ID, a.Path = 9, "/tmp/news/undated.txt"
			a.DatelineDay = tc.day
			undated := x.Extract(a).Events
			d, ext, ok := x.DateFromReports(a, undated, NewReports(reports))
			if tc.want == "" {
				if ok {
					t.Fatalf("dated %s from reports; want no date learnt", d.Published.Format("2006-01-02"))
				}
				return
			}
			if !ok {
				t.Fatalf("no date learnt; want %s", tc.want)
			}
			if got := d.Published.Format("2006-01-02"); got != tc.want || d.DateSource != model.DateFromReports {
				t.Errorf("dated %s (%s); want %s (%s)", got, d.DateSource, tc.want, model.DateFromReports)
			}
			if a.HasDate() {
				t.Error("the article given was changed; want a dated copy")
			}
			for _, e := range ext.Events {
				if e.Dated() {
					if got := e.Start.Format("2006-01-02"); got != tc.event {
						t.Errorf("event %q on %s; want %s", e.Title, got, tc.event)
					}
					return
				}
			}
			t.Errorf("no dated event in %d events", len(ext.Events))
		})
	}
}
