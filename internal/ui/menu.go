package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// The main menu, its shortcuts and the dialogs only the menu opens.

// AskGoTo asks for a date and centres the timeline on it.
func (m *MainWindow) AskGoTo() {
	e := widget.NewEntry()
	e.SetPlaceHolder("2016-03-24, 2016-03 or 2016")
	dialog.ShowForm("Go to date", "Go", "Cancel", []*widget.FormItem{widget.NewFormItem("Date", e)}, func(ok bool) {
		if !ok {
			return
		}
		d, err := parseLooseDate(e.Text)
		if err != nil {
			m.showError(err)
			return
		}
		m.Timeline.GoTo(d)
	}, m.Win)
	m.Win.Canvas().Focus(e)
}

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func (m *MainWindow) menu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, f)
		it.Shortcut = sc
		return it
	}
	importF := item("Import files…", ctrl(fyne.KeyI), m.ImportFiles)
	importD := fyne.NewMenuItem("Import folder…", m.ImportFolder)
	export := item("Export briefing…", ctrl(fyne.KeyE), m.ExportBriefing)
	importF.Disabled = m.opts.Import == nil
	importD.Disabled = m.opts.Import == nil
	file := fyne.NewMenu("File", importF, importD, fyne.NewMenuItemSeparator(), export)

	onSel := func(a Action) func() {
		return func() {
			if e, ok := m.Excerpt.Event(); ok {
				m.act(a, e)
			}
		}
	}
	edit := fyne.NewMenu("Edit",
		item("Find", ctrl(fyne.KeyF), m.FocusSearch),
		item("Clear selection", &desktop.CustomShortcut{KeyName: fyne.KeyEscape}, m.ClearSelection),
		fyne.NewMenuItem("Clear filters", m.ClearFilters),
		fyne.NewMenuItemSeparator(),
		item("Edit event…", ctrl(fyne.KeyD), onSel(ActionEdit)),
		item("Add to / remove from briefing", ctrl(fyne.KeyB), onSel(ActionStar)),
		item("Note…", ctrl(fyne.KeyN), onSel(ActionNote)),
		fyne.NewMenuItem("Merge with…", onSel(ActionMerge)),
		fyne.NewMenuItem("Hide event", onSel(ActionHide)),
		fyne.NewMenuItem("Show event again", func() {
			if e, ok := m.Excerpt.Event(); ok && e.Hidden {
				m.act(ActionShow, e)
			}
		}),
		fyne.NewMenuItem("Undo my edits of this event", onSel(ActionRevert)),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Merge actors…", m.ShowMergeActors),
		fyne.NewMenuItem("Split alias…", m.ShowSplitAlias),
		fyne.NewMenuItemSeparator(),
		item("Open article", ctrl(fyne.KeyO), onSel(ActionOpenFull)),
	)
	themeItem := func(label string, mode ThemeMode) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { m.SetTheme(mode) })
		it.Checked = m.theme.Mode == mode
		return it
	}
	hidden := fyne.NewMenuItem("Show hidden events", func() { m.SetShowHidden(!m.showHidden) })
	hidden.Checked = m.showHidden
	themes := fyne.NewMenuItem("Theme", nil)
	themes.ChildMenu = fyne.NewMenu("", themeItem("Follow the system", ThemeSystem), themeItem("Light", ThemeLight), themeItem("Dark", ThemeDark))
	view := fyne.NewMenu("View",
		item("Zoom in", ctrl(fyne.KeyEqual), func() { m.Timeline.TypedRune('+') }),
		item("Zoom out", ctrl(fyne.KeyMinus), func() { m.Timeline.TypedRune('-') }),
		item("Show the whole range", ctrl(fyne.Key0), m.Timeline.FitAll),
		item("Go to date…", ctrl(fyne.KeyG), m.AskGoTo),
		fyne.NewMenuItem("Compact timeline (close empty stretches)", func() { m.compactC.SetChecked(!m.compactC.Checked) }),
		hidden,
		fyne.NewMenuItemSeparator(),
		themes,
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", m.showKeys),
		fyne.NewMenuItem("About Briefing Atlas", m.showAbout),
	)
	return fyne.NewMainMenu(file, edit, view, help)
}

// shortcuts binds the menu's Ctrl shortcuts on the canvas, since only
// macOS's native menu binds them itself, and steers the arrow keys to the
// timeline.
func (m *MainWindow) shortcuts() {
	c := m.Win.Canvas()
	for _, mu := range m.Win.MainMenu().Items {
		for _, it := range mu.Items {
			sc, ok := it.Shortcut.(*desktop.CustomShortcut)
			if !ok || sc.Modifier == 0 || it.Action == nil {
				continue // Esc comes through OnTypedKey below
			}
			act := it.Action
			c.AddShortcut(sc, func(fyne.Shortcut) { act() })
		}
	}
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape:
			m.ClearSelection()
		case fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown:
			m.Timeline.TypedKey(ev)
			c.Focus(m.Timeline)
		}
	})
}

// SetShowHidden shows or leaves out the events the user hid, and
// remembers the choice. Shown, they are dimmed and struck through on the
// timeline, and Show event again brings one back for good.
func (m *MainWindow) SetShowHidden(on bool) {
	m.showHidden = on
	m.App.Preferences().SetBool(prefHidden, on)
	m.Win.SetMainMenu(m.menu())
	m.applyFilters()
}

// FocusSearch puts the cursor in the search box (Ctrl+F).
func (m *MainWindow) FocusSearch() { m.Win.Canvas().Focus(m.Search) }

// SetTheme switches between following the system, light and dark, and remembers it.
func (m *MainWindow) SetTheme(mode ThemeMode) {
	m.theme = &Theme{Mode: mode}
	m.App.Preferences().SetString(prefTheme, string(mode))
	m.App.Settings().SetTheme(m.theme)
	m.Win.SetMainMenu(m.menu())
	if c, ok := m.legend.(*fyne.Container); ok {
		c.Objects = []fyne.CanvasObject{kindLegend()}
		c.Refresh()
	}
	if e, ok := m.Excerpt.Event(); ok {
		m.showEvent(e)
	}
	m.Timeline.Refresh()
}

func (m *MainWindow) showKeys() {
	keys := [][2]string{
		{"Ctrl+F", "search"}, {"Ctrl+I", "import files"}, {"Ctrl+E", "export the briefing"},
		{"↑ / ↓", "previous / next event"}, {"Home / End", "first / last event"},
		{"PgUp / PgDn", "scroll the timeline a page"}, {"Ctrl+wheel, + / −", "zoom at the pointer"},
		{"wheel, drag", "scroll the timeline"}, {"Ctrl+0", "show the whole range"}, {"Ctrl+G", "go to a date"},
		{"Ctrl+B", "add to / remove from the briefing"}, {"Ctrl+D", "edit the event"}, {"Ctrl+N", "note"},
		{"Ctrl+O", "open the article"}, {"Esc", "clear the selection"},
	}
	form := widget.NewForm()
	for _, k := range keys {
		form.Append(k[0], widget.NewLabel(k[1]))
	}
	dialog.ShowCustom("Keyboard shortcuts", "Close", form, m.Win)
}

func (m *MainWindow) showAbout() {
	head := widget.NewLabelWithStyle("Briefing Atlas "+m.opts.Version, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewLabel("Turns news articles into a timeline and a map of events, each linked to the sentence it came from. Works offline; your data stays in " + m.Store.Path() + ".")
	body.Wrapping = fyne.TextWrapWord
	attr := widget.NewLabel(m.opts.About)
	attr.Wrapping = fyne.TextWrapWord
	var icon fyne.CanvasObject = layout.NewSpacer()
	if r := m.App.Icon(); r != nil {
		img := canvas.NewImageFromResource(r)
		img.SetMinSize(fyne.NewSize(64, 64))
		img.FillMode = canvas.ImageFillContain
		icon = img
	}
	c := container.NewVBox(container.NewBorder(nil, nil, icon, nil, container.NewVBox(head, body)), widget.NewSeparator(),
		widget.NewLabelWithStyle("Data", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), attr)
	d := dialog.NewCustom("About", "Close", c, m.Win)
	d.Resize(fyne.NewSize(620, 400))
	d.Show()
}
