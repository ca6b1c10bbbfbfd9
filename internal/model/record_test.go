package model

import (
	"testing"
	"time"
)

func TestNewRecord(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name       string
		ev         Event
		start, end string
		place      bool
		file       string
	}{
		{"a day, end left zero", Event{Key: "k1", Start: day("2016-03-24"), Precision: PrecisionDay}, "2016-03-24", "2016-03-24", false, ""},
		{"a month", Event{Key: "k2", Start: day("2016-08-01"), End: day("2016-08-31"), Precision: PrecisionMonth}, "2016-08-01", "2016-08-31", false, ""},
		{"undated", Event{Key: "k3"}, "", "", false, ""},
		{"placed, source path cut to its base name", Event{Key: "k4", Start: day("2013-05-07"),
			Place:   &Place{Name: "Moscow", Country: "RU", Lat: 55.75, Lon: 37.62},
			Sources: []Source{{File: "/some/dir/a.txt", Span: Span{Start: 3, End: 9}, Text: "abcdef"}}},
			"2013-05-07", "2013-05-07", true, "a.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewRecord(&tc.ev)
			if r.ID != tc.ev.Key || r.Start != tc.start || r.End != tc.end {
				t.Errorf("id/start/end = %q %q %q, want %q %q %q", r.ID, r.Start, r.End, tc.ev.Key, tc.start, tc.end)
			}
			if (r.Place != nil) != tc.place {
				t.Errorf("place = %+v, want present=%v", r.Place, tc.place)
			}
			if r.Actors == nil || r.Sources == nil {
				t.Error("actors and sources must encode as [] rather than null")
			}
			if tc.file != "" && (len(r.Sources) != 1 || r.Sources[0].File != tc.file || r.Sources[0].Start != 3 || r.Sources[0].End != 9) {
				t.Errorf("sources = %+v, want one in %s at [3:9]", r.Sources, tc.file)
			}
		})
	}
}

func TestDayDropsTheClockAndZone(t *testing.T) {
	in := time.Date(2016, 3, 24, 23, 30, 0, 0, time.FixedZone("MSK", 3*3600))
	if got, want := Day(in), time.Date(2016, 3, 24, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Day(%v) = %v, want %v", in, got, want)
	}
}
