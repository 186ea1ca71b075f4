package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
)

// defaultFS holds the default lexicon files, one per category plus modifiers.tsv.
//
//go:embed default/*.tsv
var defaultFS embed.FS

// Default returns the embedded default lexicon: threat, alliance and war, the positive and
// negative tone lists and the modifiers. It is parsed on each call; callers keep the result.
func Default() (*Lexicon, error) {
	es, err := defaultEntries()
	if err != nil {
		return nil, err
	}
	l, conflicts := compileSplit(es)
	if len(conflicts) > 0 {
		return nil, conflicts[0].err
	}
	return l, nil
}

// DefaultFiles returns the names of the embedded default files, sorted.
func DefaultFiles() []string {
	names, _ := fs.Glob(defaultFS, "default/*.tsv")
	slices.Sort(names)
	return names
}

func defaultEntries() ([]Entry, error) {
	var all []Entry
	for _, name := range DefaultFiles() {
		f, err := defaultFS.Open(name)
		if err != nil {
			return nil, fmt.Errorf("reading default lexicon: %w", err)
		}
		es, err := Parse(f, "lexicon/"+path.Clean(name))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("default lexicon: %w", err)
		}
		all = append(all, es...)
	}
	return all, nil
}
