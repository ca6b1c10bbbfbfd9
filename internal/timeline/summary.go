package timeline

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// SummaryTop is how many titles a summary card lists.
const SummaryTop = 3

// Summary says what a stretch of the timeline too dense for a card per
// event holds: its most reported events and how many of each kind.
type Summary struct {
	From, To time.Time // the days covered, To exclusive
	Total    int       // events starting in the stretch
	Top      []Headline
	Kinds    []KindCount // most frequent first
}

// Headline is one of a summary's top events.
type Headline struct {
	ID      int64
	Title   string
	Kind    model.Kind
	Start   time.Time
	Sources int // number of source sentences, which ranks it
}

// KindCount is the number of a stretch's events of one kind.
type KindCount struct {
	Kind model.Kind
	N    int
}

// Summarizer is a Source that can summarise a stretch. The summary covers
// the dated events starting on the days from..to-1 (to exclusive), with at
// most top headlines.
type Summarizer interface {
	Summary(from, to time.Time, top int) (Summary, error)
}

// KeptSummarizer is a Summarizer that may say that its summaries are read
// from counts kept by the store, at a cost that does not grow with the
// events of the stretch.
type KeptSummarizer interface {
	Summarizer
	SummaryKept() bool
}

// More is the number of events the headlines leave out.
func (s Summary) More() int { return max(0, s.Total-len(s.Top)) }

// MoreLine says what the headlines leave out: "+20 more · talks 8, meeting 6,
// other 6", naming at most maxKinds kinds and folding the rest into
// "others". With no more events it is only the kinds.
func (s Summary) MoreLine(maxKinds int) string {
	var b strings.Builder
	if n := s.More(); n > 0 {
		fmt.Fprintf(&b, "+%s more", Thousands(n))
	}
	if len(s.Kinds) == 0 {
		return b.String()
	}
	if b.Len() > 0 {
		b.WriteString(" · ")
	}
	rest := 0
	for i, k := range s.Kinds {
		if i >= maxKinds {
			rest += k.N
			continue
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %s", k.Kind, Thousands(k.N))
	}
	if rest > 0 {
		fmt.Fprintf(&b, ", others %s", Thousands(rest))
	}
	return b.String()
}

// Thousands writes n with comma separators: 34,512.
func Thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + Thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// RankHeadlines orders headlines as a summary lists them: most sources
// first, then earliest, then by id, so that the order is stable.
func RankHeadlines(hs []Headline) {
	slices.SortStableFunc(hs, func(a, b Headline) int {
		if c := cmp.Compare(b.Sources, a.Sources); c != 0 {
			return c
		}
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// RankKinds orders kind counts most frequent first, ties in model.Kinds
// order.
func RankKinds(ks []KindCount) {
	slices.SortStableFunc(ks, func(a, b KindCount) int {
		if c := cmp.Compare(b.N, a.N); c != 0 {
			return c
		}
		return cmp.Compare(slices.Index(model.Kinds, a.Kind), slices.Index(model.Kinds, b.Kind))
	})
}

// Summarize summarises the dated events of evs that start on the days
// from..to-1, counting each event's sources as they are held in memory.
func Summarize(from, to time.Time, evs []model.Event, top int) Summary {
	s := Summary{From: from, To: to}
	var hs []Headline
	kinds := map[model.Kind]int{}
	for i := range evs {
		e := &evs[i]
		if !e.Dated() || model.Day(e.Start).Before(model.Day(from)) || !model.Day(e.Start).Before(model.Day(to)) {
			continue
		}
		s.Total++
		kinds[e.Kind]++
		hs = append(hs, Headline{ID: e.ID, Title: e.Title, Kind: e.Kind, Start: e.Start, Sources: len(e.Sources)})
	}
	RankHeadlines(hs)
	s.Top = hs[:min(top, len(hs))]
	for k, n := range kinds {
		s.Kinds = append(s.Kinds, KindCount{k, n})
	}
	RankKinds(s.Kinds)
	return s
}

// Stretch is a run of marks, given by their indexes, that gets one summary
// card instead of a card each.
type Stretch struct {
	First, Last int // indexes into the marks, inclusive
}

// DenseStretches finds where marks are too dense for a card each: given
// the anchors of the marks in ascending order, it groups marks that lie
// within window pixels of a group's first into runs, and returns those
// runs that hold more than most marks (the cards that window can show
// side by side). Runs that touch or follow within window of each other
// join, so that a busy week gets one summary, not several.
func DenseStretches(ys []float64, window float64, most int) []Stretch {
	var out []Stretch
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1]-ys[i] < window {
			j++
		}
		if j-i+1 > most {
			if n := len(out); n > 0 && ys[i]-ys[out[n-1].Last] < window {
				out[n-1].Last = j
			} else {
				out = append(out, Stretch{First: i, Last: j})
			}
		}
		i = j + 1
	}
	return out
}
