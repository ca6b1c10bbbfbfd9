package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Found is one file a walk turned up: a file to import, a file skipped on
// purpose (Skipped says why) or a problem (Err, naming the path).
type Found struct {
	Path    string
	Skipped string
	Err     error
}

// Walk lists the article files under paths: files as given, folders
// recursively in name order, following symbolic links. Broken links, link
// loops and unreadable folders are reported as Found.Err and the walk goes
// on. In folders, hidden files, files of other types and documentation files
// (README, LICENSE…) are skipped; a path named directly is always tried.
// Each file is listed once even when reached twice.
func Walk(paths []string) []Found {
	w := &walker{seenFile: map[string]bool{}}
	for _, p := range paths {
		w.top(p)
	}
	return w.out
}

type walker struct {
	out      []Found
	seenFile map[string]bool // real path of every file listed
}

type fileID struct{ dev, ino uint64 }

func (w *walker) add(f Found) { w.out = append(w.out, f) }

func (w *walker) top(p string) {
	fi, err := os.Stat(p)
	if err != nil {
		w.add(Found{Path: p, Err: statErr(p, err)})
		return
	}
	if fi.IsDir() {
		w.dir(p, fi, map[fileID]string{})
		return
	}
	w.file(p, fi, true)
}

// statErr explains why a path cannot be followed.
func statErr(p string, err error) error {
	if lfi, lerr := os.Lstat(p); lerr == nil && lfi.Mode()&os.ModeSymlink != 0 {
		target, _ := os.Readlink(p)
		if errors.Is(err, syscall.ELOOP) {
			return fmt.Errorf("%s: symbolic link loop (it points to %s, which leads back to itself)", p, target)
		}
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%s: broken symbolic link (it points to %s, which does not exist)", p, target)
		}
	}
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: no such file or folder", p)
	}
	if errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("%s: permission denied", p)
	}
	return fmt.Errorf("%s: %w", p, err)
}

func (w *walker) file(p string, fi os.FileInfo, named bool) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		real = p
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if w.seenFile[real] {
		return
	}
	w.seenFile[real] = true
	if !fi.Mode().IsRegular() {
		w.add(Found{Path: p, Err: fmt.Errorf("%s: not a regular file", p)})
		return
	}
	if !named {
		if Format(p) == "" {
			w.add(Found{Path: p, Skipped: "not an article file type (.txt, .md, .html, .pdf, .docx, .eml, .mhtml, .webarchive)"})
			return
		}
		if strings.HasPrefix(filepath.Base(p), "~$") {
			w.add(Found{Path: p, Skipped: "an Office lock file (Word leaves one beside a document it has open), not an article"})
			return
		}
		if isDocFile(p) {
			w.add(Found{Path: p, Skipped: "looks like the folder's documentation, not an article (name it on the command line to import it)"})
			return
		}
	}
	w.add(Found{Path: p})
}

// isDocFile reports names that describe a folder rather than hold an article.
func isDocFile(p string) bool {
	base := strings.ToUpper(strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)))
	switch base {
	case "README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "NOTICE", "COPYING", "AUTHORS", "CONTRIBUTING":
		return true
	}
	return false
}

// dir walks one folder, whose os.Stat (links followed) the caller has;
// ancestors holds the folders on the current path, by device and inode, to
// catch links that lead back up.
func (w *walker) dir(p string, fi os.FileInfo, ancestors map[fileID]string) {
	id, ok := idOf(fi)
	if ok {
		if first, loop := ancestors[id]; loop {
			w.add(Found{Path: p, Err: fmt.Errorf("%s: symbolic link loop (it leads back to %s)", p, first)})
			return
		}
		ancestors[id] = p
		defer delete(ancestors, id)
	}
	entries, err := os.ReadDir(p) // sorted by name
	if err != nil {
		w.add(Found{Path: p, Err: fmt.Errorf("%s: cannot list the folder: %w", p, err)})
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		child := filepath.Join(p, e.Name())
		cfi, err := os.Stat(child) // follows links
		if err != nil {
			w.add(Found{Path: child, Err: statErr(child, err)})
			continue
		}
		if cfi.IsDir() {
			w.dir(child, cfi, ancestors)
			continue
		}
		w.file(child, cfi, false)
	}
}

func idOf(fi os.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{dev: uint64(st.Dev), ino: st.Ino}, true
}
