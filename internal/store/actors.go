package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/briefingatlas/atlas/internal/extract"
	"github.com/briefingatlas/atlas/internal/model"
)

// Actors as identities.
//
// Every actor row carries an identity key (extract.ActorKey: "p:lvrv/s" for
// Sergei and Sergey Lavrov, "o:united nations" for UN and U.N., "g:RU") and
// its family (the key without a first name's initial). An incoming actor is
// filed under the row of its key, across articles; a surname alone
// ("p:lvrv"), or an organisation's first word ("o:apple"), goes to the one
// full name of its family when the store knows exactly one, and a full
// name arriving later takes the row of a lone surname over. An organisation with no row of its key is looked up by its forms
// (an acronym another article gave as an alias).
//
// Every form seen is kept in actor_forms, once per article (so that
// re-extracting an article counts nothing twice), with whether it was the
// name the extractor chose in that article. The row's name is the most
// frequent full form (see canonicalName) and its aliases JSON the other
// forms, most frequent first, so that readers need no join.
//
// The user's merges and splits are edits kept apart, like the events'
// edits: actor_merges sends one key to another, actor_splits gives a form
// a key of its own. Resolution applies them to every actor saved later, so
// they survive re-import and re-extraction.

// resolveKey is the key an incoming actor is filed under after the user's
// splits and merges.
func (w *writer) resolveKey(a *model.Actor) (string, error) {
	if err := w.readOverrides(); err != nil {
		return "", err
	}
	key := w.follow(extract.ActorKey(*a))
	if from, ok := w.splits[strings.ToLower(a.Name)]; ok && from == key {
		key = w.follow(splitKey(a.Name))
	}
	return key, nil
}

// follow applies the user's merges to key; a chain is followed a few steps,
// which also stops a loop.
func (w *writer) follow(key string) string {
	for i := 0; i < 8; i++ {
		to, ok := w.merges[key]
		if !ok || to == key {
			break
		}
		key = to
	}
	return key
}

// splitKey is the key of a form the user split from its actor.
func splitKey(form string) string { return "x:" + strings.ToLower(form) }

// readOverrides loads the user's merges and splits once per transaction:
// a handful of rows.
func (w *writer) readOverrides() error {
	if w.merges != nil {
		return nil
	}
	w.merges, w.splits = map[string]string{}, map[string]string{}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT from_key, into_key FROM actor_merges`)
	if err != nil {
		return fmt.Errorf("read actor merges: %w", err)
	}
	for rows.Next() {
		var f, t string
		if err := rows.Scan(&f, &t); err != nil {
			rows.Close()
			return fmt.Errorf("read actor merges: %w", err)
		}
		w.merges[f] = t
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read actor merges: %w", err)
	}
	rows, err = w.tx.QueryContext(w.ctx, `SELECT form, from_key FROM actor_splits`)
	if err != nil {
		return fmt.Errorf("read actor splits: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var f, k string
		if err := rows.Scan(&f, &k); err != nil {
			return fmt.Errorf("read actor splits: %w", err)
		}
		w.splits[strings.ToLower(f)] = k
	}
	return rows.Err()
}

// live follows the rows this transaction folded into others.
func (w *writer) live(id int64) int64 {
	for i := 0; i < 16; i++ {
		to, ok := w.moved[id]
		if !ok {
			break
		}
		id = to
	}
	return id
}

// actor returns the row id of a, filing it under its identity (inserting a
// row on first sight) and recording its forms as seen in article art (0
// when unknown). An actor that already carries a row id (one loaded from the
// store, passed back by a merge) keeps it and adds no form.
func (w *writer) actor(a *model.Actor, art int64) (int64, error) {
	if a.ID != 0 {
		id := w.live(a.ID)
		ok := w.known[id]
		if !ok {
			var n int
			if err := w.queryRow(`SELECT count(*) FROM actors WHERE id = ?`, id).Scan(&n); err != nil {
				return 0, fmt.Errorf("look up actor %d: %w", id, err)
			}
			ok = n > 0
		}
		if ok {
			w.known[id] = true
			a.ID = id
			return id, nil
		}
		// A row the user merged away meanwhile: file it by name.
		a.ID = 0
	}
	nk := string(a.Type) + "\x00" + a.Name
	id, ok := w.byName[nk]
	if ok {
		id = w.live(id)
	} else {
		key, err := w.resolveKey(a)
		if err != nil {
			return 0, err
		}
		if id, err = w.findActor(a, key); err != nil {
			return 0, err
		}
		if id == 0 {
			if id, err = w.insertActor(a, key); err != nil {
				return 0, err
			}
		}
		w.byName[nk] = id
		w.keyOf[id] = key
	}
	w.known[id] = true
	if err := w.addForms(id, a, art); err != nil {
		return 0, err
	}
	a.ID = id
	return id, nil
}

// findActor returns the row of key, else of its family or forms as the
// package comment says; 0 when there is none.
func (w *writer) findActor(a *model.Actor, key string) (int64, error) {
	var id int64
	err := w.queryRow(`SELECT id FROM actors WHERE key = ? ORDER BY id LIMIT 1`, key).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("look up actor %q: %w", a.Name, err)
	}
	if extract.ActorKeyFamily(key) == key && (strings.HasPrefix(key, "p:") || strings.HasPrefix(key, "o:")) {
		// A surname alone ("Lavrov") or an organisation's first word
		// ("Apple"): the one full name of its family, if one.
		ids, err := w.ids(`SELECT id FROM actors WHERE family = ? AND key <> family LIMIT 2`, key)
		if err != nil {
			return 0, fmt.Errorf("look up actor %q: %w", a.Name, err)
		}
		if len(ids) == 1 {
			return ids[0], nil
		}
	}
	if a.Type != model.ActorPerson {
		// An acronym or another form some article gave as an alias.
		for _, f := range append([]string{a.Name}, a.Aliases...) {
			ids, err := w.ids(`SELECT DISTINCT f.actor_id FROM actor_forms f JOIN actors a ON a.id = f.actor_id
				WHERE f.form = ? AND a.type = ? LIMIT 2`, f, string(a.Type))
			if err != nil {
				return 0, fmt.Errorf("look up actor %q: %w", a.Name, err)
			}
			if len(ids) == 1 {
				return ids[0], nil
			}
		}
	}
	if a.Type == model.ActorOrg {
		// "NTC" and "National Transitional Council": an acronym and the
		// one organisation whose initials it is, whichever came first.
		if id, err := w.byInitials(a.Name); err != nil || id != 0 {
			return id, err
		}
	}
	// Last, the name itself: two identities may not share a name (the
	// column is unique), so a namesake of another kind ("Jordan" the
	// country and a person) keeps sharing its row as before keys.
	err = w.queryRow(`SELECT id FROM actors WHERE name = ?`, a.Name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("look up actor %q: %w", a.Name, err)
	}
	return id, nil
}

func (w *writer) ids(q string, args ...any) ([]int64, error) {
	rows, err := w.tx.QueryContext(w.ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return scanIDs(rows)
}

// insertActor adds a row for a new identity. A full name takes over the
// row of its surname alone when it is the first full name of that family.
func (w *writer) insertActor(a *model.Actor, key string) (int64, error) {
	fam := extract.ActorKeyFamily(key)
	r, err := w.exec(`INSERT INTO actors(name, type, title, aliases, key, family) VALUES (?, ?, ?, '[]', ?, ?)`,
		a.Name, string(a.Type), a.Title, key, fam)
	if err != nil {
		return 0, fmt.Errorf("insert actor %q: %w", a.Name, err)
	}
	id, err := r.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("insert actor %q: %w", a.Name, err)
	}
	if fam == key {
		return id, nil
	}
	others, err := w.ids(`SELECT id FROM actors WHERE family = ? AND key <> family AND id <> ? LIMIT 1`, fam, id)
	if err != nil {
		return 0, fmt.Errorf("look up family of %q: %w", a.Name, err)
	}
	if len(others) > 0 {
		return id, nil
	}
	bare, err := w.ids(`SELECT id FROM actors WHERE key = ?`, fam)
	if err != nil {
		return 0, fmt.Errorf("look up family of %q: %w", a.Name, err)
	}
	for _, b := range bare {
		if err := moveActor(w.ctx, w.tx, b, id); err != nil {
			return 0, err
		}
		w.moved[b] = id
		delete(w.known, b)
		w.touched[id] = true
	}
	return id, nil
}

// addForms records a's name and aliases as seen in article art, and its
// title when the row has none.
func (w *writer) addForms(id int64, a *model.Actor, art int64) error {
	key := w.keyOf[id]
	add := func(form string, named int) error {
		if form == "" {
			return nil
		}
		if from, ok := w.splits[strings.ToLower(form)]; ok && from == key && !strings.HasPrefix(key, "x:") {
			return nil // the user said this form is someone else
		}
		fk := formSeen{id, form, art}
		if w.forms[fk] >= named+1 {
			return nil
		}
		w.forms[fk] = named + 1
		r, err := w.exec(`INSERT INTO actor_forms(actor_id, form, article_id, named) VALUES (?, ?, ?, ?)
			ON CONFLICT(actor_id, form, article_id) DO UPDATE SET named = 1 WHERE excluded.named = 1 AND named = 0`,
			id, form, art, named)
		if err != nil {
			return fmt.Errorf("record form %q of actor %d: %w", form, id, err)
		}
		if n, _ := r.RowsAffected(); n > 0 {
			w.touched[id] = true
		}
		return nil
	}
	if err := add(a.Name, 1); err != nil {
		return err
	}
	for _, al := range a.Aliases {
		if err := add(al, 0); err != nil {
			return err
		}
	}
	if a.Title != "" && !w.titled[id] {
		if _, err := w.exec(`UPDATE actors SET title = ? WHERE id = ? AND title = ''`, a.Title, id); err != nil {
			return fmt.Errorf("set title of actor %q: %w", a.Name, err)
		}
		w.titled[id] = true
	}
	return nil
}

// byInitials returns the one stored organisation that name abbreviates or
// expands ("NTC" and "National Transitional Council"), or 0 when none or
// several do.
func (w *writer) byInitials(name string) (int64, error) {
	acr := acronym(name)
	ini := initials(name)
	if acr == "" && len(ini) < 2 {
		return 0, nil
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id, name FROM actors WHERE type = ?`, string(model.ActorOrg))
	if err != nil {
		return 0, fmt.Errorf("look up organisation %q by initials: %w", name, err)
	}
	defer rows.Close()
	var found []int64
	for rows.Next() {
		var id int64
		var other string
		if err := rows.Scan(&id, &other); err != nil {
			return 0, fmt.Errorf("look up organisation %q by initials: %w", name, err)
		}
		if acr != "" && initials(other) == acr || len(ini) >= 2 && acronym(other) == ini {
			found = append(found, id)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("look up organisation %q by initials: %w", name, err)
	}
	if len(found) != 1 {
		return 0, nil
	}
	return found[0], nil
}

// acronym is name as an acronym of two to six capitals ("NTC", "N.T.C."),
// or "".
func acronym(name string) string {
	a := strings.ReplaceAll(name, ".", "")
	if len(a) < 2 || len(a) > 6 {
		return ""
	}
	for _, r := range a {
		if r < 'A' || r > 'Z' {
			return ""
		}
	}
	return a
}

// initials are the capitals that start the words of a name of three words
// or more, function words left out ("National Transitional Council" →
// "NTC"); "" for shorter names, whose initials say too little.
func initials(name string) string {
	var b strings.Builder
	words := 0
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "on", "in", "&":
			continue
		}
		r := []rune(w)[0]
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(r)
		words++
	}
	if words < 3 {
		return ""
	}
	return b.String()
}

// noteNamedForms records, for each person or organisation the article
// names that the store already knows as an actor, the article's spelling
// of it: "President Bashar al-Assad" counts toward the name of the Assad
// an event of another article named "Bashar Al-Assad", though he takes
// part in no event of this one. Names of no stored actor are left alone:
// actors are who takes part in events.
func (w *writer) noteNamedForms(art int64) error {
	seen := map[string]bool{}
	for _, m := range w.named {
		var typ model.ActorType
		switch m.Type {
		case model.MentionPerson:
			typ = model.ActorPerson
		case model.MentionOrg:
			typ = model.ActorOrg
		default:
			continue
		}
		if m.Value == "" || seen[m.Value] {
			continue
		}
		seen[m.Value] = true
		a := model.Actor{Name: m.Value, Type: typ}
		nk := string(typ) + "\x00" + a.Name
		id, ok := w.byName[nk]
		if !ok {
			key, err := w.resolveKey(&a)
			if err != nil {
				return err
			}
			// The identity itself only (one indexed query): a mention is
			// no reason for findActor's searches by family, initials or
			// form, which run once per new actor, not per name in every
			// article.
			err = w.queryRow(`SELECT id FROM actors WHERE key = ? ORDER BY id LIMIT 1`, key).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return fmt.Errorf("look up actor %q: %w", a.Name, err)
			}
			w.byName[nk] = id
			w.keyOf[id] = key
		}
		if err := w.addForms(w.live(id), &a, art); err != nil {
			return err
		}
	}
	w.named = nil
	return nil
}

// formSeen is one form of an actor in one article.
type formSeen struct {
	id   int64
	form string
	art  int64
}

// flushActors gives the actors whose forms changed in this transaction
// their canonical names and aliases.
func (w *writer) flushActors() error {
	for id := range w.touched {
		if err := renameActor(w.ctx, w.tx, id); err != nil {
			return err
		}
	}
	clear(w.touched)
	return nil
}

// form is one spelling of an actor and how often it was seen.
type form struct {
	Text  string
	N     int // articles that wrote it
	Named int // articles whose extraction chose it as the name
}

// actorForms returns an actor's forms, most frequent first.
func actorForms(ctx context.Context, q queryer, id int64) ([]form, error) {
	rows, err := q.QueryContext(ctx, `SELECT form, count(*), sum(named) FROM actor_forms WHERE actor_id = ? GROUP BY form`, id)
	if err != nil {
		return nil, fmt.Errorf("forms of actor %d: %w", id, err)
	}
	defer rows.Close()
	var out []form
	for rows.Next() {
		var f form
		if err := rows.Scan(&f.Text, &f.N, &f.Named); err != nil {
			return nil, fmt.Errorf("forms of actor %d: %w", id, err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("forms of actor %d: %w", id, err)
	}
	sort.SliceStable(out, func(i, j int) bool { return betterForm(out[i], out[j]) })
	return out, nil
}

// betterForm orders forms: the more frequent, then the longer, then the
// one with fewer capitals ("Bashar al-Assad" before a headline's "Bashar
// Al-Assad"), then by text so that the order is stable.
func betterForm(a, b form) bool {
	if a.N != b.N {
		return a.N > b.N
	}
	if len(a.Text) != len(b.Text) {
		return len(a.Text) > len(b.Text)
	}
	if ca, cb := capitals(a.Text), capitals(b.Text); ca != cb {
		return ca < cb
	}
	return a.Text < b.Text
}

func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// canonicalName picks an actor's name among its forms (sorted by
// betterForm): the most frequent full form. For a person a full form
// names the first name too ("Sergei Lavrov", not "Lavrov"); for others it
// is a form some extraction chose as the name (the organisation's name
// rather than its acronym, the country rather than "Moscow").
func canonicalName(typ model.ActorType, forms []form) string {
	full := func(f form) bool {
		if typ == model.ActorPerson {
			k := extract.ActorKey(model.Actor{Name: f.Text, Type: typ})
			return extract.ActorKeyFamily(k) != k
		}
		return f.Named > 0
	}
	for _, f := range forms {
		if full(f) {
			return f.Text
		}
	}
	for _, f := range forms {
		if f.Named > 0 {
			return f.Text
		}
	}
	if len(forms) > 0 {
		return forms[0].Text
	}
	return ""
}

// renameActor sets an actor's name and aliases from its forms. A name
// another row holds (unique) is left for the current one.
func renameActor(ctx context.Context, tx *sql.Tx, id int64) error {
	var typ, name string
	if err := tx.QueryRowContext(ctx, `SELECT type, name FROM actors WHERE id = ?`, id).Scan(&typ, &name); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil // folded into another meanwhile
		}
		return fmt.Errorf("rename actor %d: %w", id, err)
	}
	forms, err := actorForms(ctx, tx, id)
	if err != nil {
		return err
	}
	if len(forms) == 0 {
		return nil
	}
	best := canonicalName(model.ActorType(typ), forms)
	if best != name {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM actors WHERE name = ? AND id <> ?`, best, id).Scan(&n); err != nil {
			return fmt.Errorf("rename actor %d: %w", id, err)
		}
		if n == 0 {
			name = best
		}
	}
	aliases := []string{}
	for _, f := range forms {
		if f.Text != name {
			aliases = append(aliases, f.Text)
		}
	}
	aj, err := json.Marshal(aliases)
	if err != nil {
		return fmt.Errorf("rename actor %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE actors SET name = ?, aliases = ? WHERE id = ?`, name, string(aj), id); err != nil {
		return fmt.Errorf("rename actor %d to %q: %w", id, name, err)
	}
	return nil
}

// moveActor folds actor row from into row to: its events, forms and title;
// the row from is deleted.
func moveActor(ctx context.Context, tx *sql.Tx, from, to int64) error {
	if from == to {
		return nil
	}
	stmts := []string{
		`INSERT OR IGNORE INTO event_actors(event_id, actor_id, pos, form) SELECT event_id, ?2, pos, form FROM event_actors WHERE actor_id = ?1`,
		`DELETE FROM event_actors WHERE actor_id = ?1`,
		`INSERT INTO actor_forms(actor_id, form, article_id, named) SELECT ?2, form, article_id, named FROM actor_forms WHERE actor_id = ?1 AND true
			ON CONFLICT(actor_id, form, article_id) DO UPDATE SET named = max(named, excluded.named)`,
		`DELETE FROM actor_forms WHERE actor_id = ?1`,
		`UPDATE actors SET title = (SELECT title FROM actors WHERE id = ?1) WHERE id = ?2 AND title = ''`,
		`DELETE FROM actors WHERE id = ?1`,
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q, from, to); err != nil {
			return fmt.Errorf("fold actor %d into %d: %w", from, to, err)
		}
	}
	return nil
}

// MergeActors makes other the same actor as keep: other's events, forms
// and title go to keep, and the merge is kept as a user edit (other's
// identity key leads to keep's), so that re-import and re-extraction file
// other's spellings under keep again.
func (s *Store) MergeActors(keep, other int64) error {
	if keep == other {
		return nil
	}
	ctx := context.Background()
	return s.writeTx(ctx, fmt.Sprintf("merge actor %d into %d", other, keep), func(tx *sql.Tx) error {
		var kk, ok string
		if err := tx.QueryRowContext(ctx, `SELECT key FROM actors WHERE id = ?`, keep).Scan(&kk); err != nil {
			return actorErr(keep, err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT key FROM actors WHERE id = ?`, other).Scan(&ok); err != nil {
			return actorErr(other, err)
		}
		events, err := actorEvents(ctx, tx, other)
		if err != nil {
			return err
		}
		if err := moveActor(ctx, tx, other, keep); err != nil {
			return err
		}
		if ok != kk {
			for _, q := range []string{
				`INSERT OR REPLACE INTO actor_merges(from_key, into_key) VALUES (?1, ?2)`,
				`UPDATE actor_merges SET into_key = ?2 WHERE into_key = ?1`,
				`DELETE FROM actor_merges WHERE from_key = ?2`,
			} {
				if _, err := tx.ExecContext(ctx, q, ok, kk); err != nil {
					return fmt.Errorf("record actor merge: %w", err)
				}
			}
		}
		if err := renameActor(ctx, tx, keep); err != nil {
			return err
		}
		return reindexEvents(ctx, tx, events)
	})
}

// SplitAlias makes alias, one of the actor's forms, an actor of its own:
// the events the extraction named by that form go to it, and the split is
// kept as a user edit, so that later articles writing alias file it there.
// The actor's only form cannot be split.
func (s *Store) SplitAlias(actorID int64, alias string) error {
	ctx := context.Background()
	return s.writeTx(ctx, fmt.Sprintf("split %q from actor %d", alias, actorID), func(tx *sql.Tx) error {
		var key, typ, title string
		if err := tx.QueryRowContext(ctx, `SELECT key, type, title FROM actors WHERE id = ?`, actorID).Scan(&key, &typ, &title); err != nil {
			return actorErr(actorID, err)
		}
		forms, err := actorForms(ctx, tx, actorID)
		if err != nil {
			return err
		}
		have := false
		for _, f := range forms {
			if strings.EqualFold(f.Text, alias) {
				have = true
			}
		}
		if !have {
			return fmt.Errorf("split %q from actor %d: no such form: %w", alias, actorID, ErrNotFound)
		}
		if len(forms) < 2 {
			return fmt.Errorf("split %q from actor %d: it is the actor's only form", alias, actorID)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO actor_splits(form, from_key) VALUES (?, ?)`, alias, key); err != nil {
			return fmt.Errorf("record actor split: %w", err)
		}
		events, err := actorEvents(ctx, tx, actorID)
		if err != nil {
			return err
		}
		// The forms leave first, so that the actor's name is another one
		// before the new row takes alias as its (unique) name.
		var moved []form
		rows, err := tx.QueryContext(ctx, `SELECT form, article_id, named FROM actor_forms WHERE actor_id = ? AND form = ? COLLATE NOCASE`, actorID, alias)
		if err != nil {
			return fmt.Errorf("split %q: %w", alias, err)
		}
		var arts []int64
		for rows.Next() {
			var f form
			var art int64
			if err := rows.Scan(&f.Text, &art, &f.Named); err != nil {
				rows.Close()
				return fmt.Errorf("split %q: %w", alias, err)
			}
			moved = append(moved, f)
			arts = append(arts, art)
		}
		rows.Close()
		if _, err := tx.ExecContext(ctx, `DELETE FROM actor_forms WHERE actor_id = ? AND form = ? COLLATE NOCASE`, actorID, alias); err != nil {
			return fmt.Errorf("split %q: %w", alias, err)
		}
		if err := renameActor(ctx, tx, actorID); err != nil {
			return err
		}
		nk := splitKey(alias)
		var nid int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM actors WHERE key = ?`, nk).Scan(&nid)
		if errors.Is(err, sql.ErrNoRows) {
			r, err := tx.ExecContext(ctx, `INSERT INTO actors(name, type, title, aliases, key, family) VALUES (?, ?, '', '[]', ?, ?)`, alias, typ, nk, nk)
			if err != nil {
				return fmt.Errorf("split %q: %w", alias, err)
			}
			if nid, err = r.LastInsertId(); err != nil {
				return fmt.Errorf("split %q: %w", alias, err)
			}
		} else if err != nil {
			return fmt.Errorf("split %q: %w", alias, err)
		}
		for i, f := range moved {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO actor_forms(actor_id, form, article_id, named) VALUES (?, ?, ?, ?)`,
				nid, f.Text, arts[i], f.Named); err != nil {
				return fmt.Errorf("split %q: %w", alias, err)
			}
		}
		for _, q := range []string{
			`INSERT OR IGNORE INTO event_actors(event_id, actor_id, pos, form) SELECT event_id, ?2, pos, form FROM event_actors WHERE actor_id = ?1 AND form = ?3 COLLATE NOCASE`,
			`DELETE FROM event_actors WHERE actor_id = ?1 AND form = ?3 COLLATE NOCASE`,
		} {
			if _, err := tx.ExecContext(ctx, q, actorID, nid, alias); err != nil {
				return fmt.Errorf("split %q: move its events: %w", alias, err)
			}
		}
		if err := renameActor(ctx, tx, nid); err != nil {
			return err
		}
		return reindexEvents(ctx, tx, events)
	})
}

func actorErr(id int64, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("actor %d: %w", id, ErrNotFound)
	}
	return fmt.Errorf("actor %d: %w", id, err)
}

func actorEvents(ctx context.Context, tx *sql.Tx, id int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT event_id FROM event_actors WHERE actor_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("events of actor %d: %w", id, err)
	}
	return scanIDs(rows)
}

// reindexEvents refreshes the search entries of events whose actors were
// renamed.
func reindexEvents(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		if err := indexEvent(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// ActorForm is one spelling of an actor and the number of articles that
// wrote it.
type ActorForm struct {
	Text     string
	Articles int
}

// ActorForms returns the spellings of an actor, most frequent first, for
// the actor filter's detail and `atlas actors`.
func (s *Store) ActorForms(id int64) ([]ActorForm, error) {
	fs, err := actorForms(context.Background(), s.db, id)
	if err != nil {
		return nil, err
	}
	out := make([]ActorForm, len(fs))
	for i, f := range fs {
		out[i] = ActorForm{Text: f.Text, Articles: f.N}
	}
	return out, nil
}

// rekeyActors is migration 12's step in Go: it gives every actor its
// identity key, records the forms the store knows (the name once per
// article of its events, the aliases once), folds the rows that share a key
// (and a surname alone into the one full name of its family), and names
// each row from its forms.
func rekeyActors(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		`UPDATE event_actors SET form = (SELECT name FROM actors WHERE id = actor_id) WHERE form = ''`,
		`INSERT OR IGNORE INTO actor_forms(actor_id, form, article_id, named)
			SELECT DISTINCT a.id, a.name, es.article_id, 1 FROM actors a
			JOIN event_actors ea ON ea.actor_id = a.id JOIN event_sources es ON es.event_id = ea.event_id`,
		`INSERT OR IGNORE INTO actor_forms(actor_id, form, article_id, named)
			SELECT a.id, a.name, 0, 1 FROM actors a WHERE NOT EXISTS (SELECT 1 FROM actor_forms f WHERE f.actor_id = a.id)`,
		`INSERT OR IGNORE INTO actor_forms(actor_id, form, article_id, named)
			SELECT a.id, j.value, 0, 0 FROM actors a, json_each(a.aliases) j WHERE json_valid(a.aliases) AND j.type = 'text'`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("record actor forms: %w", err)
		}
	}
	type row struct {
		id        int64
		key, fam  string
		full      bool
		nameKnown bool
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, type FROM actors ORDER BY id`)
	if err != nil {
		return fmt.Errorf("read actors: %w", err)
	}
	var all []row
	for rows.Next() {
		var r row
		var name, typ string
		if err := rows.Scan(&r.id, &name, &typ); err != nil {
			rows.Close()
			return fmt.Errorf("read actors: %w", err)
		}
		r.key = extract.ActorKey(model.Actor{Name: name, Type: model.ActorType(typ)})
		r.fam = extract.ActorKeyFamily(r.key)
		r.full = r.fam != r.key
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read actors: %w", err)
	}
	first := map[string]int64{}    // key → the row that keeps it
	fullOf := map[string][]int64{} // family → rows of full names
	var bare []row                 // surnames alone, placed after
	for _, r := range all {
		if keep, ok := first[r.key]; ok {
			if err := moveActor(ctx, tx, r.id, keep); err != nil {
				return err
			}
			continue
		}
		first[r.key] = r.id
		if _, err := tx.ExecContext(ctx, `UPDATE actors SET key = ?, family = ? WHERE id = ?`, r.key, r.fam, r.id); err != nil {
			return fmt.Errorf("key actor %d: %w", r.id, err)
		}
		if r.full {
			fullOf[r.fam] = append(fullOf[r.fam], r.id)
		} else if strings.HasPrefix(r.key, "p:") {
			bare = append(bare, r)
		}
	}
	for _, r := range bare {
		if f := fullOf[r.key]; len(f) == 1 {
			if err := moveActor(ctx, tx, r.id, f[0]); err != nil {
				return err
			}
		}
	}
	ids, err := tx.QueryContext(ctx, `SELECT id FROM actors`)
	if err != nil {
		return fmt.Errorf("read actors: %w", err)
	}
	left, err := scanIDs(ids)
	if err != nil {
		return fmt.Errorf("read actors: %w", err)
	}
	for _, id := range left {
		if err := renameActor(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// dropActorForms forgets the spellings an article gave its actors, when the
// article is deleted, and names those actors again from what is left.
func dropActorForms(ctx context.Context, tx *sql.Tx, articleID int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT actor_id FROM actor_forms WHERE article_id = ?`, articleID)
	if err != nil {
		return fmt.Errorf("find actors of article %d: %w", articleID, err)
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return fmt.Errorf("find actors of article %d: %w", articleID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM actor_forms WHERE article_id = ?`, articleID); err != nil {
		return fmt.Errorf("forget actor forms of article %d: %w", articleID, err)
	}
	for _, id := range ids {
		if err := renameActor(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}
