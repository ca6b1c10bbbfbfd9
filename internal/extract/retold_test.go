package extract

import (
	"fmt"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// TestDateRetold checks, on articles written for the test, when a dated
// article's event told without a date ("the jet that crashed near
// Grenoble, killing 80") takes the date of another outlet's report of it
// and joins that report's event: the same happening told with one of its
// words does; talks (which recur), a happening told only after the
// article, a different happening of the same story (a death during the
// search) and an event the article dates itself do not.
func TestDateRetold(t *testing.T) {
	x := testExtractor(t)
	extract := func(id int64, text, published string) model.Extraction {
		a := article(text, published, "")
		a.ID, a.Path = id, fmt.Sprintf("/tmp/news/a%d.txt", id)
		return x.Extract(a)
	}
	crash := extract(1, "An Alpine Air passenger jet crashed in the mountains near Grenoble on Tuesday, killing all 80 people on board, "+
		"the regional prefecture said.", "2022-05-11")
	talks := extract(2, "Negotiators from Chile and Peru held talks in Lima on Monday on the disputed fishing grounds.", "2022-05-10")
	later := extract(3, "A ferry sank off the coast of Crete on Friday, leaving 12 people missing, the coast guard said.", "2022-05-11")
	coup := extract(4, "A military coup toppled the government in Bamako on Tuesday.", "2022-05-11")
	var reports []model.Event
	for _, e := range []model.Extraction{crash, talks, later, coup} {
		reports = append(reports, e.Events...)
	}
	idx := NewReports(reports)

	tests := []struct {
		name      string
		text      string
		published string
		want      string // the date the retold event takes, "" for none
		report    model.Extraction
	}{
		{
			name: "the crash retold in a relative clause, two days on",
			text: "Investigators said on Thursday that they had recovered the flight recorders. " +
				"The captain of the Alpine Air jet that crashed near Grenoble, killing 80 people, had flown the route for a decade.",
			published: "2022-05-13", want: "2022-05-10", report: crash,
		},
		{
			name: "the crash retold as a definite noun",
			text: "Investigators said on Thursday that they had recovered the flight recorders. " +
				"Families of the 80 victims gathered near Grenoble where the Alpine Air crash left no survivors.",
			published: "2022-05-13", want: "2022-05-10", report: crash,
		},
		{
			name: "a coup retold in the town the report places it, with only its word and the town in common",
			text: "Officials said on Thursday that calm had returned. " +
				"The botched coup in Bamako left the army divided.",
			published: "2022-05-13", want: "2022-05-10", report: coup,
		},
		{
			name: "how a retold coup ended ('hours later' than the coup, not than the day the story last named) is of the coup's day",
			text: "The minister said on Friday that 600 officers had been detained. " +
				"The botched coup in Bamako, which saw tanks roll into the streets, ended hours later when loyal troops regained control.",
			published: "2022-05-13", want: "2022-05-10", report: coup,
		},
		{
			name:      "the crash retold inside a quotation, beside the speaker's statement of the day",
			text:      "\"The pilot of the Alpine Air jet that went down near Grenoble, killing 80 people, had flown the route for years,\" an investigator said on Thursday.",
			published: "2022-05-13", want: "2022-05-10", report: crash,
		},
		{
			name: "talks recur: the talks retold are not dated from one report",
			text: "Officials said on Wednesday that fishing would continue. " +
				"The talks between Chile and Peru in Lima on the disputed fishing grounds ended without a deal.",
			published: "2022-05-12",
		},
		{
			name: "a report dated after the article retells nothing in it",
			text: "The harbour master said on Monday that checks had been stepped up. " +
				"The ferry that sank off Crete with 12 people missing had been inspected.",
			published: "2022-05-03",
		},
		{
			name: "a death during the search is not the crash",
			text: "Rescuers said on Thursday that the search had been called off. " +
				"A volunteer from the Grenoble mountain rescue team died in a fall near the Alpine Air wreckage.",
			published: "2022-05-13",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := extract(9, tc.text, tc.published)
			got := idx.DateRetold(e.Retold, e.Events, article("", tc.published, "").Published)
			if tc.want == "" {
				if len(got) != 0 {
					t.Fatalf("dated %q on %s; want nothing dated (retold: %d)", got[0].Title, got[0].Start.Format("2006-01-02"), len(e.Retold))
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d retold events dated (of %d retold: %v); want 1", len(got), len(e.Retold), titles(e.Retold))
			}
			if d := got[0].Start.Format("2006-01-02"); d != tc.want {
				t.Errorf("dated %s; want %s", d, tc.want)
			}
			if h := got[0].Sources[0].DateHow; h != model.DateHowRetold {
				t.Errorf("date how %q; want %q", h, model.DateHowRetold)
			}
			// The retelling comes first, and gives way to the report.
			merged := MergeAll(append(append([]model.Event(nil), got...), tc.report.Events...))
			if len(merged) != 1 || len(merged[0].Sources) != 2 {
				t.Fatalf("merged into %d events; want the event told by both articles", len(merged))
			}
			if merged[0].Title != tc.report.Events[0].Title {
				t.Errorf("merged title %q; want the report's %q", merged[0].Title, tc.report.Events[0].Title)
			}
		})
	}
}

func titles(rs []model.Retold) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Title)
	}
	return out
}
