// Package hindi is Drishti's Hindi text layer: normalization to matching keys, tokenization
// with byte offsets, sentence splitting, stopwords and a light stemmer.
//
// THIS FILE IS A PLACEHOLDER IMPLEMENTATION of the package API; the real text layer replaces
// the internals while keeping the exported names below.
package hindi

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word    Kind = iota + 1 // a Devanagari word (or abbreviation such as डॉ.)
	Latin                   // a word in Latin script (code-mixed text)
	Number                  // 1947, 4,32,000, ४,३२,०००, 2.5, 15%, 19/06/2024
	Punct                   // । ॥ , . ? ! : ; quotes, brackets, dashes
	Symbol                  // any other symbol
	URL                     // http://…, www.…
	Email                   // name@example.com
	Hashtag                 // #tag
	Mention                 // @name
	Emoji                   // 🙂
)

// Token is one token of a text: its byte span in the original text, its kind and the index of
// the sentence it belongs to (0-based).
type Token struct {
	Start, End int
	Kind       Kind
	Sentence   int
}

// Doc is the analysis of one text. Reuse a Doc across calls to Analyze to avoid allocation.
type Doc struct {
	Text   string
	Tokens []Token
	keys   []byte
	keyEnd []int
}

// Surface returns token i exactly as it appears in the text.
func (d *Doc) Surface(i int) string { t := d.Tokens[i]; return d.Text[t.Start:t.End] }

// Key returns the matching key of token i (see Key). The slice is valid until the next Analyze.
func (d *Doc) Key(i int) []byte {
	start := 0
	if i > 0 {
		start = d.keyEnd[i-1]
	}
	return d.keys[start:d.keyEnd[i]]
}

// Sentences returns the number of sentences.
func (d *Doc) Sentences() int {
	if len(d.Tokens) == 0 {
		return 0
	}
	return d.Tokens[len(d.Tokens)-1].Sentence + 1
}

// Analyzer tokenizes texts and splits them into sentences. The zero value is ready to use.
type Analyzer struct{}

// Analyze tokenizes text into d, replacing its previous contents.
func (a *Analyzer) Analyze(d *Doc, text string) {
	d.Text = text
	d.Tokens = d.Tokens[:0]
	d.keys = d.keys[:0]
	d.keyEnd = d.keyEnd[:0]
	sent := 0
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		kind := Punct
		if isWordRune(r) {
			for i < len(text) {
				r, n = utf8.DecodeRuneInString(text[i:])
				if !isWordRune(r) {
					break
				}
				i += n
			}
			kind = Word
			if r0, _ := utf8.DecodeRuneInString(text[start:]); r0 < 0x900 {
				kind = Latin
			}
			if r0, _ := utf8.DecodeRuneInString(text[start:]); unicode.IsDigit(r0) {
				kind = Number
			}
		} else {
			i += n
		}
		d.Tokens = append(d.Tokens, Token{Start: start, End: i, Kind: kind, Sentence: sent})
		d.keys = AppendKey(d.keys, text[start:i])
		d.keyEnd = append(d.keyEnd, len(d.keys))
		if kind == Punct && (r == '।' || r == '॥' || r == '?' || r == '!' || r == '.') {
			sent++
		}
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == 0x200D || r == 0x200C
}

// Key returns the matching key of s: NFC, nukta dropped, nasal variants and digits folded.
func Key(s string) string { return string(AppendKey(nil, s)) }

// AppendKey appends the matching key of s to dst.
func AppendKey(dst []byte, s string) []byte {
	s = norm.NFC.String(s)
	for _, r := range s {
		switch {
		case r == 0x093C || r == 0x200C || r == 0x200D:
			continue
		case r >= 0x0958 && r <= 0x095F:
			r = []rune("कखगजडढफय")[r-0x0958]
		case r == 0x0901:
			r = 0x0902
		case r >= 0x0966 && r <= 0x096F:
			r = '0' + r - 0x0966
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// Stem strips one Hindi inflectional suffix from a matching key (Ramanathan & Rao 2003).
func Stem(key string) string {
	for _, suf := range []string{"ों", "ें", "ाएं", "ियों", "ियां", "े", "ी", "ा", "ो"} {
		if strings.HasSuffix(key, suf) && utf8.RuneCountInString(key)-utf8.RuneCountInString(suf) >= 2 {
			return key[:len(key)-len(suf)]
		}
	}
	return key
}

// IsStopword reports whether key (a matching key) is a Hindi stopword.
func IsStopword(key string) bool {
	switch key {
	case "का", "की", "के", "है", "हैं", "में", "से", "को", "और", "पर", "ने", "यह", "वह", "था", "थे", "थी", "भी", "तो", "कि":
		return true
	}
	return false
}
