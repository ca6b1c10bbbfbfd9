package atlasbeam

import (
	"sort"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/model"
)

// Cross-article merging at scale, without Beam: the DoFns in pipeline.go
// only move these values around.
//
// extract.MergeAll is greedy: each report joins the merged event it matches
// best so far, so what an event becomes depends on every report before it
// that could have met it, and those on theirs, chained over days. Day cells
// (an earlier version) cut those chains at cell borders and grouped about
// 1 % of events otherwise than `atlas extract`. The pipeline therefore
// groups by what can never meet: extract.MergeClass (compatible kinds,
// planned or past). Events of two classes are never compared, so MergeAll
// over each class, in the order `atlas extract` meets the events, gives
// exactly the events MergeAll gives over all of them. The classes merge in
// parallel; one class is merged by one worker.

// member is one article's event, sent to its merge class.
type member struct {
	// ID sorts the events in the order `atlas extract` meets them (the
	// article's order, then the event's index in it): MergeAll keeps the
	// first report of a merge and is greedy, so the order decides.
	ID    string      `json:"id"`
	Event model.Event `json:"event"`
}

// mergeClass merges the events of one merge class as `atlas extract` does.
func mergeClass(ms []member) []model.Event {
	sort.Slice(ms, func(i, j int) bool { return ms[i].ID < ms[j].ID })
	evs := make([]model.Event, len(ms))
	for i := range ms {
		evs[i] = ms[i].Event
	}
	return extract.MergeAll(evs)
}
