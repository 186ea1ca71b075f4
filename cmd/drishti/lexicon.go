package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/drishti-news/drishti/lexicon"
)

// lexiconFlags are the lexicon flags shared by explain, eval tone and lexicon stats.
type lexiconFlags struct {
	files     lexiconFileList
	noDefault bool
}

// lexiconFileList is a repeatable --lexicon flag.
type lexiconFileList []string

func (l *lexiconFileList) String() string     { return strings.Join(*l, ",") }
func (l *lexiconFileList) Set(s string) error { *l = append(*l, s); return nil }

func (o *lexiconFlags) addFlags(fs *flag.FlagSet) {
	fs.Var(&o.files, "lexicon", "lexicon `FILE` added to the default lexicon (repeatable; a later entry re-weights an earlier one)")
	fs.BoolVar(&o.noDefault, "no-default-lexicon", false, "use only the --lexicon files, not the embedded default")
}

// load returns the lexicon the flags describe; a malformed file is a usage error (exit 2).
func (o *lexiconFlags) load() (*lexicon.Lexicon, error) {
	if o.noDefault && len(o.files) == 0 {
		return nil, usagef("--no-default-lexicon needs at least one --lexicon FILE")
	}
	l, err := lexicon.Load(lexicon.Options{NoDefault: o.noDefault}, o.files...)
	if err != nil {
		var pe *lexicon.ParseError
		if errors.As(err, &pe) {
			return nil, usageError{err}
		}
		return nil, err
	}
	return l, nil
}

// parseFlags parses args into fs, mapping -h to errHelpShown and bad flags to a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelpShown
		}
		return usageError{err}
	}
	return nil
}

const lexiconUsage = `Usage:
  drishti lexicon check FILE...          validate lexicon files (exit 2 on problems)
  drishti lexicon stats [flags] [FILE...] summarize a lexicon (default + FILEs)

Problems are printed as file:line:col: message. The format is in docs/lexicon.md.
`

// runLexicon runs `drishti lexicon check|stats`.
func runLexicon(ctx context.Context, e env) error {
	if len(e.args) == 0 || e.args[0] == "-h" || e.args[0] == "--help" || e.args[0] == "help" {
		fmt.Fprint(e.stderr, lexiconUsage)
		if len(e.args) == 0 {
			return usagef("lexicon: no subcommand (want check or stats)")
		}
		return errHelpShown
	}
	sub, args := e.args[0], e.args[1:]
	switch sub {
	case "check":
		return runLexiconCheck(e, args)
	case "stats":
		return runLexiconStats(e, args)
	}
	return usagef("lexicon: unknown subcommand %q (want check or stats)", sub)
}

func runLexiconCheck(e env, args []string) error {
	fs := flag.NewFlagSet("lexicon check", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), lexiconUsage) }
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("lexicon check: no files given")
	}
	problems, err := lexicon.Check(fs.Args()...)
	for _, p := range problems {
		fmt.Fprintln(e.stdout, p)
	}
	if err != nil {
		return usageError{err}
	}
	if len(problems) > 0 {
		return usagef("lexicon check: %d problem(s)", len(problems))
	}
	fmt.Fprintf(e.stderr, "lexicon check: %d file(s) OK\n", fs.NArg())
	return nil
}

func runLexiconStats(e env, args []string) error {
	fs := flag.NewFlagSet("lexicon stats", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var lf lexiconFlags
	fs.BoolVar(&lf.noDefault, "no-default-lexicon", false, "summarize only the FILEs, not the embedded default")
	fs.Usage = func() { fmt.Fprint(fs.Output(), lexiconUsage); fs.PrintDefaults() }
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	lf.files = fs.Args()
	l, err := lf.load()
	if err != nil {
		return err
	}
	return l.Stats().WriteText(e.stdout)
}
