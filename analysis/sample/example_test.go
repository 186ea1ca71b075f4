package sample_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/drishti-news/drishti/analysis/sample"
)

func ExampleOpen() {
	sc := bufio.NewScanner(sample.Open())
	sc.Buffer(nil, 1<<20)
	sources := map[string]bool{}
	n := 0
	for sc.Scan() {
		var a struct {
			ID          string `json:"id"`
			Source      string `json:"source"`
			PublishedAt string `json:"published_at"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			fmt.Println(err)
			return
		}
		if n == 0 {
			fmt.Println("first:", a.ID, a.PublishedAt)
		}
		sources[a.Source] = true
		n++
	}
	if err := sc.Err(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sample.Name+":", n, "articles from", len(sources), "sources")
	// Output:
	// first: s001 2026-11-23T06:50:00+05:30
	// sample.jsonl: 50 articles from 5 sources
}

func ExampleArticles() {
	data := sample.Articles()
	first, _, _ := strings.Cut(string(data), "\n")
	var a struct {
		Title  string `json:"title"`
		Source string `json:"source"`
	}
	if err := json.Unmarshal([]byte(first), &a); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Source)
	// Output:
	// जनवाणी
}
