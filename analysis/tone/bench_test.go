package tone

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/internal/shareddata"

	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/lexicon"
)

// benchText returns about 1 MB of real news text from ../shared/data when present, else
// the test sentences repeated.
func benchText(b *testing.B) string {
	const size = 1 << 20
	var sb strings.Builder
	if data := sharedDataDir(); data != "" {
		files, _ := filepath.Glob(filepath.Join(data, "news", "covid2020", "*", "*", "*.txt"))
		for _, f := range files {
			if sb.Len() >= size {
				break
			}
			if raw, err := os.ReadFile(f); err == nil {
				sb.Write(raw)
			}
		}
	}
	for sb.Len() < size {
		sb.WriteString("भारत और पाकिस्तान के बीच सीमा पर भारी गोलीबारी के बाद युद्ध का खतरा बढ़ गया है, लेकिन दोनों देशों ने शांति वार्ता जारी रखने और आपसी सहयोग का समझौता किया। ")
		sb.WriteString("सरकार ने कहा कि हमला नहीं होगा और महंगाई पर काबू पाने के लिए नई योजना शुरू की जाएगी। ")
	}
	return sb.String()
}

// sharedDataDir returns ../shared/data relative to the module root, or "".
func sharedDataDir() string { d, _ := shareddata.Lookup(); return d }

// benchScorer uses the lexicon files listed in $DRISHTI_BENCH_LEXICON (separated by
// commas), else the default lexicon when it is built in, else the test lexicon.
func benchScorer(b *testing.B) *Scorer {
	if files := os.Getenv("DRISHTI_BENCH_LEXICON"); files != "" {
		l, err := lexicon.Load(lexicon.Options{NoDefault: true}, strings.Split(files, ",")...)
		if err != nil {
			b.Fatal(err)
		}
		return NewScorer(l, Options{})
	}
	if l, err := lexicon.Default(); err == nil {
		return NewScorer(l, Options{})
	}
	return newTestScorer(b)
}

// BenchmarkTokenize and BenchmarkTokenizeScore run on the same text: their ratio is what
// scoring adds to tokenizing (the goal is at most 1.3).
func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	var (
		a hindi.Analyzer
		d hindi.Doc
	)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		a.Analyze(&d, text)
	}
}

func BenchmarkTokenizeScore(b *testing.B) {
	text := benchText(b)
	s := benchScorer(b)
	var (
		a   hindi.Analyzer
		d   hindi.Doc
		res Result
	)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		a.Analyze(&d, text)
		s.Score(&d, &res)
	}
}

func BenchmarkScore(b *testing.B) {
	text := benchText(b)
	s := benchScorer(b)
	var (
		a   hindi.Analyzer
		d   hindi.Doc
		res Result
	)
	a.Analyze(&d, text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		s.Score(&d, &res)
	}
}
