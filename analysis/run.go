package analysis

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/drishti-news/drishti/analysis/corpus"
	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/analysis/sample"
	"github.com/drishti-news/drishti/analysis/tone"
	"github.com/drishti-news/drishti/analysis/topics"
	"github.com/drishti-news/drishti/lexicon"
	"github.com/drishti-news/drishti/output"
)

var (
	// ErrInput wraps errors in the run's inputs or configuration that the user must fix
	// before the run can start: a missing input file, an invalid lexicon, a bad field mapping.
	ErrInput = errors.New("invalid input or configuration")
	// ErrTooManyRejects is returned, after the reports were written, when the share of
	// rejected rows exceeds Options.MaxRejectRatio.
	ErrTooManyRejects = errors.New("too many rejects")
)

// batchSize is the number of items a worker takes at once; it amortizes channel operations.
const batchSize = 64

// hitFlush is the number of hits buffered before they are written.
const hitFlush = 16 * 1024

// batch is a run of consecutive items, numbered in input order. A fixed set of batches
// circulates from the reader to the workers and the sequencer and back, so their buffers are
// reused: the results, and the slabs that hold the hits and topic features of all the batch's
// articles.
type batch struct {
	seq     int
	items   []corpus.Item
	results []result
	hits    []output.Hit  // slab of the results' hits
	terms   []topics.Term // slab of the results' topic features
}

// reset empties b for the batch numbered seq.
func (b *batch) reset(seq int) {
	clear(b.items) // drop the articles of the previous round
	b.seq, b.items, b.hits, b.terms = seq, b.items[:0], b.hits[:0], b.terms[:0]
}

// result is what a worker makes of one article: its report row (without topic), its hits and
// its topic features (both slices of the batch's slabs). The article text is not kept.
type result struct {
	row   output.Article
	hits  []output.Hit
	terms []topics.Term
}

// Run executes the job: it reads the inputs, analyses every article, clusters the articles
// into topics and writes the reports into opts.Out. Reports are replaced only when the run
// succeeds. When the run finished but rejected more rows than opts.MaxRejectRatio allows,
// the reports are written and the error wraps ErrTooManyRejects.
func Run(ctx context.Context, opts Options) (*Summary, error) {
	opts = opts.withDefaults()
	log := opts.Logger
	start := opts.Now()
	runID := newRunID(start)
	sum := &Summary{RunID: runID, Out: opts.Out}
	stages := &stageClock{now: opts.Now, last: start}

	// The inputs are read ahead while the lexicon loads, on the core that would be idle.
	var (
		lex     *lexicon.Lexicon
		lexErr  error
		lexDone = make(chan struct{})
	)
	go func() {
		defer close(lexDone)
		lex, lexErr = loadLexicon(opts)
	}()
	rd, rdErr := openInputs(opts)
	var pre *prefetch
	if rdErr == nil {
		defer rd.Close()
		pre = startPrefetch(rd, lexDone)
	}
	<-lexDone
	if pre != nil {
		pre.wait()
	}
	if lexErr != nil {
		return nil, lexErr
	}
	var err error
	cats := lex.Categories()
	sum.Categories = cats
	scorer := tone.NewScorer(lex, tone.Options{})

	var prior *topics.Model
	if opts.TopicModel != "" && !opts.Refit {
		prior, err = topics.LoadModel(opts.TopicModel)
		switch {
		case errors.Is(err, os.ErrNotExist):
			log.Info("no topic model yet; fitting afresh", "path", opts.TopicModel)
			prior = nil
		case err != nil:
			return nil, fmt.Errorf("%w: loading topic model: %w", ErrInput, err)
		default:
			log.Info("loaded topic model", "path", opts.TopicModel, "topics", len(prior.Topics))
		}
	}

	if rdErr != nil {
		return nil, rdErr
	}

	out, err := output.Create(output.Options{
		Dir:             opts.Out,
		Parquet:         opts.Parquet,
		Arrow:           opts.Arrow,
		PartitionByDay:  opts.PartitionByDay,
		Categories:      cats,
		RunID:           runID,
		Version:         opts.Version,
		LexiconChecksum: lex.Checksum(),
	})
	if err != nil {
		return nil, fmt.Errorf("preparing reports: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			if err := out.Abort(); err != nil {
				log.Error("removing the unfinished reports", "err", err)
			}
		}
	}()

	col := newCollector(out)
	bar := newProgress(opts.Progress, rd, &col.analysed)
	wctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	sw := startSpillWriter(wctx, col, cancel)
	err = stream(wctx, opts.Workers, pre.next, scorer, col, sw)
	bar.finish()
	sw.release() // the analysis is over: the held spills are written while topics are fitted
	if err != nil {
		cancel(err) // the writer stops writing
		if werr := sw.wait(); werr != nil {
			return nil, werr // the stream stopped because a write failed
		}
		return nil, err
	}
	for _, s := range rd.Skipped() {
		log.Warn("skipped a file of unknown format", "file", s)
	}
	stages.mark("read+analyse")
	sum.Articles, sum.Rejects = len(col.rows), col.rejects
	log.Info("analysed", "articles", sum.Articles, "rejects", sum.Rejects, "hits", col.hits)
	if sum.Articles == 0 {
		log.Warn("no article was read: the reports are written empty", "rejects", sum.Rejects)
	}

	var fit *topics.Result
	if col.builder.Len() > 0 {
		fit, err = col.builder.Fit(ctx, topics.Options{K: opts.Topics, Seed: opts.Seed, Workers: opts.Workers, Prior: prior,
			NoModel: opts.TopicModel == ""})
		switch {
		case errors.Is(err, topics.ErrNoDocuments):
			log.Warn("no article has enough shared vocabulary for topics; every article is an outlier")
			fit = nil
		case err != nil:
			return nil, fmt.Errorf("clustering topics: %w", err)
		}
	}
	topicRows := assignTopics(col.rows, fit, cats)
	sum.Topics = topicRows
	if fit != nil {
		sum.Outliers = fit.Outliers
		log.Info("topics", "k", fit.K, "criterion", fit.Criterion, "outliers", fit.Outliers)
	}
	stages.mark("topics")

	if err := sw.wait(); err != nil {
		return nil, err
	}
	trends := make(chan []output.Trend, 1) // summed while the articles are written
	go func() { trends <- output.Trends(col.rows, cats) }()
	if err := out.WriteArticles(col.rows); err != nil {
		return nil, fmt.Errorf("writing articles: %w", err)
	}
	if err := out.WriteTopics(topicRows); err != nil {
		return nil, fmt.Errorf("writing topics: %w", err)
	}
	if err := out.WriteTrends(<-trends); err != nil {
		return nil, fmt.Errorf("writing trends: %w", err)
	}
	stages.mark("write")

	man := output.Manifest{
		RunID:         runID,
		Version:       opts.Version,
		SchemaVersion: output.SchemaVersion,
		Start:         start.UTC(),
		Settings:      opts.Settings,
		Lexicons:      lexiconInfo(lex, opts),
		Inputs:        inputInfo(rd.Stats()),
		Stages:        stages.times,
		Extra:         topicExtra(fit),
	}
	// The topic model is written beside its final path first, and moved into place only once
	// the reports are committed, so that the model never runs ahead of the reports.
	var modelTmp string
	if fit != nil && opts.TopicModel != "" {
		modelTmp = opts.TopicModel + ".tmp-" + runID
		if expired := fit.Model.Expire(opts.TopicRetentionDays); len(expired) > 0 {
			log.Info("topics expired from the model", "retention_days", opts.TopicRetentionDays, "ids", expired)
		}
		if err := fit.Model.Save(modelTmp); err != nil {
			return nil, fmt.Errorf("saving topic model: %w", err)
		}
		defer os.Remove(modelTmp) // a no-op once it has been renamed
	}
	man.End = opts.Now().UTC()
	if err := out.Commit(man); err != nil {
		return nil, fmt.Errorf("committing reports: %w", err)
	}
	committed = true
	sum.Reports = out.RowCounts()
	sum.Duration = opts.Now().Sub(start)
	sum.Inputs = rd.Stats()
	if modelTmp != "" {
		if err := os.Rename(modelTmp, opts.TopicModel); err != nil {
			return sum, fmt.Errorf("saving topic model (the reports are written): %w", err)
		}
	}
	total := sum.Articles + sum.Rejects
	if opts.MaxRejectRatio > 0 && total > 0 {
		if ratio := float64(sum.Rejects) / float64(total); ratio > opts.MaxRejectRatio {
			return sum, fmt.Errorf("%w: %d of %d rows rejected (%.1f%% > %.1f%%)", ErrTooManyRejects,
				sum.Rejects, total, 100*ratio, 100*opts.MaxRejectRatio)
		}
	}
	return sum, nil
}

func (o Options) withDefaults() Options {
	if o.Out == "" {
		o.Out = "drishti-out"
	}
	if !o.Parquet && !o.Arrow {
		o.Parquet = true
	}
	if o.Workers < 1 {
		o.Workers = runtime.NumCPU()
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Version == "" {
		o.Version = "dev"
	}
	return o
}

func newRunID(t time.Time) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return t.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

func loadLexicon(opts Options) (*lexicon.Lexicon, error) {
	lex, err := lexicon.Load(lexicon.Options{NoDefault: opts.NoDefaultLexicon}, opts.LexiconFiles...)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInput, err)
	}
	return lex, nil
}

func openInputs(opts Options) (*corpus.Reader, error) {
	co := corpus.Options{Fields: opts.Fields, MaxArticleBytes: opts.MaxArticleBytes, Logger: opts.Logger}
	var (
		rd  *corpus.Reader
		err error
	)
	if len(opts.Inputs) == 0 {
		opts.Logger.Info("no input given: analysing the embedded sample corpus")
		rd, err = corpus.OpenReader(sample.Name, sample.Open(), co)
	} else {
		rd, err = corpus.Open(opts.Inputs, co)
	}
	if err != nil {
		if errors.Is(err, corpus.ErrUsage) {
			return nil, fmt.Errorf("%w: %w", ErrInput, err)
		}
		return nil, err
	}
	return rd, nil
}

// stream runs the reader → workers → sequencer pipeline. The reader takes the items from next
// (corpus.Reader.Next, or what was read ahead) and numbers batches of them;
// a fixed pool of workers analyses them; col receives them in input order and hands their
// hits and rejects to sw, which writes them to the reports and which stream closes. At most
// 4×workers batches are in flight, so memory does not grow with the input.
func stream(ctx context.Context, workers int, next func() (corpus.Item, error), scorer *tone.Scorer, col *collector, sw *spillWriter) error {
	g, ctx := errgroup.WithContext(ctx)
	// free holds the batches not in flight: the reader takes one to fill, the sequencer gives
	// it back once collected, so at most 4×workers batches are in flight.
	free := make(chan *batch, 4*workers)
	for range cap(free) {
		free <- &batch{items: make([]corpus.Item, 0, batchSize), results: make([]result, 0, batchSize)}
	}
	jobs := make(chan *batch, workers)
	done := make(chan *batch, workers)

	g.Go(func() error { // reader
		defer close(jobs)
		seq := 0
		var b *batch
		take := func() error {
			select {
			case b = <-free:
			case <-ctx.Done():
				return ctx.Err()
			}
			b.reset(seq)
			seq++
			return nil
		}
		send := func() error {
			select {
			case jobs <- b:
			case <-ctx.Done():
				return ctx.Err()
			}
			return take()
		}
		if err := take(); err != nil {
			return err
		}
		for {
			it, err := next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return fmt.Errorf("reading input: %w", err)
			}
			b.items = append(b.items, it)
			if len(b.items) == batchSize {
				if err := send(); err != nil {
					return err
				}
			}
		}
		if len(b.items) > 0 {
			return send()
		}
		return nil
	})

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			w := newWorker(scorer)
			for b := range jobs {
				b.results = slices.Grow(b.results[:0], len(b.items))[:len(b.items)]
				clear(b.results)
				for i, it := range b.items {
					if it.Article != nil {
						w.analyse(it.Article, b, &b.results[i])
						it.Article.Text = "" // the text is not needed any more
					}
				}
				select {
				case done <- b:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	go func() { wg.Wait(); close(done) }()

	// The spill writer writes hits and rejects while the sequencer goes on.
	send := func(sp spill) error {
		select {
		case sw.in <- sp:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}

	g.Go(func() error { // sequencer: restores input order
		defer close(sw.in)
		pending := map[int]*batch{}
		next := 0
		for b := range done {
			pending[b.seq] = b
			for {
				nb, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				col.add(nb)
				free <- nb // never blocks: free has room for every batch
				if sp, full := col.spill(hitFlush); full {
					if err := send(sp); err != nil {
						return err
					}
				}
				next++
			}
		}
		if sp, ok := col.spill(1); ok {
			return send(sp)
		}
		return nil
	})
	return g.Wait()
}

// maxPrefetchBytes bounds the text read ahead while the lexicon loads.
const maxPrefetchBytes = 32 << 20

// prefetch reads items ahead in a goroutine of its own until stop is closed, the input ends
// or fails, or maxPrefetchBytes of text were read.
type prefetch struct {
	rd    *corpus.Reader
	items []corpus.Item
	err   error // what ended the read-ahead (io.EOF at the end of the input), or nil
	done  chan struct{}
}

func startPrefetch(rd *corpus.Reader, stop <-chan struct{}) *prefetch {
	p := &prefetch{rd: rd, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		size := 0
		for size < maxPrefetchBytes {
			select {
			case <-stop:
				return
			default:
			}
			it, err := rd.Next()
			if err != nil {
				p.err = err
				return
			}
			if a := it.Article; a != nil {
				size += len(a.Text) + len(a.Title)
			}
			p.items = append(p.items, it)
		}
	}()
	return p
}

// wait waits until the read-ahead stopped.
func (p *prefetch) wait() { <-p.done }

// next returns the items read ahead, then the error that ended the read-ahead, if any, then
// what the reader returns. Call it after wait, from one goroutine.
func (p *prefetch) next() (corpus.Item, error) {
	if len(p.items) > 0 {
		it := p.items[0]
		p.items[0] = corpus.Item{}
		p.items = p.items[1:]
		return it, nil
	}
	if p.err != nil {
		return corpus.Item{}, p.err
	}
	return p.rd.Next()
}

// worker holds the buffers one goroutine reuses from article to article.
type worker struct {
	an     hindi.Analyzer
	doc    hindi.Doc
	title  hindi.Doc
	scorer *tone.Scorer
	res    tone.Result
	feats  topics.Extractor
}

func newWorker(s *tone.Scorer) *worker {
	return &worker{scorer: s, feats: topics.Extractor{Unsorted: true}} // the builder takes any order
}

// analyse scores one article. Tone and hits come from the text (hit offsets point into it),
// with the title's context words applying to all of it (tone.Scorer.ScoreTitled); topic
// features come from the title and the text.
func (w *worker) analyse(a *corpus.Article, b *batch, r *result) {
	var title *hindi.Doc
	if a.Title != "" {
		w.an.Analyze(&w.title, a.Title)
		title = &w.title
	}
	w.an.Analyze(&w.doc, a.Text)
	w.scorer.ScoreTitled(&w.doc, title, &w.res)
	res := &w.res

	row := &r.row
	row.ID, row.Source, row.URL, row.Title = a.ID, a.Source, a.URL, a.Title
	row.Flags = a.Flags
	if !a.PublishedAt.IsZero() {
		row.PublishedAt = a.PublishedAt.UTC()
		row.Day, row.HasDay = localDay(a.PublishedAt), true
	}
	row.Chars, row.DevanagariRatio = a.Chars, a.DevanagariShare
	row.Words = res.Words
	row.Sentences = w.doc.Sentences()
	row.Tone, row.Positive, row.Negative, row.Polarity = res.Tone, res.Positive, res.Negative, res.Polarity
	row.Categories = make([]output.CategoryScore, len(res.Categories))
	for i, c := range res.Categories {
		row.Categories[i] = output.CategoryScore{Hits: c.Hits, Score: c.Score, Density: c.Density}
	}
	row.Dominant = res.Dominant

	if len(res.Hits) > 0 {
		start := len(b.hits)
		for _, h := range res.Hits {
			b.hits = append(b.hits, output.Hit{
				ArticleID: a.ID, Day: row.Day, HasDay: row.HasDay,
				Sentence: h.Sentence, Start: h.Start, End: h.End,
				Surface: strings.Clone(h.Surface), Entry: h.Entry, Category: h.Category,
				Weight: h.Weight, Modifier: h.Modifier, EffectiveWeight: h.Effective,
			})
		}
		r.hits = b.hits[start:len(b.hits):len(b.hits)]
	}

	start := len(b.terms)
	b.terms = w.feats.AppendMerged(b.terms, &w.doc, title)
	r.terms = b.terms[start:len(b.terms):len(b.terms)]
}

// localDay is the calendar day of t in its own offset, as days since 1970: an article stamped
// 2026-11-26T03:00+05:30 belongs to 26 November, the day its source published it, although
// that is still 25 November in UTC. Times without an offset are UTC.
func localDay(t time.Time) int32 {
	y, m, d := t.Date()
	return output.DayOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// collector receives analysed batches in input order: it keeps the article rows (small,
// without text) for the topic step, feeds the topic builder, and gathers hits and rejects
// into spills that a writer goroutine writes as the run goes.
type collector struct {
	out     *output.Run
	rows    []output.Article
	hitBuf  [][]output.Hit // the hit slabs of collected batches, not yet spilled
	pending int            // hits in hitBuf
	rejBuf  []output.Reject
	builder *topics.Builder
	rejects int
	hits    int
	// spent returns the hit slabs of written spills, for the batches to reuse.
	spent chan []output.Hit
	// analysed counts the articles so far, for the progress bar.
	analysed atomic.Int64
}

// spill is a run of hits, in slabs, and of rejects handed to the writer.
type spill struct {
	hits    [][]output.Hit
	n       int // hits in all slabs
	rejects []output.Reject
}

// spentSlabs bounds the written hit slabs kept for reuse.
const spentSlabs = 64

func newCollector(out *output.Run) *collector {
	return &collector{out: out, builder: topics.NewBuilder(), spent: make(chan []output.Hit, spentSlabs)}
}

func (c *collector) add(b *batch) {
	for i, it := range b.items {
		if it.Reject != nil {
			rj := it.Reject
			c.rejBuf = append(c.rejBuf, output.Reject{Input: rj.Input, Line: rj.Line, ID: rj.ID, Code: rj.Code, Reason: rj.Reason, Excerpt: rj.Excerpt})
			c.rejects++
			continue
		}
		r := &b.results[i]
		if len(c.rows) == cap(c.rows) {
			// double: append's growth of large slices (a quarter) copies the rows many times
			c.rows = append(make([]output.Article, 0, max(2*cap(c.rows), 1024)), c.rows...)
		}
		c.rows = append(c.rows, r.row)
		c.analysed.Add(1)
		c.hits += len(r.hits)
		day := topics.NoDay
		if r.row.HasDay {
			day = r.row.Day
		}
		c.builder.Add(r.row.ID, day, r.terms)
	}
	// the batch's hits, in input order, are its slab: the spill takes the slab and the batch
	// gets a spent one
	if n := len(b.hits); n > 0 {
		c.hitBuf = append(c.hitBuf, b.hits)
		c.pending += n
		select {
		case b.hits = <-c.spent:
		default: // sized like the last one, so that it seldom grows
			b.hits = make([]output.Hit, 0, n+n/4)
		}
	}
}

// spill hands over the buffered hits and rejects when either holds at least min rows.
func (c *collector) spill(min int) (spill, bool) {
	if c.pending < min && len(c.rejBuf) < min {
		return spill{}, false
	}
	sp := spill{hits: c.hitBuf, n: c.pending, rejects: c.rejBuf}
	c.hitBuf, c.pending, c.rejBuf = nil, 0, nil
	return sp, true
}

// recycle hands the hit slabs of a written spill back for reuse (dropping those beyond
// spentSlabs); it runs in the writer goroutine.
func (c *collector) recycle(sp spill) {
	for _, slab := range sp.hits {
		clear(slab) // drop the strings
		select {
		case c.spent <- slab[:0]:
		default:
		}
	}
}

// write writes a spill; it runs in the writer goroutine, the only one that touches c.out
// while the stream runs.
func (c *collector) write(sp spill) error {
	if sp.n > 0 {
		if err := c.out.WriteHitRuns(sp.hits); err != nil {
			return fmt.Errorf("writing hits: %w", err)
		}
	}
	if len(sp.rejects) > 0 {
		if err := c.out.WriteRejects(sp.rejects); err != nil {
			return fmt.Errorf("writing rejects: %w", err)
		}
	}
	return nil
}

// holdHits is how many hits the spill writer holds back while the analysis runs (about
// 18 MB). Both cores are busy analysing then, while the clustering that follows leaves one
// partly idle: the held hits are written during the clustering. Beyond holdHits, the oldest
// spills are written at once, so memory stays bounded.
const holdHits = 8 * hitFlush

// spillWriter writes the spills of hits and rejects, in the order received, in a goroutine
// of its own; it is the only goroutine that writes hits and rejects.
type spillWriter struct {
	ctx      context.Context
	col      *collector
	in       chan spill
	released chan struct{}
	done     chan error
	cancel   context.CancelCauseFunc
}

// startSpillWriter starts the writer of col's spills; a write error cancels the stream
// through cancel (and is returned by wait). Once ctx is done, the writer writes nothing more.
func startSpillWriter(ctx context.Context, col *collector, cancel context.CancelCauseFunc) *spillWriter {
	w := &spillWriter{ctx: ctx, col: col, in: make(chan spill, 2), released: make(chan struct{}), done: make(chan error, 1), cancel: cancel}
	go func() { w.done <- w.run() }()
	return w
}

// release lets the writer write everything it holds, and what comes after, at once.
func (w *spillWriter) release() { close(w.released) }

// wait waits until the writer wrote every spill (once release was called and in closed) and
// returns the first write error; or, when ctx was done before, ctx's cause.
func (w *spillWriter) wait() error { return <-w.done }

func (w *spillWriter) run() error {
	var queue []spill
	held := 0
	in, released := w.in, w.released
	for in != nil || len(queue) > 0 {
		if len(queue) > 0 && (released == nil || held > holdHits) {
			sp := queue[0]
			queue[0] = spill{}
			queue = queue[1:]
			held -= sp.n
			var err error
			if w.ctx.Err() != nil {
				err = context.Cause(w.ctx) // the run failed or was canceled: nothing more is written
			} else if err = w.col.write(sp); err != nil {
				w.cancel(err)
			}
			if err != nil {
				if in != nil {
					for range in { // the senders must not block
					}
				}
				return err
			}
			w.col.recycle(sp)
			continue
		}
		select {
		case sp, ok := <-in:
			if !ok {
				in = nil
				continue
			}
			queue = append(queue, sp)
			held += sp.n
		case <-released:
			released = nil
		}
	}
	if w.ctx.Err() != nil {
		return nil // the run failed or was canceled: it reports why
	}
	// No more hits or rejects come: their files are closed now, during the clustering,
	// rather than in the commit at the end.
	for _, name := range []string{output.ReportHits, output.ReportRejects} {
		if err := w.col.out.Finish(name); err != nil {
			w.cancel(err)
			return err
		}
	}
	return nil
}

// outlierLabel is the topic label of articles that fit no topic (topic id −1).
const outlierLabel = "outliers"

// assignTopics writes the topic of each article into rows and returns the topic report rows,
// with the mean category scores of their members.
func assignTopics(rows []output.Article, fit *topics.Result, cats []string) []output.Topic {
	if fit == nil { // too few articles or no shared vocabulary: every article is an outlier
		for i := range rows {
			rows[i].TopicID, rows[i].HasTopic, rows[i].TopicLabel = -1, true, outlierLabel
		}
		return nil
	}
	byID := map[int]int{}
	out := make([]output.Topic, 0, len(fit.Topics))
	for _, t := range fit.Topics {
		byID[t.ID] = len(out)
		ot := output.Topic{
			ID: t.ID, Label: t.Label, Size: t.Size,
			TopTerms: t.TopTerms, TopWeights: t.TopWeights, RepresentativeIDs: t.Representative,
			NPMI: t.NPMI, HasNPMI: len(t.TopTerms) > 1,
			Cohesion: t.Cohesion, HasCohesion: true,
			New:           t.New,
			CategoryMeans: make([]float64, len(cats)),
		}
		if t.FirstDay != topics.NoDay {
			ot.FirstDay, ot.LastDay, ot.HasDays = t.FirstDay, t.LastDay, true
		}
		out = append(out, ot)
	}
	for i := range rows {
		a := fit.Assign[i]
		rows[i].TopicSimilarity = a.Similarity
		rows[i].TopicID, rows[i].HasTopic = a.Topic, true
		ti, ok := byID[a.Topic]
		if !ok {
			rows[i].TopicLabel = outlierLabel
			continue
		}
		rows[i].TopicLabel = out[ti].Label
		for c := range cats {
			out[ti].CategoryMeans[c] += rows[i].Categories[c].Score
		}
	}
	for i := range out {
		if out[i].Size > 0 {
			for c := range cats {
				out[i].CategoryMeans[c] /= float64(out[i].Size)
			}
		}
	}
	return out
}

func lexiconInfo(lex *lexicon.Lexicon, opts Options) []output.LexiconInfo {
	info := []output.LexiconInfo{{Path: "(all lexicons combined)", SHA256: lex.Checksum(), Entries: len(lex.Entries())}}
	if !opts.NoDefaultLexicon {
		info = append(info, output.LexiconInfo{Path: "(embedded default)"})
	}
	for _, f := range opts.LexiconFiles {
		info = append(info, output.LexiconInfo{Path: f, SHA256: fileSHA256(f)})
	}
	return info
}

func inputInfo(stats []corpus.InputStats) []output.InputInfo {
	out := make([]output.InputInfo, len(stats))
	for i, s := range stats {
		format := s.Format
		if s.Gzip {
			format += "+gzip"
		}
		out[i] = output.InputInfo{Path: s.Input, Format: format, Read: s.Rows, Kept: s.Kept, Rejected: s.Rejected}
	}
	return out
}

func topicExtra(fit *topics.Result) map[string]string {
	if fit == nil {
		return nil
	}
	m := map[string]string{
		"topics.k":         fmt.Sprint(fit.K),
		"topics.criterion": fit.Criterion,
		"topics.outliers":  fmt.Sprint(fit.Outliers),
		"topics.objective": fmt.Sprintf("%.4f", fit.Objective),
		"topics.vocab":     fmt.Sprint(fit.Vocab),
		"topics.nonzeros":  fmt.Sprint(fit.NonZeros),
	}
	var b strings.Builder
	for i, s := range fit.Scores {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%d:%.4f", s.K, s.Score)
	}
	if b.Len() > 0 {
		m["topics.k_scores"] = b.String()
	}
	return m
}

// stageClock records the time spent in each stage of the run.
type stageClock struct {
	now   func() time.Time
	last  time.Time
	times []output.StageTime
}

func (s *stageClock) mark(stage string) {
	t := s.now()
	s.times = append(s.times, output.StageTime{Stage: stage, Seconds: t.Sub(s.last).Seconds()})
	s.last = t
}
