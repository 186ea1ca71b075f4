//go:build tools

// Package tools pins the modules the project is about to use, so that go mod tidy keeps them
// while the packages that import them are being written.
package tools

import (
	_ "github.com/apache/arrow/go/v17/arrow/ipc"
	_ "github.com/parquet-go/parquet-go"
	_ "github.com/parquet-go/parquet-go/compress/zstd"
	_ "github.com/schollz/progressbar/v3"
	_ "golang.org/x/sync/errgroup"
	_ "golang.org/x/term"
	_ "golang.org/x/text/unicode/norm"
	_ "gonum.org/v1/gonum/floats"
	_ "gonum.org/v1/gonum/mat"
	_ "gonum.org/v1/gonum/stat"
)
