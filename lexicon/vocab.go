package lexicon

import (
	"bytes"
	"hash/maphash"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// rootEdges are the root's children for a token: by exact key and by stem (-1: none).
type rootEdges struct{ exact, stem int32 }

var noEdges = rootEdges{-1, -1}

// vocab remembers, for each distinct token key a Scratch has seen, which root edges it
// starts: news repeats its words, and one hash and one probe of this table cost less than
// the filters, map look-ups and stemming that decide it the first time. Keys are copied
// into one arena, so the table allocates only when it grows; it starts afresh when full.
type vocab struct {
	lex   *Lexicon
	seed  maphash.Seed
	slots []vslot // open addressing, linear probing; len is a power of two
	used  int
	arena []byte
}

type vslot struct {
	hash  uint64
	off   uint32 // 1 + offset of the key in arena; 0: empty
	n     uint32
	edges rootEdges
}

const (
	vocabMinSlots = 1 << 12
	vocabMaxSlots = 1 << 17 // 3 MiB of slots, about 65,000 words
	vocabMaxKey   = 255     // longer keys are looked up each time
)

// edges returns the root edges of key, deciding them with l on first sight.
func (v *vocab) edges(l *Lexicon, key []byte) rootEdges {
	if len(key) > vocabMaxKey {
		return l.rootEdges(key) // a freak token: not worth remembering
	}
	if v.lex != l || v.slots == nil {
		v.reset(l)
	}
	h := maphash.Bytes(v.seed, key)
	mask := uint64(len(v.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &v.slots[i]
		if sl.off == 0 {
			break
		}
		if sl.hash == h && int(sl.n) == len(key) && bytes.Equal(v.arena[sl.off-1:sl.off-1+sl.n], key) {
			return sl.edges
		}
	}
	r := l.rootEdges(key)
	v.insert(h, key, r)
	return r
}

func (v *vocab) reset(l *Lexicon) {
	if v.slots == nil || v.lex != l {
		v.seed = maphash.MakeSeed()
	}
	v.lex = l
	if v.slots == nil {
		v.slots = make([]vslot, vocabMinSlots)
	} else {
		clear(v.slots)
	}
	v.used = 0
	v.arena = v.arena[:0]
}

func (v *vocab) insert(h uint64, key []byte, r rootEdges) {
	if 2*(v.used+1) > len(v.slots) {
		if len(v.slots) >= vocabMaxSlots {
			v.reset(v.lex)
		} else {
			old := v.slots
			v.slots = make([]vslot, 2*len(old))
			v.used = 0
			for _, sl := range old {
				if sl.off != 0 {
					v.place(sl)
				}
			}
		}
	}
	off := len(v.arena)
	v.arena = append(v.arena, key...)
	v.place(vslot{hash: h, off: uint32(off) + 1, n: uint32(len(key)), edges: r})
}

func (v *vocab) place(sl vslot) {
	mask := uint64(len(v.slots) - 1)
	i := sl.hash & mask
	for v.slots[i].off != 0 {
		i = (i + 1) & mask
	}
	v.slots[i] = sl
	v.used++
}

// rootEdges decides the root edges of a token key: the filter first, then the maps, and
// the stem only when the filter says it may matter.
func (l *Lexicon) rootEdges(key []byte) rootEdges {
	r := noEdges
	mayExact, mayStem := l.filter.test(key)
	root := &l.nodes[0]
	if mayExact {
		if c, ok := root.exact[string(key)]; ok {
			r.exact = c
		}
	}
	if mayStem {
		if c, ok := root.stem[string(hindi.StemBytes(key))]; ok {
			r.stem = c
		}
	}
	return r
}
