package ui

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/ingest"
	"github.com/briefingatlas/atlas/internal/pipeline"
	"github.com/briefingatlas/atlas/internal/store"
)

// PipelineImporter is the app's Importer: the import pipeline into st with
// the extractor that extractor returns (loaded on first use, so that the
// window opens at once and an import waits for it instead), and the
// sources.csv found beside the imported files or in the imported folder. It
// lives here rather than in cmd/desktop so that the import benchmark drives
// the very code the app runs.
func PipelineImporter(st *store.Store, extractor func() (*extract.Extractor, error)) Importer {
	return func(ctx context.Context, paths []string, progress func(done, total int, file string)) (ImportSummary, error) {
		x, err := extractor()
		if err != nil {
			return ImportSummary{}, err
		}
		// A manifest that cannot be used at all costs the articles only
		// their metadata: they are imported, and the manifest is listed
		// among the failures.
		m, mp, merr := manifestFor(paths)
		sum, err := pipeline.Import(ctx, st, x, paths, pipeline.Options{Manifest: m, SameEvent: extract.SameEvent, Match: extract.Match, Screen: extract.MaySameEvent, NoFolderManifest: merr != nil,
			// The window is in use: its painting comes first.
			Background: true}, func(p pipeline.Progress) {
			progress(p.Done, p.Total, p.Path)
		})
		out := ImportSummary{Imported: sum.Imported, Updated: sum.Updated, Skipped: sum.AlreadyPresent, Events: sum.Events, Failed: map[string]string{}}
		for _, f := range sum.Failed {
			out.Failed[f.Path] = f.Reason
		}
		for _, d := range sum.Dated {
			if out.Dated == nil {
				out.Dated = map[string]time.Time{}
			}
			out.Dated[d.Path] = d.Date
		}
		if merr != nil {
			out.Failed[mp] = merr.Error()
		}
		return out, err
	}
}

// manifestFor finds a sources.csv beside the imported files or in the
// imported folder, which gives titles, publishers and publication dates,
// and returns it with its path; the error is for one that cannot be used.
func manifestFor(paths []string) (*ingest.Manifest, string, error) {
	for _, p := range paths {
		dir := p
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			dir = filepath.Dir(p)
		}
		mp := filepath.Join(dir, "sources.csv")
		if _, err := os.Stat(mp); err == nil {
			m, err := ingest.LoadManifest(mp)
			if err != nil {
				return nil, mp, err
			}
			return m, mp, nil
		}
	}
	return nil, "", nil
}
