package main

import (
	"errors"
	"io"

	"github.com/briefingatlas/atlas/internal/gen"
)

// genStore writes a synthetic store. It waits for internal/store's bulk
// loader.
func genStore(path string, opt gen.StoreOptions, places int, log io.Writer) (storeStats, error) {
	return storeStats{}, errors.New("synthetic store: internal/store has no bulk loader yet")
}
