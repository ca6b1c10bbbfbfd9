package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/store"
)

// corruptStore writes a file that starts like SQLite but is damaged inside,
// and returns its path, its bytes and the error store.Open gives for it.
func corruptStore(t *testing.T) (string, []byte, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "atlas.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	raw, _ := os.ReadFile(path)
	for i := 100; i < len(raw); i += 5 {
		raw[i] ^= 0xa5
	}
	os.WriteFile(path, raw, 0o644)
	_, err = store.Open(path)
	if err == nil {
		t.Fatal("the damaged store opened")
	}
	return path, raw, err
}

func dialogButtons(p *StoreProblem) map[string]*widget.Button {
	out := map[string]*widget.Button{}
	top := p.Win.Canvas().Overlays().Top()
	if top == nil {
		return out
	}
	for _, b := range under[*widget.Button](top) {
		out[b.Text] = b
	}
	return out
}

func TestStoreProblemDialog(t *testing.T) {
	path, raw, openErr := corruptStore(t)
	a := test.NewTempApp(t)
	var opened *store.Store
	p := ShowStoreProblem(a, path, openErr, func(st *store.Store) { opened = st })
	p.syncOpen = true
	p.Win.Show()

	buttons := dialogButtons(p)
	for _, want := range []string{OpenAnotherLabel, StartNewLabel, QuitLabel} {
		if buttons[want] == nil {
			t.Errorf("no %q button in the dialog (buttons: %v)", want, buttons)
		}
	}
	var texts []string
	for _, l := range under[*widget.Label](p.Win.Canvas().Overlays().Top()) {
		texts = append(texts, l.Text)
	}
	if all := strings.Join(texts, "\n"); !strings.Contains(all, "The store atlas.db is damaged") {
		t.Errorf("the dialog says:\n%s\nwant it to say the store is damaged", all)
	}
	if t.Failed() {
		t.FailNow()
	}

	test.Tap(buttons[StartNewLabel])
	if opened == nil {
		t.Fatalf("no store opened after %q", StartNewLabel)
	}
	defer opened.Close()
	if want := filepath.Join(filepath.Dir(path), "atlas-new.db"); opened.Path() != want {
		t.Errorf("new store at %s, want %s", opened.Path(), want)
	}
	if ok, err := opened.IntegrityCheck(); ok != "ok" || err != nil {
		t.Errorf("the new store: %q %v", ok, err)
	}
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(after, raw) {
		t.Error("the damaged store changed")
	}
	for _, suf := range []string{"-wal", "-shm", "-journal", ".bak"} {
		if _, err := os.Stat(path + suf); err == nil {
			t.Errorf("%s%s was created beside the damaged store", path, suf)
		}
	}
}

// A second new store takes the next free name: no file is ever reused.
func TestNewStorePathNeverReuses(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "atlas.db")
	os.WriteFile(filepath.Join(dir, "atlas-new.db"), []byte("taken"), 0o644)
	os.WriteFile(filepath.Join(dir, "atlas-new-2.db-wal"), []byte("left over"), 0o644)
	got, err := newStorePath(old)
	if err != nil || got != filepath.Join(dir, "atlas-new-3.db") {
		t.Fatalf("newStorePath = %q, %v; want atlas-new-3.db", got, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "atlas-new.db")); string(b) != "taken" {
		t.Error("an existing file was overwritten")
	}
}

// Opening another store that fails too says why, for that file, and keeps
// the three choices.
func TestStoreProblemOtherFileFails(t *testing.T) {
	path, _, openErr := corruptStore(t)
	a := test.NewTempApp(t)
	p := ShowStoreProblem(a, path, openErr, func(st *store.Store) { st.Close(); t.Error("a store opened") })
	p.syncOpen = true
	notes := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(notes, []byte("my notes\n"), 0o644)
	p.OpenPath(notes)
	if p.Path != notes || !strings.Contains(StoreProblemText(p.Path, p.Err), "not a Briefing Atlas store") {
		t.Errorf("after a failed open: %s: %v", p.Path, p.Err)
	}
	if len(dialogButtons(p)) < 3 {
		t.Error("the choices are gone")
	}
}

func TestStoreProblemTexts(t *testing.T) {
	for _, err := range []error{store.ErrNewer, store.ErrLocked, store.ErrReadOnly, store.ErrNotStore} {
		if txt := StoreProblemText("/x/atlas.db", err); !strings.Contains(txt, "atlas.db") || strings.Contains(txt, "cannot be opened.") {
			t.Errorf("%v: %q", err, txt)
		}
	}
}
