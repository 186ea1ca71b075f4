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
// with stem edges listed under every inflection; a pair that only starts phrases of three
// words or more, such as के लिए, is held with the third words that may follow it). Both
// are blocked Bloom filters, whose bits for one key lie in one word: one load per test, no
// false negative, and a false positive costs only a lookup that finds nothing.
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
	// keys that only start phrases, three bits to a pair (see pairBits), and the triples of
	// the pairs that only start longer phrases (see tripleBits), 8 items to a word.
	pairs     []uint64
	pairShift uint // 64 - log2 of the number of regions
	// pairsOnly holds the hashes of the root keys that only start phrases but whose three
	// bits are also set in the low half of their word (a false positive of the filter of
	// keys that end an entry, which would have every such token looked up: में, one token
	// in thirty, would cost a lookup each), in an open-addressing table at most a quarter
	// full (0: empty; its top bits index it, onlyShift is 64 - log2 of its length). A token
	// that passes both halves is tested with the pair filter when its hash is one of these,
	// else looked up. No root key that ends an entry has such a hash, and none is 0.
	pairsOnly []uint64
	onlyShift uint
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

// triples holds 4096 distinct masks of three bits of 32 (of the 4,960 there are, taken
// with a stride so that every bit is about as likely), so that the mask of a hash in the
// root filter is one load (see cellBits) where three shifts by a variable amount, or three
// loads, cost more.
var triples = func() (t [4096]uint32) {
	var all [32 * 31 * 30 / 6]uint32
	n := 0
	for a := 0; a < 32; a++ {
		for b := a + 1; b < 32; b++ {
			for c := b + 1; c < 32; c++ {
				all[n] = 1<<a | 1<<b | 1<<c
				n++
			}
		}
	}
	for i := range t {
		t[i] = all[i*2999%len(all)] // 2999 is prime to 4,960: no mask is taken twice
	}
	return t
}()

// cellBits returns the index of the word of hash h (its top bits) and the mask of its three
// bits (one of triples, chosen by 12 other bits), in the low half of the word.
func cellBits(h uint64) (w, m uint64) {
	return h >> (64 - cellBitsLog), uint64(triples[h>>20&4095])
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

// isPairsOnly reports whether h is the hash of a root key that only starts phrases although
// it passes the filter of keys that end an entry (see pairsOnly).
func (f *startFilters) isPairsOnly(h uint64) bool {
	if h == 0 || len(f.pairsOnly) == 0 {
		return false
	}
	mask := uint64(len(f.pairsOnly) - 1)
	for i := h >> f.onlyShift; ; i = (i + 1) & mask {
		switch f.pairsOnly[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// pairMix combines the hashes of a root key and of the key after it.
func pairMix(h1, h2 uint64) uint64 {
	return (h1 ^ bits.RotateLeft64(h2, 32)) * 0x9e3779b97f4a7c15
}

// pairBits returns the word of the pair filter that holds the pair of hashes h1, h2 and
// its bits: end, the three bits of a pair that may end an entry (or that starts too many
// phrases for their third words to be listed), and cont, the three bits of a pair that
// only starts phrases of three words or more (see tripleBits). The pairs of one root key
// fall in one region of 1<<regionBits words chosen by h1, so the tests of the commonest
// words (के, की, से) read a few pages that stay in the cache.
func (f *startFilters) pairBits(h1, h2 uint64) (w, end, cont uint64) {
	g := pairMix(h1, h2)
	w = h1>>f.pairShift<<regionBits | g>>(64-regionBits)
	end = uint64(1)<<(g>>20&63) | uint64(1)<<(g>>26&63) | uint64(1)<<(g>>32&63)
	cont = uint64(1)<<(g>>2&63) | uint64(1)<<(g>>8&63) | uint64(1)<<(g>>38&63)
	return w, end, cont
}

// tripleBits returns the word and the three bits of the triple of hashes h1, h2, h3 (a
// root key, the second word and the third of a phrase of three words or more), in the
// region of h1.
func (f *startFilters) tripleBits(h1, h2, h3 uint64) (w, m uint64) {
	g := (pairMix(h1, h2) ^ bits.RotateLeft64(h3, 17)) * 0xd6e8feb86659fd93
	w = h1>>f.pairShift<<regionBits | g>>(64-regionBits)
	return w, uint64(1)<<(g>>20&63) | uint64(1)<<(g>>26&63) | uint64(1)<<(g>>32&63)
}

// regionBits is log2 of the words of a region of the pair filter (16 KiB).
const regionBits = 11

// maxTriples bounds the third words listed for one pair that only starts longer phrases:
// a pair with more is filed as one that may end an entry.
const maxTriples = 32

// pairAt reports whether the pair filter may hold the pair of the root key of hash h1 and
// the key of token k (of hashes hs, whose last index is last). For a pair that only starts
// phrases of three words or more ("के लिए", "के बाद": common, and nearly never followed by
// one of those words), the third word is tested too (see third).
func (f *startFilters) pairAt(h1 uint64, hs []uint64, k, last int) bool {
	w, end, cont := f.pairBits(h1, hs[k])
	x := f.pairs[w]
	return x&end == end || x&cont == cont && f.third(h1, hs, k, last)
}

// third reports whether the pair filter may hold the triple of the root key of hash h1,
// the key of token k and that of the token after it; when that token may be a quotation
// mark or a hyphen, or there is none, the triple passes.
func (f *startFilters) third(h1 uint64, hs []uint64, k, last int) bool {
	if k >= last || mayBeGap(hs[k+1]) {
		return true
	}
	w, m := f.tripleBits(h1, hs[k], hs[k+1])
	return f.pairs[w]&m == m
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
		}
	}
	// The second words of a root key that only starts phrases, each with the third words
	// after it when no entry ends at it and they are few: visit calls add for each (nil
	// for a pair filed whole).
	visit := func(j int32, add func(h2 uint64, third []int32)) {
		for _, c := range children(&t.entries[j]) {
			if c < 0 {
				continue
			}
			for _, k := range byNode[first[c]:first[c+1]] {
				ends, n3 := false, 0
				for _, c2 := range children(&t.entries[k]) {
					if c2 >= 0 {
						ends = ends || len(nodes[c2].ents) > 0
						n3 += int(first[c2+1] - first[c2])
					}
				}
				if ends || n3 == 0 || n3 > maxTriples {
					add(hashes[k], nil)
					continue
				}
				for _, c2 := range children(&t.entries[k]) {
					if c2 >= 0 {
						add(hashes[k], byNode[first[c2]:first[c2+1]])
					}
				}
			}
		}
	}
	nitems := 0
	for r, j := range roots {
		if kind[r] == startPairs {
			visit(j, func(_ uint64, third []int32) { nitems += 1 + len(third) })
		}
	}
	f.cells = new([cellWords]uint64)
	var nw int
	nw, f.pairShift = pow2Words(max(nitems, 8<<regionBits), 8, 1<<18)
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
		visit(j, func(h2 uint64, third []int32) {
			w, end, cont := f.pairBits(h1, h2)
			if third == nil {
				f.pairs[w] |= end
				return
			}
			f.pairs[w] |= cont
			for _, k := range third {
				w, m := f.tripleBits(h1, h2, hashes[k])
				f.pairs[w] |= m
			}
		})
	}
	// The keys that only start phrases but pass the filter of keys that end one (few),
	// less any hash that a key that ends an entry also has.
	cand := map[uint64]bool{}
	for r, j := range roots {
		if h := hashes[j]; kind[r] == startPairs && h != 0 && f.root(h)&startEnds != 0 {
			cand[h] = true
		}
	}
	for r, j := range roots {
		if kind[r] == startEnds {
			delete(cand, hashes[j])
		}
	}
	var only []uint64
	for h := range cand {
		only = append(only, h)
	}
	if len(only) > 0 {
		n := 4
		for n < 4*len(only) {
			n *= 2
		}
		f.pairsOnly = make([]uint64, n)
		f.onlyShift = uint(64 - bits.TrailingZeros(uint(n)))
		for _, h := range only {
			i := h >> f.onlyShift
			for f.pairsOnly[i] != 0 && f.pairsOnly[i] != h {
				i = (i + 1) & uint64(n-1)
			}
			f.pairsOnly[i] = h
		}
	}
	return f
}
