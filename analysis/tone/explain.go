package tone

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// ExplainOptions control Explain.
type ExplainOptions struct {
	// Color highlights hits with ANSI colours instead of brackets.
	Color bool
}

// ANSI colours of the built-in categories; user categories are cyan.
var categoryColor = map[string]string{
	"threat":   "33", // yellow
	"alliance": "32", // green
	"war":      "31", // red
	"positive": "34", // blue
	"negative": "35", // magenta
}

// Explain writes d's text with res's hits highlighted, then the score breakdown per
// category, the tone fields, one line per hit and one per context entry found (with the
// weight up to which it cancels hits). Without colour a highlighted span reads
// [surface]{category,…}, a negated hit's category followed by "/negated", an off-topic
// one's by "/offtopic".
func Explain(w io.Writer, d *hindi.Doc, res *Result, opt ExplainOptions) error {
	bw := bufio.NewWriter(w)
	writeHighlighted(bw, d.Text, res.Hits, opt.Color)
	if !strings.HasSuffix(d.Text, "\n") {
		bw.WriteString("\n")
	}
	bw.WriteString("\n")
	fmt.Fprintf(bw, "words: %d, sentences: %d\n", res.Words, d.Sentences())
	fmt.Fprintf(bw, "%-12s %5s %9s %8s\n", "category", "hits", "score", "density")
	for _, c := range res.Categories {
		fmt.Fprintf(bw, "%-12s %5d %9.2f %8.2f\n", c.Name, c.Hits, c.Score, c.Density)
	}
	dom := res.Dominant
	if dom == "" {
		dom = "(none)"
	}
	fmt.Fprintf(bw, "dominant: %s\n", dom)
	fmt.Fprintf(bw, "tone: %.2f (positive %.2f%%, negative %.2f%%, polarity %.2f%%), valence %.2f\n",
		res.Tone, res.Positive, res.Negative, res.Polarity, res.Valence)
	if len(res.Hits) > 0 {
		bw.WriteString("\nhits:\n")
		fmt.Fprintf(bw, "%4s %-11s %-10s %6s %-24s %9s  %s\n", "sent", "bytes", "category", "weight", "modifier", "effective", "surface = entry")
		for _, h := range res.Hits {
			fmt.Fprintf(bw, "%4d %-11s %-10s %6g %-24s %9.2f  %s = %s\n",
				h.Sentence, fmt.Sprintf("%d-%d", h.Start, h.End), h.Category, h.Weight, h.Modifier, h.Effective, h.Surface, h.Entry)
		}
	}
	if len(res.Context) > 0 {
		bw.WriteString("\ncontext (its category's hits up to that weight in its sentence are offtopic; sentence -1: the title, for all):\n")
		for _, h := range res.Context {
			fmt.Fprintf(bw, "%4d %-11s %-10s %6g  %s = %s\n",
				h.Sentence, fmt.Sprintf("%d-%d", h.Start, h.End), h.Category, -h.Weight, h.Surface, h.Entry)
		}
	}
	return bw.Flush()
}

// writeHighlighted writes text with the hits' spans marked. Overlapping hits are merged
// into one span labelled with all their categories.
func writeHighlighted(bw *bufio.Writer, text string, hits []Hit, color bool) {
	pos := 0
	for i := 0; i < len(hits); {
		start, end := hits[i].Start, hits[i].End
		j := i + 1
		for j < len(hits) && hits[j].Start < end {
			end = max(end, hits[j].End)
			j++
		}
		if start < pos { // cannot happen with sorted hits; keep output sane anyway
			start = pos
		}
		bw.WriteString(text[pos:start])
		labels := make([]string, 0, j-i)
		cancelled := true // every hit of the span is negated or off topic
		for _, h := range hits[i:j] {
			l := h.Category
			switch {
			case strings.Contains(h.Modifier, "negated"):
				l += "/negated"
			case strings.Contains(h.Modifier, "offtopic"):
				l += "/offtopic"
			default:
				cancelled = false
			}
			if !slices.Contains(labels, l) {
				labels = append(labels, l)
			}
		}
		if color {
			code, ok := categoryColor[hits[i].Category]
			if !ok {
				code = "36"
			}
			style := "1;" + code
			if cancelled {
				style = "9;" + code // struck through: the rules cancelled it
			}
			fmt.Fprintf(bw, "\x1b[%sm%s\x1b[0m\x1b[2m{%s}\x1b[0m", style, text[start:end], strings.Join(labels, ","))
		} else {
			fmt.Fprintf(bw, "[%s]{%s}", text[start:end], strings.Join(labels, ","))
		}
		pos = end
		i = j
	}
	bw.WriteString(text[pos:])
}
