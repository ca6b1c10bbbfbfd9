package geo

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"testing"
)

// An index read back from its binary form is the index written, and
// answers the same queries.
func TestClusterIndexBinaryRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 50, 3000} {
		ix := NewClusterIndex(testPoints(int64(n), n), 2)
		b, err := ix.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		back, err := UnmarshalClusterIndex(b)
		if err != nil {
			t.Fatalf("%d points: %v", n, err)
		}
		// Written again, it gives the same bytes (an empty part may come
		// back as an empty slice where it was nil).
		if again, _ := back.AppendBinary(nil); !bytes.Equal(again, b) {
			t.Errorf("%d points: the index read back differs from the one written", n)
		}
		for _, z := range []float64{MinZoom, 2.4, 6, MaxZoom} {
			v := View{Zoom: z, Width: 1280, Height: 800, Scale: 1}
			if got, want := back.Query(v, 0, nil), ix.Query(v, 0, nil); !reflect.DeepEqual(got, want) {
				t.Errorf("%d points, zoom %v: %d clusters read back, %d built", n, z, len(got), len(want))
			}
		}
	}
}

// Bytes that are not a whole, sound index are refused, never followed.
func TestClusterIndexBinaryRefused(t *testing.T) {
	ix := NewClusterIndex(testPoints(3, 500), 2)
	good, err := ix.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	// kidAt is the offset of the first child reference.
	le := binary.LittleEndian
	head := len(clusterMagic) + 7*8
	nPts, nNodes := int(le.Uint64(good[len(clusterMagic)+16:])), int(le.Uint64(good[len(clusterMagic)+24:]))
	kidAt := head + nPts*24 + nNodes*96
	tests := []struct {
		name string
		bad  func([]byte) []byte
	}{
		{"empty", func([]byte) []byte { return nil }},
		{"another magic", func(b []byte) []byte { b[3] = 'Y'; return b }},
		{"cut short", func(b []byte) []byte { return b[:len(b)-4] }},
		{"a byte more", func(b []byte) []byte { return append(b, 0) }},
		{"a child out of range", func(b []byte) []byte { le.PutUint32(b[kidAt:], uint32(nNodes+5)); return b }},
		{"a child that is its parent", func(b []byte) []byte {
			// The last node is made last: point one of its children at it.
			last := head + nPts*24 + (nNodes-1)*96
			kid0 := int(int32(le.Uint32(b[last+80:])))
			le.PutUint32(b[kidAt+kid0*4:], uint32(nNodes-1))
			return b
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := UnmarshalClusterIndex(tt.bad(append([]byte(nil), good...))); err == nil {
				t.Error("read back without an error")
			}
		})
	}
}
