package extract

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/meantime"
	"github.com/briefingatlas/atlas/internal/model"
)

// Floors of TestMeantimeEvents, a little under the figures measured when the
// test was written (in the comments; see the table in the test's log). They
// are to be raised as extraction improves, so that the test fails if the
// figures slide back; never lower them to let a change pass. The wrong-date
// rates are ceilings. Participants and places rest on a few dozen gold
// links (16 and 6 for OTHER+MIX), so their floors leave room for one or two.
const (
	// Gold events of class OTHER or MIX.
	meantimeMinRecall       = 0.52 // 106/199 = 0.533
	meantimeMinPrecision    = 0.50 // 89/172 = 0.517
	meantimeMaxWrongDate    = 0.08 // 7/94 = 0.074
	meantimeMinParticipants = 0.38 // 17/43 = 0.395
	meantimeMinPlaces       = 0.66 // 9/12 = 0.75

	// Gold events of class OTHER, MIX or SPEECH_COGNITIVE (reporting verbs).
	meantimeMinRecallAll       = 0.48 // 142/291 = 0.488
	meantimeMinPrecisionAll    = 0.66 // 115/172 = 0.669
	meantimeMaxWrongDateAll    = 0.13 // 14/127 = 0.110
	meantimeMinParticipantsAll = 0.40 // 32/75 = 0.427
	meantimeMinPlacesAll       = 0.53 // 8/13 = 0.615
)

// debugMeantimeEvents prints every gold dated event missed and every
// extracted event with a wrong date, for tuning.
var debugMeantimeEvents = os.Getenv("ATLAS_MEANTIME_DEBUG") != ""

// eventScore counts the matches of TestMeantimeEvents for one topic.
type eventScore struct {
	gold, found           int // gold dated events; those found by an extracted event
	pred, predOK          int // extracted dated events in the annotated sentences; those with a gold match
	predAtGold, wrongDate int // extracted dated events in a sentence with a gold dated event; those fitting none
	partGold, partHit     int // PER/ORG participants of found gold events; those among the actors
	locGold, locHit       int // LOC participants of found gold events; those naming the place
}

func (s *eventScore) add(o eventScore) {
	s.gold += o.gold
	s.found += o.found
	s.pred += o.pred
	s.predOK += o.predOK
	s.predAtGold += o.predAtGold
	s.wrongDate += o.wrongDate
	s.partGold += o.partGold
	s.partHit += o.partHit
	s.locGold += o.locGold
	s.locHit += o.locHit
}

func (s eventScore) recall() float64       { return share(s.found, s.gold) }
func (s eventScore) precision() float64    { return share(s.predOK, s.pred) }
func (s eventScore) wrong() float64        { return share(s.wrongDate, s.predAtGold) }
func (s eventScore) participants() float64 { return share(s.partHit, s.partGold) }
func (s eventScore) places() float64       { return share(s.locHit, s.locGold) }

// share is a/b, 0 when b is 0.
func share(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// goldDated is a gold event mention with the calendar intervals its TLINKs
// put it in.
type goldDated struct {
	meantime.EventMention
	dates []meantime.Interval
}

// fits reports whether the interval iv lies within one of the event's dates.
func (g goldDated) fits(iv meantime.Interval) bool {
	for _, d := range g.dates {
		if d.Contains(iv) {
			return true
		}
	}
	return false
}

// TestMeantimeEvents scores the extractor's dated events on MEANTIME's gold
// events (120 Wikinews articles in four topics; only each article's first
// six sentences are annotated, so only those are scored).
//
// A gold dated event is an event mention of one of the variant's classes
// with a TLINK that puts it within (meantime.TLink.Within: IS_INCLUDED,
// SIMULTANEOUS, INCLUDES seen from the timex…) a DATE timex whose value is a
// calendar day, month or year, the creation time included; an event BEFORE
// or AFTER a date is not dated by it. Then:
//
//   - recall: a gold dated event is found when an extracted dated event has
//     a source sentence containing its trigger and a date interval within
//     one of its gold intervals;
//   - precision: of the extracted dated events with a source sentence in the
//     annotated sentences, the share with a source sentence holding a gold
//     dated event whose interval contains the extracted one;
//   - wrong date: of the extracted dated events with a source sentence
//     holding a gold dated event, the share fitting none of them;
//   - participants: for found events, the share of gold PER/ORG participants
//     named among the actors of the extracted event (the best of those that
//     found it), names matching when one contains the other as whole words,
//     case-insensitively; a participant is named by the names (NAM
//     mentions) of its entity in the document, else by its own text;
//   - places: likewise the share of gold LOC participants naming the
//     extracted event's place (its name, or its country for "U.S.").
func TestMeantimeEvents(t *testing.T) {
	dir, ok := meantime.FindDir(".")
	if !ok {
		t.Skip("shared/eval/meantime not found above the repository")
	}
	docs, err := meantime.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatalf("load gazetteer: %v", err)
	}
	x := New(g)

	other := []string{meantime.ClassOther, meantime.ClassMix}
	withSpeech := []string{meantime.ClassOther, meantime.ClassMix, meantime.ClassSpeech}
	variants := []struct {
		name        string
		classes     []string
		anyRelation bool // date events by any TLINK to a date (BEFORE, AFTER…), not only those within it
		check       bool // enforce the limits
		minRecall, minPrecision, maxWrong,
		minParticipants, minPlaces float64
	}{
		{"OTHER+MIX", other, false, true,
			meantimeMinRecall, meantimeMinPrecision, meantimeMaxWrongDate, meantimeMinParticipants, meantimeMinPlaces},
		{"OTHER+MIX+SPEECH_COGNITIVE", withSpeech, false, true,
			meantimeMinRecallAll, meantimeMinPrecisionAll, meantimeMaxWrongDateAll, meantimeMinParticipantsAll, meantimeMinPlacesAll},
		// For comparison only: a looser gold that takes the date of any
		// TLINK, so that an event BEFORE the creation time gets its day.
		{"OTHER+MIX+SPEECH_COGNITIVE, any TLINK relation", withSpeech, true, false, 0, 0, 1, 0, 0},
	}
	extracted := make([]model.Extraction, len(docs))
	for i, d := range docs {
		a := &model.Article{Path: d.Path, Text: d.Text, Published: d.DCT, DateSource: model.DateManifest}
		if d.DCT.IsZero() {
			a.DateSource = model.DateUnknown
		}
		extracted[i] = x.Extract(a)
	}
	for _, v := range variants {
		byTopic := map[string]*eventScore{}
		var all eventScore
		for i, d := range docs {
			s := scoreMeantimeDoc(d, extracted[i].Events, v.classes, v.anyRelation, g)
			if byTopic[d.Corpus] == nil {
				byTopic[d.Corpus] = &eventScore{}
			}
			byTopic[d.Corpus].add(s)
			all.add(s)
		}
		topics := make([]string, 0, len(byTopic))
		for c := range byTopic {
			topics = append(topics, c)
		}
		sort.Strings(topics)
		var b strings.Builder
		fmt.Fprintf(&b, "MEANTIME dated events, gold classes %s:\n", v.name)
		fmt.Fprintf(&b, "  (pred: extracted dated events in the annotated sentences, ok: with a gold match;"+
			" atGold: in a sentence with a gold dated event, wrong: of those, fitting none of its dates)\n")
		fmt.Fprintf(&b, "  %-14s %5s %5s %6s   %5s %5s %6s   %5s %6s   %11s   %11s\n",
			"topic", "gold", "found", "recall", "pred", "ok", "prec", "atGold", "wrong", "participants", "places")
		row := func(name string, s eventScore) {
			fmt.Fprintf(&b, "  %-14s %5d %5d %6.2f   %5d %5d %6.2f   %5d %6.2f   %3d/%-3d %.2f   %3d/%-3d %.2f\n",
				name, s.gold, s.found, s.recall(), s.pred, s.predOK, s.precision(), s.predAtGold, s.wrong(),
				s.partHit, s.partGold, s.participants(), s.locHit, s.locGold, s.places())
		}
		for _, c := range topics {
			row(strings.TrimPrefix(c, "corpus_"), *byTopic[c])
		}
		row("all", all)
		t.Log(b.String())
		if !v.check {
			continue
		}

		for _, c := range []struct {
			what       string
			got, limit float64
			isCeiling  bool
		}{
			{"recall", all.recall(), v.minRecall, false},
			{"precision", all.precision(), v.minPrecision, false},
			{"wrong-date rate", all.wrong(), v.maxWrong, true},
			{"participants", all.participants(), v.minParticipants, false},
			{"places", all.places(), v.minPlaces, false},
		} {
			if c.isCeiling && c.got > c.limit {
				t.Errorf("%s: %s %.3f above its ceiling %.2f", v.name, c.what, c.got, c.limit)
			}
			if !c.isCeiling && c.got < c.limit {
				t.Errorf("%s: %s %.3f under its floor %.2f", v.name, c.what, c.got, c.limit)
			}
		}
	}
}

// scoreMeantimeDoc scores the extracted events of one document against its
// gold events of the given classes, dated by the TLINKs that put them
// within a date, or by any TLINK to a date when anyRelation is set.
func scoreMeantimeDoc(d *meantime.Doc, events []model.Event, classes []string, anyRelation bool, g *geo.Gazetteer) eventScore {
	var s eventScore
	var gold []goldDated
	for _, e := range d.Events {
		if e.Sentence >= meantime.AnnotatedSentences || !hasString(classes, e.Class) {
			continue
		}
		dates := d.EventDates(e.ID)
		if anyRelation {
			dates = nil
			for _, l := range d.TLinks {
				if iv, ok := l.Timex.Interval(); ok && l.Event == e.ID && l.Timex.Type == "DATE" {
					dates = append(dates, iv)
				}
			}
		}
		if len(dates) > 0 {
			gold = append(gold, goldDated{e, dates})
		}
	}
	var dated []model.Event
	for _, e := range events {
		if e.Dated() {
			dated = append(dated, e)
		}
	}
	interval := func(e model.Event) meantime.Interval {
		return meantime.Interval{Start: model.Day(e.Start), End: model.Day(e.End)}
	}
	holds := func(src model.Source, ge goldDated) bool {
		return src.Start <= ge.Span.Start && ge.Span.End <= src.End
	}

	// Recall, and the participants and places of what was found.
	names := entityNames(d)
	for _, ge := range gold {
		s.gold++
		best, bestHit, found := -1, -1, false
		for i, e := range dated {
			if !ge.fits(interval(e)) {
				continue
			}
			for _, src := range e.Sources {
				if holds(src, ge) {
					found = true
					if hit := participantHits(d, ge, e, names, g); hit > bestHit {
						best, bestHit = i, hit
					}
					break
				}
			}
		}
		if !found {
			if debugMeantimeEvents {
				fmt.Printf("MISS %s %q %v in %q\n", d.ID, ge.Text, ge.dates[0].Start.Format("2006-01-02"), sentenceOf(d, ge.Span))
			}
			continue
		}
		s.found++
		e := dated[best]
		for _, p := range goldParticipants(d, ge.ID) {
			want := names[participantKey(p.Mention)]
			switch p.Mention.EntityType {
			case "PER", "ORG":
				s.partGold++
				if actorNamed(e.Actors, want) {
					s.partHit++
				}
			case "LOC":
				s.locGold++
				if placeNamed(e.Place, want, g) {
					s.locHit++
				}
			}
		}
	}

	// Precision and wrong dates.
	for _, e := range dated {
		inRegion, ok, atGold := false, false, false
		for _, src := range e.Sources {
			if src.End > d.AnnotatedEnd {
				continue
			}
			inRegion = true
			for _, ge := range gold {
				if holds(src, ge) {
					atGold = true
					if ge.fits(interval(e)) {
						ok = true
					}
				}
			}
		}
		if !inRegion {
			continue
		}
		s.pred++
		if ok {
			s.predOK++
		}
		if !atGold && debugMeantimeEvents {
			fmt.Printf("NOGOLD %s %s %s..%s %q\n", d.ID, e.Kind, e.Start.Format("2006-01-02"), e.End.Format("2006-01-02"), e.Sources[0].Text)
		}
		if atGold {
			s.predAtGold++
			if !ok {
				s.wrongDate++
				if debugMeantimeEvents {
					fmt.Printf("WRONG %s %s..%s %q\n", d.ID, e.Start.Format("2006-01-02"), e.End.Format("2006-01-02"), e.Sources[0].Text)
					for _, src := range e.Sources {
						for _, ge := range gold {
							if holds(src, ge) {
								fmt.Printf("      gold %q %s..%s\n", ge.Text, ge.dates[0].Start.Format("2006-01-02"), ge.dates[0].End.Format("2006-01-02"))
							}
						}
					}
				}
			}
		}
	}
	return s
}

// participantHits counts the gold PER/ORG/LOC participants of ge that the
// extracted event e names, to pick the best of several matching events.
func participantHits(d *meantime.Doc, ge goldDated, e model.Event, names map[string][]string, g *geo.Gazetteer) int {
	n := 0
	for _, p := range goldParticipants(d, ge.ID) {
		want := names[participantKey(p.Mention)]
		if actorNamed(e.Actors, want) || placeNamed(e.Place, want, g) {
			n++
		}
	}
	return n
}

// goldParticipants returns the PER, ORG and LOC participants of an event
// mention, one per entity.
func goldParticipants(d *meantime.Doc, event string) []meantime.Participant {
	var out []meantime.Participant
	seen := map[string]bool{}
	for _, p := range d.Participants {
		switch p.Mention.EntityType {
		case "PER", "ORG", "LOC":
		default:
			continue
		}
		if k := participantKey(p.Mention); p.Event == event && !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// participantKey identifies the entity a mention refers to, or the mention
// itself when it is not linked to one.
func participantKey(m meantime.Mention) string {
	if m.EntityID != "" {
		return "e" + m.EntityID
	}
	return "m" + m.ID
}

// entityNames maps every participant key to the names it goes by in the
// document: the texts of the name (NAM) mentions of its entity, else the
// mention's own text ("the company", "he").
func entityNames(d *meantime.Doc) map[string][]string {
	out := map[string][]string{}
	for _, m := range d.Mentions {
		if m.Syntactic == "NAM" && m.EntityID != "" {
			k := participantKey(m)
			if !hasString(out[k], m.Text) {
				out[k] = append(out[k], m.Text)
			}
		}
	}
	for _, p := range d.Participants {
		if k := participantKey(p.Mention); len(out[k]) == 0 {
			out[k] = []string{p.Mention.Text}
		}
	}
	return out
}

// actorNamed reports whether one of the actors goes by one of the names.
func actorNamed(actors []model.Actor, names []string) bool {
	for _, a := range actors {
		for _, n := range names {
			if namesMatch(a.Name, n) {
				return true
			}
			for _, alias := range a.Aliases {
				if namesMatch(alias, n) {
					return true
				}
			}
		}
	}
	return false
}

// placeNamed reports whether one of the names is the place's name, or
// names the country that the place is ("U.S." for the United States).
func placeNamed(p *model.Place, names []string, g *geo.Gazetteer) bool {
	if p == nil {
		return false
	}
	for _, n := range names {
		if namesMatch(p.Name, n) {
			return true
		}
		if c, ok := g.CountryByName(n); ok && p.Feature == "country" && p.Country == c.Code {
			return true
		}
	}
	return false
}

// namesMatch reports whether a contains b or b contains a as whole words,
// ignoring case: "Paul Nesbit" and "Nesbit" match, "Stephen" and "he" do not.
func namesMatch(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	return a != "" && b != "" && (containsWords(a, b) || containsWords(b, a))
}

// containsWords reports whether sub occurs in s between word boundaries.
func containsWords(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(sub)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !isWordRune(before)) && (end == len(s) || !isWordRune(after)) {
			return true
		}
		i = start + 1
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sentenceOf returns the line of d.Text around sp, for debugging output.
func sentenceOf(d *meantime.Doc, sp model.Span) string {
	start := strings.LastIndexByte(d.Text[:sp.Start], '\n') + 1
	end := strings.IndexByte(d.Text[sp.End:], '\n')
	if end < 0 {
		return d.Text[start:]
	}
	return d.Text[start : sp.End+end]
}

func TestMeantimeEventsNamesMatch(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Paul Nesbit", "Nesbit", true},
		{"Northrop Grumman", "northrop grumman", true},
		{"EADS", "Airbus parent EADS", true},
		{"Stephen Hester", "he", false},
		{"General Motors", "GM", false},
		{"", "GM", false},
	}
	for _, tc := range tests {
		if got := namesMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("namesMatch(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
