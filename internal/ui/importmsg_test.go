package ui

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestImportMessage(t *testing.T) {
	tests := []struct {
		name string
		sum  ImportSummary
		err  error
		want []string
		not  []string
	}{
		{"new articles only", ImportSummary{Imported: 3, Skipped: 1, Events: 9}, nil, []string{"3 articles imported, 1 already there, 9 events found."}, []string{"updated"}},
		{"a changed article is counted as updated", ImportSummary{Imported: 3, Updated: 1, Events: 9}, nil, []string{"(2 new, 1 updated", "keep your stars"}, nil},
		{"a cancelled import says so and that what it kept is whole", ImportSummary{Cancelled: true, Imported: 7, Events: 30}, nil,
			[]string{"Import cancelled.", "7 articles imported", "whole"}, []string{"Import stopped"}},
		{"failures and a stop are named", ImportSummary{Imported: 1, Failed: map[string]string{"/x/b.pdf": "no text layer"}}, errors.New("store locked"),
			[]string{"1 files failed", "• b.pdf: no text layer", "Import stopped: store locked"}, nil},
		{"articles dated from other reports are named with their dates", ImportSummary{Imported: 2, Dated: map[string]time.Time{"/x/fire.txt": time.Date(2021, 9, 13, 0, 0, 0, 0, time.UTC)}}, nil,
			[]string{"1 article gives no date of its own", "other articles' reports of the same events", "• fire.txt: 13 Sep 2021"}, []string{"failed"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := importMessage(tc.sum, tc.err)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q lacks %q", got, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(got, w) {
					t.Errorf("%q holds %q", got, w)
				}
			}
		})
	}
}
