package exportdialog

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// listerFor is the folder a file dialog should start in.
func listerFor(dir string) (fyne.ListableURI, error) {
	return storage.ListerForURI(storage.NewFileURI(dir))
}
