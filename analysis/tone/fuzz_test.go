package tone

import (
	"math"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// FuzzScore checks Score's invariants on any text: hits lie inside the text in order, their
// surface is the text they span, negated category hits add nothing (but in the categories
// that Options.NegationKeeps keeps), and the percentages are within 0..100.
func FuzzScore(f *testing.F) {
	for _, s := range []string{
		"हमला नहीं होगा, लेकिन विश्व युद्ध का ख़तरा बढ़ा।",
		"बेहद खतरा नहीं। समझौता हुआ, पर सेनाओं की तैनाती जारी",
		"कोरोना से जंग जारी; संघर्ष-विराम",
		"न युद्ध न शांति कभी नहीं",
		"", "।।,,", "\u200d\u093c", "war attack 1971",
	} {
		f.Add(s)
	}
	s := newTestScorer(f)
	f.Fuzz(func(t *testing.T, text string) {
		var (
			a   hindi.Analyzer
			d   hindi.Doc
			res Result
		)
		a.Analyze(&d, text)
		s.Score(&d, &res)
		prev := 0
		for _, h := range res.Hits {
			if h.Start < prev || h.Start >= h.End || h.End > len(text) {
				t.Fatalf("hit %+v out of order or bounds (text %d bytes)", h, len(text))
			}
			prev = h.Start
			if text[h.Start:h.End] != h.Surface {
				t.Fatalf("hit %+v: surface differs from the text %q", h, text[h.Start:h.End])
			}
			// Negation cancels a category hit, except in the categories whose negated hits
			// still count (Options.NegationKeeps: alliance by default).
			cat := s.lex.CategoryIndex(h.Category)
			if cat >= 0 && !s.keep[cat] && h.Modifier != "" &&
				(h.Modifier == "negated" || len(h.Modifier) > 7 && h.Modifier[:8] == "negated+") && h.Effective != 0 {
				t.Fatalf("negated category hit %+v adds %g", h, h.Effective)
			}
		}
		for _, v := range []float64{res.Positive, res.Negative, res.Polarity} {
			if v < 0 || v > 100 || math.IsNaN(v) {
				t.Fatalf("percentage %g out of range: %+v", v, res)
			}
		}
		for _, c := range res.Categories {
			if c.Score < 0 {
				t.Fatalf("category %s score %g < 0", c.Name, c.Score)
			}
		}
	})
}
