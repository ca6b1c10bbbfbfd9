package meantime

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpus loads MEANTIME or skips the test when the shared data is absent.
func corpus(t testing.TB) []*Doc {
	t.Helper()
	dir, ok := FindDir(".")
	if !ok {
		t.Skip("MEANTIME corpus not found: expected shared/eval/meantime/intra-doc_annotation above the repository")
	}
	docs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestLoadDir(t *testing.T) {
	docs := corpus(t)
	if len(docs) != 120 {
		t.Fatalf("loaded %d documents, want 120", len(docs))
	}
	corpora := map[string]int{}
	withDCT := 0
	types := map[string]int{}
	for _, d := range docs {
		corpora[d.Corpus]++
		if !d.DCT.IsZero() {
			withDCT++
		}
		for _, tk := range d.Tokens {
			if d.Text[tk.Span.Start:tk.Span.End] != tk.Text {
				t.Fatalf("%s: token %d at %v is %q in text, want %q", d.Name, tk.ID, tk.Span, d.Text[tk.Span.Start:tk.Span.End], tk.Text)
			}
		}
		for _, x := range d.Timexes {
			if x.Span.End > d.AnnotatedEnd {
				t.Errorf("%s: timex %q ends after the annotated region", d.Name, x.Text)
			}
		}
		for _, m := range d.Mentions {
			types[m.EntityType]++
			if m.Text != d.Text[m.Span.Start:m.Span.End] || m.Text == "" {
				t.Fatalf("%s: mention %s text %q does not match its span", d.Name, m.ID, m.Text)
			}
		}
	}
	if len(corpora) != 4 {
		t.Errorf("sub-corpora %v, want 4", corpora)
	}
	if withDCT < 115 {
		t.Errorf("only %d documents have a creation time", withDCT)
	}
	for _, typ := range []string{"PER", "ORG", "LOC"} {
		if types[typ] < 50 {
			t.Errorf("only %d %s mentions: entity types are not linked", types[typ], typ)
		}
	}
	t.Logf("%d docs, %d with creation time, mentions by entity type %v", len(docs), withDCT, types)
}

// TestRebuiltText checks the joining rule on a known date line: no space
// before the comma.
func TestRebuiltText(t *testing.T) {
	docs := corpus(t)
	var d *Doc
	for _, x := range docs {
		if x.ID == "100911" {
			d = x
		}
	}
	if d == nil {
		t.Fatal("document 100911 not found")
	}
	var ct *Timex
	for i := range d.Timexes {
		if d.Timexes[i].CreationTime() {
			ct = &d.Timexes[i]
		}
	}
	if ct == nil || ct.Text != "March 01, 2008" || ct.Value != "2008-03-01" {
		t.Fatalf("creation time %+v, want the date line March 01, 2008", ct)
	}
	if got := d.DCT.Format("2006-01-02"); got != "2008-03-01" {
		t.Errorf("DCT %s", got)
	}
	if lines := strings.Split(d.Text, "\n"); len(lines) < 3 || lines[1] != "March 01, 2008" {
		t.Errorf("date line is not on a line of its own")
	}
}

// TestLoadNumbers checks that token numbers are read as written and that a
// malformed one fails the load instead of becoming sentence 0.
func TestLoadNumbers(t *testing.T) {
	tests := []struct {
		name, sentence string
		wantErr        bool
		wantText       string
	}{
		{"well formed", "1", false, "Airbus\nsells"},
		{"malformed sentence", "one", true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := `<Document doc_id="1" doc_name="x.txt"><token t_id="1" sentence="0" number="0">Airbus</token>` +
				`<token t_id="2" sentence="` + tc.sentence + `" number="1">sells</token></Document>`
			p := filepath.Join(t.TempDir(), "x.xml")
			if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := Load(p)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("loaded %q, want an error for sentence=%q", d.Text, tc.sentence)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tc.wantText || d.Tokens[1].Sentence != 1 {
				t.Errorf("text %q, second token in sentence %d; want %q in sentence 1", d.Text, d.Tokens[1].Sentence, tc.wantText)
			}
		})
	}
}

// TestLoadEvents checks the event layer on document 100911 (Northrop
// Grumman and EADS defeat Boeing), counted by hand from its XML: ten event
// mentions, four event–timex TLINKs of which three put the event within the
// creation time, twenty HAS_PARTICIPANT links to entity mentions.
func TestLoadEvents(t *testing.T) {
	d := docByID(t, corpus(t), "100911")
	if len(d.Events) != 10 {
		t.Errorf("%d event mentions, want 10", len(d.Events))
	}
	if len(d.TLinks) != 4 {
		t.Errorf("%d event–timex TLINKs, want 4: %+v", len(d.TLinks), d.TLinks)
	}
	if len(d.Participants) != 20 {
		t.Errorf("%d HAS_PARTICIPANT links, want 20", len(d.Participants))
	}
	want := map[string]struct {
		pred, text, class string
		sentence          int
		dated             bool // within the creation time 2008-03-01
	}{
		"23": {"defeat", "defeated", ClassOther, 2, true},
		"27": {"contest", "contest", ClassOther, 4, false}, // BEFORE an undated timex
		"28": {"say", "said", ClassSpeech, 5, true},
		"31": {"be", "is", ClassGrammatical, 3, true},
		"32": {"defeat", "defeat", ClassOther, 0, false}, // the title's, no TLINK
	}
	dct := Interval{Start: d.DCT, End: d.DCT}
	seen := 0
	for _, e := range d.Events {
		w, ok := want[e.ID]
		if !ok {
			continue
		}
		seen++
		if e.Pred != w.pred || e.Text != w.text || e.Class != w.class || e.Sentence != w.sentence {
			t.Errorf("event %s = %q %q %s sentence %d, want %q %q %s sentence %d",
				e.ID, e.Pred, e.Text, e.Class, e.Sentence, w.pred, w.text, w.class, w.sentence)
		}
		if d.Text[e.Span.Start:e.Span.End] != e.Text {
			t.Errorf("event %s: span %v does not hold %q", e.ID, e.Span, e.Text)
		}
		dates := d.EventDates(e.ID)
		if got := len(dates) == 1 && dates[0] == dct; got != w.dated {
			t.Errorf("event %s dates %v, want within the creation time: %v", e.ID, dates, w.dated)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d checked event mentions", seen, len(want))
	}
	// "Northrop Grumman and EADS defeated Boeing": the winner (Arg0) is an
	// organisation mention.
	for _, p := range d.Participants {
		if p.Event == "23" && p.Role == "Arg0" && (p.Mention.EntityType != "ORG" || !strings.Contains(p.Mention.Text, "Northrop")) {
			t.Errorf("Arg0 of defeated is %q (%s), want the Northrop Grumman ORG mention", p.Mention.Text, p.Mention.EntityType)
		}
	}
}

// TestLoadDirEvents checks the event layer over the whole corpus: every
// event mention has a class, and the counts stay near those of the corpus.
func TestLoadDirEvents(t *testing.T) {
	docs := corpus(t)
	classes := map[string]int{}
	var tlinks, within, parts int
	for _, d := range docs {
		for _, e := range d.Events {
			classes[e.Class]++
			if e.Sentence >= AnnotatedSentences {
				t.Errorf("%s: event %s %q in sentence %d, beyond the annotated ones", d.Name, e.ID, e.Text, e.Sentence)
			}
		}
		for _, l := range d.TLinks {
			tlinks++
			if l.Within() {
				within++
			}
		}
		parts += len(d.Participants)
	}
	if classes[ClassOther] < 1400 || classes[ClassSpeech] < 200 || classes[ClassGrammatical] < 200 || classes[""] > 20 {
		t.Errorf("event mentions by class %v", classes)
	}
	if tlinks < 900 || within < 450 || parts < 1700 {
		t.Errorf("%d event–timex TLINKs (%d within), %d participants", tlinks, within, parts)
	}
	t.Logf("event mentions by class %v; %d event–timex TLINKs, %d within; %d participants", classes, tlinks, within, parts)
}

func TestTimexInterval(t *testing.T) {
	tests := []struct {
		value      string
		start, end string // "" when not a calendar value
	}{
		{"2008-09-15", "2008-09-15", "2008-09-15"},
		{"2008-09-15TMO", "2008-09-15", "2008-09-15"},
		{"2008-09-15T10:30Z", "2008-09-15", "2008-09-15"},
		{"2008-02", "2008-02-01", "2008-02-29"},
		{"2008", "2008-01-01", "2008-12-31"},
		{"2008-Q1", "", ""},
		{"2008-W12", "", ""},
		{"PRESENT_REF", "", ""},
		{"XXXX-XX-XX", "", ""},
		{"2008-09-XX", "", ""},
		{"199", "", ""},
		{"03-01-2008", "", ""},
	}
	for _, tc := range tests {
		iv, ok := Timex{Type: "DATE", Value: tc.value}.Interval()
		if ok != (tc.start != "") {
			t.Errorf("%s: ok=%v", tc.value, ok)
			continue
		}
		if ok && (iv.Start.Format("2006-01-02") != tc.start || iv.End.Format("2006-01-02") != tc.end) {
			t.Errorf("%s: %v..%v, want %s..%s", tc.value, iv.Start, iv.End, tc.start, tc.end)
		}
	}
}

func TestTLinkWithin(t *testing.T) {
	tests := []struct {
		rel        string
		eventFirst bool
		want       bool
	}{
		{"IS_INCLUDED", true, true},
		{"INCLUDES", false, true},
		{"INCLUDES", true, false}, // the event spans the timex
		{"IS_INCLUDED", false, false},
		{"SIMULTANEOUS", true, true},
		{"SIMULTANEOUS", false, true},
		{"BEGINS", true, true},
		{"ENDS", true, true},
		{"BEGUN_BY", false, true},
		{"ENDED_BY", true, false}, // the event goes on until the timex
		{"BEFORE", true, false},
		{"AFTER", false, false},
		{"MEASURE", false, false},
	}
	for _, tc := range tests {
		if got := (TLink{RelType: tc.rel, EventFirst: tc.eventFirst}).Within(); got != tc.want {
			t.Errorf("%s (event first %v): Within=%v, want %v", tc.rel, tc.eventFirst, got, tc.want)
		}
	}
}

// docByID returns the document with the given doc_id or fails the test.
func docByID(t *testing.T, docs []*Doc, id string) *Doc {
	t.Helper()
	for _, d := range docs {
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("document %s not found", id)
	return nil
}
