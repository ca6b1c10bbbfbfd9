package extract

import (
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

// TestNewsReading checks, on sentences written for the test, more classes
// of news phrasing met on articles the rules were not written for: crowds
// and towns named together, searches and visits, what 'is to' happen,
// government statements from abroad, relative clauses and participles
// set off by commas, and what a title's pronouns and relative words stand
// for.
func TestNewsReading(t *testing.T) {
	checkNewsCases(t, []newsCase{
		{
			name:      "a verb's bare form between another verb and a noun modifies the noun ('to tighten gun laws'), so the cabinet's agreement is no shooting",
			published: "2019-03-18",
			text: "The cabinet agreed on Monday to tighten gun laws. " +
				"Gunmen attacked a police post on Sunday.",
			want: []wantEvent{
				{kind: model.KindAgreement, start: "2019-03-18", title: "cabinet agrees to tighten gun laws"},
				{kind: model.KindAttack, start: "2019-03-17"},
			},
		},
		{
			name:      "a plan or a budget unveiled is a proposal made public; a phone unveiled is a company's news",
			published: "2016-09-10",
			text: "The government unveiled a budget on Monday. " +
				"The carmaker unveiled a new electric model on Tuesday.",
			want: []wantEvent{
				{kind: model.KindProposal, start: "2016-09-05", title: "government unveils budget"},
				{kind: model.KindEconomic, start: "2016-09-06"},
			},
		},
		{
			name:      "two named parties agree together, to a noun phrase without its article and with its span ('agree to four-day truce'); a declared ceasefire is titled by who declared it; 'police in Paris and Lyon' are the police",
			published: "2023-11-22",
			text: "Armenia and Azerbaijan agreed on Wednesday to a four-day truce. " +
				"The rebels declared a ceasefire on Tuesday. " +
				"Police in Paris and Lyon arrested 40 people on Monday.",
			want: []wantEvent{
				{kind: model.KindAgreement, start: "2023-11-22", title: "armenia and azerbaijan agree to four-day truce"},
				{kind: model.KindCeasefire, start: "2023-11-21", title: "rebels declare ceasefire"},
				{kind: model.KindArrest, start: "2023-11-20", place: "FR", title: "police in paris and lyon arrest 40 people"},
			},
		},
		{
			name:      "what hits tells the kind: live fire or a rubber bullet shoots, a lorry is an accident, floods a disaster; sniper fire is no blaze",
			published: "2019-10-02",
			text: "A police officer shot a student in the chest on Tuesday, the first time a protester has been hit by live fire. " +
				"A photographer was hit by a rubber bullet on Sunday. " +
				"A cyclist was hit by a lorry on Monday. " +
				"Villages were hit by floods on Saturday.",
			want: []wantEvent{
				{kind: model.KindAttack, start: "2019-10-01", title: "police officer shoots student"},
				{kind: model.KindAttack, start: "2019-09-29"},
				{kind: model.KindAccident, start: "2019-09-30"},
				{kind: model.KindDisaster, start: "2019-09-28"},
			},
		},
		{
			name:      "an arrest warrant issued is a court's act, no arrest",
			published: "2023-08-21",
			text: "A court issued arrest warrants for three generals on Monday. " +
				"Police arrested two men on Sunday.",
			want: []wantEvent{
				{kind: model.KindLegal, start: "2023-08-21", title: "court issues arrest warrants"},
				{kind: model.KindArrest, start: "2023-08-20", title: "police arrest two men"},
			},
		},
		{
			name:      "a crash 'shortly after takeoff, killing everyone on board' is one accident; missiles launched at bases hours before are an attack of that day",
			published: "2020-01-09",
			dateline:  "KABUL",
			text: "KABUL (AP) — A cargo jet carrying 40 people crashed shortly after takeoff from Kabul's airport on Wednesday, killing everyone on board. " +
				"The crash came hours after militants launched rockets at two military bases in Kandahar.",
			want: []wantEvent{
				{kind: model.KindAccident, start: "2020-01-08", place: "AF", title: "cargo jet crashes"},
				{kind: model.KindMilitary, start: "2020-01-08", place: "AF", title: "militants launch rockets"},
			},
		},
		{
			name:      "stocks that rally move a market, supporters who rally protest; 'could be appropriate' is no seizure",
			published: "2022-07-28",
			text: "Stocks rallied on Wednesday after the central bank's decision. " +
				"The governor said another large increase could be appropriate at the next meeting in September. " +
				"Thousands of supporters rallied in the capital on Sunday.",
			want: []wantEvent{
				{kind: model.KindEconomic, start: "2022-07-27", title: "stocks rally"},
				{kind: model.KindProtest, start: "2022-07-24"},
			},
		},
		{
			name:      "a government's measure at home ('Italy extended its lockdown', 'Japan declared a state of emergency') is in that country; sanctions on another are not placed by the one imposing them",
			published: "2020-03-12",
			dateline:  "GENEVA",
			text: "GENEVA (Reuters) - Portugal extended its lockdown to the whole country on Tuesday. " +
				"Chile declared a state of emergency on Monday. " +
				"Canada imposed sanctions on Belarus on Saturday.",
			want: []wantEvent{
				{kind: model.KindPolitical, start: "2020-03-10", place: "PT"},
				{kind: model.KindPolitical, start: "2020-03-09", place: "CL"},
				{kind: model.KindEconomic, start: "2020-03-07", place: ""},
			},
		},
		{
			name:      "what the dead were killed in tells the kind: traffic accidents, floods, an ambush",
			published: "2017-09-11",
			text: "At least three people were killed in traffic accidents on Sunday. " +
				"Two people died in the floods on Monday. " +
				"Five soldiers were killed in an ambush on Friday.",
			want: []wantEvent{
				{kind: model.KindAccident, start: "2017-09-10"},
				{kind: model.KindDisaster, start: "2017-09-11"},
				{kind: model.KindAttack, start: "2017-09-08"},
			},
		},
		{
			name:      "truckers and farmers who block roads protest; the subject is the noun whose side 'loyal to', 'linked to' tells, not the side",
			published: "2022-10-31",
			text: "Truckers loyal to President Anna Berg blocked highways in several states on Monday. " +
				"Militants linked to al Qaeda attacked an army post on Sunday.",
			want: []wantEvent{
				{kind: model.KindProtest, start: "2022-10-31", title: "truckers block highways"},
				{kind: model.KindAttack, start: "2022-10-30", title: "militants attack army post"},
			},
		},
		{
			name:      "what someone is accused of is not of the day of the accusation; the accusation is the day's statement, naming the forces accused",
			published: "2022-04-04",
			text: "Officials accused Syrian forces on Sunday of shelling a hospital in the town of Idlib. " +
				"A man was charged on Monday with the murder of a teenager.",
			want: []wantEvent{
				{kind: model.KindStatement, start: "2022-04-03", title: "accuse syrian forces"},
				{kind: model.KindLegal, start: "2022-04-04", title: "man charged"},
			},
		},
		{
			name:      "a takeover completed is titled by who completed it, with its sum whole",
			published: "2022-10-28",
			text:      "The carmaker completed its $2.5 billion takeover of a battery maker on Thursday.",
			want: []wantEvent{
				{kind: model.KindEconomic, start: "2022-10-27", title: "carmaker completes $2.5 billion takeover"},
			},
		},
		{
			name:      "what awaits lies ahead: officers who 'face trial in March' are tried next March, titled by who faces it; 'elections are due next year' is a planned vote; a trial faced in the past stays past, and 'faced trial and was acquitted' keeps its passive",
			published: "2021-06-25",
			text: "Three other former officers face trial in March on aiding and abetting charges. " +
				"Elections are due next year. " +
				"The mayor faced trial in January and was acquitted.",
			want: []wantEvent{
				{kind: model.KindLegal, start: "2022-03-01", end: "2022-03-31", planned: true, title: "officers face trial"},
				{kind: model.KindElection, start: "2022-01-01", end: "2022-12-31", planned: true},
				{kind: model.KindLegal, start: "2021-01-01", end: "2021-01-31", title: "mayor acquitted"},
			},
		},
		{
			name:      "'announced Friday that she will resign as party leader on June 7': the resignation is of June 7, Friday is the saying's; 'Theresa May' is a person; a dateline's date is no day the sentence gives what was said",
			published: "2019-05-24",
			dateline:  "LONDON",
			text: "LONDON, May 24 (Reuters) - Theresa May announced Friday that she will resign as party leader on June 7. " +
				"Troops seized the border town, the army said on Friday.",
			want: []wantEvent{
				{kind: model.KindStatement, start: "2019-05-24", place: "GB", title: "announces she will resign"},
				{kind: model.KindPolitical, start: "2019-06-07", title: "theresa may to resign"},
				{kind: model.KindMilitary, start: "2019-05-24", place: "GB", title: "troops seize border town"},
			},
		},
		{
			name:      "a disaster that opens the sentence after the dateline kills, and the rescuers searching for its missing are where it struck, not at the desk; days of mourning declared are a decision titled with their count, and a day declared one is not when it was declared",
			published: "2021-07-16",
			dateline:  "VIENNA",
			text: "VIENNA (Reuters) - Floods in eastern Austria have killed at least 40 people, authorities said on Friday, as rescuers searched for hundreds still missing after rivers burst their banks. " +
				"President Alexander Van der Bellen declared three days of national mourning on Thursday. " +
				"Prime Minister Anna Berg told parliament that those responsible would be punished, and the government declared Saturday a day of national mourning.",
			want: []wantEvent{
				{kind: model.KindDisaster, start: "2021-07-16", place: "AT", placeAs: "Eastern Austria", title: "floods kill at least 40 people"},
				{kind: model.KindOther, start: "2021-07-16", place: "AT", placeAs: "Eastern Austria", title: "rescuers search"},
				{kind: model.KindPolitical, start: "2021-07-15", place: "AT", title: "van der bellen declares three days of national mourning"},
				{kind: model.KindPolitical, start: "2021-07-16", place: "AT", title: "government declares day of national mourning"},
				{kind: model.KindStatement, start: "2021-07-16"},
			},
		},
		{
			name:      "who defeats whom says what was won: a battle, a vote, a contract, a bill; a match is none; awarding a contract is business, a prize is none",
			published: "2008-03-05",
			text: "The Pentagon awarded Boeing a $35 billion contract on Friday. " +
				"The army defeated the rebels near the border on Thursday. " +
				"Airbus defeated Boeing on Tuesday for a US$40 billion (GB£20 billion) contract. " +
				"The Senate defeated the bill on Monday. " +
				"Arsenal defeated Chelsea 2-1 on Sunday. " +
				"She was awarded the Nobel Prize on Saturday.",
			want: []wantEvent{
				{kind: model.KindEconomic, start: "2008-02-29", title: "pentagon awards boeing"},
				{kind: model.KindMilitary, start: "2008-02-28", title: "army defeats rebels"},
				{kind: model.KindEconomic, start: "2008-03-04", title: "airbus defeats boeing"},
				{kind: model.KindPolitical, start: "2008-03-03", title: "senate defeats bill"},
			},
		},
		{
			name:      "a departure told as under way ('is stepping down', 'is resigning') is the publication day's news; 'is stepping up pressure' is none; a time in an apposition ('officer since 2004') opens no clause",
			published: "2010-08-09",
			text: "Anna Kowalski, the bank's chief risk officer since 2004, is stepping down from her post. " +
				"The premier is resigning, his office said on Monday. " +
				"Analysts said the regulator is stepping up pressure on lenders.",
			want: []wantEvent{
				{kind: model.KindPolitical, start: "2010-08-09", end: "2010-08-09", title: "anna kowalski steps down"},
				{kind: model.KindPolitical, start: "2010-08-09", title: "premier resigns"},
			},
		},
		{
			name:      "pulling someone from the rubble or out of the sea is a rescue, pulling troops out a withdrawal; the body of a named person is the body in the title",
			published: "2023-02-08",
			text: "Rescuers pulled a baby alive from the rubble of a building in Antakya on Tuesday. " +
				"Coast guard crews pulled two fishermen out of the sea off Izmir on Monday. " +
				"Rescuers pulled the body of Bishop Jean Marc Dupont from the wreckage of his house in Adana on Sunday. " +
				"The army pulled its troops out of the border town of Kilis on Saturday.",
			want: []wantEvent{
				{kind: model.KindOther, start: "2023-02-07", place: "TR", title: "rescuers pull baby"},
				{kind: model.KindOther, start: "2023-02-06", place: "TR", title: "pull two fishermen"},
				{kind: model.KindOther, start: "2023-02-05", place: "TR", title: "body of bishop jean marc dupont"},
				{kind: model.KindWithdrawal, start: "2023-02-04", place: "TR", title: "army pulls troops"},
			},
		},
		{
			name:      "a country's own war ('Yemen's war, which began in 2014') is in that country, not the dateline's town; its war in another country or a war crimes court is not",
			published: "2023-02-08",
			dateline:  "ISTANBUL",
			text: "ISTANBUL (AP) — A strong earthquake struck Istanbul on Tuesday. " +
				"Yemen's war, which began in 2014, has left millions of people dependent on aid. " +
				"Russia's war in Ukraine began in 2022. " +
				"A judge at Serbia's war crimes court ruled on Friday that the suspect could be extradited.",
			want: []wantEvent{
				{kind: model.KindDisaster, start: "2023-02-07", place: "TR"},
				{kind: model.KindMilitary, start: "2014-01-01", end: "2014-12-31", place: "YE"},
				{kind: model.KindMilitary, start: "2022-01-01", end: "2022-12-31", place: "UA"},
				{kind: model.KindLegal, start: "2023-02-03", place: ""},
			},
		},
		{
			name:      "'the bombing of 1986' dates the bombing and the verb it is the subject of; a town before a compound event noun ('the Madrid train bombings') places it; winning a landslide in an election is the election's win, not a disaster",
			published: "2016-07-23",
			dateline:  "MUNICH",
			text: "MUNICH (AP) — A gunman opened fire at a shopping centre in Munich on Friday, killing nine people. " +
				"It was the deadliest attack in Germany since the Berlin nightclub bombing of 1986, which killed three people. " +
				"The Madrid train bombings of 2004 killed 191 people. " +
				"The governing party won a landslide in the 2013 federal election.",
			want: []wantEvent{
				{kind: model.KindAttack, start: "2016-07-22", place: "DE", placeAs: "Munich"},
				{kind: model.KindAttack, start: "1986-01-01", end: "1986-12-31", place: "DE", placeAs: "Berlin"},
				{kind: model.KindAttack, start: "2004-01-01", end: "2004-12-31", place: "ES", placeAs: "Madrid"},
				{kind: model.KindElection, start: "2013-01-01", end: "2013-12-31", place: "DE", title: "party wins landslide"},
			},
		},
		{
			name:      "a disaster placed by a participle or a magnitude before its verb ('an earthquake centred near', 'a magnitude 7.4 quake near', 'a storm centered off the coast') did the killing, in its own year",
			published: "2023-02-07",
			text: "A 1992 earthquake centred near the town of Erzincan killed more than 500 people. " +
				"In 1999, a magnitude 7.2 quake near the city of Duzce killed hundreds more. " +
				"A storm centered off the coast of Florida killed three people on Monday. " +
				"A magnitude 5.9 tremor off the coast of Chile struck on Sunday.",
			want: []wantEvent{
				{kind: model.KindDisaster, start: "1992-01-01", end: "1992-12-31", place: "TR", title: "earthquake kills more than 500 people"},
				{kind: model.KindDisaster, start: "1999-01-01", end: "1999-12-31", place: "TR", title: "quake kills hundreds"},
				{kind: model.KindDisaster, start: "2023-02-06", placeAs: "Florida", title: "storm kills three people"},
				{kind: model.KindDisaster, start: "2023-02-05", place: "CL", title: "tremor strikes"},
			},
		},
		{
			name:      "'40 hours after the blast' is a day or more from the blast, which is told before; a time after 'weeks after' dates the clause it stands in, not the one before",
			published: "2012-09-14",
			dateline:  "HOUSTON",
			text: "HOUSTON (AP) — The tanker, which caught fire off the Texas coast on Tuesday night, sank in the Gulf of Mexico on Thursday morning, about 40 hours after the blast. " +
				"The accident comes only weeks after the governor announced last month that he would open new areas to drilling.",
			want: []wantEvent{
				{kind: model.KindDisaster, start: "2012-09-11", place: "US", title: "tanker catches fire"},
				{kind: model.KindAccident, start: "2012-09-13", placeAs: "Gulf of Mexico", title: "tanker sinks"},
				{kind: model.KindStatement, start: "2012-08-01", end: "2012-08-31", title: "governor announces"},
			},
		},
		{
			name:      "what the police did to a crowd and what the crowd did are two events of one protest; 'police in riot gear' and a subject before 'despite …' act",
			published: "2019-06-24",
			dateline:  "TBILISI, Georgia",
			text: "TBILISI, Georgia (AP) — Police in riot gear fired tear gas and rubber bullets at demonstrators outside parliament on Sunday. " +
				"Thousands of demonstrators, despite the tear gas, the rubber bullets and dozens of arrests, blocked the main avenue for hours. " +
				"Officers later fired more tear gas at the crowd.",
			want: []wantEvent{
				{kind: model.KindProtest, start: "2019-06-23", place: "GE", title: "police fire tear gas"},
				{kind: model.KindProtest, start: "2019-06-23", place: "GE", title: "thousands of demonstrators block"},
			},
		},
		{
			name:      "a deadline set on a day the sentence names runs from that day, and is a deadline even when it has passed by publication",
			published: "2017-11-21",
			text:      "On Sunday, the ruling party gave the governor until noon on Monday to resign or face impeachment.",
			want: []wantEvent{
				{kind: model.KindDeadline, start: "2017-11-20", title: "deadline"},
			},
		},
		{
			name:      "a rally called for a weekday lies ahead of the calling, and is a planned protest, not a deadline",
			published: "2011-05-27",
			text:      "The opposition has called a mass protest rally in the capital for Sunday.",
			want: []wantEvent{
				{kind: model.KindProtest, start: "2011-05-29", planned: true},
			},
		},
		{
			name:      "the man arrested over a long list of attacks is the one arrested, however far his own verb comes",
			published: "2011-07-23",
			text:      "The Danish man arrested over Friday's bombing in central Aarhus and the shooting at a summer camp near the town of Silkeborg has admitted both attacks, his lawyer said on Saturday.",
			want: []wantEvent{
				{kind: model.KindAttack, start: "2011-07-22", place: "DK", placeAs: "Aarhus"},
				{kind: model.KindStatement, start: "2011-07-23"},
				{kind: model.KindArrest, start: "2011-07-22", place: "DK", title: "danish man arrested"},
			},
		},
		{
			name:      "what a measure is taken of is what a relative clause tells of ('twice the size of the Titanic, which sank')",
			published: "2012-01-15",
			text:      "The new liner is three times the size of the Lusitania, which sank in May 1915.",
			want: []wantEvent{
				{kind: model.KindAccident, start: "1915-05-01", end: "1915-05-31", title: "lusitania sinks"},
			},
		},
		{
			name:      "a head of state's statement in a story about a town away from any capital is not placed in that town; a country stays",
			published: "2013-11-10",
			text: "The storm flattened the port city of Ormoc on Friday. Rescuers reached Ormoc on Saturday. " +
				"President Anna Berg said in a statement on Sunday that aid was on its way. " +
				"President Anna Berg declared a state of emergency in the Philippines on Sunday.",
			want: []wantEvent{
				{kind: model.KindDisaster, start: "2013-11-08", place: "PH", placeAs: "Ormoc"},
				{kind: model.KindStatement, start: "2013-11-10", place: ""},
				{kind: model.KindPolitical, start: "2013-11-10", place: "PH", placeAs: "Philippines"},
			},
		},
		{
			name:      "a distance from 'the capital of' a town measures from the town; told in an apposition to a country, it says where in the country",
			published: "2011-05-02",
			text:      "Last August, police raided a farm in Kenya, a quiet village about 60 miles north of the capital of Nairobi.",
			want: []wantEvent{
				{kind: model.KindMilitary, start: "2010-08-01", end: "2010-08-31", place: "KE", placeAs: "60 miles north of Nairobi"},
			},
		},
		{
			name:      "'still', 'already' stand between a subject and its verb; a phrase inside the subject's relative clause is no clause of its own, but a noun right before the verb is its subject",
			published: "2023-02-07",
			text: "A blaze that broke out in a warehouse after the storm was still burning on Tuesday. " +
				"Dozens of miners were still trapped on Tuesday. " +
				"The advance into towns that had been calm before the troops withdrew in 2011 surprised many.",
			want: []wantEvent{
				{kind: model.KindDisaster, start: "2023-02-07", title: "blaze"},
				{kind: model.KindAccident, start: "2023-02-07", title: "dozens of miners trapped"},
				{kind: model.KindWithdrawal, start: "2011-01-01", title: "troops withdr"},
			},
		},
		{
			name:      "a 'which' that is the verb's object stands for the name before it; one that is its subject does not",
			published: "2023-06-26",
			text: "The town of Gao, which rebels captured on Monday, was quiet. " +
				"The port of Kismayo, which was shelled on Sunday, was quiet.",
			want: []wantEvent{
				{kind: model.KindMilitary, start: "2023-06-26", placeAs: "Gao", place: "ML", title: "rebels capture gao"},
				{kind: model.KindMilitary, start: "2023-06-25", placeAs: "Kismayo", place: "SO", title: "port of kismayo shelled"},
			},
		},
		{
			name:      "an object pronoun in a title is the person the sentence named before, not its subject",
			published: "2017-11-22",
			text:      "Vice President Emma Koval had fled abroad after President Robert Banda dismissed him on Nov. 6.",
			want: []wantEvent{
				{kind: model.KindPolitical, start: "2017-11-06", title: "robert banda dismisses emma koval"},
			},
		},
		{
			name:      "'whose sacking the rebels have sought' names no sacking; 'whose resignation was announced' is the resignation of the noun before it",
			published: "2023-06-26",
			text: "General Ivan Petrov, whose sacking the rebels have sought for weeks, appeared on Monday in a video. " +
				"The governor, whose resignation was announced on Sunday, left the city.",
			want: []wantEvent{
				{kind: model.KindPolitical, start: "2023-06-25", title: "governor's resignation announced"},
			},
		},
		{
			name:      "a relative clause's day dates the noun it is about",
			published: "2010-04-22",
			text:      "The envoy's trip aimed to revive the Vienna talks, which paused for a planned break today.",
			want: []wantEvent{
				{kind: model.KindTalks, start: "2010-04-22", place: "AT", placeAs: "Vienna"},
			},
		},
		{
			name:      "a place named for what happened there ('the crash site', 'the flood zone') is no event of its own; flying over or touring it is a visit",
			published: "2019-01-27",
			text: "Governor Ana Lima flew over the flood zone in a helicopter on Saturday. " +
				"Police sealed off the crash site on Saturday. The king toured the quake zone on Sunday.",
			want: []wantEvent{
				{kind: model.KindMeeting, start: "2019-01-26", title: "ana lima flies over flood zone"},
				{kind: model.KindMeeting, start: "2019-01-27", title: "king tours quake zone"},
			},
		},
		{
			name:      "what 'is to', 'is due to', 'is expected to' happen lies ahead and is titled with its subject; 'is to be sworn in' keeps its passive",
			published: "2016-07-15",
			text: "The cabinet is to meet on Saturday. The board is due to meet on Tuesday to decide. " +
				"The senate is expected to vote on the budget next week. Ms Lind, who won the runoff, is to be sworn in on Jan. 20.",
			want: []wantEvent{
				{kind: model.KindMeeting, start: "2016-07-16", planned: true, title: "cabinet to meet"},
				{kind: model.KindMeeting, start: "2016-07-19", planned: true, title: "board to meet"},
				{kind: model.KindPolitical, start: "2016-07-18", end: "2016-07-24", planned: true, title: "senate to vote"},
				{kind: model.KindPolitical, start: "2017-01-20", planned: true, title: "lind to be sworn in"},
			},
		},
		{
			name:      "'the Atlantic', 'the Mediterranean' with no noun after them are the seas, not adjectives nor a town in Iowa",
			published: "2014-03-09",
			text:      "A cargo plane crashed into the Atlantic on Friday. A yacht sank in the Mediterranean on Saturday.",
			want: []wantEvent{
				{kind: model.KindAccident, start: "2014-03-07", placeAs: "Atlantic"},
				{kind: model.KindAccident, start: "2014-03-08", placeAs: "Mediterranean"},
			},
		},
		{
			name:      "a government abroad speaks from its capital, not from the dateline's town nor the middle of its country",
			published: "2014-03-08",
			dateline:  "BANGKOK, Thailand",
			text:      "BANGKOK, Thailand (AP) — A ferry sank off Phuket on Saturday. Japan's foreign minister said on Saturday that the search would widen.",
			want: []wantEvent{
				{kind: model.KindAccident, start: "2014-03-08", place: "TH", placeAs: "Phuket"},
				{kind: model.KindStatement, start: "2014-03-08", place: "JP", placeAs: "Tokyo"},
			},
		},
		{
			name:      "a participle set off by commas keeps its time ('begun two years ago') and the title's subject is the noun before it; 'spoke with evacuated residents' is no evacuation",
			published: "2013-07-08",
			text: "The carmaker announced on Sunday that work on a new engine, begun two years ago, had stopped. " +
				"The old mill, built in 1832, collapsed on Saturday. " +
				"Mayor Lena Ross met firefighters on Monday and spoke with evacuated residents.",
			want: []wantEvent{
				{kind: model.KindStatement, start: "2013-07-07"},
				{kind: model.KindAccident, start: "2013-07-06", title: "mill collapses"},
				{kind: model.KindMeeting, start: "2013-07-08"},
			},
		},
		{
			name:      "the main clause's own day comes before a relative clause's; what sank to the bottom of a sea is there; congratulating is a statement; 'the two' are plural",
			published: "2010-04-22",
			text: "The ferry, which caught fire off the coast on Tuesday, sank to the bottom of the Aegean Sea on Thursday morning. " +
				"Premier Anna Berg, who congratulated the rescuers on Wednesday, spoke with the captain on Thursday, and the two discussed safety.",
			want: []wantEvent{
				{kind: model.KindDisaster, start: "2010-04-20", title: "ferry catches fire"},
				{kind: model.KindAccident, start: "2010-04-22", placeAs: "Aegean Sea", title: "ferry sinks"},
				{kind: model.KindStatement, start: "2010-04-21", title: "statement by berg"},
				{kind: model.KindTalks, start: "2010-04-22", title: "two discuss safety"},
			},
		},
		{
			name:      "a search for the missing, or by rescuers, is the day's rescue effort where it sweeps; a police search of a flat is police work; searching for answers is none",
			published: "2015-09-10",
			text: "Lifeboats searched the North Sea on Wednesday for six fishermen missing since their trawler capsized. " +
				"Police searched his flat in Leeds on Wednesday. The minister searched for answers on Wednesday.",
			want: []wantEvent{
				{kind: model.KindOther, start: "2015-09-09", placeAs: "North Sea", title: "lifeboats search north sea"},
				{kind: model.KindArrest, start: "2015-09-09", place: "GB", placeAs: "Leeds", title: "police search flat"},
			},
		},
		{
			name:      "a name 'May' is no modal; 'known to have died', 'believed to have fled' tell what happened, titled by their subject; 'the charred shell of the hall' is no shelling",
			published: "2019-04-03",
			text: "Mayor Brian May has ordered an inquiry into the flood on Tuesday. " +
				"Police said on Tuesday that 11 people are now known to have died. The driver is believed to have fled on Tuesday. " +
				"The charred shell of the town hall was photographed on Tuesday. Artillery shelled the port on Tuesday.",
			want: []wantEvent{
				{kind: model.KindPolitical, start: "2019-04-02", title: "brian may orders inquiry"},
				{kind: model.KindDisaster, start: "2019-04-02", title: "11 people die"},
				{kind: model.KindOther, start: "2019-04-02", title: "driver flees"},
				{kind: model.KindMilitary, start: "2019-04-02", title: "artillery shells port"},
			},
		},
		{
			name:      "a bill passed, a budget passed, a resolution adopted are political decisions that take the story's day; a child adopted, time that passed are none",
			published: "2018-06-12",
			text: "The Water Bill was passed in the upper house. " +
				"The couple adopted a child. Time passed slowly. " +
				"On Tuesday the city council adopted a resolution against the plan.",
			want: []wantEvent{
				{kind: model.KindPolitical, start: "2018-06-12", title: "water bill passed"},
				{kind: model.KindPolitical, start: "2018-06-12", title: "council adopts resolution"},
			},
		},
		{
			name:      "'has been jailed since 2013': the jailing is of the year 'since' names, not of the story's week; a border 'closed since 2011' too",
			published: "2014-02-22",
			text:      "Troops stormed the square on Monday. The blogger has been jailed since 2013. The border has been closed since 2011.",
			want: []wantEvent{
				{kind: model.KindMilitary, start: "2014-02-17"},
				{kind: model.KindArrest, start: "2013-01-01", end: "2013-12-31"},
				{kind: model.KindPolitical, start: "2011-01-01", end: "2011-12-31"},
			},
		},
		{
			name:      "armed men who fight take the story's day, their participle 'holed up inside' describes them; fighting corruption or for rights needs a time of its own",
			published: "2012-03-05",
			text: "On Sunday the army stormed the town of Gao. The rebels holed up inside fought back for an hour. " +
				"Activists fought for their rights. The new mayor fought corruption.",
			want: []wantEvent{
				{kind: model.KindMilitary, start: "2012-03-04", place: "ML", placeAs: "Gao"},
				{kind: model.KindMilitary, start: "2012-03-04", title: "rebels fight back"},
			},
		},
		{
			name:      "an act carried on or begun in the past ('continued to celebrate', 'began to fire') takes the story's day as its past tense would; a present one does not",
			published: "2012-03-03",
			text: "The governor resigned on Friday. Supporters in central Tunis continued to celebrate his fall into the night. " +
				"Police began to fire tear gas in Sfax. Police continue to fire tear gas in Gabes.",
			want: []wantEvent{
				{kind: model.KindPolitical, start: "2012-03-02"},
				{kind: model.KindProtest, start: "2012-03-02", place: "TN", placeAs: "Tunis", title: "supporters continue to celebrate"},
				{kind: model.KindProtest, start: "2012-03-02", place: "TN", placeAs: "Sfax", title: "police begin to fire tear gas"},
			},
		},
		{
			name:      "'as they celebrated' after a crowd that acts is the crowd's celebration; after a crowd acted on it is left alone",
			published: "2012-03-03",
			text: "The governor resigned on Friday. Supporters waved flags in Sousse as they celebrated his fall. " +
				"Guards pushed back students as they celebrated.",
			want: []wantEvent{
				{kind: model.KindPolitical, start: "2012-03-02", place: "TN"},
				{kind: model.KindProtest, start: "2012-03-02", place: "TN", placeAs: "Sousse", title: "supporters celebrate"},
			},
		},
		{
			name:      "two far-apart towns named together place the event in their country; neighbours keep the first; a town an apposition describes keeps its own event; marching through a town is in it",
			published: "2012-03-03",
			text: "Crowds marched through Lyon and Marseille on Friday. Students protested in Rawalpindi and Islamabad on Friday. " +
				"Rebels seized Tripoli and Benghazi, the eastern city that led the revolt in February.",
			want: []wantEvent{
				{kind: model.KindProtest, start: "2012-03-02", place: "FR", placeAs: "France", title: "crowds march in lyon and marseille"},
				{kind: model.KindProtest, start: "2012-03-02", place: "PK", placeAs: "Rawalpindi"},
				{kind: model.KindMilitary, start: "2012-02-01", end: "2012-02-29", place: "LY", placeAs: "Benghazi"},
				{kind: model.KindMilitary, start: "2012-03-02", place: "LY", placeAs: "Libya", title: "rebels seize tripoli and benghazi"},
			},
		},
	})
}
