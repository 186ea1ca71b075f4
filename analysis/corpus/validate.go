package corpus

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Thresholds of the checks; see docs/inputs.md.
const (
	maxControlShare = 0.10 // share of control characters among the characters of a text: binary above
	maxInvalidShare = 0.10 // share of invalid UTF-8 bytes in a text: rejected above, repaired below
)

// build checks a decoded row and turns it into an Article, or a Reject.
func (r *Reader) build(in *input, rec *record) (*Article, *Reject) {
	cfg := r.cfg
	rej := func(code, format string, args ...any) (*Article, *Reject) {
		id := ""
		if v := rec.v[fID]; v.kind == kString || v.kind == kNumber {
			id = excerptOf([]byte(strings.TrimSpace(v.s)))
		}
		return nil, &Reject{Input: in.name, Line: rec.line, ID: id, Code: code,
			Reason: fmt.Sprintf(format, args...), Excerpt: excerptOf(rec.raw)}
	}
	col := func(f int) string {
		if cfg.cols[f] == fieldNames[f] {
			return fmt.Sprintf("field %q", fieldNames[f])
		}
		return fmt.Sprintf("field %q (column %q)", fieldNames[f], cfg.cols[f])
	}
	for f := range nFields {
		v := rec.v[f]
		switch v.kind {
		case kBool, kOther:
			return rej(CodeFieldType, "%s: want a string, got %s", col(f), v.s)
		case kNumber:
			if f != fID && f != fPublished {
				return rej(CodeFieldType, "%s: want a string, got number %s", col(f), v.s)
			}
		case kTime:
			if f != fPublished {
				return rej(CodeFieldType, "%s: want a string, got a timestamp", col(f))
			}
		}
	}
	var flags []string
	flag := func(s string) {
		for _, f := range flags {
			if f == s {
				return
			}
		}
		flags = append(flags, s)
	}
	// Text first: its size, binary content, encoding and language.
	tv := rec.v[fText]
	if tv.kind == absent {
		return rej(CodeMissingText, "missing text (%s)", col(fText))
	}
	text := tv.s
	if len(text) > cfg.maxText {
		return rej(CodeTooLarge, "%s is %d bytes, over the limit of %d", col(fText), len(text), cfg.maxText)
	}
	st := scanText(text)
	chars := st.chars + st.invalid
	if st.nul > 0 {
		return rej(CodeBinary, "%s holds binary data (%d NUL bytes)", col(fText), st.nul)
	}
	if chars > 0 && float64(st.control) > maxControlShare*float64(chars) {
		return rej(CodeBinary, "%s holds binary data (%d of %d characters are control characters)",
			col(fText), st.control, chars)
	}
	invalid := tv.invalid + st.invalid
	if invalid > 0 {
		if float64(invalid) > maxInvalidShare*float64(len(text)) {
			return rej(CodeInvalidUTF8, "%s is not UTF-8 (%d of %d bytes invalid)", col(fText), invalid, len(text))
		}
		if st.invalid > 0 {
			text = replaceInvalid(text)
		}
		flag(FlagInvalidUTF8)
	}
	if !st.nonSpace {
		return rej(CodeEmptyText, "empty text (%s)", col(fText))
	}
	if cfg.minDeva > 0 && st.letters == 0 {
		return rej(CodeNotHindi, "%s is not Hindi: it has no letters", col(fText))
	}
	if cfg.minDeva > 0 {
		share := 0.0
		if st.letters > 0 {
			share = float64(st.deva) / float64(st.letters)
		}
		if share < cfg.minDeva {
			return rej(CodeNotHindi, "%s is not Hindi: %.0f%% of %d letters are Devanagari (minimum %.0f%%)",
				col(fText), 100*share, st.letters, 100*cfg.minDeva)
		}
	}
	// The id.
	idv := rec.v[fID]
	id := strings.TrimSpace(idv.s)
	if idv.kind == absent || id == "" {
		return rej(CodeMissingID, "missing id (%s)", col(fID))
	}
	str := func(f int) string {
		v := rec.v[f]
		if v.invalid > 0 {
			flag(FlagInvalidUTF8)
			return v.s
		}
		if !utf8.ValidString(v.s) {
			flag(FlagInvalidUTF8)
			return replaceInvalid(v.s)
		}
		return v.s
	}
	id = strings.TrimSpace(str(fID))
	a := &Article{ID: id, Title: str(fTitle), Text: text, Source: str(fSource), URL: str(fURL),
		Input: in.name, Line: rec.line, Chars: chars}
	if st.letters > 0 {
		a.DevanagariShare = float64(st.deva) / float64(st.letters)
	}
	if len(a.Title) > cfg.maxText {
		return rej(CodeTooLarge, "%s is %d bytes, over the limit of %d", col(fTitle), len(a.Title), cfg.maxText)
	}
	if t, ok := parseTime(rec.v[fPublished]); ok {
		a.PublishedAt = t
	} else {
		flag(FlagBadPublishedAt)
	}
	if strings.TrimSpace(a.Source) == "" {
		a.Source = in.source
		flag(FlagSourceFromName)
	}
	if first, dup := r.seen[id]; dup {
		return rej(CodeDuplicateID, "duplicate id %q, first seen at %s:%d", id, r.inputs[first.input].name, first.line)
	}
	r.seen[id] = position{input: in.index, line: rec.line}
	a.Flags = flags
	return a, nil
}

type textStats struct {
	chars, letters, deva, control, nul, invalid int
	nonSpace                                    bool
}

// asciiClass: 1 letter, 2 control, 3 NUL, 4 white space, 0 other.
var asciiClass = func() (t [128]uint8) {
	for c := range 128 {
		switch {
		case c == 0:
			t[c] = 3
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == ' ':
			t[c] = 4
		case c < 0x20 || c == 0x7f:
			t[c] = 2
		case (c|0x20) >= 'a' && (c|0x20) <= 'z':
			t[c] = 1
		}
	}
	return t
}()

// devaLetter is 1 for the letters of U+0900..U+097F, 0 for the rest (marks, digits, danda).
var devaLetter = func() (t [128]uint8) {
	for i := range 128 {
		if unicode.IsLetter(rune(0x900 + i)) {
			t[i] = 1
		}
	}
	return t
}()

// scanText counts, in one pass, what the checks need: characters, letters, Devanagari
// letters, control characters, NUL bytes, invalid UTF-8 bytes, and whether anything but white
// space is present.
func scanText(s string) textStats {
	var st textStats
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0xE0 {
			// A run of Devanagari (U+0900..U+097F: E0 A4 80 .. E0 A5 BF) and of the spaces
			// between its words, the bulk of the text.
			j, deva, chars := i, 0, 0
			for j+2 < len(s) {
				if s[j] == ' ' {
					chars++
					j++
					continue
				}
				if s[j] != 0xE0 || s[j+1]&0xFE != 0xA4 || s[j+2]&0xC0 != 0x80 {
					break
				}
				deva += int(devaLetter[int(s[j+1]&1)<<6|int(s[j+2]&0x3F)])
				chars++
				j += 3
			}
			if chars > 0 { // the run starts with a Devanagari code point
				st.deva += deva
				st.letters += deva
				st.chars += chars
				st.nonSpace = true
				i = j
				continue
			}
		}
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case 0:
				st.nonSpace = true
			case 1:
				st.letters++
				st.nonSpace = true
			case 2:
				st.control++
				st.nonSpace = true
			case 3:
				st.nul++
				st.nonSpace = true
			}
			st.chars++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			st.invalid++
			st.nonSpace = true
			continue
		}
		st.chars++
		switch {
		case unicode.IsLetter(r):
			st.letters++
			st.nonSpace = true
		case unicode.IsSpace(r):
		case unicode.IsControl(r):
			st.control++
			st.nonSpace = true
		default:
			st.nonSpace = true
		}
	}
	return st
}

// replaceInvalid replaces each invalid UTF-8 byte by U+FFFD, as encoding/json does.
func replaceInvalid(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// excerptOf returns the start of b as valid UTF-8 of at most MaxExcerptBytes bytes, cut at a
// rune boundary, with invalid bytes as U+FFFD and control characters and line breaks as
// spaces.
func excerptOf(b []byte) string {
	var out []byte
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		i += size
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			r = ' '
		}
		if len(out)+utf8.RuneLen(r) > MaxExcerptBytes {
			break
		}
		out = utf8.AppendRune(out, r)
	}
	return strings.TrimSpace(string(out))
}

var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02",
}

// Range of accepted times: a published_at outside it is taken as a mistake.
var (
	minTime = time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
)

// parseTime reads published_at. It returns ok=false only when a value is present but not
// understood; an absent value gives the zero time and ok=true.
func parseTime(v value) (time.Time, bool) {
	var t time.Time
	switch v.kind {
	case absent:
		return time.Time{}, true
	case kTime:
		t = v.t
	case kNumber:
		f, err := strconv.ParseFloat(v.s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 253402300799 {
			return time.Time{}, false
		}
		sec, frac := math.Modf(f)
		t = time.Unix(int64(sec), int64(math.Round(frac*1e9))).UTC()
	case kString:
		s := strings.TrimSpace(v.s)
		if s == "" {
			return time.Time{}, true
		}
		if s[0] >= '0' && s[0] <= '9' && strings.Trim(s, "0123456789.") == "" && strings.Count(s, ".") <= 1 && !strings.Contains(s[:min(len(s), 5)], "-") {
			if len(s) != 4 && len(s) >= 9 { // digits only: Unix seconds (a year like 2026 is not)
				return parseTime(value{kind: kNumber, s: s})
			}
		}
		ok := false
		for _, layout := range timeLayouts {
			if p, err := time.Parse(layout, s); err == nil {
				t, ok = p, true
				break
			}
		}
		if !ok {
			return time.Time{}, false
		}
	default:
		return time.Time{}, false
	}
	if t.Before(minTime) || t.After(maxTime) {
		return time.Time{}, false
	}
	return t, true
}
