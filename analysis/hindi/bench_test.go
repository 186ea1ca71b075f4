package hindi

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/internal/shareddata"
)

// sharedData returns ../shared/data relative to the module root, or skips tb.
func sharedData(tb testing.TB) string { return shareddata.Dir(tb) }

// newsText returns up to limit bytes of the 2020 newspaper corpus in ../shared/data.
func newsText(tb testing.TB, limit int) string {
	root := filepath.Join(sharedData(tb), "news", "covid2020")
	var b strings.Builder
	err := filepath.WalkDir(root, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".txt") || b.Len() >= limit {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		b.Write(data)
		b.WriteByte('\n')
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if b.Len() == 0 {
		tb.Skipf("no news text under %s", root)
	}
	return b.String()
}

// fixtureText is original text written for the benchmarks, in the style of news copy.
const fixtureText = `राजधानी में सोमवार को हुई बैठक में डॉ. शर्मा ने कहा कि सरकार 4,32,000 किसानों को ₹2,000 की किस्त देगी । उन्होंने बताया कि बी.जे.पी. और कांग्रेस दोनों ने इस फ़ैसले का स्वागत किया है.विपक्ष ने हालांकि सवाल उठाए।
"यह ऐतिहासिक क़दम है," मंत्री ने कहा। बैठक 19/06/2024 को सुबह 10:30 बजे शुरू हुई और दो घंटे चली।
`

// BenchmarkAnalyzeNews measures Analyze (normalization keys + tokens + sentences) over real
// news text, in bytes per second on one core.
func BenchmarkAnalyzeNews(b *testing.B) {
	text := newsText(b, 4<<20)
	benchAnalyze(b, text)
}

// BenchmarkAnalyzeFixture is BenchmarkAnalyzeNews on the package's own fixture, for machines
// without ../shared/data.
func BenchmarkAnalyzeFixture(b *testing.B) {
	benchAnalyze(b, strings.Repeat(fixtureText, 2000))
}

func benchAnalyze(b *testing.B, text string) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var a Analyzer
	var d Doc
	a.Analyze(&d, text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0 := threadCPU()
	n := 0
	for b.Loop() {
		a.Analyze(&d, text)
		n++
	}
	b.ReportMetric(float64(len(d.Tokens)), "tokens/op")
	if cpu := threadCPU() - cpu0; cpu > 0 {
		// Throughput per CPU-second of this thread: the figure that does not depend on
		// what else runs on the machine.
		b.ReportMetric(float64(n)*float64(len(text))/1e6/cpu.Seconds(), "cpuMB/s")
	}
}

func BenchmarkKey(b *testing.B) {
	words := strings.Fields(fixtureText)
	buf := make([]byte, 0, 256)
	n := 0
	for _, w := range words {
		n += len(w)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			buf = AppendKey(buf[:0], w)
		}
	}
}

func BenchmarkStem(b *testing.B) {
	var keys []string
	for _, w := range strings.Fields(fixtureText) {
		keys = append(keys, Key(w))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, k := range keys {
			_ = Stem(k)
		}
	}
}

// TestNewsInvariants runs the fuzz invariants over real news text when it is available.
func TestNewsInvariants(t *testing.T) {
	text := newsText(t, 1<<30)
	d := analyze(text)
	checkDoc(t, text, d)
	if d.Sentences() < 10000 {
		t.Errorf("%d sentences in %d bytes of news, want at least 10000", d.Sentences(), len(text))
	}
}
