// Package exportdialog is the File → Export briefing… dialog: title,
// author, paper size, format and file, then the export itself with a
// progress bar, run off the UI goroutine, and the file opened at the end.
// The formats are internal/briefing's; this package only asks and shows.
package exportdialog

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/briefing"
	"github.com/briefingatlas/atlas/internal/model"
)

// Options tune the dialog; the zero value works.
type Options struct {
	// Filters describes the current filters in words ("place Moscow"), for
	// the cover when no event is starred.
	Filters string
	// Title and Author fill the fields; Author defaults to the last one used.
	Title, Author string
	// Folder is where the file goes unless the user picks another; default
	// the user's Documents folder, else the home folder.
	Folder string
	// Open is given the written file; nil opens it with the desktop's
	// default application, and reveals its folder if that fails.
	Open func(path string) error
	// OnDone, when set, is called on the UI goroutine after an export ends.
	OnDone func(path string, err error)
	// Map overrides the basemap renderer (nil: internal/geo's).
	Map briefing.MapRenderer
}

// authorPref remembers the author between exports: it is the same person
// nearly every time.
const authorPref = "export.author"

var paperLabels = []string{"A4", "US Letter"}

// Dialog is an open export dialog.
type Dialog struct {
	win  fyne.Window
	opt  Options
	dlg  *dialog.CustomDialog
	lib  briefing.Library
	show func() ([]model.Event, error)

	summary        *widget.Label
	title, author  *widget.Entry
	paper          *widget.RadioGroup
	format         *widget.Select
	path           *widget.Entry
	choose, cancel *widget.Button
	export         *widget.Button
	bar            *widget.ProgressBar
	status         *widget.Label

	content   briefing.Briefing // what Gather found, once ready is closed
	gatherErr error
	ready     chan struct{}
	autoPath  string // the path the dialog proposed; replaced as title and format change
	running   bool
}

// Show opens the export dialog over win. lib is the open store and shown
// returns the events the current filters show (called off the UI
// goroutine); the starred events are taken instead whenever there are any.
//
//	exportdialog.Show(win, st, func() ([]model.Event, error) {
//		return st.EventsBetween(from, to, filter)
//	}, exportdialog.Options{Filters: "place Moscow"})
func Show(win fyne.Window, lib briefing.Library, shown func() ([]model.Event, error), opt Options) *Dialog {
	d := &Dialog{win: win, opt: opt, lib: lib, show: shown, ready: make(chan struct{})}
	d.build()
	d.dlg.Show()
	d.gather()
	return d
}

func (d *Dialog) build() {
	prefs := fyne.CurrentApp().Preferences()
	d.summary = widget.NewLabel("Counting the events…")
	d.summary.Wrapping = fyne.TextWrapWord
	d.title = widget.NewEntry()
	d.title.SetPlaceHolder("Briefing")
	d.title.SetText(d.opt.Title)
	d.author = widget.NewEntry()
	d.author.SetPlaceHolder("Your name")
	author := d.opt.Author
	if author == "" {
		author = prefs.String(authorPref)
	}
	d.author.SetText(author)
	d.paper = widget.NewRadioGroup(paperLabels, nil)
	d.paper.Horizontal = true
	d.paper.Required = true
	d.paper.SetSelected(paperLabels[0])
	labels := make([]string, len(briefing.Formats))
	for i, f := range briefing.Formats {
		labels[i] = f.Label()
	}
	d.format = widget.NewSelect(labels, func(string) { d.formatChanged() })
	d.path = widget.NewEntry()
	d.choose = widget.NewButton("Choose…", d.chooseFile)
	d.format.SetSelected(labels[0])
	d.title.OnChanged = func(string) { d.proposePath() }
	d.proposePath()

	d.bar = widget.NewProgressBar()
	d.bar.Hide()
	d.status = widget.NewLabel("")
	d.status.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem("Title", d.title),
		widget.NewFormItem("Author", d.author),
		widget.NewFormItem("Format", d.format),
		widget.NewFormItem("Paper", d.paper),
		widget.NewFormItem("Save as", container.NewBorder(nil, nil, nil, d.choose, d.path)),
	)
	body := container.NewVBox(d.summary, form, d.bar, d.status)
	d.dlg = dialog.NewCustomWithoutButtons("Export briefing", body, d.win)
	d.cancel = widget.NewButton("Cancel", func() { d.dlg.Hide() })
	d.export = widget.NewButton("Export", d.start)
	d.export.Importance = widget.HighImportance
	d.export.Disable()
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancel, d.export})
	d.dlg.Resize(fyne.NewSize(560, d.dlg.MinSize().Height))
}

// gather reads the events from the store off the UI goroutine and says on
// the dialog what will be exported, so there is no surprise after the wait.
func (d *Dialog) gather() {
	go func() {
		var b briefing.Briefing
		err := errors.New("no store is open")
		if !isNil(d.lib) {
			b, err = briefing.Gather(d.lib, d.show, d.opt.Filters, false)
		}
		fyne.Do(func() {
			d.content, d.gatherErr = b, err
			defer close(d.ready) // after the button is enabled: tests wait on it
			switch {
			case err != nil:
				d.summary.SetText("Cannot read the events: " + err.Error())
			case len(b.Events) == 0:
				d.summary.SetText("There are no events to export: star events for the briefing, or widen the filters.")
			default:
				d.summary.SetText(summaryText(b))
				d.export.Enable()
			}
			d.dlg.Resize(fyne.NewSize(560, d.dlg.MinSize().Height))
		})
	}()
}

// summaryText says which rule picked the events and how many there are,
// in one line so the dialog keeps its size.
func summaryText(b briefing.Briefing) string {
	n := len(b.Events)
	events := fmt.Sprintf("%d events", n)
	if n == 1 {
		events = "1 event"
	}
	if strings.HasPrefix(b.Scope, "Events starred") {
		return "Exports the " + events + " you starred."
	}
	return "No event is starred: exports the " + events + " the filters show."
}

func (d *Dialog) selectedFormat() briefing.Format {
	i := d.format.SelectedIndex()
	if i < 0 {
		return briefing.PDF
	}
	return briefing.Formats[i]
}

func (d *Dialog) formatChanged() {
	if d.paper != nil {
		if d.selectedFormat() == briefing.PDF {
			d.paper.Enable()
		} else {
			d.paper.Disable()
		}
	}
	if d.path == nil {
		return
	}
	if d.path.Text == d.autoPath {
		d.proposePath()
		return
	}
	// A path the user chose keeps its name and takes the new extension.
	p := d.path.Text
	d.path.SetText(strings.TrimSuffix(p, filepath.Ext(p)) + d.selectedFormat().Ext())
}

// proposePath names the file after the title in the default folder, unless
// the user has typed or chosen a path of their own.
func (d *Dialog) proposePath() {
	if d.path.Text != "" && d.path.Text != d.autoPath {
		return
	}
	d.autoPath = filepath.Join(d.folder(), fileName(d.title.Text)+d.selectedFormat().Ext())
	d.path.SetText(d.autoPath)
}

func (d *Dialog) folder() string {
	if d.opt.Folder != "" {
		return d.opt.Folder
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

// isNil is true for a nil Library, including a nil *store.Store passed in
// an interface, which a plain == nil misses.
func isNil(lib briefing.Library) bool {
	if lib == nil {
		return true
	}
	v := reflect.ValueOf(lib)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// fileName turns a title into a safe file name: "US–Russia talks" →
// "US-Russia-talks"; "briefing" when nothing usable is left.
func fileName(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(title) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "briefing"
	}
	if r := []rune(s); len(r) > 60 {
		s = strings.Trim(string(r[:60]), "-")
	}
	return s
}

func (d *Dialog) chooseFile() {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			d.fail(fmt.Errorf("choose file: %w", err))
			return
		}
		if w == nil {
			return // cancelled
		}
		p := w.URI().Path()
		if err := w.Close(); err != nil {
			d.fail(fmt.Errorf("choose file %s: %w", p, err))
			return
		}
		if filepath.Ext(p) == "" {
			p += d.selectedFormat().Ext()
		}
		d.path.SetText(p)
	}, d.win)
	fd.SetFileName(filepath.Base(d.path.Text))
	if l, err := listerFor(filepath.Dir(d.path.Text)); err == nil {
		fd.SetLocation(l)
	}
	fd.Show()
}

// start checks the fields and runs the export on a worker goroutine; the
// progress callbacks come back to the UI through fyne.Do.
func (d *Dialog) start() {
	if d.running {
		return
	}
	path := strings.TrimSpace(d.path.Text)
	if path == "" {
		d.fail(errors.New("choose where to save the briefing"))
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if !isDir(filepath.Dir(path)) {
		d.fail(fmt.Errorf("the folder %s does not exist", filepath.Dir(path)))
		return
	}
	b := d.content
	b.Title = strings.TrimSpace(d.title.Text)
	b.Author = strings.TrimSpace(d.author.Text)
	b.Prepared = time.Now()
	fyne.CurrentApp().Preferences().SetString(authorPref, b.Author)
	opt := briefing.Options{Format: d.selectedFormat(), Paper: briefing.A4, Map: d.opt.Map}
	if d.paper.Selected == paperLabels[1] {
		opt.Paper = briefing.Letter
	}
	opt.Progress = func(done float64, step string) {
		fyne.Do(func() {
			d.bar.SetValue(done)
			d.status.SetText(strings.ToUpper(step[:1]) + step[1:] + "…")
		})
	}
	d.setRunning(true)
	go func() {
		_, err := briefing.Export(path, b, opt)
		fyne.Do(func() { d.finish(path, err) })
	}()
}

func (d *Dialog) setRunning(on bool) {
	d.running = on
	for _, w := range []fyne.Disableable{d.title, d.author, d.paper, d.format, d.path, d.choose, d.export, d.cancel} {
		if on {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	d.status.Importance = widget.MediumImportance
	if on {
		d.bar.SetValue(0)
		d.bar.Show()
		d.status.SetText("Starting…")
	} else {
		d.formatChanged()
	}
}

func (d *Dialog) finish(path string, err error) {
	d.setRunning(false)
	if err != nil {
		d.fail(err)
	} else {
		d.bar.SetValue(1)
		d.status.SetText("Saved " + path)
		d.dlg.Hide()
		if oerr := d.open(path); oerr != nil {
			dialog.ShowInformation("Briefing saved", "Saved "+path+"\n(it could not be opened: "+oerr.Error()+")", d.win)
		}
	}
	if d.opt.OnDone != nil {
		d.opt.OnDone(path, err)
	}
}

func (d *Dialog) fail(err error) {
	d.bar.Hide()
	d.status.SetText("Export failed: " + err.Error())
	d.status.Importance = widget.DangerImportance
	d.status.Refresh()
}

// open shows the result: the file in its application, or else its folder.
func (d *Dialog) open(path string) error {
	if d.opt.Open != nil {
		return d.opt.Open(path)
	}
	app := fyne.CurrentApp()
	if err := app.OpenURL(fileURL(path)); err == nil {
		return nil
	}
	return app.OpenURL(fileURL(filepath.Dir(path)))
}

func fileURL(path string) *url.URL { return &url.URL{Scheme: "file", Path: filepath.ToSlash(path)} }
