package topics

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats"
)

// rowMajorSums is anneal's M-step as it was first written, summing straight into the
// centroid rows: the oracle of annealSumsTermMajor.
func rowMajorSums(s *sphere, c *clustering, w []float64) {
	k := c.k()
	c.cent.Zero()
	for p, r := range c.rows {
		idx, val := s.x.row(r)
		for a := 0; a < k; a++ {
			if w[p*k+a] < annealMinWeight {
				continue
			}
			row := c.cent.RawRowView(a)
			for j, t := range idx {
				row[t] += w[p*k+a] * val[j]
			}
		}
	}
}

// TestAnnealSumsTermMajor checks that the term-major M-step gives the row-major sums to the
// bit, weights below annealMinWeight included, for several k and workers.
func TestAnnealSumsTermMajor(t *testing.T) {
	x, rows := syntheticMatrix(800, 2000, 6, 40, 3)
	for _, tt := range []struct{ k, workers int }{{1, 1}, {5, 1}, {7, 2}, {20, 2}, {6, 4}} {
		rng := rand.New(rand.NewPCG(uint64(tt.k), uint64(tt.workers)))
		w := make([]float64, len(rows)*tt.k)
		for i := range w {
			w[i] = rng.Float64() * rng.Float64() * rng.Float64() // some below annealMinWeight
			if i%7 == 0 {
				w[i] = annealMinWeight / 2
			}
		}
		ref := &sphere{x: x, workers: 1}
		want := ref.newClustering(rows, tt.k)
		rowMajorSums(ref, want, w)
		s := &sphere{x: x, workers: tt.workers}
		got := s.newClustering(rows, tt.k)
		for i := range got.cent.RawMatrix().Data {
			got.cent.RawMatrix().Data[i] = 7 // stale values must be overwritten
		}
		centT := s.transpose(got.cent, nil)
		wz := make([]float64, len(w))
		for i, x := range w {
			if x >= annealMinWeight {
				wz[i] = x
			}
		}
		s.annealSumsTermMajor(got, s.postings(rows), wz, centT)
		gd, wd := got.cent.RawMatrix().Data, want.cent.RawMatrix().Data
		nonZero := 0
		for i := range wd {
			if math.Float64bits(gd[i]) != math.Float64bits(wd[i]) {
				t.Fatalf("k=%d workers=%d: sum %d = %v, want %v", tt.k, tt.workers, i, gd[i], wd[i])
			}
			if wd[i] != 0 {
				nonZero++
			}
		}
		if nonZero == 0 {
			t.Fatalf("k=%d workers=%d: every sum is zero", tt.k, tt.workers)
		}
	}
}

// TestCombineRows checks combineRows against adding each row with floats.AddScaled from zero,
// to the bit, for every k up to 19, over sums that held stale values.
func TestCombineRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 11))
	const rows = 30
	for k := 1; k < 20; k++ {
		m := make([]float64, rows*k)
		for i := range m {
			m[i] = rng.Float64() * rng.Float64()
			if i%5 == 0 {
				m[i] = 0
			}
		}
		for _, n := range []int{0, 1, 7, 40} {
			pos := make([]int32, n)
			val := make([]float64, n)
			for q := range pos {
				pos[q], val[q] = int32(rng.IntN(rows)), rng.Float64()
			}
			want := make([]float64, k)
			for q, p := range pos {
				floats.AddScaled(want, val[q], m[int(p)*k:int(p)*k+k])
			}
			got := make([]float64, k)
			for i := range got {
				got[i] = 7 // stale values must be overwritten
			}
			combineRows(got, pos, val, m)
			for a := range want {
				if math.Float64bits(got[a]) != math.Float64bits(want[a]) {
					t.Fatalf("k=%d n=%d: sum %d = %v, want %v", k, n, a, got[a], want[a])
				}
			}
		}
	}
}
