package corpus_test

import (
	"fmt"
	"io"
	"log"
	"strings"

	"github.com/drishti-news/drishti/analysis/corpus"
)

// Read a folder: files in lexical order, articles and rejects in input order.
func ExampleOpen() {
	r, err := corpus.Open([]string{"testdata/feeds"}, corpus.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	for {
		it, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		if a := it.Article; a != nil {
			fmt.Printf("article %s from %s, %s\n", a.ID, a.Source, a.PublishedAt.UTC().Format("2006-01-02 15:04"))
		} else {
			fmt.Printf("reject line %d: %s\n", it.Reject.Line, it.Reject.Code)
		}
	}
	for _, s := range r.Stats() {
		fmt.Printf("%s: %d rows, %d kept, %d rejected\n", s.Format, s.Rows, s.Kept, s.Rejected)
	}
	fmt.Println("skipped:", len(r.Skipped()))
	// Output:
	// article np-001 from नगर समाचार, 2026-11-25 02:45
	// article np-002 from नगर समाचार, 2026-11-25 00:00
	// reject line 3: malformed
	// reject line 4: not-hindi
	// article pr-101 from pradesh, 2026-11-26 07:00
	// reject line 3: field-count
	// jsonl: 4 rows, 2 kept, 2 rejected
	// csv: 2 rows, 1 kept, 1 rejected
	// skipped: 1
}

// Read one stream, such as an embedded sample corpus, with foreign field names.
func ExampleOpenReader() {
	sample := `{"guid": "s-1", "body": "आज सुबह से हल्की बारिश हो रही है।", "when": "2026-11-26"}
{"guid": "s-2", "body": ""}
`
	fields, err := corpus.ParseFields([]string{"id=guid", "text=body", "published_at=when"})
	if err != nil {
		log.Fatal(err)
	}
	r, err := corpus.OpenReader("sample.jsonl", strings.NewReader(sample), corpus.Options{Fields: fields})
	if err != nil {
		log.Fatal(err)
	}
	for it, err := range r.All() {
		if err != nil {
			log.Fatal(err)
		}
		if a := it.Article; a != nil {
			fmt.Println(a.ID, a.PublishedAt.Format("2006-01-02"), a.Source, a.Flags)
		} else {
			fmt.Println(it.Reject)
		}
	}
	// Output:
	// s-1 2026-11-26 sample [source-from-input]
	// sample.jsonl:2: empty text (field "text" (column "body"))
}

func ExampleParseFields() {
	fields, err := corpus.ParseFields([]string{"text=body", "id=guid"})
	fmt.Println(fields, err)
	_, err = corpus.ParseFields([]string{"body=text"})
	fmt.Println(err)
	// Output:
	// map[id:guid text:body] <nil>
	// field mapping "body=text": unknown field "body" (want one of id, title, text, published_at, source, url): bad input arguments
}

func ExampleDetectFormat() {
	for _, name := range []string{"day.jsonl.gz", "feed.TSV", "a.feather", "notes.md"} {
		format, gz, ok := corpus.DetectFormat(name)
		fmt.Println(name, format, gz, ok)
	}
	// Output:
	// day.jsonl.gz jsonl true true
	// feed.TSV tsv false true
	// a.feather arrow false true
	// notes.md  false false
}
