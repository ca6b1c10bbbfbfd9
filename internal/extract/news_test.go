package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefingatlas/atlas/internal/model"
)

// TestNewsEvents checks the rules written for news in general on sentences
// written for the test (no sentence of the sample or the dev set): event
// words beyond diplomacy, the time a trigger takes, places, and the merge
// of one article's reports.
func TestNewsEvents(t *testing.T) {
	checkNewsCases(t, []newsCase{
		{
			name:      "an earthquake is a disaster, with its place",
			published: "2020-08-06",
			text:      "A strong earthquake struck the Indonesian island of Lombok on Sunday, flattening houses.",
			want:      []wantEvent{{kind: model.KindDisaster, start: "2020-08-02", place: "ID"}},
		},
		{
			name:      "an air crash is an accident",
			published: "2021-05-12",
			text:      "A cargo plane crashed near Nairobi on Tuesday, killing both pilots.",
			want:      []wantEvent{{kind: model.KindAccident, start: "2021-05-11", place: "KE", title: "crash"}},
		},
		{
			name:      "a resignation is political and titled by its subject",
			published: "2019-11-02",
			text:      "The mayor of Lyon resigned on Friday after a week of protests over the budget.",
			want:      []wantEvent{{kind: model.KindPolitical, start: "2019-11-01", place: "FR", title: "mayor of lyon resigns"}},
		},
		{
			name:      "an abduction is an attack, not an arrest",
			published: "2021-03-01",
			text:      "Gunmen abducted 40 pupils from a boarding school in Kaduna on Saturday.",
			want:      []wantEvent{{kind: model.KindAttack, start: "2021-02-27", place: "NG"}},
		},
		{
			name:      "a relative clause joins its noun's event and date; a compass word places it",
			published: "2022-07-05",
			text:      "Officials counted the damage from Monday's storm that battered southern Chile.",
			want:      []wantEvent{{kind: model.KindDisaster, start: "2022-07-04", place: "CL"}},
		},
		{
			name:      "a coordinated second date makes its own event",
			published: "2018-01-09",
			text:      "Three climbers were rescued on Saturday and two more on Sunday, police said.",
			want: []wantEvent{
				{kind: model.KindOther, start: "2018-01-06"},
				{kind: model.KindOther, start: "2018-01-07"},
			},
		},
		{
			name:      "'the next day' counts from the day the story has reached",
			published: "2017-06-14",
			text:      "Rebels seized the town of Kindu on Monday. The next day, the army withdrew from the province.",
			want: []wantEvent{
				{kind: model.KindMilitary, start: "2017-06-12", place: "CD"},
				{kind: model.KindWithdrawal, start: "2017-06-13", how: "relative to publication"},
			},
		},
		{
			name:      "a bare clock time falls on the day its sentence names",
			published: "2016-10-03",
			text:      "A car bomb exploded outside a market at about 4pm on Sunday.",
			want:      []wantEvent{{kind: model.KindAttack, start: "2016-10-02"}},
		},
		{
			name:      "a date inside 'since' dates no event",
			published: "2020-03-10",
			text:      "Share prices fell on Monday, the steepest fall since the 2008 crisis.",
			want:      []wantEvent{{kind: model.KindEconomic, start: "2020-03-09"}},
		},
		{
			name:      "what was reported done takes the reporting day",
			published: "2016-07-18",
			text:      "The justice minister told reporters on Saturday that 300 officers had been detained.",
			want:      []wantEvent{{kind: model.KindArrest, start: "2016-07-16"}},
		},
		{
			name:      "a present-perfect lead is the publication day's news",
			published: "2020-01-10",
			text:      "Rebels have seized the eastern provincial capital, residents said.",
			want:      []wantEvent{{kind: model.KindMilitary, start: "2020-01-10", how: "publication day"}},
		},
		{
			name:      "a simple-past lead without a date is the publication day or the day before",
			published: "2020-01-10",
			text:      "Rebels seized the eastern provincial capital, residents said.",
			want:      []wantEvent{{kind: model.KindMilitary, start: "2020-01-09", end: "2020-01-10", how: "publication day or the day before"}},
		},
		{
			name:      "a small namesake abroad is no place",
			published: "2019-03-20",
			text:      "New Zealand police said a fire broke out in Linwood on Tuesday. New Zealand officials said no one was hurt.",
			want:      []wantEvent{{kind: model.KindDisaster, start: "2019-03-19", place: ""}},
		},
		{
			name:      "a participle after a determiner describes a noun",
			published: "2019-04-16",
			text:      "A fire engulfed the city's soaring cathedral on Monday as rising prices worried traders.",
			want:      []wantEvent{{kind: model.KindDisaster, start: "2019-04-15"}},
		},
		{
			name:      "a participle after a degree word describes a noun; a rare word sense is no event",
			published: "2013-11-11",
			text:      "Aid reached the hardest hit areas on Sunday. Flags hung from the windows of the town hall on Sunday.",
			want:      nil,
		},
		{
			name:      "a country's possessive does not hide the place after it",
			published: "2017-08-26",
			text:      "Insurgents attacked police posts in Myanmar's western Rakhine state on Friday.",
			want:      []wantEvent{{kind: model.KindAttack, start: "2017-08-25", place: "MM", title: "rakhine"}},
		},
		{
			name:      "a small town of the article's country is a place without 'in'; a subjectless participle titles its object",
			published: "2016-02-09",
			text:      "South Sudan's army said it had pushed the rebels back on Monday, swiftly recapturing the market town of Bor.",
			want:      []wantEvent{{kind: model.KindMilitary, start: "2016-02-08", place: "SS", title: "bor recaptured"}},
		},
		{
			name:      "a product launch is an event when dated; 'launched an offensive' takes the offensive's kind",
			published: "2010-06-09",
			text:      "The company launched its new tablet on Monday. The army launched an offensive on Tuesday.",
			want: []wantEvent{
				{kind: model.KindOther, start: "2010-06-07"},
				{kind: model.KindMilitary, start: "2010-06-08"},
			},
		},
		{
			name:      "a note about the article itself is no event",
			published: "2014-09-30",
			text:      "Police fired tear gas at protesters in Hong Kong on Sunday. This article was first published in a Hong Kong daily on September 29, 2014. Reporting by a staff writer; editing by another.",
			want:      []wantEvent{{kind: model.KindProtest, start: "2014-09-28", place: "HK"}},
		},
		{
			name:      "a clipped paragraph without its full stop is still prose",
			published: "2015-02-02",
			text:      "Police arrested two men in Marseille on Sunday after a shooting near a school that left three people wounded and the neighbourhood in shock for hours",
			want:      []wantEvent{{kind: model.KindArrest, start: "2015-02-01", place: "FR"}},
		},
		{
			name:      "a town qualifying the agent places the agent's act",
			published: "2022-05-05",
			text:      "French police are investigating. A Lyon prosecutor said on Wednesday the suspect had been questioned.",
			want:      []wantEvent{{kind: model.KindStatement, start: "2022-05-04", place: "FR", title: "lyon"}},
		},
		{
			name:      "the speaker's town is not where what was said happened",
			published: "2022-05-05",
			text:      "French police are investigating. A Lyon prosecutor said on Wednesday that the lorry driver crashed into a wall near a school.",
			want:      []wantEvent{{kind: model.KindAccident, start: "2022-05-04", place: ""}},
		},
		{
			name:      "a possessive naming a structure in the place locates; one naming an event does not",
			published: "2022-05-05",
			text:      "Two bombs exploded at Kenya's main airport on Tuesday. A leader of Peru's 1990s reform movement was freed on Friday.",
			want: []wantEvent{
				{kind: model.KindAttack, start: "2022-05-03", place: "KE"},
				{kind: model.KindArrest, start: "2022-04-29", place: ""},
			},
		},
		{
			name:      "naming the dateline's country does not hide the dateline",
			published: "2022-05-08",
			dateline:  "NAIROBI, Kenya",
			text:      "Kenya raised its security alert after gunmen attacked a shopping centre on Saturday, police said.",
			want:      []wantEvent{{kind: model.KindAttack, start: "2022-05-07", place: "KE", title: "nairobi"}},
		},
		{
			name:      "a name the article locates elsewhere places its other mentions",
			published: "2021-11-20",
			text:      "Two climbers were rescued from Doi Pha gorge near Chiang Mai on Friday. On 12 November, the climbers became trapped in Doi Pha gorge.",
			want: []wantEvent{
				{kind: model.KindOther, start: "2021-11-19", place: "TH"},
				{kind: model.KindAccident, start: "2021-11-12", place: "TH", title: "chiang mai"},
			},
		},
		{
			name:      "'the gorge' refers to the gorge the article located",
			published: "2021-11-20",
			text:      "Two climbers were rescued from Doi Pha gorge near Chiang Mai on Friday. On 12 November, rescuers discovered the pair on a ledge inside the gorge.",
			want: []wantEvent{
				{kind: model.KindOther, start: "2021-11-19", place: "TH"},
				{kind: model.KindOther, start: "2021-11-12", place: "TH", title: "chiang mai"},
			},
		},
		{
			name:      "a compass adjective before a part of a country places it there",
			published: "2013-11-10",
			text:      "A cyclone slammed into the western coast of India on Friday. Floods hit the northern part of Vietnam on Saturday.",
			want: []wantEvent{
				{kind: model.KindDisaster, start: "2013-11-08", place: "IN", title: "western india"},
				{kind: model.KindDisaster, start: "2013-11-09", place: "VN", title: "northern vietnam"},
			},
		},
		{
			name:      "a foreign town's name before a structure is the structure's",
			published: "2019-05-08",
			text:      "Peru said on Tuesday that 12 workers were trapped in the Santa Rosa mine near Arequipa.",
			want:      []wantEvent{{kind: model.KindAccident, start: "2019-05-07", place: "PE", title: "arequipa"}},
		},
		{
			name:      "a part of a place is in the place",
			published: "2016-02-02",
			text:      "A car bomb exploded on the outskirts of Damascus on Monday. A bus crashed in a remote mountainous area of Nepal on Sunday.",
			want: []wantEvent{
				{kind: model.KindAttack, start: "2016-02-01", place: "SY"},
				{kind: model.KindAccident, start: "2016-01-31", place: "NP"},
			},
		},
		{
			name:      "a reporting verb's one date at the end of what it reports dates the event reported",
			published: "2017-08-29",
			text:      "Residents reached by phone said there was heavy shelling of villages along the northern border on Sunday.",
			want:      []wantEvent{{kind: model.KindMilitary, start: "2017-08-27", title: "shelling"}},
		},
		{
			name:      "two towns taken in one sentence are two events, however near; 'have now' is the day of writing",
			published: "2016-10-20",
			text:      "Rebels in Nigeria captured Kaduna on Monday, officials said, and have now seized parts of Zaria.",
			want: []wantEvent{
				{kind: model.KindMilitary, start: "2016-10-17", place: "NG", title: "kaduna"},
				{kind: model.KindMilitary, start: "2016-10-20", place: "NG", title: "zaria"},
			},
		},
		{
			name:      "a relative clause on an apposed town places its event there",
			published: "2011-10-20",
			text:      "Officials in Libya visited Misrata, the coastal city that began the uprising against the regime in February.",
			want:      []wantEvent{{kind: model.KindProtest, start: "2011-02-01", end: "2011-02-28", place: "LY", title: "misrata"}},
		},
		{
			name:      "'the hospital' is the hospital the article locates, not the dateline",
			published: "2014-02-22",
			dateline:  "KIEV, Ukraine",
			text:      "Prosecutors freed the former mayor on Saturday, and he came out from the hospital where he had been held. Reporters saw him leave the hospital in the port city of Odessa.",
			want:      []wantEvent{{kind: model.KindArrest, start: "2014-02-22", place: "UA", title: "odessa"}},
		},
		{
			name:      "titles agree with their subject and keep a participle after a noun; chaos that engulfs a city is no disaster",
			published: "2019-03-17",
			text:      "Gunmen attacked a shopping centre in Nairobi on Saturday. A fire engulfed the city market on Sunday. Chaos engulfed the city on Sunday. On 4 March, three hikers became stranded on a ridge in Chiang Mai. Peru cheered as 12 miners trapped in a shaft near Arequipa were rescued on Tuesday.",
			want: []wantEvent{
				{kind: model.KindAttack, start: "2019-03-16", place: "KE", title: "gunmen attack shopping centre"},
				{kind: model.KindDisaster, start: "2019-03-17", place: "KE", title: "fire engulfs city market"},
				{kind: model.KindAccident, start: "2019-03-04", place: "TH", title: "three hikers stranded"},
				{kind: model.KindAccident, start: "2019-03-12", place: "PE", title: "miners trapped in"},
			},
		},
		{
			name:      "a participle phrase after a noun is the headline, without what follows it",
			published: "2019-03-15",
			text:      "Officers said on Friday that two men taken into custody had links to the gang.",
			want:      []wantEvent{{kind: model.KindArrest, start: "2019-03-15", title: "two men taken into custody"}},
		},
		{
			name:      "a past tense before a preposition stays a verb when nothing follows it",
			published: "2019-04-22",
			text:      "Powerful explosions struck in quick succession at churches in Colombo on Sunday.",
			want:      []wantEvent{{kind: model.KindMilitary, start: "2019-04-21", place: "LK", title: "explosions strike"}},
		},
		{
			name:      "an election set for a day is the planned election, a day given 'until' a deadline",
			published: "2014-02-22",
			text:      "Lawmakers set a snap parliamentary election for June 9. Rebels were given until Friday to leave.",
			dateline:  "KIEV, Ukraine",
			want: []wantEvent{
				{kind: model.KindElection, start: "2014-06-09", planned: true, place: "UA", title: "in ukraine"},
				{kind: model.KindDeadline, start: "2014-02-28", planned: true},
			},
		},
		{
			name:      "a hedged number stays in the title with its noun",
			published: "2019-03-16",
			text:      "A gunman killed at least 12 people at a market in Kano on Friday.",
			want:      []wantEvent{{kind: model.KindAttack, start: "2019-03-15", place: "NG", title: "gunman kills at least 12 people"}},
		},
		{
			name:      "a word after an article is a noun, whatever verb it also is",
			published: "2019-04-22",
			text:      "A bomb struck a bus in Kabul on Monday.",
			want:      []wantEvent{{kind: model.KindMilitary, start: "2019-04-22", place: "AF", title: "bomb strikes bus"}},
		},
		{
			name:      "a unit number does not hide the place a facility is named after",
			published: "2011-03-16",
			text:      "A fire broke out at the flood-damaged Sendai No. 3 power station in Japan on Tuesday.",
			want:      []wantEvent{{kind: model.KindDisaster, start: "2011-03-15", place: "JP", title: "sendai"}},
		},
		{
			name:      "a day that opens the sentence frames all it tells; 'return to the Kremlin' is Moscow",
			published: "2019-06-04",
			text:      "On Sunday, the president left a football match early to return to the Kremlin for a meeting with his generals.",
			want:      []wantEvent{{kind: model.KindMeeting, start: "2019-06-02", place: "RU"}},
		},
		{
			name:      "a day that opens a reported sentence does not date what is reported",
			published: "2016-03-25",
			text:      "In Cairo on Tuesday, the envoy insisted that the quiet kept by the ceasefire proved his approach right.",
			want:      []wantEvent{{kind: model.KindStatement, start: "2016-03-22", place: "EG"}},
		},
		{
			name:      "an agency's finding with its own date is an event; 'determined to' is not",
			published: "2021-06-10",
			text:      "Last March, investigators determined that the wiring was faulty. The owner was determined to rebuild.",
			want:      []wantEvent{{kind: model.KindStatement, start: "2021-03-01", end: "2021-03-31"}},
		},
		{
			name:      "police operations are events of the story's day; a caption's 'surrounded by' is none",
			published: "2015-01-10",
			dateline:  "PARIS",
			text:      "Police swarmed a farmhouse in the Somme region where the suspect was seen on Friday. The photo shows the tower surrounded by scaffolding.",
			want:      []wantEvent{{kind: model.KindMilitary, start: "2015-01-09", place: "FR", title: "police swarm farmhouse"}},
		},
		{
			name:      "a country's adjective narrows a range that spans several countries to its side",
			published: "2020-02-11",
			text:      "A small plane crashed in a remote part of the Swiss Alps on Monday, killing both pilots.",
			want:      []wantEvent{{kind: model.KindAccident, start: "2020-02-10", place: "CH", title: "swiss alps"}},
		},
		{
			name:      "a disaster that kills is a disaster, titled by its toll's verb",
			published: "2020-02-11",
			text:      "A landslide killed nine villagers in Nepal on Sunday.",
			want:      []wantEvent{{kind: model.KindDisaster, start: "2020-02-09", place: "NP", title: "landslide kills"}},
		},
		{
			name:      "a country owns the election it holds, not the deed it does to another",
			published: "2020-02-11",
			text:      "Turnout was low in Peru's snap election on Sunday. Russia's annexation of Crimea in 2014 drew sanctions.",
			want: []wantEvent{
				{kind: model.KindElection, start: "2020-02-09", place: "PE"},
				{kind: model.KindAnnexation, start: "2014-01-01", end: "2014-12-31", place: ""},
			},
		},
		{
			name:      "'along' a part of a town places the event there",
			published: "2020-02-11",
			text:      "Heavy fighting raged along the northern edge of Aleppo on Saturday.",
			want:      []wantEvent{{kind: model.KindMilitary, start: "2020-02-08", place: "SY"}},
		},
		{
			name:      "two days joined by 'and' are one span; an 'as' clause's day dates the main verb; a manner adverb is not the object",
			published: "2020-03-06",
			text:      "Army units recaptured the airbase swiftly as reinforcements streamed in on Tuesday and Wednesday.",
			want:      []wantEvent{{kind: model.KindMilitary, start: "2020-03-03", end: "2020-03-04", title: "recapture airbase"}},
		},
		{
			name:      "an 'after' clause's day stays its own",
			published: "2020-03-06",
			text:      "The mayor resigned on Thursday after protesters stormed city hall on Monday.",
			want: []wantEvent{
				{kind: model.KindPolitical, start: "2020-03-05", title: "mayor resigns"},
				{kind: model.KindMilitary, start: "2020-03-02", title: "storm city hall"},
			},
		},
		{
			name:      "the story's past told with no place is at the dateline; with a place, there",
			published: "2020-02-11",
			dateline:  "LIMA",
			text:      "The same stadium was bombed in 1992. A similar stadium in Chile was bombed in 2015.",
			want: []wantEvent{
				{kind: model.KindMilitary, start: "1992-01-01", end: "1992-12-31", place: "PE", title: "in lima"},
				{kind: model.KindMilitary, start: "2015-01-01", end: "2015-12-31", place: "CL", title: "stadium in chile"},
			},
		},
		{
			name:      "the one place a sentence is set in places its only event, across clauses",
			published: "2020-02-14",
			text:      "Technicians worked to stabilise the damaged tanks at the refinery outside Rotterdam, and 3,000 residents left their homes a day after a fire broke out in one of the tanks on Thursday.",
			want:      []wantEvent{{kind: model.KindDisaster, start: "2020-02-13", place: "NL"}},
		},
		{
			name:      "but not when another event word of the sentence may own it",
			published: "2020-02-14",
			text:      "The envoy arrived in Oslo on Friday, a week after the rebels announced on February 7 that they were withdrawing from the coast.",
			want: []wantEvent{
				{kind: model.KindMeeting, start: "2020-02-14", place: "NO"},
				{kind: model.KindWithdrawal, start: "2020-02-07", place: ""},
			},
		},
		{
			name:      "a small town of the dateline's country is a place though the body names only a neighbour",
			published: "2020-02-11",
			dateline:  "NAIROBI",
			text:      "Gunmen attacked a bus in Mandera county on Sunday. Police in Mandera said 12 passengers died. Many residents of Mandera have fled to Somalia. Two teachers were abducted on Monday.",
			want: []wantEvent{
				{kind: model.KindAttack, start: "2020-02-09", place: "KE", title: "in mandera"},
				{kind: model.KindOther, start: "2020-02-10", place: "KE", title: "residents of mandera flee"},
				// Filed from Nairobi, about Mandera: the day's events with no
				// place of their own are Mandera's, not the desk's.
				{kind: model.KindAttack, start: "2020-02-10", place: "KE", title: "in mandera"},
			},
		},
		{
			name:      "an area named 'X and Y' is one name",
			published: "2019-08-06",
			text:      "Troops were deployed across Jammu and Kashmir on Monday.",
			want:      []wantEvent{{kind: model.KindMilitary, start: "2019-08-05", title: "jammu and kashmir"}},
		},
		{
			name:      "a national legislature locates what happens in it; 'residents of X' name a place",
			published: "2019-08-06",
			dateline:  "NAIROBI",
			text:      "Lawmakers in the Knesset voted on Tuesday to dissolve parliament. Residents of Mosul fled on Monday.",
			want: []wantEvent{
				{kind: model.KindPolitical, start: "2019-08-06", place: "IL", title: "lawmakers in the knesset vote to dissolve parliament"},
				{kind: model.KindOther, start: "2019-08-05", place: "IQ", title: "residents of mosul flee"},
			},
		},
		{
			name:      "'on the same day as' relates two events of one day; a province and a town of another are two places",
			published: "2014-04-15",
			text:      "Gunmen abducted dozens of schoolgirls in a night raid on a school in Borno state on Monday. The raid took place on the same day as a bombing at a bus station in Abuja, in which 75 people died.",
			want: []wantEvent{
				{kind: model.KindAttack, start: "2014-04-14", place: "NG", title: "in borno"},
				{kind: model.KindAttack, start: "2014-04-14", place: "NG", title: "bombing in abuja"},
			},
		},
		{
			name:      "titles: a part keeps the name it is part of; an agreement without actors tells who signed what",
			published: "2019-04-16",
			text:      "A massive fire engulfed the upper reaches of Lyon's ancient Saint Jean Cathedral on Monday. The two states signed a border treaty in 1994.",
			want: []wantEvent{
				{kind: model.KindDisaster, start: "2019-04-15", title: "upper reaches of saint jean cathedral"},
				{kind: model.KindAgreement, start: "1994-01-01", end: "1994-12-31", title: "two states sign border treaty"},
			},
		},
		{
			name:      "a move by a stated amount is the day's economic news; a toll rising is not",
			published: "2021-03-09",
			text:      "Shares in the carmaker fell 12% after the recall. The death toll from the floods in the north rose to 41.",
			// The lead's past is the day before publication (leadSentence).
			want: []wantEvent{{kind: model.KindEconomic, start: "2021-03-08", title: "shares in the carmaker fall 12%"}},
		},
		{
			name:      "a clause after ', as' or a day's 'as' is an event of its own, at the same time; the speaker's province places the saying",
			published: "2020-05-13",
			text:      "The death toll in China will likely pass 500, the Sichuan police chief said Monday as floods swept the province.",
			want: []wantEvent{
				{kind: model.KindStatement, start: "2020-05-11", place: "CN"},
				{kind: model.KindDisaster, start: "2020-05-11", title: "floods"},
			},
		},
		{
			name:      "where people came from, and another event's place, do not keep the dateline from the day's event",
			published: "2017-08-29",
			dateline:  "AMMAN, Jordan",
			text:      "About 500 villagers from Syria fled on Monday into Jordan, a week after rebels attacked an army base in Syria's southern Deraa province.",
			want: []wantEvent{
				{kind: model.KindOther, start: "2017-08-28", place: "JO", title: "villagers from syria flee into"},
				// "a week after" dates the rebels' attack back from Monday.
				{kind: model.KindAttack, start: "2017-08-21", end: "2017-08-27", place: "SY", title: "rebels attack army base"},
			},
		},
		{
			name:      "many towns of a country at once, none named, is the country",
			published: "2021-02-02",
			dateline:  "LYON",
			text:      "Thousands of farmers protested on Monday in several cities.",
			want:      []wantEvent{{kind: model.KindProtest, start: "2021-02-01", place: "FR", title: "in france"}},
		},
		{
			name:      "a capital that undergoes what happens is where it happened, not the dateline",
			published: "2021-02-02",
			dateline:  "GENEVA",
			text:      "Paris erupted in anger on Monday.",
			want:      []wantEvent{{kind: model.KindProtest, start: "2021-02-01", place: "FR", title: "paris erupts"}},
		},
		{
			name:      "titles: a name that a place opens is the object whole",
			published: "2019-08-06",
			text:      "Gunmen attacked the Kabul Serena Hotel on Friday. Rebels shelled Aleppo and Hama on Sunday.",
			want: []wantEvent{
				{kind: model.KindAttack, start: "2019-08-02", title: "gunmen attack kabul serena hotel"},
				{kind: model.KindMilitary, start: "2019-08-04", place: "SY", title: "rebels shell aleppo and hama"},
			},
		},
	})
}

// newsCase is one article written for a test and the events it must give.
type newsCase struct {
	name, text, published, dateline string
	want                            []wantEvent
}

// checkNewsCases extracts each case's article and compares its events, in
// order, with the wanted kind, dates, country, date source and title.
func checkNewsCases(t *testing.T, tests []newsCase) {
	t.Helper()
	x := testExtractor(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := x.Extract(article(tc.text, tc.published, tc.dateline)).Events
			if len(got) != len(tc.want) {
				for _, e := range got {
					t.Logf("got %s %s..%s place=%v %q (%s)", e.Kind, e.Start.Format("2006-01-02"), e.End.Format("2006-01-02"), e.Place, e.Title, e.Sources[0].DateHow)
				}
				t.Fatalf("got %d events, want %d", len(got), len(tc.want))
			}
			for i, w := range tc.want {
				e := got[i]
				if e.Kind != w.kind {
					t.Errorf("event %d (%q) kind %s, want %s", i, e.Title, e.Kind, w.kind)
				}
				if s := e.Start.Format("2006-01-02"); s != w.start {
					t.Errorf("event %d (%q) start %s, want %s", i, e.Title, s, w.start)
				}
				if w.end != "" && e.End.Format("2006-01-02") != w.end {
					t.Errorf("event %d end %s, want %s", i, e.End.Format("2006-01-02"), w.end)
				}
				pc := ""
				if e.Place != nil {
					pc = e.Place.Country
				}
				if pc != w.place {
					t.Errorf("event %d (%q) place %v, want country %q", i, e.Title, e.Place, w.place)
				}
				if w.placeAs != "" && (e.Place == nil || e.Place.Name != w.placeAs) {
					t.Errorf("event %d (%q) place %v, want it named %q", i, e.Title, e.Place, w.placeAs)
				}
				if w.planned && !e.Planned {
					t.Errorf("event %d (%q) is not planned", i, e.Title)
				}
				if w.how != "" && e.Sources[0].DateHow != w.how {
					t.Errorf("event %d date how %q, want %q", i, e.Sources[0].DateHow, w.how)
				}
				if w.actor != "" && !slices.ContainsFunc(e.Actors, func(a model.Actor) bool { return a.Name == w.actor }) {
					t.Errorf("event %d (%q) actors %v, want %q among them", i, e.Title, e.Actors, w.actor)
				}
				if w.title != "" && !strings.Contains(strings.ToLower(e.Title), w.title) {
					t.Errorf("event %d title %q, want it to contain %q", i, e.Title, w.title)
				}
				if r, _ := utf8.DecodeRuneInString(e.Title); unicode.IsLower(r) {
					t.Errorf("event %d title %q starts with a small letter", i, e.Title)
				}
			}
		})
	}
}

// TestSameEventAcrossOutlets checks the cross-outlet merge on reports
// written for the test: two outlets' words for one happening meet; two
// happenings of one day in one city do not.
func TestSameEventAcrossOutlets(t *testing.T) {
	x := testExtractor(t)
	a := article("Flames tore through the old opera house in Oslo on Thursday, destroying its roof.", "2020-02-28", "")
	b := article("The opera house in Oslo was gutted by fire on Thursday evening.", "2020-02-28", "")
	b.ID, b.Path = 8, "/tmp/news/other.txt"
	c := article("A man stabbed two tourists near the harbour in Oslo on Thursday.", "2020-02-28", "")
	c.ID, c.Path = 9, "/tmp/news/third.txt"
	var all []model.Event
	for _, art := range []*model.Article{a, b, c} {
		all = append(all, x.Extract(art).Events...)
	}
	out := MergeAll(all)
	if len(out) != 2 {
		for _, e := range out {
			t.Logf("%s %s %q sources %d", e.Kind, e.Start.Format("2006-01-02"), e.Title, len(e.Sources))
		}
		t.Fatalf("got %d events, want the fire (two outlets) and the stabbing", len(out))
	}
	if len(out[0].Sources) != 2 || out[1].Kind != model.KindAttack || len(out[1].Sources) != 1 {
		t.Errorf("merged wrong: %q has %d sources, %q (%s) has %d", out[0].Title, len(out[0].Sources), out[1].Title, out[1].Kind, len(out[1].Sources))
	}
}

// TestNamesOfPeopleAndStorms checks two readings of a capitalised name on
// sentences written for the test: a recurring name whose last word also
// stands alone is a person's, and a storm's name is no actor.
func TestNamesOfPeopleAndStorms(t *testing.T) {
	x := testExtractor(t)
	text := "Ozilka Vantero has been arrested in Oslo, police said on Monday. Ozilka Vantero denied the charges. Vantero's lawyer said he would appeal. " +
		"Typhoon Mawar slammed into Guam on Wednesday. Typhoon Mawar then weakened."
	ex := x.Extract(article(text, "2023-05-25", ""))
	types := map[string]model.ActorType{}
	for _, e := range ex.Events {
		for _, a := range e.Actors {
			types[a.Name] = a.Type
		}
	}
	if ty := types["Ozilka Vantero"]; ty != model.ActorPerson {
		t.Errorf("Ozilka Vantero is a %s, want a person (actors: %v)", ty, types)
	}
	for name := range types {
		if strings.Contains(name, "Mawar") {
			t.Errorf("the storm %q became an actor", name)
		}
	}
}

// TestOneSharedWordInOneTown: two outlets' reports of one day in one town,
// of one kind, that share a single salient word ("a pharmacy raided",
// "a pharmacy stormed"; the town named by one only, the other filed from
// it) are one happening; one word is not enough across kinds or towns.
func TestOneSharedWordInOneTown(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name         string
		a, aDateline string
		b            string
		same         bool
	}{
		{"one town, one kind, one word", "Looters raided a pharmacy on Sunday.", "CEBU", "A crowd stormed a pharmacy in Cebu on Sunday, witnesses said.", true},
		{"two kinds", "Looters raided a pharmacy on Sunday.", "CEBU", "Police arrested the pharmacy owner in Cebu on Sunday.", false},
		{"two towns", "Looters raided a pharmacy on Sunday.", "CEBU", "A crowd stormed a pharmacy in Davao on Sunday.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article(tc.a, "2021-03-08", tc.aDateline)
			b := article(tc.b, "2021-03-08", "")
			b.ID, b.Path, b.SHA256 = 8, "/tmp/news/other.txt", "def"
			ea, eb := x.Extract(a).Events, x.Extract(b).Events
			if len(ea) != 1 || len(eb) != 1 {
				t.Fatalf("got %d and %d events, want one each", len(ea), len(eb))
			}
			if got := SameEvent(&ea[0], &eb[0]); got != tc.same {
				t.Errorf("SameEvent(%q %s %v, %q %s %v) = %v, want %v", ea[0].Title, ea[0].Kind, ea[0].Place, eb[0].Title, eb[0].Kind, eb[0].Place, got, tc.same)
			}
		})
	}
}
