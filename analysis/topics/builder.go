package topics

import (
	"math"
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
	vocab map[string]int32
	terms []termStat

	ids  []string
	days []int32
	ptr  []int   // document i's terms are ent[ptr[i]:ptr[i+1]]
	ent  []int32 // term ids, ascending within a document
	cnt  []int32 // counts, parallel to ent
}

// termStat is what the Builder knows of one vocabulary entry.
type termStat struct {
	key     string
	surface string // weighted majority vote over the documents' surface forms
	vote    int
	df      int   // documents containing the term
	total   int64 // occurrences over all documents
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{vocab: make(map[string]int32), ptr: []int{0}}
}

// Len returns the number of documents added.
func (b *Builder) Len() int { return len(b.ids) }

// Add appends one document: its id, its day (days since 1970, or NoDay) and its features.
// Terms with an empty key or a count below 1 are ignored; repeated keys are summed.
func (b *Builder) Add(id string, day int32, terms []Term) {
	start := len(b.ent)
	for _, t := range terms {
		if t.Key == "" || t.Count < 1 {
			continue
		}
		tid, ok := b.vocab[t.Key]
		if !ok {
			// copies: the caller's strings may share memory with a whole document
			key := strings.Clone(t.Key)
			tid = int32(len(b.terms))
			b.vocab[key] = tid
			b.terms = append(b.terms, termStat{key: key})
		}
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
		b.ent = append(b.ent, tid)
		b.cnt = append(b.cnt, int32(c))
	}
	b.sortDoc(start)
	for _, tid := range b.ent[start:] {
		b.terms[tid].df++
	}
	b.ids = append(b.ids, id)
	b.days = append(b.days, day)
	b.ptr = append(b.ptr, len(b.ent))
}

// sortDoc sorts the entries of the document that starts at start by term id and merges
// repeated ids.
func (b *Builder) sortDoc(start int) {
	ent, cnt := b.ent[start:], b.cnt[start:]
	if !slices.IsSorted(ent) {
		idx := make([]int, len(ent))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(x, y int) int { return int(ent[x]) - int(ent[y]) })
		e2, c2 := make([]int32, len(ent)), make([]int32, len(ent))
		for i, j := range idx {
			e2[i], c2[i] = ent[j], cnt[j]
		}
		copy(ent, e2)
		copy(cnt, c2)
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
	b.ent = b.ent[:start+w]
	b.cnt = b.cnt[:start+w]
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
	return b.ent[b.ptr[i]:b.ptr[i+1]], b.cnt[b.ptr[i]:b.ptr[i+1]]
}
