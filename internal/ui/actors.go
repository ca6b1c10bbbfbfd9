package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
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

// FilterActor narrows every view to an actor's events by its canonical
// name, as picking it in the actor filter does ("" for anyone).
func (m *MainWindow) FilterActor(name string) { m.actorSel.SetSelected(name) }

// ShowActorList opens the actor filter's list, as tapping the filter does.
func (m *MainWindow) ShowActorList() { m.actorSel.open() }
