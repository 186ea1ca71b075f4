package topics

import (
	"math"
	"math/bits"
	"slices"
	"strings"
)

// NoDay marks a document whose day is unknown. Days are counted since 1970-01-01 (UTC).
const NoDay int32 = math.MinInt32

// Builder collects documents in input order and interns their terms into a vocabulary. It keeps
// one (term, count) pair per distinct term of a document, so its memory is proportional to the
// non-zeros of the document-term matrix. Call Add from one goroutine, in input order; the zero
// value is not ready: use NewBuilder.
type Builder struct {
	// slots is the vocabulary, an open-addressing table over terms: the upper 32 bits of a
	// key's hash and its term id + 1 (0: empty); at most half full.
	slots []uint64
	terms []termStat

	ids  []string
	days []int32
	// The documents' (term, count) pairs, in chunks of entChunk pairs or more, each filled
	// before the next is made: adding a document never copies the pairs of earlier ones (a
	// slice doubling as it grows copied about 35 MB for a 50 MB corpus).
	ent [][]int32 // term ids, ascending within a document
	cnt [][]int32 // counts, parallel to ent
	loc []docLoc  // where each document's pairs are

	scratch []uint64  // sortDoc's buffer
	mark    []uint64  // markSort's bitmap over term ids, all zero between calls
	acc     []int32   // markSort's counts by term id, all zero between calls
	fresh   []newTerm // Add's buffer
}

// termStat is what the Builder knows of one vocabulary entry.
type termStat struct {
	key     string
	hash    uint64 // hashKey(key)
	surface string // weighted majority vote over the documents' surface forms
	vote    int
	df      int   // documents containing the term
	total   int64 // occurrences over all documents
}

// docLoc is where a document's pairs are: ent[chunk][start:end] and cnt[chunk][start:end].
type docLoc struct {
	chunk, start, end int32
}

// entChunk is the fewest (term, count) pairs of a chunk: 256 KB of ids and as many of counts.
const entChunk = 1 << 16

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{slots: make([]uint64, 1024)}
}

// Len returns the number of documents added.
func (b *Builder) Len() int { return len(b.ids) }

// Add appends one document: its id, its day (days since 1970, or NoDay) and its features.
// Terms with an empty key or a count below 1 are ignored; repeated keys are summed.
func (b *Builder) Add(id string, day int32, terms []Term) {
	c := len(b.ent) - 1
	if c < 0 || len(b.ent[c])+len(terms) > cap(b.ent[c]) {
		n := max(entChunk, len(terms))
		b.ent = append(b.ent, make([]int32, 0, n))
		b.cnt = append(b.cnt, make([]int32, 0, n))
		c++
	}
	start := len(b.ent[c])
	// Known terms are counted at once; new ones are set aside and get their ids in key
	// order, so that the ids do not depend on the order of terms.
	fresh := b.fresh[:0]
	for i := range terms {
		t := &terms[i]
		if t.Key == "" || t.Count < 1 {
			continue
		}
		h := t.Hash
		if h == 0 {
			h = hashKey([]byte(t.Key))
		}
		if tid, _ := b.lookup(t.Key, h); tid >= 0 {
			b.count(tid, t)
		} else {
			fresh = append(fresh, newTerm{i: int32(i), hash: h})
		}
	}
	if len(fresh) > 1 {
		slices.SortStableFunc(fresh, func(x, y newTerm) int { return strings.Compare(terms[x.i].Key, terms[y.i].Key) })
	}
	for _, f := range fresh {
		t := &terms[f.i]
		tid, slot := b.lookup(t.Key, f.hash) // a key repeated in terms is known by now
		if tid < 0 {
			// copies: the caller's strings may share memory with a whole document
			tid = int32(len(b.terms))
			b.terms = append(b.terms, termStat{key: strings.Clone(t.Key), hash: f.hash})
			b.slots[slot] = f.hash&^0xFFFFFFFF | uint64(tid+1)
			if 2*len(b.terms) > len(b.slots) {
				b.grow()
			}
		}
		b.count(tid, t)
	}
	b.fresh = fresh
	b.sortDoc(c, start)
	for _, tid := range b.ent[c][start:] {
		b.terms[tid].df++
	}
	b.ids = append(b.ids, id)
	b.days = append(b.days, day)
	b.loc = append(b.loc, docLoc{chunk: int32(c), start: int32(start), end: int32(len(b.ent[c]))})
}

// newTerm is a term of the document being added that is not in the vocabulary yet: its index
// in the terms given and the hash of its key.
type newTerm struct {
	i    int32
	hash uint64
}

// count adds one occurrence of term tid in the document being added: its surface vote, its
// total and its entry.
func (b *Builder) count(tid int32, t *Term) {
	ts := &b.terms[tid]
	switch {
	case ts.surface == t.Surface:
		ts.vote += t.Count
	case ts.vote <= t.Count:
		ts.surface, ts.vote = strings.Clone(t.Surface), t.Count-ts.vote
	default:
		ts.vote -= t.Count
	}
	if ts.surface == "" {
		ts.surface, ts.vote = strings.Clone(t.Surface), t.Count
	}
	ts.total += int64(t.Count)
	c := t.Count
	if c > math.MaxInt32 {
		c = math.MaxInt32
	}
	k := len(b.ent) - 1 // Add made room in the last chunk
	b.ent[k] = append(b.ent[k], tid)
	b.cnt[k] = append(b.cnt[k], int32(c))
}

// lookup returns the id of the term with key, whose hash is h, or −1 and the empty slot
// where it belongs.
func (b *Builder) lookup(key string, h uint64) (tid int32, slot int) {
	tag := h &^ 0xFFFFFFFF
	mask := uint64(len(b.slots) - 1)
	j := h & mask
	for ; b.slots[j] != 0; j = (j + 1) & mask {
		if s := b.slots[j]; s&^0xFFFFFFFF == tag && b.terms[uint32(s)-1].key == key {
			return int32(uint32(s) - 1), int(j)
		}
	}
	return -1, int(j)
}

// id returns the id of the term with key, and whether it is in the vocabulary.
func (b *Builder) id(key string) (int32, bool) {
	tid, _ := b.lookup(key, hashKey([]byte(key)))
	return tid, tid >= 0
}

// grow doubles the vocabulary's slots.
func (b *Builder) grow() {
	slots := make([]uint64, 2*len(b.slots))
	mask := uint64(len(slots) - 1)
	for tid, ts := range b.terms {
		j := ts.hash & mask
		for slots[j] != 0 {
			j = (j + 1) & mask
		}
		slots[j] = ts.hash&^0xFFFFFFFF | uint64(tid+1)
	}
	b.slots = slots
}

// sortDoc sorts the entries of the document that starts at start in chunk c by term id and
// merges repeated ids. Each entry is packed into one number, id above count, so that the sort
// compares integers; the order of repeated ids does not matter, as their counts are summed.
func (b *Builder) sortDoc(c, start int) {
	ent, cnt := b.ent[c][start:], b.cnt[c][start:]
	if n, words := len(ent), len(b.terms)/64; (words <= 8*n || n >= radixMin && words <= 4*n+1024) && !slices.IsSorted(ent) {
		w := b.markSort(ent, cnt)
		b.ent[c] = b.ent[c][:start+w]
		b.cnt[c] = b.cnt[c][:start+w]
		return
	}
	if !slices.IsSorted(ent) {
		buf := slices.Grow(b.scratch[:0], 2*len(ent))
		packed := buf[:len(ent)]
		for i, e := range ent {
			packed[i] = uint64(e)<<32 | uint64(uint32(cnt[i]))
		}
		if len(packed) < radixMin {
			slices.Sort(packed)
		} else {
			packed = radixSortIDs(packed, buf[len(ent):2*len(ent)], bits.Len32(uint32(len(b.terms))))
		}
		for i, p := range packed {
			ent[i], cnt[i] = int32(p>>32), int32(uint32(p))
		}
		b.scratch = buf[:0]
	}
	w := 0
	for r := range ent {
		if w > 0 && ent[w-1] == ent[r] {
			cnt[w-1] = satAdd(cnt[w-1], cnt[r])
			continue
		}
		ent[w], cnt[w] = ent[r], cnt[r]
		w++
	}
	b.ent[c] = b.ent[c][:start+w]
	b.cnt[c] = b.cnt[c][:start+w]
}

// markSort sorts ent by term id, summing the counts of repeated ids, and returns how many
// distinct ids it left at the front of ent and cnt. It marks each id in a bitmap over the
// vocabulary and reads the bitmap in order: cheaper than a sort when the bitmap has not many
// more words than there are entries (sortDoc's choice), as in a corpus of one news domain
// (BenchmarkJobBuilderAddNews: a third of sortDoc's time, 12,000 terms).
func (b *Builder) markSort(ent, cnt []int32) int {
	words := (len(b.terms) + 63) / 64
	if len(b.mark) < words {
		b.mark = make([]uint64, 2*words) // the vocabulary grows: room for it
	}
	if len(b.acc) < len(b.terms) {
		b.acc = make([]int32, 2*len(b.terms))
	}
	mark, acc := b.mark[:words], b.acc[:len(b.terms)]
	lo, hi := int32(len(mark)), int32(-1)
	for i, id := range ent {
		w := id >> 6
		mark[w] |= 1 << (id & 63)
		acc[id] = satAdd(acc[id], cnt[i])
		lo, hi = min(lo, w), max(hi, w)
	}
	k := 0
	for w := lo; w <= hi; w++ {
		m := mark[w]
		if m == 0 {
			continue
		}
		mark[w] = 0
		for ; m != 0; m &= m - 1 {
			id := w<<6 | int32(bits.TrailingZeros64(m))
			ent[k], cnt[k] = id, acc[id]
			acc[id] = 0
			k++
		}
	}
	return k
}

// radixMin is the fewest entries sortDoc sorts by radix rather than by comparisons.
const radixMin = 64

// radixSortIDs sorts a by its upper 32 bits, a term id of at most idBits bits, one byte at a
// time from the lowest (a stable counting sort per byte), using buf (as long as a). It
// returns a or buf, whichever holds the result; entries of the same id keep no particular
// order. For the hundred or more entries of a news article it is cheaper than a comparison
// sort: BenchmarkBuilderAddNews took about 15 % less time with it.
func radixSortIDs(a, buf []uint64, idBits int) []uint64 {
	var count [256]int32
	for shift := 32; shift < 32+idBits; shift += 8 {
		clear(count[:])
		for _, v := range a {
			count[byte(v>>shift)]++
		}
		sum := int32(0)
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, v := range a {
			d := byte(v >> shift)
			buf[count[d]] = v
			count[d]++
		}
		a, buf = buf, a
	}
	return a
}

func satAdd(a, b int32) int32 {
	s := int64(a) + int64(b)
	if s > math.MaxInt32 {
		return math.MaxInt32
	}
	return int32(s)
}

// doc returns the term ids and counts of document i.
func (b *Builder) doc(i int) ([]int32, []int32) {
	l := b.loc[i]
	return b.ent[l.chunk][l.start:l.end], b.cnt[l.chunk][l.start:l.end]
}
