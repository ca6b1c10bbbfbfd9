package geo

import (
	"slices"
	"sort"
)

// nameIndex maps folded names to entries. It holds hashes rather than the
// names themselves: a million names cost 12 bytes each plus 4 per entry,
// where a map of strings to slices costs ten times that, and a lookup is a
// binary search of a sorted array. Two different names with one 64-bit
// hash are possible in theory (odds of about one in ten million for the
// whole index) and would only add a candidate that scoring then weighs.
type nameIndex struct {
	hash  []uint64 // sorted, unique
	start []uint32 // postings of hash[k] are post[start[k]:start[k+1]]
	post  []uint32 // entry index, with altBit for an alternate name
}

// altBit marks a posting made by an alternate name.
const altBit = 1 << 31

// posting is one name of one entry while the index is built.
type posting struct {
	h uint64
	p uint32
}

// hashName is FNV-1a, 64 bits, of a folded name.
func hashName(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// buildIndex sorts the postings into an index. An entry named twice under
// one key keeps its main name's posting only.
func buildIndex(ps []posting) nameIndex {
	slices.SortFunc(ps, func(a, b posting) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		case a.p < b.p:
			return -1
		case a.p > b.p:
			return 1
		}
		return 0
	})
	var ix nameIndex
	ix.post = make([]uint32, 0, len(ps))
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].h == ps[i].h {
			j++
		}
		ix.hash = append(ix.hash, ps[i].h)
		ix.start = append(ix.start, uint32(len(ix.post)))
		first := len(ix.post)
		for _, q := range ps[i:j] {
			dup := false
			for _, have := range ix.post[first:] {
				if have&^altBit == q.p&^altBit {
					dup = true // main postings sort first (no altBit)
					break
				}
			}
			if !dup {
				ix.post = append(ix.post, q.p)
			}
		}
		i = j
	}
	ix.start = append(ix.start, uint32(len(ix.post)))
	ix.hash = slices.Clip(ix.hash)
	ix.start = slices.Clip(ix.start)
	ix.post = slices.Clip(ix.post)
	return ix
}

// find returns the postings of a folded name.
func (ix *nameIndex) find(folded string) []uint32 {
	h := hashName(folded)
	k := sort.Search(len(ix.hash), func(k int) bool { return ix.hash[k] >= h })
	if k == len(ix.hash) || ix.hash[k] != h {
		return nil
	}
	return ix.post[ix.start[k]:ix.start[k+1]]
}

// holds reports whether entry i is indexed under a folded name, by its main
// name or another.
func (ix *nameIndex) holds(folded string, i int32) bool {
	for _, p := range ix.find(folded) {
		if int32(p&^altBit) == i {
			return true
		}
	}
	return false
}
