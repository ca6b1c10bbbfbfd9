package bidiorder

import (
	"reflect"
	"testing"
)

func TestVisualOrder(t *testing.T) {
	tests := []struct {
		name   string
		levels []int
		want   []int
	}{
		{"left to right", []int{0, 0, 0}, []int{0, 1, 2}},
		{"a right-to-left quotation inside English", []int{0, 1, 1, 0}, []int{0, 2, 1, 3}},
		{"a number inside Arabic keeps its order", []int{1, 2, 2, 1}, []int{3, 1, 2, 0}},
		{"a right-to-left line", []int{1, 1, 1}, []int{2, 1, 0}},
		{"a left-to-right run inside Arabic", []int{1, 2, 1}, []int{2, 1, 0}},
		{"nested levels", []int{0, 1, 2, 1, 0}, []int{0, 3, 2, 1, 4}},
		{"a lone number in English", []int{0, 2, 0}, []int{0, 1, 2}},
		{"a number run in English", []int{0, 2, 2, 0}, []int{0, 1, 2, 3}},
		{"nothing", nil, []int{}},
	}
	for _, tc := range tests {
		if got := VisualOrder(tc.levels); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: VisualOrder(%v) = %v, want %v", tc.name, tc.levels, got, tc.want)
		}
	}
}
