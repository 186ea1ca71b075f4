package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
)

// Format names.
const (
	FormatJSONL   = "jsonl"
	FormatCSV     = "csv"
	FormatTSV     = "tsv"
	FormatParquet = "parquet"
	FormatArrow   = "arrow"
	FormatText    = "txt"
)

// input is one file (or stream) to read.
type input struct {
	name   string // as shown in Article.Input and Reject.Input
	path   string // file to open; "" when r is set
	r      io.Reader
	format string
	gz     bool
	id     string // txt: the article id (path relative to the input root)
	source string // the default source derived from the name
	index  int32
	sniff  bool // standard input: gzip is recognised by its magic bytes
}

// DetectFormat returns the format named by a file's extension ("a.jsonl.gz" is FormatJSONL,
// gzipped) and false when the extension is not supported.
func DetectFormat(name string) (format string, gz, ok bool) {
	ext := strings.ToLower(path.Ext(filepath.ToSlash(name)))
	if ext == ".gz" {
		gz = true
		name = name[:len(name)-len(ext)]
		ext = strings.ToLower(path.Ext(filepath.ToSlash(name)))
	}
	switch ext {
	case ".jsonl", ".ndjson":
		return FormatJSONL, gz, true
	case ".csv":
		return FormatCSV, gz, true
	case ".tsv":
		return FormatTSV, gz, true
	case ".parquet":
		return FormatParquet, gz, true
	case ".arrow", ".feather":
		return FormatArrow, gz, true
	case ".txt":
		return FormatText, gz, true
	}
	return "", gz, false
}

// baseSource is the default source for rows of a file without a source field: the file
// name without its format and .gz extensions.
func baseSource(name string) string {
	b := path.Base(filepath.ToSlash(name))
	if strings.HasSuffix(strings.ToLower(b), ".gz") {
		b = b[:len(b)-3]
	}
	return strings.TrimSuffix(b, path.Ext(b))
}

// Open prepares reading the inputs: files, folders (read recursively in lexical order,
// skipping hidden files and folders and files of unknown extension) and "-" for JSONL on
// standard input. It fails, wrapping ErrUsage, when an input does not exist, a file given
// explicitly has an unknown extension, "-" is given twice, or the field mapping is invalid.
// Nothing is read before the first call to Next.
func Open(inputs []string, opts Options) (*Reader, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	r := &Reader{cfg: cfg, seen: make(map[string]position)}
	stdin := false
	for _, arg := range inputs {
		if arg == "-" {
			if stdin {
				return nil, fmt.Errorf("input -: standard input given twice: %w", ErrUsage)
			}
			stdin = true
			var in io.Reader = os.Stdin
			if opts.Stdin != nil {
				in = opts.Stdin
			}
			r.add(&input{name: "-", r: in, format: FormatJSONL, source: "stdin", sniff: true})
			r.total = -1
			continue
		}
		fi, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w: %w", arg, ErrUsage, err)
		}
		if !fi.IsDir() {
			format, gz, ok := DetectFormat(arg)
			if !ok {
				return nil, fmt.Errorf("input %s: %w (want .jsonl, .ndjson, .csv, .tsv, .parquet, .arrow, .feather or .txt, optionally .gz): %w",
					arg, ErrUnknownFormat, ErrUsage)
			}
			in := &input{name: arg, path: arg, format: format, gz: gz, source: baseSource(arg)}
			if format == FormatText {
				// The input root is the file itself: the id is its name, the source the
				// name of its folder.
				in.id = filepath.Base(arg)
				if abs, err := filepath.Abs(arg); err == nil {
					in.source = filepath.Base(filepath.Dir(abs))
				}
			}
			r.add(in)
			r.addSize(fi.Size())
			continue
		}
		if err := r.walk(arg); err != nil {
			return nil, err
		}
	}
	if n := len(r.skipped); n > 0 {
		cfg.log.Info("skipped files of unknown format", "count", n, "first", r.skipped[0])
	}
	return r, nil
}

func (r *Reader) add(in *input) {
	in.index = int32(len(r.inputs))
	r.inputs = append(r.inputs, in)
	r.stats = append(r.stats, InputStats{Input: in.name, Format: in.format, Gzip: in.gz})
}

func (r *Reader) addSize(n int64) {
	if r.total >= 0 {
		r.total += n
	}
}

// walk adds the files of a folder. Hidden entries (name starting with ".") are skipped.
func (r *Reader) walk(root string) error {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return fmt.Errorf("input %s: %w", root, err)
	}
	rootName := filepath.Base(absRoot)
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("input %s: %w: %w", root, ErrUsage, err)
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		fi, err := os.Stat(p) // follows symbolic links
		if err != nil {
			return fmt.Errorf("input %s: %w: %w", p, ErrUsage, err)
		}
		if !fi.Mode().IsRegular() {
			r.skipped = append(r.skipped, p)
			r.cfg.log.Debug("skipping file that is not regular", "file", p)
			return nil
		}
		format, gz, ok := DetectFormat(p)
		if !ok {
			r.skipped = append(r.skipped, p)
			r.cfg.log.Debug("skipping file of unknown format", "file", p)
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return fmt.Errorf("input %s: %w", p, err)
		}
		rel = filepath.ToSlash(rel)
		in := &input{name: p, path: p, format: format, gz: gz, source: baseSource(p)}
		if format == FormatText {
			in.id = rel
			in.source = rootName
			if dir, _, ok := strings.Cut(rel, "/"); ok && strings.Contains(rel, "/") {
				in.source = dir
			}
		}
		r.add(in)
		r.addSize(fi.Size())
		return nil
	})
}

// OpenReader reads one stream, such as an embedded sample corpus. The format follows name's
// extension as for Open (e.g. "sample.jsonl", "a.csv.gz"); name is used as Article.Input and,
// for .txt, as the article id.
func OpenReader(name string, rd io.Reader, opts Options) (*Reader, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	format, gz, ok := DetectFormat(name)
	if !ok {
		return nil, fmt.Errorf("input %s: %w: %w", name, ErrUnknownFormat, ErrUsage)
	}
	r := &Reader{cfg: cfg, seen: make(map[string]position), total: -1}
	in := &input{name: name, r: rd, format: format, gz: gz, source: baseSource(name)}
	if format == FormatText {
		in.id = name
		in.source = path.Base(path.Dir(filepath.ToSlash(name)))
	}
	r.add(in)
	return r, nil
}

// source yields the rows of one input.
type source interface {
	// next fills rec with the next row and returns nil, nil; or returns a reject for a row
	// (or for the rest of the input); io.EOF at the end; any other error ends reading.
	next(rec *record) (*Reject, error)
	close() error
}

type kind uint8

const (
	absent kind = iota
	kString
	kNumber // s holds the literal
	kTime
	kBool
	kOther // s names the type
)

type value struct {
	kind    kind
	s       string
	t       time.Time
	invalid int // invalid UTF-8 bytes already replaced while decoding s
}

type record struct {
	line int64
	v    [nFields]value
	raw  []byte // the row as read, for excerpts; valid until the next call to next
}

func (rec *record) reset() {
	rec.line = 0
	rec.v = [nFields]value{}
	rec.raw = nil
}

// stream is the byte stream of an input: counted, with I/O errors remembered, and
// decompressed when the input is gzipped.
type stream struct {
	f     *os.File
	count *countReader
	gz    *gzipReader
	r     io.Reader
}

func (s *stream) close() error {
	var err error
	if s.gz != nil {
		s.gz.close()
	}
	if s.f != nil {
		// Formats read with ReadAt bypass the counter: count the whole file as read.
		if fi, serr := s.f.Stat(); serr == nil && fi.Size() > s.count.pos {
			s.count.n.Add(fi.Size() - s.count.pos)
			s.count.pos = fi.Size()
		}
		err = s.f.Close()
		s.f = nil
	}
	return err
}

// ioErr returns the I/O error of the underlying file, if any: that ends the run.
func (s *stream) ioErr() error { return s.count.err }

// dataErr describes a decompression error as a reject reason, or "" when there is none.
func (s *stream) dataErr() string {
	if s.gz == nil || s.gz.err == nil {
		return ""
	}
	return s.gz.describe()
}

type countReader struct {
	r   io.Reader
	n   *atomic.Int64
	pos int64
	err error
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.pos += int64(n)
	c.n.Add(int64(n))
	if err != nil && err != io.EOF && c.err == nil {
		c.err = err
	}
	return n, err
}

// gzipReader decompresses a gzip stream (several members are read as one) and remembers the
// first decompression error.
type gzipReader struct {
	zr    *gzip.Reader
	src   *countReader
	err   error
	where int64 // compressed bytes read when the error happened
}

func (g *gzipReader) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.zr.Read(p)
	if err != nil && err != io.EOF {
		if g.src.err == nil {
			g.err = err
			g.where = g.src.pos
		}
	}
	return n, err
}

func (g *gzipReader) close() {
	if g.zr != nil {
		g.zr.Close()
	}
}

func (g *gzipReader) describe() string {
	if errors.Is(g.err, io.ErrUnexpectedEOF) {
		return fmt.Sprintf("gzip stream truncated after %d compressed bytes", g.where)
	}
	return fmt.Sprintf("corrupt gzip stream after %d compressed bytes: %v", g.where, g.err)
}

// openStream opens the bytes of an input. A gzip header that cannot be read gives a reject.
func openStream(in *input, counter *atomic.Int64) (*stream, *Reject, error) {
	s := &stream{}
	var raw io.Reader = in.r
	if in.r == nil {
		f, err := os.Open(in.path)
		if err != nil {
			return nil, nil, fmt.Errorf("opening input %s: %w", in.name, err)
		}
		s.f = f
		raw = f
	}
	s.count = &countReader{r: raw, n: counter}
	s.r = s.count
	gz := in.gz
	if in.sniff {
		br := bufio.NewReaderSize(s.count, 64<<10)
		head, _ := br.Peek(2)
		gz = bytes.Equal(head, []byte{0x1f, 0x8b})
		s.r = br
	}
	if gz {
		zr, err := gzip.NewReader(bufio.NewReaderSize(s.r, 64<<10))
		if err != nil {
			if s.count.err != nil {
				s.close()
				return nil, nil, fmt.Errorf("reading input %s: %w", in.name, s.count.err)
			}
			s.close()
			return nil, &Reject{Input: in.name, Code: CodeTruncated,
				Reason: fmt.Sprintf("not a readable gzip stream: %v", err)}, nil
		}
		s.gz = &gzipReader{zr: zr, src: s.count}
		s.r = s.gz
	}
	return s, nil, nil
}

// openSource opens an input in its format. A problem with the data gives a reject that
// concerns the whole input.
func openSource(in *input, cfg *config, st *InputStats, counter *atomic.Int64) (source, *Reject, error) {
	s, rej, err := openStream(in, counter)
	if err != nil || rej != nil {
		return nil, rej, err
	}
	var src source
	switch in.format {
	case FormatJSONL:
		src = newJSONLSource(in, cfg, s, st)
	case FormatCSV, FormatTSV:
		src = newCSVSource(in, cfg, s, st)
	case FormatText:
		src = &textSource{in: in, cfg: cfg, s: s, st: st}
	case FormatParquet:
		src, rej, err = openParquet(in, cfg, s, st)
	case FormatArrow:
		src, rej, err = openArrow(in, cfg, s, st)
	default:
		err = fmt.Errorf("input %s: %w", in.name, ErrUnknownFormat)
	}
	if err != nil || rej != nil {
		s.close()
		return nil, rej, err
	}
	return src, nil, nil
}

// endReject turns the end of a stream by error into a reject (bad data) or an error (I/O).
// line is the position to report.
func endReject(in *input, s *stream, line int64, err error, excerpt []byte) (*Reject, error) {
	if ioe := s.ioErr(); ioe != nil {
		return nil, fmt.Errorf("reading input %s: %w", in.name, ioe)
	}
	reason := s.dataErr()
	code := CodeTruncated
	if reason == "" {
		reason = fmt.Sprintf("reading stopped: %v", err)
		code = CodeBadInput
	}
	return &Reject{Input: in.name, Line: line, Code: code, Reason: reason, Excerpt: excerptOf(excerpt)}, nil
}
