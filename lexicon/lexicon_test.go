package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

func mustParse(t testing.TB, src string) []Entry {
	t.Helper()
	es, err := Parse(strings.NewReader(src), "t.tsv")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return es
}

func TestParse(t *testing.T) {
	src := "\ufeff# comment\n\ncategory\tterm\tweight\tmatch\tnote\n" +
		"war\tयुद्ध\t10\n" +
		"threat\t ख़तरा \t7\texact\tnukta spelling\r\n" +
		"war\tसेना\t6\tforms:सेनाओं|सेनाएं\n" +
		"economy\tमहंगाई\t5\tstem\tnote\twith a tab\n" +
		"@negator\tकभी नहीं\t-1\n" +
		"war\tकोरोना से जंग\t0\n"
	got := mustParse(t, src)
	want := []Entry{
		{Category: "war", Term: "युद्ध", Weight: 10, Match: MatchStem, File: "t.tsv", Line: 4},
		{Category: "threat", Term: "ख़तरा", Weight: 7, Match: MatchExact, Note: "nukta spelling", File: "t.tsv", Line: 5},
		{Category: "war", Term: "सेना", Weight: 6, Match: MatchForms, Forms: []string{"सेनाओं", "सेनाएं"}, File: "t.tsv", Line: 6},
		{Category: "economy", Term: "महंगाई", Weight: 5, Match: MatchStem, Note: "note\twith a tab", File: "t.tsv", Line: 7},
		{Category: "@negator", Term: "कभी नहीं", Weight: -1, File: "t.tsv", Line: 8},
		{Category: "war", Term: "कोरोना से जंग", Weight: 0, File: "t.tsv", Line: 9},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g := got[i]
		g.weightCol = 0
		if !reflect.DeepEqual(g, want[i]) {
			t.Errorf("entry %d:\ngot  %+v\nwant %+v", i, g, want[i])
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, line string
		want       string // the error text after "t.tsv:1:"
		is         error
	}{
		{"unknown modifier", "@negater\tनहीं\t-0.7", "1: unknown category \"@negater\": modifier classes are @negator, @intensifier, @diminisher and @contrast (did you mean \"@negator\"?)", ErrUnknownCategory},
		{"typo category", "thraet\tखतरा\t7", "1: unknown category \"thraet\" (did you mean \"threat\"?)", ErrUnknownCategory},
		{"upper case", "War\tयुद्ध\t7", "1: unknown category \"War\"", ErrUnknownCategory},
		{"bad weight", "war\tयुद्ध\tten", "11: malformed weight \"ten\": not a number", ErrBadWeight},
		{"weight range", "war\tयुद्ध\t11", "11: malformed weight 11: category weights are in [0.5, 10]", ErrBadWeight},
		{"below the range", "war\tयुद्ध\t0.2", "11: malformed weight 0.2: category weights are in [0.5, 10] (or 0 for an exclusion, or -10 to -0.5 for a context entry)", ErrBadWeight},
		{"context range", "war\tकोरोना\t-11", "12: malformed weight -11: context weights are in [-10, -0.5]", ErrBadWeight},
		{"context near 0", "war\tकोरोना\t-0.2", "12: malformed weight -0.2: context weights are in [-10, -0.5]", ErrBadWeight},
		{"no context in a tone list", "negative\tमौत\t-3", "14: malformed weight -3: negative (valence) weights are in [1, 4]", ErrBadWeight},
		{"NaN", "war\tयुद्ध\tNaN", "11: malformed weight", ErrBadWeight},
		{"tone range", "positive\tशांति\t5", "16: malformed weight 5: positive (valence) weights are in [1, 4]", ErrBadWeight},
		{"negator sign", "@negator\tनहीं\t0.74", "15: malformed weight 0.74: @negator weights are in [-1, 0]", ErrBadWeight},
		{"intensifier", "@intensifier\tबहुत\t0.8", "19: malformed weight", ErrBadWeight},
		{"empty term", "war\t \t7", "6: empty term", ErrEmptyTerm},
		{"normalizes to nothing", "war\t\u200d\u093c\t7", "5: term normalizes to nothing", ErrEmptyKey},
		{"too few fields", "war\tयुद्ध", "10: malformed line: want category<TAB>term<TAB>weight[<TAB>match[<TAB>note]], got 2 field(s)", ErrSyntax},
		{"bad match", "war\tयुद्ध\t7\tfuzzy", "13: malformed match \"fuzzy\"", ErrBadMatch},
		{"empty form", "war\tयुद्ध\t7\tforms:युद्धों||", "13: malformed match \"forms:युद्धों||\": empty form", ErrBadMatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.line+"\n"), "t.tsv")
			if err == nil {
				t.Fatalf("Parse(%q): no error", tt.line)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if got, want := err.Error(), "t.tsv:1:"+tt.want; !strings.HasPrefix(got, want) {
				t.Errorf("got %q, want prefix %q", got, want)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
			}
		})
	}
}

func TestParseKeepsGoodLines(t *testing.T) {
	es, err := Parse(strings.NewReader("war\tयुद्ध\t10\nwar\tहमला\tx\nwar\tसेना\t6\nwra\t\t1\n"), "f")
	if got := len(es); got != 2 {
		t.Errorf("got %d good entries, want 2", got)
	}
	if err == nil || strings.Count(err.Error(), "\n") != 1 {
		t.Errorf("want two joined problems, got %v", err)
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.tsv", "war\tहमला\t9\nwar\tहमले\t8\nwar\tहमला\t9\nthreat\tहमला\t6\n@negater\tनहीं\t-0.7\n")
	b := writeFile(t, dir, "b.tsv", "war\tहमला\t7\tstem\nwar\tयुद्ध\tbad\n")
	problems, err := Check(a, b)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, strings.TrimPrefix(p.Error(), dir+string(filepath.Separator)))
	}
	want := []string{
		`a.tsv:2:10: duplicate entry with a conflicting weight: war "हमले" (same key as "हमला") has weight 8 here and 9 at ` + a + `:1`,
		// The later entry is in force: line 3 conflicts with line 2, not with line 1.
		`a.tsv:3:10: duplicate entry with a conflicting weight: war "हमला" (same key as "हमले") has weight 9 here and 8 at ` + a + `:2`,
		`a.tsv:5:1: unknown category "@negater": modifier classes are @negator, @intensifier, @diminisher and @contrast (did you mean "@negator"?)`,
		`b.tsv:1:10: duplicate entry with a conflicting weight: war "हमला" has weight 7 here and 9 at ` + a + `:3`,
		`b.tsv:2:11: malformed weight "bad": not a number`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Check:\ngot  %q\nwant %q", got, want)
	}
	if _, err := Check(filepath.Join(dir, "missing.tsv")); err == nil {
		t.Error("Check of a missing file: no error")
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.tsv", "war\tहमला\t9\nprotest\tधरना\t5\n")
	b := writeFile(t, dir, "b.tsv", "war\tहमला\t7\n")
	l, err := Load(Options{NoDefault: true}, a, b)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := l.Categories(), []string{"threat", "alliance", "war", "protest"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Categories() = %q, want %q", got, want)
	}
	// b.tsv re-weights हमला: the later entry wins and the earlier one is gone.
	var weights []float64
	for _, e := range l.Entries() {
		if e.Term == "हमला" {
			weights = append(weights, e.Weight)
		}
	}
	if !reflect.DeepEqual(weights, []float64{7}) {
		t.Errorf("weights of हमला = %v, want [7]", weights)
	}
	bad := writeFile(t, dir, "bad.tsv", "war\tहमला\t9\nwar\tहमला\t8\n")
	if _, err := Load(Options{NoDefault: true}, bad); !errors.Is(err, ErrConflict) {
		t.Errorf("Load of a file with a conflict: got %v, want ErrConflict", err)
	}
}

func TestChecksum(t *testing.T) {
	a := New(mustParse(t, "war\tयुद्ध\t10\nthreat\tखतरा\t7\texact\tnote one\n"))
	b := New(mustParse(t, "# reordered, other notes\nthreat\tखतरा\t7\texact\tnote two\n\nwar\tयुद्ध\t10\n"))
	c := New(mustParse(t, "war\tयुद्ध\t9\nthreat\tखतरा\t7\texact\n"))
	if a.Checksum() != b.Checksum() {
		t.Errorf("order and notes changed the checksum: %s vs %s", a.Checksum(), b.Checksum())
	}
	if a.Checksum() == c.Checksum() {
		t.Error("a weight change did not change the checksum")
	}
	if len(a.Checksum()) != 64 {
		t.Errorf("checksum %q is not hex SHA-256", a.Checksum())
	}
}

const matchLexicon = `war	युद्ध	10
war	विश्व युद्ध	10
war	संघर्ष-विराम	8
war	सेना	6	forms:सेनाओं|सेनाएं
war	परमाणु हथियार	8
threat	परमाणु	3	exact
threat	खतरा	7
alliance	रक्षा समझौता	9
alliance	समझौता	8	exact
positive	शांति	2
@negator	नहीं	-0.74	exact
@negator	कभी नहीं	-1	exact
`

// matched returns the matches of l in text as "surface=category" strings.
func matched(l *Lexicon, text string) []string {
	var (
		a  hindi.Analyzer
		d  hindi.Doc
		sc Scratch
	)
	a.Analyze(&d, text)
	var out []string
	for _, m := range l.Match(nil, &d, &sc) {
		span := d.Text[d.Tokens[m.Start].Start:d.Tokens[m.End-1].End]
		out = append(out, span+"="+l.Entries()[m.Entry].Category)
	}
	return out
}

func TestMatch(t *testing.T) {
	l := New(mustParse(t, matchLexicon))
	tests := []struct {
		name, text string
		want       []string
	}{
		{"word", "युद्ध हुआ", []string{"युद्ध=war"}},
		{"stem inflection", "युद्धों में", []string{"युद्धों=war"}},
		{"phrase beats its words", "विश्व युद्ध का डर", []string{"विश्व युद्ध=war"}},
		{"phrase with inflection", "दो विश्व युद्धों के बाद", []string{"विश्व युद्धों=war"}},
		{"phrase broken by punctuation", "विश्व, युद्ध", []string{"युद्ध=war"}},
		{"phrase does not cross sentences", "विश्व। युद्ध", []string{"युद्ध=war"}},
		{"listed forms", "सेनाओं और सेनाएं और सेना", []string{"सेनाओं=war", "सेनाएं=war", "सेना=war"}},
		{"unlisted form", "सेनाओ", nil},
		{"nukta variants", "ख़तरा और ख़तरे", []string{"ख़तरा=threat", "ख़तरे=threat"}},
		{"other category inside a phrase", "परमाणु हथियार", []string{"परमाणु=threat", "परमाणु हथियार=war"}},
		{"exact excludes inflection", "समझौते हुए", nil},
		{"stem phrase", "रक्षा समझौते हुए", []string{"रक्षा समझौते=alliance"}},
		{"modifiers", "शांति कभी नहीं", []string{"शांति=positive", "कभी नहीं=@negator"}},
		{"hyphen optional in text", "संघर्ष विराम हुआ", []string{"संघर्ष विराम=war"}},
		{"hyphen optional in term", "संघर्ष-विराम हुआ", []string{"संघर्ष-विराम=war"}},
		{"trailing hyphen not matched", "विश्व-", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := matched(l, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestStats(t *testing.T) {
	l := New(mustParse(t, matchLexicon))
	st := l.Stats()
	if st.Entries != 12 || st.MaxWords != 2 {
		t.Errorf("Entries, MaxWords = %d, %d, want 12, 2", st.Entries, st.MaxWords)
	}
	war := st.Classes[l.CategoryIndex("war")]
	if want := (ClassStats{Name: "war", Entries: 5, Phrases: 2, Stem: 4, Forms: 1, ListedForms: 2, MinWeight: 6, MeanWeight: 8.4, MaxWeight: 10}); war != want {
		t.Errorf("war stats = %+v, want %+v", war, want)
	}
	ex := New(mustParse(t, "war\tजंग\t9\nwar\tकोरोना से जंग\t0\nwar\tयुद्ध\t10\nwar\tकोरोना\t-4\n")).Stats().Classes[2]
	if ex.Entries != 4 || ex.Exclusions != 1 || ex.Contexts != 1 || ex.MinWeight != 9 || ex.MeanWeight != 9.5 {
		t.Errorf("stats with an exclusion and a context entry = %+v, want 4 entries, 1 exclusion, 1 context, min 9, mean 9.5", ex)
	}
	var sb strings.Builder
	if err := st.WriteText(&sb); err != nil || !strings.Contains(sb.String(), "checksum: sha256:"+l.Checksum()) {
		t.Errorf("WriteText = %q, %v", sb.String(), err)
	}
}

func TestMatchAllocs(t *testing.T) {
	l := New(mustParse(t, matchLexicon))
	var (
		a  hindi.Analyzer
		d  hindi.Doc
		sc Scratch
	)
	a.Analyze(&d, strings.Repeat("दो विश्व युद्धों के बाद परमाणु हथियार और सेनाओं का खतरा कभी नहीं टला। ", 50))
	dst := l.Match(nil, &d, &sc)
	allocs := testing.AllocsPerRun(20, func() { dst = l.Match(dst[:0], &d, &sc) })
	if allocs > 0 {
		t.Errorf("Match allocates %v times per document, want 0", allocs)
	}
}
