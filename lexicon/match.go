package lexicon

import (
	"math/bits"
	"strings"

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
	bestEnd  []int32
	bestEnt  []int32
	covered  []int32
	touched  []int32
	active   []int32
	next     []int32
	cand     []uint64 // bit i: token i may start a match (see candidates)
	roots    []rootEdge
	pairCand []uint64 // bit i: token i's key may only start phrases (see candidates)
}

// MatchContext appends to dst the matches of l's context entries (Entry.IsContext) in d,
// as Match finds the other entries, and returns the extended slice. Match does not find
// them: a scorer asks for them only where it needs them (in the sentences of the hits they
// may cancel, hindi.Doc.SentenceRange).
func (l *Lexicon) MatchContext(dst []Match, d *hindi.Doc, s *Scratch) []Match {
	if l.context == nil {
		return dst
	}
	return l.context.Match(dst, d, s)
}

// Match appends to dst the matches of l's entries in d and returns the extended slice.
// Context entries are not among them (see MatchContext).
// For every slot (each category, each tone list and each modifier class) matches are
// leftmost-longest and do not overlap; matches of different slots may overlap (a war phrase
// and a threat word inside it are both found). A phrase matches consecutive tokens of one
// sentence, except that quotation marks (IsQuote) and one hyphen between two of its words
// are skipped (see skipGap): a match runs from the phrase's first word to its last. Matches
// are in order of Start, then of slot (category order, positive, negative, @negator,
// @intensifier, @diminisher, @contrast).
//
// The time is linear in the number of tokens (each start walks at most the depth of the
// longest phrase, and each run of quotation marks is skipped by the walks of at most that
// many starts), and nothing is allocated per token. Which tokens may start a match is
// decided from the hashes of their keys that the Doc holds (hindi.Doc.KeyHashes) alone, by
// the start filters (see startFilters): a token whose key only starts phrases (के, की, से)
// passes only with the key of the token after it. The few that pass are looked up in the
// lexicon's edge table, which lists the inflections of stem entries, so no token is
// stemmed; a phrase walk tests the table's filter with the next token's hash before it
// reads the token's key.
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
		p       keyPrint // the fingerprint of the token looked up
		keySpan = func(j int) (int, int) {
			if j == 0 {
				return 0, int(ends[0])
			}
			return int(ends[j-1]), int(ends[j])
		}
	)
	// Most tokens start nothing. A first pass marks the tokens that may start a match (by
	// the start filters, from the key hashes alone); the second visits only those, checks
	// their kind and looks them up.
	s.cand = l.candidates(s, toks, hs)
	s.roots = l.rootEdges(s.roots[:0], s.cand, keys, ends, hs)
	for _, r := range s.roots {
		if r.leaf {
			// One entry ends at the root's only child, and no phrase goes on: the walk below
			// would note it as the longest of its slot and emit it unless a match of the slot
			// covers the token.
			i := int(r.tok)
			in := &l.info[max(r.exact, r.stem)]
			te := l.ends[in.ends0]
			if int32(i) >= s.covered[te.slot] && l.startKinds&(1<<toks[i].Kind) != 0 {
				dst = append(dst, Match{Start: i, End: i + 1, Entry: int(te.entry)})
				s.covered[te.slot] = int32(i + 1)
			}
			continue
		}
		{
			i := int(r.tok)
			s.active = s.active[:0]
			s.touched = s.touched[:0]
			sent := -1 // toks[i].Sentence, read at the second word
			j := i
			if n := max(r.exact, r.stem); min(r.exact, r.stem) < 0 && l.info[n].ends1-l.info[n].ends0 <= 1 {
				// One child, at which at most one entry ends: the walk's first step, written
				// out. When no phrase goes on with the next token (most such roots), its entry is
				// emitted as the walk would, without the walk's bookkeeping; when the next token
				// goes on, the walk starts at it.
				in := l.info[n]
				exact, stem, gap := int32(-1), int32(-1), false
				if in.inner && i+1 < len(toks) {
					if gap = mayBeGap(hs[i+1]); !gap {
						exact, stem = t.childrenAt(n, keys, int(ends[i]), int(ends[i+1]), hs[i+1], &p)
					}
				}
				switch {
				case gap:
					s.active = append(s.active, n) // quotation marks: the walk skips them
				case exact < 0 && stem < 0:
					if in.ends1 > in.ends0 {
						te := l.ends[in.ends0]
						if int32(i) >= s.covered[te.slot] && l.startKinds&(1<<toks[i].Kind) != 0 {
							dst = append(dst, Match{Start: i, End: i + 1, Entry: int(te.entry)})
							s.covered[te.slot] = int32(i + 1)
						}
					}
					continue
				default:
					if in.ends1 > in.ends0 {
						te := l.ends[in.ends0]
						s.touched = append(s.touched, te.slot)
						s.bestEnd[te.slot], s.bestEnt[te.slot] = int32(i+1), te.entry
					}
					sent = toks[i].Sentence
					if j = i + 1; toks[j].Sentence == sent {
						if exact >= 0 {
							s.active = append(s.active, exact)
						}
						if stem >= 0 {
							s.active = append(s.active, stem)
						}
					}
				}
			} else {
				if r.exact >= 0 {
					s.active = append(s.active, r.exact)
				}
				if r.stem >= 0 {
					s.active = append(s.active, r.stem)
				}
			}
			for len(s.active) > 0 {
				inner := false
				for _, n := range s.active {
					in := l.info[n]
					inner = inner || in.inner
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
				if !inner {
					break // leaves: no phrase goes on
				}
				// Between two words of a phrase, quotation marks are skipped and a hyphen is
				// optional: 'आतंकवादी हमले' की = आतंकवादी हमले की, संघर्ष-विराम = संघर्ष विराम.
				j++
				if j < len(toks) && mayBeGap(hs[j]) {
					j = skipGap(d, j)
				}
				if j >= len(toks) {
					break
				}
				// The edges are tested before the token's sentence: most tests fail on the
				// filter, from the hash alone.
				s.next = s.next[:0]
				ks, ke := keySpan(j)
				for _, n := range s.active {
					if !l.info[n].inner {
						continue
					}
					exact, stem := t.childrenAt(n, keys, ks, ke, hs[j], &p)
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
				if sent < 0 {
					sent = toks[i].Sentence
				}
				if toks[j].Sentence != sent {
					break
				}
				s.active, s.next = s.next, s.active
			}
			if len(s.touched) == 0 {
				continue
			}
			if l.startKinds&(1<<toks[i].Kind) == 0 {
				// No term starts with a token of this kind: nothing matches here.
				for _, slot := range s.touched {
					s.bestEnd[slot] = -1
				}
				continue
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

// rootEdge is a candidate token with its root children (see rootEdges), and the edge's
// leaf flag (see edgeEntry).
type rootEdge struct {
	tok, exact, stem int32
	leaf             bool
}

// rootEdges appends to dst the candidate tokens (cand) that have a root edge, with its
// children. The table's slots and entries of all candidates are loaded in two passes whose
// loads do not depend on each other, so that their cache misses overlap.
func (l *Lexicon) rootEdges(dst []rootEdge, cand []uint64, keys []byte, ends []int32, hs []uint64) []rootEdge {
	t := &l.edges
	if !t.expanded {
		var p keyPrint
		for wi, w := range cand {
			for ; w != 0; w &= w - 1 {
				i := wi<<6 | bits.TrailingZeros64(w)
				ks := 0
				if i > 0 {
					ks = int(ends[i-1])
				}
				exact, stem := t.childrenAt(0, keys, ks, int(ends[i]), hs[i], &p)
				if exact >= 0 || stem >= 0 {
					dst = append(dst, rootEdge{tok: int32(i), exact: exact, stem: stem})
				}
			}
		}
		return dst
	}
	// pass 1: the slot of each candidate (the start filters pass few keys that the table's
	// filter would fail: it is not tested)
	for wi, w := range cand {
		for ; w != 0; w &= w - 1 {
			i := wi<<6 | bits.TrailingZeros64(w)
			s := t.slots[mix(hs[i], 0)>>(t.shift&63)]
			if s == 0 {
				continue
			}
			dst = append(dst, rootEdge{tok: int32(i), exact: int32(s)}) // the slot, for pass 2
		}
	}
	// pass 2: the entries
	out := dst[:0]
	var p keyPrint
	for _, r := range dst {
		i := int(r.tok)
		h := mix(hs[i], 0)
		ks := 0
		if i > 0 {
			ks = int(ends[i-1])
		}
		ke := int(ends[i])
		var e *edgeEntry
		if s := uint32(r.exact); s&^t.idxMask == uint32(h)&^t.idxMask {
			e = &t.entries[s&t.idxMask-1]
			n := ke - ks
			var w0, w1, w2 uint64
			if ks+16 <= len(keys) && ke >= 8 {
				w0, w1, w2 = wordsAt(keys, ks, ke)
			} else {
				fp := fingerprint(keys[ks:ke])
				w0, w1, w2 = fp.w0, fp.w1, fp.w2
			}
			if !(e.node == 0 && e.w0 == w0 && e.w1 == w1 && e.w2 == w2 && int(e.n) == n &&
				(n <= maxWords || string(t.keys[e.off:e.off+e.n]) == string(keys[ks:ke]))) {
				e = nil
			}
		}
		if e == nil {
			// not the first slot: probe
			p.setHashed(keys, ks, ke, hs[i])
			e = t.probe(0, keys[ks:ke], &p)
			if e == nil {
				continue
			}
		}
		if e.exact >= 0 || e.stem >= 0 {
			out = append(out, rootEdge{int32(i), e.exact, e.stem, e.leaf})
		}
	}
	return out
}

// sortSlots sorts a short slice in place (insertion sort: no allocation).
func sortSlots(a []int32) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// hyphenHashes are the hashes of the keys that isHyphen accepts.
var hyphenHashes = [3]uint64{
	hindi.HashKey([]byte("-")), hindi.HashKey([]byte("\u2010")), hindi.HashKey([]byte("\u2011")),
}

// isHyphenHash reports whether h is the hash of a hyphen key: a key with the same hash
// that is not a hyphen is then told apart by isHyphen.
func isHyphenHash(h uint64) bool {
	return h == hyphenHashes[0] || h == hyphenHashes[1] || h == hyphenHashes[2]
}

// isHyphen reports whether a token key is a hyphen, which phrases skip.
func isHyphen(key []byte) bool {
	switch string(key) {
	case "-", "\u2010", "\u2011":
		return true
	}
	return false
}

// quoteMarks are the quotation marks that phrases skip between their words: straight and
// typographic quotes, low-9 and reversed-9 quotes, guillemets, and the backtick, acute
// accent, primes and fullwidth quotes typed for quotes. The tokenizer (hindi.Analyzer) makes
// one token of each mark, and one of two apostrophes typed for a double quote.
const quoteMarks = "'\"`\u00b4\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2032\u2033\u2035\u2036\uff02\uff07"

// IsQuote reports whether a token key consists only of quotation marks (' " ‘ ’ “ ” ‚ „
// « » ‹ › ` ´ ′ ″ and their kin, see quoteMarks). Phrases skip such tokens between their
// words ("'आतंकवादी हमले' की कोशिश" matches the phrase आतंकवादी हमले की कोशिश), and the tone
// rules read them as part of the clause.
func IsQuote(key []byte) bool {
	if len(key) == 0 {
		return false
	}
	switch key[0] { // the first bytes of the marks' encodings: most keys fail here
	case '\'', '"', '`', 0xC2, 0xE2, 0xEF:
	default:
		return false
	}
	for _, r := range string(key) {
		if !strings.ContainsRune(quoteMarks, r) {
			return false
		}
	}
	return true
}

// gapFilter holds one bit per hash of a key that a phrase may skip between its words (a
// hyphen, a quotation mark, two apostrophes), indexed by the hash's top 12 bits (512 bytes,
// which about one word in 150 passes), so that a word's hash fails it at one load:
// mayBeGap has no false negative.
var gapFilter = func() (f [64]uint64) {
	for _, k := range gapKeys() {
		h := hindi.HashKey([]byte(k))
		f[h>>58] |= 1 << (h >> 52 & 63)
	}
	return f
}()

// gapKeys returns the keys of the tokens that a phrase may skip between its words: the
// quotation marks and the hyphens.
func gapKeys() []string {
	var keys []string
	for _, r := range quoteMarks {
		keys = append(keys, string(r))
	}
	return append(keys, "''", "-", "\u2010", "\u2011")
}

// mayBeGap reports whether a key of hash h may be one that phrases skip (see skipGap).
func mayBeGap(h uint64) bool { return gapFilter[h>>58]>>(h>>52&63)&1 != 0 }

// skipGap returns the index of the first token at or after j that a phrase does not skip
// between two of its words: quotation marks (IsQuote) are skipped, and one hyphen (a
// second one is not). It may return len(d.Tokens).
func skipGap(d *hindi.Doc, j int) int {
	hs := d.KeyHashes()
	hyphen := false
	for ; j < len(d.Tokens) && mayBeGap(hs[j]); j++ {
		k := d.Key(j)
		switch {
		case IsQuote(k):
		case !hyphen && isHyphenHash(hs[j]) && isHyphen(k):
			hyphen = true
		default:
			return j
		}
	}
	return j
}

// candidates returns in s.cand a bit set of the tokens that may start a match. Without
// expansion, where a token's stem may start a match, those are the tokens of a kind that
// starts some term. Otherwise they are decided by the start filters from the Doc's key
// hashes alone (hashes): a first pass tests each token's root cells without a
// data-dependent branch, sorting the tokens into those that may end an entry (looked up)
// and those that may only start a phrase; a second pass tests the pair filter for the
// latter, with the next token's hash (and, where that may be a quotation mark or a hyphen,
// the hashes after it: see skipGap), and for a pair that only starts phrases of three
// words or more with the hash of the token after that (see startFilters.pairAt). A token
// that passes both halves of the root filter goes to the pair test when its hash is that
// of a root key that only starts phrases (see startFilters.pairsOnly).
func (l *Lexicon) candidates(s *Scratch, toks []hindi.Token, hashes []uint64) []uint64 {
	nw := (len(toks) + 63) >> 6
	if cap(s.cand) < nw || cap(s.pairCand) < nw {
		s.cand = make([]uint64, nw)
		s.pairCand = make([]uint64, nw)
	}
	dst := s.cand[:nw]
	clear(dst)
	t := &l.edges
	kinds := uint64(l.startKinds)
	if !t.expanded {
		for i := range toks {
			dst[i>>6] |= (kinds >> toks[i].Kind & 1) << (i & 63)
		}
		return dst
	}
	f := &t.starts
	hashes = hashes[:len(toks)]
	pc := s.pairCand[:nw]
	rootPass(f.cells, hashes, dst, pc[:len(dst)])
	for wi, w := range pc {
		if both := w & dst[wi]; both != 0 && len(f.pairsOnly) > 0 {
			// Tokens that pass both halves of the root filter: those whose key only starts
			// phrases (see pairsOnly) go to the pair test.
			for ; both != 0; both &= both - 1 {
				b := bits.TrailingZeros64(both)
				if f.isPairsOnly(hashes[wi<<6|b]) {
					dst[wi] &^= 1 << b
				}
			}
		}
		dst[wi] |= pairBlock(f, w&^dst[wi], wi<<6, hashes)
	}
	return dst
}

// pairBlock returns the tokens of w (bit b: token base+b, whose key may only start
// phrases) that pass the pair filter with the next word (see candidates). Most tokens
// fail it with the next token alone, when that cannot be a quotation mark or a hyphen:
// their test is one load and two masks; pairSlow decides the others, after the loop, so
// that the loop has no call. It is not inlined, so that its loop's values do not compete
// for registers with those of candidates.
//
//go:noinline
func pairBlock(f *startFilters, w uint64, base int, hashes []uint64) (add uint64) {
	hb := hashes[base:] // token base+b is hb[b]
	pairs, second := f.pairs, f.second
	// First the tokens whose next token may be a second word (f.maySecond), without a
	// branch on the data: about half fail here, before their pair is hashed.
	var keep uint64
	for v := w; v != 0; v &= v - 1 {
		b := bits.TrailingZeros64(v)
		if b+1 >= len(hb) {
			break // no next token: no phrase starts here
		}
		h2 := hb[b+1]
		keep |= (second[h2>>(64-13)] >> (h2 >> 45 & 63) & 1) << b
	}
	w &= keep
	rs := (f.pairShift - regionBits) & 63
	var slow uint64 // the tokens that pairSlow decides
	for ; w != 0; w &= w - 1 {
		b := bits.TrailingZeros64(w)
		h1, h2 := hb[b], hb[b+1]
		g := pairMix(h1, h2)
		// f.pairBits, with the first bit of each mask loaded (oneBit) and the others set
		// by BTS, so that only the region's shift needs the CX register.
		end := oneBit[g>>20&63] | 1<<(g>>26&63) | 1<<(g>>32&63)
		cont := oneBit[g>>2&63] | 1<<(g>>8&63) | 1<<(g>>38&63)
		x := pairs[h1>>rs&^(1<<regionBits-1)|g>>(64-regionBits)] // f.regionOf(h1) | ...
		switch {
		case x&end == end:
			add |= 1 << b
		case x&cont == cont && (b+2 >= len(hb) || mayBeGap(hb[b+2]) || f.tripleAt(h1, g, hb[b+2])):
			add |= 1 << b // f.third(h1, hashes, base+b+1, last)
		case mayBeGap(h2):
			slow |= 1 << b
		}
	}
	for ; slow != 0; slow &= slow - 1 {
		b := bits.TrailingZeros64(slow)
		if f.pairSlow(hashes, base+b, len(hashes)-1) {
			add |= 1 << b
		}
	}
	return add
}

// oneBit holds 1<<i at i.
var oneBit = func() (t [64]uint64) {
	for i := range t {
		t[i] = 1 << i
	}
	return t
}()

// pairSlow reports whether token i passes the pair filter (see candidates): the next word
// is the next token or one after quotation marks and a hyphen (skipGap), so every token up
// to the first that cannot be skipped is tested, from the hashes alone, and a long run of
// such tokens passes untested.
func (f *startFilters) pairSlow(hashes []uint64, i, last int) bool {
	h1 := hashes[i]
	for k := i + 1; k <= last; k++ {
		if f.pairAt(h1, hashes, k, last) {
			return true
		}
		if !mayBeGap(hashes[k]) {
			return false
		}
		if k-i > maxGapScan {
			return true
		}
	}
	return false
}

// maxGapScan bounds the tokens that the pair filter reads after a token for its next word:
// past it the token is a candidate anyway, so that a run of quotation marks costs linear
// time whatever filter bits its hashes hit.
const maxGapScan = 8

// rootPass sets in ends and pairs the tokens whose hashes (hashes) pass the root filter as
// keys that end an entry and as keys that only start phrases, 64 tokens at a time.
func rootPass(cells *[cellWords]uint64, hashes []uint64, ends, pairs []uint64) {
	for wi := range ends {
		e, p := rootBlock(cells, hashes[wi<<6:min(wi<<6+64, len(hashes))])
		ends[wi], pairs[wi] = e, p
	}
}

// rootBlock returns the root filter's bits of up to 64 tokens with hashes hb, bit i for
// token i. It has no branch and no shift by a variable amount: the tokens are read from
// the last, and each one's bits enter at the bottom of two words that shift left by one
// (so that the first token's bits end at bit 0). It is not inlined so that its loop keeps
// its state in registers.
//
//go:noinline
func rootBlock(cells *[cellWords]uint64, hb []uint64) (e, p uint64) {
	_ = cells[0] // one nil check, not one per token
	for k := len(hb) - 1; k >= 0; k-- {
		h := hb[k]
		w, m := h>>(64-cellBitsLog), uint64(triples[h>>20&4095]) // cellBits, without its inline mark
		nx := ^cells[w]
		// nx&m is below 2^32, and 0 (so that 0-1 has bit 63) only when the cell has m's bits.
		e = e<<1 | (nx&m-1)>>63
		p = p<<1 | (nx>>32&m-1)>>63
	}
	return e, p
}
