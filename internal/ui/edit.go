package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timeline"
)

// Editing events from the excerpt pane and the Edit menu: star, hide, note,
// title, date, place, merge. Edits are saved at once and survive re-import.

// act performs an edit from the excerpt pane; edits are saved at once.
func (m *MainWindow) act(a Action, e model.Event) {
	var err error
	switch a {
	case ActionStar:
		err = m.Store.SetInBriefing(e.ID, !e.InBriefing)
	case ActionHide:
		dialog.ShowConfirm("Hide event", fmt.Sprintf("Hide “%s”? It stays hidden after re-import; View → Show hidden events brings it back.", e.Title), func(ok bool) {
			if !ok {
				return
			}
			if err := m.Store.HideEvent(e.ID); err != nil {
				m.showError(err)
				return
			}
			m.ClearSelection()
			m.Reload()
		}, m.Win)
		return
	case ActionShow:
		// A duplicate the user merged away is hidden too; showing it
		// again undoes the merge.
		if err = m.Store.ShowEvent(e.ID); err == nil {
			err = m.Store.UnmergeEvent(e.ID)
		}
	case ActionRevert:
		err = m.Store.RevertEvent(e.ID)
	case ActionNote:
		m.editNote(e)
		return
	case ActionEdit:
		m.editEvent(e)
		return
	case ActionMerge:
		m.mergeEvent(e)
		return
	case ActionOpenFull:
		if srcs := m.Excerpt.Sources(); len(srcs) > 0 {
			m.openArticle(srcs[0])
		}
		return
	}
	if err != nil {
		m.showError(err)
		return
	}
	m.afterEdit(e.ID)
}

func (m *MainWindow) afterEdit(id int64) {
	m.Reload()
	e, err := m.Store.Event(id)
	if err != nil {
		m.showError(fmt.Errorf("read the edited event: %w", err))
		return
	}
	m.Timeline.Select(*e)
	m.showEvent(*e)
}

func (m *MainWindow) editNote(e model.Event) {
	note := widget.NewMultiLineEntry()
	note.SetText(e.Note)
	note.SetMinRowsVisible(4)
	dialog.ShowForm("Note", "Save", "Cancel", []*widget.FormItem{widget.NewFormItem("Note", note)}, func(ok bool) {
		if !ok {
			return
		}
		if err := m.Store.SetNote(e.ID, note.Text); err != nil {
			m.showError(err)
			return
		}
		m.afterEdit(e.ID)
	}, m.Win)
}

func (m *MainWindow) editEvent(e model.Event) {
	ed := m.newEventEditor(e)
	m.editor = ed
	ed.dlg.Show()
}

// eventEditor is the Edit event dialog: title, date, and a place taken
// from the whole gazetteer, offered as the user types.
type eventEditor struct {
	m     *MainWindow
	e     model.Event
	title *widget.Entry
	date  *widget.Entry
	place *widget.Entry
	// suggestions are the places offered for the typed text; picked is
	// the one the user chose, nil while the text is typed only.
	suggestions []placeSuggestion
	list        *widget.List
	listBox     fyne.CanvasObject
	picked      *model.Place
	// typed counts keystrokes, so that only the newest lookup is shown.
	typed int
	dlg   dialog.Dialog
}

func (m *MainWindow) newEventEditor(e model.Event) *eventEditor {
	ed := &eventEditor{m: m, e: e, title: widget.NewEntry(), date: widget.NewEntry(), place: widget.NewEntry()}
	ed.title.SetText(e.Title)
	ed.date.SetPlaceHolder("YYYY-MM-DD, YYYY-MM or YYYY")
	if e.Dated() {
		switch e.Precision {
		case model.PrecisionYear:
			ed.date.SetText(e.Start.Format("2006"))
		case model.PrecisionMonth:
			ed.date.SetText(e.Start.Format("2006-01"))
		default:
			ed.date.SetText(e.Start.Format(time.DateOnly))
		}
	}
	ed.place.SetPlaceHolder("Any city, region or country; empty for none")
	if e.Place != nil {
		ed.place.SetText(e.Place.Name)
	}
	ed.list = widget.NewList(func() int { return len(ed.suggestions) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Place name — division, country · population")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(ed.suggestions) {
				o.(*widget.Label).SetText(ed.suggestions[i].label)
			}
		})
	ed.list.OnSelected = ed.pick
	ed.listBox = container.New(&fixedSize{h: 200}, ed.list)
	ed.listBox.Hide()
	ed.place.OnChanged = func(s string) {
		if ed.picked != nil && s == ed.picked.Name {
			return
		}
		ed.picked = nil
		ed.suggest(s)
	}
	ed.dlg = dialog.NewForm("Edit event", "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Title", ed.title),
		widget.NewFormItem("Date", ed.date),
		widget.NewFormItem("Place", container.NewBorder(nil, ed.listBox, nil, nil, ed.place)),
	}, func(ok bool) {
		m.editor = nil
		if !ok {
			return
		}
		if err := ed.save(); err != nil {
			m.showError(err)
			return
		}
		m.afterEdit(e.ID)
	}, m.Win)
	ed.dlg.Resize(fyne.NewSize(560, 420))
	return ed
}

// suggest offers the gazetteer's places for the typed text: off the UI
// goroutine, since the first lookup loads the gazetteer's tables.
func (ed *eventEditor) suggest(typed string) {
	ed.typed++
	n := ed.typed
	show := func(ss []placeSuggestion, err error) {
		if n != ed.typed {
			return // a newer keystroke's lookup follows
		}
		if err != nil {
			ed.m.showError(err)
		}
		ed.suggestions = ss
		ed.list.UnselectAll()
		ed.list.Refresh()
		if len(ss) == 0 {
			ed.listBox.Hide()
		} else {
			ed.listBox.Show()
		}
	}
	if len([]rune(strings.TrimSpace(typed))) < 2 {
		show(nil, nil)
		return
	}
	if ed.m.opts.syncReads {
		show(placeSuggestions(typed))
		return
	}
	go func() {
		ss, err := placeSuggestions(typed)
		fyne.Do(func() { show(ss, err) })
	}()
}

// pick takes the i-th suggestion as the event's place.
func (ed *eventEditor) pick(i widget.ListItemID) {
	if i < 0 || i >= len(ed.suggestions) {
		return
	}
	p := ed.suggestions[i].place
	ed.picked = &p
	ed.place.SetText(p.Name)
	ed.listBox.Hide()
}

// save stores the dialog's values.
func (ed *eventEditor) save() error {
	if ed.picked != nil {
		return ed.m.saveEventEditsAt(ed.e, ed.title.Text, ed.date.Text, ed.picked)
	}
	return ed.m.saveEventEdits(ed.e, ed.title.Text, ed.date.Text, ed.place.Text)
}

// placeSuggestMax bounds the places offered while typing.
const placeSuggestMax = 8

// placeSuggestion is a gazetteer place offered in the edit dialog, with
// what tells it from its namesakes.
type placeSuggestion struct {
	label string
	place model.Place
}

// placeSuggestions returns the gazetteer's places whose name begins with
// typed, most important first, each labelled with its division, country
// and population: "Aleppo — Aleppo, Syria · 1,602,264 people".
func placeSuggestions(typed string) ([]placeSuggestion, error) {
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return nil, fmt.Errorf("places named %q: %w", typed, err)
	}
	var out []placeSuggestion
	for _, c := range g.Complete(typed, placeSuggestMax) {
		out = append(out, placeSuggestion{label: suggestionLabel(g, c), place: c.Place})
	}
	return out, nil
}

// suggestionLabel says where a candidate lies and how big it is.
func suggestionLabel(g *geo.Gazetteer, c geo.Candidate) string {
	var where []string
	country := c.Country
	if k, ok := g.Country(c.Country); ok {
		country = k.Name
	}
	switch c.Class {
	case geo.ClassCountry:
		return c.Name + " — country"
	case geo.ClassAdmin1:
		where = append(where, "division of "+country)
	default:
		if c.Admin1 != "" && c.Class == geo.ClassCity {
			if d := g.Admin1Name(c.Country, c.Admin1); d != "" {
				where = append(where, d)
			}
		}
		if country != "" {
			where = append(where, country)
		} else if c.Class != geo.ClassCity {
			where = append(where, c.Class)
		}
	}
	label := c.Name
	if len(where) > 0 {
		label += " — " + strings.Join(where, ", ")
	}
	if c.Population > 0 {
		label += counts.Sprintf(" · %d people", c.Population)
	}
	return label
}

// saveEventEdits saves a corrected title, date and place typed by name:
// a stored place of that name, else the gazetteer's best place of that
// name; empty or "(no place)" takes the place away.
func (m *MainWindow) saveEventEdits(e model.Event, title, date, place string) error {
	place = strings.TrimSpace(place)
	cur := ""
	if e.Place != nil {
		cur = e.Place.Name
	}
	if place == cur {
		return m.saveEventEditsAt(e, title, date, e.Place)
	}
	var p *model.Place
	if place != "" && place != "(no place)" {
		if c, ok := m.placeBy[place]; ok && c.id != 0 {
			var err error
			if p, err = m.Store.Place(c.id); err != nil {
				return fmt.Errorf("place %q: %w", place, err)
			}
		} else {
			named, err := m.Store.PlacesNamed(place)
			if err != nil {
				return err
			}
			if len(named) > 0 {
				p = &named[0]
			} else if p, err = gazetteerPlace(place); err != nil {
				return err
			}
		}
	}
	return m.saveEventEditsAt(e, title, date, p)
}

// gazetteerPlace is the gazetteer's best place called name.
func gazetteerPlace(name string) (*model.Place, error) {
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return nil, fmt.Errorf("place %q: %w", name, err)
	}
	cs := g.Lookup(name)
	if len(cs) == 0 {
		return nil, fmt.Errorf("no place in the world is called %q; pick one from the list", name)
	}
	p := cs[0].Place
	return &p, nil
}

// saveEventEditsAt saves a corrected title, date and place (nil for none);
// unchanged values are left as they are.
func (m *MainWindow) saveEventEditsAt(e model.Event, title, date string, p *model.Place) error {
	if t := strings.TrimSpace(title); t != "" && t != e.Title {
		if err := m.Store.SetEventTitle(e.ID, t); err != nil {
			return err
		}
	}
	if ds := strings.TrimSpace(date); ds != "" {
		start, end, prec, err := parseEventDate(ds)
		if err != nil {
			return err
		}
		if !start.Equal(e.Start) || prec != e.Precision {
			if err := m.Store.SetEventDate(e.ID, start, end, prec); err != nil {
				return err
			}
		}
	}
	if samePlace(e.Place, p) {
		return nil
	}
	return m.Store.SetEventPlace(e.ID, p)
}

// samePlace reports whether two places (nil for none) are one.
func samePlace(a, b *model.Place) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Key != "" || b.Key != "" {
		return a.Key == b.Key
	}
	return a.ID == b.ID
}

// parseEventDate reads a corrected date and its precision.
func parseEventDate(s string) (start, end time.Time, p model.Precision, err error) {
	if t, e := time.Parse(time.DateOnly, s); e == nil {
		return t, t, model.PrecisionDay, nil
	}
	if t, e := time.Parse("2006-01", s); e == nil {
		return t, t.AddDate(0, 1, -1), model.PrecisionMonth, nil
	}
	if t, e := time.Parse("2006", s); e == nil {
		return t, t.AddDate(1, 0, -1), model.PrecisionYear, nil
	}
	return time.Time{}, time.Time{}, "", fmt.Errorf("%q is not a date: use YYYY-MM-DD, YYYY-MM or YYYY", s)
}

func (m *MainWindow) mergeEvent(keep model.Event) {
	// Offer the events within a month of this one: the likely duplicates.
	var cands []model.Event
	if keep.Dated() {
		evs, err := m.Store.EventsBetween(keep.Start.AddDate(0, -1, 0), keep.Start.AddDate(0, 1, 0), m.filter)
		if err != nil {
			m.showError(err)
			return
		}
		for _, e := range evs {
			if e.ID != keep.ID {
				cands = append(cands, e)
			}
		}
	}
	cands = append(cands, m.undated...)
	if len(cands) == 0 {
		dialog.ShowInformation("Merge", "No other event near this one to merge.", m.Win)
		return
	}
	labels := make([]string, len(cands))
	for i, e := range cands {
		labels[i] = timeline.FormatDate(&e) + " — " + e.Title
	}
	sel := widget.NewSelect(labels, nil)
	d := dialog.NewForm("Merge into “"+keep.Title+"”", "Merge", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Same event as", sel),
	}, func(ok bool) {
		if !ok || sel.SelectedIndex() < 0 {
			return
		}
		other := cands[sel.SelectedIndex()]
		if err := m.Store.MergeEvents(keep.ID, other.ID); err != nil {
			m.showError(err)
			return
		}
		m.afterEdit(keep.ID)
	}, m.Win)
	d.Resize(fyne.NewSize(620, 200))
	d.Show()
}
