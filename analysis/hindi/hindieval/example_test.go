package hindieval_test

import (
	"fmt"
	"strings"

	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/analysis/hindi/hindieval"
)

func ExampleEvaluate() {
	conllu := "1\tवह\tवह\tPRON\t_\t_\t2\tnsubj\t_\t_\n" +
		"2\tआया\tआ\tVERB\t_\t_\t0\troot\t_\t_\n" +
		"3\t।\t।\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n" +
		"1\tडॉ.\tडॉ.\tPROPN\t_\t_\t2\tcompound\t_\t_\n" +
		"2\tराम\tराम\tPROPN\t_\t_\t3\tnsubj\t_\t_\n" +
		"3\tगए\tजा\tVERB\t_\t_\t0\troot\t_\t_\n" +
		"4\t।\t।\tPUNCT\t_\t_\t3\tpunct\t_\t_\n"
	sents, err := hindieval.Read(strings.NewReader(conllu), "example.conllu")
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := hindieval.Build(sents)
	if err != nil {
		fmt.Println(err)
		return
	}
	var a hindi.Analyzer
	var d hindi.Doc
	r := hindieval.Evaluate(g, &a, &d)
	fmt.Printf("%q\n", g.Text)
	fmt.Printf("tokens F1 %.3f, sentences F1 %.3f\n", r.Tokens.F1(), r.Sentences.F1())
	// Output:
	// "वह आया। डॉ. राम गए।"
	// tokens F1 1.000, sentences F1 1.000
}
