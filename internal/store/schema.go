package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// migrations are applied in order; PRAGMA user_version records how many have
// run, so that a store written by an older build is upgraded in place and a
// store from a newer build is refused rather than damaged.
//
// Events carry two sets of values: the x_* columns hold what extraction found,
// the plain columns hold the effective values (extraction with the user's
// edits applied). Edits themselves live in the edits table keyed by the
// event's stable key, so re-extraction and re-import recompute the effective
// values from the new extraction plus the same edits. Queries then only read
// effective columns, which keeps range scans on plain indexes.
//
// Count tables (counts_day/month/year, place_stats) are kept by triggers so
// that every write path, including bulk loading, keeps them right. An event
// counts once, on its start day, while it is dated and visible (not hidden,
// not merged into another).
var migrations = []string{
	// 1: the first schema.
	`
CREATE TABLE meta (
	name  TEXT PRIMARY KEY,
	value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO meta(name, value) VALUES ('max_span', 0);

CREATE TABLE articles (
	id          INTEGER PRIMARY KEY,
	path        TEXT NOT NULL,
	sha256      TEXT NOT NULL UNIQUE,
	format      TEXT NOT NULL,
	title       TEXT NOT NULL DEFAULT '',
	publisher   TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	published   INTEGER,            -- unix seconds, NULL when unknown
	date_source TEXT NOT NULL DEFAULT 'unknown',
	dateline    TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL,
	noise       TEXT NOT NULL DEFAULT '[]', -- JSON array of {start,end}
	imported_at INTEGER NOT NULL    -- unix seconds
);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE mentions (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	type       TEXT NOT NULL,
	text       TEXT NOT NULL,
	value      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentions_article ON mentions(article_id, start);

CREATE TABLE places (
	id         INTEGER PRIMARY KEY,
	key        TEXT NOT NULL UNIQUE,
	name       TEXT NOT NULL,
	country    TEXT NOT NULL DEFAULT '',
	admin1     TEXT NOT NULL DEFAULT '',
	lat        REAL NOT NULL,
	lon        REAL NOT NULL,
	feature    TEXT NOT NULL DEFAULT '',
	population INTEGER NOT NULL DEFAULT 0,
	ambiguous  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX places_name ON places(name COLLATE NOCASE);
CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER places_rtree_ai AFTER INSERT ON places BEGIN
	INSERT INTO places_rtree(id, min_lon, max_lon, min_lat, max_lat) VALUES (new.id, new.lon, new.lon, new.lat, new.lat);
END;
CREATE TRIGGER places_rtree_au AFTER UPDATE OF lat, lon ON places BEGIN
	UPDATE places_rtree SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat WHERE id = new.id;
END;
CREATE TRIGGER places_rtree_ad AFTER DELETE ON places BEGIN
	DELETE FROM places_rtree WHERE id = old.id;
END;

CREATE TABLE actors (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
	type    TEXT NOT NULL,
	title   TEXT NOT NULL DEFAULT '',
	aliases TEXT NOT NULL DEFAULT '[]' -- JSON array of strings
);

CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	key         TEXT NOT NULL UNIQUE,
	kind        TEXT NOT NULL,
	title       TEXT NOT NULL,
	start_day   INTEGER,            -- days since 1970-01-01, NULL when undated
	end_day     INTEGER,
	precision   TEXT NOT NULL DEFAULT '',
	planned     INTEGER NOT NULL DEFAULT 0,
	place_id    INTEGER REFERENCES places(id),
	confidence  REAL NOT NULL DEFAULT 0,
	hidden      INTEGER NOT NULL DEFAULT 0,
	merged_into TEXT,               -- key of the event this one was merged into by the user
	in_briefing INTEGER NOT NULL DEFAULT 0,
	note        TEXT NOT NULL DEFAULT '',
	edited      INTEGER NOT NULL DEFAULT 0,
	x_title     TEXT NOT NULL,
	x_start_day INTEGER,
	x_end_day   INTEGER,
	x_precision TEXT NOT NULL DEFAULT '',
	x_place_id  INTEGER REFERENCES places(id)
);
CREATE INDEX events_start ON events(start_day, end_day);
CREATE INDEX events_x_start ON events(x_start_day);
CREATE INDEX events_place ON events(place_id, start_day);
CREATE INDEX events_merged ON events(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX events_briefing ON events(in_briefing) WHERE in_briefing = 1;

CREATE VIRTUAL TABLE events_fts USING fts5(title, place, actors);

CREATE TABLE event_sources (
	event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	time_text  TEXT NOT NULL DEFAULT '',
	time_start INTEGER NOT NULL DEFAULT 0,
	time_end   INTEGER NOT NULL DEFAULT 0,
	date_how   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (event_id, article_id, start)
) WITHOUT ROWID;
CREATE INDEX event_sources_article ON event_sources(article_id);

CREATE TABLE event_actors (
	event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	actor_id INTEGER NOT NULL REFERENCES actors(id),
	PRIMARY KEY (event_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors(actor_id);

-- The user's edits, apart from extracted values, keyed by event key so that
-- they survive re-extraction and re-import. NULL means "not edited".
CREATE TABLE edits (
	event_key   TEXT PRIMARY KEY,
	title       TEXT,
	date_set    INTEGER NOT NULL DEFAULT 0, -- 1 when start/end/precision were set (NULL start = made undated)
	start_day   INTEGER,
	end_day     INTEGER,
	precision   TEXT,
	place_key   TEXT,
	hidden      INTEGER NOT NULL DEFAULT 0,
	merged_into TEXT,
	note        TEXT NOT NULL DEFAULT '',
	in_briefing INTEGER NOT NULL DEFAULT 0,
	updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE counts_day   (day   INTEGER PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE counts_month (month INTEGER PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID; -- year*12 + month-1
CREATE TABLE counts_year  (year  INTEGER PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE place_stats (
	place_id  INTEGER PRIMARY KEY,
	n         INTEGER NOT NULL,      -- visible events, dated or not
	first_day INTEGER,
	last_day  INTEGER
) WITHOUT ROWID;

` + countInsertTrigger + `

CREATE TRIGGER events_count_ad AFTER DELETE ON events
WHEN old.hidden = 0 AND old.merged_into IS NULL BEGIN
	UPDATE counts_day SET n = n - 1 WHERE day = old.start_day;
	UPDATE counts_month SET n = n - 1
		WHERE month = CAST(strftime('%Y', old.start_day * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', old.start_day * 86400, 'unixepoch') AS INTEGER) - 1;
	UPDATE counts_year SET n = n - 1 WHERE year = CAST(strftime('%Y', old.start_day * 86400, 'unixepoch') AS INTEGER);
	DELETE FROM counts_day WHERE day = old.start_day AND n <= 0;
	UPDATE place_stats SET n = n - 1,
		first_day = (SELECT min(start_day) FROM events WHERE place_id = old.place_id AND hidden = 0 AND merged_into IS NULL),
		last_day  = (SELECT max(coalesce(end_day, start_day)) FROM events WHERE place_id = old.place_id AND hidden = 0 AND merged_into IS NULL)
		WHERE place_id = old.place_id;
	DELETE FROM place_stats WHERE place_id = old.place_id AND n <= 0;
END;

-- An update that changes what is counted is a delete of the old row's count
-- followed by an insert of the new one.
CREATE TRIGGER events_count_au AFTER UPDATE OF start_day, end_day, place_id, hidden, merged_into ON events BEGIN
	UPDATE counts_day SET n = n - 1 WHERE day = old.start_day AND old.hidden = 0 AND old.merged_into IS NULL;
	UPDATE counts_month SET n = n - 1
		WHERE old.hidden = 0 AND old.merged_into IS NULL
		AND month = CAST(strftime('%Y', old.start_day * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', old.start_day * 86400, 'unixepoch') AS INTEGER) - 1;
	UPDATE counts_year SET n = n - 1 WHERE old.hidden = 0 AND old.merged_into IS NULL
		AND year = CAST(strftime('%Y', old.start_day * 86400, 'unixepoch') AS INTEGER);
	DELETE FROM counts_day WHERE day = old.start_day AND n <= 0;
	UPDATE place_stats SET n = n - 1 WHERE place_id = old.place_id AND old.hidden = 0 AND old.merged_into IS NULL;
	INSERT INTO counts_day(day, n) SELECT new.start_day, 1 WHERE new.start_day IS NOT NULL AND new.hidden = 0 AND new.merged_into IS NULL
		ON CONFLICT(day) DO UPDATE SET n = n + 1;
	INSERT INTO counts_month(month, n)
		SELECT CAST(strftime('%Y', new.start_day * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', new.start_day * 86400, 'unixepoch') AS INTEGER) - 1, 1
		WHERE new.start_day IS NOT NULL AND new.hidden = 0 AND new.merged_into IS NULL
		ON CONFLICT(month) DO UPDATE SET n = n + 1;
	INSERT INTO counts_year(year, n)
		SELECT CAST(strftime('%Y', new.start_day * 86400, 'unixepoch') AS INTEGER), 1
		WHERE new.start_day IS NOT NULL AND new.hidden = 0 AND new.merged_into IS NULL
		ON CONFLICT(year) DO UPDATE SET n = n + 1;
	INSERT INTO place_stats(place_id, n) SELECT new.place_id, 1 WHERE new.place_id IS NOT NULL AND new.hidden = 0 AND new.merged_into IS NULL
		ON CONFLICT(place_id) DO UPDATE SET n = n + 1;
	UPDATE place_stats SET
		first_day = (SELECT min(start_day) FROM events WHERE place_id = place_stats.place_id AND hidden = 0 AND merged_into IS NULL),
		last_day  = (SELECT max(coalesce(end_day, start_day)) FROM events WHERE place_id = place_stats.place_id AND hidden = 0 AND merged_into IS NULL)
		WHERE place_id IN (old.place_id, new.place_id);
	DELETE FROM place_stats WHERE place_id IN (old.place_id, new.place_id) AND n <= 0;
END;
`,
	// 2: actors keep the order extraction gave them (titles name the main
	// actor first).
	`ALTER TABLE event_actors ADD COLUMN pos INTEGER NOT NULL DEFAULT 0;`,
	// 3: the timeline's density per kind, read from this index alone.
	`CREATE INDEX events_kind_visible ON events(kind, start_day) WHERE hidden = 0 AND merged_into IS NULL;`,
	// 4: the file's own hash, so that re-importing a folder skips unchanged
	// files before parsing them.
	`ALTER TABLE articles ADD COLUMN file_sha256 TEXT;
	CREATE INDEX articles_file_sha256 ON articles(file_sha256) WHERE file_sha256 IS NOT NULL;`,
	// 5: merge candidates found from the index alone: short events by
	// start and end, the few long ones (a year, a decade) apart.
	`DROP INDEX events_x_start;
	CREATE INDEX events_x_span ON events(x_start_day, x_end_day);
	CREATE INDEX events_x_long ON events(x_start_day, x_end_day) WHERE x_end_day - x_start_day > 31;`,
	// 6: the timeline's marks of visible events read from this index alone,
	// without a table lookup per event.
	`CREATE INDEX events_marks ON events(start_day, end_day, kind, precision, planned, place_id, confidence, in_briefing, edited, title, hidden, merged_into)
		WHERE hidden = 0 AND merged_into IS NULL;`,
	// 7: undated merge candidates of one kind, newest first, from an index.
	`CREATE INDEX events_x_undated ON events(kind) WHERE x_start_day IS NULL;`,
	// 8: each place's visible events by kind from an index (superseded by 9).
	`CREATE INDEX events_place_kind ON events(place_id, kind) WHERE hidden = 0 AND merged_into IS NULL;`,
	// 9: each place's visible events per kind and its dominant kind, kept
	// on every write like place_stats, so that the world's markers get
	// their colours without reading a million events.
	`DROP INDEX events_place_kind;
CREATE TABLE place_kinds (
	place_id INTEGER NOT NULL,
	kind     TEXT NOT NULL,
	n        INTEGER NOT NULL,
	PRIMARY KEY (place_id, kind)
) WITHOUT ROWID;
CREATE TABLE place_top (
	place_id INTEGER PRIMARY KEY,
	kind     TEXT NOT NULL -- the most frequent kind; ties go to the earlier kind in model.Kinds
) WITHOUT ROWID;
INSERT INTO place_kinds(place_id, kind, n)
	SELECT place_id, kind, count(*) FROM events
	WHERE place_id IS NOT NULL AND hidden = 0 AND merged_into IS NULL GROUP BY place_id, kind;
` + placeTopFrom(`SELECT place_id FROM place_kinds`) + `
` + placeKindsInsertTrigger + `
CREATE TRIGGER place_kinds_ad AFTER DELETE ON events
WHEN old.place_id IS NOT NULL AND old.hidden = 0 AND old.merged_into IS NULL BEGIN
	UPDATE place_kinds SET n = n - 1 WHERE place_id = old.place_id AND kind = old.kind;
	DELETE FROM place_kinds WHERE place_id = old.place_id AND kind = old.kind AND n <= 0;
	` + placeTopOf("old") + `
END;
CREATE TRIGGER place_kinds_au AFTER UPDATE OF kind, place_id, hidden, merged_into ON events BEGIN
	UPDATE place_kinds SET n = n - 1
		WHERE old.place_id IS NOT NULL AND old.hidden = 0 AND old.merged_into IS NULL AND place_id = old.place_id AND kind = old.kind;
	DELETE FROM place_kinds WHERE place_id = old.place_id AND kind = old.kind AND n <= 0;
	INSERT INTO place_kinds(place_id, kind, n)
		SELECT new.place_id, new.kind, 1 WHERE new.place_id IS NOT NULL AND new.hidden = 0 AND new.merged_into IS NULL
		ON CONFLICT(place_id, kind) DO UPDATE SET n = n + 1;
	` + placeTopOf("old") + `
	` + placeTopOf("new") + `
END;`,
	// 10: the search index holds each event's source sentences too (those
	// of the events merged into it included), so that the search box finds
	// events by the words of the text they come from; see search.go.
	`DROP TABLE events_fts;
CREATE VIRTUAL TABLE events_fts USING fts5(title, place, actors, sources);
INSERT INTO events_fts(rowid, title, place, actors, sources) ` + eventDocSQL + `;`,
	// 11: an article's identity (URL, else path) is looked up on every
	// import, so that a changed version updates it (update.go). An event
	// that version no longer reports is kept, when the user edited,
	// starred, hid or noted it, with the id of that article (NULL while the
	// event is in its source), so that the app can say so and a later
	// version that reports it again takes it back.
	`CREATE INDEX articles_url ON articles(url) WHERE url <> '';
CREATE INDEX articles_path ON articles(path);
ALTER TABLE events ADD COLUMN orphan_of INTEGER;
CREATE INDEX events_orphan ON events(orphan_of) WHERE orphan_of IS NOT NULL;`,
	// 12: actors as identities (actors.go): each row is filed under its
	// identity key (extract.ActorKey) and family, every spelling seen is
	// kept once per article, a link to an event keeps the spelling it was
	// named by, and the user's merges and splits are kept apart. Then
	// rekeyActors (migrationSteps) keys and folds the rows already stored.
	`ALTER TABLE actors ADD COLUMN key TEXT NOT NULL DEFAULT '';
ALTER TABLE actors ADD COLUMN family TEXT NOT NULL DEFAULT '';
CREATE INDEX actors_key ON actors(key);
CREATE INDEX actors_family ON actors(family);
ALTER TABLE event_actors ADD COLUMN form TEXT NOT NULL DEFAULT '';
CREATE TABLE actor_forms (
	actor_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	form       TEXT NOT NULL,
	article_id INTEGER NOT NULL DEFAULT 0, -- 0 when unknown (bulk loads, forms from before 12)
	named      INTEGER NOT NULL DEFAULT 0, -- 1 when that article's extraction chose it as the name
	PRIMARY KEY (actor_id, form, article_id)
) WITHOUT ROWID;
CREATE INDEX actor_forms_form ON actor_forms(form);
CREATE TABLE actor_merges (
	from_key TEXT PRIMARY KEY,
	into_key TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE actor_splits (
	form     TEXT PRIMARY KEY COLLATE NOCASE,
	from_key TEXT NOT NULL
) WITHOUT ROWID;`,
	// 13: places as a hierarchy (places.go): each place names its country
	// and first-level division, and the places of a country or division
	// are found from an index, so that filtering on Syria includes
	// Palmyra. Then fillPlaceAreas (migrationSteps) names the places
	// already stored from the gazetteer.
	`ALTER TABLE places ADD COLUMN country_name TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN admin1_name TEXT NOT NULL DEFAULT '';
CREATE INDEX places_area ON places(country, admin1);`,
	// 14: each event keeps its number of source sentences, kept by
	// triggers on event_sources (every write path, cascades included), so
	// that the headlines of a stretch of the timeline, its most reported
	// events, are read from index ranges, by count and then by day,
	// instead of counting the sources of every event in it (stretch.go).
	`ALTER TABLE events ADD COLUMN n_sources INTEGER NOT NULL DEFAULT 0;
UPDATE events SET n_sources = (SELECT count(*) FROM event_sources s WHERE s.event_id = events.id);
CREATE INDEX events_reported ON events(n_sources, start_day) WHERE hidden = 0 AND merged_into IS NULL;
` + sourcesInsertTrigger + `
CREATE TRIGGER event_sources_ad AFTER DELETE ON event_sources BEGIN
	UPDATE events SET n_sources = n_sources - 1 WHERE id = old.event_id;
END;
CREATE TRIGGER event_sources_au AFTER UPDATE OF event_id ON event_sources BEGIN
	UPDATE events SET n_sources = n_sources - 1 WHERE id = old.event_id;
	UPDATE events SET n_sources = n_sources + 1 WHERE id = new.event_id;
END;`,
	// 15: the visible dated events counted by month and kind, kept like
	// counts_month, so that the kinds of a stretch of whole months (a year
	// card of the timeline) are summed from a few rows per kind instead of
	// counted from a year's 50,000 events (stretch.go). A month and kind
	// without events has no row.
	`CREATE TABLE counts_kind_month (
	month INTEGER NOT NULL, -- year*12 + month-1, as in counts_month
	kind  TEXT NOT NULL,
	n     INTEGER NOT NULL,
	PRIMARY KEY (month, kind)
) WITHOUT ROWID;
INSERT INTO counts_kind_month(month, kind, n)
	SELECT ` + monthOfSQL("start_day") + ` AS m, kind, count(*) FROM events
	WHERE start_day IS NOT NULL AND hidden = 0 AND merged_into IS NULL GROUP BY m, kind;
` + kindMonthInsertTrigger + `
CREATE TRIGGER counts_kind_month_ad AFTER DELETE ON events
WHEN old.start_day IS NOT NULL AND old.hidden = 0 AND old.merged_into IS NULL BEGIN
	` + kindMonthLess("old") + `
END;
CREATE TRIGGER counts_kind_month_au AFTER UPDATE OF kind, start_day, hidden, merged_into ON events BEGIN
	` + kindMonthLess("old") + `
	INSERT INTO counts_kind_month(month, kind, n)
		SELECT ` + monthOfSQL("new.start_day") + `, new.kind, 1
		WHERE new.start_day IS NOT NULL AND new.hidden = 0 AND new.merged_into IS NULL
		ON CONFLICT(month, kind) DO UPDATE SET n = n + 1;
END;`,
	// 16: a new report's merge candidates (short events by planned, start
	// and end) screened by kind and read with their place from the index
	// alone: a store of 20,000 articles has hundreds of events in the
	// month around a day, each a row read only to learn its kind. And a
	// place's last day from an index, not from all its events: the count
	// triggers ask for it whenever an event's dates or place change, as a
	// merged report's often do, which at 20,000 articles read 4,000 events
	// of a capital for each.
	`DROP INDEX events_x_span;
CREATE INDEX events_x_near ON events(planned, x_start_day, x_end_day, kind, x_precision, x_place_id);
CREATE INDEX events_place_last ON events(place_id, coalesce(end_day, start_day)) WHERE hidden = 0 AND merged_into IS NULL;`,
	// 17: each event's match words (words.go), what extract.Match reads
	// of its sentences, so that a new report is compared with a stored
	// event without cutting every sentence it cites from its article;
	// beside the events, whose rows the timeline and the map read, not in
	// them. Then fillEventWords (migrationSteps) works them out for the
	// events already stored.
	`CREATE TABLE event_words (
	event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
	words    TEXT NOT NULL -- sorted, separated by spaces
);`,
	// 18: whether an event's extracted place is a guess (the town a
	// report was filed from, the story's focus) rather than one its
	// sentences name (model.Event.PlaceGuessed), so that a report merged
	// into a stored event takes a named place over a guessed one, and two
	// reports whose places differ only by a guess may merge, as
	// extract.MergeAll does. Events stored before count as named.
	`ALTER TABLE events ADD COLUMN x_place_guessed INTEGER NOT NULL DEFAULT 0;`,
}

// monthOfSQL is the month number (year*12 + month-1) of a day column or
// expression, the key of counts_month and counts_kind_month.
func monthOfSQL(day string) string {
	return `CAST(strftime('%Y', ` + day + ` * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ` + day + ` * 86400, 'unixepoch') AS INTEGER) - 1`
}

// kindMonthLess takes a trigger's old row out of counts_kind_month when it
// was counted, dropping a row that reaches zero.
func kindMonthLess(row string) string {
	month := monthOfSQL(row + ".start_day")
	return `UPDATE counts_kind_month SET n = n - 1
		WHERE ` + row + `.start_day IS NOT NULL AND ` + row + `.hidden = 0 AND ` + row + `.merged_into IS NULL
		AND month = ` + month + ` AND kind = ` + row + `.kind;
	DELETE FROM counts_kind_month WHERE month = ` + month + ` AND kind = ` + row + `.kind AND n <= 0;`
}

// kindMonthInsertTrigger counts an inserted event in counts_kind_month;
// BulkWriter drops it for a load and counts once at commit, as it does
// countInsertTrigger.
var kindMonthInsertTrigger = `
CREATE TRIGGER counts_kind_month_ai AFTER INSERT ON events
WHEN new.start_day IS NOT NULL AND new.hidden = 0 AND new.merged_into IS NULL BEGIN
	INSERT INTO counts_kind_month(month, kind, n) VALUES (` + monthOfSQL("new.start_day") + `, new.kind, 1)
		ON CONFLICT(month, kind) DO UPDATE SET n = n + 1;
END;
`

// migrationSteps run in Go after the migration of their number (1-based),
// in its transaction, for what SQL alone cannot compute.
var migrationSteps = map[int]func(context.Context, *sql.Tx) error{
	12: rekeyActors,
	13: fillPlaceAreas,
	17: fillEventWords,
}

// kindRankSQL orders kinds as model.Kinds lists them (unknown kinds last),
// for ties between a place's kinds.
var kindRankSQL = func() string {
	var b strings.Builder
	b.WriteString(`CASE kind`)
	for i, k := range model.Kinds {
		fmt.Fprintf(&b, ` WHEN '%s' THEN %d`, k, i)
	}
	fmt.Fprintf(&b, ` ELSE %d END`, len(model.Kinds))
	return b.String()
}()

// placeTopOf recomputes place_top for the place of a trigger's old or new
// row: a handful of place_kinds rows.
func placeTopOf(row string) string {
	return `DELETE FROM place_top WHERE place_id = ` + row + `.place_id;
	INSERT INTO place_top(place_id, kind)
		SELECT place_id, kind FROM place_kinds WHERE place_id = ` + row + `.place_id AND n > 0
		ORDER BY n DESC, ` + kindRankSQL + ` LIMIT 1;`
}

// placeTopFrom recomputes place_top for the places the query ids lists,
// after place_kinds was filled in one pass by a migration or a bulk load.
func placeTopFrom(ids string) string {
	return `INSERT OR REPLACE INTO place_top(place_id, kind)
	SELECT place_id, kind FROM (
		SELECT place_id, kind, row_number() OVER (PARTITION BY place_id ORDER BY n DESC, ` + kindRankSQL + `) AS rn
		FROM place_kinds WHERE n > 0 AND place_id IN (` + ids + `))
	WHERE rn = 1;`
}

// placeKindsInsertTrigger keeps place_kinds and place_top on every insert;
// BulkWriter drops it for a load, as it does countInsertTrigger.
var placeKindsInsertTrigger = `
CREATE TRIGGER place_kinds_ai AFTER INSERT ON events
WHEN new.place_id IS NOT NULL AND new.hidden = 0 AND new.merged_into IS NULL BEGIN
	INSERT INTO place_kinds(place_id, kind, n) VALUES (new.place_id, new.kind, 1)
		ON CONFLICT(place_id, kind) DO UPDATE SET n = n + 1;
	` + placeTopOf("new") + `
END;
`

// countInsertTrigger keeps the count tables on every insert. BulkWriter
// drops it for the length of a bulk load and adds the counts in one pass at
// commit, which is several times faster over a million events.
const countInsertTrigger = `
CREATE TRIGGER events_count_ai AFTER INSERT ON events
WHEN new.hidden = 0 AND new.merged_into IS NULL BEGIN
	INSERT INTO counts_day(day, n) SELECT new.start_day, 1 WHERE new.start_day IS NOT NULL
		ON CONFLICT(day) DO UPDATE SET n = n + 1;
	INSERT INTO counts_month(month, n)
		SELECT CAST(strftime('%Y', new.start_day * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', new.start_day * 86400, 'unixepoch') AS INTEGER) - 1, 1
		WHERE new.start_day IS NOT NULL
		ON CONFLICT(month) DO UPDATE SET n = n + 1;
	INSERT INTO counts_year(year, n)
		SELECT CAST(strftime('%Y', new.start_day * 86400, 'unixepoch') AS INTEGER), 1
		WHERE new.start_day IS NOT NULL
		ON CONFLICT(year) DO UPDATE SET n = n + 1;
	INSERT INTO place_stats(place_id, n, first_day, last_day)
		SELECT new.place_id, 1, new.start_day, coalesce(new.end_day, new.start_day) WHERE new.place_id IS NOT NULL
		ON CONFLICT(place_id) DO UPDATE SET n = n + 1,
			first_day = CASE WHEN first_day IS NULL OR excluded.first_day < first_day THEN coalesce(excluded.first_day, first_day) ELSE first_day END,
			last_day  = CASE WHEN last_day IS NULL OR excluded.last_day > last_day THEN coalesce(excluded.last_day, last_day) ELSE last_day END;
END;
`

// sourcesInsertTrigger counts a source sentence on its event's row when it
// is linked; BulkWriter drops it for a load and counts once at commit, as it
// does countInsertTrigger.
const sourcesInsertTrigger = `
CREATE TRIGGER event_sources_ai AFTER INSERT ON event_sources BEGIN
	UPDATE events SET n_sources = n_sources + 1 WHERE id = new.event_id;
END;
`
