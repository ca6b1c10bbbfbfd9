package timex_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/meantime"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timex"
)

// minDateF1 is the DATE value F1 the tagger must reach on MEANTIME.
const minDateF1 = 0.85

// sameValue compares TIMEX3 values, treating the two notations of a decade
// (TimeML "199" and our "199X") as equal.
func sameValue(gold, sys string) bool {
	if gold == sys {
		return true
	}
	return len(gold) == 3 && sys == gold+"X"
}

type dateScore struct {
	gold, sys, goldHit, sysHit int
	misses, spurious           []string
}

func (s dateScore) prf() (p, r, f float64) {
	if s.sys > 0 {
		p = float64(s.sysHit) / float64(s.sys)
	}
	if s.gold > 0 {
		r = float64(s.goldHit) / float64(s.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// dctOf returns the document's creation time or, for the few documents
// without one, the date on its date line (the second line), as the app does
// for an article without a manifest date.
func dctOf(d *meantime.Doc) time.Time {
	if !d.DCT.IsZero() {
		return d.DCT
	}
	lines := strings.SplitN(d.Text, "\n", 3)
	if len(lines) < 2 {
		return time.Time{}
	}
	for _, x := range timex.Tag(lines[1], time.Time{}) {
		if x.Anchored && x.Precision == model.PrecisionDay {
			return x.Start
		}
	}
	return time.Time{}
}

// scoreDates computes DATE value precision and recall: a gold DATE is found
// when a system expression overlaps it with an equal value (whatever its
// type: MEANTIME files "this morning" or "six years" under DATE), and a system DATE is
// correct when it overlaps a gold DATE with an equal value. Only system
// output inside the annotated sentences counts. withCT says whether the
// creation-time date line itself is scored.
func scoreDates(docs []*meantime.Doc, withCT bool) dateScore {
	var s dateScore
	for _, d := range docs {
		all := timex.Tag(d.Text, dctOf(d))
		var xs []timex.Expr
		for _, x := range all {
			if x.Span.Start < d.AnnotatedEnd {
				xs = append(xs, x)
			}
		}
		var sys []timex.Expr
		for _, x := range xs {
			if x.Type == timex.TypeDate {
				sys = append(sys, x)
			}
		}
		var gold []meantime.Timex
		for _, g := range d.Timexes {
			if g.Type == "DATE" {
				gold = append(gold, g)
			}
		}
		overlap := func(g meantime.Timex, x timex.Expr) bool {
			return g.Span.Start < x.Span.End && x.Span.Start < g.Span.End
		}
		for _, x := range sys {
			hit, skip := false, false
			for _, g := range gold {
				if overlap(g, x) {
					if g.CreationTime() && !withCT {
						skip = true
					}
					if sameValue(g.Value, x.Value) {
						hit = true
					}
				}
			}
			if skip {
				continue
			}
			s.sys++
			if hit {
				s.sysHit++
			} else {
				s.spurious = append(s.spurious, fmt.Sprintf("%s\t%s\t%q\t%s\t%s", d.Corpus, dctOf(d).Format("2006-01-02"), x.Text, x.Value, context(d.Text, x.Span.Start, x.Span.End)))
			}
		}
		for _, g := range gold {
			if g.CreationTime() && !withCT {
				continue
			}
			s.gold++
			found := ""
			for _, x := range xs {
				if overlap(g, x) {
					found += x.Text + "=" + x.Value + " "
					if sameValue(g.Value, x.Value) {
						found = "ok"
						break
					}
				}
			}
			if found == "ok" {
				s.goldHit++
			} else {
				s.misses = append(s.misses, fmt.Sprintf("%s\t%s\t%q\t%s\tgot[%s]\t%s", d.Corpus, dctOf(d).Format("2006-01-02"), g.Text, g.Value, found, context(d.Text, g.Span.Start, g.Span.End)))
			}
		}
	}
	return s
}

func context(text string, s, e int) string {
	a, b := s-60, e+60
	if a < 0 {
		a = 0
	}
	if b > len(text) {
		b = len(text)
	}
	return strings.ReplaceAll(text[a:s]+"[["+text[s:e]+"]]"+text[e:b], "\n", " / ")
}

// TestMEANTIMEDateF1 measures DATE value F1 on the 120 English MEANTIME
// documents, normalised against each document's creation time. The gate
// is on the body dates, without the creation-time date line (which would
// be matched trivially); the figure with it is logged too. Misses and
// spurious dates are written to a file in the temp dir for inspection.
func TestMEANTIMEDateF1(t *testing.T) {
	dir, ok := meantime.FindDir(".")
	if !ok {
		t.Skip("MEANTIME corpus not found: expected shared/eval/meantime/intra-doc_annotation above the repository")
	}
	docs, err := meantime.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 120 {
		t.Fatalf("%d documents, want 120", len(docs))
	}
	all := scoreDates(docs, true)
	p, r, f := all.prf()
	t.Logf("DATE value, with creation-time lines: P=%.3f R=%.3f F1=%.3f (gold %d, system %d)", p, r, f, all.gold, all.sys)
	body := scoreDates(docs, false)
	p, r, f = body.prf()
	t.Logf("DATE value, body dates only:          P=%.3f R=%.3f F1=%.3f (gold %d, system %d)", p, r, f, body.gold, body.sys)
	byCorpus := map[string][]*meantime.Doc{}
	for _, d := range docs {
		byCorpus[d.Corpus] = append(byCorpus[d.Corpus], d)
	}
	for _, c := range []string{"corpus_airbus", "corpus_apple", "corpus_gm", "corpus_stock"} {
		cp, cr, cf := scoreDates(byCorpus[c], false).prf()
		t.Logf("  %-14s body dates P=%.3f R=%.3f F1=%.3f", c, cp, cr, cf)
	}
	report := filepath.Join(os.TempDir(), "meantime-date-errors.tsv")
	out := "# misses (gold DATE not found with its value)\n" + strings.Join(body.misses, "\n") +
		"\n# spurious (system DATE without a gold DATE of that value)\n" + strings.Join(body.spurious, "\n") + "\n"
	if err := os.WriteFile(report, []byte(out), 0o644); err != nil {
		t.Logf("could not write %s: %v", report, err)
	} else {
		t.Logf("errors written to %s", report)
	}
	if f < minDateF1 {
		t.Errorf("DATE value F1 %.3f below %.2f", f, minDateF1)
	}
}
