package ui

import (
	"image"
	"image/png"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/store"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// storyEvents is test data shaped like the sample corpus's story.
func storyEvents() []model.Event {
	moscow := &model.Place{Key: "gn:524901", Name: "Moscow", Country: "RU", Lat: 55.75, Lon: 37.62}
	geneva := &model.Place{Key: "gn:2660646", Name: "Geneva", Country: "CH", Lat: 46.2, Lon: 6.14}
	palmyra := &model.Place{Key: "gn:170651", Name: "Palmyra", Country: "SY", Lat: 34.55, Lon: 38.27}
	syria := &model.Place{Key: "ne:SY", Name: "Syria", Country: "SY", Lat: 35, Lon: 38.5}
	mk := func(id int64, kind model.Kind, title, start, end string, p model.Precision, pl *model.Place, planned bool) model.Event {
		e := model.Event{ID: id, Key: title, Kind: kind, Title: title, Start: day(start), Precision: p, Place: pl, Planned: planned, Confidence: 0.8}
		e.End = e.Start
		if end != "" {
			e.End = day(end)
		}
		return e
	}
	return []model.Event{
		mk(1, model.KindConference, "Geneva conference", "2012-01-01", "2012-12-31", model.PrecisionYear, geneva, false),
		mk(2, model.KindMeeting, "Kerry meets Lavrov and Putin", "2013-05-07", "", model.PrecisionDay, moscow, false),
		mk(3, model.KindConference, "International conference planned", "2013-05-01", "2013-05-31", model.PrecisionMonth, nil, true),
		mk(4, model.KindMilitary, "Russian air campaign begins", "2015-09-30", "", model.PrecisionDay, syria, false),
		mk(5, model.KindCeasefire, "Cessation of hostilities takes effect", "2016-02-27", "", model.PrecisionDay, syria, false),
		mk(6, model.KindWithdrawal, "Putin announces withdrawal", "2016-03-14", "", model.PrecisionDay, nil, false),
		mk(7, model.KindMeeting, "Kerry meets Putin at the Kremlin", "2016-03-24", "", model.PrecisionDay, moscow, false),
		mk(8, model.KindTalks, "Geneva round of talks ends", "2016-03-24", "", model.PrecisionDay, geneva, false),
		mk(9, model.KindMilitary, "Russian strikes around Palmyra", "2016-03-24", "", model.PrecisionDay, palmyra, false),
		mk(10, model.KindAgreement, "Kerry and Lavrov strike possible deal", "2016-07-15", "", model.PrecisionDay, moscow, false),
		mk(11, model.KindDeadline, "Deadline for a political transition", "2016-08-01", "", model.PrecisionDay, nil, true),
	}
}

// TestPreviewTimeline writes the story timeline to ATLAS_PREVIEW, in the
// theme ATLAS_THEME names, for looking at it by hand.
func TestPreviewTimeline(t *testing.T) {
	out := os.Getenv("ATLAS_PREVIEW")
	if out == "" {
		t.Skip("set ATLAS_PREVIEW=dir to write preview PNGs")
	}
	tl, w := newStoryTimeline(t, fyne.NewSize(560, 760))
	fyne.CurrentApp().Settings().SetTheme(&Theme{Mode: ThemeMode(os.Getenv("ATLAS_THEME"))})
	tl.Select(storyEvents()[6])
	savePNG(t, out+"/timeline.png", w.Canvas().Capture())
}

func imagesEqual(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

func savePNG(t *testing.T, path string, img image.Image) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestPreviewWindow writes whole-window previews in several states to
// ATLAS_PREVIEW, for looking at them by hand.
func TestPreviewWindow(t *testing.T) {
	out := os.Getenv("ATLAS_PREVIEW")
	if out == "" {
		t.Skip("set ATLAS_PREVIEW=dir to write preview PNGs")
	}
	st := corpusStore(t)
	m := newWindow(t, st, Options{})
	savePNG(t, out+"/win_full.png", m.Win.Canvas().Capture())
	pcs, err := st.PlacesIn(orb.Bound{}, store.Filter{})
	if err != nil || len(pcs) == 0 {
		t.Fatalf("%d places, %v", len(pcs), err)
	}
	m.SelectPlace(pcs[0].Place)
	savePNG(t, out+"/win_place.png", m.Win.Canvas().Capture())
	m.ClearSelection()
	m.Search.SetText("Kerry")
	m.Search.OnSubmitted("Kerry")
	m.WaitLoaded()
	savePNG(t, out+"/win_search.png", m.Win.Canvas().Capture())
}
