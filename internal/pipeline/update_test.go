package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// Two versions of one article of our own: the second rewords the bomb's
// sentence and the march's, drops the earthquake and the rebels, and adds
// a vote.
const (
	viennaV1 = `Talks Resume in Vienna

VIENNA, March 3, 2016 - Foreign ministers from Iran and France met in Vienna on Tuesday to discuss the nuclear agreement, officials said.

A car bomb killed twelve people in Baghdad on Monday, police said.

An earthquake struck northern Chile on Wednesday, damaging hundreds of homes.

Rebels seized the town of Idlib on Thursday after heavy fighting.

Protesters marched through Paris on Sunday against the new labour law.
`
	viennaV2 = `Talks Resume in Vienna

VIENNA, March 3, 2016 - Foreign ministers from Iran and France met in Vienna on Tuesday to discuss the nuclear agreement, officials said.

A car bomb killed at least fourteen people in central Baghdad on Monday, police said.

Thousands of protesters marched through Paris on Sunday against the new labour law.

The United Nations Security Council will vote on new sanctions on Friday.
`
)

func byKind(t *testing.T, evs []model.Event, kind model.Kind) model.Event {
	t.Helper()
	var out []model.Event
	for _, e := range evs {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	if len(out) != 1 {
		t.Fatalf("%d events of kind %s, want 1 (the extractor reads the test article differently?)", len(out), kind)
	}
	return out[0]
}

func everyEvent(t *testing.T, st *store.Store) []model.Event {
	t.Helper()
	evs, err := st.EventsBetween(time.Time{}, time.Time{}, store.Filter{IncludeHidden: true})
	if err != nil {
		t.Fatal(err)
	}
	und, err := st.Undated(store.Filter{IncludeHidden: true})
	if err != nil {
		t.Fatal(err)
	}
	return append(evs, und...)
}

// TestChangedArticleIsUpdated imports an article with the real extractor,
// stars, notes and edits its events, then imports a corrected version of
// the same file: one article, the events found again keep ids and edits,
// the starred one that is gone stays marked, the untouched one that is gone
// is removed; the same text once more changes nothing.
func TestChangedArticleIsUpdated(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x := realExtractor(t)
	ctx := context.Background()
	opts := Options{SameEvent: extract.SameEvent}
	path := filepath.Join(dir, "clips", "vienna.txt")
	write := func(text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(viennaV1)
	if sum, err := Import(ctx, st, x, []string{path}, opts, nil); err != nil || sum.Imported != 1 || sum.Updated != 0 || sum.Events != 5 {
		t.Fatalf("first version: %+v %v", sum, err)
	}
	before := everyEvent(t, st)
	meet, bomb, quake := byKind(t, before, model.KindMeeting), byKind(t, before, model.KindAttack), byKind(t, before, model.KindDisaster)
	byKind(t, before, model.KindMilitary)
	for _, err := range []error{
		st.SetInBriefing(meet.ID, true), st.SetNote(meet.ID, "confirm with the ministry"),
		st.SetEventTitle(bomb.ID, "Baghdad car bomb"), st.SetInBriefing(quake.ID, true),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}

	// Run from another folder with a relative path: still the same file.
	write(viennaV2)
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	sum, err := Import(ctx, st, x, []string{filepath.Join("clips", "vienna.txt")}, opts, nil)
	os.Chdir(wd)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 1 || sum.Updated != 1 || sum.Events != 1 || sum.Kept != 3 || sum.Removed != 1 || sum.Orphaned != 1 {
		t.Fatalf("changed version: %+v, want 1 imported and updated, 1 new event, 3 kept, 1 removed, 1 kept as gone", sum)
	}
	arts, err := st.Articles()
	if err != nil || len(arts) != 1 {
		t.Fatalf("articles: %+v %v", arts, err)
	}
	after := everyEvent(t, st)
	if len(after) != 5 {
		t.Errorf("%d events after the update, want 5", len(after))
	}
	if m := byKind(t, after, model.KindMeeting); m.ID != meet.ID || !m.InBriefing || m.Note != "confirm with the ministry" {
		t.Errorf("starred, noted meeting: %+v", m)
	}
	if b := byKind(t, after, model.KindAttack); b.ID != bomb.ID || b.Title != "Baghdad car bomb" || len(b.Sources) != 1 || b.Sources[0].Start != bomb.Sources[0].Start {
		t.Errorf("edited bomb: %+v", b)
	}
	if q := byKind(t, after, model.KindDisaster); q.ID != quake.ID || !q.Orphaned || !q.InBriefing {
		t.Errorf("gone, starred quake: %+v", q)
	}
	for _, e := range after {
		if e.Kind == model.KindMilitary {
			t.Errorf("gone, untouched event kept: %+v", e)
		}
	}
	if ok, err := st.IntegrityCheck(); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	if h, err := st.Check(ctx); err != nil || !h.Sound() {
		t.Fatalf("store check: %+v %v", h, err)
	}

	// The same text again, from a fresh copy of the file: nothing changes.
	os.Remove(path)
	write(viennaV2)
	sum, err = Import(ctx, st, x, []string{path}, opts, nil)
	if err != nil || sum.Imported != 0 || sum.AlreadyPresent != 1 {
		t.Fatalf("identical re-import: %+v %v", sum, err)
	}
	if again := everyEvent(t, st); len(again) != len(after) {
		t.Errorf("identical re-import: %d events, was %d", len(again), len(after))
	}
}

// TestChangedArticleKeepsUserDate: the date a user gave an undated article
// is kept for its next version, which is extracted against it.
func TestChangedArticleKeepsUserDate(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x := realExtractor(t)
	ctx := context.Background()
	path := filepath.Join(dir, "note.txt")
	os.WriteFile(path, []byte("Envoys Meet\n\nEnvoys from both sides met in Geneva on Tuesday, a spokesman said.\n"), 0o644)
	sum, err := Import(ctx, st, x, []string{path}, Options{SameEvent: extract.SameEvent}, nil)
	if err != nil || sum.Imported != 1 {
		t.Fatalf("first version: %+v %v", sum, err)
	}
	date := time.Date(2016, 3, 3, 0, 0, 0, 0, time.UTC)
	if _, err := SetArticleDate(ctx, st, x, sum.Articles[0], date, extract.SameEvent); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte("Envoys Meet\n\nEnvoys from both sides met in Geneva on Tuesday, a spokesman told reporters.\n"), 0o644)
	sum, err = Import(ctx, st, x, []string{path}, Options{SameEvent: extract.SameEvent}, nil)
	if err != nil || sum.Updated != 1 {
		t.Fatalf("changed version: %+v %v", sum, err)
	}
	a, err := st.Article(sum.Articles[0])
	if err != nil || a.DateSource != model.DateUser || !a.Published.Equal(date) {
		t.Fatalf("article after the update: %+v %v", a, err)
	}
	evs := everyEvent(t, st)
	if len(evs) != 1 || evs[0].Start.Format(time.DateOnly) != "2016-03-01" {
		t.Errorf("events after the update: %+v", evs)
	}
}

// TestOneArticleTwiceInOneImport: two files of one import with the same
// URL are one article; the summary says which was kept.
func TestOneArticleTwiceInOneImport(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "atlas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	page := func(name, body string) string {
		p := filepath.Join(dir, name)
		html := `<html><head><title>Talks</title><link rel="canonical" href="https://news.example/talks"></head><body><article><p>` + body + `</p></article></body></html>`
		if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := page("a.html", "Envoys met in Geneva on March 2, 2016, a spokesman said.")
	second := page("b.html", "Envoys met in Geneva on March 2, 2016, a spokesman told reporters.")
	sum, err := Import(context.Background(), st, realExtractor(t), []string{first, second}, Options{SameEvent: extract.SameEvent}, nil)
	if err != nil || sum.Imported != 2 || sum.Updated != 1 {
		t.Fatalf("import: %+v %v", sum, err)
	}
	if len(sum.Warnings) != 1 || !strings.Contains(sum.Warnings[0], "a.html and ") || !strings.Contains(sum.Warnings[0], "b.html are one article") {
		t.Errorf("warnings: %q", sum.Warnings)
	}
	if arts, _ := st.Articles(); len(arts) != 1 || arts[0].URL != "https://news.example/talks" || filepath.Base(arts[0].Path) != "b.html" {
		t.Errorf("articles: %+v", arts)
	}
}
