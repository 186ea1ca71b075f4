package topics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBuilderDocSorted checks, for vocabularies small and large next to the documents (so
// that sortDoc marks a bitmap, sorts by radix or compares) and documents short and long,
// that every document's pairs are its distinct term ids in ascending order, each with the
// sum of its counts (saturated at MaxInt32), and that each term's df and total add up.
func TestBuilderDocSorted(t *testing.T) {
	for _, tc := range []struct{ vocab, docs, maxTerms int }{
		{50, 200, 40},        // tiny vocabulary: bitmap for every document
		{3000, 300, 400},     // bitmap for long documents, sort for short ones
		{200_000, 120, 300},  // large vocabulary: radix and comparison sorts
		{200_000, 2, 70_000}, // documents longer than a chunk
	} {
		t.Run(fmt.Sprintf("vocab=%d", tc.vocab), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(tc.vocab), 7))
			b := NewBuilder()
			var want []map[string]int64
			wantDF := map[string]int{}
			wantTotal := map[string]int64{}
			for d := 0; d < tc.docs; d++ {
				n := 1 + rng.IntN(tc.maxTerms)
				terms := make([]Term, 0, n)
				doc := map[string]int64{}
				for range n {
					key := fmt.Sprintf("k%d", rng.IntN(tc.vocab))
					c := 1 + rng.IntN(5)
					if rng.IntN(50) == 0 {
						c = math.MaxInt32 - rng.IntN(3) // repeated, these saturate
					}
					terms = append(terms, Term{Key: key, Surface: key, Count: c})
					doc[key] += int64(c)
					wantTotal[key] += int64(c)
				}
				for k := range doc {
					wantDF[k]++
				}
				want = append(want, doc)
				b.Add(fmt.Sprint(d), NoDay, terms)
			}
			for d, doc := range want {
				ent, cnt := b.doc(d)
				if !slices.IsSorted(ent) || len(ent) != len(doc) {
					t.Fatalf("doc %d: %d ids (sorted %v), want %d distinct", d, len(ent), slices.IsSorted(ent), len(doc))
				}
				for j, tid := range ent {
					key := b.terms[tid].key
					if w := min(doc[key], math.MaxInt32); int64(cnt[j]) != w {
						t.Fatalf("doc %d, term %q: count %d, want %d", d, key, cnt[j], w)
					}
				}
			}
			for _, ts := range b.terms {
				if ts.df != wantDF[ts.key] || ts.total != wantTotal[ts.key] {
					t.Fatalf("term %q: df %d, total %d, want %d, %d", ts.key, ts.df, ts.total, wantDF[ts.key], wantTotal[ts.key])
				}
			}
			for i := range b.mark {
				if b.mark[i] != 0 {
					t.Fatalf("bitmap word %d left %x", i, b.mark[i])
				}
			}
			for i := range b.acc {
				if b.acc[i] != 0 {
					t.Fatalf("count of id %d left %d", i, b.acc[i])
				}
			}
		})
	}
}
