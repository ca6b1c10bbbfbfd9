package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
	"github.com/briefingatlas/atlas/internal/ui/exportdialog"
)

// Exporting a briefing of the starred or filtered events.

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
	if f.PlaceID != 0 || f.Region != (store.Region{}) {
		parts = append(parts, "in "+m.placeSel.Text)
	}
	if b := f.Rect; b != (orb.Bound{}) {
		parts = append(parts, fmt.Sprintf("in the map area %.1f° to %.1f° longitude, %.1f° to %.1f° latitude", b.Min.X(), b.Max.X(), b.Min.Y(), b.Max.Y()))
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
