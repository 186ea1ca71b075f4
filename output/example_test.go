package output_test

import (
	"fmt"
	"log"
	"os"
	"slices"
	"time"

	"github.com/drishti-news/drishti/output"
)

func ExampleCreate() {
	dir, err := os.MkdirTemp("", "drishti-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	cats := []string{"war", "alliance", "threat"}
	run, err := output.Create(output.Options{
		Dir:        dir,
		RunID:      "20261126T060000Z",
		Version:    "0.1.0",
		Categories: cats,
	})
	if err != nil {
		log.Fatal(err)
	}
	defer run.Abort() // does nothing once Commit succeeded

	published := time.Date(2026, 11, 26, 7, 30, 0, 0, time.UTC)
	articles := []output.Article{{
		ID: "a1", Source: "दैनिक समाचार", Title: "सीमा पर तनाव",
		PublishedAt: published, Day: output.DayOf(published), HasDay: true,
		Words: 120, Categories: []output.CategoryScore{{Hits: 2, Score: 3.5, Density: 29.2}, {}, {Hits: 1, Score: 1, Density: 8.3}},
		Dominant: "war",
	}}
	hits := []output.Hit{{ArticleID: "a1", Day: output.DayOf(published), HasDay: true,
		Start: 0, End: 15, Surface: "युद्ध", Entry: "युद्ध", Category: "war", Weight: 2, EffectiveWeight: 2}}

	for _, err := range []error{
		run.WriteHits(hits),
		run.WriteArticles(articles),
		run.WriteTrends(output.Trends(articles, cats)),
	} {
		if err != nil {
			log.Fatal(err)
		}
	}
	manifest := &output.Manifest{RunID: "20261126T060000Z", Version: "0.1.0"}
	if err := run.Commit(manifest); err != nil {
		log.Fatal(err)
	}
	for _, name := range output.ReportNames() {
		fmt.Printf("%s: %d rows\n", name, manifest.Reports[name])
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	fmt.Println(names)
	// Output:
	// articles: 1 rows
	// hits: 1 rows
	// topics: 0 rows
	// trends: 3 rows
	// rejects: 0 rows
	// [articles.parquet hits.parquet manifest.json rejects.parquet topics.parquet trends.parquet]
}

func ExampleTrends() {
	cats := []string{"war"}
	articles := []output.Article{
		{ID: "1", Source: "s", Day: 20783, HasDay: true, Categories: []output.CategoryScore{{Hits: 1, Score: 2}}},
		{ID: "2", Source: "s", Day: 20783, HasDay: true},
	}
	for _, t := range output.Trends(articles, cats) {
		fmt.Println(output.DayString(t.Day), t.Kind, t.Source, t.Category, t.Articles, t.ArticlesWithHits, t.MeanScore)
	}
	// Output:
	// 2026-11-26 category s war 2 1 1
}

func ExampleColumns() {
	cols, err := output.Columns(output.ReportTopics, []string{"war"})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range cols[:5] {
		fmt.Println(c.Name, c.DuckDB)
	}
	fmt.Println(cols[len(cols)-1].Name, cols[len(cols)-1].DuckDB)
	// Output:
	// topic_id INTEGER
	// label VARCHAR
	// size INTEGER
	// top_terms VARCHAR[]
	// top_weights DOUBLE[]
	// mean_war DOUBLE
}
