package output

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
)

// parquetSink collects the values of one share of a report's columns, one slice per column,
// for a flat schema whose columns are leaves, optional leaves or LISTs of required elements.
// Values of the columns it does not own are skipped (and their strings not even checked). It
// checks every value it keeps against the column description and records the first mismatch
// or overflow in err instead of panicking.
type parquetSink struct {
	cols []column
	own  []bool            // own[i]: the values of column i are kept
	vals [][]parquet.Value // the values of the current chunk of rows, per owned column
	// cost[i] sums, over every value kept for column i, valueCost plus its bytes times
	// byteCost[i]: how the columns are shared out between the two writing goroutines
	cost     []int64
	byteCost []int64
	col      int
	err      error
	errCol   int // column of err, to report the first error of a row in column order
}

// Weights of parquetSink.cost, from the CPU profile of writing articles: converting and
// buffering a value costs about as much as compressing eight bytes of numbers, and a byte of
// text costs about four, being checked as UTF-8, copied and compressed as it is (a string
// column with a dictionary compresses only the indexes of its values).
const (
	valueCost    = 8
	textByteCost = 4
)

func newParquetSink(cols []column, own bool) parquetSink {
	p := parquetSink{
		cols:     cols,
		own:      make([]bool, len(cols)),
		vals:     make([][]parquet.Value, len(cols)),
		cost:     make([]int64, len(cols)),
		byteCost: make([]int64, len(cols)),
	}
	for i, c := range cols {
		p.own[i] = own
		p.byteCost[i] = 1
		if (c.kind == kString || c.kind == kStringList) && c.enc != encDict {
			p.byteCost[i] = textByteCost
		}
	}
	return p
}

// next returns the index of the column about to be written and whether its value is kept,
// after checking that a kept column has the expected kind and nullability.
func (p *parquetSink) next(k kind, nullable bool) (int, bool) {
	i := p.col
	p.col++
	if i >= len(p.cols) {
		if p.err == nil {
			p.err, p.errCol = fmt.Errorf("row has more values than the %d columns of the schema", len(p.cols)), i
		}
		return i, false
	}
	if !p.own[i] {
		return i, false
	}
	if c := p.cols[i]; (c.kind != k || c.nullable != nullable) && p.err == nil {
		p.err, p.errCol = fmt.Errorf("column %s: value does not match the column type", c.name), i
	}
	return i, true
}

func (p *parquetSink) fail(i int, format string, args ...any) {
	if p.err == nil {
		p.err, p.errCol = fmt.Errorf("column %s: "+format, append([]any{p.cols[i].name}, args...)...), i
	}
}

// put keeps value v of column i at the given levels. The levels are set in place, which
// parquet-go's setters allow to inline, rather than with Value.Level, which copies the value
// twice and was a tenth of the CPU of writing articles.
func (p *parquetSink) put(i int, v parquet.Value, rep, def, bytes int) {
	s := append(p.vals[i], v)
	e := &s[len(s)-1]
	e.SetRepetitionLevel(rep)
	e.SetDefinitionLevel(def)
	e.SetColumnIndex(i)
	p.vals[i] = s
	p.cost[i] += valueCost + int64(bytes)*p.byteCost[i]
}

// bytesOf views s as bytes without copying; parquet-go copies values into its column buffers
// and never writes through them.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

func (p *parquetSink) str(s string) {
	if i, ok := p.next(kString, false); ok {
		s = validUTF8(s)
		p.put(i, parquet.ByteArrayValue(bytesOf(s)), 0, 0, len(s))
	}
}

func (p *parquetSink) optStr(s string) {
	i, ok := p.next(kString, true)
	if !ok {
		return
	}
	if s == "" {
		p.put(i, parquet.NullValue(), 0, 0, 0)
		return
	}
	s = validUTF8(s)
	p.put(i, parquet.ByteArrayValue(bytesOf(s)), 0, 1, len(s))
}

func (p *parquetSink) int32Of(i, v int) int32 {
	if v < math.MinInt32 || v > math.MaxInt32 {
		p.fail(i, "value %d overflows INT32", v)
	}
	return int32(v)
}

func (p *parquetSink) i32(v int) {
	if i, ok := p.next(kInt32, false); ok {
		p.put(i, parquet.Int32Value(p.int32Of(i, v)), 0, 0, 4)
	}
}

func (p *parquetSink) optI32(v int, valid bool) {
	i, ok := p.next(kInt32, true)
	if !ok {
		return
	}
	if !valid {
		p.put(i, parquet.NullValue(), 0, 0, 0)
		return
	}
	p.put(i, parquet.Int32Value(p.int32Of(i, v)), 0, 1, 4)
}

func (p *parquetSink) i64(v int64) {
	if i, ok := p.next(kInt64, false); ok {
		p.put(i, parquet.Int64Value(v), 0, 0, 8)
	}
}

func (p *parquetSink) f64(v float64) {
	if i, ok := p.next(kFloat64, false); ok {
		p.put(i, parquet.DoubleValue(v), 0, 0, 8)
	}
}

func (p *parquetSink) optF64(v float64, valid bool) {
	i, ok := p.next(kFloat64, true)
	if !ok {
		return
	}
	if !valid {
		p.put(i, parquet.NullValue(), 0, 0, 0)
		return
	}
	p.put(i, parquet.DoubleValue(v), 0, 1, 8)
}

func (p *parquetSink) boolean(v bool) {
	if i, ok := p.next(kBool, false); ok {
		p.put(i, parquet.BooleanValue(v), 0, 0, 1)
	}
}

func (p *parquetSink) ts(t time.Time) {
	i, ok := p.next(kTimestamp, true)
	if !ok {
		return
	}
	if t.IsZero() {
		p.put(i, parquet.NullValue(), 0, 0, 0)
		return
	}
	p.put(i, parquet.Int64Value(t.UnixMicro()), 0, 1, 8)
}

func (p *parquetSink) date(d int32, valid bool) {
	i, ok := p.next(kDate, true)
	if !ok {
		return
	}
	if !valid {
		p.put(i, parquet.NullValue(), 0, 0, 0)
		return
	}
	p.put(i, parquet.Int32Value(d), 0, 1, 4)
}

// A required LIST of required elements has maximum definition level 1 and maximum repetition
// level 1: an empty list is one null value at levels (0, 0); element k is at (min(k,1), 1).

func (p *parquetSink) strs(v []string) {
	i, ok := p.next(kStringList, false)
	if !ok {
		return
	}
	if len(v) == 0 {
		p.put(i, parquet.NullValue(), 0, 0, 0)
		return
	}
	for k, s := range v {
		s = validUTF8(s)
		p.put(i, parquet.ByteArrayValue(bytesOf(s)), min(k, 1), 1, len(s))
	}
}

func (p *parquetSink) f64s(v []float64) {
	i, ok := p.next(kFloatList, false)
	if !ok {
		return
	}
	if len(v) == 0 {
		p.put(i, parquet.NullValue(), 0, 0, 0)
		return
	}
	for k, f := range v {
		p.put(i, parquet.DoubleValue(f), min(k, 1), 1, 8)
	}
}

// rowError is the first conversion error of a share of the columns: rows[at] of the batch.
type rowError struct {
	at, row, col int
	err          error
}

// write converts rows of src, a chunk of chunkRows rows at a time, and hands the values of
// the owned columns of each chunk to their column writers: the chunks parquet-go's
// Writer.WriteRows would hand them, so pages end where they would end.
func (p *parquetSink) write(cw []*parquet.ColumnWriter, src *rowSource, rows []int) (*rowError, error) {
	for at := 0; at < len(rows); at += chunkRows {
		chunk := rows[at:min(at+chunkRows, len(rows))]
		for k, i := range chunk {
			p.col = 0
			src.emit(p, i)
			if p.err == nil && p.col != len(p.cols) {
				p.err, p.errCol = fmt.Errorf("row has %d values for %d columns", p.col, len(p.cols)), p.col
			}
			if p.err != nil {
				re := &rowError{at: at + k, row: i, col: p.errCol, err: p.err}
				p.err = nil
				p.clear()
				return re, nil
			}
		}
		for c, own := range p.own {
			if !own {
				continue
			}
			_, err := cw[c].WriteRowValues(p.vals[c])
			clear(p.vals[c]) // parquet-go copied the values: drop the caller's strings
			p.vals[c] = p.vals[c][:0]
			if err != nil {
				p.clear()
				return nil, fmt.Errorf("writing parquet rows: %w", err)
			}
		}
	}
	return nil, nil
}

func (p *parquetSink) clear() {
	for c := range p.vals {
		clear(p.vals[c])
		p.vals[c] = p.vals[c][:0]
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

// parquetFile writes one report file from the report's emit function, column by column. The
// rows of a Write call are kept as indexes into its rowSource until the call ends; then two
// goroutines, each owning a share of the columns, convert the rows and hand the values of
// their columns to parquet-go's column writers, which encode and compress each column's
// pages apart from the others'. Converting a row, encoding its pages and compressing them
// thus use both cores of the end of a run, when the articles are written and nothing else
// runs. The columns are shared out by their cost so far (bytes and values, parquetSink.cost),
// the first chunk of a file being written by one goroutine to measure them.
//
// The file is the one parquet-go's Writer.WriteRows writes from the same rows: each column
// writer gets the values of the same chunks of rows (chunkRows, cut at the row-group limit),
// so pages end at the same rows and hold the same bytes (TestColumnWriterMatchesRowWriter).
type parquetFile struct {
	w       *parquet.Writer
	parts   [2]parquetSink // parts[k].own: the columns of goroutine k; disjoint, covering all
	shared  bool           // the columns have been shared out between the parts
	twoCPUs bool           // more than one goroutine can run at once
	src     *rowSource     // the rows of the current call
	batch   []int          // indexes in src of the rows not yet written
	maxRows int64          // row-group limit
	rgRows  int64          // rows in the current row group
	order   []int          // columns by decreasing cost, reused by share and flushColumns
}

// chunkRows is the number of rows parquet-go's Writer.WriteRows hands its column writers at
// once; a page is closed only between two chunks.
const chunkRows = 64

func newParquetFile(out io.Writer, rep *report, rowGroupRows int64, meta map[string]string, codec compress.Codec) *parquetFile {
	return &parquetFile{
		w:       parquet.NewWriter(out, writerOptions(rep, rowGroupRows, meta, codec)...),
		parts:   [2]parquetSink{newParquetSink(rep.columns, true), newParquetSink(rep.columns, false)},
		twoCPUs: runtime.GOMAXPROCS(0) > 1,
		maxRows: rowGroupRows,
		order:   make([]int, len(rep.columns)),
	}
}

// add keeps row i of src for flush; the table flushes every file a call touched before the
// call returns.
func (f *parquetFile) add(src *rowSource, i int) error {
	if f.src != src && len(f.batch) > 0 {
		if err := f.flush(); err != nil {
			return err
		}
	}
	f.src = src
	f.batch = append(f.batch, i)
	return nil
}

// flush writes the kept rows, starting a new row group whenever the current one is full
// (when the next row comes, as parquet-go does).
func (f *parquetFile) flush() error {
	src, rows := f.src, f.batch
	f.src, f.batch = nil, f.batch[:0]
	for len(rows) > 0 {
		if f.rgRows >= f.maxRows {
			if err := f.flushColumns(); err != nil {
				return err
			}
			if err := f.w.Flush(); err != nil {
				return fmt.Errorf("writing parquet row group: %w", err)
			}
			f.rgRows = 0
		}
		n := min(int64(len(rows)), f.maxRows-f.rgRows)
		if err := f.writeRows(src, rows[:n]); err != nil {
			return err
		}
		f.rgRows += n
		rows = rows[n:]
	}
	return nil
}

// writeRows writes rows of one row group, on two goroutines when there are more than a chunk
// of them.
func (f *parquetFile) writeRows(src *rowSource, rows []int) error {
	cw := f.w.ColumnWriters()
	if !f.twoCPUs {
		return rowErr(f.parts[0].write(cw, src, rows))
	}
	if !f.shared {
		// the first chunk, written alone, measures the columns
		n := min(len(rows), chunkRows)
		if err := rowErr(f.parts[0].write(cw, src, rows[:n])); err != nil {
			return err
		}
		if rows = rows[n:]; len(rows) == 0 {
			return nil
		}
		f.shared = true
	}
	f.share()
	var (
		re   [2]*rowError
		errs [2]error
	)
	if len(rows) <= chunkRows { // not worth a goroutine
		re[0], errs[0] = f.parts[0].write(cw, src, rows)
		re[1], errs[1] = f.parts[1].write(cw, src, rows)
	} else {
		var wg sync.WaitGroup
		wg.Go(func() { re[1], errs[1] = f.parts[1].write(cw, src, rows) })
		re[0], errs[0] = f.parts[0].write(cw, src, rows)
		wg.Wait()
	}
	if re[0] != nil || re[1] != nil {
		// the first error in row order, then in column order, as one goroutine would meet it
		first := re[0]
		if first == nil || re[1] != nil && (re[1].at < first.at || re[1].at == first.at && re[1].col < first.col) {
			first = re[1]
		}
		return rowErr(first, nil)
	}
	return errors.Join(errs[0], errs[1])
}

func rowErr(re *rowError, err error) error {
	if re != nil {
		return fmt.Errorf("row %d of the call: %w", re.row, re.err)
	}
	return err
}

// share gives each column to the goroutine with the smaller total cost so far, costliest
// column first.
func (f *parquetFile) share() {
	a, b := &f.parts[0], &f.parts[1]
	f.sortByCost()
	var load [2]int64
	for _, c := range f.order {
		k := 0
		if load[1] < load[0] {
			k = 1
		}
		a.own[c], b.own[c] = k == 0, k == 1
		load[k] += a.cost[c] + b.cost[c]
	}
}

func (f *parquetFile) sortByCost() {
	a, b := &f.parts[0], &f.parts[1]
	for i := range f.order {
		f.order[i] = i
	}
	slices.SortStableFunc(f.order, func(x, y int) int {
		return cmp.Compare(a.cost[y]+b.cost[y], a.cost[x]+b.cost[x])
	})
}

// flushColumns encodes and compresses the last page of every column on two goroutines, which
// take the columns costliest first; the Writer's Flush or Close then finds nothing left to
// encode and only writes the pages out, column after column.
func (f *parquetFile) flushColumns() error {
	if !f.twoCPUs {
		return nil
	}
	cw := f.w.ColumnWriters()
	f.sortByCost()
	var (
		next atomic.Int64
		errs [2]error
		wg   sync.WaitGroup
	)
	work := func() error {
		for {
			k := next.Add(1) - 1
			if k >= int64(len(f.order)) {
				return nil
			}
			if err := cw[f.order[k]].Flush(); err != nil {
				return fmt.Errorf("writing parquet page: %w", err)
			}
		}
	}
	wg.Go(func() { errs[1] = work() })
	errs[0] = work()
	wg.Wait()
	return errors.Join(errs[0], errs[1])
}

func (f *parquetFile) close() error {
	if err := f.flush(); err != nil {
		return err
	}
	if err := f.flushColumns(); err != nil {
		return err
	}
	if err := f.w.Close(); err != nil {
		return fmt.Errorf("closing parquet writer: %w", err)
	}
	return nil
}

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
