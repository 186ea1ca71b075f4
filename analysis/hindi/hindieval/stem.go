package hindieval

import "github.com/drishti-news/drishti/analysis/hindi"

// StemResult says how often stems agree with gold lemmas, over words that are not
// punctuation, symbols or numbers.
type StemResult struct {
	Words int
	// Unstemmed counts words whose key already equals the lemma's key (the baseline).
	Unstemmed int
	// Exact counts words whose stem equals the lemma's key.
	Exact int
	// Conflated counts words whose stem equals the stem of the lemma's key: the stemmer
	// maps the word and its lemma to one feature, which is what topic features need.
	Conflated int
}

// StemAgreement compares hindi.Stem with the gold lemmas of sents.
func StemAgreement(sents []Sentence) StemResult {
	var r StemResult
	for _, s := range sents {
		for _, w := range s.Words {
			switch w.UPOS {
			case "PUNCT", "SYM", "NUM", "X":
				continue
			}
			if w.Lemma == "" || w.Lemma == "_" {
				continue
			}
			k, lk := hindi.Key(w.Form), hindi.Key(w.Lemma)
			st := hindi.Stem(k)
			r.Words++
			if k == lk {
				r.Unstemmed++
			}
			if st == lk {
				r.Exact++
			}
			if st == hindi.Stem(lk) {
				r.Conflated++
			}
		}
	}
	return r
}
