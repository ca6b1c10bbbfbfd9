package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"github.com/briefingatlas/atlas/internal/sharedtest"
	"github.com/briefingatlas/atlas/internal/store"
)

// actorNamed returns the window's actor of this canonical name.
func actorNamed(t *testing.T, m *MainWindow, name string) (model.Actor, bool) {
	t.Helper()
	for _, a := range m.actorSel.Actors() {
		if a.Name == name {
			return a, true
		}
	}
	return model.Actor{}, false
}

// eventIDsOf returns the ids of the dated events that name an actor.
func eventIDsOf(t *testing.T, st *store.Store, actor string) []int64 {
	t.Helper()
	evs, err := st.EventsBetween(day("1900-01-01"), day("2100-01-01"), store.Filter{Actor: actor})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, e := range evs {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	return ids
}

// reimport imports the sample corpus into st again and re-extracts every
// article, as a user who imports the same folder twice, then upgrades.
func reimport(t *testing.T, st *store.Store) {
	t.Helper()
	dir := sharedtest.Corpus(t)
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	man, err := ingest.LoadManifest(filepath.Join(dir, "sources.csv"))
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	if _, err := pipeline.Import(context.Background(), st, x, []string{dir}, pipeline.Options{Manifest: man, SameEvent: extract.SameEvent}, nil); err != nil {
		t.Fatal(err)
	}
	if err := pipeline.Reextract(context.Background(), st, x, extract.SameEvent, nil); err != nil {
		t.Fatal(err)
	}
}

// buttonLabelled returns the button under o with this text.
func buttonLabelled(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, b := range buttons(o) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// The actor filter lists each actor once with its other spellings under
// its name; a spelling typed finds its actor, and picking it narrows the
// views. The excerpt pane's Who line names the canonical actor and the
// spellings under it.
func TestActorFilterShowsAliases(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	all := len(m.Timeline.VisibleEvents())
	test.Tap(m.actorSel.btn)
	if m.actorSel.popup == nil || m.actorSel.popup.Hidden {
		t.Fatal("tapping the actor filter opened no list")
	}
	l := m.actorSel.list
	test.Type(l.query, "sergey")
	if got := l.length(); got != 2 {
		t.Fatalf("typing “sergey” lists %d lines, want Anyone and one actor", got)
	}
	lavrov := l.actorAt(1)
	if lavrov.Name != "Sergei Lavrov" {
		t.Fatalf("typing “sergey” finds %q, want the canonical Sergei Lavrov", lavrov.Name)
	}
	m.actorSel.popup.Refresh()
	var rows []string
	for _, r := range under[*actorRow](m.actorSel.popup.Content) {
		if r.Visible() {
			rows = append(rows, r.name.Text+" | "+r.detailText())
		}
	}
	if !slices.ContainsFunc(rows, func(r string) bool {
		return strings.HasPrefix(r, "Sergei Lavrov | person  ·  ") && strings.HasSuffix(r, "also Sergey Lavrov")
	}) {
		t.Errorf("list rows %q, want Lavrov with his other spelling under his name", rows)
	}
	l.list.Select(1)
	m.WaitLoaded()
	if !m.actorSel.popup.Hidden {
		t.Error("the list stayed open after a pick")
	}
	if got := m.Filter().Actor; got != "Sergei Lavrov" {
		t.Fatalf("filter actor %q after picking Lavrov", got)
	}
	m.Timeline.Refresh()
	evs := m.Timeline.VisibleEvents()
	if len(evs) == 0 || len(evs) >= all {
		t.Fatalf("%d of %d events shown for Lavrov", len(evs), all)
	}
	m.SelectEvent(evs[0])
	var who string
	for _, rt := range richTexts(m.Excerpt.Object()) {
		who += rt.String()
	}
	if !strings.Contains(who, "Sergei Lavrov also Sergey Lavrov") {
		t.Errorf("excerpt pane does not show Lavrov's other spelling:\n%s", who)
	}
}

// Merging two actors from the button by the actor filter makes them one in
// the filter, the timeline and the excerpt pane, and they stay one after
// the same files are imported and extracted again.
func TestWindowMergeActorsSurvivesReimport(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	russia, ok1 := actorNamed(t, m, "Russia")
	putin, ok2 := actorNamed(t, m, "Vladimir Putin")
	if !ok1 || !ok2 {
		t.Fatalf("the sample has no Russia or Vladimir Putin among %d actors", len(m.actorSel.Actors()))
	}
	want := eventIDsOf(t, st, "Russia")
	for _, id := range eventIDsOf(t, st, "Vladimir Putin") {
		if !slices.Contains(want, id) {
			want = append(want, id)
		}
	}
	slices.Sort(want)
	putinEvents := eventIDsOf(t, st, "Vladimir Putin")
	e, err := st.Event(putinEvents[0])
	if err != nil {
		t.Fatal(err)
	}
	m.SelectEvent(*e)
	m.actorSel.SetSelected("Vladimir Putin")
	m.WaitLoaded()

	// The merge is offered at the foot of the actor list.
	test.Tap(m.actorSel.btn)
	test.Tap(buttonLabelled(t, m.actorSel.popup.Content, "Merge actors…"))
	d := m.merger
	if d == nil {
		t.Fatal("Merge actors… opened no dialog")
	}
	if k := d.keep.Selected(); k == nil || k.ID != putin.ID {
		t.Errorf("the dialog keeps %v, want the filter's actor Vladimir Putin chosen", k)
	}
	if !d.keep.Select(russia.ID) {
		t.Fatal("Russia is not offered to keep")
	}
	d.other.Select(russia.ID)
	if !d.ok.Disabled() {
		t.Error("Merge is enabled for one actor picked twice")
	}
	d.other.Select(putin.ID)
	if d.ok.Disabled() {
		t.Fatalf("Merge is disabled for Russia and Putin: %q", d.summary.Text)
	}
	test.Tap(d.ok)
	m.WaitLoaded()

	check := func(when string) {
		t.Helper()
		if _, ok := actorNamed(t, m, "Vladimir Putin"); ok {
			t.Errorf("%s: Vladimir Putin is still an actor of his own in the filter", when)
		}
		r, ok := actorNamed(t, m, "Russia")
		if !ok {
			t.Fatalf("%s: Russia is gone from the filter", when)
		}
		if !slices.Contains(r.Aliases, "Vladimir Putin") {
			t.Errorf("%s: Russia's aliases %q lack Vladimir Putin", when, r.Aliases)
		}
		if got := eventIDsOf(t, st, "Russia"); !slices.Equal(got, want) {
			t.Errorf("%s: Russia names events %v, want Russia's and Putin's %v", when, got, want)
		}
	}
	check("after the merge")
	if got := m.Filter().Actor; got != "Russia" {
		t.Errorf("the filter on Putin became %q, want the merged actor Russia", got)
	}
	m.Timeline.Refresh()
	if n := len(m.Timeline.VisibleEvents()); n < len(putinEvents) {
		t.Errorf("the timeline shows %d events after the merge, Putin alone had %d", n, len(putinEvents))
	}
	shown, ok := m.Excerpt.Event()
	if !ok {
		t.Fatal("the excerpt pane lost its event")
	}
	var names []string
	for _, a := range shown.Actors {
		names = append(names, a.Name)
	}
	if slices.Contains(names, "Vladimir Putin") || !slices.Contains(names, "Russia") {
		t.Errorf("excerpt pane's Who is %q after the merge, want Russia for Putin", names)
	}

	reimport(t, st)
	m.Reload()
	m.WaitLoaded()
	check("after re-import")
}

// Splitting a spelling off an actor from the Edit menu's dialog makes it
// an actor of its own, with the events that name it so, and it stays apart
// after re-import.
func TestWindowSplitAliasSurvivesReimport(t *testing.T) {
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	lavrov, ok := actorNamed(t, m, "Sergei Lavrov")
	if !ok || !slices.Contains(lavrov.Aliases, "Sergey Lavrov") {
		t.Fatalf("the sample's Sergei Lavrov is %+v, want Sergey Lavrov among his aliases", lavrov)
	}
	before := eventIDsOf(t, st, "Sergei Lavrov")
	var item *fyne.MenuItem
	for _, mu := range m.Win.MainMenu().Items {
		for _, it := range mu.Items {
			if it.Label == "Split alias…" {
				item = it
			}
		}
	}
	if item == nil {
		t.Fatal("no Split alias… in the menu")
	}
	item.Action()
	d := m.splitter
	if d == nil {
		t.Fatal("Split alias… opened no dialog")
	}
	if !d.ok.Disabled() {
		t.Error("Split off is enabled with nothing picked")
	}
	if !d.actors.Select(lavrov.ID) {
		t.Fatal("Sergei Lavrov is not offered")
	}
	if !d.selectForm("Sergey Lavrov") {
		t.Fatalf("Sergey Lavrov is not among the spellings %+v", d.spellings)
	}
	if d.ok.Disabled() {
		t.Fatalf("Split off is disabled: %q", d.summary.Text)
	}
	for _, f := range d.spellings {
		if f.Text == "Sergey Lavrov" && formLine(f) != "Sergey Lavrov  ·  2 articles" {
			t.Errorf("the spelling reads %q, want it with the number of articles that wrote it", formLine(f))
		}
	}
	test.Tap(d.ok)
	m.WaitLoaded()

	check := func(when string) {
		t.Helper()
		sy, ok := actorNamed(t, m, "Sergey Lavrov")
		if !ok {
			t.Fatalf("%s: no actor Sergey Lavrov in the filter", when)
		}
		if sy.ID == lavrov.ID {
			t.Errorf("%s: Sergey Lavrov is still Sergei Lavrov", when)
		}
		si, ok := actorNamed(t, m, "Sergei Lavrov")
		if !ok {
			t.Fatalf("%s: Sergei Lavrov is gone", when)
		}
		if slices.Contains(si.Aliases, "Sergey Lavrov") {
			t.Errorf("%s: Sergei Lavrov keeps Sergey Lavrov among %q", when, si.Aliases)
		}
		split := eventIDsOf(t, st, "Sergey Lavrov")
		if len(split) == 0 {
			t.Errorf("%s: no event names Sergey Lavrov", when)
		}
		for _, id := range split {
			if !slices.Contains(before, id) {
				t.Errorf("%s: event %d names Sergey Lavrov but did not name Sergei Lavrov", when, id)
			}
		}
	}
	check("after the split")
	reimport(t, st)
	m.Reload()
	m.WaitLoaded()
	check("after re-import")
}
