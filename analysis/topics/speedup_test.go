package topics

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestSparseDots checks that the fused dot products give, to the bit, the sums of one
// product after another in term order, for every number of centroids sparseDots handles.
func TestSparseDots(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const k, cols = 20, 300
	centT := make([]float64, k*cols)
	for i := range centT {
		centT[i] = rng.Float64() * rng.Float64()
	}
	var idx []int32
	var val []float64
	for c := 0; c < cols; c++ {
		if rng.IntN(4) == 0 {
			idx = append(idx, int32(c))
			val = append(val, rng.Float64())
		}
	}
	for n := 1; n <= maxFused; n++ {
		which := rng.Perm(k)[:n]
		got := make([]float64, n)
		sparseDots(idx, val, centT, k, which, got)
		for q, b := range which {
			want := 0.0
			for j, tm := range idx {
				want += val[j] * centT[int(tm)*k+b]
			}
			if math.Float64bits(got[q]) != math.Float64bits(want) {
				t.Errorf("%d centroids: dot %d with centroid %d = %v, want %v", n, q, b, got[q], want)
			}
		}
	}
}

// TestLloydEmptyClusterMatchesFull starts Lloyd from centroids of which two are the same, so
// that one cluster is empty after the first assignment: the update of all centroids that
// follows must give what the full computation gives.
func TestLloydEmptyClusterMatchesFull(t *testing.T) {
	x, rows := syntheticMatrix(600, 1500, 6, 50, 9)
	for _, workers := range []int{1, 2} {
		s := &sphere{x: x, workers: workers}
		seeded := s.newClustering(rows, 8)
		if err := s.seed(context.Background(), seeded, rand.New(rand.NewPCG(5, 6))); err != nil {
			t.Fatal(err)
		}
		seeded.cent.SetRow(3, seeded.cent.RawRowView(2)) // cluster 3 gets no row: ties go to 2
		got, want := s.newClustering(rows, 8), s.newClustering(rows, 8)
		got.cent.Copy(seeded.cent)
		want.cent.Copy(seeded.cent)
		if err := s.lloyd(context.Background(), got, 100, 0); err != nil {
			t.Fatal(err)
		}
		s.fullLloyd(want, 100, 0)
		if !reflect.DeepEqual(got.assign, want.assign) || !reflect.DeepEqual(got.sim, want.sim) || got.iters != want.iters || got.obj != want.obj {
			t.Errorf("workers %d: bounded Lloyd (%d iterations, objective %v) differs from the full one (%d, %v)", workers, got.iters, got.obj, want.iters, want.obj)
		}
		if !slices.Contains(got.assign, 3) {
			t.Errorf("workers %d: the empty cluster got no row", workers)
		}
	}
}

func TestRadixSortIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, tt := range []struct{ n, idBits int }{{1, 1}, {64, 8}, {200, 12}, {300, 19}, {500, 31}} {
		a := make([]uint64, tt.n)
		for i := range a {
			id := rng.Uint64N(1 << tt.idBits)
			if i > 0 && i%5 == 0 {
				id = a[i-1] >> 32 // repeated ids
			}
			a[i] = id<<32 | uint64(rng.Uint32())
		}
		in := slices.Clone(a)
		got := slices.Clone(radixSortIDs(a, make([]uint64, tt.n), tt.idBits))
		if !slices.IsSortedFunc(got, func(x, y uint64) int { return int(x>>32) - int(y>>32) }) {
			t.Errorf("n %d, %d bits: ids not ascending", tt.n, tt.idBits)
		}
		slices.Sort(got)
		slices.Sort(in)
		if !slices.Equal(got, in) {
			t.Errorf("n %d, %d bits: entries lost or changed", tt.n, tt.idBits)
		}
	}
}

// TestBuilderAddLongDocuments adds documents with more distinct terms than radixMin, known
// and new ones, in key order to one Builder and shuffled (a key split in two) to another:
// both must hold the same ascending entries and counts.
func TestBuilderAddLongDocuments(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sorted, shuffled := NewBuilder(), NewBuilder()
	for d := 0; d < 30; d++ {
		var terms []Term
		for j := 0; j < radixMin+rng.IntN(200); j++ {
			terms = append(terms, Term{Key: fmt.Sprintf("k%04d", rng.IntN(3000)), Surface: "s", Count: 1 + rng.IntN(3)})
		}
		slices.SortFunc(terms, func(x, y Term) int { return strings.Compare(x.Key, y.Key) })
		terms = slices.CompactFunc(terms, func(x, y Term) bool { return x.Key == y.Key })
		sorted.Add(fmt.Sprint(d), NoDay, terms)
		mixed := slices.Clone(terms)
		rng.Shuffle(len(mixed), func(i, j int) { mixed[i], mixed[j] = mixed[j], mixed[i] })
		if mixed[0].Count > 1 { // the same key twice, its count split
			mixed = append(mixed, Term{Key: mixed[0].Key, Surface: "s", Count: 1})
			mixed[0].Count--
		}
		shuffled.Add(fmt.Sprint(d), NoDay, mixed)
	}
	for d := 0; d < sorted.Len(); d++ {
		ge, gc := shuffled.doc(d)
		we, wc := sorted.doc(d)
		if !slices.Equal(ge, we) || !slices.Equal(gc, wc) {
			t.Fatalf("document %d: entries %v counts %v, want %v %v", d, ge, gc, we, wc)
		}
		if len(we) < radixMin/2 || !slices.IsSorted(we) {
			t.Fatalf("document %d: %d entries, sorted %v", d, len(we), slices.IsSorted(we))
		}
	}
}

// TestStemCacheLongKeys checks the cached decisions for keys held inline and in the arena
// only: keys longer than inlineKey bytes, and keys sharing their first inlineKey bytes.
func TestStemCacheLongKeys(t *testing.T) {
	base := strings.Repeat("क", inlineKey/3) // inlineKey/3 code points of three bytes
	var keys [][]byte
	for _, suffix := range []string{"", "ों", "ी", "ाओं", "र", "रों", "x", "xyz"} {
		keys = append(keys, []byte(base+suffix), []byte(base[:len(base)-3]+suffix), []byte("सर"+suffix))
	}
	var sc stemCache
	for round := 0; round < 2; round++ { // adding, then finding
		for _, k := range keys {
			got, gotHash := sc.stemLen(k, hashKey(k))
			if want := stemDecision(k); got != want {
				t.Fatalf("round %d: stemLen(%q) = %d, want %d", round, k, got, want)
			}
			if got >= 0 && gotHash != hashKey(k[:got]) {
				t.Fatalf("round %d: stemLen(%q): hash %x, want the stem's %x", round, k, gotHash, hashKey(k[:got]))
			}
		}
	}
	distinct := map[string]bool{}
	long := 0
	for _, k := range keys {
		distinct[string(k)] = true
		if len(k) > inlineKey {
			long++
		}
	}
	if len(sc.ents) != len(distinct) || long == 0 {
		t.Fatalf("%d keys cached (%d longer than %d bytes), want %d", len(sc.ents), long, inlineKey, len(distinct))
	}
}
