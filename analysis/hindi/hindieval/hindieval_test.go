package hindieval

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/internal/shareddata"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// A small CoNLL-U fixture in the 2015 HDTB style (no "# text"), written for these tests.
const hdtbFixture = `1	डॉ.	डॉ.	PROPN	NNP	_	2	compound	_	_
2	राम	राम	PROPN	NNP	_	5	nsubj	_	_
3	ने	ने	ADP	PSP	_	2	case	_	_
4	'	'	PUNCT	SYM	_	5	punct	_	_
5	किताबें	किताब	NOUN	NN	_	0	root	_	_
6	'	'	PUNCT	SYM	_	5	punct	_	_
7	पढ़ीं	पढ़	VERB	VM	_	5	dep	_	_
8	।	।	PUNCT	SYM	_	5	punct	_	_

1	आइए	आ	VERB	VM	_	0	root	_	_
2	करें	कर	VERB	VM	_	1	aux	_	_
3	सैर	सैर	NOUN	NN	_	1	obj	_	_
4	-	-	PUNCT	SYM	_	1	punct	_	_

1	धीरे	धीरे	ADV	RB	_	4	advmod	_	_
2	-	-	PUNCT	SYM	_	1	punct	_	_
3	धीरे	धीरे	ADV	RB	_	4	advmod	_	_
4	बढ़ो	बढ़	VERB	VM	_	0	root	_	_
5	(	(	PUNCT	SYM	_	6	punct	_	_
6	२००३	२००३	NUM	QC	_	4	obl	_	_
7	)	)	PUNCT	SYM	_	6	punct	_	_
8	।	।	PUNCT	SYM	_	4	punct	_	_
`

// A fixture in the UD v2 style with "# text" and a multiword token.
const v2Fixture = `# sent_id = 1
# text = “यह सच है,” उसने कहा।
1	“	“	PUNCT	_	_	3	punct	_	SpaceAfter=No
2	यह	यह	PRON	_	_	3	nsubj	_	_
3	सच	सच	NOUN	_	_	0	root	_	_
4	है	है	AUX	_	_	3	cop	_	SpaceAfter=No
5	,	,	PUNCT	_	_	3	punct	_	SpaceAfter=No
6	”	”	PUNCT	_	_	3	punct	_	_
7	उसने	वह	PRON	_	_	8	nsubj	_	_
8	कहा	कह	VERB	_	_	3	parataxis	_	SpaceAfter=No
9	।	।	PUNCT	_	_	3	punct	_	_

# sent_id = 2
# text = अब 2.5% ज्यादा है.
1-2	अब	_	_	_	_	_	_	_	_
1	अ	अ	X	_	_	0	root	_	_
2	ब	ब	X	_	_	1	dep	_	_
3	2.5%	2.5%	NUM	_	_	1	dep	_	_
4	ज्यादा	ज्यादा	ADJ	_	_	1	dep	_	_
5	है	है	AUX	_	_	1	cop	_	SpaceAfter=No
6	.	.	PUNCT	_	_	1	punct	_	_
`

func TestReadAndDetokenize(t *testing.T) {
	sents, err := Read(strings.NewReader(hdtbFixture), "fixture")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(sents), 3; got != want {
		t.Fatalf("%d sentences, want %d", got, want)
	}
	g, err := Build(sents)
	if err != nil {
		t.Fatal(err)
	}
	want := "डॉ. राम ने 'किताबें' पढ़ीं। आइए करें सैर-\nधीरे-धीरे बढ़ो (२००३)।"
	if g.Text != want {
		t.Errorf("rebuilt text\n got %q\nwant %q", g.Text, want)
	}
	if !g.Rebuilt {
		t.Error("Rebuilt = false for a file without # text")
	}
	for i, sp := range g.Tokens[:3] {
		if got := g.Text[sp.Start:sp.End]; got != sents[0].Forms[i] {
			t.Errorf("gold token %d spans %q, want %q", i, got, sents[0].Forms[i])
		}
	}
	var a hindi.Analyzer
	var d hindi.Doc
	r := Evaluate(g, &a, &d)
	if r.Tokens.F1() != 1 || r.Sentences.F1() != 1 {
		t.Errorf("fixture scores tokens %v, sentences %v; want perfect", r.Tokens, r.Sentences)
	}
}

func TestReadV2(t *testing.T) {
	sents, err := Read(strings.NewReader(v2Fixture), "v2")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(sents[1].Forms, "|"); got != "अब|2.5%|ज्यादा|है|." {
		t.Errorf("forms of sentence 2 = %q (a multiword token stands for its words)", got)
	}
	if got := len(sents[1].Words); got != 6 {
		t.Errorf("%d words in sentence 2, want 6", got)
	}
	g, err := Build(sents)
	if err != nil {
		t.Fatal(err)
	}
	if g.Rebuilt {
		t.Error("Rebuilt = true for a file with # text")
	}
	if want := "“यह सच है,” उसने कहा। अब 2.5% ज्यादा है."; g.Text != want {
		t.Errorf("text %q, want %q", g.Text, want)
	}
	var a hindi.Analyzer
	var d hindi.Doc
	r := Evaluate(g, &a, &d)
	if r.Tokens != (Score{Gold: 14, Pred: 14, Match: 14}) || r.Sentences != (Score{Gold: 2, Pred: 2, Match: 2}) {
		t.Errorf("tokens %v, sentences %v; want all 14 and 2 matched", r.Tokens, r.Sentences)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, in string }{
		{"few fields", "1\tक\tक\n"},
		{"bad id", "x\tक\tक\tX\t_\t_\t0\troot\t_\t_\n"},
		{"bad range", "3-1\tक\t_\t_\t_\t_\t_\t_\t_\t_\n"},
		{"empty form", "1\t\tक\tX\t_\t_\t0\troot\t_\t_\n"},
	}
	for _, tt := range tests {
		_, err := Read(strings.NewReader("\n"+tt.in), "f.conllu")
		var pe *ParseError
		if !errors.As(err, &pe) || !errors.Is(err, ErrFormat) || pe.Line != 2 || pe.File != "f.conllu" {
			t.Errorf("%s: error %v, want a ParseError at f.conllu:2 wrapping ErrFormat", tt.name, err)
		}
	}
}

func TestBuildAlignError(t *testing.T) {
	sents := []Sentence{{Line: 7, Text: "क ख", Forms: []string{"क", "ग"}}}
	if _, err := Build(sents); err == nil || !strings.Contains(err.Error(), "line 7") {
		t.Errorf("Build error %v, want one naming line 7", err)
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		gold, pred []Span
		want       Score
		f1         float64
	}{
		{[]Span{{0, 1}, {2, 3}}, []Span{{0, 1}, {2, 3}}, Score{2, 2, 2}, 1},
		{[]Span{{0, 3}}, []Span{{0, 1}, {2, 3}}, Score{1, 2, 0}, 0},
		{[]Span{{0, 1}, {2, 4}}, []Span{{0, 1}, {2, 3}, {3, 4}}, Score{2, 3, 1}, 2 * (1.0 / 3) * 0.5 / (1.0/3 + 0.5)},
		{nil, nil, Score{}, 1},
	}
	for i, tt := range tests {
		got := match(tt.gold, tt.pred)
		if got != tt.want {
			t.Errorf("%d: match = %+v, want %+v", i, got, tt.want)
		}
		if f := got.F1(); f < tt.f1-1e-9 || f > tt.f1+1e-9 {
			t.Errorf("%d: F1 = %v, want %v", i, f, tt.f1)
		}
	}
}

func TestStemAgreement(t *testing.T) {
	sents, err := Read(strings.NewReader(hdtbFixture), "fixture")
	if err != nil {
		t.Fatal(err)
	}
	got := StemAgreement(sents)
	// Words: डॉ. राम ने किताबें पढ़ीं आइए करें सैर धीरे धीरे बढ़ो (no PUNCT or NUM).
	// Keys equal to lemmas: डॉ. राम ने सैर धीरे धीरे. Stems equal to lemmas: those but
	// धीरे (→ धीर), plus किताबें → किताब, पढ़ीं → पढ, करें → कर, बढ़ो → बढ. Stems of both
	// agree for धीरे too; आइए (lemma आ) stays apart.
	want := StemResult{Words: 11, Unstemmed: 6, Exact: 8, Conflated: 10}
	if got != want {
		t.Errorf("StemAgreement = %+v, want %+v", got, want)
	}
}

// sharedUD returns the path of a file in ../shared/data/ud, or skips.
func sharedUD(t *testing.T, name string) string { return shareddata.Path(t, "ud", name) }

// TestUDGoals runs the evaluation on the real treebanks and asserts the goals:
// token F1 ≥ 0.998 and sentence F1 ≥ 0.995 on HDTB-style text, sentence F1 ≥ 0.98 on PUD.
func TestUDGoals(t *testing.T) {
	tests := []struct {
		file             string
		minTok, minSent  float64
		minStemConflated float64
	}{
		{"hi_hdtb-ud-dev.conllu", 0.998, 0.995, 0.80},
		{"hi_pud-ud-test.conllu", 0.99, 0.98, 0.80},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := sharedUD(t, tt.file)
			f, err := os.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sents, err := Read(f, p)
			if err != nil {
				t.Fatal(err)
			}
			g, err := Build(sents)
			if err != nil {
				t.Fatal(err)
			}
			var a hindi.Analyzer
			var d hindi.Doc
			r := Evaluate(g, &a, &d)
			t.Logf("tokens %v", r.Tokens)
			t.Logf("sentences %v", r.Sentences)
			if r.Tokens.F1() < tt.minTok {
				t.Errorf("token F1 %.4f, want ≥ %.3f; missed: %s", r.Tokens.F1(), tt.minTok, strings.Join(Mismatches(g, &d, false, 10), "; "))
			}
			if r.Sentences.F1() < tt.minSent {
				t.Errorf("sentence F1 %.4f, want ≥ %.3f; missed: %s", r.Sentences.F1(), tt.minSent, strings.Join(Mismatches(g, &d, true, 5), "; "))
			}
			s := StemAgreement(sents)
			if c := float64(s.Conflated) / float64(s.Words); c < tt.minStemConflated {
				t.Errorf("stem(word) = stem(lemma) for %.3f of words, want ≥ %.2f", c, tt.minStemConflated)
			}
		})
	}
}
