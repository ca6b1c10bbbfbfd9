package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// dct16 is a Thursday, the publication day used by most cases.
var dct16 = time.Date(2016, 3, 24, 0, 0, 0, 0, time.UTC)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// find returns the expression whose text is want, failing the test if absent.
func find(t *testing.T, xs []Expr, want string) Expr {
	t.Helper()
	for _, x := range xs {
		if x.Text == want {
			return x
		}
	}
	var got []string
	for _, x := range xs {
		got = append(got, x.Text+"="+x.Value)
	}
	t.Fatalf("no expression %q; got %v", want, got)
	return Expr{}
}

func TestTagValues(t *testing.T) {
	tests := []struct {
		name, text, expr, typ, value, mod string
		dct                               time.Time
	}{
		{"month day year", "The talks on March 24, 2016 ended.", "March 24, 2016", "DATE", "2016-03-24", "", dct16},
		{"abbreviated month keeps its day", "They met on Feb. 27 in Geneva.", "Feb. 27", "DATE", "2016-02-27", "", dct16},
		{"day month year", "It began on 27 February 2016.", "27 February 2016", "DATE", "2016-02-27", "", dct16},
		{"iso", "Filed 2016-03-24 at noon.", "2016-03-24", "DATE", "2016-03-24", "", dct16},
		{"abbreviation without stop", "Russia said on Mar 14 that it would leave.", "Mar 14", "DATE", "2016-03-14", "", dct16},
		{"month day year later", "The deal of July 15, 2016 held.", "July 15, 2016", "DATE", "2016-07-15", "", dct16},
		{"year", "The war began in 2012.", "2012", "DATE", "2012", "", dct16},
		{"a year before its noun", "A 1999 quake near the city killed 17,000 people.", "1999", "DATE", "1999", "", dct16},
		{"an age is not a decade", "A man in his late 20s was charged; the 1990s were calm.", "the 1990s", "DATE", "199X", "", dct16},
		{"a date set for lies ahead of the setting", "The council set a new vote for May 25.", "May 25", "DATE", "2016-05-25", "", dct16},
		{"a date set for can be just past", "The council had set the vote for March 20.", "March 20", "DATE", "2016-03-20", "", dct16},
		{"decade", "It was different in the 1990s.", "the 1990s", "DATE", "199X", "", dct16},
		{"mid year", "Prices fell until mid-2015.", "mid-2015", "DATE", "2015", "MID", dct16},
		{"early month", "The ceasefire of early March held.", "early March", "DATE", "2016-03", "START", dct16},
		{"weekday past", "Kerry said on Thursday that talks went well.", "Thursday", "DATE", "2016-03-24", "", dct16},
		{"weekday before dct", "The rebels struck on Monday.", "Monday", "DATE", "2016-03-21", "", dct16},
		{"early the day after, told as past: a report from a time zone ahead", "The storm made landfall early Friday.", "early Friday", "DATE", "2016-03-25", "START", dct16},
		{"the day after, told as past without 'early': last week's", "The storm made landfall on Friday.", "Friday", "DATE", "2016-03-18", "", dct16},
		{"weekday future", "Kerry will meet Lavrov on Monday.", "Monday", "DATE", "2016-03-28", "", dct16},
		{"a relative clause's future is its own, not the main verb's past", "The mayor, who will step down on Monday, thanked the staff.", "Monday", "DATE", "2016-03-28", "", dct16},
		{"a relative clause's past stays past", "The storm, which hit on Monday, flooded the town.", "Monday", "DATE", "2016-03-21", "", dct16},
		{"'is to' arranges what lies ahead", "The assembly is to meet on Monday.", "Monday", "DATE", "2016-03-28", "", dct16},
		{"a weekday something is called for lies ahead of the calling", "The opposition has called a rally for Monday.", "Monday", "DATE", "2016-03-28", "", dct16},
		{"a deadline set on a named day runs from that day", "On Tuesday the party gave him until noon on Wednesday to resign.", "Wednesday", "DATE", "2016-03-23", "", dct16},
		{"next weekday", "They meet again next Tuesday.", "next Tuesday", "DATE", "2016-03-29", "", dct16},
		{"last weekday", "They met last Thursday.", "last Thursday", "DATE", "2016-03-17", "", dct16},
		{"weekday night", "Little came of it on Thursday night.", "Thursday night", "TIME", "2016-03-24TNI", "", dct16},
		{"weekday possessive", "At Thursday's news conference he spoke.", "Thursday", "DATE", "2016-03-24", "", dct16},
		{"today", "Lavrov announced today that they agree.", "today", "DATE", "2016-03-24", "", dct16},
		{"tonight", "He flies home tonight.", "tonight", "TIME", "2016-03-24TNI", "", dct16},
		{"yesterday", "The strikes stopped yesterday.", "yesterday", "DATE", "2016-03-23", "", dct16},
		{"last week", "The envoy resigned last week.", "last week", "DATE", "2016-W11", "", dct16},
		{"this week", "The envoy resigned this week.", "this week", "DATE", "2016-W12", "", dct16},
		{"last month name", "Talks collapsed last September.", "last September", "DATE", "2015-09", "", dct16},
		{"last month name same month", "Talks collapsed last March.", "last March", "DATE", "2015-03", "", dct16},
		{"last year's", "It followed last year's Geneva meeting.", "last year", "DATE", "2015", "", dct16},
		{"years ago", "The war began two years ago.", "two years ago", "DATE", "2014", "", dct16},
		{"days ago", "It began three days ago.", "three days ago", "DATE", "2016-03-21", "", dct16},
		{"month-old event dates back from publication", "It reinforced the month-old ceasefire.", "month-old", "DATE", "2016-02", "APPROX", dct16},
		{"this month", "A peace process relaunched this month.", "this month", "DATE", "2016-03", "", dct16},
		{"end of this month", "It will be held as soon as the end of this month.", "the end of this month", "DATE", "2016-03", "END", dct16},
		{"next month", "Talks resume next month.", "next month", "DATE", "2016-04", "", dct16},
		{"in February past", "The truce was agreed in February.", "February", "DATE", "2016-02", "", dct16},
		{"in April past tense goes back a year", "The talks had collapsed in April.", "April", "DATE", "2015-04", "", dct16},
		{"in February future", "Elections will be held in February.", "February", "DATE", "2017-02", "", dct16},
		{"since", "The war has raged since 2011.", "2011", "DATE", "2011", "ON_OR_AFTER", dct16},
		{"after years of", "It came after 5 years of war.", "5 years", "DURATION", "P5Y", "", dct16},
		{"six-month", "They agreed a six-month truce.", "six-month", "DURATION", "P6M", "", dct16},
		{"past few months", "Fighting eased over the past few months.", "the past few months", "DURATION", "PXM", "", dct16},
		{"recently", "He recently said so.", "recently", "DATE", "PAST_REF", "", dct16},
		{"now", "Moscow would now step up efforts.", "now", "DATE", "PRESENT_REF", "", dct16},
		{"coming days", "More talks in the coming days.", "the coming days", "DATE", "FUTURE_REF", "", dct16},
		{"by month", "Both of which we targeted by August.", "August", "DATE", "2016-08", "ON_OR_BEFORE", dct16},
		{"hours", "After 4 hours of discussions they spoke.", "4 hours", "DURATION", "PT4H", "", dct16},
		{"spelled hours", "One meeting lasted more than two hours.", "two hours", "DURATION", "PT2H", "", dct16},
		{"season with year", "In summer 2015 the front had moved.", "summer 2015", "DATE", "2015-SU", "", dct16},
		{"season", "The offensive began in the spring.", "the spring", "DATE", "2016-SP", "", dct16},
		{"quarter", "Profit rose in the third quarter of 2009.", "the third quarter of 2009", "DATE", "2009-Q3", "", dct16},
		{"quarter without year", "Sales fell in the fourth quarter.", "the fourth quarter", "DATE", "2015-Q4", "", dct16},
		{"quarter this year", "Sales fell in the first quarter of this year.", "the first quarter of this year", "DATE", "2016-Q1", "", dct16},
		{"us numeric", "Posted 7/8/07 by staff.", "7/8/07", "DATE", "2007-07-08", "", dct16},
		{"apostrophe year", "Since '82 it grew.", "'82", "DATE", "1982", "ON_OR_AFTER", dct16},
		{"weekday with date", "On Monday, March 21, 2016, it rained.", "Monday, March 21, 2016", "DATE", "2016-03-21", "", dct16},
		{"ordinal day", "It opens on June 1st.", "June 1st", "DATE", "2016-06-01", "", dct16},
		{"month year", "It opened in May 2008.", "May 2008", "DATE", "2008-05", "", dct16},
		{"this morning", "Shelling resumed this morning.", "this morning", "TIME", "2016-03-24TMO", "", dct16},
		{"the weekend", "Strikes hit Aleppo over the weekend.", "the weekend", "DATE", "2016-W11-WE", "", dct16},
		{"end of year", "He leaves at the end of the year.", "the end of the year", "DATE", "2016", "END", dct16},
		{"previous year", "Sales were higher in the previous year.", "the previous year", "DATE", "2015", "", dct16},
		{"earlier today", "It was announced earlier today.", "earlier today", "DATE", "2016-03-24", "", dct16},
		{"christmas", "They hope for a truce by Christmas.", "Christmas", "DATE", "2016-12-25", "ON_OR_BEFORE", dct16},
		// "by" before a day that owns a noun is the agent's, no deadline.
		{"by a possessive day", "An avalanche triggered by Tuesday's quake tore through the camp.", "Tuesday", "DATE", "2016-03-22", "", dct16},
		{"modal after a possessive weekday", "At Thursday's news conference, Kerry would not confirm it.", "Thursday", "DATE", "2016-03-24", "", dct16},
		{"will be held", "Elections will be held in February.", "February", "DATE", "2017-02", "", dct16},
		{"face trial", "Three other officers face trial in February.", "February", "DATE", "2017-02", "", dct16},
		{"faced trial", "Three other officers faced trial in February.", "February", "DATE", "2016-02", "", dct16},
		{"month of next year", "Dealers will close after October of next year.", "October of next year", "DATE", "2017-10", "AFTER", dct16},
		{"month list", "The economy contracted between April and June.", "June", "DATE", "2015-06", "", dct16},
		{"last week of month", "Sales rebounded in the last week of March.", "the last week of March", "DATE", "2016-W13", "", dct16},
		{"this past weekend", "Strikes resumed this past weekend.", "this past weekend", "DATE", "2016-W11-WE", "", dct16},
		{"the day refers back", "Stocks fell on Tuesday. The index ended the day lower.", "the day", "DATE", "2016-03-22", "", dct16},
		{"the day without antecedent", "The index ended the day lower.", "the day", "DATE", "2016-03-24", "", dct16},
		{"same month a year ago", "Sales fell in January, compared to the same month a year ago.", "the same month a year ago", "DATE", "2015-01", "", dct16},
		{"clock with weekday", "It filed at 12:00 UTC Monday.", "12:00 UTC Monday", "TIME", "2016-03-21T12:00", "", dct16},
		{"clock pm", "Markets closed at 6:40 p.m. local time.", "6:40 p.m. local time", "TIME", "2016-03-24T18:40", "", dct16},
		{"near term", "Prices will stay low in the near term.", "the near term", "DATE", "FUTURE_REF", "", dct16},
		{"participle before a deadline", "Turkey wants the deal finalised by mid-April.", "mid-April", "DATE", "2016-04", "MID", dct16},
		{"distant future auxiliary", "The ministers will meet again in two weeks, on the sidelines of the G20 summit in September.", "September", "DATE", "2016-09", "", dct16},
		{"to be held", "Apple announced today another event to be held on October 12.", "October 12", "DATE", "2016-10-12", "", dct16},
		{"decade ago", "A decade ago, the city was smaller.", "A decade ago", "DATE", "2006", "", dct16},
		{"approximate", "The group formed around March 2015.", "March 2015", "DATE", "2015-03", "APPROX", dct16},
		{"before", "It must end before 2018.", "2018", "DATE", "2018", "BEFORE", dct16},
		{"after", "Prices rose after June 2015.", "June 2015", "DATE", "2015-06", "AFTER", dct16},
		{"late weekday", "Strikes hit late Thursday.", "late Thursday", "DATE", "2016-03-24", "END", dct16},
		{"season of year", "Talks resumed in the fall of 2015.", "the fall of 2015", "DATE", "2015-FA", "", dct16},
		{"unknown dct: weekday unanchored", "Kerry said on Thursday.", "Thursday", "DATE", "XXXX-WXX-4", "", time.Time{}},
		{"unknown dct: yearless date", "They met on Feb. 27.", "Feb. 27", "DATE", "XXXX-02-27", "", time.Time{}},
		{"unknown dct: last month name", "Talks collapsed last September.", "last September", "DATE", "XXXX-09", "", time.Time{}},
		{"unknown dct: explicit date still anchors", "The talks on March 24, 2016 ended.", "March 24, 2016", "DATE", "2016-03-24", "", time.Time{}},
		{"unknown dct: yesterday", "The strikes stopped yesterday.", "yesterday", "DATE", "XXXX-XX-XX", "", time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			xs := Tag(tc.text, tc.dct)
			x := find(t, xs, tc.expr)
			if x.Type != tc.typ || x.Value != tc.value || x.Mod != tc.mod {
				t.Errorf("%q: got %s %s mod=%q, want %s %s mod=%q", tc.expr, x.Type, x.Value, x.Mod, tc.typ, tc.value, tc.mod)
			}
			if got := tc.text[x.Span.Start:x.Span.End]; got != x.Text {
				t.Errorf("span %v gives %q, Text is %q", x.Span, got, x.Text)
			}
		})
	}
}

func TestTagAnchoring(t *testing.T) {
	tests := []struct {
		name, text, expr string
		dct              time.Time
		anchored, future bool
		start, end       string
		prec             model.Precision
	}{
		{"month interval", "Talks resume next month.", "next month", dct16, true, true, "2016-04-01", "2016-04-30", model.PrecisionMonth},
		{"deadline is future", "Both of which we targeted by August.", "August", dct16, true, true, "2016-08-01", "2016-08-31", model.PrecisionMonth},
		{"past weekday", "Kerry met Putin on Thursday.", "Thursday", dct16, true, false, "2016-03-24", "2016-03-24", model.PrecisionDay},
		{"planned weekday", "Kerry will meet Putin on Monday.", "Monday", dct16, true, true, "2016-03-28", "2016-03-28", model.PrecisionDay},
		{"week", "The envoy resigned last week.", "last week", dct16, true, false, "2016-03-14", "2016-03-20", model.PrecisionWeek},
		{"season", "In summer 2015 the front had moved.", "summer 2015", dct16, true, false, "2015-06-01", "2015-08-31", model.PrecisionSeason},
		{"deadline season", "By summer 2016 the front will move.", "summer 2016", dct16, true, true, "2016-06-01", "2016-08-31", model.PrecisionSeason},
		{"decade", "It was different in the 1990s.", "the 1990s", dct16, true, false, "1990-01-01", "1999-12-31", model.PrecisionDecade},
		{"year", "The war began in 2012.", "2012", dct16, true, false, "2012-01-01", "2012-12-31", model.PrecisionYear},
		{"now anchors to dct", "Moscow would now step up efforts.", "now", dct16, true, false, "2016-03-24", "2016-03-24", model.PrecisionDay},
		{"duration never anchors", "They agreed a six-month truce.", "six-month", dct16, false, false, "", "", model.PrecisionNone},
		{"relative without dct", "The strikes stopped yesterday.", "yesterday", time.Time{}, false, false, "", "", model.PrecisionNone},
		{"weekday without dct", "Kerry will meet Putin on Monday.", "Monday", time.Time{}, false, true, "", "", model.PrecisionNone},
		{"explicit without dct", "The talks on March 24, 2016 ended.", "March 24, 2016", time.Time{}, true, false, "2016-03-24", "2016-03-24", model.PrecisionDay},
		// "would" in reported speech or with a negation is no future cue.
		{"negated would", "The envoy would not confirm on Wednesday whether it held.", "Wednesday", dct16, true, false, "2016-03-23", "2016-03-23", model.PrecisionDay},
		{"contracted negated would", "The envoy wouldn't comment on Tuesday.", "Tuesday", dct16, true, false, "2016-03-22", "2016-03-22", model.PrecisionDay},
		{"would after said looks ahead of the report", "She said the vote would take place on Monday.", "Monday", dct16, true, true, "2016-03-28", "2016-03-28", model.PrecisionDay},
		{"would before officials said looks ahead of the report", "The vote would take place on Monday, officials said.", "Monday", dct16, true, true, "2016-03-28", "2016-03-28", model.PrecisionDay},
		{"would after said looks ahead of the saying's day", "She said on Tuesday the vote would take place on Wednesday.", "Wednesday", dct16, true, false, "2016-03-23", "2016-03-23", model.PrecisionDay},
		{"would in the report's own day", "Unions said they would strike on Thursday.", "Thursday", dct16, true, false, "2016-03-24", "2016-03-24", model.PrecisionDay},
		{"a yearless date takes the year the clause names just before", "The U.S. invaded in 2001 after the Sept. 11 attacks.", "Sept. 11", dct16, true, false, "2001-09-11", "2001-09-11", model.PrecisionDay},
		{"a year in another clause does not", "Sales began in 2003 and that as of February they grew.", "February", dct16, true, false, "2016-02-01", "2016-02-29", model.PrecisionMonth},
		{"the saying's day in another sentence does not count", "She spoke on Tuesday. She said the vote would take place on Wednesday.", "Wednesday", dct16, true, true, "2016-03-30", "2016-03-30", model.PrecisionDay},
		{"reported would keeps a near yearless date", "Officials said the vote would take place on March 30.", "March 30", dct16, true, true, "2016-03-30", "2016-03-30", model.PrecisionDay},
		{"proposed a plan is past", "The minister proposed a plan on Wednesday.", "Wednesday", dct16, true, false, "2016-03-23", "2016-03-23", model.PrecisionDay},
		{"proposed for is ahead", "A new constitution was proposed for August.", "August", dct16, true, true, "2016-08-01", "2016-08-31", model.PrecisionMonth},
		{"weak cue on a day already over", "Aid may arrive today.", "today", dct16, true, false, "2016-03-24", "2016-03-24", model.PrecisionDay},
		{"firm cue on publication day", "The council will vote today.", "today", dct16, true, true, "2016-03-24", "2016-03-24", model.PrecisionDay},
		{"plans to stays future", "The bank plans to raise rates on Tuesday.", "Tuesday", dct16, true, true, "2016-03-29", "2016-03-29", model.PrecisionDay},
		{"next stays future", "They meet again next Tuesday.", "next Tuesday", dct16, true, true, "2016-03-29", "2016-03-29", model.PrecisionDay},
		{"plain would looks ahead", "A deal would be signed on Monday.", "Monday", dct16, true, true, "2016-03-28", "2016-03-28", model.PrecisionDay},
		{"a past verb in a following clause says nothing of the date's tense", "The mayor said the curfew would remain in force through Sunday as crews cleared the debris.", "Sunday", dct16, true, true, "2016-03-27", "2016-03-27", model.PrecisionDay},
		{"that night is the day last named", "Crowds stormed the palace on Tuesday. The speaker announced that night that he would go.", "that night", dct16, true, false, "2016-03-22", "2016-03-22", model.PrecisionDay},
		{"that morning is the day last named", "Rebels entered the town on Monday. They left that morning.", "that morning", dct16, true, false, "2016-03-21", "2016-03-21", model.PrecisionDay},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := find(t, Tag(tc.text, tc.dct), tc.expr)
			if x.Anchored != tc.anchored || x.Future != tc.future || x.Precision != tc.prec {
				t.Errorf("anchored=%v future=%v precision=%q, want %v %v %q", x.Anchored, x.Future, x.Precision, tc.anchored, tc.future, tc.prec)
			}
			var ws, we time.Time
			if tc.start != "" {
				ws, we = date(tc.start), date(tc.end)
			}
			if !x.Start.Equal(ws) || !x.End.Equal(we) {
				t.Errorf("interval %v..%v, want %v..%v", x.Start, x.End, ws, we)
			}
		})
	}
}

// TestTagAssumedAnaphor checks that "the same day" with no day named before
// it is marked as assumed (the publication day stands in), and is not once
// the text has named a day.
func TestTagAssumedAnaphor(t *testing.T) {
	tests := []struct {
		name, text string
		assumed    bool
	}{
		{"nothing named before", "The dam burst on the same day as the riots began.", true},
		{"a weekday named before", "Rebels took the port on Tuesday. The same day, the army pulled back.", false},
		{"a month named before", "The strike began in May. In the same month, prices rose.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got *Expr
			for _, x := range Tag(tc.text, dct16) {
				if strings.Contains(strings.ToLower(x.Text), "same") {
					x := x
					got = &x
				}
			}
			if got == nil {
				t.Fatalf("no 'same' expression in %v", Tag(tc.text, dct16))
			}
			if got.Assumed != tc.assumed {
				t.Errorf("%q assumed=%v, want %v", got.Text, got.Assumed, tc.assumed)
			}
		})
	}
}

// TestTagRejects lists news phrases that look like dates but are not.
func TestTagRejects(t *testing.T) {
	tests := []struct{ name, text string }{
		{"may as verb", "Prices may have fallen further."},
		{"May as a name", "Theresa May said so."},
		{"march as verb", "Protesters March on the capital."},
		{"percent range", "Between 85-90% of the city is held."},
		{"times", "He was arrested 19 times."},
		{"title", "U.S. Secretary of State John Kerry arrived."},
		{"cold war", "It recalls the Cold War."},
		{"a-day", "They live on $2-a-day wages."},
		{"count", "Some 2000 troops moved in."},
		{"a distance", "They began a 2000 km march."},
		{"a strength", "They sent a 1500-strong force."},
		{"price", "It cost $2015 in all."},
		{"named day", "Markets recalled Black Monday."},
		{"model number", "The Airbus A380 flew."},
		{"fall as verb", "Prices fall sharply in the end."},
		{"continue to fall", "Stock markets continue to fall."},
		{"version", "Apple unveils iLife '11 software."},
		{"index name", "The Russell 2000 Index dropped."},
		{"now-cancelled", "The now-cancelled deal."},
		{"the day of", "On the day of the attack he left."},
		{"a second time", "He won for a second consecutive day."},
		{"holiday as modifier", "Strong Christmas sales helped."},
		{"ratio", "The team won 3:2 in the end."},
		{"fall as noun", "Shares recovered after the fall in oil prices."},
		{"newspaper", "He told the Sunday Times."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, x := range Tag(tc.text, dct16) {
				if x.Type == TypeDate || x.Type == TypeTime {
					t.Errorf("tagged %q as %s %s", x.Text, x.Type, x.Value)
				}
			}
		})
	}
}

// TestTagAges checks that the age of an event ("the month-old truce")
// dates it back from publication, approximately, while the age of a person
// stays a duration.
func TestTagAges(t *testing.T) {
	tests := []struct {
		name, text, expr string
		dct              time.Time
		typ, value, mod  string
		anchored         bool
	}{
		{"month-old truce", "The month-old truce held.", "month-old", dct16, TypeDate, "2016-02", "APPROX", true},
		{"week-old strike", "The week-old strike ended.", "week-old", dct16, TypeDate, "2016-W11", "APPROX", true},
		{"three-day-old siege", "A three-day-old siege was lifted.", "three-day-old", dct16, TypeDate, "2016-03-21", "APPROX", true},
		{"two-year-old dispute", "The two-year-old dispute lingers.", "two-year-old", dct16, TypeDate, "2014", "APPROX", true},
		{"month-old without dct", "The month-old truce held.", "month-old", time.Time{}, TypeDate, "XXXX-XX", "APPROX", false},
		{"month-old baby", "A month-old baby was found.", "month-old", dct16, TypeDuration, "P1M", "", false},
		{"year-old player", "The 19-year-old player scored.", "19-year-old", dct16, TypeDuration, "P19Y", "", false},
		{"year-long", "The year-long truce ended.", "year-long", dct16, TypeDuration, "P1Y", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := find(t, Tag(tc.text, tc.dct), tc.expr)
			if x.Type != tc.typ || x.Value != tc.value || x.Mod != tc.mod || x.Anchored != tc.anchored {
				t.Errorf("got %s %s mod=%q anchored=%v, want %s %s mod=%q anchored=%v", x.Type, x.Value, x.Mod, x.Anchored, tc.typ, tc.value, tc.mod, tc.anchored)
			}
			if x.Future {
				t.Errorf("an age points back, got Future")
			}
		})
	}
}

// TestTagDurationsAreNotDates checks that amounts of time come out as
// DURATION, never as a DATE an event could be placed on.
func TestTagDurationsAreNotDates(t *testing.T) {
	tests := []struct{ text, expr, value string }{
		{"They talked for 8 hours.", "8 hours", "PT8H"},
		{"They talked for 10 hours.", "10 hours", "PT10H"},
		{"A six-month truce.", "six-month", "P6M"},
		{"It lasted two weeks.", "two weeks", "P2W"},
		{"A 12-year-old boy.", "12-year-old", "P12Y"},
	}
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			x := find(t, Tag(tc.text, dct16), tc.expr)
			if x.Type != TypeDuration || x.Value != tc.value || x.Anchored {
				t.Errorf("got %s %s anchored=%v, want DURATION %s unanchored", x.Type, x.Value, x.Anchored, tc.value)
			}
		})
	}
}

func TestTagSignal(t *testing.T) {
	x := find(t, Tag("Kerry said on Thursday he would go.", dct16), "Thursday")
	if x.Signal != "on" {
		t.Errorf("signal %q, want on", x.Signal)
	}
	if got := "Kerry said on Thursday he would go."[x.Span.Start:x.Span.End]; got != "Thursday" {
		t.Errorf("extent %q", got)
	}
}

func TestFutureCue(t *testing.T) {
	tests := []struct {
		text, expr string
		want       bool
	}{
		{"Kerry will meet Putin on Monday.", "Monday", true},
		{"Kerry met Putin on Monday.", "Monday", false},
		{"The conference is scheduled for March 30.", "March 30", true},
		{"Both of which we targeted by August.", "August", true},
		{"The launch is targeted for August.", "August", true},
		{"Bombs targeted three churches on Sunday.", "Sunday", false},
		{"He said on Monday that talks went well.", "Monday", false},
		{"Officials said the talks would resume on Monday.", "Monday", false},
		{"The envoy would not comment on Monday.", "Monday", false},
		{"A deal would be signed on Monday.", "Monday", true},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			i := strings.Index(tc.text, tc.expr)
			got := FutureCue(tc.text, model.Span{Start: i, End: i + len(tc.expr)})
			if got != tc.want {
				t.Errorf("FutureCue = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTagOffsetsWithUnicode(t *testing.T) {
	text := "Russia’s talks – held on Feb. 27 – ended “today”."
	xs := Tag(text, dct16)
	for _, want := range []string{"Feb. 27", "today"} {
		x := find(t, xs, want)
		if text[x.Span.Start:x.Span.End] != want {
			t.Errorf("span of %q is %q", want, text[x.Span.Start:x.Span.End])
		}
	}
}

func BenchmarkTag(b *testing.B) {
	para := "MOSCOW - Secretary of State John Kerry said on Thursday he and Russian President Vladimir Putin had agreed " +
		"to push for a political transition by August, after talks on March 24, 2016 that lasted more than four hours. " +
		"The month-old ceasefire, agreed in February, has largely held since Feb. 27, officials said last week. " +
		"Russia may withdraw some forces next month; in 2015 it began strikes, two years after the 2013 attack.\n\n"
	text := strings.Repeat(para, 2000)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tag(text, dct16)
	}
}
