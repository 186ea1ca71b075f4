package corpus

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// csvSource reads CSV (RFC 4180) and TSV (the same quoting with a tab as separator) with a
// header row. Records are parsed with the rules of encoding/csv (FuzzCSVEquivalence checks
// this), but with a bounded buffer: a record over the row limit is skipped by tracking quotes.
type csvSource struct {
	in       *input
	cfg      *config
	s        *stream
	st       *InputStats
	lr       *lineReader
	delim    byte
	colField []int // column -> field index, or -1
	buf      []byte
	ends     []int
	raw      []byte
	end      bool
}

func newCSVSource(in *input, cfg *config, s *stream, st *InputStats) *csvSource {
	d := byte(',')
	if in.format == FormatTSV {
		d = '\t'
	}
	return &csvSource{in: in, cfg: cfg, s: s, st: st, lr: newLineReader(s.r, cfg.maxRow), delim: d}
}

func (c *csvSource) close() error { return c.s.close() }

// csvRecord is one parsed record: its fields are c.field(i) for i < len(c.ends).
type csvRecord struct {
	line    int64  // first line of the record
	long    bool   // over the row limit: fields not kept
	problem string // a parse error
}

func (c *csvSource) field(i int) []byte {
	s := 0
	if i > 0 {
		s = c.ends[i-1]
	}
	return c.buf[s:c.ends[i]]
}

func trimCR(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\r' {
		return b[:n-1]
	}
	return b
}

// readRecord reads the next record. err is io.EOF at the end or a read error, with rec.line
// set when a record was cut short by it.
func (c *csvSource) readRecord() (rec csvRecord, err error) {
	var line []byte
	var long bool
	for {
		line, long, err = c.lr.next()
		if err != nil {
			if len(line) > 0 {
				rec.line = c.lr.line
			}
			return rec, err
		}
		if !long {
			line = trimCR(line)
		}
		if len(line) > 0 || long {
			break
		}
	}
	rec.line = c.lr.line
	c.raw = append(c.raw[:0], line[:min(len(line), 4*MaxExcerptBytes)]...)
	c.buf, c.ends = c.buf[:0], c.ends[:0]
	quotes := bytes.Count(line, []byte{'"'}) + c.lr.quote
	size := len(line)
	rec.long = long
	pos := 0
fields:
	for !rec.long {
		if pos < len(line) && line[pos] == '"' {
			pos++
			for {
				if j := bytes.IndexByte(line[pos:], '"'); j >= 0 {
					c.buf = append(c.buf, line[pos:pos+j]...)
					pos += j + 1
					switch {
					case pos < len(line) && line[pos] == '"':
						c.buf = append(c.buf, '"')
						pos++
						continue
					case pos < len(line) && line[pos] == c.delim:
						pos++
						c.ends = append(c.ends, len(c.buf))
						continue fields
					case pos == len(line):
						c.ends = append(c.ends, len(c.buf))
						break fields
					}
					rec.problem = fmt.Sprintf(`extraneous or missing " in quoted field at line %d, column %d`, c.lr.line, pos+1)
					break fields
				}
				// The quoted field goes on on the next line.
				c.buf = append(c.buf, line[pos:]...)
				c.buf = append(c.buf, '\n')
				line, long, err = c.lr.next()
				if err == io.EOF {
					rec.problem = fmt.Sprintf(`quoted field starting on line %d is not closed at the end of the input`, rec.line)
					return rec, nil
				}
				if err != nil {
					return rec, err
				}
				if !long {
					line = trimCR(line)
				}
				quotes += bytes.Count(line, []byte{'"'}) + c.lr.quote
				size += len(line) + 1
				if long || size > c.cfg.maxRow {
					rec.long = true
					break fields
				}
				pos = 0
			}
		}
		j := bytes.IndexByte(line[pos:], c.delim)
		f := line[pos:]
		if j >= 0 {
			f = line[pos : pos+j]
		}
		if k := bytes.IndexByte(f, '"'); k >= 0 {
			rec.problem = fmt.Sprintf(`bare " in unquoted field at line %d, column %d`, c.lr.line, pos+k+1)
			break
		}
		c.buf = append(c.buf, f...)
		c.ends = append(c.ends, len(c.buf))
		if j < 0 {
			break
		}
		pos += j + 1
	}
	if rec.long {
		// Skip the rest of the record: it ends at a line end after an even number of quotes.
		for quotes%2 == 1 {
			line, _, err = c.lr.next()
			if err == io.EOF {
				return rec, nil
			}
			if err != nil {
				return rec, err
			}
			quotes += bytes.Count(line, []byte{'"'}) + c.lr.quote
		}
	}
	return rec, nil
}

func (c *csvSource) next(rec *record) (*Reject, error) {
	if c.end {
		return nil, io.EOF
	}
	if c.colField == nil {
		if rej, err := c.readHeader(); rej != nil || err != nil {
			c.end = true
			return rej, err
		}
	}
	cr, err := c.readRecord()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		c.end = true
		line := cr.line
		if line > 0 {
			c.st.Rows++
		} else {
			line = c.lr.line // the line that could not be read
		}
		rej, ferr := endReject(c.in, c.s, line, err, c.raw)
		if rej != nil && cr.line > 0 {
			rej.Reason += fmt.Sprintf("; record starting on line %d is incomplete", cr.line)
		}
		return rej, ferr
	}
	c.st.Rows++
	rec.line = cr.line
	rec.raw = c.raw
	mk := func(code, reason string) *Reject {
		return &Reject{Input: c.in.name, Line: cr.line, Code: code, Reason: reason, Excerpt: excerptOf(c.raw)}
	}
	switch {
	case cr.long:
		return mk(CodeTooLarge, fmt.Sprintf("record is longer than the limit of %d bytes", c.cfg.maxRow)), nil
	case cr.problem != "":
		return mk(CodeMalformed, "malformed "+c.in.format+": "+cr.problem), nil
	case len(c.ends) != len(c.colField):
		return mk(CodeFieldCount, fmt.Sprintf("row has %d fields, the header has %d", len(c.ends), len(c.colField))), nil
	}
	for i, f := range c.colField {
		if f >= 0 {
			rec.v[f] = value{kind: kString, s: string(c.field(i))}
		}
	}
	return nil, nil
}

func (c *csvSource) readHeader() (*Reject, error) {
	cr, err := c.readRecord()
	mk := func(reason string) *Reject {
		return &Reject{Input: c.in.name, Line: cr.line, Code: CodeBadInput, Reason: reason, Excerpt: excerptOf(c.raw)}
	}
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return endReject(c.in, c.s, max(cr.line, 1), err, c.raw)
	}
	if cr.long {
		return mk("header row is longer than the row limit"), nil
	}
	if cr.problem != "" {
		return mk("malformed header row: " + cr.problem), nil
	}
	c.colField = make([]int, len(c.ends))
	names := make([]string, len(c.ends))
	var seen [nFields]bool
	for i := range c.ends {
		names[i] = strings.TrimSpace(string(c.field(i)))
		c.colField[i] = -1
		if f, ok := c.cfg.colIndex[names[i]]; ok && !seen[f] {
			c.colField[i] = f
			seen[f] = true
		}
	}
	for _, f := range []int{fID, fText} {
		if !seen[f] {
			return mk(fmt.Sprintf("header has no column %q for field %q (columns: %s)",
				c.cfg.cols[f], fieldNames[f], strings.Join(names, ", "))), nil
		}
	}
	return nil, nil
}
