package timex

import (
	"testing"
	"time"
)

// FuzzTag checks that no text makes the tagger panic and that every
// expression it returns is a well-formed span of the text with a
// consistent interval. Seeds: testdata/fuzz/FuzzTag.
func FuzzTag(f *testing.F) {
	f.Add("The talks on March 24, 2016 ended; they will resume by August.", int64(1458777600))
	f.Add("last year's 2015 accord, two weeks ago, the 1990s, 18:00 UTC Monday", int64(0))
	f.Fuzz(func(t *testing.T, text string, dctUnix int64) {
		var dct time.Time
		if dctUnix > 0 && dctUnix < 4102444800 { // before 2100
			dct = time.Unix(dctUnix, 0).UTC()
		}
		for _, x := range Tag(text, dct) {
			if x.Span.Start < 0 || x.Span.End > len(text) || x.Span.Start >= x.Span.End {
				t.Fatalf("span %v outside text of %d bytes", x.Span, len(text))
			}
			if text[x.Span.Start:x.Span.End] != x.Text {
				t.Fatalf("text %q is not the span's %q", x.Text, text[x.Span.Start:x.Span.End])
			}
			if !x.Start.IsZero() && x.End.Before(x.Start) {
				t.Fatalf("%q: interval %v..%v ends before it starts", x.Text, x.Start, x.End)
			}
		}
	})
}
