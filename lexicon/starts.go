package lexicon

import (
	"math/bits"
	"slices"

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
	// second holds one bit per hash (see secondBit) of every key that may follow a root
	// key that only starts phrases in one (the second words of the pair filter) and of
	// every key a phrase may skip between its words (quotation marks, a hyphen): a token
	// whose next token's bit is clear fails the pair test with one load, before its pair is
	// hashed (about half of the tokens tested in news: the next word of के, की, से is
	// mostly a word that continues no phrase).
	second *[secondWords]uint64
}

// secondWords is the number of words of the filter of second words (64 KiB, 2^19 bits:
// 1.6 % of its bits are set by the default lexicon's 8,400 second words, the gap keys
// included).
const secondWords = 1 << 13

// secondBit returns the word and the bit of hash h in the filter of second words.
func secondBit(h uint64) (w, b uint64) { return h >> (64 - 13), h >> 45 & 63 }

// maySecond reports whether a key of hash h may follow a root key that only starts phrases
// in one, or be skipped between the words of a phrase (see startFilters.second).
func (f *startFilters) maySecond(h uint64) bool {
	w, b := secondBit(h)
	return f.second[w]>>b&1 != 0
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
	for i := h >> (f.onlyShift & 63); ; i = (i + 1) & mask { // shift < 64: no check
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
	w = f.regionOf(h1) | g>>(64-regionBits)
	end = uint64(1)<<(g>>20&63) | uint64(1)<<(g>>26&63) | uint64(1)<<(g>>32&63)
	cont = uint64(1)<<(g>>2&63) | uint64(1)<<(g>>8&63) | uint64(1)<<(g>>38&63)
	return w, end, cont
}

// tripleBits returns the word and the three bits of the triple of hashes h1, h2, h3 (a
// root key, the second word and the third of a phrase of three words or more), in the
// region of h1.
func (f *startFilters) tripleBits(h1, h2, h3 uint64) (w, m uint64) {
	g := (pairMix(h1, h2) ^ bits.RotateLeft64(h3, 17)) * 0xd6e8feb86659fd93
	w = f.regionOf(h1) | g>>(64-regionBits)
	return w, uint64(1)<<(g>>20&63) | uint64(1)<<(g>>26&63) | uint64(1)<<(g>>32&63)
}

// regionOf returns the first word of the region of the pairs of the root key of hash h1:
// h1>>pairShift<<regionBits, written with a shift below 64 (pairShift-regionBits is 64
// less the log2 of the filter's words, at least 64 of them), which needs no check for a
// shift of 64 or more (pairShift is 64 or more for a filter of one region).
func (f *startFilters) regionOf(h1 uint64) uint64 {
	return h1 >> ((f.pairShift - regionBits) & 63) &^ (1<<regionBits - 1)
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

// tripleAt reports whether the triple of hashes h1, h2 and h3 may be in the pair filter,
// where g is pairMix(h1, h2) (see tripleBits).
func (f *startFilters) tripleAt(h1, g, h3 uint64) bool {
	g = (g ^ bits.RotateLeft64(h3, 17)) * 0xd6e8feb86659fd93
	x := f.pairs[f.regionOf(h1)|g>>(64-regionBits)]
	m := uint64(1)<<(g>>20&63) | uint64(1)<<(g>>26&63) | uint64(1)<<(g>>32&63)
	return x&m == m
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
	hashes := make([]uint64, len(t.entries))
	for j := range t.entries {
		e := &t.entries[j]
		hashes[j] = hindi.HashKey(t.keys[e.off : e.off+e.n])
	}
	return buildStartFilters(t, nodes, maxPairs, hashes)
}

// pairEnd returns the word and the end bits of pairBits(h1, h2), and pairCont its word and
// cont bits: each small enough to be inlined where the pair filter is built.
func (f *startFilters) pairEnd(h1, h2 uint64) (w, end uint64) {
	g := pairMix(h1, h2)
	return h1>>f.pairShift<<regionBits | g>>(64-regionBits),
		uint64(1)<<(g>>20&63) | uint64(1)<<(g>>26&63) | uint64(1)<<(g>>32&63)
}

func (f *startFilters) pairCont(h1, h2 uint64) (w, cont uint64) {
	g := pairMix(h1, h2)
	return h1>>f.pairShift<<regionBits | g>>(64-regionBits),
		uint64(1)<<(g>>2&63) | uint64(1)<<(g>>8&63) | uint64(1)<<(g>>38&63)
}

// buildStartFilters is newStartFilters given the hashes (hindi.HashKey) of the entries'
// keys.
func buildStartFilters(t *edgeTable, nodes []node, maxPairs int, hashes []uint64) startFilters {
	var f startFilters
	// The entries by node (a counting sort): those of node c are at positions first[c] to
	// first[c+1], position i holds entry at(i), whose key's hash is byHash[i]. The entries
	// of a table that edgeBuilder filled are in node order already: at is the identity.
	first := make([]int32, len(nodes)+1)
	sorted := true
	for j := range t.entries {
		n := t.entries[j].node
		first[n+1]++
		sorted = sorted && (j == 0 || n >= t.entries[j-1].node)
	}
	for i := 1; i < len(first); i++ {
		first[i] += first[i-1]
	}
	var byNode []int32
	byHash := hashes
	if !sorted {
		byNode = make([]int32, len(t.entries))
		byHash = make([]uint64, len(t.entries))
		next := append([]int32(nil), first[:len(nodes)]...)
		for j := range t.entries {
			n := t.entries[j].node
			byNode[next[n]] = int32(j)
			byHash[next[n]] = hashes[j]
			next[n]++
		}
	}
	at := func(i int32) *edgeEntry {
		if byNode != nil {
			i = byNode[i]
		}
		return &t.entries[i]
	}
	edgesOf := func(c int32) int32 { return first[c+1] - first[c] }
	// fans reports whether an entry ends at a child of e, and the entries of its children.
	fans := func(e *edgeEntry) (ends bool, n int32) {
		for _, c := range [2]int32{e.exact, e.stem} {
			if c >= 0 {
				ends = ends || len(nodes[c].ents) > 0
				n += edgesOf(c)
			}
		}
		return ends, n
	}
	kind := make([]uint8, first[1])
	for r := range kind {
		switch ends, np := fans(at(int32(r))); {
		case ends || np > int32(maxPairs):
			kind[r] = startEnds
		case np > 0:
			kind[r] = startPairs
		}
	}
	// The second words of the root keys that only start phrases, by child node of the root
	// keys: the hashes of the keys whose pair with a root key is filed whole (an entry ends
	// at one of their children, or too many third words or none follow them), in whole, and
	// the positions of the others, filed with the third words (the keys of their children),
	// in parts. Each child node is listed once (the inflections of a stem share their
	// child), with the number of items the pairs of a root key with its keys make (a pair
	// filed whole counts one, a pair with third words one more than those).
	type span struct{ whole0, whole1, parts0, parts1, items int32 }
	var (
		whole []uint64
		parts []int32
	)
	var spans []span
	spanOf := make([]int32, len(nodes)) // 1 + the index in spans of a listed node; 0: not listed
	list := func(c int32) *span {
		if spanOf[c] > 0 {
			return &spans[spanOf[c]-1]
		}
		spans = append(spans, span{whole0: int32(len(whole)), parts0: int32(len(parts))})
		spanOf[c] = int32(len(spans))
		sp := &spans[len(spans)-1]
		for i := first[c]; i < first[c+1]; i++ {
			e := at(i)
			if ends, n3 := fans(e); ends || n3 == 0 || n3 > maxTriples {
				whole = append(whole, byHash[i])
				sp.items++
				continue
			}
			parts = append(parts, i)
			for _, c2 := range [2]int32{e.exact, e.stem} {
				if c2 >= 0 {
					sp.items += 1 + edgesOf(c2)
				}
			}
		}
		sp.whole1, sp.parts1 = int32(len(whole)), int32(len(parts))
		return sp
	}
	nitems := 0
	for r, k := range kind {
		if k == startPairs {
			e := at(int32(r))
			for _, c := range [2]int32{e.exact, e.stem} {
				if c >= 0 {
					nitems += int(list(c).items)
				}
			}
		}
	}
	f.cells = new([cellWords]uint64)
	var nw int
	nw, f.pairShift = pow2Words(max(nitems, 8<<regionBits), 8, 1<<18)
	f.pairShift += regionBits // h1's top bits choose a region
	f.pairs = make([]uint64, nw)
	var roots []int32 // those that only start phrases
	for r, k := range kind {
		w, m := cellBits(byHash[r])
		switch k {
		case startEnds:
			f.cells[w] |= m
		case startPairs:
			f.cells[w] |= m << 32
			roots = append(roots, int32(r))
		}
	}
	f.second = new([secondWords]uint64)
	setSecond := func(h uint64) {
		w, b := secondBit(h)
		f.second[w] |= 1 << b
	}
	for _, k := range gapKeys() {
		setSecond(hindi.HashKey([]byte(k)))
	}
	for _, r := range roots {
		h1 := byHash[r]
		e := at(r)
		for _, c := range [2]int32{e.exact, e.stem} {
			if c < 0 {
				continue
			}
			sp := &spans[spanOf[c]-1]
			for _, h2 := range whole[sp.whole0:sp.whole1] {
				w, end := f.pairEnd(h1, h2)
				f.pairs[w] |= end
				setSecond(h2)
			}
			for _, i := range parts[sp.parts0:sp.parts1] {
				h2 := byHash[i]
				w, cont := f.pairCont(h1, h2)
				f.pairs[w] |= cont
				setSecond(h2)
				e2 := at(i)
				for _, c2 := range [2]int32{e2.exact, e2.stem} {
					if c2 >= 0 {
						for _, h3 := range byHash[first[c2]:first[c2+1]] {
							w, m := f.tripleBits(h1, h2, h3)
							f.pairs[w] |= m
						}
					}
				}
			}
		}
	}
	// The keys that only start phrases but pass the filter of keys that end one (few),
	// less any hash that a key that ends an entry also has.
	var only []uint64
	for r, k := range kind {
		if h := byHash[r]; k == startPairs && h != 0 && f.root(h)&startEnds != 0 {
			only = append(only, h)
		}
	}
	if len(only) > 0 {
		slices.Sort(only)
		only = slices.Compact(only)
		drop := make([]bool, len(only))
		var top [64]uint64 // bit h>>52 of each hash of only: most hashes are not there
		for _, h := range only {
			top[h>>58] |= 1 << (h >> 52 & 63)
		}
		for r, k := range kind {
			if h := byHash[r]; k == startEnds && top[h>>58]&(1<<(h>>52&63)) != 0 {
				if i, ok := slices.BinarySearch(only, h); ok {
					drop[i] = true
				}
			}
		}
		kept := only[:0]
		for i, h := range only {
			if !drop[i] {
				kept = append(kept, h)
			}
		}
		only = kept
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
