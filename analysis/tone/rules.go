package tone

import (
	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/lexicon"
)

// Word classes of the clause rules, by matching key.
const (
	wordPostposition      = 1 << iota // not counted in the word windows
	wordConjunction                   // ends a clause
	wordAmbiguousContrast             // a contrast word only at the start of a clause
	wordKnown                         // memo bit: the token's class has been looked up
)

// wordClass returns the class of a key among the grammar words the rules know:
//
//   - postpositions are not counted in the word windows of negation and intensity: "हमले
//     की योजना नहीं" has the negator two words after हमले, not three;
//   - conjunctions end a clause: a negator or intensifier does not reach across them;
//   - "पर" (on / but) is a contrast word only at the start of a clause (after punctuation
//     or at the start of the sentence): "हमला हुआ, पर कोई घायल नहीं" is a contrast, "भारत
//     पर हमला" is not.
//
// Keys of up to 7 bytes (one or two Devanagari code points: most grammar words, and the
// commonest tokens) are looked up in a small table by their bytes packed into one word;
// longer keys go through a switch on string(key), which neither allocates nor hashes.
func wordClass(key []byte) uint8 {
	if len(key) <= 7 {
		return shortWordClasses.lookup(key)
	}
	switch string(key) {
	case "में", "लिए", "द्वारा":
		return wordPostposition
	case "तथा", "एवं", "अथवा", "क्योंकि", "जबकि", "ताकि", "इसलिए", "अतः", "फिर", "यदि", "अगर", "वरना":
		return wordConjunction
	}
	return 0
}

// grammarWords lists the grammar words of up to 7 bytes with their classes (the longer
// ones are in wordClass's switch).
var grammarWords = []struct {
	word  string
	class uint8
}{
	{"का", wordPostposition}, {"की", wordPostposition}, {"के", wordPostposition},
	{"से", wordPostposition}, {"को", wordPostposition}, {"ने", wordPostposition},
	{"तक", wordPostposition}, {"पर", wordPostposition | wordAmbiguousContrast},
	{"और", wordConjunction}, {"व", wordConjunction}, {"या", wordConjunction},
	{"कि", wordConjunction}, {"जब", wordConjunction}, {"तब", wordConjunction},
	{"तो", wordConjunction},
}

// shortTable is an open-addressing table of keys of up to 7 bytes, packed with their
// length into one word (see pack).
type shortTable [64]struct {
	key   uint64 // 0: empty
	class uint8
}

// pack packs a key of up to 7 bytes and its length into one word, never 0.
func pack(key []byte) uint64 {
	w := uint64(len(key)+1) << 56
	for i, b := range key {
		w |= uint64(b) << (8 * i)
	}
	return w
}

func (t *shortTable) slot(w uint64) int { return int((w * 0x9e3779b97f4a7c15) >> 58) }

func (t *shortTable) lookup(key []byte) uint8 {
	w := pack(key)
	for i := t.slot(w); ; i = (i + 1) & (len(t) - 1) {
		if t[i].key == w {
			return t[i].class
		}
		if t[i].key == 0 {
			return 0
		}
	}
}

// shortWordClasses is the read-only table of grammarWords.
var shortWordClasses = func() (t shortTable) {
	for _, g := range grammarWords {
		w := pack([]byte(g.word))
		i := t.slot(w)
		for t[i].key != 0 {
			i = (i + 1) & (len(t) - 1)
		}
		t[i].key, t[i].class = w, g.class
	}
	return t
}()

// class returns the word class of token j, looked up once per document.
func (res *Result) class(d *hindi.Doc, j int) uint8 {
	c := res.classes[j]
	if c&wordKnown == 0 {
		c = wordClass(d.Key(j)) | wordKnown
		res.classes[j] = c
	}
	return c
}

// isInnerPunct reports whether a punctuation token stays inside a clause (hyphens,
// slashes, apostrophes).
func isInnerPunct(s string) bool {
	switch s {
	case "-", "‐", "‑", "/", "'", "’", "‘":
		return true
	}
	return false
}

// boundary reports whether token j ends or begins a clause: a punctuation mark, a
// conjunction or a contrast word that applies.
func (s *Scorer) boundary(d *hindi.Doc, res *Result, j int) bool {
	t := d.Tokens[j]
	if t.Kind == hindi.Punct {
		return !isInnerPunct(d.Text[t.Start:t.End])
	}
	if res.class(d, j)&wordConjunction != 0 {
		return true
	}
	if mk := res.mark[j]; mk > 0 && s.class[res.matches[mk-1].Entry] == classContrast {
		return true
	}
	return false
}

// contrastApplies reports whether a contrast word at token i counts (see wordClasses).
func (s *Scorer) contrastApplies(d *hindi.Doc, res *Result, i int) bool {
	if res.class(d, i)&wordAmbiguousContrast == 0 {
		return true
	}
	if i == 0 || d.Tokens[i-1].Sentence != d.Tokens[i].Sentence {
		return true
	}
	return d.Tokens[i-1].Kind == hindi.Punct
}

// modifierAt returns the class and weight of the modifier covering token j, if any.
func (s *Scorer) modifierAt(res *Result, j int) (class int32, w float64, ok bool) {
	mk := res.mark[j]
	if mk == 0 {
		return 0, 0, false
	}
	e := res.matches[mk-1].Entry
	return s.class[e], s.lex.Entries()[e].Weight, true
}

// counts reports whether token j counts toward a word window.
func counts(d *hindi.Doc, res *Result, j int) bool {
	switch d.Tokens[j].Kind {
	case hindi.Word, hindi.Latin, hindi.Number:
		return res.class(d, j)&wordPostposition == 0
	}
	return false
}

// negation looks for a negator within the clause of match m: up to NegationBefore words
// before it and NegationAfter words after it. It returns the negator's weight.
func (s *Scorer) negation(d *hindi.Doc, res *Result, m lexicon.Match) (float64, bool) {
	sent := d.Tokens[m.Start].Sentence
	// Before: scan left.
	words := 0
	for j := m.Start - 1; j >= 0 && d.Tokens[j].Sentence == sent && words < s.opt.NegationBefore; j-- {
		if s.boundary(d, res, j) {
			break
		}
		if c, w, ok := s.modifierAt(res, j); ok {
			if c == classNegator {
				return w, true
			}
			continue // other modifiers do not use up the window
		}
		if counts(d, res, j) {
			words++
		}
	}
	// After: scan right.
	words = 0
	for j := m.End; j < len(d.Tokens) && d.Tokens[j].Sentence == sent && words < s.opt.NegationAfter; j++ {
		if s.boundary(d, res, j) {
			break
		}
		if c, w, ok := s.modifierAt(res, j); ok {
			if c == classNegator {
				return w, true
			}
			continue
		}
		if counts(d, res, j) {
			words++
		}
	}
	return 1, false
}

// intensity multiplies the weights of the intensifiers and diminishers within
// IntensifierWindow words before match m, in its clause.
func (s *Scorer) intensity(d *hindi.Doc, res *Result, m lexicon.Match) float64 {
	sent := d.Tokens[m.Start].Sentence
	f := 1.0
	words := 0
	for j := m.Start - 1; j >= 0 && d.Tokens[j].Sentence == sent && words < s.opt.IntensifierWindow; j-- {
		if s.boundary(d, res, j) {
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
		if counts(d, res, j) {
			words++
		}
	}
	return f
}
