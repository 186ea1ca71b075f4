package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// FuzzParse checks that Parse never panics, that every problem is a *ParseError with a
// position inside the input, that good entries satisfy the format's invariants, and that a
// lexicon compiled from them matches its own terms.
func FuzzParse(f *testing.F) {
	seeds := []string{
		matchLexicon,
		"war\tयुद्ध\t10\n",
		"@negator\tकभी नहीं\t-1\texact\n",
		"threat\tख़तरा\t7\tforms:ख़तरे|ख़तरों\tnote\n",
		"category\tterm\tweight\n# c\n\nwar\t\t7\n",
		"war\tयुद्ध\tNaN\n@x\ty\t1\n",
		"\ufeffwar\tयुद्ध\t1e1\r\n",
		"war\t\u200d\t5\n",
		"economy\tमहंगाई\t5\tforms:|\n",
	}
	if raw, err := os.ReadFile(filepath.Join("testdata", "mini.tsv")); err == nil {
		seeds = append(seeds, string(raw))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		es, err := Parse(strings.NewReader(src), "f.tsv")
		lines := strings.Count(src, "\n") + 1
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if pe.Line < 1 || pe.Line > lines+1 || pe.Col < 1 {
				t.Fatalf("position %d:%d outside the input of %d lines", pe.Line, pe.Col, lines)
			}
		}
		for _, e := range es {
			if e.Term == "" || e.Category == "" || e.Line < 1 || e.Line > lines {
				t.Fatalf("bad entry %+v", e)
			}
			if hindi.Key(e.Term) == "" && !strings.ContainsFunc(e.Term, func(r rune) bool { return r > ' ' }) {
				t.Fatalf("entry with an empty term key: %+v", e)
			}
		}
		l := New(es)
		if len(l.Entries()) > len(es) {
			t.Fatalf("%d entries from %d parsed", len(l.Entries()), len(es))
		}
		// Every live entry matches its own term (a context entry by MatchContext, and only
		// there).
		var (
			a  hindi.Analyzer
			d  hindi.Doc
			sc Scratch
		)
		for i, e := range l.Entries() {
			a.Analyze(&d, e.Term)
			for _, m := range l.Match(nil, &d, &sc) {
				if l.Entries()[m.Entry].IsContext() {
					t.Fatalf("Match found the context entry %+v", l.Entries()[m.Entry])
				}
			}
			found := false
			match := l.Match
			if e.IsContext() {
				match = l.MatchContext
			}
			for _, m := range match(nil, &d, &sc) {
				if m.Start < 0 || m.End > len(d.Tokens) || m.Start >= m.End {
					t.Fatalf("match %+v out of range of %d tokens", m, len(d.Tokens))
				}
				if m.Entry == i || l.Entries()[m.Entry].Category == e.Category {
					found = true
				}
			}
			if !found {
				t.Fatalf("entry %+v does not match its own term", e)
			}
		}
	})
}
