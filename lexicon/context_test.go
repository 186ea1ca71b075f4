package lexicon

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// TestSplitContext checks that a lexicon's context entries are found by MatchContext alone,
// that Match finds the other entries as a lexicon without the context entries does, and
// that MatchContext finds what a lexicon of the context entries alone does: on the default
// lexicon over real news, and on a small one whose context words share a trie path with
// category words (सेना भर्ती beside सेना, a context phrase inside a category phrase).
func TestSplitContext(t *testing.T) {
	def, err := defaultEntries()
	if err != nil {
		t.Fatal(err)
	}
	small, err := Parse(strings.NewReader(`war	सेना	4	forms:सेनाओं|सेनाएं
war	सेना भर्ती	-9	stem
war	सेना भर्ती रैली में हमला	9	stem
war	भर्ती	-4	exact
war	कोरोना	-4	exact
war	कोरोना से जंग	0	stem
threat	मैच	-7	exact
threat	खतरा	7
@negator	नहीं	-0.74	exact
`), "small.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var (
		b    testing.B
		a    hindi.Analyzer
		d    hindi.Doc
		news hindi.Doc
	)
	// Real news when ../shared/data is there, and context words in any case.
	a.Analyze(&news, benchDoc(&b).Text+"\nसेना के जवानों को किया गया क्वारंटाइन। बदमाशों ने की फायरिंग, मैच रद्द।")
	a.Analyze(&d, "सेना भर्ती रैली टली। सेना भर्ती रैली में हमला हुआ, कोरोना से जंग जारी; मैच का खतरा नहीं। 'सेना' भर्ती, कोरोना")
	for _, tc := range []struct {
		name string
		es   []Entry
		doc  *hindi.Doc
	}{{"default", def, &news}, {"small", small, &d}} {
		l := New(tc.es)
		var ctx, other []Entry
		for _, e := range l.Entries() {
			if e.IsContext() {
				ctx = append(ctx, e)
			} else {
				other = append(other, e)
			}
		}
		if len(ctx) == 0 {
			t.Fatalf("%s: no context entries to test", tc.name)
		}
		// rename maps the matches of a lexicon of some of l's entries to l's entries.
		rename := func(part *Lexicon, ms []Match) []Match {
			idx := map[string]int{}
			for i, e := range l.Entries() {
				idx[e.Category+"\t"+e.Term] = i
			}
			for i := range ms {
				e := part.Entries()[ms[i].Entry]
				ms[i].Entry = idx[e.Category+"\t"+e.Term]
			}
			return ms
		}
		var sc Scratch
		got := l.Match(nil, tc.doc, &sc)
		for _, m := range got {
			if l.Entries()[m.Entry].IsContext() {
				t.Fatalf("%s: Match found the context entry %q", tc.name, l.Entries()[m.Entry].Term)
			}
		}
		po := New(other)
		if want := rename(po, po.Match(nil, tc.doc, &sc)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Match finds %d matches, a lexicon without the context entries %d", tc.name, len(got), len(want))
		}
		gotCtx := l.MatchContext(nil, tc.doc, &sc)
		pc, _ := compile(ctx) // not split: a trie of the context entries (none replaced here)
		if want := rename(pc, pc.Match(nil, tc.doc, &sc)); !reflect.DeepEqual(gotCtx, want) || len(gotCtx) == 0 {
			t.Errorf("%s: MatchContext finds %d matches, a lexicon of the context entries alone %d", tc.name, len(gotCtx), len(want))
		}
		for _, m := range gotCtx {
			if !l.Entries()[m.Entry].IsContext() {
				t.Fatalf("%s: MatchContext found %q, not a context entry", tc.name, l.Entries()[m.Entry].Term)
			}
		}
		if tc.name == "small" {
			var terms []string
			for _, m := range gotCtx {
				terms = append(terms, l.Entries()[m.Entry].Term)
			}
			if want := "सेना भर्ती सेना भर्ती कोरोना मैच सेना भर्ती कोरोना"; strings.Join(terms, " ") != want {
				t.Errorf("small: context matches %q, want %q", strings.Join(terms, " "), want)
			}
		}
	}
}

// TestSplitContextReplaced checks that an entry that replaces a context entry at one of its
// keys (a user's file re-weighting a default context word) wins at that key in both
// matchers, and that the context entry keeps its other keys, as compile left them.
func TestSplitContextReplaced(t *testing.T) {
	es, err := Parse(strings.NewReader("war\tकोरोना\t-4\tforms:कोरोनावायरस\nwar\tसेना\t4\nwar\tकोरोना\t2\texact\nwar\tभर्ती\t3\texact\nwar\tभर्ती\t-4\tforms:भर्तियां\n"), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	l := New(es)
	var (
		a  hindi.Analyzer
		d  hindi.Doc
		sc Scratch
	)
	a.Analyze(&d, "कोरोना कोरोनावायरस भर्ती भर्तियां सेना")
	render := func(ms []Match) string {
		var parts []string
		for _, m := range ms {
			e := l.Entries()[m.Entry]
			parts = append(parts, fmt.Sprintf("%s:%s:%g", d.Surface(m.Start), e.Term, e.Weight))
		}
		return strings.Join(parts, " ")
	}
	if got, want := render(l.Match(nil, &d, &sc)), "कोरोना:कोरोना:2 सेना:सेना:4"; got != want {
		t.Errorf("Match = %q, want %q", got, want)
	}
	if got, want := render(l.MatchContext(nil, &d, &sc)), "कोरोनावायरस:कोरोना:-4 भर्ती:भर्ती:-4 भर्तियां:भर्ती:-4"; got != want {
		t.Errorf("MatchContext = %q, want %q", got, want)
	}
}

// TestSplitContextDeterministic checks that two builds of the default lexicon give the same
// tables: the tries split by splitContext list their edges in compile's order, not in the
// order of the nodes' maps.
func TestSplitContextDeterministic(t *testing.T) {
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.edges, b.edges) || !reflect.DeepEqual(a.context.edges, b.context.edges) {
		t.Error("two builds of the default lexicon have different edge tables")
	}
}
