package ui

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/timeline"
)

// A frame is everything the views show for one filter. It is read from the
// store off the UI goroutine and shown on it, newest request wins.

// counts prints the status bar's figures with thousands separators: a
// million events must read as 1,000,000 at a glance.
var counts = message.NewPrinter(language.English)

// statusText is the status bar's summary of what the views show.
func statusText(shown, events, articles, places int) string {
	return counts.Sprintf("%d of %d %s shown  ·  %d %s  ·  %d %s", shown, events, plural(events, "event", "events"),
		articles, plural(articles, "article", "articles"), places, plural(places, "place", "places"))
}

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
	regions     []store.RegionCount // world places filed by country and division
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
	var world []store.PlaceCount
	if w := m.world.Swap(nil); w != nil {
		<-w.done
		// A failed read is read again below, which reports its error.
		world = w.places
	}
	if world != nil && unfiltered(f) {
		d.places = world
	} else if d.places, err = m.Store.PlacesIn(orb.Bound{}, f); err != nil {
		errs = append(errs, err)
	}
	if choices && unfiltered(f) {
		world = d.places
	}
	// The place choices are grouped (~40 ms for 50,000 places) while the
	// map reads or starts its index, not after.
	var regions chan []store.RegionCount
	if choices && world != nil {
		regions = make(chan []store.RegionCount, 1)
		go func(world []store.PlaceCount) { regions <- store.GroupByRegion(world) }(world)
	}
	// The map's index of many places is the longest part of a start:
	// built while the rest is read, not after.
	m.Map.PrepareMarkers(d.places)
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
		if regions != nil {
			d.regions = <-regions
		} else {
			if world, err = m.Store.PlacesIn(orb.Bound{}, store.Filter{}); err != nil {
				errs = append(errs, err)
			}
			d.regions = store.GroupByRegion(world)
		}
		if d.actors, err = m.Store.Actors(); err != nil {
			errs = append(errs, err)
		}
	}
	d.search = m.readSearch(f)
	d.err = errors.Join(errs...)
	return d
}

// worldRead is the world's places, read on a goroutine of their own for
// the first frame (see NewMainWindow).
type worldRead struct {
	done   chan struct{} // closed when places and err are set
	places []store.PlaceCount
	err    error
}

// startWorldRead reads the world's places, without a filter, on a goroutine.
func startWorldRead(st *store.Store) *worldRead {
	w := &worldRead{done: make(chan struct{})}
	go func() {
		defer close(w.done)
		w.places, w.err = st.PlacesIn(orb.Bound{}, store.Filter{})
	}()
	return w
}

// Reload re-reads everything from the store, filter choices included:
// after an import or an edit. The views change when the read is in (see
// WaitLoaded).
func (m *MainWindow) Reload() {
	m.places = map[int64]*model.Place{}
	m.requestFrame(true)
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
// is shown, the map's markers included. The window reads the store on a goroutine, after NewMainWindow
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
	// With many places the map builds its index on a goroutine too.
	m.Map.WaitMarkers()
}

// WaitSettled blocks until the start (or the latest filter, reload) has
// drawn everything it reads: the frame, the map's markers and the
// timeline's summaries of dense stretches. Not on the UI goroutine.
func (m *MainWindow) WaitSettled() {
	m.WaitLoaded()
	m.Timeline.WaitSummaries()
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
