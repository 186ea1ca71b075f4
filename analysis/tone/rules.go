package tone

import (
	"encoding/binary"

	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/lexicon"
)

// Word classes of the clause rules, by matching key.
const (
	wordPostposition      = 1 << iota // not counted in the word windows
	wordConjunction                   // ends a clause
	wordAmbiguousContrast             // a contrast word only at the start of a clause
	wordCessation                     // a verb of stopping, passing or ending
	wordOnly                          // "only": न सिर्फ, न केवल are "not only"
)

// grammarWords lists the grammar words the rules know, with their classes:
//
//   - postpositions are not counted in the word windows of negation and intensity: "हमले
//     की योजना नहीं" has the negator two words after हमले, not three;
//   - conjunctions end a clause: a negator or intensifier does not reach across them;
//   - "पर" (on / but) is a contrast word only at the start of a clause (after punctuation
//     or at the start of the sentence): "हमला हुआ, पर कोई घायल नहीं" is a contrast, "भारत
//     पर हमला" is not.
//   - a negator beside a verb of stopping, passing or ending negates the verb, and a
//     negated end asserts what goes on: "हमले नहीं रुके" (the attacks did not stop),
//     "ख़तरा टला नहीं" (the danger has not passed), "आतंकवाद ख़त्म नहीं हुआ" do not negate
//     हमले, ख़तरा or आतंकवाद. When the verb is part of the hit ("संकट ख़त्म", the crisis is
//     over, a positive phrase), the negator negates the hit as usual;
//   - a negator right before "only" (न सिर्फ, न केवल: "not only … but also") negates
//     nothing: "न सिर्फ हमला किया, बल्कि …" asserts the attack.
//   - a negator between a word and its repetition ("कहीं न कहीं", somewhere or other;
//     "किसी न किसी", "कभी न कभी") makes an indefinite, not a negation.
var grammarWords = []struct {
	word  string
	class uint8
}{
	{"का", wordPostposition}, {"की", wordPostposition}, {"के", wordPostposition},
	{"में", wordPostposition}, {"से", wordPostposition}, {"को", wordPostposition},
	{"ने", wordPostposition}, {"तक", wordPostposition}, {"लिए", wordPostposition},
	{"द्वारा", wordPostposition}, {"पर", wordPostposition | wordAmbiguousContrast},
	{"और", wordConjunction}, {"तथा", wordConjunction}, {"एवं", wordConjunction},
	{"व", wordConjunction}, {"या", wordConjunction}, {"अथवा", wordConjunction},
	{"कि", wordConjunction}, {"क्योंकि", wordConjunction}, {"जबकि", wordConjunction},
	{"ताकि", wordConjunction}, {"इसलिए", wordConjunction}, {"अतः", wordConjunction},
	{"फिर", wordConjunction}, {"जब", wordConjunction}, {"तब", wordConjunction},
	{"यदि", wordConjunction}, {"अगर", wordConjunction}, {"तो", wordConjunction},
	{"वरना", wordConjunction},
	// Verbs of stopping, passing or ending, in the forms that stand beside a negator.
	{"रुका", wordCessation}, {"रुकी", wordCessation}, {"रुके", wordCessation},
	{"रुक", wordCessation}, {"रुकेगा", wordCessation}, {"रुकेगी", wordCessation},
	{"रुकेंगे", wordCessation}, {"रोका", wordCessation}, {"रोकी", wordCessation},
	{"रोके", wordCessation}, {"रोक", wordCessation}, {"थमा", wordCessation},
	{"थमी", wordCessation}, {"थमे", wordCessation}, {"थम", wordCessation},
	{"थमेगा", wordCessation}, {"थमेगी", wordCessation}, {"थमेंगे", wordCessation},
	{"टला", wordCessation}, {"टली", wordCessation}, {"टले", wordCessation},
	{"टल", wordCessation}, {"टाला", wordCessation}, {"टाली", wordCessation},
	{"टाले", wordCessation}, {"टाल", wordCessation}, {"खत्म", wordCessation},
	{"समाप्त", wordCessation}, {"बंद", wordCessation},
	{"सिर्फ", wordOnly}, {"केवल", wordOnly},
}

// grammarTable holds grammarWords by the hash of their keys (hindi.HashKey, the hash a Doc
// holds for each token), so that a token's class costs one probe with the hash its Doc
// holds; its key is read only when the hash is a grammar word's, to confirm it.
type grammarTable [128]struct {
	h     uint64
	word  string // "": empty
	class uint8
	// The word's bytes as three little-endian words, zero-padded, and the masks of its
	// length: a key is confirmed by three loads where a string comparison costs a call.
	w, m [3]uint64
}

func (t *grammarTable) slot(h uint64) uint64 { return h >> 57 }

// lookup returns the class of a key whose hash is h; key returns the key, called only to
// confirm a hash that is a grammar word's.
func (t *grammarTable) lookup(h uint64, key func() []byte) uint8 {
	for i := t.slot(h); ; i = (i + 1) & (uint64(len(t)) - 1) {
		g := &t[i]
		if g.word == "" {
			return 0
		}
		if g.h == h && string(key()) == g.word {
			return g.class
		}
	}
}

// lookupAt is lookup of the key keys[s:e]: where the buffer holds 24 bytes from s, the key
// is compared with a grammar word's by words (see grammarTable).
func (t *grammarTable) lookupAt(h uint64, keys []byte, s, e int) uint8 {
	for i := t.slot(h); ; i = (i + 1) & (uint64(len(t)) - 1) {
		g := &t[i]
		if g.word == "" {
			return 0
		}
		if g.h != h || e-s != len(g.word) {
			continue
		}
		if s+24 <= len(keys) && len(g.word) <= 24 {
			k := keys[s : s+24 : s+24]
			if binary.LittleEndian.Uint64(k)&g.m[0] == g.w[0] &&
				binary.LittleEndian.Uint64(k[8:])&g.m[1] == g.w[1] &&
				binary.LittleEndian.Uint64(k[16:])&g.m[2] == g.w[2] {
				return g.class
			}
		} else if string(keys[s:e]) == g.word {
			return g.class
		}
	}
}

// grammarClasses is the read-only table of grammarWords.
var grammarClasses = func() (t grammarTable) {
	for _, g := range grammarWords {
		h := hindi.HashKey([]byte(g.word))
		i := t.slot(h)
		for t[i].word != "" {
			i = (i + 1) & (uint64(len(t)) - 1)
		}
		t[i].h, t[i].word, t[i].class = h, g.word, g.class
		var b [24]byte
		copy(b[:], g.word) // a longer word is compared as a string (see lookupAt)
		for k := range 3 {
			t[i].w[k] = binary.LittleEndian.Uint64(b[8*k:])
			if n := len(g.word) - 8*k; n >= 8 {
				t[i].m[k] = ^uint64(0)
			} else if n > 0 {
				t[i].m[k] = 1<<(8*n) - 1
			}
		}
	}
	return t
}()

// wordClass returns the class of a key among grammarWords (0 for any other key).
func wordClass(key []byte) uint8 {
	return grammarClasses.lookup(hindi.HashKey(key), func() []byte { return key })
}

// class returns the word class of token j.
func (res *Result) class(d *hindi.Doc, j int) uint8 {
	keys, ends := d.Keys()
	s := 0
	if j > 0 {
		s = int(ends[j-1])
	}
	return grammarClasses.lookupAt(res.hashes[j], keys, s, int(ends[j]))
}

// isInnerPunct reports whether a punctuation token, of key key, stays inside a clause:
// hyphens, slashes and quotation marks (lexicon.IsQuote). The windows read through quotes
// as phrases match through them: "'सबसे' खतरनाक" is intensified like "सबसे खतरनाक".
func isInnerPunct(key []byte) bool {
	switch string(key) {
	case "-", "‐", "‑", "/":
		return true
	}
	return lexicon.IsQuote(key)
}

// look reports whether token j ends or begins a clause (a punctuation mark, a conjunction
// or a contrast word that applies) and whether it counts toward a word window (a word that
// is not a postposition).
func (s *Scorer) look(d *hindi.Doc, res *Result, j int) (boundary, counts bool) {
	t := &d.Tokens[j]
	if t.Kind == hindi.Punct {
		return !isInnerPunct(d.Key(j)), false
	}
	c := res.class(d, j)
	if c&wordConjunction != 0 {
		return true, false
	}
	if mk := res.mark[j]; mk > 0 && s.class[res.matches[mk-1].Entry] == classContrast {
		return true, false
	}
	return false, isWordKind[t.Kind] != 0 && c&wordPostposition == 0
}

// contrastApplies reports whether a contrast word at token i counts (see grammarWords):
// quotation marks before it are read through ("'भारत' पर हमला" is no contrast).
func (s *Scorer) contrastApplies(d *hindi.Doc, res *Result, i int) bool {
	if res.class(d, i)&wordAmbiguousContrast == 0 {
		return true
	}
	sent := d.Tokens[i].Sentence
	j := i - 1
	for j >= 0 && d.Tokens[j].Sentence == sent && lexicon.IsQuote(d.Key(j)) {
		j--
	}
	if j < 0 || d.Tokens[j].Sentence != sent {
		return true
	}
	return d.Tokens[j].Kind == hindi.Punct
}

// modifierAt returns the class and weight of the modifier covering token j, if any.
func (s *Scorer) modifierAt(res *Result, j int) (class int32, w float64, ok bool) {
	mk := res.mark[j]
	if mk == 0 {
		return 0, 0, false
	}
	e := res.matches[mk-1].Entry
	return s.hit[e].class, s.hit[e].weight, true
}

// negation looks for a negator within the clause of match m: up to NegationBefore words
// before it (if left) and NegationAfter words after it (if right). It returns the
// negator's weight.
func (s *Scorer) negation(d *hindi.Doc, res *Result, m lexicon.Match, left, right bool) (float64, bool) {
	sent := d.Tokens[m.Start].Sentence
	// Before: scan left.
	words := 0
	for j := m.Start - 1; left && j >= 0 && d.Tokens[j].Sentence == sent && words < s.opt.NegationBefore; j-- {
		boundary, counts := s.look(d, res, j)
		if boundary {
			break
		}
		if c, w, ok := s.modifierAt(res, j); ok {
			if c == classNegator && !negatesOther(d, res, j, m) {
				return w, true
			}
			continue // other modifiers do not use up the window
		}
		if counts {
			words++
		}
	}
	// After: scan right.
	words = 0
	for j := m.End; right && j < len(d.Tokens) && d.Tokens[j].Sentence == sent && words < s.opt.NegationAfter; j++ {
		boundary, counts := s.look(d, res, j)
		if boundary {
			break
		}
		if c, w, ok := s.modifierAt(res, j); ok {
			if c == classNegator && !negatesOther(d, res, j, m) {
				return w, true
			}
			continue
		}
		if counts {
			words++
		}
	}
	return 1, false
}

// negatesOther reports whether the negator covering token j negates something other than
// match m (see grammarWords): a verb of stopping, passing or ending right before or after
// it, in its sentence and outside m, or "only" right after it ("not only"); or whether it
// negates nothing, standing between a word and its repetition ("कहीं न कहीं": its last
// token between two tokens of one key).
func negatesOther(d *hindi.Doc, res *Result, j int, m lexicon.Match) bool {
	n := res.matches[res.mark[j]-1]
	sent := d.Tokens[n.Start].Sentence
	if b, a := n.End-2, n.End; b >= 0 && a < len(d.Tokens) && d.Tokens[a].Sentence == sent &&
		res.hashes[b] == res.hashes[a] && string(d.Key(b)) == string(d.Key(a)) && d.Tokens[a].Kind != hindi.Punct {
		return true
	}
	for _, k := range [...]int{n.Start - 1, n.End} {
		if k < 0 || k >= len(d.Tokens) || d.Tokens[k].Sentence != sent || k >= m.Start && k < m.End {
			continue
		}
		c := res.class(d, k)
		if c&wordCessation != 0 || k == n.End && c&wordOnly != 0 {
			return true
		}
	}
	return false
}

// intensity multiplies the weights of the intensifiers and diminishers within
// IntensifierWindow words before match m, in its clause.
func (s *Scorer) intensity(d *hindi.Doc, res *Result, m lexicon.Match) float64 {
	sent := d.Tokens[m.Start].Sentence
	f := 1.0
	words := 0
	for j := m.Start - 1; j >= 0 && d.Tokens[j].Sentence == sent && words < s.opt.IntensifierWindow; j-- {
		boundary, counts := s.look(d, res, j)
		if boundary {
			break
		}
		if c, w, ok := s.modifierAt(res, j); ok {
			if c == classIntensifier || c == classDiminisher {
				f *= w
				// Skip to the modifier's first token, so a phrase counts once.
				j = res.matches[res.mark[j]-1].Start
				words++
			}
			continue
		}
		if counts {
			words++
		}
	}
	return f
}
