package topics

import (
	"context"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// newsBuilder analyses the JSONL corpus named by $DRISHTI_NEWS_JSONL (title + text, as
// make-corpus writes it) and returns its Builder, or skips.
func newsBuilder(tb testing.TB) *Builder {
	tb.Helper()
	f := openNews(tb)
	defer f.Close()
	docs, err := ReadLabeled(f, f.Name(), "text", "source")
	if err != nil {
		tb.Fatal(err)
	}
	terms := make([][]Term, len(docs))
	w := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	var featTime time.Duration
	var mu sync.Mutex
	for i := 0; i < w; i++ {
		wg.Go(func() {
			var an hindi.Analyzer
			var d hindi.Doc
			var ft time.Duration
			for j := i; j < len(docs); j += w {
				an.Analyze(&d, docs[j].Text)
				st := time.Now()
				terms[j] = Features(nil, &d)
				ft += time.Since(st)
			}
			mu.Lock()
			featTime += ft
			mu.Unlock()
		})
	}
	wg.Wait()
	tb.Logf("%d docs, Features %.3f s summed over workers", len(docs), featTime.Seconds())
	b := NewBuilder()
	for i, d := range docs {
		b.Add(d.ID, NoDay, terms[i])
	}
	return b
}

// openNews opens the JSONL corpus named by $DRISHTI_NEWS_JSONL, or skips.
func openNews(tb testing.TB) *os.File {
	tb.Helper()
	path := os.Getenv("DRISHTI_NEWS_JSONL")
	if path == "" {
		tb.Skip("set DRISHTI_NEWS_JSONL to a make-corpus JSONL file")
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// BenchmarkFitNews fits a real news corpus at k = 20 (opt-in: see newsBuilder).
func BenchmarkFitNews(b *testing.B) {
	bl := newsBuilder(b)
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		res, err := bl.Fit(context.Background(), Options{K: 20, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.NonZeros), "nnz")
		b.ReportMetric(res.Objective, "objective")
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}
