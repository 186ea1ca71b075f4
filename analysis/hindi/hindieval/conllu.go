package hindieval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Word is one syntactic word of a CoNLL-U sentence.
type Word struct {
	Form, Lemma, UPOS string
}

// Sentence is one sentence of a CoNLL-U file.
type Sentence struct {
	Line  int      // line of the sentence's first line in the file (1-based)
	Text  string   // the "# text" comment, or "" when the file has none
	Forms []string // surface tokens: a multiword token's form stands for its words
	Words []Word   // syntactic words, empty nodes excluded
}

// ParseError reports malformed CoNLL-U with its position.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

// ErrFormat is wrapped by every ParseError about the file's content.
var ErrFormat = errors.New("malformed conllu")

// Read parses a CoNLL-U stream; name is used in errors.
func Read(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var out []Sentence
	var cur Sentence
	skipUntil := 0 // last word id covered by a multiword token
	line := 0
	flush := func() {
		if len(cur.Words) > 0 || len(cur.Forms) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
		skipUntil = 0
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		if cur.Line == 0 {
			cur.Line = line
		}
		if strings.HasPrefix(s, "#") {
			if t, ok := strings.CutPrefix(s, "# text = "); ok {
				cur.Text = t
			}
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 10 {
			return nil, &ParseError{name, line, fmt.Errorf("%w: %d fields, want 10", ErrFormat, len(f))}
		}
		id := f[0]
		if strings.Contains(id, ".") {
			continue // empty node
		}
		if a, b, ok := strings.Cut(id, "-"); ok {
			var lo, hi int
			if _, err := fmt.Sscanf(a+" "+b, "%d %d", &lo, &hi); err != nil || hi < lo {
				return nil, &ParseError{name, line, fmt.Errorf("%w: bad range id %q", ErrFormat, id)}
			}
			cur.Forms = append(cur.Forms, f[1])
			skipUntil = hi
			continue
		}
		var n int
		if _, err := fmt.Sscanf(id, "%d", &n); err != nil {
			return nil, &ParseError{name, line, fmt.Errorf("%w: bad id %q", ErrFormat, id)}
		}
		if f[1] == "" {
			return nil, &ParseError{name, line, fmt.Errorf("%w: empty form", ErrFormat)}
		}
		cur.Words = append(cur.Words, Word{Form: f[1], Lemma: f[2], UPOS: f[3]})
		if n > skipUntil {
			cur.Forms = append(cur.Forms, f[1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	flush()
	return out, nil
}
