package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/timeline"
	"github.com/briefingatlas/atlas/internal/ui/exportdialog"
)

// counts prints the status bar's figures with thousands separators: a
// million events must read as 1,000,000 at a glance.
var counts = message.NewPrinter(language.English)

// statusText is the status bar's summary of what the views show.
func statusText(shown, events, articles, places int) string {
	return counts.Sprintf("%d of %d events shown  ·  %d articles  ·  %d places", shown, events, articles, places)
}

// ImportSummary is what an import reports back to the window.
type ImportSummary struct {
	Imported, Skipped int
	// Updated counts the imported articles that replaced an earlier text
	// of the same article (a correction, a re-clipped page).
	Updated int
	Events  int
	Failed  map[string]string // file → why
}

// Importer imports files into the store, reporting progress (files done of
// total, current file). The window runs it off the UI goroutine.
type Importer func(ctx context.Context, paths []string, progress func(done, total int, file string)) (ImportSummary, error)

// Options configure the main window.
type Options struct {
	// Import runs an import; nil disables the Import menu items.
	Import Importer
	// Export shows the export dialog; nil means internal/ui/exportdialog.
	Export func(w fyne.Window, st *store.Store)
	// SetArticleDate dates an undated article and re-resolves its events;
	// nil falls back to the store's SetArticleDate alone.
	SetArticleDate func(st *store.Store, articleID int64, date time.Time) error
	// Map is the map panel; nil means the map widget.
	Map MapPanel
	// About is extra text for the About box (data attributions).
	About string
	// Version is shown in the About box.
	Version string
	// Theme, when set, overrides the remembered theme for this run.
	Theme ThemeMode

	// syncReads reads frames on the calling goroutine. Only tests set it:
	// Fyne's test driver runs fyne.Do at once on the calling goroutine, so
	// a frame read on a goroutine would touch widgets while the test does.
	syncReads bool
	// importDone is called on the UI goroutine after every import, dropped
	// files' too. Only tests set it, to wait for an import they did not start.
	importDone func(ImportSummary, error)
}

// Preference keys.
const (
	prefWidth    = "window.width"
	prefHeight   = "window.height"
	prefHSplit   = "split.main"
	prefVSplit   = "split.right"
	prefTheme    = "theme"
	prefCompact  = "timeline.compact"
	prefKind     = "filter.kind"
	prefBriefing = "filter.briefing"
	prefHidden   = "view.hidden"
)

// MainWindow is the app's window: timeline left, map above the excerpt pane
// right, a toolbar of search and filters, and a status bar.
type MainWindow struct {
	App   fyne.App
	Win   fyne.Window
	Store *store.Store
	opts  Options

	Timeline *Timeline
	Excerpt  *ExcerptPane
	Map      MapPanel

	Search   *widget.Entry
	searchP  *searchPanel
	placeSel *widget.SelectEntry
	// placeChoices are the place filter's drop-down: the busiest places.
	placeChoices []string
	actorSel     *widget.Select
	kindSel      *widget.Select
	briefing     *widget.Check
	rangeBtn     *widget.Button
	fromDay      time.Time
	toDay        time.Time
	placeIDs     map[string]int64
	undated      []model.Event
	undatedL     *widget.List
	undatedAc    *widget.AccordionItem
	accordion    *widget.Accordion

	status   *widget.Label
	statusR  *widget.Label
	work     *widget.Label
	progress *widget.ProgressBar
	rangeL   *widget.Label
	// statusBar is laid out again whenever its texts change length.
	statusBar *fyne.Container
	compactC  *widget.Check

	timelineArea *fyne.Container
	legend       fyne.CanvasObject
	emptyState   fyne.CanvasObject
	hsplit       *container.Split
	vsplit       *container.Split

	filter      store.Filter
	places      map[int64]*model.Place
	placeSelect int64
	// showHidden puts the events the user hid on the timeline, dimmed,
	// so that they can be shown again (View → Show hidden events).
	showHidden bool
	theme      *Theme
	busy       bool

	// gen counts frame requests, so that only the newest is shown.
	gen int
	// reading is set while a frame read runs; wantChoices asks the next
	// read for the filter choices too.
	reading     bool
	wantChoices bool
	// holdReads defers frame reads while several filters change at once.
	holdReads bool
	// loaded is closed once the first frame is shown; idle, while a read
	// runs, is closed when the newest frame is shown (WaitLoaded).
	loaded chan struct{}
	idleMu sync.Mutex
	idle   chan struct{}
	// loading spins in the timeline's place until the first frame is in.
	loading *widget.Activity
}

// NewMainWindow builds the window over an open store and starts reading
// its first frame (timeline counts, map places, filter choices) on a
// goroutine; until it is in, the window shows a loading state. Call
// WaitLoaded before relying on the data from another goroutine.
func NewMainWindow(app fyne.App, st *store.Store, opts Options) *MainWindow {
	m := &MainWindow{App: app, Store: st, opts: opts, places: map[int64]*model.Place{}, loaded: make(chan struct{})}
	prefs := app.Preferences()
	m.theme = &Theme{Mode: ThemeMode(prefs.StringWithFallback(prefTheme, string(ThemeSystem)))}
	m.showHidden = prefs.Bool(prefHidden)
	if opts.Theme != "" {
		m.theme.Mode = opts.Theme
	}
	app.Settings().SetTheme(m.theme)
	m.Win = app.NewWindow("Briefing Atlas")
	m.Map = opts.Map
	if m.Map == nil {
		m.Map = NewMapPanel()
	}
	m.build()
	m.Win.SetMainMenu(m.menu())
	m.shortcuts()
	w := prefs.FloatWithFallback(prefWidth, 1280)
	h := prefs.FloatWithFallback(prefHeight, 800)
	m.Win.Resize(fyne.NewSize(float32(w), float32(h)))
	m.Win.SetOnDropped(m.dropped)
	m.Win.SetCloseIntercept(func() {
		m.savePrefs()
		m.Win.Close()
	})
	m.Reload()
	return m
}

func (m *MainWindow) savePrefs() {
	p := m.App.Preferences()
	s := m.Win.Canvas().Size()
	p.SetFloat(prefWidth, float64(s.Width))
	p.SetFloat(prefHeight, float64(s.Height))
	p.SetFloat(prefHSplit, m.hsplit.Offset)
	p.SetFloat(prefVSplit, m.vsplit.Offset)
	p.SetBool(prefCompact, m.Timeline.Compact())
}

func (m *MainWindow) build() {
	prefs := m.App.Preferences()
	m.Timeline = NewTimeline()
	m.Timeline.compact = prefs.BoolWithFallback(prefCompact, true)
	m.Timeline.OnSelected = func(e model.Event) { m.showEvent(e) }
	m.Timeline.OnHover = func(e *model.Event) {
		if e != nil && e.Place != nil {
			m.Map.SetHoveredPlace(e.Place.ID)
		} else {
			m.Map.SetHoveredPlace(0)
		}
	}
	m.Timeline.OnEscape = m.ClearSelection
	m.Timeline.OnError = m.showError
	m.Timeline.OnViewChanged = func(from, to time.Time) { m.updateRangeLabel() }

	m.Excerpt = NewExcerptPane()
	m.Excerpt.OnOpenArticle = m.openArticle
	m.Excerpt.OnAction = m.act
	m.Excerpt.OnPickEvent = func(e model.Event) {
		m.Timeline.Select(e)
		m.showEvent(e)
	}

	m.Map.SetOnPlaceTapped(m.SelectPlace)
	m.Map.SetOnPlaceHovered(func(p *model.Place) {
		if p == nil {
			m.Timeline.SetHighlightPlace(m.placeSelect)
			return
		}
		m.Timeline.SetHighlightPlace(p.ID)
	})

	// Toolbar: search and filters narrow all three views at once.
	m.Search = widget.NewEntry()
	m.Search.SetPlaceHolder("Search…  (Ctrl+F)")
	m.Search.ActionItem = widget.NewIcon(theme.SearchIcon())
	m.Search.OnSubmitted = func(string) { m.applyFilters() }
	m.searchP = newSearchPanel(m)
	m.Search.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" || len(s) >= 3 {
			m.applyFilters()
		}
	}
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
	importB := widget.NewButtonWithIcon("Import", theme.FolderOpenIcon(), m.ImportFiles)
	exportB := widget.NewButtonWithIcon("Export", theme.DocumentSaveIcon(), m.ExportBriefing)
	exportB.Importance = widget.HighImportance
	if m.opts.Import == nil {
		importB.Disable()
	}
	filters := container.NewHBox(
		fixedWidth(m.placeSel, 140), fixedWidth(m.actorSel, 140), fixedWidth(m.kindSel, 124),
		m.rangeBtn, m.briefing, clear)
	toolbar := container.NewBorder(nil, nil, nil,
		container.NewHBox(filters, widget.NewSeparator(), importB, exportB),
		m.Search)

	// Timeline header and undated tray.
	title := widget.NewLabelWithStyle("Timeline", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	m.rangeL = widget.NewLabel("")
	m.rangeL.Truncation = fyne.TextTruncateEllipsis
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { m.Timeline.TypedRune('+') })
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { m.Timeline.TypedRune('-') })
	fit := widget.NewButtonWithIcon("", theme.ViewFullScreenIcon(), m.Timeline.FitAll)
	goTo := widget.NewButtonWithIcon("", theme.CalendarIcon(), m.AskGoTo)
	for _, b := range []*widget.Button{zoomIn, zoomOut, fit, goTo} {
		b.Importance = widget.LowImportance
	}
	m.compactC = widget.NewCheck("Compact", func(on bool) {
		m.Timeline.SetCompact(on)
	})
	m.compactC.Checked = m.Timeline.compact
	header := container.NewBorder(nil, nil, title, container.NewHBox(m.compactC, zoomOut, zoomIn, fit, goTo), m.rangeL)

	m.undatedL = widget.NewList(func() int { return len(m.undated) },
		func() fyne.CanvasObject { return widget.NewLabel("undated event title") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			title := m.undated[i].Title
			if m.undated[i].Hidden {
				title += " (hidden)"
			}
			l.SetText(title)
		})
	m.undatedL.OnSelected = func(i widget.ListItemID) {
		if i < len(m.undated) {
			m.Timeline.ClearSelection()
			m.showEvent(m.undated[i])
		}
	}
	m.undatedAc = widget.NewAccordionItem("Undated events", container.NewGridWrap(fyne.NewSize(10, 120), layout.NewSpacer()))
	m.undatedAc.Detail = container.New(&fixedSize{h: 130}, m.undatedL)
	m.accordion = widget.NewAccordion(m.undatedAc)

	m.emptyState = m.buildEmptyState()
	m.loading = widget.NewActivity()
	m.loading.Start()
	opening := widget.NewLabel("Opening " + filepath.Base(m.Store.Path()) + "…")
	m.timelineArea = container.NewStack(container.NewCenter(container.NewVBox(m.loading, opening)))
	m.legend = container.NewPadded(kindLegend())
	// Legend and tray show with the first frame, when it is known whether
	// there are events.
	m.legend.Hide()
	m.accordion.Hide()
	left := container.NewBorder(container.NewVBox(header, widget.NewSeparator(), m.searchP.box), container.NewVBox(m.legend, m.accordion), nil, nil, m.timelineArea)

	right := m.Excerpt.Object()
	m.vsplit = container.NewVSplit(m.Map.Object(), right)
	m.vsplit.Offset = prefs.FloatWithFallback(prefVSplit, 0.42)
	m.hsplit = container.NewHSplit(left, m.vsplit)
	m.hsplit.Offset = prefs.FloatWithFallback(prefHSplit, 0.53)

	// Status bar.
	m.status = widget.NewLabel("")
	m.statusR = widget.NewLabel("")
	m.work = widget.NewLabel("")
	m.progress = widget.NewProgressBar()
	m.progress.Hide()
	m.statusBar = container.NewBorder(nil, nil, nil,
		container.NewHBox(m.work, fixedWidth(m.progress, 160)),
		container.NewHBox(m.status, widget.NewSeparator(), m.statusR))

	content := container.NewBorder(
		container.NewVBox(container.NewPadded(toolbar), widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), m.statusBar),
		nil, nil, m.hsplit)
	m.Win.SetContent(content)
}

func (m *MainWindow) buildEmptyState() fyne.CanvasObject {
	head := widget.NewLabelWithStyle("No articles yet", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	body := widget.NewLabel("Import news articles (plain text, Markdown or HTML) to see their events\n" +
		"on a timeline and a map, each linked to the sentence it came from.\n\n" +
		"Use File → Import files… (Ctrl+I) or Import folder…, or drop files on this window.\n" +
		"A sources.csv next to the files gives titles, publishers and publication dates.")
	body.Alignment = fyne.TextAlignCenter
	body.Wrapping = fyne.TextWrapWord
	btn := widget.NewButtonWithIcon("Import files…", theme.FolderOpenIcon(), m.ImportFiles)
	btn.Importance = widget.HighImportance
	folder := widget.NewButtonWithIcon("Import folder…", theme.FolderIcon(), m.ImportFolder)
	if m.opts.Import == nil {
		btn.Disable()
		folder.Disable()
	}
	return container.NewVBox(layout.NewSpacer(), container.NewCenter(widget.NewIcon(theme.DocumentIcon())), head, body,
		container.NewCenter(container.NewHBox(btn, folder)), layout.NewSpacer())
}

// fixedWidth gives an object a minimum width in a box layout.
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(&fixedSize{w: w}, o)
}

// fixedSize lays its objects over its whole area and asks for w by h; a
// zero side is the objects' own minimum.
type fixedSize struct{ w, h float32 }

func (l *fixedSize) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Resize(s)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l *fixedSize) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		ms := o.MinSize()
		w, h = max(w, ms.Width), max(h, ms.Height)
	}
	if l.w > 0 {
		w = l.w
	}
	if l.h > 0 {
		h = l.h
	}
	return fyne.NewSize(w, h)
}

// placeChoicesMax bounds the place filter's choices: the places with the
// most events, so that a store of fifty thousand places neither reads nor
// lists them all for a drop-down. Other places are reached on the map.
const placeChoicesMax = 200

// frame is what the views show for one filter, read from the store off the
// UI goroutine so that a big store never stalls the window.
type frame struct {
	filter   store.Filter
	stats    store.Stats
	first    time.Time
	last     time.Time
	hasRange bool
	places   []store.PlaceCount // markers under the filter
	undated  []model.Event
	shown    int // dated events under the filter, plus the undated ones
	hidden   int // of shown, those the user hid (with View → Show hidden events)
	// choices are read only when the filter choices are (re)loaded.
	withChoices bool
	placeTop    []store.PlaceCount // world places, most events first, capped
	actors      []model.Actor
	search      searchResult
	err         error
}

// readFrame runs every store read a filter needs. It touches no widget, so
// it may run on any goroutine. With choices it also reads the place and
// actor choices, sharing the world's places with the map when the filter
// does not narrow them.
func (m *MainWindow) readFrame(f store.Filter, choices bool) frame {
	d := frame{filter: f, withChoices: choices}
	var errs []error
	var err error
	if d.stats, err = m.Store.Stats(); err != nil {
		errs = append(errs, err)
	}
	if d.first, d.last, d.hasRange, err = m.Store.DateRange(); err != nil {
		errs = append(errs, err)
	}
	if d.places, err = m.Store.PlacesIn(orb.Bound{}, f); err != nil {
		errs = append(errs, err)
	}
	if d.undated, err = m.Store.Undated(f); err != nil {
		errs = append(errs, err)
	}
	// A source of its own: the window's place cache is the UI goroutine's.
	// The store's date range leaves hidden events out; when they are shown,
	// counts by day give their first and last days too.
	unit := timeline.Year
	if f.IncludeHidden {
		unit = timeline.Day
	}
	if cs, err := timeline.NewStoreSource(m.Store, f, nil).Counts(time.Time{}, time.Time{}, unit); err == nil {
		for _, c := range cs {
			d.shown += c.N
		}
		if n := len(cs); f.IncludeHidden && n > 0 {
			if !d.hasRange || cs[0].Start.Before(d.first) {
				d.first = cs[0].Start
			}
			if !d.hasRange || cs[n-1].Start.After(d.last) {
				d.last = cs[n-1].Start
			}
			d.hasRange = true
		}
	} else {
		errs = append(errs, err)
	}
	d.shown += len(d.undated)
	if f.IncludeHidden {
		// The status bar counts the hidden apart, so that "x of y" still
		// compares like with like.
		vis := f
		vis.IncludeHidden = false
		if cs, err := timeline.NewStoreSource(m.Store, vis, nil).Counts(time.Time{}, time.Time{}, timeline.Year); err == nil {
			d.hidden = d.shown
			for _, c := range cs {
				d.hidden -= c.N
			}
			for _, e := range d.undated {
				if !e.Hidden {
					d.hidden--
				}
			}
		} else {
			errs = append(errs, err)
		}
	}
	if choices {
		world := d.places
		if !unfiltered(f) {
			if world, err = m.Store.PlacesIn(orb.Bound{}, store.Filter{}); err != nil {
				errs = append(errs, err)
			}
		}
		d.placeTop = topPlaces(world, placeChoicesMax)
		if d.actors, err = m.Store.Actors(); err != nil {
			errs = append(errs, err)
		}
	}
	d.search = m.readSearch(f)
	d.err = errors.Join(errs...)
	return d
}

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

// Reload re-reads everything from the store, filter choices included:
// after an import or an edit. The views change when the read is in (see
// WaitLoaded).
func (m *MainWindow) Reload() {
	m.places = map[int64]*model.Place{}
	m.requestFrame(true)
}

// applyFilters shows the toolbar's filter in every view once it is read.
func (m *MainWindow) applyFilters() {
	if m.placeSel == nil {
		return
	}
	m.requestFrame(false)
}

// requestFrame reads the toolbar's filter now and the store on a
// goroutine; the frame is shown with fyne.Do, so that neither a big store
// at start nor a filter that groups a million events stalls the window.
// One read runs at a time: requests made meanwhile are merged into one that
// runs next, and only the newest frame is shown. UI goroutine only.
func (m *MainWindow) requestFrame(choices bool) {
	m.gen++
	m.filter = m.currentFilter()
	m.wantChoices = m.wantChoices || choices
	if m.reading || m.holdReads {
		return
	}
	if m.opts.syncReads {
		m.wantChoices = false
		m.showFrame(m.readFrame(m.filter, choices))
		if !m.Loaded() {
			close(m.loaded)
		}
		return
	}
	m.startRead()
}

func (m *MainWindow) startRead() {
	gen, f, choices := m.gen, m.filter, m.wantChoices
	m.wantChoices = false
	m.reading = true
	if !m.busy { // an import shows its own progress there
		m.work.SetText("Reading the store…")
	}
	m.idleMu.Lock()
	if m.idle == nil {
		m.idle = make(chan struct{})
	}
	m.idleMu.Unlock()
	go func() {
		d := m.readFrame(f, choices)
		fyne.Do(func() {
			m.reading = false
			if gen == m.gen {
				m.showFrame(d)
			} else {
				m.showChoices(d)
				m.startRead()
				return
			}
			if !m.busy {
				m.work.SetText("")
			}
			m.idleMu.Lock()
			close(m.idle)
			m.idle = nil
			m.idleMu.Unlock()
			if !m.Loaded() {
				close(m.loaded)
			}
		})
	}()
}

// WaitLoaded blocks until the frame of the latest filter, reload or start
// is shown. The window reads the store on a goroutine, after NewMainWindow
// returns and after every filter change; tests and `--select` wait here
// before they look at or select events. Do not call it on the UI goroutine
// while the app runs: the frame is applied there.
func (m *MainWindow) WaitLoaded() {
	<-m.loaded
	m.idleMu.Lock()
	idle := m.idle
	m.idleMu.Unlock()
	if idle != nil {
		<-idle
	}
}

// Loaded reports whether the first frame's data is shown.
func (m *MainWindow) Loaded() bool {
	select {
	case <-m.loaded:
		return true
	default:
		return false
	}
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

// showFrame puts a frame's data into every view; UI goroutine only.
func (m *MainWindow) showFrame(d frame) {
	m.showError(d.err)
	m.showChoices(d)
	p := m.App.Preferences()
	p.SetString(prefKind, m.kindSel.Selected)
	p.SetBool(prefBriefing, m.briefing.Checked)
	if m.fromDay.IsZero() && m.toDay.IsZero() {
		m.rangeBtn.SetText("Dates")
	} else {
		m.rangeBtn.SetText(dayOrDots(m.fromDay) + " – " + dayOrDots(m.toDay))
	}

	if d.stats.Events == 0 && d.stats.Articles == 0 {
		m.timelineArea.Objects = []fyne.CanvasObject{m.emptyState}
		m.rangeL.Hide()
		m.legend.Hide()
	} else {
		m.timelineArea.Objects = []fyne.CanvasObject{m.Timeline}
		m.rangeL.Show()
		m.legend.Show()
	}
	if m.loading != nil {
		m.loading.Stop()
		m.loading = nil
	}
	m.timelineArea.Refresh()

	src := timeline.NewStoreSource(m.Store, d.filter, m.places)
	first, last := d.first, d.last
	if !d.filter.From.IsZero() {
		first = d.filter.From
	}
	if !d.filter.To.IsZero() {
		last = d.filter.To
	}
	if !d.hasRange && d.filter.From.IsZero() {
		first, last = time.Now().AddDate(-1, 0, 0), time.Now()
	}
	sel, hadSel := m.Timeline.Selected()
	if err := m.Timeline.SetSource(src, first, last); err != nil {
		m.showError(err)
	}
	if hadSel {
		m.Timeline.selected = &sel
	}
	m.Timeline.SetHighlightPlace(m.placeSelect)

	m.Map.SetPlaces(d.places)

	m.undated = d.undated
	m.undatedAc.Title = fmt.Sprintf("Undated events (%d) — need a date", len(m.undated))
	m.undatedL.Refresh()
	m.accordion.Refresh()
	if len(m.undated) == 0 {
		m.accordion.Hide()
	} else {
		m.accordion.Show()
	}
	status := statusText(d.shown-d.hidden, d.stats.Events, d.stats.Articles, len(d.places))
	if d.filter.Text != "" {
		status = searchStatus(d.shown-d.hidden, d.stats.Events, d.stats.Articles, len(d.places))
	}
	m.searchP.show(d.search, d.shown-d.hidden)
	if d.hidden > 0 {
		status += counts.Sprintf("  ·  and %d hidden", d.hidden)
	}
	m.status.SetText(status)
	m.statusR.SetText(m.Store.Path())
	m.statusBar.Refresh()
	m.updateRangeLabel()
}

func dayOrDots(t time.Time) string {
	if t.IsZero() {
		return "…"
	}
	return t.Format("2 Jan 2006")
}

func (m *MainWindow) updateRangeLabel() {
	if m.rangeL == nil || m.Timeline.src == nil {
		return
	}
	f, l := m.Timeline.VisibleRange()
	if f.Before(m.Timeline.from) {
		f = m.Timeline.from
	}
	if l.After(m.Timeline.to) {
		l = m.Timeline.to.AddDate(0, 0, -1)
	}
	m.rangeL.SetText(f.Format("Jan 2006") + " – " + l.Format("Jan 2006"))
}

// placeListMax bounds the events listed for a place in the excerpt pane.
const placeListMax = 300

// SelectPlace selects a place as a tapped marker does: its events are
// highlighted on the timeline, the others dimmed, and listed in the excerpt pane.
func (m *MainWindow) SelectPlace(p model.Place) {
	m.placeSelect = p.ID
	m.Map.SetSelectedPlace(p.ID)
	m.Timeline.SetHighlightPlace(p.ID)
	f := m.filter
	f.Limit = placeListMax
	evs, err := m.Store.EventsAt(p.ID, f)
	if err != nil {
		m.showError(err)
		return
	}
	m.Excerpt.ShowPlace(p, evs)
}

// SelectEvent selects an event in every view.
func (m *MainWindow) SelectEvent(e model.Event) {
	m.Timeline.Select(e)
	m.showEvent(e)
}

// SelectDay selects the first event of a day, as `--select` does; it
// reports whether there was one.
func (m *MainWindow) SelectDay(day time.Time) bool {
	evs, err := timeline.NewStoreSource(m.Store, m.filter, m.places).Events(day, day, 1000)
	if err != nil {
		m.showError(err)
		return false
	}
	for _, e := range evs {
		if model.Day(e.Start).Equal(model.Day(day)) {
			m.SelectEvent(e)
			return true
		}
	}
	return false
}

// ClearSelection clears the selected event and place (Esc).
func (m *MainWindow) ClearSelection() {
	m.placeSelect = 0
	m.Map.SetSelectedPlace(0)
	m.Timeline.ClearSelection()
	m.Timeline.SetHighlightPlace(0)
	m.Excerpt.ShowHint("Select an event on the timeline, or a place on the map, to read the sentences it came from.")
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

// showEvent fills the excerpt pane and points the map at the event's place.
func (m *MainWindow) showEvent(e model.Event) {
	full, err := m.Store.Event(e.ID)
	if err != nil {
		m.showError(err)
		return
	}
	srcs, err := m.sourceDetails(full)
	if err != nil {
		m.showError(err)
	}
	if full.Place != nil {
		m.Map.SetSelectedPlace(full.Place.ID)
	} else {
		m.Map.SetSelectedPlace(0)
	}
	m.Excerpt.ShowEvent(*full, srcs)
}

func (m *MainWindow) sourceDetails(e *model.Event) ([]SourceDetail, error) {
	srcs, err := m.Store.SourcesOf(e.ID)
	if err != nil {
		return nil, fmt.Errorf("sources of %q: %w", e.Title, err)
	}
	articles := map[int64]*model.Article{}
	mentions := map[int64][]model.Mention{}
	var out []SourceDetail
	var errs []error
	seen := map[[3]int64]bool{}
	for _, s := range srcs {
		// Merged events can bring the same sentence twice; show it once.
		k := [3]int64{s.ArticleID, int64(s.Start), int64(s.End)}
		if seen[k] {
			continue
		}
		seen[k] = true
		a, ok := articles[s.ArticleID]
		if !ok {
			a, err = m.Store.Article(s.ArticleID)
			if err != nil {
				errs = append(errs, err)
			}
			articles[s.ArticleID] = a
			ms, err := m.Store.MentionsIn(s.ArticleID)
			if err != nil {
				errs = append(errs, err)
			}
			mentions[s.ArticleID] = ms
		}
		out = append(out, SourceDetail{Source: s, Article: a, Mentions: mentions[s.ArticleID]})
	}
	return out, errors.Join(errs...)
}

func (m *MainWindow) openArticle(s SourceDetail) {
	if s.Article == nil {
		m.showError(fmt.Errorf("the article of %s could not be read", s.Source.File))
		return
	}
	ShowReader(m.App, s.Article, s.Mentions, s.Source.Span, func(id int64, d time.Time) error {
		var err error
		if m.opts.SetArticleDate != nil {
			err = m.opts.SetArticleDate(m.Store, id, d)
		} else {
			err = m.Store.SetArticleDate(id, d)
		}
		if err != nil {
			return fmt.Errorf("set the publication date: %w", err)
		}
		m.Reload()
		return nil
	})
}

func (m *MainWindow) showError(err error) {
	if err == nil {
		return
	}
	fyne.LogError("briefing atlas", err)
	if m.Win != nil {
		dialog.ShowError(err, m.Win)
	}
}

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

// ImportFiles asks for files and imports them.
func (m *MainWindow) ImportFiles() {
	if m.opts.Import == nil {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		m.StartImport([]string{path})
	}, m.Win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".eml", ".mhtml", ".mht", ".webarchive", ".csv"}))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// ImportFolder asks for a folder and imports every article in it.
func (m *MainWindow) ImportFolder() {
	if m.opts.Import == nil {
		return
	}
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if u == nil {
			return
		}
		m.StartImport([]string{u.Path()})
	}, m.Win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (m *MainWindow) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		paths = append(paths, u.Path())
	}
	m.StartImport(paths)
}

// StartImport imports paths in the background with a progress bar in the
// status bar; the window stays responsive and reloads when done. done, when
// not nil, is called on the UI goroutine with the summary.
func (m *MainWindow) StartImport(paths []string, done ...func(ImportSummary, error)) {
	if m.opts.Import == nil || len(paths) == 0 {
		return
	}
	if m.busy {
		dialog.ShowInformation("Import", "An import is already running.", m.Win)
		return
	}
	m.busy = true
	m.progress.SetValue(0)
	m.progress.Show()
	m.work.SetText("Importing…")
	go func() {
		sum, err := m.opts.Import(context.Background(), paths, func(n, total int, file string) {
			fyne.Do(func() {
				if total > 0 {
					m.progress.SetValue(float64(n) / float64(total))
				}
				m.work.SetText(fmt.Sprintf("Importing %s (%d/%d)", filepath.Base(file), n, total))
			})
		})
		fyne.Do(func() {
			m.busy = false
			m.progress.Hide()
			m.work.SetText("")
			m.Reload()
			m.showImportSummary(sum, err)
			for _, f := range done {
				f(sum, err)
			}
			if m.opts.importDone != nil {
				m.opts.importDone(sum, err)
			}
		})
	}()
}

func (m *MainWindow) showImportSummary(sum ImportSummary, err error) {
	msg := importMessage(sum, err)
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Import finished", "OK", container.NewVScroll(l), m.Win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

// importMessage is what the import-finished dialog says.
func importMessage(sum ImportSummary, err error) string {
	msg := fmt.Sprintf("%d articles imported, %d already there, %d events found.", sum.Imported, sum.Skipped, sum.Events)
	if sum.Updated > 0 {
		msg = fmt.Sprintf("%d articles imported (%d new, %d updated: their events keep your stars, notes and edits), %d already there, %d events found.",
			sum.Imported, sum.Imported-sum.Updated, sum.Updated, sum.Skipped, sum.Events)
	}
	if len(sum.Failed) > 0 {
		var files []string
		for f := range sum.Failed {
			files = append(files, f)
		}
		sort.Strings(files)
		msg += fmt.Sprintf("\n\n%d files failed:", len(files))
		for _, f := range files {
			msg += "\n• " + filepath.Base(f) + ": " + sum.Failed[f]
		}
	}
	if err != nil {
		msg += "\n\nImport stopped: " + err.Error()
	}
	return msg
}

// ExportBriefing shows the export dialog: the starred events, or else the
// events the current filters show.
func (m *MainWindow) ExportBriefing() {
	if m.opts.Export != nil {
		m.opts.Export(m.Win, m.Store)
		return
	}
	exportdialog.Show(m.Win, m.Store, m.filteredEvents, exportdialog.Options{Filters: m.describeFilters()})
}

// filteredEvents lists the events the current filters show, dated then
// undated, for the briefing. Events the user hid stay out of it even while
// the timeline shows them.
func (m *MainWindow) filteredEvents() ([]model.Event, error) {
	f := m.filter
	f.IncludeHidden = false
	dated, err := m.Store.EventsBetween(time.Time{}, time.Time{}, f)
	if err != nil {
		return nil, fmt.Errorf("dated events for the briefing: %w", err)
	}
	undated, err := m.Store.Undated(f)
	if err != nil {
		return nil, fmt.Errorf("undated events for the briefing: %w", err)
	}
	return append(dated, undated...), nil
}

// describeFilters puts the current filters in words for the briefing's cover.
func (m *MainWindow) describeFilters() string {
	var parts []string
	f := m.filter
	if f.Text != "" {
		parts = append(parts, "matching “"+f.Text+"”")
	}
	if f.PlaceID != 0 {
		parts = append(parts, "place "+m.placeSel.Text)
	}
	if f.Actor != "" {
		parts = append(parts, "with "+f.Actor)
	}
	if len(f.Kinds) > 0 {
		parts = append(parts, "kind "+string(f.Kinds[0]))
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		parts = append(parts, "from "+dayOrDots(f.From)+" to "+dayOrDots(f.To))
	}
	if f.InBriefing {
		parts = append(parts, "in briefing")
	}
	return strings.Join(parts, ", ")
}

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
