package main

import (
	"context"
	"errors"
)

// runEvalTone is a placeholder until its issue lands.
func runEvalTone(ctx context.Context, e env) error {
	return errors.New("eval tone: not implemented yet")
}
