package geo

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite majorcities.tsv.gz from the gazetteer")

// TestMajorCitiesTable checks that the embedded table holds exactly the
// gazetteer's major cities in its order, so that the map's context cities
// are the same as when it loaded the whole gazetteer. Run with -update
// after changing the places asset, the regions table or the ranking.
func TestMajorCitiesTable(t *testing.T) {
	want := formatCityTable(gaz(t).majorCandidates())
	if *update {
		var b bytes.Buffer
		zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := zw.Write(want); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("majorcities.tsv.gz", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote majorcities.tsv.gz: %d cities, %d bytes", bytes.Count(want, []byte("\n")), b.Len())
		return
	}
	tab, err := MajorCities()
	if err != nil {
		t.Fatalf("MajorCities: %v", err)
	}
	if got := formatCityTable(tab.cities); !bytes.Equal(got, want) {
		t.Fatalf("majorcities.tsv.gz is stale (%d cities, gazetteer has %d): run go test -run TestMajorCitiesTable ./internal/geo/ -args -update",
			tab.Len(), bytes.Count(want, []byte("\n")))
	}
	if tab.Len() < 1000 || tab.Len() > 10000 {
		t.Errorf("table has %d cities, want a few thousand", tab.Len())
	}
}
