package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/drishti-news/drishti/analysis/tone"
	"github.com/drishti-news/drishti/internal/shareddata"
	"github.com/drishti-news/drishti/internal/textref"
)

const evalToneUsage = `Usage: drishti eval tone [flags] FILE.tsv...

Scores each row of a labelled TSV file (header: id, text, one 0/1 column per category such
as threat, alliance, war, and tone -1/0/1; "?" skips a label) as one article and prints
precision, recall and F1 per category (present = score above 0), macro F1 and the sign
agreement of tone with the tone label. Several files are pooled: their rows count as one
set (the figures come from the summed counts, not an average of the files').

FILE.tsv may also be a reference file that labels sentences of a corpus without copying
them (columns id, path, offset, length, fnv32a and the labels; see internal/textref), such
as the project's held-out sets in analysis/tone/testdata/heldout-*.tsv: the texts are read
from the --data folder.

Flags:
`

// runEvalTone runs `drishti eval tone FILE.tsv`.
func runEvalTone(ctx context.Context, e env) error {
	fs := flag.NewFlagSet("eval tone", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var lf lexiconFlags
	lf.addFlags(fs)
	data := fs.String("data", "", "`DIR` the paths of a reference file are relative to (default: ../shared/data beside the module root)")
	misses := fs.String("misses", "", "also print the wrong predictions of `CATEGORY` (\"all\" for every category, \"tone\" for the tone label)")
	fs.Usage = func() { fmt.Fprint(fs.Output(), evalToneUsage); fs.PrintDefaults() }
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("eval tone: want at least one FILE.tsv")
	}
	lex, err := lf.load()
	if err != nil {
		return err
	}
	scorer := tone.NewScorer(lex, tone.Options{})
	var evs []*tone.Evaluation
	for _, name := range fs.Args() {
		ev, err := evalToneFile(scorer, name, *data)
		if err != nil {
			return err
		}
		if fs.NArg() > 1 { // a miss's line is its file's: name the file
			for i := range ev.Misses {
				ev.Misses[i].ID = filepath.Base(name) + ":" + ev.Misses[i].ID
			}
		}
		evs = append(evs, ev)
	}
	ev, err := tone.Merge(evs...)
	if err != nil {
		return fmt.Errorf("eval tone: %w", err)
	}
	if *misses != "" {
		cat := *misses
		if cat == "all" {
			cat = ""
		}
		if err := ev.WriteMisses(e.stdout, cat); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout)
	}
	return ev.WriteText(e.stdout)
}

// evalToneFile evaluates one labelled or reference file.
func evalToneFile(scorer *tone.Scorer, name, dataDir string) (*tone.Evaluation, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, usageError{fmt.Errorf("eval tone: %w", err)}
	}
	defer f.Close()
	in, err := resolveReference(f, name, dataDir)
	if err != nil {
		return nil, err
	}
	ev, err := scorer.Evaluate(in, name)
	if err != nil {
		return nil, fmt.Errorf("eval tone: %w", err)
	}
	return ev, nil
}

// resolveReference returns the labelled rows of r: r itself, or, when its header describes a
// reference file, the texts it points to read from dataDir.
func resolveReference(r io.Reader, name, dataDir string) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10) // the file's start: a short file returns what there is
	var header []byte
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		// Comment lines may open a reference file; the first other line is the header.
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			header = line
			break
		}
	}
	if !textref.IsReference(string(header)) {
		return br, nil
	}
	if dataDir == "" {
		d, ok := shareddata.Lookup()
		if !ok {
			return nil, usagef("eval tone: %s references corpus texts; give the corpus folder with --data", name)
		}
		dataDir = d
	}
	var buf bytes.Buffer
	if err := textref.Resolve(&buf, br, name, dataDir); err != nil {
		return nil, fmt.Errorf("eval tone: %w", err)
	}
	return &buf, nil
}
