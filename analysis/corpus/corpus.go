package corpus

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync/atomic"
	"time"
)

// Defaults used when the matching Options field is zero.
const (
	// DefaultMaxArticleBytes is the largest article text accepted: 4 MiB.
	DefaultMaxArticleBytes = 4 << 20
	// DefaultMinDevanagari is the smallest share of Devanagari letters among all letters of
	// a text for it to count as Hindi.
	DefaultMinDevanagari = 0.5
	// RowOverhead is what a row may hold beyond its text (title, id, url, other columns,
	// JSON escapes) before the whole row counts as too large.
	RowOverhead = 64 << 10
	// MaxExcerptBytes bounds Reject.Excerpt.
	MaxExcerptBytes = 200
)

// Flags recorded on an Article for repairs made while reading it.
const (
	FlagInvalidUTF8    = "invalid-utf8-replaced" // invalid UTF-8 bytes replaced by U+FFFD
	FlagBadPublishedAt = "bad-published_at"      // published_at present but not understood; left zero
	FlagSourceFromName = "source-from-input"     // no source field: source derived from the input name
)

// Reject codes: a stable, machine-friendly name for each reason an input row is rejected.
const (
	CodeMalformed   = "malformed"    // JSON syntax error, CSV quoting error
	CodeNotObject   = "not-object"   // a JSON value that is not an object
	CodeFieldType   = "field-type"   // a field of the wrong type (an array as text, ...)
	CodeFieldCount  = "field-count"  // a CSV/TSV row with the wrong number of fields
	CodeMissingID   = "missing-id"   // no id, or an empty one
	CodeMissingText = "missing-text" // no text field at all
	CodeEmptyText   = "empty-text"   // text that is empty or only white space
	CodeTooLarge    = "too-large"    // row over MaxArticleBytes+RowOverhead, or text over MaxArticleBytes
	CodeBinary      = "binary"       // NUL bytes or a high share of control characters
	CodeInvalidUTF8 = "invalid-utf8" // mostly invalid UTF-8
	CodeNotHindi    = "not-hindi"    // Devanagari share of letters below MinDevanagari
	CodeDuplicateID = "duplicate-id" // an id already seen; the first one is kept
	CodeTruncated   = "truncated"    // a truncated or corrupt compressed stream
	CodeBadInput    = "bad-input"    // an input that cannot be read at all (not Parquet, no text column, ...)
)

// Field names of an Article, as used in Options.Fields and in input schemas.
const (
	FieldID          = "id"
	FieldTitle       = "title"
	FieldText        = "text"
	FieldPublishedAt = "published_at"
	FieldSource      = "source"
	FieldURL         = "url"
)

const (
	fID = iota
	fTitle
	fText
	fPublished
	fSource
	fURL
	nFields
)

var fieldNames = [nFields]string{FieldID, FieldTitle, FieldText, FieldPublishedAt, FieldSource, FieldURL}

// ErrUnknownFormat is returned by Open for an input given explicitly whose extension names no
// supported format.
var ErrUnknownFormat = errors.New("unknown input format")

// ErrUsage is wrapped by every error of Open and OpenReader that comes from the arguments
// (a missing file, an unknown extension, a bad field mapping) rather than from the data.
var ErrUsage = errors.New("bad input arguments")

// Article is one accepted input row.
type Article struct {
	ID, Title, Text, Source, URL string
	PublishedAt                  time.Time // zero when absent or not understood (see Flags)
	Input                        string    // the input file as named on the command line ("-" for stdin)
	Line                         int64     // 1-based line (JSONL, CSV, TSV, txt) or row (Parquet, Arrow)
	Flags                        []string  // repairs made, e.g. FlagInvalidUTF8
	// Chars is the number of characters (code points) of Text, and DevanagariShare the share
	// of Devanagari letters among its letters (the measure behind CodeNotHindi).
	Chars           int
	DevanagariShare float64
}

// Reject is one input row (or a whole input) that was not accepted, with the reason.
type Reject struct {
	Input   string // as Article.Input
	Line    int64  // as Article.Line; 0 when the whole input is concerned
	ID      string // the row's id when it could be read
	Code    string // one of the Code constants
	Reason  string // a sentence naming the field or column concerned
	Excerpt string // the start of the row: valid UTF-8, at most MaxExcerptBytes bytes
}

// Error formats the reject as "input:line: reason" ("input: reason" when it concerns the whole
// input), so that a Reject can be logged like an error.
func (r *Reject) Error() string {
	if r.Line == 0 {
		return fmt.Sprintf("%s: %s", r.Input, r.Reason)
	}
	return fmt.Sprintf("%s:%d: %s", r.Input, r.Line, r.Reason)
}

// Item is what Reader.Next yields: exactly one of Article and Reject is set.
type Item struct {
	Article *Article
	Reject  *Reject
}

// InputStats counts what one input gave. Rows is the number of rows read; each row is either
// kept or rejected. Rejected also counts rejects that concern the whole input (Line 0, or a
// truncated stream at a line boundary), so Kept+Rejected can exceed Rows by those.
type InputStats struct {
	Input    string
	Format   string // "jsonl", "csv", "tsv", "parquet", "arrow", "txt"
	Gzip     bool
	Rows     int64
	Kept     int64
	Rejected int64
}

// Options configure reading. The zero value reads the standard field names with the documented
// defaults.
type Options struct {
	// Fields maps an Article field name (id, title, text, published_at, source, url) to the
	// name of the column or JSON key that holds it in the input, e.g. {"text": "body"}.
	// Fields not listed use their own name.
	Fields map[string]string
	// MaxArticleBytes is the largest text accepted, in bytes; 0 means DefaultMaxArticleBytes.
	// A row larger than MaxArticleBytes+RowOverhead is rejected without being held in memory.
	MaxArticleBytes int
	// MinDevanagari is the smallest share of Devanagari letters among the letters of a text;
	// below it the article is rejected as not Hindi. 0 means DefaultMinDevanagari; a negative
	// value turns the check off.
	MinDevanagari float64
	// Logger receives notes such as skipped files; nil discards them.
	Logger *slog.Logger
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
}

// ParseFields turns "name=column" specifications (the --field flag) into a mapping for
// Options.Fields.
func ParseFields(specs []string) (map[string]string, error) {
	m := make(map[string]string, len(specs))
	for _, s := range specs {
		k, v, ok := strings.Cut(s, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("field mapping %q: want name=column: %w", s, ErrUsage)
		}
		if !slices.Contains(fieldNames[:], k) {
			return nil, fmt.Errorf("field mapping %q: unknown field %q (want one of %s): %w",
				s, k, strings.Join(fieldNames[:], ", "), ErrUsage)
		}
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("field mapping %q: field %q mapped twice: %w", s, k, ErrUsage)
		}
		m[k] = v
	}
	return m, nil
}

// config is Options resolved once.
type config struct {
	cols     [nFields]string // column name per field
	maxText  int
	maxRow   int
	minDeva  float64
	log      *slog.Logger
	colIndex map[string]int // column name -> field index
}

func newConfig(o Options) (*config, error) {
	c := &config{maxText: o.MaxArticleBytes, minDeva: o.MinDevanagari, log: o.Logger}
	if c.maxText <= 0 {
		c.maxText = DefaultMaxArticleBytes
	}
	c.maxRow = c.maxText + RowOverhead
	if c.minDeva == 0 {
		c.minDeva = DefaultMinDevanagari
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	c.cols = fieldNames
	for _, k := range slices.Sorted(maps.Keys(o.Fields)) {
		i := slices.Index(fieldNames[:], k)
		if i < 0 {
			return nil, fmt.Errorf("field mapping: unknown field %q (want one of %s): %w",
				k, strings.Join(fieldNames[:], ", "), ErrUsage)
		}
		if o.Fields[k] == "" {
			return nil, fmt.Errorf("field mapping: empty column name for field %q: %w", k, ErrUsage)
		}
		c.cols[i] = o.Fields[k]
	}
	c.colIndex = make(map[string]int, nFields)
	for i, name := range c.cols {
		if j, dup := c.colIndex[name]; dup {
			return nil, fmt.Errorf("field mapping: fields %q and %q both read column %q: %w",
				fieldNames[j], fieldNames[i], name, ErrUsage)
		}
		c.colIndex[name] = i
	}
	return c, nil
}

// Reader yields the articles and rejects of a list of inputs, one at a time and in input
// order: inputs in the order given, files of a folder in lexical path order, rows in file
// order. It holds one row at a time (Parquet and Arrow: one row group or record batch).
// A Reader is not safe for concurrent use, except BytesRead which may be polled from another
// goroutine (for a progress bar).
type Reader struct {
	cfg     *config
	inputs  []*input
	stats   []InputStats
	skipped []string
	next    int    // index of the next input to open
	cur     source // the open input, or nil
	curIdx  int
	rec     record
	seen    map[string]position
	err     error
	read    atomic.Int64
	total   int64
}

type position struct {
	input int32
	line  int64
}

// Next returns the next article or reject, io.EOF after the last one, or an error that ends
// reading (an I/O error of the machine, not bad data: bad data gives rejects). Errors are sticky.
func (r *Reader) Next() (Item, error) {
	if r.err != nil {
		return Item{}, r.err
	}
	for {
		if r.cur == nil {
			if r.next >= len(r.inputs) {
				r.err = io.EOF
				return Item{}, io.EOF
			}
			r.curIdx = r.next
			r.next++
			in := r.inputs[r.curIdx]
			src, rej, err := openSource(in, r.cfg, &r.stats[r.curIdx], &r.read)
			if err != nil {
				r.err = err
				return Item{}, err
			}
			if rej != nil {
				r.stats[r.curIdx].Rejected++
				return Item{Reject: rej}, nil
			}
			r.cur = src
		}
		rec := &r.rec
		rec.reset()
		rej, err := r.cur.next(rec)
		if err == io.EOF {
			err = r.cur.close()
			r.cur = nil
			if err != nil {
				r.err = err
				return Item{}, err
			}
			continue
		}
		if err != nil {
			r.cur.close()
			r.cur = nil
			r.err = err
			return Item{}, err
		}
		st := &r.stats[r.curIdx]
		if rej == nil {
			var a *Article
			a, rej = r.build(r.inputs[r.curIdx], rec)
			if a != nil {
				st.Kept++
				return Item{Article: a}, nil
			}
		}
		st.Rejected++
		return Item{Reject: rej}, nil
	}
}

// All returns an iterator over the remaining items. It stops at the end of the input, or after
// yielding an error that ends reading; io.EOF is not yielded.
func (r *Reader) All() iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		for {
			it, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(it, err) || err != nil {
				return
			}
		}
	}
}

// Stats returns the counts per input file so far (a folder counts as its files).
func (r *Reader) Stats() []InputStats { return slices.Clone(r.stats) }

// Skipped returns the files of folders that were skipped for an unknown extension.
func (r *Reader) Skipped() []string { return slices.Clone(r.skipped) }

// BytesRead returns the number of input bytes read so far, as stored (compressed bytes for
// .gz inputs). It may be called from another goroutine.
func (r *Reader) BytesRead() int64 { return r.read.Load() }

// TotalBytes returns the sum of the sizes of the input files, or -1 when unknown (stdin).
func (r *Reader) TotalBytes() int64 { return r.total }

// Close releases the open input. Reading after Close returns an error.
func (r *Reader) Close() error {
	var err error
	if r.cur != nil {
		err = r.cur.close()
		r.cur = nil
	}
	if r.err == nil {
		r.err = errors.New("corpus: reader closed")
	}
	return err
}
