package extract

import (
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// maxTitle keeps generated titles to one short line on a timeline card.
const maxTitle = 60

// makeTitle writes a short headline for an event from its kind, actors and
// place: "Kerry meets Putin in Moscow", "Russia annexes Crimea",
// "Ceasefire in Syria". People come before governments and organisations,
// in the order the text names them.
func makeTitle(e *model.Event) string {
	subj, obj := titleActors(e.Actors, e.Kind)
	place := ""
	if e.Place != nil && e.Place.Name != subj {
		// "Syria strikes in Syria" says nothing more than "Syria strikes".
		place = e.Place.Name
	}
	in := func(s string) string {
		if place == "" {
			return s
		}
		return s + " in " + place
	}
	both := subj
	if obj != "" {
		both = subj + " and " + obj
	}
	var t string
	switch e.Kind {
	case model.KindMeeting:
		switch {
		case e.Planned && obj != "":
			t = in(subj + " to meet " + obj)
		case e.Planned && subj != "":
			t = in(subj + " to hold meeting")
		case e.Planned:
			t = in("Meeting planned")
		case obj != "":
			t = in(subj + " meets " + obj)
		case subj != "":
			t = in(subj + " holds meeting")
		default:
			t = in("Meeting")
		}
	case model.KindTalks:
		switch {
		case e.Planned && subj != "":
			t = in(both + " to hold talks")
		case e.Planned:
			t = in("Talks planned")
		case obj != "":
			t = in(both + " hold talks")
		case subj != "":
			t = in(subj + " holds talks")
		default:
			t = in("Talks")
		}
	case model.KindAgreement:
		switch {
		case e.Planned && subj != "":
			t = in(both + " to sign agreement")
		case e.Planned:
			t = in("Agreement planned")
		case obj != "":
			t = in(both + " reach agreement")
		case subj != "":
			t = in(subj + " reaches agreement")
		default:
			t = in("Agreement")
		}
	case model.KindStatement:
		if subj != "" {
			t = in("Statement by " + subj)
		} else {
			t = in("Statement")
		}
	case model.KindCeasefire:
		switch {
		case place != "":
			t = "Ceasefire in " + place
		case subj != "":
			t = "Ceasefire brokered by " + both
		default:
			t = "Ceasefire"
		}
	case model.KindMilitary:
		switch {
		case subj != "" && place != "":
			t = subj + " strikes in " + place
		case place != "":
			t = "Military action in " + place
		case subj != "":
			t = "Military action by " + subj
		default:
			t = "Military action"
		}
	case model.KindWithdrawal:
		t = "Withdrawal"
		if subj != "" {
			t = subj + " withdraws"
		}
		if place != "" {
			t += " from " + place
		}
	case model.KindAnnexation:
		switch {
		case subj != "" && place != "":
			t = subj + " annexes " + place
		case place != "":
			t = "Annexation of " + place
		default:
			t = "Annexation"
		}
	case model.KindProposal:
		t = "Proposal"
		if subj != "" {
			t = "Proposal involving " + both
		}
		if place != "" {
			t += " (" + place + ")"
		}
	case model.KindDeadline:
		t = "Target date"
		if subj != "" {
			t = "Target date set by " + both
		}
	case model.KindConference:
		if e.Planned {
			t = in("Conference planned")
		} else if subj != "" {
			t = in("Conference with " + both)
		} else {
			t = in("Conference")
		}
	case model.KindPublication:
		if subj != "" {
			t = subj + " publishes document"
		} else {
			t = "Document published"
		}
	default:
		noun := kindNoun[e.Kind]
		if noun == "" {
			noun = "Event"
		}
		t = in(noun)
		if subj != "" {
			t = in(noun + " involving " + subj)
		}
	}
	if len(t) > maxTitle && obj != "" {
		// Drop the second actor before cutting words.
		e2 := *e
		e2.Actors = nil
		for _, a := range e.Actors {
			if shortName(&a) == subj {
				e2.Actors = append(e2.Actors, a)
			}
		}
		return makeTitle(&e2)
	}
	return t
}

// kindNoun names an event of a kind when its clause gives no headline.
var kindNoun = map[model.Kind]string{
	model.KindAttack: "Attack", model.KindDisaster: "Disaster", model.KindAccident: "Accident",
	model.KindElection: "Vote", model.KindProtest: "Protest", model.KindArrest: "Arrests",
	model.KindLegal: "Court action", model.KindPolitical: "Political decision", model.KindEconomic: "Economic news",
}

// otherTitle writes "Jobs resigns", "Senate votes in Washington" for
// events outside the fixed kinds, from the verb that names them.
func otherTitle(e *model.Event, verb string) string {
	subj, _ := titleActors(e.Actors, e.Kind)
	t := verb
	if subj != "" {
		t = subj + " " + verb
	} else if len(t) > 0 {
		t = capitalise(t)
	}
	if e.Place != nil && e.Place.Name != subj {
		t += " in " + e.Place.Name
	}
	return t
}

// titleActors picks the subject and object of a title: the first two
// people, else people and governments, else organisations; for acts of
// states, governments first.
func titleActors(actors []model.Actor, k model.Kind) (string, string) {
	var names []string
	var types []model.ActorType
	order := []model.ActorType{model.ActorPerson, model.ActorGov, model.ActorOrg}
	switch k {
	case model.KindMilitary, model.KindWithdrawal, model.KindAnnexation:
		// States wage wars and annex land; the person named nearby is often
		// someone else (a diplomat talking at the time).
		order = []model.ActorType{model.ActorGov, model.ActorOrg, model.ActorPerson}
	case model.KindPublication:
		order = []model.ActorType{model.ActorOrg, model.ActorGov, model.ActorPerson}
	}
	for _, typ := range order {
		for i := range actors {
			if actors[i].Type == typ {
				n := shortName(&actors[i])
				if n != "" && !containsStr(names, n) {
					names = append(names, n)
					types = append(types, typ)
				}
			}
		}
		if len(names) >= 2 {
			break
		}
	}
	switch {
	case len(names) == 0:
		return "", ""
	case len(names) == 1:
		return names[0], ""
	case k == model.KindMeeting && types[1] == model.ActorOrg && types[0] != model.ActorOrg:
		// People meet people; "Apple meets Moscone Center" is a venue.
		return names[0], ""
	}
	return names[0], names[1]
}

// articleParticles are the name particles a headline drops with the
// first name ("Bashar al Assad": Assad).
var articleParticles = map[string]bool{"al": true, "el": true}

// shortName is how a headline names an actor: a person's surname, an
// organisation's acronym when it has one and its name is long.
func shortName(a *model.Actor) string {
	switch a.Type {
	case model.ActorPerson:
		f := strings.Fields(a.Name)
		if len(f) == 0 {
			return ""
		}
		if familyFirst(f) {
			return f[0] // "Chan Kin-man": Chan
		}
		last := f[len(f)-1]
		for _, p := range []string{"al-", "Al-", "el-", "El-"} {
			if strings.HasPrefix(last, p) && len(last) > len(p) {
				last = last[len(p):]
			}
		}
		// "Le Pen", "von der Leyen", "bin Laden": the particles before a
		// surname are part of it; the Arabic article is not ("Assad").
		k := len(f) - 1
		for k > 1 && nameParticles[strings.ToLower(f[k-1])] && !articleParticles[strings.ToLower(f[k-1])] {
			k--
		}
		if k < len(f)-1 {
			return strings.Join(append(append([]string{}, f[k:len(f)-1]...), last), " ")
		}
		return last
	case model.ActorOrg:
		if len(a.Name) > 20 {
			for _, al := range a.Aliases {
				if isUpperWord(al) && len(al) <= 6 {
					return al
				}
			}
		}
	}
	return a.Name
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
