package model

import "path/filepath"

// Record is an event in the JSON Lines exchange format read by
// ../shared/eval/score and written by `atlas extract` and `atlas events`.
// Dates are inclusive calendar days; source offsets are byte offsets into the
// article file, so that its bytes [Start:End] are exactly Text.
type Record struct {
	ID         string         `json:"id"`
	Title      string         `json:"title"`
	Kind       string         `json:"kind"`
	Start      string         `json:"start,omitempty"`
	End        string         `json:"end,omitempty"`
	Precision  string         `json:"precision"`
	Planned    bool           `json:"planned"`
	Place      *RecordPlace   `json:"place"`
	Actors     []string       `json:"actors"`
	Sources    []RecordSource `json:"sources"`
	Confidence float64        `json:"confidence"`
	Note       string         `json:"note,omitempty"`
	InBriefing bool           `json:"in_briefing,omitempty"`
}

// RecordPlace is the place of a Record.
type RecordPlace struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// RecordSource is one source sentence of a Record.
type RecordSource struct {
	File     string `json:"file"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	TimeText string `json:"time_text,omitempty"`
}

// NewRecord converts an event to its exchange form.
func NewRecord(e *Event) Record {
	r := Record{
		ID:         e.Key,
		Title:      e.Title,
		Kind:       string(e.Kind),
		Precision:  string(e.Precision),
		Planned:    e.Planned,
		Actors:     []string{},
		Sources:    []RecordSource{},
		Confidence: e.Confidence,
		Note:       e.Note,
		InBriefing: e.InBriefing,
	}
	if e.Dated() {
		r.Start = e.Start.Format("2006-01-02")
		end := e.End
		if end.IsZero() {
			end = e.Start
		}
		r.End = end.Format("2006-01-02")
	}
	if p := e.Place; p != nil {
		r.Place = &RecordPlace{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon}
	}
	for _, a := range e.Actors {
		r.Actors = append(r.Actors, a.Name)
	}
	for _, s := range e.Sources {
		file := s.File
		if file == "" {
			file = "?"
		}
		r.Sources = append(r.Sources, RecordSource{File: filepath.Base(file), Start: s.Start, End: s.End, Text: s.Text, TimeText: s.TimeText})
	}
	return r
}
