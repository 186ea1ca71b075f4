package tone

import (
	"reflect"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/lexicon"
)

// TestMergeEqualsPooledRows: merging the evaluations of two files gives the evaluation of
// their rows as one file.
func TestMergeEqualsPooledRows(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := NewScorer(lex, Options{})
	head := "id\ttext\twar\talliance\ttone\n"
	a := "1\tसीमा पर युद्ध छिड़ गया\t1\t0\t-1\n2\tबाजार में रौनक लौटी\t0\t0\t1\n3\tदोनों देशों ने समझौता किया\t0\t1\t1\n"
	b := "4\tसेना ने हमला किया\t1\t0\t-1\n5\tमौसम सुहाना रहा\t1\t?\t0\n"
	eval := func(body string) *Evaluation {
		t.Helper()
		ev, err := s.Evaluate(strings.NewReader(head+body), "x.tsv")
		if err != nil {
			t.Fatal(err)
		}
		return ev
	}
	ea, eb, pooled := eval(a), eval(b), eval(a+b)
	got, err := Merge(ea, eb)
	if err != nil {
		t.Fatal(err)
	}
	got.Misses, pooled.Misses = nil, nil // line numbers differ; the rest must not
	if !reflect.DeepEqual(got, pooled) {
		t.Errorf("merged\n%+v\npooled\n%+v", got, pooled)
	}
	for _, c := range got.Categories {
		if c.Name == "war" && (c.TP != 2 || c.FN != 1) || got.Rows != 5 {
			t.Errorf("merged %s counts %+v over %d rows, want war TP 2, FN 1 (the calm weather row) and 5 rows", c.Name, c, got.Rows)
		}
	}
	other, err := s.Evaluate(strings.NewReader("id\ttext\tthreat\n1\tधमकी दी\t1\n"), "y.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Merge(ea, other); err == nil {
		t.Error("merging evaluations of different categories: no error")
	}
	if _, err := Merge(); err == nil {
		t.Error("merging nothing: no error")
	}
}
