package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/drishti-news/drishti/analysis/tone"
)

const evalToneUsage = `Usage: drishti eval tone [flags] FILE.tsv

Scores each row of a labelled TSV file (header: id, text, one 0/1 column per category such
as threat, alliance, war, and tone -1/0/1; "?" skips a label) as one article and prints
precision, recall and F1 per category (present = score above 0), macro F1 and the sign
agreement of tone with the tone label.

Flags:
`

// runEvalTone runs `drishti eval tone FILE.tsv`.
func runEvalTone(ctx context.Context, e env) error {
	fs := flag.NewFlagSet("eval tone", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var lf lexiconFlags
	lf.addFlags(fs)
	misses := fs.String("misses", "", "also print the wrong predictions of `CATEGORY` (\"all\" for every category, \"tone\" for the tone label)")
	fs.Usage = func() { fmt.Fprint(fs.Output(), evalToneUsage); fs.PrintDefaults() }
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("eval tone: want one FILE.tsv, got %d arguments", fs.NArg())
	}
	lex, err := lf.load()
	if err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return usageError{fmt.Errorf("eval tone: %w", err)}
	}
	defer f.Close()
	ev, err := tone.NewScorer(lex, tone.Options{}).Evaluate(f, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("eval tone: %w", err)
	}
	if *misses != "" {
		cat := *misses
		if cat == "all" {
			cat = ""
		}
		if err := ev.WriteMisses(e.stdout, cat); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout)
	}
	return ev.WriteText(e.stdout)
}
