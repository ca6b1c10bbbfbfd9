package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestExcerptPaneSaysNoLongerInSource: an event kept after its article
// changed says so, and why it has no sentence.
func TestExcerptPaneSaysNoLongerInSource(t *testing.T) {
	test.NewTempApp(t)
	e, _ := storySource()
	e.Sources = nil
	e.InBriefing = true
	e.Orphaned = true
	p := NewExcerptPane()
	p.ShowEvent(e, nil)
	w := test.NewWindow(p.Object())
	defer w.Close()
	var text strings.Builder
	for _, rt := range richTexts(p.Object()) {
		text.WriteString(rt.String() + "\n")
	}
	for _, l := range under[*widget.Label](p.Object()) {
		text.WriteString(l.Text + "\n")
	}
	if !strings.Contains(text.String(), orphanedText) || !strings.Contains(text.String(), "no longer has the sentence") {
		t.Errorf("pane of an event no longer in its source:\n%s", text.String())
	}
	e.Orphaned = false
	p.ShowEvent(e, nil)
	text.Reset()
	for _, rt := range richTexts(p.Object()) {
		text.WriteString(rt.String() + "\n")
	}
	if strings.Contains(text.String(), "no longer in the source") {
		t.Errorf("an event in its source said to be gone:\n%s", text.String())
	}
}
