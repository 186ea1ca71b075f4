package lexicon

import (
	"math/bits"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// startFilters decide from the hashes of a token's key and of the next word's key
// (hindi.Doc.KeyHashes; the next word may follow quotation marks and a hyphen, see skipGap)
// whether the token may start a match, so that Match reads no token and no key of the
// tokens that start nothing.
//
// About one token in five in news is the first word of some phrase entry without being an
// entry itself (के, की, से, को: "के खिलाफ", "की मौत"); nearly always the next word goes on
// with no phrase. The root filter sorts the root keys into those that end an entry (a
// token with such a key is always looked up) and those that only start phrases (the pair
// filter then holds every pair of such a key and a key that may follow it in the trie,
// with stem edges listed under every inflection). Both are blocked Bloom filters, whose
// bits for one key lie in one word: one load per test, no false negative, and a false
// positive costs only a lookup that finds nothing.
type startFilters struct {
	// cells holds two filters in each word: in the low 32 bits the root keys that end an
	// entry (or start too many phrases for the pair filter), in the high 32 bits those that
	// only start phrases. A key sets three bits of the half of the word that its hash
	// selects; a token's key may be a root key of a kind when the three bits are set. The
	// size is fixed (256 KiB: well under 1 % false positives with the default lexicon's
	// 37,000 root keys, inflections included), so that the test of a token has no bounds
	// check.
	cells *[cellWords]uint64
	// pairs holds the pairs (root key, key of a child edge of the root edge) of the root
	// keys that only start phrases, two bits to a pair (see pairBits).
	pairs     []uint64
	pairShift uint // 64 - log2 of the number of regions
}

// Kinds of root keys in the root filter.
const (
	startEnds  = 1 // the key ends an entry: look the token up
	startPairs = 2 // the key only starts phrases: test the pair filter
)

// maxRootPairs bounds the pairs one root key puts in the pair filter: a key that starts
// more phrases (with their inflections) than that is treated as one that ends an entry.
const maxRootPairs = 4096

// cellWords is the number of words of the root filter, 1<<cellBitsLog.
const (
	cellBitsLog = 15
	cellWords   = 1 << cellBitsLog
)

// bit32 holds 1<<i: a load from it is cheaper than a shift by a variable amount, which
// amd64 does only through one register.
var bit32 = func() (t [32]uint64) {
	for i := range t {
		t[i] = 1 << i
	}
	return t
}()

// cellBits returns the index of the word of hash h (its top bits) and the mask of its three
// bits (three fields below), in the low half of the word.
func cellBits(h uint64) (w, m uint64) {
	return h >> (64 - cellBitsLog), bit32[h>>20&31] | bit32[h>>25&31] | bit32[h>>30&31]
}

// root returns the kinds (startEnds, startPairs) that a key of hash h may have, as the
// first pass of Match (rootPass) tests them.
func (f *startFilters) root(h uint64) uint64 {
	w, m := cellBits(h)
	x := f.cells[w]
	var k uint64
	if x&m == m {
		k |= startEnds
	}
	if x>>32&m == m {
		k |= startPairs
	}
	return k
}

// pairMix combines the hashes of a root key and of the key after it.
func pairMix(h1, h2 uint64) uint64 {
	return (h1 ^ bits.RotateLeft64(h2, 32)) * 0x9e3779b97f4a7c15
}

// pairBits returns the word of the pair filter that holds the pair of hashes h1, h2 and
// its two bits. The pairs of one root key fall in one region of 1<<regionBits words chosen by
// h1, so the tests of the commonest words (के, की, से) read a few pages that stay in the
// cache.
func (f *startFilters) pairBits(h1, h2 uint64) (w, m uint64) {
	g := pairMix(h1, h2)
	w = h1>>f.pairShift<<regionBits | g>>(64-regionBits)
	return w, uint64(1)<<(g>>20&63) | uint64(1)<<(g>>26&63)
}

// regionBits is log2 of the words of a region of the pair filter (4 KiB).
const regionBits = 9

// pair reports whether the pair filter may hold the pair of hashes h1, h2.
func (f *startFilters) pair(h1, h2 uint64) bool {
	w, m := f.pairBits(h1, h2)
	return f.pairs[w]&m == m
}

// addPair adds the pair of hashes h1, h2 to the pair filter.
func (f *startFilters) addPair(h1, h2 uint64) {
	w, m := f.pairBits(h1, h2)
	f.pairs[w] |= m
}

// pow2Words returns a power of two of words near n/per words, within [64, max], and its
// shift (64 - log2).
func pow2Words(n, per, max int) (int, uint) {
	w := 64
	for w < n/per && w < max {
		w *= 2
	}
	return w, uint(64 - bits.TrailingZeros(uint(w)))
}

// newStartFilters builds the start filters of an expanded table t of the trie nodes; a
// root key with more than maxPairs pairs is filed as one that ends an entry.
func newStartFilters(t *edgeTable, nodes []node, maxPairs int) startFilters {
	var f startFilters
	// The entries by node (a counting sort), with their keys' hashes.
	first := make([]int32, len(nodes)+1)
	for j := range t.entries {
		first[t.entries[j].node+1]++
	}
	for i := 1; i < len(first); i++ {
		first[i] += first[i-1]
	}
	byNode := make([]int32, len(t.entries))
	next := append([]int32(nil), first[:len(nodes)]...)
	hashes := make([]uint64, len(t.entries))
	for j := range t.entries {
		e := &t.entries[j]
		byNode[next[e.node]] = int32(j)
		next[e.node]++
		hashes[j] = hindi.HashKey(t.keys[e.off : e.off+e.n])
	}
	children := func(e *edgeEntry) [2]int32 { return [2]int32{e.exact, e.stem} }
	roots := byNode[first[0]:first[1]]
	kind := make([]uint8, len(roots))
	npairs := 0
	for r, j := range roots {
		e := &t.entries[j]
		ends, np := false, 0
		for _, c := range children(e) {
			if c >= 0 {
				ends = ends || len(nodes[c].ents) > 0
				np += int(first[c+1] - first[c])
			}
		}
		switch {
		case ends || np > maxPairs:
			kind[r] = startEnds
		case np > 0:
			kind[r] = startPairs
			npairs += np
		}
	}
	f.cells = new([cellWords]uint64)
	var nw int
	nw, f.pairShift = pow2Words(max(npairs, 8<<regionBits), 8, 1<<18)
	f.pairShift += regionBits // h1's top bits choose a region
	f.pairs = make([]uint64, nw)
	for r, j := range roots {
		h1 := hashes[j]
		w, m := cellBits(h1)
		switch kind[r] {
		case startEnds:
			f.cells[w] |= m
		case startPairs:
			f.cells[w] |= m << 32
		}
		if kind[r] != startPairs {
			continue
		}
		for _, c := range children(&t.entries[j]) {
			if c < 0 {
				continue
			}
			for _, k := range byNode[first[c]:first[c+1]] {
				f.addPair(h1, hashes[k])
			}
		}
	}
	return f
}
