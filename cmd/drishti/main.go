// Command drishti is the batch job for media monitoring of the Hindi press. See README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// env is what a subcommand sees of the process: its arguments and standard streams.
type env struct {
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand of drishti.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e env) error
}

func commands() []command {
	return []command{
		{"run", "analyse articles and write the Parquet reports", runRun},
		{"tokenize", "print the sentences and tokens of Hindi text read on stdin", runTokenize},
		{"explain", "show an article with its lexicon hits and score breakdown", runExplain},
		{"lexicon", "check or summarize lexicon files (lexicon check|stats)", runLexicon},
		{"eval", "measure quality against labelled data (eval tokenize|tone|topics)", runEval},
		{"version", "print the version", runVersion},
	}
}

// Exit codes, documented in README.md.
const (
	exitOK       = 0
	exitFailed   = 1
	exitUsage    = 2
	exitRejects  = 3
	exitCanceled = 130
)

// usageError marks an error in the command line or configuration (exit code 2).
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// errRejects marks a run that finished but whose rejects exceeded --max-reject-ratio (exit 3).
var errRejects = errors.New("rejects exceed --max-reject-ratio")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := dispatch(ctx, env{args: os.Args[1:], stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr})
	stop()
	code := exitCode(err)
	if err != nil && !errors.Is(err, errHelpShown) {
		fmt.Fprintf(os.Stderr, "drishti: %v\n", err)
	}
	os.Exit(code)
}

// errHelpShown is returned when help was asked for and printed.
var errHelpShown = errors.New("help shown")

func exitCode(err error) int {
	var u usageError
	switch {
	case err == nil, errors.Is(err, errHelpShown):
		return exitOK
	case errors.As(err, &u):
		return exitUsage
	case errors.Is(err, errRejects):
		return exitRejects
	case errors.Is(err, context.Canceled):
		return exitCanceled
	default:
		return exitFailed
	}
}

func dispatch(ctx context.Context, e env) error {
	if len(e.args) == 0 {
		printUsage(e.stderr)
		return usagef("no command given")
	}
	name := e.args[0]
	switch name {
	case "-h", "--help", "help":
		printUsage(e.stdout)
		return errHelpShown
	case "--version", "-version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, env{args: e.args[1:], stdin: e.stdin, stdout: e.stdout, stderr: e.stderr})
		}
	}
	printUsage(e.stderr)
	return usagef("unknown command %q", name)
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Drishti: tone and topics of the Hindi press, as Parquet reports.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: drishti COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'drishti COMMAND --help' for the flags of a command.")
	fmt.Fprintln(w, "Start with 'drishti run': it analyses the embedded sample corpus into ./drishti-out.")
}
