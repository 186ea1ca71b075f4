package analysis

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkRun times the whole job (read, analyse, cluster, write) on the embedded sample
// repeated 40 times under fresh ids (2,000 articles, about 5 MB), or on the JSONL file named
// by DRISHTI_BENCH_JSONL. It reports input MB/s.
func BenchmarkRun(b *testing.B) {
	dir := b.TempDir()
	in := os.Getenv("DRISHTI_BENCH_JSONL")
	if in == "" {
		in = filepath.Join(dir, "bench.jsonl")
		var sb strings.Builder
		lines := sampleLines(b, 50)
		for r := range 40 {
			for _, l := range lines {
				var a map[string]any
				if err := json.Unmarshal([]byte(l), &a); err != nil {
					b.Fatal(err)
				}
				a["id"] = fmt.Sprintf("r%02d-%v", r, a["id"]) // each copy its own id
				line, err := json.Marshal(a)
				if err != nil {
					b.Fatal(err)
				}
				sb.Write(line)
				sb.WriteByte('\n')
			}
		}
		if err := os.WriteFile(in, []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	st, err := os.Stat(in)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sum, err := Run(context.Background(), Options{Inputs: []string{in}, Out: filepath.Join(dir, "out"), Topics: 20})
		if err != nil {
			b.Fatal(err)
		}
		if sum.Rejects > 0 {
			b.Fatalf("%d rejects in the benchmark corpus", sum.Rejects)
		}
	}
}
