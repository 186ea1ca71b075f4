// Command synthcorpus writes a JSONL corpus of about N MB for benchmarks, made from the
// embedded sample corpus: each article is a sample article with its paragraphs shuffled and
// some paragraphs of another article of the same source appended, under a new id and day.
// Deterministic for a seed.
//
//	go run ./scripts/synthcorpus -mb 50 -out /tmp/synth.jsonl
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/drishti-news/drishti/analysis/sample"
)

type article struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Text        string `json:"text"`
	PublishedAt string `json:"published_at"`
	Source      string `json:"source"`
	URL         string `json:"url"`
}

func main() {
	mb := flag.Float64("mb", 50, "size of the corpus in MB")
	out := flag.String("out", "", "output file (default stdout)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := run(*mb, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "synthcorpus:", err)
		os.Exit(1)
	}
}

func run(mb float64, out string, seed uint64) error {
	var src []article
	sc := bufio.NewScanner(bytes.NewReader(sample.Articles()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return err
		}
		src = append(src, a)
	}
	w := os.Stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	rng := rand.New(rand.NewPCG(seed, 1))
	limit := int64(mb * 1e6)
	base := time.Date(2026, 11, 1, 6, 0, 0, 0, time.UTC)
	var written int64
	for i := 0; written < limit; i++ {
		a := src[rng.IntN(len(src))]
		b := src[rng.IntN(len(src))]
		paras := strings.Split(a.Text, "\n\n")
		rng.Shuffle(len(paras), func(x, y int) { paras[x], paras[y] = paras[y], paras[x] })
		extra := strings.Split(b.Text, "\n\n")
		paras = append(paras, extra[:1+rng.IntN(len(extra))]...)
		na := article{
			ID:          fmt.Sprintf("x%09d", i),
			Title:       a.Title,
			Text:        strings.Join(paras, "\n\n"),
			PublishedAt: base.Add(time.Duration(rng.IntN(30*24)) * time.Hour).Format(time.RFC3339),
			Source:      a.Source,
			URL:         fmt.Sprintf("https://example.com/synth/%d", i),
		}
		line, err := json.Marshal(na)
		if err != nil {
			return err
		}
		line = append(line, '\n')
		n, err := bw.Write(line)
		if err != nil {
			return err
		}
		written += int64(n)
	}
	return bw.Flush()
}
