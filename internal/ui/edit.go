package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

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
	title := widget.NewEntry()
	title.SetText(e.Title)
	date := widget.NewEntry()
	date.SetPlaceHolder("YYYY-MM-DD, YYYY-MM or YYYY")
	if e.Dated() {
		switch e.Precision {
		case model.PrecisionYear:
			date.SetText(e.Start.Format("2006"))
		case model.PrecisionMonth:
			date.SetText(e.Start.Format("2006-01"))
		default:
			date.SetText(e.Start.Format(time.DateOnly))
		}
	}
	placeNames := []string{"(no place)"}
	for name := range m.placeIDs {
		placeNames = append(placeNames, name)
	}
	sort.Strings(placeNames[1:])
	place := widget.NewSelectEntry(placeNames)
	if e.Place != nil {
		place.SetText(e.Place.Name)
	}
	d := dialog.NewForm("Edit event", "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Date", date),
		widget.NewFormItem("Place", place),
	}, func(ok bool) {
		if !ok {
			return
		}
		if err := m.saveEventEdits(e, title.Text, date.Text, place.Text); err != nil {
			m.showError(err)
			return
		}
		m.afterEdit(e.ID)
	}, m.Win)
	d.Resize(fyne.NewSize(520, 280))
	d.Show()
}

func (m *MainWindow) saveEventEdits(e model.Event, title, date, place string) error {
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
	place = strings.TrimSpace(place)
	cur := ""
	if e.Place != nil {
		cur = e.Place.Name
	}
	if place != cur {
		var p *model.Place
		if place != "" && place != "(no place)" {
			id, ok := m.placeIDs[place]
			if ok {
				var err error
				if p, err = m.Store.Place(id); err != nil {
					return fmt.Errorf("place %q: %w", place, err)
				}
			} else {
				named, err := m.Store.PlacesNamed(place)
				if err != nil {
					return err
				}
				if len(named) == 0 {
					return fmt.Errorf("no known place is called %q; pick one from the list", place)
				}
				p = &named[0]
			}
		}
		if err := m.Store.SetEventPlace(e.ID, p); err != nil {
			return err
		}
	}
	return nil
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
