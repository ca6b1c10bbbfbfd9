package bench

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestRunStatusesAndJSON(t *testing.T) {
	lower := Spec{"lat", "ms", 10, Lower, ""}
	higher := Spec{"tput", "MB/s", 2, Higher, ""}
	tests := []struct {
		name       string
		m          Metric
		wantStatus string
		inJSON     bool
	}{
		{"pass lower", Metric{lower, func(*Env) (Result, func(), error) { return Result{Value: 5, Ref: 2.5}, nil, nil }}, StatusPass, true},
		{"miss lower", Metric{lower, func(*Env) (Result, func(), error) { return Result{Value: 50}, func() {}, nil }}, StatusMiss, true},
		{"pass higher", Metric{higher, func(*Env) (Result, func(), error) { return Result{Value: 3}, nil, nil }}, StatusPass, true},
		{"not built", Metric{higher, nil}, StatusNotBuilt, false},
		{"not built wrapped", Metric{higher, func(*Env) (Result, func(), error) {
			return Result{}, nil, errors.Join(ErrNotBuilt, errors.New("no store"))
		}}, StatusNotBuilt, false},
		{"error", Metric{lower, func(*Env) (Result, func(), error) { return Result{}, nil, errors.New("boom") }}, StatusError, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := &Env{Cache: t.TempDir()}
			rs := Run(env, []Metric{tc.m}, nil)
			if len(rs) != 1 || rs[0].Status != tc.wantStatus {
				t.Fatalf("status %q, want %q", rs[0].Status, tc.wantStatus)
			}
			if tc.wantStatus == StatusMiss && rs[0].Profile == "" {
				t.Fatalf("a miss with a workload has no profile")
			}
			path := filepath.Join(env.Cache, "r.json")
			if err := WriteJSON(path, rs); err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(path)
			var m map[string]map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			got, ok := m[tc.m.Name]
			if ok != tc.inJSON {
				t.Fatalf("in JSON = %v, want %v: %s", ok, tc.inJSON, b)
			}
			if ok {
				for _, k := range []string{"value", "unit", "target", "better"} {
					if _, has := got[k]; !has {
						t.Fatalf("entry lacks %q: %s", k, b)
					}
				}
				if got["better"] != string(tc.m.Better) {
					t.Fatalf("better = %v", got["better"])
				}
			}
		})
	}
}

func TestRatioIsValueOverReference(t *testing.T) {
	m := Metric{Spec{"lat", "ms", 10, Lower, ""}, func(*Env) (Result, func(), error) { return Result{Value: 6, Ref: 2}, nil, nil }}
	rs := Run(&Env{Cache: t.TempDir()}, []Metric{m}, nil)
	if rs[0].Ratio != 3 {
		t.Fatalf("ratio %v, want 3", rs[0].Ratio)
	}
}

// TestMissProfilesIntoANewCacheFolder runs a miss with a cache folder that
// does not exist yet, as `atlas bench --cache DIR` does on a first run: the
// profile must still be written.
func TestMissProfilesIntoANewCacheFolder(t *testing.T) {
	env := &Env{Cache: filepath.Join(t.TempDir(), "new", "cache")}
	m := Metric{Spec{"lat", "ms", 10, Lower, ""}, func(*Env) (Result, func(), error) { return Result{Value: 50}, func() {}, nil }}
	rs := Run(env, []Metric{m}, nil)
	if rs[0].Status != StatusMiss || rs[0].Profile == "" {
		t.Fatalf("status %q, profile %q, note %q: want a miss with a profile", rs[0].Status, rs[0].Profile, rs[0].Note)
	}
	if _, err := os.Stat(rs[0].Profile); err != nil {
		t.Fatal(err)
	}
}
