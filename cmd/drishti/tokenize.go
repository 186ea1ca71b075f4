package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// tokenizeOptions are the flags of `drishti tokenize`.
type tokenizeOptions struct {
	key, stem, json, joinLines bool
}

// tokenizeChunk is the size past which input is analysed at the next line break; blank
// lines always cut, since they end a sentence anyway.
const tokenizeChunk = 1 << 20

// runTokenize prints the sentences and tokens of the text on stdin.
func runTokenize(ctx context.Context, e env) error {
	var o tokenizeOptions
	fs := flag.NewFlagSet("tokenize", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.BoolVar(&o.key, "key", false, "print matching keys instead of surface forms")
	fs.BoolVar(&o.stem, "stem", false, "print stems of the matching keys")
	fs.BoolVar(&o.json, "json", false, "print one JSON object per sentence, with token kinds and byte offsets")
	fs.BoolVar(&o.joinLines, "join-lines", false, "read single line breaks as spaces (hard-wrapped text)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: drishti tokenize [--key|--stem|--json] [--join-lines] < text")
		fmt.Fprintln(e.stderr, "Prints one sentence per line, tokens separated by single spaces, exactly as in the input.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(e.args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelpShown
		}
		return usageError{err}
	}
	if fs.NArg() != 0 {
		return usagef("tokenize: unexpected argument %q (text is read from stdin)", fs.Arg(0))
	}
	if o.key && o.stem {
		return usagef("tokenize: --key and --stem exclude each other")
	}
	w := bufio.NewWriter(e.stdout)
	t := tokenizer{opts: o, a: hindi.Analyzer{JoinLines: o.joinLines}, w: w, enc: json.NewEncoder(w)}
	r := bufio.NewReaderSize(e.stdin, 64*1024)
	var chunk []byte
	base := 0
	for {
		line, err := r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			chunk = append(chunk, line...)
			continue
		}
		chunk = append(chunk, line...)
		blank := len(line) > 0 && isBlankLine(line)
		if err == nil && (blank && len(chunk) > len(line) || len(chunk) >= tokenizeChunk) {
			if werr := t.write(string(chunk), base); werr != nil {
				return werr
			}
			base += len(chunk)
			chunk = chunk[:0]
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("tokenize: reading stdin: %w", err)
		}
	}
	if err := t.write(string(chunk), base); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("tokenize: writing: %w", err)
	}
	return nil
}

func isBlankLine(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// tokenizer writes the analysis of successive chunks of the input.
type tokenizer struct {
	opts tokenizeOptions
	a    hindi.Analyzer
	d    hindi.Doc
	w    *bufio.Writer
	enc  *json.Encoder
	sent int // sentences written so far
}

type jsonToken struct {
	Text  string `json:"text"`
	Key   string `json:"key"`
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

type jsonSentence struct {
	Sentence int         `json:"sentence"`
	Start    int         `json:"start"`
	End      int         `json:"end"`
	Tokens   []jsonToken `json:"tokens"`
}

// write analyses chunk, which starts at byte base of the input, and prints it.
func (t *tokenizer) write(chunk string, base int) error {
	t.a.Analyze(&t.d, chunk)
	d := &t.d
	var js jsonSentence
	for s := 0; s < d.Sentences(); s++ {
		first, last := d.SentenceTokens(s)
		if t.opts.json {
			start, end := d.SentenceSpan(s)
			js = jsonSentence{Sentence: t.sent, Start: base + start, End: base + end, Tokens: js.Tokens[:0]}
			for i := first; i < last; i++ {
				tok := d.Tokens[i]
				js.Tokens = append(js.Tokens, jsonToken{d.Surface(i), string(d.Key(i)), tok.Kind.String(), base + tok.Start, base + tok.End})
			}
			if err := t.enc.Encode(&js); err != nil {
				return fmt.Errorf("tokenize: writing: %w", err)
			}
			t.sent++
			continue
		}
		for i := first; i < last; i++ {
			if i > first {
				t.w.WriteByte(' ')
			}
			switch {
			case t.opts.key:
				t.w.Write(d.Key(i))
			case t.opts.stem:
				t.w.Write(hindi.StemBytes(d.Key(i)))
			default:
				t.w.WriteString(d.Surface(i))
			}
		}
		if err := t.w.WriteByte('\n'); err != nil {
			return fmt.Errorf("tokenize: writing: %w", err)
		}
		t.sent++
	}
	return nil
}
