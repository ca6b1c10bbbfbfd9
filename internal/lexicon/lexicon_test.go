package lexicon

import (
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/assets"
)

func TestLoadFigures(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	l, err := load(assets.Lex)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("load %v, heap %.1f MB; %d nouns, %d verbs, %d adjectives, %d adverbs; exceptions: %d noun, %d verb, %d adjective",
		took.Round(time.Millisecond), float64(after.HeapAlloc-before.HeapAlloc)/(1<<20),
		len(l.noun.index), len(l.verb.index), len(l.adj.index), len(l.adv.index),
		len(l.noun.exc), len(l.verb.exc), len(l.adj.exc))
	runtime.KeepAlive(l)
	if len(l.noun.index) < 100000 || len(l.verb.index) < 10000 || len(l.adj.index) < 20000 {
		t.Errorf("lexicon too small: %d nouns, %d verbs, %d adjectives", len(l.noun.index), len(l.verb.index), len(l.adj.index))
	}
	if err := Load(); err != nil {
		t.Fatal(err)
	}
}

func TestLemmas(t *testing.T) {
	for _, c := range []struct {
		fn         func(string) (string, bool)
		word, want string
	}{
		{VerbLemma, "fled", "flee"},
		{VerbLemma, "struck", "strike"},
		{VerbLemma, "seized", "seize"},
		{VerbLemma, "killed", "kill"},
		{VerbLemma, "stopped", "stop"},
		{VerbLemma, "dying", "die"},
		{VerbLemma, "crashed", "crash"},
		{VerbLemma, "Crashed", "crash"},
		{VerbLemma, "kills", "kill"},
		{VerbLemma, "dies", "die"},
		{VerbLemma, "died", "die"},
		{VerbLemma, "is", "be"},
		{VerbLemma, "was", "be"},
		{VerbLemma, "has", "have"},
		{VerbLemma, "said", "say"},
		{VerbLemma, "found", "find"},
		{VerbLemma, "saw", "see"},
		{VerbLemma, "left", "leave"},
		{VerbLemma, "hoped", "hope"},
		{VerbLemma, "hopped", "hop"},
		{VerbLemma, "singing", "sing"},
		{VerbLemma, "planned", "plan"},
		{VerbLemma, "carried", "carry"},
		{VerbLemma, "evacuated", "evacuate"},
		{VerbLemma, "fleeing", "flee"},
		{VerbLemma, "abducted", "abduct"},
		{VerbLemma, "seed", "seed"},
		{VerbLemma, "stepped down", "step down"},
		{VerbLemma, "took_over", "take over"},
		{NounLemma, "attacks", "attack"},
		{NounLemma, "earthquakes", "earthquake"},
		{NounLemma, "casualties", "casualty"},
		{NounLemma, "churches", "church"},
		{NounLemma, "women", "woman"},
		{NounLemma, "mice", "mouse"},
		{NounLemma, "lives", "life"},
		{NounLemma, "news", "news"},
		{NounLemma, "car bombs", "car bomb"},
		{AdjectiveLemma, "bigger", "big"},
		{AdjectiveLemma, "better", "good"},
		{AdjectiveLemma, "largest", "large"},
	} {
		if got, ok := c.fn(c.word); got != c.want || !ok {
			t.Errorf("lemma of %q = %q, %v; want %q", c.word, got, ok, c.want)
		}
	}
	for _, w := range []string{"xyzzy", "is", "has", ""} {
		if l, ok := NounLemma(w); ok {
			t.Errorf("NounLemma(%q) = %q, want none", w, l)
		}
	}
	if got, want := VerbLemmas("found"), []string{"find", "found"}; !slices.Equal(got, want) {
		t.Errorf("VerbLemmas(found) = %q, want %q", got, want)
	}
}

func TestTags(t *testing.T) {
	for _, c := range []struct {
		fn         func(string) []string
		lemma, tag string
		want       bool
	}{
		{NounTags, "earthquake", "disaster", true},
		{NounTags, "earthquake", "phenomenon", true},
		{NounTags, "earthquake", "earthquake", true},
		{NounTags, "quake", "earthquake", true},
		{NounTags, "referendum", "election", true},
		{NounTags, "election", "election", true},
		{NounTags, "attack", "attack", true},
		{NounTags, "bombing", "attack", true},
		{NounTags, "crash", "accident", true},
		{NounTags, "fire", "fire", true},
		{NounTags, "fire", "disaster", true},
		{NounTags, "hurricane", "storm", true},
		{NounTags, "flood", "disaster", true},
		{NounTags, "tsunami", "disaster", true},
		{NounTags, "demonstration", "protest", true},
		{NounTags, "riot", "protest", true},
		{NounTags, "summit", "meeting", true},
		{NounTags, "treaty", "agreement", true},
		{NounTags, "ceasefire", "agreement", true},
		{NounTags, "cease-fire", "agreement", true},
		{NounTags, "lawsuit", "legal", true},
		{NounTags, "verdict", "legal", true},
		{NounTags, "arrest", "arrest", true},
		{NounTags, "kidnapping", "kidnap", true},
		{NounTags, "battle", "military", true},
		{NounTags, "invasion", "military", true},
		{NounTags, "murder", "killing", true},
		{NounTags, "explosion", "explosion", true},
		{NounTags, "table", "event", false},
		{NounTags, "news", "disaster", false},
		{VerbTags, "kill", "kill", true},
		{VerbTags, "murder", "kill", true},
		{VerbTags, "assassinate", "kill", true},
		{VerbTags, "attack", "attack", true},
		{VerbTags, "die", "die", true},
		{VerbTags, "perish", "die", true},
		{VerbTags, "crash", "crash", true},
		{VerbTags, "resign", "resign", true},
		{VerbTags, "arrest", "arrest", true},
		{VerbTags, "elect", "elect", true},
		{VerbTags, "vote", "vote", true},
		{VerbTags, "protest", "protest", true},
		{VerbTags, "flee", "flee", true},
		{VerbTags, "seize", "capture", true},
		{VerbTags, "capture", "capture", true},
		{VerbTags, "explode", "explode", true},
		{VerbTags, "detonate", "explode", true},
		{VerbTags, "collapse", "collapse", true},
		{VerbTags, "rescue", "rescue", true},
		{VerbTags, "evacuate", "evacuate", true},
		{VerbTags, "sentence", "sentence", true},
		{VerbTags, "convict", "convict", true},
		{VerbTags, "charge", "charge", true},
		{VerbTags, "indict", "charge", true},
		{VerbTags, "kidnap", "kidnap", true},
		{VerbTags, "abduct", "kidnap", true},
		{VerbTags, "detain", "arrest", true},
		{VerbTags, "free", "release", true},
		{VerbTags, "clash", "crash", false},
		{VerbTags, "say", "kill", false},
	} {
		got := c.fn(c.lemma)
		if slices.Contains(got, c.tag) != c.want {
			t.Errorf("tags of %q = %q; want %q: %v", c.lemma, got, c.tag, c.want)
		}
	}
}

func TestClasses(t *testing.T) {
	for _, c := range []struct {
		fn           func(string) []string
		lemma, class string
		first        bool
	}{
		{VerbClasses, "kill", "verb.contact", false},
		{VerbClasses, "say", "verb.communication", true},
		{VerbClasses, "be", "verb.stative", true},
		{VerbClasses, "have", "verb.stative", false},
		{VerbClasses, "flee", "verb.motion", true},
		{VerbClasses, "vote", "verb.social", true},
		{VerbClasses, "rain", "verb.weather", true},
		{NounClasses, "earthquake", "noun.event", true},
		{NounClasses, "fire", "noun.event", true},
		{NounClasses, "minister", "noun.person", true},
		{NounClasses, "paris", "noun.location", true},
	} {
		got := c.fn(c.lemma)
		if c.first && (len(got) == 0 || got[0] != c.class) || !c.first && !slices.Contains(got, c.class) {
			t.Errorf("classes of %q = %q; want %q (first: %v)", c.lemma, got, c.class, c.first)
		}
	}
	e, ok := Noun("fire")
	if !ok || e.Senses != 9 || e.Count == 0 || e.Classes[0].Name != "noun.event" || e.Classes[0].Share <= 0 {
		t.Errorf("Noun(fire) = %+v, %v", e, ok)
	}
	if _, ok := Verb("fled"); ok {
		t.Error("Verb(fled): an inflected form is not a lemma")
	}
	if VerbClasses("xyzzy") != nil || NounTags("xyzzy") != nil {
		t.Error("an unknown lemma has classes or tags")
	}
}

func TestParts(t *testing.T) {
	for _, c := range []struct {
		fn   func(string) bool
		name string
		word string
		want bool
	}{
		{IsVerb, "IsVerb", "fled", true},
		{IsVerb, "IsVerb", "earthquake", false},
		{IsNoun, "IsNoun", "earthquakes", true},
		{IsNoun, "IsNoun", "fled", false},
		{IsAdjective, "IsAdjective", "violent", true},
		{IsAdjective, "IsAdjective", "fled", false},
		{IsAdverb, "IsAdverb", "quickly", true},
		{OnlyNoun, "OnlyNoun", "earthquake", true},
		{OnlyNoun, "OnlyNoun", "attack", false},
		{OnlyVerb, "OnlyVerb", "fled", true},
		{OnlyVerb, "OnlyVerb", "attack", false},
	} {
		if got := c.fn(c.word); got != c.want {
			t.Errorf("%s(%q) = %v, want %v", c.name, c.word, got, c.want)
		}
	}
}

var words = []string{"fled", "struck", "seized", "killed", "stopped", "dying", "crashed", "said", "attacks",
	"earthquake", "president", "Tuesday", "protesters", "gathered", "in", "the", "capital", "after", "elections"}

func BenchmarkVerbLemma(b *testing.B) {
	if err := Load(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, w := range words {
			VerbLemma(w)
		}
		n += len(words)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "lookups/s")
}

func BenchmarkNounTags(b *testing.B) {
	if err := Load(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, w := range words {
			if l, ok := NounLemma(w); ok {
				NounTags(l)
			}
		}
		n += len(words)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "lookups/s")
}
