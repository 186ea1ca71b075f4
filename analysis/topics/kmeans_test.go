package topics

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"
)

// fullLloyd is lloyd without bounds: every row computes its similarity to every centroid at
// every iteration. It is the oracle of the bounded version.
func (s *sphere) fullLloyd(c *clustering, maxIter int, stop float64) {
	for i := range c.assign {
		c.assign[i] = -1
	}
	for it := 0; ; it++ {
		changed := s.assign(c, s.transpose(c.cent, nil))
		c.iters = it + 1
		if it > 0 && float64(changed) <= stop*float64(len(c.rows)) || it+1 >= maxIter {
			return
		}
		s.update(c)
	}
}

// syntheticMatrix returns the TF-IDF matrix of a synthetic corpus (see synthetic) and its
// non-empty rows.
func syntheticMatrix(n, v, k, words int, seed uint64) (*csr, []int) {
	b, _ := synthetic(n, v, k, words, seed)
	x := tfidf(b, buildVocabulary(b, nil, 2, 0.5))
	var rows []int
	for i := 0; i < x.rows(); i++ {
		if x.ptr[i+1] > x.ptr[i] {
			rows = append(rows, i)
		}
	}
	return x, rows
}

// TestLloydBoundsMatchFull checks that skipping similarities by bounds changes nothing: same
// assignments, similarities, objective and number of iterations as the full computation, from
// the same k-means++ seeds, for several k and workers.
func TestLloydBoundsMatchFull(t *testing.T) {
	x, rows := syntheticMatrix(1500, 3000, 8, 60, 5)
	for _, tt := range []struct {
		k, workers int
		stop       float64
	}{{2, 1, 0}, {8, 2, 1e-3}, {20, 3, 0}, {31, 2, 1e-2}} {
		s := &sphere{x: x, workers: tt.workers}
		seeded := s.newClustering(rows, tt.k)
		if err := s.seed(context.Background(), seeded, rand.New(rand.NewPCG(1, 2))); err != nil {
			t.Fatal(err)
		}
		got, want := s.newClustering(rows, tt.k), s.newClustering(rows, tt.k)
		got.cent.Copy(seeded.cent)
		want.cent.Copy(seeded.cent)
		if err := s.lloyd(context.Background(), got, 100, tt.stop); err != nil {
			t.Fatal(err)
		}
		s.fullLloyd(want, 100, tt.stop)
		if !reflect.DeepEqual(got.assign, want.assign) || !reflect.DeepEqual(got.sim, want.sim) || got.iters != want.iters || got.obj != want.obj {
			t.Errorf("k %d: bounded Lloyd (%d iterations, objective %v) differs from the full one (%d, %v)", tt.k, got.iters, got.obj, want.iters, want.obj)
		}
		if got.iters < 3 {
			t.Errorf("k %d: %d iterations: the bounds were not exercised", tt.k, got.iters)
		}
	}
}

func TestSampleRestarts(t *testing.T) {
	tests := []struct {
		name      string
		rows, nnz int // documents of the sample, non-zeros per document
		want      int
	}{
		{"headlines", 4000, 6, 10},
		{"news articles", 2000, 74, 3},
		{"short articles", 2000, 45, 5},
		{"long articles", 2000, 400, 3},
	}
	for _, tt := range tests {
		x := &csr{ptr: make([]int, tt.rows+1)}
		rows := make([]int, tt.rows)
		for i := range rows {
			rows[i] = i
			x.ptr[i+1] = x.ptr[i] + tt.nnz
		}
		if got := sampleRestarts(x, rows); got != tt.want {
			t.Errorf("%s: sampleRestarts = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestRestartPlan(t *testing.T) {
	tests := []struct {
		name            string
		rows, nnz       int // documents, non-zeros per document
		sample          int // rows the restarts run on
		requested       int
		wantRestarts    int
		wantStop        float64
		wantAnnealIters int
	}{
		{"headlines, all", 4000, 9, 4000, 0, defaultRestarts, 1e-3, annealIters},
		{"headlines, all, requested", 4000, 9, 4000, 5, 5, 1e-3, annealIters},
		{"short texts, all", 5000, longDocNonZeros - 1, 5000, 0, defaultRestarts, 1e-3, annealIters},
		{"news articles, all", 1474, 72, 1474, 0, 4, 1e-3, sampleAnnealIters},
		{"news articles, all, requested", 1474, 72, 1474, 10, 10, 1e-3, sampleAnnealIters},
		{"few long documents", 300, 72, 300, 0, defaultRestarts, 1e-3, sampleAnnealIters},
		{"news articles, sample", 15000, 72, 2000, 0, 3, sampleStop, sampleAnnealIters},
		{"headlines, sample", 40000, 6, 25000, 0, 3, sampleStop, sampleAnnealIters},
	}
	for _, tt := range tests {
		x := &csr{ptr: make([]int, tt.rows+1)}
		rows := make([]int, tt.rows)
		for i := range rows {
			rows[i] = i
			x.ptr[i+1] = x.ptr[i] + tt.nnz
		}
		restarts, stop, iters := restartPlan(x, rows, rows[:tt.sample], tt.requested)
		if restarts != tt.wantRestarts || stop != tt.wantStop || iters != tt.wantAnnealIters {
			t.Errorf("%s: restartPlan = %d, %g, %d; want %d, %g, %d", tt.name, restarts, stop, iters,
				tt.wantRestarts, tt.wantStop, tt.wantAnnealIters)
		}
	}
}
