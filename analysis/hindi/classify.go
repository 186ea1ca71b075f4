package hindi

import (
	"unicode"
	"unicode/utf8"
)

// class is the tokenizer's view of one code point.
type class uint8

const (
	clOther  class = iota // punctuation or symbol, decided by unicode tables
	clSpace               // white space, ZWSP, BOM: separates tokens
	clDeva                // Devanagari letter or sign (vowel signs, virama, nukta, anusvara…)
	clLatin               // Latin letter
	clLetter              // letter of another script
	clMark                // combining mark outside Devanagari
	clDigit               // ASCII or Devanagari digit (or another script's decimal digit)
	clJoiner              // ZWJ, ZWNJ, word joiner, soft hyphen: continue a word
	clEmoji               // emoji and pictographs
	clDanda               // । ॥ and the ASCII | typed for a danda
)

// asciiClass classifies the ASCII range.
var asciiClass = func() (t [128]class) {
	for c := 0; c < 128; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[c] = clSpace
		case c < ' ' || c == 0x7F:
			t[c] = clSpace // control characters separate tokens and are never tokens
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = clLatin
		case '0' <= c && c <= '9':
			t[c] = clDigit
		case c == '|':
			t[c] = clDanda
		default:
			t[c] = clOther
		}
	}
	return t
}()

// devaClass classifies U+0900..U+097F by its low seven bits.
var devaClass = func() (t [128]class) {
	for i := range t {
		t[i] = clDeva
	}
	t[0x64] = clDanda // ।
	t[0x65] = clDanda // ॥
	for i := 0x66; i <= 0x6F; i++ {
		t[i] = clDigit
	}
	t[0x70] = clOther // ॰ abbreviation sign
	return t
}()

// decode returns the code point at text[i], its width in bytes and its class. Invalid
// UTF-8 yields utf8.RuneError of width 1, classed as a symbol. The ASCII case inlines.
func decode(text string, i int) (rune, int, class) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1, asciiClass[c]
	}
	return decodeSlow(text, i)
}

func decodeSlow(text string, i int) (rune, int, class) {
	if text[i] == 0xE0 && i+2 < len(text) && (text[i+1] == 0xA4 || text[i+1] == 0xA5) && text[i+2]&0xC0 == 0x80 {
		lo := (text[i+1]-0xA4)<<6 | text[i+2]&0x3F
		return 0x0900 + rune(lo), 3, devaClass[lo]
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return r, n, classOf(r)
}

// devaWordEnd skips Devanagari letters and signs from text[i] and returns where they end.
func devaWordEnd(text string, i int) int {
	for i+2 < len(text) && text[i] == 0xE0 {
		b1, b2 := text[i+1], text[i+2]
		if b1 != 0xA4 && b1 != 0xA5 || b2&0xC0 != 0x80 || devaClass[(b1-0xA4)<<6|b2&0x3F] != clDeva {
			break
		}
		i += 3
	}
	return i
}

// Fields of devaKeyScan: how one code point of U+0900..U+097F bears on a Devanagari word and
// its key.
const (
	dkStopClass  = 0x007 // a stop's class, 1..5 (velar … labial); 0 for the rest
	dkNasalClass = 0x038 // a nasal consonant's class (ङ ञ ण न म) << 3; 0 for the rest
	dkVirama     = 0x040 // the virama
	dkFold       = 0x080 // a code point the key changes (nukta, candrabindu, Vedic tone marks…)
	dkBreak      = 0x100 // not a word code point: danda, digit, abbreviation sign; or not UTF-8
)

// devaKeyScan classifies the last two bytes b1, b2 of a code point E0 b1 b2 with b1 = A4 or
// A5 (U+0900..U+097F), indexed by (b1&1)<<8 | b2, for devaWordEndKey: devaClass and the fold
// classes of AppendKey's fast path in one table. A b2 that is not a continuation byte gives
// dkBreak.
var devaKeyScan = func() (t [512]uint16) {
	for i := range t {
		t[i] = dkBreak
	}
	nasalClass := map[rune]uint16{0x0919: 1, 0x091E: 2, 0x0923: 3, 0x0928: 4, 0x092E: 5}
	for lo := range 128 {
		r := rune(0x0900 + lo)
		var v uint16
		switch {
		case devaClass[lo] != clDeva:
			v = dkBreak
		case r == virama:
			v = dkVirama
		case devaFold[lo] == foldStop:
			v = nasalClass[homorganicNasal(r)]
		case devaFold[lo] != foldKeep:
			v = dkFold
		default:
			v = nasalClass[r] << 3
		}
		t[(lo>>6)<<8|0x80|lo&0x3F] = v
	}
	return t
}()

// nasalStop[n<<3|s] is dkFold when a nasal of class n, a virama and a stop of class s are a
// fold of the key (n = s ≠ 0), else 0.
var nasalStop = func() (t [64]uint16) {
	for c := 1; c <= 5; c++ {
		t[c<<3|c] = dkFold
	}
	return t
}()

// devaWordEndKey is devaWordEnd that also reports whether the key of text[i:end] (before
// the final-visarga trim) is text[i:end] itself: no code point of the run is folded. A nasal,
// a virama and a stop of the nasal's class report false even at the start of the run, where
// the key keeps them. The tests take no branch (stops are about half the consonants): the
// class of a nasal, carried through a virama, meets the class of the stop in a table.
func devaWordEndKey(text string, i int) (end int, same bool) {
	var acc, nasal, pending uint16 // pending: the nasal class before a virama just read
	for i+2 < len(text) {
		b0, b1, b2 := text[i], text[i+1], text[i+2]
		if b0 != 0xE0 || b1&0xFE != 0xA4 {
			break
		}
		v := devaKeyScan[int(b1&1)<<8|int(b2)]
		if v >= dkBreak {
			break
		}
		acc |= v&dkFold | nasalStop[(pending<<3|v&dkStopClass)&63]
		pending = nasal * (v >> 6 & 1)
		nasal = v & dkNasalClass >> 3
		i += 3
	}
	return i, acc == 0
}

// classOf classifies a code point outside ASCII and the Devanagari block.
func classOf(r rune) class {
	switch {
	case r == utf8.RuneError:
		return clOther
	case r == 0x200C || r == 0x200D || r == 0x2060 || r == 0x00AD:
		return clJoiner
	case r == 0x200B || r == 0xFEFF || r == 0x0085 || r == 0x00A0:
		return clSpace
	case r >= 0xA8E0 && r <= 0xA8FF, r >= 0x1CD0 && r <= 0x1CFF: // Devanagari Extended, Vedic
		return clDeva
	case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF, r == 0x2B50, r == 0x2B55,
		r >= 0x231A && r <= 0x23FF:
		return clEmoji
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0020 && r <= 0xE007F, r == 0x20E3:
		return clJoiner // variation selectors, tags, keycap: extend what precedes
	case unicode.IsSpace(r):
		return clSpace
	case unicode.IsLetter(r):
		if unicode.Is(unicode.Latin, r) {
			return clLatin
		}
		return clLetter
	case unicode.IsMark(r):
		return clMark
	case unicode.IsDigit(r):
		return clDigit
	case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
		return clSpace
	}
	return clOther
}

// isSpaceAt reports whether the code point at text[i] separates tokens; used by tests and
// the fuzz invariants as the definition of "white space".
func isSpaceAt(text string, i int) (bool, int) {
	_, n, cl := decode(text, i)
	return cl == clSpace, n
}
