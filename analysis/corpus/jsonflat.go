package corpus

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// A hand-written decoder for one JSON object per line. It validates the whole line with the
// grammar of encoding/json (including its nesting limit), and extracts only the members whose
// keys are wanted, as strings, number literals or the name of another type. Strings are
// unescaped exactly as encoding/json does (invalid UTF-8 bytes and lone surrogates become
// U+FFFD, as the caller replaces invalid bytes); duplicate keys: the last one wins, null clears. It allocates only the extracted
// strings. FuzzJSONEquivalence checks it against encoding/json.

const maxJSONDepth = 10000 // as encoding/json

// jsonError is a syntax error at a byte offset of the line.
type jsonError struct {
	off int // 0-based byte offset
	msg string
}

func (e *jsonError) Error() string { return fmt.Sprintf("%s at column %d", e.msg, e.off+1) }

// errNotObject is returned for valid JSON that is not an object; kind names what it is.
type notObjectError struct{ kind string }

func (e *notObjectError) Error() string { return "json value is " + e.kind + ", not an object" }

type jsonDecoder struct {
	keys  map[string]int // key -> field index
	buf   []byte         // scratch for unescaping
	stack []byte         // open composites while skipping
}

// strTable marks bytes that end the scan of a string: '"', '\\' and control characters.
var strTable = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c < 0x20 || c == '"' || c == '\\'
	}
	return t
}()

func isWS(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipWS(d []byte, i int) int {
	for i < len(d) && isWS(d[i]) {
		i++
	}
	return i
}

func eofErr(d []byte) error { return &jsonError{off: len(d), msg: "unexpected end of JSON input"} }

func charErr(d []byte, i int, context string) error {
	if i >= len(d) {
		return eofErr(d)
	}
	return &jsonError{off: i, msg: fmt.Sprintf("invalid character %s %s", quoteChar(d[i]), context)}
}

func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c < 0x20 || c >= 0x7f:
		return fmt.Sprintf("0x%02x", c)
	}
	return "'" + string(rune(c)) + "'"
}

// decode parses line into rec. It returns a *jsonError for malformed JSON and a
// *notObjectError for valid JSON that is not an object.
func (dec *jsonDecoder) decode(d []byte, rec *record) error {
	i := skipWS(d, 0)
	if i >= len(d) {
		return eofErr(d)
	}
	if d[i] != '{' {
		end, err := dec.skipValue(d, i, 0)
		if err != nil {
			return err
		}
		if j := skipWS(d, end); j < len(d) {
			return charErr(d, j, "after top-level value")
		}
		return &notObjectError{kind: kindName(d[i])}
	}
	i = skipWS(d, i+1)
	if i < len(d) && d[i] == '}' {
		i++
	} else {
		for {
			if i >= len(d) {
				return eofErr(d)
			}
			if d[i] != '"' {
				return charErr(d, i, "looking for beginning of object key string")
			}
			ks, ke, esc, hi, err := scanString(d, i)
			if err != nil {
				return err
			}
			field := -1
			if !esc && (!hi || utf8.Valid(d[ks:ke])) {
				if f, ok := dec.keys[string(d[ks:ke])]; ok {
					field = f
				}
			} else {
				dec.buf = unescape(dec.buf[:0], d[ks:ke])
				if !utf8.Valid(dec.buf) {
					dec.buf = []byte(replaceInvalid(string(dec.buf)))
				}
				if f, ok := dec.keys[string(dec.buf)]; ok {
					field = f
				}
			}
			i = skipWS(d, ke+1)
			if i >= len(d) {
				return eofErr(d)
			}
			if d[i] != ':' {
				return charErr(d, i, "after object key")
			}
			i = skipWS(d, i+1)
			if i >= len(d) {
				return eofErr(d)
			}
			if field >= 0 {
				i, err = dec.member(d, i, &rec.v[field])
			} else {
				i, err = dec.skipValue(d, i, 1)
			}
			if err != nil {
				return err
			}
			i = skipWS(d, i)
			if i >= len(d) {
				return eofErr(d)
			}
			if d[i] == ',' {
				i = skipWS(d, i+1)
				continue
			}
			if d[i] == '}' {
				i++
				break
			}
			return charErr(d, i, "after object key:value pair")
		}
	}
	if j := skipWS(d, i); j < len(d) {
		return charErr(d, j, "after top-level value")
	}
	return nil
}

func kindName(c byte) string {
	switch c {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// member decodes a wanted member's value at d[i].
func (dec *jsonDecoder) member(d []byte, i int, v *value) (int, error) {
	switch c := d[i]; {
	case c == '"':
		s, e, esc, _, err := scanString(d, i)
		if err != nil {
			return 0, err
		}
		if !esc {
			*v = value{kind: kString, s: string(d[s:e])}
		} else {
			dec.buf = unescape(dec.buf[:0], d[s:e])
			*v = value{kind: kString, s: string(dec.buf)}
		}
		return e + 1, nil
	case c == '-' || (c >= '0' && c <= '9'):
		e, err := scanNumber(d, i)
		if err != nil {
			return 0, err
		}
		*v = value{kind: kNumber, s: string(d[i:e])}
		return e, nil
	case c == 'n':
		e, err := scanLiteral(d, i, "null")
		*v = value{}
		return e, err
	case c == 't' || c == 'f':
		lit := "true"
		if c == 'f' {
			lit = "false"
		}
		e, err := scanLiteral(d, i, lit)
		*v = value{kind: kBool, s: "a boolean"}
		return e, err
	case c == '{' || c == '[':
		e, err := dec.skipValue(d, i, 1)
		name := "an object"
		if c == '[' {
			name = "an array"
		}
		*v = value{kind: kOther, s: name}
		return e, err
	}
	return 0, charErr(d, i, "looking for beginning of value")
}

// scanString scans the string starting with the quote at d[i]. It returns the content span
// d[s:e] (d[e] is the closing quote), whether it holds escapes, and whether it holds non-ASCII
// bytes. It looks at eight bytes at a time for a quote, a backslash or a control character.
func scanString(d []byte, i int) (s, e int, esc, hi bool, err error) {
	const lo, high = 0x0101010101010101, 0x8080808080808080
	s = i + 1
	j := s
	var acc uint64
	for {
		for j+8 <= len(d) {
			w := binary.LittleEndian.Uint64(d[j:])
			q := w ^ (lo * '"')
			b := w ^ (lo * '\\')
			if ((w-lo*0x20)&^w|(q-lo)&^q|(b-lo)&^b)&high != 0 {
				break
			}
			acc |= w
			j += 8
		}
		for j < len(d) && !strTable[d[j]] {
			acc |= uint64(d[j])
			j++
		}
		if j >= len(d) {
			return 0, 0, false, false, eofErr(d)
		}
		switch c := d[j]; {
		case c == '"':
			return s, j, esc, hi || acc&high != 0, nil
		case c == '\\':
			esc = true
			if j+1 >= len(d) {
				return 0, 0, false, false, eofErr(d)
			}
			switch d[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				for k := j + 2; k < j+6; k++ {
					if k >= len(d) {
						return 0, 0, false, false, eofErr(d)
					}
					if !isHex(d[k]) {
						return 0, 0, false, false, charErr(d, k, "in \\u hexadecimal character escape")
					}
				}
				j += 6
			default:
				return 0, 0, false, false, charErr(d, j+1, "in string escape code")
			}
		case c < 0x20:
			return 0, 0, false, false, charErr(d, j, "in string literal")
		default:
			hi = true
			j++
		}
	}
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'f')
}

func scanNumber(d []byte, i int) (int, error) {
	if d[i] == '-' {
		i++
		if i >= len(d) {
			return 0, eofErr(d)
		}
	}
	switch {
	case d[i] == '0':
		i++
	case d[i] >= '1' && d[i] <= '9':
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	default:
		return 0, charErr(d, i, "in numeric literal")
	}
	if i < len(d) && d[i] == '.' {
		i++
		if i >= len(d) {
			return 0, eofErr(d)
		}
		if d[i] < '0' || d[i] > '9' {
			return 0, charErr(d, i, "after decimal point in numeric literal")
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= len(d) {
			return 0, eofErr(d)
		}
		if d[i] < '0' || d[i] > '9' {
			return 0, charErr(d, i, "in exponent of numeric literal")
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	return i, nil
}

func scanLiteral(d []byte, i int, lit string) (int, error) {
	for k := 0; k < len(lit); k++ {
		if i+k >= len(d) {
			return 0, eofErr(d)
		}
		if d[i+k] != lit[k] {
			return 0, charErr(d, i+k, "in literal "+lit+" (expecting "+quoteChar(lit[k])+")")
		}
	}
	return i + len(lit), nil
}

// skipValue validates and skips the value at d[i] (after white space), which sits at the given
// nesting depth, without recursion.
func (dec *jsonDecoder) skipValue(d []byte, i, depth int) (int, error) {
	stack := dec.stack[:0]
	defer func() { dec.stack = stack[:0] }()
	for {
		// A value starts at d[i].
		if i >= len(d) {
			return 0, eofErr(d)
		}
		var err error
		switch c := d[i]; {
		case c == '{' || c == '[':
			if depth+len(stack)+1 > maxJSONDepth {
				return 0, &jsonError{off: i, msg: "exceeded max depth"}
			}
			stack = append(stack, c)
			i = skipWS(d, i+1)
			if i >= len(d) {
				return 0, eofErr(d)
			}
			if (c == '{' && d[i] == '}') || (c == '[' && d[i] == ']') {
				stack = stack[:len(stack)-1]
				i++
				break
			}
			if c == '{' {
				if i, err = objectKey(d, i); err != nil {
					return 0, err
				}
			}
			continue
		case c == '"':
			var e int
			if _, e, _, _, err = scanString(d, i); err != nil {
				return 0, err
			}
			i = e + 1
		case c == '-' || (c >= '0' && c <= '9'):
			if i, err = scanNumber(d, i); err != nil {
				return 0, err
			}
		case c == 't':
			if i, err = scanLiteral(d, i, "true"); err != nil {
				return 0, err
			}
		case c == 'f':
			if i, err = scanLiteral(d, i, "false"); err != nil {
				return 0, err
			}
		case c == 'n':
			if i, err = scanLiteral(d, i, "null"); err != nil {
				return 0, err
			}
		default:
			return 0, charErr(d, i, "looking for beginning of value")
		}
		// A value ended; close composites or move to the next element.
		for {
			if len(stack) == 0 {
				return i, nil
			}
			i = skipWS(d, i)
			if i >= len(d) {
				return 0, eofErr(d)
			}
			top := stack[len(stack)-1]
			if d[i] == ',' {
				i = skipWS(d, i+1)
				if top == '{' {
					if i, err = objectKey(d, i); err != nil {
						return 0, err
					}
				}
				break
			}
			if (top == '{' && d[i] == '}') || (top == '[' && d[i] == ']') {
				stack = stack[:len(stack)-1]
				i++
				continue
			}
			if top == '{' {
				return 0, charErr(d, i, "after object key:value pair")
			}
			return 0, charErr(d, i, "after array element")
		}
		i = skipWS(d, i)
	}
}

// objectKey scans `"key" :` at d[i] and returns the start of the value.
func objectKey(d []byte, i int) (int, error) {
	if i >= len(d) {
		return 0, eofErr(d)
	}
	if d[i] != '"' {
		return 0, charErr(d, i, "looking for beginning of object key string")
	}
	_, e, _, _, err := scanString(d, i)
	if err != nil {
		return 0, err
	}
	i = skipWS(d, e+1)
	if i >= len(d) {
		return 0, eofErr(d)
	}
	if d[i] != ':' {
		return 0, charErr(d, i, "after object key")
	}
	return skipWS(d, i+1), nil
}

// unescape appends the content of a scanned (valid) JSON string to b, resolving escapes as
// encoding/json does (an invalid surrogate becomes U+FFFD). Bytes other than escapes are
// copied as they are: invalid UTF-8 is left for the caller to replace (replaceInvalid), which
// gives the same result as encoding/json since escapes never produce continuation bytes.
func unescape(b, s []byte) []byte {
	for len(s) > 0 {
		k := bytes.IndexByte(s, '\\')
		if k < 0 {
			return append(b, s...)
		}
		b = append(b, s[:k]...)
		s = s[k+1:]
		switch s[0] {
		case '"', '\\', '/':
			b = append(b, s[0])
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			rr := getu4(s[1:])
			s = s[5:]
			if utf16.IsSurrogate(rr) {
				if len(s) >= 6 && s[0] == '\\' && s[1] == 'u' {
					if dec := utf16.DecodeRune(rr, getu4(s[2:])); dec != unicode.ReplacementChar {
						b = utf8.AppendRune(b, dec)
						s = s[6:]
						continue
					}
				}
				rr = unicode.ReplacementChar
			}
			b = utf8.AppendRune(b, rr)
			continue
		}
		s = s[1:]
	}
	return b
}

// getu4 decodes four hex digits (already validated); -1 when s is too short or not hex.
func getu4(s []byte) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
