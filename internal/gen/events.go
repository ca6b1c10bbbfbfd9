package gen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// StoreOptions configures a synthetic store: many events over many years and
// places, written without running the extractor, so that a million-event
// store can be built in minutes.
type StoreOptions struct {
	Seed       uint64
	Events     int           // total events
	Places     []model.Place // where events happen; most events go to the first ones
	From       time.Time     // first day; zero means 2006-01-01
	Years      int           // zero means 20
	PerArticle int           // events per synthetic article; zero means 8
}

// Batch is one synthetic article and the events taken from it. Every
// event's single source points at its own sentence in Article.Text, with
// ArticleID left zero for the store to fill in.
type Batch struct {
	Article model.Article
	Events  []model.Event
}

// Batches returns how many batches opt produces.
func (opt StoreOptions) Batches() int {
	per := opt.per()
	return (opt.Events + per - 1) / per
}

func (opt StoreOptions) per() int {
	if opt.PerArticle <= 0 {
		return 8
	}
	return opt.PerArticle
}

// StoreGen builds batches for a synthetic store. It holds no mutable state,
// so batches can be built concurrently and in any order.
type StoreGen struct {
	opt    StoreOptions
	corpus *Corpus // for its date span and office holders
}

// NewStore returns a batch generator for opt.
func NewStore(opt StoreOptions) *StoreGen {
	return &StoreGen{opt: opt, corpus: New(Options{Seed: opt.Seed, From: opt.From, Years: opt.Years})}
}

// Batch returns batch i of opt.Batches(); the last one may be short.
func (g *StoreGen) Batch(i int) Batch {
	r := rand.New(rand.NewPCG(g.opt.Seed^0x5bd1e995, uint64(i)+1))
	per := g.opt.per()
	n := per
	if rest := g.opt.Events - i*per; rest < n {
		n = rest
	}
	pub := g.corpus.from.AddDate(0, 0, pubDay(r, g.corpus.days))

	ia := r.IntN(len(countries))
	ib := (ia + 1 + r.IntN(len(countries)-1)) % len(countries)
	ga, gb := &countries[ia], &countries[ib]
	s := &sentence{r: r, pub: pub, ga: ga, gb: gb, seen: map[string]bool{}, topic: topics[r.IntN(len(topics))]}
	s.a = g.corpus.officialOf(ia, r.IntN(len(roles)), pub.Year())
	s.b = g.corpus.officialOf(ib, r.IntN(len(roles)), pub.Year())
	s.org = orgs[r.IntN(len(orgs))]

	places := g.opt.Places
	home := g.pickPlace(r)
	s.place = placeName(places, home)
	title := s.render(headlines[r.IntN(len(headlines))])
	s.seen = map[string]bool{}

	var tb strings.Builder
	tb.Grow(200 * (n + 1))
	tb.WriteString(title)
	tb.WriteString("\n\n")
	file := fmt.Sprintf("gen/%07d.txt", i)
	evs := make([]model.Event, 0, n)
	for j := 0; j < n; j++ {
		if j > 0 {
			if j%3 == 0 {
				tb.WriteString("\n\n")
			} else {
				tb.WriteByte(' ')
			}
		}
		k := pickKind(r)
		tmpls := templates[k]
		pi := home
		if r.IntN(3) == 0 {
			pi = g.pickPlace(r)
		}
		s.place = placeName(places, pi)
		if r.IntN(3) == 0 {
			s.topic = topics[r.IntN(len(topics))]
		}
		text := s.render(tmpls[r.IntN(len(tmpls))])
		start := tb.Len()
		tb.WriteString(text)
		if r.IntN(4) == 0 {
			tb.WriteByte(' ')
			tb.WriteString(s.render(fillers[r.IntN(len(fillers))]))
		}
		e := model.Event{
			Key:        fmt.Sprintf("gen:%x", mix(g.opt.Seed, uint64(i)<<8|uint64(j))),
			Kind:       k,
			Title:      eventTitle(k, s),
			Start:      s.date,
			End:        s.date,
			Precision:  s.prec,
			Planned:    s.planned,
			Confidence: 0.5 + 0.45*r.Float64(),
			Actors:     actorsOf(k, s),
			Sources: []model.Source{{File: file, Span: model.Span{Start: start, End: start + len(text)}, Text: text,
				DateHow: "explicit"}},
		}
		if s.prec == model.PrecisionMonth {
			e.End = s.date.AddDate(0, 1, -1)
		}
		if pi >= 0 {
			p := places[pi]
			e.Place = &p
		}
		evs = append(evs, e)
	}
	tb.WriteByte('\n')
	text := tb.String()
	return Batch{
		Article: model.Article{
			Path:       file,
			SHA256:     fmt.Sprintf("%016x%016x", mix(g.opt.Seed, uint64(i)), mix(g.opt.Seed+1, uint64(i))),
			Format:     "txt",
			Title:      title,
			Publisher:  publishers[r.IntN(len(publishers))],
			Published:  pub,
			DateSource: model.DateManifest,
			Dateline:   placeName(places, home),
			Text:       text,
		},
		Events: evs,
	}
}

// pickPlace draws a place index with a heavy head: the first places (the
// capitals and big cities when the pool is sorted by size) get most events
// and the long tail of towns a few each, as in real coverage. It returns -1
// when there are no places.
func (g *StoreGen) pickPlace(r *rand.Rand) int {
	n := len(g.opt.Places)
	if n == 0 {
		return -1
	}
	// Half the events spread evenly so every place has some; half go to
	// the head with a power law.
	if r.IntN(2) == 0 {
		return r.IntN(n)
	}
	i := int(float64(n) * math.Pow(r.Float64(), 4))
	if i >= n {
		i = n - 1
	}
	return i
}

func placeName(places []model.Place, i int) string {
	if i < 0 {
		return "an undisclosed location"
	}
	return places[i].Name
}

// eventTitle is a short title like the extractor's: what, where, about what.
func eventTitle(k model.Kind, s *sentence) string {
	var what string
	switch k {
	case model.KindMeeting:
		what = "Meeting of " + surname(s.a.Name) + " and " + surname(s.b.Name)
	case model.KindTalks:
		what = "Talks on " + s.topic
	case model.KindAgreement:
		what = "Agreement on " + s.topic
	case model.KindStatement:
		what = surname(s.a.Name) + " statement on " + s.topic
	case model.KindCeasefire:
		what = "Ceasefire"
	case model.KindMilitary:
		what = s.ga.Adjective + " offensive"
	case model.KindWithdrawal:
		what = s.ga.Adjective + " withdrawal"
	case model.KindAnnexation:
		what = "Annexation"
	case model.KindProposal:
		what = "Proposal on " + s.topic
	case model.KindDeadline:
		what = "Deadline on " + s.topic
	case model.KindConference:
		what = "Conference on " + s.topic
	case model.KindPublication:
		what = "Report on " + s.topic
	default:
		what = "Event"
	}
	return what + " in " + s.place
}

func surname(name string) string { return name[strings.LastIndexByte(name, ' ')+1:] }

func actorsOf(k model.Kind, s *sentence) []model.Actor {
	a := model.Actor{Name: s.a.Name, Type: model.ActorPerson, Title: s.a.Title}
	switch k {
	case model.KindMeeting, model.KindTalks, model.KindAgreement:
		b := model.Actor{Name: s.b.Name, Type: model.ActorPerson, Title: s.b.Title}
		return []model.Actor{a, b}
	case model.KindPublication:
		return []model.Actor{{Name: strings.TrimPrefix(s.org, "the "), Type: model.ActorOrg}}
	case model.KindMilitary, model.KindWithdrawal, model.KindCeasefire, model.KindAnnexation:
		return []model.Actor{{Name: strings.TrimPrefix(s.ga.Name, "the "), Type: model.ActorGov}}
	}
	return []model.Actor{a}
}
