package hindi

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	Text   string  // the text as given to Analyze, unchanged
	Tokens []Token // in text order, not overlapping

	keys   []byte   // the keys of all tokens, back to back
	keyEnd []int32  // keyEnd[i] is the end of token i's key in keys
	hashes []uint64 // hashes[i] is HashKey of token i's key
	sents  []int32  // sents[s] is the index of the first token of sentence s
	words  int      // the Word, Latin and Number tokens
	// view marks a Doc set by SentenceRange: its Tokens, keys and hashes are another
	// Doc's, which Analyze must not write into.
	view bool
}

// Words returns the number of Word, Latin and Number tokens: the words of the text, without
// punctuation and symbols.
func (d *Doc) Words() int { return d.words }

// isWord marks the kinds that Words counts.
var isWord = [256]uint8{Word: 1, Latin: 1, Number: 1}

// Surface returns token i exactly as it appears in the text.
func (d *Doc) Surface(i int) string { t := d.Tokens[i]; return d.Text[t.Start:t.End] }

// Key returns the matching key of token i (see [Key]). The slice aliases the Doc's buffer:
// it is valid until the next Analyze and must not be modified.
func (d *Doc) Key(i int) []byte {
	start := int32(0)
	if i > 0 {
		start = d.keyEnd[i-1]
	}
	return d.keys[start:d.keyEnd[i]:d.keyEnd[i]]
}

// Keys returns the keys of all tokens back to back, and for each token the end of its key:
// token i's key is keys[ends[i-1]:ends[i]] (keys[:ends[0]] for token 0), as [Doc.Key]
// returns it. A matcher that reads every token can load a key's bytes a word at a time
// across key boundaries. Both slices alias the Doc's buffers: they are valid until the next
// Analyze and must not be modified.
func (d *Doc) Keys() (keys []byte, ends []int32) { return d.keys, d.keyEnd }

// KeyHashes returns for each token the [HashKey] of its key, computed once by Analyze while
// the key was written, so that consumers that look keys up in hash tables need not hash them
// again. The slice aliases the Doc's buffer: it is valid until the next Analyze and must not
// be modified.
func (d *Doc) KeyHashes() []uint64 { return d.hashes }

// Sentences returns the number of sentences.
func (d *Doc) Sentences() int { return len(d.sents) }

// SentenceSpan returns the byte span of sentence s in the text: from the start of its first
// token to the end of its last token.
func (d *Doc) SentenceSpan(s int) (start, end int) {
	first, last := d.SentenceTokens(s)
	return d.Tokens[first].Start, d.Tokens[last-1].End
}

// SentenceTokens returns the range of token indexes [first, last) of sentence s.
func (d *Doc) SentenceTokens(s int) (first, last int) {
	first = int(d.sents[s])
	last = len(d.Tokens)
	if s+1 < len(d.sents) {
		last = int(d.sents[s+1])
	}
	return first, last
}

// SentenceRange sets dst to the sentences from through to-1 of d (0 <= from <= to <=
// d.Sentences()), as a Doc of their own for matchers that read only part of a text (a
// lexicon looked up only where a rule needs it): dst.Text is d.Text, its Tokens are d's
// tokens of those sentences (their byte offsets index d.Text, their Sentence fields keep
// d's numbering while dst's SentenceTokens count from 0) and its keys and key hashes are
// d's. These alias d's buffers: dst is valid until the next Analyze of d and must not be
// modified. A later Analyze of dst itself leaves d's buffers alone.
func (d *Doc) SentenceRange(dst *Doc, from, to int) {
	if dst.view {
		dst.Tokens, dst.keys, dst.hashes = nil, nil, nil
	}
	dst.view = true
	dst.Text = d.Text
	dst.keyEnd, dst.sents, dst.words = dst.keyEnd[:0], dst.sents[:0], 0
	if from >= to {
		dst.Tokens, dst.keys, dst.hashes = nil, nil, nil
		return
	}
	first, _ := d.SentenceTokens(from)
	_, last := d.SentenceTokens(to - 1)
	base := int32(0)
	if first > 0 {
		base = d.keyEnd[first-1]
	}
	end := base
	if last > first {
		end = d.keyEnd[last-1]
	}
	dst.Tokens = d.Tokens[first:last:last]
	dst.keys = d.keys[base:end:end]
	for i := first; i < last; i++ {
		dst.keyEnd = append(dst.keyEnd, d.keyEnd[i]-base)
		dst.words += int(isWord[d.Tokens[i].Kind])
	}
	dst.hashes = d.hashes[first:last:last]
	for s := from; s < to; s++ {
		dst.sents = append(dst.sents, d.sents[s]-int32(first))
	}
}

// Analyzer tokenizes texts and splits them into sentences. The zero value is ready to use
// and suits news articles stored one paragraph per line.
type Analyzer struct {
	// JoinLines reads a single line break as a space, for hard-wrapped text. A blank line
	// and a short line without sentence-final punctuation (a headline) still end a sentence.
	// When false, every line break ends a sentence.
	JoinLines bool
}

// splitState is the sentence splitter's state while Analyze walks the tokens.
type splitState struct {
	pending    bool // a sentence-final mark was seen; closers may still attach
	dquote     bool // a straight " is open in this sentence
	squote     bool // a straight ' is open in this sentence
	lineTokens int  // tokens since the last line break
	sentOnLine bool // the current sentence started at the start of the current line
	terminated bool // the current line holds a sentence-final mark
	prevAbbrev bool // the previous token was an abbreviation (for chains of initials)
}

// Analyze tokenizes text into d, replacing its previous contents, and splits the tokens into
// sentences. d.Text is set to text; token spans index into it.
func (a *Analyzer) Analyze(d *Doc, text string) {
	if d.view { // SentenceRange's buffers are another Doc's
		d.Tokens, d.keys, d.hashes, d.view = nil, nil, nil, false
	}
	d.Text = text
	d.Tokens = d.Tokens[:0]
	d.keys = d.keys[:0]
	d.keyEnd = d.keyEnd[:0]
	d.hashes = d.hashes[:0]
	d.sents = d.sents[:0]
	words := 0
	var st splitState
	n := len(text)
	i := 0
	for i < n {
		gapStart := i
		nl := 0
	gap:
		for i < n {
			c := text[i]
			if c < utf8.RuneSelf {
				switch {
				case c == '\n':
					nl++
				case c == '\r':
					if i+1 >= n || text[i+1] != '\n' {
						nl++
					}
				case asciiClass[c] != clSpace:
					break gap
				}
				i++
				continue
			}
			if c == 0xE0 && i+1 < n && (text[i+1] == 0xA4 || text[i+1] == 0xA5) {
				break
			}
			r, w, cl := decode(text, i)
			if cl != clSpace && cl != clJoiner {
				break
			}
			if r == 0x2028 || r == 0x2029 || r == 0x85 {
				nl++
			}
			i += w
		}
		if i >= n {
			break
		}
		var (
			end  int
			kind Kind
			abbr bool
			same bool
		)
		if text[i] == 0xE0 {
			end, kind, abbr, same = scanDevaToken(text, i, st.prevAbbrev && i-gapStart <= 1)
		} else {
			end, kind, abbr = scanToken(text, i, st.prevAbbrev && i-gapStart <= 1)
		}
		if nl == 0 && !st.pending && kind != Punct && len(d.sents) > 0 {
			st.lineTokens++ // all that split does for a word inside a line and a sentence
		} else {
			a.split(d, &st, text, i, end, kind, nl, i > gapStart)
		}
		st.prevAbbrev = abbr
		d.Tokens = append(d.Tokens, Token{Start: i, End: end, Kind: kind, Sentence: len(d.sents) - 1})
		words += int(isWord[kind])
		ks := len(d.keys)
		var h uint64
		if same {
			// The key is the surface, but for a final visarga (see Key).
			d.keys = append(d.keys, text[i:end]...)
			if k := len(d.keys); d.keys[k-1] == 0x83 && d.keys[k-2] == 0xA4 {
				d.keys = trimColonVisarga(d.keys, ks)
			}
			h = hashString(text[i : i+len(d.keys)-ks])
		} else if c := text[i]; end-i == 1 && c < utf8.RuneSelf {
			// One ASCII byte (punctuation, a digit, a letter), its own key but for case.
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			d.keys = append(d.keys, c)
			h = HashKey(d.keys[ks:])
		} else {
			d.keys = AppendKey(d.keys, text[i:end])
			h = HashKey(d.keys[ks:])
		}
		d.keyEnd = append(d.keyEnd, int32(len(d.keys)))
		d.hashes = append(d.hashes, h)
		i = end
	}
	d.words = words
}

// split decides whether the token text[start:end] starts a new sentence, and updates st.
// nl is the number of line breaks before the token; spaced reports whether any gap
// precedes it.
func (a *Analyzer) split(d *Doc, st *splitState, text string, start, end int, kind Kind, nl int, spaced bool) {
	brk := len(d.sents) == 0
	if nl > 0 {
		switch {
		case nl >= 2 || !a.JoinLines:
			brk = true
		case st.sentOnLine && !st.terminated && st.lineTokens > 0 && st.lineTokens <= 20 && !st.pending &&
			!continues(text, d.Tokens[len(d.Tokens)-1]):
			brk = true // a headline: a short line without a sentence-final mark
		}
	}
	var r rune
	if kind == Punct {
		r, _ = utf8.DecodeRuneInString(text[start:end])
	}
	if st.pending && !brk {
		switch {
		case kind == Punct && isCloser(r, end-start, st, spaced, text, end):
		case kind == Punct && isContinuation(r):
			st.pending = false // "क्यों? : मलाइका" — no sentence starts with a colon
		default:
			brk = true
		}
	}
	if brk && (len(d.sents) == 0 || len(d.Tokens) > int(d.sents[len(d.sents)-1])) {
		d.sents = append(d.sents, int32(len(d.Tokens)))
		st.pending, st.dquote, st.squote = false, false, false
		st.sentOnLine = nl > 0 || len(d.sents) == 1
	}
	if nl > 0 {
		st.lineTokens = 0
		st.terminated = false
	}
	st.lineTokens++
	if kind != Punct {
		return
	}
	switch {
	case r == '"', r == '\'' && end-start == 2:
		st.dquote = !st.dquote
	case r == '\'':
		st.squote = !st.squote
	}
	if r == '.' && len(d.Tokens) == int(d.sents[len(d.sents)-1])+1 && d.Tokens[len(d.Tokens)-1].Kind == Number {
		return // "1. कोरोना…": the dot of a list number at the start of a sentence
	}
	if isTerminal(text[start:end], r) {
		st.pending = true
		st.terminated = true
	}
}

// isTerminal reports whether the punctuation token p (first rune r) ends a sentence: । ॥ |
// ? ! and a single full stop. An ellipsis ("...", "…") does not: in headlines and quoted
// speech it marks a pause far more often than an end.
func isTerminal(p string, r rune) bool {
	switch r {
	case '।', '॥', '|', '?', '!':
		return true
	case '.':
		return len(p) == 1
	}
	return false
}

// isCloser reports whether punctuation r, after a sentence-final mark, still belongs to the
// sentence: closing quotes and brackets, further final marks, and a straight quote that
// closes one opened in the sentence or that is glued to the mark and followed by space.
func isCloser(r rune, size int, st *splitState, spaced bool, text string, end int) bool {
	switch r {
	case '”', '’', ')', ']', '}', '»', '›', '।', '॥', '|', '?', '!':
		return true
	case '.':
		return size == 1
	case '"':
		return st.dquote || (!spaced && followedBySpace(text, end))
	case '\'':
		if size == 2 {
			return st.dquote || (!spaced && followedBySpace(text, end))
		}
		return st.squote || (!spaced && followedBySpace(text, end))
	}
	return false
}

// isContinuation reports whether punctuation r, after a sentence-final mark, shows that
// the sentence goes on: no sentence starts with a comma, colon, semicolon or dash.
func isContinuation(r rune) bool {
	switch r {
	case ',', ':', ';', '-', '–', '—':
		return true
	}
	return false
}

func followedBySpace(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	_, _, cl := decode(text, i)
	return cl == clSpace
}

// continues reports whether a line ending in token t is visibly unfinished, so that it is
// not read as a headline: a comma, hyphen or opening bracket, or a word that cannot end a
// Hindi clause (a postposition, conjunction or relative pronoun; Hindi is verb-final).
func continues(text string, t Token) bool {
	s := text[t.Start:t.End]
	if t.Kind == Punct {
		switch s[0] {
		case ',', '-', '(', '[', ':', ';':
			return true
		}
		return false
	}
	return t.Kind == Word && lineContinuers[s]
}

// lineContinuers are words after which a Hindi clause cannot end.
var lineContinuers = map[string]bool{
	"का": true, "की": true, "के": true, "को": true, "में": true, "से": true, "ने": true,
	"पर": true, "तक": true, "और": true, "कि": true, "जो": true, "तथा": true, "या": true,
	"एवं": true, "व": true, "लेकिन": true, "परंतु": true, "किंतु": true, "क्योंकि": true,
	"जबकि": true, "अगर": true, "यदि": true, "जिसमें": true, "जिसे": true, "जिसके": true,
}

// scanToken returns the end and kind of the token that starts at text[i], which is not
// white space. afterAbbrev says the previous token, one space back, was an abbreviation;
// abbr reports whether this token is one.
func scanToken(text string, i int, afterAbbrev bool) (end int, kind Kind, abbr bool) {
	r, w, cl := decode(text, i)
	switch cl {
	case clDeva, clLetter, clMark:
		return scanWord(text, i, cl, afterAbbrev)
	case clLatin:
		if end, kind, ok := scanLink(text, i); ok {
			return end, kind, false
		}
		return scanLatin(text, i, afterAbbrev)
	case clDigit:
		if end, kind, ok := scanLink(text, i); ok {
			return end, kind, false
		}
		end, kind = scanNumber(text, i)
		return end, kind, false
	case clEmoji:
		return scanEmoji(text, i), Emoji, false
	case clDanda:
		return i + w, Punct, false
	case clJoiner:
		return i + w, Symbol, false // only reached for a joiner glued to punctuation
	}
	n := len(text)
	switch r {
	case '#':
		if i+1 < n {
			if _, _, c := decode(text, i+1); c == clDeva || c == clLatin || c == clLetter || c == clDigit || text[i+1] == '_' {
				return scanTag(text, i+1), Hashtag, false
			}
		}
	case '@':
		if i+1 < n && isASCIIAlnum(text[i+1]) || i+1 < n && text[i+1] == '_' {
			j := i + 1
			for j < n && (isASCIIAlnum(text[j]) || text[j] == '_' || text[j] == '.' && j+1 < n && isASCIIAlnum(text[j+1])) {
				j++
			}
			return j, Mention, false
		}
	case '\'':
		if i+1 < n && text[i+1] == '\'' {
			return i + 2, Punct, false // '' typed for a double quote
		}
	case '.', '-', '?', '!':
		j := i + 1
		for j < n && rune(text[j]) == r {
			j++
		}
		return j, Punct, false
	}
	if unicode.IsPunct(r) || r == '॰' {
		return i + w, Punct, false
	}
	return i + w, Symbol, false
}

// scanDevaToken is scanToken for a token that starts with the byte 0xE0 (the Devanagari
// block and the rest of U+0800..U+0FFF). For a word it also reports whether its key (before
// the final-visarga trim) is its surface, which it learns while it finds the word's end.
func scanDevaToken(text string, i int, afterAbbrev bool) (end int, kind Kind, abbr, same bool) {
	j, same := devaWordEndKey(text, i)
	if j == i {
		end, kind, abbr = scanToken(text, i, afterAbbrev)
		// । and ॥ (E0 A5 A4, E0 A5 A5) are their own keys.
		same = end == i+3 && text[i+1] == 0xA5 && text[i+2]&0xFE == 0xA4
		return end, kind, abbr, same
	}
	// As scanWord with clDeva: wordEnd from j, whose first devaWordEnd returns j at once.
	// After an ASCII byte or a code point of the Devanagari block the word cannot go on
	// (devaWordEndKey stopped there), so wordEnd is only called for other code points.
	end = j
	if j < len(text) {
		if c := text[j]; c >= utf8.RuneSelf && !(c == 0xE0 && j+2 < len(text) && text[j+1]&0xFE == 0xA4 && text[j+2]&0xC0 == 0x80) {
			end = wordEnd(text, j, clDeva)
		}
		// Only '.' and ॰ (E0 A5 B0) can be an abbreviation's dot.
		if end < len(text) && (text[end] == '.' || text[end] == 0xE0) {
			if e, ok := abbrevEnd(text, i, end, false, afterAbbrev); ok {
				return e, Word, true, false
			}
		}
	}
	return end, Word, false, same && end == j
}

// scanWord scans a word of Devanagari or another non-Latin script, with its vowel signs,
// virama, nukta and joiners, and a trailing abbreviation dot where one belongs.
func scanWord(text string, i int, first class, afterAbbrev bool) (int, Kind, bool) {
	j := wordEnd(text, i, first)
	if j < len(text) && first == clDeva {
		if end, ok := abbrevEnd(text, i, j, false, afterAbbrev); ok {
			return end, Word, true
		}
	}
	return j, Word, false
}

// wordEnd returns the end of the run of word code points that starts at text[i].
func wordEnd(text string, i int, first class) int {
	n := len(text)
	j := i
	for j < n {
		if first == clDeva {
			j = devaWordEnd(text, j)
			if j >= n {
				break
			}
		}
		_, w, cl := decode(text, j)
		switch cl {
		case clDeva:
			if first != clDeva && first != clMark {
				return j
			}
		case clLetter:
			if first != clLetter && first != clMark {
				return j
			}
		case clLatin:
			if first != clLatin {
				return j
			}
		case clMark, clJoiner:
		case clDigit:
			if first != clLatin || text[j] >= utf8.RuneSelf {
				return j
			}
		default:
			return j
		}
		j += w
	}
	return j
}

// dotAt returns the width of an abbreviation dot ('.' or '॰') at text[i], or 0.
func dotAt(text string, i int) int {
	if i < len(text) && text[i] == '.' && (i+1 >= len(text) || text[i+1] != '.') {
		return 1
	}
	if strings.HasPrefix(text[i:], "॰") {
		return len("॰")
	}
	return 0
}

// abbrevEnd decides whether the word text[start:j] is an abbreviation that keeps the dot at
// text[j], and returns the end of the abbreviation, dotted chain included.
func abbrevEnd(text string, start, j int, latin, afterAbbrev bool) (int, bool) {
	d := dotAt(text, j)
	if d == 0 {
		return j, false
	}
	w := text[start:j]
	cls := abbrevClass(w, latin)
	first := clDeva
	if latin {
		first = clLatin
	}
	// A chain written without spaces: बी.जे.पी., U.S., कि.मी.
	if isChainPart(w, latin) {
		k := j + d
		parts := 1
		for k < len(text) {
			_, _, cl := decode(text, k)
			if cl != first {
				break
			}
			e := wordEnd(text, k, first)
			dd := dotAt(text, e)
			if dd == 0 || !isChainPart(text[k:e], latin) {
				break
			}
			parts++
			k = e + dd
		}
		if parts >= 2 {
			return k, true
		}
	}
	switch cls {
	case 2:
		return j + d, true
	case 1:
		if afterAbbrev || nextIsInitial(text, j+d, latin) {
			return j + d, true
		}
	}
	return j, false
}

// nextIsInitial reports whether one space and then an abbreviation with its dot follow
// text[i]: the next initial of "ए. आर. रहमान".
func nextIsInitial(text string, i int, latin bool) bool {
	if i >= len(text) || text[i] != ' ' {
		return false
	}
	i++
	if i >= len(text) {
		return false
	}
	first := clDeva
	if latin {
		first = clLatin
	}
	if _, _, cl := decode(text, i); cl != first {
		return false
	}
	e := wordEnd(text, i, first)
	return dotAt(text, e) > 0 && abbrevClass(text[i:e], latin) > 0
}

// scanLatin scans a Latin word: letters, marks, ASCII digits, an apostrophe between letters
// (don't, Modi's), a dotted abbreviation (Dr., U.S.).
func scanLatin(text string, i int, afterAbbrev bool) (int, Kind, bool) {
	n := len(text)
	j := wordEnd(text, i, clLatin)
	for j < n {
		var q int
		switch {
		case text[j] == '\'':
			q = 1
		case strings.HasPrefix(text[j:], "’"):
			q = len("’")
		}
		if q == 0 || j+q >= n {
			break
		}
		if _, _, cl := decode(text, j+q); cl != clLatin {
			break
		}
		j = wordEnd(text, j+q, clLatin)
	}
	if end, ok := abbrevEnd(text, i, j, true, afterAbbrev); ok {
		return end, Latin, true
	}
	return j, Latin, false
}

// scanNumber scans a number: digit groups joined by , . : / (4,32,000 ४,३२,००० 2.5 10:30
// 19/06/2024), a day-month-year date with hyphens, a trailing %. Digits glued to letters
// (25ए, 4G, 21st) make one word of the letters' script.
func scanNumber(text string, i int) (int, Kind) {
	n := len(text)
	j := digitsEnd(text, i)
	for j+1 < n {
		c := text[j]
		if (c == ',' || c == '.' || c == ':' || c == '/') && isDigitAt(text, j+1) {
			j = digitsEnd(text, j+1)
			continue
		}
		break
	}
	if j+1 < n && text[j] == '-' && isDigitAt(text, j+1) {
		k := digitsEnd(text, j+1)
		if k+1 < n && text[k] == '-' && isDigitAt(text, k+1) {
			j = digitsEnd(text, k+1)
		}
	}
	if j < n && text[j] == '%' {
		return j + 1, Number
	}
	if j < n {
		if _, _, cl := decode(text, j); cl == clDeva || cl == clLatin || cl == clLetter {
			end := wordEnd(text, j, cl)
			if cl == clLatin {
				return end, Latin
			}
			return end, Word
		}
	}
	return j, Number
}

func isDigitAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	_, _, cl := decode(text, i)
	return cl == clDigit
}

func digitsEnd(text string, i int) int {
	for i < len(text) {
		_, w, cl := decode(text, i)
		if cl != clDigit {
			break
		}
		i += w
	}
	return i
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// scanTag scans the body of a hashtag: letters of any script, marks, joiners, digits, _.
func scanTag(text string, i int) int {
	for i < len(text) {
		_, w, cl := decode(text, i)
		if cl != clDeva && cl != clLatin && cl != clLetter && cl != clMark && cl != clJoiner && cl != clDigit && text[i] != '_' {
			break
		}
		i += w
	}
	return i
}

// scanEmoji scans one emoji with its modifiers: variation selectors, skin tones, ZWJ
// sequences, tags, a regional-indicator pair.
func scanEmoji(text string, i int) int {
	r, w, _ := decode(text, i)
	j := i + w
	if r >= 0x1F1E6 && r <= 0x1F1FF {
		if j < len(text) {
			if r2, w2, _ := decode(text, j); r2 >= 0x1F1E6 && r2 <= 0x1F1FF {
				return j + w2
			}
		}
		return j
	}
	for j < len(text) {
		r, w, cl := decode(text, j)
		switch {
		case r >= 0x1F3FB && r <= 0x1F3FF:
		case r == 0x200D:
			if j+w < len(text) {
				if _, w2, c2 := decode(text, j+w); c2 == clEmoji {
					j += w + w2
					continue
				}
			}
			return j
		case cl == clJoiner && r != 0x200C && r != 0x2060 && r != 0x00AD:
		default:
			return j
		}
		j += w
	}
	return j
}
