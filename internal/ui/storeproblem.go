package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/store"
)

// Labels of the store problem dialog's three choices.
const (
	OpenAnotherLabel = "Open another store…"
	StartNewLabel    = "Start a new store"
	QuitLabel        = "Quit"
)

// StoreProblem is the window shown instead of the main window when the
// store cannot be opened: someone who started the app from a menu never
// sees the terminal, so the problem is said in the window, with a way on.
type StoreProblem struct {
	Win fyne.Window
	// Path is the store that could not be opened; Err why.
	Path string
	Err  error

	app    fyne.App
	onOpen func(*store.Store)
	dlg    *dialog.CustomDialog
	// syncOpen opens stores on the calling goroutine. Only tests set it:
	// the test driver runs fyne.Do at once, on the goroutine that calls it.
	syncOpen bool
}

// ShowStoreProblem opens a window saying in plain words why the store at
// path could not be opened (err, from store.Open) and offering to open
// another store, to start a new one beside it, or to quit. The damaged file
// is never written, moved or deleted. onOpen runs on the UI goroutine with
// the store the user ended up with; it shows the main window, after which
// this window closes.
func ShowStoreProblem(app fyne.App, path string, err error, onOpen func(*store.Store)) *StoreProblem {
	p := &StoreProblem{app: app, Path: path, Err: err, onOpen: onOpen}
	p.Win = app.NewWindow("Briefing Atlas")
	p.Win.SetContent(container.NewCenter(widget.NewLabel("No store is open.")))
	p.Win.Resize(fyne.NewSize(760, 480))
	p.show()
	return p
}

// StoreProblemText says what is wrong with the store in plain words, and
// what the person can do about it.
func StoreProblemText(path string, err error) string {
	name := filepath.Base(path)
	msg := err.Error()
	switch {
	case errors.Is(err, store.ErrNewer):
		return fmt.Sprintf("The store %s was made by a newer version of Briefing Atlas, and this version cannot read it. Open it with the newer version; here you can open another store or start a new one.", name)
	case errors.Is(err, store.ErrLocked):
		return fmt.Sprintf("Another program is using the store %s (perhaps another Briefing Atlas window, or an import from the command line). Close it and start Briefing Atlas again, or open another store.", name)
	case errors.Is(err, store.ErrReadOnly):
		return fmt.Sprintf("The store %s cannot be written: the file or its folder is read-only, so it cannot be brought up to date. Check its permissions, or open another store.", name)
	case errors.Is(err, store.ErrNotStore) && strings.Contains(msg, "corrupt"):
		return fmt.Sprintf("The store %s is damaged: its contents cannot be read. The file is kept exactly as it is; you can open another store, or start a new one and import your articles again.", name)
	case errors.Is(err, store.ErrNotStore) && strings.Contains(msg, "another program"):
		return fmt.Sprintf("The file %s is a database of another program, not a Briefing Atlas store. It is left as it is.", name)
	case errors.Is(err, store.ErrNotStore):
		return fmt.Sprintf("The file %s is not a Briefing Atlas store (it is not a database at all). It is left as it is.", name)
	case errors.Is(err, os.ErrPermission):
		return fmt.Sprintf("Briefing Atlas may not read the store %s (permission denied).", name)
	}
	return fmt.Sprintf("The store %s cannot be opened.", name)
}

func (p *StoreProblem) show() {
	text := widget.NewLabel(StoreProblemText(p.Path, p.Err))
	text.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel(p.Path)
	where.Wrapping = fyne.TextWrapBreak
	where.Importance = widget.LowImportance
	details := widget.NewLabel(p.Err.Error())
	details.Wrapping = fyne.TextWrapWord
	details.Importance = widget.LowImportance
	more := widget.NewAccordion(widget.NewAccordionItem("Details", details))
	// Wrapped labels ask for no width of their own: give the text one.
	box := container.New(&fixedSize{w: 520}, container.NewVBox(text, where, more))

	openB := widget.NewButtonWithIcon(OpenAnotherLabel, theme.FolderOpenIcon(), p.chooseOther)
	newB := widget.NewButtonWithIcon(StartNewLabel, theme.DocumentCreateIcon(), p.StartNew)
	newB.Importance = widget.HighImportance
	quitB := widget.NewButton(QuitLabel, p.app.Quit)
	p.dlg = dialog.NewCustomWithoutButtons("The store cannot be opened", box, p.Win)
	p.dlg.SetButtons([]fyne.CanvasObject{quitB, openB, newB})
	p.Win.SetCloseIntercept(p.app.Quit)
	p.dlg.Show()
}

// chooseOther lets the person pick another store file.
func (p *StoreProblem) chooseOther() {
	p.dlg.Hide()
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			p.dlg.Show() // cancelled: back to the three choices
			return
		}
		path := r.URI().Path()
		r.Close()
		p.OpenPath(path)
	}, p.Win)
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(p.Path))); err == nil {
		fd.SetLocation(dir)
	}
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".sqlite3"}))
	fd.Resize(fyne.NewSize(720, 480))
	fd.Show()
}

// OpenPath opens the store at path; when that fails too, the dialog says
// why, for that file.
func (p *StoreProblem) OpenPath(path string) {
	p.dlg.Hide()
	p.open(path, func() (*store.Store, error) { return store.Open(path) })
}

// StartNew creates a new, empty store beside the one that could not be
// opened, under a name no file has yet (atlas-new.db, atlas-new-2.db…),
// and opens it. The old file is not touched.
func (p *StoreProblem) StartNew() {
	p.dlg.Hide()
	path, err := newStorePath(p.Path)
	if err != nil {
		p.failed(p.Path, err)
		return
	}
	p.open(path, func() (*store.Store, error) { return store.Open(path) })
}

// open runs opener off the UI goroutine (a locked store makes it wait
// seconds) and hands the store over, or shows the new problem, on it.
func (p *StoreProblem) open(path string, opener func() (*store.Store, error)) {
	done := func(st *store.Store, err error) {
		if err != nil {
			p.failed(path, err)
			return
		}
		p.onOpen(st)
		p.Win.SetCloseIntercept(nil)
		p.Win.Close()
	}
	if p.syncOpen {
		done(opener())
		return
	}
	go func() {
		st, err := opener()
		fyne.Do(func() { done(st, err) })
	}()
}

func (p *StoreProblem) failed(path string, err error) {
	fyne.LogError("briefing atlas: open store", err)
	p.Path, p.Err = path, err
	p.show()
}

// newStorePath returns a path beside old that names no file yet, nor the
// -wal and -shm files SQLite keeps beside a store, and reserves it by
// creating it empty (O_EXCL), so that no existing file is ever reused.
func newStorePath(old string) (string, error) {
	dir := filepath.Dir(old)
	ext := filepath.Ext(old)
	if ext == "" {
		ext = ".db"
	}
	stem := strings.TrimSuffix(filepath.Base(old), filepath.Ext(old))
	for i := 1; i < 1000; i++ {
		name := stem + "-new" + ext
		if i > 1 {
			name = fmt.Sprintf("%s-new-%d%s", stem, i, ext)
		}
		path := filepath.Join(dir, name)
		if exists(path+"-wal") || exists(path+"-shm") || exists(path+"-journal") {
			continue
		}
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("create a new store in %s: %w", dir, err)
		}
		f.Close()
		return path, nil
	}
	return "", fmt.Errorf("create a new store in %s: every name %s-new…%s is taken", dir, stem, ext)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
