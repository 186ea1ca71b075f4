package corpus

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"
)

// parquetSource reads a Parquet file row group by row group, a batch of rows at a time; the
// columns are found by name among the top-level columns. A gzipped or streamed Parquet file is
// first copied to a temporary file, since Parquet is read from its end.
type parquetSource struct {
	in      *input
	cfg     *config
	s       *stream
	st      *InputStats
	f       *os.File  // the file read (s.f, or a temporary copy)
	tmp     *tempCopy // temporary copy to remove
	pf      *parquet.File
	colConv []func(parquet.Value) value // by leaf column index; nil when not read
	colFld  []int
	groups  []parquet.RowGroup
	group   int
	rows    parquet.Rows
	batch   []parquet.Row
	n, i    int
	row     int64
	end     bool
	pending *Reject // a read error, reported after the rows read before it
}

func openParquet(in *input, cfg *config, s *stream, st *InputStats) (source, *Reject, error) {
	p := &parquetSource{in: in, cfg: cfg, s: s, st: st, f: s.f}
	if in.gz || s.f == nil {
		tmp, rej, err := copyToTemp(in, s, s.r, "parquet")
		if rej != nil || err != nil {
			return nil, rej, err
		}
		p.tmp, p.f = tmp, tmp.f
	}
	fi, err := p.f.Stat()
	if err != nil {
		p.close()
		return nil, nil, fmt.Errorf("input %s: %w", in.name, err)
	}
	lim := newPQLimits(cfg)
	footer, err := checkPQFooter(p.f, fi.Size(), lim)
	if err != nil {
		p.close()
		return nil, &Reject{Input: in.name, Code: CodeBadInput, Reason: fmt.Sprintf("not a readable parquet file: %v", err)}, nil
	}
	var pf *parquet.File
	err = safely(func() error {
		var e error
		pf, e = parquet.OpenFile(p.f, fi.Size(), parquet.SkipPageIndex(true), parquet.SkipBloomFilters(true))
		return e
	})
	if err != nil {
		p.close()
		return nil, &Reject{Input: in.name, Code: CodeBadInput, Reason: fmt.Sprintf("not a readable parquet file: %v", err)}, nil
	}
	p.pf = pf
	schema := pf.Schema()
	ncol := len(schema.Columns())
	p.colConv = make([]func(parquet.Value) value, ncol)
	p.colFld = make([]int, ncol)
	var names []string
	for _, f := range schema.Fields() {
		names = append(names, f.Name())
	}
	for f := range nFields {
		leaf, ok := schema.Lookup(cfg.cols[f])
		if !ok {
			if f == fID || f == fText {
				p.close()
				return nil, &Reject{Input: in.name, Code: CodeBadInput,
					Reason: fmt.Sprintf("parquet file has no column %q for field %q (columns: %s)",
						cfg.cols[f], fieldNames[f], strings.Join(names, ", "))}, nil
			}
			continue
		}
		if leaf.MaxRepetitionLevel > 0 {
			p.close()
			return nil, &Reject{Input: in.name, Code: CodeBadInput,
				Reason: fmt.Sprintf("parquet column %q for field %q is repeated; want a flat column", cfg.cols[f], fieldNames[f])}, nil
		}
		p.colConv[leaf.ColumnIndex] = parquetConverter(leaf.Node.Type())
		p.colFld[leaf.ColumnIndex] = f
	}
	if err := checkPQChunks(p.f, fi.Size(), footer, pf.Metadata(), lim); err != nil {
		p.close()
		return nil, &Reject{Input: in.name, Code: CodeBadInput, Reason: "damaged parquet file: " + err.Error()}, nil
	}
	p.groups = pf.RowGroups()
	p.batch = make([]parquet.Row, 64)
	return p, nil, nil
}

type tempCopy struct{ f *os.File }

func (t *tempCopy) remove() {
	t.f.Close()
	os.Remove(t.f.Name())
}

// copyToTemp copies a stream to a temporary file, for formats read from the end. A
// decompression error gives a reject: such a file cannot be read in part.
func copyToTemp(in *input, s *stream, r io.Reader, format string) (*tempCopy, *Reject, error) {
	f, err := os.CreateTemp("", "drishti-*."+format)
	if err != nil {
		return nil, nil, fmt.Errorf("input %s: copying to a temporary file: %w", in.name, err)
	}
	t := &tempCopy{f: f}
	if _, err := io.Copy(f, r); err != nil {
		t.remove()
		if s.ioErr() == nil && s.dataErr() == "" {
			return nil, nil, fmt.Errorf("input %s: copying to a temporary file: %w", in.name, err)
		}
		rej, ferr := endReject(in, s, 0, err, nil)
		if rej != nil {
			rej.Reason += "; a " + format + " file cannot be read in part"
		}
		return nil, rej, ferr
	}
	return t, nil, nil
}

// parquetConverter returns the conversion of a column's values.
func parquetConverter(t parquet.Type) func(parquet.Value) value {
	unit := time.Duration(0)
	date := false
	if lt := t.LogicalType(); lt != nil {
		switch v := lt.Value.(type) {
		case *format.TimestampType:
			if v.Unit.Value != nil {
				unit = v.Unit.Value.Duration()
			}
		case *format.DateType:
			date = true
		}
	}
	if ct := t.ConvertedType(); ct != nil && unit == 0 {
		switch *ct {
		case deprecated.TimestampMillis:
			unit = time.Millisecond
		case deprecated.TimestampMicros:
			unit = time.Microsecond
		case deprecated.Date:
			date = true
		}
	}
	return func(v parquet.Value) value {
		if v.IsNull() {
			return value{}
		}
		switch v.Kind() {
		case parquet.ByteArray, parquet.FixedLenByteArray:
			return value{kind: kString, s: string(v.ByteArray())}
		case parquet.Boolean:
			return value{kind: kBool, s: "a boolean"}
		case parquet.Int32:
			if date {
				return value{kind: kTime, t: time.Unix(int64(v.Int32())*86400, 0).UTC()}
			}
			return value{kind: kNumber, s: strconv.FormatInt(int64(v.Int32()), 10)}
		case parquet.Int64:
			if unit > 0 {
				return value{kind: kTime, t: unixUnit(v.Int64(), unit)}
			}
			return value{kind: kNumber, s: strconv.FormatInt(v.Int64(), 10)}
		case parquet.Int96:
			x := v.Int96()
			nanos := int64(uint64(x[1])<<32 | uint64(x[0]))
			days := int64(x[2]) - 2440588 // Julian day of 1970-01-01
			return value{kind: kTime, t: time.Unix(days*86400, nanos).UTC()}
		case parquet.Float:
			return value{kind: kNumber, s: strconv.FormatFloat(float64(v.Float()), 'g', -1, 32)}
		case parquet.Double:
			return value{kind: kNumber, s: strconv.FormatFloat(v.Double(), 'g', -1, 64)}
		}
		return value{kind: kOther, s: "a value of kind " + v.Kind().String()}
	}
}

func unixUnit(n int64, unit time.Duration) time.Time {
	per := int64(time.Second / unit)
	return time.Unix(n/per, (n%per)*int64(unit)).UTC()
}

func (p *parquetSource) next(rec *record) (*Reject, error) {
	for p.i >= p.n {
		if p.pending != nil {
			rej := p.pending
			p.pending = nil
			return rej, nil
		}
		if p.end {
			return nil, io.EOF
		}
		if p.rows == nil {
			if p.group >= len(p.groups) {
				p.end = true
				return nil, io.EOF
			}
			g := p.groups[p.group]
			p.group++
			if err := safely(func() error { p.rows = g.Rows(); return nil }); err != nil {
				p.end = true
				return &Reject{Input: p.in.name, Line: p.row + 1, Code: CodeBadInput,
					Reason: fmt.Sprintf("reading parquet row group %d: %v", p.group-1, err)}, nil
			}
		}
		var n int
		err := safely(func() error {
			var e error
			n, e = p.rows.ReadRows(p.batch)
			return e
		})
		p.n, p.i = n, 0
		if err == io.EOF {
			p.rows.Close()
			p.rows = nil
			continue
		}
		if err != nil {
			p.end = true
			if ioe := p.s.ioErr(); ioe != nil {
				return nil, fmt.Errorf("reading input %s: %w", p.in.name, ioe)
			}
			p.pending = &Reject{Input: p.in.name, Line: p.row + int64(n) + 1, Code: CodeBadInput,
				Reason: fmt.Sprintf("reading parquet row %d: %v", p.row+int64(n)+1, err)}
		}
	}
	row := p.batch[p.i]
	p.i++
	p.row++
	p.st.Rows++
	rec.line = p.row
	for _, v := range row {
		c := v.Column()
		if c >= 0 && c < len(p.colConv) && p.colConv[c] != nil {
			rec.v[p.colFld[c]] = p.colConv[c](v)
		}
	}
	if rv := rec.v[fText]; rv.kind == kString {
		rec.raw = []byte(rv.s[:min(len(rv.s), 4*MaxExcerptBytes)])
	}
	return nil, nil
}

func (p *parquetSource) close() error {
	if p.rows != nil {
		p.rows.Close()
		p.rows = nil
	}
	var err error
	if p.tmp != nil {
		p.tmp.remove()
		p.tmp = nil
	}
	if p.s != nil {
		err = p.s.close()
		p.s = nil
	}
	return err
}
