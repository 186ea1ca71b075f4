package hindi

import (
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/sample"
)

// stemLenLinear is the plain reading of the stemmer: every suffix, longest first.
func stemLenLinear(key string) int {
	n := 0
	for i := 0; i < len(key); i++ {
		if key[i]&0xC0 != 0x80 {
			n++
		}
	}
	if n <= MinStem {
		return len(key)
	}
	for _, suf := range stemSuffixes {
		if n-suf.runes >= MinStem && strings.HasSuffix(key, suf.s) {
			return len(key) - len(suf.s)
		}
	}
	return len(key)
}

// TestStemIndexAgrees checks the suffix index against the linear reading on every word of the
// sample corpus and on every suffix after stems of several lengths.
func TestStemIndexAgrees(t *testing.T) {
	var a Analyzer
	var d Doc
	a.Analyze(&d, string(sample.Articles()))
	keys := map[string]bool{}
	for i := range d.Tokens {
		keys[string(d.Key(i))] = true
	}
	for _, stem := range []string{"क", "घर", "लडक", "सरकार", "abc", "१२"} {
		for _, suf := range stemSuffixes {
			keys[stem+suf.s] = true
			keys[suf.s] = true
		}
	}
	for k := range keys {
		if got, want := stemLen(k), stemLenLinear(k); got != want {
			t.Errorf("Stem(%q) = %q, want %q", k, k[:got], k[:want])
		}
	}
}
