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

// batch is a run of consecutive items, numbered in input order.
type batch struct {
	seq     int
	items   []corpus.Item
	results []result
}

// result is what a worker makes of one article: its report row (without topic), its hits and
// its topic features. The article text is not kept.
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

	lex, err := loadLexicon(opts)
	if err != nil {
		return nil, err
	}
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

	rd, err := openInputs(opts)
	if err != nil {
		return nil, err
	}
	defer rd.Close()

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
	err = stream(ctx, opts.Workers, rd, scorer, col)
	bar.finish()
	if err != nil {
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
		fit, err = col.builder.Fit(ctx, topics.Options{K: opts.Topics, Seed: opts.Seed, Workers: opts.Workers, Prior: prior})
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

	if err := out.WriteArticles(col.rows); err != nil {
		return nil, fmt.Errorf("writing articles: %w", err)
	}
	if err := out.WriteTopics(topicRows); err != nil {
		return nil, fmt.Errorf("writing topics: %w", err)
	}
	if err := out.WriteTrends(output.Trends(col.rows, cats)); err != nil {
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

// stream runs the reader → workers → sequencer pipeline. The reader numbers batches of items;
// a fixed pool of workers analyses them; col receives them in input order and a writer
// streams their hits and rejects to the reports. At most 4×workers batches are in flight,
// so memory does not grow with the input.
func stream(ctx context.Context, workers int, rd *corpus.Reader, scorer *tone.Scorer, col *collector) error {
	g, ctx := errgroup.WithContext(ctx)
	inflight := make(chan struct{}, 4*workers)
	jobs := make(chan *batch, workers)
	done := make(chan *batch, workers)

	g.Go(func() error { // reader
		defer close(jobs)
		seq := 0
		b := &batch{seq: seq}
		send := func() error {
			select {
			case inflight <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- b:
			case <-ctx.Done():
				return ctx.Err()
			}
			seq++
			b = &batch{seq: seq}
			return nil
		}
		for {
			it, err := rd.Next()
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
				b.results = make([]result, len(b.items))
				for i, it := range b.items {
					if it.Article != nil {
						w.analyse(it.Article, &b.results[i])
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

	// The writer streams hits and rejects to the reports while the sequencer goes on.
	writes := make(chan spill, 2)
	g.Go(func() error {
		for sp := range writes {
			if err := col.write(sp); err != nil {
				return err
			}
		}
		return nil
	})
	send := func(sp spill) error {
		select {
		case writes <- sp:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}

	g.Go(func() error { // sequencer: restores input order
		defer close(writes)
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
				if sp, full := col.spill(hitFlush); full {
					if err := send(sp); err != nil {
						return err
					}
				}
				<-inflight
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

// worker holds the buffers one goroutine reuses from article to article.
type worker struct {
	an     hindi.Analyzer
	doc    hindi.Doc
	title  hindi.Doc
	scorer *tone.Scorer
	res    tone.Result
	feats  topics.Extractor
	terms  []topics.Term
}

func newWorker(s *tone.Scorer) *worker { return &worker{scorer: s} }

// analyse scores one article. Tone and hits come from the text (hit offsets point into it);
// topic features come from the title and the text.
func (w *worker) analyse(a *corpus.Article, r *result) {
	w.an.Analyze(&w.doc, a.Text)
	w.scorer.Score(&w.doc, &w.res)
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
		r.hits = make([]output.Hit, len(res.Hits))
		for i, h := range res.Hits {
			r.hits[i] = output.Hit{
				ArticleID: a.ID, Day: row.Day, HasDay: row.HasDay,
				Sentence: h.Sentence, Start: h.Start, End: h.End,
				Surface: strings.Clone(h.Surface), Entry: h.Entry, Category: h.Category,
				Weight: h.Weight, Modifier: h.Modifier, EffectiveWeight: h.Effective,
			}
		}
	}

	w.terms = w.feats.Append(w.terms[:0], &w.doc)
	n := len(w.terms)
	if a.Title != "" {
		w.an.Analyze(&w.title, a.Title)
		w.terms = w.feats.Append(w.terms, &w.title)
	}
	r.terms = mergeTerms(w.terms[:n], w.terms[n:])
}

// localDay is the calendar day of t in its own offset, as days since 1970: an article stamped
// 2026-11-26T03:00+05:30 belongs to 26 November, the day its source published it, although
// that is still 25 November in UTC. Times without an offset are UTC.
func localDay(t time.Time) int32 {
	y, m, d := t.Date()
	return output.DayOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// mergeTerms merges the features of the text and of the title, each sorted by key, into a
// new slice sorted by key; a feature of both sums its counts and keeps the surface of the
// larger count. The topic builder copies the strings it keeps.
func mergeTerms(text, title []topics.Term) []topics.Term {
	out := make([]topics.Term, 0, len(text)+len(title))
	i, j := 0, 0
	for i < len(text) || j < len(title) {
		switch {
		case j == len(title) || (i < len(text) && text[i].Key < title[j].Key):
			out = append(out, text[i])
			i++
		case i == len(text) || title[j].Key < text[i].Key:
			out = append(out, title[j])
			j++
		default:
			t := text[i]
			if title[j].Count > t.Count {
				t.Surface = title[j].Surface
			}
			t.Count += title[j].Count
			out = append(out, t)
			i, j = i+1, j+1
		}
	}
	return out
}

// collector receives analysed batches in input order: it keeps the article rows (small,
// without text) for the topic step, feeds the topic builder, and gathers hits and rejects
// into spills that a writer goroutine writes as the run goes.
type collector struct {
	out     *output.Run
	rows    []output.Article
	hitBuf  []output.Hit
	rejBuf  []output.Reject
	builder *topics.Builder
	rejects int
	hits    int
	// analysed counts the articles so far, for the progress bar.
	analysed atomic.Int64
}

// spill is a run of hits and rejects handed to the writer.
type spill struct {
	hits    []output.Hit
	rejects []output.Reject
}

func newCollector(out *output.Run) *collector {
	return &collector{out: out, builder: topics.NewBuilder()}
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
		c.rows = append(c.rows, r.row)
		c.analysed.Add(1)
		c.hitBuf = append(c.hitBuf, r.hits...)
		c.hits += len(r.hits)
		day := topics.NoDay
		if r.row.HasDay {
			day = r.row.Day
		}
		c.builder.Add(r.row.ID, day, r.terms)
	}
}

// spill hands over the buffered hits and rejects when either holds at least min rows.
func (c *collector) spill(min int) (spill, bool) {
	if len(c.hitBuf) < min && len(c.rejBuf) < min {
		return spill{}, false
	}
	sp := spill{hits: c.hitBuf, rejects: c.rejBuf}
	c.hitBuf, c.rejBuf = nil, nil
	return sp, true
}

// write writes a spill; it runs in the writer goroutine, the only one that touches c.out
// while the stream runs.
func (c *collector) write(sp spill) error {
	if len(sp.hits) > 0 {
		if err := c.out.WriteHits(sp.hits); err != nil {
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
