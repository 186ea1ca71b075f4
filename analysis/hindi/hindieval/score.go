package hindieval

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// Score counts exact span matches between predicted and gold spans.
type Score struct {
	Gold, Pred, Match int
}

// Precision is Match/Pred (1 when nothing was predicted).
func (s Score) Precision() float64 {
	if s.Pred == 0 {
		return 1
	}
	return float64(s.Match) / float64(s.Pred)
}

// Recall is Match/Gold (1 when there is no gold).
func (s Score) Recall() float64 {
	if s.Gold == 0 {
		return 1
	}
	return float64(s.Match) / float64(s.Gold)
}

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s Score) String() string {
	return fmt.Sprintf("P %.4f  R %.4f  F1 %.4f  (gold %d, predicted %d, matched %d)",
		s.Precision(), s.Recall(), s.F1(), s.Gold, s.Pred, s.Match)
}

// Result is the outcome of one evaluation.
type Result struct {
	Tokens, Sentences Score
	Rebuilt           bool // the gold text was rebuilt from tokens
	Bytes             int  // size of the gold text
}

// Evaluate analyzes g.Text with a and scores its tokens and sentences against g. d is
// filled with the analysis, for [Mismatches]; pass a fresh Doc if it is not needed.
func Evaluate(g Gold, a *hindi.Analyzer, d *hindi.Doc) Result {
	a.Analyze(d, g.Text)
	pred := make([]Span, len(d.Tokens))
	for i, t := range d.Tokens {
		pred[i] = Span{t.Start, t.End}
	}
	sents := make([]Span, d.Sentences())
	for s := range sents {
		sents[s].Start, sents[s].End = d.SentenceSpan(s)
	}
	return Result{
		Tokens:    match(g.Tokens, pred),
		Sentences: match(g.Sentences, sents),
		Rebuilt:   g.Rebuilt,
		Bytes:     len(g.Text),
	}
}

// match counts spans present in both sorted lists.
func match(gold, pred []Span) Score {
	s := Score{Gold: len(gold), Pred: len(pred)}
	i, j := 0, 0
	for i < len(gold) && j < len(pred) {
		switch g, p := gold[i], pred[j]; {
		case g == p:
			s.Match++
			i++
			j++
		case g.Start < p.Start || g.Start == p.Start && g.End < p.End:
			i++
		default:
			j++
		}
	}
	return s
}

// Mismatches lists up to max gold spans of kind "token" or "sentence" that the analysis in d
// missed, each with the predicted spans around it, for inspecting errors.
func Mismatches(g Gold, d *hindi.Doc, sentences bool, max int) []string {
	var gold, pred []Span
	if sentences {
		gold = g.Sentences
		for s := 0; s < d.Sentences(); s++ {
			a, b := d.SentenceSpan(s)
			pred = append(pred, Span{a, b})
		}
	} else {
		gold = g.Tokens
		for _, t := range d.Tokens {
			pred = append(pred, Span{t.Start, t.End})
		}
	}
	set := make(map[Span]bool, len(pred))
	for _, p := range pred {
		set[p] = true
	}
	var out []string
	for _, sp := range gold {
		if set[sp] {
			continue
		}
		if len(out) >= max {
			break
		}
		var got []string
		for _, p := range pred {
			if p.End > sp.Start && p.Start < sp.End {
				got = append(got, fmt.Sprintf("%q", g.Text[p.Start:p.End]))
			}
		}
		out = append(out, fmt.Sprintf("gold %q  got %s", clip(g.Text[sp.Start:sp.End]), clip(strings.Join(got, " "))))
	}
	return out
}

// clip shortens s to about 240 bytes, cutting at code point boundaries.
func clip(s string) string {
	if len(s) <= 240 {
		return s
	}
	a, b := 120, len(s)-120
	for a > 0 && !utf8.RuneStart(s[a]) {
		a--
	}
	for b < len(s) && !utf8.RuneStart(s[b]) {
		b++
	}
	return s[:a] + " … " + s[b:]
}
