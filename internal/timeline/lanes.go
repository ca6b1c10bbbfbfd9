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
	if lanes < 1 {
		lanes = 1
	}
	bottom := make([]float64, lanes)
	for i := range bottom {
		bottom[i] = -1e18
	}
	out := make([]Placement, len(ys))
	for i, y := range ys {
		top := y - cardH/2 // centre the card on its mark when there is room
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
		bottom[lane] = top + cardH
	}
	return out
}
