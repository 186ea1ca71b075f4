package hindi

import (
	"encoding/binary"
	"math/bits"
)

// HashKey returns the 64-bit hash of a matching key, the hash that [Doc.KeyHashes] reports for
// each token: every consumer of keys (the lexicon's edge table and filter, the topic
// features) hashes with this one function, so it can use the Doc's hashes instead of hashing
// again. It reads the bytes eight at a time with a multiply-and-fold mix (as in wyhash); it is
// not seeded, is the same on every platform and never allocates.
func HashKey(b []byte) uint64 {
	const (
		k0 = 0xa0761d6478bd642f
		k1 = 0xe7037ed1a0b428db
	)
	h := uint64(len(b)) ^ k0
	for len(b) >= 8 {
		h = hashMix(h^binary.LittleEndian.Uint64(b), k1)
		b = b[8:]
	}
	var v uint64
	switch n := len(b); {
	case n >= 4:
		v = uint64(binary.LittleEndian.Uint32(b)) | uint64(binary.LittleEndian.Uint32(b[n-4:]))<<32
	case n > 0:
		v = uint64(b[0]) | uint64(b[n>>1])<<8 | uint64(b[n-1])<<16
	}
	return hashMix(h^v^k1, k0^uint64(len(b)))
}

// hashMix multiplies x by k into 128 bits and folds the halves.
func hashMix(x, k uint64) uint64 {
	hi, lo := bits.Mul64(x, k)
	return hi ^ lo
}
