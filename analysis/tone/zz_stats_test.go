package tone

import (
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

func BenchmarkZZStats(b *testing.B) {
	text := benchText(b)
	s := benchScorer(b)
	var (
		a   hindi.Analyzer
		d   hindi.Doc
		res Result
	)
	a.Analyze(&d, text)
	s.Score(&d, &res)
	b.Logf("bytes %d tokens %d matches %d hits %d", len(text), len(d.Tokens), len(res.matches), len(res.Hits))
	for b.Loop() {
	}
}
