package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// The compiler (compile, buildEdges, buildStartFilters, checksum) is checked against the
// compiler it replaced, kept verbatim in refcompile_test.go: on the default lexicon, on
// lexicons with conflicting entries and on random lexicons, the compiled lexicons must
// be the same, field by field: entries and their order, trie, slots, checksum, conflicts,
// and the edge table and start filters bit for bit (the slots of the table, whose layout
// depends on the order of insertion, are compared by looking every entry up in both).

// sameLexicon reports the first difference between got and want, or "".
func sameLexicon(got, want *Lexicon) string {
	switch {
	case !reflect.DeepEqual(got.entries, want.entries):
		return "entries differ"
	case !reflect.DeepEqual(got.categories, want.categories):
		return fmt.Sprintf("categories %q, want %q", got.categories, want.categories)
	case !reflect.DeepEqual(got.catIndex, want.catIndex):
		return "category index differs"
	case !reflect.DeepEqual(got.slotOf, want.slotOf):
		return "slots of entries differ"
	case got.nslots != want.nslots:
		return fmt.Sprintf("nslots %d, want %d", got.nslots, want.nslots)
	case !reflect.DeepEqual(got.nodes, want.nodes):
		return "trie nodes differ"
	case got.maxDepth != want.maxDepth:
		return fmt.Sprintf("maxDepth %d, want %d", got.maxDepth, want.maxDepth)
	case got.startKinds != want.startKinds:
		return fmt.Sprintf("startKinds %#x, want %#x", got.startKinds, want.startKinds)
	case !reflect.DeepEqual(got.info, want.info):
		return "node info differs"
	case !reflect.DeepEqual(got.ends, want.ends):
		return "term ends differ"
	case got.checksum != want.checksum:
		return fmt.Sprintf("checksum %s, want %s", got.checksum, want.checksum)
	}
	return sameEdges(&got.edges, &want.edges)
}

// sameEdges reports the first difference between two edge tables, or "".
func sameEdges(got, want *edgeTable) string {
	switch {
	case got.expanded != want.expanded:
		return fmt.Sprintf("expanded %v, want %v", got.expanded, want.expanded)
	case len(got.entries) != len(want.entries):
		return fmt.Sprintf("%d entries, want %d", len(got.entries), len(want.entries))
	case !slices.Equal(got.filter, want.filter):
		return "filters differ"
	case len(got.slots) != len(want.slots) && !(bits.OnesCount(uint(len(got.entries))) == 1 && len(got.slots) == 2*len(want.slots)):
		// The old table had one slot count more when it looked a key up after adding its
		// last entry and the entries filled exactly half the slots: it depended on the order
		// of map iteration.
		return fmt.Sprintf("%d slots, want %d", len(got.slots), len(want.slots))
	case got.shift != uint(64-bits.TrailingZeros(uint(len(got.slots)))):
		return fmt.Sprintf("shift %d with %d slots", got.shift, len(got.slots))
	}
	used := 0
	for _, s := range got.slots {
		if s != 0 {
			used++
		}
	}
	if used != len(got.entries) {
		return fmt.Sprintf("%d slots used for %d entries", used, len(got.entries))
	}
	// Every entry of each table is found in the other, with the same children and words.
	for _, dir := range []struct {
		name     string
		from, in *edgeTable
	}{{"missing", want, got}, {"extra", got, want}} {
		for j := range dir.from.entries {
			e := &dir.from.entries[j]
			key := dir.from.keys[e.off : e.off+e.n]
			p := fingerprint(key)
			o := dir.in.lookup(e.node, key, &p)
			switch {
			case o == nil:
				return fmt.Sprintf("%s entry (%d, %q)", dir.name, e.node, key)
			case o.exact != e.exact || o.stem != e.stem:
				return fmt.Sprintf("entry (%d, %q): children %d, %d and %d, %d", e.node, key, o.exact, o.stem, e.exact, e.stem)
			case o.w0 != e.w0 || o.w1 != e.w1 || o.w2 != e.w2 || o.n != e.n ||
				!bytes.Equal(dir.in.keys[o.off:o.off+o.n], key):
				return fmt.Sprintf("entry (%d, %q): key or words differ", e.node, key)
			}
		}
	}
	return sameStarts(&got.starts, &want.starts)
}

// sameStarts reports the first difference between two sets of start filters, or "".
func sameStarts(got, want *startFilters) string {
	switch {
	case (got.cells == nil) != (want.cells == nil) || got.cells != nil && *got.cells != *want.cells:
		return "root filters differ"
	case !slices.Equal(got.pairs, want.pairs) || got.pairShift != want.pairShift:
		return fmt.Sprintf("pair filters differ (%d words, shift %d; want %d, %d)", len(got.pairs), got.pairShift, len(want.pairs), want.pairShift)
	case (got.second == nil) != (want.second == nil) || got.second != nil && *got.second != *want.second:
		return "filters of second words differ"
	case len(got.pairsOnly) != len(want.pairsOnly) || got.onlyShift != want.onlyShift:
		return fmt.Sprintf("pairsOnly: %d slots, want %d", len(got.pairsOnly), len(want.pairsOnly))
	}
	set := func(hs []uint64) []uint64 {
		var out []uint64
		for _, h := range hs {
			if h != 0 {
				out = append(out, h)
			}
		}
		slices.Sort(out)
		return out
	}
	if !slices.Equal(set(got.pairsOnly), set(want.pairsOnly)) {
		return "pairsOnly hashes differ"
	}
	for _, h := range want.pairsOnly {
		if h != 0 && !got.isPairsOnly(h) {
			return fmt.Sprintf("pairsOnly misses %#x", h)
		}
	}
	return ""
}

// sameConflicts reports the first difference between two lists of conflicts, or "".
func sameConflicts(got, want []conflict) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d conflicts, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.sameFile != w.sameFile || g.err.File != w.err.File || g.err.Line != w.err.Line ||
			g.err.Col != w.err.Col || g.err.Error() != w.err.Error() ||
			!errors.Is(g.err, ErrConflict) {
			return fmt.Sprintf("conflict %d: %v (same file %v), want %v (%v)", i, g.err, g.sameFile, w.err, w.sameFile)
		}
	}
	return ""
}

// checkCompile compiles es with compile and refCompile and fails on any difference; it
// checks the tables of other limits and the start filters of other bounds too.
func checkCompile(t *testing.T, name string, es []Entry) *Lexicon {
	t.Helper()
	got, gotConflicts := compile(slices.Clone(es))
	want, wantConflicts := refCompile(slices.Clone(es))
	if d := sameLexicon(got, want); d != "" {
		t.Fatalf("%s: %s", name, d)
	}
	if d := sameConflicts(gotConflicts, wantConflicts); d != "" {
		t.Fatalf("%s: %s", name, d)
	}
	// The edge tables of the same trie with other limits: expanded just below and at the
	// number of entries, unexpanded below it.
	n := len(want.edges.entries)
	for _, limit := range []int{0, 1, n / 2, n - 1, n, n + 1} {
		if limit < 0 {
			continue
		}
		g, w := newEdgeTable(got.nodes, limit), refNewEdgeTable(want.nodes, limit)
		if d := sameEdges(&g, &w); d != "" {
			t.Fatalf("%s, limit %d: %s", name, limit, d)
		}
	}
	if got.edges.expanded {
		for _, maxPairs := range []int{0, 1, 2, 7, 64} {
			g := newStartFilters(&got.edges, got.nodes, maxPairs)
			w := refNewStartFilters(&want.edges, want.nodes, maxPairs)
			if d := sameStarts(&g, &w); d != "" {
				t.Fatalf("%s, maxPairs %d: %s", name, maxPairs, d)
			}
		}
	}
	return got
}

func TestCompileSameAsReference(t *testing.T) {
	def, err := defaultEntries()
	if err != nil {
		t.Fatal(err)
	}
	l := checkCompile(t, "default", def)
	if !l.edges.expanded || len(l.edges.starts.pairsOnly) == 0 {
		t.Fatalf("default lexicon: expanded %v, %d pairsOnly slots; the test covers neither", l.edges.expanded, len(l.edges.starts.pairsOnly))
	}

	// The default with re-weighted, repeated and re-ordered entries: conflicts within a file
	// and across files, a form equal to a term, entries replaced by later ones.
	r := rand.New(rand.NewPCG(3, 5))
	var es []Entry
	for i, e := range def {
		es = append(es, e)
		switch r.IntN(40) {
		case 0: // the same entry again, another weight, same file
			e.Weight, e.Line = e.Weight+0.5, e.Line+10000
			es = append(es, e)
		case 1: // the same entry in a user file, another weight
			e.Weight, e.File, e.Line = 1, "user.tsv", i+1
			es = append(es, e)
		case 2: // the same entry, same weight, stem instead of exact
			e.Match = MatchStem
			es = append(es, e)
		}
	}
	checkCompile(t, "default with conflicts", es)
	r.Shuffle(len(es), func(i, j int) { es[i], es[j] = es[j], es[i] })
	checkCompile(t, "default shuffled", es)

	// Random lexicons: one entry, a few, hundreds, with user categories.
	for round := range 60 {
		es := randomLexicon(r, 1+r.IntN(1+round*10))
		for i := range es {
			if r.IntN(5) == 0 {
				es[i].Category = []string{"economy", "zeta", "alpha"}[r.IntN(3)]
			}
			es[i].File = []string{"a.tsv", "b.tsv"}[r.IntN(2)]
		}
		if round%3 == 0 { // duplicates, conflicting or not
			for range 1 + r.IntN(5) {
				e := es[r.IntN(len(es))]
				e.Weight = float64(r.IntN(3))
				es = append(es, e)
			}
		}
		checkCompile(t, fmt.Sprintf("random lexicon %d", round), es)
	}
	checkCompile(t, "empty", nil)
	// Entries that only New is given: forms on a stem or exact entry, terms of quotation
	// marks, hyphens or nothing, an unknown category, duplicates of every kind.
	odd := []Entry{
		{Category: War, Term: "हमला", Weight: 2, Forms: []string{"हमले", "हमलों"}},
		{Category: War, Term: "हमला", Weight: 3, Match: MatchExact, Forms: []string{"हमला"}},
		{Category: Threat, Term: "' \"", Weight: 1},
		{Category: Threat, Term: "- - युद्ध", Weight: 1},
		{Category: Threat, Term: "", Weight: 1},
		{Category: Threat, Term: "।", Weight: 1},
		{Category: "Odd Category", Term: "x", Weight: 1},
		{Category: Negator, Term: "नहीं", Weight: -1, Match: MatchForms, Forms: []string{"नहीं", "न"}},
		{Category: Negator, Term: "न", Weight: -0.5, File: "b.tsv"},
	}
	checkCompile(t, "odd entries", odd)

	// The bounds of the start filters: pairs with maxTriples third words and one more or
	// less, root keys with maxRootPairs pairs and one more or less, as exact and as stem
	// phrases.
	var bounds []Entry
	add := func(term string, m MatchKind) {
		bounds = append(bounds, Entry{Category: War, Term: term, Weight: 1, Match: m, Line: len(bounds) + 1})
	}
	for i, n := range []int{maxTriples - 1, maxTriples, maxTriples + 1} {
		for k := range n {
			add(fmt.Sprintf("t%d u%d v%d", i, i, k), MatchExact)
			add(fmt.Sprintf("हमला%d विराम%d x%d", i, i, k), MatchStem)
		}
	}
	for i, n := range []int{maxRootPairs - 1, maxRootPairs, maxRootPairs + 1} {
		for k := range n {
			add(fmt.Sprintf("r%d w%d", i, k), MatchExact)
		}
	}
	checkCompile(t, "bounds", bounds)
}

// TestCompileMatchesAsReference compares Match on the lexicons compiled by compile and
// refCompile over thousands of token sequences made of the default lexicon's terms and
// their inflections, grammar words, quotation marks and hyphens, and over real news.
func TestCompileMatchesAsReference(t *testing.T) {
	def, err := defaultEntries()
	if err != nil {
		t.Fatal(err)
	}
	got, _ := compile(slices.Clone(def))
	want, _ := refCompile(slices.Clone(def))
	r := rand.New(rand.NewPCG(17, 19))
	var (
		a       hindi.Analyzer
		d       hindi.Doc
		sc1     Scratch
		sc2     Scratch
		matches int
		infl    []string
		b       testing.B
	)
	// inflect returns the term with each word replaced at times by an inflection of its
	// stem.
	inflect := func(term string) string {
		words := strings.Fields(term)
		for i, w := range words {
			if r.IntN(2) == 0 {
				infl = hindi.Inflections(infl[:0], hindi.Stem(string(hindi.AppendKey(nil, w))))
				if len(infl) > 0 {
					words[i] = infl[r.IntN(len(infl))]
				}
			}
		}
		return strings.Join(words, " ")
	}
	check := func(text string) {
		t.Helper()
		a.Analyze(&d, text)
		g, w := got.Match(nil, &d, &sc1), want.Match(nil, &d, &sc2)
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("Match differs on %.200q: %d matches, want %d", text, len(g), len(w))
		}
		matches += len(w)
	}
	for range 3000 {
		var sb strings.Builder
		for range 1 + r.IntN(12) {
			switch r.IntN(6) {
			case 0, 1:
				sb.WriteString(def[r.IntN(len(def))].Term)
			case 2:
				sb.WriteString(inflect(def[r.IntN(len(def))].Term))
			case 3:
				sb.WriteString(randomWords[r.IntN(len(randomWords))])
			case 4:
				sb.WriteString(randomQuotes[r.IntN(len(randomQuotes))])
			default:
				sb.WriteString([]string{"-", "।", ",", "के", "की", "से", "में"}[r.IntN(7)])
			}
			sb.WriteString([]string{" ", " ", " ", "", "\n"}[r.IntN(5)])
		}
		check(sb.String())
	}
	check(randomText(r, 5000, def))
	check(benchDoc(&b).Text[:300000])
	if matches < 10000 {
		t.Fatalf("only %d matches in all: the texts do not exercise the lexicon", matches)
	}
}

// TestChecksumSameAsReference compares checksum with refChecksum on entries whose terms
// have odd spacing (tabs, runs of spaces, Unicode spaces, invalid UTF-8) and forms.
func TestChecksumSameAsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 29))
	pieces := []string{"युद्ध", "के", " ", "  ", "\t", "\x00", "\x00\x00", "\u00a0", "\u2003", "\u3000", "\xff", "a", "-", "\u0085", "\r", "\v", "x\u200by"}
	for round := range 300 {
		var es []Entry
		for range r.IntN(20) {
			var sb strings.Builder
			for range r.IntN(8) {
				sb.WriteString(pieces[r.IntN(len(pieces))])
			}
			e := Entry{Category: []string{Threat, Positive, Negator, "economy"}[r.IntN(4)], Term: sb.String(),
				Weight: []float64{0, 1, 2.5, 1e-7, 3.0000000001, -0.5}[r.IntN(6)], Match: MatchKind(r.IntN(4))}
			if e.Match == MatchForms {
				e.Forms = strings.Fields(sb.String())
			}
			es = append(es, e)
		}
		if got, want := checksum(es), refChecksum(es); got != want {
			t.Fatalf("round %d: checksum %s, want %s", round, got, want)
		}
		for i := range es {
			if got, want := canonical(&es[i]), refCanonical(&es[i]); got != want {
				t.Fatalf("canonical(%+v) = %q, want %q", es[i], got, want)
			}
		}
	}
}

// sameParse reports the first difference between the results of parse and refParse on
// src, or "".
func sameParse(src, name string) string {
	ges, gps, gerr := parse(strings.NewReader(src), name)
	wes, wps, werr := refParse(strings.NewReader(src), name)
	switch {
	case !reflect.DeepEqual(ges, wes):
		return fmt.Sprintf("entries differ: %d, want %d", len(ges), len(wes))
	case fmt.Sprint(gerr) != fmt.Sprint(werr):
		return fmt.Sprintf("error %v, want %v", gerr, werr)
	case len(gps) != len(wps):
		return fmt.Sprintf("%d problems, want %d", len(gps), len(wps))
	}
	for i := range gps {
		g, w := gps[i], wps[i]
		if g.File != w.File || g.Line != w.Line || g.Col != w.Col || g.Error() != w.Error() ||
			fmt.Sprintf("%T", errors.Unwrap(g.Err)) != fmt.Sprintf("%T", errors.Unwrap(w.Err)) {
			return fmt.Sprintf("problem %d: %v, want %v", i, g, w)
		}
		for _, s := range []error{ErrUnknownCategory, ErrBadWeight, ErrEmptyTerm, ErrEmptyKey, ErrBadMatch, ErrSyntax} {
			if errors.Is(g, s) != errors.Is(w, s) {
				return fmt.Sprintf("problem %d: %v: errors.Is(%v) differs", i, g, s)
			}
		}
	}
	return ""
}

// parseCases are lines of every kind: good, commented, headers, and each malformed field,
// with the columns counted after Devanagari, spaces and tabs.
var parseCases = []string{
	"war\tयुद्ध\t10\n",
	"  war  \t  युद्ध का  \t 7 \t exact \t a note\twith a tab\n",
	"category\tterm\tweight\tmatch\tnote\n",
	"# comment\n\n   \n\t\n",
	"\ufeffthreat\tख़तरा\t7\tforms:ख़तरे|ख़तरों\tnote\r\n",
	"war\n", "war\tयुद्ध\n", "युद्ध\tयुद्ध\t5\n",
	"wat\tयुद्ध\t5\n", "thret\tयुद्ध\t5\n", "alliances\tयुद्ध\t5\n", "Economy\tx\t5\n", "9x\tx\t5\n",
	"@negatr\tनहीं\t-1\n", "@foo\tनहीं\t-1\n", "@negator\tनहीं\t1\n", "@negator\tनहीं\t-1\n",
	"@intensifier\tबहुत\t1\n", "@diminisher\tकम\t0.5\n", "@contrast\tलेकिन\t3\n",
	"war\t\t5\n", "war\t   \t5\n", "war\t\u200d\t5\n", "war\t।\t5\n", "war\tयुद्ध। शांति\t5\n",
	"war\tयुद्ध\t\n", "war\tयुद्ध\tx\n", "war\tयुद्ध\tNaN\n", "war\tयुद्ध\tInf\n", "war\tयुद्ध\t11\n",
	"war\tयुद्ध\t0\n", "war\tयुद्ध\t0.4\n", "positive\tशांति\t5\n", "negative\tमौत\t4\n",
	"war\tयुद्ध\t5\tforms:\n", "war\tयुद्ध\t5\tforms:a||b\n", "war\tयुद्ध\t5\tforms: युद्धों | युद्धे \n",
	"war\tयुद्ध\t5\tform:x\n", "war\tयुद्ध\t5\tstem\n", "war\tयुद्ध\t5\t\tnote\n",
	"war\tयुद्ध\t5\tforms:।\n", "war\tयुद्ध\t5\tforms:a। b\n",
	"war\t\xff\t5\n", "\xffwar\tx\t5\n",
	"economy\tमहंगाई\t5\neconomy\tमहंगी\t6\neconomy\t\t5\n",
	"threat\tख़तरा\t7\nthreat\tख़तरा\t8\n",
	strings.Repeat("x", maxLine+10) + "\nwar\tयुद्ध\t5\n",
}

func TestParseSameAsReference(t *testing.T) {
	for i, src := range parseCases {
		if d := sameParse(src, "case.tsv"); d != "" {
			t.Errorf("case %d (%.60q): %s", i, src, d)
		}
	}
	src := strings.Join(parseCases, "")
	if d := sameParse(src, "all.tsv"); d != "" {
		t.Errorf("all cases in one file: %s", d)
	}
	for _, name := range DefaultFiles() {
		raw, err := defaultFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if d := sameParse(string(raw), name); d != "" {
			t.Errorf("%s: %s", name, d)
		}
		// From the file itself, whose size parse sizes its entries by.
		f, err := defaultFS.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		got, gps, gerr := parse(f, name)
		f.Close()
		want, wps, werr := refParse(strings.NewReader(string(raw)), name)
		if !reflect.DeepEqual(got, want) || len(gps) != len(wps) || gerr != nil || werr != nil {
			t.Errorf("%s read as a file: %d entries, %d problems (%v); want %d, %d (%v)", name, len(got), len(gps), gerr, len(want), len(wps), werr)
		}
	}
	// A file with no entries: nil entries, as before.
	path := filepath.Join(t.TempDir(), "empty.tsv")
	if err := os.WriteFile(path, []byte("# nothing\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if es, ps, err := parseFile(path); es != nil || ps != nil || err != nil {
		t.Errorf("parseFile(comments only) = %v, %v, %v; want nil, nil, nil", es, ps, err)
	}
}

// FuzzParseSameAsReference checks parse against refParse on any input.
func FuzzParseSameAsReference(f *testing.F) {
	for _, s := range parseCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if d := sameParse(src, "f.tsv"); d != "" {
			t.Fatalf("%.200q: %s", src, d)
		}
	})
}

// FuzzCompileSameAsReference checks compile against refCompile on the entries of any
// lexicon file.
func FuzzCompileSameAsReference(f *testing.F) {
	for _, s := range parseCases {
		f.Add(s)
	}
	f.Add("war\tके खिलाफ\t5\nwar\tके बाद हमला\t5\texact\nwar\tहमले\t6\nthreat\tहमला\t3\tforms:हमले|हमलों\n" +
		"@negator\tनहीं\t-1\nwar\t'युद्ध'\t2\nwar\t\"\t2\nwar\tसंघर्ष-विराम\t4\n")
	f.Fuzz(func(t *testing.T, src string) {
		es, _ := Parse(strings.NewReader(src), "f.tsv")
		got, gc := compile(slices.Clone(es))
		want, wc := refCompile(slices.Clone(es))
		if d := sameLexicon(got, want); d != "" {
			t.Fatalf("%.200q: %s", src, d)
		}
		if d := sameConflicts(gc, wc); d != "" {
			t.Fatalf("%.200q: %s", src, d)
		}
	})
}

// TestPairEndCont checks the pair filter's bits as buildStartFilters computes them against
// pairBits, which Match reads.
func TestPairEndCont(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 37))
	for _, shift := range []uint{64 - 6 + regionBits, 64 - 18 + regionBits} {
		f := startFilters{pairShift: shift}
		for range 10000 {
			h1, h2 := r.Uint64(), r.Uint64()
			w, end, cont := f.pairBits(h1, h2)
			we, e := f.pairEnd(h1, h2)
			wc, c := f.pairCont(h1, h2)
			if we != w || wc != w || e != end || c != cont {
				t.Fatalf("pairEnd, pairCont(%#x, %#x) = %d %#x, %d %#x; pairBits %d %#x %#x", h1, h2, we, e, wc, c, w, end, cont)
			}
		}
	}
}

// TestAppendFields checks appendFields against strings.Fields on every code point as a
// separator and as a field, and on odd strings.
func TestAppendFields(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := string(appendFields([]byte("x"), s)), "x"+strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("appendFields(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		check("युद्ध" + string(r) + "a")
	}
	for _, s := range []string{"", " ", "a", " a  b\t\tc\n", "\u00a0a\u3000b\u2003", "\xff \xe2\x80", "\xc2", "a\u0085b", "युद्ध विराम", "\x00 \x1c"} {
		check(s)
	}
}
