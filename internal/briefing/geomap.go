package briefing

import (
	"fmt"
	"image"
	"math"
	"sync"

	"github.com/briefingatlas/atlas/internal/geo"
	"github.com/briefingatlas/atlas/internal/model"
	"github.com/paulmach/orb"
)

func init() {
	DefaultMap = GeoMap
	countryName = gazetteerCountryName
	placeByKey = gazetteerPlace
}

// renderer keeps the projected basemap between exports.
var renderer = sync.OnceValue(geo.NewRenderer)

// GeoMap renders the embedded Natural Earth basemap of internal/geo for the
// map figure. The figure is treated as a screen map about 640 logical pixels
// wide drawn at a higher device scale, so coasts and borders keep the weight
// they have in the app instead of thinning to hairlines at print resolution.
func GeoMap(view orb.Bound, w, h int) (image.Image, error) {
	if w <= 0 || h <= 0 {
		return nil, fmt.Errorf("basemap of %d×%d pixels", w, h)
	}
	span := view.Max.Lon() - view.Min.Lon()
	if span <= 0 {
		return nil, fmt.Errorf("basemap of an empty area %v", view)
	}
	scale := math.Max(1, float64(w)/640)
	lw, lh := float64(w)/scale, float64(h)/scale
	v := geo.View{
		Center: orb.Point{(view.Min.Lon() + view.Max.Lon()) / 2, invMercY((mercY(view.Min.Lat()) + mercY(view.Max.Lat())) / 2)},
		Zoom:   math.Log2(lw * 360 / span / geo.TileSize),
		Width:  lw,
		Height: lh,
		Scale:  scale,
	}
	img, err := renderer().Render(v, geo.LightStyle)
	if err != nil {
		return nil, fmt.Errorf("basemap: %w", err)
	}
	return img, nil
}

var gazetteer = sync.OnceValues(geo.DefaultGazetteer)

// gazetteerCountryName names a country by its ISO code for place labels
// ("Palmyra, Syria"); without the gazetteer the label is the place alone.
func gazetteerCountryName(code string) string {
	g, err := gazetteer()
	if err != nil || g == nil {
		return ""
	}
	if c, ok := g.Country(code); ok {
		return c.Name
	}
	return ""
}

// gazetteerPlace finds a mentioned place by its gazetteer key for the
// summary's place disagreements. Only towns count as specific: countries,
// regions and divisions are context as often as places, and seas, ranges
// and islands are too wide to contradict a town.
func gazetteerPlace(key string) (*model.Place, bool) {
	g, err := gazetteer()
	if err != nil || g == nil {
		return nil, false
	}
	c, ok := g.Place(key)
	if !ok {
		return nil, false
	}
	p := c.Place
	return &p, c.Class == geo.ClassCity
}
