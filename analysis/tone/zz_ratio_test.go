package tone

import (
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/drishti-news/drishti/analysis/hindi"
)

func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkZZRatio(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	text := benchText(b)
	s := benchScorer(b)
	var (
		a   hindi.Analyzer
		d   hindi.Doc
		res Result
	)
	var tok, sc time.Duration
	for b.Loop() {
		t0 := threadCPU()
		a.Analyze(&d, text)
		t1 := threadCPU()
		s.Score(&d, &res)
		t2 := threadCPU()
		tok += t1 - t0
		sc += t2 - t1
	}
	b.ReportMetric(float64(sc)/float64(tok), "score/tokenize")
	b.ReportMetric(float64(tok.Microseconds())/float64(b.N), "tok-us/op")
	b.ReportMetric(float64(sc.Microseconds())/float64(b.N), "score-us/op")
}
