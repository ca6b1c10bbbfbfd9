package store

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ModulePath identifies the repository: DefaultPath uses data/atlas.db inside
// it when the program runs from a checkout.
const ModulePath = "github.com/briefingatlas/atlas"

// DefaultPath returns where the store lives when the user does not say:
// data/atlas.db in the repository when run from inside it (a go.mod naming
// ModulePath found upward from the working folder), otherwise
// briefing-atlas/atlas.db in the user's data folder ($XDG_DATA_HOME, else
// ~/.local/share on Linux, else the OS config folder).
func DefaultPath() (string, error) {
	if wd, err := os.Getwd(); err == nil {
		if root := repoRoot(wd); root != "" {
			return filepath.Join(root, "data", "atlas.db"), nil
		}
	}
	return userStorePath()
}

func userStorePath() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "briefing-atlas", "atlas.db"), nil
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && os.PathSeparator == '/' && !isDarwin() {
		return filepath.Join(home, ".local", "share", "briefing-atlas", "atlas.db"), nil
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the store's default place: %w; pass --db PATH", err)
	}
	return filepath.Join(d, "briefing-atlas", "atlas.db"), nil
}

func isDarwin() bool {
	_, err := os.Stat("/System/Library/CoreServices/SystemVersion.plist")
	return err == nil
}

// repoRoot returns the nearest folder at or above dir whose go.mod declares
// ModulePath, or "".
func repoRoot(dir string) string {
	for {
		if declaresModule(filepath.Join(dir, "go.mod")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func declaresModule(gomod string) bool {
	f, err := os.Open(gomod)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "module"); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`) == ModulePath
		}
	}
	return false
}
