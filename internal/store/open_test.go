package store

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// TestMain lets the test binary play "another program holding the store":
// run with ATLAS_HOLD_LOCK=path it takes the write lock, says so, and holds
// it until its stdin closes.
func TestMain(m *testing.M) {
	if p := os.Getenv("ATLAS_HOLD_LOCK"); p != "" {
		os.Exit(holdLock(p))
	}
	os.Exit(m.Run())
}

func holdLock(path string) int {
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL")
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	if _, err := conn.ExecContext(context.Background(), `BEGIN IMMEDIATE`); err != nil {
		fmt.Println("error", err)
		return 1
	}
	fmt.Println("locked")
	bufio.NewReader(os.Stdin).ReadString('\n')
	return 0
}

func TestLockedByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atlas.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, x := article("before.txt", "2016-01-01", ev(model.KindMeeting, "Before", "2016-01-01", "", nil))
	if _, err := s.SaveArticle(context.Background(), a, x, nil); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ATLAS_HOLD_LOCK="+path)
	stdin, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); cmd.Wait() }()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "locked" {
		t.Fatalf("helper did not take the lock: %q", line)
	}

	b, x2 := article("during.txt", "2016-01-02", ev(model.KindMeeting, "During", "2016-01-02", "", nil))
	_, err = s.SaveArticle(context.Background(), b, x2, nil)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another program") {
		t.Fatalf("save while locked: %v, want ErrLocked", err)
	}
	t.Log(err)
	// Reading still works while another program writes (WAL).
	evs, err := s.EventsBetween(time.Time{}, time.Time{}, Filter{})
	if err != nil || titles(evs) != "Before" {
		t.Fatalf("read while locked: %q %v", titles(evs), err)
	}
	stdin.Close()
	cmd.Wait()
	if _, err := s.SaveArticle(context.Background(), b, x2, nil); err != nil {
		t.Fatalf("save after the lock is released: %v", err)
	}
	if ok, err := s.IntegrityCheck(); ok != "ok" || err != nil {
		t.Fatalf("integrity: %q %v", ok, err)
	}
}

func TestReadOnlyStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atlas.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a, x := article("a.txt", "2016-01-01", ev(model.KindMeeting, "Kept", "2016-01-01", "", nil))
	if _, err := s.SaveArticle(context.Background(), a, x, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()

	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	b, x2 := article("b.txt", "2016-01-02", ev(model.KindMeeting, "New", "2016-01-02", "", nil))
	writes := []struct {
		name string
		do   func() error
	}{
		{"save article", func() error { _, err := ro.SaveArticle(context.Background(), b, x2, nil); return err }},
		{"hide event", func() error { return ro.HideEvent(x.Events[0].ID) }},
		{"set article date", func() error { return ro.SetArticleDate(a.ID, time.Now()) }},
		{"bulk load", func() error { return ro.BulkLoad(context.Background(), nil) }},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			err := w.do()
			if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "read-only") {
				t.Fatalf("got %v, want ErrReadOnly", err)
			}
		})
	}
	evs, err := ro.EventsBetween(time.Time{}, time.Time{}, Filter{})
	if err != nil || titles(evs) != "Kept" {
		t.Fatalf("read-only read: %q %v", titles(evs), err)
	}
	if ok, err := ro.IntegrityCheck(); ok != "ok" || err != nil {
		t.Fatalf("integrity: %q %v", ok, err)
	}
}

// A file SQLite refuses to write (as a non-root user would meet it) gives
// ErrReadOnly from the write itself, not only from OpenReadOnly.
func TestUnwritableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop root from writing; TestReadOnlyStore covers the message")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "atlas.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	s, err = Open(path)
	if err == nil {
		defer s.Close()
		a, x := article("a.txt", "2016-01-01", ev(model.KindMeeting, "X", "2016-01-01", "", nil))
		_, err = s.SaveArticle(context.Background(), a, x, nil)
	}
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("got %v, want ErrReadOnly", err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atlas.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, len(migrations)+1))
	s.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(path); !errors.Is(err, ErrNewer) {
		t.Fatalf("got %v, want ErrNewer", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("a newer store was modified")
	}
}

func TestDefaultPath(t *testing.T) {
	repo := t.TempDir()
	os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module "+ModulePath+"\n\ngo 1.26\n"), 0o644)
	sub := filepath.Join(repo, "internal", "x")
	os.MkdirAll(sub, 0o755)
	elsewhere := t.TempDir()
	data := t.TempDir()
	tests := []struct {
		name, wd, xdg, want string
	}{
		{"inside the repository", sub, data, filepath.Join(repo, "data", "atlas.db")},
		{"outside, XDG_DATA_HOME", elsewhere, data, filepath.Join(data, "briefing-atlas", "atlas.db")},
	}
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", tc.xdg)
			if err := os.Chdir(tc.wd); err != nil {
				t.Fatal(err)
			}
			got, err := DefaultPath()
			if err != nil || got != tc.want {
				t.Errorf("DefaultPath() = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}
