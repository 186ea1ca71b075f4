package tone

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// CategoryEval is the quality of one category on labelled data. A category is predicted
// present when its score is above 0.
type CategoryEval struct {
	Name                  string
	TP, FP, FN, TN        int
	Precision, Recall, F1 float64
}

// Miss is one wrong prediction, for inspecting the lexicon.
type Miss struct {
	Line     int    // 1-based line in the input
	ID       string // the id column, if any
	Category string // a category, or "tone"
	Want     string // the label
	Got      string // the prediction ("1"/"0", or the tone sign)
	Text     string
	Hits     []Hit // the document's hits
}

// Evaluation is the result of Evaluate.
type Evaluation struct {
	Rows       int
	Categories []CategoryEval // the labelled categories, in lexicon order
	MacroF1    float64        // mean F1 over Categories
	// ToneRows counts rows with a tone label (-1, 0, 1); ToneAgree those where the sign of
	// Result.Tone equals it, ValenceAgree those where the sign of Result.Valence does.
	ToneRows, ToneAgree, ValenceAgree int
	Misses                            []Miss
}

// ToneAgreement returns ToneAgree / ToneRows (0 without tone labels).
func (e *Evaluation) ToneAgreement() float64 { return ratio(e.ToneAgree, e.ToneRows) }

// ValenceAgreement returns ValenceAgree / ToneRows.
func (e *Evaluation) ValenceAgreement() float64 { return ratio(e.ValenceAgree, e.ToneRows) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ErrEvalFormat is wrapped by Evaluate's errors about the input's layout.
var ErrEvalFormat = errors.New("malformed evaluation file")

// Evaluate scores every row of a labelled TSV file as one document and compares it with the
// labels. The first line is a header naming the columns: "text" (required), "id"
// (optional), a 0/1 column for each category to evaluate (a header that names a category of
// the lexicon) and optionally "tone" (-1/0/1). A label "?" (annotators disagreed) or ""
// leaves that row out of that label's counts. name is used in error positions.
func (s *Scorer) Evaluate(r io.Reader, name string) (*Evaluation, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		return nil, fmt.Errorf("%s: %w: empty, want a header line", name, ErrEvalFormat)
	}
	header := strings.Split(strings.TrimSuffix(strings.TrimPrefix(sc.Text(), "\ufeff"), "\r"), "\t")
	textCol, idCol, toneCol := -1, -1, -1
	catCol := make([]int, len(s.lex.Categories())) // column of each category, or -1
	for i := range catCol {
		catCol[i] = -1
	}
	for i, h := range header {
		switch h = strings.TrimSpace(h); h {
		case "text":
			textCol = i
		case "id":
			idCol = i
		case "tone":
			toneCol = i
		default:
			if c := s.lex.CategoryIndex(h); c >= 0 {
				catCol[c] = i
			}
		}
	}
	if textCol < 0 {
		return nil, fmt.Errorf("%s:1: %w: no \"text\" column in the header", name, ErrEvalFormat)
	}
	ev := &Evaluation{}
	var evalCats []int
	for c, col := range catCol {
		if col >= 0 {
			evalCats = append(evalCats, c)
			ev.Categories = append(ev.Categories, CategoryEval{Name: s.lex.Categories()[c]})
		}
	}
	var (
		a    hindi.Analyzer
		d    hindi.Doc
		res  Result
		line = 1
	)
	for sc.Scan() {
		line++
		row := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(row) == "" {
			continue
		}
		f := strings.Split(row, "\t")
		if len(f) != len(header) {
			return nil, fmt.Errorf("%s:%d: %w: %d fields, the header has %d", name, line, ErrEvalFormat, len(f), len(header))
		}
		ev.Rows++
		a.Analyze(&d, f[textCol])
		s.Score(&d, &res)
		id := ""
		if idCol >= 0 {
			id = f[idCol]
		}
		miss := func(cat, want, got string) {
			ev.Misses = append(ev.Misses, Miss{Line: line, ID: id, Category: cat, Want: want, Got: got,
				Text: f[textCol], Hits: append([]Hit(nil), res.Hits...)})
		}
		for k, c := range evalCats {
			label := strings.TrimSpace(f[catCol[c]])
			if label == "?" || label == "" {
				continue
			}
			if label != "0" && label != "1" {
				return nil, fmt.Errorf("%s:%d: %w: %s label %q, want 0, 1 or ?", name, line, ErrEvalFormat, header[catCol[c]], label)
			}
			want, got := label == "1", res.Categories[c].Score > 0
			ce := &ev.Categories[k]
			switch {
			case want && got:
				ce.TP++
			case !want && got:
				ce.FP++
				miss(ce.Name, "0", "1")
			case want && !got:
				ce.FN++
				miss(ce.Name, "1", "0")
			default:
				ce.TN++
			}
		}
		if toneCol >= 0 {
			label := strings.TrimSpace(f[toneCol])
			if label == "?" || label == "" {
				continue
			}
			var want int
			switch label {
			case "-1":
				want = -1
			case "0":
				want = 0
			case "1", "+1":
				want = 1
			default:
				return nil, fmt.Errorf("%s:%d: %w: tone label %q, want -1, 0, 1 or ?", name, line, ErrEvalFormat, label)
			}
			ev.ToneRows++
			got := sign(res.Tone)
			if got == want {
				ev.ToneAgree++
			} else {
				miss("tone", fmt.Sprint(want), fmt.Sprint(got))
			}
			if sign(res.Valence) == want {
				ev.ValenceAgree++
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	ev.finish()
	return ev, nil
}

// finish computes the precision, recall and F1 of each category and the macro F1 from the
// counts.
func (e *Evaluation) finish() {
	e.MacroF1 = 0
	for i := range e.Categories {
		ce := &e.Categories[i]
		ce.Precision = ratio(ce.TP, ce.TP+ce.FP)
		ce.Recall = ratio(ce.TP, ce.TP+ce.FN)
		ce.F1 = 0
		if ce.Precision+ce.Recall > 0 {
			ce.F1 = 2 * ce.Precision * ce.Recall / (ce.Precision + ce.Recall)
		}
		e.MacroF1 += ce.F1
	}
	if len(e.Categories) > 0 {
		e.MacroF1 /= float64(len(e.Categories))
	}
}

// Merge pools evaluations of several files into one, as if their rows were one file: counts
// add up and the figures are computed from the pooled counts (not averaged). The files must
// label the same categories in the same order; the misses are concatenated.
func Merge(evs ...*Evaluation) (*Evaluation, error) {
	if len(evs) == 0 {
		return nil, errors.New("merging evaluations: none given")
	}
	m := &Evaluation{Categories: slices.Clone(evs[0].Categories)}
	for i := range m.Categories {
		c := &m.Categories[i]
		*c = CategoryEval{Name: c.Name}
	}
	for k, e := range evs {
		if len(e.Categories) != len(m.Categories) {
			return nil, fmt.Errorf("merging evaluations: evaluation %d labels %d categories, the first %d", k+1, len(e.Categories), len(m.Categories))
		}
		for i, c := range e.Categories {
			mc := &m.Categories[i]
			if c.Name != mc.Name {
				return nil, fmt.Errorf("merging evaluations: evaluation %d labels %q where the first labels %q", k+1, c.Name, mc.Name)
			}
			mc.TP += c.TP
			mc.FP += c.FP
			mc.FN += c.FN
			mc.TN += c.TN
		}
		m.Rows += e.Rows
		m.ToneRows += e.ToneRows
		m.ToneAgree += e.ToneAgree
		m.ValenceAgree += e.ValenceAgree
		m.Misses = append(m.Misses, e.Misses...)
	}
	m.finish()
	return m, nil
}

func sign(x float64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// WriteText writes the evaluation as a table: per category precision, recall and F1 with
// the counts, the macro F1 and the tone sign agreement.
func (e *Evaluation) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "rows: %d\n", e.Rows)
	fmt.Fprintf(bw, "%-12s %9s %9s %9s %5s %5s %5s %5s\n", "category", "precision", "recall", "F1", "TP", "FP", "FN", "TN")
	for _, c := range e.Categories {
		fmt.Fprintf(bw, "%-12s %9.3f %9.3f %9.3f %5d %5d %5d %5d\n", c.Name, c.Precision, c.Recall, c.F1, c.TP, c.FP, c.FN, c.TN)
	}
	fmt.Fprintf(bw, "%-12s %29.3f\n", "macro F1", e.MacroF1)
	if e.ToneRows > 0 {
		fmt.Fprintf(bw, "tone sign agreement: %.3f (%d/%d rows)\n", e.ToneAgreement(), e.ToneAgree, e.ToneRows)
		fmt.Fprintf(bw, "valence sign agreement: %.3f (%d/%d rows)\n", e.ValenceAgreement(), e.ValenceAgree, e.ToneRows)
	}
	return bw.Flush()
}

// WriteMisses writes the wrong predictions of category (all categories when "", "tone"
// for the tone label), one per line with the hits that made the score.
func (e *Evaluation) WriteMisses(w io.Writer, category string) error {
	bw := bufio.NewWriter(w)
	for _, m := range e.Misses {
		if category != "" && m.Category != category || category == "" && m.Category == "tone" {
			continue
		}
		kind := "FN"
		if m.Got == "1" || m.Category == "tone" {
			kind = "FP"
		}
		if m.Category == "tone" {
			kind = "want " + m.Want + " got " + m.Got
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s", m.Line, m.ID, m.Category, kind, m.Text)
		sep := "\t| "
		for _, h := range m.Hits {
			if h.Category == m.Category || m.Category == "tone" && (h.Category == "positive" || h.Category == "negative") {
				fmt.Fprintf(bw, "%s%s=%s(%g", sep, h.Surface, h.Entry, h.Effective)
				if h.Modifier != "" {
					fmt.Fprintf(bw, " %s", h.Modifier)
				}
				bw.WriteString(")")
				sep = " "
			}
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}
