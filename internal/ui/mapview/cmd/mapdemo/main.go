// Command mapdemo shows the map widget alone in a window with the sample
// corpus's five places, to look at the map as a user will see it:
//
//	go run -tags sqlite_fts5 ./internal/ui/mapview/cmd/mapdemo [-theme light|dark] [-quit 5s]
//
// With -db and -png it draws a store's places without a window, through
// Fyne's test driver, at the world, a continent or a city:
//
//	go run -tags sqlite_fts5 ./internal/ui/mapview/cmd/mapdemo -db store.db -png out.png -view world|continent|city [-at lat,lon]
package main

import (
	"flag"
	"fmt"
	"image/color"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefingatlas/atlas/internal/model"
	"github.com/briefingatlas/atlas/internal/ui/mapview"
)

func main() {
	variantName := flag.String("theme", "", "force the light or dark theme variant")
	quit := flag.Duration("quit", 0, "quit after this long (for screenshots)")
	sel := flag.Int64("select", 5, "place id to show selected (0 for none)")
	db := flag.String("db", "", "draw this store's places instead of the sample's")
	out := flag.String("png", "", "with -db: write the map to this PNG instead of opening a window")
	view := flag.String("view", "world", "with -png: world, continent or city")
	at := flag.String("at", "", "with -png: lat,lon to centre on (default: the busiest place)")
	flag.Parse()
	if *db != "" {
		// Off the main goroutine, which Fyne keeps for its event loop.
		done := make(chan error)
		go func() { done <- renderStore(*db, *out, *view, *at, *variantName) }()
		if err := <-done; err != nil {
			fmt.Fprintln(os.Stderr, "mapdemo:", err)
			os.Exit(1)
		}
		return
	}

	a := app.New()
	switch *variantName {
	case "dark":
		a.Settings().SetTheme(&variant{theme.DefaultTheme(), theme.VariantDark})
	case "light":
		a.Settings().SetTheme(&variant{theme.DefaultTheme(), theme.VariantLight})
	}
	w := a.NewWindow("Briefing Atlas — map")
	m := mapview.New()
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	m.SetMarkers([]mapview.Marker{
		{PlaceID: 1, Name: "Geneva", Lat: 46.202, Lon: 6.146, Count: 6, Kind: model.KindTalks, First: d("2012-06-30"), Last: d("2016-02-22")},
		{PlaceID: 2, Name: "Moscow", Lat: 55.751, Lon: 37.618, Count: 4, Kind: model.KindMeeting, First: d("2015-12-15"), Last: d("2016-07-15")},
		{PlaceID: 3, Name: "Crimea", Lat: 45.3, Lon: 34.4, Count: 1, Kind: model.KindAnnexation, First: d("2014-03-18")},
		{PlaceID: 4, Name: "Amman", Lat: 31.955, Lon: 35.945, Count: 2, Kind: model.KindAgreement, First: d("2016-05-09"), Last: d("2016-05-10")},
		{PlaceID: 5, Name: "Palmyra", Lat: 34.561, Lon: 38.281, Count: 3, Kind: model.KindMilitary, First: d("2016-03-24"), Last: d("2016-03-27")},
	})
	if *sel != 0 {
		m.SetSelected([]int64{*sel})
	}
	status := widget.NewLabel("Drag to pan, scroll to zoom, + and - keys; tap a marker.")
	m.OnPlaceTapped = func(id int64) { status.SetText(fmt.Sprintf("Tapped place %d", id)) }
	fit := widget.NewButton("Fit to events", m.FitMarkers)
	w.SetContent(container.NewBorder(nil, container.NewHBox(fit, status), nil, nil, m))
	w.Resize(fyne.NewSize(1280, 800))
	if *quit > 0 {
		go func() {
			time.Sleep(*quit)
			fyne.Do(a.Quit)
		}()
	}
	w.ShowAndRun()
}

// variant forces a theme variant whatever the system says.
type variant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t *variant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}
