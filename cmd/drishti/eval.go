package main

import (
	"context"
	"errors"
)

// runEval is a placeholder until its issue lands.
func runEval(ctx context.Context, e env) error { return errors.New("eval: not implemented yet") }
