package output

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

func readArrow(t *testing.T, path string) (*arrow.Schema, []arrow.Record) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	rd, err := ipc.NewFileReader(f, ipc.WithAllocator(memory.NewGoAllocator()))
	if err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	t.Cleanup(func() { rd.Close() })
	var recs []arrow.Record
	for i := range rd.NumRecords() {
		rec, err := rd.Record(i)
		if err != nil {
			t.Fatal(err)
		}
		rec.Retain()
		t.Cleanup(rec.Release)
		recs = append(recs, rec)
	}
	return rd.Schema(), recs
}

func TestArrowCopies(t *testing.T) {
	dir := t.TempDir()
	opts := testOptions(dir)
	opts.Arrow = true
	arts := testArticles(70_000) // more than one record batch
	writeAll(t, opts, arts, testHits(10))

	schema, recs := readArrow(t, filepath.Join(dir, "articles.arrow"))
	wantTypes := map[string]string{
		"id":           "utf8",
		"published_at": "timestamp[us, tz=UTC]",
		"day":          "date32",
		"war_hits":     "int32",
		"war_density":  "float64",
		"flags":        "list<item: utf8>",
		"topic_id":     "int32",
	}
	for name, want := range wantTypes {
		idx := schema.FieldIndices(name)
		if len(idx) != 1 {
			t.Fatalf("arrow schema lacks %s", name)
		}
		if got := schema.Field(idx[0]).Type.String(); got != want {
			t.Errorf("arrow %s type = %s, want %s", name, got, want)
		}
	}
	if lt := schema.Field(schema.FieldIndices("flags")[0]).Type.(*arrow.ListType); lt.ElemField().Nullable {
		t.Error("flags elements are nullable, want non-null elements as in Parquet")
	}
	if v, ok := schema.Metadata().GetValue(MetaRunID); !ok || v != "test-run-1" {
		t.Errorf("arrow metadata run id = %q, %v", v, ok)
	}
	if len(recs) != 2 {
		t.Errorf("record batches = %d, want 2", len(recs))
	}
	var n int64
	for _, r := range recs {
		n += r.NumRows()
	}
	if n != int64(len(arts)) {
		t.Fatalf("arrow rows = %d, want %d", n, len(arts))
	}
	rec := recs[0]
	ids := rec.Column(0).(*array.String)
	ts := rec.Column(schema.FieldIndices("published_at")[0]).(*array.Timestamp)
	days := rec.Column(schema.FieldIndices("day")[0]).(*array.Date32)
	flags := rec.Column(schema.FieldIndices("flags")[0]).(*array.List)
	for i := range 20 {
		a := arts[i]
		if ids.Value(i) != a.ID {
			t.Errorf("row %d id = %s, want %s", i, ids.Value(i), a.ID)
		}
		if a.HasDay {
			if ts.IsNull(i) || int64(ts.Value(i)) != a.PublishedAt.UnixMicro() || int32(days.Value(i)) != a.Day {
				t.Errorf("row %d published_at/day = %v/%v, want %v/%v", i, ts.Value(i), days.Value(i), a.PublishedAt.UnixMicro(), a.Day)
			}
		} else if !ts.IsNull(i) || !days.IsNull(i) {
			t.Errorf("row %d: published_at and day should be NULL", i)
		}
		start, end := flags.ValueOffsets(i)
		if int(end-start) != len(a.Flags) {
			t.Errorf("row %d: %d flags, want %d", i, end-start, len(a.Flags))
		}
	}

	// Topics' LIST<DOUBLE> and the per-category means.
	schema, recs = readArrow(t, filepath.Join(dir, "topics.arrow"))
	tw := recs[0].Column(schema.FieldIndices("top_weights")[0]).(*array.List)
	vals := tw.ListValues().(*array.Float64)
	if start, end := tw.ValueOffsets(0); end-start != 2 || vals.Value(int(start)) != 0.5 {
		t.Errorf("top_weights[0] offsets %d..%d", start, end)
	}
	if got := recs[0].Column(schema.FieldIndices("mean_threat")[0]).(*array.Float64).Value(0); got != 3 {
		t.Errorf("mean_threat = %v, want 3", got)
	}
}

func TestArrowOnly(t *testing.T) {
	dir := t.TempDir()
	opts := testOptions(dir)
	opts.Parquet = false
	opts.Arrow = true
	writeAll(t, opts, testArticles(5), testHits(5))
	for _, name := range ReportNames() {
		if _, err := os.Stat(filepath.Join(dir, name+".parquet")); err == nil {
			t.Errorf("%s.parquet written although only Arrow was asked for", name)
		}
		if _, recs := readArrow(t, filepath.Join(dir, name+".arrow")); name == ReportArticles && recs[0].NumRows() != 5 {
			t.Errorf("articles.arrow rows = %d, want 5", recs[0].NumRows())
		}
	}
}
