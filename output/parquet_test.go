package output

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
)

// rowFile is the plain way to write a report: every row converted into one parquet.Row and
// the rows of each call handed to parquet-go's Writer.WriteRows. parquetFile must write the
// very same bytes.
type rowFile struct {
	w    *parquet.Writer
	sink parquetSink
	rows []parquet.Row
}

func newRowFile(out io.Writer, rep *report, rowGroupRows int64, codec compress.Codec) *rowFile {
	return &rowFile{
		w:    parquet.NewWriter(out, writerOptions(rep, rowGroupRows, map[string]string{MetaVersion: "test"}, codec)...),
		sink: newParquetSink(rep.columns, true),
	}
}

func (f *rowFile) add(src *rowSource, i int) error {
	p := &f.sink
	p.col = 0
	src.emit(p, i)
	if p.err != nil {
		return p.err
	}
	var row parquet.Row
	for c := range p.vals {
		row = append(row, p.vals[c]...)
		p.vals[c] = p.vals[c][:0]
	}
	f.rows = append(f.rows, row)
	return nil
}

func (f *rowFile) flush() error {
	_, err := f.w.WriteRows(f.rows)
	f.rows = f.rows[:0]
	return err
}

func (f *rowFile) close() error {
	if err := f.flush(); err != nil {
		return err
	}
	return f.w.Close()
}

var _ parquetWriter = (*rowFile)(nil)

// articleSource is the rowSource WriteArticles builds.
func articleSource(rows []Article, ncat int) *rowSource {
	return &rowSource{
		n:    len(rows),
		day:  func(i int) (int32, bool) { return rows[i].Day, rows[i].HasDay },
		emit: func(s sink, i int) { emitArticle(s, &rows[i], ncat) },
	}
}

// longArticles returns n articles whose titles and URLs fill several pages of 256 KiB, so
// that pages end in the middle of the file and not only at its end.
func longArticles(n int) []Article {
	arts := testArticles(n)
	for i := range arts {
		a := &arts[i]
		a.Title = strings.Repeat(fmt.Sprintf("सीमा पर तनाव %d ", i*7919%1000), 1+i%13)
		a.URL = fmt.Sprintf("https://example.test/%d/%s", i, strings.Repeat("x", i%200))
		a.DevanagariRatio = float64(i%1000) / 999
		if i%211 == 3 {
			a.Title = "टूटा\xe0\xa4" // invalid UTF-8, repaired by the writer
		}
	}
	return arts
}

// writeCalls writes rows to w in calls of the given sizes (the last one repeated), flushing
// after each call as the table does, and closes w.
func writeCalls(t *testing.T, w parquetWriter, src *rowSource, calls []int) {
	t.Helper()
	for start, k := 0, 0; start < src.n; k++ {
		n := min(calls[min(k, len(calls)-1)], src.n-start)
		for i := start; i < start+n; i++ {
			if err := w.add(src, i); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.flush(); err != nil {
			t.Fatal(err)
		}
		start += n
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
}

// TestColumnWriterMatchesRowWriter: parquetFile, which converts and writes the columns on two
// goroutines, writes byte for byte the file of parquet-go's row writer given the same rows in
// the same calls: with one and with several row groups, calls smaller and larger than a
// chunk of 64 rows, pages that fill up mid-file, and on one goroutine.
func TestColumnWriterMatchesRowWriter(t *testing.T) {
	codec, err := newZstdCodec()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		rows     int
		rowGroup int64
		calls    []int
		oneCPU   bool
	}{
		{"empty", 0, DefaultRowGroupRows, []int{1}, false},
		{"one row", 1, DefaultRowGroupRows, []int{1}, false},
		{"one chunk", 64, DefaultRowGroupRows, []int{64}, false},
		{"one call", 6000, DefaultRowGroupRows, []int{6000}, false},
		{"uneven calls", 6000, DefaultRowGroupRows, []int{1, 63, 65, 700, 5}, false},
		{"row groups of 1000", 6000, 1000, []int{2500}, false},
		{"row groups of 100", 3000, 100, []int{1, 64, 450}, false},
		{"row groups of 64", 700, 64, []int{700}, false},
		{"one goroutine", 3000, 1000, []int{1200}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts := longArticles(tc.rows)
			rep := articlesReport(testCategories)
			src := articleSource(arts, len(testCategories))
			var got, want bytes.Buffer
			f := newParquetFile(&got, rep, tc.rowGroup, map[string]string{MetaVersion: "test"}, codec)
			if tc.oneCPU {
				f.twoCPUs = false
			}
			writeCalls(t, f, src, tc.calls)
			writeCalls(t, newRowFile(&want, rep, tc.rowGroup, codec), src, tc.calls)
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("%d rows: column writer wrote %d bytes, row writer %d; they differ", tc.rows, got.Len(), want.Len())
			}
			if tc.rows >= 6000 && !tc.oneCPU {
				// both goroutines had columns, and each column had one owner
				for c := range rep.columns {
					if f.parts[0].own[c] == f.parts[1].own[c] {
						t.Errorf("column %s owned by both or neither goroutine", rep.columns[c].name)
					}
				}
				if !slices.Contains(f.parts[1].own, true) {
					t.Error("the second goroutine wrote no column")
				}
			}
			rows := readRows(t, got.Bytes())
			if len(rows) != tc.rows {
				t.Fatalf("read %d rows, want %d", len(rows), tc.rows)
			}
			if tc.rows > 3 {
				d := decodeRows(rows[3:4], len(rep.columns))
				if got := d[0][3]; got != "टूटा\uFFFD" {
					t.Errorf("invalid title written as %q, want it repaired", got)
				}
			}
		})
	}
}

// TestArticleErrorsInOrder: when rows of one call fail in columns written by different
// goroutines, the error names the first failing row and, in it, the first failing column,
// as writing the rows one by one would. The articles have short strings, so that the
// integer columns are shared out between both goroutines, and every case is tried with the
// two columns swapped.
func TestArticleErrorsInOrder(t *testing.T) {
	type fault struct {
		col  string
		edit func(*Article)
	}
	const big = math.MaxInt32 + 1
	faults := []fault{
		{"chars", func(a *Article) { a.Chars = big }},
		{"words", func(a *Article) { a.Words = big }},
		{"sentences", func(a *Article) { a.Sentences = big }},
		{"war_hits", func(a *Article) { a.Categories[0].Hits = big }},
		{"alliance_hits", func(a *Article) { a.Categories[1].Hits = big }},
		{"threat_hits", func(a *Article) { a.Categories[2].Hits = big }},
		{"topic_id", func(a *Article) { a.TopicID, a.HasTopic = big, true }},
	}
	write := func(t *testing.T, arts []Article) error {
		r, err := Create(testOptions(t.TempDir()))
		if err != nil {
			t.Fatal(err)
		}
		defer r.Abort()
		err = r.WriteArticles(arts)
		if err != nil {
			if cerr := r.Commit(nil); cerr == nil {
				t.Error("commit after a write error succeeded")
			}
		}
		return err
	}
	for i, x := range faults {
		for _, y := range faults[i+1:] {
			for _, rows := range [][2]int{{300, 301}, {301, 300}, {4000, 4000}, {5, 3000}} {
				arts := testArticles(5000)
				x.edit(&arts[rows[0]])
				y.edit(&arts[rows[1]])
				row, col := rows[0], x.col // x comes first in the schema
				if rows[1] < rows[0] {
					row, col = rows[1], y.col
				}
				want := fmt.Sprintf("writing articles: row %d of the call: column %s: value %d overflows INT32", row, col, big)
				if err := write(t, arts); err == nil || err.Error() != want {
					t.Fatalf("%s in row %d, %s in row %d: err = %v\nwant %s", x.col, rows[0], y.col, rows[1], err, want)
				}
			}
		}
	}
}

// BenchmarkParquetArticles writes 15,000 articles with long titles into memory, about the
// articles of the 50 MB corpus, with the column writer and with parquet-go's row writer.
func BenchmarkParquetArticles(b *testing.B) {
	codec, err := newZstdCodec()
	if err != nil {
		b.Fatal(err)
	}
	arts := longArticles(15_000)
	rep := articlesReport(testCategories)
	src := articleSource(arts, len(testCategories))
	run := func(b *testing.B, w func(io.Writer) parquetWriter) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			f := w(&buf)
			for i := range src.n {
				if err := f.add(src, i); err != nil {
					b.Fatal(err)
				}
			}
			if err := f.close(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(src.n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	}
	b.Run("columns", func(b *testing.B) {
		run(b, func(out io.Writer) parquetWriter {
			return newParquetFile(out, rep, DefaultRowGroupRows, map[string]string{MetaVersion: "bench"}, codec)
		})
	})
	b.Run("rows", func(b *testing.B) {
		run(b, func(out io.Writer) parquetWriter { return newRowFile(out, rep, DefaultRowGroupRows, codec) })
	})
}
