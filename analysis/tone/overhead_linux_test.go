//go:build linux

package tone

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// threadCPU returns the CPU time of the calling OS thread: on a shared machine it measures
// the work done, where wall-clock time also counts the waits for a core. It reads
// CLOCK_THREAD_CPUTIME_ID, which is exact to the call; getrusage(RUSAGE_THREAD) is not: it
// leaves out the running thread's time since the last scheduler tick (up to 4 ms, more
// than one phase of these benchmarks).
func threadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		panic(err) // every Linux since 2.6.12 has the clock
	}
	return time.Duration(ts.Nano())
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

// articleTexts splits text at line breaks into pieces of about size bytes: news articles
// are a few KB each, and scoring many small documents costs more per byte than one large
// one (the lexicon's tables are touched afresh by each).
func articleTexts(text string, size int) []string {
	var out []string
	for len(text) > 0 {
		n := min(size, len(text))
		if i := strings.IndexByte(text[n:], '\n'); i >= 0 {
			n += i + 1
		} else {
			n = len(text)
		}
		out = append(out, text[:n])
		text = text[n:]
	}
	return out
}

// BenchmarkScoreOverheadArticles is BenchmarkScoreOverhead on the same text cut into
// articles of about 3.4 KB (the mean of the make-corpus news corpus). Each round tokenizes
// all the articles, then tokenizes and scores them; scoring's CPU time is the difference
// (reading the thread's clock around each article would cost as much as scoring it).
func BenchmarkScoreOverheadArticles(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	texts := articleTexts(benchText(b), 3400)
	s := benchScorer(b)
	var (
		a   hindi.Analyzer
		d   hindi.Doc
		res Result
	)
	var tok, both time.Duration
	for b.Loop() {
		t0 := threadCPU()
		for _, text := range texts {
			a.Analyze(&d, text)
		}
		t1 := threadCPU()
		for _, text := range texts {
			a.Analyze(&d, text)
			s.Score(&d, &res)
		}
		t2 := threadCPU()
		tok += t1 - t0
		both += t2 - t1
	}
	b.ReportMetric(float64(both-tok)/float64(tok), "score/tokenize")
	b.ReportMetric(float64(tok.Microseconds())/float64(b.N), "tok-us/op")
	b.ReportMetric(float64((both-tok).Microseconds())/float64(b.N), "score-us/op")
}
