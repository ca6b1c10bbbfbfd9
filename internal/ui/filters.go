package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// The toolbar's filters: place, actor, kind, dates and the briefing, read
// into one store.Filter that every view shows.

// filterBar is the toolbar's filter widgets and what they hold beyond
// their text; MainWindow embeds it.
type filterBar struct {
	placeSel *widget.SelectEntry
	// placeChoices are the place filter's drop-down: the busiest places.
	placeChoices []string
	// placeIDs maps a choice's text to its stored place.
	placeIDs map[string]int64
	actorSel *widget.Select
	kindSel  *widget.Select
	briefing *widget.Check
	rangeBtn *widget.Button
	fromDay  time.Time
	toDay    time.Time
}

// buildFilters makes the toolbar's filters, set as the user left them.
func (m *MainWindow) buildFilters() fyne.CanvasObject {
	prefs := m.App.Preferences()
	// The place filter offers the busiest places and finds any other by
	// name when the user types it and presses Enter.
	m.placeSel = widget.NewSelectEntry(nil)
	m.placeSel.SetPlaceHolder("Any place")
	m.placeSel.OnChanged = func(s string) {
		if _, known := m.placeIDs[s]; known || s == "" || s == anyPlace {
			m.applyFilters()
		}
	}
	m.placeSel.OnSubmitted = m.findPlace
	m.actorSel = widget.NewSelect(nil, func(string) { m.applyFilters() })
	m.actorSel.PlaceHolder = "Anyone"
	kinds := []string{"All kinds"}
	for _, k := range model.Kinds {
		kinds = append(kinds, kindTitle(k))
	}
	m.kindSel = widget.NewSelect(kinds, func(string) { m.applyFilters() })
	m.kindSel.PlaceHolder = "All kinds"
	if k := prefs.String(prefKind); k != "" {
		m.kindSel.Selected = k
	}
	m.briefing = widget.NewCheck("In briefing", func(bool) { m.applyFilters() })
	m.briefing.Checked = prefs.Bool(prefBriefing)
	m.rangeBtn = widget.NewButtonWithIcon("Dates", theme.CalendarIcon(), m.askDateRange)
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), m.ClearFilters)
	return container.NewHBox(
		fixedWidth(m.placeSel, 140), fixedWidth(m.actorSel, 140), fixedWidth(m.kindSel, 124),
		m.rangeBtn, m.briefing, clear)
}

// placeChoicesMax bounds the place filter's choices: the places with the
// most events, so that a store of fifty thousand places neither reads nor
// lists them all for a drop-down. Other places are reached on the map.
const placeChoicesMax = 200

// unfiltered reports whether f shows every event, so that the map's places
// are the world's.
func unfiltered(f store.Filter) bool {
	return f.Text == "" && f.PlaceID == 0 && f.Actor == "" && len(f.Kinds) == 0 && !f.InBriefing &&
		!f.IncludeHidden && f.From.IsZero() && f.To.IsZero()
}

// topPlaces returns up to n places with the most events, most first, ties
// by name; pcs is left as it is.
func topPlaces(pcs []store.PlaceCount, n int) []store.PlaceCount {
	out := append([]store.PlaceCount(nil), pcs...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Place.Name < out[j].Place.Name
	})
	if len(out) > n {
		out = out[:n:n]
	}
	return out
}

// applyFilters shows the toolbar's filter in every view once it is read.
func (m *MainWindow) applyFilters() {
	if m.placeSel == nil {
		return
	}
	m.requestFrame(false)
}

// anyPlace is the place filter's choice that clears it.
const anyPlace = "Any place"

// findPlace filters by a typed place name that is not among the choices:
// the stored place of that name with the most events.
func (m *MainWindow) findPlace(name string) {
	name = strings.TrimSpace(name)
	if _, known := m.placeIDs[name]; known || name == "" || name == anyPlace {
		m.applyFilters()
		return
	}
	ps, err := m.Store.PlacesNamed(name)
	if err != nil {
		m.showError(err)
		return
	}
	if len(ps) == 0 {
		m.showError(fmt.Errorf("no place called %q has events; pick one from the list or tap it on the map", name))
		return
	}
	m.placeIDs[ps[0].Name] = ps[0].ID
	if m.placeSel.Text == ps[0].Name {
		m.applyFilters()
		return
	}
	m.placeSel.SetText(ps[0].Name) // OnChanged applies it
}

// showChoices fills the place and actor filters.
func (m *MainWindow) showChoices(d frame) {
	if !d.withChoices {
		return
	}
	// A place found by name stays chosen though it is not a choice.
	old, typed := m.placeIDs, m.placeSel.Text
	m.placeIDs = map[string]int64{}
	if id, ok := old[typed]; ok {
		m.placeIDs[typed] = id
	}
	opts := []string{anyPlace}
	for _, pc := range d.placeTop {
		name := pc.Place.Name
		if id, dup := m.placeIDs[name]; dup && id != pc.Place.ID {
			name = fmt.Sprintf("%s (%s)", pc.Place.Name, pc.Place.Country)
		}
		m.placeIDs[name] = pc.Place.ID
		opts = append(opts, name)
	}
	m.placeChoices = opts
	m.placeSel.SetOptions(opts)
	names := []string{"Anyone"}
	for _, a := range d.actors {
		names = append(names, a.Name)
	}
	sort.Strings(names[1:])
	m.actorSel.Options = names
}

// currentFilter reads the toolbar into a store filter.
func (m *MainWindow) currentFilter() store.Filter {
	var f store.Filter
	f.Text = searchText(m.Search.Text)
	if id, ok := m.placeIDs[m.placeSel.Text]; ok {
		f.PlaceID = id
	}
	if a := m.actorSel.Selected; a != "" && a != "Anyone" {
		f.Actor = a
	}
	for _, k := range model.Kinds {
		if kindTitle(k) == m.kindSel.Selected {
			f.Kinds = []model.Kind{k}
		}
	}
	f.InBriefing = m.briefing.Checked
	f.From, f.To = m.fromDay, m.toDay
	f.IncludeHidden = m.showHidden
	return f
}

// Filter returns the filter the views show.
func (m *MainWindow) Filter() store.Filter { return m.filter }

func dayOrDots(t time.Time) string {
	if t.IsZero() {
		return "…"
	}
	return t.Format("2 Jan 2006")
}

// ClearFilters empties the search box and resets every filter.
func (m *MainWindow) ClearFilters() {
	// One read for all the changes, not one per widget.
	m.holdReads = true
	m.Search.SetText("")
	m.placeSel.SetText("")
	m.actorSel.ClearSelected()
	m.kindSel.ClearSelected()
	m.briefing.SetChecked(false)
	m.fromDay, m.toDay = time.Time{}, time.Time{}
	m.holdReads = false
	m.applyFilters()
}

// parseLooseDate reads YYYY-MM-DD, YYYY-MM or YYYY.
func parseLooseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date: use YYYY-MM-DD, YYYY-MM or YYYY", s)
}

func (m *MainWindow) askDateRange() {
	from, to := widget.NewEntry(), widget.NewEntry()
	from.SetPlaceHolder("YYYY-MM-DD (empty: from the start)")
	to.SetPlaceHolder("YYYY-MM-DD (empty: to the end)")
	if !m.fromDay.IsZero() {
		from.SetText(m.fromDay.Format(time.DateOnly))
	}
	if !m.toDay.IsZero() {
		to.SetText(m.toDay.Format(time.DateOnly))
	}
	dialog.ShowForm("Show events between", "Apply", "Cancel", []*widget.FormItem{
		widget.NewFormItem("From", from), widget.NewFormItem("To", to),
	}, func(ok bool) {
		if !ok {
			return
		}
		var f, t time.Time
		var err error
		if strings.TrimSpace(from.Text) != "" {
			if f, err = parseLooseDate(from.Text); err != nil {
				m.showError(err)
				return
			}
		}
		if strings.TrimSpace(to.Text) != "" {
			if t, err = parseLooseDate(to.Text); err != nil {
				m.showError(err)
				return
			}
		}
		m.SetDateRange(f, t)
	}, m.Win)
}

// SetDateRange narrows every view to events between from and to (zero: open).
func (m *MainWindow) SetDateRange(from, to time.Time) {
	m.fromDay, m.toDay = from, to
	m.applyFilters()
}
