package store

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/model"
)

// The world's places come from one joined query; a box that holds every
// place goes through the R*Tree and the place cache instead. Both must
// give the same places, counts, kinds, days and order.
func TestWorldPlacesMatchTheRTreePath(t *testing.T) {
	s := openTemp(t)
	a, x := article("world.txt", "2016-03-25",
		ev(model.KindMeeting, "Meeting", "2016-03-01", "", moscow),
		ev(model.KindMilitary, "Strike", "2016-03-02", "", moscow),
		ev(model.KindMilitary, "Strike again", "2016-03-09", "", moscow),
		ev(model.KindTalks, "Talks", "2015-11-07", "", geneva),
	)
	if _, err := s.SaveArticle(context.Background(), a, x, sameTitle); err != nil {
		t.Fatal(err)
	}
	almost := orb.Bound{Min: orb.Point{-179.9, -89.9}, Max: orb.Point{179.9, 89.9}}
	tests := []struct {
		name   string
		before func()
	}{
		{"as saved", func() {}},
		{"after hiding the meeting", func() {
			evs, err := s.EventsAt(pcs0(t, s, "Moscow"), Filter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range evs {
				if e.Kind == model.KindMeeting {
					if err := s.HideEvent(e.ID); err != nil {
						t.Fatal(err)
					}
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.before()
			world, err := s.PlacesIn(orb.Bound{}, Filter{})
			if err != nil {
				t.Fatal(err)
			}
			box, err := s.PlacesIn(almost, Filter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(world) != 2 {
				t.Fatalf("world: %d places, want 2: %+v", len(world), world)
			}
			if !reflect.DeepEqual(world, box) {
				t.Errorf("world and box differ:\n world %+v\n box   %+v", world, box)
			}
			if world[0].Place.Name != "Moscow" || world[0].First.IsZero() || world[0].Place.Lat == 0 {
				t.Errorf("busiest place %+v", world[0])
			}
		})
	}
}

// The world's places are sorted by their keys and moved once; the order
// must be busiestFirst's, ties included.
func TestSortBusiestFirst(t *testing.T) {
	for _, tt := range []struct {
		name   string
		counts []int // the places' counts, ids 1.. in this order
	}{
		{"none", nil},
		{"one", []int{4}},
		{"sorted", []int{9, 5, 5, 1}},
		{"reversed", []int{1, 2, 3, 4, 5, 6}},
		{"ties and cycles", []int{3, 7, 3, 7, 1, 9, 3, 0, 7, 2, 2, 9}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var pcs []PlaceCount
			for i, n := range tt.counts {
				pcs = append(pcs, PlaceCount{Place: model.Place{ID: int64(i + 1), Name: fmt.Sprint("place ", i+1)}, Count: n})
			}
			want := slices.Clone(pcs)
			slices.SortFunc(want, busiestFirst)
			sortBusiestFirst(pcs)
			if !reflect.DeepEqual(pcs, want) {
				t.Errorf("sorted %v, want %v", pcs, want)
			}
		})
	}
}
