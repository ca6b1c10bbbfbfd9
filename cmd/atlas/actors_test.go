package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

func TestActorsListsSpellings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atlas.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"Sergei Lavrov", "Sergey Lavrov", "Sergei Lavrov"} {
		sent := name + " met envoys on Monday."
		art := string(rune('a'+i)) + ".txt"
		a := &model.Article{Path: "/corpus/" + art, Format: "txt", Text: sent, Published: time.Date(2016, 3, 21+i, 0, 0, 0, 0, time.UTC),
			DateSource: model.DateManifest, SHA256: "sha-" + art}
		x := &model.Extraction{Events: []model.Event{{Key: art + "#1", Kind: model.KindMeeting, Title: "Lavrov meets envoys",
			Start: a.Published, End: a.Published, Precision: model.PrecisionDay, Confidence: 0.9,
			Actors:  []model.Actor{{Name: name, Type: model.ActorPerson}},
			Sources: []model.Source{{File: art, Span: model.Span{Start: 0, End: len(sent)}, Text: sent}}}}}
		if _, err := st.SaveArticle(context.Background(), a, x, nil); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	var out, errb bytes.Buffer
	if code := runActors([]string{"--db", path}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	want := "person\tSergei Lavrov\tSergei Lavrov (2); Sergey Lavrov (1)\n"
	if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); len(lines) != 1 || !strings.HasSuffix(out.String(), want) {
		t.Errorf("atlas actors printed\n%s\nwant one line ending %q", out.String(), want)
	}
}
