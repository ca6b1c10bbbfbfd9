package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// headlines lists a stretch's most reported events as "kind:sources".
func headlines(t *testing.T, s *Store, from, to string) string {
	t.Helper()
	ms, err := s.MostReportedBetween(day(from), day(to), 3, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s:%d", m.Kind, m.Sources))
	}
	return strings.Join(out, " ")
}

// wrongCounts is how many events' kept count of sources differs from their
// sources.
func wrongCounts(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM events e
		WHERE e.n_sources <> (SELECT count(*) FROM event_sources s WHERE s.event_id = e.id)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// eventOfKind is the id of the one event of kind k.
func eventOfKind(t *testing.T, s *Store, k model.Kind) int64 {
	t.Helper()
	return rowID(t, s, `SELECT id FROM events WHERE kind = ?`, string(k))
}

// The count of sources kept on each event follows every write that adds,
// merges, separates or removes its sources, and ranks the headlines.
func TestSourcesCountKept(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	meeting := func() model.Event {
		return ev(model.KindMeeting, "Kerry meets Putin", "2016-03-24", "", moscow, "John Kerry")
	}
	talks := func() model.Event {
		return ev(model.KindTalks, "Geneva talks", "2016-03-14", "2016-03-24", geneva)
	}
	v := newArticleSaver(s)
	save, ids := v.save, v.ids
	for _, step := range []struct {
		name string
		do   func() error
		want string
	}{
		{"first article", save("a1.txt", meeting(), talks(),
			ev(model.KindCeasefire, "Ceasefire begins", "2016-02-27", "", nil)),
			"ceasefire:1 talks:1 meeting:1"},
		{"a second report of the meeting", save("a2.txt", meeting()),
			"meeting:2 ceasefire:1 talks:1"},
		{"a third of the meeting, a second of the talks", save("a3.txt", meeting(), talks()),
			"meeting:3 talks:2 ceasefire:1"},
		{"ceasefire merged into the talks", func() error {
			return s.MergeEvents(eventOfKind(t, s, model.KindTalks), eventOfKind(t, s, model.KindCeasefire))
		}, "meeting:3 talks:2"},
		{"ceasefire unmerged", func() error {
			return s.UnmergeEvent(eventOfKind(t, s, model.KindCeasefire))
		}, "meeting:3 talks:2 ceasefire:1"},
		{"third article deleted", func() error {
			return s.DeleteArticle(ctx, ids["a3.txt"])
		}, "meeting:2 ceasefire:1 talks:1"},
		{"second article re-imported without the meeting", save("a2.txt",
			ev(model.KindStatement, "Lavrov statement", "2016-03-20", "", moscow)),
			"ceasefire:1 talks:1 statement:1"},
	} {
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if n := wrongCounts(t, s); n != 0 {
			t.Errorf("%s: %d events with a wrong count of sources", step.name, n)
		}
		if got := headlines(t, s, "2016-01-01", "2016-12-31"); got != step.want {
			t.Errorf("%s: headlines %q, want %q", step.name, got, step.want)
		}
	}
	h, err := s.Check(ctx)
	if err != nil || !h.Sound() {
		t.Errorf("check: %v %v", h.Problems, err)
	}
}

// A bulk load counts its events' sources once at commit, and puts the
// trigger back for the writes after it.
func TestSourcesCountedByBulkLoad(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	b, err := s.NewBulkWriter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, x := article("bulk.txt", "2016-03-25", ev(model.KindMeeting, "Meeting", "2016-03-24", "", moscow))
	if err := b.AddArticle(a); err != nil {
		t.Fatal(err)
	}
	e := x.Events[0]
	e.Sources[0].ArticleID = a.ID
	second := e.Sources[0]
	second.Start, second.End = second.Start+1, second.End-1
	e.Sources = append(e.Sources, second)
	if err := b.AddEvent(&e); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	a2, x2 := article("after.txt", "2016-03-25", ev(model.KindTalks, "Talks", "2016-03-20", "", geneva))
	if _, err := s.SaveArticle(ctx, a2, x2, sameTitle); err != nil {
		t.Fatal(err)
	}
	if n := wrongCounts(t, s); n != 0 {
		t.Errorf("%d events with a wrong count of sources", n)
	}
	if got, want := headlines(t, s, "2016-01-01", "2016-12-31"), "meeting:2 talks:1"; got != want {
		t.Errorf("headlines %q, want %q", got, want)
	}
}

// A store written before schema 14 gets its events' sources counted by the
// upgrade, and its stretches' headlines read from the new index.
func TestSourcesCountedOnUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	writeOldStore(t, path, 13,
		`INSERT INTO articles(id, path, sha256, format, text, imported_at) VALUES (1, 'a.txt', 'a', 'txt', 'A one. A two.', 0), (2, 'b.txt', 'b', 'txt', 'B one. B two.', 0)`,
		// 17000 is 2016-07-18; event 4 is hidden and not a headline.
		`INSERT INTO events(id, key, kind, title, x_title, start_day, end_day, precision, hidden) VALUES
			(1, 'k1', 'meeting', 'one', 'one', 17000, 17000, 'day', 0), (2, 'k2', 'talks', 'two', 'two', 17001, 17001, 'day', 0),
			(3, 'k3', 'statement', 'three', 'three', 17002, 17002, 'day', 0), (4, 'k4', 'proposal', 'four', 'four', 17003, 17003, 'day', 1)`,
		`INSERT INTO event_sources(event_id, article_id, start, end) VALUES
			(1, 1, 0, 6), (2, 1, 7, 13), (2, 2, 0, 6), (3, 1, 0, 6), (3, 2, 0, 6), (3, 2, 7, 13), (4, 1, 0, 6), (4, 2, 0, 6), (4, 2, 7, 13), (4, 1, 7, 13)`,
	)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tt := range []struct {
		id   int64
		want int
	}{{1, 1}, {2, 2}, {3, 3}, {4, 4}} {
		var n int
		if err := s.db.QueryRow(`SELECT n_sources FROM events WHERE id = ?`, tt.id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != tt.want {
			t.Errorf("event %d: %d sources counted, want %d", tt.id, n, tt.want)
		}
	}
	if got, want := headlines(t, s, "2016-07-01", "2016-07-31"), "statement:3 talks:2 meeting:1"; got != want {
		t.Errorf("headlines %q, want %q", got, want)
	}
}

// Without a narrowing filter the headlines of a stretch are read from
// ranges of events_reported, in the order wanted: no sort, and no look at
// event_sources.
func TestMostReportedPlan(t *testing.T) {
	s := openTemp(t)
	w, args := Filter{}.clauses()
	w = append(w, `e.n_sources = ?`)
	perCount, perArgs := mostReportedSQL(w, append(args, 2), day("2016-01-01"), day("2016-12-31"), 3)
	for _, tt := range []struct {
		name string
		q    string
		args []any
	}{
		{"next count down", `SELECT max(n_sources) FROM events WHERE hidden = 0 AND merged_into IS NULL AND n_sources < ?`, []any{5}},
		{"events of one count", perCount, perArgs},
	} {
		plan := queryPlan(t, s, tt.q, tt.args)
		if !strings.Contains(plan, "INDEX events_reported") || strings.Contains(plan, "TEMP B-TREE") || strings.Contains(plan, "event_sources") {
			t.Errorf("%s: plan %q, want a range of events_reported with no sort", tt.name, plan)
		}
	}
}

func queryPlan(t *testing.T, s *Store, q string, args []any) string {
	t.Helper()
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}

// The headlines are the same whichever way they are read: by count down
// the index without a narrowing filter, in one ranked query with one.
func TestMostReportedFilters(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	// Sources per event: meeting 3, talks 2, statement 2 (later), ceasefire 1, military 1 (hidden).
	reports := [][]model.Event{
		{ev(model.KindMeeting, "Meeting", "2016-03-24", "", moscow), ev(model.KindTalks, "Talks", "2016-03-14", "", geneva),
			ev(model.KindStatement, "Statement", "2016-05-02", "", moscow), ev(model.KindCeasefire, "Ceasefire", "2016-02-27", "", nil),
			ev(model.KindMilitary, "Strike", "2016-01-05", "", moscow)},
		{ev(model.KindMeeting, "Meeting", "2016-03-24", "", moscow), ev(model.KindTalks, "Talks", "2016-03-14", "", geneva),
			ev(model.KindStatement, "Statement", "2016-05-02", "", moscow), ev(model.KindMilitary, "Strike", "2016-01-05", "", moscow)},
		{ev(model.KindMeeting, "Meeting", "2016-03-24", "", moscow), ev(model.KindMilitary, "Strike", "2016-01-05", "", moscow)},
	}
	for i, evs := range reports {
		a, x := article(fmt.Sprintf("r%d.txt", i), "2016-05-03", evs...)
		if _, err := s.SaveArticle(ctx, a, x, sameTitle); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.HideEvent(eventOfKind(t, s, model.KindMilitary)); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		from, to string
		n        int
		f        Filter
		want     string
	}{
		{"the year", "2016-01-01", "2016-12-31", 3, Filter{}, "meeting:3 talks:2 statement:2"},
		{"the year, top 5", "2016-01-01", "2016-12-31", 5, Filter{}, "meeting:3 talks:2 statement:2 ceasefire:1"},
		{"spring", "2016-03-01", "2016-05-31", 2, Filter{}, "meeting:3 talks:2"},
		{"a quiet month", "2016-02-01", "2016-02-29", 3, Filter{}, "ceasefire:1"},
		{"nothing", "2017-01-01", "2017-12-31", 3, Filter{}, ""},
		{"from April", "2016-01-01", "2016-12-31", 3, Filter{From: day("2016-04-01")}, "statement:2"},
		{"kinds", "2016-01-01", "2016-12-31", 3, Filter{Kinds: []model.Kind{model.KindTalks, model.KindCeasefire}}, "talks:2 ceasefire:1"},
		{"hidden too", "2016-01-01", "2016-12-31", 2, Filter{IncludeHidden: true}, "military:3 meeting:3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := s.MostReportedBetween(day(tt.from), day(tt.to), tt.n, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range ms {
				got = append(got, fmt.Sprintf("%s:%d", m.Kind, m.Sources))
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("headlines %q, want %q", g, tt.want)
			}
		})
	}
}
