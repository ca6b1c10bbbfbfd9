package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

func TestWrittenDayPairs(t *testing.T) {
	tests := []struct {
		in   string
		want string // "MM-DD wd" pairs, "|"-separated
	}{
		{"the crew was freed on Tuesday evening (Jul 10) after a week", "07-10 Tuesday"},
		{"the vote on Friday (15 March) was close", "03-15 Friday"},
		{"ministers met on Friday, March 15, in the capital", "03-15 Friday"},
		{"ministers met on Friday 15 March in the capital", "03-15 Friday"},
		{"ministers met on Friday, the 15th of March, in the capital", "03-15 Friday"},
		{"the ballot on March 15 (Friday) was close", "03-15 Friday"},
		{"the ballot was held on March 15, a Friday, in the rain", "03-15 Friday"},
		{"ministers met on Friday, March 15, 2019 in the capital", ""}, // a full date: read elsewhere
		{"on Friday they may 15 times have voted", ""},                 // "may" is the verb
		{"on Friday (February 30) nothing happened", ""},               // no such day
		{"the talks on Friday ended; in March 15 people left", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, p := range writtenDayPairs(tc.in) {
			got = append(got, fmt.Sprintf("%02d-%02d %s", p.month, p.day, p.wd))
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("writtenDayPairs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsYear(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"the dam was built in 2005 by the state", true},
		{"the 2003 invasion", true},
		{"some 2000 troops were sent", false},
		{"a budget of $1999 was set", false},
		{"2019 people were moved", false},
		{"a 1,2019 figure", false},
		{"© 2024 The Daily Courier", false},
	}
	for _, tc := range tests {
		loc := yearRE.FindStringIndex(tc.in)
		if loc == nil {
			t.Fatalf("no year in %q", tc.in)
		}
		if got := isYear(tc.in, loc[0], loc[1]); got != tc.want {
			t.Errorf("isYear(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestYearlessLead(t *testing.T) {
	const head = "River Talks Resume\n\n"
	tests := []struct {
		name string
		text string
		date string // "" when the date must stay unknown
	}{
		{
			"no year anywhere",
			head + "The ferry crew was freed on Tuesday evening (Jul 10) after a week adrift, the coast guard said in a statement.\n\n" + para,
			"",
		},
		{
			"a full date in the month before",
			head + "The ferry crew was freed on Tuesday evening (Jul 10) after a week adrift, the coast guard said in a statement.\n\n" +
				"The ferry lost its engine on June 30, 2018, in a storm off the cape, and drifted for days.\n",
			"2018-07-10",
		},
		{
			"the day's own caption gives the year",
			head + "Mourners gather outside the hall in Lyon on March 15, 2019. PHOTO: JANE DOE\n\n" +
				"LYON - Thousands marched through the old town on Friday (March 15) to mourn the victims of the fire, the city said.\n\n" + para,
			"2019-03-15",
		},
		{
			"a file picture's caption does not",
			head + "FILE - Mourners gather outside the hall in Lyon on March 15, 2013.\n\n" +
				"LYON - Thousands marched through the old town on Friday (March 15) to mourn the victims of the fire, the city said.\n\n" + para,
			"",
		},
		{
			"the day in a caption is not the lead's",
			head + "Mourners march on Friday (March 15) in Lyon. PHOTO: JANE DOE\n\n" +
				para + " The fire broke out on March 3, 2019, in the old town.\n",
			"",
		},
		{
			"a year merely named as past leaves several",
			head + "Ministers met on Tuesday, July 10, to discuss the dam, which has been disputed since 2011, officials said.\n\n" + para,
			"",
		},
		{
			"this year's budget",
			head + "Ministers met on Tuesday, July 10, to discuss this year's 2018 budget for the dam, officials said in a statement.\n\n" + para,
			"2018-07-10",
		},
		{
			"last year's vote",
			head + "Ministers met on Friday 15 March to discuss the dam, which last year's 2018 vote had approved, officials said.\n\n" + para,
			"2019-03-15",
		},
		{
			"a target year to come is not past",
			head + "Ministers met on Friday 15 March to discuss the dam, which last year's 2018 vote had approved, officials said.\n\n" +
				"The dam is meant to supply half the region's power by 2030, under a plan agreed in 2016.\n",
			"2019-03-15",
		},
		{
			"a past date after the day contradicts it",
			head + "Ministers met on Tuesday, July 10, to discuss this year's 2018 budget for the dam, officials said in a statement.\n\n" +
				"The budget had been passed on August 2, 2018, after a long debate in the assembly.\n",
			"",
		},
		{
			"a weekday a week back",
			head + "Ministers met on Tuesday, July 10, to discuss this year's 2018 budget for the dam, officials said in a statement.\n\n" +
				"On Wednesday the envoys had warned that the talks could fail over the water quota for the dry months.\n",
			"",
		},
		{
			"a menu's year is not the story's",
			"Top stories of 2022 Weather Traffic Sports\n\n" + head +
				"Ministers met on Saturday, July 16, to discuss this year's 2016 budget for the dam, officials said in a statement.\n\n" + para,
			"2016-07-16",
		},
		{
			"dateline day with the lead's weekday",
			head + "DAILY TIMES, Oct 20 (XNA) — The rebel commander was captured near the river port, the army said.\n\n" +
				"\"It is over,\" a spokesman told reporters on Thursday, a year after last year's 2010 ceasefire collapsed.\n\n" + para,
			"2011-10-20",
		},
		{
			"dateline day whose lead names two days",
			head + "DAILY TIMES, Oct 20 (XNA) — The rebel commander was captured near the river port, the army said.\n\n" +
				"He was wounded on Wednesday and captured on Thursday, a year after last year's 2010 ceasefire collapsed.\n\n" + para,
			"",
		},
		{
			"dateline day, and the day before fits too",
			head + "Fighters in the port on October 20, 2016. PHOTO: JANE DOE\nFighters in the port on October 20, 2017. PHOTO: JOHN ROE\n\n" +
				"DAILY TIMES, Oct 20 (XNA) — The rebel commander was captured near the river port, the army said.\n\n" +
				"\"It is over,\" a spokesman told reporters on Thursday in the capital.\n\n" + para,
			"",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := scanText(tc.text, "txt")
			var date string
			if !m.date.IsZero() {
				date = m.date.Format("2006-01-02")
			}
			if date != tc.date {
				t.Fatalf("date %q (%s), want %q", date, m.dateSource, tc.date)
			}
			if date != "" && m.dateSource != model.DateInferred {
				t.Errorf("date source %s, want %s", m.dateSource, model.DateInferred)
			}
		})
	}
}
