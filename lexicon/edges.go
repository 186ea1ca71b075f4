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
	slots    []uint64 // tag<<32 | 1+index into entries; 0: empty. len is a power of two
	shift    uint     // 64 - log2(len(slots)): a hash's top bits index slots
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
}

// maxExpanded bounds the entries of an expanded table (about 40 bytes each with keys and
// slots): the default lexicon needs about 55,000.
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
// e >= 8.
func wordsAt(keys []byte, s, e int) (w0, w1, w2 uint64) {
	n := e - s
	w0 = binary.LittleEndian.Uint64(keys[s:]) & (^uint64(0) >> (64 - 8*min(n, 8)))
	w1 = binary.LittleEndian.Uint64(keys[s+8:]) & (^uint64(0) >> (64 - 8*min(max(n-8, 0), 8)))
	w2 = binary.LittleEndian.Uint64(keys[e-8:]) >> (64 - 8*min(n, 8))
	return w0, w1, w2
}

// rootBit returns the filter bit of a root key from its hash (hindi.HashKey): its top bits,
// so that the filter test of a token is a shift of the hash its Doc holds.
func rootBit(h uint64) uint64 { return h >> (64 - filterBits) }

// mix combines a key's hash with a node number; its top bits index the slots, its low 32
// bits are the tag.
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
	tag := uint32(h)
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return nil
		}
		if uint32(s>>32) == tag {
			e := &t.entries[uint32(s)-1]
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
	f := rootBit(h)
	if n != 0 {
		f = mix(h, n) >> (64 - filterBits)
	}
	if t.filter[f>>6]&(1<<(f&63)) == 0 {
		return -1, -1
	}
	p.setHashed(keys, s, e, h)
	if e := t.probe(n, keys[s:e], p); e != nil {
		return e.exact, e.stem
	}
	return -1, -1
}

// entry returns the entry of (n, key), adding it when absent.
func (t *edgeTable) entry(n int32, key string) *edgeEntry {
	if 2*(len(t.entries)+1) > len(t.slots) {
		t.grow()
	}
	p := fingerprint([]byte(key))
	h := mix(p.h, n)
	tag := uint32(h)
	mask := uint64(len(t.slots) - 1)
	i := h >> t.shift
	for ; t.slots[i] != 0; i = (i + 1) & mask {
		if uint32(t.slots[i]>>32) == tag {
			e := &t.entries[uint32(t.slots[i])-1]
			if e.node == n && string(t.keys[e.off:e.off+e.n]) == key {
				return e
			}
		}
	}
	f := p.f
	if n != 0 {
		f = h >> (64 - filterBits)
	}
	t.filter[f>>6] |= 1 << (f & 63)
	t.entries = append(t.entries, edgeEntry{w0: p.w0, w1: p.w1, w2: p.w2, node: n, n: uint32(len(key)),
		exact: -1, stem: -1, off: uint32(len(t.keys))})
	t.keys = append(t.keys, key...)
	t.slots[i] = uint64(tag)<<32 | uint64(len(t.entries))
	return &t.entries[len(t.entries)-1]
}

// grow doubles the slots and places the entries again.
func (t *edgeTable) grow() {
	nslots := max(16, 2*len(t.slots))
	t.slots = make([]uint64, nslots)
	t.shift = uint(64 - bits.TrailingZeros(uint(nslots)))
	mask := uint64(nslots - 1)
	for j := range t.entries {
		e := &t.entries[j]
		h := mix(hindi.HashKey(t.keys[e.off:e.off+e.n]), e.node)
		i := h >> t.shift
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = uint64(uint32(h))<<32 | uint64(j+1)
	}
}

// newEdgeTable builds the table of the trie's edges, expanded unless that would exceed
// limit entries.
func newEdgeTable(nodes []node, limit int) edgeTable {
	if t, ok := buildEdgeTable(nodes, true, limit); ok {
		t.starts = newStartFilters(&t, nodes, maxRootPairs)
		return t
	}
	t, _ := buildEdgeTable(nodes, false, 0)
	return t
}

func buildEdgeTable(nodes []node, expand bool, limit int) (edgeTable, bool) {
	t := edgeTable{expanded: expand, filter: make([]uint64, 1<<filterBits/64)}
	t.grow()
	var infl []string
	for i := range nodes {
		n := int32(i)
		for k, c := range nodes[i].exact {
			t.entry(n, k).exact = c
		}
		for s, c := range nodes[i].stem {
			if !expand {
				t.entry(n, s).stem = c
				continue
			}
			infl = hindi.Inflections(infl[:0], s)
			for _, k := range infl {
				t.entry(n, k).stem = c
			}
			if len(t.entries) > limit {
				return edgeTable{}, false
			}
		}
	}
	return t, true
}
