package main

import (
	"context"
	"errors"
)

// runExplain is a placeholder until its issue lands.
func runExplain(ctx context.Context, e env) error { return errors.New("explain: not implemented yet") }
