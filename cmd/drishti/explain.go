package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/analysis/tone"
)

const explainUsage = `Usage: drishti explain [flags] [FILE|-]

Prints an article with its lexicon hits highlighted (in colour on a terminal, as
[surface]{category} otherwise) and the score breakdown per category. The input is plain
text, or one JSON object with a "text" field (a line of a JSONL corpus); default stdin.

Flags:
`

// runExplain runs `drishti explain`.
func runExplain(ctx context.Context, e env) error {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var lf lexiconFlags
	lf.addFlags(fs)
	color := fs.String("color", "auto", "highlight with colour: auto (on a terminal), always or never")
	fs.Usage = func() { fmt.Fprint(fs.Output(), explainUsage); fs.PrintDefaults() }
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usagef("explain: want at most one FILE, got %d", fs.NArg())
	}
	useColor := false
	switch *color {
	case "always":
		useColor = true
	case "never":
	case "auto":
		if f, ok := e.stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			useColor = true
		}
	default:
		return usagef("explain: --color %q: want auto, always or never", *color)
	}
	lex, err := lf.load()
	if err != nil {
		return err
	}
	in := e.stdin
	name := "-"
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		name = fs.Arg(0)
		f, err := os.Open(name)
		if err != nil {
			return usageError{fmt.Errorf("explain: %w", err)}
		}
		defer f.Close()
		in = f
	}
	raw, err := io.ReadAll(in)
	if err != nil {
		return fmt.Errorf("explain: reading %s: %w", name, err)
	}
	text, title, more, err := explainText(raw)
	if err != nil {
		return usageError{fmt.Errorf("explain: %s: %w", name, err)}
	}
	if more {
		fmt.Fprintf(e.stderr, "explain: %s holds more than one article; explaining the first\n", name)
	}
	var (
		a     hindi.Analyzer
		d, td hindi.Doc
		res   tone.Result
	)
	a.Analyze(&d, text)
	var titleDoc *hindi.Doc // as drishti run scores it: the title's context words apply
	if title != "" {
		a.Analyze(&td, title)
		titleDoc = &td
	}
	tone.NewScorer(lex, tone.Options{}).ScoreTitled(&d, titleDoc, &res)
	return tone.Explain(e.stdout, &d, &res, tone.ExplainOptions{Color: useColor})
}

// explainText returns the text to explain: the input itself, or the "text" and "title"
// fields of the first JSON object (more reports whether other objects follow, as in a JSONL
// corpus).
func explainText(raw []byte) (text, title string, more bool, err error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var art struct {
			Text  *string `json:"text"`
			Title string  `json:"title"`
		}
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		if err := dec.Decode(&art); err != nil {
			return "", "", false, fmt.Errorf("decoding JSON article: %w", err)
		}
		if art.Text == nil {
			return "", "", false, fmt.Errorf("JSON article has no \"text\" field")
		}
		return *art.Text, art.Title, dec.More(), nil
	}
	return string(raw), "", false, nil
}
