package main

import (
	"context"
	"errors"
)

// runLexicon is a placeholder until its issue lands.
func runLexicon(ctx context.Context, e env) error { return errors.New("lexicon: not implemented yet") }
