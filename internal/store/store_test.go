package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/paulmach/orb"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

var (
	moscow = &model.Place{Key: "gn:524901", Name: "Moscow", Country: "RU", Lat: 55.75, Lon: 37.62, Feature: "PPLC"}
	geneva = &model.Place{Key: "gn:2660646", Name: "Geneva", Country: "CH", Lat: 46.20, Lon: 6.14, Feature: "PPLA"}
)

// article builds an article whose text has one sentence per event, and
// events sourced from those sentences.
func article(name, published string, evs ...model.Event) (*model.Article, *model.Extraction) {
	var b strings.Builder
	a := &model.Article{Path: "/corpus/" + name, Format: "txt", Title: name, DateSource: model.DateManifest}
	if published != "" {
		a.Published = day(published)
	} else {
		a.DateSource = model.DateUnknown
	}
	x := &model.Extraction{}
	for i := range evs {
		sent := evs[i].Title + " happened, the article said."
		start := b.Len()
		b.WriteString(sent + " ")
		evs[i].Sources = []model.Source{{File: name, Span: model.Span{Start: start, End: start + len(sent)}, Text: sent, DateHow: "explicit"}}
		if evs[i].Key == "" {
			evs[i].Key = name + "#" + evs[i].Title
		}
		x.Mentions = append(x.Mentions, model.Mention{Span: model.Span{Start: start, End: start + 4}, Type: model.MentionTrigger, Text: sent[:4], Value: string(evs[i].Kind)})
	}
	x.Events = evs
	a.Text = b.String()
	a.SHA256 = "sha-" + name
	return a, x
}

func ev(kind model.Kind, title, start, end string, p *model.Place, actors ...string) model.Event {
	e := model.Event{Kind: kind, Title: title, Place: p, Confidence: 0.8, Precision: model.PrecisionDay}
	if start != "" {
		e.Start, e.End = day(start), day(start)
		if end != "" {
			e.End = day(end)
		}
	} else {
		e.Precision = model.PrecisionNone
	}
	for _, a := range actors {
		e.Actors = append(e.Actors, model.Actor{Name: a, Type: model.ActorPerson})
	}
	return e
}

// sameTitle is the merge rule of these tests: same kind and start day.
func sameTitle(a, b *model.Event) bool {
	return a.Kind == b.Kind && a.Start.Equal(b.Start)
}

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if ok, err := s.IntegrityCheck(); err != nil || ok != "ok" {
			t.Errorf("integrity check: %q %v", ok, err)
		}
		s.Close()
	})
	return s
}

func titles(evs []model.Event) string {
	var t []string
	for _, e := range evs {
		t = append(t, e.Title)
	}
	return strings.Join(t, "|")
}

func TestSaveQueryAndMerge(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a1, x1 := article("a1.txt", "2016-03-24",
		ev(model.KindMeeting, "Kerry meets Putin", "2016-03-24", "", moscow, "John Kerry", "Vladimir Putin"),
		ev(model.KindTalks, "Geneva talks", "2016-03-14", "2016-03-24", geneva, "Staffan de Mistura"),
		ev(model.KindDeadline, "Constitution deadline", "", "", nil))
	r, err := s.SaveArticle(ctx, a1, x1, sameTitle)
	if err != nil {
		t.Fatal(err)
	}
	if r.AlreadyPresent || r.Inserted != 3 || r.Merged != 0 || a1.ID == 0 {
		t.Fatalf("first save: %+v id=%d", r, a1.ID)
	}
	// The same meeting reported by a second article merges; the same
	// undated deadline too.
	a2, x2 := article("a2.txt", "2016-03-25",
		ev(model.KindMeeting, "Putin receives Kerry", "2016-03-24", "", moscow, "Sergei Lavrov"),
		ev(model.KindDeadline, "August target", "", "", nil),
		ev(model.KindCeasefire, "Ceasefire begins", "2016-02-27", "", nil))
	r, err = s.SaveArticle(ctx, a2, x2, sameTitle)
	if err != nil {
		t.Fatal(err)
	}
	if r.Inserted != 1 || r.Merged != 2 {
		t.Fatalf("second save: %+v", r)
	}
	// Saving the same text again changes nothing.
	a3, x3 := article("a2.txt", "2016-03-25", ev(model.KindOther, "Other", "2016-01-01", "", nil))
	r, err = s.SaveArticle(ctx, a3, x3, sameTitle)
	if err != nil || !r.AlreadyPresent || r.ArticleID != a2.ID {
		t.Fatalf("duplicate save: %+v %v", r, err)
	}

	tests := []struct {
		name     string
		from, to string
		f        Filter
		want     string
	}{
		{"all dated", "", "", Filter{}, "Ceasefire begins|Geneva talks|Kerry meets Putin"},
		{"one day inside a range", "2016-03-20", "2016-03-20", Filter{}, "Geneva talks"},
		{"kinds", "", "", Filter{Kinds: []model.Kind{model.KindMeeting}}, "Kerry meets Putin"},
		{"actor from the merged article", "", "", Filter{Actor: "sergei lavrov"}, "Kerry meets Putin"},
		{"text, a prefix", "", "", Filter{Text: "genev*"}, "Geneva talks"},
		{"text matches place", "", "", Filter{Text: "moscow"}, "Kerry meets Putin"},
		{"limit", "", "", Filter{Limit: 1}, "Ceasefire begins"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var from, to time.Time
			if tc.from != "" {
				from, to = day(tc.from), day(tc.to)
			}
			evs, err := s.EventsBetween(from, to, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := titles(evs); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}

	evs, err := s.EventsBetween(day("2016-03-24"), day("2016-03-24"), Filter{Kinds: []model.Kind{model.KindMeeting}})
	if err != nil || len(evs) != 1 {
		t.Fatalf("meeting: %v %v", evs, err)
	}
	m := evs[0]
	if m.Place == nil || m.Place.Name != "Moscow" || len(m.Actors) != 3 || len(m.Sources) != 2 {
		t.Fatalf("merged meeting: place=%v actors=%v sources=%d", m.Place, m.Actors, len(m.Sources))
	}
	for _, src := range m.Sources {
		art, err := s.Article(src.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		if art.Text[src.Start:src.End] != src.Text || src.File != filepath.Base(art.Path) {
			t.Errorf("source %+v does not point at its text", src)
		}
	}
	und, err := s.Undated(Filter{})
	if err != nil || titles(und) != "Constitution deadline" {
		t.Fatalf("undated: %q %v", titles(und), err)
	}
	srcs, err := s.SourcesOf(und[0].ID)
	if err != nil || len(srcs) != 2 {
		t.Fatalf("sources of merged undated: %d %v", len(srcs), err)
	}
	ms, err := s.MentionsIn(a1.ID)
	if err != nil || len(ms) != 3 {
		t.Fatalf("mentions: %d %v", len(ms), err)
	}
	st, err := s.Stats()
	if err != nil || st != (Stats{Events: 4, Undated: 1, Articles: 2, Places: 2}) {
		t.Fatalf("stats: %+v %v", st, err)
	}
	first, last, ok, err := s.DateRange()
	if err != nil || !ok || !first.Equal(day("2016-02-27")) || !last.Equal(day("2016-03-24")) {
		t.Fatalf("date range: %v %v %v %v", first, last, ok, err)
	}
	pcs, err := s.PlacesIn(orb.Bound{Min: orb.Point{30, 50}, Max: orb.Point{40, 60}}, Filter{})
	if err != nil || len(pcs) != 1 || pcs[0].Place.Name != "Moscow" || pcs[0].Count != 1 || !pcs[0].First.Equal(day("2016-03-24")) {
		t.Fatalf("places in Russia box: %+v %v", pcs, err)
	}
	pcs, err = s.PlacesIn(orb.Bound{}, Filter{Kinds: []model.Kind{model.KindTalks}})
	if err != nil || len(pcs) != 1 || pcs[0].Place.Name != "Geneva" || !pcs[0].Last.Equal(day("2016-03-24")) {
		t.Fatalf("places of talks: %+v %v", pcs, err)
	}
	hits, err := s.Search("putin", 10)
	if err != nil || titles(hits) != "Kerry meets Putin" {
		t.Fatalf("search: %q %v", titles(hits), err)
	}
	// Words only in an event's sentence find it through the article text.
	hits, err = s.Search("article said", 10)
	if err != nil || len(hits) != 4 {
		t.Fatalf("search in sentences: %q %v", titles(hits), err)
	}
	if _, err = s.Search(`"unbalanced (quote AND`, 10); err != nil {
		t.Fatalf("search with FTS syntax chars must not fail: %v", err)
	}
}

func TestCountsFollowEdits(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a, x := article("c.txt", "2016-07-16",
		ev(model.KindTalks, "Talks in July", "2016-07-15", "", moscow),
		ev(model.KindMeeting, "Meeting in July", "2016-07-15", "", moscow),
		ev(model.KindAgreement, "Agreement in 2013", "2013-05-07", "", geneva))
	if _, err := s.SaveArticle(ctx, a, x, nil); err != nil {
		t.Fatal(err)
	}
	counts := func(g Granularity, f Filter) string {
		t.Helper()
		cs, err := s.EventCounts(g, time.Time{}, time.Time{}, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range cs {
			out = append(out, c.Start.Format("2006-01-02")+"="+string(rune('0'+c.N)))
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		name string
		do   func() error
		g    Granularity
		f    Filter
		want string
	}{
		{"days", nil, Day, Filter{}, "2013-05-07=1 2016-07-15=2"},
		{"months", nil, Month, Filter{}, "2013-05-01=1 2016-07-01=2"},
		{"years", nil, Year, Filter{}, "2013-01-01=1 2016-01-01=2"},
		{"filtered", nil, Month, Filter{Kinds: []model.Kind{model.KindTalks}}, "2016-07-01=1"},
		{"hide one", func() error { return s.HideEvent(x.Events[1].ID) }, Day, Filter{}, "2013-05-07=1 2016-07-15=1"},
		{"hidden included", nil, Day, Filter{IncludeHidden: true}, "2013-05-07=1 2016-07-15=2"},
		{"move a date", func() error {
			return s.SetEventDate(x.Events[2].ID, day("2014-01-02"), time.Time{}, model.PrecisionDay)
		}, Year, Filter{}, "2014-01-01=1 2016-01-01=1"},
		{"show again", func() error { return s.ShowEvent(x.Events[1].ID) }, Month, Filter{}, "2014-01-01=1 2016-07-01=2"},
		{"merge", func() error { return s.MergeEvents(x.Events[0].ID, x.Events[1].ID) }, Day, Filter{}, "2014-01-02=1 2016-07-15=1"},
		{"undate", func() error {
			return s.SetEventDate(x.Events[2].ID, time.Time{}, time.Time{}, "")
		}, Year, Filter{}, "2016-01-01=1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.do != nil {
				if err := tc.do(); err != nil {
					t.Fatal(err)
				}
			}
			if got := counts(tc.g, tc.f); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	// The merged event shows the other's sources.
	srcs, err := s.SourcesOf(x.Events[0].ID)
	if err != nil || len(srcs) != 2 {
		t.Fatalf("sources after merge: %d %v", len(srcs), err)
	}
	pcs, err := s.PlacesIn(orb.Bound{}, Filter{})
	// Moscow keeps one visible event; Geneva's is undated now but visible.
	if err != nil || len(pcs) != 2 || pcs[0].Count != 1 || pcs[1].Count != 1 || !pcs[1].First.IsZero() {
		t.Fatalf("place counts after merge and undating: %+v %v", pcs, err)
	}
}

func TestEditsSurviveReextractionAndReimport(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	mk := func() (*model.Article, *model.Extraction) {
		return article("e.txt", "2016-03-24",
			ev(model.KindMeeting, "Kerry meets Putin", "2016-03-24", "", moscow, "John Kerry"),
			ev(model.KindStatement, "Kerry says", "2016-03-24", "", nil))
	}
	a, x := mk()
	if _, err := s.SaveArticle(ctx, a, x, nil); err != nil {
		t.Fatal(err)
	}
	id := x.Events[0].ID
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetEventTitle(id, "Kerry and Putin meet"))
	must(s.SetEventPlace(id, geneva))
	must(s.SetNote(id, "check the date"))
	must(s.SetInBriefing(id, true))
	must(s.HideEvent(x.Events[1].ID))

	check := func(stage string) {
		t.Helper()
		st, err := s.Starred()
		if err != nil || len(st) != 1 {
			t.Fatalf("%s: starred %v %v", stage, st, err)
		}
		e := st[0]
		if e.Title != "Kerry and Putin meet" || e.Place == nil || e.Place.Name != "Geneva" || e.Note != "check the date" || !e.InBriefing || !e.Edited {
			t.Errorf("%s: edits not applied: %+v place=%v", stage, e, e.Place)
		}
		vis, err := s.EventsBetween(time.Time{}, time.Time{}, Filter{})
		if err != nil || len(vis) != 1 {
			t.Errorf("%s: hidden event visible: %q %v", stage, titles(vis), err)
		}
		all, err := s.EventsBetween(time.Time{}, time.Time{}, Filter{IncludeHidden: true})
		if err != nil || len(all) != 2 {
			t.Errorf("%s: IncludeHidden: %q %v", stage, titles(all), err)
		}
	}
	check("after edits")

	a2, x2 := mk()
	if _, err := s.ReplaceExtraction(ctx, a.ID, x2, nil); err != nil {
		t.Fatal(err)
	}
	check("after re-extraction")

	must(s.DeleteArticle(ctx, a.ID))
	if st, _ := s.Stats(); st.Events != 0 || st.Articles != 0 {
		t.Fatalf("after delete: %+v", st)
	}
	a3, x3 := mk()
	if _, err := s.SaveArticle(ctx, a3, x3, nil); err != nil {
		t.Fatal(err)
	}
	check("after re-import")
	_ = a2

	must(s.RevertEvent(x3.Events[0].ID))
	e, err := s.Event(x3.Events[0].ID)
	must(err)
	if e.Title != "Kerry meets Putin" || e.Place.Name != "Moscow" || e.Edited || e.Note != "check the date" {
		t.Errorf("after revert: %+v", e)
	}
}

func TestArticleRoundTrip(t *testing.T) {
	s := openTemp(t)
	a := &model.Article{Path: "/x/a.html", SHA256: "abc", Format: "html", Title: "T", Publisher: "P", URL: "http://u",
		Published: time.Date(2016, 3, 24, 14, 26, 0, 0, time.UTC), DateSource: model.DateInText, Dateline: "MOSCOW",
		Text: "héllo wörld", Noise: []model.Span{{Start: 0, End: 2}}, FileSHA256: "file-abc"}
	if _, err := s.SaveArticle(context.Background(), a, nil, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	a.ImportedAt = a.ImportedAt.Truncate(time.Second)
	if got.Text != a.Text || !got.Published.Equal(a.Published) || got.DateSource != a.DateSource || got.Dateline != "MOSCOW" ||
		len(got.Noise) != 1 || got.Noise[0] != a.Noise[0] || got.URL != a.URL || !got.ImportedAt.Equal(a.ImportedAt) {
		t.Errorf("round trip: got %+v want %+v", got, a)
	}
	has, err := s.HasArticle("abc")
	if err != nil || !has {
		t.Errorf("HasArticle: %v %v", has, err)
	}
	if has, err := s.HasFile("file-abc"); err != nil || !has || got.FileSHA256 != "file-abc" {
		t.Errorf("HasFile: %v %v, stored %q", has, err, got.FileSHA256)
	}
	if has, _ := s.HasFile("abc"); has {
		t.Error("HasFile matched a text hash")
	}
	if err := s.SetArticleDate(a.ID, day("2016-03-25")); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Article(a.ID)
	if got.DateSource != model.DateUser || !got.Published.Equal(day("2016-03-25")) {
		t.Errorf("SetArticleDate: %v %v", got.DateSource, got.Published)
	}
	list, err := s.Articles()
	if err != nil || len(list) != 1 || list[0].Title != "T" {
		t.Errorf("Articles: %+v %v", list, err)
	}
	if _, err := s.Article(999); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
}

func TestBulkWriter(t *testing.T) {
	s := openTemp(t)
	b, err := s.NewBulkWriter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	start := day("2000-01-01")
	for i := 0; i < 2000; i++ {
		e := ev(model.Kinds[i%len(model.Kinds)], "Event", "", "", moscow, "Actor A")
		e.Key = "k" + string(rune('a'+i%26)) + time.Duration(i).String()
		e.Start = start.AddDate(0, 0, i*3)
		e.End = e.Start
		e.Precision = model.PrecisionDay
		if i%2 == 1 {
			e.Place = geneva
		}
		if err := b.AddEvent(&e); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats()
	if err != nil || st.Events != 2000 || st.Places != 2 {
		t.Fatalf("stats after bulk: %+v %v", st, err)
	}
	ys, err := s.EventCounts(Year, time.Time{}, time.Time{}, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, c := range ys {
		sum += c.N
	}
	if sum != 2000 || ys[0].Start.Year() != 2000 || ys[0].N != 122 {
		t.Errorf("year counts: sum %d first %+v", sum, ys[0])
	}
	// The count tables and the filtered path agree when the filter keeps
	// everything.
	for _, g := range []Granularity{Day, Month, Year} {
		fast, err1 := s.EventCounts(g, time.Time{}, time.Time{}, Filter{})
		slow, err2 := s.EventCounts(g, time.Time{}, time.Time{}, Filter{Kinds: model.Kinds})
		if err1 != nil || err2 != nil || len(fast) != len(slow) {
			t.Fatalf("granularity %d: %d vs %d buckets (%v %v)", g, len(fast), len(slow), err1, err2)
		}
		for i := range fast {
			if fast[i] != slow[i] {
				t.Errorf("granularity %d bucket %d: tables %+v, query %+v", g, i, fast[i], slow[i])
			}
		}
	}
	marks, err := s.Marks(day("2000-01-01"), day("2000-01-31"), Filter{})
	if err != nil || len(marks) != 11 || marks[0].PlaceID == 0 {
		t.Errorf("marks in January 2000: %d %v", len(marks), err)
	}
	pcs, err := s.PlacesIn(orb.Bound{}, Filter{})
	if err != nil || len(pcs) != 2 || pcs[0].Count != 1000 || !pcs[0].First.Equal(start) {
		t.Errorf("place stats after bulk: %+v %v", pcs, err)
	}
	kindTablesAgree(t, s)
	// The insert trigger is back: an ordinary save counts again.
	a, x := article("after-bulk.txt", "2016-01-01", ev(model.KindMeeting, "After", "2016-01-01", "", moscow))
	if _, err := s.SaveArticle(context.Background(), a, x, nil); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Stats(); st.Events != 2001 || st.Places != 2 {
		t.Errorf("stats after a save following the bulk load: %+v", st)
	}
	kindTablesAgree(t, s)
}

// kindTablesAgree checks that the dominant kinds kept on every write
// (place_top) match those counted from the events themselves.
func kindTablesAgree(t *testing.T, s *Store) {
	t.Helper()
	fast, err1 := s.PlacesIn(orb.Bound{}, Filter{})
	slow, err2 := s.PlacesIn(orb.Bound{}, Filter{Kinds: model.Kinds})
	if err1 != nil || err2 != nil || len(fast) != len(slow) {
		t.Fatalf("places: %d from the tables, %d from the events (%v %v)", len(fast), len(slow), err1, err2)
	}
	for i := range fast {
		if fast[i].Place.ID != slow[i].Place.ID || fast[i].Kind != slow[i].Kind || fast[i].Count != slow[i].Count || fast[i].Kind == "" {
			t.Errorf("place %d: tables say %q×%d, events say %q×%d", fast[i].Place.ID, fast[i].Kind, fast[i].Count, slow[i].Kind, slow[i].Count)
		}
	}
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	valid := filepath.Join(dir, "valid.db")
	s, err := Open(valid)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	vb, _ := os.ReadFile(valid)
	corrupt := append([]byte{}, vb[:100]...)
	corrupt = append(corrupt, []byte(strings.Repeat("garbage!", 2000))...)

	other := filepath.Join(dir, "other.db")
	o, err := Open(filepath.Join(dir, "seed.db"))
	if err != nil {
		t.Fatal(err)
	}
	o.Close()

	tests := []struct {
		name    string
		content []byte
		want    string
	}{
		{"text file", []byte("these are my notes, not a database\n"), "not an SQLite database"},
		{"png image", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "not an SQLite database"},
		{"corrupt sqlite", corrupt, "left untouched"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_"))
			if err := os.WriteFile(p, tc.content, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Open(p)
			if err == nil || !errors.Is(err, ErrNotStore) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Open: %v, want ErrNotStore mentioning %q", err, tc.want)
			}
			got, _ := os.ReadFile(p)
			if string(got) != string(tc.content) {
				t.Error("the file was modified")
			}
			for _, suffix := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(p + suffix); err == nil {
					t.Errorf("Open left %s behind", p+suffix)
				}
			}
		})
	}
	_ = other
}

// A place stored by another connection after this one cached places is
// still returned with its details.
func TestPlaceCacheSeesOtherWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atlas.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	art, x := article("one.txt", "2016-01-01", ev(model.KindMeeting, "In Moscow", "2016-01-01", "", moscow))
	if _, err := a.SaveArticle(context.Background(), art, x, nil); err != nil {
		t.Fatal(err)
	}
	if pcs, err := a.PlacesIn(orb.Bound{}, Filter{}); err != nil || len(pcs) != 1 {
		t.Fatalf("first view: %+v %v", pcs, err)
	}
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	art2, x2 := article("two.txt", "2016-01-02", ev(model.KindTalks, "In Geneva", "2016-01-02", "", geneva))
	if _, err := b.SaveArticle(context.Background(), art2, x2, nil); err != nil {
		t.Fatal(err)
	}
	b.Close()
	pcs, err := a.PlacesIn(orb.Bound{}, Filter{})
	if err != nil || len(pcs) != 2 {
		t.Fatalf("second view: %+v %v", pcs, err)
	}
	names := pcs[0].Place.Name + "|" + pcs[1].Place.Name
	if names != "Moscow|Geneva" || pcs[1].Place.Lat != geneva.Lat {
		t.Errorf("places %q, Geneva at %v", names, pcs[1].Place.Lat)
	}
	p, err := a.Place(pcs[1].Place.ID)
	if err != nil || p.Key != geneva.Key {
		t.Errorf("Place: %+v %v", p, err)
	}
	if _, err := a.Place(12345); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing place: %v", err)
	}
}

// TestPlacesInDominantKind checks that every place comes with the kind most
// of its visible events have, through each of PlacesIn's query paths.
func TestPlacesInDominantKind(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a, x := article("kinds.txt", "2016-03-25",
		ev(model.KindMeeting, "Meeting one", "2016-03-01", "", moscow),
		ev(model.KindMilitary, "Strike one", "2016-03-02", "", moscow),
		ev(model.KindMilitary, "Strike two", "2016-03-03", "", moscow),
		ev(model.KindMeeting, "Meeting two", "2016-03-04", "", moscow),
		ev(model.KindMilitary, "Strike three", "2016-03-05", "", moscow),
		// A tie at Geneva goes to the kind listed first in model.Kinds.
		ev(model.KindStatement, "Statement", "2016-03-06", "", geneva),
		ev(model.KindTalks, "Talks", "2016-03-07", "", geneva),
	)
	if _, err := s.SaveArticle(ctx, a, x, sameTitle); err != nil {
		t.Fatal(err)
	}
	europe := orb.Bound{Min: orb.Point{0, 40}, Max: orb.Point{40, 60}}
	tests := []struct {
		name  string
		bound orb.Bound
		f     Filter
		want  map[string]model.Kind
		count map[string]int
	}{
		{"world, counts from place_stats", orb.Bound{}, Filter{},
			map[string]model.Kind{"Moscow": model.KindMilitary, "Geneva": model.KindTalks},
			map[string]int{"Moscow": 5, "Geneva": 2}},
		{"box, through the R*Tree", europe, Filter{},
			map[string]model.Kind{"Moscow": model.KindMilitary, "Geneva": model.KindTalks},
			map[string]int{"Moscow": 5, "Geneva": 2}},
		{"dates narrow the kinds", orb.Bound{}, Filter{From: day("2016-03-01"), To: day("2016-03-02")},
			map[string]model.Kind{"Moscow": model.KindMeeting},
			map[string]int{"Moscow": 2}},
		{"kind filter", europe, Filter{Kinds: []model.Kind{model.KindMeeting, model.KindStatement}},
			map[string]model.Kind{"Moscow": model.KindMeeting, "Geneva": model.KindStatement},
			map[string]int{"Moscow": 2, "Geneva": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pcs, err := s.PlacesIn(tt.bound, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(pcs) != len(tt.want) {
				t.Fatalf("got %d places %+v, want %d", len(pcs), pcs, len(tt.want))
			}
			for _, pc := range pcs {
				if pc.Kind != tt.want[pc.Place.Name] || pc.Count != tt.count[pc.Place.Name] {
					t.Errorf("%s: kind %q count %d, want %q %d", pc.Place.Name, pc.Kind, pc.Count, tt.want[pc.Place.Name], tt.count[pc.Place.Name])
				}
			}
		})
	}
	// Hiding two strikes makes meetings Moscow's dominant kind.
	evs, err := s.EventsAt(pcs0(t, s, "Moscow"), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	hid := 0
	for _, e := range evs {
		if e.Kind == model.KindMilitary && hid < 2 {
			if err := s.HideEvent(e.ID); err != nil {
				t.Fatal(err)
			}
			hid++
		}
	}
	pcs, err := s.PlacesIn(orb.Bound{}, Filter{})
	if err != nil || len(pcs) != 2 || pcs[0].Place.Name != "Moscow" || pcs[0].Kind != model.KindMeeting || pcs[0].Count != 3 {
		t.Fatalf("after hiding two strikes: %+v %v", pcs, err)
	}
	kindTablesAgree(t, s)
}

// pcs0 returns the id of the named place among the world's places.
func pcs0(t *testing.T, s *Store, name string) int64 {
	t.Helper()
	pcs, err := s.PlacesIn(orb.Bound{}, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, pc := range pcs {
		if pc.Place.Name == name {
			return pc.Place.ID
		}
	}
	t.Fatalf("no place %s", name)
	return 0
}
