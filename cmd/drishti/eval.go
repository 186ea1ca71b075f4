package main

import (
	"context"
	"fmt"
)

// runEval dispatches `drishti eval tokenize|tone|topics`.
func runEval(ctx context.Context, e env) error {
	subs := map[string]func(context.Context, env) error{
		"tokenize": runEvalTokenize,
		"tone":     runEvalTone,
		"topics":   runEvalTopics,
	}
	if len(e.args) == 0 || e.args[0] == "-h" || e.args[0] == "--help" {
		fmt.Fprintln(e.stderr, "Usage: drishti eval tokenize FILE.conllu | tone FILE.tsv | topics FILE --label-field F")
		if len(e.args) == 0 {
			return usagef("eval: no evaluation named")
		}
		return errHelpShown
	}
	run, ok := subs[e.args[0]]
	if !ok {
		return usagef("eval: unknown evaluation %q (want tokenize, tone or topics)", e.args[0])
	}
	return run(ctx, env{args: e.args[1:], stdin: e.stdin, stdout: e.stdout, stderr: e.stderr})
}
