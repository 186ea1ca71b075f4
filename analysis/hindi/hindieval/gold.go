package hindieval

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte span [Start, End) in a gold text.
type Span struct{ Start, End int }

// Gold is a text with its gold token and sentence spans.
type Gold struct {
	Text      string
	Tokens    []Span
	Sentences []Span
	Rebuilt   bool // the text was rebuilt from tokens (no "# text" lines)
}

// Build makes the gold document of sents. Sentences with a "# text" line keep that text and
// their tokens are aligned to it; sentences without one are rebuilt with [Detokenize]. A
// sentence that ends with a sentence-final mark (। ॥ ? ! . with any closing quotes or
// brackets) is followed by a space; one that does not (a headline, or a quotation the
// treebank split off) is followed by a line break, as such text stands in a source.
func Build(sents []Sentence) (Gold, error) {
	var g Gold
	var b strings.Builder
	for si, s := range sents {
		text := s.Text
		var spans []Span
		if text == "" {
			g.Rebuilt = true
			text, spans = Detokenize(s.Forms)
		} else {
			var err error
			if spans, err = align(text, s.Forms); err != nil {
				return Gold{}, fmt.Errorf("sentence at line %d: %w", s.Line, err)
			}
		}
		if len(spans) == 0 {
			continue
		}
		off := b.Len()
		b.WriteString(text)
		for _, sp := range spans {
			g.Tokens = append(g.Tokens, Span{off + sp.Start, off + sp.End})
		}
		g.Sentences = append(g.Sentences, Span{off + spans[0].Start, off + spans[len(spans)-1].End})
		if si+1 < len(sents) {
			if endsSentence(s.Forms) {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
		}
	}
	g.Text = b.String()
	return g, nil
}

// endsSentence reports whether the last tokens are a sentence-final mark with optional
// closing quotes and brackets.
func endsSentence(forms []string) bool {
	for i := len(forms) - 1; i >= 0; i-- {
		switch forms[i] {
		case "।", "॥", "?", "!", ".", "|", "?!", "!!":
			return true
		case "”", "’", ")", "]", "'", "\"", "»":
			continue
		}
		return false
	}
	return false
}

// align finds each form in text, in order, skipping white space.
func align(text string, forms []string) ([]Span, error) {
	spans := make([]Span, 0, len(forms))
	pos := 0
	for _, f := range forms {
		for pos < len(text) {
			r, n := utf8.DecodeRuneInString(text[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += n
		}
		if !strings.HasPrefix(text[pos:], f) {
			i := strings.Index(text[pos:], f)
			if i < 0 {
				return nil, fmt.Errorf("token %q not found in text after byte %d", f, pos)
			}
			pos += i
		}
		spans = append(spans, Span{pos, pos + len(f)})
		pos += len(f)
	}
	return spans, nil
}

// Detokenize joins treebank tokens into running text the way it is written: one space
// between tokens, except none before closing punctuation (। ॥ , . ? ! : ; ) ] } ” ’), none
// after opening brackets and quotes (( [ { “ ‘), none around hyphens, and
// straight quotes read as opening and closing in turn. It returns the text and each
// token's span in it.
func Detokenize(forms []string) (string, []Span) {
	var b strings.Builder
	spans := make([]Span, 0, len(forms))
	openQuote := map[string]bool{}
	glueNext := true // no space before the first token
	for _, f := range forms {
		glueBefore := false
		glueAfter := false
		switch f {
		case "।", "॥", ",", ".", "?", "!", ":", ";", ")", "]", "}", "”", "’":
			glueBefore = true
		case "(", "[", "{", "“", "‘":
			glueAfter = true
		case "-", "--":
			glueBefore, glueAfter = true, true
		case "'", "\"":
			if openQuote[f] {
				glueBefore = true
			} else {
				glueAfter = true
			}
			openQuote[f] = !openQuote[f]
		}
		if !glueNext && !glueBefore {
			b.WriteByte(' ')
		}
		spans = append(spans, Span{b.Len(), b.Len() + len(f)})
		b.WriteString(f)
		glueNext = glueAfter
	}
	return b.String(), spans
}
