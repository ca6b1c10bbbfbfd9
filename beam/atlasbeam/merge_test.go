package atlasbeam

import (
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestCellsOf: an event goes to its days and the day after, so that two
// reports a day apart meet; before 1970 too; never to thousands of cells.
func TestCellsOf(t *testing.T) {
	one := model.Event{Start: day(2016, 3, 24), End: day(2016, 3, 24)}
	c := cellsOf(&one)
	if len(c) != 2 || c[0] != dayNum(one.Start) || c[1] != c[0]+1 {
		t.Errorf("one day: %v", c)
	}
	month := model.Event{Start: day(2016, 2, 1), End: day(2016, 2, 29)}
	if n := len(cellsOf(&month)); n != 30 {
		t.Errorf("February 2016: %d cells, want 30", n)
	}
	old := model.Event{Start: day(1945, 5, 8)}
	if c := cellsOf(&old); len(c) != 2 || c[0] >= 0 || dayNum(day(1969, 12, 31)) != -1 {
		t.Errorf("1945: %v", c)
	}
	decade := model.Event{Start: day(2000, 1, 1), End: day(2009, 12, 31)}
	if n := len(cellsOf(&decade)); n != maxCellSpan+1 {
		t.Errorf("decade: %d cells", n)
	}
	if c := cellsOf(&model.Event{}); c != nil {
		t.Errorf("undated: %v", c)
	}
	if cellID(-1) >= cellID(0) || cellID(9) >= cellID(10) {
		t.Error("cell ids do not sort by day")
	}
}

// TestWinner: a member kept by two clusters goes to the bigger, then to
// the earlier.
func TestWinner(t *testing.T) {
	if w := winner([]claim{{"000000002/a", 2}, {"000000001/a", 1}}); w != "000000002/a" {
		t.Errorf("bigger: %s", w)
	}
	if w := winner([]claim{{"000000002/a", 2}, {"000000001/b", 2}}); w != "000000001/b" {
		t.Errorf("earlier: %s", w)
	}
}

// TestFinishLostMembers: a cluster that lost every member emits nothing,
// one that kept all emits its merged event untouched.
func TestFinishLostMembers(t *testing.T) {
	c := cluster{ID: "x", Members: []member{{ID: "a"}, {ID: "b"}}, Merged: model.Event{Key: "k"}}
	if evs := finish(c, map[string]bool{}); len(evs) != 0 {
		t.Errorf("lost all: %v", evs)
	}
	if evs := finish(c, map[string]bool{"a": true, "b": true}); len(evs) != 1 || evs[0].Key != "k" {
		t.Errorf("won all: %v", evs)
	}
	one := member{ID: "a", Event: model.Event{Key: "a", Start: day(2016, 3, 24), Sources: []model.Source{{File: "f", Span: model.Span{Start: 0, End: 3}}}}}
	c = cluster{ID: "x", Members: []member{one, {ID: "b"}}}
	if evs := finish(c, map[string]bool{"a": true}); len(evs) != 1 || evs[0].Key != "a" || evs[0].Sources[0].DateHow != "" {
		t.Errorf("won one: %+v", evs)
	}
}
