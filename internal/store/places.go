package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
)

// Places form a hierarchy of two levels above them: every stored place
// knows its country (ISO2) and GeoNames first-level division (admin1 code),
// with their names from the gazetteer. A filter on a country or division
// (Filter.Region, or Filter.PlaceID of a country's or division's own place)
// takes every event at a place inside it, so that Syria includes Palmyra.
// Informal regions (the Middle East) and disputed areas (Crimea) have no
// country code and hold only their own events.

// Region is a country or one of its first-level divisions.
type Region struct {
	Country string // ISO 3166-1 alpha-2
	Admin1  string // GeoNames admin1 code within Country; "" for the whole country
}

// RegionCount is a country, a division, or a place in no country (a
// disputed area, a sea), with the visible events inside it passing a filter.
type RegionCount struct {
	Region // zero for a place in no country
	Name   string
	// Count is the events at places inside it, its own place's included.
	Count int
	// PlaceID is the stored place that is the region itself (Syria's own
	// row), 0 when events name only places inside it.
	PlaceID int64
	// Divisions are a country's first-level divisions with events,
	// busiest first.
	Divisions []RegionCount
	// Places are the places directly inside it, busiest first: a
	// division's, and a country's outside any named division.
	Places []PlaceCount
}

// placeAndInsideSQL lists a place (argument 1) and, when it is a country or
// a first-level division, every place inside it (argument 2, the same id).
const placeAndInsideSQL = `SELECT ? UNION ALL
	SELECT c.id FROM places a JOIN places c ON c.country = a.country
	WHERE a.id = ? AND a.country <> '' AND (a.feature = 'country' OR (a.feature = 'ADM1' AND a.admin1 <> '' AND c.admin1 = a.admin1))`

// fillAreaNames names p's country and division from the gazetteer, unless
// the caller did.
func fillAreaNames(p *model.Place) error {
	if p.Country == "" || (p.CountryName != "" && (p.Admin1 == "" || p.Admin1Name != "")) {
		return nil
	}
	g, err := geo.DefaultGazetteer()
	if err != nil {
		return fmt.Errorf("name the country of %q: %w", p.Name, err)
	}
	if p.CountryName == "" {
		if c, ok := g.Country(p.Country); ok {
			p.CountryName = c.Name
		}
	}
	if p.Admin1 != "" && p.Admin1Name == "" {
		p.Admin1Name = g.Admin1Name(p.Country, p.Admin1)
	}
	return nil
}

// fillPlaceAreas names the country and division of the places stored
// before schema 13.
func fillPlaceAreas(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, name, country, admin1 FROM places WHERE country <> ''`)
	if err != nil {
		return fmt.Errorf("name the places' countries: %w", err)
	}
	var ps []model.Place
	for rows.Next() {
		var p model.Place
		if err := rows.Scan(&p.ID, &p.Name, &p.Country, &p.Admin1); err != nil {
			rows.Close()
			return fmt.Errorf("name the places' countries: %w", err)
		}
		ps = append(ps, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("name the places' countries: %w", err)
	}
	for i := range ps {
		p := &ps[i]
		if err := fillAreaNames(p); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE places SET country_name = ?, admin1_name = ? WHERE id = ?`,
			p.CountryName, p.Admin1Name, p.ID); err != nil {
			return fmt.Errorf("name the country of %q: %w", p.Name, err)
		}
	}
	return nil
}

// PlacesWithin returns the places inside a country or division that have
// visible events passing f, busiest first.
func (s *Store) PlacesWithin(r Region, f Filter) ([]PlaceCount, error) {
	f.Region = r
	pcs, err := s.PlacesIn(orb.Bound{}, f)
	if err != nil {
		return nil, fmt.Errorf("places within %s %s: %w", r.Country, r.Admin1, err)
	}
	return pcs, nil
}

// EventsInPlace returns the events at a place or, when it is a country or a
// first-level division, at any place inside it, passing f: dated first, by
// date. EventsAt keeps to the place itself, as its map marker counts.
func (s *Store) EventsInPlace(placeID int64, f Filter) ([]model.Event, error) {
	f.PlaceID, f.exactPlace = placeID, false
	w, args := f.clauses()
	evs, err := selectEvents(context.Background(), s.db, false, true, w, args, `ORDER BY e.start_day IS NULL, `+strings.TrimPrefix(orderLimit(f), `ORDER BY `))
	if err != nil {
		return nil, fmt.Errorf("events in place %d: %w", placeID, err)
	}
	return evs, nil
}

// EventsInArea returns the events at places inside b (lon/lat, Min is
// south-west), as a rectangle dragged on the map selects them, passing f:
// dated first, by date.
func (s *Store) EventsInArea(b orb.Bound, f Filter) ([]model.Event, error) {
	f.Rect = b
	w, args := f.clauses()
	evs, err := selectEvents(context.Background(), s.db, false, true, w, args, `ORDER BY e.start_day IS NULL, `+strings.TrimPrefix(orderLimit(f), `ORDER BY `))
	if err != nil {
		return nil, fmt.Errorf("events in area %v: %w", b, err)
	}
	return evs, nil
}

// RegionNamed finds a country or first-level division by the name its
// stored places give it ("Syria", "Homs", also for "Homs (Hims)"), in any
// case, for a place filter on a region no event names itself. A country
// wins over a division of the same name.
func (s *Store) RegionNamed(name string) (Region, string, error) {
	var r Region
	var spelled string
	err := s.db.QueryRow(`SELECT country, '', country_name FROM places WHERE country_name = ? COLLATE NOCASE
		UNION ALL SELECT country, admin1, admin1_name FROM places
			WHERE (admin1_name = ? COLLATE NOCASE OR admin1_name LIKE ? ESCAPE '\') AND admin1 <> ''
		LIMIT 1`, name, name, likeEscaper.Replace(name)+" (%").Scan(&r.Country, &r.Admin1, &spelled)
	if errors.Is(err, sql.ErrNoRows) {
		return Region{}, "", fmt.Errorf("region named %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return Region{}, "", fmt.Errorf("region named %q: %w", name, err)
	}
	return r, spelled, nil
}

// likeEscaper escapes LIKE's wildcards in a name.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// Regions returns the places with visible events passing f filed by
// country and division, busiest first, for the place picker.
func (s *Store) Regions(f Filter) ([]RegionCount, error) {
	pcs, err := s.PlacesIn(orb.Bound{}, f)
	if err != nil {
		return nil, fmt.Errorf("places by region: %w", err)
	}
	return GroupByRegion(pcs), nil
}

// GroupByRegion files places with their counts (as PlacesIn returns them)
// by country and first-level division: countries, and places in no
// country, busiest first; within a country its divisions and the places
// outside any named division; within a division its places. A country's or
// division's own place counts towards it and is its PlaceID, not a child.
func GroupByRegion(pcs []PlaceCount) []RegionCount {
	var out []RegionCount
	countries := map[string]int{}
	divisions := map[Region]int{} // index into the country's Divisions
	country := func(p model.Place) *RegionCount {
		i, ok := countries[p.Country]
		if !ok {
			i = len(out)
			countries[p.Country] = i
			name := p.CountryName
			if name == "" {
				name = p.Country
			}
			out = append(out, RegionCount{Region: Region{Country: p.Country}, Name: name})
		}
		return &out[i]
	}
	for _, pc := range pcs {
		p := pc.Place
		if p.Country == "" {
			out = append(out, RegionCount{Name: p.Name, Count: pc.Count, PlaceID: p.ID})
			continue
		}
		c := country(p)
		c.Count += pc.Count
		switch {
		case p.Feature == "country":
			c.PlaceID = p.ID
			if p.CountryName == "" {
				c.Name = p.Name
			}
		case p.Admin1 != "" && p.Admin1Name != "":
			r := Region{Country: p.Country, Admin1: p.Admin1}
			i, ok := divisions[r]
			if !ok {
				i = len(c.Divisions)
				divisions[r] = i
				c.Divisions = append(c.Divisions, RegionCount{Region: r, Name: p.Admin1Name})
			}
			d := &c.Divisions[i]
			d.Count += pc.Count
			if p.Feature == "ADM1" {
				d.PlaceID = p.ID
			} else {
				d.Places = append(d.Places, pc)
			}
		default:
			c.Places = append(c.Places, pc)
		}
	}
	busiest := func(a, b RegionCount) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	}
	for i := range out {
		slices.SortStableFunc(out[i].Divisions, busiest)
		for j := range out[i].Divisions {
			slices.SortStableFunc(out[i].Divisions[j].Places, busiestFirst)
		}
		slices.SortStableFunc(out[i].Places, busiestFirst)
	}
	slices.SortStableFunc(out, busiest)
	return out
}
