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
)

// arrowMagic starts an Arrow IPC file (as opposed to a stream).
var arrowMagic = []byte("ARROW1")

// arrowSource reads an Arrow IPC file or stream record batch by record batch. Both are read
// as a stream of messages (an IPC file is its magic, the stream, then a footer), through
// ipcMessages, which keeps bad data from making arrow allocate more than the input holds.
type arrowSource struct {
	in     *input
	cfg    *config
	s      *stream
	st     *InputStats
	stream *ipc.Reader
	cols   [nFields]int // column index per field, -1 when absent
	rec    arrow.Record
	get    [nFields]func(int) value
	i, n   int
	row    int64
	end    bool
}

func openArrow(in *input, cfg *config, s *stream, st *InputStats) (source, *Reject, error) {
	a := &arrowSource{in: in, cfg: cfg, s: s, st: st}
	br := bufio.NewReaderSize(s.r, 64<<10)
	head, _ := br.Peek(8)
	file := bytes.HasPrefix(head, arrowMagic)
	if file {
		br.Discard(8) // magic and padding
	}
	var schema *arrow.Schema
	err := safely(func() error {
		var e error
		mem := newBoundedAllocator()
		a.stream, e = ipc.NewReaderFromMessageReader(newIPCMessages(br, file, cfg.maxRow, mem),
			ipc.WithAllocator(mem))
		if e == nil {
			schema = a.stream.Schema()
		}
		return e
	})
	if err != nil {
		rej, ferr := endReject(in, s, 0, err, nil)
		if rej != nil && rej.Code == CodeBadInput {
			rej.Reason = fmt.Sprintf("not a readable arrow ipc file or stream: %v", err)
		}
		return nil, rej, ferr
	}
	var names []string
	for _, f := range schema.Fields() {
		names = append(names, f.Name)
	}
	for f := range nFields {
		a.cols[f] = -1
		if idx := schema.FieldIndices(cfg.cols[f]); len(idx) > 0 {
			a.cols[f] = idx[0]
		} else if f == fID || f == fText {
			a.release()
			return nil, &Reject{Input: in.name, Code: CodeBadInput,
				Reason: fmt.Sprintf("arrow data has no column %q for field %q (columns: %s)",
					cfg.cols[f], fieldNames[f], strings.Join(names, ", "))}, nil
		}
	}
	return a, nil, nil
}

// safely runs f, turning a panic of a third-party decoder on bad data into an error.
func safely(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("decoder failed: %v", p)
		}
	}()
	return f()
}

func (a *arrowSource) release() {
	if a.stream != nil {
		a.stream.Release()
		a.stream = nil
	}
}

func (a *arrowSource) close() error {
	a.release()
	return a.s.close()
}

// batch reads the next record batch; the record stays valid until the next call.
func (a *arrowSource) batch() (rec arrow.Record, err error) {
	err = safely(func() error {
		if a.stream.Next() {
			rec = a.stream.Record()
			return nil
		}
		if e := a.stream.Err(); e != nil {
			return e
		}
		return io.EOF
	})
	return rec, err
}

func (a *arrowSource) next(rec *record) (*Reject, error) {
	for a.i >= a.n {
		if a.end {
			return nil, io.EOF
		}
		rec, err := a.batch()
		if err != nil {
			a.end = true
			if err == io.EOF {
				return nil, io.EOF
			}
			rej, ferr := endReject(a.in, a.s, a.row+1, err, nil)
			if rej != nil && rej.Code == CodeBadInput {
				rej.Reason = fmt.Sprintf("reading arrow record batch after row %d: %v", a.row, err)
			}
			return rej, ferr
		}
		a.rec = rec
		a.i, a.n = 0, int(rec.NumRows())
		err = safely(func() error {
			for f := range nFields {
				a.get[f] = nil
				if c := a.cols[f]; c >= 0 && c < int(rec.NumCols()) {
					a.get[f] = arrowGetter(rec.Column(c))
				}
			}
			return nil
		})
		if err != nil {
			a.end = true
			return &Reject{Input: a.in.name, Line: a.row + 1, Code: CodeBadInput,
				Reason: fmt.Sprintf("reading arrow record batch after row %d: %v", a.row, err)}, nil
		}
	}
	i := a.i
	a.i++
	a.row++
	a.st.Rows++
	rec.line = a.row
	err := safely(func() error {
		for f := range nFields {
			if a.get[f] != nil {
				rec.v[f] = a.get[f](i)
			}
		}
		return nil
	})
	if err != nil {
		a.end, a.i = true, a.n
		return &Reject{Input: a.in.name, Line: a.row, Code: CodeBadInput,
			Reason: fmt.Sprintf("reading arrow row %d: %v", a.row, err)}, nil
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
