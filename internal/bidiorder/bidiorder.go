// Package bidiorder puts runs of mixed-direction text in visual order
// (Unicode Bidirectional Algorithm, UAX #9, rule L2), for the two places that
// lay out right-to-left text themselves: the PDF briefing and the app's
// excerpt pane. golang.org/x/text/unicode/bidi gives the levels; this is the
// step it leaves to the caller.
package bidiorder

// VisualOrder returns the indexes of items at the given embedding levels in
// visual order, left to right: from the highest level down to the lowest odd
// one, every sequence of items at that level or above is reversed.
func VisualOrder(levels []int) []int {
	idx := make([]int, len(levels))
	hi, lo := 0, -1
	for i, lv := range levels {
		idx[i] = i
		hi = max(hi, lv)
		if lv%2 == 1 && (lo < 0 || lv < lo) {
			lo = lv
		}
	}
	if lo < 0 {
		lo = 1 // numbers at level 2 in a left-to-right line are reversed twice: kept
	}
	for lv := hi; lv >= lo; lv-- {
		for i := 0; i < len(idx); {
			if levels[idx[i]] < lv {
				i++
				continue
			}
			j := i
			for j < len(idx) && levels[idx[j]] >= lv {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				idx[a], idx[b] = idx[b], idx[a]
			}
			i = j
		}
	}
	return idx
}
