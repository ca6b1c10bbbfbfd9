package store

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

var testExtractor = sync.OnceValues(func() (*extract.Extractor, error) {
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return nil, err
	}
	return extract.New(g), nil
})

// importText extracts text as the article name published on date and saves
// it as an import does (extract's merge rule), returning the article.
func importText(t *testing.T, s *Store, name, date, text string) *model.Article {
	t.Helper()
	x, err := testExtractor()
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Article{Path: "/corpus/" + name, Format: "txt", Title: name, Text: text,
		Published: day(date), DateSource: model.DateManifest, SHA256: "sha-" + name + "-" + text[:20]}
	ex := x.Extract(a)
	if _, err := s.SaveArticle(context.Background(), a, &ex, extract.SameEvent); err != nil {
		t.Fatal(err)
	}
	return a
}

// reextract extracts a stored article again and replaces its extraction.
func reextract(t *testing.T, s *Store, a *model.Article) {
	t.Helper()
	x, err := testExtractor()
	if err != nil {
		t.Fatal(err)
	}
	ex := x.Extract(a)
	if _, err := s.ReplaceExtraction(context.Background(), a.ID, &ex, extract.SameEvent); err != nil {
		t.Fatal(err)
	}
}

// actorsLike returns the stored actors any of whose forms contains word.
func actorsLike(t *testing.T, s *Store, word string) []model.Actor {
	t.Helper()
	all, err := s.Actors()
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Actor
	for _, a := range all {
		hit := strings.Contains(a.Name, word)
		for _, al := range a.Aliases {
			hit = hit || strings.Contains(al, word)
		}
		if hit {
			out = append(out, a)
		}
	}
	return out
}

func describe(as []model.Actor) string {
	var b []string
	for _, a := range as {
		b = append(b, a.Name+" "+strings.Join(a.Aliases, "|"))
	}
	return strings.Join(b, "; ")
}

func TestActorsAcrossArticlesAreOneIdentity(t *testing.T) {
	s := openTemp(t)
	importText(t, s, "a.txt", "2016-03-24", "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Moscow on Thursday.\n")
	importText(t, s, "b.txt", "2016-03-28", "Sergey Lavrov met Staffan de Mistura in Geneva on Monday. Lavrov met the UN envoy again on Tuesday.\n")
	lav := actorsLike(t, s, "Lavrov")
	if len(lav) != 1 {
		t.Fatalf("Lavrov is %d actors: %s", len(lav), describe(lav))
	}
	forms := append([]string{lav[0].Name}, lav[0].Aliases...)
	for _, want := range []string{"Sergei Lavrov", "Sergey Lavrov"} {
		if !slices.Contains(forms, want) {
			t.Errorf("Lavrov's forms %q lack %q", forms, want)
		}
	}

	importText(t, s, "c.txt", "2016-04-01", "Muhammad Ali met the president in Cairo on Friday.\n")
	importText(t, s, "d.txt", "2016-04-02", "Mohammed Ali met the prime minister in Cairo on Saturday.\n")
	importText(t, s, "e.txt", "2016-04-03", "Mohammad Ali met the governor in Alexandria on Sunday.\n")
	if ali := actorsLike(t, s, " Ali"); len(ali) != 1 || len(ali[0].Aliases) != 2 {
		t.Errorf("Mohammad/Mohammed/Muhammad Ali: %s", describe(ali))
	}

	importText(t, s, "f.txt", "2011-03-01", "Libyan leader Muammar Gaddafi met African Union envoys in Tripoli on Monday.\n")
	importText(t, s, "g.txt", "2011-03-02", "Libyan leader Muammar Qaddafi met Italian envoys in Tripoli on Tuesday.\n")
	if q := append(actorsLike(t, s, "addafi"), actorsLike(t, s, "Qadd")...); len(q) != 2 || q[0].ID != q[1].ID {
		t.Errorf("Gaddafi/Qaddafi: %s", describe(q))
	}
}

func TestActorCanonicalNameIsTheMostFrequentFullForm(t *testing.T) {
	s := openTemp(t)
	// The first source writes the capital A, two others do not; "Assad"
	// alone is more frequent still but no full name.
	importText(t, s, "a.txt", "2016-03-01", "President Bashar Al-Assad met Vladimir Putin in Moscow on Tuesday. Assad thanked Putin.\n")
	importText(t, s, "b.txt", "2016-03-02", "Bashar al-Assad met army commanders in Aleppo on Wednesday.\n")
	importText(t, s, "c.txt", "2016-03-05", "Bashar al-Assad met Iranian officials in Damascus on Saturday.\n")
	importText(t, s, "d.txt", "2016-03-06", "Assad met Iranian envoys in Damascus on Sunday.\n")
	as := actorsLike(t, s, "Assad")
	if len(as) != 1 || as[0].Name != "Bashar al-Assad" {
		t.Errorf("Assad: %s, want one actor named Bashar al-Assad", describe(as))
	}
	if len(as) == 1 && !slices.Contains(as[0].Aliases, "Bashar Al-Assad") {
		t.Errorf("Assad's aliases %q lack the capital A's form", as[0].Aliases)
	}
}

// TestActorNameCountsSpellingsOutsideEvents checks that an article's
// spelling of a known actor counts toward the canonical name though he
// takes part in none of its events.
func TestActorNameCountsSpellingsOutsideEvents(t *testing.T) {
	s := openTemp(t)
	importText(t, s, "a.txt", "2016-03-01", "President Bashar Al-Assad met Vladimir Putin in Moscow on Tuesday.\n")
	importText(t, s, "b.txt", "2016-03-02", "Rebels seized Homs on Wednesday. The town had been held by forces loyal to President Bashar al-Assad.\n")
	importText(t, s, "c.txt", "2016-03-05", "Troops withdrew from Idlib on Saturday. Supporters of Bashar al-Assad protested.\n")
	as := actorsLike(t, s, "Assad")
	if len(as) != 1 || as[0].Name != "Bashar al-Assad" {
		t.Errorf("Assad: %s, want one actor named Bashar al-Assad (two articles write it so)", describe(as))
	}
	// A person named in no event of any article is no actor.
	importText(t, s, "d.txt", "2016-03-06", "Rebels seized Palmyra on Sunday. Minister Walid Muallem was abroad.\n")
	if m := actorsLike(t, s, "Muallem"); len(m) != 0 {
		t.Errorf("Muallem, named in no event, became an actor: %s", describe(m))
	}
}

// TestAcronymMeetsItsOrganisation checks that an acronym and the one
// organisation whose initials it is are one actor, whichever article came
// first.
func TestAcronymMeetsItsOrganisation(t *testing.T) {
	s := openTemp(t)
	importText(t, s, "a.txt", "2011-10-20", "The National Transitional Council captured Sirte on Thursday.\n")
	importText(t, s, "b.txt", "2011-10-21", "The NTC said on Friday it would declare liberation.\n")
	importText(t, s, "c.txt", "2012-03-02", "The DRP met the ZUM in Harare on Friday.\n")
	if as := actorsLike(t, s, "N"); true {
		var ntc []model.Actor
		for _, a := range as {
			if a.Name == "NTC" || a.Name == "National Transitional Council" || slices.Contains(a.Aliases, "NTC") {
				ntc = append(ntc, a)
			}
		}
		if len(ntc) != 1 {
			t.Errorf("NTC and the National Transitional Council are %d actors: %s", len(ntc), describe(ntc))
		}
	}
	// Two acronyms of no known organisation stay two.
	if d, z := actorsLike(t, s, "DRP"), actorsLike(t, s, "ZUM"); len(d) == 1 && len(z) == 1 && d[0].ID == z[0].ID {
		t.Errorf("DRP and ZUM became one actor: %s", describe(append(d, z...)))
	}
}

func TestSurnameAloneBeforeFullName(t *testing.T) {
	s := openTemp(t)
	importText(t, s, "a.txt", "2016-03-01", "Lavrov met Kerry in Geneva on Tuesday.\n")
	importText(t, s, "b.txt", "2016-03-03", "Sergei Lavrov met the Austrian chancellor in Vienna on Thursday.\n")
	if lav := actorsLike(t, s, "Lavrov"); len(lav) != 1 || lav[0].Name != "Sergei Lavrov" {
		t.Errorf("Lavrov then Sergei Lavrov: %s", describe(lav))
	}
	// Two full names of one family: a surname alone stays apart.
	importText(t, s, "c.txt", "2016-03-04", "Prime Minister Imran Khan met Vladimir Putin in Lahore on Friday.\n")
	importText(t, s, "c2.txt", "2016-02-04", "Interior Minister Ali Khan met John Kerry in Karachi on Thursday.\n")
	// The extractor finds no bare "Mr. Khan" in a sentence like these, so
	// this article's extraction is written by hand.
	a, x := article("d.txt", "2016-03-05", ev(model.KindMeeting, "Khan meets army chief", "2016-03-05", "", nil, "Khan"))
	if _, err := s.SaveArticle(context.Background(), a, x, nil); err != nil {
		t.Fatal(err)
	}
	if k := actorsLike(t, s, "Khan"); len(k) != 3 {
		t.Errorf("Imran Khan, Ali Khan and Khan: %s", describe(k))
	}
}

func TestActorMergeSurvivesReimport(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := importText(t, s, "a.txt", "2016-03-01", "Recep Tayyip Erdogan met Vladimir Putin in Sochi on Tuesday.\n")
	importText(t, s, "b.txt", "2016-03-09", "Tayyip Erdogan met Angela Merkel in Ankara on Wednesday.\n")
	er := actorsLike(t, s, "Erdogan")
	if len(er) != 2 {
		t.Fatalf("before the merge Erdogan is %d actors (the initials differ): %s", len(er), describe(er))
	}
	keep, other := er[0].ID, er[1].ID
	if err := s.MergeActors(keep, other); err != nil {
		t.Fatal(err)
	}
	check := func(stage string) {
		t.Helper()
		er := actorsLike(t, s, "Erdogan")
		if len(er) != 1 || er[0].ID != keep {
			t.Errorf("%s: Erdogan is %s, want one actor, id %d", stage, describe(er), keep)
		}
		evs, err := s.EventsBetween(time.Time{}, time.Time{}, Filter{Actor: er[0].Name})
		if err != nil || len(evs) != 2 {
			t.Errorf("%s: events of %q: %d, %v", stage, er[0].Name, len(evs), err)
		}
	}
	check("after the merge")
	reextract(t, s, a)
	check("after re-extraction")
	if err := s.DeleteArticle(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	importText(t, s, "a.txt", "2016-03-01", "Recep Tayyip Erdogan met Vladimir Putin in Sochi on Tuesday.\n")
	check("after re-import")
	// A third article with either spelling joins the same actor.
	importText(t, s, "c.txt", "2016-03-12", "Recep Tayyip Erdogan met the governor in Istanbul on Saturday.\n")
	er = actorsLike(t, s, "Erdogan")
	if len(er) != 1 {
		t.Errorf("after a new article: %s", describe(er))
	}
}

func TestActorSplitSurvivesReextraction(t *testing.T) {
	s := openTemp(t)
	importText(t, s, "a.txt", "2016-03-01", "John Smith met Vladimir Putin in Moscow on Tuesday.\n")
	b := importText(t, s, "b.txt", "2016-03-09", "Senator Jane Smith met Francois Hollande in Paris on Wednesday.\n")
	sm := actorsLike(t, s, "Smith")
	if len(sm) != 1 {
		t.Fatalf("John and Jane Smith share a key, so one actor: %s", describe(sm))
	}
	if err := s.SplitAlias(sm[0].ID, "Jane Smith"); err != nil {
		t.Fatal(err)
	}
	check := func(stage string, jane int) {
		t.Helper()
		sm := actorsLike(t, s, "Smith")
		if len(sm) != 2 {
			t.Fatalf("%s: Smiths: %s, want John and Jane apart", stage, describe(sm))
		}
		for name, want := range map[string]int{"John Smith": 1, "Jane Smith": jane} {
			evs, err := s.EventsBetween(time.Time{}, time.Time{}, Filter{Actor: name})
			if err != nil || len(evs) != want {
				t.Errorf("%s: events of %q: %d, %v; want %d", stage, name, len(evs), err, want)
			}
		}
	}
	check("after the split", 1)
	reextract(t, s, b)
	check("after re-extraction", 1)
	importText(t, s, "c.txt", "2016-03-12", "Senator Jane Smith met the mayor in Lyon on Saturday.\n")
	check("after a new article", 2)
	if err := s.SplitAlias(sm[0].ID, "Nobody"); err == nil {
		t.Error("splitting a form the actor does not have should fail")
	}
}

// TestMigrationRekeysActors opens a store of schema 11 whose actors were
// keyed by exact name.
func TestMigrationRekeysActors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atlas.db")
	writeOldStore(t, path, 11,
		`INSERT INTO articles(id, path, sha256, format, text, imported_at) VALUES (1, 'a.txt', 'a', 'txt', 'A.', 0), (2, 'b.txt', 'b', 'txt', 'B.', 0), (3, 'c.txt', 'c', 'txt', 'C.', 0)`,
		`INSERT INTO events(id, key, kind, title, x_title) VALUES (1, 'k1', 'meeting', 'one', 'one'), (2, 'k2', 'meeting', 'two', 'two'), (3, 'k3', 'meeting', 'three', 'three')`,
		`INSERT INTO event_sources(event_id, article_id, start, end) VALUES (1, 1, 0, 2), (2, 2, 0, 2), (3, 3, 0, 2)`,
		`INSERT INTO actors(id, name, type, aliases) VALUES (1, 'Sergei Lavrov', 'person', '["Lavrov"]'), (2, 'Sergey Lavrov', 'person', '[]'),
			(3, 'Lavrov', 'person', '[]'), (4, 'Bashar Al-Assad', 'person', '["Assad"]'), (5, 'U.N.', 'org', '[]'), (6, 'United Nations', 'org', '["UN"]')`,
		`INSERT INTO event_actors(event_id, actor_id, pos) VALUES (1, 1, 0), (1, 4, 1), (2, 2, 0), (2, 4, 1), (3, 3, 0), (3, 5, 1), (2, 6, 2)`,
	)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.Actors()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("after the migration: %s, want Lavrov, Assad and the UN", describe(all))
	}
	names := []string{all[0].Name, all[1].Name, all[2].Name}
	if !slices.Contains(names, "Bashar Al-Assad") || !slices.Contains(names, "United Nations") {
		t.Errorf("names after the migration: %q", names)
	}
	for name, want := range map[string]int{"Bashar Al-Assad": 2, "United Nations": 2} {
		if evs, err := s.Undated(Filter{Actor: name}); err != nil || len(evs) != want {
			t.Errorf("events of %s: %d, %v; want %d", name, len(evs), err, want)
		}
	}
	lav := actorsLike(t, s, "Lavrov")
	if len(lav) != 1 || len(lav[0].Aliases) != 2 {
		t.Errorf("Lavrov after the migration: %s", describe(lav))
	}
	if evs, err := s.Undated(Filter{Actor: lav[0].Name}); err != nil || len(evs) != 3 {
		t.Errorf("events of %s: %d, %v; want 3", lav[0].Name, len(evs), err)
	}
	if ok, err := s.IntegrityCheck(); err != nil || ok != "ok" {
		t.Errorf("integrity check: %q %v", ok, err)
	}
}
