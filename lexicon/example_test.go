package lexicon_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/lexicon"
)

func ExampleParse() {
	src := "war\tयुद्ध\t10\nthreat\tख़तरा\t7\tforms:ख़तरे|ख़तरों\n@negater\tनहीं\t-0.74\n"
	entries, err := lexicon.Parse(strings.NewReader(src), "my.tsv")
	fmt.Println(len(entries), "entries")
	fmt.Println(err)
	// Output:
	// 2 entries
	// my.tsv:3:1: unknown category "@negater": modifier classes are @negator, @intensifier, @diminisher and @contrast (did you mean "@negator"?)
}

func ExampleLexicon_Match() {
	entries, err := lexicon.Parse(strings.NewReader("war\tविश्व युद्ध\t10\nwar\tयुद्ध\t10\nthreat\tख़तरा\t7\n"), "my.tsv")
	if err != nil {
		log.Fatal(err)
	}
	lex := lexicon.New(entries)
	var (
		a  hindi.Analyzer
		d  hindi.Doc
		sc lexicon.Scratch
	)
	a.Analyze(&d, "दो विश्व युद्धों के बाद भी खतरे बने रहे।")
	for _, m := range lex.Match(nil, &d, &sc) {
		e := lex.Entries()[m.Entry]
		surface := d.Text[d.Tokens[m.Start].Start:d.Tokens[m.End-1].End]
		fmt.Printf("%s: %s (%s %g)\n", surface, e.Term, e.Category, e.Weight)
	}
	// Output:
	// विश्व युद्धों: विश्व युद्ध (war 10)
	// खतरे: ख़तरा (threat 7)
}

func ExampleLexicon_MatchContext() {
	// कोरोना is a context entry of war: it shows a sentence is about the epidemic.
	entries, err := lexicon.Parse(strings.NewReader("war\tसेना\t4\tforms:सेनाएं|सेनाओं\nwar\tकोरोना\t-4\tforms:कोरोनावायरस\n"), "my.tsv")
	if err != nil {
		log.Fatal(err)
	}
	lex := lexicon.New(entries)
	var (
		a  hindi.Analyzer
		d  hindi.Doc
		sc lexicon.Scratch
	)
	a.Analyze(&d, "कोरोनावायरस से लड़ने में सेना ने मदद की")
	for _, m := range lex.Match(nil, &d, &sc) {
		fmt.Println("Match:", lex.Entries()[m.Entry].Term)
	}
	for _, m := range lex.MatchContext(nil, &d, &sc) {
		e := lex.Entries()[m.Entry]
		fmt.Println("MatchContext:", e.Term, e.Weight, e.IsContext())
	}
	// Output:
	// Match: सेना
	// MatchContext: कोरोना -4 true
}

func ExampleLoad() {
	// A user lexicon adds an "economy" category to the default one (here the default is
	// left out so that the example does not depend on it).
	lex, err := lexicon.Load(lexicon.Options{NoDefault: true}, "testdata/mini.tsv")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(lex.Categories())
	// Output:
	// [threat alliance war economy]
}

func ExampleDefault() {
	lex, err := lexicon.Default()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(lex.Categories())
	// Output:
	// [threat alliance war]
}

func ExampleCheck() {
	problems, err := lexicon.Check("testdata/mini.tsv")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(problems), "problems")
	// Output:
	// 0 problems
}

func ExampleIsQuote() {
	var (
		a hindi.Analyzer
		d hindi.Doc
	)
	a.Analyze(&d, "'आतंकवादी हमले' की “कोशिश”, नाकाम")
	for i := range d.Tokens {
		if lexicon.IsQuote(d.Key(i)) {
			fmt.Printf("%d:%s ", i, d.Surface(i))
		}
	}
	fmt.Println()
	// Output:
	// 0:' 3:' 5:“ 7:”
}
