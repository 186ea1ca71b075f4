package sample

import (
	_ "embed"
	"io"
	"strings"
)

// Name is the file name under which the embedded corpus is reported as an input.
const Name = "sample.jsonl"

//go:embed articles.jsonl
var articles string

// Open returns a reader over the embedded corpus in JSON Lines form. Each call returns a new
// reader positioned at the start.
func Open() io.Reader { return strings.NewReader(articles) }

// Articles returns a copy of the embedded corpus in JSON Lines form, one article per line.
// The caller may modify the returned slice.
func Articles() []byte { return []byte(articles) }
