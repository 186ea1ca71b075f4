package main

import (
	"context"
	"errors"
)

// runEvalTokenize is a placeholder until its issue lands.
func runEvalTokenize(ctx context.Context, e env) error {
	return errors.New("eval tokenize: not implemented yet")
}
