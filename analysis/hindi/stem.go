package hindi

import "unicode/utf8"

// MinStem is the fewest code points a stem keeps: a suffix is stripped only when at least
// MinStem code points remain (Apache Lucene's rendering of the stemmer uses the same bound).
const MinStem = 2

// stemSuffixes are the 67 inflectional suffixes of Ramanathan & Rao (2003), longest first,
// written as matching keys: the candrabindu forms (ाइयाँ, ियाँ, ाँ) fold into their anusvara
// twins, so 64 distinct suffixes remain.
var stemSuffixes = func() []stemSuffix {
	groups := [][]string{
		{"ाएंगी", "ाएंगे", "ाऊंगी", "ाऊंगा", "ाइयाँ", "ाइयों", "ाइयां"},
		{"ाएगी", "ाएगा", "ाओगी", "ाओगे", "एंगी", "ेंगी", "एंगे", "ेंगे", "ूंगी", "ूंगा", "ातीं", "नाओं", "नाएं", "ताओं", "ताएं", "ियाँ", "ियों", "ियां"},
		{"ाकर", "ाइए", "ाईं", "ाया", "ेगी", "ेगा", "ोगी", "ोगे", "ाने", "ाना", "ाते", "ाती", "ाता", "तीं", "ाओं", "ाएं", "ुओं", "ुएं", "ुआं"},
		{"कर", "ाओ", "िए", "ाई", "ाए", "ने", "नी", "ना", "ते", "ीं", "ती", "ता", "ाँ", "ां", "ों", "ें"},
		{"ो", "े", "ू", "ु", "ी", "ि", "ा"},
	}
	var out []stemSuffix
	seen := map[string]bool{}
	for _, g := range groups {
		for _, s := range g {
			k := string(AppendKey(nil, s))
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, stemSuffix{k, utf8.RuneCountInString(k)})
		}
	}
	return out
}()

// stemByLast lists stemSuffixes by their last code point (U+0900 + index), in the same
// longest-first order, so that stemLen compares a key only with the suffixes it can end in.
var stemByLast = func() (t [128][]stemSuffix) {
	for _, suf := range stemSuffixes {
		i := devaIndex(suf.s[len(suf.s)-3:])
		t[i] = append(t[i], suf)
	}
	return t
}()

// devaIndex returns the offset from U+0900 of the three-byte Devanagari code point b, or -1.
func devaIndex[T string | []byte](b T) int {
	if len(b) != 3 || b[0] != 0xE0 || (b[1] != 0xA4 && b[1] != 0xA5) {
		return -1
	}
	return int(b[1]-0xA4)<<6 | int(b[2]&0x3F)
}

type stemSuffix struct {
	s     string
	runes int
}

// Stem strips the longest matching inflectional suffix from a matching key, once, when at
// least MinStem code points remain (Ramanathan & Rao 2003 light stemmer: लडकियों → लडक,
// सरकारों → सरकार, जाएंगे → जा). It returns a prefix of key and never allocates. Pass keys
// (see [Key]), not raw text: the suffix table is written in key form.
func Stem(key string) string {
	return key[:stemLen(key)]
}

// StemBytes is [Stem] over a byte slice such as [Doc.Key]'s result: it returns a prefix of
// key, sharing its memory.
func StemBytes(key []byte) []byte {
	return key[:stemLen(key)]
}

// Inflections appends to dst every key whose [Stem] is stem and returns the extended slice:
// stem itself when Stem leaves it unchanged, and stem followed by each suffix that Stem
// would strip from the result. It is the exact inverse of Stem, so a matcher can list the
// inflected keys of a stem ahead of time instead of stemming every word it reads.
func Inflections(dst []string, stem string) []string {
	if Stem(stem) == stem {
		dst = append(dst, stem)
	}
	for _, suf := range stemSuffixes {
		if k := stem + suf.s; Stem(k) == stem {
			dst = append(dst, k)
		}
	}
	return dst
}

func stemLen[T string | []byte](key T) int {
	n := 0
	for i := 0; i < len(key); i++ {
		if key[i]&0xC0 != 0x80 {
			n++
		}
	}
	if n <= MinStem {
		return len(key)
	}
	if len(key) < 3 {
		return len(key)
	}
	last := devaIndex(key[len(key)-3:])
	if last < 0 {
		return len(key) // every suffix ends in a Devanagari sign or letter
	}
	for _, suf := range stemByLast[last] {
		if n-suf.runes >= MinStem && len(key) >= len(suf.s) && string(key[len(key)-len(suf.s):]) == suf.s {
			return len(key) - len(suf.s)
		}
	}
	return len(key)
}
