package lexicon

import (
	"math/bits"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// Match is one match of an entry in a document: tokens [Start, End) of the hindi.Doc.
type Match struct {
	Start, End int
	Entry      int // index into Lexicon.Entries
}

// Scratch holds the buffers of Match for one goroutine. The zero value is ready to use;
// reuse it across documents to avoid allocation.
type Scratch struct {
	bestEnd []int32
	bestEnt []int32
	covered []int32
	touched []int32
	active  []int32
	next    []int32
	cand    []uint64 // bit i: token i may start a match (see candidates)
}

// Match appends to dst the matches of l's entries in d and returns the extended slice.
// For every slot (each category, each tone list and each modifier class) matches are
// leftmost-longest and do not overlap; matches of different slots may overlap (a war phrase
// and a threat word inside it are both found). A phrase matches consecutive tokens of one
// sentence. Matches are in order of Start, then of slot (category order, positive, negative,
// @negator, @intensifier, @diminisher, @contrast).
//
// The time is linear in the number of tokens (each start walks at most the depth of the
// longest phrase), and nothing is allocated per token. Each token costs one bit of a filter;
// the few that pass are looked up in the lexicon's edge table with the hash of their key that
// the Doc holds (hindi.Doc.KeyHashes); the table lists the inflections of stem entries, so
// no token is stemmed.
func (l *Lexicon) Match(dst []Match, d *hindi.Doc, s *Scratch) []Match {
	if cap(s.bestEnd) < l.nslots {
		s.bestEnd = make([]int32, l.nslots)
		s.bestEnt = make([]int32, l.nslots)
		s.covered = make([]int32, l.nslots)
	}
	s.bestEnd = s.bestEnd[:l.nslots]
	s.bestEnt = s.bestEnt[:l.nslots]
	s.covered = s.covered[:l.nslots]
	for i := range s.covered {
		s.covered[i] = 0
		s.bestEnd[i] = -1
	}
	toks := d.Tokens
	t := &l.edges
	keys, ends := d.Keys()
	ends = ends[:len(toks)]
	hs := d.KeyHashes()[:len(toks)] // the hash of each token's key, computed by Analyze
	var (
		p       keyPrint // the fingerprint of token i
		q       keyPrint // the fingerprint of the last token a phrase walk looked up
		ahead   = -1     // that token: the walk's q is token i's fingerprint when i == ahead
		keySpan = func(j int) (int, int) {
			if j == 0 {
				return 0, int(ends[0])
			}
			return int(ends[j-1]), int(ends[j])
		}
	)
	// Most tokens start nothing. A first pass marks the tokens that may start a match (by
	// the edge table's filter) without a data-dependent branch per token; the second visits
	// only those, checks their kind and looks them up.
	s.cand = l.candidates(s.cand, toks, hs)
	for wi, w := range s.cand {
		for ; w != 0; w &= w - 1 {
			i := wi<<6 | bits.TrailingZeros64(w)
			if l.startKinds&(1<<toks[i].Kind) == 0 {
				continue
			}
			s0, start := keySpan(i)
			pi := &q
			if i != ahead {
				p.setHashed(keys, s0, start, hs[i])
				pi = &p
			}
			exact, stem := t.children(0, keys[s0:start], pi)
			if exact < 0 && stem < 0 {
				continue
			}
			s.active = s.active[:0]
			if exact >= 0 {
				s.active = append(s.active, exact)
			}
			if stem >= 0 {
				s.active = append(s.active, stem)
			}
			s.touched = s.touched[:0]
			sent := toks[i].Sentence
			for j := i; ; {
				for _, n := range s.active {
					in := l.info[n]
					for _, te := range l.ends[in.ends0:in.ends1] {
						slot := te.slot
						if s.bestEnd[slot] < 0 {
							s.touched = append(s.touched, slot)
						}
						if s.bestEnd[slot] < int32(j+1) {
							s.bestEnd[slot], s.bestEnt[slot] = int32(j+1), te.entry
						}
					}
				}
				j++
				if j+1 < len(toks) && isHyphen(d.Key(j)) {
					j++ // a hyphen inside a phrase is optional: संघर्ष-विराम = संघर्ष विराम
				}
				if j >= len(toks) || toks[j].Sentence != sent {
					break
				}
				s.next = s.next[:0]
				ks, ke := keySpan(j)
				hashed := false
				for _, n := range s.active {
					if !l.info[n].inner {
						continue // a leaf: no phrase goes on
					}
					if !hashed {
						q.setHashed(keys, ks, ke, hs[j])
						hashed, ahead = true, j
					}
					exact, stem := t.children(n, keys[ks:ke], &q)
					if exact >= 0 {
						s.next = append(s.next, exact)
					}
					if stem >= 0 {
						s.next = append(s.next, stem)
					}
				}
				if len(s.next) == 0 {
					break
				}
				s.active, s.next = s.next, s.active
			}
			// Emit in slot order: touched slots are few, sort them by insertion.
			sortSlots(s.touched)
			for _, slot := range s.touched {
				if int32(i) >= s.covered[slot] {
					dst = append(dst, Match{Start: i, End: int(s.bestEnd[slot]), Entry: int(s.bestEnt[slot])})
					s.covered[slot] = s.bestEnd[slot]
				}
				s.bestEnd[slot] = -1
			}
		}
	}
	return dst
}

// sortSlots sorts a short slice in place (insertion sort: no allocation).
func sortSlots(a []int32) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// isHyphen reports whether a token key is a hyphen, which phrases skip.
func isHyphen(key []byte) bool {
	switch string(key) {
	case "-", "\u2010", "\u2011":
		return true
	}
	return false
}

// candidates returns in dst (reused) a bit set of the tokens that may start a match: those
// whose key passes the root bits of the edge table's filter (without expansion, where a
// token's stem may start a match, those of a kind that starts some term). The filter bit is
// the top of the key's hash, which the Doc holds (hashes), so the loop has no data-dependent
// branch and most tokens cost a shift and a load.
func (l *Lexicon) candidates(dst []uint64, toks []hindi.Token, hashes []uint64) []uint64 {
	nw := (len(toks) + 63) >> 6
	if cap(dst) < nw {
		dst = make([]uint64, nw)
	}
	dst = dst[:nw]
	clear(dst)
	t := &l.edges
	kinds := uint64(l.startKinds)
	if !t.expanded {
		for i := range toks {
			dst[i>>6] |= (kinds >> toks[i].Kind & 1) << (i & 63)
		}
		return dst
	}
	var word uint64 // the bits of the current 64 tokens, kept in a register
	filter := t.filter
	for i, h := range hashes[:len(toks)] {
		f := rootBit(h)
		word |= (filter[f>>6] >> (f & 63) & 1) << (i & 63)
		if i&63 == 63 {
			dst[i>>6], word = word, 0
		}
	}
	if len(toks)&63 != 0 {
		dst[len(toks)>>6] = word
	}
	return dst
}
