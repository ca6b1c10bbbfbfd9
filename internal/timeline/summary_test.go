package timeline

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// sourced returns an event with n sources in one article.
func sourced(id int64, day string, kind model.Kind, n int) model.Event {
	e := ev(id, day, day, model.PrecisionDay)
	e.Kind = kind
	e.Title = fmt.Sprintf("event %d", id)
	for i := range n {
		e.Sources = append(e.Sources, model.Source{ArticleID: 1, Span: model.Span{Start: int(id)*100 + i*10, End: int(id)*100 + i*10 + 5}})
	}
	return e
}

func denseWeek() []model.Event {
	return []model.Event{
		sourced(1, "2016-03-14", model.KindTalks, 1),
		sourced(2, "2016-03-14", model.KindMilitary, 4),
		sourced(3, "2016-03-15", model.KindTalks, 2),
		sourced(4, "2016-03-16", model.KindMeeting, 4),
		sourced(5, "2016-03-17", model.KindTalks, 1),
		sourced(6, "2016-03-18", model.KindMilitary, 3),
		sourced(7, "2016-03-25", model.KindTalks, 9), // the next week
	}
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		top      int
		wantTop  []int64
		total    int
		moreLine string
	}{
		{"a busy week: most sources first, ties by date", "2016-03-14", "2016-03-21", 3, []int64{2, 4, 6}, 6,
			"+3 more · talks 3, military 2, meeting 1"},
		{"one title", "2016-03-14", "2016-03-21", 1, []int64{2}, 6, "+5 more · talks 3, military 2, meeting 1"},
		{"fewer events than titles", "2016-03-24", "2016-03-26", 3, []int64{7}, 1, "talks 1"},
		{"to is exclusive", "2016-03-14", "2016-03-15", 3, []int64{2, 1}, 2, "talks 1, military 1"},
		{"nothing", "2017-01-01", "2017-02-01", 3, nil, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Summarize(d(tt.from), d(tt.to), denseWeek(), tt.top)
			var ids []int64
			for _, h := range s.Top {
				ids = append(ids, h.ID)
			}
			if !slices.Equal(ids, tt.wantTop) {
				t.Errorf("top %v, want %v", ids, tt.wantTop)
			}
			if s.Total != tt.total {
				t.Errorf("total %d, want %d", s.Total, tt.total)
			}
			if got := s.MoreLine(3); got != tt.moreLine {
				t.Errorf("MoreLine = %q, want %q", got, tt.moreLine)
			}
		})
	}
}

func TestMoreLineFoldsKinds(t *testing.T) {
	s := Summary{Total: 34512, Top: make([]Headline, 3), Kinds: []KindCount{
		{model.KindMeeting, 20000}, {model.KindTalks, 10000}, {model.KindMilitary, 4000}, {model.KindOther, 512}}}
	want := "+34,509 more · meeting 20,000, talks 10,000, others 4,512"
	if got := s.MoreLine(2); got != want {
		t.Errorf("MoreLine = %q, want %q", got, want)
	}
}

func TestDenseStretches(t *testing.T) {
	tests := []struct {
		name   string
		ys     []float64
		window float64
		most   int
		want   []Stretch
	}{
		{"sparse: no stretch", []float64{0, 60, 120, 180}, 50, 1, nil},
		{"two side by side fit two lanes", []float64{0, 10, 100}, 50, 2, nil},
		{"three in one window with two lanes", []float64{0, 10, 20, 100}, 50, 2, []Stretch{{0, 2}}},
		{"a busy run and a lone mark", []float64{0, 5, 10, 15, 200}, 50, 1, []Stretch{{0, 3}}},
		{"busy runs close together join", []float64{0, 5, 10, 52, 57, 62}, 50, 2, []Stretch{{0, 5}}},
		{"busy runs far apart stay apart", []float64{0, 5, 10, 200, 205, 210}, 50, 2, []Stretch{{0, 2}, {3, 5}}},
		{"a run that starts sparse joins a busy one close by", []float64{0, 5, 10, 58, 100, 103, 106}, 50, 2, []Stretch{{0, 6}}},
		{"a lone mark after a busy run stays out", []float64{0, 5, 10, 58}, 50, 2, []Stretch{{0, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DenseStretches(tt.ys, tt.window, tt.most); !slices.Equal(got, tt.want) {
				t.Errorf("DenseStretches = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPlaceSizedNeverOverlaps(t *testing.T) {
	tests := []struct {
		name  string
		ys    []float64
		hs    []float64
		lanes int
	}{
		{"tall summaries among cards, one lane", []float64{10, 20, 30, 200, 210}, []float64{46, 92, 46, 92, 46}, 1},
		{"two lanes", []float64{10, 12, 14, 16, 300}, []float64{92, 46, 46, 92, 46}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := PlaceSizedWithin(tt.ys, tt.hs, tt.lanes, 6, 0, 1000)
			for i := range ps {
				for j := i + 1; j < len(ps); j++ {
					a, b := ps[i], ps[j]
					if a.Lane == b.Lane && a.Y < b.Y+tt.hs[j] && b.Y < a.Y+tt.hs[i] {
						t.Errorf("cards %d and %d overlap: %+v %+v", i, j, a, b)
					}
				}
			}
		})
	}
}

// TestStoreSourceSummaryMatchesMemory checks the store's summary of a
// stretch (its SQL ranks by sources and counts kinds) against the same
// events summarised in memory.
func TestStoreSourceSummaryMatchesMemory(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	bw, err := st.NewBulkWriter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	a := model.Article{Path: "a.txt", SHA256: "a", Format: "txt", Title: "A", Text: string(make([]byte, 2000))}
	if err := bw.AddArticle(&a); err != nil {
		t.Fatal(err)
	}
	evs := denseWeek()
	for i := range evs {
		evs[i].Key = fmt.Sprintf("k%d", i)
		for j := range evs[i].Sources {
			evs[i].Sources[j].ArticleID = a.ID
		}
		if err := bw.AddEvent(&evs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := bw.Commit(); err != nil {
		t.Fatal(err)
	}
	src := NewStoreSource(st, store.Filter{}, nil)
	for _, r := range [][2]string{{"2016-03-14", "2016-03-21"}, {"2016-03-14", "2016-03-15"}, {"2016-03-01", "2016-04-01"}} {
		got, err := src.Summary(d(r[0]), d(r[1]), SummaryTop)
		if err != nil {
			t.Fatal(err)
		}
		want := Summarize(d(r[0]), d(r[1]), evs, SummaryTop)
		if got.Total != want.Total || !slices.Equal(got.Kinds, want.Kinds) || len(got.Top) != len(want.Top) {
			t.Fatalf("%v: store summary %+v, in memory %+v", r, got, want)
		}
		for i := range got.Top {
			if got.Top[i].ID != want.Top[i].ID || got.Top[i].Sources != want.Top[i].Sources || got.Top[i].Title != want.Top[i].Title {
				t.Errorf("%v: headline %d is %+v, want %+v", r, i, got.Top[i], want.Top[i])
			}
		}
	}
}
