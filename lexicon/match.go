package lexicon

import "github.com/drishti-news/drishti/analysis/hindi"

// Match is one match of an entry in a document: tokens [Start, End) of the hindi.Doc.
type Match struct {
	Start, End int
	Entry      int // index into Lexicon.Entries
}

// Scratch holds the buffers of Match for one goroutine. The zero value is ready to use;
// reuse it across documents to avoid allocation.
type Scratch struct {
	vocab   vocab
	bestEnd []int32
	bestEnt []int32
	covered []int32
	touched []int32
	active  []int32
	next    []int32
}

// Match appends to dst the matches of l's entries in d and returns the extended slice.
// For every slot (each category, each tone list and each modifier class) matches are
// leftmost-longest and do not overlap; matches of different slots may overlap (a war phrase
// and a threat word inside it are both found). A phrase matches consecutive tokens of one
// sentence. Matches are in order of Start, then of slot (category order, positive, negative,
// @negator, @intensifier, @diminisher, @contrast).
//
// The time is linear in the number of tokens (each start walks at most the depth of the
// longest phrase). Nothing is allocated per token: s remembers the words it has seen in
// buffers that grow now and then (up to about 65,000 words, then it starts afresh).
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
	for i := range toks {
		// Fast paths: most tokens start nothing, the commonest are short, and most words
		// were seen before.
		if l.startKinds&(1<<toks[i].Kind) == 0 {
			continue
		}
		key := d.Key(i)
		if l.short.rejects(key) {
			continue
		}
		r := s.vocab.edges(l, key)
		if r.exact < 0 && r.stem < 0 {
			continue
		}
		s.active = s.active[:0]
		if r.exact >= 0 {
			s.active = append(s.active, r.exact)
		}
		if r.stem >= 0 {
			s.active = append(s.active, r.stem)
		}
		s.touched = s.touched[:0]
		sent := toks[i].Sentence
		for j := i; ; {
			for _, n := range s.active {
				for _, e := range l.nodes[n].ents {
					slot := l.slotOf[e]
					if s.bestEnd[slot] < 0 {
						s.touched = append(s.touched, slot)
					}
					if s.bestEnd[slot] < int32(j+1) {
						s.bestEnd[slot], s.bestEnt[slot] = int32(j+1), e
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
			k := d.Key(j)
			var st []byte
			for _, n := range s.active {
				nd := &l.nodes[n]
				if c, ok := nd.exact[string(k)]; ok {
					s.next = append(s.next, c)
				}
				if len(nd.stem) > 0 {
					if st == nil {
						st = hindi.StemBytes(k)
					}
					if c, ok := nd.stem[string(st)]; ok {
						s.next = append(s.next, c)
					}
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
