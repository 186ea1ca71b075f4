package tone

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/drishti-news/drishti/lexicon"
)

// TestEvalDevFloor measures the default lexicon on ../shared/data/tone/dev.tsv (skipped when
// absent) and fails when a category falls below the figures recorded in
// docs/lexicon-data.md, less a small margin: a change to the lists or the rules that loses
// quality shows here. The goal (0.85) is checked by TestEvalDev (-tags deveval).
func TestEvalDevFloor(t *testing.T) {
	f, err := os.Open(filepath.Join(findSharedData(t), "tone", "dev.tsv"))
	if err != nil {
		t.Skipf("no tone dev set: %v", err)
	}
	defer f.Close()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	ev, err := NewScorer(lex, Options{}).Evaluate(f, "dev.tsv")
	if err != nil {
		t.Fatal(err)
	}
	floor := map[string]float64{"threat": 0.82, "alliance": 0.80, "war": 0.83}
	for _, c := range ev.Categories {
		t.Logf("%-8s P %.3f R %.3f F1 %.3f", c.Name, c.Precision, c.Recall, c.F1)
		if c.F1 < floor[c.Name] {
			t.Errorf("%s F1 %.3f, below the recorded floor %.2f", c.Name, c.F1, floor[c.Name])
		}
	}
	if ev.MacroF1 < 0.82 {
		t.Errorf("macro F1 %.3f < 0.82", ev.MacroF1)
	}
	if a := ev.ToneAgreement(); a < 0.73 {
		t.Errorf("tone sign agreement %.3f < 0.73", a)
	}
}
