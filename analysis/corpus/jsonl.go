package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// lineReader reads lines with a bounded buffer: a line longer than max is skipped, keeping
// only its start (for an excerpt) and the number of quote bytes in the skipped part.
type lineReader struct {
	br    *bufio.Reader
	buf   []byte
	max   int
	line  int64 // number of the line last returned (1-based)
	bom   bool  // the UTF-8 byte order mark was checked
	quote int   // '"' bytes in the skipped part of the last long line
	done  bool
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line without its line feed. long reports a line longer than max, of
// which only the start is returned. At the clean end it returns io.EOF; on a read error it
// returns the partial line read so far (possibly empty) with the error.
func (lr *lineReader) next() (line []byte, long bool, err error) {
	if lr.done {
		return nil, false, io.EOF
	}
	lr.buf = lr.buf[:0]
	lr.quote = 0
	for {
		chunk, err := lr.br.ReadSlice('\n')
		if !long {
			if len(lr.buf) == 0 && err == nil {
				line = chunk[:len(chunk)-1]
				break
			}
			if len(lr.buf)+len(chunk) > lr.max+1 {
				long = true
				keep := min(len(chunk), max(0, 4*MaxExcerptBytes-len(lr.buf)))
				lr.buf = append(lr.buf, chunk[:keep]...)
				lr.quote += bytes.Count(chunk[keep:], []byte{'"'})
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		} else {
			lr.quote += bytes.Count(chunk, []byte{'"'})
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = lr.buf
		if err == nil {
			if !long {
				line = line[:len(line)-1]
			}
			break
		}
		lr.done = true
		if err == io.EOF {
			if len(line) == 0 && !long {
				return nil, false, io.EOF
			}
			break
		}
		lr.line++
		return line, long, err
	}
	lr.line++
	if lr.line == 1 && !lr.bom {
		lr.bom = true
		line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	}
	return line, long, nil
}

type jsonlSource struct {
	in  *input
	cfg *config
	s   *stream
	st  *InputStats
	lr  *lineReader
	dec jsonDecoder
	end bool
}

func newJSONLSource(in *input, cfg *config, s *stream, st *InputStats) *jsonlSource {
	return &jsonlSource{in: in, cfg: cfg, s: s, st: st, lr: newLineReader(s.r, cfg.maxRow),
		dec: jsonDecoder{keys: cfg.colIndex}}
}

func (j *jsonlSource) close() error { return j.s.close() }

func (j *jsonlSource) next(rec *record) (*Reject, error) {
	for {
		if j.end {
			return nil, io.EOF
		}
		line, long, err := j.lr.next()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			j.end = true
			pos := j.lr.line
			if len(line) > 0 {
				j.st.Rows++
			}
			rej, ferr := endReject(j.in, j.s, pos, err, line)
			if rej != nil && len(line) > 0 {
				rej.Reason += fmt.Sprintf("; line %d is incomplete", pos)
			}
			return rej, ferr
		}
		rec.line = j.lr.line
		rec.raw = line
		if long {
			j.st.Rows++
			return j.reject(rec, CodeTooLarge, fmt.Sprintf("line is longer than the limit of %d bytes", j.cfg.maxRow)), nil
		}
		if len(bytes.TrimLeft(line, " \t\r\n")) == 0 {
			continue // blank line
		}
		j.st.Rows++
		if bytes.IndexByte(line, 0) >= 0 {
			return j.reject(rec, CodeBinary, "line holds binary data (NUL bytes)"), nil
		}
		if err := j.dec.decode(line, rec); err != nil {
			var no *notObjectError
			if errors.As(err, &no) {
				return j.reject(rec, CodeNotObject, err.Error()), nil
			}
			return j.reject(rec, CodeMalformed, "malformed json: "+err.Error()), nil
		}
		return nil, nil
	}
}

func (j *jsonlSource) reject(rec *record, code, reason string) *Reject {
	return &Reject{Input: j.in.name, Line: rec.line, Code: code, Reason: reason, Excerpt: excerptOf(rec.raw)}
}
