// Command uiframe times rendered frames of the app's timeline and map
// widgets headless, for the bench's render metrics. It lives apart from
// package bench because it links Fyne, which the atlas CLI (and so the bench
// package) must never import; the bench builds and runs it.
//
// Each widget is built as the main window builds it (ui.NewTimeline with a
// timeline.StoreSource; ui.NewMapPanel with the store's places), alone in a
// 1280×800 window of Fyne's test driver, whose canvas paints with Fyne's
// software painter. A frame is the time from an input event dispatched
// through the test driver (wheel, key, drag) until Canvas().Capture()
// returns the painted image: the widget's Refresh, its layout and canvas
// objects, and the painting of every object.
//
// It writes one JSON object to stdout: every timed frame with its kind,
// duration, canvas objects and allocations, and what a blank 1280×800
// capture costs (the test canvas's own share of each frame).
//
//	uiframe --db STORE --widget timeline|map [--steps 60] [--cpuprofile FILE]
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/timeline"
	"github.com/briefingatlas/atlas/internal/ui"
	"github.com/briefingatlas/atlas/internal/ui/mapview"
)

// winW and winH are the window the frames are drawn in, the app's default.
const winW, winH = 1280, 800

// Frame is one timed frame.
type Frame struct {
	Kind    string `json:"kind"`     // scroll, zoom or pan
	NS      int64  `json:"ns"`       // input event to painted image
	EventNS int64  `json:"event_ns"` // of which the event, Refresh and layout (the rest is painting)
	CPUNS   int64  `json:"cpu_ns"`   // CPU time of the process meanwhile: what a busy shared machine does not inflate
	Objects int    `json:"objects"`  // visible canvas objects painted
	Mallocs uint64 `json:"mallocs"`  // heap allocations during the frame
	Bytes   uint64 `json:"bytes"`    // heap bytes allocated during the frame
	Changed bool   `json:"changed"`  // the image differs from the previous frame
}

// Report is what uiframe prints.
type Report struct {
	Widget string  `json:"widget"`
	Frames []Frame `json:"frames"`
	// Blank is a capture of an empty 1280×800 canvas: the test canvas's
	// fixed cost in every frame (two full-size images and their blending).
	Blank Frame `json:"blank"`
	// What the widget was given: events in the store, places on the map.
	Events int    `json:"events"`
	Places int    `json:"places"`
	Setup  int64  `json:"setup_ns"` // reading the store and the first frame
	About  string `json:"about"`    // where the steps were taken
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "uiframe:", err)
		os.Exit(1)
	}
}

func run() error {
	db := flag.String("db", "", "store to draw")
	which := flag.String("widget", "timeline", "timeline or map")
	steps := flag.Int("steps", 60, "timed frames per kind of step")
	cpu := flag.String("cpuprofile", "", "write a CPU profile of the timed frames here")
	flag.Parse()
	if *db == "" {
		return errors.New("--db is required")
	}
	r, err := measure(*db, *which, *steps, *cpu)
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}

// measure draws widget on the store at db and times steps frames of each
// kind of step; cpuProf, when set, gets a CPU profile of the timed frames.
func measure(db, widget string, steps int, cpuProf string) (Report, error) {
	r := Report{Widget: widget}
	if steps < 1 {
		return r, errors.New("--steps must be positive")
	}
	st, err := store.OpenReadOnly(db)
	if err != nil {
		return r, err
	}
	defer st.Close()

	a := test.NewApp()
	defer a.Quit()
	a.Settings().SetTheme(&ui.Theme{Mode: ui.ThemeLight})

	var d driver
	switch widget {
	case "timeline":
		d, err = newTimelineDriver(st)
	case "map":
		d, err = newMapDriver(st)
	default:
		return r, fmt.Errorf("--widget %q: timeline or map", widget)
	}
	if err != nil {
		return r, err
	}
	r.Blank = blankFrame()
	t0 := time.Now()
	w := test.NewWindow(d.object())
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(winW, winH))
	if err := d.load(); err != nil {
		return r, err
	}
	c := w.Canvas()
	// Two untimed frames: the first one loads fonts and fills caches that
	// the running app has long filled by the time the user scrolls.
	c.Capture()
	c.Capture()
	r.Setup = int64(time.Since(t0))
	r.Events, r.Places, r.About = d.sizes()

	if cpuProf != "" {
		f, err := os.Create(cpuProf)
		if err != nil {
			return r, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return r, err
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	for _, ph := range d.phases() {
		// Getting into position is not timed, but its frame is painted so
		// that the first timed step does not pay for the jump.
		ph.setup(c)
		prev := crc32.ChecksumIEEE(pix(c.Capture()))
		for i := 0; i < steps; i++ {
			f := timed(c, ph.kind, func() { ph.step(c, i) })
			f.Changed = f.hash != prev
			prev = f.hash
			r.Frames = append(r.Frames, f.Frame)
		}
	}
	return r, nil
}

// driver builds one widget and knows its steps.
type driver interface {
	object() fyne.CanvasObject
	load() error // give the widget its data, as the window does after it shows
	phases() []phase
	sizes() (events, places int, about string)
}

// phase is one kind of step, taken --steps times from where setup puts the
// view; step gets the step's index.
type phase struct {
	kind  string
	setup func(c fyne.Canvas)
	step  func(c fyne.Canvas, i int)
}

// sway is the direction of step i when n steps go one way and the next n
// back, so that the view stays about where its phase put it: 1, then -1.
func sway(i, n int) float32 {
	if (i/n)%2 == 1 {
		return -1
	}
	return 1
}

type frame struct {
	Frame
	hash uint32
}

// timed runs act and paints the canvas, counting the time, the
// allocations, and afterwards the objects painted.
func timed(c fyne.Canvas, kind string, act func()) frame {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	c0 := cpuTime()
	t := time.Now()
	act()
	ev := time.Since(t)
	img := c.Capture()
	d := time.Since(t)
	cpu := cpuTime() - c0
	runtime.ReadMemStats(&m1)
	return frame{Frame: Frame{Kind: kind, NS: int64(d), EventNS: int64(ev), CPUNS: int64(cpu), Objects: countObjects(c.Content()),
		Mallocs: m1.Mallocs - m0.Mallocs, Bytes: m1.TotalAlloc - m0.TotalAlloc}, hash: crc32.ChecksumIEEE(pix(img))}
}

// cpuTime is the user and system time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// blankFrame times the capture of an empty window of the same size.
func blankFrame() Frame {
	w := test.NewWindow(canvas.NewRectangle(color.Transparent))
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(winW, winH))
	w.Canvas().Capture()
	var best frame
	for i := 0; i < 5; i++ {
		f := timed(w.Canvas(), "blank", func() {})
		if i == 0 || f.NS < best.NS {
			best = f
		}
	}
	return best.Frame
}

func pix(img image.Image) []byte {
	if n, ok := img.(*image.NRGBA); ok {
		return n.Pix
	}
	return nil
}

// countObjects counts the visible canvas objects under o, as the painter
// walks them: a widget's renderer objects, a container's children.
func countObjects(o fyne.CanvasObject) int {
	if o == nil || !o.Visible() {
		return 0
	}
	n := 1
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			n += countObjects(c)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			n += countObjects(c)
		}
	}
	return n
}

// timelineDriver drives ui.Timeline over the store.
type timelineDriver struct {
	st       *store.Store
	tl       *ui.Timeline
	from, to time.Time
	events   int
	busy     time.Time // a month to scroll through
	quiet    time.Time // a day with few enough events to draw them one by one
}

func newTimelineDriver(st *store.Store) (*timelineDriver, error) {
	d := &timelineDriver{st: st, tl: ui.NewTimeline()}
	first, last, ok, err := st.DateRange()
	if err != nil {
		return nil, err
	}
	if !ok {
		// The window's range for a store without dated events.
		last = time.Now()
		first = last.AddDate(-1, 0, 0)
	}
	d.from, d.to = first, last
	d.busy = time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)
	if d.busy.Before(first) || d.busy.After(last) {
		d.busy = first.Add(last.Sub(first) / 2)
	}
	d.quiet = d.busy
	cs, err := st.EventCounts(store.Day, first, last.AddDate(0, 0, 1), store.Filter{})
	if err != nil {
		return nil, err
	}
	found := false
	for _, c := range cs {
		d.events += c.N
		// The first day from the busy month on with 20 to 150 events: the
		// timeline draws cards for it rather than clusters.
		if !found && !c.Start.Before(d.busy) && c.N >= 20 && c.N <= 150 {
			d.quiet, found = c.Start, true
		}
	}
	return d, nil
}

func (d *timelineDriver) object() fyne.CanvasObject { return d.tl }

func (d *timelineDriver) load() error {
	// As the window does once its first frame is read.
	return d.tl.SetSource(timeline.NewStoreSource(d.st, store.Filter{}, nil), d.from, d.to)
}

func (d *timelineDriver) sizes() (int, int, string) {
	return d.events, 0, fmt.Sprintf("zoom: keys + and - at the middle from the whole range; scroll: wheel notches from %s, about two months in view; pan: drags from %s at the deepest zoom",
		d.busy.Format("Jan 2006"), d.quiet.Format(time.DateOnly))
}

func (d *timelineDriver) phases() []phase {
	mid := fyne.NewPos(winW/2, winH/2)
	return []phase{
		{"zoom", func(fyne.Canvas) { d.tl.FitAll() }, func(_ fyne.Canvas, i int) {
			// The keyboard's zoom step (×1.5 at the middle), twenty in from
			// the whole range to a couple of days and out again; ctrl+wheel
			// zooms through the same ZoomAt, but the test driver holds no
			// modifier keys.
			if sway(i, 20) > 0 {
				test.Type(d.tl, "+")
			} else {
				test.Type(d.tl, "-")
			}
		}},
		{"scroll", func(fyne.Canvas) { d.tl.FitAll(); d.tl.GoTo(d.busy) }, func(c fyne.Canvas, i int) {
			// One wheel notch (25 on Linux), downwards first.
			test.Scroll(c, mid, 0, -25*sway(i, 20))
		}},
		{"pan", func(fyne.Canvas) {
			d.tl.FitAll()
			d.tl.GoTo(d.quiet)
			d.tl.ZoomAt(winH/2, 1e6) // as deep as the timeline goes
		}, func(c fyne.Canvas, i int) {
			// A drag's motion event: 30 units, earlier days first.
			test.Drag(c, mid, 0, 30*sway(i, 20))
		}},
	}
}

// mapDriver drives the map panel over the store's places.
type mapDriver struct {
	st     *store.Store
	panel  ui.MapPanel
	m      *mapview.Map
	places []store.PlaceCount
}

func newMapDriver(st *store.Store) (*mapDriver, error) {
	d := &mapDriver{st: st, panel: ui.NewMapPanel()}
	// The panel stacks the map under its zoom buttons; the steps that the
	// test driver cannot dispatch by position (keys) go to the map itself.
	if c, ok := d.panel.Object().(*fyne.Container); ok && len(c.Objects) > 0 {
		d.m, _ = c.Objects[0].(*mapview.Map)
	}
	if d.m == nil {
		return nil, errors.New("the map panel no longer stacks a *mapview.Map first")
	}
	var err error
	// The window's read: every place with events, with counts and kinds.
	if d.places, err = st.PlacesIn(orb.Bound{}, store.Filter{}); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *mapDriver) object() fyne.CanvasObject { return d.panel.Object() }

func (d *mapDriver) load() error {
	d.panel.SetPlaces(d.places)
	d.panel.WaitMarkers() // a big store's index is built on a goroutine
	return nil
}

func (d *mapDriver) sizes() (int, int, string) {
	n := 0
	for _, p := range d.places {
		n += p.Count
	}
	return n, len(d.places), "scroll: wheel notches (half a zoom level each) at the pointer from the fitted world; zoom: keys + and - (a level) from the regional view; pan: drags over the regional view (eastern Mediterranean, zoom 5)"
}

// regional is the bench's map view (mapframe.go): the eastern
// Mediterranean and the Middle East at zoom 5.
func regional() geo.View { return geo.NewView(34, 38, 5, winW, winH) }

func (d *mapDriver) phases() []phase {
	at := fyne.NewPos(winW*0.58, winH*0.42)
	return []phase{
		{"scroll", func(fyne.Canvas) { d.m.FitMarkers() }, func(c fyne.Canvas, i int) {
			// Twelve notches in (six levels) and out again.
			test.Scroll(c, at, 0, 25*sway(i, 12))
		}},
		{"zoom", func(fyne.Canvas) { d.m.SetView(regional()) }, func(_ fyne.Canvas, i int) {
			// Five levels in and out: none clamped at the deepest (10).
			if sway(i, 5) > 0 {
				test.Type(d.m, "+")
			} else {
				test.Type(d.m, "-")
			}
		}},
		{"pan", func(fyne.Canvas) { d.m.SetView(regional()) }, func(c fyne.Canvas, i int) {
			// A drag's motion event, eastwards first.
			test.Drag(c, fyne.NewPos(winW/2, winH/2), -30*sway(i, 20), -12*sway(i, 20))
		}},
	}
}
