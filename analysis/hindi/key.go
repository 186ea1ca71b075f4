package hindi

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Devanagari code points that the folds name.
const (
	candrabindu = 0x0901
	anusvara    = 0x0902
	nukta       = 0x093C
	virama      = 0x094D
)

// nuktaBase maps the precomposed nukta letters U+0958..U+095F (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़) to their
// base letters.
var nuktaBase = [8]rune{0x0915, 0x0916, 0x0917, 0x091C, 0x0921, 0x0922, 0x092B, 0x092F}

// Key returns the matching key of s. Two spellings that Hindi writers use for the same word
// get the same key:
//
//   - Unicode NFC first (golang.org/x/text/unicode/norm), so canonically equivalent
//     sequences are one sequence;
//   - nukta folded away, in all three spellings: precomposed (U+0958..U+095F, ऩ ऱ ऴ),
//     letter + U+093C, and dropped (ख़तरा, ख़तरा and खतरा all give खतरा);
//   - candrabindu to anusvara (चाँद → चांद);
//   - a nasal consonant + virama before a stop of its own class to anusvara (हिन्दी → हिंदी,
//     सम्बन्ध → संबंध, पण्डित → पंडित), which is how both spellings are read aloud;
//   - ZWJ, ZWNJ, ZWSP, word joiner, soft hyphen and BOM removed (they change rendering only);
//   - Devanagari digits to ASCII digits (१९४७ → 1947);
//   - letters lower-cased (Latin in code-mixed text: BJP → bjp);
//   - a word-final visarga used as a colon dropped: headlines write "संघर्षः" and "ब्लास्टः"
//     for "संघर्ष:" (a colon typed as ः, or turned into one by older tools). Words that
//     really end in visarga keep it: the adverbs in -तः and -शः (अतः, क्रमशः) and the few
//     others listed in visargaWords (पुनः, प्रायः, नमः …).
//
// Everything else is kept as it is, including punctuation. The key of a phrase is the keys
// of its tokens joined with one space. Key does not allocate when s is its own key.
func Key(s string) string {
	var buf [128]byte
	k := AppendKey(buf[:0], s)
	if string(k) == s {
		return s
	}
	return string(k)
}

// AppendKey appends the matching key of s (see [Key]) to dst and returns the extended slice.
// It allocates only when s needs Unicode normalization beyond the Devanagari folds, which is
// rare in real text.
func AppendKey(dst []byte, s string) []byte {
	start := len(dst)
	return trimColonVisarga(appendKey(dst, s), start)
}

// visargaWords are keys that really end in visarga without ending in -तः or -शः.
var visargaWords = map[string]bool{
	"पुनः": true, "प्रायः": true, "नमः": true, "छिः": true, "प्रातः": true, "स्वतः": true,
	"अंतः": true, "मनः": true, "दुः": true, "निः": true,
}

// trimColonVisarga drops a word-final visarga from the key dst[start:] unless the word really
// ends in one (see Key).
func trimColonVisarga(dst []byte, start int) []byte {
	const visarga = "\u0903"
	k := dst[start:]
	if len(k) < 6 || string(k[len(k)-3:]) != visarga {
		return dst
	}
	word := k
	if sp := bytes.LastIndexByte(k, ' '); sp >= 0 {
		word = k[sp+1:]
	}
	if len(word) < 6 {
		return dst
	}
	prev := string(word[len(word)-6 : len(word)-3])
	if prev == "\u0924" || prev == "\u0936" || visargaWords[string(word)] { // त, श
		return dst
	}
	return dst[:len(dst)-3]
}

func appendKey(dst []byte, s string) []byte {
	start := len(dst)
	// One pass folds ASCII and Devanagari, which is all most tokens hold. At the first other
	// code point it starts over on the slow path, which normalizes when needed.
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		if c == 0xE0 && i+2 < len(s) && (s[i+1] == 0xA4 || s[i+1] == 0xA5) && s[i+2]&0xC0 == 0x80 {
			lo := (s[i+1]-0xA4)<<6 | s[i+2]&0x3F
			switch devaFold[lo] {
			case foldKeep:
				dst = append(dst, c, s[i+1], s[i+2])
			case foldStop:
				if k := len(dst); k-start > 6 && dst[k-1] == 0x8D && dst[k-2] == 0xA5 {
					dst = appendDevaKey(dst, start, 0x0900+rune(lo))
				} else {
					dst = append(dst, c, s[i+1], s[i+2])
				}
			case foldOther:
				dst = appendDevaKey(dst, start, 0x0900+rune(lo))
			default: // Vedic tone marks reorder under NFC
				return appendKeySlowPath(dst[:start], s)
			}
			i += 3
			continue
		}
		return appendKeySlowPath(dst[:start], s)
	}
	return dst
}

// appendKeySlowPath is AppendKey for strings with code points outside ASCII and
// Devanagari: NFC when the string is not already normal, then the folds.
func appendKeySlowPath(dst []byte, s string) []byte {
	if needsNFC(s) && norm.NFC.QuickSpanString(s) != len(s) {
		s = norm.NFC.String(s)
	}
	start := len(dst)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		if c == 0xE0 && i+2 < len(s) && (s[i+1] == 0xA4 || s[i+1] == 0xA5) && s[i+2]&0xC0 == 0x80 {
			r := 0x0900 + rune(s[i+1]-0xA4)<<6 + rune(s[i+2]&0x3F)
			dst = appendDevaKey(dst, start, r)
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isIgnorable(r) {
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// Fold classes of the Devanagari block for AppendKey's fast path.
const (
	foldKeep  = iota // copied as is
	foldStop         // a stop: after nasal + virama, appendDevaKey folds the nasal
	foldOther        // folded by appendDevaKey
	foldNFC          // needs the NFC path
)

var devaFold = func() (t [128]uint8) {
	for lo := range t {
		r := rune(0x0900 + lo)
		switch {
		case r == nukta, r >= 0x0958 && r <= 0x095F, r == 0x0929, r == 0x0931, r == 0x0934,
			r == candrabindu, r >= 0x0966 && r <= 0x096F:
			t[lo] = foldOther
		case homorganicNasal(r) != 0:
			t[lo] = foldStop
		case r >= 0x0951 && r <= 0x0954:
			t[lo] = foldNFC
		}
	}
	return t
}()

// appendDevaKey appends the key of one Devanagari code point r; dst[start:] is the key of
// the string so far, which the nasal fold looks back into.
func appendDevaKey(dst []byte, start int, r rune) []byte {
	switch {
	case r == nukta:
		return dst
	case r >= 0x0958 && r <= 0x095F:
		r = nuktaBase[r-0x0958]
	case r == 0x0929: // ऩ
		r = 0x0928
	case r == 0x0931: // ऱ
		r = 0x0930
	case r == 0x0934: // ऴ
		r = 0x0933
	case r == candrabindu:
		r = anusvara
	case r >= 0x0966 && r <= 0x096F:
		return append(dst, byte('0'+r-0x0966))
	}
	if n := homorganicNasal(r); n != 0 && len(dst)-start > 6 {
		// dst ends with nasal + virama, after at least one more code point?
		k := len(dst)
		if dst[k-3] == 0xE0 && dst[k-2] == 0xA5 && dst[k-1] == 0x8D && // virama U+094D
			dst[k-6] == 0xE0 && dst[k-5] == 0xA4 && dst[k-4] == byte(0x80|(n&0x3F)) {
			dst = dst[:k-6]
			dst = append(dst, 0xE0, 0xA4, 0x82) // anusvara U+0902
		}
	}
	return append(dst, 0xE0, byte(0xA4+(r-0x0900)>>6), byte(0x80|(r&0x3F)))
}

// homorganicNasal returns the nasal consonant of the class of stop r (velar ङ, palatal ञ,
// retroflex ट-class ण, dental न, labial म), or 0 when r is not a stop.
func homorganicNasal(r rune) rune {
	switch {
	case r >= 0x0915 && r <= 0x0918: // क ख ग घ
		return 0x0919
	case r >= 0x091A && r <= 0x091D: // च छ ज झ
		return 0x091E
	case r >= 0x091F && r <= 0x0922: // ट ठ ड ढ
		return 0x0923
	case r >= 0x0924 && r <= 0x0927: // त थ द ध
		return 0x0928
	case r >= 0x092A && r <= 0x092D: // प फ ब भ
		return 0x092E
	}
	return 0
}

// isIgnorable reports whether r only affects rendering and is dropped from keys: ZWSP,
// ZWNJ, ZWJ, word joiner, soft hyphen, BOM.
func isIgnorable(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0x00AD, 0xFEFF:
		return true
	}
	return false
}

// needsNFC reports whether s holds a code point for which the Devanagari and ASCII folds of
// AppendKey are not already equivalent to NFC followed by the folds. For ASCII, Devanagari
// (except the Vedic tone marks U+0951..U+0954, which reorder) and the ignorable joiners the
// folds alone give the NFC result: the only Devanagari compositions and decompositions
// involve the nukta, which the key drops, and the nukta/virama order is then moot.
func needsNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c == 0xE0 && i+2 < len(s) && (s[i+1] == 0xA4 || s[i+1] == 0xA5) {
			if s[i+1] == 0xA5 && s[i+2] >= 0x91 && s[i+2] <= 0x94 {
				return true
			}
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isIgnorable(r) {
			return true
		}
		i += n
	}
	return false
}
