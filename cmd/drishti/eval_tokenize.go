package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/analysis/hindi/hindieval"
)

// evalTokenizeOptions are the flags of `drishti eval tokenize`.
type evalTokenizeOptions struct {
	errors    int
	joinLines bool
	stems     bool
}

// runEvalTokenize scores the tokenizer and sentence splitter against a CoNLL-U file.
func runEvalTokenize(ctx context.Context, e env) error {
	var o evalTokenizeOptions
	fs := flag.NewFlagSet("eval tokenize", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.IntVar(&o.errors, "errors", 0, "print up to `N` missed gold tokens and sentences")
	fs.BoolVar(&o.joinLines, "join-lines", false, "read single line breaks as spaces (Analyzer.JoinLines)")
	fs.BoolVar(&o.stems, "stems", false, "also report stem agreement with the gold lemmas")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: drishti eval tokenize [flags] FILE.conllu")
		fmt.Fprintln(e.stderr, "Scores token and sentence spans against CoNLL-U gold. Files with '# text' lines are")
		fmt.Fprintln(e.stderr, "aligned to that text; files without (HDTB 2015) are rebuilt by joining tokens.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(e.args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelpShown
		}
		return usageError{err}
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usagef("eval tokenize: want one CoNLL-U file, got %d arguments", fs.NArg())
	}
	name := fs.Arg(0)
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("eval tokenize: %w", err)
	}
	sents, err := hindieval.Read(f, name)
	f.Close()
	if err != nil {
		return fmt.Errorf("eval tokenize: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	g, err := hindieval.Build(sents)
	if err != nil {
		return fmt.Errorf("eval tokenize %s: %w", name, err)
	}
	a := hindi.Analyzer{JoinLines: o.joinLines}
	var d hindi.Doc
	r := hindieval.Evaluate(g, &a, &d)
	text := "'# text' lines"
	if r.Rebuilt {
		text = "text rebuilt from tokens"
	}
	fmt.Fprintf(e.stdout, "%s: %d sentences, %d tokens, %d bytes (%s)\n", name, r.Sentences.Gold, r.Tokens.Gold, r.Bytes, text)
	fmt.Fprintf(e.stdout, "tokens     %v\n", r.Tokens)
	fmt.Fprintf(e.stdout, "sentences  %v\n", r.Sentences)
	if o.stems {
		s := hindieval.StemAgreement(sents)
		pct := func(n int) float64 { return 100 * float64(n) / float64(max(s.Words, 1)) }
		fmt.Fprintf(e.stdout, "stems      %d words: key = lemma %.1f%%, stem = lemma %.1f%%, stem = stem(lemma) %.1f%%\n",
			s.Words, pct(s.Unstemmed), pct(s.Exact), pct(s.Conflated))
	}
	if o.errors > 0 {
		for _, m := range hindieval.Mismatches(g, &d, false, o.errors) {
			fmt.Fprintln(e.stdout, "token   ", m)
		}
		for _, m := range hindieval.Mismatches(g, &d, true, o.errors) {
			fmt.Fprintln(e.stdout, "sentence", m)
		}
	}
	return nil
}
