package sentence

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"abbreviations", "The U.S. Secretary met Sen. John F. Kennedy on Feb. 27 in Washington. He left.",
			[]string{"The U.S. Secretary met Sen. John F. Kennedy on Feb. 27 in Washington.", "He left."}},
		{"quotes", `"We agreed," he said. "It is done." Then he left.`,
			[]string{`"We agreed," he said.`, `"It is done."`, "Then he left."}},
		{"curly quotes", "He called it “a third-order question.” The envoy agreed.",
			[]string{"He called it “a third-order question.”", "The envoy agreed."}},
		{"acronym at end", "It was a record for the U.S.. Kerry left. Backed by the U.S. The Kremlin said no.",
			[]string{"It was a record for the U.S..", "Kerry left.", "Backed by the U.S.", "The Kremlin said no."}},
		{"headline and lines", "Talks Resume in Geneva\n\nMOSCOW - Envoys met on Monday.\nThey agreed.",
			[]string{"Talks Resume in Geneva", "MOSCOW - Envoys met on Monday.", "They agreed."}},
		{"wrapped line", "The envoys met on Monday and\nagreed to talk again.",
			[]string{"The envoys met on Monday and\nagreed to talk again."}},
		{"decimal and time", "Prices rose 2.5 percent by 4 p.m. on Friday. Markets fell.",
			[]string{"Prices rose 2.5 percent by 4 p.m. on Friday.", "Markets fell."}},
		{"paragraphs glued without a space", "Troops were taken into custody.The report said more would follow. Visit example.com.Thanks, the U.S.Army and www.site.Org.",
			[]string{"Troops were taken into custody.", "The report said more would follow.", "Visit example.com.Thanks, the U.S.Army and www.site.Org."}},
		{"question", "Who are the parties? The parties are here.",
			[]string{"Who are the parties?", "The parties are here."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range Split(tc.text) {
				got = append(got, tc.text[s.Start:s.End])
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}
