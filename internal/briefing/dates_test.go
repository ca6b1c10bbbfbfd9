package briefing

import (
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

func TestDateLabel(t *testing.T) {
	tests := []struct {
		start, end time.Time
		prec       model.Precision
		want       string
	}{
		{day(2016, 3, 24), day(2016, 3, 24), model.PrecisionDay, "24 Mar 2016"},
		{day(2016, 3, 24), time.Time{}, model.PrecisionDay, "24 Mar 2016"},
		{day(2016, 3, 24), day(2016, 3, 26), model.PrecisionRange, "24–26 Mar 2016"},
		{day(2016, 3, 30), day(2016, 4, 2), model.PrecisionRange, "30 Mar – 2 Apr 2016"},
		{day(2015, 12, 30), day(2016, 1, 2), model.PrecisionRange, "30 Dec 2015 – 2 Jan 2016"},
		{day(2016, 3, 21), day(2016, 3, 27), model.PrecisionWeek, "week of 21 Mar 2016"},
		{day(2015, 9, 1), day(2015, 9, 30), model.PrecisionMonth, "Sep 2015"},
		{day(2015, 9, 1), day(2015, 11, 30), model.PrecisionMonth, "Sep–Nov 2015"},
		{day(2016, 6, 1), day(2016, 8, 31), model.PrecisionSeason, "Summer 2016"},
		{day(2015, 12, 1), day(2016, 2, 29), model.PrecisionSeason, "Winter 2015–16"},
		{day(2014, 1, 1), day(2014, 12, 31), model.PrecisionYear, "2014"},
		{day(2022, 5, 21), day(2022, 5, 31), model.PrecisionMonth, "late May 2022"},
		{day(2011, 1, 1), day(2011, 4, 30), model.PrecisionYear, "early 2011"},
		{day(2010, 1, 1), day(2019, 12, 31), model.PrecisionDecade, "2010s"},
		{time.Time{}, time.Time{}, model.PrecisionNone, "undated"},
	}
	for _, tt := range tests {
		e := model.Event{Start: tt.start, End: tt.end, Precision: tt.prec}
		if got := DateLabel(&e); got != tt.want {
			t.Errorf("DateLabel(%s..%s, %s) = %q, want %q", isoDate(tt.start), isoDate(tt.end), tt.prec, got, tt.want)
		}
	}
}

func TestPrepareOrdersNumbersAndCounts(t *testing.T) {
	d := prepare(sampleBriefing())
	var titles []string
	for _, en := range d.entries {
		titles = append(titles, en.E.Title)
	}
	want := []string{
		"Geneva conference on a political transition", // 2012, the earliest start
		"Kerry meets Lavrov in Moscow; both pledge to work together — “a new start”",
		"Monitoring centre for the truce set up in Amman",
		"Kerry and Putin hold talks in Moscow", // same start as Palmyra, ends sooner
		"Offensive to retake Palmyra",
		"Deadline for a political framework",
		"Officials say cooperation will continue", // undated last
	}
	if len(titles) != len(want) {
		t.Fatalf("got %d entries %q, want %d", len(titles), titles, len(want))
	}
	for i := range want {
		if titles[i] != want[i] {
			t.Errorf("entry %d = %q, want %q", i+1, titles[i], want[i])
		}
	}
	if got := d.counts(); got != "7 events · 4 places · 4 sources" {
		t.Errorf("counts = %q", got)
	}
	if got := d.period(); got != "2012 – Aug 2016" {
		t.Errorf("period = %q", got)
	}
	// Sources are numbered in order of first citation.
	if c := d.sources[0]; c.File != "001_wire.txt" || len(c.Events) != 2 || c.Events[0] != 1 || c.Events[1] != 2 {
		t.Errorf("first source = %+v", *c)
	}
}

func TestSelect(t *testing.T) {
	ev := func(title string, starred, hidden bool) model.Event {
		return model.Event{Title: title, InBriefing: starred, Hidden: hidden}
	}
	tests := []struct {
		name        string
		in          []model.Event
		onlyStarred bool
		want        []string
	}{
		{"starred win over the filter", []model.Event{ev("a", true, false), ev("b", false, false)}, false, []string{"a"}},
		{"no star: what the filters show", []model.Event{ev("a", false, false), ev("b", false, false)}, false, []string{"a", "b"}},
		{"hidden stay out", []model.Event{ev("a", false, true), ev("b", false, false)}, false, []string{"b"}},
		{"a hidden star does not count", []model.Event{ev("a", true, true), ev("b", false, false)}, false, []string{"b"}},
		{"only starred asked, none starred", []model.Event{ev("a", false, false)}, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Select(tt.in, tt.onlyStarred)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d events, want %v", len(got), tt.want)
			}
			for i := range got {
				if got[i].Title != tt.want[i] {
					t.Errorf("event %d = %q, want %q", i, got[i].Title, tt.want[i])
				}
			}
		})
	}
}

func TestQuoteTextNestsQuotes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain sentence.", "“Plain sentence.”"},
		{`"We agreed," he said.`, "“‘We agreed,’ he said.”"},
		{"He spoke of a “target schedule” for talks.", "“He spoke of a ‘target schedule’ for talks.”"},
		{"Line\nbreak  inside.", "“Line break inside.”"},
	}
	for _, tt := range tests {
		if got := quoteText(tt.in); got != tt.want {
			t.Errorf("quoteText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
