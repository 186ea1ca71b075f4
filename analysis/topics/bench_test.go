package topics

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the user and system CPU time of the process so far. The machine may be
// shared, so benchmarks report CPU seconds per op besides wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkFit clusters synthetic corpora at k=20: documents of about 250 word tokens (about
// 150 distinct terms, the size of a 3.5 KB Hindi news article) over a 50,000-term Zipf
// vocabulary. The 100k case is the speed target (350 MB of text); corpus generation
// is not timed.
func BenchmarkFit(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			bl, _ := synthetic(n, 50_000, 20, 250, 1)
			b.ResetTimer()
			cpu := cpuTime()
			for i := 0; i < b.N; i++ {
				res, err := bl.Fit(context.Background(), Options{K: 20, Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(res.NonZeros), "nnz")
			}
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// BenchmarkFitAuto is BenchmarkFit with k chosen automatically.
func BenchmarkFitAuto(b *testing.B) {
	bl, _ := synthetic(100_000, 50_000, 20, 250, 1)
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		res, err := bl.Fit(context.Background(), Options{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.K), "k")
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

func BenchmarkFeatures(b *testing.B) {
	text := article("flood", 0) + article("budget", 2) + article("cricket", 1)
	d := analyse(text)
	var dst []Term
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		dst = Features(dst[:0], d)
	}
}
