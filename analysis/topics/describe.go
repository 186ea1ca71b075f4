package topics

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

// describe fills res.Topics: size, c-TF-IDF top terms and label, representatives, NPMI,
// cohesion and days, for every local topic with at least one document.
func describe(b *Builder, v *vocabulary, res *Result, st *state, o Options) {
	k := len(st.ids)
	local := make(map[int]int, k)
	for a, id := range st.ids {
		local[id] = a
	}
	topicOf := func(doc int) int {
		if t := res.Assign[doc].Topic; t >= 0 {
			return local[t]
		}
		return -1
	}
	size := make([]int, k)
	members := make([][]int, k)
	first := make([]int32, k)
	last := make([]int32, k)
	for a := range first {
		first[a], last[a] = NoDay, NoDay
	}
	for i := range res.Assign {
		a := topicOf(i)
		if a < 0 {
			continue
		}
		size[a]++
		members[a] = append(members[a], i)
		if d := b.days[i]; d != NoDay {
			if first[a] == NoDay || d < first[a] {
				first[a] = d
			}
			if last[a] == NoDay || d > last[a] {
				last[a] = d
			}
		}
	}
	top := ctfidf(b, v, topicOf, k, o.TopTerms)
	npmi := coherence(b, v, top, nil, o.Workers)
	res.Topics = res.Topics[:0]
	for a := 0; a < k; a++ {
		if size[a] == 0 {
			continue
		}
		t := Topic{ID: st.ids[a], Size: size[a], New: st.isNew[a], FirstDay: first[a], LastDay: last[a], NPMI: npmi[a]}
		for _, tw := range top[a] {
			t.TopTerms = append(t.TopTerms, v.surfaces[tw.col])
			t.TopWeights = append(t.TopWeights, tw.w)
		}
		t.Label = label(t.TopTerms)
		if p := st.prior[a]; p != nil {
			if p.Label != "" {
				t.Label = p.Label // a continuing topic keeps its name
			}
			t.FirstDay = minDay(t.FirstDay, p.FirstDay)
			t.LastDay = maxDay(t.LastDay, p.LastDay)
		}
		ms := members[a]
		sims := make([]float64, len(ms))
		for j, i := range ms {
			sims[j] = res.Assign[i].Similarity
		}
		t.Cohesion = stat.Mean(sims, nil)
		order := make([]int, len(ms))
		for j := range order {
			order[j] = j
		}
		slices.SortFunc(order, func(x, y int) int { // by similarity, ties in member order
			if c := cmp.Compare(sims[y], sims[x]); c != 0 {
				return c
			}
			return x - y
		})
		for _, j := range order[:min(len(order), o.Representatives)] {
			t.Representative = append(t.Representative, b.ids[ms[j]])
		}
		res.Topics = append(res.Topics, t)
	}
	slices.SortFunc(res.Topics, func(x, y Topic) int { return x.ID - y.ID })
}

// label joins the first three top terms.
func label(terms []string) string {
	return strings.Join(terms[:min(3, len(terms))], ", ")
}

func minDay(a, b int32) int32 {
	switch {
	case a == NoDay:
		return b
	case b == NoDay:
		return a
	}
	return min(a, b)
}

func maxDay(a, b int32) int32 {
	switch {
	case a == NoDay:
		return b
	case b == NoDay:
		return a
	}
	return max(a, b)
}

// termWeight is one top term of a topic.
type termWeight struct {
	col int
	w   float64
}

// before orders top terms: by weight, higher first, then by column.
func before(x, y termWeight) bool {
	return x.w > y.w || x.w == y.w && x.col < y.col
}

// ctfidf returns the top n terms of each of k topics by class-based TF-IDF (BERTopic's
// W(t,c) = tf(t,c)/|c| · ln(1 + A/f(t)), with A the mean number of kept words per topic and
// f(t) the occurrences of t over all topics). Outliers take no part. Ties: the lower column.
func ctfidf(b *Builder, v *vocabulary, topicOf func(int) int, k, n int) [][]termWeight {
	cols := len(v.keys)
	tf := make([][]float64, k) // sparse per topic would save memory; k×cols is small next to the corpus
	words := make([]float64, k)
	f := make([]float64, cols)
	for a := range tf {
		tf[a] = make([]float64, cols)
	}
	for i := 0; i < b.Len(); i++ {
		a := topicOf(i)
		if a < 0 {
			continue
		}
		ent, cnt := b.doc(i)
		for j, tid := range ent {
			c := v.col[tid]
			if c < 0 {
				continue
			}
			tf[a][c] += float64(cnt[j])
			words[a] += float64(cnt[j])
			f[c] += float64(cnt[j])
		}
	}
	nonEmpty, total := 0, 0.0
	for _, w := range words {
		if w > 0 {
			nonEmpty++
			total += w
		}
	}
	out := make([][]termWeight, k)
	if nonEmpty == 0 {
		return out
	}
	avg := total / float64(nonEmpty)
	for a := 0; a < k; a++ {
		if words[a] == 0 {
			continue
		}
		// the n best by weight, ties by column: columns are distinct, so this is a total
		// order, and keeping the n best in order as the columns go by gives what sorting
		// all of them would
		best := make([]termWeight, 0, n+1)
		for c, x := range tf[a] {
			if x <= 0 {
				continue
			}
			tw := termWeight{c, x / words[a] * math.Log(1+avg/f[c])}
			if len(best) == n && !before(tw, best[n-1]) {
				continue
			}
			i := len(best)
			for i > 0 && before(tw, best[i-1]) {
				i--
			}
			best = slices.Insert(best, i, tw)
			if len(best) > n {
				best = best[:n]
			}
		}
		out[a] = best
	}
	return out
}

// coherence returns, per topic, the mean NPMI over the pairs of its top terms, from document
// co-occurrence over the Builder's documents: NPMI(a,b) = ln(P(a,b)/(P(a)P(b))) / −ln P(a,b),
// −1 for a pair that never co-occurs and 1 for a pair present in every document. docs limits
// the count to those documents (nil: all). Up to workers goroutines count in parallel; the
// result does not depend on their number.
func coherence(b *Builder, v *vocabulary, top [][]termWeight, docs []int, workers int) []float64 {
	bitsOK := true // every topic has at most 64 top terms: count with bit masks
	for _, tws := range top {
		bitsOK = bitsOK && len(tws) <= 64
	}
	return coherenceCount(b, v, top, docs, workers, bitsOK)
}

// coherenceCount is coherence, counting with bit masks (countBits) or by sorting each
// document's top terms.
func coherenceCount(b *Builder, v *vocabulary, top [][]termWeight, docs []int, workers int, bitsOK bool) []float64 {
	k := len(top)
	where := make([][]slot, len(v.keys))
	for a, tws := range top {
		for i, tw := range tws {
			where[tw.col] = append(where[tw.col], slot{a, i})
		}
	}
	n := b.Len()
	if docs != nil {
		n = len(docs)
	}
	// counts per worker over contiguous ranges of documents, then summed: they are whole
	// numbers, so the sums do not depend on the split
	workers = max(1, min(workers, n/1000))
	coW := make([][][]float64, workers) // coW[w][a][i*n+j]
	dfW := make([][][]float64, workers)
	var wg sync.WaitGroup
	for w := range workers {
		coW[w], dfW[w] = make([][]float64, k), make([][]float64, k)
		for a, tws := range top {
			coW[w][a] = make([]float64, len(tws)*len(tws))
			dfW[w][a] = make([]float64, len(tws))
		}
		wg.Go(func() {
			co, df := coW[w], dfW[w]
			if bitsOK {
				countBits(b, v, top, where, docs, w*n/workers, (w+1)*n/workers, co, df)
				return
			}
			var hits []slot
			for di := w * n / workers; di < (w+1)*n/workers; di++ {
				d := di
				if docs != nil {
					d = docs[di]
				}
				ent, _ := b.doc(d)
				hits = hits[:0]
				for _, tid := range ent {
					if c := v.col[tid]; c >= 0 {
						hits = append(hits, where[c]...)
					}
				}
				slices.SortFunc(hits, func(x, y slot) int {
					if x.topic != y.topic {
						return x.topic - y.topic
					}
					return x.i - y.i
				})
				for x := range hits {
					h := hits[x]
					df[h.topic][h.i]++
					for y := x + 1; y < len(hits) && hits[y].topic == h.topic; y++ {
						co[h.topic][h.i*len(top[h.topic])+hits[y].i]++
					}
				}
			}
		})
	}
	wg.Wait()
	for w := 1; w < workers; w++ {
		for a := range top {
			floats.Add(coW[0][a], coW[w][a])
			floats.Add(dfW[0][a], dfW[w][a])
		}
	}
	co, df := coW[0], dfW[0]
	out := make([]float64, k)
	for a, tws := range top {
		m := len(tws)
		sum, pairs := 0.0, 0
		for i := 0; i < m; i++ {
			for j := i + 1; j < m; j++ {
				pairs++
				cij := co[a][i*m+j]
				if cij == 0 {
					sum--
					continue
				}
				pij := cij / float64(n)
				if pij >= 1 {
					sum++
					continue
				}
				pi, pj := df[a][i]/float64(n), df[a][j]/float64(n)
				sum += math.Log(pij/(pi*pj)) / -math.Log(pij)
			}
		}
		if pairs > 0 {
			out[a] = sum / float64(pairs)
		}
	}
	return out
}

// slot is one top term of one topic: the topic and the term's rank.
type slot struct{ topic, i int }

// countBits is coherence's count over documents docs[lo:hi] (or lo..hi−1 when docs is nil)
// for topics of at most 64 top terms: per document, a bit mask per topic of the top terms it
// holds; each document holds a column once, so its masks count what sorting its slots would.
func countBits(b *Builder, v *vocabulary, top [][]termWeight, where [][]slot, docs []int, lo, hi int, co, df [][]float64) {
	masks := make([]uint64, len(top))
	var touched []int
	for di := lo; di < hi; di++ {
		d := di
		if docs != nil {
			d = docs[di]
		}
		ent, _ := b.doc(d)
		touched = touched[:0]
		for _, tid := range ent {
			c := v.col[tid]
			if c < 0 {
				continue
			}
			for _, sl := range where[c] {
				if masks[sl.topic] == 0 {
					touched = append(touched, sl.topic)
				}
				masks[sl.topic] |= 1 << sl.i
			}
		}
		for _, a := range touched {
			m := masks[a]
			masks[a] = 0
			row, stride := co[a], len(top[a])
			for x := m; x != 0; x &= x - 1 {
				i := bits.TrailingZeros64(x)
				df[a][i]++
				for y := x & (x - 1); y != 0; y &= y - 1 {
					row[i*stride+bits.TrailingZeros64(y)]++
				}
			}
		}
	}
}
