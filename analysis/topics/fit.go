package topics

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"sync"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// Options configures Fit. The zero value fits with automatic k, seed 0 and the defaults
// documented on each field.
type Options struct {
	// K fixes the number of topics; 0 chooses it in [MinK, MaxK] (see Fit). Ignored when
	// Prior is set: topics then come from the prior model plus new ones opened as needed.
	K int
	// MinK and MaxK bound the automatic choice of k (defaults 5 and 30; MaxK also bounds how
	// many new topics a run with a Prior may open).
	MinK, MaxK int
	// Seed seeds every random choice (sampling, k-means++); the same seed and input give the
	// same result whatever Workers.
	Seed uint64
	// Workers bounds the goroutines of the parallel steps (default GOMAXPROCS).
	Workers int
	// Restarts is the number of seeded k-means runs; the one with the highest objective (sum
	// of cosine similarities to the centroids) is kept. Default 10; when the runs are on a
	// sample (see SampleSize) or on long documents (20 non-zeros or more on average, not
	// headlines), as many as pass over about 450,000 non-zeros in all, from 3 to 10 (3 for
	// 2,000 news articles).
	Restarts int
	// NoAnneal skips the soft (von Mises–Fisher EM) iterations with growing concentration
	// that run between k-means++ seeding and Lloyd's hard iterations.
	NoAnneal bool
	// MaxIter bounds the Lloyd iterations of one run (default 100).
	MaxIter int
	// SampleSize: when there are more documents, restarts and the choice of k run on a
	// uniform sample of this size and the best centroids are then refined on all documents
	// (default 20000).
	SampleSize int
	// Prior is the model of a previous run: its topics keep their ids (see Fit).
	Prior *Model
	// NoModel leaves Result.Model nil, for a run that will not save it: the model's
	// vocabulary, sorted centroids and join thresholds (from leave-one-out similarities)
	// are not computed.
	NoModel bool
	// MinDF drops terms found in fewer documents (default 2). MaxDF drops terms found in more
	// than this share of the documents (default 0.5). With a Prior, counts include the
	// documents of earlier runs.
	MinDF int
	MaxDF float64
	// OutlierSimilarity: a document whose cosine similarity to its topic's centroid is below
	// it is an outlier (topic −1), as is a document with no kept term (default 0.02: the
	// document shares almost nothing with any topic; a negative value keeps every document
	// with a kept term).
	OutlierSimilarity float64
	// JoinSimilarity, with a Prior: a document joins its closest prior topic when its
	// similarity reaches this value. Default: each topic's own threshold stored in the model,
	// the 5th percentile of its members' leave-one-out similarities when it was fitted.
	JoinSimilarity float64
	// MinTopicSize, with a Prior: the fewest documents a new topic opens with (default 3);
	// smaller groups go to their closest prior topic.
	MinTopicSize int
	// TopTerms is the number of c-TF-IDF terms reported per topic (default 10) and
	// Representatives the number of representative document ids (default 3).
	TopTerms, Representatives int
	// Features names the feature set the documents were built with (for example
	// "unigrams+bigrams"); it is stored in the model and a Prior must match it.
	Features string
}

func (o Options) withDefaults() Options {
	if o.MinK <= 0 {
		o.MinK = 5
	}
	if o.MaxK <= 0 {
		o.MaxK = 30
	}
	if o.MaxK < o.MinK {
		o.MaxK = o.MinK
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.MaxIter <= 0 {
		o.MaxIter = 100
	}
	if o.SampleSize <= 0 {
		o.SampleSize = 20000
	}
	if o.MinDF <= 0 {
		o.MinDF = 2
	}
	if o.MaxDF <= 0 || o.MaxDF > 1 {
		o.MaxDF = 0.5
	}
	if o.OutlierSimilarity == 0 {
		o.OutlierSimilarity = 0.02
	}
	if o.MinTopicSize <= 0 {
		o.MinTopicSize = 3
	}
	if o.TopTerms <= 0 {
		o.TopTerms = 10
	}
	if o.Representatives <= 0 {
		o.Representatives = 3
	}
	return o
}

// Assignment is the topic of one document: its id (−1 for an outlier) and the cosine
// similarity of the document to the topic's centroid.
type Assignment struct {
	Topic      int
	Similarity float64
}

// Topic describes one topic of a run.
type Topic struct {
	ID    int
	Label string // the first three top terms
	Size  int    // documents of this run in the topic
	// TopTerms are the topic's c-TF-IDF top terms as surface forms, with their weights.
	TopTerms   []string
	TopWeights []float64
	// Representative holds the ids of the documents closest to the centroid.
	Representative []string
	// NPMI is the mean normalized pointwise mutual information of the pairs of top terms,
	// from their document co-occurrence in this run (−1..1, higher is more coherent).
	NPMI float64
	// Cohesion is the mean similarity of the topic's documents to its centroid.
	Cohesion float64
	// FirstDay and LastDay are the first and last days the topic was seen, over this run and
	// the prior model (NoDay when no document carried a day).
	FirstDay, LastDay int32
	// New is true for a topic opened by this run (always true without a Prior).
	New bool
}

// KScore is the score of one k tried by the automatic choice of k.
type KScore struct {
	K     int
	Score float64
}

// Result is the outcome of Fit.
type Result struct {
	Assign   []Assignment // one per document, in the order of Add
	Topics   []Topic      // topics with at least one document in this run, by id
	Outliers int          // documents with topic −1
	K        int          // number of clusters fitted (without a Prior) or topics used
	// Criterion says how k was set: "fixed", "npmi" (with Scores) or "prior".
	Criterion string
	Scores    []KScore
	Objective float64 // mean similarity of the documents to their centroids
	Vocab     int     // columns of the TF-IDF matrix
	NonZeros  int
	Model     *Model // the fitted model, to save for the next run (nil with Options.NoModel)
}

// ErrNoDocuments is returned by Fit when no document has a kept term.
var ErrNoDocuments = errors.New("topics: no document has a term that survives pruning")

// Fit clusters the documents.
//
// Without a Prior it builds TF-IDF vectors, runs Options.Restarts seeded spherical k-means
// runs (k-means++ seeding, annealed soft iterations, then Lloyd) and keeps the best by
// objective. With K = 0 the number of topics is the k in [MinK, MaxK] (at most 12 values,
// spread geometrically) whose topics are the most coherent: the highest size-weighted mean
// NPMI of their top terms (the smallest k within 0.01 of the best), each k fitted once on a
// sample of at most 5,000 documents and about 300,000 non-zeros.
//
// With a Prior, every document is compared with the prior topics' centroids and joins the
// closest one when its similarity reaches the join threshold; the topic keeps its id. The
// remaining documents are split by bisecting k-means until each part is as tight as the prior
// topics were (median leave-one-out similarity of the members at least the median of theirs)
// or too small to split. A part of MinTopicSize documents or more whose members are closer to
// each other than to the prior topics (see newTopicRatio) becomes a new topic with a new id;
// the documents of the other parts go to their closest prior topic (outliers if below
// OutlierSimilarity). The prior centroids move towards the documents that joined them.
func (b *Builder) Fit(ctx context.Context, opts Options) (*Result, error) {
	o := opts.withDefaults()
	if o.Prior != nil && o.Prior.Features != o.Features {
		return nil, fmt.Errorf("topics: prior model was built with features %q, this run uses %q (refit to change)", o.Prior.Features, o.Features)
	}
	v := buildVocabulary(b, o.Prior, o.MinDF, o.MaxDF)
	x := tfidfWorkers(b, v, o.Workers)
	s := &sphere{x: x, workers: o.Workers}
	n := b.Len()
	var rows []int
	for i := 0; i < n; i++ {
		if x.ptr[i+1] > x.ptr[i] {
			rows = append(rows, i)
		}
	}
	if len(rows) == 0 {
		return nil, ErrNoDocuments
	}
	res := &Result{Assign: make([]Assignment, n), Vocab: x.cols, NonZeros: len(x.val)}
	for i := range res.Assign {
		res.Assign[i].Topic = -1
	}
	var st *state
	var err error
	if o.Prior == nil || len(o.Prior.Topics) == 0 {
		st, err = fitFresh(ctx, s, b, v, rows, o, res)
		if err == nil && o.Prior != nil { // a prior without topics: fresh ids after its next_id
			for a := range st.ids {
				st.ids[a] += o.Prior.NextID
			}
			st.next += o.Prior.NextID
		}
	} else {
		st, err = fitPrior(ctx, s, rows, v, o, res)
	}
	if err != nil {
		return nil, err
	}
	for p, r := range st.rows {
		t := st.topic[p]
		if t >= 0 && st.sim[p] < o.OutlierSimilarity {
			t = -1
		}
		if t >= 0 {
			res.Assign[r] = Assignment{Topic: st.ids[t], Similarity: st.sim[p]}
		} else {
			res.Assign[r] = Assignment{Topic: -1, Similarity: max(st.sim[p], 0)}
		}
	}
	for _, a := range res.Assign {
		if a.Topic < 0 {
			res.Outliers++
		}
	}
	res.Objective = 0
	for _, sm := range st.sim {
		res.Objective += sm
	}
	res.Objective /= float64(len(st.sim))
	if o.NoModel {
		describe(b, v, res, st, o)
		return res, nil
	}
	// describe and leaveOneOut only read the assignments
	var wg sync.WaitGroup
	wg.Go(func() { st.loo = leaveOneOut(x, res, st) })
	describe(b, v, res, st, o)
	wg.Wait()
	res.Model = st.model(v, o, res)
	return res, nil
}

// state is the outcome of clustering before topics are described: for each clustered row its
// local topic index (or −1) and similarity; per local topic its id, centroid and history.
type state struct {
	rows  []int
	topic []int
	sim   []float64
	ids   []int
	cent  *mat.Dense // local topics × cols, unit rows
	isNew []bool
	prior []*ModelTopic // nil for new topics
	next  int           // next free id
	loo   [][]float64   // per local topic, leave-one-out similarities of its members
}

// leaveOneOut returns, per local topic, the similarity of each member (outliers excluded) to
// the centroid of the topic's other members: what a new document that belongs to the topic
// would score. With S the sum of the members, x·(S−x)/‖S−x‖ = (x·S − 1)/√(‖S‖² − 2x·S + 1).
func leaveOneOut(x *csr, res *Result, st *state) [][]float64 {
	k := len(st.ids)
	local := make(map[int]int, k)
	for a, id := range st.ids {
		local[id] = a
	}
	sum := mat.NewDense(k, max(x.cols, 1), nil)
	for i, a := range res.Assign {
		if a.Topic < 0 {
			continue
		}
		row := sum.RawRowView(local[a.Topic])
		idx, val := x.row(i)
		for j, t := range idx {
			row[t] += val[j]
		}
	}
	norm2 := make([]float64, k)
	for a := range norm2 {
		row := sum.RawRowView(a)
		norm2[a] = floats.Dot(row, row)
	}
	out := make([][]float64, k)
	for i, a := range res.Assign {
		if a.Topic < 0 {
			continue
		}
		l := local[a.Topic]
		xs := x.dotDense(i, sum.RawRowView(l))
		if d := norm2[l] - 2*xs + 1; d > 1e-12 {
			out[l] = append(out[l], (xs-1)/math.Sqrt(d))
		} else {
			out[l] = append(out[l], 0) // a topic of one document
		}
	}
	return out
}

// fitFresh clusters without a prior model.
func fitFresh(ctx context.Context, s *sphere, b *Builder, v *vocabulary, rows []int, o Options, res *Result) (*state, error) {
	rng := rand.New(rand.NewPCG(o.Seed, 1<<32))
	sm := sample(rows, sampleSize(s.x, rows, o.SampleSize), rng)
	k := o.K
	res.Criterion = "fixed"
	if k <= 0 {
		res.Criterion = "npmi"
		var err error
		pool := sm // the choice of k samples from the restarts' sample, or from all rows when larger
		if n := autoSampleSize(s.x, rows); len(sm) < min(n, len(rows)) {
			pool = rows
		}
		k, res.Scores, err = chooseK(ctx, s, b, v, sample(pool, autoSampleSize(s.x, rows), rng), o)
		if err != nil {
			return nil, err
		}
	}
	k = min(k, len(rows))
	res.K = k
	restarts, stop, iters := restartPlan(s.x, rows, sm, o.Restarts)
	best, err := s.fitK(ctx, sm, k, o.Seed, 0, restarts, o.MaxIter, stop, o.annealIters(iters))
	if err != nil {
		return nil, err
	}
	final := best
	if len(sm) < len(rows) {
		final = s.newClustering(rows, k)
		final.cent.Copy(best.cent)
		final.scratch = best.scratch // best is done with them
		if err := s.lloyd(ctx, final, min(o.MaxIter, maxRefineIter), 1e-3); err != nil {
			return nil, err
		}
	}
	// ids by decreasing size, ties by the first document
	size := make([]int, k)
	first := make([]int, k)
	for a := range first {
		first[a] = math.MaxInt
	}
	for p, a := range final.assign {
		size[a]++
		first[a] = min(first[a], p)
	}
	order := make([]int, k)
	for a := range order {
		order[a] = a
	}
	sort.SliceStable(order, func(i, j int) bool {
		if size[order[i]] != size[order[j]] {
			return size[order[i]] > size[order[j]]
		}
		return first[order[i]] < first[order[j]]
	})
	rank := make([]int, k)
	for r, a := range order {
		rank[a] = r
	}
	st := &state{rows: rows, topic: make([]int, len(rows)), sim: final.sim, ids: make([]int, k),
		cent: mat.NewDense(k, max(s.x.cols, 1), nil), isNew: make([]bool, k), prior: make([]*ModelTopic, k), next: k}
	for a := 0; a < k; a++ {
		st.ids[rank[a]] = rank[a]
		st.isNew[rank[a]] = true
		st.cent.SetRow(rank[a], final.cent.RawRowView(a))
	}
	for p, a := range final.assign {
		st.topic[p] = rank[a]
	}
	return st, nil
}

// sampleNonZeros bounds the non-zeros of the sample that restarts run on, so that long
// articles get a smaller sample than headlines (about 2,000 news articles, 25,000 headlines).
const sampleNonZeros = 150_000

// minSample is the fewest documents restarts run on.
const minSample = 2000

// defaultRestarts is the default of Options.Restarts when restarts run on all documents.
const defaultRestarts = 10

// restartNonZeros bounds the non-zeros the restarts of a sample pass over in all (restarts ×
// non-zeros of the sample), with at least minRestarts and at most defaultRestarts restarts:
// 10 restarts for headlines, 3 for 2,000 news articles.
const (
	restartNonZeros = 450_000
	minRestarts     = 3
)

// sampleAnnealIters replaces annealIters for the restarts on a sample, whose best centroids
// are refined on all documents: one soft iteration per step of the schedule. On the 50 MB
// news corpus (k = 20, seeds 1–4) it raised the final objective from 0.2745 to 0.2826 on
// average and saved a quarter of Fit's CPU time; 0 (no annealing) gave 0.2796.
const sampleAnnealIters = 1

// sampleStop is the share of changed assignments that ends Lloyd's iterations on a sample.
const sampleStop = 1e-2

// sampleRestarts returns the default number of restarts on the sample rows.
func sampleRestarts(x *csr, rows []int) int {
	nnz := 0
	for _, r := range rows {
		nnz += x.ptr[r+1] - x.ptr[r]
	}
	return min(defaultRestarts, max(minRestarts, restartNonZeros/max(nnz, 1)))
}

// longDocNonZeros: when the documents have at least this many non-zeros on average and are
// too few to sample, restarts follow the budget of restartNonZeros and anneal with
// sampleAnnealIters, as on a sample. Headlines (4–10 non-zeros) keep defaultRestarts and
// annealIters; news articles have about 70. On 1,474 real news articles (k = 20, seeds 1–5)
// four restarts with one soft iteration per step raised the objective from 0.2932 to 0.3098
// and took a fifth of the time of ten restarts with three.
const longDocNonZeros = 20

// restartPlan returns the restarts (requested, or 0 for the default), the Lloyd stop share and
// the annealing iterations per step for restarts on sm, a sample of rows or all of them.
func restartPlan(x *csr, rows, sm []int, requested int) (restarts int, stop float64, iters int) {
	restarts, stop, iters = requested, 1e-3, annealIters
	switch {
	case len(sm) < len(rows):
		// the best restart is refined on all documents: its Lloyd iterations on the sample
		// need not converge as tightly, and fewer restarts suffice for a large sample
		stop, iters = sampleStop, sampleAnnealIters
		if restarts <= 0 {
			restarts = sampleRestarts(x, sm)
		}
	case meanNonZeros(x, rows) >= longDocNonZeros:
		// long documents, all of them: the budget of non-zeros and light annealing
		iters = sampleAnnealIters
		if restarts <= 0 {
			restarts = sampleRestarts(x, sm)
		}
	}
	if restarts <= 0 {
		restarts = defaultRestarts
	}
	return restarts, stop, iters
}

// meanNonZeros returns the mean number of non-zeros of the rows.
func meanNonZeros(x *csr, rows []int) float64 {
	nnz := 0
	for _, r := range rows {
		nnz += x.ptr[r+1] - x.ptr[r]
	}
	return float64(nnz) / float64(max(len(rows), 1))
}

// maxRefineIter bounds the Lloyd iterations on all documents after the restarts on a sample.
const maxRefineIter = 25

// sampleSize returns how many rows the restarts run on: at most max rows and about
// sampleNonZeros non-zeros, and at least minSample rows.
func sampleSize(x *csr, rows []int, maxRows int) int {
	avg := float64(len(x.val)) / float64(len(rows))
	n := int(sampleNonZeros / max(avg, 1))
	return min(maxRows, max(n, minSample))
}

// autoSampleSize returns how many documents the choice of k runs on: at most 5,000 and about
// 300,000 non-zeros, and at least 1,000.
func autoSampleSize(x *csr, rows []int) int {
	avg := float64(len(x.val)) / float64(len(rows))
	return min(5000, max(int(300_000/max(avg, 1)), 1000))
}

// npmiTolerance: scores of the automatic choice of k closer than this to the best count as
// ties, won by the smaller k (NPMI of small samples is noisy; fewer topics read better).
const npmiTolerance = 0.01

// chooseK fits each candidate k on the sample rows and returns the one whose topics are the
// most coherent: the highest size-weighted mean NPMI of the topics' top terms, counted over
// the sample; among the k within npmiTolerance of the best score, the smallest. Each k gets
// one annealed restart.
func chooseK(ctx context.Context, s *sphere, b *Builder, v *vocabulary, rows []int, o Options) (int, []KScore, error) {
	var ks []int
	lo, hi := o.MinK, min(o.MaxK, len(rows)-1)
	if hi < lo {
		return max(1, min(lo, len(rows))), nil, nil
	}
	const steps = 12
	if hi-lo+1 <= steps {
		for k := lo; k <= hi; k++ {
			ks = append(ks, k)
		}
	} else {
		ratio := math.Pow(float64(hi)/float64(lo), 1/float64(steps-1))
		for i := 0; i < steps; i++ {
			k := int(math.Round(float64(lo) * math.Pow(ratio, float64(i))))
			if len(ks) == 0 || k > ks[len(ks)-1] {
				ks = append(ks, min(k, hi))
			}
		}
	}
	s = s.withPostings(rows) // shared by the fits of every k
	scores := make([]KScore, len(ks))
	score := func(s *sphere, i, workers int) error {
		k := ks[i]
		c, err := s.fitK(ctx, rows, k, o.Seed, uint64(1000*k), 1, o.MaxIter, 1e-3, o.annealIters(annealIters))
		if err != nil {
			return err
		}
		topic := make([]int, b.Len())
		for i := range topic {
			topic[i] = -1
		}
		size := make([]float64, k)
		for p, r := range rows {
			topic[r] = c.assign[p]
			size[c.assign[p]]++
		}
		top := ctfidf(b, v, func(i int) int { return topic[i] }, k, o.TopTerms)
		scores[i] = KScore{K: k, Score: stat.Mean(coherence(b, v, top, rows, workers), size)}
		return nil
	}
	if s.workers > 1 && len(ks) >= s.workers {
		// the fits run side by side, each on one goroutine (as fitK's restarts; a fit's
		// result does not depend on its workers), the largest k, the longest fits, first
		single := &sphere{x: s.x, workers: 1, pl: s.pl, plRows: s.plRows}
		errs := make([]error, len(ks))
		sem := make(chan struct{}, s.workers)
		var wg sync.WaitGroup
		for i := len(ks) - 1; i >= 0; i-- {
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				errs[i] = score(single, i, 1)
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return 0, nil, err
			}
		}
	} else {
		for i := range ks {
			if err := score(s, i, o.Workers); err != nil {
				return 0, nil, err
			}
		}
	}
	bestS := math.Inf(-1)
	for _, sc := range scores {
		bestS = max(bestS, sc.Score)
	}
	for _, sc := range scores {
		if sc.Score >= bestS-npmiTolerance {
			return sc.K, scores, nil
		}
	}
	return ks[0], scores, nil
}

// fitPrior assigns documents to the prior topics and opens new topics for the rest.
func fitPrior(ctx context.Context, s *sphere, rows []int, v *vocabulary, o Options, res *Result) (*state, error) {
	pm := o.Prior
	cols := max(s.x.cols, 1)
	index := v.index()
	kp := len(pm.Topics)
	res.Criterion = "prior"
	st := &state{rows: rows, topic: make([]int, len(rows)), sim: make([]float64, len(rows)), next: pm.NextID}
	var joined []int
	cl := s.newClustering(rows, kp)
	{
		for a := range pm.Topics {
			t := &pm.Topics[a]
			row := cl.cent.RawRowView(a)
			for j, ti := range t.Terms {
				if c, ok := index[pm.Terms[ti].Key]; ok {
					row[c] = t.Weights[j]
				}
			}
			if nr := floats.Norm(row, 2); nr > 0 {
				floats.Scale(1/nr, row)
			}
		}
		s.assign(cl, s.transpose(cl.cent, nil))
		for p := range rows {
			t := &pm.Topics[cl.assign[p]]
			thr := t.Join
			if o.JoinSimilarity > 0 {
				thr = o.JoinSimilarity
			}
			thr = max(thr, o.OutlierSimilarity) // a topic that never had members joins nothing loose
			st.sim[p] = cl.sim[p]
			if cl.sim[p] >= thr && cl.sim[p] > 0 {
				st.topic[p] = cl.assign[p]
				joined = append(joined, p)
			} else {
				st.topic[p] = -1
			}
		}
		// prior centroids move towards today's documents: decayed history mass plus the sum
		st.cent = mat.NewDense(kp, cols, nil)
		for a := range pm.Topics {
			row := st.cent.RawRowView(a)
			floats.AddScaled(row, priorDecay*pm.Topics[a].Mass, cl.cent.RawRowView(a))
		}
		for _, p := range joined {
			row := st.cent.RawRowView(st.topic[p])
			idx, val := s.x.row(rows[p])
			for j, t := range idx {
				row[t] += val[j]
			}
		}
		for a := 0; a < kp; a++ {
			row := st.cent.RawRowView(a)
			if nr := floats.Norm(row, 2); nr > 0 {
				floats.Scale(1/nr, row)
			}
			st.ids = append(st.ids, pm.Topics[a].ID)
			st.isNew = append(st.isNew, false)
			st.prior = append(st.prior, &pm.Topics[a])
		}
	}
	var residual []int
	for p := range rows {
		if st.topic[p] < 0 {
			residual = append(residual, p)
		}
	}
	med := make([]float64, kp)
	for a, t := range pm.Topics {
		med[a] = t.Median
	}
	slices.Sort(med)
	target := stat.Quantile(0.5, stat.Empirical, med, nil)
	parts, err := bisect(ctx, s, rows, residual, target, o)
	if err != nil {
		return nil, err
	}
	var newCent [][]float64
	for _, part := range parts {
		near := make([]float64, len(part.members))
		for j, p := range part.members {
			near[j] = cl.sim[p]
		}
		if len(part.members) < o.MinTopicSize || median(part.loo) < max(newTopicFloor, newTopicRatio*median(near)) {
			// not a topic of its own: its documents go to their closest prior topic
			// without moving it, or become outliers by the outlier rule
			for _, p := range part.members {
				st.topic[p] = cl.assign[p]
			}
			continue
		}
		local := len(st.ids)
		for j, p := range part.members {
			st.topic[p] = local
			st.sim[p] = part.sim[j]
		}
		st.ids = append(st.ids, st.next)
		st.next++
		st.isNew = append(st.isNew, true)
		st.prior = append(st.prior, nil)
		newCent = append(newCent, part.cent)
	}
	if len(newCent) > 0 {
		grown := mat.NewDense(kp+len(newCent), cols, nil)
		for a := 0; a < kp; a++ {
			grown.SetRow(a, st.cent.RawRowView(a))
		}
		st.cent = grown
	}
	for j, c := range newCent {
		st.cent.SetRow(len(st.ids)-len(newCent)+j, c)
	}
	res.K = len(st.ids)
	return st, nil
}

// A part of the residual documents becomes a new topic when its members are closer to each
// other than to the prior topics: the median of their leave-one-out similarities within the
// part is at least newTopicRatio times the median of their similarities to the closest prior
// centroid, and at least newTopicFloor.
const (
	newTopicRatio = 2
	newTopicFloor = 0.1
)

// median returns the median of x.
func median(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	c := slices.Clone(x)
	slices.Sort(c)
	return stat.Quantile(0.5, stat.Empirical, c, nil)
}

// priorDecay weighs a prior topic's history when its centroid moves towards today's documents.
const priorDecay = 0.5

// part is one cluster found by bisect: positions into rows, their similarities, the centroid.
type part struct {
	members []int
	sim     []float64 // similarity to the part's centroid
	loo     []float64 // similarity to the centroid of the other members (unbiased for small parts)
	cent    []float64
}

// bisect splits the residual rows (positions into rows) with 2-means until every part has a
// median leave-one-out similarity of at least target, or fewer than 2·MinTopicSize members,
// or MaxK parts exist. Parts come back ordered by their first member.
func bisect(ctx context.Context, s *sphere, rows, residual []int, target float64, o Options) ([]part, error) {
	if len(residual) == 0 {
		return nil, nil
	}
	one := func(members []int) part {
		cent := make([]float64, max(s.x.cols, 1))
		for _, p := range members {
			idx, val := s.x.row(rows[p])
			for j, t := range idx {
				cent[t] += val[j]
			}
		}
		norm := floats.Norm(cent, 2)
		if norm > 0 {
			floats.Scale(1/norm, cent)
		}
		sim := make([]float64, len(members))
		loo := make([]float64, len(members))
		for j, p := range members {
			sim[j] = s.x.dotDense(rows[p], cent)
			// similarity to the centroid of the other members: with S the sum of the
			// members, x·(S−x) / ‖S−x‖ = (‖S‖·sim − 1) / √(‖S‖² − 2‖S‖·sim + 1)
			if d := norm*norm - 2*norm*sim[j] + 1; d > 1e-12 {
				loo[j] = (norm*sim[j] - 1) / math.Sqrt(d)
			}
		}
		return part{members: members, sim: sim, loo: loo, cent: cent}
	}
	queue := []part{one(residual)}
	var done []part
	for len(queue) > 0 {
		pt := queue[0]
		queue = queue[1:]
		if len(pt.members) < 2*o.MinTopicSize || median(pt.loo) >= target || len(done)+len(queue)+2 > o.MaxK {
			done = append(done, pt)
			continue
		}
		sub := make([]int, len(pt.members))
		for j, p := range pt.members {
			sub[j] = rows[p]
		}
		c, err := s.fitK(ctx, sub, 2, o.Seed, uint64(7919*len(done)+len(queue)+1<<20), 3, o.MaxIter, 0, o.annealIters(annealIters))
		if err != nil {
			return nil, err
		}
		var a, b []int
		for j, p := range pt.members {
			if c.assign[j] == 0 {
				a = append(a, p)
			} else {
				b = append(b, p)
			}
		}
		if len(a) == 0 || len(b) == 0 {
			done = append(done, pt)
			continue
		}
		queue = append(queue, one(a), one(b))
	}
	sort.SliceStable(done, func(i, j int) bool { return done[i].members[0] < done[j].members[0] })
	return done, nil
}

// annealIters returns iters, or 0 when o.NoAnneal.
func (o Options) annealIters(iters int) int {
	if o.NoAnneal {
		return 0
	}
	return iters
}
