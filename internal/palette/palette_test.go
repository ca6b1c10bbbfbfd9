package palette

import (
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

func TestEveryKindInOneLegendGroup(t *testing.T) {
	seen := map[model.Kind]int{}
	for _, g := range Legend {
		for _, k := range g.Kinds {
			seen[k]++
			if Kind(k) != g.Color {
				t.Errorf("kind %s: legend colour %v, Kind() gives %v", k, g.Color, Kind(k))
			}
		}
	}
	for _, k := range model.Kinds {
		if seen[k] != 1 {
			t.Errorf("kind %s is in %d legend groups, want 1", k, seen[k])
		}
	}
}

func TestKindRGBAIsOpaque(t *testing.T) {
	tests := []model.Kind{model.KindMeeting, model.KindMilitary, model.KindOther, "unknown"}
	for _, k := range tests {
		if c := KindRGBA(k); c.A != 0xff {
			t.Errorf("KindRGBA(%s) alpha = %d", k, c.A)
		}
	}
}
