package pipeline

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

// ReportDater dates an article that gives no date of its own from other
// articles' dated reports of the same events; *extract.Extractor is one
// (extract.DateFromReports).
type ReportDater interface {
	DateFromReports(a *model.Article, undated []model.Event, reports *extract.Reports) (*model.Article, model.Extraction, bool)
}

// maxReportArticles bounds the articles whose events an import keeps to
// date the undated ones: a pile of files dropped on the window is tens or
// hundreds of articles; a bulk import of thousands keeps the first few
// thousand, not every event in memory.
const maxReportArticles = 5000

// DatedArticle is an article imported without a date of its own and dated
// from other articles' reports of the same events.
type DatedArticle struct {
	Path string
	Date time.Time
}

// reportDating gathers, during an import, the events of the articles that
// have a date (the reports) and the articles that have none, which are
// dated once every file is stored: the report that dates an article may
// come after it.
type reportDating struct {
	reports   []model.Event
	articles  int
	undated   []undatedArticle
	retelling []retellingArticle
}

// retellingArticle is a dated article that tells events without their
// dates (model.Extraction.Retold), which other reports may date once every
// file is stored.
type retellingArticle struct {
	id        int64
	path      string
	published time.Time
	retold    []model.Retold
	own       []model.Event
}

// undatedArticle is an article saved without a date, waiting for the
// end of the import; its text is read again from the store then.
type undatedArticle struct {
	id     int64
	path   string
	events []model.Event
	// datelineDay is the yearless day its dateline gave, which the store
	// does not keep.
	datelineDay model.MonthDay
}

// add records a saved article as a report or as one to date.
func (r *reportDating) add(id int64, path string, a *model.Article, ext *model.Extraction) {
	if ext == nil || len(ext.Events) == 0 || r.articles >= maxReportArticles {
		return
	}
	r.articles++
	if !a.HasDate() {
		r.undated = append(r.undated, undatedArticle{id: id, path: path, events: detached(ext.Events, id, false), datelineDay: a.DatelineDay})
		return
	}
	r.addDated(id, path, a.Published, ext)
}

// addDated records the events of a dated article as reports, and its
// events told without a date as ones to date.
func (r *reportDating) addDated(id int64, path string, published time.Time, ext *model.Extraction) {
	own := detached(ext.Events, id, true)
	r.reports = append(r.reports, own...)
	if len(ext.Retold) == 0 {
		return
	}
	retold := make([]model.Retold, len(ext.Retold))
	for i, u := range ext.Retold {
		retold[i] = model.Retold{Event: detached([]model.Event{u.Event}, id, false)[0], Told: u.Told}
	}
	r.retelling = append(r.retelling, retellingArticle{id: id, path: path, published: published, retold: retold, own: own})
}

// detached copies events (the dated ones only when dated is set) with
// copies of their sentences, so that they do not hold their articles'
// texts until the import ends, and with their article's id.
func detached(events []model.Event, id int64, dated bool) []model.Event {
	var out []model.Event
	for _, e := range events {
		if dated && !e.Dated() {
			continue
		}
		src := make([]model.Source, len(e.Sources))
		for i, s := range e.Sources {
			s.Text, s.TimeText = strings.Clone(s.Text), strings.Clone(s.TimeText)
			s.ArticleID = id
			src[i] = s
		}
		e.Sources = src
		out = append(out, e)
	}
	return out
}

// dateUndated dates the undated articles of the import that other
// articles' reports date, among those imported (committed), and stores
// them again with that date, each in its own transaction, as a date the
// user sets would be.
func (r *reportDating) dateUndated(ctx context.Context, st *store.Store, x Extractor, imported []int64, opts Options, sum *Summary) error {
	rd, ok := x.(ReportDater)
	if !ok || len(r.undated) == 0 || len(r.reports) == 0 || opts.SameEvent == nil && opts.Match == nil {
		return nil
	}
	done := committed(imported)
	reports := extract.NewReports(r.reports)
	for _, u := range r.undated {
		if !done[u.id] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		a, err := st.Article(u.id)
		if err != nil {
			return fmt.Errorf("date %s from other reports: %w", u.path, err)
		}
		a.DatelineDay = u.datelineDay
		d, ext, ok := rd.DateFromReports(a, u.events, reports)
		if !ok {
			continue
		}
		res, err := st.RedateArticle(ctx, u.id, d.Published, model.DateFromReports, &ext, opts.Merging())
		if err != nil {
			if fatal(err) {
				return fmt.Errorf("date %s from other reports: %w", u.path, err)
			}
			sum.Warnings = append(sum.Warnings, fmt.Sprintf("%s gives no date, and dating it from other reports failed: %v", u.path, err))
			continue
		}
		// Its events were counted as stored undated; some are now merged
		// into other reports' events.
		sum.Events = max(0, sum.Events+res.Inserted-res.Removed)
		sum.Merged += res.Merged
		sum.Dated = append(sum.Dated, DatedArticle{Path: u.path, Date: d.Published})
		r.addDated(u.id, u.path, d.Published, &ext)
	}
	return nil
}

// dateRetold dates, in the dated articles of the import (imported,
// committed), the events they tell without a date that another article's
// report dates (extract.Reports.DateRetold), and adds those events to each
// such article, in its own transaction, merged with the reports they
// retell; the article's own events stay as the import stored them. It runs
// after dateUndated, whose newly dated articles report too.
func (r *reportDating) dateRetold(ctx context.Context, st *store.Store, imported []int64, opts Options, sum *Summary) error {
	if len(r.retelling) == 0 || len(r.reports) == 0 || opts.SameEvent == nil && opts.Match == nil {
		return nil
	}
	done := committed(imported)
	reports := extract.NewReports(r.reports)
	for _, u := range r.retelling {
		if !done[u.id] {
			continue
		}
		dated := reports.DateRetold(u.retold, u.own, u.published)
		if len(dated) == 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := st.AddRetoldEvents(ctx, u.id, dated, opts.Merging())
		if err != nil {
			if fatal(err) {
				return fmt.Errorf("date what %s retells: %w", u.path, err)
			}
			sum.Warnings = append(sum.Warnings, fmt.Sprintf("%s retells events other reports date, and adding them failed: %v", u.path, err))
			continue
		}
		sum.Events = max(0, sum.Events+res.Inserted-res.Removed)
		sum.Merged += res.Merged
	}
	return nil
}

// committed is the set of the articles an import stored (imported).
func committed(imported []int64) map[int64]bool {
	done := make(map[int64]bool, len(imported))
	for _, id := range imported {
		done[id] = true
	}
	return done
}
