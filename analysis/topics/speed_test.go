package topics

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestPostingDotsMatchDotDense: the similarities that seeding takes through the postings are
// those of a dot product with the dense vector of the row, to the bit, so that the seeds do
// not change.
func TestPostingDotsMatchDotDense(t *testing.T) {
	b, _ := synthetic(800, 2000, 6, 40, 3)
	x := tfidf(b, buildVocabulary(b, nil, 2, 0.5))
	s := &sphere{x: x, workers: 1}
	rows := []int{}
	for i := 0; i < x.rows(); i += 3 { // a subset, as a sample is
		rows = append(rows, i)
	}
	pl := s.postings(rows)
	dense := make([]float64, x.cols)
	got := make([]float64, len(rows))
	for _, r := range []int{0, 1, 5, 77, 400, 799} {
		idx, val := x.row(r)
		for j, c := range idx {
			dense[c] = val[j]
		}
		pl.dots(x, r, got)
		for p, row := range rows {
			if want := x.dotDense(row, dense); got[p] != want {
				t.Fatalf("row %d · row %d: postings give %v, the dense dot product %v", r, row, got[p], want)
			}
		}
		clear(dense)
	}
}

// TestCoherenceBitsMatchSort: counting co-occurrences with bit masks gives the NPMI that
// sorting each document's top terms gives, over all documents and over a subset.
func TestCoherenceBitsMatchSort(t *testing.T) {
	b, _ := synthetic(1200, 1500, 5, 30, 9)
	v := buildVocabulary(b, nil, 2, 0.5)
	topic := func(i int) int { return i % 5 }
	top := ctfidf(b, v, topic, 5, 12)
	docs := []int{}
	for i := 0; i < b.Len(); i += 2 {
		docs = append(docs, i)
	}
	for _, d := range [][]int{nil, docs} {
		for _, w := range []int{1, 2} {
			got := coherenceCount(b, v, top, d, w, true)
			want := coherenceCount(b, v, top, d, w, false)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("workers %d: bit masks give %v, sorting %v", w, got, want)
			}
			if slices.Equal(got, make([]float64, len(got))) {
				t.Fatal("all NPMI are 0: the fixture counts nothing")
			}
		}
	}
}

// TestCTFIDFTopMatchesSort: keeping the n best terms as they go by gives what sorting all
// the weighted terms gave (weight descending, then column), for several n.
func TestCTFIDFTopMatchesSort(t *testing.T) {
	b, _ := synthetic(600, 800, 4, 25, 11)
	v := buildVocabulary(b, nil, 2, 0.5)
	topic := func(i int) int { return i%4 - 1 } // topic −1: outliers
	for _, n := range []int{1, 3, 10, 50, 100000} {
		got := ctfidf(b, v, topic, 4, n)
		want := ctfidfBySort(b, v, topic, 4, n)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("n %d: top terms %v, want %v", n, got, want)
		}
	}
}

// ctfidfBySort is ctfidf as it was first written: all weighted terms of a topic, sorted.
func ctfidfBySort(b *Builder, v *vocabulary, topicOf func(int) int, k, n int) [][]termWeight {
	cols := len(v.keys)
	tf := make([][]float64, k)
	words := make([]float64, k)
	f := make([]float64, cols)
	for a := range tf {
		tf[a] = make([]float64, cols)
	}
	for i := 0; i < b.Len(); i++ {
		a := topicOf(i)
		if a < 0 {
			continue
		}
		ent, cnt := b.doc(i)
		for j, tid := range ent {
			if c := v.col[tid]; c >= 0 {
				tf[a][c] += float64(cnt[j])
				words[a] += float64(cnt[j])
				f[c] += float64(cnt[j])
			}
		}
	}
	nonEmpty, total := 0, 0.0
	for _, w := range words {
		if w > 0 {
			nonEmpty++
			total += w
		}
	}
	out := make([][]termWeight, k)
	if nonEmpty == 0 {
		return out
	}
	avg := total / float64(nonEmpty)
	for a := 0; a < k; a++ {
		if words[a] == 0 {
			continue
		}
		cand := []termWeight{}
		for c, x := range tf[a] {
			if x > 0 {
				cand = append(cand, termWeight{c, x / words[a] * math.Log(1+avg/f[c])})
			}
		}
		slices.SortFunc(cand, func(x, y termWeight) int {
			switch {
			case x.w > y.w:
				return -1
			case x.w < y.w:
				return 1
			}
			return x.col - y.col
		})
		out[a] = cand[:min(n, len(cand))]
	}
	return out
}

// TestTFIDFWorkers: the matrix does not depend on the number of workers, and a count beyond
// the table of 1 + ln(count) gets the same formula.
func TestTFIDFWorkers(t *testing.T) {
	b, _ := synthetic(5000, 3000, 6, 30, 13)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 50 { // documents with large counts
		b.Add("big", NoDay, []Term{{Key: "w1", Surface: "w1", Count: 255 + i*rng.IntN(40)}, {Key: "w2", Surface: "w2", Count: 1 + i}})
		b.Add("small", NoDay, []Term{{Key: "w1", Surface: "w1", Count: 1}})
	}
	v := buildVocabulary(b, nil, 2, 0.5)
	one := tfidfWorkers(b, v, 1)
	for _, w := range []int{2, 3, 8} {
		if got := tfidfWorkers(b, v, w); !reflect.DeepEqual(got, one) {
			t.Fatalf("workers %d: a different matrix from workers 1", w)
		}
	}
	tid, ok := b.id("w1")
	if !ok || v.col[tid] < 0 {
		t.Fatal("fixture: w1 is not a column")
	}
	for i := b.Len() - 100; i < b.Len(); i++ {
		ent, cnt := b.doc(i)
		idx, val := one.row(i)
		norm := 0.0
		for j, e := range ent {
			if c := v.col[e]; c >= 0 {
				w := (1 + math.Log(float64(cnt[j]))) * v.idf[c]
				norm += w * w
			}
		}
		for j, e := range ent {
			c := v.col[e]
			if c < 0 {
				continue
			}
			want := (1 + math.Log(float64(cnt[j]))) * v.idf[c] / math.Sqrt(norm)
			if k := slices.Index(idx, c); k < 0 || math.Abs(val[k]-want) > 1e-12 {
				t.Fatalf("document %d, count %d: value %v, want %v", i, cnt[j], val, want)
			}
		}
	}
}

// TestSortFeatures: features come out in byte order of their keys, whether their keys share
// the six bytes that the packed sort compares or not, and with more features than can be
// packed.
func TestSortFeatures(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"स", "र", "क", "ा", "ी", "\x00", "a", "ab", "प्र", "सरकार", "\xff"}
	for _, n := range []int{0, 1, 2, 50, 1000, 1<<16 + 10} {
		var c counter
		seen := map[string]bool{}
		for len(c.feats) < n {
			var b []byte
			for range 1 + rng.IntN(5) {
				b = append(b, pieces[rng.IntN(len(pieces))]...)
			}
			if n > 1000 {
				b = fmt.Appendf(b, "%d", len(c.feats)) // enough distinct keys
			}
			if seen[string(b)] {
				continue
			}
			seen[string(b)] = true
			c.feats = append(c.feats, feat{key: b})
		}
		order := c.sortFeatures()
		if len(order) != n {
			t.Fatalf("n %d: %d features ordered", n, len(order))
		}
		for i := 1; i < len(order); i++ {
			if a, b := c.feats[order[i-1].feat].key, c.feats[order[i].feat].key; bytes.Compare(a, b) >= 0 {
				t.Fatalf("n %d: %q before %q", n, a, b)
			}
		}
	}
}
