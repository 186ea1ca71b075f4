package hindi

import (
	_ "embed"
	"strings"
)

//go:embed stopwords.txt
var stopwordsText string

// stopwords is the set of keys of stopwords.txt; read-only after package initialization.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(stopwordsText, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for _, w := range strings.Fields(line) {
			m[Key(w)] = true
		}
	}
	return m
}()

// IsStopword reports whether key (a matching key, see [Key]) is a Hindi stopword: a
// postposition, pronoun, auxiliary, conjunction, particle or light verb from the curated
// list in stopwords.txt. The list serves topic features; tone must not drop these words.
func IsStopword(key string) bool { return stopwords[key] }

// IsStopwordBytes is [IsStopword] over a byte slice such as [Doc.Key]'s result; it does not
// allocate.
func IsStopwordBytes(key []byte) bool { return stopwords[string(key)] }

// Stopwords returns the keys of the stopword list in no particular order, for
// documentation and comparison.
func Stopwords() []string {
	out := make([]string, 0, len(stopwords))
	for k := range stopwords {
		out = append(out, k)
	}
	return out
}
