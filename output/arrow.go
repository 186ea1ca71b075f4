package output

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

// arrowSink appends one row's values to the column builders of a RecordBuilder.
type arrowSink struct {
	cols []column
	b    []array.Builder
	col  int
	err  error
}

func (a *arrowSink) next(k kind, nullable bool) array.Builder {
	i := a.col
	a.col++
	if i >= len(a.cols) {
		if a.err == nil {
			a.err = fmt.Errorf("row has more values than the %d columns of the schema", len(a.cols))
		}
		return nil
	}
	if c := a.cols[i]; c.kind != k || c.nullable != nullable {
		if a.err == nil {
			a.err = fmt.Errorf("column %s: value does not match the column type", c.name)
		}
		return nil
	}
	return a.b[i]
}

func (a *arrowSink) str(s string) {
	if b, ok := a.next(kString, false).(*array.StringBuilder); ok {
		b.Append(validUTF8(s))
	}
}

func (a *arrowSink) optStr(s string) {
	if b, ok := a.next(kString, true).(*array.StringBuilder); ok {
		if s == "" {
			b.AppendNull()
		} else {
			b.Append(validUTF8(s))
		}
	}
}

func (a *arrowSink) int32Of(v int) int32 {
	if (v < math.MinInt32 || v > math.MaxInt32) && a.err == nil {
		a.err = fmt.Errorf("column %s: value %d overflows INT32", a.cols[a.col-1].name, v)
	}
	return int32(v)
}

func (a *arrowSink) i32(v int) {
	if b, ok := a.next(kInt32, false).(*array.Int32Builder); ok {
		b.Append(a.int32Of(v))
	}
}

func (a *arrowSink) optI32(v int, valid bool) {
	if b, ok := a.next(kInt32, true).(*array.Int32Builder); ok {
		if valid {
			b.Append(a.int32Of(v))
		} else {
			b.AppendNull()
		}
	}
}

func (a *arrowSink) i64(v int64) {
	if b, ok := a.next(kInt64, false).(*array.Int64Builder); ok {
		b.Append(v)
	}
}

func (a *arrowSink) f64(v float64) {
	if b, ok := a.next(kFloat64, false).(*array.Float64Builder); ok {
		b.Append(v)
	}
}

func (a *arrowSink) optF64(v float64, valid bool) {
	if b, ok := a.next(kFloat64, true).(*array.Float64Builder); ok {
		if valid {
			b.Append(v)
		} else {
			b.AppendNull()
		}
	}
}

func (a *arrowSink) boolean(v bool) {
	if b, ok := a.next(kBool, false).(*array.BooleanBuilder); ok {
		b.Append(v)
	}
}

func (a *arrowSink) ts(t time.Time) {
	if b, ok := a.next(kTimestamp, true).(*array.TimestampBuilder); ok {
		if t.IsZero() {
			b.AppendNull()
		} else {
			b.Append(arrow.Timestamp(t.UnixMicro()))
		}
	}
}

func (a *arrowSink) date(d int32, valid bool) {
	if b, ok := a.next(kDate, true).(*array.Date32Builder); ok {
		if valid {
			b.Append(arrow.Date32(d))
		} else {
			b.AppendNull()
		}
	}
}

func (a *arrowSink) strs(v []string) {
	if b, ok := a.next(kStringList, false).(*array.ListBuilder); ok {
		b.Append(true)
		vb := b.ValueBuilder().(*array.StringBuilder)
		for _, s := range v {
			vb.Append(validUTF8(s))
		}
	}
}

func (a *arrowSink) f64s(v []float64) {
	if b, ok := a.next(kFloatList, false).(*array.ListBuilder); ok {
		b.Append(true)
		b.ValueBuilder().(*array.Float64Builder).AppendValues(v, nil)
	}
}

// arrowFile writes one report as an Arrow IPC file (the Feather v2 format), one record batch
// per arrowBatchRows rows, uncompressed so that every Arrow reader can open it.
type arrowFile struct {
	w    *ipc.FileWriter
	rb   *array.RecordBuilder
	sink arrowSink
	n    int
	rows int64
}

const arrowBatchRows = 64 * 1024

func newArrowFile(out io.WriteSeeker, rep *report, meta map[string]string) (*arrowFile, error) {
	schema := rep.arrowSchema(meta)
	mem := memory.NewGoAllocator()
	w, err := ipc.NewFileWriter(out, ipc.WithSchema(schema), ipc.WithAllocator(mem))
	if err != nil {
		return nil, fmt.Errorf("starting arrow file: %w", err)
	}
	rb := array.NewRecordBuilder(mem, schema)
	return &arrowFile{w: w, rb: rb, sink: arrowSink{cols: rep.columns, b: rb.Fields()}}, nil
}

func (f *arrowFile) add(emit func(sink, int), i int) error {
	f.sink.col = 0
	emit(&f.sink, i)
	if f.sink.err != nil {
		return f.sink.err
	}
	f.n++
	f.rows++
	if f.n == arrowBatchRows {
		return f.flush()
	}
	return nil
}

func (f *arrowFile) flush() error {
	if f.n == 0 {
		return nil
	}
	rec := f.rb.NewRecord()
	defer rec.Release()
	f.n = 0
	if err := f.w.Write(rec); err != nil {
		return fmt.Errorf("writing arrow record batch: %w", err)
	}
	return nil
}

func (f *arrowFile) close() error {
	defer f.rb.Release()
	if err := f.flush(); err != nil {
		return err
	}
	if err := f.w.Close(); err != nil {
		return fmt.Errorf("closing arrow file: %w", err)
	}
	return nil
}
