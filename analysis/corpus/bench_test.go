package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"
)

// benchCorpus returns JSONL for benchmarks: the file named by $DRISHTI_BENCH_JSONL (e.g. made
// by ../shared/tools/make-corpus --mb 50 --out /tmp/c50.jsonl), else a project-written corpus
// of about 8 MB.
func benchCorpus(b *testing.B) []byte {
	b.Helper()
	if p := os.Getenv("DRISHTI_BENCH_JSONL"); p != "" {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatalf("reading $DRISHTI_BENCH_JSONL: %v", err)
		}
		return data
	}
	var buf bytes.Buffer
	for i := 0; buf.Len() < 8<<20; i++ {
		a := sampleArticle(i)
		line, _ := json.Marshal(map[string]string{"id": a.ID, "title": a.Title, "text": a.Text,
			"source": a.Source, "published_at": "2026-11-26T09:30:00+05:30"})
		buf.Write(line)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// BenchmarkJSONL measures the whole reader on JSONL: decoding, checks and Article building.
func BenchmarkJSONL(b *testing.B) {
	data := benchCorpus(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r, err := OpenReader("bench.jsonl", bytes.NewReader(data), Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			it, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if it.Article != nil {
				n++
			}
		}
		if n == 0 {
			b.Fatal("no articles")
		}
	}
}

// BenchmarkDecodeFlat and BenchmarkDecodeStdlib compare the hand-written decoder with
// encoding/json on the same lines (decoding only).
func BenchmarkDecodeFlat(b *testing.B) {
	data := benchCorpus(b)
	cfg, _ := newConfig(Options{})
	dec := jsonDecoder{keys: cfg.colIndex}
	var rec record
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			rec.reset()
			if err := dec.decode(sc.Bytes(), &rec); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkDecodeStdlib(b *testing.B) {
	data := benchCorpus(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			var row struct {
				ID          string `json:"id"`
				Title       string `json:"title"`
				Text        string `json:"text"`
				PublishedAt string `json:"published_at"`
				Source      string `json:"source"`
				URL         string `json:"url"`
			}
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkScanText measures the one-pass text checks (UTF-8, binary, Devanagari share).
func BenchmarkScanText(b *testing.B) {
	text := strings.Repeat(sampleArticle(3).Text+"\n", 200)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if st := scanText(text); st.deva == 0 {
			b.Fatal("no Devanagari counted")
		}
	}
}

// BenchmarkScanTextCorpus is BenchmarkScanText over the texts of benchCorpus (the 50 MB news
// corpus when $DRISHTI_BENCH_JSONL names it), decoded once beforehand.
func BenchmarkScanTextCorpus(b *testing.B) {
	data := benchCorpus(b)
	var texts []string
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var row struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &row) == nil {
			texts = append(texts, row.Text)
			n += len(row.Text)
		}
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		deva := 0
		for _, t := range texts {
			deva += scanText(t).deva
		}
		if deva == 0 {
			b.Fatal("no Devanagari counted")
		}
	}
}
