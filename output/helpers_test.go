package output

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
)

var testCategories = []string{"war", "alliance", "threat"}

func testOptions(dir string) Options {
	return Options{
		Dir:             dir,
		Parquet:         true,
		Categories:      testCategories,
		RunID:           "test-run-1",
		Version:         "0.0.0-test",
		LexiconChecksum: "sha256:abc",
	}
}

var day0 = DayOf(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))

// testArticles returns n articles over three days (every 7th without a day), with some nulls.
func testArticles(n int) []Article {
	out := make([]Article, n)
	for i := range out {
		a := Article{
			ID:              fmt.Sprintf("a%05d", i),
			Source:          []string{"दैनिक समाचार", "प्रभात", ""}[i%3],
			URL:             fmt.Sprintf("https://example.test/%d", i),
			Title:           fmt.Sprintf("शीर्षक %d", i),
			Chars:           1000 + i,
			Words:           200 + i%50,
			Sentences:       10 + i%5,
			DevanagariRatio: 0.9,
			Tone:            float64(i%7) - 3,
			Positive:        1.5,
			Negative:        2.5,
			Polarity:        4,
			Categories: []CategoryScore{
				{Hits: i % 3, Score: float64(i%3) * 1.5, Density: 0.1},
				{Hits: i % 2, Score: float64(i % 2), Density: 0.2},
				{Hits: 0, Score: 0, Density: 0},
			},
			Dominant:   "war",
			TopicID:    i % 4,
			HasTopic:   i%5 != 0,
			TopicLabel: fmt.Sprintf("topic-%d", i%4),
		}
		if i%7 != 6 {
			a.HasDay = true
			a.Day = day0 + int32(i%3)
			a.PublishedAt = time.Date(2026, 11, 24+i%3, 10, 30, 15, 123456000, time.UTC)
		}
		if i%4 == 0 {
			a.Flags = []string{"invalid-utf8-replaced", "source-from-input"}
		}
		out[i] = a
	}
	return out
}

func testHits(n int) []Hit {
	out := make([]Hit, n)
	for i := range out {
		out[i] = Hit{
			ArticleID: fmt.Sprintf("a%05d", i/3), Day: day0 + int32(i/3%3), HasDay: true,
			Sentence: i % 5, Start: 10 * i % 1000, End: 10*i%1000 + 9,
			Surface: "युद्ध", Entry: "युद्ध", Category: testCategories[i%3], Weight: 2,
			Modifier: []string{"", "negated", "intensified"}[i%3], EffectiveWeight: 1.5,
		}
	}
	return out
}

func testTopics() []Topic {
	return []Topic{
		{ID: 0, Label: "युद्ध / सेना", Size: 10, TopTerms: []string{"युद्ध", "सेना"}, TopWeights: []float64{0.5, 0.25},
			RepresentativeIDs: []string{"a00001"}, NPMI: 0.3, HasNPMI: true, FirstDay: day0, LastDay: day0 + 2, HasDays: true,
			CategoryMeans: []float64{1, 2, 3}},
		{ID: 1, Label: "outliers", Size: 3, Outlier: true, New: true},
	}
}

func testRejects() []Reject {
	return []Reject{
		{Input: "in.jsonl", Line: 3, Code: "malformed", Reason: "malformed JSON", Excerpt: "{\"id\": "},
		{Input: "in.jsonl", Line: 9, ID: "x1", Reason: "invalid UTF-8", Excerpt: "ab\xffcd"},
	}
}

// writeAll writes every report through a Run and commits it.
func writeAll(t testing.TB, opts Options, arts []Article, hits []Hit) *Manifest {
	t.Helper()
	r, err := Create(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Abort()
	if err := r.WriteRejects(testRejects()); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteHits(hits); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteArticles(arts); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteTopics(testTopics()); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteTrends(Trends(arts, opts.Categories)); err != nil {
		t.Fatal(err)
	}
	m := &Manifest{RunID: opts.RunID, Version: opts.Version}
	if err := r.Commit(m); err != nil {
		t.Fatal(err)
	}
	return m
}

// table is a decoded Parquet file: column names in order and, per row, one Go value per
// column (nil for NULL; []any for lists).
type decoded struct {
	names []string
	rows  [][]any
	file  *parquet.File
}

func openParquet(t testing.TB, path string) *parquet.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	return pf
}

// readParquet decodes every row of a flat file whose columns are leaves or LISTs.
func readParquet(t testing.TB, path string) decoded {
	t.Helper()
	pf := openParquet(t, path)
	d := decoded{file: pf}
	fields := pf.Schema().Fields()
	isList := make([]bool, len(fields))
	for i, f := range fields {
		d.names = append(d.names, f.Name())
		isList[i] = !f.Leaf()
	}
	rd := parquet.NewReader(pf)
	defer rd.Close()
	buf := make([]parquet.Row, 64)
	for {
		n, err := rd.ReadRows(buf)
		for _, row := range buf[:n] {
			vals := make([]any, len(fields))
			for i := range vals {
				if isList[i] {
					vals[i] = []any{}
				}
			}
			for _, v := range row {
				c := v.Column()
				if isList[c] {
					if v.DefinitionLevel() > 0 {
						vals[c] = append(vals[c].([]any), goValue(v))
					}
					continue
				}
				if !v.IsNull() {
					vals[c] = goValue(v)
				}
			}
			d.rows = append(d.rows, vals)
		}
		if err != nil {
			break
		}
	}
	return d
}

func goValue(v parquet.Value) any {
	switch v.Kind() {
	case parquet.Boolean:
		return v.Boolean()
	case parquet.Int32:
		return v.Int32()
	case parquet.Int64:
		return v.Int64()
	case parquet.Double:
		return v.Double()
	case parquet.ByteArray:
		return string(v.ByteArray())
	}
	return fmt.Sprintf("unexpected kind %v", v.Kind())
}

func (d decoded) col(t testing.TB, name string) int {
	t.Helper()
	for i, n := range d.names {
		if n == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, d.names)
	return -1
}

func listFiles(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
