package mapview

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefingatlas/atlas/internal/geo"
)

// A big set of markers keeps its cluster index in a cache folder between
// runs: the index is the longest work of a big store's start (~140 ms for
// 50,000 places, twice that on a busy machine), and a store opened again
// without a change in between has the same markers. A file is named by a
// hash of everything the index is built from (the points in their order,
// the gap) and of the program itself (its size and time), so that a changed
// store or a new build never reads an index it did not write.

// cachedIndexes is how many index files the folder keeps, the newest: a
// few stores opened in turn each find their own.
const cachedIndexes = 3

// PrepareCached is Prepare with the points' cluster index read from dir
// when an earlier run wrote it there, and else built and written there
// (on a goroutine, after it is returned). An empty dir, or one that cannot
// be read or written, only costs the build.
func PrepareCached(ms []Marker, dir string) *Prepared {
	if dir == "" {
		return Prepare(ms)
	}
	if p, ok := ReadPrepared(ms, dir); ok {
		return p
	}
	p, pts := split(ms)
	path := filepath.Join(dir, indexKey(pts)+".idx")
	p.index = geo.NewClusterIndex(pts, clusterGap)
	writes.Add(1)
	go func() {
		defer writes.Done()
		writeIndex(dir, path, p.index)
	}()
	return p
}

// writes counts the index files being written, for tests to wait on.
var writes sync.WaitGroup

// ReadPrepared is PrepareCached when dir holds the index of ms: a few
// milliseconds where building it takes a hundred or more. Otherwise it
// reports false and leaves the build to the caller.
func ReadPrepared(ms []Marker, dir string) (*Prepared, bool) {
	if dir == "" {
		return nil, false
	}
	p, pts := split(ms)
	path := filepath.Join(dir, indexKey(pts)+".idx")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	ix, err := geo.UnmarshalClusterIndex(b)
	if err != nil || ix.Len() != len(pts) {
		return nil, false
	}
	p.index = ix
	// Touched, so that it counts as new when older ones are dropped.
	now := time.Now()
	os.Chtimes(path, now, now)
	return p, true
}

// writeIndex writes an index file whole (a temporary file renamed) and
// drops the oldest beyond cachedIndexes. A cache that cannot be written is
// no error of the map's: the next start builds the index again.
func writeIndex(dir, path string, ix *geo.ClusterIndex) {
	writing.Lock()
	defer writing.Unlock()
	b, err := ix.AppendBinary(nil)
	if err != nil {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, "index-*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
		return
	}
	des, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type file struct {
		name string
		at   int64
	}
	var files []file
	for _, de := range des {
		if !strings.HasSuffix(de.Name(), ".idx") {
			continue
		}
		if fi, err := de.Info(); err == nil {
			files = append(files, file{de.Name(), fi.ModTime().UnixNano()})
		}
	}
	slices.SortFunc(files, func(a, b file) int { return cmp.Compare(b.at, a.at) })
	for _, f := range files[min(len(files), cachedIndexes):] {
		os.Remove(filepath.Join(dir, f.name))
	}
}

// writing keeps two writes of the cache from dropping each other's files.
var writing sync.Mutex

// indexKey names the index of pts built by this program.
func indexKey(pts []geo.WeightedPoint) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s gap %v points %d\n", programID(), float64(clusterGap), len(pts))
	b := make([]byte, 0, 24*len(pts))
	for _, p := range pts {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(p.Lat))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(p.Lon))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(p.Weight))
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// programID names this build of the program: its path, size and time.
var programID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown program"
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return exe
	}
	return fmt.Sprintf("%s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
})
