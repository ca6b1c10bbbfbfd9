// Command importwatch measures an import as a person watching the app sees
// it, for the bench's import-at-scale metrics. Like uiframe it lives apart
// from package bench because it links Fyne, which the atlas CLI must never
// import; the bench builds and runs it.
//
// It builds the app's main window (ui.NewMainWindow over a new store, with
// ui.PipelineImporter, the importer the app runs) in Fyne's test driver at
// 1280×800 and starts the import the way the window's Import menu does
// (MainWindow.StartImport). Meanwhile this goroutine plays the GL driver's
// event loop: it runs the UI work other goroutines hand to fyne.Do (the
// progress bar, the status line, the window's last act after the import) as
// it comes, and every --frame-every it dispatches a drag over the map and
// paints the window with Fyne's software painter, timed from when the frame
// was due. It records each frame's time and what the progress bar showed,
// the same frames before the import (the idle reference), and, in a second
// import into another new store, how long Cancel takes to stop it and
// whether it left whole articles only.
//
// Fyne's test driver runs fyne.Do at once on the calling goroutine, beside
// the painting; importwatch makes the current app a wrapper whose driver
// queues it for the loop instead (onLoop).
//
//	importwatch --corpus DIR --store PATH [--cancel-after 3s] [--frame-every 200ms] [--cpuprofile FILE] [--shot PNG]
//
// It writes one JSON object to stdout.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"os"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/ui"
	"github.com/briefingatlas/atlas/internal/ui/mapview"
)

// idleFrames is how many frames are timed before the import starts.
const idleFrames = 30

// Frame is one painted frame of the window.
type Frame struct {
	AtMS     float64 `json:"at_ms"`     // since the import started (negative before it)
	MS       float64 `json:"ms"`        // queued UI work, the drag and the painting
	QueuedMS float64 `json:"queued_ms"` // of which the UI work the import queued
	Queued   int     `json:"queued"`    // how many queued calls ran
	Progress float64 `json:"progress"`  // the bar's value as painted
	Label    string  `json:"label"`     // the bar's own text ("1,234 of 20,000")
	Shown    bool    `json:"shown"`     // the bar was visible
	Status   string  `json:"status"`    // the line beside the bar: the file and count
}

// Run is one import watched from the window.
type Run struct {
	Files     int     `json:"files"`
	Imported  int     `json:"imported"`
	Events    int     `json:"events"`
	Failed    int     `json:"failed"`
	Seconds   float64 `json:"seconds"` // StartImport until the window said it finished
	Err       string  `json:"error,omitempty"`
	Idle      []Frame `json:"idle"`
	Frames    []Frame `json:"frames"`
	Callbacks int     `json:"callbacks"` // progress calls the importer made after a file
	// MaxGapMS is the longest time the painted progress bar did not move
	// (a pixel of its fill, or its label: the count of articles done), its
	// start included; MaxStatusGapMS the same for the file line beside it.
	MaxGapMS       float64 `json:"max_gap_ms"`
	BarPx          float64 `json:"bar_px"` // the bar's width
	MaxStatusGapMS float64 `json:"max_status_gap_ms"`
	EveryMS        float64 `json:"every_ms"` // a frame was due this often
	// Cancel, for the cancelled run.
	CancelAtMS     float64 `json:"cancel_at_ms,omitempty"`
	CancelStopMS   float64 `json:"cancel_stop_ms,omitempty"`   // Cancel until the importer returned
	CancelShownMS  float64 `json:"cancel_shown_ms,omitempty"`  // Cancel until the window showed it had stopped
	StoredArticles int     `json:"stored_articles,omitempty"`  // articles in the store afterwards
	CancelledAfter int     `json:"cancelled_after,omitempty"`  // files done when Cancel came
	Partial        int     `json:"partial_articles,omitempty"` // stored articles without their sentences or events
}

// Report is what importwatch prints.
type Report struct {
	Full   Run    `json:"full"`
	Cancel Run    `json:"cancel"`
	About  string `json:"about"`
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "importwatch:", err)
		os.Exit(1)
	}
}

func run() error {
	corpus := flag.String("corpus", "", "folder of articles to import (atlas gen --articles)")
	db := flag.String("store", "", "new store to import into; removed first (the cancelled run uses PATH-cancel)")
	cancelAfter := flag.Duration("cancel-after", 3*time.Second, "when Cancel comes in the second import")
	every := flag.Duration("frame-every", 200*time.Millisecond, "a frame (a drag over the map) is due this often")
	cpu := flag.String("cpuprofile", "", "write a CPU profile of the full import here")
	shot := flag.String("shot", "", "save the window half way through the full import here (PNG), and once it finished beside it (-done.png)")
	flag.Parse()
	if *corpus == "" || *db == "" {
		return errors.New("--corpus and --store are required")
	}
	a := test.NewApp()
	defer a.Quit()
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return err
	}
	x := extract.New(g)
	extractor := func() (*extract.Extractor, error) { return x, nil }
	var rep Report
	rep.About = fmt.Sprintf("the app's main window in Fyne's test driver at 1280×800, a drag over the map every %s painted by the software painter, the UI work the import queues run between frames as the GL driver's loop runs it", *every)
	var whole map[string]int
	if rep.Full, whole, err = watch(a, extractor, watchOpts{corpus: *corpus, db: *db, cpuProf: *cpu, shot: *shot, every: *every}); err != nil {
		return err
	}
	if rep.Cancel, _, err = watch(a, extractor, watchOpts{corpus: *corpus, db: *db + "-cancel", cancelAfter: *cancelAfter, whole: whole, every: *every}); err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(rep)
}

// loop is the UI goroutine's work queue: what other goroutines hand to
// fyne.Do waits here until the loop runs it between frames, as the GL
// driver's event loop does. Fyne's test driver would run it at once on the
// calling goroutine, beside the loop's painting.
type loop struct {
	mu    sync.Mutex
	queue []func()
}

func (l *loop) push(f func()) {
	l.mu.Lock()
	l.queue = append(l.queue, f)
	l.mu.Unlock()
}

// drain runs what is queued, and what that queues in turn.
func (l *loop) drain() int {
	n := 0
	for {
		l.mu.Lock()
		q := l.queue
		l.queue = nil
		l.mu.Unlock()
		if len(q) == 0 {
			return n
		}
		for _, f := range q {
			f()
		}
		n += len(q)
	}
}

// untilTime drains the queue until t or until done is closed.
func (l *loop) untilTime(t time.Time, done <-chan struct{}) {
	for {
		l.drain()
		d := time.Until(t)
		if d <= 0 {
			return
		}
		select {
		case <-done:
			return
		case <-time.After(min(d, time.Millisecond)):
		}
	}
}

// until drains the queue until ch is closed.
func (l *loop) until(ch <-chan struct{}) {
	for {
		l.drain()
		select {
		case <-ch:
			l.drain()
			return
		case <-time.After(time.Millisecond):
		}
	}
}

// loopDriver is Fyne's test driver with fyne.Do queued on a loop. A
// fyne.DoAndWait on the loop's own goroutine would wait for ever; neither
// the window nor the widgets it uses call it.
type loopDriver struct {
	fyne.Driver
	l *loop
}

func (d loopDriver) DoFromGoroutine(f func(), wait bool) {
	if !wait {
		d.l.push(f)
		return
	}
	done := make(chan struct{})
	d.l.push(func() { f(); close(done) })
	<-done
}

// loopApp is the test app with the loop's driver.
type loopApp struct {
	fyne.App
	d loopDriver
}

func (a loopApp) Driver() fyne.Driver { return a.d }

// onLoop makes a the current app with fyne.Do queued on a new loop.
// fyne.SetCurrentApp is meant for drivers; this program is one, of sorts.
func onLoop(a fyne.App) (*loop, fyne.App) {
	l := &loop{}
	la := loopApp{App: a, d: loopDriver{Driver: a.Driver(), l: l}}
	fyne.SetCurrentApp(la)
	return l, la
}

// watchOpts say what one watched import does.
type watchOpts struct {
	corpus, db string
	// cancelAfter cancels from the loop, between frames, once this long
	// has passed; cancelAtFile cancels in the progress call of this file
	// (tests: no timing). Zero: never.
	cancelAfter  time.Duration
	cancelAtFile int
	// holdAtFile holds the import in the progress call of this file until
	// the loop has painted a frame after it, which shows the bar moved
	// (tests: a small import may otherwise end between two frames). Zero:
	// never.
	holdAtFile int
	// whole, when set, holds each article's mentions in a finished import
	// of the same corpus (by text hash): a stored article is whole when it
	// has as many.
	whole   map[string]int
	cpuProf string
	shot    string
	// every is how often a frame is due: a drag over the map, as a user
	// would pan it while waiting; the queued UI work runs meanwhile, as it
	// comes. Zero: frames back to back.
	every time.Duration
}

// watch imports a corpus into a new store from the window, painting frames
// until the import ends, and returns the run and each stored article's
// mention count by text hash.
func watch(app fyne.App, extractor func() (*extract.Extractor, error), o watchOpts) (Run, map[string]int, error) {
	var r Run
	corpus, db, cancelAfter, cpuProf, shot := o.corpus, o.db, o.cancelAfter, o.cpuProf, o.shot
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(db + suffix)
	}
	st, err := store.Open(db)
	if err != nil {
		return r, nil, err
	}
	defer st.Close()

	l, a := onLoop(app)
	defer fyne.SetCurrentApp(app)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var callbacks, lastDone, files atomic.Int64
	var returnedAt time.Time
	// held is closed when the import waits at o.holdAtFile, released when
	// a frame painted after that lets it go on.
	held, released := make(chan struct{}), make(chan struct{})
	appImport := ui.PipelineImporter(st, extractor)
	// The window passes its own context; Cancel is this one.
	importer := func(_ context.Context, paths []string, progress func(done, total int, file string)) (ui.ImportSummary, error) {
		sum, err := appImport(ctx, paths, func(done, total int, file string) {
			if file != "" {
				callbacks.Add(1) // not the first call, when the files are found
			}
			files.Store(int64(total))
			lastDone.Store(int64(done))
			if o.cancelAtFile > 0 && done == o.cancelAtFile {
				cancel()
			}
			progress(done, total, file)
			if o.holdAtFile > 0 && done == o.holdAtFile {
				// The bar's update is queued: the next frame shows it.
				close(held)
				select {
				case <-released:
				case <-ctx.Done():
				}
			}
		})
		returnedAt = time.Now()
		return sum, err
	}
	m := ui.NewMainWindow(a, st, ui.Options{Import: importer})
	defer m.Win.Close()
	m.Win.Resize(fyne.NewSize(1280, 800))
	waitLoaded := func() {
		ch := make(chan struct{})
		go func() { m.WaitLoaded(); close(ch) }()
		l.until(ch)
	}
	waitLoaded()
	c := m.Win.Canvas()
	bar, okb := find[*widget.ProgressBar](c.Content())
	mv, okm := find[*mapview.Map](c.Content())
	if !okb || !okm {
		return r, nil, errors.New("the window has no progress bar or no map to drag")
	}
	mapAt := fyne.CurrentApp().Driver().AbsolutePositionForObject(mv).Add(fyne.NewPos(mv.Size().Width/2, mv.Size().Height/2))
	step := 0
	var status *widget.Label
	next, prevEnd := time.Now(), time.Time{}
	// frame waits until the next frame is due, running the queued UI work
	// meanwhile, and times from then to the painted image: UI work that
	// runs late delays the frame.
	frame := func(t0 time.Time, done <-chan struct{}) Frame {
		// A frame is due every o.every, or once the last one is painted
		// if that took longer: motion events that came meanwhile are one.
		due := next
		if due.Before(prevEnd) {
			due = prevEnd
		}
		l.untilTime(due, done)
		t := time.Now()
		if o.every > 0 && due.Before(t) {
			t = due // queued UI work made it late: that counts
		}
		next = t.Add(o.every)
		n := l.drain()
		q := time.Since(t)
		// A drag's motion event over the map, back and forth.
		dir := float32(1)
		if (step/10)%2 == 1 {
			dir = -1
		}
		step++
		test.Drag(c, mapAt, 20*dir, 8*dir)
		c.Capture()
		d := time.Since(t)
		prevEnd = time.Now()
		f := Frame{AtMS: ms(t.Sub(t0)), MS: ms(d), QueuedMS: ms(q), Queued: n, Progress: bar.Value, Label: barLabel(bar), Shown: bar.Visible()}
		if status == nil {
			status, _ = findLabel(c.Content(), "Importing")
		}
		if status != nil {
			f.Status = status.Text
		}
		return f
	}
	// Two untimed frames fill the caches the running app has long filled.
	c.Capture()
	c.Capture()
	next = time.Now()
	for i := 0; i < idleFrames; i++ {
		r.Idle = append(r.Idle, frame(time.Now(), nil))
	}

	done := make(chan struct{})
	var sum ui.ImportSummary
	var ierr error
	var doneAt time.Time
	if cpuProf != "" {
		f, err := os.Create(cpuProf)
		if err != nil {
			return r, nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return r, nil, err
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	t0 := time.Now()
	next = t0
	m.StartImport([]string{corpus}, func(s ui.ImportSummary, err error) {
		sum, ierr, doneAt = s, err, time.Now()
		close(done)
	})
	var cancelAt time.Time
	shotTaken := false
	// Frames until the window said the import finished: its last frame
	// hides the bar, starts reading the new data and shows the summary.
paint:
	for {
		select {
		case <-done:
			break paint
		default:
		}
		if cancelAfter > 0 && cancelAt.IsZero() && time.Since(t0) >= cancelAfter {
			// Cancel between frames, as a click would come.
			r.CancelledAfter = int(lastDone.Load())
			cancelAt = time.Now()
			cancel()
		}
		wasHeld := isClosed(held)
		r.Frames = append(r.Frames, frame(t0, done))
		if wasHeld && !isClosed(released) {
			close(released)
		}
		if shot != "" && !shotTaken && bar.Value >= 0.5 {
			if err := savePNG(c, shot); err != nil {
				return r, nil, err
			}
			shotTaken = true
		}
	}
	waitLoaded()
	if shot != "" {
		if err := savePNG(c, strings.TrimSuffix(shot, ".png")+"-done.png"); err != nil {
			return r, nil, err
		}
	}
	r.Seconds = doneAt.Sub(t0).Seconds()
	r.Files, r.Imported, r.Events, r.Failed, r.Callbacks = int(files.Load()), sum.Imported, sum.Events, len(sum.Failed), int(callbacks.Load())
	if ierr != nil {
		r.Err = ierr.Error()
	}
	switch {
	case cancelAfter > 0 && cancelAt.IsZero():
		return r, nil, fmt.Errorf("the import ended in %.1f s, before Cancel at %s: use a bigger corpus", r.Seconds, cancelAfter)
	case cancelAfter > 0:
		r.CancelAtMS = ms(cancelAt.Sub(t0))
		r.CancelStopMS = ms(returnedAt.Sub(cancelAt))
		r.CancelShownMS = ms(doneAt.Sub(cancelAt))
	case o.cancelAtFile > 0:
		r.CancelledAfter = o.cancelAtFile
	case ierr != nil:
		return r, nil, fmt.Errorf("import: %w", ierr)
	}
	mentions, err := mentionCounts(st)
	if err != nil {
		return r, nil, err
	}
	r.StoredArticles = len(mentions)
	if o.whole != nil {
		for sha, n := range mentions {
			if want, ok := o.whole[sha]; !ok || want != n {
				r.Partial++
			}
		}
	}
	r.MaxGapMS = maxGap(r.Frames, bar.Size().Width)
	r.BarPx = float64(bar.Size().Width)
	r.MaxStatusGapMS = maxStatusGap(r.Frames)
	r.EveryMS = ms(o.every)
	return r, mentions, nil
}

// barLabel is the text the bar paints: its own formatter's, else the
// percent Fyne writes.
func barLabel(b *widget.ProgressBar) string {
	if b.TextFormatter != nil {
		return b.TextFormatter()
	}
	return fmt.Sprintf("%d%%", int(b.Value*100))
}

// maxGap is the longest time between frames that showed the bar moved (its
// fill by a pixel of width w, or its label), counted from the import's
// start until its last frame.
func maxGap(fs []Frame, w float32) float64 {
	type look struct {
		px    int
		label string
	}
	state := func(f Frame) look { return look{int(f.Progress * float64(w)), f.Label} }
	var last float64
	prev := look{}
	gap := 0.0
	for _, f := range fs {
		end := f.AtMS + f.MS // the frame is on screen once painted
		if s := state(f); s != prev {
			gap = max(gap, end-last)
			prev, last = s, end
		}
	}
	if len(fs) > 0 {
		f := fs[len(fs)-1]
		gap = max(gap, f.AtMS+f.MS-last)
	}
	return gap
}

// maxStatusGap is the longest time between frames whose status line
// (file and count) changed, from the import's start to its last frame.
func maxStatusGap(fs []Frame) float64 {
	last, prev, gap := 0.0, "", 0.0
	for _, f := range fs {
		end := f.AtMS + f.MS
		if f.Status != prev {
			gap = max(gap, end-last)
			prev, last = f.Status, end
		}
	}
	if len(fs) > 0 {
		f := fs[len(fs)-1]
		gap = max(gap, f.AtMS+f.MS-last)
	}
	return gap
}

// findLabel returns the first label under o whose text starts with prefix.
func findLabel(o fyne.CanvasObject, prefix string) (*widget.Label, bool) {
	if l, ok := o.(*widget.Label); ok {
		return l, strings.HasPrefix(l.Text, prefix)
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if l, ok := findLabel(k, prefix); ok {
			return l, true
		}
	}
	return nil, false
}

// mentionCounts returns each stored article's mentions (names, places,
// dates found in it, saved with its events in one savepoint) by text hash.
func mentionCounts(st *store.Store) (map[string]int, error) {
	arts, err := st.Articles()
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(arts))
	for _, a := range arts {
		ms, err := st.MentionsIn(a.ID)
		if err != nil {
			return nil, err
		}
		out[a.SHA256] = len(ms)
	}
	return out, nil
}

// find returns the first object of type T under o, shown or hidden (the
// progress bar hides between imports).
func find[T fyne.CanvasObject](o fyne.CanvasObject) (T, bool) {
	var zero T
	if o == nil {
		return zero, false
	}
	if t, ok := o.(T); ok {
		return t, true
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if t, ok := find[T](k); ok {
			return t, true
		}
	}
	return zero, false
}

func savePNG(c fyne.Canvas, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, c.Capture()); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// isClosed reports whether ch is closed.
func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
