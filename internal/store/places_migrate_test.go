package store

import (
	"os"
	"path/filepath"
	"testing"
)

// A store written before schema 13 gets its places' countries and
// divisions named from the gazetteer, after a backup.
func TestPlacesNamedOnUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	writeOldStore(t, path, 12,
		`INSERT INTO places(key, name, country, admin1, lat, lon, feature) VALUES ('gn:163808', 'Palmyra', 'SY', '11', 34.56, 38.28, 'PPLA2')`,
		`INSERT INTO places(key, name, country, admin1, lat, lon, feature) VALUES ('x:crimea', 'Crimea', '', '', 45.3, 34.4, 'disputed')`,
	)

	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := os.Stat(BackupPath(path)); err != nil {
		t.Errorf("no backup before the upgrade: %v", err)
	}
	for _, tt := range []struct{ name, country, division string }{
		{"Palmyra", "Syria", "Homs (Hims)"},
		{"Crimea", "", ""},
	} {
		ps, err := st.PlacesNamed(tt.name)
		if err != nil || len(ps) != 1 {
			t.Fatalf("%s: %v, %v", tt.name, ps, err)
		}
		if ps[0].CountryName != tt.country || ps[0].Admin1Name != tt.division {
			t.Errorf("%s filed under %q / %q, want %q / %q", tt.name, ps[0].CountryName, ps[0].Admin1Name, tt.country, tt.division)
		}
	}
}
