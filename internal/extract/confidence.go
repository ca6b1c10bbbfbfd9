package extract

import (
	"github.com/briefingatlas/atlas/internal/model"
)

// confidence rates how likely an event is right: its date, place and
// sources as the text gives them. The factors are calibrated on the dev
// set (../shared/devset; TestDevSet logs the reliability table): there a
// dated event with a known place was right 91 % of the time and one
// without 65 %; the way its date was found mattered little; vague kinds
// ("other", disasters, accidents, votes) without a place were right less
// than half the time; a month or a week is vaguer than a day. A second
// article raises it further (Merge).
func (d *doc) confidence(e *evt) float64 {
	if e.Start.IsZero() {
		return 0.4
	}
	c := 0.62
	switch {
	case e.Place == nil:
		switch e.Kind {
		case model.KindOther, model.KindDisaster, model.KindAccident, model.KindElection:
			c *= 0.8
		}
	case e.Place.Ambiguous:
		c *= 1.2
	default:
		c *= 1.35
	}
	switch e.Precision {
	case model.PrecisionDay, model.PrecisionYear, model.PrecisionRange:
	default:
		c *= 0.85
	}
	switch d.a.DateSource {
	case model.DateInText:
		c *= 0.97
	case model.DateInferred, model.DateFromReports:
		c *= 0.85
	}
	strong := false
	for _, ti := range e.trigs {
		t := d.triggers[ti]
		if t.form != formNoun && !t.weak && !t.statement {
			strong = true
		}
	}
	if !strong {
		c *= 0.95
	}
	return round2(min(c, 0.95))
}
