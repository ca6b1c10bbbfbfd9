package extract

import (
	"fmt"
	"testing"

	"github.com/briefingatlas/atlas/internal/meantime"
	"github.com/briefingatlas/atlas/internal/model"
)

// prf counts matches for precision, recall and F1.
type prf struct{ tp, fp, fn int }

func (c prf) String() string {
	p := ratio(c.tp, c.tp+c.fp)
	r := ratio(c.tp, c.tp+c.fn)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P=%.2f R=%.2f F1=%.2f (tp=%d fp=%d fn=%d)", p, r, f, c.tp, c.fp, c.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestMeantimeEntities measures person and organisation recognition on
// MEANTIME's gold entity mentions (Wikinews, annotated in each document's
// first sentences): names only (syntactic type NAM), a predicted mention
// counting when it overlaps a gold mention of the same type. Governments
// named by a country or capital count as organisations, as MEANTIME types
// them. The figures are reported, not enforced: they describe how the
// recogniser generalises beyond the sample corpus.
func TestMeantimeEntities(t *testing.T) {
	dir, ok := meantime.FindDir(".")
	if !ok {
		t.Skip("shared/eval/meantime not found above the repository")
	}
	docs, err := meantime.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	x := testExtractor(t)
	counts := map[string]*prf{"PER": {}, "ORG": {}}
	for _, doc := range docs {
		a := &model.Article{Path: doc.Path, Text: doc.Text, Published: doc.DCT, DateSource: model.DateManifest}
		if doc.DCT.IsZero() {
			a.DateSource = model.DateUnknown
		}
		ex := x.Extract(a)
		var pred []model.Mention
		for _, m := range ex.Mentions {
			if m.End <= doc.AnnotatedEnd && (m.Type == model.MentionPerson || m.Type == model.MentionOrg) {
				pred = append(pred, m)
			}
		}
		for _, typ := range []string{"PER", "ORG"} {
			c := counts[typ]
			var gold []model.Span
			for _, g := range doc.Mentions {
				if g.EntityType == typ && g.Syntactic == "NAM" && g.Span.End <= doc.AnnotatedEnd {
					gold = append(gold, g.Span)
				}
			}
			var mine []model.Span
			for _, m := range pred {
				if (typ == "PER") == (m.Type == model.MentionPerson) {
					mine = append(mine, m.Span)
				}
			}
			used := make([]bool, len(mine))
			for _, g := range gold {
				hit := false
				for i, m := range mine {
					if !used[i] && m.Start < g.End && g.Start < m.End {
						used[i], hit = true, true
						break
					}
				}
				if hit {
					c.tp++
				} else {
					c.fn++
					if debugMeantime {
						fmt.Printf("FN %s %q\n", typ, doc.Text[g.Start:g.End])
					}
				}
			}
			for i := range mine {
				if !used[i] {
					c.fp++
					if debugMeantime {
						fmt.Printf("FP %s %q\n", typ, doc.Text[mine[i].Start:mine[i].End])
					}
				}
			}
		}
	}
	for _, typ := range []string{"PER", "ORG"} {
		t.Logf("MEANTIME %s (names, overlap): %s", typ, counts[typ])
	}
	if counts["PER"].tp == 0 || counts["ORG"].tp == 0 {
		t.Errorf("no person or organisation found at all: %v %v", counts["PER"], counts["ORG"])
	}
}

// debugMeantime prints every miss and false alarm, for tuning.
const debugMeantime = false
