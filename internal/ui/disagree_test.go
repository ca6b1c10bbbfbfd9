package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

func TestDateDisagreement(t *testing.T) {
	src := func(id int64, publisher, published, sentence, when string) SourceDetail {
		at := strings.Index(sentence, when)
		s := model.Source{ArticleID: id, File: publisher + ".txt", Span: model.Span{Start: 0, End: len(sentence)}, Text: sentence,
			TimeText: when, TimeSpan: model.Span{Start: at, End: at + len(when)}, DateHow: "relative to publication"}
		p, _ := time.Parse("2006-01-02", published)
		return SourceDetail{Source: s, Article: &model.Article{ID: id, Publisher: publisher, Published: p, DateSource: model.DateManifest}}
	}
	tests := []struct {
		name  string
		srcs  []SourceDetail
		want  []string // words the line must hold; none for agreement
		agree bool
	}{
		{"two outlets, two days", []SourceDetail{
			src(1, "Morning Post", "2016-07-15", "The ministers met on Thursday.", "Thursday"),
			src(2, "Evening Star", "2016-07-16", "The ministers met on Friday.", "Friday"),
		}, []string{"Morning Post", "14 Jul 2016", "Evening Star", "15 Jul 2016", "“Friday”"}, false},
		{"two outlets, one day told two ways", []SourceDetail{
			src(1, "Morning Post", "2016-07-15", "The ministers met on Thursday.", "Thursday"),
			src(2, "Evening Star", "2016-07-16", "The ministers met on July 14.", "July 14"),
		}, nil, true},
		{"one outlet only", []SourceDetail{
			src(1, "Morning Post", "2016-07-15", "The ministers met on Thursday.", "Thursday"),
		}, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := dateDisagreement(tc.srcs)
			if tc.agree != (got == "") {
				t.Fatalf("got %q, want agreement %v", got, tc.agree)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q lacks %q", got, w)
				}
			}
		})
	}
}
