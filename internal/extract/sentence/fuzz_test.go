package sentence

import "testing"

// FuzzSplit checks that no text makes the splitter panic and that the
// sentences it finds are ordered, non-overlapping spans of the text.
// Seeds: testdata/fuzz/FuzzSplit.
func FuzzSplit(f *testing.F) {
	f.Add("Gen. Smith met the U.S. envoy on Jan. 5. \"We agreed,\" he said. Then they left")
	f.Add("BEIRUT (Reuters) - One.\n\nTwo? Three!\u201d Four…")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Split(text) {
			if s.Start < prev || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("sentence %v out of order or outside text of %d bytes (previous end %d)", s, len(text), prev)
			}
			prev = s.End
		}
	})
}
