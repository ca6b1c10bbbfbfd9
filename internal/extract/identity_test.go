package extract

import (
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/model"
)

func person(n string) model.Actor { return model.Actor{Name: n, Type: model.ActorPerson} }
func org(n string) model.Actor    { return model.Actor{Name: n, Type: model.ActorOrg} }
func gov(n string) model.Actor    { return model.Actor{Name: n, Type: model.ActorGov} }

// TestActorKeyMeets lists spellings of one actor that must share a key.
func TestActorKeyMeets(t *testing.T) {
	for _, group := range [][]model.Actor{
		{person("Sergei Lavrov"), person("Sergey Lavrov"), person("Foreign Minister Sergei Lavrov"), person("Russian Foreign Minister Sergey Lavrov"), person("S. Lavrov")},
		{person("Muammar Gaddafi"), person("Muammar Qaddafi"), person("Moammar Kadhafi"), person("Muammar Gadhafi"), person("Moammar Khadafy"), person("Col. Muammar al-Qaddafi")},
		{person("Mohammad Ali"), person("Mohammed Ali"), person("Muhammad Ali"), person("Mohamed Ali")},
		{person("Bashar al-Assad"), person("Bashar Al-Assad"), person("Bashar Assad"), person("President Bashar al Assad"), person("Bashar al-Asad")},
		{person("Lavrov"), person("Mr. Lavrov"), person("Lavrov's")},
		{person("Vladimir Putin"), person("President Vladimir Putin"), person("Vladimir Putin's")},
		{person("Mahmoud Ahmadinejad"), person("Mahmoud Ahmadinezhad")},
		{person("Gerhard Schröder"), person("Gerhard Schroeder"), person("Gerhard Schroder")},
		{person("Volodymyr Zelensky"), person("Volodymyr Zelenskyy"), person("Volodymyr Zelenskiy")},
		{person("Osama bin Laden"), person("Osama Bin Laden")},
		{person("Martin Luther King Jr."), person("Martin King")},
		{person("Hussein"), person("Husayn"), person("Hussain")},
		{person("Catherine Ashton"), person("Katherine Ashton")},
		{org("UN"), org("U.N."), org("United Nations"), org("the United Nations")},
		{org("ISIS"), org("ISIL"), org("Islamic State"), org("Daesh")},
		{org("Apple Inc."), org("Apple")},
		{org("Free Syrian Army"), org("FSA"), org("The Free Syrian Army")},
		{org("General Motors"), org("U.S. automaker GM"), org("General Motors (GM)")},
		{person("Paul Nesbit"), person("JSA Research defence analyst Paul Nesbit")},
		{person("Barack Obama"), person("President of the United States Barack Obama")},
		{gov("Russia"), gov("Russian Federation")},
		{gov("United States"), gov("U.S.")},
	} {
		want := ActorKey(group[0])
		for _, a := range group[1:] {
			if got := ActorKey(a); got != want {
				t.Errorf("ActorKey(%q) = %q, want %q as for %q", a.Name, got, want, group[0].Name)
			}
			if a.Type == model.ActorPerson && len(strings.Fields(a.Name)) > 1 && len(strings.Fields(group[0].Name)) > 1 && !sameActor(&group[0], &a) {
				t.Errorf("%q and %q are one actor to the store, two to the merge rules", group[0].Name, a.Name)
			}
		}
	}
}

// TestActorKeyApart lists false friends that must keep apart.
func TestActorKeyApart(t *testing.T) {
	for _, p := range [][2]model.Actor{
		{person("Ali Khan"), person("Imran Khan")},
		{person("Sergei Lavrov"), person("Vladimir Lavrov")},
		{person("Bashar al-Assad"), person("Hafez al-Assad")},
		{person("John Kerry"), person("John Kelly")},
		{person("Barack Obama"), person("Michelle Obama")},
		{person("Kim Jong-un"), person("Kim Jong-il")},
		{person("Vladimir Putin"), person("Vladimir Potanin")},
		{person("Jordan"), gov("Jordan")},
		{org("United Nations"), org("United Nations Security Council")},
		{org("Islamic State"), org("Islamic Jihad")},
		{gov("Niger"), gov("Nigeria")},
		{org("Bank of America"), org("America")},
		{org("Ministry of the Interior"), org("Interior")},
		{gov("Sudan"), gov("South Sudan")},
		// A G is no K: the store and the merge rules tell them apart alike.
		{person("Greta Moreau"), person("Karim Moreau")},
	} {
		if a, b := ActorKey(p[0]), ActorKey(p[1]); a == b {
			t.Errorf("%q and %q share key %q", p[0].Name, p[1].Name, a)
		}
		if p[0].Type == model.ActorPerson && p[1].Type == model.ActorPerson && sameActor(&p[0], &p[1]) {
			t.Errorf("%q and %q are one actor to the merge rules, two to the store", p[0].Name, p[1].Name)
		}
	}
}

// TestActorKeyDocumented pins decisions the doc comment states.
func TestActorKeyDocumented(t *testing.T) {
	for _, c := range []struct {
		a    model.Actor
		want string
	}{
		{person("Sergei Lavrov"), "p:lvrv/s"},
		{person("Lavrov"), "p:lvrv"},
		{person("Muammar Gaddafi"), "p:kdf/m"},
		{person("Mohammad"), "p:mhmd"},
		{gov("Syria"), "g:SY"},
		{org("U.N."), "o:united nations"},
		// Only the first name's initial counts: John and Jane Smith meet
		// (a user's split tells them apart), as "J. Smith" meets both.
		{person("John Smith"), "p:smt/j"},
		{person("Jane Smith"), "p:smt/j"},
		{person("J. Smith"), "p:smt/j"},
	} {
		if got := ActorKey(c.a); got != c.want {
			t.Errorf("ActorKey(%q) = %q, want %q", c.a.Name, got, c.want)
		}
	}
	if f := ActorKeyFamily("p:lvrv/s"); f != "p:lvrv" {
		t.Errorf("family of p:lvrv/s = %q", f)
	}
	for key, fam := range map[string]string{
		"o:apple computer": "o:apple", "o:lockheed martin": "o:lockheed", "o:united nations": "o:united nations",
		"o:bank of america": "o:bank of america", "o:apple": "o:apple", "g:RU": "g:RU",
	} {
		if f := ActorKeyFamily(key); f != fam {
			t.Errorf("family of %s = %q, want %q", key, f, fam)
		}
	}
}

// TestPersonParts checks which word of a name is the surname, and that a
// headline names a family-first romanised name by its first word.
func TestPersonParts(t *testing.T) {
	tests := []struct{ name, first, surname string }{
		{"Vladimir Putin", "Vladimir", "Putin"},
		{"Russian President Vladimir Putin", "Vladimir", "Putin"},
		{"Jean-Marc Ayrault", "Jean-Marc", "Ayrault"},
	}
	for _, tt := range tests {
		first, surname := personParts(tt.name)
		if first != tt.first || surname != tt.surname {
			t.Errorf("personParts(%q) = %q, %q; want %q, %q", tt.name, first, surname, tt.first, tt.surname)
		}
	}
	for name, want := range map[string]string{"Chan Kin-man": "Chan", "Moon Jae-in": "Moon", "Jean-Marc Ayrault": "Ayrault", "Hong Kong-based": "Kong-based",
		"Xi Jinping": "Xi", "Kim Jong Un": "Kim", "Yoon Suk Yeol": "Yoon", "Lee Anderson": "Anderson", "Kim Davis": "Davis"} {
		if got := shortName(&model.Actor{Name: name, Type: model.ActorPerson}); got != want {
			t.Errorf("shortName(%q) = %q, want %q", name, got, want)
		}
	}
}
