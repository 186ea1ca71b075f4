package main

import (
	"context"
	"errors"
)

func runRun(ctx context.Context, e env) error { return errors.New("run: not implemented yet") }
