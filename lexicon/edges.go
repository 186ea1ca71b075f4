package lexicon

import (
	"encoding/binary"
	"math/bits"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// edgeTable holds every edge of the trie in one open-addressing hash table keyed by the
// parent node and a token key, so that one cheap hash of a token decides all its edges:
// most tokens start no match, and for them one probe of the table is the whole cost.
//
// Stem edges are expanded at compile time: an edge labelled with a stem is listed under
// every key that hindi.Stem maps to that stem (hindi.Inflections, about 60 per stem), so
// Match never stems a token. An entry keyed by (node, key) holds the exact child labelled
// key and the stem child labelled hindi.Stem(key). A lexicon with so many stem edges that
// the expansion would exceed maxExpanded entries lists each stem edge under its stem
// alone; Match then stems the tokens it looks up (expanded is false).
type edgeTable struct {
	filter   []uint64 // a one-probe Bloom filter (see rootBit and mix)
	slots    []uint32 // tag | 1+index into entries (see slotFor); 0: empty. len is a power of two
	shift    uint     // 64 - log2(len(slots)): a hash's top bits index slots
	idxMask  uint32   // the bits of a slot that hold 1+index: 2^k-1 > len(entries)
	entries  []edgeEntry
	keys     []byte // the entries' keys, back to back
	expanded bool
	starts   startFilters // of an expanded table: which tokens may start a match
}

type edgeEntry struct {
	w0, w1, w2  uint64 // the key's words (see fingerprint): the whole key when n ≤ maxWords
	node        int32
	n           uint32
	exact, stem int32  // children, -1: none
	off         uint32 // the key in keys, compared when n > maxWords
	// leaf is set when the entry has one child, at which one entry of the lexicon ends and
	// from which no phrase goes on (most words: see Match, which emits it without a walk).
	// It takes bytes that were padding.
	leaf bool
}

// maxExpanded bounds the entries of an expanded table (about 60 bytes each with keys and
// slots): the default lexicon needs about 66,500.
const maxExpanded = 1 << 19

// keyPrint is a token key's fingerprint: its length, its hash and three words of its bytes
// (see fingerprint). A key of up to 24 bytes (8 Devanagari code points, nearly every word)
// is identified by its length and words, so the table compares such keys without reading
// them again.
type keyPrint struct {
	h          uint64
	f          uint64 // the root filter's bit (see rootBit)
	w0, w1, w2 uint64
	n          int
}

// maxWords is the longest key that a keyPrint's words identify.
const maxWords = 24

// fingerprint returns the fingerprint of key: w0 holds bytes 0..7, w1 bytes 8..15 and w2
// the last 8 bytes (the whole key when shorter), each little-endian and zero-extended; the
// hash is hindi.HashKey, the hash a Doc reports for each token (see setAt). The hash is not
// seeded: the table compares keys, so a collision costs time, never a wrong answer.
func fingerprint(key []byte) keyPrint {
	n := len(key)
	word := func(b []byte) uint64 {
		var w uint64
		for i := len(b) - 1; i >= 0; i-- {
			w = w<<8 | uint64(b[i])
		}
		return w
	}
	p := keyPrint{n: n, w0: word(key[:min(n, 8)]), w2: word(key[max(0, n-8):])}
	if n > 8 {
		p.w1 = word(key[8:min(n, 16)])
	}
	p.h = hindi.HashKey(key)
	p.f = rootBit(p.h)
	return p
}

// setAt sets p to the fingerprint of keys[s:e] (see setHashed).
func (p *keyPrint) setAt(keys []byte, s, e int) {
	p.setHashed(keys, s, e, hindi.HashKey(keys[s:e]))
}

// setHashed sets p to the fingerprint of keys[s:e], whose hindi.HashKey is h (a Doc's
// KeyHashes, so that Match never hashes a key), reading whole words of keys across the key's
// bounds and masking the bytes of its neighbours off: no branch per byte, and no copy of the
// result.
func (p *keyPrint) setHashed(keys []byte, s, e int, h uint64) {
	n := e - s
	if s+16 > len(keys) || e < 8 {
		*p = fingerprint(keys[s:e]) // at the ends of the buffer
		return
	}
	p.n = n
	p.w0, p.w1, p.w2 = wordsAt(keys, s, e)
	p.h = h
	p.f = rootBit(p.h)
}

// wordsAt returns the words of the fingerprint of keys[s:e], where s+16 <= len(keys) and
// e >= 8: three loads, masked by the masks of the key's length (keyMasks), with one bounds
// check for the first two.
func wordsAt(keys []byte, s, e int) (w0, w1, w2 uint64) {
	n := e - s
	if n >= len(keyMasks) {
		n = len(keyMasks) - 1 // rare: a branch that predicts well, where min(n, 16) did not
	}
	m := &keyMasks[n]
	k := keys[s : s+16 : s+16]
	w0 = binary.LittleEndian.Uint64(k) & m[0]
	w1 = binary.LittleEndian.Uint64(k[8:]) & m[1]
	w2 = binary.LittleEndian.Uint64(keys[e-8:e]) >> (m[2] & 63) & m[0]
	return w0, w1, w2
}

// keyMasks holds, for a key of n bytes (n up to 31; longer keys use the masks of 31), the
// mask of its first word (its first min(n, 8) bytes), the mask of its second word (bytes
// 8 to min(n, 16)) and the shift that aligns the last min(n, 8) bytes of a word that ends
// with the key (0 for an empty key, whose words are masked off).
var keyMasks = func() (t [32][3]uint64) {
	lo := func(b int) uint64 {
		if b <= 0 {
			return 0
		}
		return ^uint64(0) >> (64 - 8*min(b, 8))
	}
	for n := range t {
		t[n] = [3]uint64{lo(n), lo(n - 8), uint64(64-8*min(n, 8)) & 63}
	}
	return t
}()

// rootBit returns the filter bit of a root key from its hash (hindi.HashKey): its top bits,
// so that the filter test of a token is a shift of the hash its Doc holds.
func rootBit(h uint64) uint64 { return h >> (64 - filterBits) }

// mix combines a key's hash with a node number; its top bits index the slots, and the bits
// of its low 32 bits above the index bits of a slot are the slot's tag (see slotFor).
func mix(hk uint64, n int32) uint64 {
	return (hk + uint64(n)*0x9e3779b97f4a7c15) * 0xd6e8feb86659fd93
}

// filterBits is the log2 of the filter's size in bits: 2^19 bits are 64 KiB, which stay in
// the L2 cache while the table's slots (1 MiB for the default lexicon) would not; with the
// default lexicon about one absent key in ten passes it.
const filterBits = 19

// mayHave reports whether the table may hold an entry of node n for a key with
// fingerprint p: false for most keys, decided by one bit of the filter.
func (t *edgeTable) mayHave(n int32, p *keyPrint) bool {
	f := p.f
	if n != 0 {
		f = mix(p.h, n) >> (64 - filterBits)
	}
	return t.filter[f>>6]&(1<<(f&63)) != 0
}

// lookup returns the entry of (n, key), whose fingerprint is p, or nil.
func (t *edgeTable) lookup(n int32, key []byte, p *keyPrint) *edgeEntry {
	if !t.mayHave(n, p) {
		return nil
	}
	return t.probe(n, key, p)
}

// probe is lookup without the filter.
func (t *edgeTable) probe(n int32, key []byte, p *keyPrint) *edgeEntry {
	h := mix(p.h, n)
	tag := uint32(h) &^ t.idxMask
	mask := uint64(len(t.slots) - 1)
	for i := h >> (t.shift & 63); ; i = (i + 1) & mask { // shift < 64: no check
		s := t.slots[i]
		if s == 0 {
			return nil
		}
		if s&^t.idxMask == tag {
			e := &t.entries[s&t.idxMask-1]
			if e.node == n && e.w0 == p.w0 && e.w1 == p.w1 && e.w2 == p.w2 && int(e.n) == p.n &&
				(p.n <= maxWords || string(t.keys[e.off:e.off+e.n]) == string(key)) {
				return e
			}
		}
	}
}

// children returns the exact and the stem child of node n for a token key whose
// fingerprint is p (-1: none).
func (t *edgeTable) children(n int32, key []byte, p *keyPrint) (exact, stem int32) {
	exact, stem = -1, -1
	if e := t.lookup(n, key, p); e != nil {
		exact, stem = e.exact, e.stem
	}
	if t.expanded {
		return exact, stem
	}
	stem = -1
	st := hindi.StemBytes(key)
	sp := fingerprint(st)
	if e := t.lookup(n, st, &sp); e != nil {
		stem = e.stem
	}
	return exact, stem
}

// childrenAt returns the exact and the stem child of node n for the key keys[s:e], whose
// hash (hindi.HashKey) is h. The filter is tested with h alone: p, set to the key's
// fingerprint, is read only for the keys that pass.
func (t *edgeTable) childrenAt(n int32, keys []byte, s, e int, h uint64, p *keyPrint) (exact, stem int32) {
	if !t.expanded {
		p.setHashed(keys, s, e, h)
		return t.children(n, keys[s:e], p)
	}
	hn := mix(h, n)
	f := rootBit(h)
	if n != 0 {
		f = hn >> (64 - filterBits)
	}
	if t.filter[f>>6]&(1<<(f&63)) == 0 {
		return -1, -1
	}
	// The first slot of the probe nearly always holds the entry, or is empty: its key is
	// compared by words without a keyPrint; the others are left to probe.
	sl := t.slots[hn>>(t.shift&63)]
	if sl == 0 {
		return -1, -1
	}
	if sl&^t.idxMask == uint32(hn)&^t.idxMask && s+16 <= len(keys) && e >= 8 {
		en := &t.entries[sl&t.idxMask-1]
		w0, w1, w2 := wordsAt(keys, s, e)
		if en.node == n && en.w0 == w0 && en.w1 == w1 && en.w2 == w2 && int(en.n) == e-s &&
			(e-s <= maxWords || string(t.keys[en.off:en.off+en.n]) == string(keys[s:e])) {
			return en.exact, en.stem
		}
	}
	p.setHashed(keys, s, e, h)
	if e := t.probe(n, keys[s:e], p); e != nil {
		return e.exact, e.stem
	}
	return -1, -1
}

// trieEdge is an edge of the trie from node parent to node child, labelled by key: a token
// key, or the stem of token keys when stem is set.
type trieEdge struct {
	parent, child int32
	stem          bool
	key           string
}

// newEdgeTable builds the table of the trie's edges, expanded unless that would exceed
// limit entries.
func newEdgeTable(nodes []node, limit int) edgeTable {
	return buildEdges(nodes, trieEdges(nodes), limit)
}

// trieEdges returns the edges held in the nodes' maps.
func trieEdges(nodes []node) []trieEdge {
	n := 0
	for i := range nodes {
		n += len(nodes[i].exact) + len(nodes[i].stem)
	}
	edges := make([]trieEdge, 0, n)
	for i := range nodes {
		for k, c := range nodes[i].exact {
			edges = append(edges, trieEdge{parent: int32(i), child: c, key: k})
		}
		for s, c := range nodes[i].stem {
			edges = append(edges, trieEdge{parent: int32(i), child: c, stem: true, key: s})
		}
	}
	return edges
}

// buildEdges builds the table of edges, which are all the edges of the trie of nodes, in
// any order: expanded, with its start filters, unless that would exceed limit entries.
func buildEdges(nodes []node, edges []trieEdge, limit int) edgeTable {
	order := edgeOrder(len(nodes), edges)
	var b edgeBuilder
	if b.build(edges, order, true, limit) {
		b.t.starts = buildStartFilters(&b.t, nodes, maxRootPairs, b.hashes)
		b.t.setLeaves(nodes)
		return b.t
	}
	b = edgeBuilder{}
	b.build(edges, order, false, 0)
	b.t.setLeaves(nodes)
	return b.t
}

// setLeaves sets the leaf flag of the entries (see edgeEntry) from the trie's nodes.
func (t *edgeTable) setLeaves(nodes []node) {
	for j := range t.entries {
		e := &t.entries[j]
		if (e.exact < 0) == (e.stem < 0) {
			continue // none or two children
		}
		c := &nodes[max(e.exact, e.stem)]
		e.leaf = len(c.ents) == 1 && len(c.exact)+len(c.stem) == 0
	}
}

// edgeOrder returns the indices of edges by parent node, and for each node its stem edges
// before its exact edges (see edgeBuilder.build).
func edgeOrder(nnodes int, edges []trieEdge) []int32 {
	bucket := func(e *trieEdge) int {
		if e.stem {
			return 2 * int(e.parent)
		}
		return 2*int(e.parent) + 1
	}
	next := make([]int32, 2*nnodes+1)
	for i := range edges {
		next[bucket(&edges[i])+1]++
	}
	for i := 1; i < len(next); i++ {
		next[i] += next[i-1]
	}
	order := make([]int32, len(edges))
	for i := range edges {
		b := bucket(&edges[i])
		order[next[b]] = int32(i)
		next[b]++
	}
	return order
}

// edgeBuilder fills an edgeTable. The entries, keys and slots are sized once from a bound
// on the entries; the keys of a stem's inflections are stored once, however many nodes
// have an edge labelled with that stem, and fingerprinted once; the entries are placed in
// the slots once all are listed, so that no key is looked up as they are added.
type edgeBuilder struct {
	t      edgeTable
	hashes []uint64            // per entry: hindi.HashKey of its key
	sets   map[string][2]int32 // a stem's inflections: a range of infl
	infl   []inflKey
	ends   []int
}

// inflKey is an inflected key: keys[off:off+n] of the table, of hash h (hindi.HashKey).
type inflKey struct {
	h      uint64
	off, n uint32
}

// inflPerStem is the most keys that hindi.Inflections lists for a stem: the stem and one
// per suffix (the stems of the default lexicon have 62 on average). The table is sized
// with it; were it too small, its entries would grow.
const inflPerStem = 65

// build fills b.t with the edges in the given order (see edgeOrder), each stem edge
// expanded into its inflections when expand is set, and reports whether the table holds
// at most limit entries (always, when expand is not set).
//
// The entries are listed node by node, and no key twice: a stem edge's keys (its
// inflections, or its stem) are distinct from those of the node's other stem edges, as a
// key has one stem (hindi.AppendInflections lists only keys that hindi.Stem maps to the
// stem); an exact edge whose key a stem edge of the node lists already shares that entry
// (only the edge labelled with the key's stem, or with the key itself when not expanded,
// can list it: find looks there).
//
// An expanded table is checked against limit at the end of each node with stem edges, as
// when a node's edges were added one by one, and after each stem edge (the count can only
// grow), so that a lexicon too large to expand is given up early.
func (b *edgeBuilder) build(edges []trieEdge, order []int32, expand bool, limit int) bool {
	t := &b.t
	*t = edgeTable{expanded: expand, filter: make([]uint64, 1<<filterBits/64)}
	nexact, nstem, exactBytes, stemBytes := 0, 0, 0, 0
	for i := range edges {
		if edges[i].stem {
			nstem++
			stemBytes += len(edges[i].key)
		} else {
			nexact++
			exactBytes += len(edges[i].key)
		}
	}
	nent, nkeys := nexact+nstem, exactBytes+stemBytes
	if expand {
		// The inflections of each stem are listed once (see inflections): size their list and
		// their keys, where suffixes take 9 bytes on average (three code points).
		b.sets = make(map[string][2]int32)
		ninfl, inflBytes := 0, 0
		for i := range edges {
			if e := &edges[i]; e.stem {
				if _, ok := b.sets[e.key]; !ok {
					b.sets[e.key] = [2]int32{}
					ninfl += inflPerStem
					inflBytes += inflPerStem * (len(e.key) + 9)
				}
			}
		}
		clear(b.sets)
		nent = min(nexact+inflPerStem*nstem, limit+1+inflPerStem)
		b.infl = make([]inflKey, 0, min(ninfl, limit+1+inflPerStem))
		nkeys = exactBytes + min(inflBytes, maxWords*(limit+1+inflPerStem))
	}
	t.entries = make([]edgeEntry, 0, nent)
	b.hashes = make([]uint64, 0, nent)
	t.keys = make([]byte, 0, nkeys)
	var (
		p     keyPrint
		node  = int32(-1)
		stems map[string][2]int32 // the current node's stem edges: a range of entries each
	)
	for _, i := range order {
		e := &edges[i]
		if e.parent != node {
			if expand && len(stems) > 0 && len(t.entries) > limit {
				return false
			}
			node = e.parent
			if len(stems) > 0 {
				stems = nil // a new map: clearing one costs its capacity
			}
		}
		if e.stem {
			j := int32(len(t.entries))
			if expand {
				r := b.inflections(e.key)
				for k := r[0]; k < r[1]; k++ {
					ik := &b.infl[k]
					p.setHashed(t.keys, int(ik.off), int(ik.off+ik.n), ik.h)
					b.add(e.parent, &p, ik.off).stem = e.child
				}
				if len(t.entries) > limit {
					return false
				}
			} else {
				off := len(t.keys)
				t.keys = append(t.keys, e.key...)
				p = fingerprint(t.keys[off:])
				b.add(e.parent, &p, uint32(off)).stem = e.child
			}
			if stems == nil {
				stems = make(map[string][2]int32)
			}
			stems[e.key] = [2]int32{j, int32(len(t.entries))}
			continue
		}
		if len(stems) > 0 {
			s := e.key
			if expand {
				s = hindi.Stem(s)
			}
			if x := b.find(stems[s], e.key); x != nil {
				x.exact = e.child
				continue
			}
		}
		off := len(t.keys)
		t.keys = append(t.keys, e.key...)
		p = fingerprint(t.keys[off:])
		b.add(e.parent, &p, uint32(off)).exact = e.child
	}
	if expand && len(stems) > 0 && len(t.entries) > limit {
		return false
	}
	b.place(slotsFor(len(t.entries)))
	return true
}

// find returns the entry of key among the entries r[0] to r[1], or nil.
func (b *edgeBuilder) find(r [2]int32, key string) *edgeEntry {
	t := &b.t
	for j := r[0]; j < r[1]; j++ {
		if e := &t.entries[j]; int(e.n) == len(key) && string(t.keys[e.off:e.off+e.n]) == key {
			return e
		}
	}
	return nil
}

// add adds the entry of node n for the key at off in the table's keys, whose fingerprint
// is p, and returns it.
func (b *edgeBuilder) add(n int32, p *keyPrint, off uint32) *edgeEntry {
	t := &b.t
	f := p.f
	if n != 0 {
		f = mix(p.h, n) >> (64 - filterBits)
	}
	t.filter[f>>6] |= 1 << (f & 63)
	t.entries = append(t.entries, edgeEntry{w0: p.w0, w1: p.w1, w2: p.w2, node: n, n: uint32(p.n),
		exact: -1, stem: -1, off: off})
	b.hashes = append(b.hashes, p.h)
	return &t.entries[len(t.entries)-1]
}

// slotsFor returns the number of slots of a table of n entries: the least power of two,
// at least 16, that keeps the table under half full.
func slotsFor(n int) int {
	s := 16
	for s < 2*(n+1) {
		s *= 2
	}
	return s
}

// place makes n slots, a power of two, and places the entries.
func (b *edgeBuilder) place(n int) {
	t := &b.t
	t.slots = make([]uint32, n)
	t.shift = uint(64 - bits.TrailingZeros(uint(n)))
	t.idxMask = idxMaskFor(len(t.entries))
	mask := uint64(n - 1)
	for j := range t.entries {
		h := mix(b.hashes[j], t.entries[j].node)
		i := h >> t.shift
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = t.slotFor(h, j)
	}
}

// idxMaskFor returns the mask of the index bits of the slots of a table of n entries: the
// least 2^k-1 that holds 1+index for each entry. The 32-k bits above them hold a tag (15
// bits with the default lexicon's 66,500 entries, 12 with maxExpanded), which tells most
// other keys of the slot's probe sequence apart without reading their entries.
func idxMaskFor(n int) uint32 {
	return uint32(1)<<bits.Len32(uint32(n)) - 1
}

// slotFor returns the slot of entry j, whose key's mix (with its node) is h: a slot is 4
// bytes, so that the slots of the default lexicon take 1 MiB.
func (t *edgeTable) slotFor(h uint64, j int) uint32 {
	return uint32(h)&^t.idxMask | uint32(j+1)
}

// inflections returns the range of b.infl that holds the inflections of stem
// (hindi.Inflections), adding them to the table's keys the first time.
func (b *edgeBuilder) inflections(stem string) [2]int32 {
	if r, ok := b.sets[stem]; ok {
		return r
	}
	t := &b.t
	off := len(t.keys)
	t.keys, b.ends = hindi.AppendInflections(t.keys, b.ends[:0], stem)
	r := [2]int32{int32(len(b.infl)), 0}
	for _, e := range b.ends {
		b.infl = append(b.infl, inflKey{hindi.HashKey(t.keys[off:e]), uint32(off), uint32(e - off)})
		off = e
	}
	r[1] = int32(len(b.infl))
	b.sets[stem] = r
	return r
}
