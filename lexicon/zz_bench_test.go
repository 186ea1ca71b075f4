package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"runtime"
	"syscall"
	"time"

	"github.com/drishti-news/drishti/analysis/hindi"
)

func zzSetup(b *testing.B) (*Lexicon, *hindi.Doc) {
	files, _ := filepath.Glob("/tmp/lexwork/out/*.tsv")
	l, err := Load(Options{NoDefault: true}, files...)
	if err != nil {
		b.Fatal(err)
	}
	raws, _ := filepath.Glob("/work/shared/data/news/covid2020/*/*/*.txt")
	var sb strings.Builder
	for _, f := range raws {
		if sb.Len() > 1<<20 {
			break
		}
		bb, _ := os.ReadFile(f)
		sb.Write(bb)
	}
	var a hindi.Analyzer
	d := &hindi.Doc{}
	a.Analyze(d, sb.String())
	return l, d
}

var sink int

func BenchmarkZZKey(b *testing.B) {
	_, d := zzSetup(b)
	runtime.LockOSThread()
	t0 := threadCPU()
	for b.Loop() {
		n := 0
		for i := range d.Tokens {
			n += len(d.Key(i))
		}
		sink = n
	}
	b.ReportMetric(float64((threadCPU()-t0).Nanoseconds())/float64(b.N*len(d.Tokens)), "cpu-ns/token")
}

func BenchmarkZZFilter(b *testing.B) {
	l, d := zzSetup(b)
	runtime.LockOSThread()
	t0 := threadCPU()
	for b.Loop() {
		n := 0
		for i := range d.Tokens {
			e, s := l.filter.test(d.Key(i))
			if e || s {
				n++
			}
		}
		sink = n
	}
	b.ReportMetric(float64((threadCPU()-t0).Nanoseconds())/float64(b.N*len(d.Tokens)), "cpu-ns/token")
}

func BenchmarkZZMatch(b *testing.B) {
	l, d := zzSetup(b)
	var sc Scratch
	var dst []Match
	runtime.LockOSThread()
	t0 := threadCPU()
	for b.Loop() {
		dst = l.Match(dst[:0], d, &sc)
	}
	b.ReportMetric(float64((threadCPU()-t0).Nanoseconds())/float64(b.N*len(d.Tokens)), "cpu-ns/token")
}

func BenchmarkZZAnalyze(b *testing.B) {
	_, d := zzSetup(b)
	text := d.Text
	var a hindi.Analyzer
	runtime.LockOSThread()
	t0 := threadCPU()
	for b.Loop() {
		a.Analyze(d, text)
	}
	b.ReportMetric(float64((threadCPU()-t0).Nanoseconds())/float64(b.N*len(d.Tokens)), "cpu-ns/token")
}

func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkZZPair(b *testing.B) {
	_, d := zzSetup(b)
	runtime.LockOSThread()
	t0 := threadCPU()
	for b.Loop() {
		n := 0
		for i := range d.Tokens {
			k := d.Key(i)
			if len(k) > 0 {
				n += int(hash(k, len(k)))
			}
		}
		sink = n
	}
	b.ReportMetric(float64((threadCPU()-t0).Nanoseconds())/float64(b.N*len(d.Tokens)), "cpu-ns/token")
}

func BenchmarkZZShape(b *testing.B) {
	_, d := zzSetup(b)
	runtime.LockOSThread()
	t0 := threadCPU()
	for b.Loop() {
		n := 0
		for i := range d.Tokens {
			k := d.Key(i)
			n += int(hash(k, len(k)))
		}
		sink = n
	}
	b.ReportMetric(float64((threadCPU()-t0).Nanoseconds())/float64(b.N*len(d.Tokens)), "cpu-ns/token")
}
