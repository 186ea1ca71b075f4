package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

// arrowMagic starts an Arrow IPC file; the stream format follows it, so both formats are read
// as a stream (which also works for gzipped files).
var arrowMagic = []byte("ARROW1\x00\x00")

// arrowSource reads an Arrow IPC file or stream record batch by record batch.
type arrowSource struct {
	in    *input
	cfg   *config
	s     *stream
	st    *InputStats
	rdr   *ipc.Reader
	cols  [nFields]int // column index per field, -1 when absent
	rec   arrow.Record
	get   [nFields]func(int) value
	i, n  int
	row   int64
	end   bool
	names []string
}

func openArrow(in *input, cfg *config, s *stream, st *InputStats) (source, *Reject, error) {
	br := bufio.NewReaderSize(s.r, 64<<10)
	if head, err := br.Peek(len(arrowMagic)); err == nil && bytes.Equal(head, arrowMagic) {
		br.Discard(len(arrowMagic))
	}
	rdr, err := ipc.NewReader(br, ipc.WithAllocator(memory.NewGoAllocator()))
	if err != nil {
		rej, ferr := endReject(in, s, 0, err, nil)
		if rej != nil && rej.Code == CodeBadInput {
			rej.Reason = fmt.Sprintf("not a readable arrow ipc file or stream: %v", err)
		}
		return nil, rej, ferr
	}
	a := &arrowSource{in: in, cfg: cfg, s: s, st: st, rdr: rdr}
	schema := rdr.Schema()
	for _, f := range schema.Fields() {
		a.names = append(a.names, f.Name)
	}
	for f := range nFields {
		a.cols[f] = -1
		if idx := schema.FieldIndices(cfg.cols[f]); len(idx) > 0 {
			a.cols[f] = idx[0]
		} else if f == fID || f == fText {
			rdr.Release()
			return nil, &Reject{Input: in.name, Code: CodeBadInput,
				Reason: fmt.Sprintf("arrow data has no column %q for field %q (columns: %s)",
					cfg.cols[f], fieldNames[f], strings.Join(a.names, ", "))}, nil
		}
	}
	return a, nil, nil
}

func (a *arrowSource) close() error {
	if a.rdr != nil {
		a.rdr.Release()
		a.rdr = nil
	}
	return a.s.close()
}

func (a *arrowSource) next(rec *record) (*Reject, error) {
	for a.i >= a.n {
		if a.end {
			return nil, io.EOF
		}
		if !a.rdr.Next() {
			a.end = true
			if err := a.rdr.Err(); err != nil && err != io.EOF {
				rej, ferr := endReject(a.in, a.s, a.row+1, err, nil)
				if rej != nil && rej.Code == CodeBadInput {
					rej.Reason = fmt.Sprintf("reading arrow record batch after row %d: %v", a.row, err)
				}
				return rej, ferr
			}
			return nil, io.EOF
		}
		a.rec = a.rdr.Record()
		a.i, a.n = 0, int(a.rec.NumRows())
		for f := range nFields {
			a.get[f] = nil
			if c := a.cols[f]; c >= 0 {
				a.get[f] = arrowGetter(a.rec.Column(c))
			}
		}
	}
	i := a.i
	a.i++
	a.row++
	a.st.Rows++
	rec.line = a.row
	for f := range nFields {
		if a.get[f] != nil {
			rec.v[f] = a.get[f](i)
		}
	}
	if rv := rec.v[fText]; rv.kind == kString {
		rec.raw = []byte(rv.s[:min(len(rv.s), 4*MaxExcerptBytes)])
	}
	return nil, nil
}

// arrowGetter returns a function that reads row i of a column as a value (copying strings out
// of the record's buffers).
func arrowGetter(col arrow.Array) func(int) value {
	null := func(i int) bool { return col.IsNull(i) }
	str := func(f func(int) string) func(int) value {
		return func(i int) value {
			if null(i) {
				return value{}
			}
			return value{kind: kString, s: strings.Clone(f(i))}
		}
	}
	num := func(f func(int) string) func(int) value {
		return func(i int) value {
			if null(i) {
				return value{}
			}
			return value{kind: kNumber, s: f(i)}
		}
	}
	tm := func(f func(int) time.Time) func(int) value {
		return func(i int) value {
			if null(i) {
				return value{}
			}
			return value{kind: kTime, t: f(i)}
		}
	}
	switch c := col.(type) {
	case *array.String:
		return str(c.Value)
	case *array.LargeString:
		return str(c.Value)
	case *array.StringView:
		return str(c.Value)
	case *array.Binary:
		return str(func(i int) string { return string(c.Value(i)) })
	case *array.LargeBinary:
		return str(func(i int) string { return string(c.Value(i)) })
	case *array.Int64:
		return num(func(i int) string { return strconv.FormatInt(c.Value(i), 10) })
	case *array.Int32:
		return num(func(i int) string { return strconv.FormatInt(int64(c.Value(i)), 10) })
	case *array.Uint64:
		return num(func(i int) string { return strconv.FormatUint(c.Value(i), 10) })
	case *array.Uint32:
		return num(func(i int) string { return strconv.FormatUint(uint64(c.Value(i)), 10) })
	case *array.Float64:
		return num(func(i int) string { return strconv.FormatFloat(c.Value(i), 'g', -1, 64) })
	case *array.Timestamp:
		tt := c.DataType().(*arrow.TimestampType)
		conv, err := tt.GetToTimeFunc()
		if err != nil {
			break
		}
		return tm(func(i int) time.Time { return conv(c.Value(i)) })
	case *array.Date32:
		return tm(func(i int) time.Time { return c.Value(i).ToTime() })
	case *array.Date64:
		return tm(func(i int) time.Time { return c.Value(i).ToTime() })
	case *array.Dictionary:
		dict := arrowGetter(c.Dictionary())
		return func(i int) value {
			if null(i) {
				return value{}
			}
			return dict(c.GetValueIndex(i))
		}
	}
	name := "a value of type " + col.DataType().String()
	return func(i int) value {
		if null(i) {
			return value{}
		}
		return value{kind: kOther, s: name}
	}
}
