package output

import (
	"fmt"
	"io"
	"math"
	"time"
	"unsafe"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
)

// parquetSink builds parquet.Row values for a flat schema whose columns are leaves, optional
// leaves or LISTs of required elements. It checks every value against the column description
// and records the first mismatch or overflow in err instead of panicking.
type parquetSink struct {
	cols []column
	row  parquet.Row
	col  int
	err  error
}

func (p *parquetSink) reset(row parquet.Row) {
	p.row = row[:0]
	p.col = 0
}

// next returns the index of the column about to be written after checking that it has the
// expected kind and nullability.
func (p *parquetSink) next(k kind, nullable bool) int {
	i := p.col
	p.col++
	if p.err == nil {
		if i >= len(p.cols) {
			p.err = fmt.Errorf("row has more values than the %d columns of the schema", len(p.cols))
		} else if c := p.cols[i]; c.kind != k || c.nullable != nullable {
			p.err = fmt.Errorf("column %s: value does not match the column type", c.name)
		}
	}
	return i
}

func (p *parquetSink) fail(i int, format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("column %s: "+format, append([]any{p.cols[i].name}, args...)...)
	}
}

// bytesOf views s as bytes without copying; parquet-go copies values into its column buffers
// and never writes through them.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

func (p *parquetSink) str(s string) {
	i := p.next(kString, false)
	p.row = append(p.row, parquet.ByteArrayValue(bytesOf(validUTF8(s))).Level(0, 0, i))
}

func (p *parquetSink) optStr(s string) {
	i := p.next(kString, true)
	if s == "" {
		p.row = append(p.row, parquet.NullValue().Level(0, 0, i))
		return
	}
	p.row = append(p.row, parquet.ByteArrayValue(bytesOf(validUTF8(s))).Level(0, 1, i))
}

func (p *parquetSink) int32Of(i, v int) int32 {
	if v < math.MinInt32 || v > math.MaxInt32 {
		p.fail(i, "value %d overflows INT32", v)
	}
	return int32(v)
}

func (p *parquetSink) i32(v int) {
	i := p.next(kInt32, false)
	p.row = append(p.row, parquet.Int32Value(p.int32Of(i, v)).Level(0, 0, i))
}

func (p *parquetSink) optI32(v int, ok bool) {
	i := p.next(kInt32, true)
	if !ok {
		p.row = append(p.row, parquet.NullValue().Level(0, 0, i))
		return
	}
	p.row = append(p.row, parquet.Int32Value(p.int32Of(i, v)).Level(0, 1, i))
}

func (p *parquetSink) i64(v int64) {
	i := p.next(kInt64, false)
	p.row = append(p.row, parquet.Int64Value(v).Level(0, 0, i))
}

func (p *parquetSink) f64(v float64) {
	i := p.next(kFloat64, false)
	p.row = append(p.row, parquet.DoubleValue(v).Level(0, 0, i))
}

func (p *parquetSink) optF64(v float64, ok bool) {
	i := p.next(kFloat64, true)
	if !ok {
		p.row = append(p.row, parquet.NullValue().Level(0, 0, i))
		return
	}
	p.row = append(p.row, parquet.DoubleValue(v).Level(0, 1, i))
}

func (p *parquetSink) boolean(v bool) {
	i := p.next(kBool, false)
	p.row = append(p.row, parquet.BooleanValue(v).Level(0, 0, i))
}

func (p *parquetSink) ts(t time.Time) {
	i := p.next(kTimestamp, true)
	if t.IsZero() {
		p.row = append(p.row, parquet.NullValue().Level(0, 0, i))
		return
	}
	p.row = append(p.row, parquet.Int64Value(t.UnixMicro()).Level(0, 1, i))
}

func (p *parquetSink) date(d int32, ok bool) {
	i := p.next(kDate, true)
	if !ok {
		p.row = append(p.row, parquet.NullValue().Level(0, 0, i))
		return
	}
	p.row = append(p.row, parquet.Int32Value(d).Level(0, 1, i))
}

// A required LIST of required elements has maximum definition level 1 and maximum repetition
// level 1: an empty list is one null value at levels (0, 0); element k is at (min(k,1), 1).

func (p *parquetSink) strs(v []string) {
	i := p.next(kStringList, false)
	if len(v) == 0 {
		p.row = append(p.row, parquet.NullValue().Level(0, 0, i))
		return
	}
	for k, s := range v {
		p.row = append(p.row, parquet.ByteArrayValue(bytesOf(validUTF8(s))).Level(min(k, 1), 1, i))
	}
}

func (p *parquetSink) f64s(v []float64) {
	i := p.next(kFloatList, false)
	if len(v) == 0 {
		p.row = append(p.row, parquet.NullValue().Level(0, 0, i))
		return
	}
	for k, f := range v {
		p.row = append(p.row, parquet.DoubleValue(f).Level(min(k, 1), 1, i))
	}
}

// parquetWriter writes one report's Parquet file.
type parquetWriter interface {
	// add adds row i of src; rows may be held in a batch until the next flush.
	add(src *rowSource, i int) error
	// flush hands the batched rows to parquet-go, which copies what it keeps.
	flush() error
	// close flushes and writes the footer; the caller closes the underlying file.
	close() error
}

var (
	_ parquetWriter = (*parquetFile)(nil)
	_ parquetWriter = (*hitsFile)(nil)
)

// newParquetWriter returns the writer of rep's file: hitsFile for hits, the largest report,
// and parquetFile for the others.
func newParquetWriter(out io.Writer, rep *report, rowGroupRows int64, meta map[string]string, codec compress.Codec) parquetWriter {
	if rep.name == ReportHits {
		return newHitsFile(out, rep, rowGroupRows, meta, codec)
	}
	return newParquetFile(out, rep, rowGroupRows, meta, codec)
}

// writerOptions are the options of every report file: zstd, the row-group limit, the
// creator and the key-value metadata in key order, and rep's schema. Page minima and maxima
// go into the column index only, not also into every page header: readers that prune pages
// use the column index, and computing them twice cost about a tenth of writing hits.
func writerOptions(rep *report, rowGroupRows int64, meta map[string]string, codec compress.Codec) []parquet.WriterOption {
	opts := []parquet.WriterOption{
		parquet.Compression(codec),
		parquet.MaxRowsPerRowGroup(rowGroupRows),
		parquet.DataPageStatistics(false),
		parquet.CreatedBy("drishti", meta[MetaVersion], ""),
	}
	keys, vals := sortedKV(meta)
	for i, k := range keys {
		opts = append(opts, parquet.KeyValueMetadata(k, vals[i]))
	}
	return append(opts, rep.parquetSchema())
}

// parquetFile writes one report file from the report's emit function. Rows are converted
// into a reusable batch of parquet.Row values and handed to parquet-go in batches of
// batchRows.
type parquetFile struct {
	w     *parquet.Writer
	sink  parquetSink
	batch []parquet.Row
	n     int // rows in batch
	rows  int64
}

const batchRows = 1024

func newParquetFile(out io.Writer, rep *report, rowGroupRows int64, meta map[string]string, codec compress.Codec) *parquetFile {
	return &parquetFile{
		w:     parquet.NewWriter(out, writerOptions(rep, rowGroupRows, meta, codec)...),
		sink:  parquetSink{cols: rep.columns},
		batch: make([]parquet.Row, batchRows),
	}
}

// add converts row i with src.emit and writes the batch when it is full.
func (f *parquetFile) add(src *rowSource, i int) error {
	f.sink.reset(f.batch[f.n])
	src.emit(&f.sink, i)
	if f.sink.err == nil && f.sink.col != len(f.sink.cols) {
		f.sink.err = fmt.Errorf("row has %d values for %d columns", f.sink.col, len(f.sink.cols))
	}
	if f.sink.err != nil {
		return f.sink.err
	}
	f.batch[f.n] = f.sink.row
	f.n++
	f.rows++
	if f.n == len(f.batch) {
		return f.flush()
	}
	return nil
}

func (f *parquetFile) flush() error {
	if f.n == 0 {
		return nil
	}
	_, err := f.w.WriteRows(f.batch[:f.n])
	f.n = 0
	if err != nil {
		return fmt.Errorf("writing parquet rows: %w", err)
	}
	return nil
}

func (f *parquetFile) close() error { return flushClose(f.flush, f.w) }

// flushClose flushes a writer's batch, then closes its parquet-go writer (the footer).
func flushClose(flush func() error, w io.Closer) error {
	if err := flush(); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("closing parquet writer: %w", err)
	}
	return nil
}
