package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Importing files and folders: dialogs, drops, the import run off the UI
// goroutine with its progress in the status bar, and its summary.

// importRefresh is how often the window shows what an import has stored
// so far.
const importRefresh = 3 * time.Second

// ImportSummary is what an import reports back to the window.
type ImportSummary struct {
	// Cancelled says the user stopped the import: the articles counted
	// are whole, the others were not started.
	Cancelled         bool
	Imported, Skipped int
	// Updated counts the imported articles that replaced an earlier text
	// of the same article (a correction, a re-clipped page).
	Updated int
	Events  int
	Failed  map[string]string // file → why
	// Dated lists the articles that give no date of their own and were
	// dated from other articles' reports of the same events: file → date.
	Dated map[string]time.Time
}

// Importer imports files into the store, reporting progress (files done of
// total, current file). The window runs it off the UI goroutine.
type Importer func(ctx context.Context, paths []string, progress func(done, total int, file string)) (ImportSummary, error)

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
	ctx, cancel := context.WithCancel(context.Background())
	m.progressText = ""
	m.progress.SetValue(0)
	m.progress.Show()
	m.work.SetText("Importing…")
	m.cancelImport.OnTapped = func() {
		cancel()
		m.cancelImport.Disable()
		m.work.SetText("Cancelling… (articles under way are finished)")
	}
	m.cancelImport.Enable()
	m.cancelImport.Show()
	lastShown := time.Now()
	go func() {
		sum, err := m.opts.Import(ctx, paths, func(n, total int, file string) {
			fyne.Do(func() {
				if total > 0 {
					m.progressText = counts.Sprintf("%d of %d", n, total)
					m.progress.SetValue(float64(n) / float64(total))
				}
				switch {
				case ctx.Err() != nil:
				case file == "":
					// The files are found; the first is being read.
					m.work.SetText(counts.Sprintf("Importing %d files…", total))
				default:
					// The count is on the bar beside it.
					m.work.SetText("Importing " + filepath.Base(file))
				}
				// What is stored so far shows as it comes, not only at
				// the end of a long import (the read runs off the UI
				// goroutine; reads asked for meanwhile are merged).
				if time.Since(lastShown) >= importRefresh {
					lastShown = time.Now()
					m.Reload()
				}
			})
		})
		cancelled := ctx.Err() != nil
		cancel()
		fyne.Do(func() {
			m.busy = false
			m.progress.Hide()
			m.cancelImport.Hide()
			m.work.SetText("")
			m.Reload()
			if cancelled && errors.Is(err, context.Canceled) {
				err = nil
				sum.Cancelled = true
			}
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
	title := "Import finished"
	if sum.Cancelled {
		title = "Import cancelled"
	}
	d := dialog.NewCustom(title, "OK", container.NewVScroll(l), m.Win)
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
	if sum.Cancelled {
		msg = "Import cancelled. " + msg + " Each article imported is whole; the other files were not started."
	}
	if len(sum.Dated) > 0 {
		var files []string
		for f := range sum.Dated {
			files = append(files, f)
		}
		sort.Strings(files)
		if len(files) == 1 {
			msg += "\n\n1 article gives no date of its own; it was dated from other articles' reports of the same events:"
		} else {
			msg += fmt.Sprintf("\n\n%d articles give no date of their own; each was dated from other articles' reports of the same events:", len(files))
		}
		for _, f := range files {
			msg += "\n• " + filepath.Base(f) + ": " + sum.Dated[f].Format("2 Jan 2006")
		}
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
