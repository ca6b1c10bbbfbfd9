package briefing

import "github.com/briefingatlas/atlas/internal/model"

// Select applies the rule for what goes into a briefing: the events the user
// starred ("in briefing") if any of the given events is starred, or else all
// of them (the events the current filters show). Hidden events always stay
// out. With onlyStarred set, an empty result is returned rather than falling
// back to the filtered events, because the user asked for starred ones only.
func Select(events []model.Event, onlyStarred bool) []model.Event {
	starred := false
	for i := range events {
		if events[i].InBriefing && !events[i].Hidden {
			starred = true
			break
		}
	}
	out := make([]model.Event, 0, len(events))
	for _, e := range events {
		if e.Hidden {
			continue
		}
		if (starred || onlyStarred) && !e.InBriefing {
			continue
		}
		out = append(out, e)
	}
	return out
}

// ScopeText describes in words which rule Select applied, for the cover.
func ScopeText(events []model.Event, filters string) string {
	for i := range events {
		if events[i].InBriefing && !events[i].Hidden {
			return "Events starred for the briefing"
		}
	}
	if filters == "" {
		return "All events"
	}
	return "Events shown by the filters: " + filters
}
