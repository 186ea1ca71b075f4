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
	buf     []byte
	keys    string
	keyEnd  []int32
	stems   []string
	bestEnd []int32
	bestEnt []int32
	covered []int32
	touched []int32
	active  []int32
	next    []int32
}

// Key returns the matching key of token i of the document last passed to Match.
func (s *Scratch) Key(i int) string {
	start := int32(0)
	if i > 0 {
		start = s.keyEnd[i-1]
	}
	return s.keys[start:s.keyEnd[i]]
}

// Stem returns hindi.Stem of token i's key, for the document last passed to Match.
func (s *Scratch) Stem(i int) string { return s.stems[i] }

// prepare copies the token keys of d into one string (one allocation per document) so that
// keys and stems are substrings that map lookups take without allocating.
func (s *Scratch) prepare(d *hindi.Doc) {
	s.buf = s.buf[:0]
	s.keyEnd = s.keyEnd[:0]
	for i := range d.Tokens {
		s.buf = append(s.buf, d.Key(i)...)
		s.keyEnd = append(s.keyEnd, int32(len(s.buf)))
	}
	s.keys = string(s.buf)
	s.stems = s.stems[:0]
	for i := range d.Tokens {
		s.stems = append(s.stems, hindi.Stem(s.Key(i)))
	}
}

// Match appends to dst the matches of l's entries in d and returns the extended slice.
// For every slot (each category, each tone list and each modifier class) matches are
// leftmost-longest and do not overlap; matches of different slots may overlap (a war phrase
// and a threat word inside it are both found). A phrase matches consecutive tokens of one
// sentence. Matches are in order of Start, then of slot (category order, positive, negative,
// @negator, @intensifier, @diminisher, @contrast).
//
// The time is linear in the number of tokens (each start walks at most the depth of the
// longest phrase), and apart from one copy of the keys per document nothing is allocated
// once s's buffers have grown.
func (l *Lexicon) Match(dst []Match, d *hindi.Doc, s *Scratch) []Match {
	s.prepare(d)
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
	root := &l.nodes[0]
	toks := d.Tokens
	for i := range toks {
		// Fast path: most tokens start nothing.
		c1, ok1 := root.exact[s.Key(i)]
		c2, ok2 := root.stem[s.stems[i]]
		if !ok1 && !ok2 {
			continue
		}
		s.active = s.active[:0]
		if ok1 {
			s.active = append(s.active, c1)
		}
		if ok2 {
			s.active = append(s.active, c2)
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
			if j >= len(toks) || toks[j].Sentence != sent {
				break
			}
			s.next = s.next[:0]
			k, st := s.Key(j), s.stems[j]
			for _, n := range s.active {
				nd := &l.nodes[n]
				if c, ok := nd.exact[k]; ok {
					s.next = append(s.next, c)
				}
				if c, ok := nd.stem[st]; ok {
					s.next = append(s.next, c)
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
