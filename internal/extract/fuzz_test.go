package extract

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefingatlas/atlas/internal/model"
)

// FuzzExtract runs the whole extractor on arbitrary text: it must not
// panic, and every event it returns must cite sentences that are exactly
// the article's bytes. Seeds: testdata/fuzz/FuzzExtract.
func FuzzExtract(f *testing.F) {
	f.Add("MOSCOW (Reuters) - Kerry met Putin in Moscow on Thursday. Rebels seized Kindu the next day.", "2016-03-25", "MOSCOW")
	f.Add("A strong earthquake struck northern Chile at about 4pm on Sunday, police said.", "", "")
	// A text that ends on a capitalised common word ("The", "But", a page's
	// trailing "Advertisement") once ran the name finder off its end.
	f.Add("Police arrived. The", "2014-09-29", "")
	f.Add("He said it was time to plan the next step.\n\nAdvertisement", "2014-09-29", "")
	x := testExtractor(f)
	f.Fuzz(func(t *testing.T, text, published, dateline string) {
		if !utf8.ValidString(text) {
			return // ingest only ever hands the extractor UTF-8
		}
		a := &model.Article{ID: 1, Path: "fuzz.txt", Text: text, Dateline: dateline, DateSource: model.DateUnknown}
		if d, err := time.Parse("2006-01-02", published); err == nil {
			a.Published, a.DateSource = d, model.DateManifest
		}
		ex := x.Extract(a)
		for _, e := range ex.Events {
			if len(e.Sources) == 0 {
				t.Fatalf("event %q has no source", e.Title)
			}
			for _, s := range e.Sources {
				if s.Start < 0 || s.End > len(text) || text[s.Start:s.End] != s.Text {
					t.Fatalf("source %v of %q does not point at its text", s.Span, e.Title)
				}
			}
			if e.Dated() && e.End.Before(e.Start) {
				t.Fatalf("event %q ends before it starts", e.Title)
			}
		}
	})
}
