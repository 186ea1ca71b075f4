package topics

import (
	"bufio"
	"encoding/json"
	"sync"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// jobDoc is one article of a make-corpus JSONL file, analysed: its text and its title.
type jobDoc struct {
	text, title *hindi.Doc
}

// jobDocs analyses the JSONL corpus named by $DRISHTI_NEWS_JSONL (id, title, text per line,
// as make-corpus writes it), or skips.
func jobDocs(tb testing.TB) []jobDoc {
	tb.Helper()
	f := openNews(tb)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 64<<20)
	var an hindi.Analyzer
	var docs []jobDoc
	for sc.Scan() {
		var rec struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatal(err)
		}
		d := jobDoc{text: new(hindi.Doc)}
		an.Analyze(d.text, rec.Text)
		if rec.Title != "" {
			d.title = new(hindi.Doc)
			an.Analyze(d.title, rec.Title)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs
}

// jobTerms extracts the features of docs as the pipeline does: workers goroutines, each
// with its own Extractor over batches of 64 articles, the text's features merged with the
// title's.
func jobTerms(docs []jobDoc, workers int, keep bool) [][]Term {
	var out [][]Term
	if keep {
		out = make([][]Term, len(docs))
	}
	const batch = 64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			e := Extractor{Unsorted: true}
			var buf []Term
			for lo := w * batch; lo < len(docs); lo += workers * batch {
				for i := lo; i < min(lo+batch, len(docs)); i++ {
					buf = e.AppendMerged(buf[:0], docs[i].text, docs[i].title)
					if keep {
						out[i] = append([]Term(nil), buf...)
					}
				}
			}
		})
	}
	wg.Wait()
	return out
}

// BenchmarkJobExtractNews extracts the topic features of a whole make-corpus file as one of
// the pipeline's workers does, with a new Extractor each time (opt-in: $DRISHTI_NEWS_JSONL).
func BenchmarkJobExtractNews(b *testing.B) {
	docs := jobDocs(b)
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		jobTerms(docs, 1, false)
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkJobBuilderAddNews adds the features of a whole make-corpus file to a new Builder
// (opt-in: $DRISHTI_NEWS_JSONL).
func BenchmarkJobBuilderAddNews(b *testing.B) {
	terms := jobTerms(jobDocs(b), 2, true)
	b.ResetTimer()
	cpu := cpuTime()
	var bl *Builder
	for i := 0; i < b.N; i++ {
		bl = NewBuilder()
		for j, ts := range terms {
			bl.Add("id", int32(j), ts)
		}
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(len(bl.terms)), "terms")
}
