package extract

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/timex"
)

// An article dropped on the window without a manifest often gives no
// publication date: a web page's date was in a part the clipping left
// out. Its events then stay undated, although another outlet's dated
// report of the same story tells when they happened. DateFromReports
// learns the article's date from those reports: the date against which
// its own events, relative dates and weekdays included, come out as the
// same events on the same days.

// reportLagDays is how long after the events it tells an article is taken
// to have been published, at most: a weekday ("on Monday") reaches back
// a week.
const reportLagDays = 7

// maxTriedDates bounds the dates tried for one article (each is one more
// extraction): the days after the best-supported reports first.
const maxTriedDates = 24

// minReportWords is how many salient content words an article's undated
// event must share with another outlet's dated report to count as the
// same event. Two reports of one happening share its salient words ("the
// cave", "the coach", "Tymoshenko"); two unrelated attacks share
// "killed", "people" and "police", which the salience test leaves out.
const minReportWords = 3

// DateFromReports infers the publication date of a, an article without
// one, from reports (NewReports: dated events of other articles that have
// a date of their own). A date is tried when one of a's undated events
// (undated, what Extract gave a without a date) is plainly the same event
// as a report (Reports.sameAs); of those dates, it keeps the one against
// which most of a's events come out as the same events as reports, on the
// same days, the earliest on a tie. It returns a copy of a with that date
// (DateFromReports) and its extraction against it; ok is false when no
// report is the same event as one of a's, or a has a date already.
func (x *Extractor) DateFromReports(a *model.Article, undated []model.Event, reports *Reports) (dated *model.Article, ext model.Extraction, ok bool) {
	if a.HasDate() || reports == nil || len(reports.events) == 0 {
		return nil, model.Extraction{}, false
	}
	support := map[time.Time]int{}
	for i := range undated {
		if undated[i].Dated() {
			continue
		}
		uw := withWords(&undated[i])
		u := &uw
		for _, j := range reports.alike(u, minReportWords) {
			r := &reports.events[j]
			if !reports.sameAs(u, j, true) {
				continue
			}
			for k := 0; k <= reportLagDays; k++ {
				support[model.Day(r.Start).AddDate(0, 0, k)]++
			}
		}
	}
	if a.DatelineDay.Month != 0 {
		support = onDatelineDay(support, a.DatelineDay)
	}
	if len(support) == 0 {
		return nil, model.Extraction{}, false
	}
	days := make([]time.Time, 0, len(support))
	for d := range support {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool {
		if support[days[i]] != support[days[j]] {
			return support[days[i]] > support[days[j]]
		}
		return days[i].Before(days[j])
	})
	if len(days) > maxTriedDates {
		days = days[:maxTriedDates]
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	best := -1
	var first, last time.Time // the first and last dates that fit at all
	for _, d := range days {
		b := *a
		b.Published, b.DateSource = d, model.DateFromReports
		e := x.Extract(&b)
		n := reports.confirmed(e.Events)
		if n == 0 {
			continue
		}
		if first.IsZero() {
			first = d
		}
		last = d
		if n > best {
			best, dated, ext = n, &b, e
		}
	}
	// Dates weeks apart that each fit: the events recur (the same two
	// ministers meet in the same capital in March and in July), and which
	// of them the article tells is not known.
	if dated == nil || last.Sub(first) > 2*reportLagDays*24*time.Hour {
		return nil, model.Extraction{}, false
	}
	return dated, ext, true
}

// onDatelineDay keeps, of the days the reports support, the one a yearless
// dateline names ("COLOMBO, July 10 (AFP) -"): in the year of a supported
// day, or the year next to it, within a week of it; its support is the
// best of those days'. What the dateline says is the article's date, and
// only its year is learnt from the reports.
func onDatelineDay(support map[time.Time]int, md model.MonthDay) map[time.Time]int {
	out := map[time.Time]int{}
	for d, n := range support {
		for y := d.Year() - 1; y <= d.Year()+1; y++ {
			t, ok := md.In(y)
			if gap := t.Sub(d); ok && gap <= reportLagDays*24*time.Hour && gap >= -reportLagDays*24*time.Hour && n > out[t] {
				out[t] = n
			}
		}
	}
	return out
}

// Reports are the dated reports articles without a date are compared
// with (DateFromReports), indexed once: each report's content words, and
// how many of their articles use each word, since a word most of them use
// ("killed", "people", "government") says nothing of which story a report
// tells.
type Reports struct {
	events []model.Event    // with their Words worked out
	byWord map[string][]int // salient word → the reports that use it
	df     map[string]int
	common int      // a word in more articles than this is not salient
	sigs   []string // each report's signature, as DateRetold needs them
}

// NewReports indexes reports, the dated events of articles with a date of
// their own; undated events among them are left out.
func NewReports(reports []model.Event) *Reports {
	p := &Reports{df: map[string]int{}, byWord: map[string][]int{}}
	seen := map[string]map[string]bool{} // article → its words
	for i := range reports {
		r := &reports[i]
		if !r.Dated() || len(r.Sources) == 0 {
			continue
		}
		e := withWords(r)
		p.events = append(p.events, e)
		for _, s := range r.Sources {
			k := s.File + "\x00" + strconv.FormatInt(s.ArticleID, 10)
			if seen[k] == nil {
				seen[k] = map[string]bool{}
			}
			for _, w := range e.Words {
				seen[k][w] = true
			}
		}
	}
	for _, ws := range seen {
		for w := range ws {
			p.df[w]++
		}
	}
	// Two outlets on one story share its words; a third on the same story
	// is common enough. Beyond a quarter of the articles a word is news
	// vocabulary.
	p.common = max(3, len(seen)/4)
	for j := range p.events {
		for _, w := range p.events[j].Words {
			if p.df[w] <= p.common {
				p.byWord[w] = append(p.byWord[w], j)
			}
		}
	}
	return p
}

// withWords is a copy of e that carries its content words, so that the
// many comparisons of one event do not work them out again.
func withWords(e *model.Event) model.Event {
	c := *e
	c.Words = contentWords(e)
	return c
}

// alike returns the reports that share at least least salient words
// with u, in their order.
func (p *Reports) alike(u *model.Event, least int) []int {
	n := map[int]int{}
	for _, w := range contentWords(u) {
		for _, j := range p.byWord[w] {
			n[j]++
		}
	}
	var out []int
	for j, c := range n {
		if c >= least {
			out = append(out, j)
		}
	}
	sort.Ints(out)
	return out
}

// sameAs reports an event u that is plainly the same happening as report
// j, another article's, whatever the dates: compatible kinds, compatible
// places, minReportWords salient content words in common, and a shared
// actor, the same place or a shared name. byPlace false leaves the places
// out (see confirmed).
func (p *Reports) sameAs(u *model.Event, j int, byPlace bool) bool {
	r := &p.events[j]
	if u.Planned != r.Planned || !kindsCompatible(u.Kind, r.Kind) || sharesArticle(u, r) {
		return false
	}
	ok, same := placesCompatible(u.Place, r.Place)
	if !ok && byPlace {
		return false
	}
	if p.salientShared(u, r) < minReportWords {
		return false
	}
	if !byPlace {
		return true
	}
	sp, so := sharedActors(u, r)
	return sp+so > 0 || same || sharedName(u, r)
}

// confirmed weighs the events of evs, dated to a day or two, that are the
// same events as reports: two for each on the report's days, one for each
// a day off (outlets date a night's events a day apart, as merging
// allows). The place is left out: it follows the date tried (the dateline
// places only the events of the publication day), and would make a later
// date look better.
func (p *Reports) confirmed(evs []model.Event) int {
	n := 0
	for i := range evs {
		if !evs[i].Dated() || eventEnd(&evs[i]).Sub(evs[i].Start) > 24*time.Hour {
			continue
		}
		ew := withWords(&evs[i])
		e := &ew
		best := 0
		for _, j := range p.alike(e, minReportWords) {
			if best == 2 {
				break
			}
			switch apart := daysApart(e, &p.events[j]); {
			case apart > 1 || !p.sameAs(e, j, false):
			case apart == 0:
				best = 2
			default:
				best = max(best, 1)
			}
		}
		n += best
	}
	return n
}

// sharedName reports a capitalised word, not the first of its sentence,
// that both events' sentences use: a person, a place, an organisation or
// a named thing ("Tymoshenko", "Colombo", "Haiyan").
func sharedName(a, b *model.Event) bool {
	na := names(a)
	for w := range names(b) {
		if na[w] {
			return true
		}
	}
	return false
}

// names are the capitalised words of e's sentences after each sentence's
// first word, folded, with weekdays, months and function words left out.
func names(e *model.Event) map[string]bool {
	out := map[string]bool{}
	for _, s := range e.Sources {
		ws := strings.FieldsFunc(s.Text, func(r rune) bool {
			return !(unicode.IsLetter(r) || r == '-' || r == '\'')
		})
		for i, w := range ws {
			if i == 0 || len(w) < 3 || !unicode.IsUpper([]rune(w)[0]) || strings.ToUpper(w) == w && len(w) > 4 {
				continue
			}
			l := strings.ToLower(w)
			if mergeStopWords[l] || timex.CalendarWord(l) {
				continue
			}
			out[l] = true
		}
	}
	return out
}

// dateArticlesFromReports dates, among articles extracted together (exts
// holds each one's extraction), those without a date of their own from
// the others' reports (DateFromReports), as an import does once its files
// are stored: it replaces their extractions with those found against the
// date learnt and returns the dated copies by index.
func (x *Extractor) dateArticlesFromReports(arts []*model.Article, exts []model.Extraction) map[int]*model.Article {
	var dated []model.Event
	for i, a := range arts {
		if a.HasDate() {
			dated = append(dated, exts[i].Events...)
		}
	}
	reports := NewReports(dated)
	if len(reports.events) == 0 {
		return nil
	}
	out := map[int]*model.Article{}
	for i, a := range arts {
		if a.HasDate() {
			continue
		}
		if d, ext, ok := x.DateFromReports(a, exts[i].Events, reports); ok {
			exts[i] = ext
			out[i] = d
		}
	}
	return out
}

// ExtractArticles extracts articles read together, dates those without a
// date of their own from the others' reports (dateArticlesFromReports),
// then the events each tells without a date (DateRetold), and returns all
// their events in the articles' order, with the dated copies by index:
// what `atlas extract` does before merging.
func (x *Extractor) ExtractArticles(arts []*model.Article) ([]model.Event, map[int]*model.Article) {
	exts := make([]model.Extraction, len(arts))
	for i, a := range arts {
		exts[i] = x.Extract(a)
	}
	dated := x.dateArticlesFromReports(arts, exts)
	var reports []model.Event
	for _, e := range exts {
		reports = append(reports, e.Events...)
	}
	idx := NewReports(reports)
	var all []model.Event
	for i, e := range exts {
		all = append(all, e.Events...)
		pub := arts[i].Published
		if d, ok := dated[i]; ok {
			pub = d.Published
		}
		all = append(all, idx.DateRetold(e.Retold, e.Events, pub)...)
	}
	return all, dated
}
