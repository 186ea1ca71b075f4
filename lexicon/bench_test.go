package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/internal/shareddata"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// benchDoc returns about 1 MB of real news text from ../shared/data when present (else
// fixture sentences), analysed.
func benchDoc(b *testing.B) *hindi.Doc {
	var sb strings.Builder
	if data, ok := shareddata.Lookup(); ok {
		files, _ := filepath.Glob(filepath.Join(data, "news", "covid2020", "*", "*", "*.txt"))
		for _, f := range files {
			if sb.Len() >= 1<<20 {
				break
			}
			if raw, err := os.ReadFile(f); err == nil {
				sb.Write(raw)
			}
		}
	}
	for sb.Len() < 1<<20 {
		sb.WriteString("दो विश्व युद्धों के बाद भी परमाणु हथियार और सेनाओं का ख़तरा कभी नहीं टला, लेकिन शांति समझौते हुए। ")
	}
	var (
		a hindi.Analyzer
		d hindi.Doc
	)
	a.Analyze(&d, sb.String())
	return &d
}

func BenchmarkMatch(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	d := benchDoc(b)
	var (
		sc  Scratch
		dst []Match
	)
	b.SetBytes(int64(len(d.Text)))
	b.ResetTimer()
	for b.Loop() {
		dst = l.Match(dst[:0], d, &sc)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(d.Tokens)), "ns/token")
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}
