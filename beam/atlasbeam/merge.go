package atlasbeam

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/model"
)

// Cross-article merging at scale, without Beam: the DoFns in pipeline.go
// only move these values around.
//
// extract.MergeAll merges two reports only when their dates overlap or lie
// a day apart (extract.SameEvent). So each dated event is sent to every day
// cell from its first day to the day after its last: two events that may
// merge always meet in the cell of the later first day. MergeAll runs on
// each cell, and a cluster is kept by the one cell that sees it whole, that
// of its members' latest first day. Where merges chain across more days
// than a cell spans (a report a day apart from a report a day apart from a
// third), or a long event is matched in several cells, an event can be kept
// twice; each event is then given to one cluster (the biggest; the earliest
// cell on a tie) and the clusters that lost members are merged again from
// the members they kept, so each event ends up in exactly one output.

// member is one article's event, sent to a cell for merging.
type member struct {
	// ID sorts the events in the order `atlas extract` meets them (the
	// article's order, then the event's index in it); MergeAll keeps the
	// first of a merge and is greedy, so the order decides ties.
	ID    string      `json:"id"`
	Event model.Event `json:"event"`
}

// cluster is a merged event kept by its cell, with its members.
type cluster struct {
	ID      string      `json:"id"` // cell, then the first member's ID: unique
	Members []member    `json:"members"`
	Merged  model.Event `json:"merged"`
}

// claim says that a kept cluster holds a member.
type claim struct {
	Cluster string `json:"cluster"`
	Size    int    `json:"size"`
}

// maxCellSpan caps the day cells one event is sent to (three years, as
// MergeAll's own month index is capped): a decade-long event would be sent
// to thousands of cells and merge with nothing it could not meet in these.
const maxCellSpan = 3 * 366

// dayNum is a date as a number of days since 1970-01-01 (UTC).
func dayNum(t time.Time) int64 {
	// Midnight UTC is a whole number of days from the epoch, also before
	// it, so the division is exact (a Duration would overflow past 292 years).
	return model.Day(t).Unix() / 86400
}

// cellsOf returns the day cells an event is sent to: its first day through
// the day after its last. Undated events have none (they never merge).
func cellsOf(e *model.Event) []int64 {
	if !e.Dated() {
		return nil
	}
	first := dayNum(e.Start)
	last := first
	if !e.End.IsZero() {
		last = dayNum(e.End)
	}
	last++ // a report of the next day may be the same event
	if last-first > maxCellSpan {
		last = first + maxCellSpan
	}
	cells := make([]int64, 0, last-first+1)
	for d := first; d <= last; d++ {
		cells = append(cells, d)
	}
	return cells
}

// cellID formats a cell so that IDs sort by day, also before 1970.
func cellID(cell int64) string { return fmt.Sprintf("%09d", cell+100_000_000) }

// tagSep marks, inside Source.DateHow (which merging never reads), which
// member a source came from, so that MergeAll's output can be traced back
// to its inputs. It is removed before anything leaves a cell.
const tagSep = "\x00m"

// mergeMembers runs extract.MergeAll over members (in ID order) and returns
// the merged events with, for each, the indexes (into the sorted members)
// of the members it holds. Every member is in exactly one group.
func mergeMembers(ms []member) ([]model.Event, [][]int) {
	sort.Slice(ms, func(i, j int) bool { return ms[i].ID < ms[j].ID })
	evs := make([]model.Event, len(ms))
	for i := range ms {
		e := cloneEvent(&ms[i].Event)
		for j := range e.Sources {
			e.Sources[j].DateHow += tagSep + strconv.Itoa(i)
		}
		evs[i] = e
	}
	out := extract.MergeAll(evs)
	groups := make([][]int, len(out))
	placed := make([]bool, len(ms))
	for k := range out {
		for j := range out[k].Sources {
			how, tag, ok := strings.Cut(out[k].Sources[j].DateHow, tagSep)
			if !ok {
				continue
			}
			out[k].Sources[j].DateHow = how
			i, err := strconv.Atoi(tag)
			if err != nil || i < 0 || i >= len(ms) || placed[i] {
				continue
			}
			placed[i] = true
			groups[k] = append(groups[k], i)
		}
	}
	// A member whose every source sentence was already in the event it
	// merged into lost its tags with the duplicates Merge drops: it is in
	// the first output that holds all its sentences.
	for i := range ms {
		if placed[i] {
			continue
		}
		k := holder(out, &ms[i].Event)
		groups[k] = append(groups[k], i)
	}
	for k := range groups {
		sort.Ints(groups[k])
	}
	return out, groups
}

// holder returns the first merged event holding every source sentence of e
// (0 when none does, which MergeAll never lets happen).
func holder(out []model.Event, e *model.Event) int {
	for k := range out {
		all := true
		for _, s := range e.Sources {
			found := false
			for _, t := range out[k].Sources {
				if t.File == s.File && t.ArticleID == s.ArticleID && t.Start == s.Start && t.End == s.End {
					found = true
					break
				}
			}
			if !found {
				all = false
				break
			}
		}
		if all {
			return k
		}
	}
	return 0
}

// cloneEvent copies the parts of an event that Merge changes in place, so
// that merging never alters a member.
func cloneEvent(e *model.Event) model.Event {
	c := *e
	c.Sources = append([]model.Source(nil), e.Sources...)
	c.Actors = make([]model.Actor, len(e.Actors))
	for i, a := range e.Actors {
		a.Aliases = append([]string(nil), a.Aliases...)
		c.Actors[i] = a
	}
	if e.Place != nil {
		p := *e.Place
		c.Place = &p
	}
	return c
}

// mergeCell merges the events sent to one cell and returns the clusters the
// cell keeps: those whose latest first day is the cell's day, the only cell
// sure to have seen all of them.
func mergeCell(cell int64, ms []member) []cluster {
	out, groups := mergeMembers(ms)
	var kept []cluster
	for k, g := range groups {
		if len(g) == 0 {
			continue
		}
		var latest int64 = -1 << 62
		c := cluster{Merged: out[k]}
		for _, i := range g {
			if d := dayNum(ms[i].Event.Start); d > latest {
				latest = d
			}
			c.Members = append(c.Members, ms[i])
		}
		if latest != cell {
			continue
		}
		c.ID = cellID(cell) + "/" + c.Members[0].ID
		kept = append(kept, c)
	}
	return kept
}

// winner picks the cluster a member belongs to among those that kept it:
// the biggest, then the earliest.
func winner(claims []claim) string {
	best := claims[0]
	for _, c := range claims[1:] {
		if c.Size > best.Size || c.Size == best.Size && c.Cluster < best.Cluster {
			best = c
		}
	}
	return best.Cluster
}

// finish returns the events of a kept cluster given the members it won: its
// merged event when it won them all, else those members merged again.
func finish(c cluster, won map[string]bool) []model.Event {
	if len(won) == len(c.Members) {
		return []model.Event{c.Merged}
	}
	var ms []member
	for _, m := range c.Members {
		if won[m.ID] {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return nil
	}
	out, _ := mergeMembers(ms)
	return out
}
