package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// Actors as identities in the window: the actor filter lists each actor
// once under its canonical name with its other spellings on a second line,
// and the user merges two actors or splits a spelling off one. Both edits
// go through the store (MergeActors, SplitAlias), which keeps them apart
// like the events' edits, so that they survive re-import.

// anyone is the actor filter's choice that clears it.
const anyone = "Anyone"

// aliasesShown bounds the spellings listed on an actor's detail line; the
// split dialog lists them all.
const aliasesShown = 4

// actorDetail is an actor's second line: its kind, title and other
// spellings ("person · also Sergey Lavrov").
func actorDetail(a model.Actor) string {
	parts := []string{actorKind(a.Type)}
	if a.Title != "" {
		parts = append(parts, a.Title)
	}
	if s := alsoText(a.Aliases); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, "  ·  ")
}

// alsoText lists the first spellings: "also Kerry, Secretary Kerry +2".
func alsoText(aliases []string) string {
	if len(aliases) == 0 {
		return ""
	}
	s := "also " + strings.Join(aliases[:min(len(aliases), aliasesShown)], ", ")
	if n := len(aliases) - aliasesShown; n > 0 {
		s += fmt.Sprintf(" +%d", n)
	}
	return s
}

func actorKind(t model.ActorType) string {
	switch t {
	case model.ActorPerson:
		return "person"
	case model.ActorOrg:
		return "organisation"
	case model.ActorGov:
		return "government"
	}
	if t == "" {
		return "actor"
	}
	return string(t)
}

// matchesActor reports whether a typed query finds an actor by its name or
// any other spelling.
func matchesActor(a model.Actor, q string) bool {
	if q == "" {
		return true
	}
	if strings.Contains(strings.ToLower(a.Name), q) {
		return true
	}
	for _, al := range a.Aliases {
		if strings.Contains(strings.ToLower(al), q) {
			return true
		}
	}
	return false
}

// actorRow is one line of an actor list: the canonical name, and under it
// the actor's kind and other spellings in small muted type. Fyne has no
// tooltip, so the aliases are shown rather than hovered.
type actorRow struct {
	widget.BaseWidget
	name *widget.Label
	// detail is rich text for the app's muted colour, which stays legible
	// on a selected row where a low-importance label fades.
	detail *widget.RichText
}

func newActorRow() *actorRow {
	r := &actorRow{name: widget.NewLabel("Actor name"), detail: widget.NewRichText(&widget.TextSegment{
		Text:  "person  ·  also another spelling",
		Style: widget.RichTextStyle{ColorName: ColorNameMuted, SizeName: theme.SizeNameCaptionText}})}
	r.name.TextStyle.Bold = true
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// detailText is the row's second line as shown.
func (r *actorRow) detailText() string { return r.detail.Segments[0].(*widget.TextSegment).Text }

func (r *actorRow) setDetail(s string) {
	r.detail.Segments[0].(*widget.TextSegment).Text = s
	r.detail.Refresh()
}

// set shows an actor, or the list's "Anyone" line when a is nil.
func (r *actorRow) set(a *model.Actor) {
	if a == nil {
		r.name.SetText(anyone)
		r.setDetail("clear the actor filter")
		return
	}
	r.name.SetText(a.Name)
	r.setDetail(actorDetail(*a))
}

// CreateRenderer implements fyne.Widget.
func (r *actorRow) CreateRenderer() fyne.WidgetRenderer {
	return &actorRowRenderer{r: r}
}

type actorRowRenderer struct{ r *actorRow }

// overlap is how far the detail line tucks under the name's padding, so
// that the two read as one item.
func (rr *actorRowRenderer) overlap() float32 { return theme.InnerPadding() * 1.2 }

func (rr *actorRowRenderer) Layout(s fyne.Size) {
	nh := rr.r.name.MinSize().Height
	rr.r.name.Resize(fyne.NewSize(s.Width, nh))
	rr.r.name.Move(fyne.NewPos(0, 0))
	dh := rr.r.detail.MinSize().Height
	rr.r.detail.Resize(fyne.NewSize(s.Width, dh))
	rr.r.detail.Move(fyne.NewPos(0, nh-rr.overlap()))
}

func (rr *actorRowRenderer) MinSize() fyne.Size {
	n, d := rr.r.name.MinSize(), rr.r.detail.MinSize()
	return fyne.NewSize(max(n.Width, d.Width), n.Height+d.Height-rr.overlap())
}

func (rr *actorRowRenderer) Refresh() {
	rr.r.name.Refresh()
	rr.r.detail.Refresh()
}

func (rr *actorRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.name, rr.r.detail}
}

func (rr *actorRowRenderer) Destroy() {}

// actorList is a list of actors narrowed by a typed name or spelling, each
// with its aliases on a second line; with an anyone line first when it
// serves as a filter.
type actorList struct {
	widget.BaseWidget
	// OnSelected is called with the chosen actor, nil for the anyone line.
	OnSelected func(a *model.Actor)

	withAnyone bool
	all        []model.Actor
	shown      []int // indexes into all that match the query
	query      *widget.Entry
	list       *widget.List
	selected   *model.Actor
}

func newActorList(withAnyone bool) *actorList {
	l := &actorList{withAnyone: withAnyone}
	l.query = widget.NewEntry()
	l.query.SetPlaceHolder("Type a name or spelling…")
	l.query.OnChanged = func(string) { l.narrow() }
	l.list = widget.NewList(l.length, func() fyne.CanvasObject { return newActorRow() }, l.update)
	l.list.OnSelected = l.pick
	l.ExtendBaseWidget(l)
	return l
}

// SetActors replaces the actors listed, keeping the query.
func (l *actorList) SetActors(as []model.Actor) {
	l.all = as
	l.narrow()
}

// narrow lists the actors the query finds.
func (l *actorList) narrow() {
	q := strings.ToLower(strings.TrimSpace(l.query.Text))
	l.shown = l.shown[:0]
	for i, a := range l.all {
		if matchesActor(a, q) {
			l.shown = append(l.shown, i)
		}
	}
	l.list.UnselectAll()
	l.list.Refresh()
}

func (l *actorList) offset() int {
	if l.withAnyone {
		return 1
	}
	return 0
}

func (l *actorList) length() int { return len(l.shown) + l.offset() }

// actorAt returns the actor of a list line; nil for the anyone line.
func (l *actorList) actorAt(i widget.ListItemID) *model.Actor {
	i -= l.offset()
	if i < 0 || i >= len(l.shown) {
		return nil
	}
	return &l.all[l.shown[i]]
}

func (l *actorList) update(i widget.ListItemID, o fyne.CanvasObject) {
	o.(*actorRow).set(l.actorAt(i))
}

func (l *actorList) pick(i widget.ListItemID) {
	l.selected = l.actorAt(i)
	if l.OnSelected != nil {
		l.OnSelected(l.selected)
	}
}

// Select picks the actor with this id, as tapping its line does; it
// reports whether the actor is listed.
func (l *actorList) Select(id int64) bool {
	for j, i := range l.shown {
		if l.all[i].ID == id {
			l.list.Select(j + l.offset())
			l.list.ScrollTo(j + l.offset())
			return true
		}
	}
	return false
}

// Selected returns the actor picked, nil for none or anyone.
func (l *actorList) Selected() *model.Actor { return l.selected }

// CreateRenderer implements fyne.Widget.
func (l *actorList) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(l.query, nil, nil, nil, l.list))
}

// MinSize leaves room for several lines.
func (l *actorList) MinSize() fyne.Size {
	return l.BaseWidget.MinSize().Max(fyne.NewSize(280, 300))
}

// actorPicker is the toolbar's actor filter: a button naming the chosen
// actor that opens the actor list, with the actions that merge actors and
// split an alias at its foot.
type actorPicker struct {
	widget.BaseWidget
	// OnChanged is called with the chosen name, "" for anyone.
	OnChanged func(name string)
	// OnMerge and OnSplit open the actor edit dialogs.
	OnMerge, OnSplit func()

	btn      *widget.Button
	list     *actorList
	popup    *widget.PopUp
	selected string
	actors   []model.Actor
}

func newActorPicker() *actorPicker {
	p := &actorPicker{}
	p.btn = widget.NewButtonWithIcon(anyone, theme.AccountIcon(), p.open)
	p.btn.Alignment = widget.ButtonAlignLeading
	p.ExtendBaseWidget(p)
	return p
}

// SetActors replaces the actors offered.
func (p *actorPicker) SetActors(as []model.Actor) {
	p.actors = as
	if p.list != nil {
		p.list.SetActors(as)
	}
}

// Actors returns the actors offered.
func (p *actorPicker) Actors() []model.Actor { return p.actors }

// Selected returns the chosen actor's name, "" for anyone.
func (p *actorPicker) Selected() string { return p.selected }

// SetSelected chooses an actor by name ("" for anyone) and calls OnChanged
// when the choice changed.
func (p *actorPicker) SetSelected(name string) {
	if name == anyone {
		name = ""
	}
	if name == p.selected {
		return
	}
	p.selected = name
	p.btn.SetText(p.label())
	if p.OnChanged != nil {
		p.OnChanged(name)
	}
}

// ClearSelected chooses anyone.
func (p *actorPicker) ClearSelected() { p.SetSelected("") }

func (p *actorPicker) label() string {
	if p.selected == "" {
		return anyone
	}
	return p.selected
}

// open shows the actor list under the button.
func (p *actorPicker) open() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return
	}
	if p.popup == nil {
		p.list = newActorList(true)
		p.list.OnSelected = func(a *model.Actor) {
			p.popup.Hide()
			if a == nil {
				p.SetSelected("")
				return
			}
			p.SetSelected(a.Name)
		}
		action := func(label string, icon fyne.Resource, f *func()) *widget.Button {
			b := widget.NewButtonWithIcon(label, icon, func() {
				p.popup.Hide()
				if *f != nil {
					(*f)()
				}
			})
			b.Importance = widget.LowImportance
			return b
		}
		foot := container.NewHBox(action("Merge actors…", theme.ContentCopyIcon(), &p.OnMerge),
			action("Split alias…", theme.ContentCutIcon(), &p.OnSplit))
		p.popup = widget.NewPopUp(container.NewBorder(nil, foot, nil, nil, p.list), c)
	}
	p.list.query.SetText("")
	p.list.SetActors(p.actors)
	p.popup.Resize(fyne.NewSize(max(340, p.Size().Width), 420))
	p.popup.ShowAtRelativePosition(fyne.NewPos(0, p.Size().Height), p)
	c.Focus(p.list.query)
}

// CreateRenderer implements fyne.Widget.
func (p *actorPicker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.btn)
}

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
	if name := m.actorSel.Selected(); name != "" {
		for _, a := range as {
			if a.Name == name {
				d.keep.Select(a.ID)
			}
		}
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
	if name := m.actorSel.Selected(); name != "" {
		for _, a := range withForms {
			if a.Name == name {
				d.actors.Select(a.ID)
			}
		}
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

// FilterActor narrows every view to an actor's events by its canonical
// name, as picking it in the actor filter does ("" for anyone).
func (m *MainWindow) FilterActor(name string) { m.actorSel.SetSelected(name) }

// ShowActorList opens the actor filter's list, as tapping the filter does.
func (m *MainWindow) ShowActorList() { m.actorSel.open() }
