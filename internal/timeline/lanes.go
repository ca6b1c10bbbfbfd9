package timeline

// Placement is where a card goes: its lane (column) and the top of the card,
// which may sit below its mark when earlier cards took the room.
type Placement struct {
	Lane int
	Y    float64
}

// PlaceCards assigns each card, given the y of its mark in ascending order, a
// lane and a top so that no two cards overlap: a card goes in the first lane
// that is free at its mark; when every lane is busy it is stacked under the
// lane that frees up first. cardH is a card's height and gap the space kept
// between cards.
func PlaceCards(ys []float64, lanes int, cardH, gap float64) []Placement {
	return PlaceSized(ys, uniform(len(ys), cardH), lanes, gap)
}

// PlaceSized is PlaceCards for cards of different heights: card i is hs[i]
// tall (a summary card is taller than an event's).
func PlaceSized(ys, hs []float64, lanes int, gap float64) []Placement {
	if lanes < 1 {
		lanes = 1
	}
	bottom := make([]float64, lanes)
	for i := range bottom {
		bottom[i] = -1e18
	}
	out := make([]Placement, len(ys))
	for i, y := range ys {
		top := y - hs[i]/2 // centre the card on its mark when there is room
		lane := -1
		for l := range bottom {
			if bottom[l]+gap <= top {
				lane = l
				break
			}
		}
		if lane < 0 {
			lane = 0
			for l := range bottom {
				if bottom[l] < bottom[lane] {
					lane = l
				}
			}
			top = bottom[lane] + gap
		}
		out[i] = Placement{Lane: lane, Y: top}
		bottom[lane] = top + hs[i]
	}
	return out
}

// PlaceCardsWithin places cards like PlaceCards, then slides them up, lane
// by lane, so that none ends below bottom, and back down so that none starts
// above top: crowded dates near the end of the view then borrow room above
// them instead of pushing later cards out of sight. Cards stay in order and
// never overlap; when there are more than fit, the last ones still overflow.
func PlaceCardsWithin(ys []float64, lanes int, cardH, gap, top, bottom float64) []Placement {
	return PlaceSizedWithin(ys, uniform(len(ys), cardH), lanes, gap, top, bottom)
}

// PlaceSizedWithin is PlaceCardsWithin for cards of different heights.
func PlaceSizedWithin(ys, hs []float64, lanes int, gap, top, bottom float64) []Placement {
	ps := PlaceSized(ys, hs, lanes, gap)
	if lanes < 1 {
		lanes = 1
	}
	for l := range lanes {
		var idx []int
		for i, p := range ps {
			if p.Lane == l {
				idx = append(idx, i)
			}
		}
		limit := bottom
		for k := len(idx) - 1; k >= 0; k-- {
			p := &ps[idx[k]]
			if p.Y+hs[idx[k]] > limit {
				p.Y = limit - hs[idx[k]]
			}
			limit = p.Y - gap
		}
		floor := top
		for _, i := range idx {
			p := &ps[i]
			if p.Y < floor {
				p.Y = floor
			}
			floor = p.Y + hs[i] + gap
		}
	}
	return ps
}

func uniform(n int, h float64) []float64 {
	hs := make([]float64, n)
	for i := range hs {
		hs[i] = h
	}
	return hs
}
