package output

import (
	"strings"
	"unicode/utf8"
)

// validUTF8 returns s unchanged when it is valid UTF-8 and otherwise with every invalid byte
// sequence replaced by U+FFFD: DuckDB and Arrow refuse STRING columns holding invalid bytes.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// excerpt makes s valid UTF-8 and cuts it to at most MaxExcerptBytes at a rune boundary.
func excerpt(s string) string {
	s = validUTF8(s)
	if len(s) <= MaxExcerptBytes {
		return s
	}
	cut := MaxExcerptBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}
