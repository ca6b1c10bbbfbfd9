// Package gen writes deterministic, news-like articles and events for
// benchmarks and tests: the same seed always gives the same bytes, at any
// size. Articles are built from this package's own sentence templates with
// dates, places from a place table, officials and event sentences, so that
// the real extractor finds events in them; nothing is copied from real news.
//
// Every article and every synthetic store batch is seeded by its own index,
// so article 17 of a 1,000-article corpus is byte-identical to article 17 of
// a 100,000-article one, and batches can be produced in any order.
package gen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// Options configures a Corpus.
type Options struct {
	Seed  uint64
	From  time.Time // first possible publication day; zero means 2006-01-01
	Years int       // span of publication dates; zero means 20

	// Shares of the articles WriteCorpus writes as HTML pages and as
	// Markdown; the rest are plain text. They change file formats only,
	// never the articles' text.
	HTMLShare, MarkdownShare float64
}

func (o Options) span() (time.Time, int) {
	from := o.From
	if from.IsZero() {
		from = time.Date(2006, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	years := o.Years
	if years <= 0 {
		years = 20
	}
	from = model.Day(from)
	days := int(from.AddDate(years, 0, 0).Sub(from).Hours() / 24)
	return from, days
}

// Corpus generates articles. It is safe for concurrent use: it holds no
// mutable state, each article draws from its own random stream.
type Corpus struct {
	opt  Options
	from time.Time
	days int
}

// New returns a corpus generator for opt.
func New(opt Options) *Corpus {
	from, days := opt.span()
	return &Corpus{opt: opt, from: from, days: days}
}

// Planted is an event the generator wrote into an article: what a perfect
// extractor would find. Tests compare the extractor's output with it.
type Planted struct {
	Kind      model.Kind
	Start     time.Time // inclusive UTC day
	Precision model.Precision
	Planned   bool
	Place     string     // place name as written
	Sentence  model.Span // byte span of the sentence in Article.Text
}

// Article is one generated article with the metadata a clipping tool would
// leave in sources.csv.
type Article struct {
	File      string // base file name, unique within a corpus
	Title     string
	Publisher string
	URL       string // empty for some articles, as in real clippings
	Published time.Time
	Dateline  string // place of the dateline, as a name ("Moscow")
	Text      string
	Events    []Planted
}

// official is a named office holder of a country.
type official struct {
	Name, Title string
	Country     *country
}

// officialOf returns who held role in country c in a given year. Office
// holders change every few years, deterministically from the seed, so that a
// long corpus has many actors and each story has stable ones.
func (c *Corpus) officialOf(ci, role, year int) official {
	term := year / 4
	h := mix(c.opt.Seed, uint64(ci)*131+uint64(role)*7+uint64(term)*1009)
	co := &countries[ci]
	return official{
		Name:    firstNames[h%uint64(len(firstNames))] + " " + lastNames[(h>>16)%uint64(len(lastNames))],
		Title:   roles[role],
		Country: co,
	}
}

// mix is SplitMix64 over seed and x: a cheap, well-spread hash for picking
// deterministic names without a random stream.
func mix(seed, x uint64) uint64 {
	z := seed + x*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// sentence renders event and headline templates. It remembers which actors
// were already introduced so that later mentions use the surname alone.
type sentence struct {
	r        *rand.Rand
	pub      time.Time
	a, b     official
	ga, gb   *country
	place    string
	topic    string
	org      string
	seen     map[string]bool
	date     time.Time
	prec     model.Precision
	planned  bool
	sb       strings.Builder
	dateText string
}

func (s *sentence) actor(o official) string {
	if s.seen[o.Name] {
		return surname(o.Name)
	}
	s.seen[o.Name] = true
	return o.Country.Adjective + " " + o.Title + " " + o.Name
}

// render fills tmpl. Date slots are decided here, so the planted event's
// date and precision match exactly what the sentence says.
func (s *sentence) render(tmpl string) string {
	s.sb.Reset()
	for i := 0; i < len(tmpl); {
		if tmpl[i] != '{' {
			j := strings.IndexByte(tmpl[i:], '{')
			if j < 0 {
				j = len(tmpl) - i
			}
			s.sb.WriteString(tmpl[i : i+j])
			i += j
			continue
		}
		k := strings.IndexByte(tmpl[i:], '}')
		slot := tmpl[i+1 : i+k]
		i += k + 1
		switch slot {
		case "A":
			s.sb.WriteString(s.actor(s.a))
		case "B":
			s.sb.WriteString(s.actor(s.b))
		case "GA":
			s.sb.WriteString(s.ga.Name)
		case "GB":
			s.sb.WriteString(s.gb.Name)
		case "XA":
			s.sb.WriteString(s.ga.Adjective)
		case "XB":
			s.sb.WriteString(s.gb.Adjective)
		case "P":
			s.sb.WriteString(s.place)
		case "T":
			s.sb.WriteString(s.topic)
		case "O":
			s.sb.WriteString(s.org)
		case "D":
			s.sb.WriteString(s.pastDate())
		case "F":
			s.sb.WriteString(s.futureDate(true))
		case "FD":
			s.sb.WriteString(s.futureDate(false))
		default:
			panic("gen: unknown template slot " + slot)
		}
	}
	out := s.sb.String()
	return strings.ToUpper(out[:1]) + out[1:]
}

// pastDate picks a day up to two months before publication and writes it the
// ways reporters do: "today", "on Tuesday", "on March 4", "in May 2014".
func (s *sentence) pastDate() string {
	s.planned = false
	s.prec = model.PrecisionDay
	r := s.r
	if r.IntN(12) == 0 {
		// An older event recalled with month precision.
		d := s.pub.AddDate(0, -(2 + r.IntN(30)), 0)
		s.date = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		s.prec = model.PrecisionMonth
		return fmt.Sprintf("in %s %d", d.Month(), d.Year())
	}
	back := r.IntN(8)
	if r.IntN(3) == 0 {
		back = r.IntN(60)
	}
	d := s.pub.AddDate(0, 0, -back)
	s.date = d
	switch {
	case back == 0 && r.IntN(2) == 0:
		return "today"
	case back == 1 && r.IntN(2) == 0:
		return "yesterday"
	case back < 7 && r.IntN(3) > 0:
		return "on " + d.Weekday().String()
	case d.Year() == s.pub.Year() && r.IntN(2) == 0:
		return fmt.Sprintf("on %s %d", d.Month(), d.Day())
	default:
		return fmt.Sprintf("on %s %d, %d", d.Month(), d.Day(), d.Year())
	}
}

// futureDate picks a day after publication, for planned events. With on set
// the phrase is adverbial ("on June 12"); without it is bare ("June 12").
func (s *sentence) futureDate(on bool) string {
	s.planned = true
	s.prec = model.PrecisionDay
	d := s.pub.AddDate(0, 0, 3+s.r.IntN(90))
	s.date = d
	prefix := ""
	if on {
		prefix = "on "
	}
	if d.Year() != s.pub.Year() {
		return fmt.Sprintf("%s%s %d, %d", prefix, d.Month(), d.Day(), d.Year())
	}
	return fmt.Sprintf("%s%s %d", prefix, d.Month(), d.Day())
}

func pickKind(r *rand.Rand) model.Kind {
	total := 0
	for _, w := range kindWeights {
		total += w.Weight
	}
	n := r.IntN(total)
	for _, w := range kindWeights {
		if n < w.Weight {
			return w.Kind
		}
		n -= w.Weight
	}
	return model.KindOther
}

// placesOf lists the names a story set in countries a and b can use.
func placesOf(a, b *country) []string {
	out := []string{a.Capital, b.Capital}
	for _, c := range a.Cities {
		out = append(out, c.Name)
	}
	for _, c := range b.Cities {
		out = append(out, c.Name)
	}
	return out
}

// Article returns article i. It depends only on the options' seed and span
// and on i.
func (c *Corpus) Article(i int) Article {
	r := rand.New(rand.NewPCG(c.opt.Seed, uint64(i)+1))
	pub := c.from.AddDate(0, 0, pubDay(r, c.days))

	ia := r.IntN(len(countries))
	ib := r.IntN(len(countries) - 1)
	if ib >= ia {
		ib++
	}
	// Most coverage involves a handful of big players; bias towards them.
	if r.IntN(2) == 0 {
		ia = r.IntN(4)
		if ib == ia {
			ib = (ia + 1 + r.IntN(len(countries)-1)) % len(countries)
		}
	}
	ga, gb := &countries[ia], &countries[ib]
	names := placesOf(ga, gb)
	s := &sentence{r: r, pub: pub, ga: ga, gb: gb, seen: map[string]bool{}, topic: topics[r.IntN(len(topics))]}
	s.a = c.officialOf(ia, r.IntN(len(roles)), pub.Year())
	s.b = c.officialOf(ib, r.IntN(len(roles)), pub.Year())
	s.org = orgs[r.IntN(len(orgs))]
	s.place = names[r.IntN(len(names))]

	title := s.render(headlines[r.IntN(len(headlines))])
	dateline := s.place
	// Headline rendering must not count as introducing the actors.
	s.seen = map[string]bool{}

	var tb strings.Builder
	tb.WriteString(title)
	tb.WriteString("\n\n")
	tb.WriteString(strings.ToUpper(dateline))
	tb.WriteString(" - ")

	var planted []Planted
	nEvents := 3 + r.IntN(8)
	emitEvent := func() {
		k := pickKind(r)
		tmpls := templates[k]
		s.place = names[r.IntN(len(names))]
		if r.IntN(3) == 0 {
			s.topic = topics[r.IntN(len(topics))]
		}
		if r.IntN(4) == 0 {
			s.ga, s.gb = s.gb, s.ga
		}
		text := s.render(tmpls[r.IntN(len(tmpls))])
		start := tb.Len()
		tb.WriteString(text)
		planted = append(planted, Planted{Kind: k, Start: s.date, Precision: s.prec, Planned: s.planned,
			Place: s.place, Sentence: model.Span{Start: start, End: tb.Len()}})
	}
	emitEvent()
	written := 1
	for written < nEvents {
		tb.WriteString("\n\n")
		perPara := 3 + r.IntN(4)
		for j := 0; j < perPara; j++ {
			if j > 0 {
				tb.WriteByte(' ')
			}
			if written < nEvents && r.IntN(5) < 2 {
				emitEvent()
				written++
			} else {
				tb.WriteString(s.render(fillers[r.IntN(len(fillers))]))
			}
		}
	}
	tb.WriteString("\n")

	text := tb.String()
	a := Article{
		File:      fmt.Sprintf("%06d_%016x.txt", i, mix(c.opt.Seed, uint64(len(text))*7919+uint64(i))),
		Title:     title,
		Publisher: publishers[r.IntN(len(publishers))],
		Published: pub,
		Dateline:  dateline,
		Text:      text,
		Events:    planted,
	}
	if r.IntN(4) > 0 {
		a.URL = fmt.Sprintf("https://news.example.org/%d/%02d/%s-%d", pub.Year(), int(pub.Month()), slug(title), i)
	}
	return a
}

// pubDay draws a publication day in [0, days): coverage grows over the
// years and clusters in bursts around big stories, as a wire archive does.
func pubDay(r *rand.Rand, days int) int {
	if r.IntN(5) < 2 {
		// A burst: one of 300 story peaks, a few weeks wide.
		peak := int(mix(7, uint64(r.IntN(300))) % uint64(days))
		d := peak + int(r.NormFloat64()*20)
		if d >= 0 && d < days {
			return d
		}
	}
	// Density rising linearly to three times its starting value.
	u := r.Float64()
	x := (-1 + math.Sqrt(1+8*u)) / 2 // inverse CDF of density (1+2x)/2 on [0,1]
	d := int(x * float64(days))
	if d >= days {
		d = days - 1
	}
	return d
}
