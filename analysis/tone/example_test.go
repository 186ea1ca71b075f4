package tone_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/analysis/tone"
	"github.com/drishti-news/drishti/lexicon"
)

const exampleLexicon = "war\tहमला\t9\nthreat\tखतरा\t7\nalliance\tसमझौता\t8\n" +
	"@negator\tनहीं\t-0.74\texact\n@contrast\tलेकिन\t1.5\texact\n"

func ExampleScorer_Score() {
	entries, err := lexicon.Parse(strings.NewReader(exampleLexicon), "example.tsv")
	if err != nil {
		log.Fatal(err)
	}
	s := tone.NewScorer(lexicon.New(entries), tone.Options{})
	var (
		a   hindi.Analyzer
		d   hindi.Doc
		res tone.Result
	)
	a.Analyze(&d, "हमला नहीं होगा, लेकिन खतरा बना हुआ है।")
	s.Score(&d, &res)
	for _, c := range res.Categories {
		fmt.Printf("%s %.2f\n", c.Name, c.Score)
	}
	fmt.Println("dominant:", res.Dominant)
	for _, h := range res.Hits {
		fmt.Printf("%d-%d %s %s %q %.2f\n", h.Start, h.End, h.Surface, h.Category, h.Modifier, h.Effective)
	}
	// Output:
	// threat 10.50
	// alliance 0.00
	// war 0.00
	// dominant: threat
	// 0-12 हमला war "negated+contrast" 0.00
	// 56-68 खतरा threat "contrast" 10.50
}

func ExampleScorer_Evaluate() {
	entries, err := lexicon.Parse(strings.NewReader(exampleLexicon), "example.tsv")
	if err != nil {
		log.Fatal(err)
	}
	s := tone.NewScorer(lexicon.New(entries), tone.Options{})
	data := "id\tthreat\twar\ttext\n" +
		"1\t0\t1\tसीमा पर हमला\n" +
		"2\t0\t0\tहमला नहीं होगा\n" +
		"3\t1\t?\tखतरा बढ़ा\n"
	ev, err := s.Evaluate(strings.NewReader(data), "labels.tsv")
	if err != nil {
		log.Fatal(err)
	}
	ev.WriteText(os.Stdout)
	// Output:
	// rows: 3
	// category     precision    recall        F1    TP    FP    FN    TN
	// threat           1.000     1.000     1.000     1     0     0     2
	// war              1.000     1.000     1.000     1     0     0     1
	// macro F1                             1.000
}

func ExampleExplain() {
	entries, err := lexicon.Parse(strings.NewReader(exampleLexicon), "example.tsv")
	if err != nil {
		log.Fatal(err)
	}
	s := tone.NewScorer(lexicon.New(entries), tone.Options{})
	var (
		a   hindi.Analyzer
		d   hindi.Doc
		res tone.Result
	)
	a.Analyze(&d, "सीमा पर हमला नहीं होगा।")
	s.Score(&d, &res)
	tone.Explain(os.Stdout, &d, &res, tone.ExplainOptions{})
	// Output:
	// सीमा पर [हमला]{war/negated} नहीं होगा।
	//
	// words: 5, sentences: 1
	// category      hits     score  density
	// threat           0      0.00     0.00
	// alliance         0      0.00     0.00
	// war              0      0.00     0.00
	// dominant: (none)
	// tone: 0.00 (positive 0.00%, negative 0.00%, polarity 0.00%), valence 0.00
	//
	// hits:
	// sent bytes       category   weight modifier                 effective  surface = entry
	//    0 20-32       war             9 negated                       0.00  हमला = हमला
}
