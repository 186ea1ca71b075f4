package topics

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// LabeledDoc is one document of an evaluation set.
type LabeledDoc struct {
	ID    string
	Text  string
	Label string
}

// ParseError reports a bad record of an evaluation file, with its position.
type ParseError struct {
	File  string
	Line  int
	Field string
	Err   error
}

func (e *ParseError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s:%d: field %q: %v", e.File, e.Line, e.Field, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrMissingField is wrapped by a ParseError for a record without the text or label field.
var ErrMissingField = errors.New("missing field")

// ReadLabeled reads an evaluation set. The format follows the file name: ".jsonl" (one JSON
// object per line; the text is the title field, if any, a newline and textField), ".tsv"
// (tab-separated with a header line) or ".csv" (RFC 4180 with a header line). CRLF line ends
// are accepted. Documents get ids "name:line".
func ReadLabeled(r io.Reader, name, textField, labelField string) ([]LabeledDoc, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".json", ".ndjson":
		return readJSONL(r, name, textField, labelField)
	case ".tsv":
		return readTSV(r, name, textField, labelField)
	case ".csv":
		return readCSV(r, name, textField, labelField)
	}
	return nil, fmt.Errorf("reading %s: unknown format (want .jsonl, .tsv or .csv)", name)
}

func readJSONL(r io.Reader, name, textField, labelField string) ([]LabeledDoc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 64<<20)
	var out []LabeledDoc
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, &ParseError{File: name, Line: line, Err: err}
		}
		text, ok := stringField(rec[textField])
		if !ok {
			return nil, &ParseError{File: name, Line: line, Field: textField, Err: ErrMissingField}
		}
		if title, ok := stringField(rec["title"]); ok && textField != "title" && title != "" {
			text = title + "\n" + text
		}
		label, ok := stringField(rec[labelField])
		if !ok {
			return nil, &ParseError{File: name, Line: line, Field: labelField, Err: ErrMissingField}
		}
		out = append(out, LabeledDoc{ID: name + ":" + strconv.Itoa(line), Text: text, Label: label})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return out, nil
}

// stringField accepts strings and numbers (labels are often numeric).
func stringField(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

// columns finds the text and label columns in a header.
func columns(header []string, name, textField, labelField string) (int, int, error) {
	ti, li := -1, -1
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		switch h {
		case textField:
			ti = i
		case labelField:
			li = i
		}
	}
	if ti < 0 {
		return 0, 0, &ParseError{File: name, Line: 1, Field: textField, Err: fmt.Errorf("%w in header %q", ErrMissingField, header)}
	}
	if li < 0 {
		return 0, 0, &ParseError{File: name, Line: 1, Field: labelField, Err: fmt.Errorf("%w in header %q", ErrMissingField, header)}
	}
	return ti, li, nil
}

// readTSV splits lines on tabs; fields are not quoted (quotes are text).
func readTSV(r io.Reader, name, textField, labelField string) ([]LabeledDoc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 64<<20)
	var out []LabeledDoc
	ti, li, line := -1, -1, 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" {
			continue
		}
		f := strings.Split(s, "\t")
		if ti < 0 {
			var err error
			if ti, li, err = columns(f, name, textField, labelField); err != nil {
				return nil, err
			}
			continue
		}
		if len(f) <= max(ti, li) {
			return nil, &ParseError{File: name, Line: line, Err: fmt.Errorf("%d fields, want at least %d", len(f), max(ti, li)+1)}
		}
		out = append(out, LabeledDoc{ID: name + ":" + strconv.Itoa(line), Text: f[ti], Label: strings.TrimSpace(f[li])})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return out, nil
}

func readCSV(r io.Reader, name, textField, labelField string) ([]LabeledDoc, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading %s header: %w", name, err)
	}
	ti, li, err := columns(header, name, textField, labelField)
	if err != nil {
		return nil, err
	}
	var out []LabeledDoc
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		if len(rec) <= max(ti, li) {
			return nil, &ParseError{File: name, Line: line, Err: fmt.Errorf("%d fields, want at least %d", len(rec), max(ti, li)+1)}
		}
		out = append(out, LabeledDoc{ID: name + ":" + strconv.Itoa(line), Text: rec[ti], Label: strings.TrimSpace(rec[li])})
	}
}

// EvalOptions configures Evaluate.
type EvalOptions struct {
	Featurizer Featurizer
	Fit        Options // Seed is replaced by 1, 2, … Seeds
	Seeds      int     // default 1
}

// EvalRun is the outcome of one seed.
type EvalRun struct {
	Seed     uint64
	K        int
	NMI, ARI float64
	Outliers int
	Duration time.Duration // Fit only
	Result   *Result
}

// Evaluate analyses the documents once, fits them with each seed and scores the topics
// against the labels (outliers count as one more cluster).
func Evaluate(ctx context.Context, docs []LabeledDoc, o EvalOptions) ([]EvalRun, error) {
	var an hindi.Analyzer
	var d hindi.Doc
	b := NewBuilder()
	var terms []Term
	labels := make([]string, len(docs))
	for i, doc := range docs {
		an.Analyze(&d, doc.Text)
		terms = o.Featurizer.Append(terms[:0], &d)
		b.Add(doc.ID, NoDay, terms)
		labels[i] = doc.Label
	}
	var runs []EvalRun
	for s := 1; s <= max(o.Seeds, 1); s++ {
		opts := o.Fit
		opts.Seed = uint64(s)
		start := time.Now()
		res, err := b.Fit(ctx, opts)
		if err != nil {
			return nil, fmt.Errorf("seed %d: %w", s, err)
		}
		el := time.Since(start)
		got := make([]int, len(res.Assign))
		for i, a := range res.Assign {
			got[i] = a.Topic
		}
		runs = append(runs, EvalRun{Seed: opts.Seed, K: res.K, NMI: NMI(labels, got), ARI: ARI(labels, got),
			Outliers: res.Outliers, Duration: el, Result: res})
	}
	return runs, nil
}
