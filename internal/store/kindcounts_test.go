package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// kinds lists KindsBetween's answer as "kind:n", most first.
func kinds(t *testing.T, s *Store, from, to string, f Filter) string {
	t.Helper()
	ks, err := s.KindsBetween(day(from), day(to), f)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, k := range ks {
		out = append(out, fmt.Sprintf("%s:%d", k.Kind, k.N))
	}
	return strings.Join(out, " ")
}

// countedKinds is KindsBetween counted from the events themselves, the
// answer the kept counts must give.
func countedKinds(t *testing.T, s *Store, from, to string) string {
	t.Helper()
	ks, err := s.kindsOfDays(dayNum(day(from)), dayNum(day(to)), Filter{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, k := range ks {
		out = append(out, fmt.Sprintf("%s:%d", k.Kind, k.N))
	}
	return strings.Join(out, " ")
}

// wrongKindMonths is how many (month, kind) rows of counts_kind_month
// disagree with the events, as `atlas check` counts them.
func wrongKindMonths(t *testing.T, s *Store) int {
	t.Helper()
	h, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range h.Problems {
		if strings.Contains(p, "counts by kind") {
			n++
		}
	}
	return n
}

// kindRanges are the stretches the kept counts are compared on: a year
// card, whole months, and stretches cut inside months on either side.
var kindRanges = [][2]string{
	{"2016-01-01", "2016-12-31"},
	{"2016-03-01", "2016-04-30"},
	{"2016-03-10", "2016-04-30"},
	{"2016-02-01", "2016-03-20"},
	{"2016-02-15", "2016-03-20"},
	{"2016-03-02", "2016-03-24"},
}

// The counts by month and kind follow every write that adds, moves, hides,
// merges or removes an event, and KindsBetween read from them gives what
// counting the events gives.
func TestKindCountsKept(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	v := newArticleSaver(s)
	save, ids := v.save, v.ids
	for _, step := range []struct {
		name string
		do   func() error
		want string // the year 2016
	}{
		{"first article", save("a1.txt",
			ev(model.KindMeeting, "Kerry meets Putin", "2016-03-24", "", moscow),
			ev(model.KindTalks, "Geneva talks", "2016-03-14", "2016-03-24", geneva),
			ev(model.KindCeasefire, "Ceasefire begins", "2016-02-27", "", nil),
			ev(model.KindStatement, "Undated statement", "", "", moscow)),
			"ceasefire:1 meeting:1 talks:1"},
		{"a second article", save("a2.txt",
			ev(model.KindMilitary, "Strike", "2016-03-01", "", moscow),
			ev(model.KindMilitary, "Strike again", "2016-04-02", "", moscow),
			ev(model.KindMeeting, "A meeting in 2015", "2015-12-31", "", geneva)),
			"military:2 ceasefire:1 meeting:1 talks:1"},
		{"a strike hidden", func() error { return s.HideEvent(eventTitled(t, s, "Strike again")) },
			"ceasefire:1 meeting:1 military:1 talks:1"},
		{"the strike shown again", func() error { return s.ShowEvent(eventTitled(t, s, "Strike again")) },
			"military:2 ceasefire:1 meeting:1 talks:1"},
		{"the ceasefire merged into the talks", func() error {
			return s.MergeEvents(eventTitled(t, s, "Geneva talks"), eventTitled(t, s, "Ceasefire begins"))
		}, "military:2 meeting:1 talks:1"},
		{"the ceasefire unmerged", func() error { return s.UnmergeEvent(eventTitled(t, s, "Ceasefire begins")) },
			"military:2 ceasefire:1 meeting:1 talks:1"},
		{"the meeting moved to 2017", func() error {
			return s.SetEventDate(eventTitled(t, s, "Kerry meets Putin"), day("2017-01-05"), day("2017-01-05"), model.PrecisionDay)
		}, "military:2 ceasefire:1 talks:1"},
		{"the first article deleted", func() error { return s.DeleteArticle(ctx, ids["a1.txt"]) },
			"military:2"},
		{"the second re-imported with other events", save("a2.txt",
			ev(model.KindMilitary, "Strike", "2016-03-01", "", moscow),
			ev(model.KindStatement, "Lavrov statement", "2016-03-20", "", moscow)),
			"military:1 statement:1"},
	} {
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if n := wrongKindMonths(t, s); n != 0 {
			t.Errorf("%s: check finds the counts by kind wrong", step.name)
		}
		if got := kinds(t, s, "2016-01-01", "2016-12-31", Filter{}); got != step.want {
			t.Errorf("%s: kinds of 2016 %q, want %q", step.name, got, step.want)
		}
		for _, r := range kindRanges {
			if got, want := kinds(t, s, r[0], r[1], Filter{}), countedKinds(t, s, r[0], r[1]); got != want {
				t.Errorf("%s: kinds of %s..%s %q, counted %q", step.name, r[0], r[1], got, want)
			}
		}
	}
}

// eventTitled is the id of the event of a title.
func eventTitled(t *testing.T, s *Store, title string) int64 {
	t.Helper()
	return rowID(t, s, `SELECT id FROM events WHERE title = ?`, title)
}

// rowID is the id the one-row query q gives for arg.
func rowID(t *testing.T, s *Store, q string, arg any) int64 {
	t.Helper()
	var id int64
	if err := s.db.QueryRow(q, arg).Scan(&id); err != nil {
		t.Fatalf("%s (%v): %v", q, arg, err)
	}
	return id
}

// KindsBetween adds the kept whole months to the days counted at either
// end, and a narrowing filter or dates count the events themselves.
func TestKindsBetweenStretches(t *testing.T) {
	s := openTemp(t)
	a, x := article("k.txt", "2016-05-01",
		ev(model.KindMilitary, "Strike 1", "2016-02-28", "", moscow),
		ev(model.KindMilitary, "Strike 2", "2016-03-01", "", moscow),
		ev(model.KindMilitary, "Strike 3", "2016-03-31", "", moscow),
		ev(model.KindTalks, "Talks 1", "2016-03-15", "", geneva),
		ev(model.KindTalks, "Talks 2", "2016-04-01", "", geneva),
		ev(model.KindMeeting, "Meeting", "2016-04-30", "", geneva))
	if _, err := s.SaveArticle(context.Background(), a, x, sameTitle); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		from, to string
		f        Filter
		want     string
	}{
		{"a year", "2016-01-01", "2016-12-31", Filter{}, "military:3 talks:2 meeting:1"},
		{"one whole month", "2016-03-01", "2016-03-31", Filter{}, "military:2 talks:1"},
		{"a whole month and a day before", "2016-02-28", "2016-03-31", Filter{}, "military:3 talks:1"},
		{"a whole month and a day after", "2016-03-01", "2016-04-01", Filter{}, "military:2 talks:2"},
		{"inside one month", "2016-03-02", "2016-03-30", Filter{}, "talks:1"},
		{"cut on both sides", "2016-03-02", "2016-04-29", Filter{}, "talks:2 military:1"},
		{"no events", "2017-01-01", "2017-12-31", Filter{}, ""},
		{"a kind", "2016-01-01", "2016-12-31", Filter{Kinds: []model.Kind{model.KindTalks}}, "talks:2"},
		{"a place", "2016-01-01", "2016-12-31", Filter{PlaceID: placeIDOf(t, s, "Moscow")}, "military:3"},
		{"dates", "2016-01-01", "2016-12-31", Filter{From: day("2016-04-01")}, "meeting:1 talks:1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := kinds(t, s, tt.from, tt.to, tt.f); got != tt.want {
				t.Errorf("kinds %q, want %q", got, tt.want)
			}
		})
	}
}

// placeIDOf is the id of the place of a name.
func placeIDOf(t *testing.T, s *Store, name string) int64 {
	t.Helper()
	return rowID(t, s, `SELECT id FROM places WHERE name = ?`, name)
}

// A bulk load counts its events by month and kind once at commit, and
// puts the trigger back for the writes after it.
func TestKindCountsByBulkLoad(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a0, x0 := article("before.txt", "2016-03-25", ev(model.KindTalks, "Talks before", "2016-03-02", "", geneva))
	if _, err := s.SaveArticle(ctx, a0, x0, sameTitle); err != nil {
		t.Fatal(err)
	}
	evs := []model.Event{
		ev(model.KindMeeting, "Meeting", "2016-03-24", "", moscow),
		ev(model.KindMeeting, "Meeting again", "2016-03-25", "", moscow),
		ev(model.KindTalks, "Talks", "2016-06-01", "", geneva),
		ev(model.KindStatement, "Undated", "", "", moscow),
	}
	for i := range evs {
		evs[i].Key = fmt.Sprintf("bulk-%d", i)
	}
	if err := s.BulkLoad(ctx, evs); err != nil {
		t.Fatal(err)
	}
	a, x := article("after.txt", "2016-03-25", ev(model.KindTalks, "Talks after", "2016-03-20", "", geneva))
	if _, err := s.SaveArticle(ctx, a, x, sameTitle); err != nil {
		t.Fatal(err)
	}
	if n := wrongKindMonths(t, s); n != 0 {
		t.Error("check finds the counts by kind wrong")
	}
	for _, tt := range []struct{ from, to, want string }{
		{"2016-01-01", "2016-12-31", "talks:3 meeting:2"},
		{"2016-03-01", "2016-03-31", "meeting:2 talks:2"},
		{"2016-06-01", "2016-06-30", "talks:1"},
	} {
		if got := kinds(t, s, tt.from, tt.to, Filter{}); got != tt.want {
			t.Errorf("kinds of %s..%s %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

// A store written before schema 15 gets its events counted by month and
// kind by the upgrade: visible dated events only.
func TestKindCountsOnUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	// Day 16861 is 2016-03-01, 16891 2016-03-31, 16892 2016-04-01.
	writeOldStore(t, path, 14,
		`INSERT INTO events(id, key, kind, title, x_title, start_day, end_day, precision, hidden, merged_into) VALUES
			(1, 'k1', 'meeting', 'one', 'one', 16861, 16861, 'day', 0, NULL),
			(2, 'k2', 'meeting', 'two', 'two', 16891, 16891, 'day', 0, NULL),
			(3, 'k3', 'talks', 'three', 'three', 16892, 16892, 'day', 0, NULL),
			(4, 'k4', 'talks', 'four', 'four', 16870, 16870, 'day', 1, NULL),
			(5, 'k5', 'talks', 'five', 'five', 16871, 16871, 'day', 0, 'k1'),
			(6, 'k6', 'statement', 'six', 'six', NULL, NULL, '', 0, NULL)`,
	)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.db.Query(`SELECT month, kind, n FROM counts_kind_month ORDER BY month, kind`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var m, n int
		var k string
		if err := rows.Scan(&m, &k, &n); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d-%02d %s:%d", m/12, m%12+1, k, n))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if g, want := strings.Join(got, ", "), "2016-03 meeting:2, 2016-04 talks:1"; g != want {
		t.Errorf("counts after the upgrade %q, want %q", g, want)
	}
	if got, want := kinds(t, s, "2016-01-01", "2016-12-31", Filter{}), "meeting:2 talks:1"; got != want {
		t.Errorf("kinds of 2016 %q, want %q", got, want)
	}
}
