package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefingatlas/atlas/internal/model"
)

// sent is one sentence of a test article and the event it reports.
type sent struct {
	kind  model.Kind
	title string
	date  string // YYYY-MM-DD, "" for undated
	text  string
	place *model.Place
}

// version builds one version of an article at path with url: its text is
// the sentences in order, each event keyed as extract does (the text's hash
// and the sentence's offset), so that any change of text changes the keys.
func version(path, url string, sents ...sent) (*model.Article, *model.Extraction) {
	var b strings.Builder
	b.WriteString("Headline of the story\n\n")
	type at struct{ start, end int }
	var spans []at
	for _, s := range sents {
		start := b.Len()
		b.WriteString(s.text)
		spans = append(spans, at{start, b.Len()})
		b.WriteString("\n\n")
	}
	text := b.String()
	sum := sha256.Sum256([]byte(text))
	sha := hex.EncodeToString(sum[:])
	a := &model.Article{Path: path, URL: url, Format: "txt", Title: "Headline of the story", Text: text, SHA256: sha,
		Published: day("2016-03-03"), DateSource: model.DateManifest}
	x := &model.Extraction{}
	for i, s := range sents {
		k := sha256.Sum256([]byte(sha + ":" + strconv.Itoa(spans[i].start) + ":" + string(s.kind)))
		e := model.Event{Key: hex.EncodeToString(k[:8]), Kind: s.kind, Title: s.title, Place: s.place, Confidence: 0.8,
			Sources: []model.Source{{Span: model.Span{Start: spans[i].start, End: spans[i].end}, Text: s.text, DateHow: "explicit"}}}
		if s.date != "" {
			e.Start, e.End, e.Precision = day(s.date), day(s.date), model.PrecisionDay
		}
		x.Events = append(x.Events, e)
		x.Mentions = append(x.Mentions, model.Mention{Span: model.Span{Start: spans[i].start, End: spans[i].start + 3}, Type: model.MentionTrigger, Text: s.text[:3], Value: string(s.kind)})
	}
	return a, x
}

var (
	sMeet   = sent{model.KindMeeting, "Ministers meet in Vienna", "2016-03-01", "Foreign ministers met in Vienna on Tuesday to discuss the agreement, officials said.", moscow}
	sBomb   = sent{model.KindAttack, "Car bomb kills twelve", "2016-02-29", "A car bomb killed twelve people in Baghdad on Monday, police said.", nil}
	sBomb2  = sent{model.KindAttack, "Car bomb kills fourteen", "2016-02-29", "A car bomb killed at least fourteen people in central Baghdad on Monday, police said.", nil}
	sQuake  = sent{model.KindDisaster, "Earthquake strikes Chile", "2016-03-02", "An earthquake struck northern Chile on Wednesday, damaging hundreds of homes.", nil}
	sRebels = sent{model.KindMilitary, "Rebels seize Idlib", "2016-03-03", "Rebels seized the town of Idlib on Thursday after heavy fighting.", nil}
	sVote   = sent{model.KindElection, "Council votes on sanctions", "2016-03-04", "The Security Council will vote on new sanctions on Friday.", nil}
	sMarch  = sent{model.KindProtest, "Protesters march in Paris", "", "Protesters marched through Paris against the new labour law.", nil}
)

// eventByKind returns the one event of kind among evs.
func eventByKind(t *testing.T, evs []model.Event, kind model.Kind) model.Event {
	t.Helper()
	var out []model.Event
	for _, e := range evs {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	if len(out) != 1 {
		t.Fatalf("%d events of kind %s, want 1: %q", len(out), kind, titles(evs))
	}
	return out[0]
}

func allEvents(t *testing.T, s *Store) []model.Event {
	t.Helper()
	dated, err := s.EventsBetween(time.Time{}, time.Time{}, Filter{IncludeHidden: true})
	if err != nil {
		t.Fatal(err)
	}
	undated, err := s.Undated(Filter{IncludeHidden: true})
	if err != nil {
		t.Fatal(err)
	}
	return append(dated, undated...)
}

// TestChangedArticleUpdatesInPlace imports an article, works on its events,
// then a corrected version of it (a sentence added, one reworded, two
// removed): one article, the events found again keep ids and edits, the
// removed starred one stays marked, the removed untouched one goes.
func TestChangedArticleUpdatesInPlace(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a1, x1 := version("/clips/vienna.txt", "", sMeet, sBomb, sQuake, sRebels, sMarch)
	r1, err := s.SaveArticle(ctx, a1, x1, nil)
	if err != nil || r1.Inserted != 5 {
		t.Fatalf("first version: %+v %v", r1, err)
	}
	before := allEvents(t, s)
	meet, bomb, quake, march := eventByKind(t, before, model.KindMeeting), eventByKind(t, before, model.KindAttack),
		eventByKind(t, before, model.KindDisaster), eventByKind(t, before, model.KindProtest)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetInBriefing(meet.ID, true))
	must(s.SetNote(meet.ID, "confirm with the ministry"))
	must(s.SetEventTitle(bomb.ID, "Baghdad car bomb"))
	must(s.SetInBriefing(quake.ID, true))
	must(s.HideEvent(march.ID))

	// The corrected version: the bomb's sentence reworded, the quake and
	// the rebels gone, a vote added; every offset after the first moves.
	a2, x2 := version("/clips/vienna.txt", "", sMeet, sBomb2, sVote, sMarch)
	r2, err := s.SaveArticle(ctx, a2, x2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r2.Updated || r2.ArticleID != a1.ID || r2.Kept != 3 || r2.Inserted != 1 || r2.Removed != 1 || r2.Orphaned != 1 {
		t.Fatalf("update: %+v, want updated article %d with 3 kept, 1 inserted, 1 removed, 1 orphaned", r2, a1.ID)
	}
	arts, err := s.Articles()
	must(err)
	if len(arts) != 1 || arts[0].ID != a1.ID || arts[0].SHA256 != a2.SHA256 {
		t.Fatalf("articles after the update: %+v", arts)
	}
	if got, err := s.Article(a1.ID); err != nil || got.Text != a2.Text {
		t.Fatalf("article text not updated: %v", err)
	}

	after := allEvents(t, s)
	if len(after) != 5 {
		t.Fatalf("%d events after the update, want 5 (meeting, bomb, vote, march, kept quake): %q", len(after), titles(after))
	}
	seen := map[string]bool{}
	for _, e := range after {
		if seen[e.Key] {
			t.Errorf("event key %s twice", e.Key)
		}
		seen[e.Key] = true
	}
	m2 := eventByKind(t, after, model.KindMeeting)
	if m2.ID != meet.ID || !m2.InBriefing || m2.Note != "confirm with the ministry" || m2.Orphaned {
		t.Errorf("starred, noted meeting: %+v, want id %d starred with its note", m2, meet.ID)
	}
	if len(m2.Sources) != 1 || m2.Sources[0].Text != sMeet.text {
		t.Errorf("meeting sources after the update: %+v", m2.Sources)
	}
	b2 := eventByKind(t, after, model.KindAttack)
	if b2.ID != bomb.ID || b2.Title != "Baghdad car bomb" || !b2.Edited {
		t.Errorf("edited bomb: %+v, want id %d with the user's title", b2, bomb.ID)
	}
	if len(b2.Sources) != 1 || b2.Sources[0].Text != sBomb2.text {
		t.Errorf("bomb sources: %+v, want the reworded sentence", b2.Sources)
	}
	if raw, err := loadEventsByID(ctx, s.db, []int64{bomb.ID}, true, false); err != nil || raw[0].Title != sBomb2.title {
		t.Errorf("bomb's extracted title not updated: %+v %v", raw, err)
	}
	q2 := eventByKind(t, after, model.KindDisaster)
	if q2.ID != quake.ID || !q2.InBriefing || !q2.Orphaned || len(q2.Sources) != 0 {
		t.Errorf("removed starred quake: %+v, want id %d kept, starred, marked, without sources", q2, quake.ID)
	}
	for _, e := range after {
		if e.Kind == model.KindMilitary {
			t.Errorf("removed unedited event kept: %+v", e)
		}
		if e.Orphaned != (e.Kind == model.KindDisaster) {
			t.Errorf("orphan mark on %q: %v", e.Title, e.Orphaned)
		}
	}
	if mr := eventByKind(t, after, model.KindProtest); mr.ID != march.ID || !mr.Hidden {
		t.Errorf("hidden undated march: %+v, want id %d hidden", mr, march.ID)
	}
	if st, err := s.Starred(); err != nil || len(st) != 2 {
		t.Errorf("starred after the update: %q %v", titles(st), err)
	}
	checkSound(t, s)

	// The same text again changes nothing.
	a3, x3 := version("/clips/vienna.txt", "", sMeet, sBomb2, sVote, sMarch)
	r3, err := s.SaveArticle(ctx, a3, x3, nil)
	if err != nil || !r3.AlreadyPresent || r3.Updated {
		t.Fatalf("identical re-import: %+v %v", r3, err)
	}
	if again := allEvents(t, s); len(again) != len(after) {
		t.Errorf("identical re-import changed the events: %q", titles(again))
	}

	// A later version that reports the quake again takes the kept event
	// back: same id, star, no mark.
	a4, x4 := version("/clips/vienna.txt", "", sMeet, sBomb2, sQuake, sVote, sMarch)
	r4, err := s.SaveArticle(ctx, a4, x4, nil)
	if err != nil || !r4.Updated || r4.Inserted != 0 || r4.Kept != 5 {
		t.Fatalf("version reporting the quake again: %+v %v", r4, err)
	}
	q4 := eventByKind(t, allEvents(t, s), model.KindDisaster)
	if q4.ID != quake.ID || q4.Orphaned || !q4.InBriefing || len(q4.Sources) != 1 {
		t.Errorf("quake reported again: %+v", q4)
	}
	checkSound(t, s)

	// Deleting the article takes its kept events with it.
	a5, x5 := version("/clips/vienna.txt", "", sMeet)
	if _, err := s.SaveArticle(ctx, a5, x5, nil); err != nil {
		t.Fatal(err)
	}
	must(s.DeleteArticle(ctx, a1.ID))
	if left := allEvents(t, s); len(left) != 0 {
		t.Errorf("events left after deleting the article: %q", titles(left))
	}
	checkSound(t, s)
}

// checkSound runs SQLite's integrity check and the store's own.
func checkSound(t *testing.T, s *Store) {
	t.Helper()
	if ok, err := s.IntegrityCheck(); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	rep, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 {
		t.Fatalf("store check: %v", rep.Problems)
	}
}

// TestArticleIdentity: a URL names an article wherever its file lies; a
// path names it when it has no URL.
func TestArticleIdentity(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a1, x1 := version("/clips/one.html", "https://news.example/story-1", sMeet)
	if _, err := s.SaveArticle(ctx, a1, x1, nil); err != nil {
		t.Fatal(err)
	}
	// Re-clipped into another file: the same story.
	a2, x2 := version("/clips/again/one-v2.html", "https://news.example/story-1", sMeet, sVote)
	if r, err := s.SaveArticle(ctx, a2, x2, nil); err != nil || !r.Updated || r.ArticleID != a1.ID {
		t.Fatalf("same URL, other path: %+v %v", r, err)
	}
	// Another URL at the path the story had: another story.
	a3, x3 := version("/clips/again/one-v2.html", "https://news.example/story-2", sBomb)
	if r, err := s.SaveArticle(ctx, a3, x3, nil); err != nil || r.Updated || r.ArticleID == a1.ID {
		t.Fatalf("other URL, same path: %+v %v", r, err)
	}
	// No URL: the path decides.
	a4, x4 := version("/clips/plain.txt", "", sQuake)
	if _, err := s.SaveArticle(ctx, a4, x4, nil); err != nil {
		t.Fatal(err)
	}
	a5, x5 := version("/clips/plain.txt", "", sQuake, sRebels)
	if r, err := s.SaveArticle(ctx, a5, x5, nil); err != nil || !r.Updated || r.ArticleID != a4.ID {
		t.Fatalf("same path, no URL: %+v %v", r, err)
	}
	if arts, _ := s.Articles(); len(arts) != 3 {
		t.Errorf("%d articles, want 3", len(arts))
	}
	checkSound(t, s)
}

// countdownCtx is cancelled at the n-th time a query asks whether it is:
// an update interrupted at every step in turn.
type countdownCtx struct {
	context.Context
	mu   sync.Mutex
	n    int
	done chan struct{}
}

func newCountdown(n int) *countdownCtx {
	return &countdownCtx{Context: context.Background(), n: n, done: make(chan struct{})}
}

func (c *countdownCtx) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n--
	if c.n == 0 {
		close(c.done)
	}
	return c.done
}

func (c *countdownCtx) Err() error {
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

// previousVersion stores the first version of a test article with a user's
// title on one event and a star on another that the second version drops;
// it returns the events as they are then.
func previousVersion(t *testing.T, s *Store) (*model.Article, []model.Event) {
	t.Helper()
	a1, x1 := version("/clips/vienna.txt", "", sMeet, sBomb, sQuake, sRebels)
	if _, err := s.SaveArticle(context.Background(), a1, x1, nil); err != nil {
		t.Fatal(err)
	}
	before := allEvents(t, s)
	if err := s.SetEventTitle(eventByKind(t, before, model.KindAttack).ID, "Baghdad car bomb"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetInBriefing(eventByKind(t, before, model.KindDisaster).ID, true); err != nil {
		t.Fatal(err)
	}
	return a1, allEvents(t, s)
}

// checkUnchanged fails unless the store holds a1 and the events before,
// as they were.
func checkUnchanged(t *testing.T, s *Store, a1 *model.Article, before []model.Event) {
	t.Helper()
	arts, err := s.Articles()
	if err != nil || len(arts) != 1 || arts[0].SHA256 != a1.SHA256 {
		t.Fatalf("articles after a failed update: %+v %v", arts, err)
	}
	after := allEvents(t, s)
	if len(after) != len(before) {
		t.Fatalf("events after a failed update: %q, want %q", titles(after), titles(before))
	}
	for i := range before {
		b, a := before[i], after[i]
		if a.ID != b.ID || a.Key != b.Key || a.Title != b.Title || a.InBriefing != b.InBriefing || a.Orphaned || len(a.Sources) != 1 || a.Sources[0].Text != b.Sources[0].Text {
			t.Errorf("event changed by a failed update:\n got %+v\nwant %+v", a, b)
		}
	}
	checkSound(t, s)
}

// TestUpdateInterruptedAtEveryStep cancels an update's context at its
// first query, then its second, and so on until it completes: each
// interrupted update leaves the previous version whole.
func TestUpdateInterruptedAtEveryStep(t *testing.T) {
	s := openTemp(t)
	a1, before := previousVersion(t, s)
	for n := 1; ; n++ {
		if n > 2000 {
			t.Fatal("the update never completed")
		}
		a2, x2 := version("/clips/vienna.txt", "", sMeet, sBomb2, sVote)
		r, err := s.SaveArticle(newCountdown(n), a2, x2, nil)
		if err == nil {
			if !r.Updated || r.Kept != 2 || r.Orphaned != 1 || r.Removed != 1 || r.Inserted != 1 {
				t.Fatalf("update after %d interrupted ones: %+v", n-1, r)
			}
			if n < 10 {
				t.Fatalf("the update completed after %d queries: the countdown does not reach it", n)
			}
			break
		}
		checkUnchanged(t, s, a1, before)
		if t.Failed() {
			t.Fatalf("interrupted at query %d: %v", n, err)
		}
	}
	checkSound(t, s)
}

// TestFailedUpdateLeavesPreviousVersion breaks an update halfway with a
// write that fails, alone and in an import batch: the previous version
// stays whole, with its events, ids and edits.
func TestFailedUpdateLeavesPreviousVersion(t *testing.T) {
	for _, how := range []string{"save", "import batch"} {
		t.Run(how, func(t *testing.T) {
			s := openTemp(t)
			ctx := context.Background()
			a1, before := previousVersion(t, s)
			// The new mentions are written after the article row and the
			// old events changed: a failure there must undo them.
			if _, err := s.db.Exec(`CREATE TRIGGER fail_mentions BEFORE INSERT ON mentions BEGIN SELECT RAISE(ABORT, 'injected failure'); END`); err != nil {
				t.Fatal(err)
			}
			a2, x2 := version("/clips/vienna.txt", "", sMeet, sBomb2, sVote)
			var err error
			switch how {
			case "save":
				_, err = s.SaveArticle(ctx, a2, x2, nil)
			case "import batch":
				b, berr := s.NewImportBatch(ctx)
				if berr != nil {
					t.Fatal(berr)
				}
				_, err = b.SaveArticle(a2, x2, Merging{})
				if cerr := b.Commit(); cerr != nil {
					t.Fatal(cerr)
				}
			}
			if err == nil || !strings.Contains(err.Error(), "injected failure") {
				t.Fatalf("the update did not fail as injected: %v", err)
			}
			if _, err := s.db.Exec(`DROP TRIGGER fail_mentions`); err != nil {
				t.Fatal(err)
			}
			checkUnchanged(t, s, a1, before)
			// The update goes through once the failure is gone.
			a2, x2 = version("/clips/vienna.txt", "", sMeet, sBomb2, sVote)
			if r, err := s.SaveArticle(ctx, a2, x2, nil); err != nil || !r.Updated || r.Kept != 2 || r.Orphaned != 1 || r.Removed != 1 {
				t.Fatalf("update after the failure: %+v %v", r, err)
			}
			checkSound(t, s)
		})
	}
}

// TestMatchEvents: the same sentence pairs wherever it moved, a reworded
// one pairs when its dates agree, an unrelated one of the same kind does
// not.
func TestMatchEvents(t *testing.T) {
	ev := func(kind model.Kind, date, text string) model.Event {
		e := model.Event{Kind: kind, Sources: []model.Source{{Span: model.Span{Start: -1}, Text: text}}}
		if date != "" {
			e.Start, e.End = day(date), day(date)
		}
		return e
	}
	pr := func(e model.Event) prior { return prior{ev: e, texts: []string{e.Sources[0].Text}} }
	prev := []prior{
		pr(ev(model.KindAttack, "2016-02-29", sBomb.text)),
		pr(ev(model.KindMeeting, "2016-03-01", sMeet.text)),
		pr(ev(model.KindMilitary, "2016-03-03", sRebels.text)),
	}
	news := []model.Event{
		ev(model.KindMeeting, "2016-03-01", sMeet.text),
		ev(model.KindAttack, "2016-02-29", sBomb2.text),
		ev(model.KindMilitary, "2016-03-03", "Government troops shelled the outskirts of Aleppo on Thursday."),
		ev(model.KindAttack, "2016-05-10", sBomb2.text),
	}
	got := matchEvents(prev, news, "")
	want := map[int]int{0: 1, 1: 0}
	if len(got) != len(want) || got[0] != 1 || got[1] != 0 {
		t.Errorf("matchEvents = %v, want %v", got, want)
	}
}
