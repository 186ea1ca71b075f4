package hindi

import (
	"math/bits"
)

// HashKey returns the 64-bit hash of a matching key, the hash that [Doc.KeyHashes] reports for
// each token: every consumer of keys (the lexicon's edge table and filter, the topic
// features) hashes with this one function, so it can use the Doc's hashes instead of hashing
// again. It reads the bytes eight at a time with a multiply-and-fold mix (as in wyhash); it is
// not seeded, is the same on every platform and never allocates.
func HashKey(b []byte) uint64 { return hashKey(b) }

// hashString is HashKey of a string's bytes. Analyze hashes a key that equals its token's
// surface from the text rather than from the key just copied, so the loads do not wait on
// the copy's stores.
func hashString(s string) uint64 { return hashKey(s) }

func hashKey[T string | []byte](b T) uint64 {
	const (
		k0 = 0xa0761d6478bd642f
		k1 = 0xe7037ed1a0b428db
	)
	h := uint64(len(b)) ^ k0
	for len(b) >= 8 {
		h = hashMix(h^load64(b), k1)
		b = b[8:]
	}
	var v uint64
	switch n := len(b); {
	case n >= 4:
		v = uint64(load32(b)) | uint64(load32(b[n-4:]))<<32
	case n > 0:
		v = uint64(b[0]) | uint64(b[n>>1])<<8 | uint64(b[n-1])<<16
	}
	return hashMix(h^v^k1, k0^uint64(len(b)))
}

// load64 and load32 read b's first eight or four bytes little-endian; the compiler makes
// each one load.
func load64[T string | []byte](b T) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func load32[T string | []byte](b T) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// hashMix multiplies x by k into 128 bits and folds the halves.
func hashMix(x, k uint64) uint64 {
	hi, lo := bits.Mul64(x, k)
	return hi ^ lo
}
