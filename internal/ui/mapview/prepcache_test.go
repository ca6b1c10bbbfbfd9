package mapview

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/briefingatlas/atlas/internal/geo"
)

// cacheMarkers are n point markers and an area, weights varied.
func cacheMarkers(n int, bump int) []Marker {
	ms := []Marker{{PlaceID: 1, Name: "Syria", Lat: 35, Lon: 38, Count: 50, Extent: Country, Country: "SY"}}
	for i := 0; i < n; i++ {
		ms = append(ms, Marker{PlaceID: int64(i + 2), Name: fmt.Sprint("p", i), Lat: 30 + float64(i%40)*0.21, Lon: 30 + float64(i/40)*0.37,
			Count: 1 + (i*7919)%300 + bump})
	}
	return ms
}

func clustersAt(p *Prepared) [][]geo.Cluster {
	var out [][]geo.Cluster
	for _, z := range []float64{geo.MinZoom, 3, 6} {
		out = append(out, p.index.Query(geo.View{Center: [2]float64{35, 33}, Zoom: z, Width: 1280, Height: 800, Scale: 1}, 0, nil))
	}
	return out
}

func idxFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.idx"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The cluster index kept in the cache folder is the one built for the same
// markers by the same program; anything else is built again.
func TestPrepareCached(t *testing.T) {
	ms := cacheMarkers(400, 0)
	built := Prepare(ms)
	_, pts := split(ms)
	key := indexKey(pts)
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) // before PrepareCached
		// fromFile says the answer must be the index planted in the
		// folder (built with another gap, so that its clusters differ).
		fromFile bool
		files    int // index files in the folder afterwards
	}{
		{"nothing kept: built and written", func(*testing.T, string) {}, false, 1},
		{"kept for these markers: read", func(t *testing.T, dir string) {
			plant(t, dir, key, geo.NewClusterIndex(pts, 40))
		}, true, 1},
		{"kept for other markers: built", func(t *testing.T, dir string) {
			_, other := split(cacheMarkers(400, 1))
			plant(t, dir, indexKey(other), geo.NewClusterIndex(other, 40))
		}, false, 2},
		{"a damaged file: built and written again", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, key+".idx"), []byte("CLIX0001 not an index"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false, 1},
		{"many kept: the oldest dropped", func(t *testing.T, dir string) {
			for i := 0; i < 5; i++ {
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("old%d.idx", i)), nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}, false, cachedIndexes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(t, dir)
			got := PrepareCached(ms, dir)
			writes.Wait()
			same := reflect.DeepEqual(clustersAt(got), clustersAt(built))
			if same == tt.fromFile {
				t.Errorf("clusters the same as built: %v, want %v", same, !tt.fromFile)
			}
			if !reflect.DeepEqual(got.markers, built.markers) || !reflect.DeepEqual(got.areas, built.areas) || !reflect.DeepEqual(got.pointIdx, built.pointIdx) {
				t.Error("markers, areas or points differ from Prepare's")
			}
			files := idxFiles(t, dir)
			if len(files) != tt.files {
				t.Errorf("%d index files kept, want %d: %v", len(files), tt.files, files)
			}
			if !tt.fromFile && !slicesHas(files, key+".idx") {
				t.Errorf("no index written for these markers: %v", files)
			}
			// What was written reads back as what was built.
			if again := PrepareCached(ms, dir); !reflect.DeepEqual(clustersAt(again), clustersAt(got)) {
				t.Error("the index read back differs from the one returned")
			}
		})
	}
	if p := PrepareCached(ms, ""); !reflect.DeepEqual(clustersAt(p), clustersAt(built)) {
		t.Error("without a folder: clusters differ from Prepare's")
	}
	// ReadPrepared only reads: nothing kept, nothing built or written.
	dir := t.TempDir()
	if _, ok := ReadPrepared(ms, dir); ok || len(idxFiles(t, dir)) != 0 {
		t.Error("ReadPrepared found an index in an empty folder, or wrote one")
	}
	PrepareCached(ms, dir)
	writes.Wait()
	if p, ok := ReadPrepared(ms, dir); !ok || !reflect.DeepEqual(clustersAt(p), clustersAt(built)) {
		t.Errorf("ReadPrepared after PrepareCached: found %v, or its clusters differ", ok)
	}
	if _, ok := ReadPrepared(cacheMarkers(400, 1), dir); ok {
		t.Error("ReadPrepared found an index for other markers")
	}
}

func plant(t *testing.T, dir, key string, ix *geo.ClusterIndex) {
	t.Helper()
	b, err := ix.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, key+".idx"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func slicesHas(files []string, base string) bool {
	for _, f := range files {
		if strings.HasSuffix(f, string(os.PathSeparator)+base) {
			return true
		}
	}
	return false
}
