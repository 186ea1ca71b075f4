package topics

import (
	"math"
	"sync"

	"gonum.org/v1/gonum/floats"
)

// csr is a compressed sparse row matrix: row i has the columns idx[ptr[i]:ptr[i+1]] (ascending)
// with the values val[ptr[i]:ptr[i+1]].
type csr struct {
	ptr  []int
	idx  []int32
	val  []float64
	cols int
}

func (m *csr) rows() int { return len(m.ptr) - 1 }

func (m *csr) row(i int) ([]int32, []float64) {
	return m.idx[m.ptr[i]:m.ptr[i+1]], m.val[m.ptr[i]:m.ptr[i+1]]
}

// dotDense returns the dot product of row i with the dense vector v.
func (m *csr) dotDense(i int, v []float64) float64 {
	idx, val := m.row(i)
	s := 0.0
	for j, c := range idx {
		s += val[j] * v[c]
	}
	return s
}

// vocabulary is the column space of a fit: the Builder's terms that survived pruning, plus
// the terms of a prior model.
type vocabulary struct {
	keys     []string
	surfaces []string
	df       []int // cumulative document frequency (prior model + this run)
	idf      []float64
	col      []int32 // Builder term id -> column, or -1
	docs     int     // cumulative number of documents
}

// buildVocabulary prunes the Builder's terms by document frequency, merged with the prior
// model's counts, and computes the smoothed idf ln((1+N)/(1+df)) + 1.
func buildVocabulary(b *Builder, prior *Model, minDF int, maxDF float64) *vocabulary {
	n := b.Len()
	priorDF := map[string]int{}
	priorSurface := map[string]string{}
	if prior != nil {
		n += prior.Docs
		for _, t := range prior.Terms {
			priorDF[t.Key] = t.DF
			priorSurface[t.Key] = t.Surface
		}
	}
	maxCount := int(math.Floor(maxDF * float64(n)))
	if maxCount < minDF {
		maxCount = minDF // tiny corpora: never prune everything
	}
	v := &vocabulary{docs: n, col: make([]int32, len(b.terms))}
	keep := func(df int) bool { return df >= minDF && df <= maxCount }
	for tid, t := range b.terms {
		df := t.df + priorDF[t.key]
		v.col[tid] = -1
		if !keep(df) {
			continue
		}
		v.col[tid] = int32(len(v.keys))
		v.keys = append(v.keys, t.key)
		s := t.surface
		if ps, ok := priorSurface[t.key]; ok && ps != "" {
			s = ps // keep the label words of earlier runs stable
		}
		v.surfaces = append(v.surfaces, s)
		v.df = append(v.df, df)
	}
	if prior != nil {
		for _, t := range prior.Terms {
			if _, seen := b.id(t.Key); seen || !keep(t.DF) {
				continue
			}
			v.keys = append(v.keys, t.Key)
			v.surfaces = append(v.surfaces, t.Surface)
			v.df = append(v.df, t.DF)
		}
	}
	v.idf = make([]float64, len(v.keys))
	for c, df := range v.df {
		v.idf[c] = math.Log(float64(1+n)/float64(1+df)) + 1
	}
	return v
}

// index returns a map from key to column.
func (v *vocabulary) index() map[string]int32 {
	m := make(map[string]int32, len(v.keys))
	for c, k := range v.keys {
		m[k] = int32(c)
	}
	return m
}

// tfidf builds the L2-normalized TF-IDF matrix of the Builder's documents over v, with
// sublinear term frequency 1 + ln(count). Documents without any kept term have empty rows.
func tfidf(b *Builder, v *vocabulary) *csr { return tfidfWorkers(b, v, 1) }

// tfLog[c] is 1 + ln(c), the sublinear term frequency of the counts most terms have.
var tfLog = func() [256]float64 {
	var t [256]float64
	for c := 1; c < len(t); c++ {
		t[c] = 1 + math.Log(float64(c))
	}
	return t
}()

// tfidfWorkers is tfidf with up to workers goroutines, each over a contiguous range of
// documents; every row is computed the same way whatever their number.
func tfidfWorkers(b *Builder, v *vocabulary, workers int) *csr {
	n := b.Len()
	m := &csr{ptr: make([]int, n+1), cols: len(v.keys)}
	workers = max(1, min(workers, n/2000))
	chunks := func(fn func(lo, hi int)) {
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() { fn(w*n/workers, (w+1)*n/workers) })
		}
		wg.Wait()
	}
	// first pass: the kept terms of each row, into ptr[i+1]
	chunks(func(lo, hi int) {
		for i := lo; i < hi; i++ {
			ent, _ := b.doc(i)
			kept := 0
			for _, tid := range ent {
				if v.col[tid] >= 0 {
					kept++
				}
			}
			m.ptr[i+1] = kept
		}
	})
	for i := 0; i < n; i++ {
		m.ptr[i+1] += m.ptr[i]
	}
	m.idx = make([]int32, m.ptr[n])
	m.val = make([]float64, m.ptr[n])
	chunks(func(lo, hi int) {
		for i := lo; i < hi; i++ {
			ent, cnt := b.doc(i)
			k := m.ptr[i]
			for j, tid := range ent {
				c := v.col[tid]
				if c < 0 {
					continue
				}
				tf := 0.0
				if n := cnt[j]; n < int32(len(tfLog)) {
					tf = tfLog[n]
				} else {
					tf = 1 + math.Log(float64(n))
				}
				m.idx[k], m.val[k] = c, tf*v.idf[c]
				k++
			}
			if row := m.val[m.ptr[i]:k]; len(row) > 0 {
				floats.Scale(1/floats.Norm(row, 2), row)
			}
		}
	})
	// columns come from ascending Builder ids mapped in ascending order, so rows stay sorted
	return m
}
