package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// The user's edits of actors: Merge actors… makes two actors one, Split
// alias… makes one spelling of an actor an actor of its own. Both run
// through the store (MergeActors, SplitAlias), which keeps them as edits
// that survive re-import, and then every view shows the actors as they now
// are.

// actorMerger is the Merge actors dialog: the actor to keep, the one that
// is the same person or body, and what merging them will do.
type actorMerger struct {
	keep, other *actorList
	summary     *widget.Label
	ok          *widget.Button
	dlg         *dialog.CustomDialog
}

// ShowMergeActors opens the Merge actors dialog, the actor the filter
// shows (if any) chosen to be kept.
func (m *MainWindow) ShowMergeActors() {
	as := m.actorSel.Actors()
	if len(as) < 2 {
		dialog.ShowInformation("Merge actors", "There are fewer than two actors to merge.", m.Win)
		return
	}
	d := &actorMerger{keep: newActorList(false), other: newActorList(false)}
	d.keep.SetActors(as)
	d.other.SetActors(as)
	d.summary = widget.NewLabel("")
	d.summary.Wrapping = fyne.TextWrapWord
	d.ok = widget.NewButtonWithIcon("Merge", theme.ConfirmIcon(), func() {
		k, o := d.keep.Selected(), d.other.Selected()
		if k == nil || o == nil || k.ID == o.ID {
			return
		}
		d.dlg.Hide()
		m.mergeActors(*k, *o)
	})
	d.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.dlg.Hide() })
	d.keep.OnSelected = func(*model.Actor) { d.describe() }
	d.other.OnSelected = func(*model.Actor) { d.describe() }
	head := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	lists := container.NewGridWithColumns(2,
		container.NewBorder(head("Keep"), nil, nil, nil, d.keep),
		container.NewBorder(head("Same actor as"), nil, nil, nil, d.other))
	body := container.NewBorder(nil, d.summary, nil, nil, lists)
	d.dlg = dialog.NewCustomWithoutButtons("Merge actors", body, m.Win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.ok})
	if id, ok := m.filteredActor(as); ok {
		d.keep.Select(id)
	}
	d.describe()
	d.dlg.Resize(fyne.NewSize(720, 520))
	m.merger = d
	d.dlg.Show()
}

// describe says what the chosen merge will do, and allows it only for two
// different actors.
func (d *actorMerger) describe() {
	k, o := d.keep.Selected(), d.other.Selected()
	switch {
	case k == nil || o == nil:
		d.summary.SetText("Pick the actor to keep on the left and the one that is the same person or body on the right.")
		d.ok.Disable()
	case k.ID == o.ID:
		d.summary.SetText("Pick two different actors.")
		d.ok.Disable()
	default:
		d.summary.SetText(fmt.Sprintf("“%s” and its spellings become “%s”, in every event and in later imports. Split alias… undoes it one spelling at a time.", o.Name, k.Name))
		d.ok.Enable()
	}
}

// aliasSplitter is the Split alias dialog: an actor, and the spelling of
// it that is someone else.
type aliasSplitter struct {
	actors *actorList
	forms  *widget.List
	// spellings are the chosen actor's forms, most frequent first.
	spellings []store.ActorForm
	form      string
	summary   *widget.Label
	ok        *widget.Button
	dlg       *dialog.CustomDialog
}

// ShowSplitAlias opens the Split alias dialog, the actor the filter shows
// (if any) chosen.
func (m *MainWindow) ShowSplitAlias() {
	as := m.actorSel.Actors()
	var withForms []model.Actor
	for _, a := range as {
		if len(a.Aliases) > 0 {
			withForms = append(withForms, a)
		}
	}
	if len(withForms) == 0 {
		dialog.ShowInformation("Split alias", "No actor has more than one spelling.", m.Win)
		return
	}
	d := &aliasSplitter{actors: newActorList(false)}
	d.actors.SetActors(withForms)
	d.forms = widget.NewList(func() int { return len(d.spellings) },
		func() fyne.CanvasObject { return widget.NewLabel("A spelling · 00 articles") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(formLine(d.spellings[i]))
		})
	d.forms.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(d.spellings) {
			d.form = d.spellings[i].Text
		}
		d.describe()
	}
	d.actors.OnSelected = func(a *model.Actor) {
		d.form, d.spellings = "", nil
		if a != nil {
			fs, err := m.Store.ActorForms(a.ID)
			if err != nil {
				m.showError(err)
			}
			d.spellings = fs
		}
		d.forms.UnselectAll()
		d.forms.Refresh()
		d.describe()
	}
	d.summary = widget.NewLabel("")
	d.summary.Wrapping = fyne.TextWrapWord
	d.ok = widget.NewButtonWithIcon("Split off", theme.ContentCutIcon(), func() {
		a := d.actors.Selected()
		if a == nil || d.form == "" {
			return
		}
		d.dlg.Hide()
		m.splitAlias(*a, d.form)
	})
	d.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.dlg.Hide() })
	head := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	lists := container.NewGridWithColumns(2,
		container.NewBorder(head("Actor"), nil, nil, nil, d.actors),
		container.NewBorder(head("Spelling that is someone else"), nil, nil, nil, d.forms))
	d.dlg = dialog.NewCustomWithoutButtons("Split alias", container.NewBorder(nil, d.summary, nil, nil, lists), m.Win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.ok})
	if id, ok := m.filteredActor(withForms); ok {
		d.actors.Select(id)
	}
	d.describe()
	d.dlg.Resize(fyne.NewSize(720, 520))
	m.splitter = d
	d.dlg.Show()
}

// formLine is a spelling in the Split alias dialog, with the number of
// articles that wrote it.
func formLine(f store.ActorForm) string {
	return counts.Sprintf("%s  ·  %d %s", f.Text, f.Articles, plural(f.Articles, "article", "articles"))
}

// selectForm picks a spelling by its text, as tapping it does; it reports
// whether the chosen actor has it.
func (d *aliasSplitter) selectForm(text string) bool {
	for i, f := range d.spellings {
		if f.Text == text {
			d.forms.Select(i)
			return true
		}
	}
	return false
}

func (d *aliasSplitter) describe() {
	a := d.actors.Selected()
	switch {
	case a == nil:
		d.summary.SetText("Pick an actor, then the spelling of it that names someone else.")
		d.ok.Disable()
	case d.form == "":
		d.summary.SetText("Pick the spelling of “" + a.Name + "” that names someone else.")
		d.ok.Disable()
	case len(d.spellings) < 2:
		d.summary.SetText("“" + a.Name + "” has only this spelling.")
		d.ok.Disable()
	default:
		d.summary.SetText(fmt.Sprintf("“%s” becomes an actor of its own, with the events that name it so, in later imports too.", d.form))
		d.ok.Enable()
	}
}

// mergeActors makes other the same actor as keep in the store, then shows
// the change in every view.
func (m *MainWindow) mergeActors(keep, other model.Actor) {
	if err := m.Store.MergeActors(keep.ID, other.ID); err != nil {
		m.showError(fmt.Errorf("merge %q into %q: %w", other.Name, keep.Name, err))
		return
	}
	m.afterActorEdit(keep.ID, keep.Name, other.Name)
}

// splitAlias makes one spelling of an actor an actor of its own in the
// store, then shows the change in every view.
func (m *MainWindow) splitAlias(a model.Actor, form string) {
	if err := m.Store.SplitAlias(a.ID, form); err != nil {
		m.showError(fmt.Errorf("split %q from %q: %w", form, a.Name, err))
		return
	}
	m.afterActorEdit(a.ID, a.Name)
}

// afterActorEdit re-reads the actors, the filter's frame and the shown
// event: the edited actor may have a new canonical name. A filter on one of
// the names follows the actor to its name now.
func (m *MainWindow) afterActorEdit(id int64, names ...string) {
	as, err := m.Store.Actors()
	if err != nil {
		m.showError(err)
		return
	}
	m.actorSel.SetActors(as)
	sel := m.actorSel.Selected()
	for _, n := range names {
		if sel != "" && sel == n {
			now := ""
			for _, a := range as {
				if a.ID == id {
					now = a.Name
				}
			}
			m.holdReads = true
			m.actorSel.SetSelected(now)
			m.holdReads = false
		}
	}
	m.Reload()
	if e, ok := m.Excerpt.Event(); ok {
		if fresh, err := m.Store.Event(e.ID); err == nil {
			m.showEvent(*fresh)
		}
	}
}

// filteredActor is the id among as of the actor the window is filtered
// on, which the actor dialogs start from.
func (m *MainWindow) filteredActor(as []model.Actor) (int64, bool) {
	if name := m.actorSel.Selected(); name != "" {
		for _, a := range as {
			if a.Name == name {
				return a.ID, true
			}
		}
	}
	return 0, false
}
