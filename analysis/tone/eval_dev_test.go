//go:build deveval

package tone

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/drishti-news/drishti/lexicon"
)

// TestEvalDev measures the default lexicon on ../shared/data/tone/dev.tsv and checks the
// issue's goal (F1 ≥ 0.85 per category). Run it with
//
//	go test -tags deveval -run TestEvalDev -v ./analysis/tone/
//
// DRISHTI_MISSES=war (or all, tone) also prints the wrong predictions.
func TestEvalDev(t *testing.T) {
	data := findSharedData(t)
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatalf("default lexicon: %v", err)
	}
	f, err := os.Open(filepath.Join(data, "tone", "dev.tsv"))
	if err != nil {
		t.Skipf("no dev set: %v", err)
	}
	defer f.Close()
	ev, err := NewScorer(lex, Options{}).Evaluate(f, "dev.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if m := os.Getenv("DRISHTI_MISSES"); m != "" {
		if m == "all" {
			m = ""
		}
		ev.WriteMisses(os.Stdout, m)
	}
	ev.WriteText(os.Stdout)
	for _, c := range ev.Categories {
		if c.F1 < 0.85 {
			t.Errorf("%s F1 %.3f < 0.85", c.Name, c.F1)
		}
	}
}
