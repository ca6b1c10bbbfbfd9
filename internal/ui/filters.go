package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/paulmach/orb"

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
	// placeBy maps a drop-down line, and the name it leaves in the
	// filter, to what it narrows to.
	placeBy map[string]placeChoice
	// actorSel lists each actor once, its aliases on a second line
	// (actors.go).
	actorSel *actorPicker
	kindSel  *widget.Select
	briefing *widget.Check
	rangeBtn *widget.Button
	fromDay  time.Time
	toDay    time.Time
	// area is the rectangle dragged on the map (lon/lat), zero for none;
	// areaBtn shows it and clears it.
	area    orb.Bound
	areaBtn *widget.Button
}

// placeChoice is what a place filter choice narrows to: a stored place (and,
// for a country or division, the places inside it), or a country or
// division no event names itself.
type placeChoice struct {
	name   string // the filter's text once chosen
	id     int64
	region store.Region
}

// buildFilters makes the toolbar's filters, set as the user left them.
func (m *MainWindow) buildFilters() fyne.CanvasObject {
	prefs := m.App.Preferences()
	// The place filter offers the busiest places and finds any other by
	// name when the user types it and presses Enter.
	m.placeSel = widget.NewSelectEntry(nil)
	m.placeSel.SetPlaceHolder("Any place")
	m.placeSel.OnChanged = func(s string) {
		c, known := m.placeBy[s]
		if known && c.name != s {
			// A drop-down line, indented and counted: the filter shows
			// the bare name, which applies it.
			m.placeSel.SetText(c.name)
			return
		}
		if known || s == "" || s == anyPlace {
			m.applyFilters()
		}
	}
	m.placeSel.OnSubmitted = m.findPlace
	m.actorSel = newActorPicker()
	m.actorSel.OnChanged = func(string) { m.applyFilters() }
	m.actorSel.OnMerge = m.ShowMergeActors
	m.actorSel.OnSplit = m.ShowSplitAlias
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
	m.areaBtn = widget.NewButtonWithIcon("Map area", theme.CancelIcon(), func() { m.SetArea(orb.Bound{}) })
	m.areaBtn.IconPlacement = widget.ButtonIconTrailingText
	m.areaBtn.Hide()
	m.Map.SetOnAreaSelected(m.SetArea)
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), m.ClearFilters)
	return container.NewHBox(
		fixedWidth(m.placeSel, 160), m.areaBtn, fixedWidth(m.actorSel, 140), fixedWidth(m.kindSel, 124),
		m.rangeBtn, m.briefing, clear)
}

// placeChoicesMax bounds the place filter's choices: the places with the
// most events, so that a store of fifty thousand places neither reads nor
// lists them all for a drop-down. Other places are reached on the map.
const placeChoicesMax = 200

// unfiltered reports whether f shows every event, so that the map's places
// are the world's.
func unfiltered(f store.Filter) bool {
	return f.Text == "" && f.PlaceID == 0 && f.Region == (store.Region{}) && f.Rect == (orb.Bound{}) && f.Actor == "" && len(f.Kinds) == 0 && !f.InBriefing &&
		!f.IncludeHidden && f.From.IsZero() && f.To.IsZero()
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

// FilterPlace filters every view on a place, country or division by name,
// as typing it in the place filter and pressing Enter does (`--place`).
func (m *MainWindow) FilterPlace(name string) {
	m.placeSel.SetText(name)
	m.findPlace(name)
}

// findPlace filters by a typed place name that is not among the choices:
// the stored place of that name with the most events, else the country or
// division of that name (Jordan, when the events say Amman).
func (m *MainWindow) findPlace(name string) {
	name = strings.TrimSpace(name)
	if _, known := m.placeBy[name]; known || name == "" || name == anyPlace {
		m.applyFilters()
		return
	}
	ps, err := m.Store.PlacesNamed(name)
	if err != nil {
		m.showError(err)
		return
	}
	var c placeChoice
	if len(ps) > 0 {
		c = placeChoice{name: ps[0].Name, id: ps[0].ID}
	} else {
		r, spelled, err := m.Store.RegionNamed(name)
		if errors.Is(err, store.ErrNotFound) {
			m.showError(fmt.Errorf("no place called %q has events; pick one from the list or tap it on the map", name))
			return
		}
		if err != nil {
			m.showError(err)
			return
		}
		c = placeChoice{name: spelled, region: r}
	}
	m.placeBy[c.name] = c
	if m.placeSel.Text == c.name {
		m.applyFilters()
		return
	}
	m.placeSel.SetText(c.name) // OnChanged applies it
}

// showChoices fills the place and actor filters.
func (m *MainWindow) showChoices(d frame) {
	if !d.withChoices {
		return
	}
	opts, by := placeOptions(d.regions, placeChoicesMax)
	// A place found by name stays chosen though it is not a choice.
	if c, ok := m.placeBy[m.placeSel.Text]; ok {
		if _, still := by[c.name]; !still {
			by[c.name] = c
		}
	}
	m.placeBy = by
	m.placeChoices = opts
	m.placeSel.SetOptions(opts)
	m.actorSel.SetActors(d.actors)
}

// indent sets children off in the place filter's drop-down; an em space
// keeps its width in any font.
const indent = "\u2003\u2003"

// placeOptions lays out the place filter's drop-down: each country with the
// events inside it, busiest first, and under it, indented, its divisions
// (when they group several places) and places, each with its count; at
// most max lines. It returns the lines, "Any place" first, and what each
// line and each name narrows to.
func placeOptions(regions []store.RegionCount, max int) ([]string, map[string]placeChoice) {
	opts := []string{anyPlace}
	by := map[string]placeChoice{}
	// add files a choice under its line, and under its name unless
	// another choice took that name (two Ammans: a city and its division).
	add := func(depth int, c placeChoice, count int, qualifier string) {
		if old, dup := by[c.name]; dup && old != c {
			c.name += qualifier
		}
		line := strings.Repeat(indent, depth) + counts.Sprintf("%s  ·  %d", c.name, count)
		by[c.name] = c
		by[line] = c
		opts = append(opts, line)
	}
	full := func() bool { return len(opts) > max }
	for _, r := range regions {
		if full() {
			break
		}
		if r.Country == "" { // a place in no country: Crimea, a sea
			add(0, placeChoice{name: r.Name, id: r.PlaceID}, r.Count, "")
			continue
		}
		add(0, placeChoice{name: r.Name, id: r.PlaceID, region: r.Region}, r.Count, " ("+r.Country+")")
		// Divisions that hold one place say nothing their place does not.
		type child struct {
			div   *store.RegionCount
			place *store.PlaceCount
			count int
		}
		var kids []child
		for i := range r.Divisions {
			d := &r.Divisions[i]
			if d.PlaceID != 0 || len(d.Places) > 1 {
				kids = append(kids, child{div: d, count: d.Count})
				continue
			}
			for j := range d.Places {
				kids = append(kids, child{place: &d.Places[j], count: d.Places[j].Count})
			}
		}
		for i := range r.Places {
			kids = append(kids, child{place: &r.Places[i], count: r.Places[i].Count})
		}
		sort.SliceStable(kids, func(i, j int) bool { return kids[i].count > kids[j].count })
		for _, k := range kids {
			if full() {
				break
			}
			if k.place != nil {
				add(1, placeChoice{name: k.place.Place.Name, id: k.place.Place.ID}, k.count, " ("+r.Country+")")
				continue
			}
			add(1, placeChoice{name: k.div.Name, id: k.div.PlaceID, region: k.div.Region}, k.count, ", "+r.Name)
			for _, pc := range k.div.Places {
				if full() {
					break
				}
				add(2, placeChoice{name: pc.Place.Name, id: pc.Place.ID}, pc.Count, " ("+r.Country+")")
			}
		}
	}
	if len(opts) > max+1 {
		opts = opts[:max+1]
	}
	return opts, by
}

// currentFilter reads the toolbar into a store filter.
func (m *MainWindow) currentFilter() store.Filter {
	var f store.Filter
	f.Text = searchText(m.Search.Text)
	if c, ok := m.placeBy[m.placeSel.Text]; ok {
		if c.id != 0 {
			f.PlaceID = c.id // a country's own place takes the places inside it
		} else {
			f.Region = c.region
		}
	}
	f.Rect = m.area
	f.Actor = m.actorSel.Selected()
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

// SetArea narrows every view to the events at places inside b (lon/lat),
// as a rectangle dragged on the map does; the zero bound clears it.
func (m *MainWindow) SetArea(b orb.Bound) {
	m.area = b
	if b == (orb.Bound{}) {
		m.areaBtn.Hide()
	} else {
		m.areaBtn.Show()
	}
	m.applyFilters()
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
	m.area = orb.Bound{}
	m.areaBtn.Hide()
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
