package main

import (
	"context"
	"errors"
)

// runEvalTopics is a placeholder until its issue lands.
func runEvalTopics(ctx context.Context, e env) error {
	return errors.New("eval topics: not implemented yet")
}
