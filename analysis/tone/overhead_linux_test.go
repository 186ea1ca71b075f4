//go:build linux

package tone

import (
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// threadCPU returns the CPU time of the calling OS thread: on a shared machine it measures
// the work done, where wall-clock time also counts the waits for a core.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkScoreOverhead tokenizes and scores the same text alternately on one locked OS
// thread and reports the CPU time of scoring as a fraction of that of tokenizing
// ("score/tokenize"; the goal is at most 0.3).
func BenchmarkScoreOverhead(b *testing.B) {
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
