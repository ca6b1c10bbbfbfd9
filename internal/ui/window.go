package ui

import (
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

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
	// MarkerCache is a folder where the map keeps the cluster index of a
	// big set of markers between runs (mapview.PrepareCached); "" keeps
	// none.
	MarkerCache string

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

	Search  *widget.Entry
	searchP *searchPanel
	// filterBar holds the toolbar's filters (filters.go).
	filterBar
	// editor is the Edit event dialog while it is open (edit.go).
	editor *eventEditor
	// merger and splitter are the actor dialogs last opened (actors.go).
	merger    *actorMerger
	splitter  *aliasSplitter
	undated   []model.Event
	undatedL  *widget.List
	undatedAc *widget.AccordionItem
	accordion *widget.Accordion

	status   *widget.Label
	statusR  *widget.Label
	work     *widget.Label
	progress *widget.ProgressBar
	// progressText is the progress bar's label ("1,234 of 20,000").
	progressText string
	// cancelImport stops the running import (whole articles are kept).
	cancelImport *widget.Button
	rangeL       *widget.Label
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
	// world is the world's places read at start, until the first frame's
	// read takes it.
	world atomic.Pointer[worldRead]
}

// NewMainWindow builds the window over an open store and starts reading
// its first frame (timeline counts, map places, filter choices) on a
// goroutine; until it is in, the window shows a loading state. Call
// WaitLoaded before relying on the data from another goroutine.
func NewMainWindow(app fyne.App, st *store.Store, opts Options) *MainWindow {
	m := &MainWindow{App: app, Store: st, opts: opts, places: map[int64]*model.Place{}, loaded: make(chan struct{})}
	// The world's places are the longest read of a big store's start, and
	// the map's index of them waits for it: read while the window is
	// built (~100 ms of this goroutine), not after.
	m.world.Store(startWorldRead(st))
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
		mp := NewMapPanel()
		mp.(*mapPanel).cacheDir = opts.MarkerCache
		m.Map = mp
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

// build lays the window out: toolbar, timeline and undated tray left, map
// over the excerpt pane right, status bar. The parts build themselves.
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
	search := m.buildSearch()
	filters := m.buildFilters()
	importB := widget.NewButtonWithIcon("Import", theme.FolderOpenIcon(), m.ImportFiles)
	exportB := widget.NewButtonWithIcon("Export", theme.DocumentSaveIcon(), m.ExportBriefing)
	exportB.Importance = widget.HighImportance
	if m.opts.Import == nil {
		importB.Disable()
	}
	toolbar := container.NewBorder(nil, nil, nil,
		container.NewHBox(filters, widget.NewSeparator(), importB, exportB),
		search)

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
	// A fixed width that truncates: a long file name must not push the
	// bar over the text while the layout catches up.
	m.work.Truncation = fyne.TextTruncateEllipsis
	m.progress = widget.NewProgressBar()
	// The bar says how many articles are done: at 20,000 files a pixel of
	// its fill is a hundred articles, but the count moves with each one.
	m.progress.TextFormatter = func() string { return m.progressText }
	m.progress.Hide()
	m.cancelImport = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), nil)
	m.cancelImport.Importance = widget.LowImportance
	m.cancelImport.Hide()
	m.statusBar = container.NewBorder(nil, nil, nil,
		container.NewHBox(fixedWidth(m.work, 320), fixedWidth(m.progress, 200), m.cancelImport),
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

func (m *MainWindow) showError(err error) {
	if err == nil {
		return
	}
	fyne.LogError("briefing atlas", err)
	if m.Win != nil {
		dialog.ShowError(err, m.Win)
	}
}
