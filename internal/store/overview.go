package store

import (
	"cmp"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/paulmach/orb"
)

// Granularity is the bucket size of EventCounts.
type Granularity int

// Bucket sizes for EventCounts.
const (
	Day Granularity = iota
	Month
	Year
)

// Count is the number of events starting in one bucket.
type Count struct {
	Start time.Time // first day of the bucket (UTC)
	N     int
}

// countTables are the tables kept on write that answer EventCounts without a
// filter, indexed by Granularity, with the bucket number of a day in each.
var countTables = [...]struct {
	table, col string
	bucket     func(time.Time) int64 // the bucket a day falls in
	start      func(int64) time.Time // the first day of a bucket
}{
	Day:   {"counts_day", "day", dayNum, dayTime},
	Month: {"counts_month", "month", monthNum, func(b int64) time.Time { return time.Date(int(b/12), time.Month(b%12+1), 1, 0, 0, 0, 0, time.UTC) }},
	Year:  {"counts_year", "year", func(t time.Time) int64 { return int64(t.UTC().Year()) }, func(b int64) time.Time { return time.Date(int(b), 1, 1, 0, 0, 0, 0, time.UTC) }},
}

// EventCounts returns how many visible dated events start in each day, month
// or year between from and to (inclusive; zero = unbounded), for the
// timeline's density when zoomed out. Buckets with no events are left out.
// Without a narrowing filter the answer comes from count tables kept on every
// write, so it costs the same with a million events as with ten.
func (s *Store) EventCounts(g Granularity, from, to time.Time, f Filter) ([]Count, error) {
	if int(g) < 0 || int(g) >= len(countTables) {
		return nil, fmt.Errorf("event counts: unknown granularity %d", g)
	}
	ct := countTables[g]
	var query string
	var args []any
	if !f.narrow() {
		query = `SELECT ` + ct.col + `, n FROM ` + ct.table + ` WHERE n > 0`
		if !from.IsZero() {
			query += ` AND ` + ct.col + ` >= ?`
			args = append(args, ct.bucket(from))
		}
		if !to.IsZero() {
			query += ` AND ` + ct.col + ` <= ?`
			args = append(args, ct.bucket(to))
		}
		query += ` ORDER BY ` + ct.col
	} else {
		// Count by start day inside the window, like the count tables do.
		f.From, f.To = time.Time{}, time.Time{}
		w, a := f.clauses()
		w = append(w, `e.start_day IS NOT NULL`)
		if !from.IsZero() {
			w = append(w, `e.start_day >= ?`)
			a = append(a, dayNum(from))
		}
		if !to.IsZero() {
			w = append(w, `e.start_day <= ?`)
			a = append(a, dayNum(to))
		}
		// Group by day in SQL (an index scan for kind filters) and into
		// months or years here: cheaper than date functions per row.
		query = `SELECT e.start_day, count(*) FROM events e WHERE ` + strings.Join(w, ` AND `) + ` GROUP BY e.start_day ORDER BY e.start_day`
		args = a
		return s.scanCounts(query, args, func(d int64) time.Time { return ct.start(ct.bucket(dayTime(d))) })
	}
	return s.scanCounts(query, args, ct.start)
}

// scanCounts runs a query of (number, count) rows in ascending order and
// sums the counts of rows whose number starts the same bucket.
func (s *Store) scanCounts(query string, args []any, start func(int64) time.Time) ([]Count, error) {
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("event counts: %w", err)
	}
	defer rows.Close()
	var out []Count
	for rows.Next() {
		var b int64
		var n int
		if err := rows.Scan(&b, &n); err != nil {
			return nil, fmt.Errorf("event counts: %w", err)
		}
		t := start(b)
		if k := len(out) - 1; k >= 0 && out[k].Start.Equal(t) {
			out[k].N += n
		} else {
			out = append(out, Count{Start: t, N: n})
		}
	}
	return out, rows.Err()
}

func monthNum(t time.Time) int64 {
	t = t.UTC()
	return int64(t.Year())*12 + int64(t.Month()) - 1
}

// Mark is the light form of an event that the timeline draws: no actors, no
// sources, no place details. Use Event or SourcesOf for the rest.
type Mark struct {
	ID         int64
	Kind       model.Kind
	Title      string
	Start, End time.Time
	Precision  model.Precision
	Planned    bool
	PlaceID    int64 // 0 when the event has no place
	Confidence float64
	InBriefing bool
	Edited     bool
	Hidden     bool // hidden or merged away by the user; only with Filter.IncludeHidden
}

// Marks returns the light form of the dated events overlapping from..to that
// pass f, by start date; one indexed query, so a zoomed-in timeline over a
// million-event store stays fast. With f.Limit, spans that began before from
// come first and can use up the limit: a timeline window should ask for
// MarksStartingBetween and SpansCovering instead.
func (s *Store) Marks(from, to time.Time, f Filter) ([]Mark, error) {
	f = f.within(from, to)
	w, args := f.clauses()
	w = append(w, `e.start_day IS NOT NULL`)
	ms, err := s.queryMarks(w, args, orderLimit(f))
	if err != nil {
		return nil, fmt.Errorf("marks between %s and %s: %w", dayString(from), dayString(to), err)
	}
	return ms, nil
}

// MarksStartingBetween returns the light form of the dated events passing f
// that start on one of the days from..to (inclusive), by start date, at most
// f.Limit of them. Unlike Marks, spans that began earlier never crowd out the
// window's own events; SpansCovering gives those.
func (s *Store) MarksStartingBetween(from, to time.Time, f Filter) ([]Mark, error) {
	w, args := f.clauses()
	w = append(w, `e.start_day BETWEEN ? AND ?`)
	args = append(args, dayNum(from), dayNum(to))
	ms, err := s.queryMarks(w, args, orderLimit(f))
	if err != nil {
		return nil, fmt.Errorf("marks starting between %s and %s: %w", dayString(from), dayString(to), err)
	}
	return ms, nil
}

// SpansCovering returns the light form of the dated events passing f that
// began before day and last into it (a month's report seen from its middle),
// latest start first, at most f.Limit of them. The scan reaches back only as
// far as the longest stored event.
func (s *Store) SpansCovering(day time.Time, f Filter) ([]Mark, error) {
	w, args := f.clauses()
	d := dayNum(day)
	w = append(w, `e.start_day < ? AND e.start_day >= ? - (SELECT value FROM meta WHERE name = 'max_span') AND e.end_day >= ?`)
	args = append(args, d, d, d)
	tail := `ORDER BY e.start_day DESC, e.id DESC`
	if f.Limit > 0 {
		tail += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	ms, err := s.queryMarks(w, args, tail)
	if err != nil {
		return nil, fmt.Errorf("spans covering %s: %w", dayString(day), err)
	}
	return ms, nil
}

// queryMarks runs one marks query over events e with the conditions w.
func (s *Store) queryMarks(w []string, args []any, tail string) ([]Mark, error) {
	rows, err := s.db.Query(`SELECT e.id, e.kind, e.title, e.start_day, e.end_day, e.precision, e.planned,
		coalesce(e.place_id, 0), e.confidence, e.in_briefing, e.edited, e.hidden OR e.merged_into IS NOT NULL
		FROM events e WHERE `+strings.Join(w, ` AND `)+` `+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Mark
	for rows.Next() {
		var m Mark
		var kind, prec string
		var sd, ed sql.NullInt64
		if err := rows.Scan(&m.ID, &kind, &m.Title, &sd, &ed, &prec, &m.Planned, &m.PlaceID, &m.Confidence, &m.InBriefing, &m.Edited, &m.Hidden); err != nil {
			return nil, err
		}
		m.Kind, m.Precision = model.Kind(kind), model.Precision(prec)
		m.Start = dayTime(sd.Int64)
		m.End = m.Start
		if ed.Valid {
			m.End = dayTime(ed.Int64)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// PlaceCount is a map marker: a place, how many events happened there,
// the kind most of them have (which colours the marker) and the first and
// last day among them (zero when all are undated).
type PlaceCount struct {
	Place       model.Place
	Count       int
	Kind        model.Kind // the most frequent kind among the counted events; ties go to the earlier kind in model.Kinds
	First, Last time.Time
}

// PlacesIn returns the places inside b (lon/lat; Min is south-west) that
// have visible events passing f, most events first, each with its dominant
// kind. The zero orb.Bound means the whole world. Without a narrowing
// filter or dates the counts and kinds come from tables kept on every
// write and the places from the R*Tree; otherwise from one GROUP BY over
// the matching events.
func (s *Store) PlacesIn(b orb.Bound, f Filter) ([]PlaceCount, error) {
	if b == (orb.Bound{}) {
		b = orb.Bound{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}}
	}
	world := b.Min.X() <= -180 && b.Max.X() >= 180 && b.Min.Y() <= -90 && b.Max.Y() >= 90
	if world && !f.narrow() && f.From.IsZero() && f.To.IsZero() {
		return s.worldPlaces()
	}
	box := []any{b.Max.X(), b.Min.X(), b.Max.Y(), b.Min.Y()}
	// Every query yields one row per place and kind: (place, kind, events
	// of that kind, the place's count or 0 when it is the sum of its kinds,
	// first day, last day).
	// Without a narrowing filter the dominant kind is kept on every write,
	// like the counts.
	const fromStats = `SELECT ps.place_id, coalesce(pt.kind, ''), 1, ps.n, ps.first_day, ps.last_day
		FROM place_stats ps LEFT JOIN place_top pt ON pt.place_id = ps.place_id `
	var query string
	var args []any
	switch {
	case !f.narrow() && f.From.IsZero() && f.To.IsZero():
		// Not the whole world (worldPlaces answered that above).
		query = fromStats + `JOIN places_rtree r ON r.id = ps.place_id
			WHERE r.min_lon <= ? AND r.max_lon >= ? AND r.min_lat <= ? AND r.max_lat >= ? AND ps.n > 0`
		args = box
	default:
		w, a := f.clauses()
		w = append(w, `e.place_id IS NOT NULL`)
		if !world {
			w = append(w, `e.place_id IN (SELECT id FROM places_rtree WHERE min_lon <= ? AND max_lon >= ? AND min_lat <= ? AND max_lat >= ?)`)
			a = append(a, box...)
		}
		query = `SELECT e.place_id, e.kind, count(*), 0, min(e.start_day), max(coalesce(e.end_day, e.start_day))
			FROM events e WHERE ` + strings.Join(w, ` AND `) + ` GROUP BY e.place_id, e.kind`
		args = a
	}
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("places in view: %w", err)
	}
	var out []PlaceCount
	var ids []int64
	var best []int // events of out[i].Kind
	// Rows of a place usually come together; the map is for when they do not.
	at := map[int64]int{}
	for rows.Next() {
		var id int64
		var kind string
		var kn, n int
		var first, last sql.NullInt64
		if err := rows.Scan(&id, &kind, &kn, &n, &first, &last); err != nil {
			rows.Close()
			return nil, fmt.Errorf("places in view: %w", err)
		}
		i := len(out) - 1
		if i < 0 || out[i].Place.ID != id {
			var ok bool
			if i, ok = at[id]; !ok {
				i = len(out)
				at[id] = i
				out = append(out, PlaceCount{Place: model.Place{ID: id}, Count: n})
				ids = append(ids, id)
				best = append(best, 0)
			}
		}
		pc := &out[i]
		if n == 0 { // grouped by kind here: the place's count and days add up
			pc.Count += kn
		}
		if kn > best[i] || (kn == best[i] && kindRank(model.Kind(kind)) < kindRank(pc.Kind)) {
			pc.Kind, best[i] = model.Kind(kind), kn
		}
		if first.Valid && (pc.First.IsZero() || dayTime(first.Int64).Before(pc.First)) {
			pc.First = dayTime(first.Int64)
		}
		if last.Valid && dayTime(last.Int64).After(pc.Last) {
			pc.Last = dayTime(last.Int64)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("places in view: %w", err)
	}
	places, err := s.places.get(s.db, ids)
	if err != nil {
		return nil, fmt.Errorf("places in view: %w", err)
	}
	for i := range out {
		out[i].Place = places[out[i].Place.ID]
	}
	// Sorting here is cheaper than SQLite's temporary b-tree.
	slices.SortFunc(out, busiestFirst)
	return out, nil
}

// worldPlaces is PlacesIn for the whole world and no filter: the first
// frame of the app and of the open benchmark. One query joins the kept
// counts to the place rows, which costs less than reading the places
// through the cache afterwards (~125 instead of ~210 ms on 50k places) and
// keeps them out of the cache, which a start-up does not need.
func (s *Store) worldPlaces() ([]PlaceCount, error) {
	// Sized up front: growing a slice of 50k places costs a tenth of the call.
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM place_stats WHERE n > 0`).Scan(&n); err != nil {
		return nil, fmt.Errorf("places in the world: %w", err)
	}
	rows, err := s.db.Query(`SELECT ps.place_id, coalesce(pt.kind, ''), ps.n, ps.first_day, ps.last_day,
			p.key, p.name, p.country, p.admin1, p.country_name, p.admin1_name, p.lat, p.lon, p.feature, p.population, p.ambiguous
		FROM place_stats ps JOIN places p ON p.id = ps.place_id
		LEFT JOIN place_top pt ON pt.place_id = ps.place_id
		WHERE ps.n > 0`)
	if err != nil {
		return nil, fmt.Errorf("places in the world: %w", err)
	}
	defer rows.Close()
	out := make([]PlaceCount, 0, n)
	for rows.Next() {
		var pc PlaceCount
		var first, last sql.NullInt64
		p := &pc.Place
		if err := rows.Scan(&p.ID, &pc.Kind, &pc.Count, &first, &last,
			&p.Key, &p.Name, &p.Country, &p.Admin1, &p.CountryName, &p.Admin1Name, &p.Lat, &p.Lon, &p.Feature, &p.Population, &p.Ambiguous); err != nil {
			return nil, fmt.Errorf("places in the world: %w", err)
		}
		if first.Valid {
			pc.First = dayTime(first.Int64)
		}
		if last.Valid {
			pc.Last = dayTime(last.Int64)
		}
		out = append(out, pc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("places in the world: %w", err)
	}
	sortBusiestFirst(out)
	return out, nil
}

// sortBusiestFirst sorts places as busiestFirst does by sorting their keys
// and then moving each place once: sorting 50,000 places themselves moved
// their 12 MB about many times over, a fifth of reading them.
func sortBusiestFirst(pcs []PlaceCount) {
	type key struct {
		count int
		id    int64
		at    int
	}
	keys := make([]key, len(pcs))
	for i, pc := range pcs {
		keys[i] = key{pc.Count, pc.Place.ID, i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	// Place j takes the place at keys[j].at, one cycle of the permutation
	// at a time; a key pointing at itself is done.
	for j := range keys {
		if keys[j].at == j {
			continue
		}
		held := pcs[j]
		k := j
		for {
			from := keys[k].at
			keys[k].at = k
			if from == j {
				pcs[k] = held
				break
			}
			pcs[k] = pcs[from]
			k = from
		}
	}
}

// busiestFirst orders map markers by event count, most first, then by place
// id so that equal counts keep one order from call to call.
func busiestFirst(a, b PlaceCount) int {
	if c := cmp.Compare(b.Count, a.Count); c != 0 {
		return c
	}
	return cmp.Compare(a.Place.ID, b.Place.ID)
}

// kindRank orders kinds as model.Kinds lists them; unknown kinds go last.
func kindRank(k model.Kind) int {
	for i, kk := range model.Kinds {
		if kk == k {
			return i
		}
	}
	return len(model.Kinds)
}

// placeCache keeps places in memory by id. Place rows are never changed or
// deleted once written (a corrected place is a new row), so entries never
// go stale; ids not yet cached are read on demand.
type placeCache struct {
	mu  sync.Mutex
	m   map[int64]model.Place
	all bool // every place stored at some point is cached
}

func (c *placeCache) get(db *sql.DB, ids []int64) (map[int64]model.Place, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[int64]model.Place{}
	}
	var missing []int64
	for _, id := range ids {
		if _, ok := c.m[id]; !ok {
			missing = append(missing, id)
		}
	}
	const cols = `SELECT ` + placeCols + ` FROM places p`
	load := func(q string, args ...any) error {
		rows, err := db.Query(q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p, err := scanPlace(rows)
			if err != nil {
				return err
			}
			c.m[p.ID] = p
		}
		return rows.Err()
	}
	switch {
	case len(missing) == 0:
	case len(missing) > 2000 || !c.all && len(missing) > len(ids)/2 && len(ids) > 500:
		// Most of the map at once: one scan beats many lookups.
		if err := load(cols); err != nil {
			return nil, err
		}
		c.all = true
	default:
		for _, chunk := range inLists(missing) {
			if err := load(cols+` WHERE id IN (`+placeholders(len(chunk))+`)`, chunk...); err != nil {
				return nil, err
			}
		}
	}
	out := make(map[int64]model.Place, len(ids))
	for _, id := range ids {
		if p, ok := c.m[id]; ok {
			out[id] = p
		}
	}
	return out, nil
}

// placeCols are the columns of a places row p that scanPlace reads.
const placeCols = `p.id, p.key, p.name, p.country, p.admin1, p.country_name, p.admin1_name, p.lat, p.lon, p.feature, p.population, p.ambiguous`

func scanPlace(r scanner) (model.Place, error) {
	var p model.Place
	err := r.Scan(&p.ID, &p.Key, &p.Name, &p.Country, &p.Admin1, &p.CountryName, &p.Admin1Name, &p.Lat, &p.Lon, &p.Feature, &p.Population, &p.Ambiguous)
	return p, err
}

// Place returns one stored place (from memory after the first time).
func (s *Store) Place(id int64) (*model.Place, error) {
	m, err := s.places.get(s.db, []int64{id})
	if err != nil {
		return nil, fmt.Errorf("place %d: %w", id, err)
	}
	p, ok := m[id]
	if !ok {
		return nil, fmt.Errorf("place %d: %w", id, ErrNotFound)
	}
	return &p, nil
}

// PlacesNamed returns the stored places with this name (case-insensitive),
// most events first, for `atlas events --place NAME` and the place filter.
func (s *Store) PlacesNamed(name string) ([]model.Place, error) {
	rows, err := s.db.Query(`SELECT `+placeCols+` FROM places p LEFT JOIN place_stats ps ON ps.place_id = p.id
		WHERE p.name = ? COLLATE NOCASE ORDER BY coalesce(ps.n, 0) DESC, p.id`, name)
	if err != nil {
		return nil, fmt.Errorf("places named %q: %w", name, err)
	}
	defer rows.Close()
	var out []model.Place
	for rows.Next() {
		p, err := scanPlace(rows)
		if err != nil {
			return nil, fmt.Errorf("places named %q: %w", name, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Actors returns every stored actor by name, for the actor filter.
func (s *Store) Actors() ([]model.Actor, error) {
	rows, err := s.db.Query(`SELECT id, name, type, title, aliases FROM actors ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list actors: %w", err)
	}
	defer rows.Close()
	var out []model.Actor
	for rows.Next() {
		var a model.Actor
		var typ, aliases string
		if err := rows.Scan(&a.ID, &a.Name, &typ, &a.Title, &aliases); err != nil {
			return nil, fmt.Errorf("list actors: %w", err)
		}
		a.Type = model.ActorType(typ)
		a.Aliases = decodeStrings(aliases)
		out = append(out, a)
	}
	return out, rows.Err()
}

// DateRange returns the first start day and the last end day of the visible
// dated events; ok is false when there are none.
func (s *Store) DateRange() (first, last time.Time, ok bool, err error) {
	var lo, hi sql.NullInt64
	if err := s.db.QueryRow(`SELECT min(day), max(day) FROM counts_day WHERE n > 0`).Scan(&lo, &hi); err != nil {
		return first, last, false, fmt.Errorf("date range: %w", err)
	}
	if !lo.Valid {
		return first, last, false, nil
	}
	// The last start day bounds the search for the last end day.
	var end sql.NullInt64
	if err := s.db.QueryRow(`SELECT max(end_day) FROM events
		WHERE start_day >= ? - (SELECT value FROM meta WHERE name = 'max_span') AND hidden = 0 AND merged_into IS NULL`, hi.Int64).Scan(&end); err != nil {
		return first, last, false, fmt.Errorf("date range: %w", err)
	}
	if end.Valid && end.Int64 > hi.Int64 {
		hi = end
	}
	return dayTime(lo.Int64), dayTime(hi.Int64), true, nil
}

// Stats are the totals shown in the status bar.
type Stats struct {
	Events   int // visible events, dated or not
	Undated  int // visible events that need a date
	Articles int
	Places   int // places with visible events
}

// Stats counts what the store holds, from the count tables where it can.
func (s *Store) Stats() (Stats, error) {
	var st Stats
	var dated sql.NullInt64
	err := s.db.QueryRow(`SELECT
		(SELECT sum(n) FROM counts_year),
		(SELECT count(*) FROM events WHERE start_day IS NULL AND hidden = 0 AND merged_into IS NULL),
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM place_stats WHERE n > 0)`).Scan(&dated, &st.Undated, &st.Articles, &st.Places)
	if err != nil {
		return st, fmt.Errorf("store stats: %w", err)
	}
	st.Events = int(dated.Int64) + st.Undated
	return st, nil
}
