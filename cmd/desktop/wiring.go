package main

import (
	"fyne.io/fyne/v2"

	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/ui"
)

// exporter returns the File → Export action; nil is internal/ui/exportdialog.
func exporter() func(w fyne.Window, st *store.Store) { return nil }

// newMap returns the map panel; nil is the map widget.
func newMap(*store.Store) ui.MapPanel { return nil }
