package lexicon

import (
	"encoding/binary"
	"math/bits"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// rootFilter rejects cheaply the tokens that start no match, which are most tokens. It is
// two one-probe Bloom filters over a word-at-a-time hash:
//
//   - exact holds the keys of the root's exact edges; a token passes when its key is in it;
//   - stem holds the first prefixLen bytes of the keys of the root's stem edges (the whole
//     key when it is shorter, its length noted in short). hindi.Stem returns a prefix of its
//     key, so a token whose stem labels a stem edge begins with such a prefix.
//
// A token that passes the stem filter is stemmed (which scans the suffix table) through the
// Scratch's cache. The filters never reject a token that matches: they hash the lexicon's
// keys and the text's keys alike.
type rootFilter struct {
	exact, stem []uint64
	short       uint16 // bit l: some stem edge key has l < prefixLen bytes
}

const (
	prefixLen  = 9  // three Devanagari code points
	filterBits = 17 // 2^17 bits = 16 KiB per filter: stays in the L1 cache
)

// hash hashes key[:n] a word at a time: keys of up to 16 bytes (most Hindi words) take two
// loads and two multiplications. A shorter key is read as one word when the slice's capacity
// allows (the bytes past n are masked off), so the text's keys, which share one buffer, are
// never copied.
func hash(key []byte, n int) uint64 {
	var a, b uint64
	switch {
	case n >= 8 && n <= 16:
		a = binary.LittleEndian.Uint64(key[:8])
		b = binary.LittleEndian.Uint64(key[n-8 : n])
	case n < 8:
		if cap(key) >= 8 {
			a = binary.LittleEndian.Uint64(key[:8]) & (1<<(8*n) - 1)
		} else {
			for i := n - 1; i >= 0; i-- {
				a = a<<8 | uint64(key[i])
			}
		}
	default:
		k := key[:n]
		for len(k) > 16 {
			a = bits.RotateLeft64((a^binary.LittleEndian.Uint64(k))*0xff51afd7ed558ccd, 29)
			k = k[8:]
		}
		a ^= binary.LittleEndian.Uint64(k[:8])
		b = binary.LittleEndian.Uint64(key[n-8 : n])
	}
	h := (a^uint64(n)*0x9e3779b97f4a7c15)*0xff51afd7ed558ccd ^ b
	h *= 0xc4ceb9fe1a85ec53
	return h ^ h>>32
}

func bitIndex(h uint64) uint64              { return h >> (64 - filterBits) }
func setBit(b []uint64, h uint64)           { i := bitIndex(h); b[i>>6] |= 1 << (i & 63) }
func hasBit(b []uint64, h uint64) bool      { i := bitIndex(h); return b[i>>6]&(1<<(i&63)) != 0 }
func newBits() []uint64                     { return make([]uint64, 1<<filterBits/64) }
func hashString(s string, n int) uint64     { return hash([]byte(s), n) }
func prefixOf(s string) (n int, short bool) { return min(len(s), prefixLen), len(s) < prefixLen }

func newRootFilter(root *node) rootFilter {
	f := rootFilter{exact: newBits(), stem: newBits()}
	for k := range root.exact {
		setBit(f.exact, hashString(k, len(k)))
	}
	for k := range root.stem {
		n, short := prefixOf(k)
		setBit(f.stem, hashString(k, n))
		if short {
			f.short |= 1 << n
		}
	}
	return f
}

// test reports whether key may label an exact edge of the root, and whether its stem may
// label a stem edge.
func (f *rootFilter) test(key []byte) (exact, stem bool) {
	n := len(key)
	exact = hasBit(f.exact, hash(key, n))
	if n >= prefixLen && hasBit(f.stem, hash(key, prefixLen)) {
		return exact, true
	}
	for s := f.short; s != 0; s &= s - 1 {
		l := bits.TrailingZeros16(s)
		if l > n {
			break
		}
		if hasBit(f.stem, hash(key, l)) {
			return exact, true
		}
	}
	return exact, false
}

// shortKeys are exact sets of the root's keys of one and of two Devanagari code points (the
// commonest tokens: का, की, के, से, को, है, और …), indexed by the code points' offsets in the
// block. A key this short is its own stem (hindi.Stem keeps hindi.MinStem code points), so
// one bit decides whether such a token starts anything, without hashing it.
type shortKeys struct {
	one [2]uint64
	two []uint64 // 1<<14 bits
}

// devaIndex returns the offset in the Devanagari block of the code point key[i:i+3].
func devaIndex(key []byte, i int) (int, bool) {
	if key[i] != 0xE0 || key[i+1] != 0xA4 && key[i+1] != 0xA5 {
		return 0, false
	}
	return int(key[i+1]&1)<<6 | int(key[i+2]&0x3F), true
}

// shortIndex returns the index of a key of one or two Devanagari code points and how many
// (0 for any other key).
func shortIndex(key []byte) (idx, runes int) {
	switch len(key) {
	case 3:
		if a, ok := devaIndex(key, 0); ok {
			return a, 1
		}
	case 6:
		if hindi.MinStem < 2 {
			return 0, 0 // a key of two code points could be stemmed: no shortcut
		}
		a, ok1 := devaIndex(key, 0)
		b, ok2 := devaIndex(key, 3)
		if ok1 && ok2 {
			return a<<7 | b, 2
		}
	}
	return 0, 0
}

func hasIndex(b []uint64, i int) bool { return b[i>>6]&(1<<(i&63)) != 0 }
func setIndex(b []uint64, i int)      { b[i>>6] |= 1 << (i & 63) }

func newShortKeys(root *node) shortKeys {
	s := shortKeys{two: make([]uint64, 1<<14/64)}
	add := func(k string) {
		switch i, n := shortIndex([]byte(k)); n {
		case 1:
			setIndex(s.one[:], i)
		case 2:
			setIndex(s.two, i)
		}
	}
	for k := range root.exact {
		add(k)
	}
	for k := range root.stem {
		add(k)
	}
	return s
}

// rejects reports whether key is a short Devanagari key that starts nothing.
func (s *shortKeys) rejects(key []byte) bool {
	switch i, n := shortIndex(key); n {
	case 1:
		return !hasIndex(s.one[:], i)
	case 2:
		return !hasIndex(s.two, i)
	}
	return false
}
