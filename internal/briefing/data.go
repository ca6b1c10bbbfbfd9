package briefing

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/briefingatlas/atlas/internal/model"
)

// CSVHeader is the first row of the CSV export. There is one row per event;
// an event's several sources are joined in the sources, excerpts and urls
// columns with " | " in the same order, so that a spreadsheet keeps one line
// per event and the n-th excerpt goes with the n-th source.
var CSVHeader = []string{
	"number", "id", "date", "start", "end", "precision", "planned", "kind", "title",
	"place", "country", "lat", "lon", "actors", "note", "sources", "excerpts", "urls",
}

// csvJoin separates the several sources of one event within a cell.
const csvJoin = " | "

// utf8BOM opens the CSV file: Excel reads a CSV without it in the system's
// ANSI code page, which garbles curly quotes and dashes; with it, Excel and
// the other spreadsheets read UTF-8.
const utf8BOM = "\ufeff"

// WriteCSV writes a UTF-8 byte-order mark, then one row per event under
// CSVHeader, in the briefing's order.
func WriteCSV(w io.Writer, b Briefing) error {
	d := prepare(b)
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	for _, en := range d.entries {
		e := en.E
		var place, country, lat, lon string
		if e.Place != nil {
			place, country = e.Place.Name, e.Place.Country
			lat = strconv.FormatFloat(e.Place.Lat, 'f', 5, 64)
			lon = strconv.FormatFloat(e.Place.Lon, 'f', 5, 64)
		}
		var cites, quotes, urls []string
		for i, s := range e.Sources {
			c := d.cite(en.Cites[i])
			cites = append(cites, c.short())
			quotes = append(quotes, collapse(s.Text))
			urls = append(urls, c.url())
		}
		end := ""
		if e.Dated() {
			end = isoDate(endOf(e))
		}
		row := []string{
			strconv.Itoa(en.N), e.Key, DateLabel(e), isoDate(e.Start), end, string(e.Precision),
			strconv.FormatBool(e.Planned), string(e.Kind), e.Title, place, country, lat, lon,
			strings.Join(actorList(e), "; "), e.Note,
			strings.Join(cites, csvJoin), strings.Join(quotes, csvJoin), strings.Join(urls, csvJoin),
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

func actorList(e *model.Event) []string {
	out := make([]string, 0, len(e.Actors))
	for _, a := range e.Actors {
		out = append(out, a.Name)
	}
	return out
}

// The GeoJSON (RFC 7946) types. orb/geojson would pull in a BSON library for
// its Mongo support; these three structs are all the format needs here.
type geoCollection struct {
	Type     string       `json:"type"`
	Features []geoFeature `json:"features"`
}

type geoFeature struct {
	Type       string         `json:"type"`
	ID         string         `json:"id,omitempty"`
	Geometry   geoPoint       `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude, as RFC 7946 orders them
}

// sourceProps is one source as a GeoJSON property value.
type sourceProps struct {
	Number    int    `json:"number"`
	Publisher string `json:"publisher,omitempty"`
	Headline  string `json:"headline,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	File      string `json:"file"`
	Excerpt   string `json:"excerpt"`
	Citation  string `json:"citation"`
}

// WriteGeoJSON writes a FeatureCollection with one Point per event that has
// a place (events without one cannot be drawn, and are left out). Besides the
// structured "sources" array, "citations" holds them as one string, because
// QGIS shows nested arrays as raw JSON.
func WriteGeoJSON(w io.Writer, b Briefing) error {
	d := prepare(b)
	fc := geoCollection{Type: "FeatureCollection", Features: []geoFeature{}}
	for _, en := range d.entries {
		e := en.E
		if e.Place == nil {
			continue
		}
		f := geoFeature{Type: "Feature", ID: e.Key, Geometry: geoPoint{Type: "Point", Coordinates: [2]float64{e.Place.Lon, e.Place.Lat}}}
		var srcs []sourceProps
		var cites []string
		for i, s := range e.Sources {
			c := d.cite(en.Cites[i])
			srcs = append(srcs, sourceProps{
				Number: c.N, Publisher: c.publisher(), Headline: c.headline(), Published: articleDate(c),
				URL: c.url(), File: c.File, Excerpt: collapse(s.Text), Citation: c.short(),
			})
			cites = append(cites, c.short())
		}
		end := ""
		if e.Dated() {
			end = isoDate(endOf(e))
		}
		f.Properties = map[string]any{
			"number":    en.N,
			"title":     e.Title,
			"kind":      string(e.Kind),
			"date":      DateLabel(e),
			"start":     isoDate(e.Start),
			"end":       end,
			"precision": string(e.Precision),
			"planned":   e.Planned,
			"place":     e.Place.Name,
			"country":   e.Place.Country,
			"actors":    strings.Join(actorList(e), "; "),
			"note":      e.Note,
			"citations": strings.Join(cites, csvJoin),
			"sources":   srcs,
		}
		fc.Features = append(fc.Features, f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(fc); err != nil {
		return fmt.Errorf("write GeoJSON: %w", err)
	}
	return nil
}

func articleDate(c *cited) string {
	if c.Article != nil && c.Article.HasDate() {
		return isoDate(c.Article.Published)
	}
	return ""
}

// The KML document, as encoding/xml types so that every text is escaped by
// the encoder and the result is well-formed whatever the articles contain.
type kmlRoot struct {
	XMLName xml.Name `xml:"http://www.opengis.net/kml/2.2 kml"`
	Doc     kmlDoc   `xml:"Document"`
}

type kmlDoc struct {
	Name        string         `xml:"name"`
	Description string         `xml:"description,omitempty"`
	Styles      []kmlStyle     `xml:"Style"`
	Placemarks  []kmlPlacemark `xml:"Placemark"`
}

type kmlStyle struct {
	ID    string `xml:"id,attr"`
	Color string `xml:"IconStyle>color"`
	Scale string `xml:"IconStyle>scale"`
	Icon  string `xml:"IconStyle>Icon>href"`
}

type kmlPlacemark struct {
	ID          string        `xml:"id,attr,omitempty"`
	Name        string        `xml:"name"`
	Description string        `xml:"description"`
	TimeStamp   *kmlTimeStamp `xml:"TimeStamp,omitempty"`
	TimeSpan    *kmlTimeSpan  `xml:"TimeSpan,omitempty"`
	StyleURL    string        `xml:"styleUrl,omitempty"`
	Data        []kmlData     `xml:"ExtendedData>Data"`
	Point       kmlPoint      `xml:"Point"`
}

type kmlTimeStamp struct {
	When string `xml:"when"`
}

type kmlTimeSpan struct {
	Begin string `xml:"begin"`
	End   string `xml:"end"`
}

type kmlData struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value"`
}

type kmlPoint struct {
	Coordinates string `xml:"coordinates"`
}

// WriteKML writes a KML 2.2 document with a placemark for every event that
// has both a place and a date: a TimeStamp for a single day, a TimeSpan for
// anything longer or vaguer, so Google Earth's time slider shows each event
// over the interval it may have happened in. Events lacking either are
// counted in the document's description.
func WriteKML(w io.Writer, b Briefing) error {
	d := prepare(b)
	root := kmlRoot{Doc: kmlDoc{Name: d.Title}}
	kinds := map[model.Kind]bool{}
	skipped := 0
	for _, en := range d.entries {
		e := en.E
		if e.Place == nil || !e.Dated() {
			skipped++
			continue
		}
		pm := kmlPlacemark{
			ID:   "event-" + strconv.Itoa(en.N),
			Name: fmt.Sprintf("%d. %s", en.N, e.Title),
			Point: kmlPoint{Coordinates: strconv.FormatFloat(e.Place.Lon, 'f', 5, 64) + "," +
				strconv.FormatFloat(e.Place.Lat, 'f', 5, 64) + ",0"},
			StyleURL: "#kind-" + string(e.Kind),
		}
		kinds[e.Kind] = true
		start, end := e.Start, endOf(e)
		if e.Precision == model.PrecisionDay && start.Equal(end) {
			pm.TimeStamp = &kmlTimeStamp{When: isoDate(start)}
		} else {
			pm.TimeSpan = &kmlTimeSpan{Begin: isoDate(start), End: isoDate(end)}
		}
		// Google Earth shows descriptions as HTML; the encoder escapes it once
		// more for XML, which is how KML carries HTML.
		h := html.EscapeString
		var desc strings.Builder
		desc.WriteString("<p><b>" + h(DateLabel(e)) + "</b> · " + h(placeLabel(e.Place)) + " · " + h(string(e.Kind)))
		if a := actorNames(e); a != "" {
			desc.WriteString("<br/>With " + h(a))
		}
		desc.WriteString("</p>")
		if e.Note != "" {
			desc.WriteString("<p><i>Note: " + h(e.Note) + "</i></p>")
		}
		for i, s := range e.Sources {
			c := d.cite(en.Cites[i])
			desc.WriteString("<p>" + h(quoteText(s.Text)) + "<br/>— " + h(c.short()))
			if u := c.url(); u != "" {
				desc.WriteString(` <a href="` + h(u) + `">` + h(u) + "</a>")
			}
			desc.WriteString("</p>")
		}
		pm.Description = desc.String()
		pm.Data = []kmlData{
			{"number", strconv.Itoa(en.N)}, {"date", DateLabel(e)}, {"kind", string(e.Kind)},
			{"place", e.Place.Name}, {"actors", strings.Join(actorList(e), "; ")}, {"note", e.Note},
		}
		root.Doc.Placemarks = append(root.Doc.Placemarks, pm)
	}
	for _, k := range model.Kinds {
		if kinds[k] {
			c := kindColour(k)
			root.Doc.Styles = append(root.Doc.Styles, kmlStyle{
				ID: "kind-" + string(k), Scale: "1.1",
				// KML colours are aabbggrr.
				Color: fmt.Sprintf("ff%02x%02x%02x", c.B, c.G, c.R),
				Icon:  "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png",
			})
		}
	}
	root.Doc.Description = fmt.Sprintf("%s. Prepared %s. %s, %s.", d.Scope, dayLabel(d.Prepared), d.counts(), d.period())
	if skipped > 0 {
		root.Doc.Description += fmt.Sprintf(" %s without a place or a date %s not in this file.", plural(skipped, "event"), isAre(skipped))
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write KML: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(root); err != nil {
		return fmt.Errorf("write KML: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write KML: %w", err)
	}
	return nil
}
