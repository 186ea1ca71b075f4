package lexicon

import (
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// blockHashes returns n hashes for the block tests: random ones, the hashes of the words
// of l's terms (so that pairs and triples of the filters pass) and those of the keys that
// phrases skip (quotation marks, hyphens), mixed.
func blockHashes(r *rand.Rand, l *Lexicon, n int) []uint64 {
	var words, gaps []uint64
	for _, e := range l.Entries() {
		for _, w := range strings.Fields(e.Term) {
			words = append(words, hindi.HashKey([]byte(w)))
		}
	}
	for _, k := range []string{"'", "\"", "''", "“", "”", "‘", "’", "-", "\u2010", "\u2011"} {
		gaps = append(gaps, hindi.HashKey([]byte(k)))
	}
	hs := make([]uint64, n)
	for i := range hs {
		switch r.IntN(8) {
		case 0, 1:
			hs[i] = r.Uint64()
		case 2:
			hs[i] = gaps[r.IntN(len(gaps))]
		default:
			hs[i] = words[r.IntN(len(words))]
		}
	}
	return hs
}

// pairTest is the pair test of one token i as candidates wrote it before pairBlock, after
// the test of the next token in the filter of second words: the next word's pairs, each
// token up to the first that cannot be skipped, then the third.
func pairTest(f *startFilters, hs []uint64, i int) bool {
	last := len(hs) - 1
	if i >= last || !f.maySecond(hs[i+1]) {
		return false
	}
	for k := i + 1; k <= last; k++ {
		if f.pairAt(hs[i], hs, k, last) {
			return true
		}
		if !mayBeGap(hs[k]) {
			return false
		}
		if k-i > maxGapScan {
			return true
		}
	}
	return false
}

// TestPairBlock checks pairBlock, with its fast path and pairSlow, against pairTest on
// every token of random blocks, including the last blocks of a text.
func TestPairBlock(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f := &l.edges.starts
	r := rand.New(rand.NewPCG(41, 43))
	passed := 0
	for round := range 300 {
		hs := blockHashes(r, l, 1+r.IntN(200))
		for base := 0; base < len(hs); base += 64 {
			w := r.Uint64()
			if round%3 == 0 {
				w = ^uint64(0)
			}
			if n := len(hs) - base; n < 64 {
				w &= 1<<n - 1
			}
			var want uint64
			for b := range 64 {
				if w>>b&1 != 0 && pairTest(f, hs, base+b) {
					want |= 1 << b
				}
			}
			if got := pairBlock(f, w, base, hs); got != want {
				t.Fatalf("round %d, block at %d: pairBlock = %064b, want %064b", round, base, got, want)
			}
			passed += bits.OnesCount64(want)
		}
	}
	if passed == 0 {
		t.Fatal("no token passed the pair test: the test is too weak")
	}
}

// TestRootBlock checks rootBlock against the root filter's test of each token (root).
func TestRootBlock(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f := &l.edges.starts
	r := rand.New(rand.NewPCG(47, 53))
	for range 500 {
		hb := blockHashes(r, l, 1+r.IntN(64))
		var wantE, wantP uint64
		for i, h := range hb {
			k := f.root(h)
			wantE |= uint64(k&startEnds) << i
			wantP |= uint64(k&startPairs>>1) << i
		}
		if e, p := rootBlock(f.cells, hb); e != wantE || p != wantP {
			t.Fatalf("rootBlock of %d hashes = %064b, %064b; want %064b, %064b", len(hb), e, p, wantE, wantP)
		}
	}
}

// TestTripleAt checks tripleAt against tripleBits.
func TestTripleAt(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f := &l.edges.starts
	r := rand.New(rand.NewPCG(59, 61))
	hs := blockHashes(r, l, 30000)
	for i := 0; i+2 < len(hs); i++ {
		h1, h2, h3 := hs[i], hs[i+1], hs[i+2]
		w, m := f.tripleBits(h1, h2, h3)
		if got, want := f.tripleAt(h1, pairMix(h1, h2), h3), f.pairs[w]&m == m; got != want {
			t.Fatalf("tripleAt(%#x, %#x, %#x) = %v, want %v", h1, h2, h3, got, want)
		}
	}
}
